"""Catalogue CONC-06: every service that changes moderation state locks and decides again.

Two members of staff doing the same thing at once (an answer, closing a discussion, marking a
duplicate, dismissing reports) do it once: one log row, one status change, one mail per
resident. Writes of residents that wait behind a hide (a report, the author's edit) are
refused once it commits. All over a threaded server, released together by a barrier.
"""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from time import sleep

import pytest
from sqlalchemy import func, insert, select

from participation.auth.models import User
from participation.core.models import MailOutbox
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation import content
from participation.moderation.models import ModerationAction, Report, StatusChange
from participation.voting.models import Vote
from tests.security.live import all_at_once, request, serve, sign_in, signed_in_residents

pytestmark = pytest.mark.usefixtures("mail_worker_separate")

ROUNDS = 10
ANSWER = {"status": "accepted", "explanation": "De gemeente voert dit uit in het voorjaar."}


def _count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _logged(app, action: str, idea_id: int) -> int:
    return _count(
        app,
        ModerationAction,
        ModerationAction.action == action,
        ModerationAction.target_id == idea_id,
    )


def _supported_by(app, idea_id: int, email: str) -> None:
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.email == email))
        db.session.execute(insert(Vote).values(user_id=user_id, idea_id=idea_id))
        db.session.execute(
            Idea.__table__.update().where(Idea.id == idea_id).values(vote_count=Idea.vote_count + 1)
        )
        db.session.commit()


def _both_at_once(base, path, staff, data) -> list[int]:
    calls = [partial(request, base, path, who, data, follow=False) for who in staff]
    return [status for status, _, _ in all_at_once(calls)]


def test_conc_06_two_officials_answering_the_same_idea_answer_it_once(app, make):
    officials = [sign_in(app, make.user(is_official=True).email) for _ in range(2)]
    supporter = make.user(email="steun@example.org")
    theme = make.theme()
    outcomes = Counter()
    with serve(app) as base:
        for _ in range(ROUNDS):
            idea = make.idea(theme=theme)
            _supported_by(app, idea.id, supporter.email)
            statuses = _both_at_once(base, f"/moderation/ideas/{idea.id}/status", officials, ANSWER)
            outcomes[tuple(sorted(statuses))] += 1
            # One is stored and redirects; the other is told the idea already has the status.
            assert sorted(statuses) == [302, 400], statuses
            assert _count(app, StatusChange, StatusChange.idea_id == idea.id) == 1
            assert _logged(app, "idea.set_status", idea.id) == 1
    # Every idea was answered once, so the supporter got one mail per idea.
    assert _count(app, MailOutbox, MailOutbox.recipient == supporter.email) == ROUNDS
    print(f"\nCONC-06 two officials, {ROUNDS} ideas: {dict(outcomes)}")


def test_conc_06_two_moderators_closing_one_discussion_close_it_once(app, make):
    moderators = [sign_in(app, make.user(is_moderator=True).email) for _ in range(2)]
    theme = make.theme()
    with serve(app) as base:
        for _ in range(ROUNDS):
            idea = make.idea(theme=theme)
            path = f"/moderation/ideas/{idea.id}/close-discussion"
            statuses = _both_at_once(base, path, moderators, {"note": "Afgesloten."})
            # The later one is told "changed a moment ago" (302) or refused at the door (403).
            assert set(statuses) <= {302, 403}, statuses
            assert _logged(app, "idea.close_discussion", idea.id) == 1


def test_conc_06_two_moderators_marking_one_duplicate_invite_each_supporter_once(app, make):
    moderators = [sign_in(app, make.user(is_moderator=True).email) for _ in range(2)]
    supporter = make.user(email="steun@example.org")
    theme = make.theme()
    original = make.idea(theme=theme)
    with serve(app) as base:
        for _ in range(ROUNDS):
            idea = make.idea(theme=theme)
            _supported_by(app, idea.id, supporter.email)
            path = f"/moderation/ideas/{idea.id}/duplicate"
            statuses = _both_at_once(base, path, moderators, {"original_id": original.id})
            assert set(statuses) <= {302, 403}, statuses
            assert _logged(app, "idea.mark_duplicate", idea.id) == 1
    assert _count(app, MailOutbox, MailOutbox.recipient == supporter.email) == ROUNDS


def test_conc_06_two_moderators_dismissing_the_same_reports_dismiss_them_once(app, make):
    moderators = [sign_in(app, make.user(is_moderator=True).email) for _ in range(2)]
    reporters = signed_in_residents(app, 3, "melder")
    theme = make.theme()
    with serve(app) as base:
        for _ in range(ROUNDS):
            idea = make.idea(theme=theme)
            for reporter in reporters:
                path = f"/ideas/{idea.id}/report"
                assert request(base, path, reporter, {"reason": "spam"}, follow=False)[0] == 302
            path = f"/moderation/ideas/{idea.id}/dismiss-reports"
            assert set(_both_at_once(base, path, moderators, {})) == {302}
            assert _logged(app, "report.dismiss", idea.id) == 1
            assert _count(app, Report, Report.idea_id == idea.id, Report.resolved_at.is_(None)) == 0


def _while_hidden(app, idea_id: int, moderator_id: int, calls):
    """Start the hide, let the calls queue behind its lock, commit it, collect their answers."""
    with app.test_request_context():
        held = db.session.get(Idea, idea_id)
        content.hide_item(db.session.get(User, moderator_id), held, "spam", commit=False)
        db.session.flush()
        with ThreadPoolExecutor(max_workers=len(calls)) as pool:
            futures = [pool.submit(call) for call in calls]
            sleep(1.5)
            db.session.commit()
            return [future.result() for future in futures]


def test_conc_06_reports_and_the_authors_edit_queued_behind_a_hide_are_refused(app, make):
    author = make.user(email="schrijver@example.org")
    idea = make.idea(author=author)
    moderator = make.user(is_moderator=True)
    reporters = signed_in_residents(app, 10, "wachtend")
    writer = sign_in(app, author.email)
    edit = {"theme": idea.theme_id, "title": "Een nieuwe titel na het verbergen", "body": "x" * 40}
    with serve(app) as base:
        calls = [
            partial(request, base, f"/ideas/{idea.id}/report", r, {"reason": "spam"}, False)
            for r in reporters
        ]
        calls.append(partial(request, base, f"/ideas/{idea.id}/edit", writer, edit, False))
        answers = _while_hidden(app, idea.id, moderator.id, calls)
    statuses = Counter(status for status, _ in answers)
    print(f"\nCONC-06 reports and an edit behind a hide: {dict(statuses)}")
    assert [status for status, _ in answers[:-1]] == [404] * len(reporters)  # as if hidden
    assert answers[-1][0] == 403  # the author still sees the idea, but may not change it
    assert _count(app, Report) == 0
    with app.app_context():
        assert db.session.get(Idea, idea.id).title == idea.title
