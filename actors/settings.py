"""Settings: every knob of a deployment, as one typed, immutable object.

The first process to create a deployment fixes its settings; every actor (writers, the
Directory, Serve replicas) then runs on that same object. Loading them from a file and
`NOVAMEM_*` variables is the CLI's business (`cluster.config`): nothing here reads the
environment, so an actor started on another node never picks up different values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from actors.codec import wire
from actors.recall import DEFAULT_WEIGHTS, SIGNALS

TierName = Literal["redis", "neo4j", "weaviate", "mongo"]
ALL_TIERS: tuple[TierName, ...] = ("redis", "neo4j", "weaviate", "mongo")


@wire
class Settings(BaseModel):
    """Every setting of a novamem deployment; see the README's configuration table."""

    model_config = ConfigDict(extra="forbid", validate_default=True, frozen=True)

    profile: Literal["embedded", "polyglot"] = "embedded"
    namespace: str = Field("novamem", min_length=1, max_length=64)

    data_dir: str = ".novamem"
    sqlite_path: str = ""
    """Embedded profile log file; defaults to `<data_dir>/novamem.db`."""

    writer_pool_size: int = Field(2, ge=1, le=64)
    batch_max_events: int = Field(512, ge=1, le=100_000)
    batch_max_delay_ms: float = Field(1.0, ge=0, le=1000)
    log_retry_deadline_s: float = Field(15.0, gt=0)

    working_memory_size: int = Field(128, ge=1, le=100_000)
    dedup_window: int = Field(1024, ge=0, le=1_000_000)
    idle_timeout_s: float = Field(600.0, gt=0)
    call_timeout_s: float = Field(60.0, gt=0)
    agent_niceness: int = Field(10, ge=0, le=19)
    """Agent actors run this much nicer than the rest: hundreds of busy agent processes
    then cannot starve the few writers and database servers that every agent waits on."""
    activation_timeout_s: float = Field(300.0, gt=0)
    """Budget for a call that must first start the agent's actor: worker processes start
    a few at a time, so when hundreds of agents activate at once the last ones wait."""

    embedder: str = "minilm"
    """`minilm` (all-MiniLM-L6-v2 on ONNX Runtime, bundled), `hashing`, `onnx:<dir>`,
    `sentence-transformers:<model>`, `openai:<model>` or `package.module:Class`; see
    `actors.embedding`. Changing it on a deployment with data needs `novamem reindex`."""
    embedding_dim: int | None = Field(None, ge=2, le=8192)
    """For `hashing` (default 256) and `openai:` (dimensions asked of the endpoint); any
    other model has its own, and a value given here must match it."""
    embedder_url: str = ""
    """Base URL of an OpenAI-compatible API for `openai:<model>` (e.g. http://127.0.0.1:8080/v1)."""
    embedder_api_key_env: str = "NOVAMEM_EMBEDDER_API_KEY"
    """Environment variable holding that API's key, read by the embedding actors only."""
    embedder_timeout_s: float = Field(30.0, gt=0)
    embedder_replicas: int = Field(1, ge=1, le=64)
    embedder_num_cpus: float = Field(1.0, ge=0)
    """CPUs each embedding replica reserves (and ONNX Runtime threads it uses)."""
    embedder_num_gpus: float = Field(0.0, ge=0)
    embed_batch_max: int = Field(256, ge=1, le=10_000)
    """Texts per model call, merged across concurrent requests."""
    tier_apply_interval_ms: float = Field(200.0, ge=0, le=10_000)
    """Under sustained writes each tier applies at most once per interval (bigger batches,
    far less per-event work); a write after a quiet spell is applied at once."""
    recall_weights: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    """Fusion weight per signal (vector, keyword, entity, related, recency); the ones not
    given keep their defaults, 0 turns a signal off. Chosen with `make eval`."""
    recall_candidates: int = Field(50, ge=1, le=10_000)
    recall_wait_s: float = Field(5.0, ge=0)

    http_host: str = "127.0.0.1"
    http_port: int = Field(8000, ge=1, le=65535)
    route_prefix: str = Field("/", pattern=r"^/([A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*)?$")
    """Where the HTTP API is mounted; deployments sharing one Serve need different ones."""
    max_body_bytes: int = Field(1_048_576, ge=1024)
    max_batch_items: int = Field(1000, ge=1)
    serve_min_replicas: int = Field(1, ge=1)
    serve_max_replicas: int = Field(4, ge=1)

    agent_slots: int = Field(100_000, ge=1)
    """`agent_slot` capacity declared by a head node that `novamem up` starts."""

    store_node_id: str = ""
    """Embedded profile: the node holding the SQLite file; writers are pinned to it."""

    # -- polyglot profile: the log on PostgreSQL, tiers derived from it ------------------
    postgres_dsn: str = "postgresql://novamem@127.0.0.1:54329/novamem"
    db_pool_size: int = Field(4, ge=1, le=64)
    """Connections per writer and per store: the pool is the writers', never the agents'."""
    tiers: list[TierName] = list(ALL_TIERS)
    redis_url: str = "redis://127.0.0.1:63790/0"
    neo4j_uri: str = "bolt://127.0.0.1:17687"
    neo4j_user: str = ""
    neo4j_password: str = ""
    weaviate_host: str = "127.0.0.1"
    weaviate_http_port: int = Field(18080, ge=1, le=65535)
    weaviate_grpc_port: int = Field(15051, ge=1, le=65535)
    mongo_url: str = "mongodb://127.0.0.1:37017/"
    store_timeout_s: float = Field(5.0, gt=0)
    """Per-operation timeout towards a tier server, so a hung server counts as down."""

    @field_validator("recall_weights")
    @classmethod
    def _known_signals(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(value) - set(SIGNALS))
        if unknown:
            raise ValueError(f"unknown recall signals {unknown}; signals: {', '.join(SIGNALS)}")
        if any(weight < 0 for weight in value.values()):
            raise ValueError("recall weights must be >= 0")
        return {**DEFAULT_WEIGHTS, **value}

    @field_validator("namespace")
    @classmethod
    def _namespace_chars(cls, value: str) -> str:
        if not value.replace("-", "").replace("_", "").isalnum():
            raise ValueError("namespace may hold only letters, digits, '-' and '_'")
        return value

    def resolved(self) -> Settings:
        """Absolute paths, so that actors started elsewhere find the same files."""
        data_dir = Path(self.data_dir).expanduser().resolve()
        sqlite = Path(self.sqlite_path).expanduser().resolve() if self.sqlite_path else data_dir / "novamem.db"
        return self.model_copy(update={"data_dir": str(data_dir), "sqlite_path": str(sqlite)})

    def differences(self, other: Settings) -> list[str]:
        """Names of the settings whose values differ (the store node is per process)."""
        mine, theirs = self.model_dump(), other.model_dump()
        return sorted(k for k in mine if k != "store_node_id" and mine[k] != theirs[k])

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump()

    @classmethod
    def from_wire(cls, wire_form: dict[str, Any]) -> Settings:
        return cls.model_validate(wire_form)
