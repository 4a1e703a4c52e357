"""The store contract every log and tier implementation must honour."""

from __future__ import annotations

import copy

from actors.messages import Flush
from actors.model import IDENTITY, Event, new_event_id, now
from actors.stores.base import DocumentTier, EventLog, GraphTier, HotTier, Page, Query, Tier


def _memory(
    agent_id: str,
    content: str,
    event_id: str | None = None,
    entities: list[str] | None = None,
    metadata: dict | None = None,
) -> Event:
    return Event(
        agent_id, 0, event_id or new_event_id(), "fact", content, metadata or {}, entities or [], created_at=now()
    )


def _identity(agent_id: str, version: int, name: str) -> Event:
    data = {"name": name, "persona": None, "traits": [], "metadata": {}, "version": version}
    return Event(agent_id, 0, new_event_id(), IDENTITY, name, data=data, created_at=now())


async def _append(log: EventLog, agent_id: str, first_seq: int, events: list[Event]):
    (result,) = await log.append([Flush(agent_id, first_seq, events)])
    return result


async def _seed(log: EventLog, agent_id: str, contents: list[str]) -> list[Event]:
    await _append(log, agent_id, 1, [_identity(agent_id, 1, agent_id.title())])
    events = [_memory(agent_id, c, entities=["Babbage"] if "engine" in c else []) for c in contents]
    result = await _append(log, agent_id, 2, events)
    assert result.ok and result.seqs == list(range(2, 2 + len(contents)))
    return await log.read_after(agent_id, 0, 1000)


async def test_append_assigns_dense_seqs_and_dedups_event_ids(stores: tuple[EventLog, list[Tier]]) -> None:
    log, _ = stores
    events = await _seed(log, "ada", ["one", "two"])
    assert [e.seq for e in events] == [1, 2, 3]
    retry = [_memory("ada", "two again", events[2].event_id), _memory("ada", "three")]
    result = await _append(log, "ada", 4, retry)
    assert result.ok and result.seqs == [3, 4] and result.created == [False, True]
    assert [e.seq for e in await log.read_after("ada", 0, 100)] == [1, 2, 3, 4]
    whole_retry = await _append(log, "ada", 4, [copy.copy(retry[1])])
    assert whole_retry.ok and whole_retry.seqs == [4] and whole_retry.created == [False]


async def test_stale_head_is_refused_not_written(stores: tuple[EventLog, list[Tier]]) -> None:
    log, _ = stores
    await _seed(log, "ada", ["one"])
    gap = await _append(log, "ada", 9, [_memory("ada", "would leave a gap")])
    overlap = await _append(log, "ada", 2, [_memory("ada", "would reuse seq 2")])
    assert not gap.ok and not overlap.ok and gap.head == overlap.head == 2
    assert await log.count("ada") == 2


async def test_one_bad_flush_does_not_sink_the_batch(stores: tuple[EventLog, list[Tier]]) -> None:
    log, _ = stores
    await _seed(log, "ada", ["one"])
    results = await log.append(
        [Flush("ada", 7, [_memory("ada", "stale")]), Flush("bob", 1, [_identity("bob", 1, "Bob")])]
    )
    assert [r.ok for r in results] == [False, True]
    assert (await log.snapshot("bob", 10, 10)).identity.name == "Bob"


async def test_snapshot_history_and_identity_versions(stores: tuple[EventLog, list[Tier]]) -> None:
    log, _ = stores
    await _seed(log, "ada", ["a", "b", "c"])
    await _append(log, "ada", 5, [_identity("ada", 2, "Ada L.")])
    snap = await log.snapshot("ada", recent_limit=2, dedup_window=10)
    assert snap.head == 5 and snap.identity.name == "Ada L." and snap.identity.version == 2
    assert [e.content for e in snap.recent] == ["b", "c"]
    assert len(snap.recent_ids) == 5
    assert [i.name for i in await log.identity_history("ada")] == ["Ada", "Ada L."]
    assert [e.seq for e in await log.history("ada", Page(10))] == [4, 3, 2]
    assert [e.seq for e in await log.history("ada", Page(1, before_seq=4))] == [3]
    missing = await log.snapshot("nobody", 10, 10)
    assert not missing.exists and missing.identity is None


async def test_tier_apply_is_idempotent(stores: tuple[EventLog, list[Tier]]) -> None:
    log, tiers = stores
    events = await _seed(log, "ada", ["the engine", "poetry", "numbers"])
    for tier in tiers:
        await tier.apply(events)
        await tier.apply(events)
        await tier.apply(events[1:2])
        assert await tier.count("ada") == 3


async def test_replay_after_a_gap_converges(stores: tuple[EventLog, list[Tier]]) -> None:
    log, tiers = stores
    events = await _seed(log, "ada", [f"memory {i}" for i in range(10)])
    for tier in tiers:
        await tier.apply(events[:3])
        await tier.apply(events[7:])  # a gap: 4..7 never delivered
        checkpoint = 3
        await tier.apply(await log.read_after("ada", checkpoint, 100))  # catch-up from the checkpoint
        assert await tier.count("ada") == await log.count("ada", memories_only=True)


async def test_rebuild_equals_incremental(stores: tuple[EventLog, list[Tier]]) -> None:
    log, tiers = stores
    events = await _seed(log, "ada", ["the analytical engine", "notes on the engine", "a poem", "bernoulli numbers"])
    query = Query("ada", "engine numbers", k=10)
    for tier in tiers:
        for event in events:
            await tier.apply([event])
        incremental = await tier.search(query)
        await tier.drop()
        assert await tier.count() == 0
        await tier.apply(await log.read_after("ada", 0, 1000))
        assert await tier.search(query) == incremental


