"""Tier `neo4j`: agents, memories and the entities they mention, as a graph.

Nodes: `(:Agent)`, `(:Memory)`, `(:Entity)`; edges: `REMEMBERS` (agent to memory),
`MENTIONS` (memory to entity) and `MESSAGED` (agent to agent, from message events whose
metadata names a recipient in `to`). Every node carries a `uid` derived from the
deployment namespace and its natural key, with a uniqueness constraint, so batched
`UNWIND … MERGE` is idempotent. Entities are shared across agents (one knowledge graph),
but every query walks only the asking agent's memories.
"""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver, AsyncGraphDatabase

from actors import model
from actors.model import IDENTITY, Event
from actors.stores.base import Query

CONSTRAINTS = [
    "CREATE CONSTRAINT novamem_agent_uid IF NOT EXISTS FOR (n:Agent) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT novamem_memory_uid IF NOT EXISTS FOR (n:Memory) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT novamem_entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE",
    "CREATE INDEX novamem_memory_agent IF NOT EXISTS FOR (n:Memory) ON (n.ns, n.agent_id)",
]

APPLY_MEMORIES = """
UNWIND $rows AS r
OPTIONAL MATCH (applied:Memory {uid: $ns + '|' + r.agent_id + '|' + toString(r.seq)})
WITH r WHERE applied IS NULL
MERGE (a:Agent {uid: $ns + '|' + r.agent_id})
  ON CREATE SET a.ns = $ns, a.agent_id = r.agent_id
CREATE (m:Memory {uid: $ns + '|' + r.agent_id + '|' + toString(r.seq), ns: $ns, agent_id: r.agent_id, seq: r.seq,
                  kind: r.kind, content: r.content, session_id: r.session_id, created_at: r.created_at})
CREATE (a)-[:REMEMBERS]->(m)
WITH m, r
UNWIND r.entities AS entity
MERGE (e:Entity {uid: $ns + '|' + entity.key})
  ON CREATE SET e.ns = $ns, e.key = entity.key, e.name = entity.name
CREATE (m)-[:MENTIONS]->(e)
"""
"""A logged event never changes, so a memory already in the graph was applied whole (in
one transaction, with its edges): it is skipped. A new one is created with its edges,
with no MERGE on relationships, whose cost grows with the agent's number of memories."""

APPLY_IDENTITIES = """
UNWIND $rows AS r
MERGE (a:Agent {uid: $ns + '|' + r.agent_id})
  ON CREATE SET a.ns = $ns, a.agent_id = r.agent_id
SET a.name = r.name, a.identity_version = r.version
"""

APPLY_MESSAGES = """
UNWIND $rows AS r
MERGE (a:Agent {uid: $ns + '|' + r.agent_id})
  ON CREATE SET a.ns = $ns, a.agent_id = r.agent_id
MERGE (b:Agent {uid: $ns + '|' + r.to})
  ON CREATE SET b.ns = $ns, b.agent_id = r.to
MERGE (a)-[:MESSAGED]->(b)
"""

ENTITY_HITS = """
MATCH (m:Memory {ns: $ns, agent_id: $agent})-[:MENTIONS]->(e:Entity)
WHERE e.key IN $keys AND ($kinds IS NULL OR m.kind IN $kinds) AND ($session IS NULL OR m.session_id = $session)
RETURN m.seq AS seq, count(e) AS hits ORDER BY hits DESC, seq DESC LIMIT $limit
"""

RELATED_HITS = """
MATCH (m:Memory {ns: $ns, agent_id: $agent})-[:MENTIONS]->(e:Entity)
WHERE e.key IN $keys
MATCH (m)-[:MENTIONS]->(shared:Entity)<-[:MENTIONS]-(n:Memory {ns: $ns, agent_id: $agent})
WHERE n <> m AND NOT shared.key IN $keys
  AND ($kinds IS NULL OR n.kind IN $kinds) AND ($session IS NULL OR n.session_id = $session)
RETURN n.seq AS seq, count(*) AS paths ORDER BY paths DESC, seq DESC LIMIT $limit
"""


MEMORY_PROPERTIES = ("agent_id", "seq", "kind", "content", "session_id", "created_at")


def memory_row(event: Event) -> dict[str, Any]:
    """One row of the `APPLY_MEMORIES` UNWIND: the memory's properties and the entities it names."""
    row: dict[str, Any] = {name: getattr(event, name) for name in MEMORY_PROPERTIES}
    row["entities"] = [{"key": key, "name": name} for key, name in event.entity_keys.items()]
    return row


