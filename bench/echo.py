"""Bare Serve deployments: the baseline for an HTTP round trip through Serve, and a ladder.

`Echo` is the figure's baseline. The FastAPI variants are details that split the gap
between the echo and novamem's route: FastAPI's share, then one Ray hop's share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ray import serve
from starlette.requests import Request
from starlette.responses import Response

if TYPE_CHECKING:
    from actors.settings import Settings

ECHO_APP, ECHO_PREFIX = "novamem-bench-echo", "/bench-echo"
ECHO_API_APP, ECHO_API_PREFIX = "novamem-bench-echo-api", "/bench-echo-api"
ECHO_HOP_APP, ECHO_HOP_PREFIX = "novamem-bench-echo-hop", "/bench-echo-hop"


@serve.deployment(ray_actor_options={"num_cpus": 0})
class Echo:
    """Answers every request with the same pre-encoded JSON body."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    async def __call__(self, request: Request) -> Response:
        return Response(self.body, media_type="application/json")


ECHO_HOP_MAIN_APP, ECHO_HOP_MAIN_PREFIX = "novamem-bench-echo-hop-main", "/bench-echo-hop-main"
NOVAMEM_MAIN_APP, NOVAMEM_MAIN_PREFIX = "novamem-bench-main-loop", "/bench-novamem-main"

MAIN_LOOP_ENV = {"env_vars": {"RAY_SERVE_RUN_USER_CODE_IN_SEPARATE_THREAD": "0"}}
"""Experiment: run the replica's user code on its main event loop instead of a thread."""


def novamem_main_loop(settings: Settings):  # noqa: ANN201 - a Serve Application
    """novamem's own HTTP deployment, one replica, user code on the replica's main loop."""
    from serve.app import NovamemAPI

    return NovamemAPI.options(num_replicas=1, ray_actor_options={"num_cpus": 0, "runtime_env": MAIN_LOOP_ENV}).bind(
        settings
    )


def fastapi_echo(body: bytes, hop: Any = None, main_loop: bool = False):  # noqa: ANN201 - a Serve Application
    """The echo behind a FastAPI ingress with novamem's route shape; with `hop` (a bare
    actor handle) it first awaits one Ray call, as novamem's route awaits the agent."""
    from fastapi import FastAPI

    api = FastAPI()

    @serve.deployment(ray_actor_options={"num_cpus": 0})
    @serve.ingress(api)
    class EchoAPI:
        def __init__(self, payload: bytes, actor: Any) -> None:
            self.payload = payload
            self.actor = actor

        @api.get("/v1/agents/{agent_id}")
        async def get(self, agent_id: str) -> Response:
            if self.actor is not None:
                await self.actor.reply.remote()
            return Response(self.payload, media_type="application/json")

    if main_loop:
        return EchoAPI.options(ray_actor_options={"num_cpus": 0, "runtime_env": MAIN_LOOP_ENV}).bind(body, hop)
    return EchoAPI.bind(body, hop)
