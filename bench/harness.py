"""The benchmark's own world: a fresh local Ray, a fresh deployment, Serve, and progress.

Everything runs on loopback in a temporary directory and is shut down at the end.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import tempfile
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ray
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from actors.agent import AGENT_NAME
from actors.handles import lookup
from actors.messages import Flush
from actors.model import DEFAULT_KIND, Event, new_event_id, now
from actors.retry import Backoff, Deadline, always, retry_blocking
from actors.settings import Settings
from cluster.config import load_settings
from cluster.local_ray import free_port
from cluster.runtime import Runtime

AGENT_SLOTS = 100_000
RAY_INIT_DEADLINE_S = 180.0
RAY_INIT_BACKOFF = Backoff(start_s=1.0, max_s=5.0)
NAME_FREE_POLLS = 200
NAME_FREE_POLL_S = 0.05


class Tracker:
    """Rich progress: one bar per step of each figure."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
        )

    @contextmanager
    def step(self, description: str, total: int) -> Iterator[Callable[[int], None]]:
        task = self.progress.add_task(description, total=max(total, 1))

        def advance(n: int = 1) -> None:
            self.progress.advance(task, n)

        try:
            yield advance
        finally:
            self.progress.update(task, completed=max(total, 1))

    def log(self, message: str) -> None:
        self.progress.console.log(message)


class RayWarnings(logging.Filter):
    """Keeps the cluster's warnings (worker-start storms, dead workers) for the report
    instead of letting them scroll through the progress display."""

    MAX_KEPT = 50

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.kept: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        self.keep(record.getMessage())
        return False

    def keep(self, message: str) -> None:
        self.count += 1
        if len(self.kept) < self.MAX_KEPT:
            self.kept.append(f"{time.strftime('%H:%M:%S')} {message.strip()[:400]}")

    def divert_raylet_messages(self) -> None:
        """Raylet messages reach the driver through `print_to_stdstream` (a private Ray
        function), not logging; route those into the report. Without it they just print."""
        from ray._private import worker

        original = getattr(worker, "print_to_stdstream", None)
        if original is None or getattr(original, "_novamem_bench", False):
            return

        def divert(data: dict, *args: Any, **kwargs: Any) -> None:
            if isinstance(data, dict) and data.get("pid") == "raylet":
                for line in data.get("lines", []):
                    self.keep(str(line))
                return
            original(data, *args, **kwargs)

        divert._novamem_bench = True  # type: ignore[attr-defined]
        worker.print_to_stdstream = divert


class Harness:
    """Own Ray (2 CPUs, `agent_slot` capacity), own namespace, own SQLite file, own Serve."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.namespace = f"novamem-bench-{uuid.uuid4().hex[:8]}"
        self.tmp = Path(tempfile.mkdtemp(prefix="novamem-bench-"))
        self.runtime: Runtime | None = None
        self.http_url: str | None = None
        self._serve_started = False
        self._extra_actors: list[ray.actor.ActorHandle] = []
        self.ray_init_s: float = 0.0
        self.ray_warnings = RayWarnings()
        self.notes: dict[str, Any] = {}
        """What one figure measured that another uses (e.g. figure 7's tier rates pick
        figure 8's slowest tier; figure 9 reads figure 8's run)."""

    # -- lifecycle -------------------------------------------------------------------

    def start(self, **overrides: Any) -> None:
        """Start Ray and the deployment (once; figure 4 needs neither); `overrides` are settings."""
        if self.runtime is not None:
            return
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        started = time.perf_counter()
        retry_blocking(self._init_ray, always, RAY_INIT_BACKOFF, Deadline(RAY_INIT_DEADLINE_S))
        self.ray_init_s = time.perf_counter() - started
        logging.getLogger("ray._private.worker").addFilter(self.ray_warnings)
        self.ray_warnings.divert_raylet_messages()
        settings = load_settings(
            None, namespace=self.namespace, data_dir=str(self.tmp / "data"), http_port=free_port(), **overrides
        )
        self.runtime = Runtime.connect(settings=settings)

    def start_serve(self) -> str:
        """Deploy novamem's HTTP API on a free loopback port (once)."""
        if self.http_url is None:
            from serve import app as serve_app

            for name in ("ray.serve", "ray"):
                logging.getLogger(name).setLevel(logging.WARNING)
            self._serve_started = True
            self.http_url = serve_app.deploy(self.rt.settings)
        return self.http_url

    def stop(self) -> None:
        try:
            if self._serve_started:
                from ray import serve

                serve.shutdown()
            if self.runtime is not None:
                self.runtime.teardown()
            for handle in self._extra_actors:
                try:
                    ray.kill(handle, no_restart=True)
                except Exception:  # noqa: BLE001 - already gone
                    pass
        finally:
            if ray.is_initialized():
                ray.shutdown()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _init_ray(self) -> None:
        """A local Ray for the benchmark; a failed start (Ray gives a node 30 s, which a
        loaded box can miss) is shut down so that the next attempt starts clean."""
        try:
            ray.init(
                address="local",
                num_cpus=2,
                resources={"agent_slot": AGENT_SLOTS},
                include_dashboard=False,
                namespace=self.namespace,
                logging_level=logging.WARNING,
                log_to_driver=False,
            )
        except Exception as error:
            ray.shutdown()
            self.tracker.log(f"[yellow]ray.init failed ({error}); retrying[/yellow]")
            raise

    @property
    def rt(self) -> Runtime:
        assert self.runtime is not None, "Harness.start() first"
        return self.runtime

    def track(self, handle: ray.actor.ActorHandle) -> ray.actor.ActorHandle:
        """Remember a baseline actor so that `stop()` kills it if a figure fails midway."""
        self._extra_actors.append(handle)
        return handle

    # -- agents ----------------------------------------------------------------------

    def agent_handle(self, agent_id: str, namespace: str | None = None) -> ray.actor.ActorHandle | None:
        return lookup(AGENT_NAME.format(agent_id=agent_id), namespace or self.namespace)

    async def create_agents(
        self,
        agent_ids: list[str],
        memories: int,
        concurrency: int,
        advance: Callable[[int], None],
        chars: int = 120,
        runtime: Runtime | None = None,
    ) -> None:
        """Create agents with an identity and `memories` memories each (not timed), in the
        harness's deployment or in `runtime` (another deployment, e.g. a polyglot one)."""
        gate = asyncio.Semaphore(concurrency)
        rt = runtime or self.rt

        async def one(agent_id: str) -> None:
            async with gate:
                agent = rt.agent(agent_id)
                await agent.set_identity(f"bench {agent_id}", persona="benchmark agent", traits=["patient"])
                if memories:
                    items = [{"content": content(i, chars), "entities": ["bench"]} for i in range(memories)]
                    await agent.remember_many(items)
            advance(1)

        await asyncio.gather(*(one(a) for a in agent_ids))

    async def kill_agents(self, agent_ids: list[str], runtime: Runtime | None = None) -> None:
        """Kill agents' actors for good and wait until their names are free (bounded)."""
        rt = runtime or self.rt
        namespace = rt.deployment.namespace
        for agent_id in agent_ids:
            handle = self.agent_handle(agent_id, namespace)
            if handle is not None:
                ray.kill(handle, no_restart=True)
            rt.deployment.forget(agent_id)
        for agent_id in agent_ids:
            await self.wait_name_free(agent_id, namespace)

    async def wait_name_free(self, agent_id: str, namespace: str | None = None) -> None:
        await wait_actor_gone(AGENT_NAME.format(agent_id=agent_id), namespace or self.namespace)


