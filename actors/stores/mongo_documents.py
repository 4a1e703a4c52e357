"""Tier `mongo`: every memory as a document, for agent-scoped queries on free-form metadata.

Runs against MongoDB or FerretDB (the local server here) and therefore uses only what
both support: unordered `insert_many` keyed by `"{agent_id}:{seq}"`, compound indexes,
`find` with equality filters and sorting, `count_documents`. No transactions, change
streams, `$lookup` or text indexes. An event never changes once logged, so a document
already present is the same document: re-applying skips it (duplicate-key errors are the
expected answer), which keeps apply idempotent. Plain inserts, not `ReplaceOne` upserts:
FerretDB's upserts slow down as the collection grows (about 50 documents/s at a few
thousand), its inserts do not (thousands per second).
Metadata keys that MongoDB reserves (`$…`, dots) are stored escaped.
"""

from __future__ import annotations

from typing import Any

from motor.motor_asyncio import AsyncIOMotorClient
from pymongo import ASCENDING, DESCENDING
from pymongo.errors import BulkWriteError

from actors.model import IDENTITY, Event
from actors.stores.base import Query

_ESCAPES = {".": "\uff0e", "$": "\uff04"}
DUPLICATE_KEY = 11000


def _escape_key(key: str) -> str:
    key = key.replace(".", _ESCAPES["."])
    return _ESCAPES["$"] + key[1:] if key.startswith("$") else key


def escape(value: Any) -> Any:
    """Metadata with keys MongoDB accepts: '.' and a leading '$' become full-width twins."""
    if isinstance(value, dict):
        return {_escape_key(k): escape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escape(v) for v in value]
    return value


def document_id(event: Event) -> str:
    """`"{agent_id}:{seq}"`: the same event always lands on the same document."""
    return f"{event.agent_id}:{event.seq}"


DOCUMENT_FIELDS = ("agent_id", "seq", "event_id", "kind", "content", "entities", "session_id", "created_at", "schema_version")


def document(event: Event) -> dict[str, Any]:
    """The stored shape of a memory (without `_id`): its fields, metadata keys escaped."""
    return {**{name: getattr(event, name) for name in DOCUMENT_FIELDS}, "metadata": escape(event.metadata)}


def database_of(namespace: str) -> str:
    return "novamem_" + namespace.replace("-", "_")


class MongoDocumentTier:
    """Full events as documents in `<database>.memories`."""

    name = "mongo"
    retention = None
    needs_vectors = False

    def __init__(self, url: str, namespace: str, timeout_s: float = 5.0) -> None:
        self.url = url
        self.database = database_of(namespace)
        self.timeout_s = timeout_s
        self._client: AsyncIOMotorClient | None = None

    @property
    def memories(self) -> Any:
        if self._client is None:
            raise ConnectionError("the mongo tier is not open")
        return self._client[self.database]["memories"]

    async def open(self) -> None:
        if self._client is not None:
            return
        timeout_ms = int(self.timeout_s * 1000)
        client = AsyncIOMotorClient(
            self.url,
            serverSelectionTimeoutMS=timeout_ms,
            connectTimeoutMS=timeout_ms,
            socketTimeoutMS=max(timeout_ms, 30_000),
            maxPoolSize=8,
        )
        try:
            await _create_indexes(client[self.database]["memories"])
        except BaseException:
            client.close()
            raise
        self._client = client

    async def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    async def ping(self) -> None:
        if self._client is None:
            raise ConnectionError("the mongo tier is not open")
        await self._client.admin.command("ping")

    async def apply(self, events: list[Event]) -> None:
        documents = [{"_id": document_id(e), **document(e)} for e in events if e.kind != IDENTITY]
        if not documents:
            return
        try:
            await self.memories.insert_many(documents, ordered=False)
        except BulkWriteError as error:  # only documents already present were refused: fine
            details = error.details
            if details.get("writeConcernErrors") or any(e.get("code") != DUPLICATE_KEY for e in details["writeErrors"]):
                raise

    async def search(self, query: Query) -> dict[str, list[int]]:
        """No ranking signal: documents answer metadata queries (`find`), not similarity."""
        return {}

    async def find(self, agent_id: str, metadata: dict[str, Any], kinds: list[str] | None, limit: int) -> list[int]:
        selector: dict[str, Any] = {"agent_id": agent_id}
        for path, value in metadata.items():
            selector["metadata." + ".".join(_escape_key(part) for part in path.split("."))] = value
        if kinds:
            selector["kind"] = {"$in": kinds}
        cursor = self.memories.find(selector, {"seq": 1}).sort("seq", DESCENDING).limit(limit)
        return [doc["seq"] async for doc in cursor]

    async def drop(self) -> None:
        await self.memories.drop()
        await _create_indexes(self.memories)

    async def count(self, agent_id: str | None = None) -> int:
        return await self.memories.count_documents({} if agent_id is None else {"agent_id": agent_id})


async def _create_indexes(collection: Any) -> None:
    await collection.create_index([("agent_id", ASCENDING), ("seq", DESCENDING)], name="agent_seq")
    await collection.create_index([("agent_id", ASCENDING), ("kind", ASCENDING)], name="agent_kind")
