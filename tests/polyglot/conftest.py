"""A polyglot deployment (PostgreSQL log; Redis, Neo4j, Weaviate, FerretDB tiers) on the
session's Ray cluster, against the real local servers."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest

from cluster.runtime import Runtime
from tests.conftest import SESSION_IDLE_TIMEOUT_S

pytestmark = pytest.mark.polyglot

CONVERGE_TIMEOUT_S = 180.0


@pytest.fixture(scope="session")
def polyglot(services: dict[str, Any], deployments: Callable[..., Runtime]) -> Runtime:
    """The shared polyglot deployment; tests use unique agent ids."""
    return deployments(profile="polyglot", idle_timeout_s=SESSION_IDLE_TIMEOUT_S)


async def wait_converged(runtime: Runtime, timeout_s: float = CONVERGE_TIMEOUT_S) -> dict[str, Any]:
    """Wait until every tier is healthy with zero lag; returns the final stats."""
    deadline = time.monotonic() + timeout_s
    while True:
        stats = await runtime.stats()
        if all(t["ok"] and t["lag"] == 0 for t in stats["tiers"].values()):
            return stats
        if time.monotonic() > deadline:
            raise AssertionError(f"tiers did not converge: {stats['tiers']}")
        await asyncio.sleep(0.5)
