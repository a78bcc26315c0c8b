"""Catalogue INPUT-08: every text field loses bidi controls, zero-width and control characters
and floods of combining marks before it is checked and stored; single lines keep no line break."""

import unicodedata

import pytest
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import EmailField, HiddenField, PasswordField, StringField, TextAreaField

from participation.comments.models import Comment
from participation.core.text import MARKS_PER_CHARACTER, clean_line, clean_lines, clean_text
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import Report
from tests.security.helpers import post_with_token

HOSTILE = "\u202e\u2066\u200b\u200d\u2060\ufeff\u00ad\x07\x1b"
NOT_TEXT = (PasswordField, EmailField, HiddenField)


def _forms(base=FlaskForm):
    for form in base.__subclasses__():
        yield form
        yield from _forms(form)


def _text_fields(form):
    for name in dir(form):
        unbound = getattr(form, name)
        field_class = getattr(unbound, "field_class", None)
        if (
            field_class
            and issubclass(field_class, StringField)
            and not issubclass(field_class, NOT_TEXT)
        ):
            yield name, field_class, unbound.kwargs.get("filters", ())


def test_input_08_every_text_field_of_every_form_is_cleaned(app):
    checked = 0
    for form in _forms():
        for name, field_class, filters in _text_fields(form):
            expected = clean_lines if issubclass(field_class, TextAreaField) else clean_line
            assert expected in filters, f"{form.__module__}.{form.__name__}.{name}"
            checked += 1
    assert checked >= 12  # ideas, comments, reports, moderation, official answers, themes, names


@pytest.mark.parametrize(
    ("typed", "multiline", "kept"),
    [
        (f"Bank{HOSTILE}jes", False, "Bankjes"),
        ("Twee\nregels\r\nhier\u2028en", False, "Twee regels hier en"),
        ("Twee\r\nregels\u2029hier\tnu", True, "Twee\nregels\n\nhier nu"),
        ("e" + "\u0301" * 500, False, "é" + "\u0301" * (MARKS_PER_CHARACTER - 1)),
        ("cafe\u0301", False, "café"),  # NFC: one character
        ("👍🏽 prima", True, "👍🏽 prima"),  # skin tone modifiers are not marks
    ],
)
def test_input_08_the_cleaning_itself(typed, multiline, kept):
    assert clean_text(typed, multiline) == kept


def test_input_08_ideas_comments_and_reports_are_stored_clean(app, make, signed_in):
    theme = make.theme()
    client = signed_in(make.user())
    response = post_with_token(
        client,
        "/ideas/new",
        {
            "theme": theme.id,
            "title": f"Meer\u202e bankjes{HOSTILE} in het\npark" + "\u0301" * 300,
            "body": f"Ouders\u2066 willen\u200b zitten.\r\n\r\nKinderen{HOSTILE} spelen graag.",
        },
        "/ideas/new",
    )
    assert response.status_code == 302
    with app.app_context():
        idea = db.session.scalar(select(Idea))
        capped = "Meer bankjes in het park" + "\u0301" * MARKS_PER_CHARACTER
        assert idea.title == unicodedata.normalize("NFC", capped)
        assert idea.body == "Ouders willen zitten.\n\nKinderen spelen graag."
        idea_id = idea.id
    response = post_with_token(
        client,
        f"/ideas/{idea_id}/comments",
        {"body": f"Eens{HOSTILE}!\r\nHelemaal."},
        f"/ideas/{idea_id}",
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Comment.body)) == "Eens!\nHelemaal."
    reporter = signed_in(make.user())
    response = post_with_token(
        reporter,
        f"/ideas/{idea_id}/report",
        {"reason": "other", "note": f"Klopt\u202e niet{HOSTILE}."},
        f"/ideas/{idea_id}/report",
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Report.note)) == "Klopt niet."


def test_input_08_only_invisible_characters_count_as_empty(app, make, signed_in):
    theme = make.theme()
    client = signed_in(make.user())
    response = post_with_token(
        client,
        "/ideas/new",
        {"theme": theme.id, "title": "\u200b" * 40, "body": "\u202e" * 60},
        "/ideas/new",
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "De titel moet minimaal 10 en maximaal 120 tekens lang zijn." in page
