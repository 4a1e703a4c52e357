"""The writer's access to its log: the log retry policy, and the health it observes.

A locked SQLite file or a restarting PostgreSQL answers again within moments, so log
operations on the commit path retry transient errors until `log_retry_deadline_s`, then
answer Unavailable. The last error seen is kept for health and stats, which add one
cheap ping, never a scan.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from actors.errors import Unavailable
from actors.retry import LOG_BACKOFF, Deadline, retry
from actors.stores.base import EventLog

T = TypeVar("T")


class LogGuard:
    """Runs log operations with the log's retry policy; `error` is the last failure, or ""."""

    def __init__(self, log: EventLog, deadline_s: float) -> None:
        self.log = log
        self.deadline_s = deadline_s
        self.error = ""

    def _note(self, error: BaseException) -> None:
        self.error = f"{type(error).__name__}: {error}"[:300]

    async def run(self, operation: Callable[[], Awaitable[T]]) -> T:
        """`operation()` retried while the log fails transiently; Unavailable once it gives up."""
        try:
            result = await retry(operation, self.log.is_transient, LOG_BACKOFF, Deadline(self.deadline_s), self._note)
        except Exception as error:  # noqa: BLE001 - any log failure is reported as Unavailable
            self._note(error)
            raise Unavailable(f"the log ({self.log.name}) is unreachable: {self.error}") from error
        self.error = ""
        return result

    async def probe(self) -> str:
        """One cheap round trip (no scan) for health: "" if the log answers, else why not.

        Health is the probe and the last operation together: the commit path's own error
        stands until an operation succeeds again.
        """
        try:
            await self.log.ping()
        except Exception as error:  # noqa: BLE001 - a down log is what health must report
            return f"{type(error).__name__}: {error}"[:300]
        return self.error
