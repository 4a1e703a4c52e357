"""The `novamem` command: bring the service up and down, inspect it, run the demo."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from actors.settings import Settings
from cluster.config import load_settings
from cluster.local_ray import DASHBOARD_PORT, DEFAULT_RAY_PORT

app = typer.Typer(add_completion=False, no_args_is_help=True, help="novamem: memory for fleets of AI agents, on Ray.")
console = Console()

ProfileOpt = Annotated[str | None, typer.Option("--profile", help="embedded (default) or polyglot")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML config file (else $NOVAMEM_CONFIG)")]
AddressOpt = Annotated[str | None, typer.Option("--address", help="Ray cluster to join (default: local)")]
NamespaceOpt = Annotated[str | None, typer.Option("--namespace", help="deployment namespace")]

UP_STATE = "up.json"


def _settings(config: Path | None, **overrides: Any) -> Settings:
    try:
        return load_settings(config, **overrides)
    except (FileNotFoundError, ValueError) as error:
        console.print(f"[red]configuration error:[/red] {error}")
        raise typer.Exit(2) from error


def _connect(address: str | None, settings: Settings) -> Any:
    """Join the running cluster (or `address`) and the deployment in it; exit 1 if there is
    no cluster, or no deployment in the namespace (looking never creates one). The model
    check is skipped: down, status and rebuild must work on any deployment."""
    from actors.directory import DIRECTORY_NAME
    from actors.handles import lookup
    from cluster.local_ray import find_cluster, join
    from cluster.runtime import Runtime

    found = find_cluster(address)
    if found is None:
        console.print("[red]no Ray cluster is running here[/red]; start one with `novamem up` or pass --address")
        raise typer.Exit(1)
    try:
        join(address, settings.namespace, quiet=True)
    except ConnectionError as error:
        console.print(f"[red]cannot reach Ray at {found}[/red]: {error}")
        raise typer.Exit(1) from error
    if lookup(DIRECTORY_NAME, settings.namespace) is None:
        console.print(f"[red]no novamem deployment in namespace {settings.namespace!r}[/red] on Ray at {found}")
        raise typer.Exit(1)
    return Runtime.connect(settings=settings, check_models=False)


@app.command()
def up(
    profile: ProfileOpt = None,
    port: Annotated[int | None, typer.Option("--port", help="HTTP port")] = None,
    config: ConfigOpt = None,
    address: AddressOpt = None,
    namespace: NamespaceOpt = None,
    ray_port: Annotated[int, typer.Option("--ray-port", help="port of a Ray head started here")] = DEFAULT_RAY_PORT,
    dashboard_port: Annotated[int, typer.Option("--dashboard-port", help="its dashboard/jobs port")] = DASHBOARD_PORT,
    local_services: Annotated[
        bool, typer.Option("--local-services/--external-services", help="polyglot: start the local servers first")
    ] = True,
) -> None:
    """Start Ray locally (or join --address), create the deployment and serve HTTP."""
    from actors.errors import EmbeddingModelMismatch
    from cluster.local_ray import current_session, join_or_start
    from cluster.runtime import Runtime
    from serve.app import ServeListensElsewhere, deploy, serve_address

    settings = _settings(config, profile=profile, http_port=port, namespace=namespace)
    if settings.profile == "polyglot" and local_services:
        _start_local_services(settings)
    with console.status("starting Ray and the novamem deployment…"):
        started = join_or_start(
            address, settings.namespace, settings.agent_slots, quiet=True, ports=(ray_port, dashboard_port)
        )
        try:
            serve_address(settings)  # before anything is created: Serve may already listen elsewhere
        except ServeListensElsewhere as error:
            console.print(f"[red]cannot serve HTTP:[/red] {error}")
            raise typer.Exit(1) from error
        try:
            runtime = Runtime.connect(settings=settings)
        except EmbeddingModelMismatch as error:
            _stop_refused(settings, started)
            console.print(f"[red]novamem refuses to start:[/red] {error.message}")
            raise typer.Exit(1) from error
        http = {k: getattr(settings, k) for k in ("http_host", "http_port", "route_prefix")}  # this command's
        url = deploy(runtime.settings.model_copy(update=http))
    state = Path(runtime.settings.data_dir) / UP_STATE
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"started_ray": started, "url": url, **current_session()}))
    table = Table(show_header=False, box=None)
    table.add_row("URL", url)
    table.add_row("API docs", f"{url}/docs")
    table.add_row("profile", runtime.settings.profile)
    table.add_row("namespace", runtime.settings.namespace)
    if runtime.settings.profile == "embedded":
        table.add_row("log", runtime.settings.sqlite_path)
    table.add_row("Ray", "started locally" if started else f"joined {address or 'local cluster'}")
    if started:
        table.add_row("Ray jobs", f"RAY_AUTH_MODE=token ray job submit --address http://127.0.0.1:{dashboard_port} …")
    console.print(table)


def _stop_refused(settings: Settings, started_ray: bool) -> None:
    """Undo what a refused `up` created: the deployment's actors, and Ray if it started it."""
    from cluster.runtime import Runtime

    Runtime.connect(settings=settings, check_models=False).teardown()
    if started_ray:
        _stop_joined_ray()


