"""Each kind of phase × each action × each role, through the app with a frozen clock.

This is the round part of the permission matrix (tests/moderation/test_permission_matrix.py
holds the routes): what a role gets for submitting, commenting, supporting and answering in
a round, and, when the phase says no, the reason with the dates it will be possible.
"""

import pytest

from tests.moderation.test_permission_matrix import ROLES
from tests.rounds.timeline import MARCH, local, march_phases

ALLOWED = {
    "information": set(),
    "ideas": {"submit", "comment", "vote"},
    "discussion": {"comment"},
    "support": {"vote"},
    "answer": {"answer"},
    "result": set(),
}
# What a refused resident reads (Dutch, the default language), at a moment inside each kind.
LATER = {
    "submit": "Ideeën indienen kan van 2 maart 2027 t/m 21 maart 2027.",
    "comment_early": "Reageren kan van 2 maart 2027 t/m 21 maart 2027.",
    "vote_early": "Ideeën steunen kan van 2 maart 2027 t/m 21 maart 2027.",
    "vote_support": "Ideeën steunen kan van 25 maart 2027 t/m 27 maart 2027.",
    "answer": "De gemeente antwoordt van 28 maart 2027 t/m 29 maart 2027.",
}
GONE = {
    "submit": "Ideeën indienen kan in deze ronde niet meer.",
    "comment": "Reageren kan in deze ronde niet meer.",
    "vote": "Ideeën steunen kan in deze ronde niet meer: de stemmen zijn definitief.",
    "answer": "Beantwoorden kan in deze ronde niet meer.",
}
PHASE_ORDER = list(MARCH)


def expected_reason(kind: str, step: str) -> str:
    before = PHASE_ORDER.index(kind)
    if step == "submit":
        return LATER["submit"] if before < PHASE_ORDER.index("ideas") else GONE["submit"]
    if step == "comment":
        return LATER["comment_early"] if kind == "information" else GONE["comment"]
    if step == "vote":
        if kind == "information":
            return LATER["vote_early"]
        return LATER["vote_support"] if kind == "discussion" else GONE["vote"]
    return LATER["answer"] if before < PHASE_ORDER.index("answer") else GONE["answer"]


def expected(kind: str, step: str, role: str) -> tuple[int, str]:
    """(status, text on the page) for `role` doing `step` in a phase of `kind`."""
    if role in ("anonymous", "unconfirmed"):
        return 302, ""
    if role == "banned":
        return 403, "geblokkeerd"
    if step == "answer" and role != "official":
        return 403, ""
    if step in ALLOWED[kind]:
        return 302, ""
    return 403, expected_reason(kind, step)


def _world(make, role: str):
    theme = make.theme()
    round_ = make.participation_round(slug="marktplein", phases=march_phases(), themes=[theme])
    idea = make.idea(theme=theme, round_id=round_.id)
    email = None
    if role != "anonymous":
        email = make.account(role).email  # the banned account is blocked
    return theme.id, idea.id, email


def _attempt(client, post, step: str, theme_id: int, idea_id: int):
    if step == "submit":
        data = {
            "theme": theme_id,
            "title": "Meer bomen op het plein",
            "body": "Bomen geven schaduw en koelte in de zomer, en vogels een plek.",
        }
        return post(client, "/rondes/marktplein/ideas/new", data)
    if step == "comment":
        return post(client, f"/ideas/{idea_id}/comments", {"body": "Goed plan, ik doe mee!"})
    if step == "vote":
        return post(client, f"/ideas/{idea_id}/vote")
    data = {"status": "accepted", "explanation": "We planten twintig bomen in het najaar."}
    return post(client, f"/moderation/ideas/{idea_id}/status", data)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(MARCH))
def test_authz_10_phase_decides_each_action(app, make, freeze, signed_in, post, kind, role):
    theme_id, idea_id, email = _world(make, role)
    first_day = MARCH[kind][0]
    freeze(local(first_day, 12))
    client = signed_in(email) if email else app.test_client()
    for step in ("submit", "comment", "vote", "answer"):
        status, text = expected(kind, step, role)
        response = _attempt(client, post, step, theme_id, idea_id)
        page = response.get_data(as_text=True)
        assert response.status_code == status, (step, page[:600])
        assert text in page, (step, page[:2000])
