"""Configuration: one TOML file plus `NOVAMEM_*` environment overrides, as one typed object.

Precedence, highest first: explicit arguments (CLI flags) > environment > config file >
defaults. The effective settings travel to every actor as a plain dict, so the whole
deployment (Serve replicas, writers, agents) runs on exactly the same values.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

CONFIG_ENV = "NOVAMEM_CONFIG"
DEFAULT_CONFIG_FILE = "novamem.toml"


class Settings(BaseSettings):
    """Every knob of a novamem deployment; see the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix="NOVAMEM_", extra="forbid", validate_default=True)

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
    activation_timeout_s: float = Field(300.0, gt=0)
    """Budget for a call that must first start the agent's actor: worker processes start
    a few at a time, so when hundreds of agents activate at once the last ones wait."""

    embedder: str = "hashing"
    """`hashing` (built in, deterministic) or `package.module:Class` taking `dim=`."""
    embedding_dim: int = Field(256, ge=2, le=8192)
    recall_candidates: int = Field(50, ge=1, le=10_000)
    recall_wait_s: float = Field(5.0, ge=0)

    http_host: str = "127.0.0.1"
    http_port: int = Field(8000, ge=1, le=65535)
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
    tiers: list[Literal["redis", "neo4j", "weaviate", "mongo"]] = ["redis", "neo4j", "weaviate", "mongo"]
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

    @field_validator("namespace")
    @classmethod
    def _namespace_chars(cls, value: str) -> str:
        if not value.replace("-", "").replace("_", "").isalnum():
            raise ValueError("namespace may hold only letters, digits, '-' and '_'")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = _config_file()
        if config_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)

    def resolved(self) -> Settings:
        """Absolute paths, so that actors started elsewhere find the same files."""
        data_dir = Path(self.data_dir).expanduser().resolve()
        sqlite = Path(self.sqlite_path).expanduser().resolve() if self.sqlite_path else data_dir / "novamem.db"
        return self.model_copy(update={"data_dir": str(data_dir), "sqlite_path": str(sqlite)})

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump()


_config_override: Path | None = None


def _config_file() -> Path | None:
    """The config file in force: `--config`, else $NOVAMEM_CONFIG, else ./novamem.toml."""
    if _config_override is not None:
        return _config_override
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env)
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.is_file() else None


def load_settings(config_path: str | Path | None = None, **overrides: Any) -> Settings:
    """Load and validate settings; `overrides` (e.g. CLI flags) win over everything else."""
    global _config_override
    if config_path is not None and not Path(config_path).is_file():
        raise FileNotFoundError(f"config file not found: {config_path}")
    _config_override = Path(config_path) if config_path is not None else None
    try:
        clean = {k: v for k, v in overrides.items() if v is not None}
        return Settings(**clean).resolved()
    finally:
        _config_override = None


def settings_from_wire(wire: dict[str, Any]) -> Settings:
    """Settings as shipped to actors; no file or environment is consulted."""
    return Settings.model_construct(**wire)
