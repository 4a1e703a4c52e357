"""The embedded profile's recall tier: vectors, full-text and entity mentions in SQLite.

Derived from the log and rebuildable from it. Vectors are float32 blobs searched by
brute-force cosine (fine at embedded sizes); keyword search is FTS5 with BM25; entity
mentions form the adjacency table that answers "memories that mention X".
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

import numpy as np

from actors import model
from actors.model import Event
from actors.stores.base import Query
from actors.stores.log_rows import decode_event
from actors.stores.sqlite_thread import SqliteThread, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS memory_index (
    id         INTEGER PRIMARY KEY,
    agent_id   TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    session_id TEXT,
    metadata   TEXT    NOT NULL DEFAULT '{}',
    vector     BLOB    NOT NULL,
    UNIQUE (agent_id, seq)
);
CREATE VIRTUAL TABLE IF NOT EXISTS memory_text USING fts5(content, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS memory_entities (
    agent_id TEXT    NOT NULL,
    entity   TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    name     TEXT,
    PRIMARY KEY (agent_id, entity, seq)
) WITHOUT ROWID;
"""

UPSERT_INDEX = (
    "INSERT INTO memory_index (agent_id, seq, kind, session_id, metadata, vector) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (agent_id, seq) DO UPDATE SET kind = excluded.kind, session_id = excluded.session_id, "
    "metadata = excluded.metadata, vector = excluded.vector RETURNING id"
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
    words = dict.fromkeys(model.tokenize(text))
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


class SqliteIndexTier:
    """Tier `index`: the embedded vector, keyword and entity index."""

    name = "index"
    retention = None
    needs_vectors = True

    def __init__(self, path: str, synchronous: str = "NORMAL") -> None:
        self._db = SqliteThread(path, synchronous)

    async def open(self) -> None:
        await self._db.run(lambda conn: transaction(conn, _create_or_migrate))

    async def close(self) -> None:
        await self._db.close()

    async def ping(self) -> None:
        await self._db.run(lambda conn: conn.execute("SELECT 1").fetchone())

    async def apply(self, events: list[Event]) -> None:
        memories = [e for e in events if e.is_memory]
        if not memories:
            return

        def work(conn: sqlite3.Connection) -> None:
            for event in memories:
                vector = np.asarray(event.embedding, dtype=np.float32).tobytes()
                row = (event.agent_id, event.seq, event.kind, event.session_id, json.dumps(event.metadata), vector)
                (row_id,) = conn.execute(UPSERT_INDEX, row).fetchone()
                conn.execute("INSERT OR REPLACE INTO memory_text (rowid, content) VALUES (?, ?)", (row_id, event.content))
                conn.executemany(
                    "INSERT OR IGNORE INTO memory_entities VALUES (?, ?, ?, ?)",
                    [(event.agent_id, key, event.seq, name) for key, name in event.entity_keys.items()],
                )

        await self._db.run(lambda conn: transaction(conn, work))

    async def search(self, query: Query) -> dict[str, list[int]]:
        return await self._db.run(lambda conn: self._search(conn, query))

    def _search(self, conn: sqlite3.Connection, query: Query) -> dict[str, list[int]]:
        ranked: dict[str, list[int]] = {"vector": [], "keyword": [], "entity": []}
        where, params = _filters(query)
        rows = []
        if query.vector is not None:
            rows = conn.execute(
                f"SELECT seq, vector FROM memory_index WHERE agent_id = ?{where}", (query.agent_id, *params)
            ).fetchall()
        if rows:
            probe = np.asarray(query.vector, dtype=np.float32)
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
        entities = model.mentioned_keys(query.text)
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

    async def find(self, agent_id: str, metadata: dict[str, Any], kinds: list[str] | None, limit: int) -> list[int]:
        sql, params = "SELECT seq FROM memory_index WHERE agent_id = ?", [agent_id]
        for path, value in metadata.items():
            sql += " AND json_extract(metadata, ?) IS ?"
            params += [json_path(path), int(value) if isinstance(value, bool) else value]
        if kinds:
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            params += kinds
        sql += " ORDER BY seq DESC LIMIT ?"
        params.append(limit)
        return await self._db.run(lambda conn: [r[0] for r in conn.execute(sql, params).fetchall()])

    async def neighbourhood(self, agent_id: str, hops: int, entity: str | None, limit: int) -> dict[str, Any]:
        """The agent's own bipartite graph of memories and entities, walked breadth first."""
        rows = await self._db.run(
            lambda conn: conn.execute(
                "SELECT i.seq, i.kind, t.content, e.entity, e.name FROM memory_index i "
                "JOIN memory_text t ON t.rowid = i.id "
                "LEFT JOIN memory_entities e ON e.agent_id = i.agent_id AND e.seq = i.seq WHERE i.agent_id = ?",
                (agent_id,),
            ).fetchall()
        )
        return walk_memory_graph(agent_id, rows, hops, entity, limit)

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


def _create_or_migrate(conn: sqlite3.Connection) -> None:
    """Create the index, or bring an index written by an older novamem up to date.

    Indexes from before metadata queries lack `memory_index.metadata`: the column is added
    and filled from the log's own payloads, which live in the same file. Indexes from
    before entity keys were words (`entity_key`) lack `memory_entities.name`: their keys
    are rewritten, and the old key is kept as the name.
    """
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    if "metadata" not in _columns(conn, "memory_index"):
        conn.execute("ALTER TABLE memory_index ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}'")
        rows = conn.execute(
            "SELECT i.id, e.payload FROM memory_index i JOIN events e ON e.agent_id = i.agent_id AND e.seq = i.seq"
        ).fetchall()
        conn.executemany(
            "UPDATE memory_index SET metadata = ? WHERE id = ?",
            [(json.dumps(decode_event(payload).metadata), row_id) for row_id, payload in rows],
        )
    if "name" not in _columns(conn, "memory_entities"):
        rows = conn.execute("SELECT agent_id, entity, seq FROM memory_entities").fetchall()
        conn.execute("DROP TABLE memory_entities")
        conn.execute(SCHEMA[SCHEMA.index("CREATE TABLE IF NOT EXISTS memory_entities") :].split(";")[0])
        conn.executemany(
            "INSERT OR IGNORE INTO memory_entities VALUES (?, ?, ?, ?)",
            [(agent, model.entity_key(old), seq, old) for agent, old, seq in rows if model.entity_key(old)],
        )


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def json_path(dotted: str) -> str:
    """`a.b` -> `$."a"."b"`: every key quoted, so any key text is safe."""
    return "$" + "".join('."' + part.replace('"', '""') + '"' for part in dotted.split("."))


def walk_memory_graph(
    agent_id: str, rows: list[tuple[int, str, str, str | None, str | None]], hops: int, entity: str | None, limit: int
) -> dict[str, Any]:
    """Breadth-first walk over agent -REMEMBERS-> memory -MENTIONS-> entity edges.

    `rows` are (seq, kind, content, entity key or None, entity name) of one agent only,
    so the walk can never reach another agent's memories.
    """
    nodes: dict[str, dict[str, Any]] = {}
    adjacency: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    agent = model.agent_node(agent_id)
    nodes[agent["id"]] = agent
    for seq, kind, content, key, name in rows:
        memory = model.memory_node(seq, kind, content)
        nodes[memory["id"]] = memory
        remembers = (agent["id"], model.REMEMBERS, memory["id"])
        if remembers not in adjacency[agent["id"]]:
            adjacency[agent["id"]].append(remembers)
            adjacency[memory["id"]].append(remembers)
        if key is not None:
            mentioned = model.entity_node(key, name)
            node = nodes.setdefault(mentioned["id"], mentioned)
            mentions = (memory["id"], model.MENTIONS, node["id"])
            adjacency[memory["id"]].append(mentions)
            adjacency[node["id"]].append(mentions)
    start = agent["id"] if entity is None else model.entity_node(model.entity_key(entity), entity)["id"]
    if start not in nodes:
        return {"nodes": [], "edges": []}
    seen, frontier, edges = {start}, [start], []
    for _ in range(hops):
        following = []
        for node in frontier:
            for edge in adjacency[node]:
                if edge in edges or len(edges) >= limit:
                    continue
                edges.append(edge)
                for end in (edge[0], edge[2]):
                    if end not in seen:
                        seen.add(end)
                        following.append(end)
        frontier = following
    return {"nodes": [nodes[n] for n in seen], "edges": [model.graph_edge(*edge) for edge in edges]}
