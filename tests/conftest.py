"""Shared fixtures: one real local Ray cluster per test session, isolated deployments in it.

The cluster is the session's own: started like `novamem up` starts one, on free ports
and with its own temp dir, so a service that `make up` runs on the same machine is never
joined, seen as "the current cluster" or stopped. Each deployment lives in its own Ray
namespace with its own SQLite file, so tests that need special settings (short idle
timeouts, tiny batches) never disturb the others.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import ray

from cluster.config import load_settings
from cluster.local_ray import current_session, free_port, join, start_head, stop_session
from cluster.runtime import Runtime

TEST_EMBEDDER = "hashing"
"""Test deployments embed with the hashing embedder unless a test asks for a model: most
tests are about durability, lifecycle and the API, and the real model (which the HTTP
suite and the semantic recall tests run) would only make them slower."""


@pytest.fixture(scope="session")
def ray_session() -> Iterator[dict[str, Any]]:
    """A real single-node Ray cluster of this session's own (with the job server)."""
    temp_dir = tempfile.mkdtemp(prefix="nmt-")  # short: Ray's socket paths must stay under 108 bytes
    port, dashboard_port = free_port(), free_port()
    start_head(100_000, port, dashboard_port, temp_dir=temp_dir)
    gcs_address = f"127.0.0.1:{port}"
    join(gcs_address, "novamem-tests", quiet=True)  # actor and Serve logs stay in the session's log files
    session = current_session()
    yield {"gcs_address": gcs_address, "dashboard_url": f"http://127.0.0.1:{dashboard_port}", "temp_dir": temp_dir}
    ray.shutdown()
    stop_session(session["session"], session["gcs_address"])
    shutil.rmtree(temp_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def deployments(ray_session: dict, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Runtime]]:
    """Create deployments that live for the whole session (each torn down at its end)."""
    created: list[Runtime] = []

    def make(**overrides: Any) -> Runtime:
        namespace = f"t-{uuid.uuid4().hex[:8]}"
        data_dir: Path = tmp_path_factory.mktemp(namespace)
        overrides.setdefault("embedder", TEST_EMBEDDER)
        overrides.setdefault("embedder_num_cpus", 0)  # many deployments share the session's 2 CPUs
        settings = load_settings(None, namespace=namespace, data_dir=str(data_dir), **overrides)
        created.append(Runtime.connect(settings=settings))
        return created[-1]

    yield make
    _teardown_all(created)


@pytest.fixture
def make_runtime(deployments: Callable[..., Runtime]) -> Iterator[Callable[..., Runtime]]:
    """Create a fresh deployment (own namespace, own SQLite file) for one test.

    Its actors are killed when the test ends: idle agent workers left behind by earlier
    tests would otherwise pile up (each is a process) and slow every later test.
    """
    created: list[Runtime] = []

    def make(**overrides: Any) -> Runtime:
        created.append(deployments(**overrides))
        return created[-1]

    yield make
    _teardown_all(created)


def _teardown_all(runtimes: list[Runtime]) -> None:
    while runtimes:
        try:
            runtimes.pop().teardown()
        except ray.exceptions.RayActorError:  # the test tore it down itself
            pass


SESSION_IDLE_TIMEOUT_S = 30.0
"""Agents of the deployments that live for the whole session passivate after this long:
hundreds of tests each leave an agent behind, and every idle agent is a process that
costs memory and CPU (the 150-agent test ran at half speed behind them)."""


@pytest.fixture(scope="session")
def runtime(deployments: Callable[..., Runtime]) -> Runtime:
    """The default deployment shared by tests that only need unique agent ids."""
    return deployments(idle_timeout_s=SESSION_IDLE_TIMEOUT_S)


@pytest.fixture
def agent_id() -> str:
    return f"agent-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def services() -> Iterator[dict[str, dict[str, Any]]]:
    """PostgreSQL, Redis, FerretDB, Neo4j and Weaviate up for the session; their endpoints.

    Built from the package registries first if the cache is cold (many minutes once).
    Servers this session started are stopped at the end unless NOVAMEM_KEEP_SERVICES=1.
    """
    from cluster.services import manager

    already = {name for name, state in manager.status().items() if state["running"]}
    ours = [name for name in manager.ALL if name not in already]
    started = time.monotonic()
    try:
        manager.start(progress=lambda name, message: print(f"[services] {name}: {message}", flush=True))
        print(f"[services] up in {time.monotonic() - started:.1f}s (already running: {sorted(already) or 'none'})")
        yield manager.endpoints()
    finally:  # also when one server failed to start: the others must not outlive the session
        if ours and os.environ.get("NOVAMEM_KEEP_SERVICES") != "1":  # stop([]) would mean "all"
            manager.stop(ours)


@pytest.fixture(scope="session")
def serve_port(ray_session: dict) -> int:
    """Serve's HTTP port for the whole session (fixed by the first `serve.start`)."""
    return free_port()
