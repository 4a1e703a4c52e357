"""`novamem demo`: drive a fleet of agents through their whole life and check every promise.

Each agent goes through identity creation, a batch of memories, a recall, for some an
identity update, and for K of them a crash (`ray.kill`) and restore. Every step checks
what the design promises — dense seqs, recall that finds the agent's own memory and
nothing of anyone else's, versioned identity, restore with no seq reused or skipped — so
the demo doubles as a smoke test of a live deployment. The data is real and stays in the
log; the agents passivate on their own.
"""

from __future__ import annotations

import asyncio
import math
import re
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import ray
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from actors.agent import AGENT_NAME
from actors.client import AgentClient
from actors.handles import lookup
from actors.settings import Settings
from cluster.runtime import Runtime

T = TypeVar("T")

CONCURRENCY = 32
"""Agents driven at once: enough to load the writer pool, few enough not to swamp 2 cores."""
UPDATE_EVERY = 3
"""Every third agent (0, 3, 6, …) also gets a second identity version."""
RESTORE_POLL_S = 0.05

PHASES = {
    "identity": "create identities",
    "memories": "write memories",
    "recall": "recall",
    "update": "update identities",
    "restore": "kill and restore",
}
NAMES = ("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Leslie")
PERSONAS = ("careful archivist", "curious explorer", "terse engineer", "patient teacher", "sceptical reviewer")
TRAITS = ("curious", "precise", "kind", "stubborn", "playful", "methodical")
TOPICS = ("river", "lighthouse", "orchard", "glacier", "market", "observatory", "harbour", "library")
KINDS = ("observation", "fact", "reflection")


