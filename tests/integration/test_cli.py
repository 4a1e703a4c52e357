"""The `novamem` CLI end to end: up starts Ray and serves HTTP, status reports, down stops it all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import psutil

from tests.conftest import free_port

NOVAMEM = str(Path(sys.executable).with_name("novamem"))


def _run(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([NOVAMEM, *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_config_shows_the_effective_settings(tmp_path: Path) -> None:
    config = tmp_path / "novamem.toml"
    config.write_text("writer_pool_size = 3\n")
    env = {**os.environ, "NOVAMEM_IDLE_TIMEOUT_S": "42"}
    done = _run("config", "--config", str(config), env=env)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["writer_pool_size"] == 3 and shown["idle_timeout_s"] == 42


def test_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    done = _run("config", "--config", str(tmp_path / "missing.toml"), env=dict(os.environ))
    assert done.returncode == 2 and "config file not found" in done.stdout


def test_up_status_down_on_a_fresh_local_ray(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    env.update(NOVAMEM_DATA_DIR=str(tmp_path), NOVAMEM_NAMESPACE=f"cli-{uuid.uuid4().hex[:6]}")
    http_port, ray_port, dashboard_port = free_port(), free_port(), free_port()
    up = _run(
        "up", "--port", str(http_port), "--ray-port", str(ray_port), "--dashboard-port", str(dashboard_port), env=env
    )
    state = json.loads((tmp_path / "up.json").read_text()) if (tmp_path / "up.json").exists() else {}
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        assert f"http://127.0.0.1:{http_port}" in up.stdout and state.get("started_ray")
        base = f"http://127.0.0.1:{http_port}"
        assert httpx.put(f"{base}/v1/agents/cli-agent", json={"name": "Cli"}, timeout=60).status_code == 201
        assert httpx.get(f"{base}/v1/agents/cli-agent", timeout=60).json()["last_seq"] == 1
        status = _run("status", "--json", env=env)
        assert status.returncode == 0, status.stdout + status.stderr
        stats = json.loads(status.stdout)
        assert stats["namespace"] == env["NOVAMEM_NAMESPACE"] and stats["log_head"] == 1
    finally:
        down = _run("down", env=env)
    assert down.returncode == 0, down.stdout + down.stderr
    leftovers = [p for p in psutil.process_iter(["cmdline"]) if state["session"] in " ".join(p.info["cmdline"] or [])]
    assert not leftovers, "down must stop every process of the Ray session it started"
    assert _run("status", env=env).returncode == 1
