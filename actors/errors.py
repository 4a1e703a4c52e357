"""Typed errors that cross actor boundaries as data, and map one-to-one onto HTTP codes.

Actors never let these escape as Ray exceptions: they reply with a `Failure` (see
`actors.messages`) and the caller re-raises the typed error. That keeps msgpack on the
wire and keeps expected outcomes (an unknown agent, a bad field) out of Ray's error logs.
"""

from __future__ import annotations

from typing import ClassVar


class NovamemError(Exception):
    """Base class: `code` is stable and machine-readable, `field` names the bad input."""

    code: ClassVar[str] = "internal"
    http_status: ClassVar[int] = 500
    _by_code: ClassVar[dict[str, type[NovamemError]]] = {}

    def __init_subclass__(cls, code: str, http_status: int, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.code, cls.http_status = code, http_status
        NovamemError._by_code[code] = cls

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def to_wire(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}


class InvalidInput(NovamemError, code="invalid_input", http_status=422):
    """A request field breaks the input rules; `field` names it (`items[1].kind`)."""


class AgentNotFound(NovamemError, code="agent_not_found", http_status=404):
    """No identity was ever written for this agent id."""


class Conflict(NovamemError, code="conflict", http_status=409):
    """The agent and the log could not agree on its head."""


class PayloadTooLarge(NovamemError, code="payload_too_large", http_status=413):
    """A request body over `max_body_bytes`."""


class Unavailable(NovamemError, code="unavailable", http_status=503):
    """A dependency (the log, a tier, the cluster) cannot be reached: retry later."""


class AgentPassivating(NovamemError, code="agent_passivating", http_status=503):
    """The agent's actor is shutting down after idling; callers retry on a fresh actor."""


class EmbeddingModelMismatch(NovamemError, code="embedding_model_mismatch", http_status=503):
    """A vector tier holds vectors of another model or dimension than the deployment runs."""


def from_wire(wire: dict[str, str | None]) -> NovamemError:
    """Rebuild the typed error an actor reported (unknown codes become the base class)."""
    cls = NovamemError._by_code.get(str(wire.get("code")), NovamemError)
    return cls(str(wire.get("message", "")), wire.get("field"))