# -- the plan: who does what ------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Which agents exist in this run, and which of them get updated or killed."""

    run_id: str
    agents: int
    memories: int
    update: frozenset[int]
    kill: frozenset[int]

    @classmethod
    def make(cls, agents: int, memories: int, kill: int) -> Plan:
        """A random run id (repeated runs never collide) and evenly spread kill targets."""
        kill = min(kill, agents)
        return cls(
            run_id=uuid.uuid4().hex[:8],
            agents=agents,
            memories=memories,
            update=frozenset(range(0, agents, UPDATE_EVERY)),
            kill=frozenset(j * agents // kill for j in range(kill)) if kill else frozenset(),
        )

    def agent_id(self, i: int) -> str:
        return f"demo-{self.run_id}-{i:04d}"

    def marker(self, i: int) -> str:
        """One word, unique to agent `i` of this run, that only its key memory contains."""
        return f"mk{self.run_id}n{i:04d}"

    def foreign_markers(self, text: str, i: int) -> list[str]:
        """Markers of *other* agents of this run found in `text` (recall must never leak them)."""
        return [m for m in re.findall(rf"mk{self.run_id}n\d{{4}}", text) if m != self.marker(i)]


def identity_of(i: int, version: int = 1) -> dict[str, Any]:
    persona = PERSONAS[(i + version - 1) % len(PERSONAS)]
    return {
        "name": f"{NAMES[i % len(NAMES)]} {i}",
        "persona": persona if version == 1 else f"{persona}, promoted",
        "traits": [TRAITS[i % len(TRAITS)], TRAITS[(i + 1) % len(TRAITS)]],
    }


def memories_of(plan: Plan, i: int) -> list[dict[str, Any]]:
    """The first memory holds the marker; the rest share a vocabulary with every other agent.

    Keeping the marker out of the newest memory means recency alone cannot put it on top.
    """
    name = identity_of(i)["name"]
    items = [
        {
            "content": f"{name} keeps the secret {plan.marker(i)} near the {TOPICS[i % len(TOPICS)]}",
            "kind": "fact",
            "entities": [name, plan.marker(i)],
        }
    ]
    for n in range(1, plan.memories):
        topic = TOPICS[(i + n) % len(TOPICS)]
        items.append(
            {
                "content": f"{name} walked past the {topic} and thought about it (note {n})",
                "kind": KINDS[n % len(KINDS)],
                "entities": [name, topic],
            }
        )
    return items


# -- the report: latencies, counts and checks -------------------------------------------


@dataclass
class Report:
    """Everything the summary shows; filled in concurrently by the agent pipelines."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    counts: Counter[str] = field(default_factory=Counter)
    passed: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    first_failure: dict[str, str] = field(default_factory=dict)
    elapsed_s: float = 0.0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
        else:
            self.failed[name] += 1
            self.first_failure.setdefault(name, detail)
        return ok

    async def timed(self, op: str, call: Awaitable[T]) -> T:
        """Await `call`, recording its latency under `op` (errors are not timed)."""
        start = time.perf_counter()
        result = await call
        self.latencies[op].append(time.perf_counter() - start)
        return result

    @property
    def ok(self) -> bool:
        return self.passed > 0 and not self.failed


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: an observed value, no interpolation."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# -- one agent's life -------------------------------------------------------------------


@dataclass
class Driver:
    """Drives one run: shared by every agent pipeline of that run."""

    runtime: Runtime
    plan: Plan
    report: Report
    progress: Progress
    tasks: dict[str, TaskID]

    def advance(self, phase: str) -> None:
        self.progress.advance(self.tasks[phase])

    async def run(self) -> None:
        semaphore = asyncio.Semaphore(CONCURRENCY)

        async def bounded(i: int) -> None:
            async with semaphore:
                await self.drive(i)

        start = time.perf_counter()
        await asyncio.gather(*(bounded(i) for i in range(self.plan.agents)))
        self.report.elapsed_s = time.perf_counter() - start

    async def drive(self, i: int) -> None:
        """One agent's whole life; an unexpected error fails that agent, not the run."""
        agent = self.runtime.agent(self.plan.agent_id(i))
        try:
            await self.create(agent, i)
            await self.remember(agent, i)
            await self.recall(agent, i)
            if i in self.plan.update:
                await self.update(agent, i)
            if i in self.plan.kill:
                await self.kill_and_restore(agent)
        except Exception as error:  # noqa: BLE001 - reported as a failed check, with the agent
            self.report.check(f"agent.error:{type(error).__name__}", False, f"{agent.agent_id}: {error}")

    async def create(self, agent: AgentClient, i: int) -> None:
        result = await self.report.timed("identity", agent.set_identity(**identity_of(i)))
        self.report.check(
            "identity.created", result["created"] and result["identity"]["version"] == 1, f"{agent.agent_id}: {result}"
        )
        self.advance("identity")

    async def remember(self, agent: AgentClient, i: int) -> None:
        """One batch per agent (Ray calls are the expensive hop); seqs follow the identity's 1."""
        results = await self.report.timed("remember", agent.remember_many(memories_of(self.plan, i)))
        self.report.counts["memories"] += len(results)
        seqs = [r["seq"] for r in results]
        expected = list(range(2, 2 + self.plan.memories))
        self.report.check("memories.dense_seqs", seqs == expected, f"{agent.agent_id}: {seqs}")
        self.advance("memories")

    async def recall(self, agent: AgentClient, i: int) -> None:
        marker = self.plan.marker(i)
        answer = await self.report.timed("recall", agent.recall(f"where is the secret {marker}?", k=10))
        self.report.counts["recalls"] += 1
        items = answer["items"]
        top = items[0] if items else {}
        self.report.check(
            "recall.top_hit_is_own_marker",
            top.get("agent_id") == agent.agent_id and marker in top.get("content", ""),
            f"{agent.agent_id}: top hit {top.get('agent_id')} {top.get('content')!r}",
        )
        foreign = [
            item for item in items
            if item["agent_id"] != agent.agent_id or self.plan.foreign_markers(item["content"], i)
        ]
        self.report.check("recall.no_foreign_items", not foreign, f"{agent.agent_id}: {foreign[:1]}")
        self.advance("recall")

    async def update(self, agent: AgentClient, i: int) -> None:
        result = await self.report.timed("identity update", agent.set_identity(**identity_of(i, version=2)))
        self.report.counts["updates"] += 1
        history = await agent.identity_history()
        self.report.check(
            "update.version_2", result["changed"] and result["identity"]["version"] == 2, f"{agent.agent_id}: {result}"
        )
        self.report.check(
            "update.history_2_entries",
            [v["version"] for v in history] == [1, 2],
            f"{agent.agent_id}: versions {[v['version'] for v in history]}",
        )
        self.advance("update")

    async def kill_and_restore(self, agent: AgentClient) -> None:
        """Crash the actor; its successor must rebuild exactly the same state from the log."""
        before = await self.state(agent)
        name = AGENT_NAME.format(agent_id=agent.agent_id)
        handle = await asyncio.to_thread(lookup, name, self.runtime.deployment.namespace)
        if not self.report.check("restore.actor_found", handle is not None, agent.agent_id):
            return
        start = time.perf_counter()
        await asyncio.to_thread(ray.kill, handle, no_restart=False)
        await self.reactivated(agent, before["activated_at"])
        self.report.latencies["restore"].append(time.perf_counter() - start)
        self.report.counts["kills"] += 1
        after = await self.state(agent)
        for part in ("identity", "last_seq", "working_memory"):
            self.report.check(f"restore.{part}", after[part] == before[part], f"{agent.agent_id}: {part} differs")
        result = await self.report.timed("remember", agent.remember(f"back after a crash ({agent.agent_id})"))
        self.report.counts["memories"] += 1
        seq, head = result["seq"], (await agent.info())["last_seq"]
        self.report.check(
            "restore.next_seq",
            seq == head == before["last_seq"] + 1,
            f"{agent.agent_id}: seq {seq}, head {head}, head before the kill {before['last_seq']}",
        )
        self.advance("restore")

    async def state(self, agent: AgentClient) -> dict[str, Any]:
        """What a restore must bring back: identity, head and the whole working memory."""
        limit = self.runtime.settings.working_memory_size
        info, memory = await asyncio.gather(agent.info(), agent.working_memory(limit=limit))
        return {
            "identity": info["identity"],
            "last_seq": info["last_seq"],
            "working_memory": memory["items"],
            "activated_at": info["activated_at"],
        }

    async def reactivated(self, agent: AgentClient, activated_at: float) -> None:
        """Wait until a *new* actor answers, so the restore is really from the log.

        `ray.kill` is asynchronous: a call sent right after it may still reach the old actor.
        """
        deadline = time.monotonic() + self.runtime.settings.call_timeout_s
        while (await agent.info())["activated_at"] == activated_at:
            if time.monotonic() > deadline:
                raise TimeoutError(f"agent {agent.agent_id} was not restarted after ray.kill")
            await asyncio.sleep(RESTORE_POLL_S)


# -- presentation -----------------------------------------------------------------------


@contextmanager
def phase_progress(console: Console, plan: Plan) -> Iterator[tuple[Progress, dict[str, TaskID]]]:
    """One progress bar per phase, sized by how many agents go through it."""
    totals = {
        "identity": plan.agents,
        "memories": plan.agents,
        "recall": plan.agents,
        "update": len(plan.update),
        "restore": len(plan.kill),
    }
    columns = (TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        yield progress, {p: progress.add_task(PHASES[p], total=totals[p]) for p in PHASES if totals[p]}


def summary_tables(report: Report, plan: Plan, namespace: str) -> list[Table]:
    """Counts and throughput, latency per operation, and the verdict of every check."""
    elapsed = max(report.elapsed_s, 1e-9)
    operations = sum(len(v) for v in report.latencies.values())
    counts = Table(title="novamem demo summary", show_header=False)
    counts.add_row("run", f"{plan.run_id} (namespace {namespace})")
    counts.add_row("agents", str(plan.agents))
    counts.add_row("memories written", str(report.counts["memories"]))
    counts.add_row("recalls", str(report.counts["recalls"]))
    counts.add_row("identity updates", str(report.counts["updates"]))
    counts.add_row("kills (restored)", str(report.counts["kills"]))
    counts.add_row("wall time", f"{report.elapsed_s:.2f} s")
    memories = report.counts["memories"]
    counts.add_row("throughput", f"{memories / elapsed:.1f} memories/s, {operations / elapsed:.1f} calls/s")
    counts.add_row("checks passed", f"[green]{report.passed}[/green]")
    failed = ", ".join(f"{name} ×{n}" for name, n in sorted(report.failed.items()))
    counts.add_row("checks failed", f"[red]{sum(report.failed.values())}: {failed}[/red]" if failed else "0")

    latency = Table(title="latency per operation (ms)")
    for column in ("operation", "calls", "p50", "p99"):
        latency.add_column(column, justify="left" if column == "operation" else "right")
    labels = {
        "identity": "identity create (activates)",
        "identity update": "identity update",
        "remember": f"remember (batch ≤{plan.memories})",
        "recall": "recall",
        "restore": "restore (kill → answer)",
    }
    for op, label in labels.items():
        values = report.latencies.get(op, [])
        p50, p99 = (f"{percentile(values, p) * 1000:.1f}" for p in (50, 99)) if values else ("-", "-")
        latency.add_row(label, str(len(values)), p50, p99)
    return [counts, latency]


def print_failures(console: Console, report: Report) -> None:
    """The first failing agent of each failed check: enough to start debugging."""
    for name, detail in sorted(report.first_failure.items()):
        console.print(f"[red]✗ {name}[/red] (first: {detail})", soft_wrap=True)


# -- entry point --------------------------------------------------------------------------


def run_demo(settings: Settings, address: str | None, agents: int, memories: int, kill: int, console: Console) -> bool:
    """Run the demo against the deployment in `settings.namespace`; True if every check passed."""
    try:
        runtime = Runtime.connect(address=address, settings=settings, quiet=True)
    except ConnectionError as error:
        console.print(f"[red]could not connect to Ray[/red] ({error})")
        return False
    plan = Plan.make(agents, memories, kill)
    if kill > agents:
        console.print(f"[yellow]only {agents} agents: killing {len(plan.kill)}, not {kill}[/yellow]")
    namespace = runtime.deployment.namespace
    console.print(
        f"demo run [bold]{plan.run_id}[/bold]: {agents} agents × {memories} memories, "
        f"{len(plan.kill)} kills, namespace {namespace} ({runtime.settings.profile})"
    )
    report = Report()
    with phase_progress(console, plan) as (progress, tasks):
        asyncio.run(Driver(runtime, plan, report, progress, tasks).run())
    for table in summary_tables(report, plan, namespace):
        console.print(table)
    print_failures(console, report)
    console.print("[green]all checks passed[/green]" if report.ok else "[red]some checks failed[/red]")
    return report.ok
