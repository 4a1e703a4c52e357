"""Connection pools live in the writers: many agents never mean many database connections."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from cluster.runtime import Runtime

pytestmark = pytest.mark.polyglot

AGENTS = 20


async def test_agents_share_the_writers_connections(make_runtime, services: dict) -> None:
    runtime: Runtime = make_runtime(profile="polyglot", writer_pool_size=2, db_pool_size=3)
    agents = [runtime.agent(f"conn-{uuid.uuid4().hex[:6]}-{i}") for i in range(AGENTS)]
    await asyncio.gather(*(a.set_identity(a.agent_id) for a in agents))
    observer = await asyncpg.connect(runtime.settings.postgres_dsn)
    peak = 0
    try:
        load = asyncio.gather(*(a.remember_many([{"content": f"{a.agent_id} {i}"}]) for a in agents for i in range(3)))
        while not load.done():
            count = await observer.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
                f"novamem:{runtime.settings.namespace}",
            )
            peak = max(peak, count)
            await asyncio.sleep(0.05)
        await load
    finally:
        await observer.close()
    assert 1 <= peak <= 2 * 3, f"{AGENTS} writing agents opened {peak} connections"
