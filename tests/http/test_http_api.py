"""HTTP API v1 contract, over real HTTP to a real Ray Serve app on a real Ray cluster.

Every route of the contract table (the README, "HTTP API v1") is exercised with real
requests; status codes and bodies are asserted exactly. Bad input must always be a 4xx
with a JSON body `{"error": {"code", "message", "field"?}}`, never a 5xx.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from typing import Any

import httpx
import pytest

from actors.model import MEMORY_KINDS
from actors.settings import Settings
from tests.http.conftest import EMBEDDING_DIM, MAX_BODY_BYTES
from tests.http.helpers import (
    JSON,
    agent_info,
    all_memories,
    assert_client_error,
    assert_error,
    body_of_size,
    iso,
    post_raw,
    streamed,
    uid,
)

HEX_EVENT_ID = re.compile(r"^[0-9a-f]{32}$")

IDENTITY_KEYS = {"name", "persona", "traits", "metadata", "identity_version", "created_at", "updated_at"}
AGENT_KEYS = {"agent_id", "identity", "identity_version", "last_seq", "created_at", "updated_at"}
MEMORY_KEYS = {"agent_id", "seq", "event_id", "kind", "content", "metadata", "entities", "session_id", "created_at"}
HIT_KEYS = MEMORY_KEYS | {"score", "sources"}

ROUTES = {
    ("/v1/agents/{agent_id}", "put"),
    ("/v1/agents/{agent_id}", "get"),
    ("/v1/agents/{agent_id}/identity/history", "get"),
    ("/v1/agents/{agent_id}/memories", "post"),
    ("/v1/agents/{agent_id}/memories", "get"),
    ("/v1/agents/{agent_id}/memories:batch", "post"),
    ("/v1/agents/{agent_id}/recall", "post"),
    ("/healthz", "get"),
    ("/v1/stats", "get"),
}


# -- agents and identity ---------------------------------------------------------------


def test_put_agent_creates_then_keeps_then_versions_identity(http: httpx.Client, new_agent_id: str) -> None:
    path = f"/v1/agents/{new_agent_id}"
    doc = {"name": "Ada", "persona": "mathematician", "traits": ["curious"], "metadata": {"lang": "en", "n": 1}}

    created = http.put(path, json=doc)
    assert created.status_code == 201, created.text
    first = created.json()
    assert set(first) == IDENTITY_KEYS
    assert {k: first[k] for k in doc} == doc
    assert first["identity_version"] == 1
    assert iso(first["created_at"]) == iso(first["updated_at"])

    same = http.put(path, json=doc)
    assert same.status_code == 200, same.text
    assert same.json() == first

    changed = http.put(path, json={**doc, "persona": "poet of science"})
    assert changed.status_code == 200, changed.text
    second = changed.json()
    assert set(second) == IDENTITY_KEYS
    assert second["identity_version"] == 2
    assert second["persona"] == "poet of science"
    assert {k: second[k] for k in ("name", "traits", "metadata")} == {k: doc[k] for k in ("name", "traits", "metadata")}
    assert second["created_at"] == first["created_at"]
    assert iso(second["updated_at"]) >= iso(first["updated_at"])

    again = http.put(path, json={**doc, "persona": "poet of science"})
    assert again.status_code == 200 and again.json() == second

    # Optional fields default: omitting them is a change from the previous document.
    minimal = http.put(path, json={"name": "Ada"})
    assert minimal.status_code == 200, minimal.text
    assert minimal.json()["identity_version"] == 3
    assert {k: minimal.json()[k] for k in ("name", "persona", "traits", "metadata")} == {
        "name": "Ada",
        "persona": None,
        "traits": [],
        "metadata": {},
    }


def test_get_agent_returns_identity_version_last_seq_and_iso_timestamps(http: httpx.Client, new_agent_id: str) -> None:
    path = f"/v1/agents/{new_agent_id}"
    put = http.put(path, json={"name": "Grace", "traits": ["precise"]}).json()

    info = agent_info(http, new_agent_id)
    assert set(info) == AGENT_KEYS
    assert info == {
        "agent_id": new_agent_id,
        "identity": put,
        "identity_version": 1,
        "last_seq": 1,
        "created_at": put["created_at"],
        "updated_at": put["updated_at"],
    }
    iso(info["created_at"])
    iso(info["updated_at"])

    for i in range(2):
        assert http.post(f"{path}/memories", json={"content": f"m{i}"}).status_code == 201
    updated = http.put(path, json={"name": "Grace", "traits": ["precise", "bold"]}).json()
    info = agent_info(http, new_agent_id)
    assert info["last_seq"] == 4
    assert info["identity_version"] == 2
    assert info["identity"] == updated
    assert info["created_at"] == put["created_at"]
    assert info["updated_at"] == updated["updated_at"]
    assert iso(info["updated_at"]) >= iso(info["created_at"])


def test_identity_history_lists_every_version_oldest_first(http: httpx.Client, new_agent_id: str) -> None:
    path = f"/v1/agents/{new_agent_id}"
    answers = [
        http.put(path, json={"name": "Hopper", "persona": persona}).json()
        for persona in ("admiral", "admiral", "compiler pioneer", "teacher")
    ]
    response = http.get(f"{path}/identity/history")
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items"}
    items = body["items"]
    assert [v["identity_version"] for v in items] == [1, 2, 3]
    assert [v["persona"] for v in items] == ["admiral", "compiler pioneer", "teacher"]
    assert all(set(v) == IDENTITY_KEYS for v in items)
    assert items[0] == answers[0]
    assert items[-1] == answers[-1]
    assert len({v["created_at"] for v in items}) == 1
    stamps = [iso(v["updated_at"]) for v in items]
    assert stamps == sorted(stamps)


# -- memories --------------------------------------------------------------------------


def test_post_memory_is_201_then_200_with_the_same_seq(http: httpx.Client, agent: str) -> None:
    path = f"/v1/agents/{agent}/memories"
    event_id = uid("evt")
    first = http.post(path, json={"content": "the sky is blue", "event_id": event_id})
    assert first.status_code == 201, first.text
    assert first.json() == {"seq": 2, "event_id": event_id, "created": True}

    again = http.post(path, json={"content": "the sky is blue", "event_id": event_id})
    assert again.status_code == 200, again.text
    assert again.json() == {"seq": 2, "event_id": event_id, "created": False}

    generated = http.post(path, json={"content": "no event id"})
    assert generated.status_code == 201, generated.text
    body = generated.json()
    assert set(body) == {"seq", "event_id", "created"}
    assert body["seq"] == 3 and body["created"] is True
    assert HEX_EVENT_ID.match(body["event_id"]), body
    assert agent_info(http, agent)["last_seq"] == 3


def test_post_memory_round_trips_every_field(http: httpx.Client, agent: str) -> None:
    sent = {
        "content": "Ada met Babbage in London",
        "kind": "fact",
        "metadata": {"source": "diary", "page": 12, "tags": ["history"], "nested": {"ok": True, "x": 1.5}},
        "entities": ["Ada", "Babbage", "London"],
        "embedding": [0.5] * EMBEDDING_DIM,
        "session_id": "s-1",
        "event_id": uid("evt"),
    }
    response = http.post(f"/v1/agents/{agent}/memories", json=sent)
    assert response.status_code == 201, response.text
    assert response.json() == {"seq": 2, "event_id": sent["event_id"], "created": True}

    (stored,) = all_memories(http, agent)
    assert set(stored) == MEMORY_KEYS
    created_at = stored.pop("created_at")
    iso(created_at)
    assert stored == {
        "agent_id": agent,
        "seq": 2,
        **{k: v for k, v in sent.items() if k != "embedding"},
    }


def test_every_memory_kind_is_accepted_and_defaults_apply(http: httpx.Client, agent: str) -> None:
    assert http.post(f"/v1/agents/{agent}/memories", json={"content": "plain"}).status_code == 201
    (stored,) = all_memories(http, agent)
    assert stored["kind"] == "observation"
    assert stored["metadata"] == {} and stored["entities"] == [] and stored["session_id"] is None

    for kind in MEMORY_KINDS:
        response = http.post(f"/v1/agents/{agent}/memories", json={"content": f"a {kind}", "kind": kind})
        assert response.status_code == 201, response.text
    assert [m["kind"] for m in all_memories(http, agent)] == [*MEMORY_KINDS[::-1], "observation"]


def test_batch_returns_one_result_per_item_in_order(http: httpx.Client, agent: str) -> None:
    path = f"/v1/agents/{agent}/memories:batch"
    known = uid("evt")
    first = http.post(f"/v1/agents/{agent}/memories", json={"content": "already here", "event_id": known})
    assert first.json() == {"seq": 2, "event_id": known, "created": True}

    ids = [uid("evt"), known, uid("evt"), None]
    items = [{"content": f"item {i}", **({"event_id": e} if e else {})} for i, e in enumerate(ids)]
    response = http.post(path, json={"items": items})
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == {"items"}
    results = body["items"]
    assert len(results) == 4
    assert results[0] == {"seq": 3, "event_id": ids[0], "created": True}
    assert results[1] == {"seq": 2, "event_id": known, "created": False}
    assert results[2] == {"seq": 4, "event_id": ids[2], "created": True}
    assert results[3]["seq"] == 5 and results[3]["created"] is True and HEX_EVENT_ID.match(results[3]["event_id"])

    replay = http.post(path, json={"items": [{**item, "event_id": r["event_id"]} for item, r in zip(items, results)]})
    assert replay.status_code == 200, replay.text
    assert replay.json() == {"items": [{**r, "created": False} for r in results]}

    assert agent_info(http, agent)["last_seq"] == 5
    assert [m["content"] for m in all_memories(http, agent)] == ["item 3", "item 2", "item 0", "already here"]


def test_batch_with_a_repeated_event_id_writes_it_once(http: httpx.Client, agent: str) -> None:
    event_id = uid("evt")
    response = http.post(
        f"/v1/agents/{agent}/memories:batch",
        json={"items": [{"content": "a", "event_id": event_id}, {"content": "a", "event_id": event_id}]},
    )
    assert response.status_code == 201, response.text
    assert response.json() == {
        "items": [{"seq": 2, "event_id": event_id, "created": True}, {"seq": 2, "event_id": event_id, "created": False}]
    }
    assert agent_info(http, agent)["last_seq"] == 2


def test_list_memories_newest_first_and_pages_cover_everything_once(http: httpx.Client, agent: str) -> None:
    written = http.post(
        f"/v1/agents/{agent}/memories:batch", json={"items": [{"content": f"memory {i}"} for i in range(25)]}
    )
    assert written.status_code == 201, written.text
    seqs = [r["seq"] for r in written.json()["items"]]
    assert seqs == list(range(2, 27))
    # An identity change in the middle of the log is not a memory and is never listed.
    assert http.put(f"/v1/agents/{agent}", json={"name": "Renamed"}).status_code == 200
    assert http.post(f"/v1/agents/{agent}/memories", json={"content": "memory 25"}).json()["seq"] == 28
    expected = [28, *range(26, 1, -1)]  # seq 27 is the identity version

    default = http.get(f"/v1/agents/{agent}/memories")
    assert default.status_code == 200, default.text
    assert set(default.json()) == {"items"}
    assert [m["seq"] for m in default.json()["items"]] == expected[:20]
    assert all(set(m) == MEMORY_KEYS and m["agent_id"] == agent for m in default.json()["items"])

    pages: list[list[int]] = []
    before: int | None = None
    while True:
        params = {"limit": 7, **({"before_seq": before} if before is not None else {})}
        response = http.get(f"/v1/agents/{agent}/memories", params=params)
        assert response.status_code == 200, response.text
        page = [m["seq"] for m in response.json()["items"]]
        if not page:
            break
        assert len(page) <= 7
        pages.append(page)
        before = page[-1]
    assert [len(p) for p in pages] == [7, 7, 7, 5]
    flat = [s for p in pages for s in p]
    assert flat == expected
    assert len(set(flat)) == len(flat)

    contents = {m["seq"]: m["content"] for m in all_memories(http, agent)}
    assert contents[28] == "memory 25" and contents[2] == "memory 0"
    assert all(m["kind"] != "identity" for m in all_memories(http, agent))

    tail = http.get(f"/v1/agents/{agent}/memories", params={"limit": 1000, "before_seq": 5})
    assert [m["seq"] for m in tail.json()["items"]] == [4, 3, 2]
    empty = http.get(f"/v1/agents/{agent}/memories", params={"before_seq": 2})
    assert empty.status_code == 200 and empty.json() == {"items": []}
    beyond = http.get(f"/v1/agents/{agent}/memories", params={"before_seq": 10_000, "limit": 3})
    assert [m["seq"] for m in beyond.json()["items"]] == [28, 26, 25]


def test_list_memories_of_an_agent_without_memories_is_empty(http: httpx.Client, idle_agent: str) -> None:
    response = http.get(f"/v1/agents/{idle_agent}/memories")
    assert response.status_code == 200 and response.json() == {"items": []}


# -- recall ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def recall_agent(http: httpx.Client) -> str:
    """An agent with a small, varied memory, plus a neighbour with overlapping words.

    Shared by the recall tests (which only read), since every agent is a Ray actor.
    """
    agent = uid()
    assert http.put(f"/v1/agents/{agent}", json={"name": "Recaller"}).status_code == 201
    items = [
        {"content": "the violin lesson was on tuesday", "kind": "observation", "session_id": "s-a"},
        {"content": "violin strings are made of gut", "kind": "fact", "session_id": "s-b"},
        {"content": "I should practise the violin more", "kind": "reflection", "session_id": "s-a"},
        {"content": "bought bread and cheese", "kind": "observation", "session_id": "s-b"},
        {"content": "hello, how is the violin going?", "kind": "message", "session_id": "s-a"},
        {"content": "the piano is out of tune", "kind": "fact"},
    ]
    assert http.post(f"/v1/agents/{agent}/memories:batch", json={"items": items}).status_code == 201
    neighbour = uid()
    assert http.put(f"/v1/agents/{neighbour}", json={"name": "Neighbour"}).status_code == 201
    assert http.post(f"/v1/agents/{neighbour}/memories", json={"content": "violin violin violin"}).status_code == 201
    return agent


def recall(http: httpx.Client, agent_id: str, **body: Any) -> dict:
    response = http.post(f"/v1/agents/{agent_id}/recall", json=body)
    assert response.status_code == 200, response.text
    out = response.json()
    assert set(out) == {"items", "degraded"}
    assert isinstance(out["degraded"], list)
    for hit in out["items"]:
        assert set(hit) == HIT_KEYS, hit
        assert hit["agent_id"] == agent_id
        assert isinstance(hit["score"], float) and hit["score"] > 0
        assert isinstance(hit["sources"], list) and hit["sources"]
        iso(hit["created_at"])
    scores = [hit["score"] for hit in out["items"]]
    assert scores == sorted(scores, reverse=True)
    assert len({hit["seq"] for hit in out["items"]}) == len(out["items"])
    return out


def test_recall_returns_own_memories_with_scores(http: httpx.Client, recall_agent: str) -> None:
    out = recall(http, recall_agent, query="violin", k=10)
    contents = [hit["content"] for hit in out["items"]]
    assert len(contents) == 6
    assert "violin violin violin" not in contents
    violin = {c for c in contents if "violin" in c}
    assert len(violin) == 4
    if not out["degraded"]:  # with every tier answering, keyword matches outrank the rest
        assert set(contents[: len(violin)]) == violin, out


def test_recall_respects_k(http: httpx.Client, recall_agent: str) -> None:
    for k in (1, 2, 5):
        assert len(recall(http, recall_agent, query="violin", k=k)["items"]) == k
    assert len(recall(http, recall_agent, query="violin", k=1000)["items"]) == 6


def test_recall_filters_by_kind(http: httpx.Client, recall_agent: str) -> None:
    facts = recall(http, recall_agent, query="violin", kinds=["fact"])["items"]
    assert sorted(h["content"] for h in facts) == ["the piano is out of tune", "violin strings are made of gut"]
    mixed = recall(http, recall_agent, query="violin", kinds=["reflection", "message"])["items"]
    assert {h["kind"] for h in mixed} == {"reflection", "message"} and len(mixed) == 2
    assert recall(http, recall_agent, query="violin", kinds=["session_end"])["items"] == []


def test_recall_filters_by_session(http: httpx.Client, recall_agent: str) -> None:
    hits = recall(http, recall_agent, query="violin", session_id="s-a")["items"]
    assert len(hits) == 3 and {h["session_id"] for h in hits} == {"s-a"}
    both = recall(http, recall_agent, query="violin", session_id="s-b", kinds=["fact"])["items"]
    assert [h["content"] for h in both] == ["violin strings are made of gut"]
    assert recall(http, recall_agent, query="violin", session_id="nope")["items"] == []


@pytest.mark.parametrize("consistency", ["strong", "eventual"])
def test_recall_accepts_both_consistency_levels(http: httpx.Client, recall_agent: str, consistency: str) -> None:
    out = recall(http, recall_agent, query="violin", consistency=consistency)
    assert len(out["items"]) == 6


def test_strong_recall_reads_your_writes(http: httpx.Client, agent: str) -> None:
    word = f"zebra{uuid.uuid4().hex[:6]}"
    seq = http.post(f"/v1/agents/{agent}/memories", json={"content": f"a {word} crossed"}).json()["seq"]
    out = recall(http, agent, query=word, consistency="strong")
    assert seq in [hit["seq"] for hit in out["items"]]
    if not out["degraded"]:  # the tiers caught up with the write before answering
        top = out["items"][0]
        assert top["seq"] == seq, out
        assert any(not source.startswith("log.") for source in top["sources"]), out


def test_recall_accepts_a_client_embedding(http: httpx.Client, recall_agent: str) -> None:
    vector = [1.0] + [0.0] * (EMBEDDING_DIM - 1)
    assert len(recall(http, recall_agent, query="", embedding=vector, k=3)["items"]) == 3
    assert len(recall(http, recall_agent, query="violin", embedding=vector, k=4)["items"]) == 4


def test_recall_defaults(http: httpx.Client, agent: str) -> None:
    written = http.post(
        f"/v1/agents/{agent}/memories:batch", json={"items": [{"content": f"note {i}"} for i in range(12)]}
    )
    assert written.status_code == 201
    assert len(recall(http, agent, query="note")["items"]) == 10


# -- operations and docs ---------------------------------------------------------------


def test_healthz(http: httpx.Client) -> None:
    response = http.get("/healthz")
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"status", "log", "tiers"}
    assert body["status"] == "ok"
    assert body["log"]["ok"] is True
    assert body["tiers"], body
    for name, tier in body["tiers"].items():
        assert isinstance(name, str)
        assert set(tier) == {"ok", "lag"}
        assert tier["ok"] is True
        assert isinstance(tier["lag"], int) and tier["lag"] >= 0


def test_stats(http: httpx.Client, idle_agent: str) -> None:
    response = http.get("/v1/stats")
    assert response.status_code == 200, response.text
    stats = response.json()
    for key in ("active_agents", "agents", "log_head", "writer_queue_depth", "tiers", "log"):
        assert key in stats, stats
    assert stats["active_agents"] >= 1
    assert stats["agents"] >= 1
    assert stats["log_head"] >= 1
    assert isinstance(stats["writer_queue_depth"], int) and stats["writer_queue_depth"] >= 0
    assert stats["tiers"]
    for tier in stats["tiers"].values():
        assert isinstance(tier["lag"], int) and tier["lag"] >= 0 and isinstance(tier["ok"], bool)


def test_docs_page_and_openapi_list_every_route(http: httpx.Client) -> None:
    docs = http.get("/docs")
    assert docs.status_code == 200
    assert docs.headers["content-type"].startswith("text/html")
    assert "swagger" in docs.text.lower()

    spec = http.get("/openapi.json")
    assert spec.status_code == 200
    paths = spec.json()["paths"]
    listed = {(path, method) for path, ops in paths.items() for method in ops}
    assert ROUTES <= listed, ROUTES - listed


def test_listing_returns_more_than_working_memory_holds(http: httpx.Client, agent: str) -> None:
    """200 memories, working memory 128: `limit=1000` lists all 200, not the 128 the actor keeps."""
    items = [{"content": f"m{i}"} for i in range(200)]
    assert http.post(f"/v1/agents/{agent}/memories:batch", json={"items": items}).status_code == 201
    listed = http.get(f"/v1/agents/{agent}/memories", params={"limit": 1000}).json()["items"]
    assert len(listed) == 200 and listed[-1]["content"] == "m0"


# -- bad input: always 4xx JSON, never 5xx ---------------------------------------------

BODY_ROUTES = [
    ("PUT", ""),
    ("POST", "/memories"),
    ("POST", "/memories:batch"),
    ("POST", "/recall"),
]


@pytest.mark.parametrize(("method", "suffix"), BODY_ROUTES)
@pytest.mark.parametrize(
    "raw", [b"{bad", b'{"content": "x",}', b'{"content": "x"', b"{'content': 'x'}", b"nul", b'{"a":1}{"b":2}']
)
def test_malformed_json_is_400(http: httpx.Client, idle_agent: str, method: str, suffix: str, raw: bytes) -> None:
    assert_error(post_raw(http, f"/v1/agents/{idle_agent}{suffix}", raw, method), 400, "malformed_json")


@pytest.mark.parametrize(("method", "suffix"), BODY_ROUTES)
@pytest.mark.parametrize("raw", [b"[]", b'[{"content": "x"}]', b'"x"', b"42", b"true", b"null", b""])
def test_body_that_is_not_an_object_is_422(
    http: httpx.Client, idle_agent: str, method: str, suffix: str, raw: bytes
) -> None:
    assert_error(post_raw(http, f"/v1/agents/{idle_agent}{suffix}", raw, method), 422, "invalid_input", "body")


@pytest.mark.parametrize(("method", "suffix"), BODY_ROUTES)
def test_non_json_content_type_is_422(http: httpx.Client, idle_agent: str, method: str, suffix: str) -> None:
    response = http.request(
        method, f"/v1/agents/{idle_agent}{suffix}", content=b'{"content": "x"}', headers={"content-type": "text/plain"}
    )
    assert_error(response, 422, "invalid_input", "body")


BAD_IDENTITIES = [
    ({}, "name"),
    ({"name": ""}, "name"),
    ({"name": "x" * 257}, "name"),
    ({"name": 7}, "name"),
    ({"name": None}, "name"),
    ({"name": "x", "persona": 3}, "persona"),
    ({"name": "x", "traits": "curious"}, "traits"),
    ({"name": "x", "traits": [1]}, "traits[0]"),
    ({"name": "x", "metadata": []}, "metadata"),
    ({"name": "x", "metadata": "m"}, "metadata"),
    ({"name": "x", "nickname": "y"}, "nickname"),
]


@pytest.mark.parametrize(("body", "field"), BAD_IDENTITIES)
def test_bad_identity_is_422_naming_the_field(http: httpx.Client, idle_agent: str, body: dict, field: str) -> None:
    before = agent_info(http, idle_agent)
    assert_error(http.put(f"/v1/agents/{idle_agent}", json=body), 422, "invalid_input", field)
    assert agent_info(http, idle_agent) == before


@pytest.mark.parametrize(("body", "field"), BAD_IDENTITIES[:3])
def test_bad_identity_creates_no_agent(http: httpx.Client, new_agent_id: str, body: dict, field: str) -> None:
    assert_error(http.put(f"/v1/agents/{new_agent_id}", json=body), 422, "invalid_input", field)
    assert_error(http.get(f"/v1/agents/{new_agent_id}"), 404, "agent_not_found")


DIM = EMBEDDING_DIM
BAD_MEMORIES = [
    ({}, "content"),
    ({"kind": "fact"}, "content"),
    ({"content": 5}, "content"),
    ({"content": None}, "content"),
    ({"content": ["x"]}, "content"),
    ({"content": ""}, "content"),
    ({"content": "x", "kind": "dream"}, "kind"),
    ({"content": "x", "kind": "identity"}, "kind"),
    ({"content": "x", "kind": 1}, "kind"),
    ({"content": "x", "metadata": [1, 2]}, "metadata"),
    ({"content": "x", "metadata": "m"}, "metadata"),
    ({"content": "x", "entities": "Ada"}, "entities"),
    ({"content": "x", "entities": [1]}, "entities[0]"),
    ({"content": "x", "entities": [""]}, "entities"),
    ({"content": "x", "entities": ["e"] * 257}, "entities"),
    ({"content": "x", "embedding": [0.1] * (DIM - 1)}, "embedding"),
    ({"content": "x", "embedding": [0.1] * (DIM + 1)}, "embedding"),
    ({"content": "x", "embedding": []}, "embedding"),
    ({"content": "x", "embedding": "v"}, "embedding"),
    ({"content": "x", "embedding": ["a"] * DIM}, "embedding[0]"),
    ({"content": "x", "session_id": ""}, "session_id"),
    ({"content": "x", "session_id": "s" * 129}, "session_id"),
    ({"content": "x", "session_id": 4}, "session_id"),
    ({"content": "x", "event_id": ""}, "event_id"),
    ({"content": "x", "event_id": "e" * 129}, "event_id"),
    ({"content": "x", "event_id": 12}, "event_id"),
    ({"content": "x", "colour": "red"}, "colour"),
    ({"content": "x", "seq": 5}, "seq"),
]


@pytest.mark.parametrize(("body", "field"), BAD_MEMORIES)
def test_bad_memory_is_422_naming_the_field(http: httpx.Client, idle_agent: str, body: dict, field: str) -> None:
    assert_error(http.post(f"/v1/agents/{idle_agent}/memories", json=body), 422, "invalid_input", field)
    assert agent_info(http, idle_agent)["last_seq"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "items"),
        ({"items": []}, "items"),
        ({"items": "x"}, "items"),
        ({"items": {"content": "x"}}, "items"),
        ({"items": [{"content": "ok"}], "extra": 1}, "extra"),
        ({"items": [{"content": "ok"}, {}]}, "items[1].content"),
        ({"items": [{"content": "ok"}, {"content": "x", "kind": "dream"}]}, "items[1].kind"),
        ({"items": [{"content": "ok"}, {"content": 1}]}, "items[1].content"),
        ({"items": [{"content": "ok"}, {"content": "x", "metadata": []}]}, "items[1].metadata"),
        ({"items": [{"content": "ok"}, {"content": "ok"}, {"content": "x", "bogus": 1}]}, "items[2].bogus"),
        ({"items": [{"content": "x", "kind": "dream"}]}, "items[0].kind"),
    ],
)
def test_bad_batch_is_422_naming_the_item_field(http: httpx.Client, idle_agent: str, body: dict, field: str) -> None:
    assert_error(http.post(f"/v1/agents/{idle_agent}/memories:batch", json=body), 422, "invalid_input", field)
    assert agent_info(http, idle_agent)["last_seq"] == 1


def test_batch_with_a_wrong_embedding_names_the_item(http: httpx.Client, idle_agent: str) -> None:
    items = [{"content": "ok", "embedding": [0.0] * DIM}, {"content": "x", "embedding": [0.0] * (DIM - 1)}]
    response = http.post(f"/v1/agents/{idle_agent}/memories:batch", json={"items": items})
    assert_error(response, 422, "invalid_input", "items[1].embedding")


def test_batch_over_the_item_limit_is_422(http: httpx.Client, idle_agent: str, api_settings: Settings) -> None:
    limit = api_settings.max_batch_items
    body = {"items": [{"content": "x"}] * (limit + 1)}
    assert_error(http.post(f"/v1/agents/{idle_agent}/memories:batch", json=body), 422, "invalid_input", "items")
    assert agent_info(http, idle_agent)["last_seq"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"query": "x", "k": 0}, "k"),
        ({"query": "x", "k": -1}, "k"),
        ({"query": "x", "k": 1001}, "k"),
        ({"query": "x", "k": 2.5}, "k"),
        ({"query": "x", "k": "many"}, "k"),
        ({"query": ""}, "query"),
        ({}, "query"),
        ({"query": "x", "kinds": "fact"}, "kinds"),
        ({"query": "x", "kinds": ["dream"]}, "kinds[0]"),
        ({"query": "x", "kinds": ["fact", "identity"]}, "kinds[1]"),
        ({"query": "x", "session_id": ""}, "session_id"),
        ({"query": "x", "session_id": "s" * 129}, "session_id"),
        ({"query": "x", "consistency": "weak"}, "consistency"),
        ({"query": "x", "consistency": None}, "consistency"),
        ({"query": "x", "embedding": [0.1, 0.2]}, "embedding"),
        ({"query": "x", "embedding": "v"}, "embedding"),
        ({"query": "x", "limit": 3}, "limit"),
    ],
)
def test_bad_recall_is_422_naming_the_field(http: httpx.Client, idle_agent: str, body: dict, field: str) -> None:
    assert_error(http.post(f"/v1/agents/{idle_agent}/recall", json=body), 422, "invalid_input", field)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": -3}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"limit": 10**6}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "1.5"}, "limit"),
        ({"before_seq": 0}, "before_seq"),
        ({"before_seq": -1}, "before_seq"),
        ({"before_seq": "x"}, "before_seq"),
    ],
)
def test_bad_list_parameters_are_422_naming_the_parameter(
    http: httpx.Client, idle_agent: str, params: dict, field: str
) -> None:
    assert_error(http.get(f"/v1/agents/{idle_agent}/memories", params=params), 422, "invalid_input", field)


def test_limit_bounds_are_inclusive(http: httpx.Client, idle_agent: str) -> None:
    for limit in (1, 1000):
        response = http.get(f"/v1/agents/{idle_agent}/memories", params={"limit": limit, "before_seq": 1})
        assert response.status_code == 200 and response.json() == {"items": []}


# -- agent ids -------------------------------------------------------------------------

INVALID_IDS = [
    "a%20b",  # space
    "%20",
    "a" * 129,  # too long
    "a!b",
    "a$b",
    "a%40b",  # @
    "a%2Cb",  # ,
    "%C3%A9t%C3%A9",  # non-ASCII
    "a%00b",  # NUL
    "a%3Fb",  # ? (encoded, so part of the id)
    "a%23b",  # # (encoded)
    "a%2Bb",  # +
    "a~b",
]


def id_routes(agent_id: str) -> list[tuple[str, str, Any]]:
    base = f"/v1/agents/{agent_id}"
    return [
        ("PUT", base, {"name": "x"}),
        ("GET", base, None),
        ("GET", f"{base}/identity/history", None),
        ("POST", f"{base}/memories", {"content": "x"}),
        ("POST", f"{base}/memories:batch", {"items": [{"content": "x"}]}),
        ("GET", f"{base}/memories", None),
        ("POST", f"{base}/recall", {"query": "x"}),
    ]


@pytest.mark.parametrize("bad_id", INVALID_IDS)
def test_invalid_agent_id_is_422_on_every_route(http: httpx.Client, bad_id: str) -> None:
    for method, path, body in id_routes(bad_id):
        response = http.request(method, path, json=body)
        assert_error(response, 422, "invalid_input", "agent_id")


def test_longest_valid_agent_id_and_every_allowed_character(http: httpx.Client) -> None:
    for agent_id in ("a" * 128, f"Az09_.:-{uuid.uuid4().hex[:8]}"):
        first = http.put(f"/v1/agents/{agent_id}", json={"name": "edge"})
        assert first.status_code in (200, 201), first.text
        assert agent_info(http, agent_id)["agent_id"] == agent_id


@pytest.mark.parametrize("encoded", ["%2F", "%2f"])
def test_percent_encoded_slash_in_agent_id_is_4xx(http: httpx.Client, new_agent_id: str, encoded: str) -> None:
    bad = f"{new_agent_id}{encoded}x"
    for method, path, body in id_routes(bad):
        assert_client_error(http.request(method, path, json=body))
    assert_error(http.get(f"/v1/agents/{new_agent_id}"), 404, "agent_not_found")


# -- body size -------------------------------------------------------------------------


def test_body_at_the_limit_is_accepted(http: httpx.Client, agent: str) -> None:
    response = post_raw(http, f"/v1/agents/{agent}/memories", body_of_size(MAX_BODY_BYTES))
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(("method", "suffix"), BODY_ROUTES)
def test_oversized_body_with_content_length_is_413(
    http: httpx.Client, idle_agent: str, method: str, suffix: str
) -> None:
    body = body_of_size(MAX_BODY_BYTES + 1)
    response = http.request(method, f"/v1/agents/{idle_agent}{suffix}", content=body, headers=JSON)
    assert response.request.headers["content-length"] == str(MAX_BODY_BYTES + 1)
    assert_error(response, 413, "payload_too_large")
    assert agent_info(http, idle_agent)["last_seq"] == 1


@pytest.mark.parametrize(("method", "suffix"), BODY_ROUTES)
def test_oversized_streamed_body_without_content_length_is_413(
    http: httpx.Client, idle_agent: str, method: str, suffix: str
) -> None:
    body = body_of_size(3 * MAX_BODY_BYTES)
    response = http.request(method, f"/v1/agents/{idle_agent}{suffix}", content=streamed(body), headers=JSON)
    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert_error(response, 413, "payload_too_large")
    assert agent_info(http, idle_agent)["last_seq"] == 1


def test_streamed_body_just_over_the_limit_is_413(http: httpx.Client, idle_agent: str) -> None:
    response = http.post(
        f"/v1/agents/{idle_agent}/memories", content=streamed(body_of_size(MAX_BODY_BYTES + 1), 1000), headers=JSON
    )
    assert_error(response, 413, "payload_too_large")
    assert agent_info(http, idle_agent)["last_seq"] == 1


def test_streamed_body_within_the_limit_is_accepted(http: httpx.Client, agent: str) -> None:
    response = http.post(
        f"/v1/agents/{agent}/memories", content=streamed(body_of_size(MAX_BODY_BYTES), 1000), headers=JSON
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 201, response.text
    assert response.json()["seq"] == 2


def test_oversized_put_creates_no_agent(http: httpx.Client, new_agent_id: str) -> None:
    body = b'{"name":"x","persona":"' + b"p" * MAX_BODY_BYTES + b'"}'
    assert_error(post_raw(http, f"/v1/agents/{new_agent_id}", body, "PUT"), 413, "payload_too_large")
    assert_error(http.get(f"/v1/agents/{new_agent_id}"), 404, "agent_not_found")


# -- unknown agents, routes and methods ------------------------------------------------


def test_unknown_agent_is_404_on_every_read_and_write(http: httpx.Client, new_agent_id: str) -> None:
    for method, path, body in id_routes(new_agent_id):
        if method == "PUT":
            continue
        response = http.request(method, path, json=body)
        assert_error(response, 404, "agent_not_found")
        assert new_agent_id in response.json()["error"]["message"]
    # Nothing was created along the way.
    assert_error(http.get(f"/v1/agents/{new_agent_id}"), 404, "agent_not_found")
    assert http.put(f"/v1/agents/{new_agent_id}", json={"name": "late"}).status_code == 201
    assert agent_info(http, new_agent_id)["last_seq"] == 1


def test_bad_body_for_an_unknown_agent_is_still_4xx(http: httpx.Client, new_agent_id: str) -> None:
    response = http.post(f"/v1/agents/{new_agent_id}/memories", json={"content": 1})
    assert_client_error(response)
    assert_error(http.get(f"/v1/agents/{new_agent_id}"), 404, "agent_not_found")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", "/nope"),
        ("GET", "/v1"),
        ("GET", "/v2/agents/x"),
        ("GET", "/v1/agents"),
        ("GET", "/v1/agents/x/unknown"),
        ("POST", "/v1/agents/x/memories:stream"),
        ("GET", "/v1/agents/x/identity"),
    ],
)
def test_unknown_route_is_404_json(http: httpx.Client, method: str, path: str) -> None:
    assert_error(http.request(method, path), 404, "not_found")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("DELETE", "/v1/agents/x"),
        ("POST", "/v1/agents/x"),
        ("PATCH", "/v1/agents/x"),
        ("PUT", "/v1/agents/x/memories"),
        ("DELETE", "/v1/agents/x/memories"),
        ("GET", "/v1/agents/x/recall"),
        ("GET", "/v1/agents/x/memories:batch"),
        ("POST", "/v1/agents/x/identity/history"),
        ("POST", "/healthz"),
        ("DELETE", "/v1/stats"),
    ],
)
def test_wrong_method_is_405_json(http: httpx.Client, method: str, path: str) -> None:
    assert_error(http.request(method, path), 405, "method_not_allowed")


# -- atomicity -------------------------------------------------------------------------


def test_batch_with_one_invalid_item_writes_nothing(http: httpx.Client, agent: str) -> None:
    assert http.post(f"/v1/agents/{agent}/memories", json={"content": "before"}).status_code == 201
    before = agent_info(http, agent)
    listed = all_memories(http, agent)
    ids = [uid("evt") for _ in range(4)]
    bad_items = [
        {"content": "x", "kind": "dream"},
        {"content": "x", "embedding": [0.0] * (EMBEDDING_DIM + 3)},
        {"content": ""},
        {"content": "x", "entities": [""]},
    ]
    for position, bad in enumerate(bad_items):
        items = [{"content": f"good {i}", "event_id": ids[i]} for i in range(3)]
        items.insert(position % 4, bad)
        assert_client_error(http.post(f"/v1/agents/{agent}/memories:batch", json={"items": items}))
        assert agent_info(http, agent) == before
        assert all_memories(http, agent) == listed
    # The good items were not half-remembered: their event ids are new now.
    retry = http.post(
        f"/v1/agents/{agent}/memories:batch",
        json={"items": [{"content": f"good {i}", "event_id": ids[i]} for i in range(3)]},
    )
    assert retry.status_code == 201
    assert retry.json()["items"] == [
        {"seq": before["last_seq"] + 1 + i, "event_id": ids[i], "created": True} for i in range(3)
    ]


# -- concurrency -----------------------------------------------------------------------


async def test_concurrent_posts_get_dense_unique_seqs(api_url: str, agent: str) -> None:
    async with httpx.AsyncClient(base_url=api_url, timeout=120) as client:
        responses = await asyncio.gather(
            *(client.post(f"/v1/agents/{agent}/memories", json={"content": f"parallel {i}"}) for i in range(100))
        )
        assert [r.status_code for r in responses] == [201] * 100, [r.text for r in responses if r.status_code != 201]
        results = [r.json() for r in responses]
        assert sorted(r["seq"] for r in results) == list(range(2, 102))
        assert len({r["event_id"] for r in results}) == 100

        info = (await client.get(f"/v1/agents/{agent}")).json()
        assert info["last_seq"] == 101
        listed = (await client.get(f"/v1/agents/{agent}/memories", params={"limit": 1000})).json()["items"]
        assert [m["seq"] for m in listed] == list(range(101, 1, -1))
        assert {m["seq"]: m["content"] for m in listed} == {r["seq"]: f"parallel {i}" for i, r in enumerate(results)}


async def test_concurrent_retries_of_one_event_write_it_once(api_url: str, agent: str) -> None:
    event_id = uid("evt")
    async with httpx.AsyncClient(base_url=api_url, timeout=120) as client:
        responses = await asyncio.gather(
            *(
                client.post(f"/v1/agents/{agent}/memories", json={"content": "once", "event_id": event_id})
                for _ in range(20)
            )
        )
        codes = sorted(r.status_code for r in responses)
        assert codes == [200] * 19 + [201], [r.text for r in responses]
        assert {(r.json()["seq"], r.json()["event_id"]) for r in responses} == {(2, event_id)}
        assert [r.json()["created"] for r in responses].count(True) == 1
        assert (await client.get(f"/v1/agents/{agent}")).json()["last_seq"] == 2


async def test_concurrent_agents_each_get_their_own_dense_seqs(api_url: str) -> None:
    agents = [uid() for _ in range(5)]
    async with httpx.AsyncClient(base_url=api_url, timeout=120) as client:
        created = await asyncio.gather(*(client.put(f"/v1/agents/{a}", json={"name": a}) for a in agents))
        assert [r.status_code for r in created] == [201] * 5
        responses = await asyncio.gather(
            *(client.post(f"/v1/agents/{a}/memories", json={"content": f"{a} {i}"}) for i in range(20) for a in agents)
        )
        assert {r.status_code for r in responses} == {201}
        for a in agents:
            listed = (await client.get(f"/v1/agents/{a}/memories", params={"limit": 1000})).json()["items"]
            assert [m["seq"] for m in listed] == list(range(21, 1, -1))
            assert all(m["agent_id"] == a and m["content"].startswith(a) for m in listed)
