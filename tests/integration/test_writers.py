"""The writer pool under faults: killed writers, an unreachable log, batching evidence."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import Counter

import pytest
import ray

from actors.errors import Unavailable
from cluster.runtime import Runtime


async def _fleet(runtime: Runtime, prefix: str, n: int) -> list:
    agents = [runtime.agent(f"{prefix}-{i}") for i in range(n)]
    await asyncio.gather(*(a.set_identity(a.agent_id) for a in agents))
    return agents


def _log_rows(runtime: Runtime) -> list[tuple[str, int, str]]:
    """(agent_id, seq, event_id) of every event, read straight from the SQLite log file."""
    with sqlite3.connect(runtime.settings.sqlite_path) as conn:
        return conn.execute("SELECT agent_id, seq, event_id FROM events").fetchall()


def _assert_dense(rows: list[tuple[str, int, str]]) -> None:
    by_agent: dict[str, list[int]] = {}
    for agent_id, seq, _ in rows:
        by_agent.setdefault(agent_id, []).append(seq)
    for agent_id, seqs in by_agent.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), f"{agent_id} has a gap or a repeat"


async def test_killing_writers_mid_batch_loses_and_duplicates_nothing(make_runtime) -> None:
    runtime: Runtime = make_runtime(writer_pool_size=2, batch_max_delay_ms=20)
    agents = await _fleet(runtime, "wk", 20)

    async def load(agent) -> list[dict]:
        return [await agent.remember(f"{agent.agent_id} note {i}", event_id=f"{agent.agent_id}-{i}") for i in range(15)]

    tasks = [asyncio.ensure_future(load(a)) for a in agents]
    for round_ in range(3):
        await asyncio.sleep(0.4)
        ray.kill(runtime.deployment.writers[round_ % 2], no_restart=False)
    acked = [r for batch in await asyncio.gather(*tasks) for r in batch]
    assert len(acked) == 20 * 15 and all(r["created"] for r in acked)
    rows = _log_rows(runtime)
    event_ids = Counter(event_id for _, _, event_id in rows)
    assert all(count == 1 for count in event_ids.values()), "an event was written twice"
    assert {r["event_id"] for r in acked} <= set(event_ids), "an acknowledged event is missing"
    _assert_dense(rows)
    stats = await runtime.stats()
    assert any(w["restarted"] for w in stats["writers"])
    for agent in agents:
        assert (await agent.info())["last_seq"] == 16


async def test_tiers_catch_up_after_a_writer_restart(make_runtime) -> None:
    runtime: Runtime = make_runtime(writer_pool_size=1)
    (agent,) = await _fleet(runtime, "catchup", 1)
    await agent.remember_many([{"content": f"lighthouse keeper log {i}"} for i in range(40)])
    ray.kill(runtime.deployment.writers[0], no_restart=False)
    hits = await agent.recall("lighthouse keeper", k=5)
    assert len(hits["items"]) == 5 and not hits["degraded"]
    stats = await runtime.stats()
    assert stats["tiers"]["index"]["lag"] == 0 and stats["tiers"]["index"]["ok"]


async def test_unreachable_log_fails_cleanly_and_recovers(make_runtime) -> None:
    runtime: Runtime = make_runtime(writer_pool_size=1, log_retry_deadline_s=1.5)
    (agent,) = await _fleet(runtime, "locked", 1)
    await agent.remember("before the outage")
    blocker = sqlite3.connect(runtime.settings.sqlite_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(Unavailable) as caught:
            await agent.remember("during the outage", event_id="outage-1")
        assert "log" in caught.value.message
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    rows = _log_rows(runtime)
    assert "outage-1" not in {event_id for _, _, event_id in rows}, "nothing half-written"
    retry = await agent.remember("during the outage", event_id="outage-1")
    assert retry["created"] and retry["seq"] == 3
    _assert_dense(_log_rows(runtime))


async def test_many_agents_share_few_batches(make_runtime) -> None:
    runtime: Runtime = make_runtime(writer_pool_size=2, batch_max_delay_ms=5)
    agents = await _fleet(runtime, "batch", 20)
    before = await runtime.stats()
    await asyncio.gather(*(a.remember(f"{a.agent_id} says hi") for a in agents))
    after = await runtime.stats()
    events = sum(w["committed_events"] for w in after["writers"]) - sum(w["committed_events"] for w in before["writers"])
    batches = sum(w["batches"] for w in after["writers"]) - sum(w["batches"] for w in before["writers"])
    assert events == 20
    assert batches < events, f"{batches} batches for {events} concurrent events: no batching happened"


async def test_a_call_that_outlives_its_budget_is_unavailable_and_its_retry_is_idempotent(make_runtime) -> None:
    """The caller gives up after `call_timeout_s`; the write may still land, once."""
    runtime: Runtime = make_runtime(writer_pool_size=1, call_timeout_s=1.0, log_retry_deadline_s=30)
    (agent,) = await _fleet(runtime, "slow", 1)
    blocker = sqlite3.connect(runtime.settings.sqlite_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(Unavailable, match="did not answer within 1s"):
            await agent.remember("while the log is locked", event_id="late-1")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    landed_by = time.monotonic() + 30  # the writer keeps retrying after the caller left
    while "late-1" not in {event_id for _, _, event_id in _log_rows(runtime)}:
        assert time.monotonic() < landed_by, "the abandoned write never reached the log"
        await asyncio.sleep(0.1)
    retry = await agent.remember("while the log is locked", event_id="late-1")
    assert retry == {"seq": 2, "event_id": "late-1", "created": False}
    assert [event_id for _, _, event_id in _log_rows(runtime)].count("late-1") == 1
    _assert_dense(_log_rows(runtime))
