"""A fleet of 150 agents on one cluster: each holds only its own memory."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

import pytest

from cluster.runtime import Runtime

FLEET_SIZE = 150
FLEET_ACTIVATION_TIMEOUT_S = 900.0


@pytest.mark.timeout(FLEET_ACTIVATION_TIMEOUT_S + 600)
async def test_150_agents_each_hold_only_their_own_memory(make_runtime: Callable[..., Runtime]) -> None:
    # Its own deployment (the 150 actors go when the test ends). Ray starts worker processes
    # two at a time here, so the last of 150 activations can wait minutes on a busy machine:
    # this test checks isolation, not speed, so it allows them that long.
    runtime = make_runtime(activation_timeout_s=FLEET_ACTIVATION_TIMEOUT_S)
    run = uuid.uuid4().hex[:6]
    agents = [runtime.agent(f"fleet-{run}-{i:03d}") for i in range(FLEET_SIZE)]
    markers = {a.agent_id: f"marker{run}x{i:03d}" for i, a in enumerate(agents)}
    limit = asyncio.Semaphore(50)

    async def populate(agent) -> None:
        async with limit:
            await agent.set_identity(f"Agent {agent.agent_id}", persona="fleet member")
            marker = markers[agent.agent_id]
            await agent.remember_many(
                [
                    {"content": f"my secret is {marker}", "entities": [marker]},
                    {"content": f"shared topic: the weather {run} is mild", "kind": "fact"},
                    {"content": f"another shared line for {run}", "session_id": "s1"},
                ]
            )

    await asyncio.gather(*(populate(a) for a in agents))

    async def check(index: int, agent) -> None:
        async with limit:
            own = markers[agent.agent_id]
            foreign = markers[agents[(index + 1) % FLEET_SIZE].agent_id]
            mine = await agent.recall(f"secret {own}", k=3)
            assert mine["items"][0]["content"] == f"my secret is {own}"
            for query in (f"secret {foreign}", f"weather {run}", "shared line"):
                hits = await agent.recall(query, k=10)
                assert {h["agent_id"] for h in hits["items"]} == {agent.agent_id}
                assert all(foreign not in h["content"] for h in hits["items"])
            memory = await agent.working_memory(limit=100)
            assert [i["agent_id"] for i in memory["items"]] == [agent.agent_id] * 3
            history = await agent.history(limit=100, before_seq=10**9)
            assert len(history) == 3 and {h["agent_id"] for h in history} == {agent.agent_id}
            assert (await agent.info())["last_seq"] == 4

    await asyncio.gather(*(check(i, a) for i, a in enumerate(agents)))
    stats = await runtime.stats()
    assert stats["active_agents"] == FLEET_SIZE
