"""`flask seed bench`: a realistic data set whose counters equal the rows they count."""

from sqlalchemy import func, select

from participation.comments.models import Comment
from participation.core.models import ModerationState
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.voting.models import Vote

SIZES = ["--ideas", "300", "--votes", "2000", "--comments", "600", "--users", "80"]


def test_seed_bench_builds_the_asked_sizes_with_counters_equal_to_rows(app):
    result = app.test_cli_runner().invoke(args=["seed", "bench", *SIZES])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Idea.id))) == 300
        assert db.session.scalar(select(func.count(Vote.id))) == 2000
        votes = dict(
            db.session.execute(select(Vote.idea_id, func.count()).group_by(Vote.idea_id)).all()
        )
        published = dict(
            db.session.execute(
                select(Comment.idea_id, func.count())
                .where(Comment.moderation_state == ModerationState.PUBLISHED)
                .group_by(Comment.idea_id)
            ).all()
        )
        for idea in db.session.scalars(select(Idea)):
            assert idea.vote_count == votes.get(idea.id, 0)
            assert idea.comment_count == published.get(idea.id, 0)
        assert published[1] == 50  # the idea page the bench reads
        states = set(db.session.scalars(select(Idea.moderation_state).distinct()))
        assert states == {"published", "pending", "hidden"}
        assert db.session.scalar(select(func.count()).where(Idea.withdrawn_at.is_not(None)))
        assert len(set(db.session.scalars(select(Idea.status).distinct()))) >= 4
        assert db.session.scalar(select(func.count(Theme.id))) == 8
        # Popularity is skewed: the top tenth of ideas holds far more than a tenth of votes.
        counts = sorted(db.session.scalars(select(Idea.vote_count)), reverse=True)
        assert sum(counts[:30]) > 0.3 * sum(counts)


def test_seed_bench_refuses_a_database_with_data(app, make):
    make.theme()
    result = app.test_cli_runner().invoke(args=["seed", "bench", *SIZES])
    assert result.exit_code != 0
    assert "already has data" in result.output
