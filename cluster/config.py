"""Loading settings: one TOML file plus `NOVAMEM_*` environment overrides.

Precedence, highest first: explicit arguments (CLI flags) > environment > config file >
defaults. The result is the plain, typed `actors.settings.Settings` that the whole
deployment shares; only this loader ever looks at files or the environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from actors.settings import Settings

CONFIG_ENV = "NOVAMEM_CONFIG"
DEFAULT_CONFIG_FILE = "novamem.toml"


class _FileAndEnvironment(BaseSettings, Settings):
    """`Settings`' fields, filled from flags, then the environment, then the file."""

    model_config = SettingsConfigDict(env_prefix="NOVAMEM_", extra="forbid", validate_default=True, frozen=True)

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
        loaded = _FileAndEnvironment(**clean)
    finally:
        _config_override = None
    return Settings.model_validate(loaded.model_dump()).resolved()
