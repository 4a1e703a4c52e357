"""Locating the Go and Java toolchains used to build the launchers."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess

from .errors import BuildError


def go_binary() -> str:
    """``go`` on PATH, else /usr/local/go/bin/go."""
    path = shutil.which("go")
    if path is None and os.path.exists("/usr/local/go/bin/go"):
        path = "/usr/local/go/bin/go"
    if path is None:
        raise BuildError("go", "go toolchain not found")
    return path


def java_binary() -> str:
    """``$JAVA_HOME/bin/java`` or ``java`` on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return os.path.join(home, "bin", "java")
    path = shutil.which("java")
    if path is None:
        raise BuildError("java", "java not found (Neo4j 5.26 needs Java 17 or 21)")
    return path


@functools.cache
def java_major(java: str) -> int:
    """Major version of a java binary (17, 21, ...; 0 if unknown)."""
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)', out)
    return int(match.group(1)) if match else 0