async def wait_actor_gone(name: str, namespace: str) -> None:
    """Wait (bounded) until no live actor holds `name`: a killed actor's name frees a little later."""
    for _ in range(NAME_FREE_POLLS):
        if await asyncio.to_thread(lookup, name, namespace) is None:
            return
        await asyncio.sleep(NAME_FREE_POLL_S)
    raise RuntimeError(f"actor {namespace}/{name}: name still taken after {NAME_FREE_POLLS * NAME_FREE_POLL_S}s")


def content(i: int, chars: int) -> str:
    """A memory text of about `chars` characters (words, so the index tier has work)."""
    words = f"memory {i} the agent observed weather markets friends plans and a small detail numbered {i}. "
    return (words * (chars // len(words) + 1))[:chars]


TOPICS = (
    *("weather", "markets", "friends", "plans", "travel", "music"),
    *("cooking", "books", "health", "work", "garden", "family"),
)
PLACES = tuple(f"city {i}" for i in range(40))


def memory_fields(agent_id: str, i: int, chars: int) -> dict[str, Any]:
    """A realistic memory for the polyglot tiers: text, metadata for the document tier, and
    three entities for the graph: a topic and a place shared across the fleet (so entity
    nodes are shared, as in one knowledge graph) and a person of the agent's own."""
    topic = TOPICS[i % len(TOPICS)]
    place = PLACES[(7 * i + zlib.crc32(agent_id.encode())) % len(PLACES)]
    return {
        "content": content(i, chars),
        "entities": [topic, place, f"friend {i % 5} of {agent_id}"],
        "metadata": {"topic": topic, "source": "bench", "importance": i % 10, "tags": ["bench", topic]},
    }


def memory_event(agent_id: str, seq: int, chars: int) -> Event:
    """The event `remember(**memory_fields(...))` would commit as `seq`."""
    fields = memory_fields(agent_id, seq - 1, chars)
    return Event(agent_id, seq, new_event_id(), DEFAULT_KIND, created_at=now(), **fields)


def flush_batches(
    agent_ids: list[str], per_agent: int, count: int, make_event: Callable[[str, int], Event]
) -> list[list[Flush]]:
    """`count` consecutive writer batches: every agent adds `per_agent` events to each,
    continuing its own seq (1, 2, 3 ...), as a writer sees them under steady load."""
    return [
        [
            Flush(agent_id, b * per_agent + 1, [make_event(agent_id, b * per_agent + k + 1) for k in range(per_agent)])
            for agent_id in agent_ids
        ]
        for b in range(count)
    ]


def actor_pid(handle: ray.actor.ActorHandle) -> int:
    """The worker pid of a live actor, from the GCS actor table (bounded wait)."""
    from ray._private import state

    actor_id = handle._actor_id.hex()
    for _ in range(100):
        info = state.actors(actor_id=actor_id)
        if info and info.get("State") == "ALIVE" and info.get("Pid"):
            return int(info["Pid"])
        time.sleep(0.05)
    raise RuntimeError(f"no pid for actor {actor_id}")


def unique_ids(prefix: str, n: int) -> list[str]:
    tag = uuid.uuid4().hex[:6]
    return [f"{prefix}-{tag}-{i:04d}" for i in range(n)]


def settings_summary(settings: Settings) -> dict[str, Any]:
    keys = (
        "profile",
        "writer_pool_size",
        "batch_max_events",
        "batch_max_delay_ms",
        "working_memory_size",
        "dedup_window",
        "idle_timeout_s",
        "serve_min_replicas",
        "serve_max_replicas",
    )
    return {k: getattr(settings, k) for k in keys}
