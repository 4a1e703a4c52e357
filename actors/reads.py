"""Reads a writer serves for the agents of its shard, without their agent actors.

History and identity versions come from the log; recall, metadata queries and graph
walks come from the tiers. The writer knows each agent's head (see `actors.shard`), so
it can answer "does this agent exist" and "strong" consistency (wait until a tier holds
everything acknowledged) by itself: a read never starts an agent's worker process.
Recall embeds the query once (through the embedding service) and hands the vector to every tier, then fuses the ranked
lists of every signal (see `actors.recall`).
"""

from __future__ import annotations

import logging

import numpy as np

from actors.batcher import CommitBatcher
from actors.embedding_service import EmbeddingPool
from actors.errors import AgentNotFound, InvalidInput, Unavailable
from actors.messages import (
    AgentSnapshot,
    Consistency,
    FindRequest,
    Graph,
    GraphRequest,
    HistoryRequest,
    IdentityVersions,
    MemoryPage,
    RecallHit,
    RecallReply,
    RecallRequest,
    SnapshotRequest,
)
from actors.projection import TierProjection
from actors.recall import reciprocal_rank_fusion
from actors.settings import Settings
from actors.shard import ShardHeads
from actors.stores.base import DocumentTier, EventLog, GraphTier, HotTier, Page, Query
from actors.vectors import normalise

log = logging.getLogger(__name__)


class ReadService:
    """Activation snapshots, log reads and tier queries for one writer's shard."""

    def __init__(
        self,
        log_store: EventLog,
        projections: list[TierProjection],
        heads: ShardHeads,
        batcher: CommitBatcher,
        embedding: EmbeddingPool,
        settings: Settings,
    ) -> None:
        self.log = log_store
        self.projections = projections
        self.heads = heads
        self.batcher = batcher
        self.embedding = embedding
        self.candidates = settings.recall_candidates
        self.weights = settings.recall_weights
        self.wait_s = settings.recall_wait_s
        self.hot_activations = 0

    def head(self, agent_id: str) -> int:
        """The agent's last seq; AgentNotFound if it has none (it was never created)."""
        head = self.heads.of(agent_id)
        if head == 0:
            raise AgentNotFound(f"agent {agent_id!r} does not exist")
        return head

    def _min_seq(self, agent_id: str, consistency: Consistency) -> int:
        head = self.head(agent_id)
        return head if consistency == "strong" else 0

    # -- activation ---------------------------------------------------------------------

    async def snapshot(self, request: SnapshotRequest) -> AgentSnapshot:
        """Activation state, after everything already queued is committed: the hot tier
        answers when it holds the agent up to its head, else the log."""
        await self.batcher.barrier()
        head = self.heads.of(request.agent_id)
        for projection in self.projections:
            if not (isinstance(projection.tier, HotTier) and projection.ok and head):
                continue
            try:
                hot = await projection.tier.snapshot(request.agent_id, head, request.recent_limit, request.dedup_window)
            except Exception as error:  # noqa: BLE001 - the log is the fallback
                log.warning("hot snapshot from %s failed: %s", projection.name, error)
                continue
            if hot is not None:
                self.hot_activations += 1
                return hot
        return await self.log.snapshot(request.agent_id, request.recent_limit, request.dedup_window)

    # -- the log ------------------------------------------------------------------------

    async def history(self, request: HistoryRequest) -> MemoryPage:
        self.head(request.agent_id)
        events = await self.log.history(request.agent_id, Page(request.limit, request.before_seq))
        return MemoryPage([e.view() for e in events])

    async def identity_history(self, agent_id: str) -> IdentityVersions:
        self.head(agent_id)
        return IdentityVersions(await self.log.identity_history(agent_id))

    # -- the tiers ----------------------------------------------------------------------

    async def find(self, request: FindRequest) -> MemoryPage:
        """Memories whose metadata matches, from the first document-capable tier."""
        projection = await self._capable(DocumentTier, "metadata queries", request.agent_id, request.consistency)
        seqs = await projection.tier.find(request.agent_id, request.metadata, request.kinds, request.limit)
        events = {e.seq: e for e in await self.log.get(request.agent_id, seqs)}
        return MemoryPage([events[seq].view() for seq in seqs if seq in events])

    async def neighbourhood(self, request: GraphRequest) -> Graph:
        projection = await self._capable(GraphTier, "graph queries", request.agent_id, request.consistency)
        graph = await projection.tier.neighbourhood(request.agent_id, request.hops, request.entity, request.limit)
        return Graph(graph["nodes"], graph["edges"])

    async def _capable(self, capability: type, what: str, agent_id: str, consistency: Consistency) -> TierProjection:
        """The first healthy tier that can answer `what`, once it holds what `consistency` asks."""
        min_seq = self._min_seq(agent_id, consistency)
        for projection in self.projections:
            if isinstance(projection.tier, capability):
                if not projection.ok:
                    raise Unavailable(f"tier {projection.name} (for {what}) is down: {projection.last_error}")
                if min_seq and not await projection.wait_for(agent_id, min_seq, self.wait_s):
                    raise Unavailable(f"tier {projection.name} is behind the log; retry or ask for eventual consistency")
                return projection
        raise InvalidInput(f"this deployment has no tier for {what}", "profile")

    async def recall(self, request: RecallRequest) -> RecallReply:
        """Fuse every tier's signals plus recency from the log; strong waits for the agent's head."""
        min_seq = self._min_seq(request.agent_id, request.consistency)
        query = Query(
            agent_id=request.agent_id,
            text=request.query,
            k=request.k,
            vector=await self._probe(request),
            kinds=request.kinds,
            session_id=request.session_id,
            candidates=max(self.candidates, request.k),
        )
        ranked: dict[str, list[int]] = {}
        degraded: list[str] = []
        for projection in self.projections:
            if not projection.ok:  # a down tier will not catch up within a request: do not wait
                degraded.append(projection.name)
                continue
            if min_seq and not await projection.wait_for(query.agent_id, min_seq, self.wait_s):
                degraded.append(projection.name)
            try:
                for signal, seqs in (await projection.tier.search(query)).items():
                    ranked[f"{projection.name}.{signal}"] = seqs
            except Exception as error:  # noqa: BLE001 - recall degrades, never fails on one tier
                log.warning("recall on tier %s failed: %s", projection.name, error)
                degraded.append(projection.name)
        recent = await self.log.history(query.agent_id, Page(query.candidates, None, query.kinds, query.session_id))
        ranked["log.recency"] = [e.seq for e in recent]
        fused = reciprocal_rank_fusion(ranked, query.k, self.weights)
        by_seq = {e.seq: e for e in await self.log.get(query.agent_id, [f.seq for f in fused])}
        hits = [RecallHit(by_seq[f.seq].view(), f.score, f.sources) for f in fused if f.seq in by_seq]
        return RecallReply(hits, sorted(set(degraded)))

    async def _probe(self, request: RecallRequest) -> list[float] | None:
        """The query's vector, computed once for every tier: the client's own, or embedded."""
        if request.embedding is not None:
            vector = normalise(np.asarray([request.embedding], dtype=np.float32))[0]
        elif request.query:
            vector = (await self.embedding.embed([request.query]))[0]
        else:
            return None
        return vector.tolist() if vector.any() else None
