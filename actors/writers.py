"""The writer pool: BackendWriter actors own every database connection.

Agents send their flushes to the writer of their shard (`crc32(agent_id) % N`, so one
agent's events always go through one writer, in order). A writer micro-batches flushes
from many agents — up to `batch_max_events`, waiting at most `batch_max_delay_ms` — and
commits each batch to the log in one transaction, retrying transient failures with
backoff. Only then are the callers acknowledged. Afterwards the batch is applied to every
tier in the background (see `actors.tier_sync`). Reads that need a store (history,
recall, snapshots for activation) run here too, so agents never open connections.
"""

from __future__ import annotations

import asyncio
import logging
import time
import zlib
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import ray
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from actors.codec import err, ok, pack, unpack
from actors.handles import was_restarted
from actors.errors import InvalidInput, NovamemError, Unavailable
from actors.model import Event
from actors.recall import reciprocal_rank_fusion
from actors.stores import build_stores
from actors.stores.base import DocumentTier, Flush, FlushResult, GraphTier, HotTier, Query
from actors.tier_sync import TierSync

log = logging.getLogger(__name__)
T = TypeVar("T")

WRITER_NAME = "writer:{index}"
APPEND_BACKOFF_START_S = 0.01
APPEND_BACKOFF_MAX_S = 1.0


def shard_of(agent_id: str, pool_size: int) -> int:
    """Stable across processes (unlike `hash`), so every caller routes an agent alike."""
    return zlib.crc32(agent_id.encode()) % pool_size


def result_to_wire(result: FlushResult) -> dict[str, Any]:
    return {"ok": result.ok, "head": result.head, "seqs": result.seqs, "created": result.created}


@dataclass(slots=True)
class _Pending:
    flush: Flush | None
    """None marks a barrier: resolved once everything queued before it is committed."""
    future: asyncio.Future
    enqueued_at: float


