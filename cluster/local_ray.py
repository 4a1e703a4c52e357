"""Starting and stopping the local Ray head that `novamem up` uses when given no address.

The head declares `agent_slot` capacity (agent actors require it) and runs the dashboard
on loopback so `ray job submit` works against it. `novamem down` stops exactly the Ray
session it started — never other Ray clusters on the same machine, as `ray stop` would.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import psutil
import ray

DEFAULT_RAY_PORT = 6380
DASHBOARD_PORT = 8265
STOP_GRACE_S = 10.0
FIXED_HEAD_PORTS = {"--ray-client-server-port": 10001, "--dashboard-agent-listen-port": 52365}
"""Ports `ray start --head` binds by default whatever else it is told: a second head on
one machine (a test's, beside the one `make up` started) takes free ones instead."""


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ray_executable() -> str:
    """The `ray` CLI of this interpreter's environment."""
    beside = Path(sys.executable).with_name("ray")
    return str(beside) if beside.exists() else (shutil.which("ray") or "ray")


def find_cluster(address: str | None) -> str | None:
    """Resolve `address` like Ray does: explicit, else $RAY_ADDRESS, else the cluster the
    last `ray start` on this machine left behind; None if there is none (never guesses
    from stray local processes, unlike `address="auto"`)."""
    if address == "local":
        return None
    return ray._private.services.canonicalize_bootstrap_address(address)


def join(address: str | None, namespace: str, quiet: bool = False) -> None:
    """`ray.init` to an existing cluster, authenticating with the local Ray token if any.

    Ray 2.60 turns token auth on by itself only when it discovers a local cluster; with
    an explicit address (argument or $RAY_ADDRESS) it would connect without the token and
    be refused. Token mode, once on, is inherited by child processes.
    """
    if address is not None or os.environ.get("RAY_ADDRESS"):
        from ray._private.authentication.authentication_token_setup import (
            maybe_enable_token_auth_if_token_available,
        )

        maybe_enable_token_auth_if_token_available(warn_if_disabled=False)
    ray.init(address=address, namespace=namespace, logging_level="WARNING", log_to_driver=not quiet)


def join_or_start(
    address: str | None,
    namespace: str,
    agent_slots: int,
    quiet: bool = False,
    ports: tuple[int, int] = (DEFAULT_RAY_PORT, DASHBOARD_PORT),
) -> bool:
    """Connect this process to Ray: `address`, else the local cluster, else a new local head.

    Returns True when it started the head (so `down` knows to stop it). Local clusters
    are joined through Ray's own discovery, which also picks up its auth token.
    """
    started = find_cluster(address) is None
    if started:
        start_head(agent_slots, *ports)
    join(address, namespace, quiet)
    return started


def start_head(
    agent_slots: int, port: int = DEFAULT_RAY_PORT, dashboard_port: int = DASHBOARD_PORT, temp_dir: str | None = None
) -> None:
    """Start a head node (`ray start --head`) with agent slots and a loopback dashboard.

    With `temp_dir` the head keeps its session files, and its "current cluster" address
    file, there: other Ray clusters on the machine never see it as theirs.
    """
    command = [
        ray_executable(),
        "start",
        "--head",
        f"--port={port}",
        f"--resources={json.dumps({'agent_slot': agent_slots})}",
        "--include-dashboard=true",
        "--dashboard-host=127.0.0.1",
        f"--dashboard-port={dashboard_port}",
        "--disable-usage-stats",
        *(f"{flag}={port if port_is_free(port) else free_port()}" for flag, port in FIXED_HEAD_PORTS.items()),
        *([f"--temp-dir={temp_dir}"] if temp_dir else []),
    ]
    # This environment's bin first on PATH, so that `python` in a `ray job submit`
    # entrypoint is the interpreter novamem is installed in.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"ray start failed:\n{result.stdout}\n{result.stderr}")


def current_session() -> dict[str, str]:
    """Session name and GCS address of the Ray cluster this process is connected to."""
    node = ray._private.worker._global_node
    return {"session": node.session_name, "gcs_address": node.gcs_address}


def stop_session(session_name: str, gcs_address: str) -> int:
    """Stop one Ray session: its daemons (found by session name) and all their children.

    Returns the number of processes stopped. Also forgets the session as the machine's
    "current cluster" so that the next `novamem up` starts afresh.
    """
    roots = [
        proc
        for proc in psutil.process_iter(["cmdline"])
        if any(session_name in part for part in (proc.info["cmdline"] or []))
    ]
    victims = {proc.pid: proc for proc in roots}
    for proc in roots:
        try:
            victims.update({child.pid: child for child in proc.children(recursive=True)})
        except psutil.NoSuchProcess:
            continue
    victims.pop(os.getpid(), None)
    for proc in victims.values():
        try:
            proc.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(list(victims.values()), timeout=STOP_GRACE_S)
    for proc in alive:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    address_file = Path(ray._private.utils.get_ray_address_file(None))
    if address_file.exists() and address_file.read_text().strip() == gcs_address:
        address_file.unlink()
    return len(victims)
