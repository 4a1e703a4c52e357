"""HTTP API v1 edge cases: hostile or unusual input that must still be a 4xx JSON error.

Each test pins a defect found while writing the contract suite (test_http_api.py); the
docstrings say what used to go wrong, so a regression is easy to place.
"""

from __future__ import annotations

import httpx
import pytest

from tests.http.conftest import EMBEDDING_DIM
from tests.http.helpers import agent_info, all_memories, assert_client_error, assert_error, post_raw, uid


def test_recall_error_on_the_query_field_names_query(http: httpx.Client, idle_agent: str) -> None:
    """serve/errors.py `_field_path` drops *every* loc part equal to "body"/"path"/"query",
    not just the leading location, so recall's own `query` field is reported as "body"."""
    response = http.post(f"/v1/agents/{idle_agent}/recall", json={"query": 5})
    assert_error(response, 422, "invalid_input", "query")


def test_batch_item_that_is_not_an_object_names_the_item(http: httpx.Client, idle_agent: str) -> None:
    """serve/errors.py `_validation_error` treats any `model_attributes_type` error as
    "request body must be a JSON object" (field "body"), wherever it happened."""
    response = http.post(f"/v1/agents/{idle_agent}/memories:batch", json={"items": [{"content": "ok"}, "x"]})
    error = assert_error(response, 422, "invalid_input", "items[1]")
    assert "request body" not in error["message"]


def test_single_item_batch_error_names_the_item(http: httpx.Client, idle_agent: str) -> None:
    """actors/client.py `remember_many` prefixes fields with `items[i].` only when the batch
    has more than one item, so a one-item batch reports "embedding", while schema errors in
    the same batch say "items[0].kind"."""
    items = [{"content": "x", "embedding": [0.0] * (EMBEDDING_DIM - 1)}]
    response = http.post(f"/v1/agents/{idle_agent}/memories:batch", json={"items": items})
    assert_error(response, 422, "invalid_input", "items[0].embedding")


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("POST", "/memories", {"content": "x", "metadata": {"n": 10**30}}),
        ("POST", "/memories", {"content": "x", "metadata": {"n": -(2**64)}}),
        ("POST", "/memories:batch", {"items": [{"content": "x", "metadata": {"n": 2**64}}]}),
        ("PUT", "", {"name": "x", "metadata": {"n": 10**30}}),
    ],
)
def test_integer_too_large_for_the_codec_is_4xx(
    http: httpx.Client, idle_agent: str, method: str, suffix: str, body: dict
) -> None:
    """Integers outside msgpack's 64-bit range pass validation (`dict[str, Any]`), then
    `actors.codec.pack` raises OverflowError: 500 "internal error: OverflowError"."""
    before = agent_info(http, idle_agent)
    assert_client_error(http.request(method, f"/v1/agents/{idle_agent}{suffix}", json=body))
    assert agent_info(http, idle_agent) == before


@pytest.mark.parametrize("before_seq", [2**63, 2**64, 10**30])
def test_huge_before_seq_is_4xx(http: httpx.Client, idle_agent: str, before_seq: int) -> None:
    """serve/app.py `before_seq: Query(ge=1)` has no upper bound: 2**63..2**64-1 reach SQLite
    (503 "the log (sqlite) failed: OverflowError", blaming the log) and larger values fail in
    msgpack (500)."""
    response = http.get(f"/v1/agents/{idle_agent}/memories", params={"before_seq": before_seq})
    assert_client_error(response)


