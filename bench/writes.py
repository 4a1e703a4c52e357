"""Figures 3 and 4: durable write throughput through the actors, and the log's batch commit."""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
import time
from pathlib import Path

import ray

from actors.codec import pack
from actors.inputs import MemoryInput, validated
from actors.messages import Flush, FlushResult, NewMemory, RememberReply, RememberRequest, WriteAck
from actors.model import DEFAULT_KIND, Event, new_event_id, now
from actors.shard import shard_of
from actors.stores.log_rows import event_row
from actors.stores.sqlite_log import INSERT_EVENT, SCHEMA, SqliteLog
from actors.stores.sqlite_thread import BUSY_TIMEOUT_MS
from bench import cpu
from bench.baselines import NoopAgent, NoopWriter
from bench.harness import Harness, content, flush_batches, unique_ids
from bench.params import Params
from bench.stats import Figure, Side, concurrent_pass, percentile, ratio

WRITE_TARGET = 0.7
FEW_WRITERS = 10
"""Detail: one more pass with only this many agents writing (the rest alive and idle)."""
BATCH_TARGET = 0.8


# -- figure 3 ---------------------------------------------------------------------------


def _wire_sizes(text: str, agent_id: str) -> dict[str, bytes]:
    """Payloads the size of the real hops (their messages as msgpack): client->agent,
    agent->writer and both replies."""
    item = validated(MemoryInput, {"content": text})
    memory = NewMemory(item.content, item.kind, item.metadata, item.entities, None, None, item.event_id)
    event = Event(agent_id, 0, memory.event_id, DEFAULT_KIND, content=text, created_at=now())
    return {
        "remember": pack(RememberRequest([memory])),
        "commit": pack(Flush(agent_id, 12, [event])),
        "writer_reply": pack(FlushResult(agent_id, True, 12, [12], [True])),
        "agent_reply": pack(RememberReply([WriteAck(12, memory.event_id, True)])),
    }


async def _idle_cpu(seconds: float) -> dict[str, float]:
    """Cores used per process group while nothing is asked of the actors (a bounded sleep)."""
    before = cpu.snapshot()
    await asyncio.sleep(seconds)
    used = cpu.usage(before, cpu.snapshot(), 1)
    wall = used["wall_s"] or seconds
    return {g: round(ms / 1000 / wall, 3) for g, ms in used["cpu_ms_per_op"].items()}


async def _writer_totals(h: Harness) -> tuple[int, int]:
    stats = await h.rt.stats()
    return sum(w["batches"] for w in stats["writers"]), sum(w["committed_events"] for w in stats["writers"])


