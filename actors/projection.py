"""A tier projection: keeps one tier converged to the log for one writer's shard.

Each tier has its own projection, running as its own task with its own queue, so the
slowest tier sets no pace for the others and none for the commit path. Committed events
are applied as they come (the fast path), in bounded batches; checkpoints are saved at
most once a second (and whenever the projection goes idle), since re-applying a few
events after a crash is harmless and a save per apply is most of a small apply's cost. Any
failure flips the projection into catch-up: it replays each lagging agent of the shard
from its checkpoint by reading the log, backing off, until the tier is current again.
A dead tier therefore never blocks the log or the other tiers, and comes back on its own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager

import numpy as np

from actors.messages import TierModel
from actors.model import Event
from actors.retry import TIER_BACKOFF, Deadline, always, retry
from actors.shard import ShardHeads
from actors.stores.base import EventLog, Tier
from actors.vectors import normalise

log = logging.getLogger(__name__)

REPLAY_PAGE = 500
CHECKPOINT_EVERY_S = 1.0
MAX_APPLY_EVENTS = 2048
"""Largest fast-path apply: a backlog drains in steps, each well inside the stall limit."""

Embed = Callable[[list[str]], Awaitable[np.ndarray]]
"""Texts -> normalised vectors (the embedding service, for vector tiers)."""


LEGACY_MODEL = "hashing-256/256"


async def with_vectors(events: list[Event], embed: Embed) -> list[Event]:
    """Every memory event with a normalised embedding: the client's own, else `embed`'s."""
    missing = [e for e in events if e.is_memory and not e.embedding]
    vectors = iter(await embed([e.content for e in missing]) if missing else [])
    out = []
    for event in events:
        if event.is_memory:
            given = normalise(np.asarray([event.embedding], dtype=np.float32))[0] if event.embedding else None
            vector = given if given is not None else next(vectors)
            event = dataclasses.replace(event, embedding=vector.tolist())
        out.append(event)
    return out


class TierProjection:
    """Applies committed events to `tier`, saves checkpoints, and answers read-your-writes waits."""

    def __init__(
        self,
        tier: Tier,
        event_log: EventLog,
        heads: ShardHeads,
        stall_s: float = 10.0,
        apply_interval_s: float = 0.0,
        embed: Embed | None = None,
        model: Callable[[], Awaitable[str]] | None = None,
    ) -> None:
        """`apply_interval_s`: under sustained load, at most one apply per interval, so that
        each carries the events of the whole interval (a lone event is applied at once).
        A vector tier needs `embed` and `model` (the running model's `name/dim`)."""
        if tier.needs_vectors and (embed is None or model is None):
            raise ValueError(f"tier {tier.name} stores vectors: its projection needs the embedding service")
        self.tier = tier
        self.embed = embed
        self.model = model
        self.model_check: TierModel | None = None
        self._model_checked = asyncio.Event()
        self.log = event_log
        self.heads = heads
        self.stall_s = stall_s
        self.apply_interval_s = apply_interval_s
        self._last_apply = 0.0
        self._unsaved: dict[str, int] = {}
        """Checkpoints applied but not yet saved to the log."""
        self._last_save = 0.0
        self.applied: dict[str, int] = {}
        """agent_id -> last seq this tier holds (its checkpoint)."""
        self.healthy = True
        self.last_error = ""
        self.applied_events = 0
        self._busy_since: float | None = None
        self._pending: list[Event] = []
        self._wakeup = asyncio.Event()
        self._progress = asyncio.Condition()
        self._stale = True
        self._running = asyncio.Event()
        self._running.set()
        self._applying = asyncio.Lock()
        self._generation = 0
        """Bumped by `resume(reset=True)`: work started before a reset is discarded."""

    @property
    def name(self) -> str:
        return self.tier.name

    def submit(self, events: list[Event]) -> None:
        """Queue events the log just committed (called in commit order)."""
        self._pending.extend(events)
        self._wakeup.set()

    @property
    def queue_depth(self) -> int:
        return len(self._pending)

    @property
    def ok(self) -> bool:
        """Healthy, and not stuck in one apply for longer than `stall_s` (a hung server)."""
        stalled = self._busy_since is not None and time.monotonic() - self._busy_since > self.stall_s
        return self.healthy and not stalled

    def lag(self) -> int:
        """Events of this shard that the log holds and the tier does not (yet)."""
        return sum(max(0, head - self.applied.get(agent, 0)) for agent, head in self.heads.snapshot().items())

    async def pause(self) -> None:
        """Stop applying (for a rebuild); returns once no apply is in flight."""
        self._running.clear()
        async with self._applying:
            pass

    def resume(self, reset: bool) -> None:
        """Apply again; after `reset` (the tier was dropped) replay everything from the log."""
        if reset:
            if self.model_check is not None:  # the tier was emptied: it now holds no other model
                self.model_check.recorded = self.model_check.expected
            self._generation += 1
            self.applied = {}
            self._unsaved = {}
            self._pending.clear()
            self._stale = True
        self._running.set()
        self._wakeup.set()

    async def run(self) -> None:
        """Forever: catch up while stale, else apply what was submitted."""
        self.applied = await retry(
            lambda: self.log.checkpoints(self.tier.name), always, TIER_BACKOFF, Deadline.never(), self._mark_failed
        )
        if self.tier.needs_vectors:
            await retry(self._check_model, always, TIER_BACKOFF, Deadline.never(), self._mark_failed)
        self._model_checked.set()
        delays = TIER_BACKOFF.delays()
        while True:
            await self._running.wait()
            if self.model_check is not None and self.model_check.problem:
                self._mark_failed(RuntimeError(self.model_check.problem))
                self._wakeup.clear()
                await self._wakeup.wait()  # until a reindex resets the tier
                continue
            if self._stale:
                self._pending.clear()
                generation = self._generation
                current = await self._catch_up(generation)
                self._stale = not current or generation != self._generation
            if self._stale:
                await asyncio.sleep(next(delays))
                continue
            delays = TIER_BACKOFF.delays()
            if not self._pending and self._unsaved:
                self._stale = not await self._save_idle(self._generation)
                continue  # events may have arrived while saving
            if not self._pending:
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            await self._pace()
            batch = self._pending[:MAX_APPLY_EVENTS]
            del self._pending[:MAX_APPLY_EVENTS]
            fresh = [e for e in batch if e.seq > self.applied.get(e.agent_id, 0)]
            self._stale = not await self._apply(fresh, self._generation)

    async def _check_model(self) -> None:
        """Record the running model on a tier that holds no vectors yet; else compare.

        A tier indexed before models were recorded holds the one built-in embedder of
        that time: hashing, 256 dimensions.
        """
        assert self.model is not None
        expected = await self.model()
        recorded = await self.log.tier_model(self.tier.name)
        if recorded is None:
            recorded = LEGACY_MODEL if self.applied else expected
            await self.log.set_tier_model(self.tier.name, recorded)
        self.model_check = TierModel(expected, recorded)

    async def checked_model(self) -> TierModel | None:
        """The model check, once `run` has made it (None for tiers without vectors)."""
        await self._model_checked.wait()
        return self.model_check

    async def _pace(self) -> None:
        """Let a batch gather while the last apply is recent; a full batch goes at once."""
        wait = self._last_apply + self.apply_interval_s - time.monotonic()
        if wait > 0 and len(self._pending) < MAX_APPLY_EVENTS:
            await asyncio.sleep(wait)
        self._last_apply = time.monotonic()

    async def _apply(self, events: list[Event], generation: int) -> bool:
        """Apply and checkpoint; False on failure. Work from before a reset is dropped."""
        if not events:
            return True
        await self._running.wait()
        async with self._applying:
            if generation != self._generation:
                return True
            return await self._apply_now(events)

    @contextmanager
    def _busy(self) -> Iterator[None]:
        """Time a call to the tier, so that one that hangs shows as not ok (see `ok`)."""
        self._busy_since = time.monotonic()
        try:
            yield
        finally:
            self._busy_since = None

    async def _apply_now(self, events: list[Event]) -> bool:
        marks: dict[str, int] = {}
        for event in events:
            marks[event.agent_id] = max(marks.get(event.agent_id, 0), event.seq)
        try:
            if self.tier.needs_vectors:
                assert self.embed is not None
                events = await with_vectors(events, self.embed)
            with self._busy():
                await self.tier.apply(events)
        except Exception as error:  # noqa: BLE001 - any tier failure means: catch up later
            self._mark_failed(error)
            return False
        self.healthy, self.last_error = True, ""
        self.applied_events += len(events)
        async with self._progress:
            for agent_id, seq in marks.items():
                self.applied[agent_id] = max(self.applied.get(agent_id, 0), seq)
                self._unsaved[agent_id] = self.applied[agent_id]
            self._progress.notify_all()
        if time.monotonic() - self._last_save < CHECKPOINT_EVERY_S:
            return True
        return await self._save_checkpoints()

    async def _save_idle(self, generation: int) -> bool:
        """Save pending checkpoints when nothing else is to do (never across a pause or reset)."""
        await self._running.wait()
        async with self._applying:
            return generation != self._generation or await self._save_checkpoints()

    async def _save_checkpoints(self) -> bool:
        """Persist what has been applied; False (and catch-up later) if the log refuses."""
        unsaved, self._unsaved = self._unsaved, {}
        try:
            await self.log.save_checkpoints(self.tier.name, unsaved)
        except Exception as error:  # noqa: BLE001
            self._unsaved = {**unsaved, **self._unsaved}
            self._mark_failed(error)
            return False
        self._last_save = time.monotonic()
        return True

    async def _catch_up(self, generation: int) -> bool:
        """Replay every lagging agent of this shard from its checkpoint; True when current."""
        try:
            with self._busy():
                await self.tier.open()
                await self.tier.ping()
            checkpoints = await self.log.checkpoints(self.tier.name)
        except Exception as error:  # noqa: BLE001
            self._mark_failed(error)
            return False
        for agent_id, head in self.heads.snapshot().items():
            if generation != self._generation:
                return False
            done = checkpoints.get(agent_id, 0)
            self.applied[agent_id] = done
            while done < head:
                try:
                    events = await self.log.read_after(agent_id, done, REPLAY_PAGE)
                except Exception as error:  # noqa: BLE001
                    self._mark_failed(error)
                    return False
                if not events:
                    break
                if not await self._apply(events, generation):
                    return False
                done = events[-1].seq
        self.healthy, self.last_error = True, ""
        return True

    def _mark_failed(self, error: BaseException) -> None:
        if self.healthy:
            log.warning("tier %s failed, will catch up from the log: %s", self.tier.name, error)
        self.healthy = False
        self.last_error = f"{type(error).__name__}: {error}"[:300]

    async def wait_for(self, agent_id: str, seq: int, timeout_s: float) -> bool:
        """Wait until this tier holds `agent_id` up to `seq`; False on timeout."""
        deadline = time.monotonic() + timeout_s
        async with self._progress:
            while self.applied.get(agent_id, 0) < seq:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                try:
                    await asyncio.wait_for(self._progress.wait(), remaining)
                except TimeoutError:
                    return self.applied.get(agent_id, 0) >= seq
        return True