def _stop_joined_ray() -> None:
    """Leave and stop the Ray session this process is connected to (one that it started)."""
    import ray

    from cluster.local_ray import current_session, stop_session

    session = current_session()
    ray.shutdown()
    stop_session(session["session"], session["gcs_address"])


def _start_local_services(settings: Settings) -> None:
    """PostgreSQL plus the servers of the configured tiers (built and cached on first use)."""
    from cluster.services import ServicesFailed, manager

    servers = ["postgres", *({"mongo": "ferretdb"}.get(tier, tier) for tier in settings.tiers)]
    with console.status(f"starting {', '.join(servers)} (a first build can take many minutes)…"):
        try:
            manager.start(servers, progress=lambda name, message: console.print(f"  {name}: {message}"))
        except ServicesFailed as error:
            console.print(f"[red]local servers failed:[/red] {error}")
            raise typer.Exit(1) from error


@app.command()
def down(
    config: ConfigOpt = None,
    address: AddressOpt = None,
    namespace: NamespaceOpt = None,
    keep_ray: Annotated[bool, typer.Option("--keep-ray", help="leave Ray running")] = False,
) -> None:
    """Stop this deployment's HTTP app and actors; stop Ray if `up` started it.

    Other deployments (namespaces) on the same cluster, and their apps, are left alone.
    """
    from cluster.local_ray import stop_session
    from serve.app import undeploy

    settings = _settings(config, namespace=namespace)
    state_file = Path(settings.data_dir) / UP_STATE
    state = json.loads(state_file.read_text()) if state_file.exists() else {}
    runtime = _connect(address, settings)
    undeploy(settings.namespace)
    runtime.teardown()
    state_file.unlink(missing_ok=True)
    if state.get("started_ray") and not keep_ray:
        import ray

        ray.shutdown()
        stopped = stop_session(state["session"], state["gcs_address"])
        console.print(f"stopped the deployment and the local Ray it ran on ({stopped} processes)")
    else:
        console.print("stopped the deployment (Ray left running)")


@app.command()
def status(
    config: ConfigOpt = None,
    address: AddressOpt = None,
    namespace: NamespaceOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
) -> None:
    """Active agents, writer queue depth, log head and per-tier lag."""
    runtime = _connect(address, _settings(config, namespace=namespace))
    stats = asyncio.run(runtime.stats())
    if as_json:
        console.print_json(json.dumps(stats))
        return
    table = Table(title=f"novamem {stats['namespace']} ({stats['profile']})", show_header=False)
    table.add_row("active agents", str(stats["active_agents"]))
    table.add_row("agents in log", str(stats["agents"]))
    table.add_row("log head (events)", str(stats["log_head"]))
    table.add_row("log", f"{stats['log']['name']}: {'ok' if stats['log']['ok'] else 'DOWN'}")
    table.add_row("writer queue depth", str(stats["writer_queue_depth"]))
    embedder = stats["embedder"]
    table.add_row("embedder", f"{embedder['name']} ({embedder['dim']} dims), {embedder['texts']} texts embedded")
    for name, tier in stats["tiers"].items():
        table.add_row(f"tier {name}", f"{'ok' if tier['ok'] else 'DOWN'}, lag {tier['lag']}")
    console.print(table)


