"""Store implementations under contract test, each built fresh per test.

Every entry builds `(log, tiers)` the way writers do; polyglot stores join this list.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from actors.embedders.hashing import HashingEmbedder
from actors.model import Event
from actors.projection import with_vectors
from actors.stores import build_stores
from actors.stores.base import EventLog, Tier
from cluster.config import load_settings


class WithVectors:
    """A vector tier as its projection drives it: memory events arrive with vectors
    (here from the hashing embedder: these tests are about storage, not meaning)."""

    def __init__(self, tier: Tier) -> None:
        self.tier = tier
        self.embedder = HashingEmbedder(32)

    async def _embed(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed(texts)

    async def apply(self, events: list[Event]) -> None:
        await self.tier.apply(await with_vectors(events, self._embed))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tier, name)


PROFILES = [pytest.param("embedded"), pytest.param("polyglot", marks=pytest.mark.polyglot)]


@pytest.fixture(params=PROFILES)
async def stores(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[tuple[EventLog, list[Tier]]]:
    """A fresh log and tiers in their own namespace (schema, collection, key prefix, …)."""
    if request.param == "polyglot":
        request.getfixturevalue("services")
    settings = load_settings(None, profile=request.param, data_dir=str(tmp_path), namespace=f"c{uuid.uuid4().hex[:6]}")
    stores = build_stores(settings)
    event_log, tiers = stores.log, [WithVectors(t) if t.needs_vectors else t for t in stores.tiers]
    await event_log.open()
    for tier in tiers:
        await tier.open()
    yield event_log, tiers
    for tier in tiers:
        await tier.drop()
        await tier.close()
    await event_log.close()
