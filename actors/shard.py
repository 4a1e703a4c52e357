"""Sharding: which writer owns an agent, and the log head of every agent it owns.

One agent's events always go through one writer (`crc32(agent_id) % pool size`), so a
writer knows its agents' heads exactly: it reads them from the log once when it opens
and then advances them with every commit it makes. Reads that need an agent's head
(existence, read-your-writes) and stats ask this map, never the log.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actors.stores.base import EventLog

WRITER_NAME = "writer:{index}"


def shard_of(agent_id: str, pool_size: int) -> int:
    """Stable across processes (unlike `hash`), so every caller routes an agent alike."""
    return zlib.crc32(agent_id.encode()) % pool_size


class ShardHeads:
    """`agent_id -> head` for the agents of one shard."""

    def __init__(self, index: int, pool_size: int) -> None:
        self.index = index
        self.pool_size = pool_size
        self._heads: dict[str, int] = {}

    def owns(self, agent_id: str) -> bool:
        return shard_of(agent_id, self.pool_size) == self.index

    async def load(self, log: EventLog) -> None:
        """Once per writer start: every head of this shard, from the log."""
        self._heads = {agent: head for agent, head in (await log.heads()).items() if self.owns(agent)}

    def of(self, agent_id: str) -> int:
        """The agent's last committed seq; 0 if it has no events (it does not exist)."""
        return self._heads.get(agent_id, 0)

    def advance(self, agent_id: str, head: int) -> None:
        if head > self._heads.get(agent_id, 0):
            self._heads[agent_id] = head

    def snapshot(self) -> dict[str, int]:
        return dict(self._heads)

    @property
    def agents(self) -> int:
        return len(self._heads)

    @property
    def events(self) -> int:
        return sum(self._heads.values())
