"""`novamem rebuild --tier NAME`: drop a tier, replay it from the log, verify the counts."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from cluster.runtime import Runtime
from tests.polyglot.conftest import wait_converged

pytestmark = pytest.mark.polyglot

NOVAMEM = str(Path(sys.executable).with_name("novamem"))


async def _seed(runtime: Runtime, n: int) -> list:
    agents = [runtime.agent(f"rb-{uuid.uuid4().hex[:6]}-{i}") for i in range(n)]

    async def seed(index: int, agent) -> None:
        await agent.set_identity(f"Rebuilder {index}")
        await agent.remember_many(
            [
                {"content": f"lantern {index} note {i}", "entities": [f"Lantern {i % 3}"], "metadata": {"i": i}}
                for i in range(12)
            ]
        )

    await asyncio.gather(*(seed(index, agent) for index, agent in enumerate(agents)))
    await wait_converged(runtime)
    return agents


@pytest.fixture(scope="module")
async def seeded(services: dict, deployments: Callable[..., Runtime]) -> tuple[Runtime, list, list]:
    """One polyglot deployment for the module: its agents, and their recall before any rebuild."""
    runtime = deployments(profile="polyglot")
    agents = await _seed(runtime, 4)
    before = [await a.recall("lantern note 7", k=20) for a in agents]
    return runtime, agents, before


@pytest.mark.parametrize("tier", ["redis", "neo4j", "weaviate", "mongo"])
async def test_rebuild_equals_the_incremental_tier(seeded: tuple[Runtime, list, list], tier: str) -> None:
    runtime, agents, before = seeded
    await runtime.rebuild(tier)
    await wait_converged(runtime)
    report = await runtime.verify(tier)
    assert not report["mismatches"] and report["held"] == report["expected"] > 0
    after = [await a.recall("lantern note 7", k=20) for a in agents]
    # k exceeds every agent's memories, so the sets are exact (ANN/BM25 tie order may move).
    assert [{h["seq"] for h in r["items"]} for r in after] == [{h["seq"] for h in r["items"]} for r in before]
    assert all(not r["degraded"] for r in after)


async def test_rebuild_from_the_cli(seeded: tuple[Runtime, list, list], ray_session: dict) -> None:
    runtime = seeded[0]
    env = {**os.environ, "NOVAMEM_NAMESPACE": runtime.settings.namespace, "NOVAMEM_PROFILE": "polyglot"}

    def rebuild(tier: str) -> subprocess.CompletedProcess:
        command = [NOVAMEM, "rebuild", "--tier", tier, "--address", ray_session["gcs_address"]]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)

    done = rebuild("weaviate")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "counts match the log" in done.stdout
    unknown = rebuild("cassandra")
    assert unknown.returncode == 1 and "no tier 'cassandra'" in unknown.stdout
