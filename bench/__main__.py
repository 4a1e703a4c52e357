"""`python -m bench [--quick] [--only 1,4,7b] [--out DIR]`: run the figures, write the report.

Figures 7-9 need the polyglot profile's servers (`python -m cluster.services up`); when
they are not running those figures are reported as skipped, which is not an error.
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

from bench import fanout, latency, lifecycle, polyglot, report, tiers, writes
from bench.harness import Harness, Tracker, settings_summary
from bench.params import Params
from bench.stats import Figure, Skipped

FigureFn = Callable[[Harness, Params], Awaitable[Figure]]


def _per_load(fn: Callable[[Harness, Params, int], Awaitable[Figure]], index: int) -> FigureFn:
    return lambda h, p: fn(h, p, index)


def _per_store(fn: Callable[[Harness, Params, str], Awaitable[Figure]], store: str) -> FigureFn:
    return lambda h, p: fn(h, p, store)


FIGURES: dict[str, FigureFn] = {
    "1": latency.working_memory_read,
    "2": latency.http_get_agent,
    "3": writes.durable_writes,
    "4": writes.batch_commit,
    "5": lifecycle.activation,
    "6": lifecycle.idle_memory,
    "10": lifecycle.passivated_recall,
    **{f"7{tiers.PARTS[s]}": _per_store(tiers.tier_write, s) for s in polyglot.STORES},
    **{f"8{part}": _per_load(fanout.fanout, i) for i, part in enumerate(fanout.LOAD_PARTS)},
    **{f"9{tiers.PARTS[t]}": _per_store(fanout.tier_lag, t) for t in fanout.TIERS},
}
"""Figure ids: a number, plus a letter per store where one figure has a row per store
(7a-7e: redis, neo4j, weaviate, mongo, postgres; 8a-8b: the two loads; 9a-9d: the four tiers)."""
RUN_ORDER = (
    "4",
    *(f"7{tiers.PARTS[s]}" for s in polyglot.STORES),
    "1",
    "5",
    "6",
    "10",
    "3",
    *(f"8{part}" for part in fanout.LOAD_PARTS),
    *(f"9{tiers.PARTS[t]}" for t in fanout.TIERS),
    "2",
)
"""Figures 4 and 7 need no Ray, so they run before Ray starts; figure 9 reads figure 8's
run; Serve (figure 2) comes last so its controller and proxy add no background load to the
others."""

PLACEHOLDER = {
    "1": ("working-memory read via agent actor ÷ bare async actor call", 1.2, "<=", "p50 latency"),
    "2": ("HTTP GET /v1/agents/{id} via Serve ÷ bare Serve echo", 1.3, "<=", "p50 latency"),
    "3": ("durable writes ÷ same hops via no-op actors", 0.7, ">=", "events/s"),
    "4": ("log batch commit ÷ raw sqlite3 executemany", 0.8, ">=", "rows/s"),
    "5": ("activation of an agent with memories ÷ bare actor start + first call", 1.5, "<=", "p50 latency"),
    "6": ("USS per idle agent actor ÷ bare idle actor", 1.2, "<=", "mean USS"),
    "10": ("recall on a passivated agent ÷ on an active one", 1.2, "<=", "p50 latency"),
}


def placeholder(figure_id: str, params: Params) -> Figure:
    """The empty figure an error or a skip is reported under."""
    number = int(figure_id.rstrip("abcde"))
    part = figure_id[len(str(number)) :]
    if number == 7:
        return tiers.header(tiers.STORE_OF_PART[part], params)
    if number == 8:
        return fanout.fanout_header(fanout.LOAD_PARTS.index(part), params)
    if number == 9:
        return fanout.lag_header(tiers.STORE_OF_PART[part], params)
    name, target, direction, basis = PLACEHOLDER[figure_id]
    return Figure(number, name, target, direction, basis)


def select(only: str) -> list[str]:
    """`--only 1,7,9b`: a number selects all its rows (7 -> 7a-7e), `9b` just one."""
    wanted = [x.strip() for x in only.split(",") if x.strip()]
    if not wanted:
        return list(FIGURES)
    chosen = []
    for token in wanted:
        matches = [f for f in FIGURES if f == token or (token.isdigit() and f.rstrip("abcde") == token)]
        if not matches:
            raise ValueError(token)
        chosen += matches
    return list(dict.fromkeys(chosen))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run of every figure")
    parser.add_argument(
        "--only", default="", help="comma-separated figure ids: 1-6, 7 (= 7a-7e), 7a ... 7e, 8 (= 8a-8b), 9 (= 9a-9d), 9a ... 9d, 10"
    )
    parser.add_argument("--out", type=Path, default=report.REPO / "bench" / "results", help="output directory")
    args = parser.parse_args(argv)
    try:
        args.figures = select(args.only)
    except ValueError as unknown:
        parser.error(f"unknown figure {unknown}; ids are {', '.join(FIGURES)} (a number selects all its rows)")
    return args


async def run(harness: Harness, params: Params, selected: list[str]) -> list[Figure]:
    figures: dict[str, Figure] = {}
    for figure_id in [f for f in RUN_ORDER if f in selected]:
        started = time.perf_counter()
        try:
            figure = await FIGURES[figure_id](harness, params)
        except Skipped as reason:
            figure = placeholder(figure_id, params)
            figure.skipped = str(reason)
        except Exception as error:  # noqa: BLE001 - one broken figure must not lose the others
            figure = placeholder(figure_id, params)
            figure.error = f"{type(error).__name__}: {error}"
            harness.tracker.log(f"[red]figure {figure_id} failed[/red]\n{traceback.format_exc()}")
        figure.seconds = time.perf_counter() - started
        figures[figure_id] = figure
        harness.tracker.log(f"figure {figure_id}: {_verdict(figure)}")
    return [figures[f] for f in FIGURES if f in figures]


def _verdict(figure: Figure) -> str:
    if figure.skipped:
        return f"[yellow]skipped[/yellow] ({figure.skipped})"
    if figure.target is None:
        return "absolute figure (no baseline)" if not figure.error else "[red]error[/red]"
    ratio = f"{figure.ratio:.2f}" if figure.ratio is not None else "–"
    verdict = {True: "[green]met[/green]", False: "[yellow]not met[/yellow]", None: "[red]no ratio[/red]"}[figure.met]
    return f"ratio {ratio} (target {figure.target_text}) {verdict}"


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
