"""The Python API for Ray jobs and scripts: `Runtime.connect()` then `rt.agent("ada")`.

Connecting joins (or starts) Ray, then gets or creates the deployment's Directory, which
owns the settings and the writer pool. Every process that connects to the same Ray
namespace shares that one deployment.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import ray

from actors.agent import AGENT_NAME
from actors.client import AgentClient, Deployment
from actors.codec import unpack, unwrap
from actors.directory import DIRECTORY_NAME, Directory
from actors.handles import get_or_create, lookup
from actors.writers import WriterPool
from cluster.config import Settings, load_settings
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
        **overrides: Any,
    ) -> Runtime:
        """Connect to the deployment in `settings.namespace`, creating it if it does not exist.

        `address` is a Ray address ("auto" joins the running cluster; None joins the one
        this process is already in, or starts a local one). The first process to connect
        fixes the deployment's settings; later ones use those and log any difference.
        """
        settings = settings or load_settings(config, **overrides)
        ensure_ray(address, settings, quiet)
        if settings.profile == "embedded" and not settings.store_node_id:
            settings = settings.model_copy(update={"store_node_id": ray.get_runtime_context().get_node_id()})
        directory = get_or_create(
            Directory, DIRECTORY_NAME, settings.namespace, (settings.to_wire(),), {"lifetime": "detached"}
        )
        packed, writers = ray.get(directory.describe.remote())
        running = unpack(packed)
        differing = sorted(k for k, v in settings.to_wire().items() if k != "store_node_id" and running.get(k) != v)
        if differing:
            log.warning("deployment %s runs with its own settings for: %s", settings.namespace, ", ".join(differing))
        return cls(Deployment(running, WriterPool(writers), directory))

    @property
    def settings(self) -> dict[str, Any]:
        return self.deployment.settings

    def agent(self, agent_id: str) -> AgentClient:
        """A client for one agent; raises InvalidInput for a malformed id."""
        return AgentClient(agent_id, self.deployment)

    async def stats(self) -> dict[str, Any]:
        """Active agents, log head, writer queue depth, per-tier lag."""
        return unpack(await self.deployment.directory.stats.remote())

    async def rebuild(self, tier: str) -> dict[str, Any]:
        """Drop `tier` and start replaying it from the log (watch `stats()` lag reach 0)."""
        return unwrap(await self.deployment.directory.rebuild.remote(tier))

    async def verify(self, tier: str) -> dict[str, Any]:
        """Per-agent memory counts of `tier` against the log; `mismatches` lists differences."""
        return unwrap(await self.deployment.directory.verify.remote(tier))

    async def active_agents(self) -> list[str]:
        return await self.deployment.directory.active_agents.remote()

    def teardown(self) -> None:
        """Kill every actor of this deployment (data stays in the log)."""
        namespace = self.deployment.namespace
        for agent_id in ray.get(self.deployment.directory.active_agents.remote()):
            handle = lookup(AGENT_NAME.format(agent_id=agent_id), namespace)
            if handle is not None:
                ray.kill(handle, no_restart=True)
        for handle in self.deployment.pool.handles:
            ray.kill(handle, no_restart=True)
        ray.kill(self.deployment.directory, no_restart=True)
