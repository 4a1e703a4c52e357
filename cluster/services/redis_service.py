"""Redis from Debian's ``redis-server`` package, run with our own config file."""

from __future__ import annotations

import functools
import os
import re
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Any

from . import apt
from .errors import BuildError
from .service import Service


def find_binary() -> str | None:
    """redis-server on PATH or in /usr/bin (PATH may lack sbin/bin dirs)."""
    path = shutil.which("redis-server")
    if path is None and os.path.exists("/usr/bin/redis-server"):
        path = "/usr/bin/redis-server"
    return path


class RedisService(Service, name="redis", port=63790, marker="redis-server", ready_s=60.0, stop_s=20.0):
    """Our own redis-server process (not the system service): AOF on, 127.0.0.1 only."""

    def binary(self) -> str:
        """Path of redis-server."""
        path = find_binary()
        if path is None:
            raise BuildError(self.name, "redis-server not found; run ensure_built('redis')")
        return path

    def ensure_built(self) -> None:
        """apt-get install redis-server if missing."""
        apt.ensure_packages(
            self.name,
            ["redis-server"],
            lambda: find_binary() is not None,
        )

    @functools.cache  # noqa: B019
    def version(self) -> str:
        """e.g. ``7.0.15``."""
        out = subprocess.run([self.binary(), "--version"], capture_output=True, text=True, check=True).stdout
        match = re.search(r"v=(\S+)", out)
        return match.group(1) if match else out.strip()

    @property
    def config_file(self) -> Path:
        """Our redis.conf inside the data dir."""
        return self.data_dir / "redis.conf"

    def prepare(self) -> None:
        """Write redis.conf (rewritten on every start)."""
        super().prepare()
        (self.data_dir / "data").mkdir(exist_ok=True)
        self.config_file.write_text(
            "# written by cluster/services/redis_service.py on every start\n"
            f"bind {self.host}\n"
            "protected-mode yes\n"
            f"port {self.port}\n"
            "daemonize no\n"
            'logfile ""\n'
            f"dir {self.data_dir / 'data'}\n"
            "appendonly yes\n"
            "appendfsync everysec\n"
            "save 900 1 300 10 60 10000\n"
            "databases 16\n"
        )

    def command(self) -> list[str]:
        """``redis-server <conf>`` in the foreground (we detach it ourselves)."""
        return [self.binary(), str(self.config_file)]

    def probe(self) -> bool:
        """PING answers +PONG (not -LOADING)."""
        try:
            with socket.create_connection((self.host, self.port), timeout=1.0) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(64).startswith(b"+PONG")
        except OSError:
            return False

    def endpoint(self) -> dict[str, Any]:
        """URL of database 0."""
        return {"url": f"redis://{self.host}:{self.port}/0", "host": self.host, "port": self.port}
