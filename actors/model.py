"""Events and identities: the one data model every actor, store and route shares.

Everything that changes an agent is an `Event` keyed `(agent_id, seq)`. Events are
plain dataclasses (cheap to import in agent actors) that convert to and from the wire
form the msgpack codec carries. Fields written by a newer schema are kept verbatim in
`extra` and written back out, so an old reader never drops or chokes on them.
"""

from __future__ import annotations

import math
import re
import time
import uuid
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 1

AGENT_ID_PATTERN = r"[A-Za-z0-9_.:-]{1,128}"
_AGENT_ID_RE = re.compile(AGENT_ID_PATTERN)
EVENT_ID_MAX_LEN = 128

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


def is_valid_agent_id(agent_id: object) -> bool:
    """True if `agent_id` matches `[A-Za-z0-9_.:-]{1,128}`."""
    return isinstance(agent_id, str) and _AGENT_ID_RE.fullmatch(agent_id) is not None


def new_event_id() -> str:
    """A fresh idempotency key; clients may send their own instead."""
    return uuid.uuid4().hex


def now() -> float:
    """Wall-clock seconds since the epoch (UTC), the timestamp unit everywhere."""
    return time.time()


@dataclass(slots=True)
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
        wire = {f: getattr(self, f) for f in _WIRE_FIELDS}
        for key, value in self.extra.items():
            wire.setdefault(key, value)
        return wire

    @classmethod
    def from_wire(cls, wire: dict[str, Any]) -> Event:
        """Build an event from any schema version; unknown keys land in `extra`."""
        known = {k: wire[k] for k in _WIRE_FIELDS if k in wire}
        extra = {k: v for k, v in wire.items() if k not in _WIRE_FIELD_SET}
        known.setdefault("schema_version", SCHEMA_VERSION)
        for key, default in _REQUIRED_DEFAULTS.items():
            known.setdefault(key, default)
        if known.get("metadata") is None:
            known["metadata"] = {}
        if known.get("entities") is None:
            known["entities"] = []
        if known.get("data") is None:
            known["data"] = {}
        return cls(**known, extra=extra)

    @property
    def is_memory(self) -> bool:
        """Every kind except identity versions counts as a memory."""
        return self.kind != IDENTITY

    def public(self) -> dict[str, Any]:
        """The form returned to API callers (no embedding, no internal fields)."""
        return {
            "agent_id": self.agent_id,
            "seq": self.seq,
            "event_id": self.event_id,
            "kind": self.kind,
            "content": self.content,
            "metadata": self.metadata,
            "entities": self.entities,
            "session_id": self.session_id,
            "created_at": self.created_at,
        }


_WIRE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event) if f.name != "extra")
_WIRE_FIELD_SET = frozenset(_WIRE_FIELDS) | {"extra"}
_REQUIRED_DEFAULTS: dict[str, Any] = {"seq": 0, "event_id": "", "kind": DEFAULT_KIND, "agent_id": ""}

IDENTITY_FIELDS: tuple[str, ...] = ("name", "persona", "traits", "metadata")


