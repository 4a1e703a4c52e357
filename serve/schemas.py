"""Response bodies of HTTP API v1 (request bodies are the input models of `actors.inputs`).

Timestamps are ISO-8601 UTC here; the Python API returns epoch seconds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal, get_type_hints

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from actors.messages import WriteAck
from actors.model import Memory


def timestamp(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


Timestamp = Annotated[datetime, BeforeValidator(lambda v: timestamp(v) if isinstance(v, (int, float)) else v)]


def http_view(view: type, name: str) -> type[BaseModel]:
    """The response model of a domain view: its fields, with `*_at` epoch seconds as ISO-8601."""
    hints = get_type_hints(view)
    return create_model(name, **{n: (Timestamp if n.endswith("_at") else t, ...) for n, t in hints.items()})


class IdentityOut(BaseModel):
    name: str
    persona: str | None
    traits: list[str]
    metadata: dict[str, Any]
    identity_version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_wire(cls, wire: dict[str, Any]) -> IdentityOut:
        return cls(
            name=wire["name"],
            persona=wire["persona"],
            traits=wire["traits"],
            metadata=wire["metadata"],
            identity_version=wire["version"],
            created_at=timestamp(wire["created_at"]),
            updated_at=timestamp(wire["updated_at"]),
        )


class AgentOut(BaseModel):
    agent_id: str
    identity: IdentityOut
    identity_version: int
    last_seq: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_wire(cls, wire: dict[str, Any]) -> AgentOut:
        identity = IdentityOut.from_wire(wire["identity"])
        return cls(
            agent_id=wire["agent_id"],
            identity=identity,
            identity_version=identity.identity_version,
            last_seq=wire["last_seq"],
            created_at=identity.created_at,
            updated_at=identity.updated_at,
        )


class IdentityHistoryOut(BaseModel):
    items: list[IdentityOut]


WriteResult = http_view(WriteAck, "WriteResult")


class WriteBatchOut(BaseModel):
    items: list[WriteResult]


MemoryOut = http_view(Memory, "MemoryOut")


class MemoryListOut(BaseModel):
    items: list[MemoryOut]


class RecallHit(MemoryOut):  # type: ignore[misc, valid-type]
    score: float
    sources: list[str]


class RecallOut(BaseModel):
    items: list[RecallHit]
    degraded: list[str] = Field(description="tiers that could not answer or were behind; results may be partial")


class GraphEdge(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    source: str = Field(alias="from")
    type: str
    to: str


class GraphOut(BaseModel):
    nodes: list[dict[str, Any]]
    edges: list[GraphEdge]


class TierHealth(BaseModel):
    ok: bool
    lag: int


class HealthOut(BaseModel):
    status: Literal["ok", "degraded", "down"]
    log: dict[str, Any]
    tiers: dict[str, TierHealth]


class ErrorBody(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorOut(BaseModel):
    error: ErrorBody
