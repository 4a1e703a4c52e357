"""Command line: ``python -m cluster.services up|down|status|build|endpoints [names...]``.

``app`` is a Typer app so the main ``novamem`` CLI can mount it
(``root.add_typer(app, name="services")``).
"""

from __future__ import annotations

import json
import time
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import manager
from .errors import ServicesFailed

app = typer.Typer(help="Local database servers (PostgreSQL, Redis, FerretDB, Neo4j, Weaviate).", no_args_is_help=True)
console = Console()

Names = Annotated[Optional[list[str]], typer.Argument(help=f"servers (default: all of {', '.join(manager.ALL)})")]


def _progress(name: str, message: str) -> None:
    console.print(f"[dim]{time.strftime('%H:%M:%S')}[/dim] [bold cyan]{name:<9}[/bold cyan] {message}")


def _check(names: list[str] | None) -> list[str]:
    try:
        return [s.name for s in manager.resolve(names)]
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _fail(exc: ServicesFailed) -> None:
    for name, err in exc.errors.items():
        console.print(f"[bold red]{name} failed:[/bold red]")
        console.print(str(err), markup=False, highlight=False)
    raise typer.Exit(1)


@app.command()
def up(names: Names = None) -> None:
    """Build (cached) and start servers; waits until each accepts connections."""
    selected = _check(names)
    started = time.monotonic()
    try:
        with console.status("starting " + ", ".join(selected) + " (a first build can take many minutes)"):
            manager.start(selected, progress=_progress)
    except ServicesFailed as exc:
        _fail(exc)
    console.print(f"[green]up[/green] {', '.join(selected)} in {time.monotonic() - started:.1f}s")


@app.command()
def down(names: Names = None) -> None:
    """Stop servers (SIGTERM, then SIGKILL after a timeout)."""
    selected = _check(names)
    try:
        manager.stop(selected, progress=_progress)
    except ServicesFailed as exc:
        _fail(exc)


@app.command()
def build(names: Names = None) -> None:
    """Install/build artefacts only (no start)."""
    for name in _check(names):
        with console.status(f"building {name}"):
            spent = manager.ensure_built(name, progress=_progress)
        _progress(name, f"build ok ({spent:.1f}s)")


@app.command()
def status(
    names: Names = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Show running/pid/port/version of each server."""
    info = manager.status(_check(names))
    if as_json:
        typer.echo(json.dumps(info, indent=2))
        return
    table = Table("server", "running", "ready", "pid", "port", "version", "log")
    for name, st in info.items():
        table.add_row(
            name,
            "[green]yes[/green]" if st["running"] else "[red]no[/red]",
            "yes" if st["ready"] else "no",
            str(st["pid"] or "-"),
            str(st["port"]),
            str(st["version"]),
            st["log"],
        )
    console.print(table)


@app.command()
def endpoints() -> None:
    """Print connection URLs/DSNs as JSON."""
    typer.echo(json.dumps(manager.endpoints(), indent=2))


def main() -> None:
    """Entry point of ``python -m cluster.services``."""
    app()
