"""Group commit on the agent's side: one flush in flight, everything that arrives meanwhile rides the next.

The agent actor is the single writer of its history. Its pending events go to the
writer in flushes whose seqs continue from the head it knows, one flush at a time, so
seqs stay dense. A flush the log refuses (the head was stale, say after a crash)
resynchronises and goes again. A caller is answered only once its flush is in the log.
Pure asyncio: the commit and resync steps are callables, so unit tests drive it with a
fake log and no Ray.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from actors.errors import Conflict, NovamemError, Unavailable
from actors.messages import Flush, FlushResult
from actors.model import Event, now

MAX_STALE_HEAD_RETRIES = 5

Committed = tuple[int, bool]
"""(seq, created): `created` is False when the log already held the event id."""


class GroupCommit:
    """Pending events of one agent and the single flush loop that commits them."""

    def __init__(
        self,
        agent_id: str,
        max_flush_events: int,
        commit: Callable[[Flush], Awaitable[FlushResult]],
        resync: Callable[[], Awaitable[None]],
        on_committed: Callable[[Event, bool], None],
    ) -> None:
        """`resync` must reload the agent's state and set `head`; `on_committed(event,
        ours)` runs for every committed event (`ours`: this flush wrote it)."""
        self.agent_id = agent_id
        self.max_flush_events = max_flush_events
        self.head = 0
        self._commit = commit
        self._resync = resync
        self._on_committed = on_committed
        self._pending: list[tuple[Event, asyncio.Future[Committed]]] = []
        self._by_id: dict[str, asyncio.Future[Committed]] = {}
        self._flushing: asyncio.Task | None = None

    @property
    def busy(self) -> bool:
        return bool(self._pending) or (self._flushing is not None and not self._flushing.done())

    def pending(self, event_id: str) -> asyncio.Future[Committed] | None:
        """The future of an event id already waiting for a flush (a concurrent retry)."""
        return self._by_id.get(event_id)

    def submit(self, event: Event) -> asyncio.Future[Committed]:
        """Queue `event` for the next flush; the future resolves once it is in the log."""
        event.created_at = event.created_at or now()
        future: asyncio.Future[Committed] = asyncio.get_running_loop().create_future()
        self._pending.append((event, future))
        self._by_id[event.event_id] = future
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.get_running_loop().create_task(self._flush_loop())
        return future

    async def _flush_loop(self) -> None:
        """Send pending events, one flush at a time, until none are left."""
        stale_retries = 0
        while self._pending:
            batch = self._pending[: self.max_flush_events]
            del self._pending[: len(batch)]
            first_seq = self.head + 1
            try:
                result = await self._commit(Flush(self.agent_id, first_seq, [event for event, _ in batch]))
                if not result.ok:
                    stale_retries += 1
                    if stale_retries > MAX_STALE_HEAD_RETRIES:
                        raise Conflict(f"agent {self.agent_id} could not agree on its head with the log")
                    await self._resync()
                    self._pending[:0] = batch
                    continue
            except Exception as error:  # noqa: BLE001 - every waiting caller must get an answer
                failure = error if isinstance(error, NovamemError) else Unavailable(f"commit failed: {error!r}")
                self._fail(batch, failure)
                continue
            stale_retries = 0
            self._resolve(batch, first_seq, result)

    def _resolve(self, batch: list[tuple[Event, asyncio.Future[Committed]]], first_seq: int, result: FlushResult) -> None:
        for (event, future), seq, created in zip(batch, result.seqs, result.created, strict=True):
            # A "duplicate" at or past first_seq was written by this very flush on an
            # attempt whose reply was lost (the writer died after committing): it is ours.
            ours = created or seq >= first_seq
            event.seq = seq
            self._by_id.pop(event.event_id, None)
            self._on_committed(event, ours)
            if not future.done():
                future.set_result((seq, ours))
        self.head = max(self.head, result.head)

    def _fail(self, batch: list[tuple[Event, asyncio.Future[Committed]]], failure: NovamemError) -> None:
        for event, future in batch:
            self._by_id.pop(event.event_id, None)
            if not future.done():
                future.set_exception(failure)
