"""The quickstart example runs as a plain script and as a Ray job, against a running cluster."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from cluster.local_ray import ray_executable
from cluster.runtime import Runtime

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _env(runtime: Runtime, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(NOVAMEM_NAMESPACE=runtime.settings.namespace, NOVAMEM_DATA_DIR=runtime.settings.data_dir, **extra)
    return env


async def _assert_example_data(runtime: Runtime, agent_id: str) -> None:
    info = await runtime.agent(agent_id).info()
    assert info["identity"]["name"] == "Ada" and info["last_seq"] == 4


async def test_quickstart_as_a_plain_script(runtime: Runtime, ray_session: dict) -> None:
    agent_id = f"example-{uuid.uuid4().hex[:8]}"
    env = _env(runtime, RAY_ADDRESS=ray_session["gcs_address"])
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "quickstart.py"), agent_id], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"{agent_id}: identity v1, last_seq 4" in done.stdout
    await _assert_example_data(runtime, agent_id)


async def test_quickstart_as_a_ray_job(runtime: Runtime, ray_session: dict) -> None:
    agent_id = f"job-{uuid.uuid4().hex[:8]}"
    runtime_env = (
        '{"env_vars": {"NOVAMEM_NAMESPACE": "%s", "NOVAMEM_DATA_DIR": "%s", "NOVAMEM_EXAMPLE_AGENT": "%s"}}'
        % (runtime.settings.namespace, runtime.settings.data_dir, agent_id)
    )
    command = [
        ray_executable(),
        "job",
        "submit",
        "--address",
        ray_session["dashboard_url"],
        "--working-dir",
        str(EXAMPLES),
        "--runtime-env-json",
        runtime_env,
        "--",
        sys.executable,
        "quickstart.py",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert f"{agent_id}: identity v1, last_seq 4" in done.stdout
    await _assert_example_data(runtime, agent_id)
