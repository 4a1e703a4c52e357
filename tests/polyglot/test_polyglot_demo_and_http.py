"""`novamem demo` and the HTTP API on the polyglot profile."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest

from cluster.runtime import Runtime
from serve.app import deploy

pytestmark = pytest.mark.polyglot

NOVAMEM = str(Path(sys.executable).with_name("novamem"))


def test_novamem_demo_profile_polyglot(polyglot: Runtime, ray_session: dict) -> None:
    """The real CLI: `novamem demo --profile polyglot` against the session's cluster."""
    env = {**os.environ, "NOVAMEM_NAMESPACE": polyglot.settings.namespace}
    command = [NOVAMEM, "demo", "--profile", "polyglot", "--agents", "12", "--memories", "3", "--kill", "3"]
    done = subprocess.run(
        [*command, "--address", ray_session["gcs_address"]], env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "all checks passed" in done.stdout


@pytest.fixture(scope="module")
def polyglot_api(polyglot: Runtime, serve_port: int) -> str:
    http = {"http_host": "127.0.0.1", "http_port": serve_port, "route_prefix": "/polyglot"}
    return deploy(polyglot.settings.model_copy(update=http))


def test_every_route_over_http(polyglot_api: str) -> None:
    agent = f"http-pg-{uuid.uuid4().hex[:8]}"
    with httpx.Client(base_url=polyglot_api, timeout=120) as http:
        assert http.get(f"/v1/agents/{agent}").status_code == 404
        assert http.put(f"/v1/agents/{agent}", json={"name": "Poly"}).status_code == 201
        assert http.put(f"/v1/agents/{agent}", json={"name": "Poly", "persona": "graph"}).json()["identity_version"] == 2
        first = http.post(f"/v1/agents/{agent}/memories", json={"content": "ships in the harbour", "event_id": "e1"})
        again = http.post(f"/v1/agents/{agent}/memories", json={"content": "ships in the harbour", "event_id": "e1"})
        assert (first.status_code, again.status_code) == (201, 200) and first.json()["seq"] == again.json()["seq"]
        batch = http.post(
            f"/v1/agents/{agent}/memories:batch",
            json={"items": [{"content": "lighthouse keeper", "entities": ["Lighthouse"], "metadata": {"k": 1}}] * 2},
        )
        assert batch.status_code == 201 and [i["seq"] for i in batch.json()["items"]] == [4, 5]
        assert [m["seq"] for m in http.get(f"/v1/agents/{agent}/memories", params={"limit": 2}).json()["items"]] == [5, 4]
        assert len(http.get(f"/v1/agents/{agent}/identity/history").json()["items"]) == 2
        recall = http.post(f"/v1/agents/{agent}/recall", json={"query": "harbour ships", "k": 2}).json()
        assert recall["items"][0]["seq"] == 3 and not recall["degraded"]
        found = http.post(f"/v1/agents/{agent}/memories:find", json={"metadata": {"k": 1}}).json()
        assert [m["seq"] for m in found["items"]] == [5, 4]
        graph = http.get(f"/v1/agents/{agent}/graph", params={"hops": 2}).json()
        assert {e["type"] for e in graph["edges"]} == {"REMEMBERS", "MENTIONS"}
        health = http.get("/healthz").json()
        assert health["status"] == "ok" and set(health["tiers"]) == {"redis", "neo4j", "weaviate", "mongo"}
        stats = http.get("/v1/stats").json()
        assert stats["profile"] == "polyglot" and stats["log"]["name"] == "postgres"
        bad = http.post(f"/v1/agents/{agent}/memories", json={"content": "x", "metadata": {"n": 2**70}})
        assert bad.status_code == 422 and bad.json()["error"]["field"].startswith("metadata")
