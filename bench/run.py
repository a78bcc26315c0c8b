"""`make bench`: the app under gunicorn in production mode, measured against a trivial route.

    python -m bench.run [--quick] [--databases sqlite,postgresql] [--sizes 10000,100000]
                        [--only NAME[,NAME]]

PostgreSQL comes from BENCH_DATABASE_URL and Redis from BENCH_REDIS_URL; without them that
database is skipped, or the run goes without the page cache. JSON lands in bench/results/.
"""

import argparse
import json
import os
import platform
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench import report, server
from bench.load import Browser, run_load
from bench.scenarios import (
    bench_facts,
    check_export,
    page_weight,
    scenarios,
    signed_in_browsers,
    step_for,
)

RESULTS = Path(__file__).resolve().parent / "results"


def data_set_size(ideas: int) -> dict:
    """Per idea ten votes, three comments and half an account, at every size."""
    return {"ideas": ideas, "votes": 10 * ideas, "comments": 3 * ideas, "users": ideas // 2}


SMALL = data_set_size(10_000)
FULL = data_set_size(100_000)


def log(message: str) -> None:
    print(message, flush=True)


def database_urls(wanted: list[str]) -> dict[str, str]:
    urls = {}
    for name in wanted:
        if name == "sqlite":
            urls[name] = "sqlite://"
        elif os.environ.get("BENCH_DATABASE_URL"):
            urls[name] = os.environ["BENCH_DATABASE_URL"]
        else:
            log("PostgreSQL skipped: set BENCH_DATABASE_URL to a database the bench may empty.")
    return urls


def chosen(scenario_list: list, only: list[str]) -> list:
    """The scenarios whose name holds one of `only` (any case), always with the floor."""
    wanted = [part.lower() for part in only]
    return [
        scenario
        for scenario in scenario_list
        if not wanted
        or scenario.name == report.FLOOR
        or any(part in scenario.name.lower() for part in wanted)
    ]


def flush_redis(redis_url: str) -> None:
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()


def measure(port, pid, scenario, facts, bounds, tag: str = "") -> list[dict]:
    rows = []
    for concurrency in scenario.concurrency:
        if scenario.signed_in:
            browsers = signed_in_browsers(port, scenario.signed_in, concurrency, facts)
        else:
            browsers = [Browser(port) for _ in range(concurrency)]
        step = step_for(scenario)
        run_load(browsers, step, max_requests=4 * concurrency, max_seconds=2)  # warm-up
        server.reset_peak_memory(pid)
        result = run_load(
            browsers,
            step,
            max_requests=max(3, int(bounds["requests"] * scenario.share)),
            max_seconds=bounds["seconds"],
        )
        result |= {"scenario": scenario.name, "path": scenario.path, **scenario.notes}
        result["peak_worker_mb"] = server.peak_memory_mb(pid)
        rows.append(result)
        log(tag + report.line(result))
    return rows


@dataclass
class DataSet:
    """One size of the data set and what was measured on it."""

    database: str
    sizes: dict
    url: str
    seed_seconds: float | None
    facts: dict
    rows: list = field(default_factory=list)
    weights: dict = field(default_factory=dict)

    def result(self) -> dict:
        return {
            "database": self.database,
            "sizes": self.sizes,
            "seed_seconds": self.seed_seconds,
            "rows": report.with_ratios(self.rows),
            "page_weights": self.weights,
        }


def prepare(database: str, base_url: str, sizes: dict) -> DataSet:
    url = server.sized_url(base_url, sizes["ideas"])
    log(f"\n== {database}, {sizes['ideas']} ideas")
    seed_seconds = server.prepare_database(url, sizes, log)
    return DataSet(database, sizes, url, seed_seconds, bench_facts(url))


def bench_database(database: str, base_url: str, size_list: list, bounds: dict, args) -> list:
    """Every size served at once and each scenario measured on each size in turn, seconds
    apart: this VM's speed drifts by up to a third over minutes, which would otherwise show
    up as growth with the data. In a full run each scenario is measured twice per size, in
    the order A B B A, and the round with the lower p50 is kept: a burst of other work on
    the machine only ever slows a round down. The page cache is emptied before each
    measurement, so no server is shown pages that another one cached."""
    data_sets = [prepare(database, base_url, sizes) for sizes in size_list]
    log(f"\n== {database}: measuring {', '.join(str(d.sizes['ideas']) for d in data_sets)} ideas")
    with ExitStack() as servers:
        started = [
            servers.enter_context(
                server.gunicorn(data.url, args.redis_url, args.workers, args.threads)
            )
            for data in data_sets
        ]
        per_size = [chosen(scenarios(data.facts), args.only) for data in data_sets]
        if len(per_size[0]) == 1 and args.only:
            raise SystemExit(f"--only {','.join(args.only)}: no scenario has such a name.")
        for turn in zip(*per_size, strict=True):
            _measure_turn(list(zip(data_sets, started, turn, strict=True)), bounds, args.redis_url)
    return [data.result() for data in data_sets]


def _measure_turn(pairs: list, bounds: dict, redis_url: str) -> None:
    """One scenario on every size: in order, then (full runs) in reverse; best round kept."""
    rounds = {id(data): [] for data, _, _ in pairs}
    for number, order in enumerate((pairs, pairs[::-1])[: bounds["rounds"]]):
        for data, (port, pid), scenario in order:
            flush_redis(redis_url)
            if rows := _measure_round(data, port, pid, scenario, bounds, first=number == 0):
                rounds[id(data)].append(rows)
    for data, _, _ in pairs:
        if rounds[id(data)]:
            data.rows.extend(_best_round(rounds[id(data)]))


def _measure_round(data: DataSet, port, pid, scenario, bounds: dict, first: bool) -> list:
    tag = f"  [{data.sizes['ideas']:>7,}]"
    if first and scenario.signed_in == "policy":
        check_export(port, scenario, data.facts)
    if scenario.skipped:
        if first:
            log(f"{tag} {scenario.name}: skipped, {scenario.skipped}")
            data.rows.append({"scenario": scenario.name, "skipped": scenario.skipped})
        return []
    rows = measure(port, pid, scenario, data.facts, bounds, tag)
    if first and scenario.weigh:
        data.weights[scenario.name] = page_weight(port, scenario.path)
    return rows


def _best_round(rounds: list[list[dict]]) -> list[dict]:
    """Per concurrency, the round with the lowest p50; every round's p50 stays in the JSON."""
    best = []
    for candidates in zip(*rounds, strict=True):
        row = min(candidates, key=lambda candidate: candidate["p50_ms"])
        row["p50_ms_per_round"] = [candidate["p50_ms"] for candidate in candidates]
        best.append(row)
    return best


def machine() -> dict:
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",")]


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def options(argv: list[str]) -> argparse.Namespace:
    """The command line, with the data-set sizes it asks for in `size_list`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="short, single rounds; 10,000 ideas")
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument(
        "--sizes", type=_numbers, help="ideas per data set, e.g. 100000 (default 10000,100000)"
    )
    parser.add_argument(
        "--only", type=_names, default=[], help="scenarios whose name holds one of these"
    )
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    if args.sizes:
        args.size_list = [data_set_size(ideas) for ideas in args.sizes]
    else:
        args.size_list = [SMALL] if args.quick else [SMALL, FULL]
    return args


def main() -> int:
    args = options(sys.argv[1:])
    args.redis_url = os.environ.get("BENCH_REDIS_URL", "")
    if not args.redis_url:
        log("No BENCH_REDIS_URL: measuring without the page cache.")
    if args.quick:
        bounds = {"requests": 300, "seconds": 1.0, "rounds": 1}
    else:
        bounds = {"requests": 2500, "seconds": 4, "rounds": 2}
    runs = []
    for database, url in database_urls(args.databases.split(",")).items():
        runs.extend(bench_database(database, url, args.size_list, bounds, args))
    results = {
        "machine": machine(),
        "quick": args.quick,
        "only": args.only,
        "workers": args.workers,
        "threads": args.threads,
        "redis": bool(args.redis_url),
        "runs": runs,
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}{'-quick' if args.quick else ''}.json"
    path.write_text(json.dumps(results, indent=2))
    log("\n" + report.table(results))
    log(f"\nJSON: {path.relative_to(server.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
