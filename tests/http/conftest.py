"""HTTP API v1 fixtures: one real Ray Serve app per test session, reached over real HTTP.

Serve's HTTP host and port are fixed by the first `serve.start` of a cluster, so the app
is deployed exactly once per session, on a free port, in front of its own deployment
(own Ray namespace, own SQLite file) created through `deployments`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator

import httpx
import pytest
from ray import serve

from actors.settings import Settings
from cluster.runtime import Runtime
from serve.app import deploy
from tests.conftest import SESSION_IDLE_TIMEOUT_S

pytest.register_assert_rewrite("tests.http.helpers")

MAX_BODY_BYTES = 64 * 1024
"""A small body limit (the minimum allowed is 1 KiB) keeps the 413 tests cheap."""

EMBEDDING_DIM = 384
"""The default model's (all-MiniLM-L6-v2), which the HTTP suite runs: tests build right-
and wrong-sized embeddings up front."""

READY_TIMEOUT_S = 300.0


@pytest.fixture(scope="session")
def api_runtime(deployments: Callable[..., Runtime]) -> Runtime:
    """The deployment behind the HTTP API."""
    return deployments(
        max_body_bytes=MAX_BODY_BYTES,
        embedder="minilm",
        embedding_dim=EMBEDDING_DIM,
        serve_min_replicas=1,
        serve_max_replicas=1,
        idle_timeout_s=SESSION_IDLE_TIMEOUT_S,
    )


@pytest.fixture(scope="session")
def api_settings(api_runtime: Runtime, serve_port: int) -> Settings:
    """The deployment's settings, with the HTTP port the Serve app listens on."""
    return api_runtime.settings.model_copy(update={"http_host": "127.0.0.1", "http_port": serve_port})


@pytest.fixture(scope="session")
def api_url(api_settings: Settings, api_runtime: Runtime) -> Iterator[str]:
    """Base URL of the running Serve app (deployed once; Serve shut down at the end)."""
    url = deploy(api_settings)
    try:
        _wait_ready(url)
        yield url
    finally:
        serve.shutdown()
        api_runtime.teardown()


def _wait_ready(url: str) -> None:
    """`serve.run` returns once the app is running; the proxy may still need a moment."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    last: object = None
    while time.monotonic() < deadline:
        try:
            response = httpx.get(f"{url}/healthz", timeout=30)
            if response.status_code == 200:
                return
            last = f"{response.status_code} {response.text[:200]}"
        except httpx.HTTPError as error:
            last = error
        time.sleep(0.25)
    raise RuntimeError(f"the Serve app at {url} did not become ready: {last}")


@pytest.fixture(scope="session")
def http(api_url: str) -> Iterator[httpx.Client]:
    """A synchronous client bound to the API's base URL."""
    with httpx.Client(base_url=api_url, timeout=120) as client:
        yield client


@pytest.fixture
def new_agent_id() -> str:
    """An agent id nobody has used yet."""
    return f"http-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def agent(http: httpx.Client, new_agent_id: str) -> str:
    """A freshly created agent (identity version 1, last_seq 1)."""
    response = http.put(f"/v1/agents/{new_agent_id}", json={"name": "Fixture"})
    assert response.status_code == 201, response.text
    return new_agent_id


@pytest.fixture(scope="session")
def idle_agent(http: httpx.Client) -> str:
    """One agent shared by the bad-input tests: it only ever receives rejected requests.

    Creating an agent starts a Ray actor, which is slow on a busy machine; rejected
    requests write nothing, so its `last_seq` must stay 1 forever.
    """
    agent_id = f"http-idle-{uuid.uuid4().hex[:12]}"
    response = http.put(f"/v1/agents/{agent_id}", json={"name": "Idle"})
    assert response.status_code == 201, response.text
    return agent_id
