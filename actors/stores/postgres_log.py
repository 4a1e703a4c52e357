"""The polyglot profile's system of record: the event log on PostgreSQL (asyncpg).

Same contract as the SQLite log: events keyed `(agent_id, seq)`, `(agent_id, event_id)`
unique, identity versions and tier checkpoints beside them, one transaction per batch.
The fast path COPYs a whole batch; a conflict rolls it back and the batch is redone flush
by flush, each in its own savepoint. Each deployment namespace is a PostgreSQL schema.
The pool lives in the writer actor: a handful of connections per writer, whatever the
number of agents.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from actors.codec import unpack
from actors.messages import AgentSnapshot, Flush, FlushResult
from actors.model import IDENTITY, Event, Identity, identity_versions
from actors.stores.base import Page
from actors.stores.log_rows import EVENT_COLUMNS, IDENTITY_COLUMNS, decode_event, event_row, identity_row
from actors.stores.sequencing import assume_fresh, plan_checked

SCHEMA = """
CREATE SCHEMA IF NOT EXISTS {schema};
CREATE TABLE IF NOT EXISTS {schema}.events (
    agent_id   text             NOT NULL,
    seq        bigint           NOT NULL,
    event_id   text             NOT NULL,
    kind       text             NOT NULL,
    session_id text,
    created_at double precision NOT NULL,
    payload    bytea            NOT NULL,
    PRIMARY KEY (agent_id, seq),
    UNIQUE (agent_id, event_id)
);
CREATE TABLE IF NOT EXISTS {schema}.identity_versions (
    agent_id   text             NOT NULL,
    version    integer          NOT NULL,
    seq        bigint           NOT NULL,
    created_at double precision NOT NULL,
    payload    bytea            NOT NULL,
    PRIMARY KEY (agent_id, version)
);
CREATE TABLE IF NOT EXISTS {schema}.tier_checkpoints (
    tier     text   NOT NULL,
    agent_id text   NOT NULL,
    seq      bigint NOT NULL,
    PRIMARY KEY (tier, agent_id)
);
CREATE TABLE IF NOT EXISTS {schema}.tier_models (
    tier  text NOT NULL PRIMARY KEY,
    model text NOT NULL
);
"""

TRANSIENT = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
    asyncpg.AdminShutdownError,
)


def schema_name(namespace: str) -> str:
    """The PostgreSQL schema of a deployment namespace (quoted: namespaces may hold '-')."""
    return '"nm_' + namespace.replace('"', "") + '"'


class PostgresLog:
    """EventLog on PostgreSQL; one asyncpg pool per writer actor."""

    name = "postgres"

    def __init__(self, dsn: str, namespace: str, pool_size: int = 4, timeout_s: float = 5.0) -> None:
        self.dsn = dsn
        self.schema = schema_name(namespace)
        self.application_name = f"novamem:{namespace}"
        """Shown in pg_stat_activity, so an operator can count a deployment's connections."""
        self.table_schema = self.schema.strip('"')
        self.pool_size = pool_size
        self.timeout_s = timeout_s
        self._pool: asyncpg.Pool | None = None
        self._heads: dict[str, int] = {}

    async def open(self) -> None:
        if self._pool is None:
            pool = await asyncpg.create_pool(
                self.dsn,
                min_size=1,
                max_size=self.pool_size,
                timeout=self.timeout_s,
                command_timeout=30,
                server_settings={"application_name": self.application_name},
            )
            try:
                async with pool.acquire() as conn:
                    await conn.execute("SELECT pg_advisory_lock(hashtext($1))", self.schema)
                    try:
                        await conn.execute(SCHEMA.format(schema=self.schema))
                    finally:
                        await conn.execute("SELECT pg_advisory_unlock(hashtext($1))", self.schema)
            except BaseException:
                await pool.close()
                raise
            self._pool = pool

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise asyncpg.InterfaceError("the PostgreSQL log is not open")
        return self._pool

    async def ping(self) -> None:
        await self.pool.fetchval("SELECT 1", timeout=self.timeout_s)

    def is_transient(self, error: BaseException) -> bool:
        return isinstance(error, TRANSIENT)

    # -- writes ---------------------------------------------------------------------

    async def append(self, flushes: list[Flush]) -> list[FlushResult]:
        async with self.pool.acquire() as conn:
            heads = await self._cached_heads(conn, [f.agent_id for f in flushes])
            if all(head == f.first_seq - 1 for head, f in zip(heads, flushes)):
                try:
                    async with conn.transaction():
                        return await self._insert_all(conn, flushes)
                except asyncpg.UniqueViolationError:
                    pass
            for flush in flushes:
                self._heads.pop(flush.agent_id, None)
            async with conn.transaction():
                return [await self._insert_checked(conn, flush) for flush in flushes]

    async def _cached_heads(self, conn: asyncpg.Connection, agent_ids: list[str]) -> list[int]:
        """Each agent's last seq; the ones not cached yet are read in one round trip."""
        missing = list({a for a in agent_ids if a not in self._heads})
        if missing:
            rows = await conn.fetch(
                f"SELECT agent_id, max(seq) FROM {self.schema}.events"
                " WHERE agent_id = ANY($1::text[]) GROUP BY agent_id",
                missing,
            )
            self._heads.update(dict.fromkeys(missing, 0))
            self._heads.update((agent_id, head) for agent_id, head in rows)
        return [self._heads[a] for a in agent_ids]

    async def _head(self, conn: asyncpg.Connection, agent_id: str) -> int:
        return await conn.fetchval(f"SELECT coalesce(max(seq), 0) FROM {self.schema}.events WHERE agent_id = $1", agent_id)

    async def _copy(self, conn: asyncpg.Connection, events: list[Event]) -> None:
        await conn.copy_records_to_table(
            "events", records=[event_row(e) for e in events], columns=list(EVENT_COLUMNS), schema_name=self.table_schema
        )
        identities = [identity_row(e) for e in events if e.kind == IDENTITY]
        if identities:
            await conn.copy_records_to_table(
                "identity_versions", records=identities, columns=list(IDENTITY_COLUMNS), schema_name=self.table_schema
            )

    async def _insert_all(self, conn: asyncpg.Connection, flushes: list[Flush]) -> list[FlushResult]:
        results = [assume_fresh(flush) for flush in flushes]
        await self._copy(conn, [event for flush in flushes for event in flush.events])
        for result in results:
            self._heads[result.agent_id] = result.head
        return results

    async def _insert_checked(self, conn: asyncpg.Connection, flush: Flush) -> FlushResult:
        rows = await conn.fetch(
            f"SELECT event_id, seq FROM {self.schema}.events WHERE agent_id = $1 AND event_id = ANY($2::text[])",
            flush.agent_id,
            [e.event_id for e in flush.events],
        )
        result, new_events = plan_checked(flush, await self._head(conn, flush.agent_id), dict(rows))
        if not result.ok or not new_events:
            return result
        try:
            async with conn.transaction():  # a savepoint: only this flush is undone on conflict
                await self._copy(conn, new_events)
        except asyncpg.UniqueViolationError:
            return FlushResult(flush.agent_id, False, await self._head(conn, flush.agent_id))
        self._heads[flush.agent_id] = result.head
        return result

    # -- reads ----------------------------------------------------------------------

    async def head(self, agent_id: str) -> int:
        async with self.pool.acquire() as conn:
            return await self._head(conn, agent_id)

    async def snapshot(self, agent_id: str, recent_limit: int, dedup_window: int) -> AgentSnapshot:
        async with self.pool.acquire() as conn:
            head = await self._head(conn, agent_id)
            recent = await conn.fetch(
                f"SELECT payload FROM {self.schema}.events WHERE agent_id = $1 AND kind <> $2 "
                "ORDER BY seq DESC LIMIT $3",
                agent_id,
                IDENTITY,
                recent_limit,
            )
            ids = await conn.fetch(
                f"SELECT event_id, seq FROM {self.schema}.events WHERE agent_id = $1 ORDER BY seq DESC LIMIT $2",
                agent_id,
                dedup_window,
            )
            identity = await self._current_identity(conn, agent_id)
        return AgentSnapshot(
            agent_id=agent_id,
            head=head,
            identity=identity,
            recent=[decode_event(r["payload"]) for r in reversed(recent)],
            recent_ids={r["event_id"]: r["seq"] for r in ids},
        )

    async def _current_identity(self, conn: asyncpg.Connection, agent_id: str) -> Identity | None:
        rows = await conn.fetch(
            f"(SELECT payload, created_at FROM {self.schema}.identity_versions WHERE agent_id = $1 "
            "ORDER BY version ASC LIMIT 1) UNION ALL "
            f"(SELECT payload, created_at FROM {self.schema}.identity_versions WHERE agent_id = $1 "
            "ORDER BY version DESC LIMIT 1)",
            agent_id,
        )
        if not rows:
            return None
        return Identity.at(unpack(rows[-1]["payload"]), rows[0]["created_at"], rows[-1]["created_at"])

    async def read_after(self, agent_id: str, after_seq: int, limit: int) -> list[Event]:
        rows = await self.pool.fetch(
            f"SELECT payload FROM {self.schema}.events WHERE agent_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            agent_id,
            after_seq,
            limit,
        )
        return [decode_event(r["payload"]) for r in rows]

    async def history(self, agent_id: str, page: Page) -> list[Event]:
        sql = [f"SELECT payload FROM {self.schema}.events WHERE agent_id = $1 AND kind <> $2"]
        params: list[Any] = [agent_id, IDENTITY]
        if page.before_seq is not None:
            params.append(page.before_seq)
            sql.append(f"AND seq < ${len(params)}")
        if page.kinds:
            params.append(page.kinds)
            sql.append(f"AND kind = ANY(${len(params)}::text[])")
        if page.session_id is not None:
            params.append(page.session_id)
            sql.append(f"AND session_id = ${len(params)}")
        params.append(page.limit)
        sql.append(f"ORDER BY seq DESC LIMIT ${len(params)}")
        rows = await self.pool.fetch(" ".join(sql), *params)
        return [decode_event(r["payload"]) for r in rows]

    async def get(self, agent_id: str, seqs: list[int]) -> list[Event]:
        if not seqs:
            return []
        rows = await self.pool.fetch(
            f"SELECT payload FROM {self.schema}.events WHERE agent_id = $1 AND seq = ANY($2::bigint[])", agent_id, seqs
        )
        return [decode_event(r["payload"]) for r in rows]

    async def identity_history(self, agent_id: str) -> list[Identity]:
        rows = await self.pool.fetch(
            f"SELECT payload, created_at FROM {self.schema}.identity_versions WHERE agent_id = $1 ORDER BY version",
            agent_id,
        )
        return identity_versions([(unpack(row["payload"]), row["created_at"]) for row in rows])

    async def heads(self) -> dict[str, int]:
        rows = await self.pool.fetch(f"SELECT agent_id, max(seq) AS head FROM {self.schema}.events GROUP BY agent_id")
        return {r["agent_id"]: r["head"] for r in rows}

    async def count(self, agent_id: str | None = None, memories_only: bool = False) -> int:
        sql, params = f"SELECT count(*) FROM {self.schema}.events WHERE true", []
        if agent_id is not None:
            params.append(agent_id)
            sql += f" AND agent_id = ${len(params)}"
        if memories_only:
            params.append(IDENTITY)
            sql += f" AND kind <> ${len(params)}"
        return await self.pool.fetchval(sql, *params)

    # -- tier checkpoints -----------------------------------------------------------

    async def checkpoints(self, tier: str) -> dict[str, int]:
        rows = await self.pool.fetch(f"SELECT agent_id, seq FROM {self.schema}.tier_checkpoints WHERE tier = $1", tier)
        return {r["agent_id"]: r["seq"] for r in rows}

    async def save_checkpoints(self, tier: str, checkpoints: dict[str, int]) -> None:
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.executemany(
                f"INSERT INTO {self.schema}.tier_checkpoints VALUES ($1, $2, $3) ON CONFLICT (tier, agent_id) "
                f"DO UPDATE SET seq = greatest({self.schema}.tier_checkpoints.seq, excluded.seq)",
                [(tier, agent, seq) for agent, seq in checkpoints.items()],
            )

    async def reset_checkpoints(self, tier: str) -> None:
        await self.pool.execute(f"DELETE FROM {self.schema}.tier_checkpoints WHERE tier = $1", tier)

    async def tier_model(self, tier: str) -> str | None:
        return await self.pool.fetchval(f"SELECT model FROM {self.schema}.tier_models WHERE tier = $1", tier)

    async def set_tier_model(self, tier: str, model: str) -> None:
        await self.pool.execute(
            f"INSERT INTO {self.schema}.tier_models VALUES ($1, $2) ON CONFLICT (tier) DO UPDATE SET model = excluded.model",
            tier,
            model,
        )
