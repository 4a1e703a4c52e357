"""Typed errors that cross actor boundaries as data, and map one-to-one onto HTTP codes.

Actors never let these escape as Ray exceptions: they return an error envelope (see
`actors.codec`) and the caller re-raises the typed error. That keeps msgpack on the wire
and keeps expected outcomes (an unknown agent, a bad field) out of Ray's error logs.
"""

from __future__ import annotations


class NovamemError(Exception):
    """Base class: `code` is stable and machine-readable, `field` names the bad input."""

    code = "internal"
    http_status = 500

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def to_wire(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}


class InvalidInput(NovamemError):
    code = "invalid_input"
    http_status = 422


class AgentNotFound(NovamemError):
    code = "agent_not_found"
    http_status = 404


class Conflict(NovamemError):
    code = "conflict"
    http_status = 409


class PayloadTooLarge(NovamemError):
    code = "payload_too_large"
    http_status = 413


class Unavailable(NovamemError):
    """A dependency (the log, a tier, the cluster) cannot be reached: retry later."""

    code = "unavailable"
    http_status = 503


class AgentPassivating(NovamemError):
    """The agent's actor is shutting down after idling; callers retry on a fresh actor."""

    code = "agent_passivating"
    http_status = 503


_BY_CODE: dict[str, type[NovamemError]] = {
    cls.code: cls
    for cls in (InvalidInput, AgentNotFound, Conflict, PayloadTooLarge, Unavailable, AgentPassivating)
}


def from_wire(wire: dict[str, str | None]) -> NovamemError:
    """Rebuild the typed error an actor reported."""
    cls = _BY_CODE.get(str(wire.get("code")), NovamemError)
    return cls(str(wire.get("message", "")), wire.get("field"))
