"""Starting and stopping the local Ray head that `novamem up` uses when given no address.

The head binds to 127.0.0.1, declares `agent_slot` capacity (agent actors require it)
and runs the dashboard on loopback so `ray job submit` works against it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import ray

DEFAULT_RAY_PORT = 6380
DASHBOARD_PORT = 8265


def ray_executable() -> str:
    """The `ray` CLI of this interpreter's environment."""
    beside = Path(sys.executable).with_name("ray")
    return str(beside) if beside.exists() else (shutil.which("ray") or "ray")


def join_or_start(address: str | None, namespace: str, agent_slots: int) -> bool:
    """Connect this process to Ray: `address`, else the local cluster, else a new local head.

    Returns True when it started the head (so `down` knows to stop it).
    """
    if address:
        ray.init(address=address, namespace=namespace, logging_level="WARNING")
        return False
    try:
        ray.init(address="auto", namespace=namespace, logging_level="WARNING")
        return False
    except ConnectionError:
        pass
    ray.init(address=start_head(agent_slots), namespace=namespace, logging_level="WARNING")
    return True


def start_head(agent_slots: int, port: int = DEFAULT_RAY_PORT) -> str:
    """Start a head node on loopback; returns its address."""
    command = [
        ray_executable(),
        "start",
        "--head",
        "--node-ip-address=127.0.0.1",
        f"--port={port}",
        f"--resources={json.dumps({'agent_slot': agent_slots})}",
        "--include-dashboard=true",
        "--dashboard-host=127.0.0.1",
        f"--dashboard-port={DASHBOARD_PORT}",
        "--disable-usage-stats",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"ray start failed:\n{result.stdout}\n{result.stderr}")
    return f"127.0.0.1:{port}"


def stop_local() -> None:
    """Stop every Ray process this machine's user started (`ray stop`)."""
    subprocess.run([ray_executable(), "stop", "--force"], capture_output=True, check=False)
