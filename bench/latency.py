"""Figures 1 and 2: sequential read latency, agent actor vs bare actor, Serve vs bare Serve."""

from __future__ import annotations

import time

import httpx
import ray

from actors.codec import pack
from actors.messages import WorkingMemoryRequest, unwrap
from bench import cpu
from bench.baselines import BareActor
from bench.harness import Harness, unique_ids
from bench.params import Params
from bench.stats import Figure, Side, alternate_async, percentile, ratio

WM_TARGET = 1.2
HTTP_TARGET = 1.3


def _ms(samples: list[float]) -> list[float]:
    return [s * 1000 for s in samples]


async def working_memory_read(h: Harness, p: Params) -> Figure:
    """`AgentActor.working_memory(limit)` through its handle vs a bare async actor, same bytes."""
    figure = Figure(1, "working-memory read via agent actor ÷ bare async actor call", WM_TARGET, "<=", "p50 latency")
    h.start()
    (agent_id,) = unique_ids("wm", 1)
    with h.tracker.step("fig 1 · set-up: agent with memories", 1) as advance:
        await h.create_agents([agent_id], p.wm_memories, 1, advance)
    handle = h.agent_handle(agent_id)
    assert handle is not None
    request = WorkingMemoryRequest(p.wm_limit)
    reply = pack(await handle.working_memory.remote(request))  # what travels: the reply as msgpack
    items = unwrap(await handle.working_memory.remote(request)).items
    bare = h.track(BareActor.options(resources={"agent_slot": 1}).remote(reply))
    await bare.ping.remote()
    assert len(await bare.reply.remote(request)) == len(reply)

    limit = p.wm_limit
    client = h.rt.agent(agent_id)
    with h.tracker.step("fig 1 · working_memory vs bare call (+ client path)", 3 * p.latency_calls) as advance:
        system, baseline, full = await alternate_async(
            [
                lambda: handle.working_memory.remote(request),
                lambda: bare.reply.remote(request),
                lambda: client.working_memory(limit),  # detail: validation, handle cache, unpack
            ],
            p.latency_calls,
            p.latency_warmup,
            p.latency_rounds,
            advance,
        )
    figure.system = Side("AgentActor.working_memory", _ms(system))
    figure.baseline = Side("BareActor.reply (same bytes)", _ms(baseline))
    figure.ratio = ratio(figure.system.p50, figure.baseline.p50)
    figure.details = {
        "reply_bytes": len(reply),
        "items": len(items),
        "limit": limit,
        "agent_client_working_memory_p50_ms": percentile(_ms(full), 50),
        "agent_client_working_memory_p99_ms": percentile(_ms(full), 99),
    }
    ray.kill(bare, no_restart=True)
    return figure


