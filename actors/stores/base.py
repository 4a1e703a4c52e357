"""The store protocol: one durable log (system of record) and any number of derived tiers.

The log is what acknowledgement means: a write is acked only once `EventLog.append` has
committed it. Tiers are projections rebuilt from the log: each applies events
idempotently (keys derived from `(agent_id, seq)`), and its progress is a checkpoint per
agent kept in the log's database, so lag is `head - checkpoint` and catch-up is a replay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from actors.messages import AgentSnapshot, Flush, FlushResult
from actors.model import Event, Identity


@dataclass(slots=True)
class Query:
    """A recall request, already validated; `vector` is the query's embedding (computed
    once by the reader, None when there is nothing to embed)."""

    agent_id: str
    text: str
    k: int = 10
    vector: list[float] | None = None
    kinds: list[str] | None = None
    session_id: str | None = None
    candidates: int = 50


@dataclass(slots=True, frozen=True)
class Page:
    """Which memories a history read returns: the newest `limit` below `before_seq`, filtered."""

    limit: int
    before_seq: int | None = None
    kinds: list[str] | None = None
    session_id: str | None = None


class EventLog(Protocol):
    """The system of record: every agent's events in seq order, plus tier checkpoints."""

    name: str

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Raise if the log cannot be reached."""

    def is_transient(self, error: BaseException) -> bool:
        """True if retrying the same operation later may succeed."""

    async def append(self, flushes: list[Flush]) -> list[FlushResult]:
        """Commit every flush in one transaction; one result per flush, in order."""

    async def head(self, agent_id: str) -> int:
        """The agent's last seq (0 if it has none)."""

    async def snapshot(self, agent_id: str, recent_limit: int, dedup_window: int) -> AgentSnapshot: ...

    async def read_after(self, agent_id: str, after_seq: int, limit: int) -> list[Event]:
        """Events with seq > after_seq, ascending: the replay feed for tiers."""

    async def history(self, agent_id: str, page: Page) -> list[Event]:
        """Memory events (no identity versions), newest first."""

    async def get(self, agent_id: str, seqs: list[int]) -> list[Event]: ...

    async def identity_history(self, agent_id: str) -> list[Identity]:
        """Every identity version, oldest first."""

    async def heads(self) -> dict[str, int]:
        """The last seq of every agent."""

    async def checkpoints(self, tier: str) -> dict[str, int]: ...

    async def save_checkpoints(self, tier: str, checkpoints: dict[str, int]) -> None:
        """Raise checkpoints (never lowers one: applies are at-least-once)."""

    async def reset_checkpoints(self, tier: str) -> None: ...

    async def tier_model(self, tier: str) -> str | None:
        """The embedding model (`name/dim`) whose vectors `tier` holds, None if never recorded."""

    async def set_tier_model(self, tier: str, model: str) -> None: ...

    async def count(self, agent_id: str | None = None, memories_only: bool = False) -> int: ...


class Tier(Protocol):
    """A store derived from the log. Adding a backend means adding one module with this."""

    name: str
    retention: int | None
    """Memories kept per agent (None: all of them); rebuild verification expects
    `min(log count, retention)`."""
    needs_vectors: bool
    """True for vector tiers: their projection gives every memory event its `embedding`
    (the client's own, or one from the embedding service) before `apply`."""

    async def open(self) -> None:
        """Create clients, schema and indexes; idempotent, retried until it succeeds."""

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Raise if the tier cannot be reached."""

    async def apply(self, events: list[Event]) -> None:
        """Upsert events; applying the same events twice changes nothing. A vector tier's
        memory events carry normalised embeddings of the recorded model's dimension."""

    async def search(self, query: Query) -> dict[str, list[int]]:
        """Ranked seqs per signal (e.g. `vector`, `keyword`, `entity`) for RRF fusion."""

    async def drop(self) -> None:
        """Remove everything this tier holds (the log keeps the truth)."""

    async def count(self, agent_id: str | None = None) -> int:
        """Memory events held, for verification against the log."""


@runtime_checkable
class HotTier(Protocol):
    """A tier that can answer activation without touching the log's payloads."""

    async def snapshot(self, agent_id: str, head: int, recent_limit: int, dedup_window: int) -> AgentSnapshot | None:
        """The agent's state if this tier holds it up to `head` exactly, else None."""


@runtime_checkable
class GraphTier(Protocol):
    """A tier that answers "what lies within k hops" of an agent or an entity."""

    async def neighbourhood(self, agent_id: str, hops: int, entity: str | None, limit: int) -> dict[str, Any]:
        """`{"nodes": [...], "edges": [...]}` around the agent (or one of its entities),
        never reaching into another agent's memories."""


@runtime_checkable
class DocumentTier(Protocol):
    """A tier that answers agent-scoped queries on memory metadata."""

    async def find(self, agent_id: str, metadata: dict[str, Any], kinds: list[str] | None, limit: int) -> list[int]:
        """Seqs of the agent's memories whose metadata matches every `key: value`
        (dotted keys reach into nested objects), newest first."""
