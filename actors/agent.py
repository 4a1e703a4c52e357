"""AgentActor: one Ray actor per agent, the single writer of that agent's history.

It holds identity and a bounded working memory, and assigns the dense per-agent `seq`.
Writes are group-committed: calls that arrive while a flush is in flight queue up and go
out together in the next flush, so there is never more than one flush per agent in the
writer pool and seqs stay dense. A call is acknowledged only once its flush is in the log.

On (re)activation — first call, restart after a crash, or after passivation — the actor
loads identity, head and recent events from its writer; it then continues at head + 1,
so no seq is reused or skipped. Retries are idempotent by `event_id`. This module
imports no database driver: writers own every connection.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Any

import ray
from ray.actor import ActorHandle
from ray.exceptions import RayActorError

from actors.codec import err, ok, pack, unpack, unwrap
from actors.errors import AgentNotFound, AgentPassivating, Conflict, NovamemError, Unavailable
from actors.model import DEFAULT_KIND, IDENTITY, Event, Identity, new_event_id, now

AGENT_NAME = "agent:{agent_id}"
UNKNOWN_AGENT_LINGER_S = 5.0
"""An actor activated for an agent that does not exist passivates after this long."""
WRITER_RETRY_BACKOFF_S = 0.05
MAX_STALE_HEAD_RETRIES = 5


@dataclass(slots=True)
class AgentConfig:
    """The few settings an agent needs; read from the deployment's settings dict."""

    working_memory_size: int
    dedup_window: int
    idle_timeout_s: float
    max_flush_events: int
    writer_deadline_s: float

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> AgentConfig:
        return cls(
            working_memory_size=settings["working_memory_size"],
            dedup_window=settings["dedup_window"],
            idle_timeout_s=settings["idle_timeout_s"],
            max_flush_events=settings["batch_max_events"],
            writer_deadline_s=settings["log_retry_deadline_s"] + settings["call_timeout_s"],
        )