async def test_queries_never_cross_agents(stores: tuple[EventLog, list[Tier]]) -> None:
    log, tiers = stores
    ada = await _seed(log, "ada", ["the analytical engine", "shared words here"])
    bob_texts = ["the difference engine", "shared words here", "engine shared words", "Babbage engine", "words engine"]
    bob = await _seed(log, "bob", bob_texts)  # seqs 2..6; ada has only 2..3, so a leak shows up
    answered = False
    for tier in tiers:
        await tier.apply(ada + bob)
        for agent, own in (("ada", ada), ("bob", bob)):
            hits = await tier.search(Query(agent, "engine shared words Babbage", k=10))
            own_seqs = {e.seq for e in own if e.kind != IDENTITY}
            answered = answered or any(hits.values())
            for seqs in hits.values():
                assert set(seqs) <= own_seqs, f"{tier.name} leaked another agent's memory"
    assert answered, "no tier answered the query at all"
    assert {e.agent_id for e in await log.history("ada", Page(100))} == {"ada"}


def _capable(tiers: list[Tier], capability: type) -> list:
    return [tier for tier in tiers if isinstance(tier, capability)]


async def test_metadata_queries_stay_inside_the_agent(stores: tuple[EventLog, list[Tier]]) -> None:
    log, tiers = stores
    await _append(log, "ada", 1, [_identity("ada", 1, "Ada")])
    await _append(log, "bob", 1, [_identity("bob", 1, "Bob")])
    notes = [
        _memory("ada", "a", metadata={"topic": "engines", "meta": {"depth": 1}, "odd.key": True}),
        _memory("ada", "b", metadata={"topic": "poetry"}),
    ]
    await _append(log, "ada", 2, notes)
    await _append(log, "bob", 2, [_memory("bob", "c", metadata={"topic": "engines"})])
    finders = _capable(tiers, DocumentTier)
    assert finders, "every profile answers metadata queries"
    for tier in tiers:
        await tier.apply(await log.read_after("ada", 0, 100) + await log.read_after("bob", 0, 100))
    for tier in finders:
        assert await tier.find("ada", {"topic": "engines"}, None, 10) == [2]
        assert await tier.find("ada", {"meta.depth": 1}, None, 10) == [2]
        assert await tier.find("ada", {}, None, 10) == [3, 2]
        assert await tier.find("ada", {"topic": "engines"}, ["observation"], 10) == []
        assert await tier.find("bob", {"topic": "engines"}, None, 10) == [2]


async def test_graph_neighbourhood_stays_inside_the_agent(stores: tuple[EventLog, list[Tier]]) -> None:
    log, tiers = stores
    ada = await _seed(log, "ada", ["the analytical engine", "poetry"])
    bob = await _seed(log, "bob", ["bob also likes the engine"])
    graphs = _capable(tiers, GraphTier)
    assert graphs, "every profile answers graph queries"
    for tier in tiers:
        await tier.apply(ada + bob)
    for tier in graphs:
        near = await tier.neighbourhood("ada", 2, None, 100)
        memories = {n["seq"] for n in near["nodes"] if n["kind"] == "memory"}
        assert memories == {2, 3}
        assert {n["name"].casefold() for n in near["nodes"] if n["kind"] == "entity"} == {"babbage"}
        around = await tier.neighbourhood("ada", 2, "Babbage", 100)
        assert {n["seq"] for n in around["nodes"] if n["kind"] == "memory"} == {2}
        assert all("bob" not in (n.get("content") or "") for n in around["nodes"])


async def test_hot_snapshot_matches_the_log(stores: tuple[EventLog, list[Tier]]) -> None:
    log, tiers = stores
    events = await _seed(log, "ada", ["one", "two", "three"])
    for tier in _capable(tiers, HotTier):
        assert await tier.snapshot("ada", 4, 10, 10) is None, "nothing applied yet"
        await tier.apply(events)
        hot = await tier.snapshot("ada", 4, 2, 10)
        cold = await log.snapshot("ada", 2, 10)
        assert hot.identity == cold.identity and hot.recent_ids == cold.recent_ids
        assert [e.to_wire() for e in hot.recent] == [e.to_wire() for e in cold.recent]
        assert await tier.snapshot("ada", 5, 2, 10) is None, "behind the log's head: fall back"


async def test_embedded_index_from_an_older_version_is_migrated(tmp_path) -> None:
    """An index file written before metadata queries existed gains the column, filled from the log."""
    import sqlite3

    from actors.stores.sqlite_index import SqliteIndexTier
    from actors.stores.sqlite_log import SqliteLog

    path = str(tmp_path / "old.db")
    log = SqliteLog(path)
    await log.open()
    await _append(log, "ada", 1, [_identity("ada", 1, "Ada")])
    await _append(log, "ada", 2, [_memory("ada", "old note", metadata={"topic": "legacy"})])
    old_schema = (
        "CREATE TABLE memory_index (id INTEGER PRIMARY KEY, agent_id TEXT NOT NULL, seq INTEGER NOT NULL, "
        "kind TEXT NOT NULL, session_id TEXT, vector BLOB NOT NULL, UNIQUE (agent_id, seq))"
    )
    with sqlite3.connect(path) as conn:
        conn.execute(old_schema)
        conn.execute("INSERT INTO memory_index (agent_id, seq, kind, vector) VALUES ('ada', 2, 'fact', x'00')")
    tier = SqliteIndexTier(path)
    await tier.open()
    assert await tier.find("ada", {"topic": "legacy"}, None, 10) == [2]
    await tier.close()
    await log.close()
