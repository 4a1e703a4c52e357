"""Weaviate, built from the Go module proxy with ``go install``, run as a single node."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from .buildcache import artefact_dir, build_once, run_logged
from .errors import BuildError
from .procs import port_open
from .service import Service
from .toolchains import go_binary

#: Newest version the Go module proxy reports as latest that builds with Go 1.26.
WEAVIATE_VERSION = "v1.35.2"
WEAVIATE_PKG = "github.com/weaviate/weaviate/cmd/weaviate-server"

GRPC_PORT = 15051
GOSSIP_PORT = 17946  # memberlist
DATA_PORT = 17947  # cluster data API (binds all interfaces: not settable in v1.35)
RAFT_PORT = 18300
RAFT_RPC_PORT = 18301


class WeaviateService(Service, name="weaviate", port=18080, marker="weaviate-server", ready_s=300.0, stop_s=60.0):
    """Single-node Weaviate: HTTP 18080, gRPC 15051, anonymous access, no vectorizer."""

    def version(self) -> str:
        """Pinned Weaviate version."""
        return WEAVIATE_VERSION

    @property
    def binary(self) -> Path:
        """Cached ``weaviate-server`` for the pinned version."""
        return artefact_dir(self.name, WEAVIATE_VERSION) / "bin" / "weaviate-server"

    def ensure_built(self) -> None:
        """``CGO_ENABLED=0 GOBIN=<cache> go install ...@<version>`` unless cached."""
        build_once(self.name, self.binary.parent.parent, self.binary.is_file, self._build)

    def _build(self) -> None:
        build = self.binary.parent.parent
        build.mkdir(parents=True, exist_ok=True)
        command = [go_binary(), "install", "-trimpath", f"{WEAVIATE_PKG}@{WEAVIATE_VERSION}"]
        env = {"CGO_ENABLED": "0", "GOBIN": str(self.binary.parent), "GOFLAGS": "-buildvcs=false"}
        run_logged(self.name, command, build / "build.log", cwd=build, env=env, timeout=3600)
        if not self.binary.is_file():
            raise BuildError(self.name, f"go install finished but {self.binary} is missing")

    def ports(self) -> dict[str, int]:
        """HTTP, gRPC and the cluster-internal ports."""
        return {
            "http": self.port,
            "grpc": GRPC_PORT,
            "gossip": GOSSIP_PORT,
            "data": DATA_PORT,
            "raft": RAFT_PORT,
            "raft_rpc": RAFT_RPC_PORT,
        }

    def environment(self) -> dict[str, str]:
        """Single-node settings (see README for what binds where)."""
        return {
            "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED": "true",
            "PERSISTENCE_DATA_PATH": str(self.data_dir / "data"),
            "DEFAULT_VECTORIZER_MODULE": "none",
            "ENABLE_MODULES": "",
            "API_BASED_MODULES_DISABLED": "true",
            "CLUSTER_HOSTNAME": "node1",
            "CLUSTER_BIND_ADDR": self.host,
            "CLUSTER_GOSSIP_BIND_PORT": str(GOSSIP_PORT),
            "CLUSTER_DATA_BIND_PORT": str(DATA_PORT),
            "RAFT_PORT": str(RAFT_PORT),
            "RAFT_INTERNAL_RPC_PORT": str(RAFT_RPC_PORT),
            "RAFT_BOOTSTRAP_EXPECT": "1",
            "RAFT_JOIN": "node1",
            "GRPC_PORT": str(GRPC_PORT),
            "DISABLE_TELEMETRY": "true",
            "GO_PROFILING_DISABLE": "true",
            "PROMETHEUS_MONITORING_ENABLED": "false",
            "QUERY_DEFAULTS_LIMIT": "25",
            "LOG_FORMAT": "text",
            "LOG_LEVEL": "info",
        }

    def command(self) -> list[str]:
        """REST on 127.0.0.1:18080 over plain HTTP."""
        return [str(self.binary), "--host", self.host, "--port", str(self.port), "--scheme", "http"]

    def probe(self) -> bool:
        """``/v1/.well-known/ready`` answers 200 and the gRPC port accepts connections."""
        try:
            with urllib.request.urlopen(f"http://{self.host}:{self.port}/v1/.well-known/ready", timeout=2) as resp:
                if resp.status != 200:
                    return False
        except (urllib.error.URLError, OSError):
            return False
        return port_open(self.host, GRPC_PORT)

    def endpoint(self) -> dict[str, Any]:
        """HTTP URL plus gRPC port (``weaviate.connect_to_local(...)`` arguments)."""
        return {
            "url": f"http://{self.host}:{self.port}",
            "host": self.host,
            "http_port": self.port,
            "grpc_port": GRPC_PORT,
        }
