"""The writer's commit path: flushes from many agents, micro-batched into one log transaction.

Flushes queue up until the batch holds `max_events` or its oldest flush has waited
`max_delay_s`, then the whole batch is appended in one transaction (retried by the
`LogGuard` while the log fails transiently). Only then is each flush answered. What
the transaction created is handed to `on_committed` (the tier projections queue it and
apply it on their own time), so the commit path never waits for a tier.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from actors.errors import NovamemError, Unavailable
from actors.log_guard import LogGuard
from actors.messages import Flush, FlushResult
from actors.model import Event

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Pending:
    flush: Flush | None
    """None marks a barrier: resolved once everything queued before it is committed."""
    future: asyncio.Future
    enqueued_at: float


class CommitBatcher:
    """Group commit across agents for one writer."""

    def __init__(
        self,
        guard: LogGuard,
        max_events: int,
        max_delay_s: float,
        on_committed: Callable[[list[FlushResult], list[Event]], None],
    ) -> None:
        """`on_committed(results, created)` runs after each transaction: the results of its
        flushes and the events it created, in commit order."""
        self.guard = guard
        self.max_events = max_events
        self.max_delay_s = max_delay_s
        self.on_committed = on_committed
        self._queue: deque[_Pending] = deque()
        self.queued_events = 0
        self._has_work = asyncio.Event()
        self._full = asyncio.Event()
        self.batches = 0
        self.committed_events = 0

    def commit(self, flush: Flush) -> asyncio.Future[FlushResult]:
        """Queue one agent's flush; the future resolves after its transaction."""
        return self._enqueue(flush)

    def barrier(self) -> asyncio.Future[None]:
        """Resolves once every flush queued before it has been committed (or refused)."""
        return self._enqueue(None)

    def _enqueue(self, flush: Flush | None) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self._queue.append(_Pending(flush, future, time.monotonic()))
        self.queued_events += len(flush.events) if flush else 0
        if self.queued_events >= self.max_events:
            self._full.set()
        self._has_work.set()
        return future

    async def run(self) -> None:
        """Forever: wait for work, let the batch fill (bounded by size and delay), commit it."""
        while True:
            if not self._queue:
                self._has_work.clear()
                await self._has_work.wait()
                continue
            await self._fill(self._queue[0].enqueued_at + self.max_delay_s)
            batch = self._take_batch()
            try:
                await self._commit_batch(batch)
            except Exception as error:  # noqa: BLE001 - the loop must outlive any one batch
                log.exception("batch commit failed unexpectedly")
                self._fail(batch, Unavailable(f"the writer failed to commit: {error!r}"))

    async def _fill(self, deadline: float) -> None:
        while self.queued_events < self.max_events:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            self._full.clear()
            try:
                await asyncio.wait_for(self._full.wait(), remaining)
            except TimeoutError:
                return

    def _take_batch(self) -> list[_Pending]:
        batch, size = [], 0
        while self._queue and (not batch or size < self.max_events):
            pending = self._queue.popleft()
            batch.append(pending)
            size += len(pending.flush.events) if pending.flush else 0
        self.queued_events -= size
        return batch

    async def _commit_batch(self, batch: list[_Pending]) -> None:
        flushes = [p.flush for p in batch if p.flush is not None]
        try:
            results = await self.guard.run(lambda: self.guard.log.append(flushes)) if flushes else []
        except NovamemError as error:
            self._fail(batch, error)
            return
        by_flush = iter(results)
        created: list[Event] = []
        for pending in batch:
            if pending.flush is None:
                pending.future.set_result(None)
                continue
            result = next(by_flush)
            if result.ok:
                created += [e for e, new in zip(pending.flush.events, result.created, strict=True) if new]
            if not pending.future.done():
                pending.future.set_result(result)
        self.batches += 1
        self.committed_events += len(created)
        self.on_committed(results, created)

    @staticmethod
    def _fail(batch: list[_Pending], error: NovamemError) -> None:
        for pending in batch:
            if pending.future.done():
                continue
            if pending.flush is None:  # a barrier only orders: nothing of it failed
                pending.future.set_result(None)
            else:
                pending.future.set_exception(error)
