"""The Directory: one named actor per deployment that knows its settings and writers.

The first client to connect creates it with its settings; everyone after (Serve
replicas, Ray jobs, scripts, the CLI) reads the same settings from it and finds the
writers by name, so the whole deployment agrees. It also keeps the set of active agents,
which agents report on activation and passivation, and aggregates stats and health.
"""

from __future__ import annotations

import asyncio

import ray
from ray.actor import ActorProxy
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from actors.embedding_service import start_embedders
from actors.handles import get_or_create
from actors.messages import (
    ActiveAgents,
    AgentRef,
    DeploymentInfo,
    DeploymentStats,
    LogTotals,
    RebuildStarted,
    ResumeTier,
    TierCounts,
    TierRef,
    TierTotals,
    answers,
    unwrap,
)
from actors.settings import Settings
from actors.shard import WRITER_NAME
from actors.writer import BackendWriter, BackendWriterActor

DIRECTORY_NAME = "directory"


def start_writers(settings: Settings) -> list[ActorProxy[BackendWriter]]:
    """Get or create `writer:0..N-1`; embedded writers are pinned to the SQLite node."""
    size = settings.writer_pool_size
    options: dict = {"lifetime": "detached"}
    if settings.profile == "embedded" and settings.store_node_id:
        options["scheduling_strategy"] = NodeAffinitySchedulingStrategy(settings.store_node_id, soft=False)
    return [
        get_or_create(BackendWriterActor, WRITER_NAME.format(index=i), settings.namespace, (i, size, settings), options)
        for i in range(size)
    ]


class Directory:
    """Settings, writer pool and active-agent registry of one deployment."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.embedders = start_embedders(settings)
        self.writers = start_writers(settings)
        self.active: set[str] = set()
        self.activations = 0
        self.passivations = 0

    @ray.method
    async def describe(self) -> DeploymentInfo:
        """Settings, writer names and the model (waits until a replica has loaded it)."""
        embedder = await self.embedders[0].describe.remote()
        return DeploymentInfo(self.settings, [WRITER_NAME.format(index=i) for i in range(len(self.writers))], embedder)

    @ray.method
    def agent_activated(self, ref: AgentRef) -> None:
        self.active.add(ref.agent_id)
        self.activations += 1

    @ray.method
    def agent_passivated(self, ref: AgentRef) -> None:
        self.active.discard(ref.agent_id)
        self.passivations += 1

    @ray.method
    def active_agents(self) -> ActiveAgents:
        return ActiveAgents(sorted(self.active))

    @ray.method
    async def stats(self) -> DeploymentStats:
        """Active agents, log head, writer queue depth and per-tier lag, across the pool."""
        embedder, *writers = await asyncio.gather(
            self.embedders[0].describe.remote(), *(w.stats.remote() for w in self.writers)
        )
        tiers: dict[str, TierTotals] = {}
        for writer in writers:
            for name, tier in writer.tiers.items():
                total = tiers.setdefault(name, TierTotals(ok=True, lag=0, errors=[]))
                total.ok = total.ok and tier.ok
                total.lag += tier.lag
                if tier.error:
                    total.errors.append(tier.error)
        return DeploymentStats(
            profile=self.settings.profile,
            namespace=self.settings.namespace,
            active_agents=len(self.active),
            activations=self.activations,
            passivations=self.passivations,
            agents=sum(w.agents for w in writers),
            log_head=sum(w.events for w in writers),
            log=LogTotals(
                name=writers[0].log.name,
                ok=all(w.log.ok for w in writers),
                errors=[w.log.error for w in writers if w.log.error],
            ),
            writer_queue_depth=sum(w.queue_depth for w in writers),
            writers=list(writers),
            tiers=tiers,
            embedder=embedder,
        )

    @ray.method
    @answers
    async def rebuild(self, ref: TierRef) -> RebuildStarted:
        """Drop a tier and replay it from the log: pause every writer's projection, drop
        once, then resume all with a reset so each replays its shard from checkpoint zero."""
        for reply in await asyncio.gather(*(w.pause_tier.remote(ref) for w in self.writers)):
            unwrap(reply)
        try:
            unwrap(await self.writers[0].drop_tier.remote(ref))
        finally:
            resume = ResumeTier(ref.tier, reset=True)
            for reply in await asyncio.gather(*(w.resume_tier.remote(resume) for w in self.writers)):
                unwrap(reply)
        return RebuildStarted(ref.tier, len(self.writers))

    @ray.method
    @answers
    async def verify(self, ref: TierRef) -> TierCounts:
        """Tier counts against log counts, per agent, across every shard."""
        parts = [unwrap(r) for r in await asyncio.gather(*(w.verify_tier.remote(ref) for w in self.writers))]
        return TierCounts(
            tier=ref.tier,
            agents=sum(p.agents for p in parts),
            expected=sum(p.expected for p in parts),
            held=sum(p.held for p in parts),
            mismatches=[m for p in parts for m in p.mismatches],
        )


DirectoryActor = ray.remote(num_cpus=0, max_restarts=-1)(Directory)
"""The Ray actor class; handles are typed `ActorProxy[Directory]`."""
