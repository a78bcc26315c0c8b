"""How long the moderation queue takes with many reported and waiting items; prints figures.

    .venv/bin/python bench/moderation_queue.py [ideas] [reports] [pending]
Uses a throwaway SQLite file unless DATABASE_URL is set (never point it at real data).
"""

import os
import sys
import tempfile
import time

from flask_migrate import upgrade
from sqlalchemy import event, insert

from participation import create_app
from participation.auth.models import User
from participation.comments.models import Comment
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.models import Report
from participation.moderation.queue import moderation_queue


def fill(ideas: int, reports: int, pending: int) -> None:
    db.session.execute(
        insert(User),
        [
            {"email": f"u{n}@example.org", "display_name": f"U{n}", "password_hash": "x"}
            for n in range(reports + 1)
        ],
    )
    db.session.add(Theme(slug="t", name="T"))
    db.session.flush()
    db.session.execute(
        insert(Idea),
        [
            {
                "theme_id": 1,
                "author_id": 1,
                "title": f"Idee {n}",
                "body": "tekst " * 20,
                "moderation_state": "pending" if n < pending else "published",
            }
            for n in range(ideas)
        ],
    )
    db.session.execute(
        insert(Comment),
        [{"idea_id": 1 + n % ideas, "author_id": 1, "body": "x"} for n in range(ideas)],
    )
    rows = []
    for n in range(reports):
        target = {"idea_id": 1 + n % ideas} if n % 2 else {"comment_id": 1 + n % ideas}
        rows.append({"reporter_id": 2 + n, "reason": "spam", "note": "", **target})
    db.session.execute(insert(Report), rows)
    db.session.commit()


def main() -> None:
    ideas, reports, pending = (int(a) for a in (sys.argv[1:] + ["5000", "2000", "300"])[:3])
    path = os.path.join(tempfile.mkdtemp(), "bench.db")
    app = create_app(
        "testing", SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", f"sqlite:///{path}")
    )
    with app.app_context():
        upgrade()
        fill(ideas, reports, pending)
        queries = []
        event.listen(db.engine, "before_cursor_execute", lambda *a: queries.append(1))
        for sort in ("oldest", "reports"):
            db.session.expunge_all()
            queries.clear()
            start = time.perf_counter()
            entries = moderation_queue(sort=sort)
            elapsed = time.perf_counter() - start
            print(
                f"queue sort={sort}: {len(entries)} items, {len(queries)} queries, "
                f"{elapsed * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
