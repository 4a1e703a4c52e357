"""Configuration, the Python API (`Runtime`), the `novamem` CLI, local services, benchmarks."""

from __future__ import annotations

from typing import Any

__all__ = ["Runtime"]


def __getattr__(name: str) -> Any:
    # Lazy so that `import cluster.config` (done inside writer actors) stays light.
    if name == "Runtime":
        from cluster.runtime import Runtime

        return Runtime
    raise AttributeError(name)
