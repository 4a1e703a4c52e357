"""In-process stand-ins for a log and a tier, for unit tests of the pure parts.

They implement the store protocol (`actors.stores.base`) in memory, applying the same
sequencing rule as the real logs (`actors.stores.sequencing`), and can be told to fail:
`fail_next` raises the given errors on the next calls, `gate` holds calls until opened.
Integration tests never use them: those run on real SQLite, PostgreSQL and servers.
"""

from __future__ import annotations

import asyncio
import copy
from collections import defaultdict
from typing import Any

from actors.messages import AgentSnapshot, Flush, FlushResult
from actors.model import IDENTITY, Event, Identity, identity_versions
from actors.stores.base import Page, Query
from actors.stores.sequencing import plan_checked


class Faults:
    """Errors to raise on the next calls, and a gate that holds calls while closed."""

    def __init__(self) -> None:
        self.fail_next: list[BaseException] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.calls = 0

    async def enter(self) -> None:
        self.calls += 1
        await self.gate.wait()
        if self.fail_next:
            raise self.fail_next.pop(0)


class MemoryLog:
    """EventLog in a dict: events per agent, checkpoints per tier."""

    name = "memory"

    def __init__(self) -> None:
        self.events: dict[str, list[Event]] = defaultdict(list)
        self.tier_checkpoints: dict[str, dict[str, int]] = defaultdict(dict)
        self.tier_models: dict[str, str] = {}
        self.faults = Faults()
        self.checkpoint_faults = Faults()
        """Apart from `faults`: checkpoint saves can be held or failed on their own."""
        self.appends: list[list[Flush]] = []

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        await self.faults.enter()

    def is_transient(self, error: BaseException) -> bool:
        return isinstance(error, ConnectionError)

    async def append(self, flushes: list[Flush]) -> list[FlushResult]:
        await self.faults.enter()
        self.appends.append(flushes)
        results = []
        for flush in flushes:
            stored = self.events[flush.agent_id]
            result, new = plan_checked(flush, len(stored), {e.event_id: e.seq for e in stored})
            stored += [copy.deepcopy(e) for e in new]
            results.append(result)
        return results

    async def head(self, agent_id: str) -> int:
        return len(self.events[agent_id])

    async def snapshot(self, agent_id: str, recent_limit: int, dedup_window: int) -> AgentSnapshot:
        events = self.events[agent_id]
        versions = await self.identity_history(agent_id)
        recent = [e for e in events if e.is_memory][-recent_limit:] if recent_limit else []
        ids = {e.event_id: e.seq for e in events[-dedup_window:]} if dedup_window else {}
        return AgentSnapshot(agent_id, len(events), versions[-1] if versions else None, recent, ids)

    async def read_after(self, agent_id: str, after_seq: int, limit: int) -> list[Event]:
        await self.faults.enter()
        return [e for e in self.events[agent_id] if e.seq > after_seq][:limit]

    async def history(self, agent_id: str, page: Page) -> list[Event]:
        picked = [
            e
            for e in reversed(self.events[agent_id])
            if e.is_memory
            and (page.before_seq is None or e.seq < page.before_seq)
            and (not page.kinds or e.kind in page.kinds)
            and (page.session_id is None or e.session_id == page.session_id)
        ]
        return picked[: page.limit]

    async def get(self, agent_id: str, seqs: list[int]) -> list[Event]:
        wanted = set(seqs)
        return [e for e in self.events[agent_id] if e.seq in wanted]

    async def identity_history(self, agent_id: str) -> list[Identity]:
        rows = [(e.data, e.created_at) for e in self.events[agent_id] if e.kind == IDENTITY]
        return identity_versions(rows)

    async def heads(self) -> dict[str, int]:
        return {agent: len(events) for agent, events in self.events.items() if events}

    async def checkpoints(self, tier: str) -> dict[str, int]:
        await self.faults.enter()
        return dict(self.tier_checkpoints[tier])

    async def save_checkpoints(self, tier: str, checkpoints: dict[str, int]) -> None:
        await self.checkpoint_faults.enter()
        saved = self.tier_checkpoints[tier]
        for agent, seq in checkpoints.items():
            saved[agent] = max(saved.get(agent, 0), seq)

    async def reset_checkpoints(self, tier: str) -> None:
        self.tier_checkpoints[tier] = {}

    async def tier_model(self, tier: str) -> str | None:
        return self.tier_models.get(tier)

    async def set_tier_model(self, tier: str, model: str) -> None:
        self.tier_models[tier] = model

    async def count(self, agent_id: str | None = None, memories_only: bool = False) -> int:
        events = self.events[agent_id] if agent_id else [e for es in self.events.values() for e in es]
        return sum(1 for e in events if e.is_memory or not memories_only)


class MemoryTier:
    """A tier that keeps `(agent_id, seq) -> content` and can fail or hang on demand."""

    retention = None
    needs_vectors = False

    def __init__(self, name: str = "fake") -> None:
        self.name = name
        self.rows: dict[tuple[str, int], str] = {}
        self.faults = Faults()
        self.applies: list[list[Event]] = []

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        await self.faults.enter()

    async def apply(self, events: list[Event]) -> None:
        await self.faults.enter()
        self.applies.append(list(events))
        for event in events:
            if event.is_memory:
                self.rows[(event.agent_id, event.seq)] = event.content

    async def search(self, query: Query) -> dict[str, list[int]]:
        hits = [seq for (agent, seq), text in self.rows.items() if agent == query.agent_id and query.text in text]
        return {"keyword": sorted(hits, reverse=True)}

    async def drop(self) -> None:
        self.rows.clear()

    async def count(self, agent_id: str | None = None) -> int:
        return sum(1 for agent, _ in self.rows if agent_id is None or agent == agent_id)


class MemoryVectorTier(MemoryTier):
    """A vector tier: keeps the vector each memory arrived with."""

    needs_vectors = True

    def __init__(self, name: str = "vectors") -> None:
        super().__init__(name)
        self.vectors: dict[tuple[str, int], list[float] | None] = {}

    async def apply(self, events: list[Event]) -> None:
        await super().apply(events)
        self.vectors.update({(e.agent_id, e.seq): e.embedding for e in events if e.is_memory})


def memory(agent_id: str, content: str, event_id: str | None = None, **fields: Any) -> Event:
    """A memory event as an agent submits it (seq 0: the log assigns it)."""
    return Event(agent_id, 0, event_id or f"{agent_id}:{content}", "fact", content, created_at=1.0, **fields)
