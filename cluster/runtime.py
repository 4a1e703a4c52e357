"""The Python API for Ray jobs and scripts: `Runtime.connect()` then `rt.agent("ada")`.

Connecting joins (or starts) Ray, then gets or creates the deployment's Directory, which
owns the settings and starts the writer pool. Every process that connects to the same
Ray namespace shares that one deployment.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

import ray

from actors.agent import AGENT_NAME
from actors.client import AgentClient
from actors.deployment import Deployment
from actors.directory import DIRECTORY_NAME, DirectoryActor
from actors.embedding_service import EMBEDDER_NAME
from actors.errors import EmbeddingModelMismatch
from actors.handles import get_or_create, lookup
from actors.messages import DeploymentInfo, TierRef, unwrap
from actors.settings import Settings
from cluster.config import load_settings
from cluster.local_ray import find_cluster, join

log = logging.getLogger(__name__)


def ensure_ray(address: str | None, settings: Settings, quiet: bool = False) -> None:
    """Join Ray: `address`, else $RAY_ADDRESS or the cluster `ray start` left on this
    machine, else start a local one that declares `agent_slot` capacity. `quiet` keeps
    the actors' logs out of this process's output (they stay in Ray's log files)."""
    if ray.is_initialized():
        return
    found = find_cluster(address)
    if found is None:
        # Only a process that starts Ray may declare resources.
        ray.init(
            address="local",
            namespace=settings.namespace,
            resources={"agent_slot": settings.agent_slots},
            include_dashboard=False,
            logging_level=logging.WARNING,
            log_to_driver=not quiet,
        )
    else:
        join(address, settings.namespace, quiet)


class Runtime:
    """A connection to one novamem deployment."""

    def __init__(self, deployment: Deployment) -> None:
        self.deployment = deployment

    @classmethod
    def connect(
        cls,
        address: str | None = None,
        settings: Settings | None = None,
        config: str | Path | None = None,
        quiet: bool = False,
        check_models: bool = True,
        **overrides: Any,
    ) -> Runtime:
        """Connect to the deployment in `settings.namespace`, creating it if it does not exist.

        `address` is a Ray address ("auto" joins the running cluster; None joins the one
        this process is already in, or starts a local one). The first process to connect
        fixes the deployment's settings; later ones use those and log any difference.
        Raises EmbeddingModelMismatch when a vector tier holds another model's vectors
        (`check_models=False` is for the commands that fix or inspect that: reindex, status).
        """
        settings = settings or load_settings(config, **overrides)
        ensure_ray(address, settings, quiet)
        if settings.profile == "embedded" and not settings.store_node_id:
            settings = settings.model_copy(update={"store_node_id": ray.get_runtime_context().get_node_id()})
        directory = get_or_create(DirectoryActor, DIRECTORY_NAME, settings.namespace, (settings,), {"lifetime": "detached"})
        info: DeploymentInfo = ray.get(directory.describe.remote())
        differing = settings.differences(info.settings)
        if differing:
            log.warning("deployment %s runs with its own settings for: %s", settings.namespace, ", ".join(differing))
        writers = [ray.get_actor(name, namespace=settings.namespace) for name in info.writer_names]
        runtime = cls(Deployment(info.settings, writers, directory, info.embedder.dim))
        if check_models:
            runtime.check_models()
        return runtime

    def check_models(self) -> None:
        """Refuse a deployment whose vector tiers hold vectors of another model."""
        problems = unwrap(ray.get(self.deployment.writers[0].check_models.remote())).problems()
        if problems:
            raise EmbeddingModelMismatch("; ".join(f"tier {tier}: {problem}" for tier, problem in problems.items()))

    def vector_tiers(self) -> list[str]:
        """The tiers that hold vectors (what `reindex` rebuilds)."""
        return sorted(unwrap(ray.get(self.deployment.writers[0].check_models.remote())).tiers)

    @property
    def settings(self) -> Settings:
        return self.deployment.settings

    def agent(self, agent_id: str) -> AgentClient:
        """A client for one agent; raises InvalidInput for a malformed id."""
        return AgentClient(agent_id, self.deployment)

    async def stats(self) -> dict[str, Any]:
        """Active agents, log head, writer queue depth, per-tier lag."""
        return asdict(await self.deployment.directory.stats.remote())

    async def rebuild(self, tier: str) -> dict[str, Any]:
        """Drop `tier` and start replaying it from the log (watch `stats()` lag reach 0)."""
        return asdict(unwrap(await self.deployment.directory.rebuild.remote(TierRef(tier))))

    async def verify(self, tier: str) -> dict[str, Any]:
        """Per-agent memory counts of `tier` against the log; `mismatches` lists differences."""
        return asdict(unwrap(await self.deployment.directory.verify.remote(TierRef(tier))))

    async def active_agents(self) -> list[str]:
        return (await self.deployment.directory.active_agents.remote()).agent_ids

    def teardown(self) -> None:
        """Kill every actor of this deployment (data stays in the log)."""
        namespace = self.deployment.namespace
        for agent_id in ray.get(self.deployment.directory.active_agents.remote()).agent_ids:
            handle = lookup(AGENT_NAME.format(agent_id=agent_id), namespace)
            if handle is not None:
                ray.kill(handle, no_restart=True)
        for handle in self.deployment.writers:
            ray.kill(handle, no_restart=True)
        for index in range(self.settings.embedder_replicas):
            handle = lookup(EMBEDDER_NAME.format(index=index), namespace)
            if handle is not None:
                ray.kill(handle, no_restart=True)
        ray.kill(self.deployment.directory, no_restart=True)
