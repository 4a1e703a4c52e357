"""`novamem demo` on real Ray: in-process against a test deployment, and as the real CLI."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from cluster.config import load_settings
from cluster.demo import Plan, Report, percentile, print_failures, run_demo, summary_tables
from cluster.runtime import Runtime

SUMMARY_TITLE = "novamem demo summary"
CLI_TIMEOUT_S = 540


def _row(text: str, label: str) -> list[str]:
    """The cells after `label` in a printed rich table row."""
    match = re.search(rf"│ {re.escape(label)}\s*│(.*)│\n", text)
    assert match, f"no row {label!r} in:\n{text}"
    return [cell.strip() for cell in match.group(1).split("│")]


def test_plan_spreads_kills_and_keeps_markers_apart() -> None:
    plan = Plan.make(agents=12, memories=3, kill=3)
    assert plan.kill == {0, 4, 8} and plan.update == {0, 3, 6, 9}
    assert len({plan.agent_id(i) for i in range(12)}) == 12
    text = f"{plan.marker(1)} and {plan.marker(2)}"
    assert plan.foreign_markers(text, 1) == [plan.marker(2)]
    assert Plan.make(agents=2, memories=1, kill=5).kill == {0, 1}
    assert Plan.make(agents=2, memories=1, kill=0).kill == frozenset()
    assert Plan.make(2, 1, 0).run_id != plan.run_id


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0 and percentile(values, 99) == 99.0
    assert percentile([7.0], 99) == 7.0


def test_summary_names_every_failed_check() -> None:
    report = Report()
    report.check("recall.no_foreign_items", True)
    report.check("restore.next_seq", False, "demo-x-0001: seq 9, head 9, head before the kill 7")
    report.check("restore.next_seq", False, "demo-x-0002: …")
    report.latencies["recall"].extend([0.010, 0.020])
    output = io.StringIO()
    console = Console(file=output, width=160)
    for table in summary_tables(report, Plan.make(agents=2, memories=1, kill=0), "ns"):
        console.print(table)
    print_failures(console, report)
    text = output.getvalue()
    assert not report.ok and _row(text, "checks failed") == ["2: restore.next_seq ×2"]
    assert _row(text, "recall") == ["2", "10.0", "20.0"]
    assert "✗ restore.next_seq (first: demo-x-0001" in text


def test_demo_in_process_passes_every_check(make_runtime: Callable[..., Runtime]) -> None:
    runtime = make_runtime()
    output = io.StringIO()
    console = Console(file=output, width=160, force_terminal=False)
    passed = run_demo(runtime.settings, None, agents=12, memories=3, kill=3, console=console)
    text = output.getvalue()
    assert passed, text
    assert SUMMARY_TITLE in text and "all checks passed" in text
    assert _row(text, "memories written") == ["39"]  # 12 × 3, plus one after each of the 3 restores
    assert _row(text, "kills (restored)") == ["3"] and _row(text, "checks failed") == ["0"]


def test_demo_cli_against_a_running_cluster(ray_session: dict, tmp_path: Path) -> None:
    """The real `novamem demo`, in its own process, joining the session cluster by address.

    It inherits this process's environment, which is how it authenticates: the session's
    `ray.init` sets RAY_AUTH_MODE=token and the token lives in ~/.ray/auth_token.
    """
    namespace = f"demo-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "NOVAMEM_DATA_DIR": str(tmp_path), "COLUMNS": "160"}
    command = [
        str(Path(sys.executable).with_name("novamem")),
        "demo",
        "--agents", "5",
        "--memories", "2",
        "--kill", "1",
        "--address", ray_session["gcs_address"],
        "--namespace", namespace,
    ]  # fmt: skip
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=CLI_TIMEOUT_S, check=False)
    finally:
        Runtime.connect(settings=load_settings(None, namespace=namespace, data_dir=str(tmp_path))).teardown()
    assert result.returncode == 0, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert SUMMARY_TITLE in result.stdout
    assert "latency per operation" in result.stdout and "all checks passed" in result.stdout


def test_demo_without_kills_still_reports(make_runtime: Callable[..., Runtime]) -> None:
    """Edge sizes: one memory per agent (the marker alone), no kills, so no restore latency."""
    runtime = make_runtime()
    output = io.StringIO()
    console = Console(file=output, width=160)
    passed = run_demo(runtime.settings, None, agents=3, memories=1, kill=0, console=console)
    text = output.getvalue()
    assert passed, text
    assert _row(text, "kills (restored)") == ["0"]
    assert _row(text, "restore (kill → answer)") == ["0", "-", "-"]
