"""Smoke tests of the five local servers, through the real Python drivers (no mocks).

Starts PostgreSQL, Redis, FerretDB, Neo4j and Weaviate with ``cluster.services``
(building them first if the cache is cold: that can take many minutes), then does
one real round trip with each driver, then stops and restarts everything.

The servers come from the session fixture `services` (tests/conftest.py).
"""

from __future__ import annotations

import os
import time
import uuid
from typing import Any

import pytest

from cluster.services import manager

pytestmark = [pytest.mark.polyglot, pytest.mark.timeout(3600)]

RUN_ID = uuid.uuid4().hex[:8]


def _progress(name: str, message: str) -> None:
    print(f"[services] {name}: {message}", flush=True)


@pytest.fixture(scope="session")
def endpoints(services: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return services


def test_status_reports_all_running(endpoints: dict[str, dict[str, Any]]) -> None:
    info = manager.status()
    assert set(info) == {"postgres", "redis", "ferretdb", "neo4j", "weaviate"}
    for name, st in info.items():
        assert st["running"], name
        assert st["ready"], name
        assert isinstance(st["pid"], int) and st["pid"] > 0, name
        assert st["port"] == manager.get(name).port
        assert st["version"] and "unknown" not in st["version"], name
    assert info["neo4j"]["version"].startswith("5.26.")
    assert info["ferretdb"]["version"] == "v1.24.2"


def test_endpoints_shape(endpoints: dict[str, dict[str, Any]]) -> None:
    assert endpoints["postgres"]["dsn"] == "postgresql://novamem@127.0.0.1:54329/novamem"
    assert endpoints["redis"]["url"] == "redis://127.0.0.1:63790/0"
    assert endpoints["neo4j"]["url"] == "bolt://127.0.0.1:17687"
    assert endpoints["weaviate"]["http_port"] == 18080 and endpoints["weaviate"]["grpc_port"] == 15051
    assert endpoints["mongodb"]["url"] == "mongodb://127.0.0.1:37017/"


def test_start_is_idempotent(endpoints: dict[str, dict[str, Any]]) -> None:
    pids = {n: st["pid"] for n, st in manager.status().items()}
    t0 = time.monotonic()
    manager.start()
    print(f"start() on running servers took {time.monotonic() - t0:.2f}s")
    assert {n: st["pid"] for n, st in manager.status().items()} == pids


async def test_postgres_roundtrip(endpoints: dict[str, dict[str, Any]]) -> None:
    import asyncpg

    conn = await asyncpg.connect(endpoints["postgres"]["dsn"])
    try:
        assert await conn.fetchval("SELECT current_user") == "novamem"
        assert await conn.fetchval("SELECT current_database()") == "novamem"
        await conn.execute("CREATE TABLE IF NOT EXISTS smoke (id text PRIMARY KEY, body jsonb NOT NULL)")
        await conn.execute(
            "INSERT INTO smoke (id, body) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body",
            f"row-{RUN_ID}",
            '{"agent": "a1", "n": 3}',
        )
        row = await conn.fetchrow("SELECT body->>'agent' AS agent, (body->>'n')::int AS n FROM smoke WHERE id = $1",
                                  f"row-{RUN_ID}")  # fmt: skip
        assert (row["agent"], row["n"]) == ("a1", 3)
    finally:
        await conn.close()


async def test_redis_roundtrip(endpoints: dict[str, dict[str, Any]]) -> None:
    import redis.asyncio as aioredis

    client = aioredis.from_url(endpoints["redis"]["url"], decode_responses=True)
    try:
        assert await client.ping()
        key = f"smoke:{RUN_ID}"
        async with client.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={"agent": "a1", "n": "3"})
            pipe.expire(key, 600)
            pipe.hgetall(key)
            results = await pipe.execute()
        assert results[-1] == {"agent": "a1", "n": "3"}
        assert 0 < await client.ttl(key) <= 600
        info = await client.info("persistence")
        assert info["aof_enabled"] == 1
    finally:
        await client.aclose()


