"""Shared fixtures: one real local Ray cluster per test session, isolated deployments in it.

Each deployment lives in its own Ray namespace with its own SQLite file, so tests that
need special settings (short idle timeouts, tiny batches) never disturb the others.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import ray

from cluster.config import load_settings
from cluster.runtime import Runtime


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def ray_session() -> Iterator[dict[str, Any]]:
    """A real single-node Ray cluster (with the job server, for `ray job submit` tests)."""
    dashboard_port = free_port()
    context = ray.init(
        address="local",
        num_cpus=2,
        resources={"agent_slot": 100_000},
        namespace="novamem-tests",
        include_dashboard=True,
        dashboard_host="127.0.0.1",
        dashboard_port=dashboard_port,
        logging_level="WARNING",
    )
    yield {"gcs_address": context.address_info["gcs_address"], "dashboard_url": f"http://127.0.0.1:{dashboard_port}"}
    ray.shutdown()


@pytest.fixture(scope="session")
def make_runtime(ray_session: dict, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Runtime]:
    """Create a fresh deployment (own namespace, own SQLite file) with setting overrides."""

    def make(**overrides: Any) -> Runtime:
        namespace = f"t-{uuid.uuid4().hex[:8]}"
        data_dir: Path = tmp_path_factory.mktemp(namespace)
        settings = load_settings(None, namespace=namespace, data_dir=str(data_dir), **overrides)
        return Runtime.connect(settings=settings)

    return make


@pytest.fixture(scope="session")
def runtime(make_runtime: Callable[..., Runtime]) -> Runtime:
    """The default deployment shared by tests that only need unique agent ids."""
    return make_runtime()


@pytest.fixture
def agent_id() -> str:
    return f"agent-{uuid.uuid4().hex[:10]}"
