"""The Directory: one named actor per deployment that knows its settings and writers.

The first client to connect creates it with its settings; everyone after (Serve
replicas, Ray jobs, scripts, the CLI) reads the same settings and writer handles from
it, so the whole deployment agrees. It also keeps the set of active agents, which
agents report on activation and passivation, and aggregates stats and health.
"""

from __future__ import annotations

import asyncio
from typing import Any

import ray
from ray.actor import ActorHandle

from actors.codec import err, ok, pack, unpack, unwrap
from actors.errors import NovamemError
from actors.writers import WriterPool

DIRECTORY_NAME = "directory"


@ray.remote(num_cpus=0, max_restarts=-1)
class Directory:
    """Settings, writer pool and active-agent registry of one deployment."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.pool = WriterPool.start(settings, settings["namespace"])
        self.active: set[str] = set()
        self.activations = 0
        self.passivations = 0

    def describe(self) -> tuple[bytes, list[ActorHandle]]:
        """Settings (msgpack) and the writer handles (Ray handles cannot travel as msgpack)."""
        return pack(self.settings), self.pool.handles

    def agent_activated(self, agent_id: str) -> None:
        self.active.add(agent_id)
        self.activations += 1

    def agent_passivated(self, agent_id: str) -> None:
        self.active.discard(agent_id)
        self.passivations += 1

    def active_agents(self) -> list[str]:
        return sorted(self.active)

    async def stats(self) -> bytes:
        """Active agents, log head, writer queue depth and per-tier lag, across the pool."""
        writers = [unpack(r) for r in await asyncio.gather(*(w.stats.remote() for w in self.pool.handles))]
        tiers: dict[str, dict[str, Any]] = {}
        for writer in writers:
            for name, tier in writer["tiers"].items():
                total = tiers.setdefault(name, {"ok": True, "lag": 0, "errors": []})
                total["ok"] = total["ok"] and tier["ok"]
                total["lag"] += tier["lag"]
                if tier["error"]:
                    total["errors"].append(tier["error"])
        return pack(
            {
                "profile": self.settings["profile"],
                "namespace": self.settings["namespace"],
                "active_agents": len(self.active),
                "activations": self.activations,
                "passivations": self.passivations,
                "agents": sum(w["agents"] for w in writers),
                "log_head": sum(w["events"] for w in writers),
                "log": {
                    "name": writers[0]["log"]["name"],
                    "ok": all(w["log"]["ok"] for w in writers),
                    "errors": [w["log"]["error"] for w in writers if w["log"]["error"]],
                },
                "writer_queue_depth": sum(w["queue_depth"] for w in writers),
                "writers": [
                    {k: w[k] for k in ("index", "queue_depth", "batches", "committed_events", "restarted")}
                    for w in writers
                ],
                "tiers": tiers,
            }
        )

    async def rebuild(self, tier: str) -> bytes:
        """Drop `tier` and replay it from the log: pause every writer's sync, drop once,
        then resume all with a reset so each replays its shard from checkpoint zero."""
        writers = self.pool.handles
        try:
            for reply in await asyncio.gather(*(w.pause_tier.remote(tier) for w in writers)):
                unwrap(reply)
            try:
                unwrap(await writers[0].drop_tier.remote(tier))
            finally:
                for reply in await asyncio.gather(*(w.resume_tier.remote(tier, True) for w in writers)):
                    unwrap(reply)
        except NovamemError as error:
            return err(error)
        return ok({"tier": tier, "writers": len(writers)})

    async def verify(self, tier: str) -> bytes:
        """Tier counts against log counts, per agent, across every shard."""
        try:
            parts = [unwrap(r) for r in await asyncio.gather(*(w.verify_tier.remote(tier) for w in self.pool.handles))]
        except NovamemError as error:
            return err(error)
        return ok(
            {
                "tier": tier,
                "agents": sum(p["agents"] for p in parts),
                "expected": sum(p["expected"] for p in parts),
                "held": sum(p["held"] for p in parts),
                "mismatches": [m for p in parts for m in p["mismatches"]],
            }
        )
