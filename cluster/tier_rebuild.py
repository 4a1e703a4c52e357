"""`novamem rebuild --tier NAME`: drop a tier, replay it from the log, verify the result.

The tier is derived data, so dropping it loses nothing: the writers replay every agent of
their shard from the log (checkpoints reset to zero) while this shows the lag shrinking,
then per-agent counts in the tier are checked against the log.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from actors.errors import InvalidInput
from cluster.runtime import Runtime

POLL_S = 0.5


async def rebuild_tier(runtime: Runtime, tier: str, timeout_s: float, console: Console) -> dict[str, Any]:
    """Rebuild `tier`; returns the verification report (empty `mismatches` means equal)."""
    stats = await runtime.stats()
    if tier not in stats["tiers"]:
        raise InvalidInput(f"no tier {tier!r}; this deployment has: {', '.join(stats['tiers'])}", "tier")
    started = time.monotonic()
    await runtime.rebuild(tier)
    await _follow_replay(runtime, tier, stats["log_head"], started + timeout_s, console)
    report = await runtime.verify(tier)
    _print_report(report, time.monotonic() - started, console)
    return report


async def _follow_replay(runtime: Runtime, tier: str, total: int, deadline: float, console: Console) -> None:
    """A progress bar over the events replayed so far, until the tier's lag is zero."""
    columns = (TextColumn(f"replaying {tier}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task(tier, total=max(total, 1))
        while True:
            state = (await runtime.stats())["tiers"][tier]
            progress.update(task, completed=max(total - state["lag"], 0))
            if state["ok"] and state["lag"] == 0:
                progress.update(task, completed=max(total, 1))
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{tier} still {state['lag']} events behind: {'; '.join(state['errors'])}")
            await asyncio.sleep(POLL_S)


def _print_report(report: dict[str, Any], seconds: float, console: Console) -> None:
    table = Table(title=f"rebuild of {report['tier']}", show_header=False)
    table.add_row("agents", str(report["agents"]))
    table.add_row("memories expected (from the log)", str(report["expected"]))
    table.add_row("memories held by the tier", str(report["held"]))
    table.add_row("time", f"{seconds:.1f} s")
    verdict = "[green]counts match the log[/green]" if not report["mismatches"] else "[red]MISMATCH[/red]"
    table.add_row("verification", verdict)
    console.print(table)
    for mismatch in report["mismatches"][:20]:
        console.print(f"  {mismatch['agent_id']}: log {mismatch['log']}, tier {mismatch['tier']}")
