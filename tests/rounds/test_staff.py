"""Admins set up rounds: phases validated, drafts published, date changes of a running round
written to the moderation log with the old and new dates."""

from sqlalchemy import select

from participation.extensions import db
from participation.moderation.models import ModerationAction
from participation.rounds.models import Round
from tests.rounds.timeline import local

PHASES = [
    ("ideas", "2027-03-02", "2027-03-21", ""),
    ("support", "2027-03-22", "2027-03-27", "5"),
    ("result", "2027-03-28", "2027-03-31", ""),
]


def round_form(theme_id: int, phases=PHASES, **changes) -> dict:
    data = {
        "title": "Een groener Marktplein",
        "slug": "groen-marktplein",
        "question": "Hoe maken we het Marktplein groener?",
        "introduction": "## Waarom\n\nHet plein is te stenig.",
        "themes": [str(theme_id)],
    }
    for index, (kind, first, last, budget) in enumerate(phases):
        data |= {
            f"phases-{index}-kind": kind,
            f"phases-{index}-first_day": first,
            f"phases-{index}-last_day": last,
            f"phases-{index}-vote_budget": budget,
        }
    return data | changes


def _round(app, slug="groen-marktplein") -> Round:
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        _ = round_.phases, round_.themes
        db.session.expunge_all()
        return round_


def test_admin_creates_a_draft_previews_and_publishes_it(app, make, signed_in, post, freeze):
    theme = make.theme()
    admin = signed_in(make.user(is_admin=True).email)
    response = post(admin, "/admin/rounds/new", round_form(theme.id))
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    created = _round(app)
    assert not created.is_published
    assert [(p.kind, p.vote_budget) for p in created.phases] == [
        ("ideas", None),
        ("support", 5),
        ("result", None),
    ]
    # 2 March 0:00 in Amsterdam is 1 March 23:00 UTC; the last day is included.
    assert created.phases[0].starts_at == local(2)
    assert created.phases[0].ends_at == local(22)
    freeze(local(10, 12))
    assert app.test_client().get("/rondes/groen-marktplein").status_code == 404
    assert post(admin, f"/admin/rounds/{created.id}/publish", {"publish": "1"}).status_code == 302
    assert app.test_client().get("/rondes/groen-marktplein").status_code == 200


def test_phases_are_validated_with_a_clear_error_and_nothing_typed_is_lost(
    app, make, signed_in, post
):
    theme = make.theme()
    admin = signed_in(make.user(is_admin=True).email)
    cases = {
        "Deze fase begint voordat de vorige eindigt.": [
            ("ideas", "2027-03-02", "2027-03-21", ""),
            ("support", "2027-03-20", "2027-03-27", ""),
        ],
        "Er zitten dagen zonder fase vóór deze fase.": [
            ("ideas", "2027-03-02", "2027-03-21", ""),
            ("support", "2027-03-25", "2027-03-27", ""),
        ],
        "De laatste dag moet op of na de eerste dag liggen.": [
            ("ideas", "2027-03-21", "2027-03-02", ""),
        ],
        "Alleen een steunfase kan het aantal stemmen beperken.": [
            ("ideas", "2027-03-02", "2027-03-21", "3"),
        ],
        "Voeg minstens één fase toe.": [],
    }
    for message, phases in cases.items():
        response = post(admin, "/admin/rounds/new", round_form(theme.id, phases))
        html = response.get_data(as_text=True)
        assert response.status_code == 400, message
        assert message in html
        assert 'value="Hoe maken we het Marktplein groener?"' in html
    gap_allowed = round_form(theme.id, cases["Er zitten dagen zonder fase vóór deze fase."])
    assert post(admin, "/admin/rounds/new", gap_allowed | {"allow_gaps": "y"}).status_code == 302


def test_changing_the_dates_of_a_running_round_is_logged_with_old_and_new(
    app, make, signed_in, post, freeze
):
    theme = make.theme()
    admin = signed_in(make.user(is_admin=True).email)
    assert post(admin, "/admin/rounds/new", round_form(theme.id)).status_code == 302
    created = _round(app)
    freeze(local(10, 12))  # the ideas phase runs
    later = [("ideas", "2027-03-02", "2027-03-24", ""), *PHASES[1:]]
    later[1] = ("support", "2027-03-25", "2027-03-27", "5")
    response = post(admin, f"/admin/rounds/{created.id}/edit", round_form(theme.id, later))
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    with app.app_context():
        entry = db.session.scalar(
            select(ModerationAction).where(ModerationAction.action == "round.change_dates")
        )
    assert entry is not None and entry.target_id == created.id
    assert "ideas 2027-03-02..2027-03-21 -> ideas 2027-03-02..2027-03-24" in entry.note
    assert "support 2027-03-22..2027-03-27 -> support 2027-03-25..2027-03-27" in entry.note


def test_a_round_with_ideas_cannot_become_a_draft_again(app, make, signed_in, post):
    theme = make.theme()
    round_ = make.participation_round(
        slug="marktplein", themes=[theme], phases=[("ideas", local(2), local(22))]
    )
    admin = signed_in(make.user(is_admin=True).email)
    empty = make.participation_round(slug="leeg", phases=[("ideas", local(2), local(22))])
    assert post(admin, f"/admin/rounds/{empty.id}/publish", {"publish": "0"}).status_code == 302
    assert not _round(app, "leeg").is_published
    make.idea(theme=theme, round_id=round_.id)
    response = post(admin, f"/admin/rounds/{round_.id}/publish", {"publish": "0"})
    assert response.status_code == 302
    assert _round(app, "marktplein").is_published
    page = admin.get(response.headers["Location"]).get_data(as_text=True)
    assert "Een ronde met ideeën kan geen concept meer worden." in page