@dataclass(slots=True)
class Identity:
    """Who an agent is. Every change is a new version, kept in the log forever."""

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

    def to_wire(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "persona": self.persona,
            "traits": list(self.traits),
            "metadata": dict(self.metadata),
            "version": self.version,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_wire(cls, wire: dict[str, Any]) -> Identity:
        return cls(
            name=wire.get("name", ""),
            persona=wire.get("persona"),
            traits=list(wire.get("traits") or []),
            metadata=dict(wire.get("metadata") or {}),
            version=int(wire.get("version", 0)),
            created_at=float(wire.get("created_at", 0.0)),
            updated_at=float(wire.get("updated_at", 0.0)),
        )


# -- input rules (shared by the Python API and the HTTP API) -------------------------

MAX_ENTITIES = 256
MAX_TEXT_ID_LEN = 128
MAX_CONTENT_CHARS = 1_000_000
MAX_NESTING = 32
MAX_INT = 2**63 - 1
MIN_INT = -(2**63)


def _require(condition: bool, message: str, field_name: str) -> None:
    if not condition:
        from actors.errors import InvalidInput

        raise InvalidInput(message, field_name)


def check_agent_id(agent_id: object) -> str:
    _require(is_valid_agent_id(agent_id), f"agent_id must match {AGENT_ID_PATTERN}", "agent_id")
    return agent_id  # type: ignore[return-value]


def check_text(value: object, field_name: str, max_len: int | None = None) -> str:
    """A string of valid Unicode, optionally bounded in length."""
    return _check_str(value, field_name, max_len)  # type: ignore[return-value]


def _check_str(value: object, field_name: str, max_len: int | None = None, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    _require(isinstance(value, str), f"{field_name} must be a string", field_name)
    if max_len is not None:
        _require(0 < len(value) <= max_len, f"{field_name} must be 1 to {max_len} characters", field_name)  # type: ignore[arg-type]
    check_plain(value, field_name)
    return value  # type: ignore[return-value]


def check_plain(value: object, field_name: str, depth: int = 0) -> None:
    """Accept only data every store can hold unchanged: JSON types, 64-bit integers,
    finite floats, valid Unicode, at most MAX_NESTING levels deep."""
    _require(depth <= MAX_NESTING, f"{field_name} is nested deeper than {MAX_NESTING} levels", field_name)
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        _require(MIN_INT <= value <= MAX_INT, f"{field_name} must fit in a signed 64-bit integer", field_name)
    elif isinstance(value, float):
        _require(math.isfinite(value), f"{field_name} must be a finite number", field_name)
    elif isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            _require(False, f"{field_name} must be valid Unicode (no lone surrogates)", field_name)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            check_plain(item, f"{field_name}[{index}]", depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            _require(isinstance(key, str), f"{field_name} keys must be strings", field_name)
            check_plain(key, f"{field_name} key", depth + 1)
            check_plain(item, f"{field_name}.{key}", depth + 1)
    else:
        _require(False, f"{field_name} holds an unsupported {type(value).__name__}", field_name)


def memory_item(raw: dict[str, Any], embedding_dim: int, where: str = "") -> dict[str, Any]:
    """Validate one memory and fill defaults (kind, a fresh event_id); errors name the field."""
    _require(isinstance(raw, dict), "each memory must be an object", where or "body")
    kind = raw.get("kind") or DEFAULT_KIND
    _require(kind in MEMORY_KINDS, f"kind must be one of {', '.join(MEMORY_KINDS)}", f"{where}kind")
    metadata = raw.get("metadata") or {}
    _require(isinstance(metadata, dict), "metadata must be an object", f"{where}metadata")
    check_plain(metadata, f"{where}metadata")
    entities = raw.get("entities") or []
    _require(
        isinstance(entities, list) and all(isinstance(e, str) and e for e in entities),
        "entities must be a list of non-empty strings",
        f"{where}entities",
    )
    _require(len(entities) <= MAX_ENTITIES, f"at most {MAX_ENTITIES} entities", f"{where}entities")
    check_plain(entities, f"{where}entities")
    embedding = raw.get("embedding")
    if embedding is not None:
        _require(
            isinstance(embedding, list)
            and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in embedding),
            "embedding must be a list of numbers",
            f"{where}embedding",
        )
        _require(len(embedding) == embedding_dim, f"embedding must have {embedding_dim} dimensions", f"{where}embedding")
        check_plain(embedding, f"{where}embedding")
    return {
        "content": _check_str(raw.get("content"), f"{where}content", MAX_CONTENT_CHARS),
        "kind": kind,
        "metadata": metadata,
        "entities": entities,
        "embedding": [float(x) for x in embedding] if embedding is not None else None,
        "session_id": _check_str(raw.get("session_id"), f"{where}session_id", MAX_TEXT_ID_LEN, optional=True),
        "event_id": _check_str(raw.get("event_id"), f"{where}event_id", EVENT_ID_MAX_LEN, optional=True)
        or new_event_id(),
    }


def identity_fields(raw: dict[str, Any]) -> dict[str, Any]:
    """Validate an identity document (name required; persona, traits, metadata optional)."""
    name = _check_str(raw.get("name"), "name", 256)
    persona = _check_str(raw.get("persona"), "persona", optional=True)
    traits = raw.get("traits") or []
    _require(
        isinstance(traits, list) and all(isinstance(t, str) for t in traits), "traits must be a list of strings", "traits"
    )
    check_plain(traits, "traits")
    metadata = raw.get("metadata") or {}
    _require(isinstance(metadata, dict), "metadata must be an object", "metadata")
    check_plain(metadata, "metadata")
    return {"name": name, "persona": persona, "traits": traits, "metadata": metadata, "event_id": new_event_id()}
