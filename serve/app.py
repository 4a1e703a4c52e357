"""HTTP API v1 on Ray Serve: FastAPI routes in front of the agents and their writers.

(No `from __future__ import annotations` here: FastAPI resolves route annotations at runtime.)

Each replica connects to the deployment's Directory once and keeps a cache of agent
handles, so a request costs one Ray hop: to the agent's actor for identity and writes,
to the agent's writer for history and queries. Request bodies and query strings are
validated by the input models of `actors.inputs`, the same rules the Python API applies.
Replicas hold no database connections.
"""

from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Response
from ray import serve
from ray.serve.deployment import Application

from actors import inputs
from actors.model import AGENT_ID_PATTERN
from actors.settings import Settings
from cluster.runtime import Runtime
from serve import errors
from serve.schemas import (
    AgentOut,
    ErrorOut,
    GraphOut,
    HealthOut,
    IdentityHistoryOut,
    IdentityOut,
    MemoryListOut,
    RecallOut,
    WriteBatchOut,
    WriteResult,
)

api = FastAPI(
    title="novamem",
    version="1",
    description="Memory for fleets of AI agents: identity, durable memories and recall.",
    responses={
        400: {"model": ErrorOut},
        404: {"model": ErrorOut},
        413: {"model": ErrorOut},
        422: {"model": ErrorOut},
        503: {"model": ErrorOut},
    },
)
errors.install_error_handlers(api)
api.add_middleware(errors.BodySizeLimit)

AgentId = Annotated[str, Path(pattern=f"^{AGENT_ID_PATTERN}$", description="[A-Za-z0-9_.:-]{1,128}")]


@serve.deployment(ray_actor_options={"num_cpus": 0}, max_ongoing_requests=256)
@serve.ingress(api)
class NovamemAPI:
    """One Serve replica: routes requests to agents through a shared Runtime."""

    def __init__(self, settings: Settings) -> None:
        self.runtime = Runtime.connect(settings=settings)
        errors.set_body_limit(settings.max_body_bytes)

    @api.put("/v1/agents/{agent_id}", response_model=IdentityOut, status_code=200)
    async def put_agent(self, agent_id: AgentId, body: inputs.IdentityInput, response: Response) -> IdentityOut:
        """Create the agent, or add an identity version if anything changed."""
        result = await self.runtime.agent(agent_id).set_identity_input(body)
        if result["created"]:
            response.status_code = 201
        return IdentityOut.from_wire(result["identity"])

    @api.get("/v1/agents/{agent_id}", response_model=AgentOut)
    async def get_agent(self, agent_id: AgentId) -> AgentOut:
        return AgentOut.from_wire(await self.runtime.agent(agent_id).info())

    @api.get("/v1/agents/{agent_id}/identity/history", response_model=IdentityHistoryOut)
    async def identity_history(self, agent_id: AgentId) -> IdentityHistoryOut:
        versions = await self.runtime.agent(agent_id).identity_history()
        return IdentityHistoryOut(items=[IdentityOut.from_wire(v) for v in versions])

    @api.post("/v1/agents/{agent_id}/memories", response_model=WriteResult, status_code=201)
    async def remember(self, agent_id: AgentId, body: inputs.MemoryInput, response: Response) -> WriteResult:
        """201 once durable; the same `event_id` again answers 200 with the original seq."""
        result = await self.runtime.agent(agent_id).remember_input(body)
        if not result["created"]:
            response.status_code = 200
        return WriteResult(**result)

    @api.post("/v1/agents/{agent_id}/memories:batch", response_model=WriteBatchOut, status_code=201)
    async def remember_batch(self, agent_id: AgentId, body: inputs.MemoryBatchInput, response: Response) -> WriteBatchOut:
        """All items are validated first: either every item is accepted or none is written."""
        results = await self.runtime.agent(agent_id).remember_many_input(body)
        if not any(r["created"] for r in results):
            response.status_code = 200
        return WriteBatchOut(items=[WriteResult(**r) for r in results])

    @api.get("/v1/agents/{agent_id}/memories", response_model=MemoryListOut)
    async def memories(self, agent_id: AgentId, query: Annotated[inputs.HistoryQuery, Query()]) -> MemoryListOut:
        """Newest first; pass the smallest seq you have as `before_seq` for the next page."""
        return MemoryListOut(items=await self.runtime.agent(agent_id).history_input(query))

    @api.post("/v1/agents/{agent_id}/recall", response_model=RecallOut)
    async def recall(self, agent_id: AgentId, body: inputs.RecallInput) -> RecallOut:
        return RecallOut(**await self.runtime.agent(agent_id).recall_input(body))

    @api.post("/v1/agents/{agent_id}/memories:find", response_model=MemoryListOut)
    async def find(self, agent_id: AgentId, body: inputs.FindInput) -> MemoryListOut:
        """Agent-scoped query on memory metadata (equality per key), newest first."""
        return MemoryListOut(items=await self.runtime.agent(agent_id).find_input(body))

    @api.get("/v1/agents/{agent_id}/graph", response_model=GraphOut, response_model_by_alias=True)
    async def graph(self, agent_id: AgentId, query: Annotated[inputs.GraphQuery, Query()]) -> GraphOut:
        """What lies within `hops` of the agent, or of an entity its memories mention."""
        return GraphOut(**await self.runtime.agent(agent_id).neighbourhood_input(query))

    @api.get("/healthz", response_model=HealthOut)
    async def healthz(self, response: Response) -> HealthOut:
        stats = await self.runtime.stats()
        tiers = {name: {"ok": t["ok"], "lag": t["lag"]} for name, t in stats["tiers"].items()}
        status = "ok" if stats["log"]["ok"] and all(t["ok"] for t in tiers.values()) else "degraded"
        if not stats["log"]["ok"]:
            status = "down"
            response.status_code = 503
        return HealthOut(status=status, log=stats["log"], tiers=tiers)

    @api.get("/v1/stats")
    async def stats(self) -> dict[str, Any]:
        """Active agents, log head, writer queue depth and per-tier lag."""
        return await self.runtime.stats()


