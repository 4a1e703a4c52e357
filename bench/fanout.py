"""Figures 8 and 9: a polyglot deployment's durable writes fanning out to every tier.

Agents write concurrently through `Runtime.connect(...)` of a fresh polyglot namespace
(PostgreSQL log, all four tiers), like figure 3 but with entities and metadata. A write is
acknowledged once it is in the log; the tiers follow in the background. Two loads
(`fanout_loads`: a few busy agents, then many): figure 8a is the first, 8b the second.
The figures look at the tiers:

- 8a, 8b: events/s *applied by every tier*: from the start of a pass until `runtime.stats()`
  shows every tier's lag at 0. Baseline: the same load on a deployment whose only tier is
  the slowest one (by figure 7's adapter rates, or a short probe if 7 did not run): what
  fanning out to the other three costs on top of the tier that bounds it anyway.
- 9a-9d: no baseline, under the second (larger) load. Each tier's lag (events behind the log) sampled every
  `lag_sample_s` while the agents write, and an estimate of the time from ack to applied:
  at each sample, how long ago the log's head stood where the tier stands now (the two
  cumulative curves, events assumed applied in commit order). Also how long each tier
  took to drain after the last ack.

Each deployment's actors are killed and its namespace removed from every store afterwards.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from actors.shard import WRITER_NAME
from bench import cpu, polyglot, tiers
from bench.harness import Harness, memory_fields, unique_ids, wait_actor_gone
from bench.params import Params
from bench.stats import Figure, Side, concurrent_pass, percentile, ratio
from cluster.runtime import Runtime

FANOUT_TARGET = 0.8
TIERS = ("redis", "neo4j", "weaviate", "mongo")
ERRORS_KEPT = 3
LOAD_PARTS = "ab"
"""Figure 8's letter per load of `Params.fanout_loads`."""


@dataclass
class Sample:
    """One `runtime.stats()` reading; times in seconds since the pass started."""

    asked: float
    at: float
    after_load: bool
    """Asked after the last write was acknowledged (so the heads it saw are final)."""
    log_head: int
    lag: dict[str, int]
    ok: dict[str, bool]


@dataclass
class Pass:
    events: int
    head_before: int
    load_s: float
    """Until the last remember() was acknowledged."""
    latencies: list[float]
    samples: list[Sample]

    @property
    def converged_s(self) -> float:
        return self.samples[-1].at

    def drain_s(self, tier: str) -> float | None:
        """From the last ack until a reading showed this tier at lag 0."""
        for s in self.samples:
            if s.after_load and s.lag[tier] == 0:
                return max(0.0, s.at - self.load_s)
        return None

    def ack_to_applied_s(self, tier: str) -> list[float]:
        """Per reading: how long ago the log's head stood where this tier stands now."""
        times = np.array([0.0, *(s.at for s in self.samples)])
        heads = np.maximum.accumulate(np.array([self.head_before, *(s.log_head for s in self.samples)], dtype=float))
        delays = []
        for s in self.samples:
            applied = s.log_head - s.lag[tier]
            reached = float(np.interp(applied, heads, times)) if applied < s.log_head else s.at
            delays.append(max(0.0, s.at - reached))
        return delays


@dataclass
class Run:
    """One deployment under the fan-out load: its passes, CPU and what went wrong."""

    tiers: list[str]
    passes: list[Pass] = field(default_factory=list)
    cpu: dict[str, Any] = field(default_factory=dict)
    stats_call_s: list[float] = field(default_factory=list)
    tier_errors: dict[str, int] = field(default_factory=dict)
    """Readings in which a tier was not ok (failing, or one apply stuck > 2 × store_timeout_s)."""
    error_texts: dict[str, list[str]] = field(default_factory=dict)
    """The first few distinct errors each tier reported."""
    cleanup_errors: list[str] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(p.events for p in self.passes)

    def note(self, tier: str, state: dict[str, Any]) -> None:
        """Count a not-ok reading and keep its first distinct errors (timestamps stripped)."""
        self.tier_errors[tier] = self.tier_errors.get(tier, 0) + (0 if state["ok"] else 1)
        seen = self.error_texts.setdefault(tier, [])
        for text in state.get("errors", []):
            text = text[:160]
            if text not in seen and len(seen) < ERRORS_KEPT:
                seen.append(text)

    @property
    def applied_rate(self) -> float:
        return self.events / sum(p.converged_s for p in self.passes)

    @property
    def acked_rate(self) -> float:
        return self.events / sum(p.load_s for p in self.passes)

    @property
    def latencies_ms(self) -> list[float]:
        return [s * 1000 for p in self.passes for s in p.latencies]

    def per_pass(self) -> dict[str, list[float]]:
        return {
            "applied_events_per_s": [round(p.events / p.converged_s, 1) for p in self.passes],
            "acked_events_per_s": [round(p.events / p.load_s, 1) for p in self.passes],
        }

    def drain_s(self) -> dict[str, list[float | None]]:
        return {t: [None if (d := p.drain_s(t)) is None else round(d, 2) for p in self.passes] for t in self.tiers}


