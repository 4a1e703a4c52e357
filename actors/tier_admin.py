"""Tier administration on one writer: the steps of a rebuild, and verification against the log.

A rebuild is driven by the Directory across the whole pool: every writer pauses its
projection of the tier, one writer drops the tier's contents and checkpoints, and every
writer resumes with a reset, replaying its own shard from the log.
"""

from __future__ import annotations

from actors.errors import InvalidInput
from actors.messages import CountMismatch, TierCounts
from actors.projection import TierProjection
from actors.shard import ShardHeads
from actors.stores.base import EventLog


class TierAdmin:
    """Pause, drop, resume and verify the tiers of one writer's shard."""

    def __init__(self, log: EventLog, projections: list[TierProjection], heads: ShardHeads) -> None:
        self.log = log
        self.projections = {p.name: p for p in projections}
        self.heads = heads

    def projection(self, tier: str) -> TierProjection:
        if tier not in self.projections:
            raise InvalidInput(f"no tier {tier!r} here; tiers: {', '.join(self.projections)}", "tier")
        return self.projections[tier]

    async def pause(self, tier: str) -> None:
        """Rebuild step 1 (every writer): stop applying to `tier`."""
        await self.projection(tier).pause()

    async def drop(self, tier: str) -> None:
        """Rebuild step 2 (one writer): empty the tier and forget its checkpoints."""
        projection = self.projection(tier)
        await projection.tier.open()
        await projection.tier.drop()
        await self.log.reset_checkpoints(tier)
        check = await projection.checked_model() if projection.tier.needs_vectors else None
        if check is not None:  # emptied: from now on it holds the running model's vectors
            await self.log.set_tier_model(tier, check.expected)

    def resume(self, tier: str, reset: bool) -> None:
        """Rebuild step 3 (every writer): replay this shard into the tier from the log."""
        self.projection(tier).resume(reset)

    async def verify(self, tier: str) -> TierCounts:
        """Per-agent memory counts of this shard: the tier's against the log's."""
        projection = self.projection(tier)
        await projection.tier.open()  # a writer that just restarted may not have opened it yet
        mismatches, expected_total, held_total = [], 0, 0
        heads = self.heads.snapshot()
        for agent_id in heads:
            expected = await self.log.count(agent_id, memories_only=True)
            if projection.tier.retention is not None:
                expected = min(expected, projection.tier.retention)
            held = await projection.tier.count(agent_id)
            expected_total, held_total = expected_total + expected, held_total + held
            if held != expected:
                mismatches.append(CountMismatch(agent_id, expected, held))
        return TierCounts(tier, len(heads), expected_total, held_total, mismatches)
