"""Templates explain a "no" by asking `why_not`, never by restating the rule.

A visitor is invited to sign in only where a signed-in resident could act; an unconfirmed
resident is told to confirm.
"""

import pytest

SUPPORT_SIGN_IN = "Sign in to support this idea"
DISCUSS_SIGN_IN = "Sign in to join the discussion"
SUPPORT_CONFIRM = "Confirm your email address to support ideas."
DISCUSS_CONFIRM = "Confirm your email address to join the discussion."


def _page(client, idea, user=None) -> str:
    with client.session_transaction() as session:
        session["lang"] = "en"
        if user is not None:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
    response = client.get(f"/ideas/{idea.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_anonymous_visitor_is_invited_to_sign_in_on_an_open_idea(client, make):
    page = _page(client, make.idea())
    assert SUPPORT_SIGN_IN in page
    assert DISCUSS_SIGN_IN in page


@pytest.mark.parametrize(
    ("state", "support_link", "discussion_link"),
    [
        ("theme closed", False, False),
        ("duplicate", False, False),
        ("discussion closed", True, False),
    ],
)
def test_no_sign_in_invitation_where_signing_in_would_not_help(
    client, make, state, support_link, discussion_link
):
    if state == "theme closed":
        idea = make.idea(theme=make.theme(is_open=False))
    elif state == "duplicate":
        idea = make.idea(duplicate_of_id=make.idea().id)
    else:
        idea = make.idea(discussion_closed=True)
    page = _page(client, idea)
    assert (SUPPORT_SIGN_IN in page) is support_link
    assert (DISCUSS_SIGN_IN in page) is discussion_link


def test_unconfirmed_resident_is_told_to_confirm_not_to_sign_in(client, make):
    page = _page(client, make.idea(), user=make.user(confirmed=False))
    assert SUPPORT_CONFIRM in page and DISCUSS_CONFIRM in page
    assert SUPPORT_SIGN_IN not in page and DISCUSS_SIGN_IN not in page


def test_confirmed_resident_gets_the_forms_and_no_explanation(client, make):
    page = _page(client, make.idea(), user=make.user())
    assert "data-vote-form" in page and 'id="comment-form"' in page
    assert SUPPORT_CONFIRM not in page and SUPPORT_SIGN_IN not in page


@pytest.mark.parametrize(
    ("state", "support_reason", "discussion_reason"),
    [
        ("theme closed", "The theme of this idea is closed", "The theme of this idea is closed"),
        ("duplicate", "This idea is a duplicate", "The discussion on this idea is closed."),
    ],
)
def test_a_resident_learns_why_an_idea_takes_no_support_or_comments(
    client, make, state, support_reason, discussion_reason
):
    """One rule: a closed theme or a duplicate closes support and discussion alike."""
    if state == "theme closed":
        idea = make.idea(theme=make.theme(is_open=False))
    else:
        idea = make.idea(duplicate_of_id=make.idea().id, discussion_closed=True)
    page = _page(client, idea, user=make.user())
    support = page[page.index('id="support"') : page.index('id="comments"')]
    discussion = page[page.index('id="comments"') :]
    assert "data-vote-form" not in page and 'id="comment-form"' not in page
    assert support_reason in support
    assert discussion_reason in discussion


@pytest.mark.parametrize("is_open", [True, False])
def test_theme_page_offers_submitting_only_while_the_theme_is_open(client, make, is_open):
    theme = make.theme(is_open=is_open)
    with client.session_transaction() as session:
        session["lang"] = "en"
    page = client.get(f"/themes/{theme.slug}").get_data(as_text=True)
    assert ("Submit an idea for this theme" in page) is is_open
    assert ("This theme is closed" in page) is not is_open
