"""The public round pages: lists by time, the timeline, boundaries, drafts, results, Markdown."""

import re

from participation.extensions import db
from participation.moderation.models import StatusChange
from tests.rounds.timeline import local, march_phases


def _current_step(html: str) -> str:
    steps = re.findall(
        r'<li class="round-timeline__step[^"]*" aria-current="step">\s*'
        r'<span class="round-timeline__name">([^<]+)<',
        html,
    )
    assert len(steps) <= 1, steps
    return steps[0] if steps else ""


def test_a_second_before_midnight_and_midnight_see_different_phases(client, march_round, freeze):
    freeze(local(21, 23, 59, 59))
    before = client.get("/rondes/marktplein").get_data(as_text=True)
    freeze(local(22))
    after = client.get("/rondes/marktplein").get_data(as_text=True)
    assert _current_step(before) == "Ideeën"
    assert "Ideeën indienen:</strong> kan nu, tot en met 21 maart 2027." in before
    assert _current_step(after) == "Discussie"
    assert "Ideeën indienen kan in deze ronde niet meer." in after


def test_rounds_page_sorts_rounds_by_the_clock(client, make, freeze):
    make.participation_round(title="Lopende ronde", phases=march_phases())
    later = [
        (kind, start.replace(year=2028), end.replace(year=2028))
        for kind, start, end, _ in march_phases()
    ]
    make.participation_round(title="Komende ronde", phases=later)
    earlier = [
        (kind, start.replace(year=2026), end.replace(year=2026))
        for kind, start, end, _ in march_phases()
    ]
    make.participation_round(title="Afgelopen ronde", phases=earlier)
    make.participation_round(title="Geheime conceptronde", phases=march_phases(), published=False)
    freeze(local(10, 12))
    html = client.get("/rondes").get_data(as_text=True)
    running, upcoming, finished = (
        html.index("Loopt nu"),
        html.index("Binnenkort"),
        html.index("Afgelopen</h2>"),
    )
    assert running < html.index("Lopende ronde") < upcoming
    assert upcoming < html.index("Komende ronde") < finished < html.index("Afgelopen ronde")
    assert "Geheime conceptronde" not in html
    home = client.get("/").get_data(as_text=True)
    assert home.index("Lopende ronde") < home.index("Thema")
    assert "Komende ronde" not in home


def test_authz_11_draft_round_is_a_404_for_residents_and_a_preview_for_staff(
    client, make, freeze, signed_in
):
    make.participation_round(slug="concept", phases=march_phases(), published=False)
    freeze(local(10, 12))
    resident = make.user()
    admin = make.user(is_admin=True)
    assert client.get("/rondes/concept").status_code == 404
    as_resident = signed_in(resident.email)
    assert as_resident.get("/rondes/concept").status_code == 404
    assert as_resident.get("/rondes/concept/ideas/new").status_code == 404
    preview = signed_in(admin.email).get("/rondes/concept")
    assert preview.status_code == 200
    assert "Voorbeeld: deze ronde is een concept." in preview.get_data(as_text=True)


def test_finished_round_shows_result_figures_and_answers(app, client, make, freeze):
    theme = make.theme()
    round_ = make.participation_round(slug="klaar", phases=march_phases(), themes=[theme])
    top = make.idea(theme=theme, round_id=round_.id, title="Bomen rond het plein", vote_count=0)
    make.idea(theme=theme, round_id=round_.id, title="Een waterspeelplaats")
    official = make.user(is_official=True)
    with app.app_context():
        db.session.add(
            StatusChange(
                idea_id=top.id,
                official_id=official.id,
                old_status="submitted",
                new_status="accepted",
                explanation="We planten twintig bomen in het najaar.",
            )
        )
        db.session.execute(
            db.text("UPDATE idea SET status = 'accepted', vote_count = 3 WHERE id = :id"),
            {"id": top.id},
        )
        db.session.commit()
    freeze(local(1, month=4))  # the day after the last phase
    html = client.get("/rondes/klaar").get_data(as_text=True)
    assert "Deze ronde is afgelopen." in html
    result = html[html.index('id="result-heading"') :]
    assert re.search(r"Deelnemers</dt><dd[^>]*>2<", result)  # both authors
    assert re.search(r"Ideeën</dt><dd[^>]*>2<", result)
    assert re.search(r"Steunbetuigingen</dt><dd[^>]*>3<", result)
    assert result.index("Bomen rond het plein") < result.index("Een waterspeelplaats")
    assert "We planten twintig bomen in het najaar." in result


def test_introduction_is_safe_markdown(client, make, freeze):
    make.participation_round(
        slug="md",
        phases=march_phases(),
        introduction="## Waarom\n\n*Groen* [kaart](https://example.org) "
        "[x](javascript:alert(1)) <script>alert(2)</script> <b onclick=x>b</b>",
    )
    freeze(local(10, 12))
    html = client.get("/rondes/md").get_data(as_text=True)
    intro = html[html.index("round-introduction") : html.index('id="timeline-heading"')]
    assert "<h2>Waarom</h2>" in intro and "<em>Groen</em>" in intro
    assert '<a href="https://example.org" rel="nofollow noopener">kaart</a>' in intro
    assert "javascript:" not in intro.replace("[x](javascript:alert(1))", "")
    assert "&lt;script&gt;" in intro  # shown as text, never as markup
    assert "<script" not in intro and "<b " not in intro


def test_idea_page_names_its_round_and_says_when_support_and_comments_open(make, freeze, signed_in):
    theme = make.theme()
    round_ = make.participation_round(slug="marktplein", phases=march_phases(), themes=[theme])
    idea = make.idea(theme=theme, round_id=round_.id)
    resident = signed_in(make.user().email)
    freeze(local(23, 12))  # discussion: comments yes, support from the 25th
    html = resident.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert 'href="/rondes/marktplein"' in html
    assert "Ideeën steunen kan van 25 maart 2027 t/m 27 maart 2027." in html
    assert 'class="vote-form"' not in html and 'id="comment-form"' in html
    freeze(local(30, 12))  # result: neither
    html = resident.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Reageren kan in deze ronde niet meer." in html
    assert 'id="comment-form"' not in html
