"""The agent side of durability (actors.group_commit), against an in-memory log: no Ray."""

from __future__ import annotations

import asyncio

import pytest

from actors.errors import Conflict, Unavailable
from actors.group_commit import MAX_STALE_HEAD_RETRIES, GroupCommit
from actors.messages import Flush, FlushResult
from actors.model import Event
from tests.unit.fakes import MemoryLog, memory


class Harness:
    """A GroupCommit wired to a MemoryLog the way the agent actor wires it to its writer."""

    def __init__(self, log: MemoryLog | None = None) -> None:
        self.log = log or MemoryLog()
        self.flushes: list[Flush] = []
        self.committed: list[tuple[int, bool]] = []
        self.resyncs = 0
        self.commits = GroupCommit("ada", 100, self.commit, self.resync, self.on_committed)

    async def commit(self, flush: Flush) -> FlushResult:
        self.flushes.append(flush)
        (result,) = await self.log.append([flush])
        return result

    async def resync(self) -> None:
        self.resyncs += 1
        self.commits.head = await self.log.head("ada")

    def on_committed(self, event: Event, ours: bool) -> None:
        self.committed.append((event.seq, ours))


async def test_calls_arriving_during_a_flush_ride_the_next_one() -> None:
    h = Harness()
    h.log.faults.gate.clear()  # the first flush is held in the log
    first = h.commits.submit(memory("ada", "one"))
    await asyncio.sleep(0)
    later = [h.commits.submit(memory("ada", f"more {i}")) for i in range(5)]
    assert h.commits.busy and len(h.flushes) == 1
    h.log.faults.gate.set()
    assert await first == (1, True)
    assert [await f for f in later] == [(i, True) for i in range(2, 7)]
    assert [len(f.events) for f in h.flushes] == [1, 5], "one flush in flight; the rest went together"
    assert [f.first_seq for f in h.flushes] == [1, 2] and h.commits.head == 6
    assert not h.commits.busy


async def test_a_stale_head_resyncs_and_commits_densely() -> None:
    h = Harness()
    await h.log.append([Flush("ada", 1, [memory("ada", "written by an earlier incarnation")])])
    seq, created = await h.commits.submit(memory("ada", "after a crash"))
    assert (seq, created) == (2, True) and h.resyncs == 1
    assert [e.seq for e in h.log.events["ada"]] == [1, 2]


async def test_a_head_that_never_agrees_is_a_conflict() -> None:
    h = Harness()

    async def wrong_resync() -> None:
        h.resyncs += 1  # never learns the real head

    h.commits = GroupCommit("ada", 100, h.commit, wrong_resync, h.on_committed)
    await h.log.append([Flush("ada", 1, [memory("ada", "x")])])
    with pytest.raises(Conflict):
        await h.commits.submit(memory("ada", "y"))
    assert h.resyncs == MAX_STALE_HEAD_RETRIES


async def test_a_failed_commit_answers_every_waiting_caller() -> None:
    h = Harness()
    h.log.faults.fail_next = [RuntimeError("writer exploded")]
    futures = [h.commits.submit(memory("ada", f"m{i}")) for i in range(3)]
    for future in futures:
        with pytest.raises(Unavailable, match="writer exploded"):
            await future
    assert h.commits.pending("ada:m0") is None, "a failed event is forgotten: its retry submits it again"
    assert await h.commits.submit(memory("ada", "m0")) == (1, True)


async def test_a_duplicate_written_by_this_flush_counts_as_ours() -> None:
    """The writer committed, then died before answering: the retried flush finds its own
    events already there, at seqs from first_seq on, and they count as created by it."""
    h = Harness()
    await h.log.append([Flush("ada", 1, [memory("ada", "lost reply")])])
    h.commits.head = 0  # the agent never heard back
    assert await h.commits.submit(memory("ada", "lost reply")) == (1, True)
    assert h.committed == [(1, True)] and h.resyncs == 0
