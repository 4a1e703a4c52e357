"""What the polyglot figures (7-9) share: settings, server checks, fresh namespaces, clean-up.

Every polyglot figure writes into namespaces of its own (`nb-<tag>-<hex>`) and removes
them afterwards from every store, so runs never see each other's data and leave nothing
behind: Redis keys `nm:<ns>:*`, Neo4j nodes with `ns = <ns>`, the Weaviate collection
`Memories_<ns>`, the Mongo database `novamem_<ns>` and the PostgreSQL schema `nm_<ns>`.
Addresses come from `Settings` (defaults = `cluster.services` endpoints; `NOVAMEM_*`
overrides apply), exactly as a deployment would resolve them.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlparse

from actors.settings import Settings
from bench.stats import Skipped
from cluster.config import load_settings

STORES = ("redis", "neo4j", "weaviate", "mongo", "postgres")
"""The four tiers, then the log."""
SERVICE_OF = {"redis": "redis", "neo4j": "neo4j", "weaviate": "weaviate", "mongo": "ferretdb", "postgres": "postgres"}
"""Store -> the `cluster.services` server behind it (MongoDB here is FerretDB)."""
PROBE_TIMEOUT_S = 1.0


def settings(namespace: str, data_dir: str, tiers: list[str] | None = None, **overrides: object) -> Settings:
    """A polyglot deployment's settings (all four tiers unless `tiers` says otherwise)."""
    extra = {"tiers": tiers} if tiers is not None else {}
    return load_settings(None, profile="polyglot", namespace=namespace, data_dir=data_dir, **extra, **overrides)


def neo4j_auth(s: Settings) -> tuple[str, str] | None:
    return (s.neo4j_user, s.neo4j_password) if s.neo4j_user else None


def fresh_namespace(tag: str) -> str:
    return f"nb-{tag}-{uuid.uuid4().hex[:8]}"


def addresses(s: Settings) -> dict[str, tuple[str, int]]:
    """(host, port) per store, from the settings' URLs."""

    def of(url: str) -> tuple[str, int]:
        parsed = urlparse(url)
        return parsed.hostname or "127.0.0.1", parsed.port or 0

    return {
        "redis": of(s.redis_url),
        "neo4j": of(s.neo4j_uri),
        "weaviate": (s.weaviate_host, s.weaviate_http_port),
        "mongo": of(s.mongo_url),
        "postgres": of(s.postgres_dsn),
    }


def unreachable(stores: Iterable[str]) -> list[str]:
    """The stores whose server does not accept a TCP connection (a cheap loopback probe)."""
    where = addresses(settings("probe", "/tmp"))
    missing = []
    for store in stores:
        try:
            socket.create_connection(where[store], timeout=PROBE_TIMEOUT_S).close()
        except OSError:
            missing.append(store)
    return missing


def require(stores: Iterable[str]) -> None:
    """Raise `Skipped` unless every server these stores need is running."""
    missing = unreachable(stores)
    if missing:
        raise Skipped(
            "servers not running: "
            + ", ".join(SERVICE_OF[m] for m in missing)
            + " (start: python -m cluster.services up)"
        )


def server_pids(stores: Iterable[str]) -> dict[int, str]:
    """Root pid -> group name of the local servers, for CPU accounting (empty if unknown:
    servers started some other way are still measured, just not broken down)."""
    from cluster.services import manager

    try:
        status = manager.status([SERVICE_OF[s] for s in stores])
    except Exception:  # noqa: BLE001 - accounting is a detail; never fail a figure for it
        return {}
    return {
        state["pid"]: f"server {name}" for name, state in status.items() if state.get("running") and state.get("pid")
    }


async def cleanup(namespace: str) -> list[str]:
    """Remove everything `namespace` holds in every store; returns errors (never raises)."""
    s = settings(namespace, "/tmp")
    errors: list[str] = []
    for store, drop in (
        ("redis", _drop_redis),
        ("neo4j", _drop_neo4j),
        ("weaviate", _drop_weaviate),
        ("mongo", _drop_mongo),
        ("postgres", _drop_postgres),
    ):
        try:
            await drop(s)
        except Exception as error:  # noqa: BLE001 - report and go on with the other stores
            errors.append(f"{store}: {type(error).__name__}: {error}"[:300])
    return errors


async def _drop_redis(s: Settings) -> None:
    from actors.stores.redis_hot import RedisHotTier

    await _drop_tier(RedisHotTier(s.redis_url, s.namespace, s.working_memory_size, s.dedup_window, s.store_timeout_s))


async def _drop_neo4j(s: Settings) -> None:
    from actors.stores.neo4j_graph import Neo4jGraphTier

    await _drop_tier(Neo4jGraphTier(s.neo4j_uri, s.namespace, neo4j_auth(s), s.store_timeout_s))


async def _drop_tier(tier: Any) -> None:
    """`Tier.drop()` where it removes everything (Redis keys, Neo4j nodes of the namespace)."""
    await tier.open()
    try:
        await tier.drop()
    finally:
        await tier.close()


async def _drop_weaviate(s: Settings) -> None:
    """Delete the collection (the tier's own `drop()` re-creates it empty)."""
    import weaviate

    from actors.stores.weaviate_vectors import collection_of

    client = weaviate.use_async_with_local(
        host=s.weaviate_host, port=s.weaviate_http_port, grpc_port=s.weaviate_grpc_port, skip_init_checks=True
    )
    await client.connect()
    try:
        await client.collections.delete(collection_of(s.namespace))
    finally:
        await client.close()


async def _drop_mongo(s: Settings) -> None:
    from motor.motor_asyncio import AsyncIOMotorClient

    from actors.stores.mongo_documents import database_of

    client = AsyncIOMotorClient(s.mongo_url, serverSelectionTimeoutMS=5000)
    try:
        await client.drop_database(database_of(s.namespace))
    finally:
        client.close()


async def _drop_postgres(s: Settings) -> None:
    import asyncpg

    from actors.stores.postgres_log import schema_name

    conn = await asyncpg.connect(s.postgres_dsn, timeout=5)
    try:
        await conn.execute(f"DROP SCHEMA IF EXISTS {schema_name(s.namespace)} CASCADE")
    finally:
        await conn.close()
