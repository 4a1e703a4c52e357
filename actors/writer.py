"""The backend writer: one actor per shard of agents, owning every database connection.

It composes the pieces that each hold one concept: the commit path (`CommitBatcher`),
one projection per tier (`TierProjection`, each its own task), the reads it serves
directly to clients (`ReadService`), and tier administration (`TierAdmin`). It keeps the
counters that stats and health are answered from, so a probe never scans the log.
Agents and clients find it by name (`writer:{index}`) and route by `shard_of`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

import ray

from actors.batcher import CommitBatcher
from actors.embedding_service import EmbeddingPool
from actors.errors import NovamemError, Unavailable
from actors.handles import was_restarted
from actors.log_guard import LogGuard
from actors.messages import (
    AgentRef,
    AgentSnapshot,
    FindRequest,
    Flush,
    FlushResult,
    Graph,
    GraphRequest,
    HistoryRequest,
    IdentityVersions,
    LogHealth,
    MemoryPage,
    ModelChecks,
    RecallReply,
    RecallRequest,
    ResumeTier,
    SnapshotRequest,
    TierCounts,
    TierRef,
    TierState,
    WriterStats,
    answers,
)
from actors.model import Event
from actors.projection import TierProjection
from actors.reads import ReadService
from actors.settings import Settings
from actors.shard import ShardHeads
from actors.stores import build_stores
from actors.tier_admin import TierAdmin

T = TypeVar("T")


class BackendWriter:
    """One shard of the pool: commits its agents' events, feeds the tiers, serves reads."""

    def __init__(self, index: int, pool_size: int, settings: Settings) -> None:
        self.index = index
        stores = build_stores(settings)
        self.log = stores.log
        self.guard = LogGuard(self.log, settings.log_retry_deadline_s)
        self.heads = ShardHeads(index, pool_size)
        self.embedding = EmbeddingPool(settings, settings.embedder_timeout_s)
        stall_s, interval_s = 2 * settings.store_timeout_s, settings.tier_apply_interval_ms / 1000
        self.projections = [
            TierProjection(tier, self.log, self.heads, stall_s, interval_s, self.embedding.embed, self._model)
            for tier in stores.tiers
        ]
        self.batcher = CommitBatcher(
            self.guard, settings.batch_max_events, settings.batch_max_delay_ms / 1000, self._committed
        )
        self.reads = ReadService(self.log, self.projections, self.heads, self.batcher, self.embedding, settings)
        self.admin = TierAdmin(self.log, self.projections, self.heads)
        self._ready_task: asyncio.Task | None = None
        self._background: list[asyncio.Task] = []
        self.restarted: bool | None = None

    async def _model(self) -> str:
        info = await self.embedding.describe()
        return f"{info.name}/{info.dim}"

    def _committed(self, results: list[FlushResult], created: list[Event]) -> None:
        for result in results:
            self.heads.advance(result.agent_id, result.head)
        for projection in self.projections:
            projection.submit(created)

    async def _ready(self) -> None:
        """Open the log once (first call after start or restart), then start the loops.

        A failed open (say, the log is briefly locked or down) is retried on the next
        call rather than remembered, and surfaces to callers as Unavailable.
        """
        if self._ready_task is None:
            self._ready_task = asyncio.ensure_future(self._open())
        try:
            await asyncio.shield(self._ready_task)
        except Exception as error:  # noqa: BLE001
            self._ready_task = None
            raise Unavailable(f"the log ({self.log.name}) cannot be opened: {error}") from error

    async def _open(self) -> None:
        await self.guard.run(self.log.open)
        await self.guard.run(lambda: self.heads.load(self.log))
        loop = asyncio.get_running_loop()
        self._background = [loop.create_task(self.batcher.run())]
        self._background += [loop.create_task(projection.run()) for projection in self.projections]

    async def _served(self, work: Awaitable[T]) -> T:
        """`work` once the log is open; a store failure becomes Unavailable, not a crash."""
        await self._ready()
        try:
            return await work
        except NovamemError:
            raise
        except Exception as error:  # noqa: BLE001 - store failures are reported, not raised
            raise Unavailable(f"the log ({self.log.name}) failed: {type(error).__name__}: {error}") from error

    # -- the commit path (from agent actors) ---------------------------------------------

    @ray.method
    @answers
    async def commit(self, flush: Flush) -> FlushResult:
        """Commit one agent's flush; the reply comes only after the log transaction."""
        await self._ready()
        return await self.batcher.commit(flush)

    @ray.method
    @answers
    async def snapshot(self, request: SnapshotRequest) -> AgentSnapshot:
        """Activation state for an agent, after everything already queued is committed."""
        return await self._served(self.reads.snapshot(request))

    # -- reads (from clients, skipping the agent actor) ------------------------------------

    @ray.method
    @answers
    async def head(self, ref: AgentRef) -> int:
        """The agent's last seq; AgentNotFound if it does not exist."""
        await self._ready()
        return self.reads.head(ref.agent_id)

    @ray.method
    @answers
    async def history(self, request: HistoryRequest) -> MemoryPage:
        return await self._served(self.reads.history(request))

    @ray.method
    @answers
    async def identity_history(self, ref: AgentRef) -> IdentityVersions:
        return await self._served(self.reads.identity_history(ref.agent_id))

    @ray.method
    @answers
    async def recall(self, request: RecallRequest) -> RecallReply:
        return await self._served(self.reads.recall(request))

    @ray.method
    @answers
    async def find(self, request: FindRequest) -> MemoryPage:
        return await self._served(self.reads.find(request))

    @ray.method
    @answers
    async def neighbourhood(self, request: GraphRequest) -> Graph:
        return await self._served(self.reads.neighbourhood(request))

    # -- operations ---------------------------------------------------------------------

    @ray.method
    async def stats(self) -> WriterStats:
        """Queue depth, batches, log health and per-tier lag, from counters (one ping, no scan)."""
        if self.restarted is None:
            self.restarted = await asyncio.to_thread(was_restarted)
        try:
            await self._ready()
            log_error = await self.guard.probe()
        except Unavailable as error:
            log_error = error.message[:300]
        tiers = {
            p.name: TierState(p.ok, p.lag(), p.last_error, p.queue_depth, p.applied_events) for p in self.projections
        }
        return WriterStats(
            index=self.index,
            queue_depth=self.batcher.queued_events,
            batches=self.batcher.batches,
            committed_events=self.batcher.committed_events,
            hot_activations=self.reads.hot_activations,
            agents=self.heads.agents,
            events=self.heads.events,
            log=LogHealth(self.log.name, not log_error, log_error),
            tiers=tiers,
            restarted=self.restarted,
        )

    @ray.method
    @answers
    async def pause_tier(self, ref: TierRef) -> None:
        await self._served(self.admin.pause(ref.tier))

    @ray.method
    @answers
    async def drop_tier(self, ref: TierRef) -> None:
        await self._served(self.admin.drop(ref.tier))

    @ray.method
    @answers
    async def resume_tier(self, request: ResumeTier) -> None:
        await self._ready()
        self.admin.resume(request.tier, request.reset)

    @ray.method
    @answers
    async def check_models(self) -> ModelChecks:
        """Each vector tier's recorded model against the running one (waits for the checks)."""
        await self._ready()
        checks = {p.name: await p.checked_model() for p in self.projections if p.tier.needs_vectors}
        return ModelChecks({name: check for name, check in checks.items() if check is not None})

    @ray.method
    @answers
    async def verify_tier(self, ref: TierRef) -> TierCounts:
        return await self._served(self.admin.verify(ref.tier))


BackendWriterActor = ray.remote(num_cpus=0, max_restarts=-1, max_concurrency=10_000)(BackendWriter)
"""The Ray actor class; handles are typed `ActorProxy[BackendWriter]`."""
