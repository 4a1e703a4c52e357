"""Figure 7 (7a-7e): each polyglot store adapter's batch write ÷ the raw driver doing the same writes.

A batch is what a writer hands a tier under load: `tier_agents` agents × `tier_events_per_agent`
memories, with entities and metadata, each agent continuing its own seq from batch to batch.
Per store, fresh namespaces: the adapter (`tier.apply(events)`, or `PostgresLog.append`
for the log) writes into one, the raw driver writes the same events into another:

- redis: a redis-py pipeline (no transaction) of the same commands on the same keys;
- neo4j: the adapter's own `UNWIND … MERGE` Cypher with the same rows, one write transaction;
- weaviate: `insert_many` of the same objects, UUIDs and vectors, one call per tenant (agent),
  as many calls in flight as the adapter allows;
- mongo: motor `insert_many(ordered=False)` of the same documents;
- postgres: asyncpg `copy_records_to_table` of the same `events` rows in one transaction.

The raw side's event→row conversion (keys, msgpack payloads, Cypher rows, vectors,
documents) is computed before the clock starts: the ratio prices everything the adapter
adds on top of the wire work, conversion included. Its cost is reported beside the ratio
(`conversion_p50_ms`). Schemas, indexes and constraints of the raw namespace are created
by the adapter's own `open()`, so both sides write into identical structures; afterwards
both namespaces must hold the same number of memories. Sides alternate batch by batch.

Details add, per batch, this process's CPU (adapter + driver) and the server's CPU.

No Ray: like figure 4, these run before Ray starts.
"""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from actors.messages import Flush
from actors.model import IDENTITY, Event
from actors.settings import Settings
from actors.stores import build_stores
from bench import cpu, polyglot
from bench.harness import Harness, flush_batches, memory_event, unique_ids
from bench.params import Params
from bench.stats import Figure, Side, percentile, ratio

TIER_TARGET = 0.8
MIN_TIMED = 3
PARTS = dict(zip(polyglot.STORES, "abcde"))
STORE_OF_PART = {part: store for store, part in PARTS.items()}
RAW_DRIVER = {
    "redis": "redis-py pipeline, same commands",
    "neo4j": "neo4j driver, same UNWIND/MERGE Cypher, 1 write txn",
    "weaviate": "weaviate insert_many per tenant, same objects + vectors, same tenants in flight",
    "mongo": "motor insert_many(ordered=False), same documents",
    "postgres": "asyncpg copy_records_to_table, same rows, 1 txn",
}
ADAPTER = {
    "redis": "RedisHotTier.apply",
    "neo4j": "Neo4jGraphTier.apply",
    "weaviate": "WeaviateVectorTier.apply",
    "mongo": "MongoDocumentTier.apply",
    "postgres": "PostgresLog.append",
}


def header(store: str, p: Params) -> Figure:
    """The figure's identity (also what an error or a skip is reported under)."""
    batch = f"{p.tier_agents} agents × {p.tier_events_per_agent} memories"
    name = f"{store} batch write via {ADAPTER[store]} ({batch}) ÷ raw driver"
    return Figure(7, name, TIER_TARGET, ">=", "rows/s at median batch", part=PARTS[store])


def events_of(batch: list[Flush]) -> list[Event]:
    return [event for flush in batch for event in flush.events]


# -- one store, two namespaces --------------------------------------------------------------


class Pair(ABC):
    """A store under test: the adapter writes into `adapter_settings.namespace`, the raw
    driver into `raw_settings.namespace`. `prepare` (untimed) turns a batch into what the
    raw driver sends; `raw_write` sends it."""

    store: str

    def __init__(self, adapter_settings: Settings, raw_settings: Settings) -> None:
        self.adapter_settings = adapter_settings
        self.raw_settings = raw_settings

    @abstractmethod
    async def open(self) -> None: ...

    @abstractmethod
    async def adapter_write(self, batch: list[Flush]) -> None: ...

    @abstractmethod
    def prepare(self, batch: list[Flush]) -> Any: ...

    @abstractmethod
    async def raw_write(self, prepared: Any) -> None: ...

    @abstractmethod
    async def held(self) -> dict[str, int]:
        """Memories each namespace holds: equal counts mean both sides did the same writes."""

    @abstractmethod
    async def close(self) -> None: ...

    def details(self, batch: list[Flush], prepared: Any) -> dict[str, Any]:
        """Store-specific facts about one batch (commands, calls, rows)."""
        return {}

    def event(self, agent_id: str, seq: int, chars: int) -> Event:
        """One memory of the plan (made untimed, before either side writes)."""
        return memory_event(agent_id, seq, chars)


