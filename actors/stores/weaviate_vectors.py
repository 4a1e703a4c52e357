"""Tier `weaviate`: vector (and BM25 keyword) search with native multi-tenancy.

One collection per deployment namespace, one tenant per agent, so a query physically
cannot see another agent's memories. Object UUIDs are derived from `(agent_id, seq)`,
which makes the batched inserts upserts. Vectors are our own (the embedding service's or client-sent);
Weaviate runs with no vectorizer module.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import uuid
from collections import defaultdict

import weaviate
from weaviate.classes.config import Configure, DataType, Property
from weaviate.classes.data import DataObject
from weaviate.classes.query import Filter
from weaviate.client import WeaviateAsyncClient

from actors.model import Event
from actors.stores.base import Query

UUID_NAMESPACE = uuid.UUID("8f4b8f61-3b0e-4f7e-9d0e-6b1f6a1c2d3e")
_READABLE_TENANT = re.compile(r"[A-Za-z0-9-]{1,62}")
TENANTS_IN_FLIGHT = 8
"""`insert_many` takes one tenant per call; a batch's calls overlap up to this many (about
twice the throughput of one at a time, measured by `make bench`, figure 7c)."""


def object_uuid(agent_id: str, seq: int) -> uuid.UUID:
    return uuid.uuid5(UUID_NAMESPACE, f"{agent_id}\x00{seq}")


def tenant_of(agent_id: str) -> str:
    """Weaviate tenant names allow `[A-Za-z0-9_-]{1,64}`; agent ids allow more. Readable ids
    map to `a_<id>`, the rest to `h_<sha256>`: distinct agents never share a tenant."""
    if _READABLE_TENANT.fullmatch(agent_id):
        return f"a_{agent_id}"
    return "h_" + hashlib.sha256(agent_id.encode()).hexdigest()[:48]


def collection_of(namespace: str) -> str:
    return "Memories_" + namespace.replace("-", "_")


def data_object(event: Event) -> DataObject:
    """The stored shape of a memory (with its embedding): its UUID comes from `(agent_id,
    seq)`, so re-applying replaces."""
    return DataObject(
        properties={
            "agent_id": event.agent_id,
            "seq": event.seq,
            "kind": event.kind,
            "session_id": event.session_id or "",
            "content": event.content,
        },
        uuid=object_uuid(event.agent_id, event.seq),
        vector=event.embedding,
    )


class WeaviateVectorTier:
    """Per-agent tenants holding each memory's vector and text."""

    name = "weaviate"
    retention = None
    needs_vectors = True

    def __init__(
        self, host: str, http_port: int, grpc_port: int, namespace: str, timeout_s: float = 5.0
    ) -> None:
        self.host, self.http_port, self.grpc_port = host, http_port, grpc_port
        self.collection_name = collection_of(namespace)
        self.timeout_s = timeout_s
        self._client: WeaviateAsyncClient | None = None

    @property
    def client(self) -> WeaviateAsyncClient:
        if self._client is None:
            raise ConnectionError("the weaviate tier is not open")
        return self._client

    async def open(self) -> None:
        if self._client is not None:
            return
        client = weaviate.use_async_with_local(
            host=self.host,
            port=self.http_port,
            grpc_port=self.grpc_port,
            skip_init_checks=True,
            additional_config=weaviate.classes.init.AdditionalConfig(
                timeout=weaviate.classes.init.Timeout(init=self.timeout_s, query=30, insert=60)
            ),
        )
        await client.connect()
        try:
            if not await client.collections.exists(self.collection_name):
                await self._create(client)
        except BaseException:
            await client.close()
            raise
        self._client = client

    async def _create(self, client: WeaviateAsyncClient) -> None:
        try:
            await client.collections.create(
                self.collection_name,
                properties=[
                    Property(name="agent_id", data_type=DataType.TEXT, skip_vectorization=True),
                    Property(name="seq", data_type=DataType.INT),
                    Property(name="kind", data_type=DataType.TEXT, skip_vectorization=True),
                    Property(name="session_id", data_type=DataType.TEXT, skip_vectorization=True),
                    Property(name="content", data_type=DataType.TEXT),
                ],
                vector_config=Configure.Vectors.self_provided(),
                multi_tenancy_config=Configure.multi_tenancy(
                    enabled=True, auto_tenant_creation=True, auto_tenant_activation=True
                ),
            )
        except weaviate.exceptions.UnexpectedStatusCodeError:
            if not await client.collections.exists(self.collection_name):  # lost a race with another writer
                raise

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def ping(self) -> None:
        if not await self.client.is_ready():
            raise ConnectionError("weaviate is not ready")

    async def apply(self, events: list[Event]) -> None:
        memories = [e for e in events if e.is_memory]
        if not memories:
            return
        by_tenant: dict[str, list[DataObject]] = defaultdict(list)
        for event in memories:
            by_tenant[tenant_of(event.agent_id)].append(data_object(event))
        collection = self.client.collections.use(self.collection_name)
        gate = asyncio.Semaphore(TENANTS_IN_FLIGHT)

        async def insert(tenant: str, objects: list[DataObject]) -> None:
            async with gate:
                result = await collection.with_tenant(tenant).data.insert_many(objects)
            if result.has_errors:
                first = next(iter(result.errors.values()))
                raise RuntimeError(f"weaviate rejected {len(result.errors)} objects: {first.message}")

        await asyncio.gather(*(insert(tenant, objects) for tenant, objects in by_tenant.items()))

    async def search(self, query: Query) -> dict[str, list[int]]:
        collection = self.client.collections.use(self.collection_name).with_tenant(tenant_of(query.agent_id))
        filters = self._filters(query)
        ranked: dict[str, list[int]] = {"vector": [], "keyword": []}
        if not await self._tenant_exists(query.agent_id):
            return ranked
        if query.vector is not None:
            near = await collection.query.near_vector(
                query.vector, limit=query.candidates, filters=filters, return_properties=["seq"]
            )
            ranked["vector"] = [int(o.properties["seq"]) for o in near.objects]
        if query.text.strip():
            keyword = await collection.query.bm25(
                query.text, limit=query.candidates, filters=filters, return_properties=["seq"]
            )
            ranked["keyword"] = [int(o.properties["seq"]) for o in keyword.objects]
        return ranked

    @staticmethod
    def _filters(query: Query) -> Filter | None:
        parts = [Filter.by_property("agent_id").equal(query.agent_id)]
        if query.kinds:
            parts.append(Filter.by_property("kind").contains_any(query.kinds))
        if query.session_id is not None:
            parts.append(Filter.by_property("session_id").equal(query.session_id))
        return Filter.all_of(parts)

    async def _tenant_exists(self, agent_id: str) -> bool:
        collection = self.client.collections.use(self.collection_name)
        return await collection.tenants.exists(tenant_of(agent_id))

    async def drop(self) -> None:
        await self.client.collections.delete(self.collection_name)
        await self._create(self.client)

    async def count(self, agent_id: str | None = None) -> int:
        collection = self.client.collections.use(self.collection_name)
        if agent_id is not None:
            if not await self._tenant_exists(agent_id):
                return 0
            result = await collection.with_tenant(tenant_of(agent_id)).aggregate.over_all(total_count=True)
            return result.total_count or 0
        total = 0
        for tenant in await collection.tenants.get():
            result = await collection.with_tenant(tenant).aggregate.over_all(total_count=True)
            total += result.total_count or 0
        return total
