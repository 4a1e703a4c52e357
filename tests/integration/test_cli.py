"""The `novamem` CLI end to end: up starts Ray and serves HTTP, status reports, down stops
exactly what its deployment owns.

Each `up` here runs with its own RAY_TMPDIR, so it starts a Ray of its own and never
joins (or stops) the session's cluster or one that `make up` left running.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from cluster.local_ray import free_port

NOVAMEM = str(Path(sys.executable).with_name("novamem"))


def _run(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([NOVAMEM, *args], env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def own_ray_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment in which `novamem up` finds no Ray cluster and starts its own."""
    ray_tmp = tempfile.mkdtemp(prefix="nmc-")  # short: Ray's socket paths must stay under 108 bytes
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    env.update(RAY_TMPDIR=ray_tmp, NOVAMEM_DATA_DIR=str(tmp_path), NOVAMEM_NAMESPACE=f"cli-{uuid.uuid4().hex[:6]}")
    env["COLUMNS"] = "200"  # rich wraps at 80 columns when not on a terminal
    yield env
    subprocess.run(["rm", "-rf", ray_tmp], check=False)


def _session_processes(session: str) -> list[psutil.Process]:
    return [p for p in psutil.process_iter(["cmdline"]) if session in " ".join(p.info["cmdline"] or [])]


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


def test_up_status_down_and_a_second_deployment_beside(own_ray_env: dict[str, str], tmp_path: Path) -> None:
    """`up` starts a Ray of its own and serves; `status` reports. A second `up --port N`
    where Serve already listens elsewhere is a clear error that creates nothing; a second
    namespace under its own route prefix works, and its `down` leaves the first deployment
    answering and Ray running. The first `down` then stops every process it started.
    (One test, so that the Ray start is paid once.)"""
    first = own_ray_env
    second = {**first, "NOVAMEM_NAMESPACE": f"{first['NOVAMEM_NAMESPACE']}-b", "NOVAMEM_DATA_DIR": str(tmp_path / "b")}
    http_port, ray_port, dashboard_port = free_port(), free_port(), free_port()
    base = f"http://127.0.0.1:{http_port}"
    up = _run(
        "up", "--port", str(http_port), "--ray-port", str(ray_port), "--dashboard-port", str(dashboard_port), env=first
    )
    state = json.loads((tmp_path / "up.json").read_text()) if (tmp_path / "up.json").exists() else {}
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        assert f"http://127.0.0.1:{http_port}" in up.stdout and state.get("started_ray")
        assert httpx.put(f"{base}/v1/agents/cli-agent", json={"name": "Cli"}, timeout=60).status_code == 201
        assert httpx.get(f"{base}/v1/agents/cli-agent", timeout=60).json()["last_seq"] == 1
        status = _run("status", "--json", env=first)
        assert status.returncode == 0, status.stdout + status.stderr
        stats = json.loads(status.stdout)
        assert stats["namespace"] == first["NOVAMEM_NAMESPACE"] and stats["log_head"] == 1

        elsewhere = free_port()
        refused = _run("up", "--port", str(elsewhere), env=second)
        assert refused.returncode == 1, refused.stdout + refused.stderr
        assert f"already listens on 127.0.0.1:{http_port}, not 127.0.0.1:{elsewhere}" in refused.stdout
        nothing = _run("status", env=second)
        assert nothing.returncode == 1 and "no novamem deployment" in nothing.stdout, nothing.stdout

        prefixed = _run("up", "--port", str(http_port), env={**second, "NOVAMEM_ROUTE_PREFIX": "/second"})
        assert prefixed.returncode == 0, prefixed.stdout + prefixed.stderr
        assert f"{base}/second" in prefixed.stdout
        assert httpx.put(f"{base}/second/v1/agents/other", json={"name": "Other"}, timeout=60).status_code == 201
        down_second = _run("down", env=second)
        assert down_second.returncode == 0 and "Ray left running" in down_second.stdout, down_second.stdout
        assert httpx.get(f"{base}/v1/agents/cli-agent", timeout=60).json()["last_seq"] == 1, "the first still answers"
        assert httpx.get(f"{base}/second/v1/agents/other", timeout=60).status_code == 404
    finally:
        down = _run("down", env=first)
    assert down.returncode == 0, down.stdout + down.stderr
    assert not _session_processes(state["session"]), "down must stop every process of the Ray session it started"
    assert _run("status", env=first).returncode == 1


def test_up_refuses_another_model_until_reindex(own_ray_env: dict[str, str]) -> None:
    """Memories embedded by one model, then `up` with another: refused with both named and
    nothing left running; `reindex` re-embeds from the log; then `up` serves again."""
    env, http_port = own_ray_env, free_port()
    base = f"http://127.0.0.1:{http_port}"
    ports = ["--ray-port", str(free_port()), "--dashboard-port", str(free_port())]  # never a `make up` Ray's
    hashing = {**env, "NOVAMEM_EMBEDDER": "hashing"}
    assert _run("up", "--port", str(http_port), *ports, env=hashing).returncode == 0
    try:
        assert httpx.put(f"{base}/v1/agents/ada", json={"name": "Ada"}, timeout=60).status_code == 201
        memory = {"content": "Charles likes tea in the afternoon"}
        assert httpx.post(f"{base}/v1/agents/ada/memories", json=memory, timeout=60).status_code == 201
    finally:
        assert _run("down", env=hashing).returncode == 0
    refused = _run("up", "--port", str(http_port), *ports, env=env)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "refuses to start" in refused.stdout and "hashing-256/256" in refused.stdout
    assert "all-MiniLM-L6-v2/384" in refused.stdout and "novamem reindex" in refused.stdout
    assert _run("status", env=env).returncode == 1, "a refused up leaves nothing running"
    reindexed = _run("reindex", *ports, env=env)
    assert reindexed.returncode == 0, reindexed.stdout + reindexed.stderr
    assert "replaying index" in reindexed.stdout and "counts match the log" in reindexed.stdout
    assert _run("up", "--port", str(http_port), *ports, env=env).returncode == 0
    try:
        query = {"query": "What does Charles drink?", "k": 1}
        hits = httpx.post(f"{base}/v1/agents/ada/recall", json=query, timeout=60).json()["items"]
        assert hits[0]["content"] == memory["content"]
    finally:
        assert _run("down", env=env).returncode == 0
