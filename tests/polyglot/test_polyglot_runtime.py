"""The whole runtime on the polyglot profile: writes, recall, graph, metadata, activation."""

from __future__ import annotations

import asyncio
import uuid

import pytest
import ray

from actors.agent import AGENT_NAME
from actors.handles import lookup
from cluster.runtime import Runtime
from tests.load import acked, start_writers
from tests.polyglot.conftest import wait_converged

pytestmark = pytest.mark.polyglot


async def test_write_recall_find_and_graph(polyglot: Runtime) -> None:
    agent = polyglot.agent(f"pg-{uuid.uuid4().hex[:8]}")
    await agent.set_identity("Ada", persona="engine analyst")
    notes = [
        {"content": "The analytical engine weaves algebraic patterns", "entities": ["Analytical Engine"]},
        {"content": "Bernoulli numbers by a loop of operations", "entities": ["Bernoulli", "Analytical Engine"]},
        {"content": "Tea with Charles about funding", "entities": ["Charles Babbage"], "metadata": {"topic": "money"}},
        {"content": "Note to Bob about the loom", "kind": "message", "metadata": {"to": "bob-the-builder"}},
    ]
    results = await agent.remember_many(notes)
    assert [r["seq"] for r in results] == [2, 3, 4, 5]
    hits = await agent.recall("how are Bernoulli numbers computed by the engine?", k=3)
    assert hits["items"][0]["seq"] == 3 and not hits["degraded"]
    sources = {source.split(".")[0] for hit in hits["items"] for source in hit["sources"]}
    assert {"weaviate", "neo4j", "log"} <= sources
    assert [m["seq"] for m in await agent.find({"topic": "money"})] == [4]
    graph = await agent.neighbourhood(hops=1)
    assert {n["kind"] for n in graph["nodes"]} >= {"agent", "memory"}
    assert {e["type"] for e in graph["edges"]} == {"REMEMBERS", "MESSAGED"}
    around = await agent.neighbourhood(hops=2, entity="Analytical Engine")
    assert {n["seq"] for n in around["nodes"] if n["kind"] == "memory"} == {2, 3}


async def test_activation_uses_the_hot_tier(polyglot: Runtime) -> None:
    agent_id = f"hot-{uuid.uuid4().hex[:8]}"
    agent = polyglot.agent(agent_id)
    await agent.set_identity("Hot", traits=["fast"])
    await agent.remember_many([{"content": f"memory {i}"} for i in range(20)])
    await wait_converged(polyglot)
    before = await agent.working_memory(limit=100)
    hot_before = sum(w.get("hot_activations", 0) for w in await _writer_stats(polyglot))
    ray.kill(lookup(AGENT_NAME.format(agent_id=agent_id), polyglot.deployment.namespace), no_restart=True)
    await asyncio.sleep(1.0)
    after = await agent.working_memory(limit=100)
    assert after == before
    hot_after = sum(w.get("hot_activations", 0) for w in await _writer_stats(polyglot))
    assert hot_after == hot_before + 1, "activation should have been served by Redis"
    assert (await agent.remember("after"))["seq"] == 22


async def _writer_stats(runtime: Runtime) -> list[dict]:
    return (await runtime.stats())["writers"]


async def test_crash_restore_and_idempotency_on_postgres(polyglot: Runtime) -> None:
    agent_id = f"pgc-{uuid.uuid4().hex[:8]}"
    agent = polyglot.agent(agent_id)
    await agent.set_identity("Crash")
    writers = start_writers(agent, writers=6, each=15)
    await asyncio.sleep(0.5)
    ray.kill(lookup(AGENT_NAME.format(agent_id=agent_id), polyglot.deployment.namespace), no_restart=False)
    ray.kill(polyglot.deployment.writer_for(agent_id), no_restart=False)
    acks = await acked(writers)
    assert sorted(r["seq"] for r in acks) == list(range(2, 92))
    again = await agent.remember("w0-0", event_id="w0-0")
    assert not again["created"] and again["seq"] == next(r["seq"] for r in acks if r["event_id"] == "w0-0")
    history = await agent.history(limit=1000, before_seq=10**9)
    assert sorted(h["seq"] for h in history) == list(range(2, 92))
    await wait_converged(polyglot)
    for tier in ("redis", "neo4j", "weaviate", "mongo"):
        report = await polyglot.verify(tier)
        assert not report["mismatches"], (tier, report["mismatches"][:3])
