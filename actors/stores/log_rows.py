"""The row shapes every log stores: one `events` row per event, one `identity_versions`
row per identity event. Shared by the SQLite and PostgreSQL logs so both hold the same
bytes (the payload is the msgpack wire form of the whole event)."""

from __future__ import annotations

from actors.codec import pack, unpack
from actors.model import Event

EVENT_COLUMNS = ("agent_id", "seq", "event_id", "kind", "session_id", "created_at", "payload")
IDENTITY_COLUMNS = ("agent_id", "version", "seq", "created_at", "payload")


def event_row(event: Event) -> tuple:
    """The `events` row for an event (also used by the raw-executemany benchmark)."""
    return (
        event.agent_id,
        event.seq,
        event.event_id,
        event.kind,
        event.session_id,
        event.created_at,
        pack(event.to_wire()),
    )


def identity_row(event: Event) -> tuple:
    """The `identity_versions` row for an identity event."""
    return (event.agent_id, int(event.data["version"]), event.seq, event.created_at, pack(event.data))


def decode_event(payload: bytes) -> Event:
    return Event.from_wire(unpack(payload))