@pytest.mark.parametrize(
    ("method", "suffix", "raw"),
    [
        ("POST", "/memories", b'{"content":"x","entities":["\\ud800"]}'),
        ("POST", "/memories", b'{"content":"x","metadata":{"k":"\\ud800"}}'),
        ("POST", "/memories", b'{"content":"x","metadata":{"\\udfff":1}}'),
        ("PUT", "", b'{"name":"x","persona":"\\ud800"}'),
        ("PUT", "", b'{"name":"x","traits":["\\ud800"]}'),
        ("POST", "/recall", b'{"query":"\\ud800"}'),
    ],
)
def test_lone_surrogate_escape_is_4xx(http: httpx.Client, idle_agent: str, method: str, suffix: str, raw: bytes) -> None:
    """A JSON `\\ud800` escape decodes to a lone surrogate; unconstrained `str` fields accept it
    and msgpack's UTF-8 encode raises UnicodeEncodeError: 500. (Fields with length
    constraints, such as content, already answer 422.)"""
    before = agent_info(http, idle_agent)
    assert_client_error(post_raw(http, f"/v1/agents/{idle_agent}{suffix}", raw, method))
    assert agent_info(http, idle_agent) == before


def test_deeply_nested_metadata_is_rejected_or_readable(http: httpx.Client, agent: str) -> None:
    """Metadata nested ~300 levels is accepted (201), but pydantic refuses to serialise it
    ("Maximum serialization depth exceeded"), so every later GET memories and recall of
    that agent answers 500: one write poisons the agent's reads."""
    metadata = {"a": []}
    inner = metadata["a"]
    for _ in range(300):
        inner.append([])
        inner = inner[0]
    written = http.post(f"/v1/agents/{agent}/memories", json={"content": "deep", "metadata": metadata})
    if written.status_code < 300:
        assert http.get(f"/v1/agents/{agent}/memories").status_code == 200
        assert http.post(f"/v1/agents/{agent}/recall", json={"query": "deep"}).status_code == 200
    else:
        assert_client_error(written)


@pytest.fixture(scope="module")
def number_agent(http: httpx.Client) -> str:
    agent_id = uid()
    assert http.put(f"/v1/agents/{agent_id}", json={"name": "Numbers"}).status_code == 201
    return agent_id


@pytest.mark.parametrize("literal", [b"NaN", b"Infinity", b"-Infinity", b"1e400"])
def test_non_finite_numbers_are_rejected(http: httpx.Client, number_agent: str, literal: bytes) -> None:
    """Python's json accepts NaN/Infinity (not JSON, RFC 8259 section 6) and 1e400 overflows to
    inf; the memory is stored (201) and its metadata later reads back as null, so the
    write silently changes data. Expected: 4xx (malformed_json for the literals)."""
    before = agent_info(http, number_agent)["last_seq"]
    body = b'{"content":"x","metadata":{"n":' + literal + b"}}"
    response = post_raw(http, f"/v1/agents/{number_agent}/memories", body)
    if response.status_code < 300:
        stored = [m for m in all_memories(http, number_agent) if m["seq"] == response.json()["seq"]]
        pytest.fail(f"accepted ({response.status_code}); stored metadata reads back as {stored[0]['metadata']}")
    assert_client_error(response)
    assert agent_info(http, number_agent)["last_seq"] == before


@pytest.mark.parametrize(
    "raw",
    [
        b'{"content":"\xff\xfe"}',  # not UTF-8
        b'{"content":"x","metadata":{"a":' + b"[" * 5000 + b"]" * 5000 + b"}}",  # RecursionError in json.loads
    ],
)
def test_undecodable_body_is_malformed_json(http: httpx.Client, idle_agent: str, raw: bytes) -> None:
    """FastAPI turns body-parse failures other than JSONDecodeError (UnicodeDecodeError,
    RecursionError) into HTTPException(400, "There was an error parsing the body"), which
    serve/errors.py `_http_error` labels with the generic code "http_error"."""
    assert_error(post_raw(http, f"/v1/agents/{idle_agent}/memories", raw), 400, "malformed_json")


def test_405_names_the_allowed_methods(http: httpx.Client) -> None:
    """RFC 9110 section 15.5.6: a 405 MUST carry an Allow header. Starlette sets it on the
    HTTPException, but serve/errors.py `_http_error` builds a new response without
    `exc.headers`."""
    response = http.delete("/v1/agents/x")
    assert_error(response, 405, "method_not_allowed")
    assert "GET" in response.headers.get("allow", ""), response.headers

