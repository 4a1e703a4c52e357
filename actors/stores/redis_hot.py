"""Tier `redis`: the hot cache that makes agent activation fast.

Per agent: an identity hash, a sorted set of the most recent memories (score = seq, so
re-applying an event replaces it instead of duplicating it), a sorted set of recent
event ids for retry deduplication, and the last applied seq. Everything for a batch goes
in one pipeline. Activation reads it all in one round trip and uses it only when the
applied seq equals the log's head; otherwise the log answers.
"""

from __future__ import annotations

from collections import defaultdict

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from actors.codec import pack, unpack
from actors.messages import AgentSnapshot
from actors.model import IDENTITY, Event, Identity
from actors.stores.base import Query


class RedisHotTier:
    """Identity and the newest `retention` memories per agent, for the activation fast path."""

    name = "redis"
    needs_vectors = False

    def __init__(self, url: str, namespace: str, retention: int, dedup_window: int, timeout_s: float = 5.0) -> None:
        self.url = url
        self.prefix = f"nm:{namespace}"
        self.retention = retention
        self.dedup_window = dedup_window
        self.timeout_s = timeout_s
        self._client: aioredis.Redis | None = None

    def _key(self, agent_id: str, part: str) -> str:
        return f"{self.prefix}:{{{agent_id}}}:{part}"

    @property
    def client(self) -> aioredis.Redis:
        if self._client is None:
            raise RedisError("the redis tier is not open")
        return self._client

    async def open(self) -> None:
        if self._client is None:
            self._client = aioredis.from_url(
                self.url, socket_timeout=self.timeout_s, socket_connect_timeout=self.timeout_s
            )

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def ping(self) -> None:
        await self.client.ping()

    async def apply(self, events: list[Event]) -> None:
        if not events:
            return
        pipe = self.client.pipeline(transaction=False)
        last_seq: dict[str, int] = defaultdict(int)
        for event in events:
            recent, ids = self._key(event.agent_id, "recent"), self._key(event.agent_id, "ids")
            pipe.zremrangebyscore(ids, event.seq, event.seq)
            pipe.zadd(ids, {event.event_id: event.seq})
            if event.kind == IDENTITY:
                identity = self._key(event.agent_id, "identity")
                pipe.hset(identity, mapping={"doc": pack(event.data), "updated_at": event.created_at})
                pipe.hsetnx(identity, "created_at", event.created_at)
            else:
                pipe.zremrangebyscore(recent, event.seq, event.seq)
                pipe.zadd(recent, {pack(event.to_wire()): event.seq})
            last_seq[event.agent_id] = max(last_seq[event.agent_id], event.seq)
        for agent_id, seq in last_seq.items():
            pipe.zremrangebyrank(self._key(agent_id, "recent"), 0, -(self.retention + 1))
            pipe.zremrangebyrank(self._key(agent_id, "ids"), 0, -(self.dedup_window + 1))
            pipe.set(self._key(agent_id, "seq"), seq)
        await pipe.execute()

    async def snapshot(self, agent_id: str, head: int, recent_limit: int, dedup_window: int) -> AgentSnapshot | None:
        """The agent's state from Redis in one round trip, if Redis holds it up to `head`."""
        if head == 0 or recent_limit > self.retention or dedup_window > self.dedup_window:
            return None
        pipe = self.client.pipeline(transaction=False)
        pipe.get(self._key(agent_id, "seq"))
        pipe.hgetall(self._key(agent_id, "identity"))
        pipe.zrange(self._key(agent_id, "recent"), -recent_limit, -1)
        pipe.zrange(self._key(agent_id, "ids"), -dedup_window, -1, withscores=True)
        seq, identity_hash, recent, ids = await pipe.execute()
        if seq is None or int(seq) != head or not identity_hash:
            return None
        identity = Identity.at(
            unpack(identity_hash[b"doc"]), float(identity_hash[b"created_at"]), float(identity_hash[b"updated_at"])
        )
        return AgentSnapshot(
            agent_id=agent_id,
            head=head,
            identity=identity,
            recent=[Event.from_wire(unpack(r)) for r in recent],
            recent_ids={event_id.decode(): int(score) for event_id, score in ids},
        )

    async def search(self, query: Query) -> dict[str, list[int]]:
        """Redis adds no ranking signal: recency already comes from the log."""
        return {}

    async def drop(self) -> None:
        batch: list[bytes] = []
        async for key in self.client.scan_iter(match=f"{self.prefix}:*", count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                await self.client.unlink(*batch)
                batch = []
        if batch:
            await self.client.unlink(*batch)

    async def count(self, agent_id: str | None = None) -> int:
        if agent_id is not None:
            return await self.client.zcard(self._key(agent_id, "recent"))
        total = 0
        async for key in self.client.scan_iter(match=f"{self.prefix}:*:recent", count=1000):
            total += await self.client.zcard(key)
        return total
