"""Install Debian packages with apt-get, only when a needed binary is missing."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Sequence

from .errors import BuildError


def _apt_get(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(  # noqa: S603 - fixed command
        ["apt-get", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def ensure_packages(
    name: str,
    packages: Sequence[str],
    present: Callable[[], bool],
) -> None:
    """Install ``packages`` unless ``present()`` already holds.

    Runs ``apt-get install -y --no-install-recommends``; if that fails, runs
    ``apt-get update`` once and retries. Needs root.
    """
    if present():
        return
    if os.geteuid() != 0:
        raise BuildError(
            name,
            f"missing; install as root: apt-get install -y --no-install-recommends {' '.join(packages)}",
        )
    install = ["install", "-y", "--no-install-recommends", *packages]
    result = _apt_get(install)
    if result.returncode != 0:
        _apt_get(["update"])
        result = _apt_get(install)
    if result.returncode != 0 or not present():
        out = (result.stdout + result.stderr)[-3000:]
        raise BuildError(name, f"apt-get {' '.join(install)} failed (rc={result.returncode}):\n{out}")
