"""The embedded profile's system of record: the event log in one SQLite file (WAL).

Events are stored as msgpack payloads keyed `(agent_id, seq)`, with `(agent_id,
event_id)` unique so a retried write is recognised. Identity versions and tier
checkpoints live in the same file, so one transaction covers an event and its identity.
"""

from __future__ import annotations

import sqlite3

from actors.codec import unpack
from actors.messages import AgentSnapshot, Flush, FlushResult
from actors.model import IDENTITY, Event, Identity, identity_versions
from actors.stores import sqlite_thread
from actors.stores.base import Page
from actors.stores.log_rows import decode_event, event_row, identity_row
from actors.stores.sequencing import assume_fresh, plan_checked
from actors.stores.sqlite_thread import SqliteThread, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    agent_id   TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    event_id   TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    session_id TEXT,
    created_at REAL    NOT NULL,
    payload    BLOB    NOT NULL,
    PRIMARY KEY (agent_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (agent_id, event_id);
CREATE TABLE IF NOT EXISTS identity_versions (
    agent_id   TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    created_at REAL    NOT NULL,
    payload    BLOB    NOT NULL,
    PRIMARY KEY (agent_id, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tier_checkpoints (
    tier     TEXT    NOT NULL,
    agent_id TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (tier, agent_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tier_models (
    tier  TEXT NOT NULL PRIMARY KEY,
    model TEXT NOT NULL
);
"""

INSERT_EVENT = "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)"
INSERT_IDENTITY = "INSERT INTO identity_versions VALUES (?, ?, ?, ?, ?)"


def _placeholders(n: int) -> str:
    return ",".join("?" * n)


class SqliteLog:
    """EventLog on SQLite. One instance per writer actor; the file is shared by all writers."""

    name = "sqlite"

    def __init__(self, path: str, synchronous: str = "FULL") -> None:
        self.path = path
        self._writer = SqliteThread(path, synchronous)
        self._reader = SqliteThread(path, synchronous)
        self._heads: dict[str, int] = {}

    async def open(self) -> None:
        await self._writer.run(lambda conn: conn.executescript(SCHEMA))

    async def close(self) -> None:
        await self._writer.close()
        await self._reader.close()

    async def ping(self) -> None:
        await self._reader.run(lambda conn: conn.execute("SELECT 1").fetchone())

    def is_transient(self, error: BaseException) -> bool:
        return sqlite_thread.is_transient(error)

    # -- writes ---------------------------------------------------------------------

    async def append(self, flushes: list[Flush]) -> list[FlushResult]:
        return await self._writer.run(lambda conn: self._append(conn, flushes))

    def _append(self, conn: sqlite3.Connection, flushes: list[Flush]) -> list[FlushResult]:
        """Fast path: every flush continues its agent's head and no id repeats; else careful."""
        if all(self._cached_head(conn, f.agent_id) == f.first_seq - 1 for f in flushes):
            try:
                return transaction(conn, lambda c: self._insert_all(c, flushes))
            except sqlite3.IntegrityError:
                pass
        for flush in flushes:
            self._heads.pop(flush.agent_id, None)
        return transaction(conn, lambda c: [self._insert_checked(c, f) for f in flushes])

    def _cached_head(self, conn: sqlite3.Connection, agent_id: str) -> int:
        head = self._heads.get(agent_id)
        if head is None:
            head = self._head(conn, agent_id)
            self._heads[agent_id] = head
        return head

    @staticmethod
    def _head(conn: sqlite3.Connection, agent_id: str) -> int:
        row = conn.execute("SELECT MAX(seq) FROM events WHERE agent_id = ?", (agent_id,)).fetchone()
        return row[0] or 0

    def _insert_all(self, conn: sqlite3.Connection, flushes: list[Flush]) -> list[FlushResult]:
        results = [assume_fresh(flush) for flush in flushes]
        events = [event for flush in flushes for event in flush.events]
        conn.executemany(INSERT_EVENT, [event_row(e) for e in events])
        identities = [identity_row(e) for e in events if e.kind == IDENTITY]
        if identities:
            conn.executemany(INSERT_IDENTITY, identities)
        for result in results:
            self._heads[result.agent_id] = result.head
        return results

    def _insert_checked(self, conn: sqlite3.Connection, flush: Flush) -> FlushResult:
        """Deduplicate by event_id, verify the head, insert the rest; isolated by a savepoint."""
        ids = [e.event_id for e in flush.events]
        known = dict(
            conn.execute(
                f"SELECT event_id, seq FROM events WHERE agent_id = ? AND event_id IN ({_placeholders(len(ids))})",
                (flush.agent_id, *ids),
            ).fetchall()
        )
        result, new_events = plan_checked(flush, self._head(conn, flush.agent_id), known)
        if not result.ok:
            return result
        conn.execute("SAVEPOINT flush")
        try:
            conn.executemany(INSERT_EVENT, [event_row(e) for e in new_events])
            conn.executemany(INSERT_IDENTITY, [identity_row(e) for e in new_events if e.kind == IDENTITY])
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO flush")
            conn.execute("RELEASE flush")
            return FlushResult(flush.agent_id, False, self._head(conn, flush.agent_id))
        conn.execute("RELEASE flush")
        self._heads[flush.agent_id] = result.head
        return result

    # -- reads ----------------------------------------------------------------------

    async def head(self, agent_id: str) -> int:
        return await self._reader.run(lambda conn: self._head(conn, agent_id))

    async def snapshot(self, agent_id: str, recent_limit: int, dedup_window: int) -> AgentSnapshot:
        def work(conn: sqlite3.Connection) -> AgentSnapshot:
            head = self._head(conn, agent_id)
            recent = conn.execute(
                "SELECT payload FROM events WHERE agent_id = ? AND kind != ? ORDER BY seq DESC LIMIT ?",
                (agent_id, IDENTITY, recent_limit),
            ).fetchall()
            ids = conn.execute(
                "SELECT event_id, seq FROM events WHERE agent_id = ? ORDER BY seq DESC LIMIT ?",
                (agent_id, dedup_window),
            ).fetchall()
            return AgentSnapshot(
                agent_id=agent_id,
                head=head,
                identity=self._current_identity(conn, agent_id),
                recent=[decode_event(r[0]) for r in reversed(recent)],
                recent_ids=dict(ids),
            )

        return await self._reader.run(work)

    @staticmethod
    def _current_identity(conn: sqlite3.Connection, agent_id: str) -> Identity | None:
        rows = conn.execute(
            "SELECT payload, created_at FROM identity_versions WHERE agent_id = ? "
            "AND version IN ((SELECT MIN(version) FROM identity_versions WHERE agent_id = ?),"
            " (SELECT MAX(version) FROM identity_versions WHERE agent_id = ?)) ORDER BY version",
            (agent_id, agent_id, agent_id),
        ).fetchall()
        if not rows:
            return None
        return Identity.at(unpack(rows[-1][0]), rows[0][1], rows[-1][1])

    async def read_after(self, agent_id: str, after_seq: int, limit: int) -> list[Event]:
        rows = await self._reader.run(
            lambda conn: conn.execute(
                "SELECT payload FROM events WHERE agent_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                (agent_id, after_seq, limit),
            ).fetchall()
        )
        return [decode_event(r[0]) for r in rows]

    async def history(self, agent_id: str, page: Page) -> list[Event]:
        sql = ["SELECT payload FROM events WHERE agent_id = ? AND kind != ?"]
        params: list = [agent_id, IDENTITY]
        if page.before_seq is not None:
            sql.append("AND seq < ?")
            params.append(page.before_seq)
        if page.kinds:
            sql.append(f"AND kind IN ({_placeholders(len(page.kinds))})")
            params.extend(page.kinds)
        if page.session_id is not None:
            sql.append("AND session_id = ?")
            params.append(page.session_id)
        sql.append("ORDER BY seq DESC LIMIT ?")
        params.append(page.limit)
        rows = await self._reader.run(lambda conn: conn.execute(" ".join(sql), params).fetchall())
        return [decode_event(r[0]) for r in rows]

    async def get(self, agent_id: str, seqs: list[int]) -> list[Event]:
        if not seqs:
            return []
        rows = await self._reader.run(
            lambda conn: conn.execute(
                f"SELECT payload FROM events WHERE agent_id = ? AND seq IN ({_placeholders(len(seqs))})",
                (agent_id, *seqs),
            ).fetchall()
        )
        return [decode_event(r[0]) for r in rows]

    async def identity_history(self, agent_id: str) -> list[Identity]:
        rows = await self._reader.run(
            lambda conn: conn.execute(
                "SELECT payload, created_at FROM identity_versions WHERE agent_id = ? ORDER BY version",
                (agent_id,),
            ).fetchall()
        )
        return identity_versions([(unpack(payload), created_at) for payload, created_at in rows])

    async def heads(self) -> dict[str, int]:
        rows = await self._reader.run(
            lambda conn: conn.execute("SELECT agent_id, MAX(seq) FROM events GROUP BY agent_id").fetchall()
        )
        return dict(rows)

    async def count(self, agent_id: str | None = None, memories_only: bool = False) -> int:
        sql, params = "SELECT COUNT(*) FROM events WHERE 1=1", []
        if agent_id is not None:
            sql += " AND agent_id = ?"
            params.append(agent_id)
        if memories_only:
            sql += " AND kind != ?"
            params.append(IDENTITY)
        return await self._reader.run(lambda conn: conn.execute(sql, params).fetchone()[0])

    # -- tier checkpoints -----------------------------------------------------------

    async def checkpoints(self, tier: str) -> dict[str, int]:
        rows = await self._reader.run(
            lambda conn: conn.execute("SELECT agent_id, seq FROM tier_checkpoints WHERE tier = ?", (tier,)).fetchall()
        )
        return dict(rows)

    async def save_checkpoints(self, tier: str, checkpoints: dict[str, int]) -> None:
        rows = [(tier, agent, seq) for agent, seq in checkpoints.items()]
        await self._writer.run(
            lambda conn: transaction(
                conn,
                lambda c: c.executemany(
                    "INSERT INTO tier_checkpoints VALUES (?, ?, ?) ON CONFLICT (tier, agent_id) "
                    "DO UPDATE SET seq = MAX(seq, excluded.seq)",
                    rows,
                ),
            )
        )

    async def reset_checkpoints(self, tier: str) -> None:
        await self._writer.run(
            lambda conn: transaction(conn, lambda c: c.execute("DELETE FROM tier_checkpoints WHERE tier = ?", (tier,)))
        )

    async def tier_model(self, tier: str) -> str | None:
        row = await self._reader.run(
            lambda conn: conn.execute("SELECT model FROM tier_models WHERE tier = ?", (tier,)).fetchone()
        )
        return row[0] if row else None

    async def set_tier_model(self, tier: str, model: str) -> None:
        statement = "INSERT INTO tier_models VALUES (?, ?) ON CONFLICT (tier) DO UPDATE SET model = excluded.model"
        await self._writer.run(lambda conn: transaction(conn, lambda c: c.execute(statement, (tier, model))))

