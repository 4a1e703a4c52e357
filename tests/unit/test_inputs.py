"""The input rules (actors.inputs): one set, used by the Python API and as the HTTP schemas."""

from __future__ import annotations

import inspect

import pytest

from actors import inputs
from actors.errors import InvalidInput


def _field_of(model: type, data: dict) -> str | None:
    with pytest.raises(InvalidInput) as caught:
        inputs.validated(model, data)
    return caught.value.field


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"content": ""}, "content"),
        ({"content": "x" * (inputs.MAX_CONTENT_CHARS + 1)}, "content"),
        ({"content": "x", "entities": [""]}, "entities"),
        ({"content": "x", "entities": ["e"] * (inputs.MAX_ENTITIES + 1)}, "entities"),
        ({"content": "x", "entities": [1]}, "entities[0]"),
        ({"content": "x", "metadata": {"n": 2**64}}, "metadata"),
        ({"content": "x", "metadata": {"n": float("nan")}}, "metadata"),
        ({"content": "x", "metadata": {"k": "\ud800"}}, "metadata"),
        ({"content": "x", "metadata": {"when": object()}}, "metadata"),
        ({"content": "\ud800"}, "content"),
        ({"content": "x", "embedding": [True, 1.0]}, "embedding[0]"),
        ({"content": "x", "embedding": ["1.5"]}, "embedding[0]"),
        ({"content": "x", "kind": "identity"}, "kind"),
        ({"content": "x", "seq": 3}, "seq"),
    ],
)
def test_bad_memories_name_their_field(data: dict, field: str) -> None:
    assert _field_of(inputs.MemoryInput, data) == field


def test_nesting_is_bounded() -> None:
    deep: dict = {}
    inner = deep
    for _ in range(40):
        inner["a"] = {}
        inner = inner["a"]
    assert _field_of(inputs.MemoryInput, {"content": "x", "metadata": deep}) == "metadata"


def test_batch_items_are_named_by_position() -> None:
    assert _field_of(inputs.MemoryBatchInput, {"items": [{"content": "ok"}, {"content": "x", "kind": "dream"}]}) == "items[1].kind"
    assert _field_of(inputs.MemoryBatchInput, {"items": []}) == "items"


def test_recall_needs_a_query_or_an_embedding() -> None:
    assert _field_of(inputs.RecallInput, {}) == "query"
    assert inputs.validated(inputs.RecallInput, {"embedding": [0.1, 0.2]}).query == ""
    assert _field_of(inputs.RecallInput, {"query": "x", "k": 1001}) == "k"
    assert _field_of(inputs.RecallInput, {"query": "x", "consistency": "weak"}) == "consistency"


def test_reads_have_bounded_pages() -> None:
    assert _field_of(inputs.HistoryQuery, {"limit": 0}) == "limit"
    assert _field_of(inputs.HistoryQuery, {"before_seq": 2**63}) == "before_seq"
    assert _field_of(inputs.GraphQuery, {"hops": 5}) == "hops"
    assert _field_of(inputs.FindInput, {"metadata": {"k": [1]}}) == "metadata.k"


def test_identity_rules_and_agent_ids() -> None:
    assert _field_of(inputs.IdentityInput, {"name": "x" * 257}) == "name"
    assert _field_of(inputs.IdentityInput, {"name": "x", "traits": ["\ud800"]}) == "traits[0]"
    assert inputs.check_agent_id("ada:1") == "ada:1"
    with pytest.raises(InvalidInput) as caught:
        inputs.check_agent_id("no spaces")
    assert caught.value.field == "agent_id"


def test_the_http_routes_take_these_models() -> None:
    """The HTTP schemas are the input models themselves, not copies of their rules."""
    from serve.app import NovamemAPI

    routes = NovamemAPI.func_or_class
    bodies = {
        name: inspect.signature(getattr(routes, name)).parameters.get("body")
        for name in ("put_agent", "remember", "remember_batch", "recall", "find")
    }
    annotations = {name: param.annotation for name, param in bodies.items()}
    assert annotations == {
        "put_agent": inputs.IdentityInput,
        "remember": inputs.MemoryInput,
        "remember_batch": inputs.MemoryBatchInput,
        "recall": inputs.RecallInput,
        "find": inputs.FindInput,
    }
