"""Where the local servers keep their build cache, data, logs and pid files."""

from __future__ import annotations

import os
from pathlib import Path

#: Directory holding this package (and the Java / Go sources of the launchers).
SOURCE_DIR: Path = Path(__file__).resolve().parent

#: Root of the git checkout: ``cluster/services/`` lives two levels below it.
REPO_ROOT: Path = SOURCE_DIR.parents[1]

#: Every server binds this address only.
HOST = "127.0.0.1"


def cache_dir() -> Path:
    """Build cache: ``$NOVAMEM_CACHE_DIR`` or ``~/.cache/novamem``."""
    env = os.environ.get("NOVAMEM_CACHE_DIR")
    return Path(env).expanduser().resolve() if env else Path.home() / ".cache" / "novamem"


def services_dir() -> Path:
    """Runtime root: ``$NOVAMEM_SERVICES_DIR`` or ``<repo>/.novamem/services``."""
    env = os.environ.get("NOVAMEM_SERVICES_DIR")
    return Path(env).expanduser().resolve() if env else REPO_ROOT / ".novamem" / "services"


def service_dir(name: str) -> Path:
    """Runtime directory of one server (data, log file, pid file)."""
    return services_dir() / name
