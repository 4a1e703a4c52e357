"""Check that the `make up` service answers: `before` writes a marker agent, `after` reads it back."""

from __future__ import annotations

import sys

import httpx

BASE = "http://127.0.0.1:8000"
AGENT = "ci-beside-make-test"


def main(phase: str) -> None:
    with httpx.Client(base_url=BASE, timeout=120) as http:
        health = http.get("/healthz")
        assert health.status_code == 200 and health.json()["status"] == "ok", health.text
        if phase == "before":
            assert http.put(f"/v1/agents/{AGENT}", json={"name": "CI"}).status_code in (200, 201)
            assert http.post(f"/v1/agents/{AGENT}/memories", json={"content": "written before make test"}).status_code == 201
        listed = http.get(f"/v1/agents/{AGENT}/memories", params={"limit": 1000})
        assert listed.status_code == 200, listed.text
        assert "written before make test" in [m["content"] for m in listed.json()["items"]], listed.text
    print(f"make up service answers ({phase} make test)")


if __name__ == "__main__":
    main(sys.argv[1])
