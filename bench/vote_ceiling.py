"""How close can a vote come to the floor? The real vote beside what no vote can beat.

    BENCH_DATABASE_URL=postgresql+psycopg://... [BENCH_REDIS_URL=...] \
        python -m bench.vote_ceiling [--full]

Same gunicorn, production configuration, data and load generator as `make bench`, on
PostgreSQL (where the vote target applies), with the routes of `bench/probes.py`: a signed-in
POST that does no work, and a bare one-statement vote. Prints one table; JSON to bench/results/.
"""

import argparse
import json
import os
import sys
import time

from bench import report, server
from bench.run import FULL, RESULTS, SMALL, flush_redis, log, machine, measure, prepare
from bench.scenarios import VOTE_PATH, Scenario

SCENARIOS = (
    Scenario(report.FLOOR, "/health"),
    Scenario(
        "signed-in POST, no work",
        "/bench-probe/signed-in/{idea}/{action}",
        signed_in="resident",
        vote=True,
    ),
    Scenario(
        "bare SQL vote (no rules, no locks)",
        "/bench-probe/bare-vote/{idea}/{action}",
        signed_in="resident",
        vote=True,
    ),
    Scenario("vote + withdraw (signed in)", VOTE_PATH, signed_in="resident", vote=True),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="100,000 ideas instead of 10,000")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        log("Set BENCH_DATABASE_URL to a PostgreSQL database the bench may empty.")
        return 2
    redis_url = os.environ.get("BENCH_REDIS_URL", "")
    sizes = FULL if args.full else SMALL
    data = prepare("postgresql", url, sizes)
    flush_redis(redis_url)
    bounds = {"requests": 5000, "seconds": 8}
    rows = []
    served = server.gunicorn(
        data.url, redis_url, args.workers, args.threads, app="bench.probes:app"
    )
    with served as (port, pid):
        for scenario in SCENARIOS:
            rows.extend(measure(port, pid, scenario, data.facts, bounds))
    results = {
        "machine": machine(),
        "workers": args.workers,
        "threads": args.threads,
        "sizes": sizes,
        "rows": report.with_ratios(rows),
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"vote-ceiling-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2))
    log("\n" + "\n".join([*report.HEADER, *map(report.table_row, rows)]))
    log(f"\nJSON: {path.relative_to(server.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
