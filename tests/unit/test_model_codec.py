"""The data model, the input rules and the msgpack codec: round trips, newer schemas, typed errors."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from actors.codec import pack, unpack
from actors.errors import AgentNotFound, InvalidInput, NovamemError
from actors.inputs import MemoryInput, check_embedding, validated
from actors.messages import Failure, Flush, unwrap
from actors.model import SCHEMA_VERSION, Event, Identity, is_valid_agent_id


def memory_item(raw: dict, embedding_dim: int) -> MemoryInput:
    """What the Python API checks for one memory: the input rules, then the deployment's dimension."""
    item = validated(MemoryInput, raw)
    check_embedding(item.embedding, embedding_dim)
    return item


def _event(**overrides) -> Event:
    base = dict(
        agent_id="ada",
        seq=7,
        event_id="e-7",
        kind="fact",
        content="Analytical Engine",
        metadata={"source": "notes", "n": 3},
        entities=["Babbage"],
        embedding=[0.5, -0.25],
        session_id="s1",
        created_at=1700000000.5,
    )
    base.update(overrides)
    return Event(**base)


def test_event_round_trip() -> None:
    event = _event()
    assert Event.from_wire(unpack(pack(event.to_wire()))) == event
    assert event.schema_version == SCHEMA_VERSION


def test_unicode_round_trip() -> None:
    text = "Ada 🧮 — λx.x · 数学者 · مرحبا · \u0000 nul and \U0010ffff"
    event = _event(content=text, metadata={"ключ": "значение", "emoji": "🚀"}, entities=["Zürich", "東京"])
    back = Event.from_wire(unpack(pack(event.to_wire())))
    assert back.content == text
    assert back.metadata == {"ключ": "значение", "emoji": "🚀"}
    assert back.entities == ["Zürich", "東京"]


def test_large_payload_round_trip() -> None:
    content = "x" * (8 * 1024 * 1024)
    metadata = {f"k{i}": list(range(50)) for i in range(2000)}
    event = _event(content=content, metadata=metadata, embedding=[float(i) for i in range(4096)])
    back = Event.from_wire(unpack(pack(event.to_wire())))
    assert back.content == content and back.metadata == metadata and len(back.embedding) == 4096


def test_newer_schema_fields_survive_a_round_trip() -> None:
    wire = _event().to_wire()
    wire.update({"schema_version": SCHEMA_VERSION + 3, "importance": 0.9, "links": [{"to": "bob", "w": 2}]})
    event = Event.from_wire(unpack(pack(wire)))
    assert event.content == "Analytical Engine"
    assert event.schema_version == SCHEMA_VERSION + 3
    assert event.extra == {"importance": 0.9, "links": [{"to": "bob", "w": 2}]}
    again = unpack(pack(event.to_wire()))
    assert again["importance"] == 0.9 and again["links"] == [{"to": "bob", "w": 2}]


def test_older_or_sparse_wire_does_not_crash() -> None:
    event = Event.from_wire({"agent_id": "ada", "seq": 1, "metadata": None, "entities": None, "kind": "brand-new-kind"})
    assert event.metadata == {} and event.entities == [] and event.kind == "brand-new-kind"
    assert event.event_id == "" and event.content == ""


def test_identity_round_trip_and_same_content() -> None:
    identity = Identity("Ada", "mathematician", ["curious"], {"era": 1843}, version=2, created_at=1.0, updated_at=2.0)
    back = Identity.from_wire(unpack(pack(identity.to_wire())))
    assert back == identity
    assert back.same_content(Identity("Ada", "mathematician", ["curious"], {"era": 1843}))
    assert not back.same_content(Identity("Ada", "poet", ["curious"], {"era": 1843}))


def test_reply_envelopes_carry_typed_errors() -> None:
    assert unwrap({"seq": 1}) == {"seq": 1}
    with pytest.raises(AgentNotFound) as caught:
        unwrap(unpack(pack(Failure.of(AgentNotFound("no such agent", "agent_id")))))
    assert caught.value.field == "agent_id" and caught.value.http_status == 404
    with pytest.raises(NovamemError):
        unwrap(Failure("from-the-future", "?"))


def test_messages_travel_as_msgpack_with_their_types() -> None:
    """What Ray pickles is msgpack: a message (and the events inside it) comes back typed."""
    flush = Flush("ada", 7, [_event(), _event(seq=8, event_id="e-8")])
    pickled = pickle.dumps(flush)
    assert b"actors.codec" in pickled and b"Analytical Engine" in pickled
    assert pickle.loads(pickled) == flush
    with pytest.raises(TypeError, match="register it with @wire"):
        pack(object())


def test_a_receiver_imports_the_module_of_a_type_it_has_not_seen() -> None:
    """A bare actor that never imported actors.messages still decodes a message sent to it."""
    payload = pack(Flush("ada", 7, [_event()])).hex()
    code = (
        "import sys; from actors.codec import unpack; "
        f"flush = unpack(bytes.fromhex({payload!r})); "
        "print(type(flush).__name__, type(flush.events[0]).__name__, 'actors.messages' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["Flush", "Event", "True"]
    with pytest.raises(TypeError, match="unknown wire type"):
        unpack(pack(Failure("x", "y")).replace(b"actors.messages", b"elsewhere.modul"))


@pytest.mark.parametrize("agent_id", ["ada", "A.b_c:d-1", "x" * 128])
def test_valid_agent_ids(agent_id: str) -> None:
    assert is_valid_agent_id(agent_id)


@pytest.mark.parametrize("agent_id", ["", "x" * 129, "with space", "slash/es", "ünï", None, 5])
def test_invalid_agent_ids(agent_id: object) -> None:
    assert not is_valid_agent_id(agent_id)


def test_memory_item_fills_defaults_and_names_bad_fields() -> None:
    item = memory_item({"content": "hi"}, embedding_dim=4)
    assert item.kind == "observation" and len(item.event_id) == 32 and item.embedding is None
    for bad, field in [
        ({"content": 3}, "content"),
        ({"content": "x", "kind": "dream"}, "kind"),
        ({"content": "x", "entities": "Bob"}, "entities"),
        ({"content": "x", "embedding": [1, 2]}, "embedding"),
        ({"content": "x", "metadata": [1]}, "metadata"),
        ({"content": "x", "event_id": ""}, "event_id"),
    ]:
        with pytest.raises(InvalidInput) as caught:
            memory_item(bad, embedding_dim=4)
        assert caught.value.field == field
