"""The embedded profile's recall tier: vectors, full-text and entity mentions in SQLite.

Derived from the log and rebuildable from it. Vectors are float32 blobs searched by
brute-force cosine (fine at embedded sizes); keyword search is FTS5 with BM25; entity
mentions form the adjacency table that answers "memories that mention X".
"""

from __future__ import annotations

import sqlite3

import numpy as np

from actors.embedding import Embedder, normalise, tokenize
from actors.model import Event
from actors.stores.base import Query
from actors.stores.sqlite_thread import SqliteThread, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS memory_index (
    id         INTEGER PRIMARY KEY,
    agent_id   TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    session_id TEXT,
    vector     BLOB    NOT NULL,
    UNIQUE (agent_id, seq)
);
CREATE VIRTUAL TABLE IF NOT EXISTS memory_text USING fts5(content, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS memory_entities (
    agent_id TEXT    NOT NULL,
    entity   TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (agent_id, entity, seq)
) WITHOUT ROWID;
"""

UPSERT_INDEX = (
    "INSERT INTO memory_index (agent_id, seq, kind, session_id, vector) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (agent_id, seq) DO UPDATE SET kind = excluded.kind, session_id = excluded.session_id, "
    "vector = excluded.vector RETURNING id"
)


def _filters(query: Query, alias: str = "") -> tuple[str, list]:
    prefix = f"{alias}." if alias else ""
    sql, params = "", []
    if query.kinds:
        sql += f" AND {prefix}kind IN ({','.join('?' * len(query.kinds))})"
        params.extend(query.kinds)
    if query.session_id is not None:
        sql += f" AND {prefix}session_id = ?"
        params.append(query.session_id)
    return sql, params


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression OR-ing the quoted words of `text` (no operator injection)."""
    words = dict.fromkeys(tokenize(text))
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


class SqliteIndexTier:
    """Tier `index`: the embedded vector, keyword and entity index."""

    name = "index"

    def __init__(self, path: str, embedder: Embedder, synchronous: str = "NORMAL") -> None:
        self.embedder = embedder
        self._db = SqliteThread(path, synchronous)

    async def open(self) -> None:
        await self._db.run(lambda conn: conn.executescript(SCHEMA))

    async def close(self) -> None:
        await self._db.close()

    async def ping(self) -> None:
        await self._db.run(lambda conn: conn.execute("SELECT 1").fetchone())

    def _vectors(self, events: list[Event]) -> np.ndarray:
        """Client-sent embeddings where present, the embedder's otherwise."""
        out = np.zeros((len(events), self.embedder.dim), dtype=np.float32)
        missing = [i for i, e in enumerate(events) if not e.embedding]
        if missing:
            out[missing] = self.embedder.embed([events[i].content for i in missing])
        for i, event in enumerate(events):
            if event.embedding:
                out[i] = normalise(np.asarray([event.embedding], dtype=np.float32))[0]
        return out

    async def apply(self, events: list[Event]) -> None:
        memories = [e for e in events if e.is_memory]
        if not memories:
            return
        vectors = self._vectors(memories)

        def work(conn: sqlite3.Connection) -> None:
            for event, vector in zip(memories, vectors):
                (row_id,) = conn.execute(
                    UPSERT_INDEX, (event.agent_id, event.seq, event.kind, event.session_id, vector.tobytes())
                ).fetchone()
                conn.execute("INSERT OR REPLACE INTO memory_text (rowid, content) VALUES (?, ?)", (row_id, event.content))
                conn.executemany(
                    "INSERT OR IGNORE INTO memory_entities VALUES (?, ?, ?)",
                    [(event.agent_id, entity.casefold(), event.seq) for entity in event.entities],
                )

        await self._db.run(lambda conn: transaction(conn, work))

    async def search(self, query: Query) -> dict[str, list[int]]:
        if query.vector is not None:
            probe = normalise(np.asarray([query.vector], dtype=np.float32))[0]
        else:
            probe = self.embedder.embed([query.text])[0]
        return await self._db.run(lambda conn: self._search(conn, query, probe))

    def _search(self, conn: sqlite3.Connection, query: Query, probe: np.ndarray) -> dict[str, list[int]]:
        where, params = _filters(query)
        rows = conn.execute(
            f"SELECT seq, vector FROM memory_index WHERE agent_id = ?{where}", (query.agent_id, *params)
        ).fetchall()
        ranked: dict[str, list[int]] = {"vector": [], "keyword": [], "entity": []}
        if rows and probe.any():
            matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
            scores = matrix @ probe
            top = np.argsort(-scores, kind="stable")[: query.candidates]
            ranked["vector"] = [rows[i][0] for i in top if scores[i] > 0]
        match = fts_query(query.text)
        if match:
            where_i, params_i = _filters(query, "i")
            ranked["keyword"] = [
                r[0]
                for r in conn.execute(
                    "SELECT i.seq FROM memory_text JOIN memory_index i ON i.id = memory_text.rowid "
                    f"WHERE memory_text MATCH ? AND i.agent_id = ?{where_i} ORDER BY bm25(memory_text) LIMIT ?",
                    (match, query.agent_id, *params_i, query.candidates),
                ).fetchall()
            ]
        ranked["entity"] = self._entity_hits(conn, query)
        return ranked

    @staticmethod
    def _entity_hits(conn: sqlite3.Connection, query: Query) -> list[int]:
        """Memories mentioning entities that the query names, most mentions first."""
        text = f" {' '.join(tokenize(query.text))} "
        entities = [
            e
            for (e,) in conn.execute(
                "SELECT DISTINCT entity FROM memory_entities WHERE agent_id = ?", (query.agent_id,)
            ).fetchall()
            if f" {' '.join(tokenize(e))} " in text
        ]
        if not entities:
            return []
        where, params = _filters(query, "i")
        rows = conn.execute(
            "SELECT m.seq, COUNT(*) AS hits FROM memory_entities m JOIN memory_index i "
            "ON i.agent_id = m.agent_id AND i.seq = m.seq "
            f"WHERE m.agent_id = ? AND m.entity IN ({','.join('?' * len(entities))}){where} "
            "GROUP BY m.seq ORDER BY hits DESC, m.seq DESC LIMIT ?",
            (query.agent_id, *entities, *params, query.candidates),
        ).fetchall()
        return [r[0] for r in rows]

    async def drop(self) -> None:
        def work(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM memory_index")
            conn.execute("DELETE FROM memory_text")
            conn.execute("DELETE FROM memory_entities")

        await self._db.run(lambda conn: transaction(conn, work))

    async def count(self, agent_id: str | None = None) -> int:
        if agent_id is None:
            return await self._db.run(lambda conn: conn.execute("SELECT COUNT(*) FROM memory_index").fetchone()[0])
        return await self._db.run(
            lambda conn: conn.execute("SELECT COUNT(*) FROM memory_index WHERE agent_id = ?", (agent_id,)).fetchone()[0]
        )
