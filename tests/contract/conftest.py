"""Store implementations under contract test, each built fresh per test.

Every entry builds `(log, tiers)` the way writers do; polyglot stores join this list.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from actors.stores import build_stores
from actors.stores.base import EventLog, Tier
from cluster.config import load_settings

PROFILES = [pytest.param("embedded"), pytest.param("polyglot", marks=pytest.mark.polyglot)]


@pytest.fixture(params=PROFILES)
async def stores(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[tuple[EventLog, list[Tier]]]:
    """A fresh log and tiers in their own namespace (schema, collection, key prefix, …)."""
    if request.param == "polyglot":
        request.getfixturevalue("services")
    settings = load_settings(None, profile=request.param, data_dir=str(tmp_path), namespace=f"c{uuid.uuid4().hex[:6]}")
    stores = build_stores(settings)
    event_log, tiers = stores.log, stores.tiers
    await event_log.open()
    for tier in tiers:
        await tier.open()
    yield event_log, tiers
    for tier in tiers:
        await tier.drop()
        await tier.close()
    await event_log.close()
