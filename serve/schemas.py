"""Request and response bodies of HTTP API v1 (pydantic; they generate the OpenAPI at /docs)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from actors.client import MAX_PAGE
from actors.model import EVENT_ID_MAX_LEN, MEMORY_KINDS

MemoryKind = Literal[MEMORY_KINDS]  # type: ignore[valid-type]


def _reject_booleans(value: Any) -> Any:
    if isinstance(value, list) and any(isinstance(x, bool) for x in value):
        raise ValueError("embedding must hold numbers, not booleans")
    return value


Vector = Annotated[list[float], BeforeValidator(_reject_booleans)]
"""Numbers only: JSON booleans are not silently turned into 0.0 / 1.0."""


def timestamp(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


class Strict(BaseModel):
    """Unknown request fields are rejected, so typos surface as errors."""

    model_config = ConfigDict(extra="forbid")


class IdentityIn(Strict):
    name: str = Field(min_length=1, max_length=256)
    persona: str | None = None
    traits: list[str] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(default_factory=dict)


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
        return cls(
            agent_id=wire["agent_id"],
            identity=IdentityOut.from_wire(wire["identity"]),
            identity_version=wire["identity_version"],
            last_seq=wire["last_seq"],
            created_at=timestamp(wire["created_at"]),
            updated_at=timestamp(wire["updated_at"]),
        )


class IdentityHistoryOut(BaseModel):
    items: list[IdentityOut]


class MemoryIn(Strict):
    content: str = Field(min_length=1)
    kind: MemoryKind = "observation"
    metadata: dict[str, Any] = Field(default_factory=dict)
    entities: list[str] = Field(default_factory=list)
    embedding: Vector | None = None
    session_id: str | None = Field(default=None, min_length=1, max_length=128)
    event_id: str | None = Field(default=None, min_length=1, max_length=EVENT_ID_MAX_LEN)


class MemoryBatchIn(Strict):
    items: list[MemoryIn] = Field(min_length=1)


class WriteResult(BaseModel):
    seq: int
    event_id: str
    created: bool


class WriteBatchOut(BaseModel):
    items: list[WriteResult]


class MemoryOut(BaseModel):
    agent_id: str
    seq: int
    event_id: str
    kind: str
    content: str
    metadata: dict[str, Any]
    entities: list[str]
    session_id: str | None
    created_at: datetime

    @field_validator("created_at", mode="before")
    @classmethod
    def _from_epoch(cls, value: Any) -> Any:
        return timestamp(value) if isinstance(value, (int, float)) else value


class MemoryListOut(BaseModel):
    items: list[MemoryOut]


class RecallIn(Strict):
    query: str = ""
    k: int = Field(10, ge=1, le=MAX_PAGE)
    kinds: list[MemoryKind] | None = None
    session_id: str | None = Field(default=None, min_length=1, max_length=128)
    embedding: Vector | None = None
    consistency: Literal["strong", "eventual"] = "strong"


class RecallHit(MemoryOut):
    score: float
    sources: list[str]


class RecallOut(BaseModel):
    items: list[RecallHit]
    degraded: list[str] = Field(description="tiers that could not answer or were behind; results may be partial")


class FindIn(Strict):
    metadata: dict[str, str | int | float | bool | None] = Field(
        default_factory=dict, description="equality per key; `a.b` reaches into nested objects"
    )
    kinds: list[MemoryKind] | None = None
    limit: int = Field(20, ge=1, le=MAX_PAGE)
    consistency: Literal["strong", "eventual"] = "strong"


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
