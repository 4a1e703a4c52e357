"""Store adapters. `build_stores` picks the log and tiers of the configured profile.

embedded: SQLite log + SQLite index tier. polyglot: PostgreSQL log + the tiers named in
`settings.tiers` (redis, neo4j, weaviate, mongo), each optional, one module each.
Drivers are imported only when their store is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing a submodule runs this file: keep numpy and pydantic out of it
    from actors.settings import Settings, TierName
    from actors.stores.base import EventLog, Tier


@dataclass(slots=True)
class Stores:
    """What a writer owns: the log and the tiers derived from it."""

    log: EventLog
    tiers: list[Tier]


def build_stores(settings: Settings) -> Stores:
    """The log and the tiers for `settings.profile`."""
    if settings.profile == "embedded":
        from actors.stores.sqlite_index import SqliteIndexTier
        from actors.stores.sqlite_log import SqliteLog

        return Stores(SqliteLog(settings.sqlite_path), [SqliteIndexTier(settings.sqlite_path)])
    from actors.stores.postgres_log import PostgresLog

    event_log = PostgresLog(settings.postgres_dsn, settings.namespace, settings.db_pool_size, settings.store_timeout_s)
    return Stores(event_log, [_TIERS[name](settings) for name in settings.tiers])


def _redis(settings: Settings) -> Tier:
    from actors.stores.redis_hot import RedisHotTier

    return RedisHotTier(
        settings.redis_url, settings.namespace, settings.working_memory_size, settings.dedup_window, settings.store_timeout_s
    )


def _neo4j(settings: Settings) -> Tier:
    from actors.stores.neo4j_graph import Neo4jGraphTier

    auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_user else None
    return Neo4jGraphTier(settings.neo4j_uri, settings.namespace, auth, settings.store_timeout_s)


def _weaviate(settings: Settings) -> Tier:
    from actors.stores.weaviate_vectors import WeaviateVectorTier

    return WeaviateVectorTier(
        settings.weaviate_host,
        settings.weaviate_http_port,
        settings.weaviate_grpc_port,
        settings.namespace,
        settings.store_timeout_s,
    )


def _mongo(settings: Settings) -> Tier:
    from actors.stores.mongo_documents import MongoDocumentTier

    return MongoDocumentTier(settings.mongo_url, settings.namespace, settings.store_timeout_s)


_TIERS: dict[TierName, Callable[[Settings], Tier]] = {
    "redis": _redis,
    "neo4j": _neo4j,
    "weaviate": _weaviate,
    "mongo": _mongo,
}
