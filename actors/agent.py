"""The agent actor: one per agent, holding who it is and what it has just been doing.

It keeps the identity and a bounded working memory, and it is the single writer of the
agent's history: it assigns the dense per-agent `seq` through its group commit (see
`actors.group_commit`). Reads of the log and of the tiers do not come here: clients ask
the agent's writer directly, so they cost no actor (and no worker process) at all.

On (re)activation — first call, restart after a crash, or after passivation — the actor
loads identity, head and recent events from its writer; it then continues at head + 1,
so no seq is reused or skipped. Retries are idempotent by `event_id`. This module
imports no database driver (and neither numpy nor pydantic): writers own every connection.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, TypeVar

import ray
from ray.actor import ActorProxy
from ray.exceptions import RayActorError

from actors.errors import AgentNotFound, AgentPassivating, Unavailable
from actors.group_commit import Committed, GroupCommit
from actors.messages import (
    AgentConfig,
    AgentInfo,
    AgentRef,
    AgentSnapshot,
    Failure,
    Flush,
    FlushResult,
    IdentityResult,
    IdentityUpdate,
    RememberReply,
    RememberRequest,
    SnapshotRequest,
    WorkingMemory,
    WorkingMemoryRequest,
    WriteAck,
    answers,
    unwrap,
)
from actors.model import IDENTITY, Event, Identity, now
from actors.retry import RESTART_BACKOFF, Deadline, retry

if TYPE_CHECKING:
    from actors.directory import Directory
    from actors.writer import BackendWriter

AGENT_NAME = "agent:{agent_id}"
UNKNOWN_AGENT_LINGER_S = 5.0
"""An actor activated for an agent that does not exist passivates after this long."""

T = TypeVar("T")


class Agent:
    """Identity, working memory and seq assignment for one agent."""

    def __init__(
        self,
        agent_id: str,
        config: AgentConfig,
        writer: ActorProxy[BackendWriter],
        directory: ActorProxy[Directory],
    ) -> None:
        self.agent_id = agent_id
        self.config = config
        _lower_priority(config.niceness)
        self.writer = writer
        self.directory = directory
        self.identity: Identity | None = None
        self.working: deque[Event] = deque(maxlen=config.working_memory_size)
        self.recent_ids: OrderedDict[str, int] = OrderedDict()
        self.commits = GroupCommit(agent_id, config.max_flush_events, self._commit, self._load, self._committed)
        self._load_task: asyncio.Task | None = None
        self._identity_lock = asyncio.Lock()
        self._working_cache: dict[int, WorkingMemory] = {}
        self._inflight = 0
        self._last_activity = time.monotonic()
        self._closing = False
        self._watching = False
        self.activated_at = now()

    @property
    def head(self) -> int:
        return self.commits.head

    # -- calls --------------------------------------------------------------------------

    @ray.method
    @answers
    async def info(self) -> AgentInfo:
        async with self._active():
            assert self.identity is not None
            return AgentInfo(self.agent_id, self.identity, self.head, len(self.working), self.activated_at)

    @ray.method
    @answers
    async def put_identity(self, update: IdentityUpdate) -> IdentityResult:
        """A new identity version if anything changed; the same version otherwise."""
        candidate = Identity(update.name, update.persona, update.traits, update.metadata)
        async with self._active(must_exist=False), self._identity_lock:
            if self.identity is not None and self.identity.same_content(candidate):
                return IdentityResult(self.identity, changed=False, created=False)
            candidate.version = (self.identity.version if self.identity else 0) + 1
            await self.commits.submit(candidate.event(self.agent_id, update.event_id))
            assert self.identity is not None
            return IdentityResult(self.identity, changed=True, created=self.identity.version == 1)

    @ray.method
    @answers
    async def remember(self, request: RememberRequest) -> RememberReply:
        """Append memories; an event_id seen before returns its original seq, created=False."""
        async with self._active():
            waits: list[tuple[int, asyncio.Future[Committed], bool]] = []
            acks: list[WriteAck | None] = [None] * len(request.items)
            for index, item in enumerate(request.items):
                if item.event_id in self.recent_ids:
                    acks[index] = WriteAck(self.recent_ids[item.event_id], item.event_id, created=False)
                elif (pending := self.commits.pending(item.event_id)) is not None:
                    waits.append((index, pending, False))
                else:
                    waits.append((index, self.commits.submit(item.event(self.agent_id)), True))
            for index, future, first in waits:
                seq, created = await future
                acks[index] = WriteAck(seq, request.items[index].event_id, created and first)
            return RememberReply(acks)  # type: ignore[arg-type]

    @ray.method
    @answers
    async def working_memory(self, request: WorkingMemoryRequest) -> WorkingMemory:
        """Identity and the newest memories, from this actor's own state (no I/O)."""
        async with self._active():
            cached = self._working_cache.get(request.limit)
            if cached is None:
                assert self.identity is not None
                items = [e.view() for e in list(self.working)[::-1][: request.limit]]
                cached = self._working_cache[request.limit] = WorkingMemory(self.identity, self.head, items)
            return cached

    # -- call plumbing ------------------------------------------------------------------

    @asynccontextmanager
    async def _active(self, must_exist: bool = True) -> AsyncIterator[None]:
        """One call: counts as activity (no passivation meanwhile) and runs on loaded state."""
        if self._closing:
            raise AgentPassivating(f"agent {self.agent_id} is passivating; retry")
        self._inflight += 1
        self._last_activity = time.monotonic()
        try:
            await self._ensure_loaded()
            if must_exist and self.head == 0:
                raise AgentNotFound(f"agent {self.agent_id!r} does not exist (create it with an identity first)")
            yield
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
        """Restore identity, head, working memory and recent ids from the writer."""
        request = SnapshotRequest(self.agent_id, self.config.working_memory_size, self.config.dedup_window)
        snapshot: AgentSnapshot = await self._call_writer(lambda writer: writer.snapshot.remote(request))
        self.commits.head = snapshot.head
        self.identity = snapshot.identity
        self.working = deque(snapshot.recent, maxlen=self.config.working_memory_size)
        self.recent_ids = OrderedDict(sorted(snapshot.recent_ids.items(), key=lambda kv: kv[1]))
        self._working_cache.clear()
        if not self._watching:
            self._watching = True
            asyncio.get_running_loop().create_task(self._watch_idle())
            self.directory.agent_activated.remote(AgentRef(self.agent_id))

    async def _commit(self, flush: Flush) -> FlushResult:
        return await self._call_writer(lambda writer: writer.commit.remote(flush))

    async def _call_writer(self, call: Callable[[ActorProxy[BackendWriter]], Awaitable[T | Failure]]) -> T:
        """Call this agent's writer, riding out a writer restart until the deadline."""
        try:
            return unwrap(
                await retry(
                    lambda: call(self.writer),
                    lambda error: isinstance(error, RayActorError),
                    RESTART_BACKOFF,
                    Deadline(self.config.writer_deadline_s),
                )
            )
        except RayActorError as error:
            raise Unavailable(f"the writer for agent {self.agent_id} is unreachable: {error}") from error

    def _committed(self, event: Event, ours: bool) -> None:
        self.recent_ids[event.event_id] = event.seq
        while len(self.recent_ids) > self.config.dedup_window:
            self.recent_ids.popitem(last=False)
        if ours:
            if event.kind == IDENTITY:
                first_written_at = self.identity.created_at if self.identity else event.created_at
                self.identity = Identity.at(event.data, first_written_at, event.created_at)
            else:
                self.working.append(event)
        self._working_cache.clear()

    # -- passivation --------------------------------------------------------------------

    async def _watch_idle(self) -> None:
        """Exit once idle for `idle_timeout_s`; the next call reactivates a fresh actor."""
        while True:
            timeout = self.config.idle_timeout_s if self.head else min(self.config.idle_timeout_s, UNKNOWN_AGENT_LINGER_S)
            idle_for = time.monotonic() - self._last_activity
            busy = self._inflight or self.commits.busy
            if not busy and idle_for >= timeout:
                break
            await asyncio.sleep(max(0.05, timeout - idle_for) if not busy else 0.1)
        self._closing = True
        self.directory.agent_passivated.remote(AgentRef(self.agent_id))
        ray.kill(ray.get_runtime_context().current_actor, no_restart=True)


def _lower_priority(niceness: int) -> None:
    """Renice every thread of this worker process (Linux nice values are per thread)."""
    tasks = "/proc/self/task"
    for tid in os.listdir(tasks) if niceness and os.path.isdir(tasks) else []:
        try:
            os.setpriority(os.PRIO_PROCESS, int(tid), niceness)
        except OSError:  # a thread that just ended, or a platform that refuses
            continue


AgentActor = ray.remote(num_cpus=0, max_restarts=-1, max_task_retries=3)(Agent)
"""The Ray actor class; handles are typed `ActorProxy[Agent]`."""
