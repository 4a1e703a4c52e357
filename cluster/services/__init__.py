"""Local database servers for development and tests, built only from package registries.

PostgreSQL and Redis come from Debian packages, Neo4j Community is embedded from
Maven Central, Weaviate and FerretDB are built from the Go module proxy. All bind
127.0.0.1 only. See README.md in this directory.

    from cluster.services import start, stop, status, endpoints
    start()                      # all five; or start(["postgres", "redis"])
    endpoints()["postgres"]["dsn"]
"""

from __future__ import annotations

from .errors import BuildError, NotReadyError, ServiceError, ServicesFailed
from .manager import ALL, SERVICES, endpoints, ensure_built, get, start, status, stop

__all__ = [
    "ALL",
    "SERVICES",
    "BuildError",
    "NotReadyError",
    "ServiceError",
    "ServicesFailed",
    "endpoints",
    "ensure_built",
    "get",
    "start",
    "status",
    "stop",
]
