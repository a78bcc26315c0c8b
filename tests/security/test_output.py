"""Catalogue OUT: what residents type is shown as text everywhere; strict headers on every page."""

import re
from pathlib import Path

import pytest

from tests.helpers import login, mail_text, post_form

ROOT = Path(__file__).resolve().parents[2]

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<img src=x onerror=alert(1)>",
    "'><iframe src=javascript:alert(1)>",
    "</textarea><script>alert(2)</script>",
    "<a href='javascript:alert(1)'>x</a>",
    "<style>*{display:none}</style>",
    "{{7*7}}{{config}}",
    "${7*7}<b>vet</b>",
]


def _assert_inert(html: str, payload: str) -> None:
    if "<" in payload:
        assert payload not in html
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


def test_out_01_stored_and_reflected_payloads_are_escaped(app, make, mailbox):
    theme = make.theme(name="Thema <script>alert('t')</script>")
    for number, payload in enumerate(PAYLOADS):
        author = make.user(display_name=f"N{number} {payload}"[:60])
        idea = make.idea(theme=theme, author=author, title=f"Idee {payload}"[:120], body=payload)
        client = app.test_client()
        login(client, author.email)
        assert post_form(client, f"/ideas/{idea.id}/comments", {"body": payload}).status_code == 302
        pages = [
            "/",
            "/ideas",
            f"/themes/{theme.slug}",
            f"/ideas/{idea.id}",
            "/profile",
            f"/ideas?sort={payload}&status={payload}&page={payload}",
            f"/ideas/{idea.id}/edit",
        ]
        for path in pages:
            html = client.get(path).get_data(as_text=True)
            _assert_inert(html, payload)
            assert "<script>alert('t')</script>" not in html
        if "{{" in payload:
            shown = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
            assert "{{7*7}}{{config}}" in shown
            assert "SECRET_KEY" not in shown
    # Mail: the display name goes into a mail body as text; the subject gets no extra lines.
    data = {
        "email": "mail@example.org",
        "display_name": "Piet <img src=x onerror=alert(1)>",
        "password": "een lang wachtwoord",
        "consent": "y",
    }
    mailbox.clear()
    assert post_form(app.test_client(), "/register", data).status_code == 302
    html = mailbox[0].get_body(("html",)).get_content()
    assert "<img src=x onerror" not in html
    assert "<img src=x onerror=alert(1)>" in mail_text(mailbox[0])  # plain text is plain
    assert "\n" not in mailbox[0]["Subject"]


@pytest.mark.parametrize(
    "body",
    [
        "[x](javascript:alert(1))",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "<javascript:alert(1)>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        '![a](x" onerror="alert(1))',
        "<iframe src=https://evil.example></iframe>",
        "> " * 10_000 + "diep genest",
    ],
)
def test_out_02_only_http_links_become_links(app, client, make, body):
    idea = make.idea(body=body)
    response = client.get(f"/ideas/{idea.id}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert not re.search(r"href=\"(?!https?://|/|#)", html.split("<main")[1]), "unsafe link"
    assert "<iframe" not in html
    assert 'onerror="' not in html


def test_out_02_http_links_are_marked_user_generated(client, make):
    idea = make.idea(body="Zie https://www.example.org/plan?a=1&b=2 voor het plan.")
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert '<a href="https://www.example.org/plan?a=1&amp;b=2" rel="nofollow ugc noopener"' in html


# Each reviewed use of raw HTML, with what feeds it. A new one fails until it is reviewed.
REVIEWED_RAW_HTML = {
    ("participation/core/templating.py", 'Markup("")'),
    ("participation/core/templating.py", 'Markup("\\n".join(html))'),  # escaped lines only
    # A round's introduction: Markdown without raw HTML, then nh3 keeps only the listed tags
    # and http(s)/mailto links (tests/rounds/test_round_pages.py, safe Markdown).
    ("participation/core/markdown.py", 'Markup("")'),
    ("participation/core/markdown.py", "Markup(clean)"),
}
RAW_HTML = re.compile(r"\|\s*safe\b|Markup\([^)]*\)?|autoescape\s+false|render_template_string")


def test_out_03_no_unreviewed_raw_html():
    found = set()
    for path in [*ROOT.glob("participation/**/*.py"), *ROOT.glob("templates/**/*.html")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            for match in RAW_HTML.finditer(line):
                snippet = line.strip()[line.strip().find(match.group(0)) :]
                found.add((str(path.relative_to(ROOT)), snippet.removeprefix("return ")))
    unreviewed = {
        hit
        for hit in found
        if not any(hit[0] == r[0] and hit[1].startswith(r[1]) for r in REVIEWED_RAW_HTML)
    }
    assert not unreviewed, unreviewed


def test_out_03_template_syntax_in_content_renders_literally(client, make):
    idea = make.idea(
        title="{{ config }} en {{7*7}} titel", body="{% for x in range(3) %}x{% endfor %}"
    )
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "{{ config }} en {{7*7}} titel" in html
    assert "{% for x in range(3) %}x{% endfor %}" in html
    assert "testing-only-secret-key" not in html


def _check_headers(response, path, production=False):
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, path
    for directive in ("object-src 'none'", "frame-ancestors 'none'", "script-src 'self'"):
        assert directive in csp, (path, directive)
    assert "base-uri 'none'" in csp or "base-uri 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in (
        "same-origin",
        "strict-origin-when-cross-origin",
        "no-referrer",
    )
    assert "X-Powered-By" not in headers
    assert "Werkzeug" not in headers.get("Server", "") and "Python" not in headers.get("Server", "")
    if headers.get("Content-Type", "").startswith("text/"):
        assert "charset=utf-8" in headers["Content-Type"].lower(), path
    if production:
        max_age = int(re.search(r"max-age=(\d+)", headers["Strict-Transport-Security"]).group(1))
        assert max_age >= 15724800


URLS = [
    ("GET", "/"),
    ("GET", "/ideas"),
    ("GET", "/ideas?sort=newest"),
    ("GET", "/login"),
    ("GET", "/register"),
    ("GET", "/forgot-password"),
    ("GET", "/privacy"),
    ("GET", "/accessibility"),
    ("GET", "/ideas/999999"),
    ("GET", "/no-such-page"),
    ("GET", "/logout"),
    ("POST", "/ideas/1/vote"),
    ("GET", "/static/css/app.css"),
    ("GET", "/static/js/app.js"),
    ("GET", "/_test/fail"),
]


def test_out_04_security_headers_on_every_kind_of_response(production_app, make):
    user = make.user()
    client = production_app.test_client()
    for method, path in URLS:
        response = client.open(path, method=method, base_url="https://localhost")
        _check_headers(response, path, production=True)
    response = client.post(
        "/ideas/new",
        data=b"x" * (2 * 1024 * 1024),
        base_url="https://localhost",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    _check_headers(response, "413", production=True)
    signed_in = production_app.test_client()
    login(signed_in, user.email)
    for path in ("/profile", "/profile/data", "/ideas/new"):
        response = signed_in.get(path, base_url="https://localhost")
        assert response.status_code == 200, path
        _check_headers(response, path, production=True)
        assert response.headers["Cache-Control"] == "private, no-store"


def test_out_04_development_sends_no_hsts(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
