"""Figures 5, 6 and 10: activating a passivated agent, the memory an idle agent costs, and
recalling from a passivated agent (which must not activate it)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import psutil
import ray

from actors.agent import AGENT_NAME, AgentActor
from actors.handles import get_or_create, lookup
from actors.messages import AgentRef, SnapshotRequest, unwrap
from bench.baselines import BareActor
from bench.harness import Harness, actor_pid, unique_ids
from bench.params import Params
from bench.stats import Figure, Side, alternate_async, percentile, ratio

ACTIVATION_TARGET = 1.5
MEMORY_TARGET = 1.2
PASSIVE_RECALL_TARGET = 1.2
DECOMPOSITIONS = 3
MIB = 2**20


def _bare() -> ray.actor.ActorHandle:
    return BareActor.options(resources={"agent_slot": 1}).remote()


async def _time_activation(h: Harness, agent_id: str, expect_seq: int) -> float:
    """`info()` on an agent with no live actor and no cached handle, to the reply."""
    h.rt.deployment.forget(agent_id)
    started = time.perf_counter()
    info = await h.rt.agent(agent_id).info()
    elapsed = time.perf_counter() - started
    if info["last_seq"] != expect_seq:
        raise RuntimeError(f"agent {agent_id} came back at seq {info['last_seq']}, expected {expect_seq}")
    return elapsed


async def _time_bare_start() -> tuple[float, ray.actor.ActorHandle]:
    started = time.perf_counter()
    handle = _bare()
    await handle.ping.remote()
    return time.perf_counter() - started, handle


async def activation(h: Harness, p: Params) -> Figure:
    """Re-activate an agent holding N memories vs create a bare actor and await a first call."""
    h.start()
    name = f"activation of an agent with {p.activation_memories} memories ÷ bare actor start + first call"
    figure = Figure(5, name, ACTIVATION_TARGET, "<=", "p50 latency")
    decompositions = min(DECOMPOSITIONS, p.activations)
    ids = unique_ids("act", p.activations + p.stale_handle_activations + decompositions)
    timed, stale_ids, decomp_ids = (
        ids[: p.activations],
        ids[p.activations : p.activations + p.stale_handle_activations],
        ids[p.activations + p.stale_handle_activations :],
    )
    expect_seq = p.activation_memories + 1  # the identity event, then the memories
    with h.tracker.step(f"fig 5 · set-up: {len(ids)} agents × {p.activation_memories} memories", len(ids)) as advance:
        await h.create_agents(ids, p.activation_memories, 4, advance)
        await h.kill_agents(ids)

    system, baseline = [], []
    with h.tracker.step("fig 5 · activation vs bare actor start", 2 * p.activations) as advance:
        for i, agent_id in enumerate(timed):
            for side in ("agent", "bare") if i % 2 == 0 else ("bare", "agent"):
                await asyncio.sleep(p.activation_settle_s)
                if side == "agent":
                    system.append(await _time_activation(h, agent_id, expect_seq))
                    await h.kill_agents([agent_id])
                else:
                    elapsed, handle = await _time_bare_start()
                    baseline.append(elapsed)
                    ray.kill(handle, no_restart=True)
                advance(1)

    figure.system = Side("agent info() with no live actor", [s * 1000 for s in system])
    figure.baseline = Side("bare actor create + first call", [s * 1000 for s in baseline])
    figure.ratio = ratio(figure.system.p50, figure.baseline.p50)
    with h.tracker.step("fig 5 · detail: where activation time goes", len(decomp_ids) + len(stale_ids)) as advance:
        # The decomposition replays client internals; if those drift, lose the detail, not the figure.
        try:
            figure.details = await _decompose(h, p, decomp_ids, expect_seq, advance)
        except Exception as error:  # noqa: BLE001
            figure.details = {"steps_error": f"{type(error).__name__}: {error}"}
        try:
            figure.details["stale_cached_handle_activation_ms"] = await _stale_handle(h, p, stale_ids, expect_seq, advance)
        except Exception as error:  # noqa: BLE001
            figure.details["stale_cached_handle_error"] = f"{type(error).__name__}: {error}"
    figure.details["note"] = (
        "steps replay AgentClient's cold path one at a time (lookup_miss, writer_exists and get_or_create "
        "come before the actor exists; first_info_call is worker start + __init__ + load from the writer); "
        "bare_with_agent_args_start is a bare actor given the agent's constructor args (the writer and "
        "directory handles make the worker import actors.writer and numpy); stale_cached_handle is the "
        "path a Serve replica takes after passivation (its cached handle points at the dead actor)"
    )
    return figure


async def _decompose(h: Harness, p: Params, ids: list[str], expect_seq: int, advance: Any) -> dict[str, Any]:
    """The cold path of AgentClient._handle + the first call, one step at a time."""
    namespace = h.namespace
    steps: dict[str, list[float]] = {
        "lookup_miss": [],
        "writer_exists": [],
        "get_or_create": [],
        "first_info_call": [],
        "second_info_call": [],
        "writer_snapshot_direct": [],
        "bare_named_detached_start": [],
        "bare_with_agent_args_start": [],
    }

    def mark(key: str, started: float) -> float:
        now = time.perf_counter()
        steps[key].append((now - started) * 1000)
        return now

    for agent_id in ids:
        await asyncio.sleep(p.activation_settle_s)
        name = AGENT_NAME.format(agent_id=agent_id)
        writer = h.rt.deployment.writer_for(agent_id)
        t = time.perf_counter()
        assert await asyncio.to_thread(lookup, name, namespace) is None
        t = mark("lookup_miss", t)
        assert unwrap(await writer.head.remote(AgentRef(agent_id))) == expect_seq
        t = mark("writer_exists", t)
        args = (agent_id, h.rt.deployment.agent_config(), writer, h.rt.deployment.directory)
        options = {"lifetime": "detached", "resources": {"agent_slot": 1}}
        handle = await asyncio.to_thread(get_or_create, AgentActor, name, namespace, args, options)
        t = mark("get_or_create", t)
        info = unwrap(await handle.info.remote())
        t = mark("first_info_call", t)
        unwrap(await handle.info.remote())
        mark("second_info_call", t)
        assert info.last_seq == expect_seq
        request = SnapshotRequest(agent_id, h.rt.settings.working_memory_size, h.rt.settings.dedup_window)
        t = time.perf_counter()
        unwrap(await writer.snapshot.remote(request))
        mark("writer_snapshot_direct", t)
        await h.kill_agents([agent_id])
        await asyncio.sleep(p.activation_settle_s)
        t = time.perf_counter()
        bare = BareActor.options(
            name=f"bare-{agent_id}", namespace=namespace, lifetime="detached", resources={"agent_slot": 1}
        ).remote()
        await bare.ping.remote()
        mark("bare_named_detached_start", t)
        ray.kill(bare, no_restart=True)
        await asyncio.sleep(p.activation_settle_s)
        t = time.perf_counter()
        bare = BareActor.options(resources={"agent_slot": 1}).remote(b"", *args)
        await bare.ping.remote()
        mark("bare_with_agent_args_start", t)
        ray.kill(bare, no_restart=True)
        advance(1)
    return {"steps_p50_ms": {k: percentile(v, 50) for k, v in steps.items()}, "steps_n": len(ids)}


async def _stale_handle(h: Harness, p: Params, ids: list[str], expect_seq: int, advance: Any) -> float | None:
    """info() when the client still caches a handle to the agent's dead actor."""
    samples = []
    for agent_id in ids:
        await h.rt.agent(agent_id).info()  # activate; the client caches the handle
        handle = h.agent_handle(agent_id)
        assert handle is not None
        ray.kill(handle, no_restart=True)
        await h.wait_name_free(agent_id)
        await asyncio.sleep(p.activation_settle_s)
        started = time.perf_counter()
        info = await h.rt.agent(agent_id).info()
        samples.append((time.perf_counter() - started) * 1000)
        assert info["last_seq"] == expect_seq
        await h.kill_agents([agent_id])
        advance(1)
    return percentile(samples, 50)


