"""The writer's commit path (actors.batcher and actors.log_guard), against an in-memory log: no Ray."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from actors.batcher import CommitBatcher
from actors.errors import Unavailable
from actors.log_guard import LogGuard
from actors.messages import Flush, FlushResult
from actors.model import Event
from tests.unit.fakes import MemoryLog, memory


class Committed:
    def __init__(self) -> None:
        self.results: list[FlushResult] = []
        self.created: list[Event] = []

    def __call__(self, results: list[FlushResult], created: list[Event]) -> None:
        self.results += results
        self.created += created


@pytest.fixture
async def running() -> AsyncIterator[tuple[CommitBatcher, MemoryLog, Committed]]:
    log, committed = MemoryLog(), Committed()
    batcher = CommitBatcher(LogGuard(log, deadline_s=0.5), max_events=8, max_delay_s=0.02, on_committed=committed)
    loop = asyncio.create_task(batcher.run())
    yield batcher, log, committed
    loop.cancel()


def _flush(agent: str, first_seq: int, n: int) -> Flush:
    return Flush(agent, first_seq, [memory(agent, f"{agent} {first_seq + i}") for i in range(n)])


async def test_flushes_from_many_agents_share_one_transaction(running) -> None:
    batcher, log, committed = running
    results = await asyncio.gather(*(batcher.commit(_flush(f"a{i}", 1, 1)) for i in range(6)))
    assert all(r.ok and r.seqs == [1] for r in results)
    assert len(log.appends) == 1 and batcher.batches == 1 and batcher.committed_events == 6
    assert len(committed.created) == 6


async def test_a_batch_is_bounded_by_its_size(running) -> None:
    batcher, log, _ = running
    await asyncio.gather(*(batcher.commit(_flush(f"a{i}", 1, 4)) for i in range(4)))
    assert [sum(len(f.events) for f in batch) for batch in log.appends] == [8, 8]


async def test_only_new_events_go_to_the_tiers(running) -> None:
    batcher, log, committed = running
    first = _flush("ada", 1, 2)
    await batcher.commit(first)
    retry = Flush("ada", 3, [first.events[1], memory("ada", "fresh")])
    result = await batcher.commit(retry)
    assert result.seqs == [2, 3] and result.created == [False, True]
    assert [e.content for e in committed.created] == ["ada 1", "ada 2", "fresh"]


async def test_a_barrier_waits_for_what_was_queued_before_it(running) -> None:
    batcher, log, _ = running
    log.faults.gate.clear()
    write = batcher.commit(_flush("ada", 1, 1))
    barrier = batcher.barrier()
    await asyncio.sleep(0.05)
    assert not barrier.done()
    log.faults.gate.set()
    await barrier
    assert write.done() and (await write).ok


async def test_transient_log_failures_are_retried_then_unavailable(running) -> None:
    batcher, log, committed = running
    log.faults.fail_next = [ConnectionError("blip"), ConnectionError("blip")]
    assert (await batcher.commit(_flush("ada", 1, 1))).ok, "two blips are ridden out"
    assert batcher.guard.error == ""
    log.faults.fail_next = [ConnectionError("down")] * 1000
    with pytest.raises(Unavailable, match="down"):
        await batcher.commit(_flush("ada", 2, 1))
    assert "down" in batcher.guard.error and len(log.events["ada"]) == 1, "nothing half-written"
    log.faults.fail_next = []
    assert (await batcher.commit(_flush("ada", 2, 1))).ok and batcher.guard.error == ""


async def test_a_non_transient_failure_is_not_retried(running) -> None:
    batcher, log, _ = running
    log.faults.fail_next = [ValueError("constraint bug")]
    calls = log.faults.calls
    with pytest.raises(Unavailable, match="constraint bug"):
        await batcher.commit(_flush("ada", 1, 1))
    assert log.faults.calls == calls + 1