async def durable_writes(h: Harness, p: Params) -> Figure:
    """N agents remember() concurrently vs the same client->agent->writer hops through no-ops."""
    name = f"durable writes, {p.write_agents} concurrent agents ÷ same hops via no-op actors"
    figure = Figure(3, name, WRITE_TARGET, ">=", "events/s")
    h.start()
    ids = unique_ids("w", p.write_agents)
    chars = p.write_content_chars
    settings = h.rt.settings
    pool_size = settings.writer_pool_size
    per_agent = p.write_events_per_agent

    # System: real agents (identity first), each remember() acked after the log commit.
    with h.tracker.step(f"fig 3 · set-up: {len(ids)} agents with identity", len(ids)) as advance:
        await h.create_agents(ids, 0, p.create_concurrency, advance)
    clients = [h.rt.agent(a) for a in ids]
    calls = [lambda i, c=c: c.remember(content(i, chars)) for c in clients]
    system_walls, system_lat = [], []
    with h.tracker.step("fig 3 · durable remember() passes", p.write_passes + 2) as advance:
        await concurrent_pass(calls, p.write_warmup_per_agent, 0)
        advance(1)
        system_idle = await _idle_cpu(p.idle_probe_s)
        batches0, events0 = await _writer_totals(h)
        cpu_before = cpu.snapshot()
        for n in range(p.write_passes):
            wall, lat = await concurrent_pass(calls, per_agent, 1000 * (n + 1))
            system_walls.append(wall)
            system_lat += lat
            advance(1)
        system_cpu = cpu.usage(cpu_before, cpu.snapshot(), len(ids) * per_agent * p.write_passes)
        batches1, events1 = await _writer_totals(h)
        few = min(FEW_WRITERS, len(calls))
        system_few_wall, _ = await concurrent_pass(calls[:few], per_agent, 9000)
        advance(1)
    with h.tracker.step("fig 3 · tear-down: kill agents", 1):
        await h.kill_agents(ids)

    # Baseline: no-op agents forwarding to no-op writers, same pool size, same payload sizes.
    sizes = _wire_sizes(content(0, chars), ids[0])
    with h.tracker.step(f"fig 3 · set-up: {len(ids)} no-op agents, {pool_size} no-op writers", len(ids)) as advance:
        writers = [h.track(NoopWriter.remote(sizes["writer_reply"])) for _ in range(pool_size)]
        agents = [
            h.track(
                NoopAgent.options(resources={"agent_slot": 1}).remote(
                    writers[shard_of(a, pool_size)], sizes["commit"], sizes["agent_reply"]
                )
            )
            for a in ids
        ]
        await asyncio.gather(*(w.count.remote() for w in writers))
        for ready in asyncio.as_completed([a.ping.remote() for a in agents]):
            await ready
            advance(1)
    payload = sizes["remember"]
    noop_calls = [lambda i, a=a: a.remember.remote(payload) for a in agents]
    base_walls, base_lat = [], []
    with h.tracker.step("fig 3 · no-op passes", p.write_passes + 2) as advance:
        await concurrent_pass(noop_calls, p.write_warmup_per_agent, 0)
        advance(1)
        base_idle = await _idle_cpu(p.idle_probe_s)
        cpu_before = cpu.snapshot()
        for _ in range(p.write_passes):
            wall, lat = await concurrent_pass(noop_calls, per_agent, 0)
            base_walls.append(wall)
            base_lat += lat
            advance(1)
        base_cpu = cpu.usage(cpu_before, cpu.snapshot(), len(ids) * per_agent * p.write_passes)
        base_few_wall, _ = await concurrent_pass(noop_calls[:few], per_agent, 0)
        advance(1)
    for handle in agents + writers:
        ray.kill(handle, no_restart=True)

    events = len(ids) * per_agent
    system_rate = events * len(system_walls) / sum(system_walls)
    base_rate = events * len(base_walls) / sum(base_walls)
    figure.system = Side("AgentClient.remember (durable)", [s * 1000 for s in system_lat], value=system_rate, value_unit="events/s")
    figure.baseline = Side("no-op agent -> no-op writer", [s * 1000 for s in base_lat], value=base_rate, value_unit="events/s")
    figure.ratio = ratio(system_rate, base_rate)
    batches, committed = batches1 - batches0, events1 - events0
    figure.details = {
        "agents": len(ids),
        "events_per_agent_per_pass": per_agent,
        "passes": p.write_passes,
        "writer_pool_size": pool_size,
        "system_events_per_s_per_pass": [round(events / w, 1) for w in system_walls],
        "baseline_events_per_s_per_pass": [round(events / w, 1) for w in base_walls],
        "log_batches": batches,
        "log_events": committed,
        "mean_events_per_log_batch": round(committed / batches, 1) if batches else None,
        "payload_bytes": {k: len(v) for k, v in sizes.items()},
        "system_cpu": system_cpu,
        "baseline_cpu": base_cpu,
        "idle_cores_before_passes": {"system": system_idle, "baseline": base_idle},
        f"only_{few}_of_the_agents_writing": {
            "system_events_per_s": round(few * per_agent / system_few_wall, 1),
            "baseline_events_per_s": round(few * per_agent / base_few_wall, 1),
            "ratio": ratio(base_few_wall, system_few_wall),
        },
    }
    return figure


# -- figure 4 ---------------------------------------------------------------------------


def _batches(p: Params, count: int, tag: str) -> list[list[Flush]]:
    """`count` consecutive batches: each agent continues its own seq in every batch."""
    agents = [f"b-{tag}-{i:04d}" for i in range(p.batch_agents)]

    def event(agent_id: str, seq: int) -> Event:
        return Event(
            agent_id,
            seq,
            new_event_id(),
            DEFAULT_KIND,
            content=content(seq - 1, 200),
            metadata={"source": "bench"},
            entities=["bench", agent_id],
            created_at=now(),
        )

    return flush_batches(agents, p.batch_events_per_agent, count, event)