async def test_neo4j_roundtrip(endpoints: dict[str, dict[str, Any]]) -> None:
    from neo4j import AsyncGraphDatabase

    async with AsyncGraphDatabase.driver(endpoints["neo4j"]["url"], auth=None) as driver:
        await driver.verify_connectivity()
        async with driver.session() as session:
            await session.run(
                "MERGE (a:Agent {id: $a}) MERGE (m:Memory {id: $m, text: 'hello'}) MERGE (a)-[:REMEMBERS]->(m)",
                a=f"agent-{RUN_ID}",
                m=f"mem-{RUN_ID}",
            )
            result = await session.run(
                "MATCH (a:Agent {id: $a})-[:REMEMBERS]->(m:Memory) RETURN m.text AS text", a=f"agent-{RUN_ID}"
            )
            record = await result.single()
            assert record is not None and record["text"] == "hello"
            result = await session.run("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
            assert (await result.single())["v"].startswith("5.26.")
            await session.run("MATCH (n) WHERE n.id IN [$a, $m] DETACH DELETE n", a=f"agent-{RUN_ID}", m=f"mem-{RUN_ID}")


def test_weaviate_multitenancy_roundtrip(endpoints: dict[str, dict[str, Any]]) -> None:
    import weaviate
    from weaviate.classes.config import Configure, DataType, Property
    from weaviate.classes.query import MetadataQuery
    from weaviate.classes.tenants import Tenant

    ep = endpoints["weaviate"]
    client = weaviate.connect_to_local(
        host=ep["host"], port=ep["http_port"], grpc_port=ep["grpc_port"], skip_init_checks=True
    )
    name = f"Smoke{RUN_ID}"
    try:
        assert client.is_ready()
        collection = client.collections.create(
            name,
            properties=[Property(name="text", data_type=DataType.TEXT)],
            vector_config=Configure.Vectors.self_provided(),
            multi_tenancy_config=Configure.multi_tenancy(enabled=True),
        )
        collection.tenants.create([Tenant(name="agent-a"), Tenant(name="agent-b")])
        tenant_a = collection.with_tenant("agent-a")
        tenant_b = collection.with_tenant("agent-b")
        uid = tenant_a.data.insert({"text": "close"}, vector=[1.0, 0.0, 0.0])
        tenant_a.data.insert({"text": "far"}, vector=[0.0, 1.0, 0.0])
        tenant_b.data.insert({"text": "other tenant"}, vector=[1.0, 0.0, 0.0])
        res = tenant_a.query.near_vector([0.9, 0.1, 0.0], limit=2, return_metadata=MetadataQuery(distance=True))
        assert [o.properties["text"] for o in res.objects] == ["close", "far"]
        assert res.objects[0].uuid == uid
        assert len(tenant_b.query.fetch_objects().objects) == 1
    finally:
        if client.collections.exists(name):
            client.collections.delete(name)
        client.close()


async def test_mongodb_roundtrip(endpoints: dict[str, dict[str, Any]]) -> None:
    from motor.motor_asyncio import AsyncIOMotorClient
    from pymongo import ASCENDING, UpdateOne

    client = AsyncIOMotorClient(endpoints["mongodb"]["url"], serverSelectionTimeoutMS=10_000)
    db = client[f"smoke_{RUN_ID}"]
    try:
        coll = db.memories
        await coll.insert_one({"_id": "m0", "text": "first", "metadata": {"agent": "a1", "score": 0.9}})
        ops = [
            UpdateOne({"_id": f"m{i}"}, {"$set": {"text": f"t{i}", "metadata": {"agent": f"a{i % 2}", "score": i / 10}}},
                      upsert=True)
            for i in range(1, 8)
        ]  # fmt: skip
        ops.append(UpdateOne({"_id": "m0"}, {"$set": {"text": "first, updated"}}, upsert=True))
        result = await coll.bulk_write(ops, ordered=False)
        assert result.upserted_count == 7 and result.modified_count == 1
        index = await coll.create_index([("metadata.agent", ASCENDING), ("metadata.score", ASCENDING)])
        assert index in await coll.index_information()
        cursor = coll.find({"metadata.agent": "a1", "metadata.score": {"$gte": 0.3}}).sort("metadata.score", -1)
        docs = await cursor.to_list(length=None)
        assert [d["_id"] for d in docs] == ["m0", "m7", "m5", "m3"]
        assert docs[0]["text"] == "first, updated"
        assert await coll.count_documents({"metadata.agent": "a0"}) == 3
    finally:
        await client.drop_database(db.name)
        client.close()


def test_stop_then_start_again(endpoints: dict[str, dict[str, Any]]) -> None:
    import redis as redis_sync

    key = f"persist:{RUN_ID}"
    redis_sync.Redis.from_url(endpoints["redis"]["url"]).set(key, "kept")

    t0 = time.monotonic()
    manager.stop(progress=_progress)
    stop_s = time.monotonic() - t0
    assert not any(st["running"] for st in manager.status().values())
    manager.stop()  # idempotent

    # A stale pid file (pointing at a live but unrelated process) must be ignored.
    redis_svc = manager.get("redis")
    redis_svc.pid_file.write_text(f"{os.getpid()}\n")
    assert manager.status(["redis"])["redis"]["running"] is False
    assert not redis_svc.pid_file.exists()

    t0 = time.monotonic()
    ready = manager.start(progress=_progress)
    start_s = time.monotonic() - t0
    print(f"\nstop all: {stop_s:.1f}s; warm start all: {start_s:.1f}s; per server: "
          + ", ".join(f"{n} {s:.1f}s" for n, s in ready.items()))  # fmt: skip
    assert all(st["running"] and st["ready"] for st in manager.status().values())
    assert redis_sync.Redis.from_url(endpoints["redis"]["url"]).get(key) == b"kept"
