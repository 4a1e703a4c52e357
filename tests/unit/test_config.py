"""Configuration precedence: flags > NOVAMEM_* environment > config file > defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from cluster.config import load_settings


def test_defaults_resolve_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.profile == "embedded" and settings.namespace == "novamem"
    assert settings.sqlite_path == str(tmp_path / ".novamem" / "novamem.db")


def test_file_then_env_then_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "novamem.toml"
    config.write_text('writer_pool_size = 3\nidle_timeout_s = 9.5\nhttp_port = 9000\n')
    monkeypatch.setenv("NOVAMEM_IDLE_TIMEOUT_S", "4")
    monkeypatch.setenv("NOVAMEM_HTTP_PORT", "9100")
    settings = load_settings(config, http_port=9200)
    assert settings.writer_pool_size == 3
    assert settings.idle_timeout_s == 4
    assert settings.http_port == 9200


def test_config_env_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "other.toml"
    config.write_text('namespace = "fleet-a"\n')
    monkeypatch.setenv("NOVAMEM_CONFIG", str(config))
    assert load_settings().namespace == "fleet-a"


def test_bad_values_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        load_settings(writer_pool_size=0)
    with pytest.raises(ValidationError):
        load_settings(profile="mystery")
    config = tmp_path / "typo.toml"
    config.write_text("writer_poolsize = 2\n")
    with pytest.raises(ValidationError):
        load_settings(config)
    with pytest.raises(FileNotFoundError):
        load_settings(tmp_path / "missing.toml")