async def http_get_agent(h: Harness, p: Params) -> Figure:
    """`GET /v1/agents/{id}` through Serve vs a bare Serve echo of the same body.

    Details add a ladder between the two, timed in the same alternating rounds: the echo
    behind FastAPI, then FastAPI plus one awaited Ray call to a bare actor (what novamem's
    route does, minus novamem's own code).
    """
    from ray import serve

    from bench import echo

    figure = Figure(2, "HTTP GET /v1/agents/{id} via Serve ÷ bare Serve echo", HTTP_TARGET, "<=", "p50 latency")
    h.start()
    (agent_id,) = unique_ids("http", 1)
    with h.tracker.step("fig 2 · set-up: Serve, agent, echo apps", 7) as advance:
        started = time.perf_counter()
        url = h.start_serve()
        serve_start_s = time.perf_counter() - started
        advance(1)
        await h.create_agents([agent_id], p.wm_memories, 1, advance)
        with httpx.Client(base_url=url, timeout=60) as client:
            first = client.get(f"/v1/agents/{agent_id}")
            first.raise_for_status()
            body = first.content
        handle = h.agent_handle(agent_id)
        assert handle is not None
        info_reply = await handle.info.remote()
        hop_actor = h.track(BareActor.options(resources={"agent_slot": 1}).remote(info_reply))
        await hop_actor.ping.remote()
        serve.run(echo.Echo.bind(body), name=echo.ECHO_APP, route_prefix=echo.ECHO_PREFIX)
        advance(1)
        serve.run(echo.fastapi_echo(body), name=echo.ECHO_API_APP, route_prefix=echo.ECHO_API_PREFIX)
        advance(1)
        serve.run(echo.fastapi_echo(body, hop_actor), name=echo.ECHO_HOP_APP, route_prefix=echo.ECHO_HOP_PREFIX)
        advance(1)
        experiment_error = None
        try:  # experiment (detail only): replicas running user code on their main loop
            serve.run(
                echo.fastapi_echo(body, hop_actor, main_loop=True),
                name=echo.ECHO_HOP_MAIN_APP,
                route_prefix=echo.ECHO_HOP_MAIN_PREFIX,
            )
            advance(1)
            serve.run(
                echo.novamem_main_loop(h.rt.settings), name=echo.NOVAMEM_MAIN_APP, route_prefix=echo.NOVAMEM_MAIN_PREFIX
            )
            advance(1)
        except Exception as error:  # noqa: BLE001 - lose the experiment, not the figure
            experiment_error = f"{type(error).__name__}: {error}"

    paths = {
        "system": f"/v1/agents/{agent_id}",
        "baseline": echo.ECHO_PREFIX,
        "fastapi": f"{echo.ECHO_API_PREFIX}/v1/agents/{agent_id}",
        "fastapi_hop": f"{echo.ECHO_HOP_PREFIX}/v1/agents/{agent_id}",
    }
    if experiment_error is None:
        paths["fastapi_hop_main_loop"] = f"{echo.ECHO_HOP_MAIN_PREFIX}/v1/agents/{agent_id}"
        paths["system_main_loop"] = f"{echo.NOVAMEM_MAIN_PREFIX}/v1/agents/{agent_id}"
    with httpx.Client(base_url=url, timeout=60) as client:

        async def get(path: str) -> None:  # blocking on purpose: one request at a time, like the baseline
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path}: HTTP {response.status_code}: {response.text[:200]}")

        for path in paths.values():
            assert abs(len(client.get(path).content) - len(body)) <= 2, path
        with h.tracker.step("fig 2 · GET agent vs echo (+ ladder)", len(paths) * p.http_calls) as advance:
            samples = dict(
                zip(
                    paths,
                    await alternate_async(
                        [lambda path=path: get(path) for path in paths.values()],
                        p.http_calls,
                        p.http_warmup,
                        p.http_rounds,
                        advance,
                    ),
                )
            )

        # Detail: CPU per request by process (proxy, replica, agent, ...), each side alone.
        cpu_calls = max(1, p.http_calls // 5)
        cpu_usage = {}
        with h.tracker.step("fig 2 · detail: CPU per request", 3 * cpu_calls) as advance:
            for label in ("system", "baseline", "fastapi_hop"):
                before = cpu.snapshot()
                for _ in range(cpu_calls):
                    await get(paths[label])
                advance(cpu_calls)
                cpu_usage[label] = cpu.usage(before, cpu.snapshot(), cpu_calls)

    # Detail: the Ray hop inside the request (replica -> agent.info()), timed from the driver.
    calls = max(1, p.http_calls // 5)
    with h.tracker.step("fig 2 · detail: agent.info() vs bare hop, from the driver", 2 * calls) as advance:
        hop, bare_hop = await alternate_async(
            [lambda: handle.info.remote(), lambda: hop_actor.reply.remote()], calls, p.http_warmup // 5, 2, advance
        )

    figure.system = Side("Serve GET /v1/agents/{id}", _ms(samples["system"]))
    figure.baseline = Side("Serve bare echo (same body)", _ms(samples["baseline"]))
    figure.ratio = ratio(figure.system.p50, figure.baseline.p50)
    p50 = {k: percentile(_ms(v), 50) for k, v in samples.items()}
    figure.details = {
        "body_bytes": len(body),
        "serve_start_s": round(serve_start_s, 2),
        "ladder_p50_ms": {
            "bare echo": p50["baseline"],
            "+ FastAPI": p50["fastapi"],
            "+ FastAPI + 1 bare Ray hop": p50["fastapi_hop"],
            "novamem GET": p50["system"],
        },
        "experiment_user_code_on_main_loop_p50_ms": experiment_error
        or {
            "FastAPI + 1 bare Ray hop": p50["fastapi_hop_main_loop"],
            "novamem GET": p50["system_main_loop"],
            "ratio novamem GET ÷ bare echo": ratio(p50["system_main_loop"], p50["baseline"]),
        },
        "ladder_p99_ms": {k: percentile(_ms(v), 99) for k, v in samples.items()},
        "agent_info_hop_from_driver_p50_ms": percentile(_ms(hop), 50),
        "bare_hop_from_driver_p50_ms": percentile(_ms(bare_hop), 50),
        "cpu_system": cpu_usage["system"],
        "cpu_baseline": cpu_usage["baseline"],
        "cpu_fastapi_hop": cpu_usage["fastapi_hop"],
    }
    for app in (echo.ECHO_APP, echo.ECHO_API_APP, echo.ECHO_HOP_APP, echo.ECHO_HOP_MAIN_APP, echo.NOVAMEM_MAIN_APP):
        try:
            serve.delete(app)
        except Exception:  # noqa: BLE001 - not deployed (experiment failed); Serve shuts down at the end anyway
            pass
    ray.kill(hop_actor, no_restart=True)
    return figure
