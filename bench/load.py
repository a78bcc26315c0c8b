"""A bounded load generator: N threads, each with one keep-alive connection to 127.0.0.1.

Stops at a request count or a time limit, whichever comes first, so a slow page cannot make
the bench run away.
"""

import http.client
import itertools
import re
import statistics
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie

CSRF_PATTERN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


class Browser:
    """One visitor: a keep-alive connection and the cookies the server gave it."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, form: dict | None = None, headers=None):
        headers = dict(headers or {})
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                # The server closed a kept-alive connection; one retry on a fresh one.
                self.connection.close()
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, data

    def csrf_token(self, path: str) -> str:
        _, _, data = self.request("GET", path)
        match = CSRF_PATTERN.search(data.decode())
        if match is None:
            raise RuntimeError(f"no CSRF token on {path}")
        return match.group(1)

    def sign_in(self, email: str, password: str) -> None:
        token = self.csrf_token("/login")
        status, _, _ = self.request(
            "POST", "/login", {"email": email, "password": password, "csrf_token": token}
        )
        if status != 302:
            raise RuntimeError(f"sign-in as {email} failed with {status}")


def run_load(browsers, step, max_requests: int, max_seconds: float) -> dict:
    """Each browser calls `step(browser, number)` -> (status, bytes) until a bound is hit."""
    counter = itertools.count()
    deadline = time.perf_counter() + max_seconds
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def worker(browser):
        mine = []
        while time.perf_counter() < deadline:
            number = next(counter)
            if number >= max_requests:
                break
            started = time.perf_counter()
            try:
                status = step(browser, number)
            except Exception as error:  # noqa: BLE001 (a failed request is a result)
                status = repr(error)
            mine.append(time.perf_counter() - started)
            if status not in (200, 302):
                with lock:
                    errors.append(str(status))
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(browser,)) for browser in browsers]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return summarize(latencies, errors, elapsed, len(browsers))


def summarize(latencies: list[float], errors: list[str], elapsed: float, concurrency: int):
    ordered = sorted(latencies)

    def percentile(share: float) -> float:
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    return {
        "concurrency": concurrency,
        "requests": len(ordered),
        "errors": len(errors),
        "error_sample": sorted(set(errors))[:3],
        "seconds": round(elapsed, 3),
        "rps": round(len(ordered) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(0.50), 2),
        "p95_ms": round(percentile(0.95), 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2) if ordered else None,
    }
