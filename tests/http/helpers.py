"""Request and assertion helpers shared by the HTTP API tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx

JSON = {"content-type": "application/json"}


def uid(prefix: str = "http") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def iso(value: Any) -> datetime:
    """Parse an ISO-8601 timestamp; it must carry a UTC offset."""
    assert isinstance(value, str), value
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None and parsed.utcoffset() == UTC.utcoffset(None), value
    return parsed


def assert_error(response: httpx.Response, status: int, code: str | None = None, field: str | None = None) -> dict:
    """`status` with exactly `{"error": {code, message, field?}}`; `field` checked when given."""
    assert response.status_code == status, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) in ({"code", "message"}, {"code", "message", "field"}), error
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code, error
    if field is not None:
        assert error.get("field") == field, error
    return error


def assert_client_error(response: httpx.Response) -> dict:
    """Any 4xx with the JSON error body (for inputs where several 4xx codes are defensible)."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    return assert_error(response, response.status_code)


def post_raw(http: httpx.Client, path: str, body: bytes, method: str = "POST") -> httpx.Response:
    return http.request(method, path, content=body, headers=JSON)


def agent_info(http: httpx.Client, agent_id: str) -> dict:
    response = http.get(f"/v1/agents/{agent_id}")
    assert response.status_code == 200, response.text
    return response.json()


def all_memories(http: httpx.Client, agent_id: str) -> list[dict]:
    response = http.get(f"/v1/agents/{agent_id}/memories", params={"limit": 1000})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def streamed(data: bytes, chunk: int = 4096) -> Iterator[bytes]:
    """A generator body: httpx sends it chunked, without Content-Length."""
    for start in range(0, len(data), chunk):
        yield data[start : start + chunk]


def body_of_size(size: int) -> bytes:
    """A valid memory body of exactly `size` bytes."""
    prefix, suffix = b'{"content":"', b'"}'
    body = prefix + b"x" * (size - len(prefix) - len(suffix)) + suffix
    assert len(body) == size
    return body
