"""FerretDB (MongoDB wire protocol over SQLite), embedded in our own small Go main."""

from __future__ import annotations

import re
import socket
import struct
from pathlib import Path
from typing import Any

from .buildcache import artefact_dir, build_once, fingerprint, run_logged
from .errors import BuildError
from .paths import SOURCE_DIR
from .service import Service
from .toolchains import go_binary

SRC_DIR = SOURCE_DIR / "ferretdb"
SOURCES = [SRC_DIR / "go.mod", SRC_DIR / "go.sum", SRC_DIR / "main.go"]
BINARY_NAME = "novamem-ferretdb"


def pinned_version() -> str:
    """FerretDB version required by cluster/services/ferretdb/go.mod."""
    match = re.search(r"github\.com/FerretDB/FerretDB\s+(v\S+)", (SRC_DIR / "go.mod").read_text())
    if not match:
        raise BuildError("ferretdb", "FerretDB not required in ferretdb/go.mod")
    return match.group(1)


def _bson_ping() -> bytes:
    """BSON of ``{ping: 1, $db: "admin"}``."""

    def cstr(s: str) -> bytes:
        return s.encode() + b"\0"

    body = b"\x10" + cstr("ping") + struct.pack("<i", 1)
    db = b"admin\0"
    body += b"\x02" + cstr("$db") + struct.pack("<i", len(db)) + db
    return struct.pack("<i", len(body) + 5) + body + b"\0"


def mongo_ping(host: str, port: int, timeout: float = 2.0) -> bool:
    """Send an OP_MSG ping; True if an OP_MSG reply with ``ok: 1.0`` comes back."""
    doc = _bson_ping()
    payload = struct.pack("<I", 0) + b"\x00" + doc  # flagBits, section kind 0
    header = struct.pack("<iiii", 16 + len(payload), 1, 0, 2013)  # OP_MSG
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(header + payload)
            data = b""
            while len(data) < 16:
                chunk = sock.recv(4096)
                if not chunk:
                    return False
                data += chunk
            length, _, _, opcode = struct.unpack("<iiii", data[:16])
            while len(data) < length:
                chunk = sock.recv(4096)
                if not chunk:
                    return False
                data += chunk
            ok = b"\x01ok\x00" + struct.pack("<d", 1.0)
            return opcode == 2013 and ok in data
    except (OSError, struct.error):
        return False


class FerretDBService(Service, name="ferretdb", port=37017, marker=BINARY_NAME, ready_s=120.0, stop_s=20.0):
    """MongoDB-compatible server on 127.0.0.1:37017 (SQLite files in our data dir)."""

    def version(self) -> str:
        """Pinned FerretDB version (from go.mod)."""
        return pinned_version()

    @property
    def binary(self) -> Path:
        """Cached binary for the current sources (go.mod, go.sum, main.go)."""
        return artefact_dir(self.name, fingerprint(*SOURCES)) / BINARY_NAME

    def ensure_built(self) -> None:
        """``go build`` our launcher unless a binary for these sources is cached."""
        build_once(self.name, self.binary.parent, self.binary.is_file, self._build)

    def _build(self) -> None:
        build = self.binary.parent
        build.mkdir(parents=True, exist_ok=True)
        command = [go_binary(), "build", "-trimpath", "-mod=readonly", "-o", str(self.binary), "."]
        env = {"CGO_ENABLED": "0", "GOFLAGS": "-buildvcs=false"}
        run_logged(self.name, command, build / "build.log", cwd=SRC_DIR, env=env, timeout=1800)
        if not self.binary.is_file():
            raise BuildError(self.name, f"go build finished but {self.binary} is missing")

    def command(self) -> list[str]:
        """Listen on 127.0.0.1:37017, SQLite databases under ``<data>/sqlite``."""
        return [
            str(self.binary),
            "-listen-addr",
            f"{self.host}:{self.port}",
            "-sqlite-dir",
            str(self.data_dir / "sqlite"),
        ]

    def probe(self) -> bool:
        """A MongoDB ``ping`` command succeeds."""
        return mongo_ping(self.host, self.port)

    def endpoint(self) -> dict[str, Any]:
        """MongoDB URI."""
        return {"url": f"mongodb://{self.host}:{self.port}/", "host": self.host, "port": self.port}
