"""Where the CPU goes: CPU seconds per process group of this benchmark's own process tree.

On a 2-core machine throughput is bounded by CPU, so "CPU milliseconds per operation, by
process" explains a throughput ratio better than any timer. The tree is this driver plus
everything it started (GCS, raylet, every worker), so other jobs on the machine are not
counted; their share shows up as `cores_used_by_other_jobs`. The polyglot figures add the
database servers' process trees (`servers`: root pid -> group name), since on one machine
their CPU is part of the same budget.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import psutil

GROUPS = (
    ("ray::Agent", "agent actors"),
    ("BackendWriter", "writers"),
    ("NoopAgent", "no-op agents"),
    ("NoopWriter", "no-op writers"),
    ("BareActor", "bare actors"),
    ("ServeReplica:novamem-novamem-bench-", "serve replica (novamem)"),  # app_name(the harness's namespace)
    ("ServeReplica", "serve replica (other)"),
    ("ProxyActor", "serve proxy"),
    ("ServeController", "serve controller"),
    ("Directory", "directory"),
    ("raylet", "raylet"),
    ("gcs_server", "gcs"),
)


def _group(process: psutil.Process, driver: int) -> str:
    if process.pid == driver:
        return "driver (clients)"
    try:
        title = " ".join(process.cmdline()[:2]) or process.name()
    except psutil.Error:
        return "other"
    for key, group in GROUPS:
        if key in title:
            return group
    return "ray idle workers + other"


@dataclass
class Snapshot:
    at: float
    per_pid: dict[int, tuple[str, float]]
    machine_busy: float
    machine_iowait: float


def _tree(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def trees_cpu_s(pids: list[int]) -> float:
    """CPU seconds used so far by these processes and their children (a server's backends)."""
    total = 0.0
    for pid in pids:
        for process in _tree(pid):
            try:
                times = process.cpu_times()
                total += times.user + times.system
            except psutil.Error:
                continue
    return total


def snapshot(servers: dict[int, str] | None = None) -> Snapshot:
    driver = os.getpid()
    per_pid: dict[int, tuple[str, float]] = {}
    trees = [(process, None) for process in _tree(driver)]
    trees += [(process, group) for pid, group in (servers or {}).items() for process in _tree(pid)]
    for process, group in trees:
        try:
            times = process.cpu_times()
            per_pid[process.pid] = (group or _group(process, driver), times.user + times.system)
        except psutil.Error:
            continue
    machine = psutil.cpu_times()
    busy = machine.user + machine.system + machine.nice + getattr(machine, "irq", 0) + getattr(machine, "softirq", 0)
    return Snapshot(time.perf_counter(), per_pid, busy, getattr(machine, "iowait", 0.0))


def usage(before: Snapshot, after: Snapshot, operations: int) -> dict[str, object]:
    """CPU ms per operation by group (processes alive at both ends), and machine context."""
    groups: dict[str, float] = {}
    for pid, (group, cpu) in after.per_pid.items():
        if pid in before.per_pid:
            groups[group] = groups.get(group, 0.0) + cpu - before.per_pid[pid][1]
    wall = after.at - before.at
    ours = sum(groups.values())
    machine = after.machine_busy - before.machine_busy
    per_op = {g: round(1000 * s / max(operations, 1), 3) for g, s in sorted(groups.items(), key=lambda kv: -kv[1]) if s > 0.0005}
    return {
        "cpu_ms_per_op": per_op,
        "cpu_ms_per_op_total": round(1000 * ours / max(operations, 1), 3),
        "wall_s": round(wall, 3),
        "cores_used_by_bench": round(ours / wall, 2) if wall else None,
        "cores_used_by_other_jobs": round(max(machine - ours, 0.0) / wall, 2) if wall else None,
        "cores_idle_in_iowait": round((after.machine_iowait - before.machine_iowait) / wall, 2) if wall else None,
    }