@ray.remote(num_cpus=0, max_restarts=-1, max_concurrency=10_000)
class BackendWriter:
    """One shard of the pool: batches commits into the log and feeds the tiers."""

    def __init__(self, index: int, pool_size: int, settings: dict[str, Any]) -> None:
        from cluster.config import settings_from_wire

        self.index = index
        self.pool_size = pool_size
        self.settings = settings_from_wire(settings)
        self.log, self.tiers = build_stores(self.settings)
        stall_s = 2 * self.settings.store_timeout_s
        self.syncs = [TierSync(tier, self.log, self._owns, stall_s) for tier in self.tiers]
        self._queue: deque[_Pending] = deque()
        self._queued_events = 0
        self._has_work = asyncio.Event()
        self._full = asyncio.Event()
        self._ready_task: asyncio.Task | None = None
        self._background: list[asyncio.Task] = []
        self.batches = 0
        self.committed_events = 0
        self.hot_activations = 0
        self.log_error = ""
        self.restarted: bool | None = None

    def _owns(self, agent_id: str) -> bool:
        return shard_of(agent_id, self.pool_size) == self.index

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
        await self._append_with_retry_call(self.log.open)
        loop = asyncio.get_running_loop()
        self._background = [loop.create_task(self._batch_loop())]
        self._background += [loop.create_task(sync.run()) for sync in self.syncs]

    async def _answer(self, work: Callable[[], Awaitable[Any]]) -> bytes:
        """Run a read once the log is open; every failure becomes a typed error envelope."""
        try:
            await self._ready()
            return ok(await work())
        except NovamemError as error:
            return err(error)
        except Exception as error:  # noqa: BLE001 - store failures are reported, not raised
            return err(Unavailable(f"the log ({self.log.name}) failed: {type(error).__name__}: {error}"))

    # -- commit path ----------------------------------------------------------------

    async def commit(self, payload: bytes) -> bytes:
        """Commit one agent's flush; the reply comes only after the log transaction."""
        wire = unpack(payload)
        flush = Flush(wire["agent_id"], int(wire["first_seq"]), [Event.from_wire(e) for e in wire["events"]])
        return await self._answer(lambda: self._commit(flush))

    async def _commit(self, flush: Flush) -> dict[str, Any]:
        return result_to_wire(await self._enqueue(flush))

    def _enqueue(self, flush: Flush | None) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self._queue.append(_Pending(flush, future, time.monotonic()))
        self._queued_events += len(flush.events) if flush else 0
        if self._queued_events >= self.settings.batch_max_events:
            self._full.set()
        self._has_work.set()
        return future

    async def _batch_loop(self) -> None:
        max_delay = self.settings.batch_max_delay_ms / 1000
        while True:
            if not self._queue:
                self._has_work.clear()
                await self._has_work.wait()
                continue
            deadline = self._queue[0].enqueued_at + max_delay
            while self._queued_events < self.settings.batch_max_events:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._full.clear()
                try:
                    await asyncio.wait_for(self._full.wait(), remaining)
                except TimeoutError:
                    break
            batch = self._take_batch()
            try:
                await self._commit_batch(batch)
            except Exception as error:  # noqa: BLE001 - the loop must outlive any one batch
                log.exception("batch commit failed unexpectedly")
                failure = Unavailable(f"the writer failed to commit: {error!r}")
                for pending in batch:
                    if not pending.future.done():
                        pending.future.set_exception(failure)

    def _take_batch(self) -> list[_Pending]:
        batch, size = [], 0
        while self._queue and (not batch or size < self.settings.batch_max_events):
            pending = self._queue.popleft()
            batch.append(pending)
            size += len(pending.flush.events) if pending.flush else 0
        self._queued_events -= size
        return batch

    async def _commit_batch(self, batch: list[_Pending]) -> None:
        flushes = [p.flush for p in batch if p.flush is not None]
        try:
            results = iter(await self._append_with_retry(flushes) if flushes else [])
        except NovamemError as error:
            for pending in batch:
                if pending.flush is None:
                    pending.future.set_result(None)
                elif not pending.future.done():
                    pending.future.set_exception(error)
            return
        committed: list[Event] = []
        for pending in batch:
            if pending.flush is None:
                pending.future.set_result(None)
                continue
            result = next(results)
            if result.ok:
                committed += [e for e, created in zip(pending.flush.events, result.created) if created]
            if not pending.future.done():
                pending.future.set_result(result)
        self.batches += 1
        self.committed_events += len(committed)
        for sync in self.syncs:
            sync.submit(committed)

    async def _append_with_retry(self, flushes: list[Flush]) -> list[FlushResult]:
        return await self._append_with_retry_call(lambda: self.log.append(flushes))

    async def _append_with_retry_call(self, operation: Callable[[], Awaitable[T]]) -> T:
        """Retry transient log failures with backoff until `log_retry_deadline_s`."""
        deadline = time.monotonic() + self.settings.log_retry_deadline_s
        backoff = APPEND_BACKOFF_START_S
        while True:
            try:
                result = await operation()
            except Exception as error:  # noqa: BLE001 - classified just below
                self.log_error = f"{type(error).__name__}: {error}"[:300]
                if not self.log.is_transient(error) or time.monotonic() + backoff > deadline:
                    raise Unavailable(f"the log ({self.log.name}) is unreachable: {self.log_error}") from error
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, APPEND_BACKOFF_MAX_S)
                continue
            self.log_error = ""
            return result

    # -- reads ----------------------------------------------------------------------

    async def snapshot(self, payload: bytes) -> bytes:
        """Activation state for an agent, after everything already queued is committed."""
        args = unpack(payload)
        return await self._answer(lambda: self._snapshot(args["agent_id"], args["recent_limit"], args["dedup_window"]))

    async def _snapshot(self, agent_id: str, recent_limit: int, dedup_window: int) -> dict[str, Any]:
        """The hot tier answers when it holds the agent up to the log's head; else the log."""
        await self._enqueue(None)
        snap = None
        hot = [sync for sync in self.syncs if isinstance(sync.tier, HotTier) and sync.ok]
        if hot:
            head = await self.log.head(agent_id)
            for sync in hot:
                try:
                    snap = await sync.tier.snapshot(agent_id, head, recent_limit, dedup_window)
                except Exception as error:  # noqa: BLE001 - the log is the fallback
                    log.warning("hot snapshot from %s failed: %s", sync.tier.name, error)
                if snap is not None:
                    self.hot_activations += 1
                    break
        if snap is None:
            snap = await self.log.snapshot(agent_id, recent_limit, dedup_window)
        return {
            "head": snap.head,
            "identity": snap.identity.to_wire() if snap.identity else None,
            "recent": [e.to_wire() for e in snap.recent],
            "recent_ids": snap.recent_ids,
        }

    async def exists(self, agent_id: str) -> bytes:
        return await self._answer(lambda: self._exists(agent_id))

    async def _exists(self, agent_id: str) -> bool:
        return bool(await self.log.read_after(agent_id, 0, 1))

    async def history(self, payload: bytes) -> bytes:
        args = unpack(payload)
        return await self._answer(lambda: self._history(args))

    async def _history(self, args: dict[str, Any]) -> list[dict[str, Any]]:
        events = await self.log.history(args["agent_id"], args.get("before_seq"), args["limit"], args.get("kinds"))
        return [e.public() for e in events]

    async def identity_history(self, agent_id: str) -> bytes:
        return await self._answer(lambda: self._identity_history(agent_id))

    async def _identity_history(self, agent_id: str) -> list[dict[str, Any]]:
        return [i.to_wire() for i in await self.log.identity_history(agent_id)]

    async def find(self, payload: bytes) -> bytes:
        return await self._answer(lambda: self._find(unpack(payload)))

    async def _find(self, args: dict[str, Any]) -> list[dict[str, Any]]:
        """Memories whose metadata matches, from the first document-capable tier."""
        sync = await self._capable(DocumentTier, "metadata queries", args["agent_id"], args.get("min_seq", 0))
        seqs = await sync.tier.find(args["agent_id"], args["metadata"], args.get("kinds"), args["limit"])
        events = {e.seq: e for e in await self.log.get(args["agent_id"], seqs)}
        return [events[seq].public() for seq in seqs if seq in events]

    async def neighbourhood(self, payload: bytes) -> bytes:
        return await self._answer(lambda: self._neighbourhood(unpack(payload)))

    async def _neighbourhood(self, args: dict[str, Any]) -> dict[str, Any]:
        sync = await self._capable(GraphTier, "graph queries", args["agent_id"], args.get("min_seq", 0))
        return await sync.tier.neighbourhood(args["agent_id"], args["hops"], args.get("entity"), args["limit"])

    async def _capable(self, capability: type, what: str, agent_id: str, min_seq: int) -> TierSync:
        """The first healthy tier that can answer `what`, once it holds `agent_id` up to `min_seq`."""
        for sync in self.syncs:
            if isinstance(sync.tier, capability):
                if not sync.ok:
                    raise Unavailable(f"tier {sync.tier.name} (for {what}) is down: {sync.last_error}")
                if min_seq and not await sync.wait_for(agent_id, min_seq, self.settings.recall_wait_s):
                    raise Unavailable(f"tier {sync.tier.name} is behind the log; retry or ask for eventual consistency")
                return sync
        raise InvalidInput(f"this deployment has no tier for {what}", "profile")

    async def recall(self, payload: bytes) -> bytes:
        return await self._answer(lambda: self._recall(unpack(payload)))

    async def _recall(self, args: dict[str, Any]) -> dict[str, Any]:
        """Fuse every tier's signals plus recency from the log; optionally read-your-writes."""
        query = Query(
            agent_id=args["agent_id"],
            text=args.get("query") or "",
            k=args["k"],
            vector=args.get("embedding"),
            kinds=args.get("kinds"),
            session_id=args.get("session_id"),
            candidates=max(self.settings.recall_candidates, args["k"]),
        )
        min_seq = args.get("min_seq") or 0
        ranked: dict[str, list[int]] = {}
        degraded: list[str] = []
        for sync in self.syncs:
            if not sync.ok:  # a down tier will not catch up within a request: do not wait
                degraded.append(sync.tier.name)
                continue
            if min_seq and not await sync.wait_for(query.agent_id, min_seq, self.settings.recall_wait_s):
                degraded.append(sync.tier.name)
            try:
                for signal, seqs in (await sync.tier.search(query)).items():
                    ranked[f"{sync.tier.name}.{signal}"] = seqs
            except Exception as error:  # noqa: BLE001 - recall degrades, never fails on one tier
                log.warning("recall on tier %s failed: %s", sync.tier.name, error)
                degraded.append(sync.tier.name)
        recent = await self.log.history(query.agent_id, None, query.candidates, query.kinds, query.session_id)
        ranked["log.recency"] = [e.seq for e in recent]
        fused = reciprocal_rank_fusion(ranked, query.k)
        by_seq = {e.seq: e for e in await self.log.get(query.agent_id, [f.seq for f in fused])}
        items = [
            {**by_seq[f.seq].public(), "score": f.score, "sources": f.sources} for f in fused if f.seq in by_seq
        ]
        return {"items": items, "degraded": sorted(set(degraded))}

    # -- operations -------------------------------------------------------------------

    def _sync(self, tier: str) -> TierSync:
        for sync in self.syncs:
            if sync.tier.name == tier:
                return sync
        raise InvalidInput(f"no tier {tier!r} here; tiers: {', '.join(s.tier.name for s in self.syncs)}", "tier")

    async def pause_tier(self, tier: str) -> bytes:
        """Rebuild step 1 (every writer): stop applying to `tier`."""
        return await self._answer(lambda: self._sync(tier).pause())

    async def drop_tier(self, tier: str) -> bytes:
        """Rebuild step 2 (one writer): empty the tier and forget its checkpoints."""

        async def drop() -> None:
            sync = self._sync(tier)
            await sync.tier.open()
            await sync.tier.drop()
            await self.log.reset_checkpoints(tier)

        return await self._answer(drop)

    async def resume_tier(self, tier: str, reset: bool) -> bytes:
        """Rebuild step 3 (every writer): replay this shard into the tier from the log."""

        async def resume() -> None:
            self._sync(tier).resume(reset)

        return await self._answer(resume)

    async def verify_tier(self, tier: str) -> bytes:
        """Per-agent memory counts of this shard: the tier's against the log's."""
        return await self._answer(lambda: self._verify(self._sync(tier)))

    async def _verify(self, sync: TierSync) -> dict[str, Any]:
        heads = {a: h for a, h in (await self.log.heads()).items() if self._owns(a)}
        mismatches, checked, held = [], 0, 0
        for agent_id in heads:
            expected = await self.log.count(agent_id, memories_only=True)
            if sync.tier.retention is not None:
                expected = min(expected, sync.tier.retention)
            actual = await sync.tier.count(agent_id)
            checked, held = checked + expected, held + actual
            if actual != expected:
                mismatches.append({"agent_id": agent_id, "log": expected, "tier": actual})
        return {"agents": len(heads), "expected": checked, "held": held, "mismatches": mismatches}

    async def stats(self) -> bytes:
        """Queue depth, batches, log health and per-tier lag for this writer's shard."""
        if self.restarted is None:
            self.restarted = await asyncio.to_thread(was_restarted)
        try:
            await self._ready()
            heads = {a: h for a, h in (await self.log.heads()).items() if self._owns(a)}
            log_ok = True
        except Exception as error:  # noqa: BLE001 - a down log is what stats must report
            heads, log_ok = {}, False
            self.log_error = str(error)[:300]
        tiers = {}
        for sync in self.syncs:
            lag = sum(max(0, head - sync.applied.get(agent, 0)) for agent, head in heads.items())
            tiers[sync.tier.name] = {
                "ok": sync.ok,
                "lag": lag,
                "error": sync.last_error,
                "queue_depth": sync.queue_depth,
                "applied_events": sync.applied_events,
            }
        return pack(
            {
                "index": self.index,
                "queue_depth": self._queued_events,
                "batches": self.batches,
                "committed_events": self.committed_events,
                "hot_activations": self.hot_activations,
                "agents": len(heads),
                "events": sum(heads.values()),
                "log": {"name": self.log.name, "ok": log_ok and not self.log_error, "error": self.log_error},
                "tiers": tiers,
                "restarted": self.restarted,
            }
        )


class WriterPool:
    """Handles to the BackendWriters, and the routing rule from agent to writer."""

    def __init__(self, handles: list[ray.actor.ActorHandle]) -> None:
        self.handles = handles

    def for_agent(self, agent_id: str) -> ray.actor.ActorHandle:
        return self.handles[shard_of(agent_id, len(self.handles))]

    @classmethod
    def start(cls, settings: dict[str, Any], namespace: str) -> WriterPool:
        """Get or create `writer:0..N-1`; embedded writers are pinned to the SQLite node."""
        from actors.handles import get_or_create

        size = settings["writer_pool_size"]
        options: dict[str, Any] = {"lifetime": "detached"}
        if settings["profile"] == "embedded" and settings.get("store_node_id"):
            options["scheduling_strategy"] = NodeAffinitySchedulingStrategy(settings["store_node_id"], soft=False)
        handles = [
            get_or_create(BackendWriter, WRITER_NAME.format(index=i), namespace, (i, size, settings), options)
            for i in range(size)
        ]
        return cls(handles)
