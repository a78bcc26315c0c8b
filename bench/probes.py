"""The bench's app with two extra routes that show how fast a vote could be at best.

Served only by `python -m bench.vote_ceiling` (gunicorn `bench.probes:app`); the site itself
never has these routes.

- A signed-in POST that does no work: the session, the CSRF check and the account loaded, as
  every vote has them, and nothing else. No vote can be faster than this.
- A bare vote: one hand-written PostgreSQL statement that inserts or deletes the vote and
  changes the count, with no locks, no ban or confirmation check and no answer page: the
  write on its own, as fast as SQL through the same stack makes it.
"""

from flask import Blueprint, jsonify
from flask_login import current_user
from sqlalchemy import text

from participation import create_app
from participation.extensions import db

probes = Blueprint("bench_probes", __name__, url_prefix="/bench-probe")

BARE_SUPPORT = text(
    """
    WITH added AS (
        INSERT INTO vote (user_id, idea_id, created_at)
        SELECT :user_id, idea.id, now() AT TIME ZONE 'UTC'
        FROM idea JOIN theme ON theme.id = idea.theme_id
        WHERE idea.id = :idea_id AND theme.is_open AND idea.moderation_state = 'published'
        ON CONFLICT DO NOTHING
        RETURNING idea_id
    )
    UPDATE idea SET vote_count = vote_count + (SELECT count(*) FROM added)
    WHERE id = :idea_id RETURNING vote_count
    """
)
BARE_WITHDRAW = text(
    """
    WITH removed AS (
        DELETE FROM vote WHERE user_id = :user_id AND idea_id = :idea_id RETURNING idea_id
    )
    UPDATE idea SET vote_count = vote_count - (SELECT count(*) FROM removed)
    WHERE id = :idea_id RETURNING vote_count
    """
)


@probes.post("/signed-in/<int:idea_id>/<path:action>")
def signed_in(idea_id, action):
    return jsonify(user=current_user.get_id(), idea=idea_id)


@probes.post("/bare-vote/<int:idea_id>/<path:action>")
def bare_vote(idea_id, action):
    statement = BARE_WITHDRAW if action.endswith("withdraw") else BARE_SUPPORT
    count = db.session.execute(statement, {"user_id": current_user.id, "idea_id": idea_id}).scalar()
    db.session.commit()
    return jsonify(vote_count=count)


app = create_app()
app.register_blueprint(probes)