# -- sampling -----------------------------------------------------------------------------


async def _sample_until_converged(
    rt: Runtime, run: Run, started: float, load_done: asyncio.Event, p: Params
) -> list[Sample]:
    """Read `stats()` every `lag_sample_s` until, after the load, every tier is at lag 0
    (bounded by `converge_timeout_s` from the end of the load)."""
    samples: list[Sample] = []
    deadline: float | None = None
    while True:
        asked = time.perf_counter()
        after_load = load_done.is_set()
        stats = await rt.stats()
        now = time.perf_counter()
        run.stats_call_s.append(now - asked)
        state = {name: stats["tiers"][name] for name in run.tiers}
        for name, tier in state.items():
            run.note(name, tier)
        samples.append(
            Sample(
                asked - started,
                now - started,
                after_load,
                stats["log_head"],
                {n: t["lag"] for n, t in state.items()},
                {n: t["ok"] for n, t in state.items()},
            )
        )
        if after_load and all(t["lag"] == 0 and t["ok"] for t in state.values()):
            return samples
        if after_load:
            deadline = deadline or now + p.converge_timeout_s
            if now > deadline:
                raise TimeoutError(
                    f"tiers did not converge within {p.converge_timeout_s:.0f}s of the last ack: {state}"
                )
        await asyncio.sleep(max(0.0, p.lag_sample_s - (time.perf_counter() - asked)))


async def _pass(
    rt: Runtime, run: Run, calls: list[Any], per_agent: int, offset: int, head_before: int, p: Params
) -> Pass:
    """All agents write `per_agent` memories each while a sampler watches the tiers."""
    load_done = asyncio.Event()
    started = time.perf_counter()
    sampler = asyncio.create_task(_sample_until_converged(rt, run, started, load_done, p))
    try:
        load_s, latencies = await concurrent_pass(calls, per_agent, offset)
    except BaseException:
        sampler.cancel()
        raise
    load_done.set()
    samples = await sampler
    return Pass(len(calls) * per_agent, head_before, load_s, latencies, samples)


# -- one deployment under load ----------------------------------------------------------------


async def run_load(h: Harness, p: Params, load: tuple[int, int], tier_names: list[str], label: str) -> Run:
    """A fresh polyglot deployment with `tier_names` under `load` (agents, events per agent
    per pass); warm-up, then `fanout_passes` timed passes; everything it created is removed
    afterwards, whatever happens."""
    polyglot.require(polyglot.STORES)
    h.start()
    agents, per_agent = load
    namespace = polyglot.fresh_namespace("8")
    rt = Runtime.connect(settings=polyglot.settings(namespace, str(h.tmp / namespace), tiers=tier_names))
    ids = unique_ids("f", agents)
    run = Run(list(tier_names))
    chars = p.write_content_chars
    try:
        with h.tracker.step(f"fig 8 · {label}: {len(ids)} agents with identity", len(ids)) as advance:
            await h.create_agents(ids, 0, p.create_concurrency, advance, runtime=rt)
        clients = [rt.agent(a) for a in ids]
        calls = [lambda i, c=c: c.remember(**memory_fields(c.agent_id, i, chars)) for c in clients]
        with h.tracker.step(f"fig 8 · {label}: passes (write, then wait for lag 0)", p.fanout_passes + 1) as advance:
            warm = await _pass(rt, run, calls, p.fanout_warmup_per_agent, 0, 0, p)
            advance(1)
            run.stats_call_s.clear()
            run.tier_errors.clear()
            run.error_texts.clear()
            servers = polyglot.server_pids(polyglot.STORES)
            before = cpu.snapshot(servers)
            head = warm.samples[-1].log_head
            for n in range(p.fanout_passes):
                run.passes.append(await _pass(rt, run, calls, per_agent, 1000 * (n + 1), head, p))
                head = run.passes[-1].samples[-1].log_head
                advance(1)
            run.cpu = cpu.usage(before, cpu.snapshot(servers), run.events)
    finally:
        with h.tracker.step(f"fig 8 · {label}: tear-down", 1):
            try:
                await _teardown(h, rt, ids)
            finally:
                run.cleanup_errors = await polyglot.cleanup(namespace)
    return run


async def _teardown(h: Harness, rt: Runtime, ids: list[str]) -> None:
    """Kill the agents and writers and wait until they are gone, so no apply is in flight
    when the namespace is removed from the stores."""
    await h.kill_agents(ids, rt)
    writers = len(rt.deployment.writers)
    rt.teardown()
    for index in range(writers):
        await wait_actor_gone(WRITER_NAME.format(index=index), rt.deployment.namespace)


async def full_run(h: Harness, p: Params, load: tuple[int, int]) -> Run:
    """The all-tier run of `load`, once per benchmark (figure 8's system side; for the
    last load also figure 9's data). A failure is remembered, not run again."""
    key = f"fanout all tiers {load}"
    failed = h.notes.get(f"{key} failed")
    if failed:
        raise RuntimeError(f"the all-tier fan-out run failed: {failed}")
    if key not in h.notes:
        try:
            h.notes[key] = await run_load(h, p, load, list(TIERS), f"{load[0]} agents, all 4 tiers")
        except Exception as error:
            h.notes[f"{key} failed"] = f"{type(error).__name__}: {error}"
            raise
    return h.notes[key]


