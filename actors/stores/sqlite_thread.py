"""One SQLite connection owned by one thread, driven from asyncio.

SQLite calls block; running them on a dedicated thread keeps the writer actor's event
loop free to accept (and batch) new calls while a transaction commits.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

BUSY_TIMEOUT_MS = 1_000
"""Short on purpose: a locked log is retried with backoff by the writer, up to its deadline."""


class SqliteThread:
    """Serialises all work on one connection; WAL mode so readers never block the writer."""

    def __init__(self, path: str, synchronous: str = "FULL") -> None:
        self.path = path
        self._synchronous = synchronous
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        self._conn: sqlite3.Connection | None = None

    def _connect(self) -> None:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={self._synchronous}")
        self._conn = conn

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work(connection)` on the connection's thread and return its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._call, work)

    def _call(self, work: Callable[[sqlite3.Connection], T]) -> T:
        if self._conn is None:
            self._connect()
        assert self._conn is not None
        return work(self._conn)

    async def close(self) -> None:
        def _close(_: sqlite3.Connection) -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        if self._conn is not None:
            await self.run(_close)
        self._executor.shutdown(wait=False)


def transaction(conn: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    """Run `work` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = work(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return result


def is_transient(error: BaseException) -> bool:
    """Locked/busy databases and I/O hiccups are worth retrying; constraint bugs are not."""
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        return any(word in text for word in ("locked", "busy", "disk i/o", "unable to open"))
    return False