@app.command()
def rebuild(
    tier: Annotated[str, typer.Option("--tier", help="tier to drop and replay from the log")],
    config: ConfigOpt = None,
    address: AddressOpt = None,
    namespace: NamespaceOpt = None,
    timeout_s: Annotated[float, typer.Option("--timeout", help="give up after this many seconds")] = 3600,
) -> None:
    """Drop a tier, replay it from the log with a progress bar, verify its counts against the log."""
    from actors.errors import NovamemError
    from cluster.tier_rebuild import rebuild_tier

    runtime = _connect(address, _settings(config, namespace=namespace))
    try:
        report = asyncio.run(rebuild_tier(runtime, tier, timeout_s, console))
    except (NovamemError, TimeoutError) as error:
        console.print(f"[red]rebuild of {tier} failed:[/red] {error}")
        raise typer.Exit(1) from error
    raise typer.Exit(0 if not report["mismatches"] else 1)


@app.command()
def reindex(
    config: ConfigOpt = None,
    address: AddressOpt = None,
    namespace: NamespaceOpt = None,
    profile: ProfileOpt = None,
    ray_port: Annotated[int, typer.Option("--ray-port", help="port of a Ray head started here")] = DEFAULT_RAY_PORT,
    dashboard_port: Annotated[int, typer.Option("--dashboard-port", help="its dashboard/jobs port")] = DASHBOARD_PORT,
    timeout_s: Annotated[float, typer.Option("--timeout", help="give up after this many seconds")] = 24 * 3600,
) -> None:
    """Re-embed every memory from the log with the configured embedder (after changing it).

    Works whether or not the service is running: a stopped deployment is started for the
    reindex (without HTTP) and stopped again afterwards.
    """
    from actors.directory import DIRECTORY_NAME
    from actors.errors import NovamemError
    from actors.handles import lookup
    from cluster.local_ray import find_cluster, join_or_start
    from cluster.runtime import Runtime
    from cluster.tier_rebuild import rebuild_tier

    settings = _settings(config, profile=profile, namespace=namespace)
    if settings.profile == "polyglot" and find_cluster(address) is None:
        _start_local_services(settings)
    started = join_or_start(
        address, settings.namespace, settings.agent_slots, quiet=True, ports=(ray_port, dashboard_port)
    )
    existed = lookup(DIRECTORY_NAME, settings.namespace) is not None
    runtime = Runtime.connect(settings=settings, check_models=False)
    failed = False
    try:
        for tier in runtime.vector_tiers():
            report = asyncio.run(rebuild_tier(runtime, tier, timeout_s, console))
            failed = failed or bool(report["mismatches"])
        runtime.check_models()
    except (NovamemError, TimeoutError) as error:
        console.print(f"[red]reindex failed:[/red] {error}")
        failed = True
    finally:
        if not existed:
            runtime.teardown()
        if started:
            _stop_joined_ray()
    raise typer.Exit(1 if failed else 0)


@app.command("config")
def show_config(config: ConfigOpt = None, profile: ProfileOpt = None) -> None:
    """Print the effective configuration (file + NOVAMEM_* environment + flags)."""
    console.print_json(_settings(config, profile=profile).model_dump_json())


@app.command()
def demo(
    agents: Annotated[int, typer.Option("--agents", min=1, help="number of agents")] = 150,
    memories: Annotated[int, typer.Option("--memories", min=1, help="memories per agent")] = 5,
    kill: Annotated[int, typer.Option("--kill", min=0, help="agents to kill and restore")] = 10,
    profile: ProfileOpt = None,
    config: ConfigOpt = None,
    address: AddressOpt = None,
    namespace: NamespaceOpt = None,
) -> None:
    """Drive a fleet through identity, memories, recall and crash-restore; exit 1 on any failed check."""
    from cluster.demo import run_demo

    settings = _settings(config, profile=profile, namespace=namespace)
    passed = run_demo(settings, address, agents=agents, memories=memories, kill=kill, console=console)
    raise typer.Exit(0 if passed else 1)


def _mount_services() -> None:
    from cluster.services.cli import app as services_app

    app.add_typer(services_app, name="services", help="Local database servers for the polyglot profile.")


_mount_services()


def main() -> None:
    app(prog_name="novamem")


if __name__ == "__main__":
    sys.exit(main())
