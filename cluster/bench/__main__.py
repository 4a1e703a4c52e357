"""`python -m cluster.bench [--quick] [--only 1,4] [--out DIR]`: run the figures, write the report.

Full runs write `bench/results/latest.{md,json}`; `--quick` (small counts, a smoke test
of every figure) writes `quick.{md,json}` so it never overwrites a full report. The exit
status is 1 only if a figure could not be measured (an error), never for a missed target.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import sys
import time
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console

from cluster.bench import latency, lifecycle, report, writes
from cluster.bench.harness import Harness, Tracker, settings_summary
from cluster.bench.params import Params
from cluster.bench.stats import Figure

FigureFn = Callable[[Harness, Params], Awaitable[Figure]]

FIGURES: dict[int, FigureFn] = {
    1: latency.working_memory_read,
    2: latency.http_get_agent,
    3: writes.durable_writes,
    4: writes.batch_commit,
    5: lifecycle.activation,
    6: lifecycle.idle_memory,
}
RUN_ORDER = (4, 1, 5, 6, 3, 2)
"""Figure 4 needs no Ray, so it runs before Ray starts; Serve (figure 2) comes last so its
controller and proxy add no background load to the others."""

PLACEHOLDER = {
    1: ("working-memory read via agent actor ÷ bare async actor call", 1.2, "<=", "p50 latency"),
    2: ("HTTP GET /v1/agents/{id} via Serve ÷ bare Serve echo", 1.3, "<=", "p50 latency"),
    3: ("durable writes ÷ same hops via no-op actors", 0.7, ">=", "events/s"),
    4: ("log batch commit ÷ raw sqlite3 executemany", 0.8, ">=", "rows/s"),
    5: ("activation of an agent with memories ÷ bare actor start + first call", 1.5, "<=", "p50 latency"),
    6: ("USS per idle agent actor ÷ bare idle actor", 1.2, "<=", "mean USS"),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m cluster.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run of every figure")
    parser.add_argument("--only", default="", help="comma-separated figure numbers (default: all six)")
    parser.add_argument("--out", type=Path, default=report.REPO / "bench" / "results", help="output directory")
    args = parser.parse_args(argv)
    try:
        args.figures = [int(x) for x in args.only.split(",") if x.strip()] or list(FIGURES)
    except ValueError:
        parser.error("--only takes figure numbers, e.g. --only 1,4")
    if unknown := sorted(set(args.figures) - set(FIGURES)):
        parser.error(f"unknown figure(s): {unknown}")
    return args


async def run(harness: Harness, params: Params, selected: list[int]) -> list[Figure]:
    figures: dict[int, Figure] = {}
    for number in [n for n in RUN_ORDER if n in selected]:
        started = time.perf_counter()
        try:
            figure = await FIGURES[number](harness, params)
        except Exception as error:  # noqa: BLE001 - one broken figure must not lose the others
            name, target, direction, basis = PLACEHOLDER[number]
            figure = Figure(number, name, target, direction, basis, error=f"{type(error).__name__}: {error}")
            harness.tracker.log(f"[red]figure {number} failed[/red]\n{traceback.format_exc()}")
        figure.seconds = time.perf_counter() - started
        figures[number] = figure
        verdict = {True: "[green]met[/green]", False: "[yellow]not met[/yellow]", None: "[red]no ratio[/red]"}[figure.met]
        ratio = f"{figure.ratio:.2f}" if figure.ratio is not None else "–"
        harness.tracker.log(f"figure {number}: ratio {ratio} (target {figure.direction} {figure.target}) {verdict}")
    return [figures[n] for n in sorted(figures)]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    params = Params.for_mode(args.quick)
    console = Console()
    machine = report.machine_info()
    tracker = Tracker(console)
    harness = Harness(tracker)
    started = time.perf_counter()
    settings = {}
    with tracker.progress:
        try:
            figures = asyncio.run(run(harness, params, args.figures))
            if harness.runtime is not None:
                settings = settings_summary(harness.rt.settings)
        finally:
            with tracker.step("shutting down Ray and Serve", 1):
                harness.stop()
    machine["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    meta = {
        "mode": "quick" if args.quick else "full",
        "command": report.command_line(),
        "seconds": time.perf_counter() - started,
        "ray_init_s": round(harness.ray_init_s, 1),
        "params": dataclasses.asdict(params),
        "settings": settings,
        "ray_warnings": {"count": harness.ray_warnings.count, "first": harness.ray_warnings.kept},
    }
    md_path, json_path = report.write(args.out, "quick" if args.quick else "latest", figures, machine, meta)
    report.print_table(console, figures)
    console.print(f"wrote {md_path} and {json_path}")
    return 1 if any(f.error for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
