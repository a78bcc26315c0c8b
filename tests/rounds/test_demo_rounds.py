"""The demo municipality runs a round in its ideas phase, has one coming up and one finished
with answers; nothing that already happened is dated in the future."""

from sqlalchemy import func, select

from participation.comments.models import Comment
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import StatusChange
from participation.rounds.queries import published_rounds
from participation.seed.demo import load_demo
from participation.voting.models import Vote


def test_demo_has_a_running_an_upcoming_and_a_finished_round(app, client):
    with app.app_context():
        load_demo()
        now = utcnow()
        rounds = published_rounds()
        assert [r.slug for r in rounds.running] == ["groener-marktplein"]
        assert rounds.running[0].phase_at(now).kind == "ideas"
        assert [r.slug for r in rounds.upcoming] == ["speelplekken-noord"]
        assert [r.slug for r in rounds.finished] == ["fietsroutes-centrum"]
        finished = rounds.finished[0]
        answered = db.session.scalar(
            select(func.count()).where(Idea.round_id == finished.id, Idea.status != "submitted")
        )
        assert answered == 4
        for model in (Idea, Vote, Comment, StatusChange):
            assert db.session.scalar(select(func.max(model.created_at))) <= now, model
    html = client.get("/rondes/fietsroutes-centrum").get_data(as_text=True)
    assert "Vrijliggend fietspad op de Stationsweg" in html
    assert "We leggen in 2027 een vrijliggend fietspad aan" in html
