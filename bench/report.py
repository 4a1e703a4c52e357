"""The report: `latest.md` (a table plus details) and `latest.json` (the same, plus machine info)."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
from rich.console import Console
from rich.table import Table

from bench.stats import Figure, Side

REPO = Path(__file__).resolve().parents[1]


def machine_info() -> dict[str, Any]:
    import ray

    return {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "cpu_count_physical": psutil.cpu_count(logical=False),
        "cpu_model": _cpu_model(),
        "memory_total_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "ray": ray.__version__,
        "sqlite": sqlite3.sqlite_version,
        "load_avg_start": [round(x, 2) for x in os.getloadavg()],
        "servers": _server_versions(),
        "git_commit": _git("rev-parse", "HEAD"),
        "git_dirty": bool(_git("status", "--porcelain")),
    }


def _server_versions() -> dict[str, str]:
    """Versions of the polyglot profile's local servers that are running (figures 7-9)."""
    try:
        from cluster.services import manager

        return {name: str(state.get("version")) for name, state in manager.status().items() if state.get("running")}
    except Exception:  # noqa: BLE001 - a detail of the record, never a reason to fail
        return {}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _git(*args: str) -> str:
    """Read-only git queries (commit and dirtiness) for the record; empty if unavailable."""
    try:
        result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def _num(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def _p(side: Side | None) -> str:
    if side is None or not side.samples:
        return "–"
    return f"{_num(side.p50)} / {_num(side.p99)} {side.sample_unit}"


def _value(side: Side | None) -> str:
    if side is None:
        return "–"
    if side.value is None:
        return f"{_num(side.p50)} {side.sample_unit} p50"
    return f"{_num(side.value, 1)} {side.value_unit}"


def _met(figure: Figure) -> str:
    if figure.skipped:
        return "skipped"
    if figure.error:
        return "error"
    return {True: "yes", False: "**no**", None: "–"}[figure.met]


def _ratio(figure: Figure) -> str:
    if figure.target is None:
        return "n/a"
    return _num(figure.ratio) if figure.ratio is not None else "–"


def rows(figures: list[Figure]) -> list[list[str]]:
    return [
        [
            f.id,
            f.name,
            _ratio(f),
            f.target_text,
            _met(f),
            f.basis,
            _p(f.system),
            _p(f.baseline),
            _value(f.system),
            _value(f.baseline),
        ]
        for f in figures
    ]


HEADER = [
    "#",
    "figure",
    "ratio",
    "target",
    "met?",
    "ratio of",
    "system p50 / p99",
    "baseline p50 / p99",
    "system (absolute)",
    "baseline (absolute)",
]


def markdown(figures: list[Figure], machine: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [
        f"# novamem benchmark ({meta['mode']} run, {machine['timestamp']})",
        "",
        "Each ratio is system ÷ baseline, both measured in this run on this machine (docs/architecture.md,",
        "\"Performance method\"). Targets are goals; this is a report, nothing is asserted.",
        "",
        f"Machine: {machine['cpu_count']} CPUs ({machine['cpu_model']}), {machine['memory_total_gib']} GiB, "
        f"{machine['platform']}; Python {machine['python']}, Ray {machine['ray']}, SQLite {machine['sqlite']}; "
        f"load average {machine['load_avg_start']} at start, {machine.get('load_avg_end')} at end; "
        f"commit {machine['git_commit'][:12] or '?'}{' (dirty tree)' if machine['git_dirty'] else ''}; "
        f"total {meta['seconds']:.0f} s.",
        "",
        "Servers (figures 7-9): "
        + (", ".join(f"{k} {v}" for k, v in machine.get("servers", {}).items()) or "none running")
        + ".",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
    ]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows(figures)]
    lines += [
        "",
        "p50 / p99 columns: per-call latency (figures 1, 2, 5; figures 3 and 8: remember() under full "
        "concurrency), per-batch commit or write time (4, 7a-7e), per-actor USS (6), tier lag in events "
        "sampled during the load (9a-9d). Absolute columns: the rate or size the ratio is made of, the p50 "
        "for latency figures, the estimated p99 time from ack to applied for 9a-9d (no baseline, so no ratio).",
    ]
    lines += ["", "## Details", ""]
    for f in figures:
        lines.append(f"### {f.id}. {f.name}")
        lines.append("")
        if f.skipped:
            lines.append(f"- skipped: {f.skipped}")
        if f.error:
            lines.append(f"- **error**: `{f.error}`")
        if f.system and f.baseline:
            lines.append(f"- system: {f.system.label}; baseline: {f.baseline.label}; n = {len(f.system.samples)} / {len(f.baseline.samples)}")
        for key, value in f.details.items():
            lines.append(f"- {key}: {_fmt_detail(value)}")
        lines.append(f"- took {f.seconds:.0f} s")
        lines.append("")
    lines += [
        "## Run",
        "",
        f"- command: `{meta['command']}`",
        f"- deployment settings: `{json.dumps(meta.get('settings', {}))}`",
        f"- parameters: `{json.dumps(meta['params'])}`",
        f"- Ray warnings during the run: {meta.get('ray_warnings', {}).get('count', 0)} (kept in the JSON)",
        "",
    ]
    return "\n".join(lines)


def _fmt_detail(value: Any) -> str:
    if isinstance(value, float):
        return _num(value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_fmt_detail(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "[" + ", ".join(_fmt_detail(v) for v in value) + "]"
    return str(value)


def write(out_dir: Path, stem: str, figures: list[Figure], machine: dict[str, Any], meta: dict[str, Any]) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    md_path, json_path = out_dir / f"{stem}.md", out_dir / f"{stem}.json"
    md_path.write_text(markdown(figures, machine, meta))
    data = {"machine": machine, **meta, "figures": [f.to_json() for f in figures]}
    json_path.write_text(json.dumps(data, indent=2, default=str) + "\n")
    return md_path, json_path


SHORT = {
    "1": "working-memory read",
    "2": "HTTP GET agent",
    "3": "durable writes",
    "4": "log batch commit",
    "5": "activation",
    "6": "idle actor USS",
    "7a": "redis batch write",
    "7b": "neo4j batch write",
    "7c": "weaviate batch write",
    "7d": "mongo batch write",
    "7e": "postgres log batch write",
    "8a": "fan-out, few agents",
    "8b": "fan-out, many agents",
    "9a": "redis lag",
    "9b": "neo4j lag",
    "9c": "weaviate lag",
    "9d": "mongo lag",
    "10": "recall, passivated agent",
}


def print_table(console: Console, figures: list[Figure]) -> None:
    """A compact console table; the markdown file has every column."""
    table = Table(title="system ÷ baseline (same run, same machine)")
    for column in ("#", "figure", "ratio", "target", "met?", "system", "baseline"):
        table.add_column(column)
    for f in figures:
        table.add_row(
            f.id,
            SHORT.get(f.id, f.name),
            _ratio(f),
            f.target_text,
            _met(f).replace("**", ""),
            _value(f.system) if f.system and f.system.value is not None else _p(f.system),
            _value(f.baseline) if f.baseline and f.baseline.value is not None else _p(f.baseline),
        )
    console.print(table)


def command_line() -> str:
    return " ".join([Path(sys.executable).name, "-m", "bench", *sys.argv[1:]])
