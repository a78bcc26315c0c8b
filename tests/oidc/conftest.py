"""A real OpenID provider (node-oidc-provider, tests/oidc/provider.mjs) on 127.0.0.1, an app
configured for it, and a browser that signs in on the provider's own login form."""

import json
import re
import secrets
import shutil
import socket
import subprocess
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from participation import create_app
from participation.extensions import db

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET = "inspraak", secrets.token_urlsafe(24)
CALLBACK = "http://localhost/login/oidc/callback"
ROLE_MAP = {
    "inspraak-moderator": "moderator",
    "inspraak-official": "official",
    "inspraak-admin": "admin",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Provider:
    issuer: str
    accounts_file: Path

    def set_account(self, login: str, email: str, roles: list[str]) -> None:
        """The provider reads this file at every sign-in: roles change there, as at Entra ID."""
        accounts = json.loads(self.accounts_file.read_text())
        accounts[login] = {"email": email, "name": login.title(), "roles": roles}
        self.accounts_file.write_text(json.dumps(accounts))


@pytest.fixture(scope="session")
def provider(tmp_path_factory):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").exists():
        pytest.skip("node or node_modules/oidc-provider missing: run `make assets` (npm ci)")
    accounts_file = tmp_path_factory.mktemp("oidc") / "accounts.json"
    accounts_file.write_text("{}")
    port = _free_port()
    environment = {
        "PATH": "/usr/bin:/bin:/usr/local/bin",
        "PORT": str(port),
        "ACCOUNTS_FILE": str(accounts_file),
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "REDIRECT_URI": CALLBACK,
        "POST_LOGOUT_REDIRECT_URI": "http://localhost/",
        "COOKIE_KEY": secrets.token_urlsafe(24),
    }
    process = subprocess.Popen(
        [node, str(ROOT / "tests" / "oidc" / "provider.mjs")],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline()
    if not line.startswith("ready"):
        process.kill()
        pytest.fail(f"the OpenID provider did not start: {line!r}")
    yield Provider(f"http://127.0.0.1:{port}", accounts_file)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def oidc_app_factory(app, database_url, provider):
    """Apps configured for the provider; `overrides` change one setting for a test."""
    built = []

    def build(**overrides):
        settings = {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "OIDC_ISSUER": provider.issuer,
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_SCOPES": "openid email profile roles",
            "OIDC_ROLE_MAP": ROLE_MAP,
            **overrides,
        }
        instance = create_app("testing", **settings)
        built.append(instance)
        return instance

    yield build
    for instance in built:
        with instance.app_context():
            db.engine.dispose()


@pytest.fixture
def oidc_client(oidc_app_factory):
    return oidc_app_factory().test_client()


@pytest.fixture
def sign_in_at_provider():
    return _sign_in_at_provider


def _sign_in_at_provider(client, login: str) -> str:
    """Start at the app, sign in on the provider's form like a browser; return the callback
    address (path and query) the provider sends the browser back to, not yet visited."""
    start = client.get("/login/oidc")
    assert start.status_code == 302, start.get_data(as_text=True)[:300]
    browser = requests.Session()
    response = browser.get(start.headers["Location"], allow_redirects=False)
    while response.status_code in (302, 303):
        response = browser.get(urljoin(response.url, response.headers["Location"]), **_stay)
    action = re.search(r'<form[^>]*action="([^"]+)"', response.text).group(1)
    form = {"prompt": "login", "login": login, "password": "any password"}
    response = browser.post(urljoin(response.url, action), data=form, allow_redirects=False)
    while not response.headers["Location"].startswith(CALLBACK):
        response = browser.get(urljoin(response.url, response.headers["Location"]), **_stay)
    callback = urlsplit(response.headers["Location"])
    return f"{callback.path}?{callback.query}"


_stay = {"allow_redirects": False}


class _Handler(BaseHTTPRequestHandler):
    """The provider's discovery document, changed by the test; the token answer, changed."""

    middle = None

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 (http.server's name)
        document = requests.get(f"{self.middle.real}/.well-known/openid-configuration").json()
        self._answer(200, self.middle.change_document(document, self.middle.url))

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        real = requests.post(
            f"{self.middle.real}/token",
            data=body,
            headers={k: v for k, v in self.headers.items() if k.lower() != "host"},
        )
        answer = real.json()
        if "id_token" in answer:
            answer["id_token"] = self.middle.change_id_token(answer["id_token"])
        self._answer(real.status_code, answer)

    def _answer(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class ProviderInTheMiddle:
    """A tiny proxy between the app and the real provider, for the refusals the provider
    itself cannot be asked to produce (a token changed on the way, a foreign issuer)."""

    def __init__(self, real: str, change_document=None, change_id_token=None):
        self.real = real
        self.change_document = change_document or (lambda document, url: document)
        self.change_id_token = change_id_token or (lambda token: token)
        handler = type("Handler", (_Handler,), {"middle": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def discovery_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def in_the_middle(provider):
    made = []

    def build(**changes):
        middle = ProviderInTheMiddle(provider.issuer, **changes)
        made.append(middle)
        return middle

    yield build
    for middle in made:
        middle.close()