# -- figure 6 ---------------------------------------------------------------------------


def _libraries(pid: int) -> set[str]:
    """Shared objects mapped by a process (which extension modules its imports loaded)."""
    try:
        return {m.path.rsplit("/", 1)[-1] for m in psutil.Process(pid).memory_maps() if m.path.endswith(".so") or ".so." in m.path}
    except (psutil.Error, OSError):
        return set()


def _extra_libraries(agent: ray.actor.ActorHandle, bare: ray.actor.ActorHandle) -> list[str]:
    return sorted(_libraries(actor_pid(agent)) - _libraries(actor_pid(bare)))


def _memory(handle: ray.actor.ActorHandle) -> tuple[float, float]:
    info = psutil.Process(actor_pid(handle)).memory_full_info()
    return info.uss / MIB, info.rss / MIB


async def idle_memory(h: Harness, p: Params) -> Figure:
    """USS of an idle, re-activated agent actor (with memories) vs a bare idle actor."""
    h.start()
    name = f"USS per idle agent actor ({p.activation_memories} memories) ÷ bare idle actor"
    figure = Figure(6, name, MEMORY_TARGET, "<=", "mean USS")
    ids = unique_ids("mem", p.memory_actors)
    with h.tracker.step(f"fig 6 · set-up: {len(ids)} agents, passivate, re-activate", 3 * len(ids)) as advance:
        await h.create_agents(ids, p.activation_memories, 4, advance)
        await h.kill_agents(ids)
        for agent_id in ids:  # re-activation loads identity and working memory from the log
            agent = h.rt.agent(agent_id)
            await agent.info()
            await agent.working_memory(20)
            advance(1)
        bares = []
        for _ in ids:
            handle = h.track(_bare())
            await handle.ping.remote()
            bares.append(handle)
            advance(1)
    await asyncio.sleep(p.memory_settle_s)
    agents = [h.agent_handle(a) for a in ids]
    system = [_memory(a) for a in agents if a is not None]
    baseline = [_memory(b) for b in bares]
    uss_system, uss_base = [s[0] for s in system], [b[0] for b in baseline]
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    figure.system = Side("AgentActor (idle)", uss_system, "MiB", mean(uss_system), "MiB USS")
    figure.baseline = Side("BareActor (idle)", uss_base, "MiB", mean(uss_base), "MiB USS")
    figure.ratio = ratio(figure.system.value, figure.baseline.value)
    figure.details = {
        "actors_per_side": len(ids),
        "extension_modules_only_in_agent": _extra_libraries(agents[0], bares[0]) if agents and agents[0] else [],
        "rss_mean_mib": {"system": round(mean([s[1] for s in system]), 1), "baseline": round(mean([b[1] for b in baseline]), 1)},
        "uss_extra_per_agent_mib": round(mean(uss_system) - mean(uss_base), 1),
    }
    await h.kill_agents(ids)
    for handle in bares:
        ray.kill(handle, no_restart=True)
    return figure


