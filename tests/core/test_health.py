"""The health check answers load balancers without a template or a session."""


def test_health_is_plain_ok_without_a_cookie(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok"
    assert response.mimetype == "text/plain"
    assert "Set-Cookie" not in response.headers
