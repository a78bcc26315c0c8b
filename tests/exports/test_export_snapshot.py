"""An XLSX download holds no database connection while it is sent.

The snapshot itself (votes arriving during a download) is catalogue case EXP-03, in
tests/security/test_exports.py.
"""

from participation.extensions import db
from tests.helpers import login, post_form


def test_xlsx_download_gives_the_database_connection_back_before_sending(
    app, client, policy_staff, ranked
):
    login(client, policy_staff.email)
    response = post_form(
        client,
        "/exports/top-ideas",
        {"format": "xlsx", "top": "10", "delimiter": ";", "language": "nl"},
        buffered=False,
    )
    chunks = iter(response.response)
    first = next(chunks)  # the workbook is complete before its first byte is sent
    with app.app_context():
        assert db.engine.pool.checkedout() == 0
    data = first + b"".join(chunks)
    response.close()
    assert data.startswith(b"PK")
