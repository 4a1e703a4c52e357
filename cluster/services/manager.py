"""Public API over all local servers: ensure_built, start, stop, status, endpoints."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from .errors import ServiceError, ServicesFailed
from .ferretdb_service import FerretDBService
from .neo4j_service import Neo4jService
from .postgres_service import PostgresService
from .redis_service import RedisService
from .service import Service
from .weaviate_service import WeaviateService

#: All servers, in start order (stop runs in reverse).
SERVICES: dict[str, Service] = {
    s.name: s for s in (PostgresService(), RedisService(), FerretDBService(), Neo4jService(), WeaviateService())
}
ALL: tuple[str, ...] = tuple(SERVICES)

#: Progress callback: ``(server name, message)``.
Progress = Callable[[str, str], None]


def _quiet(_name: str, _message: str) -> None:
    pass


def get(name: str) -> Service:
    """The Service object for ``name``."""
    try:
        return SERVICES[name]
    except KeyError:
        raise ValueError(f"unknown server {name!r}; choose from {', '.join(ALL)}") from None


def resolve(names: Iterable[str] | str | None = None) -> list[Service]:
    """Services for ``names`` (all when None/empty), in start order."""
    if isinstance(names, str):
        names = [names]
    wanted = list(names or [])
    if not wanted:
        return list(SERVICES.values())
    for name in wanted:
        get(name)
    return [s for n, s in SERVICES.items() if n in wanted]


def ensure_built(name: str, progress: Progress = _quiet) -> float:
    """Install/build one server's artefacts unless cached; returns seconds spent."""
    started = time.monotonic()
    get(name).ensure_built()
    spent = time.monotonic() - started
    if spent > 1.0:
        progress(name, f"built in {spent:.1f}s")
    return spent


def start(names: Iterable[str] | str | None = None, progress: Progress = _quiet) -> dict[str, float]:
    """Build (cached), launch and wait until each server accepts connections.

    Already-running servers are left alone. Returns seconds until ready per
    server. Raises ServicesFailed naming each server that failed (with the tail
    of its log); the others are still started.
    """
    services = resolve(names)
    errors: dict[str, Exception] = {}
    launched: dict[str, float] = {}
    for svc in services:
        try:
            progress(svc.name, "checking build")
            ensure_built(svc.name, progress)
        except ServiceError as exc:
            errors[svc.name] = exc
    for svc in services:
        if svc.name in errors:
            continue
        try:
            if svc.running():
                progress(svc.name, f"already running (pid {svc.pid()})")
            else:
                progress(svc.name, "launching")
            launched[svc.name] = time.monotonic()
            svc.launch()
        except ServiceError as exc:
            errors[svc.name] = exc
    ready: dict[str, float] = {}
    for svc in services:
        if svc.name in errors:
            continue
        try:
            svc.wait_ready()
            ready[svc.name] = time.monotonic() - launched[svc.name]
            progress(svc.name, f"ready on {svc.host}:{svc.port} ({ready[svc.name]:.1f}s)")
        except ServiceError as exc:
            errors[svc.name] = exc
    if errors:
        raise ServicesFailed(errors)
    return ready


def stop(names: Iterable[str] | str | None = None, progress: Progress = _quiet) -> None:
    """Stop servers (reverse start order): SIGTERM, wait, SIGKILL. Idempotent."""
    errors: dict[str, Exception] = {}
    for svc in reversed(resolve(names)):
        if not svc.running():
            progress(svc.name, "not running")
            continue
        started = time.monotonic()
        try:
            svc.stop()
            progress(svc.name, f"stopped ({time.monotonic() - started:.1f}s)")
        except ServiceError as exc:
            errors[svc.name] = exc
    if errors:
        raise ServicesFailed(errors)


def status(names: Iterable[str] | str | None = None) -> dict[str, dict[str, Any]]:
    """``{name: {running, pid, port, version, ready, ports, log}}``."""
    return {svc.name: svc.status() for svc in resolve(names)}


def endpoints() -> dict[str, dict[str, Any]]:
    """Connection info per client kind: postgres, redis, neo4j, weaviate, mongodb (FerretDB)."""
    keys = {"postgres": "postgres", "redis": "redis", "neo4j": "neo4j", "weaviate": "weaviate", "ferretdb": "mongodb"}
    return {keys[name]: {"service": name, **svc.endpoint()} for name, svc in SERVICES.items()}
