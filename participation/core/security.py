"""Response headers that keep browsers strict: no inline code, no framing, no sniffing."""

from flask import request
from flask_login import current_user

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


def set_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if not request.path.startswith("/static/"):
        # Pages differ per visitor (language, sign-in, CSRF token): never share them in caches.
        headers.add("Vary", "Cookie")
        if current_user.is_authenticated:
            headers["Cache-Control"] = "private, no-store"
    return response


def init_app(app) -> None:
    app.after_request(set_security_headers)