# -- figure 10 --------------------------------------------------------------------------


async def passivated_recall(h: Harness, p: Params) -> Figure:
    """`recall()` on an agent whose actor has passivated vs on one whose actor is live.

    Reads go to the agent's writer, never to its actor: a passivated agent answers as fast
    as an active one and no worker process is started for it.
    """
    name = f"recall on a passivated agent ({p.activation_memories} memories) ÷ on an active one"
    figure = Figure(10, name, PASSIVE_RECALL_TARGET, "<=", "p50 latency")
    h.start()
    sleeper, awake = unique_ids("pr", 2)
    with h.tracker.step(f"fig 10 · set-up: 2 agents × {p.activation_memories} memories", 2) as advance:
        await h.create_agents([sleeper, awake], p.activation_memories, 2, advance)
        await h.kill_agents([sleeper])  # what passivation leaves: no actor, no cached handle
    query = "a note about the bench content"
    asleep, active = h.rt.agent(sleeper), h.rt.agent(awake)
    activated = 0

    async def recall_asleep() -> None:
        nonlocal activated
        hits = await asleep.recall(query, k=5)
        assert hits["items"], "the passivated agent's memories were not found"
        activated += h.agent_handle(sleeper) is not None

    async def recall_active() -> None:
        assert (await active.recall(query, k=5))["items"]

    with h.tracker.step("fig 10 · recall: passivated vs active agent", 2 * p.passive_recalls) as advance:
        system, baseline = await alternate_async(
            [recall_asleep, recall_active], p.passive_recalls, 3, p.passive_recall_rounds, advance
        )
    figure.system = Side("recall, agent passivated", [s * 1000 for s in system])
    figure.baseline = Side("recall, agent active", [s * 1000 for s in baseline])
    figure.ratio = ratio(figure.system.p50, figure.baseline.p50)
    figure.details = {
        "recalls_that_started_the_agent_actor": activated,
        "consistency": "strong",
        "k": 5,
        "activation_p50_ms_for_comparison": "figure 5 (what a read cost when it went through the actor)",
    }
    await h.kill_agents([awake])
    return figure