@ray.remote(num_cpus=0, max_restarts=-1, max_task_retries=3)
class AgentActor:
    """Identity, working memory and seq assignment for one agent."""

    def __init__(self, agent_id: str, settings: dict[str, Any], writer: ActorHandle, directory: ActorHandle) -> None:
        self.agent_id = agent_id
        self.config = AgentConfig.from_settings(settings)
        self.writer = writer
        self.directory = directory
        self.identity: Identity | None = None
        self.head = 0
        self.working: deque[Event] = deque(maxlen=self.config.working_memory_size)
        self.working_complete = True
        self.recent_ids: OrderedDict[str, int] = OrderedDict()
        self._pending: list[tuple[Event, asyncio.Future]] = []
        self._pending_ids: dict[str, asyncio.Future] = {}
        self._flushing: asyncio.Task | None = None
        self._load_task: asyncio.Task | None = None
        self._identity_lock = asyncio.Lock()
        self._working_cache: dict[int, bytes] = {}
        self._inflight = 0
        self._last_activity = time.monotonic()
        self._closing = False
        self._watching = False
        self.activated_at = now()

    # -- public methods (msgpack in, msgpack envelope out) ---------------------------

    async def info(self) -> bytes:
        return await self._serve(self._info)

    async def put_identity(self, payload: bytes) -> bytes:
        return await self._serve(self._put_identity, unpack(payload), must_exist=False)

    async def remember(self, payload: bytes) -> bytes:
        return await self._serve(self._remember, unpack(payload))

    async def working_memory(self, limit: int) -> bytes:
        cached = self._working_cache.get(limit)
        if cached is not None and not self._closing:
            self._last_activity = time.monotonic()
            return cached
        reply = await self._serve(self._working_memory, limit)
        if self.head and not self._closing:  # loaded and existing: the reply is a success
            self._working_cache[limit] = reply
        return reply

    async def history(self, payload: bytes) -> bytes:
        return await self._serve(self._history, unpack(payload))

    async def identity_history(self) -> bytes:
        return await self._serve(self._identity_history)

    async def recall(self, payload: bytes) -> bytes:
        return await self._serve(self._recall, unpack(payload))

    async def find(self, payload: bytes) -> bytes:
        return await self._serve(self._forward_read, "find", unpack(payload))

    async def neighbourhood(self, payload: bytes) -> bytes:
        return await self._serve(self._forward_read, "neighbourhood", unpack(payload))

    # -- call plumbing -----------------------------------------------------------------

    async def _serve(self, handler: Any, *args: Any, must_exist: bool = True) -> bytes:
        """Track activity, load state on first use, and turn typed errors into envelopes."""
        if self._closing:
            return err(AgentPassivating(f"agent {self.agent_id} is passivating; retry"))
        self._inflight += 1
        self._last_activity = time.monotonic()
        try:
            await self._ensure_loaded()
            if must_exist and self.head == 0:
                raise AgentNotFound(f"agent {self.agent_id!r} does not exist (create it with an identity first)")
            return ok(await handler(*args))
        except NovamemError as error:
            return err(error)
        finally:
            self._inflight -= 1
            self._last_activity = time.monotonic()

    async def _ensure_loaded(self) -> None:
        if self._load_task is None:
            self._load_task = asyncio.ensure_future(self._load())
        try:
            await asyncio.shield(self._load_task)
        except BaseException:
            self._load_task = None
            raise

    async def _load(self) -> None:
        """Restore identity, head, working memory and recent ids from the log."""
        snapshot = await self._call_writer(
            "snapshot",
            pack(
                {
                    "agent_id": self.agent_id,
                    "recent_limit": self.config.working_memory_size,
                    "dedup_window": self.config.dedup_window,
                }
            ),
        )
        self.head = snapshot["head"]
        self.identity = Identity.from_wire(snapshot["identity"]) if snapshot["identity"] else None
        recent = [Event.from_wire(e) for e in snapshot["recent"]]
        self.working = deque(recent, maxlen=self.config.working_memory_size)
        self.working_complete = len(recent) < self.config.working_memory_size
        self.recent_ids = OrderedDict(sorted(snapshot["recent_ids"].items(), key=lambda kv: kv[1]))
        self._working_cache.clear()
        if not self._watching:
            self._watching = True
            asyncio.get_running_loop().create_task(self._watch_idle())
            self.directory.agent_activated.remote(self.agent_id)

    async def _call_writer(self, method: str, *args: Any) -> Any:
        """Call this agent's writer, riding out a writer restart until the deadline."""
        deadline = time.monotonic() + self.config.writer_deadline_s
        backoff = WRITER_RETRY_BACKOFF_S
        while True:
            try:
                return unwrap(await getattr(self.writer, method).remote(*args))
            except RayActorError as error:
                if time.monotonic() + backoff > deadline:
                    raise Unavailable(f"the writer for agent {self.agent_id} is unreachable: {error}") from error
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 1.0)

    # -- handlers ----------------------------------------------------------------------

    async def _info(self) -> dict[str, Any]:
        assert self.identity is not None
        return {
            "agent_id": self.agent_id,
            "identity": self.identity.to_wire(),
            "identity_version": self.identity.version,
            "last_seq": self.head,
            "created_at": self.identity.created_at,
            "updated_at": self.identity.updated_at,
            "working_memory_size": len(self.working),
            "activated_at": self.activated_at,
        }

    async def _put_identity(self, fields: dict[str, Any]) -> dict[str, Any]:
        """A new identity version if anything changed; the same version otherwise."""
        candidate = Identity.from_wire(fields)
        async with self._identity_lock:
            if self.identity is not None and self.identity.same_content(candidate):
                return {"identity": self.identity.to_wire(), "changed": False, "created": False}
            candidate.version = (self.identity.version if self.identity else 0) + 1
            data = candidate.to_wire()
            del data["created_at"], data["updated_at"]
            event_id = fields.get("event_id") or new_event_id()
            event = Event(self.agent_id, 0, event_id, IDENTITY, content=candidate.name, data=data)
            await self._submit(event)
            assert self.identity is not None
            return {"identity": self.identity.to_wire(), "changed": True, "created": self.identity.version == 1}

    async def _remember(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Append memories; an event_id seen before returns its original seq, created=False."""
        waits: list[tuple[int, asyncio.Future, bool]] = []
        results: list[dict[str, Any] | None] = [None] * len(items)
        for index, item in enumerate(items):
            event_id = item["event_id"]
            if event_id in self.recent_ids:
                results[index] = {"seq": self.recent_ids[event_id], "event_id": event_id, "created": False}
            elif event_id in self._pending_ids:
                waits.append((index, self._pending_ids[event_id], False))
            else:
                waits.append((index, self._submit(self._new_event(item)), True))
        for index, future, first in waits:
            seq, created = await future
            results[index] = {"seq": seq, "event_id": items[index]["event_id"], "created": created and first}
        return results  # type: ignore[return-value]

    def _new_event(self, item: dict[str, Any]) -> Event:
        return Event(
            agent_id=self.agent_id,
            seq=0,
            event_id=item["event_id"],
            kind=item.get("kind") or DEFAULT_KIND,
            content=item.get("content", ""),
            metadata=item.get("metadata") or {},
            entities=item.get("entities") or [],
            embedding=item.get("embedding"),
            session_id=item.get("session_id"),
        )

    async def _working_memory(self, limit: int) -> dict[str, Any]:
        assert self.identity is not None
        items = [e.public() for e in list(self.working)[::-1][:limit]]
        return {"identity": self.identity.to_wire(), "last_seq": self.head, "items": items}

    async def _history(self, args: dict[str, Any]) -> list[dict[str, Any]]:
        """Newest first; served from working memory when it covers the page."""
        limit, before = args["limit"], args.get("before_seq")
        if before is None and (limit <= len(self.working) or self.working_complete):
            return [e.public() for e in list(self.working)[::-1][:limit]]
        return await self._call_writer("history", pack({"agent_id": self.agent_id, **args}))

    async def _identity_history(self) -> list[dict[str, Any]]:
        return await self._call_writer("identity_history", self.agent_id)

    async def _recall(self, args: dict[str, Any]) -> dict[str, Any]:
        return await self._forward_read("recall", args)

    async def _forward_read(self, method: str, args: dict[str, Any]) -> Any:
        """A tier read run by the writer; strong consistency waits for everything acked so far."""
        min_seq = self.head if args.get("consistency", "strong") == "strong" else 0
        return await self._call_writer(method, pack({**args, "agent_id": self.agent_id, "min_seq": min_seq}))

    # -- group commit ------------------------------------------------------------------

    def _submit(self, event: Event) -> asyncio.Future:
        event.created_at = event.created_at or now()
        future = asyncio.get_running_loop().create_future()
        self._pending.append((event, future))
        self._pending_ids[event.event_id] = future
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.get_running_loop().create_task(self._flush_loop())
        return future

    async def _flush_loop(self) -> None:
        """Send pending events to the writer, one flush at a time, until none are left."""
        stale_retries = 0
        while self._pending:
            batch = self._pending[: self.config.max_flush_events]
            del self._pending[: len(batch)]
            first_seq = self.head + 1
            try:
                result = await self._call_writer(
                    "commit",
                    pack(
                        {
                            "agent_id": self.agent_id,
                            "first_seq": first_seq,
                            "events": [event.to_wire() for event, _ in batch],
                        }
                    ),
                )
                if not result["ok"]:
                    stale_retries += 1
                    if stale_retries > MAX_STALE_HEAD_RETRIES:
                        raise Conflict(f"agent {self.agent_id} could not agree on its head with the log")
                    await self._load()
                    self._pending[:0] = batch
                    continue
            except Exception as error:  # noqa: BLE001 - every waiting caller must get an answer
                failure = error if isinstance(error, NovamemError) else Unavailable(f"commit failed: {error!r}")
                for event, future in batch:
                    self._pending_ids.pop(event.event_id, None)
                    if not future.done():
                        future.set_exception(failure)
                continue
            stale_retries = 0
            for (event, future), seq, created in zip(batch, result["seqs"], result["created"]):
                # A "duplicate" at or past first_seq was written by this very flush on an
                # attempt whose reply was lost (the writer died after committing): it is ours.
                ours = created or seq >= first_seq
                event.seq = seq
                self._pending_ids.pop(event.event_id, None)
                self._note_id(event.event_id, seq)
                if ours:
                    self._apply_committed(event)
                if not future.done():
                    future.set_result((seq, ours))
            self.head = max(self.head, result["head"])
            self._working_cache.clear()

    def _note_id(self, event_id: str, seq: int) -> None:
        self.recent_ids[event_id] = seq
        while len(self.recent_ids) > self.config.dedup_window:
            self.recent_ids.popitem(last=False)

    def _apply_committed(self, event: Event) -> None:
        if event.kind == IDENTITY:
            identity = Identity.from_wire(event.data)
            identity.created_at = self.identity.created_at if self.identity else event.created_at
            identity.updated_at = event.created_at
            self.identity = identity
        else:
            self.working.append(event)

    # -- passivation -------------------------------------------------------------------

    async def _watch_idle(self) -> None:
        """Exit once idle for `idle_timeout_s`; the next call reactivates a fresh actor."""
        while True:
            timeout = self.config.idle_timeout_s if self.head else min(self.config.idle_timeout_s, UNKNOWN_AGENT_LINGER_S)
            idle_for = time.monotonic() - self._last_activity
            busy = self._inflight or self._pending or (self._flushing is not None and not self._flushing.done())
            if not busy and idle_for >= timeout:
                break
            await asyncio.sleep(max(0.05, timeout - idle_for) if not busy else 0.1)
        self._closing = True
        self.directory.agent_passivated.remote(self.agent_id)
        ray.kill(ray.get_runtime_context().current_actor, no_restart=True)

