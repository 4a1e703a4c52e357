"""The domain: events, identities, memories, entities and the graph they form.

Everything that changes an agent is an `Event` keyed `(agent_id, seq)`. Events are
plain dataclasses (cheap to import in agent actors) with a wire form that the msgpack
codec carries and the logs store. Fields written by a newer schema are kept verbatim in
`extra` and written back out, so an old reader never drops or chokes on them.

The rules every store must apply alike live here too: what an entity key is, how an
identity version is timestamped, and the shape of graph nodes and edges.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import field, fields
from typing import Any

from actors.codec import message

SCHEMA_VERSION = 1

AGENT_ID_PATTERN = r"[A-Za-z0-9_.:-]{1,128}"
_AGENT_ID_RE = re.compile(AGENT_ID_PATTERN)

IDENTITY = "identity"
MEMORY_KINDS: tuple[str, ...] = (
    "observation",
    "fact",
    "reflection",
    "message",
    "session_start",
    "session_end",
)
DEFAULT_KIND = "observation"

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def is_valid_agent_id(agent_id: object) -> bool:
    """True if `agent_id` matches `[A-Za-z0-9_.:-]{1,128}`."""
    return isinstance(agent_id, str) and _AGENT_ID_RE.fullmatch(agent_id) is not None


def new_event_id() -> str:
    """A fresh idempotency key; clients may send their own instead."""
    return uuid.uuid4().hex


def now() -> float:
    """Wall-clock seconds since the epoch (UTC), the timestamp unit everywhere."""
    return time.time()


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; unicode letters and digits count as word characters."""
    return [t.casefold() for t in _TOKEN_RE.findall(text)]


def entity_key(name: str) -> str:
    """The one identity of an entity in every store: its case-folded words.

    "Lamp-Room", "lamp room" and "LAMP ROOM" are the same entity; "" means no entity.
    """
    return " ".join(tokenize(name))


MAX_ENTITY_WORDS = 6
"""Entities a query can name have at most this many words (longer ones are still stored)."""


def mentioned_keys(text: str) -> list[str]:
    """The entity keys a text could be naming: its runs of 1 to MAX_ENTITY_WORDS words."""
    words = tokenize(text)
    runs = (" ".join(words[i : i + n]) for n in range(1, MAX_ENTITY_WORDS + 1) for i in range(len(words) - n + 1))
    return list(dict.fromkeys(runs))


@message
class Event:
    """One change to one agent: a memory, a message, a session marker or an identity version."""

    agent_id: str
    seq: int
    event_id: str
    kind: str
    content: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    entities: list[str] = field(default_factory=list)
    embedding: list[float] | None = None
    session_id: str | None = None
    created_at: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)
    """Kind-specific structured payload: the identity document for identity events."""
    schema_version: int = SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict)
    """Fields from a newer schema, kept so that they survive a round trip."""

    def to_wire(self) -> dict[str, Any]:
        """The msgpack-ready mapping; unknown fields from newer writers are re-emitted."""
        wire_form = {f: getattr(self, f) for f in _WIRE_FIELDS}
        for key, value in self.extra.items():
            wire_form.setdefault(key, value)
        return wire_form

    @classmethod
    def from_wire(cls, wire_form: dict[str, Any]) -> Event:
        """Build an event from any schema version; unknown keys land in `extra`."""
        if wire_form.keys() == _WIRE_FIELD_KEYS and None not in (wire_form["metadata"], wire_form["data"]):
            if wire_form["entities"] is not None:  # written by this version: nothing to fill in
                return cls(**wire_form)
        known = {k: wire_form[k] for k in _WIRE_FIELDS if k in wire_form}
        extra = {k: v for k, v in wire_form.items() if k not in _WIRE_FIELD_SET}
        known.setdefault("schema_version", SCHEMA_VERSION)
        for key, default in _REQUIRED_DEFAULTS.items():
            known.setdefault(key, default)
        for key in ("metadata", "data"):
            if known.get(key) is None:
                known[key] = {}
        if known.get("entities") is None:
            known["entities"] = []
        return cls(**known, extra=extra)

    @property
    def is_memory(self) -> bool:
        """Every kind except identity versions counts as a memory."""
        return self.kind != IDENTITY

    @property
    def entity_keys(self) -> dict[str, str]:
        """Entity key -> the name first used for it, in mention order."""
        keys: dict[str, str] = {}
        for name in self.entities:
            key = entity_key(name)
            if key:
                keys.setdefault(key, name)
        return keys

    def view(self) -> Memory:
        """The form returned to API callers (no embedding, no internal fields)."""
        return Memory(
            self.agent_id,
            self.seq,
            self.event_id,
            self.kind,
            self.content,
            self.metadata,
            self.entities,
            self.session_id,
            self.created_at,
        )


