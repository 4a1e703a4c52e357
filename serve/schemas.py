"""Response bodies of HTTP API v1 (request bodies are the input models of `actors.inputs`).

Timestamps are ISO-8601 UTC here; the Python API returns epoch seconds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


def timestamp(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


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


class RecallHit(MemoryOut):
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