class TierPair(Pair):
    """A tier: the adapter instance writes; another instance on the raw namespace only
    creates its schema (`open`) and counts, so the raw driver writes into the same shape."""

    def __init__(self, adapter_settings: Settings, raw_settings: Settings) -> None:
        super().__init__(adapter_settings, raw_settings)
        (self.tier,) = build_stores(adapter_settings).tiers
        (self.shadow,) = build_stores(raw_settings).tiers

    def _instances(self) -> dict[str, Any]:
        return {"adapter": self.tier, "raw": self.shadow}

    async def open(self) -> None:
        for tier in self._instances().values():
            await tier.open()
        await self.connect()

    async def adapter_write(self, batch: list[Flush]) -> None:
        await self.tier.apply(events_of(batch))

    async def held(self) -> dict[str, int]:
        return {side: await tier.count() for side, tier in self._instances().items()}

    async def close(self) -> None:
        for tier in self._instances().values():
            await tier.close()
        await self.disconnect()

    @abstractmethod
    async def connect(self) -> None:
        """Open the raw driver's own client."""

    @abstractmethod
    async def disconnect(self) -> None: ...


class RedisPair(TierPair):
    store = "redis"

    async def connect(self) -> None:
        import redis.asyncio as aioredis

        self.client = aioredis.from_url(self.raw_settings.redis_url)

    async def disconnect(self) -> None:
        await self.client.aclose()

    def prepare(self, batch: list[Flush]) -> list[tuple]:
        """The adapter's commands, keys from its own key function: per event, replace the
        id and (memories) the payload at score seq; per agent, trim both sets, set seq."""
        from actors.codec import pack

        key = self.shadow._key  # the adapter's own key layout, so the keys are the same by construction
        commands: list[tuple] = []
        for event in events_of(batch):
            ids, recent = key(event.agent_id, "ids"), key(event.agent_id, "recent")
            commands += [("ZREMRANGEBYSCORE", ids, event.seq, event.seq), ("ZADD", ids, event.seq, event.event_id)]
            if event.kind != IDENTITY:
                payload = pack(event.to_wire())
                commands += [("ZREMRANGEBYSCORE", recent, event.seq, event.seq), ("ZADD", recent, event.seq, payload)]
        for flush in batch:
            agent = flush.agent_id
            commands += [
                ("ZREMRANGEBYRANK", key(agent, "recent"), 0, -(self.shadow.retention + 1)),
                ("ZREMRANGEBYRANK", key(agent, "ids"), 0, -(self.shadow.dedup_window + 1)),
                ("SET", key(agent, "seq"), flush.events[-1].seq),
            ]
        return commands

    async def raw_write(self, prepared: list[tuple]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for command in prepared:
            pipe.execute_command(*command)
        await pipe.execute()

    def details(self, batch: list[Flush], prepared: list[tuple]) -> dict[str, Any]:
        return {"commands_per_batch": len(prepared)}


class Neo4jPair(TierPair):
    store = "neo4j"

    async def connect(self) -> None:
        from neo4j import AsyncGraphDatabase

        s = self.raw_settings
        self.driver = AsyncGraphDatabase.driver(s.neo4j_uri, auth=polyglot.neo4j_auth(s), max_connection_pool_size=8)

    async def disconnect(self) -> None:
        await self.driver.close()

    def prepare(self, batch: list[Flush]) -> list[dict[str, Any]]:
        from actors.stores.neo4j_graph import memory_row

        return [memory_row(e) for e in events_of(batch)]

    async def raw_write(self, prepared: list[dict[str, Any]]) -> None:
        async with self.driver.session() as session:
            await session.execute_write(self._memories, prepared)

    async def _memories(self, tx: Any, rows: list[dict[str, Any]]) -> None:
        from actors.stores.neo4j_graph import APPLY_MEMORIES

        await (await tx.run(APPLY_MEMORIES, rows=rows, ns=self.raw_settings.namespace)).consume()

    def details(self, batch: list[Flush], prepared: list[dict[str, Any]]) -> dict[str, Any]:
        return {"memory_rows_per_batch": len(prepared), "mentions_per_batch": sum(len(r["entities"]) for r in prepared)}


VECTOR_DIM = 384
"""The default model's dimension."""


class WeaviatePair(TierPair):
    store = "weaviate"

    async def connect(self) -> None:
        import weaviate

        s = self.raw_settings
        self.client = weaviate.use_async_with_local(
            host=s.weaviate_host, port=s.weaviate_http_port, grpc_port=s.weaviate_grpc_port, skip_init_checks=True
        )
        await self.client.connect()

    async def disconnect(self) -> None:
        await self.client.close()

    def event(self, agent_id: str, seq: int, chars: int) -> Event:
        """With its vector, as the projection hands memories to a vector tier (the
        embedding service's time is not part of this figure)."""
        from actors.embedders.hashing import HashingEmbedder

        event = memory_event(agent_id, seq, chars)
        event.embedding = HashingEmbedder(VECTOR_DIM).embed([event.content])[0].tolist()
        return event

    def prepare(self, batch: list[Flush]) -> dict[str, list[Any]]:
        """Objects per tenant with the adapter's UUIDs and the events' vectors."""
        from actors.stores.weaviate_vectors import data_object, tenant_of

        by_tenant: dict[str, list[Any]] = defaultdict(list)
        for e in events_of(batch):
            if e.is_memory:
                by_tenant[tenant_of(e.agent_id)].append(data_object(e))
        return dict(by_tenant)

    async def raw_write(self, prepared: dict[str, list[Any]]) -> None:
        """One tenant per call is Weaviate's API; the calls overlap as the adapter's do."""
        from actors.stores.weaviate_vectors import TENANTS_IN_FLIGHT

        gate = asyncio.Semaphore(TENANTS_IN_FLIGHT)

        async def one(tenant: str, objects: list[Any]) -> None:
            async with gate:
                await self._insert(self.shadow.collection_name, tenant, objects)

        await asyncio.gather(*(one(t, o) for t, o in prepared.items()))

    async def _insert(self, collection_name: str, tenant: str, objects: list[Any]) -> None:
        result = await self.client.collections.use(collection_name).with_tenant(tenant).data.insert_many(objects)
        if result.has_errors:
            raise RuntimeError(f"weaviate rejected {len(result.errors)} objects")

    def details(self, batch: list[Flush], prepared: dict[str, list[Any]]) -> dict[str, Any]:
        return {"insert_many_calls_per_batch": len(prepared), "vector_dim": VECTOR_DIM}


class MongoPair(TierPair):
    store = "mongo"

    async def connect(self) -> None:
        from motor.motor_asyncio import AsyncIOMotorClient

        self.client = AsyncIOMotorClient(self.raw_settings.mongo_url, maxPoolSize=8)

    async def disconnect(self) -> None:
        self.client.close()

    def prepare(self, batch: list[Flush]) -> list[dict[str, Any]]:
        from actors.stores.mongo_documents import document, document_id

        return [{"_id": document_id(e), **document(e)} for e in events_of(batch) if e.kind != IDENTITY]

    async def raw_write(self, prepared: list[dict[str, Any]]) -> None:
        from actors.stores.mongo_documents import database_of

        memories = self.client[database_of(self.raw_settings.namespace)]["memories"]
        await memories.insert_many(prepared, ordered=False)

    def details(self, batch: list[Flush], prepared: list[dict[str, Any]]) -> dict[str, Any]:
        return {"documents_per_batch": len(prepared)}


class PostgresPair(Pair):
    """The log: `PostgresLog.append` (heads, COPY, savepoint fallback) vs a bare COPY."""

    store = "postgres"

    def __init__(self, adapter_settings: Settings, raw_settings: Settings) -> None:
        super().__init__(adapter_settings, raw_settings)
        self.log = build_stores(adapter_settings).log
        self.shadow = build_stores(raw_settings).log

    async def open(self) -> None:
        import asyncpg

        await self.log.open()
        await self.shadow.open()
        self.conn = await asyncpg.connect(self.raw_settings.postgres_dsn)

    async def adapter_write(self, batch: list[Flush]) -> None:
        results = await self.log.append(batch)
        if not all(r.ok for r in results):
            raise RuntimeError("PostgresLog.append refused a fresh batch")

    def prepare(self, batch: list[Flush]) -> list[tuple]:
        from actors.stores.log_rows import event_row

        return [event_row(e) for e in events_of(batch)]

    async def raw_write(self, prepared: list[tuple]) -> None:
        from actors.stores.log_rows import EVENT_COLUMNS

        async with self.conn.transaction():
            await self.conn.copy_records_to_table(
                "events", records=prepared, columns=list(EVENT_COLUMNS), schema_name=self.shadow.table_schema
            )

    async def held(self) -> dict[str, int]:
        return {"adapter": await self.log.count(), "raw": await self.shadow.count()}

    async def close(self) -> None:
        await self.conn.close()
        await self.log.close()
        await self.shadow.close()


PAIRS: dict[str, type[Pair]] = {
    "redis": RedisPair,
    "neo4j": Neo4jPair,
    "weaviate": WeaviatePair,
    "mongo": MongoPair,
    "postgres": PostgresPair,
}


# -- timing -------------------------------------------------------------------------------


@dataclass
class Costs:
    """Per timed batch: wall time, this process's CPU (driver + adapter), the server's CPU."""

    wall: list[float] = field(default_factory=list)
    client_cpu: list[float] = field(default_factory=list)
    server_cpu: list[float] = field(default_factory=list)

    def add(self, wall: float, client_cpu: float, server_cpu: float | None) -> None:
        self.wall.append(wall)
        self.client_cpu.append(client_cpu)
        if server_cpu is not None:
            self.server_cpu.append(server_cpu)

    def summary_ms(self) -> dict[str, float | None]:
        """p50 wall and client CPU; the server's CPU as a mean (its counters tick in 10 ms)."""
        server = sum(self.server_cpu) / len(self.server_cpu) if self.server_cpu else None
        out = {
            "wall_p50": percentile(self.wall, 50),
            "client_cpu_p50": percentile(self.client_cpu, 50),
            "server_cpu_mean": server,
        }
        return {k: None if v is None else round(1000 * v, 2) for k, v in out.items()}


Write = Callable[[int], Awaitable[None]]
"""Writes batch number b."""


async def _timed(write: Write, batch: int, servers: list[int]) -> tuple[float, float, float]:
    """One batch: (wall, client CPU, server CPU) in seconds; the CPU probes sit outside the wall time."""
    server_before = cpu.trees_cpu_s(servers)
    client_before = time.process_time()
    started = time.perf_counter()
    await write(batch)
    wall = time.perf_counter() - started
    client = time.process_time() - client_before
    return wall, client, cpu.trees_cpu_s(servers) - server_before


async def _alternate(
    sides: list[tuple[str, Write]], batches: int, warmup: int, budget_s: float, servers: list[int], advance: Any
) -> dict[str, Costs]:
    """Every side writes batch b in turn, who goes first alternating. Stops early once
    `budget_s` is spent (after at least MIN_TIMED timed batches): a slow store (FerretDB's
    upserts) would otherwise hold the whole benchmark for many minutes."""
    costs = {name: Costs() for name, _ in sides}
    deadline = time.monotonic() + budget_s
    for b in range(batches):
        if b >= warmup + MIN_TIMED and time.monotonic() > deadline:
            break
        for name, write in sides if b % 2 == 0 else sides[::-1]:
            wall, client, server = await _timed(write, b, servers)
            if b >= warmup:
                costs[name].add(wall, client, server if servers else None)
            advance(1)
    return costs


def _prepare_all(pair: Pair, batches: list[list[Flush]]) -> tuple[list[Any], list[float]]:
    """The raw side's payloads for every batch, and how long each conversion took."""
    prepared, seconds = [], []
    for batch in batches:
        started = time.perf_counter()
        prepared.append(pair.prepare(batch))
        seconds.append(time.perf_counter() - started)
    return prepared, seconds


# -- the figure ------------------------------------------------------------------------------


@dataclass
class TierRun:
    costs: dict[str, Costs]
    rows: int
    """Events per batch."""
    written: int
    """Batches each side wrote (warm-up included)."""
    conversion: list[float] = field(default_factory=list)
    held: dict[str, int] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    cleanup_errors: list[str] = field(default_factory=list)


async def measure(h: Harness, p: Params, store: str, batches: int, warmup: int, with_raw: bool = True) -> TierRun:
    """Write up to `batches` timed batches through the adapter (and, alternating, the raw
    driver) into fresh namespaces, removed afterwards whatever happens."""
    polyglot.require([store])
    tag = f"7{PARTS[store]}"
    namespaces = [polyglot.fresh_namespace(tag) for _ in range(2)]  # adapter, raw
    tier_names = [store] if store != "postgres" else []
    pair = PAIRS[store](*(polyglot.settings(ns, str(h.tmp / ns), tiers=tier_names) for ns in namespaces))
    agents = unique_ids(f"t{tag}", p.tier_agents)
    plan = flush_batches(
        agents, p.tier_events_per_agent, warmup + batches, lambda a, seq: pair.event(a, seq, p.tier_content_chars)
    )
    run = TierRun({}, p.tier_agents * p.tier_events_per_agent, 0)
    try:
        await pair.open()
        sides: list[tuple[str, Write]] = [("adapter", lambda b: pair.adapter_write(plan[b]))]
        prepared: list[Any] = []
        if with_raw:
            prepared, run.conversion = _prepare_all(pair, plan)
            run.conversion = run.conversion[warmup:]
            sides.append(("raw", lambda b: pair.raw_write(prepared[b])))
        label = f"fig {tag} · {store}: adapter vs raw driver" if with_raw else f"fig 8 · probe: {store} adapter"
        with h.tracker.step(label, len(plan) * len(sides)) as advance:
            servers = list(polyglot.server_pids([store]))
            run.costs = await _alternate(sides, len(plan), warmup, p.tier_budget_s, servers, advance)
        run.written = warmup + len(run.costs["adapter"].wall)
        if with_raw:
            run.held = await pair.held()
            run.details = pair.details(plan[-1], prepared[-1])
    finally:
        try:
            await pair.close()
        finally:
            run.cleanup_errors = [e for ns in namespaces for e in await polyglot.cleanup(ns)]
    h.notes.setdefault("tier_rows_per_s", {})[store] = run.rows / percentile(run.costs["adapter"].wall, 50)
    return run


async def tier_write(h: Harness, p: Params, store: str) -> Figure:
    """Figure 7x for one store: adapter rows/s ÷ raw driver rows/s at the median batch."""
    figure = header(store, p)
    run = await measure(h, p, store, p.tier_batches, p.tier_warmup)
    costs, rows = run.costs, run.rows
    if set(run.held.values()) != {rows * run.written}:
        raise RuntimeError(
            f"the two sides did not write the same memories: {run.held} (expected {rows * run.written} each)"
        )
    median = {k: rows / percentile(c.wall, 50) for k, c in costs.items()}
    mean = {k: rows * len(c.wall) / sum(c.wall) for k, c in costs.items()}
    ms = {k: [s * 1000 for s in c.wall] for k, c in costs.items()}
    figure.system = Side(ADAPTER[store], ms["adapter"], value=median["adapter"], value_unit="rows/s")
    figure.baseline = Side(RAW_DRIVER[store], ms["raw"], value=median["raw"], value_unit="rows/s")
    figure.ratio = ratio(median["adapter"], median["raw"])
    p50 = {k: c.summary_ms() for k, c in costs.items()}
    conversion = percentile([s * 1000 for s in run.conversion], 50) or 0.0
    figure.details = {
        "rows_per_batch": rows,
        "batches_timed": len(costs["adapter"].wall),
        "ratio_of_mean_throughput": ratio(mean["adapter"], mean["raw"]),
        "mean_rows_per_s": {k: round(v, 1) for k, v in mean.items()},
        "ms_per_batch_adapter": p50["adapter"],
        "ms_per_batch_raw": p50["raw"],
        "wall_ms_first_and_last_timed_batch": {
            k: [round(c.wall[0] * 1000), round(c.wall[-1] * 1000)] for k, c in costs.items()
        },
        "adapter_extra_client_cpu_p50_ms": _minus(p50["adapter"]["client_cpu_p50"], p50["raw"]["client_cpu_p50"]),
        "conversion_p50_ms": conversion,
        "ratio_if_raw_side_also_converted": ratio(
            median["adapter"], rows / (percentile(costs["raw"].wall, 50) + conversion / 1000)
        ),
        **run.details,
        "memories_held": run.held,
        "cleanup_errors": run.cleanup_errors or "none",
    }
    return figure


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(a - b, 2)


async def tier_rates(h: Harness, p: Params, stores: list[str]) -> dict[str, float]:
    """Adapter rows/s per store: figure 7's when it ran in this process, else a short probe."""
    known = h.notes.setdefault("tier_rows_per_s", {})
    for store in stores:
        if store not in known:
            await measure(h, p, store, p.tier_probe_batches, 1, with_raw=False)
    return {store: known[store] for store in stores}
