"""Response headers that keep browsers strict: no inline code, no framing, no sniffing."""

from flask import abort, current_app, request
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

# No page needs these browser features; an injected script or frame gets none of them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def set_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    # A page opened from here (a resident's link) cannot reach back into this window.
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    hsts_seconds = current_app.config["HSTS_SECONDS"]
    if hsts_seconds:
        headers.setdefault(
            "Strict-Transport-Security", f"max-age={hsts_seconds}; includeSubDomains"
        )
    if not request.path.startswith("/static/"):
        # Pages differ per visitor (language, sign-in, CSRF token): never share them in caches.
        headers.add("Vary", "Cookie")
        if current_user.is_authenticated or response.status_code >= 400:
            # Personal pages, and error pages, which a proxy must not serve to the next visitor.
            headers["Cache-Control"] = "private, no-store"
    return response


def reject_nul_characters():
    """NUL is never meaningful in text; PostgreSQL refuses it and SQLite would store it."""
    values = [*request.args.values(), *request.form.values()]
    if any("\x00" in value for value in values) or "\x00" in request.path:
        abort(400)


def init_app(app) -> None:
    app.before_request(reject_nul_characters)
    app.after_request(set_security_headers)