class Neo4jGraphTier:
    """Relations between agents, memories and entities, queried by neighbourhood."""

    name = "neo4j"
    retention = None
    needs_vectors = False

    def __init__(self, uri: str, namespace: str, auth: tuple[str, str] | None, timeout_s: float = 5.0) -> None:
        self.uri = uri
        self.ns = namespace
        self.auth = auth
        self.timeout_s = timeout_s
        self._driver: AsyncDriver | None = None

    @property
    def driver(self) -> AsyncDriver:
        if self._driver is None:
            raise ConnectionError("the neo4j tier is not open")
        return self._driver

    async def open(self) -> None:
        if self._driver is None:
            driver = AsyncGraphDatabase.driver(
                self.uri,
                auth=self.auth,
                connection_timeout=self.timeout_s,
                connection_acquisition_timeout=self.timeout_s,
                max_transaction_retry_time=self.timeout_s,
                max_connection_pool_size=8,
            )
            try:
                for statement in CONSTRAINTS:
                    await driver.execute_query(statement)
            except BaseException:
                await driver.close()
                raise
            self._driver = driver

    async def close(self) -> None:
        if self._driver is not None:
            await self._driver.close()
            self._driver = None

    async def ping(self) -> None:
        await self.driver.verify_connectivity()

    async def apply(self, events: list[Event]) -> None:
        memories = [memory_row(e) for e in events if e.kind != IDENTITY]
        identities = [
            {"agent_id": e.agent_id, "name": e.data.get("name"), "version": e.data.get("version")}
            for e in events
            if e.kind == IDENTITY
        ]
        messages = [{"agent_id": e.agent_id, "to": to} for e in events for to in model.message_recipients(e)]
        async with self.driver.session() as session:
            await session.execute_write(self._write, memories, identities, messages)

    async def _write(self, tx: Any, memories: list, identities: list, messages: list) -> None:
        for statement, rows in ((APPLY_IDENTITIES, identities), (APPLY_MEMORIES, memories), (APPLY_MESSAGES, messages)):
            if rows:
                await (await tx.run(statement, rows=rows, ns=self.ns)).consume()

    async def search(self, query: Query) -> dict[str, list[int]]:
        """`entity`: memories naming entities the query names; `related`: memories that
        share an entity with those (one more hop through the graph)."""
        keys = model.mentioned_keys(query.text)
        if not keys:
            return {}
        params = {
            "ns": self.ns,
            "agent": query.agent_id,
            "keys": keys,
            "kinds": query.kinds,
            "session": query.session_id,
            "limit": query.candidates,
        }
        direct, _, _ = await self.driver.execute_query(ENTITY_HITS, params)
        related, _, _ = await self.driver.execute_query(RELATED_HITS, params)
        direct_seqs = [r["seq"] for r in direct]
        return {"entity": direct_seqs, "related": [r["seq"] for r in related if r["seq"] not in direct_seqs]}

    async def neighbourhood(self, agent_id: str, hops: int, entity: str | None, limit: int) -> dict[str, Any]:
        """Nodes and edges within `hops` of the agent (or of one entity it mentions).

        Paths may pass through entities and other agents, but any Memory on them must be
        the asking agent's own: another agent's memories are never returned.
        """
        if entity is not None:
            start = "MATCH (s:Entity {uid: $ns + '|' + $entity})<-[:MENTIONS]-(:Memory {ns: $ns, agent_id: $agent})"
        else:
            start = "MATCH (s:Agent {uid: $ns + '|' + $agent})"
        cypher = (
            f"{start} WITH DISTINCT s "
            f"MATCH p = (s)-[*1..{int(hops)}]-(n) "
            "WHERE all(x IN nodes(p) WHERE NOT x:Memory OR x.agent_id = $agent) "
            "WITH p LIMIT $limit UNWIND relationships(p) AS r "
            "WITH DISTINCT r RETURN startNode(r) AS a, type(r) AS type, endNode(r) AS b"
        )
        params = {"ns": self.ns, "agent": agent_id, "entity": model.entity_key(entity or ""), "limit": limit}
        records, _, _ = await self.driver.execute_query(cypher, params)
        nodes: dict[str, dict[str, Any]] = {}
        edges = []
        for record in records:
            a, b = _node(record["a"]), _node(record["b"])
            nodes[a["id"]], nodes[b["id"]] = a, b
            edges.append(model.graph_edge(a["id"], record["type"], b["id"]))
        return {"nodes": list(nodes.values()), "edges": edges}

    async def drop(self) -> None:
        async with self.driver.session() as session:  # CALL … IN TRANSACTIONS needs an auto-commit query
            result = await session.run(
                "MATCH (n) WHERE n.ns = $ns CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", ns=self.ns
            )
            await result.consume()

    async def count(self, agent_id: str | None = None) -> int:
        if agent_id is None:
            records, _, _ = await self.driver.execute_query(
                "MATCH (m:Memory {ns: $ns}) RETURN count(m) AS n", {"ns": self.ns}
            )
        else:
            records, _, _ = await self.driver.execute_query(
                "MATCH (m:Memory {ns: $ns, agent_id: $agent}) RETURN count(m) AS n", {"ns": self.ns, "agent": agent_id}
            )
        return records[0]["n"]


def _node(node: Any) -> dict[str, Any]:
    """A node in the one shape every graph store returns (see `actors.model`)."""
    label = next(iter(node.labels), "Node")
    props = dict(node)
    if label == "Memory":
        return model.memory_node(props["seq"], props.get("kind"), props.get("content"))
    if label == "Entity":
        return model.entity_node(props["key"], props.get("name"))
    return model.agent_node(props["agent_id"], props.get("name"))
