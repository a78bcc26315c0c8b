"""Only policy staff and admins export; nobody else reaches a route.

Replaying a download after sign-out is catalogue case AUTHZ-07 (tests/security/test_exports.py).
"""

import pytest

from tests.helpers import login, post_form

EXPORT = "/exports/top-ideas"
FORM = {"format": "csv", "top": "10", "delimiter": ";", "language": "nl"}

ROLES = {
    "resident": {},
    "moderator": {"is_moderator": True},
    "official": {"is_official": True},
    "policy_staff": {"is_policy_staff": True},
    "admin": {"is_admin": True},
}
MAY_EXPORT = {"policy_staff", "admin"}


@pytest.mark.parametrize("role", [None, *ROLES])
def test_export_routes_per_role(client, make, ranked, role):
    if role is not None:
        user = make.user(email=f"{role}@example.org", **ROLES[role])
        login(client, user.email)
    page = client.get(EXPORT)
    download = post_form(client, EXPORT, FORM, headers={"Referer": "http://localhost/"})
    if role in MAY_EXPORT:
        assert page.status_code == 200
        assert "style=" not in page.get_data(as_text=True)
        assert download.status_code == 200
        assert download.data.startswith(b"\xef\xbb\xbf")
    elif role is None:  # sent to sign in, like on every staff page
        assert page.status_code == 302
        assert page.headers["Location"] == "/login?next=/exports/top-ideas"
        assert download.status_code == 302 and b"Busbaan" not in download.data
    else:
        assert page.status_code in (403, 404)
        assert download.status_code in (403, 404)
        assert b"Busbaan" not in download.data


def test_download_without_csrf_token_is_refused(client, policy_staff, ranked):
    login(client, policy_staff.email)
    response = client.post(EXPORT, data=FORM)
    assert response.status_code == 400
    assert b"Busbaan" not in response.data
