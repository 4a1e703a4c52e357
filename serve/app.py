"""HTTP API v1 on Ray Serve: FastAPI routes in front of the agent actors.

(No `from __future__ import annotations` here: FastAPI resolves route annotations at runtime.)

Each replica connects to the deployment's Directory once and keeps a cache of agent
handles, so a request costs one Ray hop to the agent (plus the agent's own hop to its
writer for writes and store reads). Replicas hold no database connections.
"""


from typing import Annotated, Any

from fastapi import Body, FastAPI, Path, Query, Response
from ray import serve
from ray.serve.deployment import Application

from actors.client import MAX_HOPS, MAX_PAGE
from actors.model import AGENT_ID_PATTERN, MAX_INT
from cluster.config import settings_from_wire
from cluster.runtime import Runtime
from serve import errors
from serve.schemas import (
    AgentOut,
    ErrorOut,
    FindIn,
    GraphOut,
    HealthOut,
    IdentityHistoryOut,
    IdentityIn,
    IdentityOut,
    MemoryBatchIn,
    MemoryIn,
    MemoryListOut,
    RecallIn,
    RecallOut,
    WriteBatchOut,
    WriteResult,
)

APP_NAME = "novamem"

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

    def __init__(self, settings: dict[str, Any]) -> None:
        self.runtime = Runtime.connect(settings=settings_from_wire(settings))
        errors.set_body_limit(settings["max_body_bytes"])

    @api.put("/v1/agents/{agent_id}", response_model=IdentityOut, status_code=200)
    async def put_agent(self, agent_id: AgentId, body: IdentityIn, response: Response) -> IdentityOut:
        """Create the agent, or add an identity version if anything changed."""
        result = await self.runtime.agent(agent_id).set_identity(**body.model_dump())
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
    async def remember(self, agent_id: AgentId, body: MemoryIn, response: Response) -> WriteResult:
        """201 once durable; the same `event_id` again answers 200 with the original seq."""
        result = await self.runtime.agent(agent_id).remember(**body.model_dump())
        if not result["created"]:
            response.status_code = 200
        return WriteResult(**result)

    @api.post("/v1/agents/{agent_id}/memories:batch", response_model=WriteBatchOut, status_code=201)
    async def remember_batch(self, agent_id: AgentId, body: MemoryBatchIn, response: Response) -> WriteBatchOut:
        """All items are validated first: either every item is accepted or none is written."""
        results = await self.runtime.agent(agent_id).remember_many([item.model_dump() for item in body.items])
        if not any(r["created"] for r in results):
            response.status_code = 200
        return WriteBatchOut(items=[WriteResult(**r) for r in results])

    @api.get("/v1/agents/{agent_id}/memories", response_model=MemoryListOut)
    async def memories(
        self,
        agent_id: AgentId,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
        before_seq: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
    ) -> MemoryListOut:
        """Newest first; pass the smallest seq you have as `before_seq` for the next page."""
        return MemoryListOut(items=await self.runtime.agent(agent_id).history(limit, before_seq))

    @api.post("/v1/agents/{agent_id}/recall", response_model=RecallOut)
    async def recall(self, agent_id: AgentId, body: Annotated[RecallIn, Body()]) -> RecallOut:
        return RecallOut(**await self.runtime.agent(agent_id).recall(**body.model_dump()))

    @api.post("/v1/agents/{agent_id}/memories:find", response_model=MemoryListOut)
    async def find(self, agent_id: AgentId, body: FindIn) -> MemoryListOut:
        """Agent-scoped query on memory metadata (equality per key), newest first."""
        return MemoryListOut(items=await self.runtime.agent(agent_id).find(**body.model_dump()))

    @api.get("/v1/agents/{agent_id}/graph", response_model=GraphOut, response_model_by_alias=True)
    async def graph(
        self,
        agent_id: AgentId,
        hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 2,
        entity: Annotated[str | None, Query(min_length=1, max_length=256)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200,
    ) -> GraphOut:
        """What lies within `hops` of the agent, or of an entity its memories mention."""
        return GraphOut(**await self.runtime.agent(agent_id).neighbourhood(hops, entity, limit))

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


def build_app(settings: dict[str, Any]) -> Application:
    """The Serve application for a deployment, autoscaling between the configured bounds."""
    return NovamemAPI.options(
        autoscaling_config={
            "min_replicas": settings["serve_min_replicas"],
            "max_replicas": max(settings["serve_min_replicas"], settings["serve_max_replicas"]),
            "target_ongoing_requests": 32,
        }
    ).bind(settings)


def deploy(settings: dict[str, Any], name: str = APP_NAME, route_prefix: str = "/") -> str:
    """Start Serve on the configured host/port (fixed at first start) and run the app.

    Several deployments can share one Serve instance under different names and prefixes.
    """
    serve.start(http_options={"host": settings["http_host"], "port": settings["http_port"]})
    serve.run(build_app(settings), name=name, route_prefix=route_prefix)
    return f"http://{settings['http_host']}:{settings['http_port']}{route_prefix.rstrip('/')}"
