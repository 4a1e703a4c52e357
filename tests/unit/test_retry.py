"""The one retry rule (actors.retry): waits, deadlines, and which errors are retried."""

from __future__ import annotations

import itertools
import time

import pytest

from actors.retry import Backoff, Deadline, always, retry, retry_blocking


def test_backoff_doubles_up_to_its_cap() -> None:
    assert list(itertools.islice(Backoff(0.1, 0.5).delays(), 5)) == [0.1, 0.2, 0.4, 0.5, 0.5]
    assert list(itertools.islice(Backoff(0.1, 1.0, immediate=True).delays(), 3)) == [0.0, 0.1, 0.2]


def test_deadline_extends_but_never_shortens() -> None:
    deadline = Deadline(10.0)
    deadline.extend(1.0)
    assert 9.0 < deadline.remaining() <= 10.0
    deadline.extend(20.0)
    assert deadline.remaining() > 19.0
    assert Deadline.never().remaining() == float("inf") and not Deadline.never().passed_after(1e9)


async def test_transient_errors_are_retried_until_success() -> None:
    attempts, seen = [], []

    async def flaky() -> str:
        attempts.append(1)
        if len(attempts) < 3:
            raise ConnectionError("blip")
        return "ok"

    assert await retry(flaky, always, Backoff(0.001, 0.01), Deadline(5), seen.append) == "ok"
    assert len(attempts) == 3 and [str(e) for e in seen] == ["blip", "blip"]


async def test_the_last_error_is_raised_at_the_deadline() -> None:
    started = time.monotonic()

    async def down() -> None:
        raise ConnectionError("still down")

    with pytest.raises(ConnectionError, match="still down"):
        await retry(down, always, Backoff(0.01, 0.05), Deadline(0.2))
    assert time.monotonic() - started < 1.0


def test_errors_that_are_not_transient_are_raised_at_once() -> None:
    attempts = []

    def broken() -> None:
        attempts.append(1)
        raise ValueError("a bug, not an outage")

    with pytest.raises(ValueError):
        retry_blocking(broken, lambda e: isinstance(e, ConnectionError), Backoff(0.01, 0.1), Deadline(5))
    assert len(attempts) == 1
