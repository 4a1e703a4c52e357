"""Exceptions raised by the local server manager."""

from __future__ import annotations


class ServiceError(RuntimeError):
    """A server could not be installed, built, started or stopped."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"[{name}] {message}")
        self.name = name


class BuildError(ServiceError):
    """Installing or building a server's artefacts failed."""


class NotReadyError(ServiceError):
    """A started server did not accept connections in time (or died)."""


class ServicesFailed(RuntimeError):
    """One or more servers failed during a multi-server operation."""

    def __init__(self, errors: dict[str, Exception]) -> None:
        self.errors = errors
        super().__init__("\n\n".join(str(e) for e in errors.values()))