_WIRE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event) if f.name != "extra")
_WIRE_FIELD_KEYS = frozenset(_WIRE_FIELDS)
_WIRE_FIELD_SET = _WIRE_FIELD_KEYS | {"extra"}
_REQUIRED_DEFAULTS: dict[str, Any] = {"seq": 0, "event_id": "", "kind": DEFAULT_KIND, "agent_id": ""}


@message
class Memory:
    """A memory as callers see it."""

    agent_id: str
    seq: int
    event_id: str
    kind: str
    content: str
    metadata: dict[str, Any]
    entities: list[str]
    session_id: str | None
    created_at: float


IDENTITY_FIELDS: tuple[str, ...] = ("name", "persona", "traits", "metadata")


@message
class Identity:
    """Who an agent is. Every change is a new version, kept in the log forever.

    `created_at` is when the agent's first version was written and `updated_at` when
    this version was: `Identity.at` is the one place that rule is applied.
    """

    name: str
    persona: str | None = None
    traits: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    version: int = 0
    created_at: float = 0.0
    updated_at: float = 0.0

    def same_content(self, other: Identity) -> bool:
        """True when the user-visible fields match, so no new version is needed."""
        return all(getattr(self, f) == getattr(other, f) for f in IDENTITY_FIELDS)

    def document(self) -> dict[str, Any]:
        """What an identity event stores: the fields and the version, no timestamps."""
        return {
            "name": self.name,
            "persona": self.persona,
            "traits": list(self.traits),
            "metadata": dict(self.metadata),
            "version": self.version,
        }

    def to_wire(self) -> dict[str, Any]:
        return {**self.document(), "created_at": self.created_at, "updated_at": self.updated_at}

    @classmethod
    def from_wire(cls, wire_form: dict[str, Any]) -> Identity:
        return cls(
            name=wire_form.get("name", ""),
            persona=wire_form.get("persona"),
            traits=list(wire_form.get("traits") or []),
            metadata=dict(wire_form.get("metadata") or {}),
            version=int(wire_form.get("version", 0)),
            created_at=float(wire_form.get("created_at", 0.0)),
            updated_at=float(wire_form.get("updated_at", 0.0)),
        )

    @classmethod
    def at(cls, document: dict[str, Any], first_written_at: float, written_at: float) -> Identity:
        """The identity version stored as `document`, timestamped by the rule above."""
        identity = cls.from_wire(document)
        identity.created_at, identity.updated_at = first_written_at, written_at
        return identity

    def event(self, agent_id: str, event_id: str) -> Event:
        """The identity event that records this version (its seq is assigned on commit)."""
        return Event(agent_id, 0, event_id, IDENTITY, content=self.name, data=self.document())


def identity_versions(rows: list[tuple[dict[str, Any], float]]) -> list[Identity]:
    """`(document, written_at)` rows, oldest first, as timestamped identity versions."""
    if not rows:
        return []
    first_written_at = rows[0][1]
    return [Identity.at(document, first_written_at, written_at) for document, written_at in rows]


# -- the memory graph: one node and edge shape for every graph-capable store ----------------

REMEMBERS = "REMEMBERS"
MENTIONS = "MENTIONS"
MESSAGED = "MESSAGED"


def agent_node(agent_id: str, name: str | None = None) -> dict[str, Any]:
    return {"id": f"agent:{agent_id}", "kind": "agent", "agent_id": agent_id, "name": name}


def memory_node(seq: int, kind: str | None, content: str | None) -> dict[str, Any]:
    return {"id": f"memory:{seq}", "kind": "memory", "seq": seq, "memory_kind": kind, "content": content}


def entity_node(key: str, name: str | None) -> dict[str, Any]:
    return {"id": f"entity:{key}", "kind": "entity", "name": name}


def graph_edge(source: str, relation: str, target: str) -> dict[str, str]:
    return {"from": source, "type": relation, "to": target}


def message_recipients(event: Event) -> list[str]:
    """The agents a message event names in `metadata.to` (a string or a list), never itself."""
    to = event.metadata.get("to")
    names = [to] if isinstance(to, str) else to if isinstance(to, list) else []
    return [n for n in names if isinstance(n, str) and n and n != event.agent_id]
