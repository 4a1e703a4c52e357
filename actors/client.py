"""AgentClient: the caller's side of one agent, used by the Python API and by Serve replicas.

It validates input with the rules of `actors.inputs`, fixes event ids *before* the first
attempt (so Ray's own retries and ours are idempotent), and routes each call:

- identity, writes and working memory go to the agent's actor, which is re-activated
  transparently when it has passivated or died;
- history, identity versions, recall, metadata queries and graph walks go straight to
  the agent's writer, which knows the agent's head: no actor is involved, so a read of a
  passivated agent starts no worker process.

Each operation takes keyword arguments (the Python API) or, as `<operation>_input`, the
validated input model that the HTTP routes receive.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TypeVar

from ray.exceptions import RayActorError

from actors import inputs
from actors.agent import AGENT_NAME, AgentActor
from actors.deployment import Deployment
from actors.errors import AgentPassivating, InvalidInput, Unavailable
from actors.handles import get_or_create, lookup
from actors.messages import (
    AgentRef,
    Failure,
    FindRequest,
    GraphRequest,
    HistoryRequest,
    IdentityUpdate,
    NewMemory,
    RecallRequest,
    RememberRequest,
    WorkingMemoryRequest,
    unwrap,
)
from actors.model import new_event_id
from actors.retry import REACTIVATION_BACKOFF, RESTART_BACKOFF, Deadline, retry

if TYPE_CHECKING:
    from ray.actor import ActorProxy

    from actors.agent import Agent
    from actors.writer import BackendWriter

T = TypeVar("T")


def _given(**fields: Any) -> dict[str, Any]:
    """Keyword arguments left at None mean "the default": leave them to the model."""
    return {k: v for k, v in fields.items() if v is not None}


class AgentClient:
    """Async API of one agent. Cheap to create; holds no connection."""

    def __init__(self, agent_id: str, deployment: Deployment) -> None:
        self.agent_id = inputs.check_agent_id(agent_id)
        self.deployment = deployment

    # -- writes (through the agent's actor) --------------------------------------------

    async def set_identity(
        self,
        name: str,
        persona: str | None = None,
        traits: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Create the agent or add an identity version; unchanged fields keep the version."""
        fields = _given(name=name, persona=persona, traits=traits, metadata=metadata)
        return await self.set_identity_input(inputs.validated(inputs.IdentityInput, fields))

    async def set_identity_input(self, identity: inputs.IdentityInput) -> dict[str, Any]:
        update = IdentityUpdate(identity.name, identity.persona, identity.traits, identity.metadata, new_event_id())
        result = await self._on_actor(lambda actor: actor.put_identity.remote(update), create=True)
        return {"identity": result.identity.to_wire(), "changed": result.changed, "created": result.created}

    async def remember(
        self,
        content: str,
        kind: str | None = None,
        metadata: dict[str, Any] | None = None,
        entities: list[str] | None = None,
        embedding: list[float] | None = None,
        session_id: str | None = None,
        event_id: str | None = None,
    ) -> dict[str, Any]:
        """Durably append one memory: `{seq, event_id, created}` once it is in the log."""
        fields = _given(
            content=content,
            kind=kind,
            metadata=metadata,
            entities=entities,
            embedding=embedding,
            session_id=session_id,
            event_id=event_id,
        )
        return await self.remember_input(inputs.validated(inputs.MemoryInput, fields))

    async def remember_input(self, memory: inputs.MemoryInput) -> dict[str, Any]:
        inputs.check_embedding(memory.embedding, self.deployment.embedding_dim)
        (ack,) = await self._remember([memory])
        return ack

    async def remember_many(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Append several memories in one call; one result per item, in order.

        Every item is inputs.validated before anything is sent, so a bad item (reported as
        `items[i].field`) means nothing of the batch is written.
        """
        if not isinstance(items, list) or not items:
            raise InvalidInput("items must be a non-empty list", "items")
        inputs.check_batch_size(len(items), self.deployment.settings.max_batch_items)
        return await self.remember_many_input(inputs.validated(inputs.MemoryBatchInput, {"items": items}))

    async def remember_many_input(self, batch: inputs.MemoryBatchInput) -> list[dict[str, Any]]:
        inputs.check_batch_size(len(batch.items), self.deployment.settings.max_batch_items)
        for index, item in enumerate(batch.items):
            inputs.check_embedding(item.embedding, self.deployment.embedding_dim, f"items[{index}].embedding")
        return await self._remember(batch.items)

    async def _remember(self, items: list[inputs.MemoryInput]) -> list[dict[str, Any]]:
        request = RememberRequest([NewMemory(**item.model_dump()) for item in items])
        reply = await self._on_actor(lambda actor: actor.remember.remote(request))
        return [asdict(ack) for ack in reply.acks]

    # -- reads from the actor ------------------------------------------------------------

    async def info(self) -> dict[str, Any]:
        """Identity, identity_version, last_seq and timestamps."""
        info = await self._on_actor(lambda actor: actor.info.remote())
        return {
            "agent_id": info.agent_id,
            "identity": info.identity.to_wire(),
            "identity_version": info.identity.version,
            "last_seq": info.last_seq,
            "created_at": info.identity.created_at,
            "updated_at": info.identity.updated_at,
            "working_memory_size": info.working_memory_size,
            "activated_at": info.activated_at,
        }

    async def working_memory(self, limit: int = 20) -> dict[str, Any]:
        """Identity plus the newest `limit` memories, straight from the actor (no I/O)."""
        request = WorkingMemoryRequest(inputs.validated(inputs.PageQuery, {"limit": limit}).limit)
        memory = await self._on_actor(lambda actor: actor.working_memory.remote(request))
        return {"identity": memory.identity.to_wire(), "last_seq": memory.last_seq, "items": _views(memory.items)}

    # -- reads from the writer (no actor) ------------------------------------------------

    async def history(self, limit: int = 20, before_seq: int | None = None) -> list[dict[str, Any]]:
        """Memories newest first, from the log; page with `before_seq`."""
        return await self.history_input(inputs.validated(inputs.HistoryQuery, _given(limit=limit, before_seq=before_seq)))

    async def history_input(self, query: inputs.HistoryQuery) -> list[dict[str, Any]]:
        request = HistoryRequest(self.agent_id, query.limit, query.before_seq)
        return _views((await self._on_writer(lambda writer: writer.history.remote(request))).items)

    async def identity_history(self) -> list[dict[str, Any]]:
        """Every identity version, oldest first."""
        ref = AgentRef(self.agent_id)
        versions = await self._on_writer(lambda writer: writer.identity_history.remote(ref))
        return [v.to_wire() for v in versions.versions]

    async def recall(
        self,
        query: str,
        k: int = 10,
        kinds: list[str] | None = None,
        session_id: str | None = None,
        embedding: list[float] | None = None,
        consistency: str = "strong",
    ) -> dict[str, Any]:
        """Memories ranked by fused similarity, keywords, entities and recency."""
        fields = _given(
            query=query, k=k, kinds=kinds, session_id=session_id, embedding=embedding, consistency=consistency
        )
        return await self.recall_input(inputs.validated(inputs.RecallInput, fields))

    async def recall_input(self, recall: inputs.RecallInput) -> dict[str, Any]:
        inputs.check_embedding(recall.embedding, self.deployment.embedding_dim)
        request = RecallRequest(
            self.agent_id, recall.query, recall.k, recall.kinds, recall.session_id, recall.embedding, recall.consistency
        )
        reply = await self._on_writer(lambda writer: writer.recall.remote(request))
        items = [{**asdict(hit.memory), "score": hit.score, "sources": hit.sources} for hit in reply.hits]
        return {"items": items, "degraded": reply.degraded}

    async def find(
        self, metadata: dict[str, Any], kinds: list[str] | None = None, limit: int = 20, consistency: str = "strong"
    ) -> list[dict[str, Any]]:
        """Memories whose metadata equals every given value (`a.b` reaches into objects), newest first."""
        fields = _given(metadata=metadata, kinds=kinds, limit=limit, consistency=consistency)
        return await self.find_input(inputs.validated(inputs.FindInput, fields))

    async def find_input(self, find: inputs.FindInput) -> list[dict[str, Any]]:
        request = FindRequest(self.agent_id, find.metadata, find.kinds, find.limit, find.consistency)
        return _views((await self._on_writer(lambda writer: writer.find.remote(request))).items)

    async def neighbourhood(
        self, hops: int = 2, entity: str | None = None, limit: int = 200, consistency: str = "strong"
    ) -> dict[str, Any]:
        """`{nodes, edges}` within `hops` of this agent, or of one entity its memories mention."""
        fields = _given(hops=hops, entity=entity, limit=limit, consistency=consistency)
        return await self.neighbourhood_input(inputs.validated(inputs.GraphQuery, fields))

    async def neighbourhood_input(self, graph: inputs.GraphQuery) -> dict[str, Any]:
        request = GraphRequest(self.agent_id, graph.hops, graph.entity, graph.limit, graph.consistency)
        reply = await self._on_writer(lambda writer: writer.neighbourhood.remote(request))
        return {"nodes": reply.nodes, "edges": reply.edges}

    # -- plumbing -----------------------------------------------------------------------

    async def _on_writer(self, call: Callable[[ActorProxy[BackendWriter]], Awaitable[T | Failure]]) -> T:
        """Call the agent's writer, riding out a writer restart within `call_timeout_s`."""
        writer = self.deployment.writer_for(self.agent_id)
        deadline = Deadline(self.deployment.settings.call_timeout_s)

        async def attempt() -> T | Failure:
            try:
                return await asyncio.wait_for(call(writer), deadline.remaining())
            except TimeoutError as error:
                raise Unavailable(f"the writer for agent {self.agent_id} did not answer in time") from error

        try:
            return unwrap(await retry(attempt, lambda e: isinstance(e, RayActorError), RESTART_BACKOFF, deadline))
        except RayActorError as error:
            raise Unavailable(f"the writer for agent {self.agent_id} is unreachable: {error}") from error

    async def _on_actor(self, call: Callable[[ActorProxy[Agent]], Awaitable[T | Failure]], create: bool = False) -> T:
        """Call the agent's actor; re-activate and retry if it passivated or died.

        Only `create=True` calls (identity writes) may bring a brand-new agent into being;
        others on an unknown agent fail fast with AgentNotFound, creating no actor.
        """
        budget_s = self.deployment.settings.call_timeout_s
        deadline = Deadline(budget_s)
        creating = create

        async def attempt() -> T:
            nonlocal creating, budget_s
            handle, activating = await self._handle(creating)
            if activating:  # a worker process must start first; on a busy node it queues behind others
                budget_s = max(budget_s, self.deployment.settings.activation_timeout_s)
                deadline.extend(budget_s)
            try:
                return unwrap(await asyncio.wait_for(call(handle), max(deadline.remaining(), 0.001)))
            except TimeoutError as error:
                # Safe to give up: writes carry their event_id, so retrying later is idempotent.
                raise Unavailable(f"agent {self.agent_id} did not answer within {budget_s:.0f}s") from error
            except (RayActorError, AgentPassivating):
                self.deployment.forget(self.agent_id)
                creating = True  # it had an actor, so it exists: no need to ask its writer
                raise

        def transient(error: BaseException) -> bool:
            return isinstance(error, (RayActorError, AgentPassivating))

        try:
            return await retry(attempt, transient, REACTIVATION_BACKOFF, deadline)
        except (RayActorError, AgentPassivating) as error:
            raise Unavailable(f"agent {self.agent_id} did not come back in time: {error}") from error

    async def _handle(self, create: bool) -> tuple[ActorProxy[Agent], bool]:
        """The agent's actor handle, and whether it was just looked up or created (so its
        worker may still be starting) rather than taken from the cache of live handles."""
        handle = self.deployment.cached(self.agent_id)
        if handle is not None:
            return handle, False
        name = AGENT_NAME.format(agent_id=self.agent_id)
        handle = await asyncio.to_thread(lookup, name, self.deployment.namespace)
        if handle is None and not create:
            await self._on_writer(lambda writer: writer.head.remote(AgentRef(self.agent_id)))  # AgentNotFound if none
        if handle is None:
            args = (self.agent_id, self.deployment.agent_config(), self.deployment.writer_for(self.agent_id))
            options = {"lifetime": "detached", "resources": {"agent_slot": 1}}
            handle = await asyncio.to_thread(
                get_or_create, AgentActor, name, self.deployment.namespace, (*args, self.deployment.directory), options
            )
        self.deployment.cache(self.agent_id, handle)
        return handle, True


def _views(memories: list[Any]) -> list[dict[str, Any]]:
    return [asdict(m) for m in memories]

