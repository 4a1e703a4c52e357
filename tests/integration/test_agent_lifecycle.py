"""Agent actors: identity versions, dense seqs, crash restore and passivation, on real Ray."""

from __future__ import annotations

import asyncio
import time

import pytest
import ray

from actors.agent import AGENT_NAME
from actors.errors import AgentNotFound, InvalidInput
from actors.handles import lookup
from cluster.runtime import Runtime
from tests.load import acked, start_writers


def _handle(runtime: Runtime, agent_id: str):
    return lookup(AGENT_NAME.format(agent_id=agent_id), runtime.deployment.namespace)


async def _log_seqs(runtime: Runtime, agent_id: str) -> list[int]:
    """Every seq in the log for `agent_id`, read from the log itself (oldest first)."""
    items = await runtime.agent(agent_id).history(limit=1000, before_seq=10**9)
    return sorted(i["seq"] for i in items)


async def _state(runtime: Runtime, agent_id: str) -> dict:
    agent = runtime.agent(agent_id)
    info = await agent.info()
    memory = await agent.working_memory(limit=1000)
    return {
        "identity": info["identity"],
        "last_seq": info["last_seq"],
        "working": [(i["seq"], i["event_id"], i["content"]) for i in memory["items"]],
    }


async def test_identity_versions_are_kept(runtime: Runtime, agent_id: str) -> None:
    agent = runtime.agent(agent_id)
    first = await agent.set_identity("Ada", persona="mathematician", traits=["curious"])
    same = await agent.set_identity("Ada", persona="mathematician", traits=["curious"])
    changed = await agent.set_identity("Ada", persona="poet of science", traits=["curious"])
    assert first["created"] and first["identity"]["version"] == 1
    assert not same["changed"] and same["identity"]["version"] == 1
    assert changed["changed"] and changed["identity"]["version"] == 2
    history = await agent.identity_history()
    assert [(v["version"], v["persona"]) for v in history] == [(1, "mathematician"), (2, "poet of science")]
    info = await agent.info()
    assert info["identity_version"] == 2 and info["last_seq"] == 2
    assert info["created_at"] == history[0]["created_at"] <= info["updated_at"]


async def test_unknown_agent_reads_fail_without_creating_an_actor(runtime: Runtime, agent_id: str) -> None:
    agent = runtime.agent(agent_id)
    for call in (agent.info(), agent.history(), agent.recall("x"), agent.remember("x")):
        with pytest.raises(AgentNotFound):
            await call
    assert _handle(runtime, agent_id) is None


async def test_invalid_input_is_rejected_before_any_write(runtime: Runtime, agent_id: str) -> None:
    with pytest.raises(InvalidInput):
        runtime.agent("not a valid id!")
    agent = runtime.agent(agent_id)
    await agent.set_identity("V")
    with pytest.raises(InvalidInput) as caught:
        await agent.remember_many([{"content": "fine"}, {"content": "bad", "kind": "dream"}])
    assert caught.value.field == "items[1].kind"
    assert (await agent.info())["last_seq"] == 1


async def test_concurrent_writes_get_dense_unique_seqs(runtime: Runtime, agent_id: str) -> None:
    agent = runtime.agent(agent_id)
    await agent.set_identity("Dense")
    results = await asyncio.gather(*(agent.remember(f"memory {i}") for i in range(300)))
    assert sorted(r["seq"] for r in results) == list(range(2, 302))
    assert await _log_seqs(runtime, agent_id) == list(range(2, 302))


async def test_retries_are_idempotent(runtime: Runtime, agent_id: str) -> None:
    agent = runtime.agent(agent_id)
    await agent.set_identity("Idem")
    first = await agent.remember("once", event_id="evt-1")
    again = await agent.remember("once", event_id="evt-1")
    together = await asyncio.gather(*(agent.remember("twice", event_id="evt-2") for _ in range(5)))
    assert first["created"] and not again["created"] and again["seq"] == first["seq"]
    assert len({r["seq"] for r in together}) == 1 and sum(r["created"] for r in together) == 1
    assert await _log_seqs(runtime, agent_id) == [2, 3]


async def test_crash_restores_identity_memory_and_seq(runtime: Runtime, agent_id: str) -> None:
    agent = runtime.agent(agent_id)
    await agent.set_identity("Phoenix", persona="rises again")
    for i in range(30):
        await agent.remember(f"before crash {i}", entities=["ashes"])
    before = await _state(runtime, agent_id)
    ray.kill(_handle(runtime, agent_id), no_restart=False)
    after = await _state(runtime, agent_id)
    assert after == before
    result = await agent.remember("after crash")
    assert result["seq"] == before["last_seq"] + 1


async def test_crash_mid_load_loses_and_duplicates_nothing(runtime: Runtime, agent_id: str) -> None:
    agent = runtime.agent(agent_id)
    await agent.set_identity("Under fire")
    writers = start_writers(agent, writers=8, each=25)
    await asyncio.sleep(0.3)
    ray.kill(_handle(runtime, agent_id), no_restart=False)
    await asyncio.sleep(0.3)
    ray.kill(_handle(runtime, agent_id), no_restart=False)
    acks = await acked(writers)
    assert len(acks) == 200 and len({r["event_id"] for r in acks}) == 200
    seqs = await _log_seqs(runtime, agent_id)
    assert seqs == list(range(2, 202)), "every acked write exactly once, no seq skipped"
    assert sorted(r["seq"] for r in acks) == seqs
    assert (await agent.info())["last_seq"] == 201


async def test_passivation_and_transparent_reactivation(make_runtime, agent_id: str) -> None:
    runtime: Runtime = make_runtime(idle_timeout_s=1.0)
    agent = runtime.agent(agent_id)
    await agent.set_identity("Sleeper", traits=["idle"])
    for i in range(5):
        await agent.remember(f"dream {i}", event_id=f"d{i}")
    before = await _state(runtime, agent_id)
    deadline = time.monotonic() + 30
    while _handle(runtime, agent_id) is not None and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    assert _handle(runtime, agent_id) is None, "idle agent should have passivated"
    assert agent_id not in await runtime.active_agents()
    assert await _state(runtime, agent_id) == before
    retry = await agent.remember("dream 0", event_id="d0")
    assert not retry["created"] and retry["seq"] == 2
    assert (await agent.remember("awake"))["seq"] == before["last_seq"] + 1
    assert agent_id in await runtime.active_agents()


async def test_working_memory_is_bounded(make_runtime, agent_id: str) -> None:
    runtime: Runtime = make_runtime(working_memory_size=8)
    agent = runtime.agent(agent_id)
    await agent.set_identity("Small")
    await agent.remember_many([{"content": f"m{i}"} for i in range(20)])
    memory = await agent.working_memory(limit=100)
    assert [i["content"] for i in memory["items"]] == [f"m{i}" for i in range(19, 11, -1)]
    page = await agent.history(limit=5, before_seq=memory["items"][-1]["seq"])
    assert [i["content"] for i in page] == [f"m{i}" for i in range(11, 6, -1)]


async def test_history_reaches_past_working_memory(runtime: Runtime, agent_id: str) -> None:
    """More memories than the actor's working memory holds (128): history still returns them
    all. It used to be answered from the actor's deque, which had evicted the oldest."""
    agent = runtime.agent(agent_id)
    await agent.set_identity("Long memory")
    await agent.remember_many([{"content": f"m{i}"} for i in range(200)])
    history = await agent.history(limit=1000)
    assert [h["content"] for h in history] == [f"m{i}" for i in range(199, -1, -1)]
