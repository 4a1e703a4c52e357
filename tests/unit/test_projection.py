"""Tier projections (actors.projection): checkpoints, catch-up and independence, in memory: no Ray."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from actors.messages import Flush
from actors.projection import TierProjection
from actors.shard import ShardHeads
from tests.unit.fakes import MemoryLog, MemoryTier, memory

EVENTUALLY_S = 5.0


async def eventually(condition: Callable[[], bool]) -> None:
    """Poll (bounded) until `condition()` holds."""
    for _ in range(int(EVENTUALLY_S / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never held")


class World:
    """A log, a one-writer shard, and a projection per tier, running as their own tasks."""

    def __init__(self, *tiers: MemoryTier) -> None:
        self.log = MemoryLog()
        self.heads = ShardHeads(0, 1)
        self.projections = [TierProjection(tier, self.log, self.heads, stall_s=1.0) for tier in tiers]
        self.tasks: list[asyncio.Task] = []

    def start(self) -> None:
        self.tasks = [asyncio.create_task(p.run()) for p in self.projections]

    async def commit(self, agent: str, contents: list[str]) -> None:
        """What the writer does: append, advance the head, hand the new events to every projection."""
        first = self.heads.of(agent) + 1
        (result,) = await self.log.append([Flush(agent, first, [memory(agent, c) for c in contents])])
        self.heads.advance(agent, result.head)
        for projection in self.projections:
            projection.submit(self.log.events[agent][first - 1 :])

    async def commit_applied(self, agent: str, contents: list[str]) -> None:
        """Commit, then wait until the (first) projection holds it."""
        await self.commit(agent, contents)
        assert await self.projection.wait_for(agent, self.heads.of(agent), EVENTUALLY_S)

    @property
    def projection(self) -> TierProjection:
        return self.projections[0]

    def stop(self) -> None:
        for task in self.tasks:
            task.cancel()


@pytest.fixture
async def world() -> AsyncIterator[Callable[..., World]]:
    made: list[World] = []

    def make(*tiers: MemoryTier, start: bool = True) -> World:
        made.append(World(*tiers))
        if start:
            made[-1].start()
        return made[-1]

    yield make
    for w in made:
        w.stop()


async def test_committed_events_are_applied_and_checkpointed(world) -> None:
    tier = MemoryTier()
    w = world(tier)
    await w.commit_applied("ada", ["one", "two"])
    projection = w.projection
    assert tier.rows == {("ada", 1): "one", ("ada", 2): "two"}
    assert w.log.tier_checkpoints["fake"] == {"ada": 2} and projection.lag() == 0


async def test_a_failed_tier_catches_up_from_its_checkpoint(world) -> None:
    tier = MemoryTier()
    w = world(tier)
    await w.commit_applied("ada", ["one"])
    projection = w.projection
    tier.faults.fail_next = [ConnectionError("tier down")] * 3
    await w.commit("ada", ["two", "three"])
    await eventually(lambda: not projection.healthy)
    assert "tier down" in projection.last_error and projection.lag() > 0
    assert await projection.wait_for("ada", 3, EVENTUALLY_S), "back by itself, replayed from the log"
    assert sorted(tier.rows) == [("ada", 1), ("ada", 2), ("ada", 3)] and projection.healthy


async def test_a_stalled_tier_sets_no_pace_for_another(world) -> None:
    slow, fast = MemoryTier("slow"), MemoryTier("fast")
    w = world(slow, fast)
    slow.faults.gate.clear()  # the slow tier's server hangs
    for i in range(5):
        await w.commit("ada", [f"m{i}"])
    slow_projection, fast_projection = w.projections
    assert await fast_projection.wait_for("ada", 5, EVENTUALLY_S)
    assert len(fast.rows) == 5 and not slow.rows
    await eventually(lambda: not slow_projection.ok)  # stuck in one apply longer than stall_s
    slow.faults.gate.set()
    assert await slow_projection.wait_for("ada", 5, EVENTUALLY_S) and slow_projection.ok


async def test_starting_behind_the_log_replays_what_is_missing(world) -> None:
    tier = MemoryTier()
    w = world(tier, start=False)
    await w.commit("ada", [f"m{i}" for i in range(4)])  # committed while no projection ran
    w.log.tier_checkpoints["fake"] = {"ada": 1}
    w.start()
    projection = w.projection
    assert await projection.wait_for("ada", 4, EVENTUALLY_S)
    assert sorted(seq for _, seq in tier.rows) == [2, 3, 4], "the checkpointed event is not re-applied"


async def test_a_reset_replays_everything_and_drops_work_from_before(world) -> None:
    tier = MemoryTier()
    w = world(tier)
    await w.commit_applied("ada", ["a", "b"])
    projection = w.projection
    await projection.pause()
    await tier.drop()
    await w.log.reset_checkpoints("fake")
    projection.resume(reset=True)
    assert await projection.wait_for("ada", 2, EVENTUALLY_S)
    assert sorted(tier.rows) == [("ada", 1), ("ada", 2)]


async def test_wait_for_times_out_when_the_tier_is_behind(world) -> None:
    tier = MemoryTier()
    w = world(tier)
    tier.faults.gate.clear()
    await w.commit("ada", ["held"])
    assert not await w.projection.wait_for("ada", 1, 0.05)
    tier.faults.gate.set()


async def test_events_that_arrive_while_checkpoints_are_saved_are_applied(world) -> None:
    """The idle checkpoint save yields to the loop: a commit landing meanwhile must not wait
    for the next commit (at the end of a load there is none, and the tier stayed behind)."""
    tier = MemoryTier()
    w = world(tier)
    projection = w.projection
    await w.commit("ada", ["first"])
    await eventually(lambda: w.log.tier_checkpoints["fake"].get("ada") == 1)  # saved with its apply
    w.log.checkpoint_faults.gate.clear()
    saves = w.log.checkpoint_faults.calls
    await w.commit("ada", ["second"])  # applied; its checkpoint waits for the idle save, which hangs
    await eventually(lambda: w.log.checkpoint_faults.calls > saves)
    await w.commit("ada", ["during the save"])
    w.log.checkpoint_faults.gate.set()
    assert await projection.wait_for("ada", 3, EVENTUALLY_S), "the last commit of a load was never applied"


async def test_checkpoints_are_saved_once_the_projection_is_idle(world) -> None:
    tier = MemoryTier()
    w = world(tier)
    for i in range(5):
        await w.commit("ada", [f"m{i}"])
    await eventually(lambda: w.log.tier_checkpoints["fake"].get("ada") == 5)
    assert w.log.checkpoint_faults.calls < 5, "not one save per apply"
