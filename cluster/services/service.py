"""Base class of one locally managed server: build, launch, readiness, stop, status."""

from __future__ import annotations

import os
import time
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar

from .errors import NotReadyError, ServiceError
from .paths import HOST, service_dir
from .procs import cmdline, pid_alive, port_open, read_pid, spawn_detached, tail, terminate, write_pid


class Service(ABC):
    """One server process owned by this package (never a system service)."""

    #: Short name used on the command line and as the runtime dir name.
    name: ClassVar[str]
    #: Main TCP port (others, if any, are in :meth:`ports`).
    port: ClassVar[int]
    #: Substring that must appear in the process command line (guards against pid reuse).
    process_marker: ClassVar[str]
    #: Seconds to wait for readiness after launching.
    ready_timeout: ClassVar[float] = 60.0
    #: Seconds to wait after SIGTERM before SIGKILL.
    stop_timeout: ClassVar[float] = 30.0

    host: str = HOST

    def __init_subclass__(
        cls, name: str, port: int, marker: str, ready_s: float = 60.0, stop_s: float = 30.0, **kwargs: Any
    ) -> None:
        """Each server declares its name, main port, command-line marker and timeouts."""
        super().__init_subclass__(**kwargs)
        cls.name, cls.port, cls.process_marker = name, port, marker
        cls.ready_timeout, cls.stop_timeout = ready_s, stop_s

    # ------------------------------------------------------------------ paths
    @property
    def data_dir(self) -> Path:
        """Runtime directory: data, log file and pid file."""
        return service_dir(self.name)

    @property
    def log_file(self) -> Path:
        """Where the server's stdout/stderr go."""
        return self.data_dir / f"{self.name}.log"

    @property
    def pid_file(self) -> Path:
        """Pid of the running server."""
        return self.data_dir / f"{self.name}.pid"

    # ---------------------------------------------------- per-server behaviour
    @abstractmethod
    def version(self) -> str:
        """Version of the server that :meth:`ensure_built` provides."""

    @abstractmethod
    def ensure_built(self) -> None:
        """Install/build the server's artefacts unless the cache is current."""

    @abstractmethod
    def command(self) -> list[str]:
        """Argv that runs the server in the foreground."""

    @abstractmethod
    def endpoint(self) -> dict[str, Any]:
        """Connection info for clients (URL/DSN, host, ports)."""

    def ports(self) -> dict[str, int]:
        """All TCP ports this server listens on, by role."""
        return {"main": self.port}

    def environment(self) -> dict[str, str]:
        """Extra environment variables for the server process."""
        return {}

    def prepare(self) -> None:
        """Create the data dir and any config files before launching."""
        self.data_dir.mkdir(parents=True, exist_ok=True)

    def probe(self) -> bool:
        """True once the server accepts client connections."""
        return port_open(self.host, self.port)

    def after_ready(self) -> None:
        """One-off setup once ready (e.g. create a database); must be idempotent."""

    # ------------------------------------------------------------ lifecycle
    def pid(self) -> int | None:
        """Pid of our running server, or None (a stale pid file is removed)."""
        pid = read_pid(self.pid_file)
        if pid is None:
            return None
        if pid_alive(pid):
            command = cmdline(pid)
            # An empty command line means "cannot tell right now" (the kernel may not
            # show it while a busy JVM maps memory), not "someone else's process".
            if not command or self.process_marker in command:
                return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    def running(self) -> bool:
        """True if our server process is alive."""
        return self.pid() is not None

    def _check_ports_free(self) -> None:
        busy = [f"{role} {port}" for role, port in self.ports().items() if port_open(self.host, port, 0.2)]
        if busy:
            raise ServiceError(
                self.name,
                f"cannot start: port(s) {', '.join(busy)} already in use by another process "
                f"(not ours: no live pid in {self.pid_file})",
            )

    def launch(self) -> int | None:
        """Start the server unless already running (its ports must be free); returns its pid."""
        pid = self.pid()
        if pid is not None:
            return pid
        self._check_ports_free()
        self.prepare()
        return self.start_process()

    def start_process(self) -> int | None:
        """Run :meth:`command` detached, with its log and pid files."""
        pid = spawn_detached(self.command(), self.log_file, env=self.environment(), cwd=self.data_dir)
        write_pid(self.pid_file, pid)
        return pid

    def wait_ready(self, timeout: float | None = None) -> None:
        """Block until :meth:`probe` passes, then run :meth:`after_ready`.

        Raises NotReadyError (naming the server, with the tail of its log) if the
        process dies or the timeout passes.
        """
        timeout = self.ready_timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            if self.probe():
                self.after_ready()
                return
            if self.pid() is None:
                raise NotReadyError(
                    self.name,
                    f"process exited before accepting connections; last lines of {self.log_file}:\n"
                    f"{tail(self.log_file)}",
                )
            if time.monotonic() > deadline:
                raise NotReadyError(
                    self.name,
                    f"not accepting connections on {self.host}:{self.port} after {timeout:.0f}s; "
                    f"last lines of {self.log_file}:\n{tail(self.log_file)}",
                )
            time.sleep(0.25)

    def start(self) -> None:
        """Build if needed, launch if not running, wait until ready. Idempotent."""
        self.ensure_built()
        self.launch()
        self.wait_ready()

    def stop(self) -> None:
        """SIGTERM, wait, then SIGKILL. No-op if not running."""
        pid = self.pid()
        if pid is None:
            return
        terminate(pid, self.stop_timeout)
        self.pid_file.unlink(missing_ok=True)

    def status(self) -> dict[str, Any]:
        """``{running, pid, port, version}`` (+ ``ready``, ``ports``, ``log``)."""
        pid = self.pid()
        try:
            version = self.version()
        except Exception as exc:  # noqa: BLE001 - status must not fail
            version = f"unknown ({exc.__class__.__name__})"
        return {
            "running": pid is not None,
            "pid": pid,
            "port": self.port,
            "version": version,
            "ready": pid is not None and self.probe(),
            "ports": self.ports(),
            "log": str(self.log_file),
        }

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.host}:{self.port}>"


def is_root() -> bool:
    """True when running as uid 0."""
    return os.geteuid() == 0
