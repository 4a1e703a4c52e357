"""The msgpack codec used on every actor boundary and for every stored payload.

Replies from actors are envelopes: `{"ok": value}` or `{"err": {code, message, field}}`,
so callers get typed errors (see `actors.errors`) without Ray exception round trips.
"""

from __future__ import annotations

from typing import Any

import msgpack

from actors.errors import NovamemError, from_wire


def pack(obj: Any) -> bytes:
    """Serialise plain Python data (dicts, lists, str, bytes, numbers, None)."""
    return msgpack.packb(obj, use_bin_type=True)


def unpack(data: bytes) -> Any:
    """Inverse of `pack`; map keys may be any msgpack type (strings in practice)."""
    return msgpack.unpackb(data, raw=False, strict_map_key=False)


def ok(value: Any) -> bytes:
    """A successful actor reply."""
    return pack({"ok": value})


def err(error: NovamemError) -> bytes:
    """A failed actor reply carrying a typed error."""
    return pack({"err": error.to_wire()})


def unwrap(reply: bytes) -> Any:
    """Return the value of an actor reply, or raise the typed error it carries."""
    envelope = unpack(reply)
    if "err" in envelope:
        raise from_wire(envelope["err"])
    return envelope["ok"]