class ServeListensElsewhere(RuntimeError):
    """Serve's HTTP address is fixed when it first starts on a cluster; this deployment wants another."""


def app_name(namespace: str) -> str:
    """Each deployment (namespace) is its own Serve application, so `down` removes only its own."""
    return f"novamem-{namespace}"


def build_app(settings: Settings) -> Application:
    """The Serve application for a deployment, autoscaling between the configured bounds."""
    return NovamemAPI.options(
        autoscaling_config={
            "min_replicas": settings.serve_min_replicas,
            "max_replicas": max(settings.serve_min_replicas, settings.serve_max_replicas),
            "target_ongoing_requests": 32,
        }
    ).bind(settings)


def serve_address(settings: Settings) -> str:
    """Start Serve on the configured host and port, or check that it already listens there.

    Serve's HTTP host and port are fixed by the first `serve.start` of a cluster; a later
    one with another address would silently keep the old one (and a URL printed for the
    new one would answer nothing), so that is an error here.
    """
    serve.start(http_options={"host": settings.http_host, "port": settings.http_port})
    running = serve.context._get_global_client().http_config
    if (running.host, running.port) != (settings.http_host, settings.http_port):
        raise ServeListensElsewhere(
            f"Serve on this Ray cluster already listens on {running.host}:{running.port}, "
            f"not {settings.http_host}:{settings.http_port}: use that port, or start a separate Ray cluster"
        )
    return f"http://{settings.http_host}:{settings.http_port}"


def deploy(settings: Settings) -> str:
    """Run the deployment's app (named after its namespace) at its route prefix; its base URL.

    Several deployments can share one Serve instance under different route prefixes.
    """
    base = serve_address(settings)
    serve.run(build_app(settings), name=app_name(settings.namespace), route_prefix=settings.route_prefix)
    return f"{base}{settings.route_prefix.rstrip('/')}"


def undeploy(namespace: str) -> None:
    """Remove this deployment's app if Serve runs it; other apps and Serve itself stay."""
    if app_name(namespace) in serve.status().applications:
        serve.delete(app_name(namespace))
