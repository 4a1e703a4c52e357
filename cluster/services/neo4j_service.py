"""Neo4j Community, embedded from Maven Central, behind a tiny Java launcher (Bolt only)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import struct
from pathlib import Path
from typing import Any

from .buildcache import all_exist, artefact_dir, build_once, fingerprint, run_logged
from .errors import BuildError
from .paths import SOURCE_DIR
from .service import Service
from .toolchains import java_binary, java_major

LAUNCHER_DIR = SOURCE_DIR / "neo4j"
POM = LAUNCHER_DIR / "pom.xml"
LAUNCHER = LAUNCHER_DIR / "Neo4jServer.java"
MAIN_CLASS = "Neo4jServer"

#: JVM flags taken from the stock neo4j.conf of 5.26 (``server.jvm.additional``), minus
#: AlwaysPreTouch (slow start) and the profiling-only ones; plus a small heap.
JVM_FLAGS = [
    "-Xms256m",
    "-Xmx1g",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
]


def pinned_version() -> str:
    """The ``neo4j.version`` property of cluster/services/neo4j/pom.xml."""
    match = re.search(r"<neo4j\.version>([^<]+)</neo4j\.version>", POM.read_text())
    if not match:
        raise BuildError("neo4j", f"no <neo4j.version> in {POM}")
    return match.group(1).strip()


def bolt_handshake(host: str, port: int, timeout: float = 2.0) -> bool:
    """True if a Bolt server agrees on a protocol version (4.4 or 5.x)."""
    proposals = [
        struct.pack(">BBBB", 0, 8, 8, 5),  # 5.8 down to 5.0
        struct.pack(">BBBB", 0, 0, 4, 4),  # 4.4
        b"\0\0\0\0",
        b"\0\0\0\0",
    ]
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(b"\x60\x60\xb0\x17" + b"".join(proposals))
            answer = b""
            while len(answer) < 4:
                chunk = sock.recv(4 - len(answer))
                if not chunk:
                    return False
                answer += chunk
            return answer != b"\0\0\0\0"
    except OSError:
        return False


class Neo4jService(Service, name="neo4j", port=17687, marker=MAIN_CLASS, ready_s=300.0, stop_s=90.0):
    """Embedded Neo4j DBMS with Bolt on 127.0.0.1:17687, auth disabled, HTTP off."""

    def version(self) -> str:
        """Pinned Neo4j version (from pom.xml)."""
        return pinned_version()

    def _build_dir(self) -> Path:
        java = java_binary()
        return artefact_dir(self.name, fingerprint(POM, LAUNCHER, f"java{java_major(java)}"))

    def _classpath(self, build: Path) -> list[str]:
        return [p for p in (build / "classpath.txt").read_text().strip().split(os.pathsep) if p]

    def ensure_built(self) -> None:
        """Resolve jars with ``mvn dependency:build-classpath`` and compile the launcher (cached)."""
        build = self._build_dir()
        build_once(self.name, build, lambda: all_exist(self._classpath(build)), lambda: self._build(build))

    def _build(self, build: Path) -> None:
        if shutil.which("mvn") is None:
            raise BuildError(self.name, "mvn (Maven) not found")
        if build.exists():
            shutil.rmtree(build)
        build.mkdir(parents=True)
        shutil.copy2(POM, build / "pom.xml")
        log = build / "build.log"
        run_logged(
            self.name,
            ["mvn", "-B", "-q", "-f", str(build / "pom.xml"), "dependency:build-classpath",
             f"-Dmdep.outputFile={build / 'classpath.txt'}"],
            log, cwd=build, timeout=1800,
        )  # fmt: skip
        classpath = self._classpath(build)
        if not classpath or not all_exist(classpath):
            raise BuildError(self.name, f"empty or broken classpath in {build / 'classpath.txt'}")
        javac = str(Path(java_binary()).with_name("javac"))
        run_logged(
            self.name,
            [javac, "-d", str(build / "classes"), "-cp", os.pathsep.join(classpath), str(LAUNCHER)],
            log, cwd=build, timeout=600,
        )  # fmt: skip

    def command(self) -> list[str]:
        """``java <flags> -cp classes:<jars> Neo4jServer <home> <host> <port>``."""
        build = self._build_dir()
        classpath = os.pathsep.join([str(build / "classes"), *self._classpath(build)])
        return [
            java_binary(),
            *JVM_FLAGS,
            "-cp",
            classpath,
            MAIN_CLASS,
            str(self.data_dir / "home"),
            self.host,
            str(self.port),
        ]

    def probe(self) -> bool:
        """A Bolt handshake succeeds."""
        return bolt_handshake(self.host, self.port)

    def endpoint(self) -> dict[str, Any]:
        """Bolt URL (no auth)."""
        return {"url": f"bolt://{self.host}:{self.port}", "host": self.host, "port": self.port, "auth": None}
