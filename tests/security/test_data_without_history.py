"""Catalogue FAULT-07: data that did not come through the app (bench data, an import) never
turns a public page into a 500.

An accepted idea without a status-change row has no answer date: the answers page used to
sort it first and fail on its missing date. The bench data now leaves a history row for
every answer, as an official's answer does, and the page shows only answers it can date.
"""

from sqlalchemy import func, select

from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus
from participation.moderation.models import StatusChange

BENCH = ["--ideas", "300", "--votes", "600", "--comments", "300", "--users", "40"]


def test_fault_07_an_accepted_idea_without_history_leaves_the_answers_page_working(app, make):
    theme = make.theme(name="Groen in de wijk")
    make.idea(theme=theme, status=IdeaStatus.ACCEPTED, title="Geïmporteerd en aangenomen")
    make.idea(theme=theme, status=IdeaStatus.IMPLEMENTED, title="Geïmporteerd en uitgevoerd")
    for path in ("/answers", "/answers?lang=en"):
        response = app.test_client().get(path)
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        page = response.get_data(as_text=True)
        assert "Groen in de wijk" in page
        assert "Geïmporteerd en aangenomen" not in page  # no answer to show, so not showcased


def test_fault_07_bench_data_answers_every_answered_idea_with_a_history_row(app):
    result = app.test_cli_runner().invoke(args=["seed", "bench", *BENCH])
    assert result.exit_code == 0, result.output
    with app.app_context():
        answered = db.session.scalar(
            select(func.count()).where(Idea.status != IdeaStatus.SUBMITTED)
        )
        without_history = db.session.scalar(
            select(func.count()).where(
                Idea.status != IdeaStatus.SUBMITTED,
                ~select(StatusChange.id).where(StatusChange.idea_id == Idea.id).exists(),
            )
        )
        before_submission = db.session.scalar(
            select(func.count())
            .select_from(StatusChange)
            .join(Idea, Idea.id == StatusChange.idea_id)
            .where(StatusChange.created_at < Idea.created_at)
        )
        assert answered > 0 and without_history == 0 and before_submission == 0
    assert app.test_client().get("/answers").status_code == 200