def _raw_connection(path: Path) -> sqlite3.Connection:
    """The same connection set-up as actors/stores/sqlite_thread.py."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.executescript(SCHEMA)
    return conn


def _raw_commit(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(INSERT_EVENT, rows)
    conn.execute("COMMIT")


async def batch_commit(h: Harness, p: Params) -> Figure:
    """`SqliteLog.append(flushes)` vs the raw driver writing the same events, fresh file each.

    Baseline: `event_row` for each event, then `executemany(INSERT_EVENT)` in one
    `BEGIN IMMEDIATE ... COMMIT`, on a connection set up like SqliteThread's (WAL,
    synchronous FULL). A third file gets `executemany` of rows built beforehand (driver and
    disk only); its ratio is reported as a detail.
    """
    name = f"log batch commit ({p.batch_agents} agents × {p.batch_events_per_agent} events) ÷ raw sqlite3 executemany"
    figure = Figure(4, name, BATCH_TARGET, ">=", "rows/s at median batch")
    total = p.batch_warmup + p.batches
    with tempfile.TemporaryDirectory(prefix="novamem-bench-sqlite-") as tmp:
        log = SqliteLog(str(Path(tmp) / "log.db"))
        await log.open()
        raw = _raw_connection(Path(tmp) / "raw.db")
        prebuilt = _raw_connection(Path(tmp) / "prebuilt.db")
        log_batches = _batches(p, total, "log")
        raw_batches = _batches(p, total, "raw")
        prebuilt_rows = [[event_row(e) for f in flushes for e in f.events] for flushes in _batches(p, total, "pre")]
        samples: dict[str, list[float]] = {"log": [], "raw": [], "prebuilt": [], "encode": []}

        async def log_side(b: int) -> None:
            results = await log.append(log_batches[b])
            assert all(r.ok for r in results)

        async def raw_side(b: int) -> None:
            _raw_commit(raw, [event_row(e) for f in raw_batches[b] for e in f.events])

        async def prebuilt_side(b: int) -> None:
            _raw_commit(prebuilt, prebuilt_rows[b])

        sides = [("log", log_side), ("raw", raw_side), ("prebuilt", prebuilt_side)]
        with h.tracker.step("fig 4 · SqliteLog.append vs raw executemany", 3 * total) as advance:
            for b in range(total):
                for name, side in sides[b % 3 :] + sides[: b % 3]:  # rotate who goes first
                    started = time.perf_counter()
                    await side(b)
                    if b >= p.batch_warmup:
                        samples[name].append(time.perf_counter() - started)
                    advance(1)
                if b >= p.batch_warmup:  # detail: row encoding alone (msgpack of each event)
                    started = time.perf_counter()
                    [event_row(e) for f in raw_batches[b] for e in f.events]
                    samples["encode"].append(time.perf_counter() - started)
        counts = [c.execute("SELECT COUNT(*) FROM events").fetchone()[0] for c in (raw, prebuilt)]
        raw.close()
        prebuilt.close()
        counts.append(await log.count())
        await log.close()
    rows = p.batch_agents * p.batch_events_per_agent
    assert counts == [rows * total] * 3, counts
    # Throughput at the median batch: fsync times on a shared disk have long tails that
    # would otherwise decide the ratio; the means are reported beside it.
    median = {k: rows / percentile(v, 50) for k, v in samples.items() if v and k != "encode"}
    mean = {k: rows * len(v) / sum(v) for k, v in samples.items() if v and k != "encode"}
    figure.system = Side("SqliteLog.append", [s * 1000 for s in samples["log"]], value=median["log"], value_unit="rows/s")
    figure.baseline = Side(
        "event_row + executemany, 1 txn", [s * 1000 for s in samples["raw"]], value=median["raw"], value_unit="rows/s"
    )
    figure.ratio = ratio(median["log"], median["raw"])
    figure.details = {
        "rows_per_batch": rows,
        "batches_timed": len(samples["log"]),
        "ratio_of_mean_throughput": ratio(mean["log"], mean["raw"]),
        "mean_rows_per_s": {k: round(v, 1) for k, v in mean.items()},
        "ratio_vs_prebuilt_rows": ratio(median["log"], median["prebuilt"]),
        "prebuilt_rows_executemany_p50_ms": percentile([s * 1000 for s in samples["prebuilt"]], 50),
        "event_row_encoding_p50_ms_per_batch": percentile([s * 1000 for s in samples["encode"]], 50),
        "sqlite_version": sqlite3.sqlite_version,
        "synchronous": "FULL",
    }
    return figure