# -- the figures -------------------------------------------------------------------------------


def fanout_header(index: int, p: Params) -> Figure:
    agents = p.fanout_loads[index][0]
    name = f"fan-out: {agents} agents' writes applied by all 4 tiers ÷ by the slowest tier alone"
    return Figure(8, name, FANOUT_TARGET, ">=", "events/s applied by every tier", part=LOAD_PARTS[index])


async def fanout(h: Harness, p: Params, index: int) -> Figure:
    """Figure 8a/8b: events/s applied by all four tiers ÷ by the slowest tier alone."""
    figure = fanout_header(index, p)
    load = p.fanout_loads[index]
    polyglot.require(polyglot.STORES)
    rates = await tiers.tier_rates(h, p, list(TIERS))
    slowest = min(rates, key=rates.__getitem__)
    full = await full_run(h, p, load)
    alone = await run_load(h, p, load, [slowest], f"{load[0]} agents, only {slowest}")
    figure.system = Side(
        "all 4 tiers (remember() ack latency)", full.latencies_ms, value=full.applied_rate, value_unit="events/s"
    )
    figure.baseline = Side(
        f"only {slowest} (remember() ack latency)", alone.latencies_ms, value=alone.applied_rate, value_unit="events/s"
    )
    figure.ratio = ratio(full.applied_rate, alone.applied_rate)
    figure.details = {
        "agents": load[0],
        "events_per_agent_per_pass": load[1],
        "passes": p.fanout_passes,
        "tier_adapter_rows_per_s": {t: round(r, 1) for t, r in rates.items()},
        "slowest_tier": slowest,
        "acked_events_per_s": {"all tiers": round(full.acked_rate, 1), f"only {slowest}": round(alone.acked_rate, 1)},
        "system_per_pass": full.per_pass(),
        "baseline_per_pass": alone.per_pass(),
        "drain_after_last_ack_s_system": full.drain_s(),
        "drain_after_last_ack_s_baseline": alone.drain_s(),
        "tier_not_ok_readings": {"system": full.tier_errors, "baseline": alone.tier_errors},
        "tier_errors_seen": {"system": _nonempty(full.error_texts), "baseline": _nonempty(alone.error_texts)},
        "stats_call_p50_ms": {
            "system": percentile([s * 1000 for s in full.stats_call_s], 50),
            "baseline": percentile([s * 1000 for s in alone.stats_call_s], 50),
        },
        "system_cpu": full.cpu,
        "baseline_cpu": alone.cpu,
        "cleanup_errors": full.cleanup_errors + alone.cleanup_errors or "none",
    }
    return figure


def _nonempty(texts: dict[str, list[str]]) -> dict[str, list[str]] | str:
    return {t: e for t, e in texts.items() if e} or "none"


def lag_header(tier: str, p: Params) -> Figure:
    name = f"{tier} lag under {p.fanout_loads[-1][0]} writing agents (absolute, no baseline)"
    return Figure(9, name, None, "", "events behind the log", part=tiers.PARTS[tier])


async def tier_lag(h: Harness, p: Params, tier: str) -> Figure:
    """Figure 9x: one tier's lag while the agents write, and ack→applied estimates."""
    figure = lag_header(tier, p)
    polyglot.require(polyglot.STORES)
    run = await full_run(h, p, p.fanout_loads[-1])
    during = [s.lag[tier] for ps in run.passes for s in ps.samples if not s.after_load]
    delays_ms = [d * 1000 for ps in run.passes for d in ps.ack_to_applied_s(tier)]
    p99_delay = percentile(delays_ms, 99)
    figure.system = Side(
        f"{tier} lag, every {p.lag_sample_s:.1f} s while writing", [float(x) for x in during], "events"
    )
    figure.system.value, figure.system.value_unit = p99_delay, "ms ack→applied p99 (est.)"
    figure.details = {
        "lag_events_during_load": {
            "p50": percentile(during, 50),
            "p99": percentile(during, 99),
            "max": max(during, default=None),
        },
        "lag_readings_during_load": len(during),
        "ack_to_applied_ms_est": {
            "p50": percentile(delays_ms, 50),
            "p99": p99_delay,
            "max": max(delays_ms, default=None),
        },
        "drain_after_last_ack_s_per_pass": run.drain_s()[tier],
        "not_ok_readings": run.tier_errors.get(tier, 0),
        "errors_seen": run.error_texts.get(tier) or "none",
        "method": "lag = sum over agents of log head - tier checkpoint (runtime.stats()); ack→applied at a reading = "
        "how long ago the log head stood where the tier stands (FIFO estimate, resolution one sampling period)",
        "load_acked_events_per_s": round(run.acked_rate, 1),
    }
    return figure
