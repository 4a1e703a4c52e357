"""Isolation of failure: stop each server in turn under load.

A stopped tier must not block writes to the log or to the other tiers; stats show it down
with growing lag; once its server is back it catches up from the log by itself. A stopped
log makes writes fail cleanly (503, nothing half-written) until it returns.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest

from actors.errors import Unavailable
from cluster.runtime import Runtime
from cluster.services import manager
from tests.polyglot.conftest import wait_converged

pytestmark = pytest.mark.polyglot

SERVER_OF_TIER = {"redis": "redis", "neo4j": "neo4j", "weaviate": "weaviate", "mongo": "ferretdb"}


async def _fleet(runtime: Runtime, prefix: str, n: int) -> list:
    agents = [runtime.agent(f"{prefix}-{uuid.uuid4().hex[:6]}-{i}") for i in range(n)]
    await asyncio.gather(*(a.set_identity(a.agent_id) for a in agents))
    return agents


async def _load(agents: list, rounds: int, tag: str) -> list[dict]:
    async def one(agent) -> list[dict]:
        return [await agent.remember(f"{tag} {agent.agent_id} note {i} about the harbour") for i in range(rounds)]

    return [r for batch in await asyncio.gather(*(one(a) for a in agents)) for r in batch]


@pytest.mark.parametrize("tier", list(SERVER_OF_TIER))
async def test_a_stopped_tier_blocks_nothing_and_catches_up(polyglot: Runtime, tier: str) -> None:
    server = SERVER_OF_TIER[tier]
    agents = await _fleet(polyglot, f"down-{tier}", 8)
    await _load(agents, 3, "before")
    await wait_converged(polyglot)
    manager.stop([server])
    try:
        acked = await _load(agents, 10, "during")
        assert len(acked) == 80 and all(r["created"] for r in acked), "writes must not wait for a dead tier"
        stats = await polyglot.stats()
        assert stats["log"]["ok"]
        for _ in range(60):
            stats = await polyglot.stats()
            others = {name: t for name, t in stats["tiers"].items() if name != tier}
            if not stats["tiers"][tier]["ok"] and all(t["ok"] and t["lag"] == 0 for t in others.values()):
                break
            await asyncio.sleep(0.5)
        assert not stats["tiers"][tier]["ok"] and stats["tiers"][tier]["lag"] > 0, stats["tiers"][tier]
        assert all(t["ok"] and t["lag"] == 0 for t in others.values()), "other tiers kept up"
        hits = await agents[0].recall("harbour note", k=3)
        assert hits["items"], "recall still answers from the remaining stores"
        if tier in ("weaviate", "neo4j"):
            assert tier in hits["degraded"]
    finally:
        manager.start([server])
    await wait_converged(polyglot)
    report = await polyglot.verify(tier)
    assert not report["mismatches"], report["mismatches"][:3]
    hits = await agents[0].recall("harbour note", k=3)
    assert not hits["degraded"]


async def test_a_stopped_log_fails_writes_cleanly(make_runtime, services: dict) -> None:
    runtime: Runtime = make_runtime(profile="polyglot", log_retry_deadline_s=3)
    (agent,) = await _fleet(runtime, "logdown", 1)
    await agent.remember("before the outage")
    manager.stop(["postgres"])
    try:
        with pytest.raises(Unavailable) as caught:
            await agent.remember("during the outage", event_id="outage-1")
        assert "postgres" in caught.value.message
        assert not (await runtime.stats())["log"]["ok"]
    finally:
        manager.start(["postgres"])
    retry = await agent.remember("during the outage", event_id="outage-1")
    assert retry["created"] and retry["seq"] == 3, "nothing was half-written, no seq was skipped"
    history = await agent.history(limit=10, before_seq=10**9)
    assert [h["seq"] for h in history] == [3, 2]
    await wait_converged(runtime)
