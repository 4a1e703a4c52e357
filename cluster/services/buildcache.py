"""Build cache: content-addressed artefact dirs, a build lock, logged commands."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError
from .paths import cache_dir
from .procs import tail


def fingerprint(*parts: str | Path) -> str:
    """Short sha256 over strings and file contents (a version pin or a source hash)."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            h.update(part.name.encode() + b"\0" + part.read_bytes())
        else:
            h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:16]


def artefact_dir(name: str, key: str) -> Path:
    """``<cache>/<name>/<key>``: one directory per pinned version / source hash."""
    return cache_dir() / name / key


@contextmanager
def build_lock(name: str) -> Iterator[None]:
    """Serialise builds of ``name`` across processes (tests, CLI, CI)."""
    lock_path = cache_dir() / f"{name}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def is_complete(directory: Path) -> bool:
    """True if a finished build left its ``.complete`` stamp in ``directory``."""
    return (directory / ".complete").is_file()


def mark_complete(directory: Path, seconds: float) -> None:
    """Stamp ``directory`` as a finished build (records how long it took)."""
    (directory / ".complete").write_text(f"built in {seconds:.1f}s at {time.ctime()}\n")


def build_once(name: str, directory: Path, present: Callable[[], bool], build: Callable[[], None]) -> None:
    """Run `build` (which fills `directory`) unless a complete build is there; checked
    again under the build lock, so concurrent callers build once. Older builds go."""
    if is_complete(directory) and present():
        return
    with build_lock(name):
        if is_complete(directory) and present():
            return
        started = time.monotonic()
        build()
        mark_complete(directory, time.monotonic() - started)
        prune_siblings(directory)


def prune_siblings(directory: Path) -> None:
    """Delete older builds of the same server (other dirs next to ``directory``)."""
    for sibling in directory.parent.iterdir():
        if sibling.is_dir() and sibling != directory:
            shutil.rmtree(sibling, ignore_errors=True)


def run_logged(
    name: str,
    cmd: Sequence[str],
    log_file: Path,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> None:
    """Run a build command, appending its output to ``log_file``; BuildError on failure."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    with open(log_file, "ab") as log:
        log.write(f"\n$ {' '.join(cmd)}\n".encode())
        log.flush()
        try:
            rc = subprocess.run(  # noqa: S603 - fixed commands
                list(cmd),
                cwd=str(cwd) if cwd else None,
                env=full_env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
            ).returncode
        except FileNotFoundError as exc:
            raise BuildError(name, f"command not found: {cmd[0]} ({exc})") from exc
        except subprocess.TimeoutExpired as exc:
            raise BuildError(name, f"timed out after {timeout}s: {' '.join(cmd)}\n{tail(log_file)}") from exc
    if rc != 0:
        raise BuildError(
            name,
            f"`{' '.join(cmd)}` exited {rc}; last lines of {log_file}:\n{tail(log_file)}",
        )


def all_exist(paths: Iterable[str]) -> bool:
    """True if every path exists (e.g. the jars of a cached classpath)."""
    return all(os.path.exists(p) for p in paths)
