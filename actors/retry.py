"""The one retry rule: which errors are worth another attempt, how long to wait, when to stop.

Every retry loop in novamem (writer -> log, agent -> writer, client -> agent, tier
projections -> their stores, named-actor lookups) runs through `retry` (or
`retry_blocking` outside an event loop) with one of the policies below. When an
attempt fails with an error that is not transient, or the next wait would pass the
deadline, the last error is raised unchanged: the caller turns it into a typed error.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential waits: `start_s`, doubling, capped at `max_s` (0 first if `immediate`)."""

    start_s: float
    max_s: float
    immediate: bool = False

    def delays(self) -> Iterator[float]:
        if self.immediate:
            yield 0.0
        delay = self.start_s
        while True:
            yield delay
            delay = min(delay * 2, self.max_s)


class Deadline:
    """A point in monotonic time, or never; callers may push it later."""

    def __init__(self, seconds: float | None) -> None:
        self.at = None if seconds is None else time.monotonic() + seconds

    @classmethod
    def never(cls) -> Deadline:
        return cls(None)

    def extend(self, seconds: float) -> None:
        """At least `seconds` from now."""
        if self.at is not None:
            self.at = max(self.at, time.monotonic() + seconds)

    def remaining(self) -> float:
        return float("inf") if self.at is None else max(self.at - time.monotonic(), 0.0)

    def passed_after(self, delay: float) -> bool:
        return self.at is not None and time.monotonic() + delay > self.at


LOG_BACKOFF = Backoff(start_s=0.01, max_s=1.0)
"""Writer -> log: a locked or restarting database usually answers again within ms."""
RESTART_BACKOFF = Backoff(start_s=0.05, max_s=1.0)
"""Waiting for a peer actor that Ray is restarting (agent -> writer), or for a named
actor whose creation another caller won."""
REACTIVATION_BACKOFF = Backoff(start_s=0.05, max_s=1.0, immediate=True)
"""Client -> agent after its actor died or passivated: the first retry goes at once (a
fresh actor is usually one call away), then back off while Ray restarts it."""
TIER_BACKOFF = Backoff(start_s=0.05, max_s=2.0)
"""A tier projection waiting for its server to come back (it never gives up)."""


class _Attempts:
    """The schedule shared by both loops: the wait before the next attempt, or give up."""

    def __init__(self, transient: Callable[[BaseException], bool], backoff: Backoff, deadline: Deadline) -> None:
        self.transient = transient
        self.delays = backoff.delays()
        self.deadline = deadline

    def wait_after(self, error: BaseException) -> float:
        delay = next(self.delays)
        if not self.transient(error) or self.deadline.passed_after(delay):
            raise error
        return delay


async def retry(
    operation: Callable[[], Awaitable[T]],
    transient: Callable[[BaseException], bool],
    backoff: Backoff,
    deadline: Deadline,
    on_error: Callable[[BaseException], None] | None = None,
) -> T:
    """Await `operation()` until it succeeds, retrying transient errors until the deadline."""
    attempts = _Attempts(transient, backoff, deadline)
    while True:
        try:
            return await operation()
        except Exception as error:  # noqa: BLE001 - classified by `transient`
            if on_error is not None:
                on_error(error)
            await asyncio.sleep(attempts.wait_after(error))


def retry_blocking(
    operation: Callable[[], T],
    transient: Callable[[BaseException], bool],
    backoff: Backoff,
    deadline: Deadline,
) -> T:
    """`retry` for code that runs outside an event loop (it sleeps the thread)."""
    attempts = _Attempts(transient, backoff, deadline)
    while True:
        try:
            return operation()
        except Exception as error:  # noqa: BLE001 - classified by `transient`
            time.sleep(attempts.wait_after(error))


def always(_: BaseException) -> bool:
    """For loops that must outlast any failure (a projection waits for its tier forever)."""
    return True
