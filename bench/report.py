"""The bench's one table (Markdown, so it pastes into docs/PERFORMANCE.md) and its targets."""

FLOOR = "floor: GET /health"
HEADER = (
    "| scenario | conc | requests | req/s | p50 ms | p95 ms | p50 × floor | req/s ÷ floor "
    "| errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
)


def line(row: dict) -> str:
    return (
        f"  {row['scenario']:<36} c={row['concurrency']:<2} {row['requests']:>6} req "
        f"{row['rps']:>8.1f}/s p50 {row['p50_ms']:>8.2f} ms p95 {row['p95_ms']:>8.2f} ms "
        f"errors {row['errors']}"
    )


def with_ratios(rows: list[dict]) -> list[dict]:
    floors = {row["concurrency"]: row for row in rows if row.get("scenario") == FLOOR}
    for row in rows:
        floor = floors.get(row.get("concurrency"))
        if floor and "p50_ms" in row:
            row["p50_x_floor"] = round(row["p50_ms"] / floor["p50_ms"], 2)
            row["rps_share_of_floor"] = round(row["rps"] / floor["rps"], 2)
    return rows


def table_row(row: dict) -> str:
    if row.get("skipped"):
        return f"| {row['scenario']} | | | | | | | | {row['skipped']} |"
    return (
        f"| {row['scenario']} | {row['concurrency']} | {row['requests']} | {row['rps']:.1f} "
        f"| {row['p50_ms']:.2f} | {row['p95_ms']:.2f} | {row.get('p50_x_floor', '')} "
        f"| {row.get('rps_share_of_floor', '')} | {row['errors']} |"
    )


def _run_title(run: dict) -> str:
    sizes = run["sizes"]
    seeded = f", seeded in {run['seed_seconds']} s" if run.get("seed_seconds") else ""
    return (
        f"### {run['database']}: {sizes['ideas']:,} ideas, {sizes['votes']:,} votes, "
        f"{sizes['comments']:,} comments, {sizes['users']:,} accounts{seeded}"
    )


def table(results: dict) -> str:
    machine = results["machine"]
    lines = [
        f"Machine: {machine['cores']} cores, {machine['memory_gb']} GB, Python "
        f"{machine['python']}; {machine['date']}; gunicorn {results['workers']} workers × "
        f"{results['threads']} threads; page cache {'on (Redis)' if results['redis'] else 'off'}."
    ]
    for run in results["runs"]:
        lines += ["", _run_title(run), "", *HEADER]
        lines += [table_row(row) for row in run["rows"]]
        if run["page_weights"]:
            weights = ", ".join(
                f"{name} {weight['total_kb']} KB" for name, weight in run["page_weights"].items()
            )
            lines += ["", f"Gzip size of page + its CSS and JS: {weights}."]
    lines += ["", "Targets:", *targets(results)]
    return "\n".join(lines)


def _rows(run: dict, prefix: str):
    return [r for r in run["rows"] if r["scenario"].startswith(prefix) and "p50_ms" in r]


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def targets(results: dict) -> list[str]:
    found = []
    for run in results["runs"]:
        where = f"{run['database']} {run['sizes']['ideas']:,}"
        limits = (
            ("idea list, m", 3),
            ("idea list, p", 3),
            ("round page", 3),
            ("round idea", 3),
            ("idea page, 5", 4),
            ("API: ", 3),
        )
        for prefix, limit in limits:
            for row in _rows(run, prefix):
                ok = row["p50_x_floor"] <= limit
                found.append(
                    f"- {where}: {row['scenario']} c={row['concurrency']}: p50 "
                    f"{row['p50_x_floor']}× floor (≤ {limit}×) {_verdict(ok)}"
                )
        if run["database"] == "postgresql":
            for row in _rows(run, "search:") + _rows(run, "similar"):
                ok = row["p50_x_floor"] <= 5
                found.append(
                    f"- {where}: {row['scenario']} c={row['concurrency']}: p50 "
                    f"{row['p50_x_floor']}× floor (≤ 5×) {_verdict(ok)}"
                )
            for row in _rows(run, "vote"):
                ok = row["rps_share_of_floor"] >= 0.4
                found.append(
                    f"- {where}: votes c={row['concurrency']}: "
                    f"{row['rps_share_of_floor']:.0%} of the floor's req/s (≥ 40 %) {_verdict(ok)}"
                )
        for row in _rows(run, "export: all"):
            seconds = row["p50_ms"] / 1000
            ok = seconds < 5 and row["peak_worker_mb"] < 200
            found.append(
                f"- {where}: full export {seconds:.2f} s, worker peak {row['peak_worker_mb']} MB "
                f"(< 5 s, < 200 MB) {_verdict(ok)}"
            )
        for name, weight in run["page_weights"].items():
            if weight["total_kb"] > 100:
                found.append(f"- {where}: {name} weighs {weight['total_kb']} KB (≤ 100) NOT met")
        if all(w["total_kb"] <= 100 for w in run["page_weights"].values()):
            found.append(f"- {where}: every weighed page ≤ 100 KB gzip: met")
    found += _scaling(results["runs"])
    return found


def _scaling(runs: list[dict]) -> list[str]:
    """p50 at the largest size against p50 at the smallest, per database and scenario.

    The two sizes run minutes apart; on a shared machine the load from elsewhere changes in
    between, so the same comparison of p50 × floor (measured side by side) is given as well.
    """
    found = []
    for database in sorted({run["database"] for run in runs}):
        mine = sorted(
            (r for r in runs if r["database"] == database), key=lambda r: r["sizes"]["ideas"]
        )
        if len(mine) < 2:
            continue
        small, large = mine[0], mine[-1]
        before = {(r["scenario"], r["concurrency"]): r for r in small["rows"] if "p50_ms" in r}
        for row in large["rows"]:
            earlier = before.get((row["scenario"], row.get("concurrency")))
            if earlier is None or row["scenario"].startswith(("floor", "export")):
                continue
            ratio = row["p50_ms"] / earlier["p50_ms"]
            relative = row["p50_x_floor"] / earlier["p50_x_floor"]
            found.append(
                f"- {database}: {row['scenario']} c={row['concurrency']}: p50 at "
                f"{large['sizes']['ideas']:,} = {ratio:.2f}× p50 at {small['sizes']['ideas']:,} "
                f"(≤ 1.3×) {_verdict(ratio <= 1.3)}; relative to the floor {relative:.2f}× "
                f"{_verdict(relative <= 1.3)}"
            )
    return found
