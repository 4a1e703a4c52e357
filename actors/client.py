"""AgentClient: the caller's side of an agent, used by the Python API and by Serve replicas.

It validates input, generates event ids *before* the call (so Ray's own retries and
ours are idempotent), caches the actor handle, and transparently re-activates the agent
when its actor has passivated or died. Reads of an agent that does not exist are
answered from its writer without creating an actor.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from ray.actor import ActorHandle
from ray.exceptions import RayActorError

from actors.agent import AGENT_NAME, AgentActor
from actors.codec import pack, unwrap
from actors.errors import AgentNotFound, AgentPassivating, InvalidInput, Unavailable
from actors.handles import get_or_create, lookup
from actors.model import (
    MAX_INT,
    MAX_TEXT_ID_LEN,
    MEMORY_KINDS,
    check_agent_id,
    check_plain,
    check_text,
    identity_fields,
    memory_item,
)
from actors.writers import WriterPool

HANDLE_CACHE_SIZE = 100_000
MAX_PAGE = 1000
"""Largest `limit` and `k` a read may ask for."""
MAX_HOPS = 4
RETRY_BACKOFF_S = 0.05
CONSISTENCY_LEVELS = ("strong", "eventual")


@dataclass
class Deployment:
    """What a client needs to reach one novamem deployment."""

    settings: dict[str, Any]
    pool: WriterPool
    directory: ActorHandle
    handles: OrderedDict[str, ActorHandle] = field(default_factory=OrderedDict)

    @property
    def namespace(self) -> str:
        return self.settings["namespace"]

    def cached(self, agent_id: str) -> ActorHandle | None:
        handle = self.handles.get(agent_id)
        if handle is not None:
            self.handles.move_to_end(agent_id)
        return handle

    def cache(self, agent_id: str, handle: ActorHandle) -> None:
        self.handles[agent_id] = handle
        while len(self.handles) > HANDLE_CACHE_SIZE:
            self.handles.popitem(last=False)

    def forget(self, agent_id: str) -> None:
        self.handles.pop(agent_id, None)


class AgentClient:
    """Async API of one agent. Cheap to create; holds no connection."""

    def __init__(self, agent_id: str, deployment: Deployment) -> None:
        self.agent_id = check_agent_id(agent_id)
        self.deployment = deployment

    # -- writes -------------------------------------------------------------------------

    async def set_identity(
        self,
        name: str,
        persona: str | None = None,
        traits: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Create the agent or add an identity version; unchanged fields keep the version."""
        fields = identity_fields({"name": name, "persona": persona, "traits": traits, "metadata": metadata})
        return await self._call("put_identity", pack(fields))

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
        item = {
            "content": content,
            "kind": kind,
            "metadata": metadata,
            "entities": entities,
            "embedding": embedding,
            "session_id": session_id,
            "event_id": event_id,
        }
        dim = self.deployment.settings["embedding_dim"]
        (result,) = await self._call("remember", pack([memory_item(item, dim)]), create=False)
        return result

    async def remember_many(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Append several memories in one call; one result per item, in order.

        Every item is validated before anything is sent, so a bad item (reported as
        `items[i].field`) means nothing of the batch is written.
        """
        limit = self.deployment.settings["max_batch_items"]
        if not isinstance(items, list) or not items:
            raise InvalidInput("items must be a non-empty list", "items")
        if len(items) > limit:
            raise InvalidInput(f"at most {limit} items per batch", "items")
        dim = self.deployment.settings["embedding_dim"]
        clean = [memory_item(item, dim, f"items[{i}].") for i, item in enumerate(items)]
        return await self._call("remember", pack(clean), create=False)

    # -- reads --------------------------------------------------------------------------

    async def info(self) -> dict[str, Any]:
        """Identity, identity_version, last_seq and timestamps."""
        return await self._call("info", create=False)

    async def working_memory(self, limit: int = 20) -> dict[str, Any]:
        """Identity plus the newest `limit` memories, straight from the actor (no I/O)."""
        return await self._call("working_memory", _positive(limit, "limit", MAX_PAGE), create=False)

    async def history(self, limit: int = 20, before_seq: int | None = None) -> list[dict[str, Any]]:
        """Memories newest first; page with `before_seq`."""
        args: dict[str, Any] = {"limit": _positive(limit, "limit", MAX_PAGE)}
        if before_seq is not None:
            args["before_seq"] = _positive(before_seq, "before_seq", MAX_INT)
        return await self._call("history", pack(args), create=False)

    async def identity_history(self) -> list[dict[str, Any]]:
        """Every identity version, oldest first."""
        return await self._call("identity_history", create=False)

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
        check_text(query, "query")
        dim = self.deployment.settings["embedding_dim"]
        if embedding is not None:
            if not isinstance(embedding, list) or len(embedding) != dim:
                raise InvalidInput(f"embedding must be a list of {dim} numbers", "embedding")
            check_plain(embedding, "embedding")
        if not query and embedding is None:
            raise InvalidInput("query must not be empty (or send an embedding)", "query")
        if session_id is not None:
            check_text(session_id, "session_id", MAX_TEXT_ID_LEN)
        args = {
            "query": query,
            "k": _positive(k, "k", MAX_PAGE),
            "kinds": _kinds(kinds),
            "session_id": session_id,
            "embedding": embedding,
            "consistency": _consistency(consistency),
        }
        return await self._call("recall", pack(args), create=False)

    async def find(
        self, metadata: dict[str, Any], kinds: list[str] | None = None, limit: int = 20, consistency: str = "strong"
    ) -> list[dict[str, Any]]:
        """Memories whose metadata equals every given value (`a.b` reaches into objects), newest first."""
        if not isinstance(metadata, dict) or not all(
            isinstance(v, (str, int, float, bool)) or v is None for v in metadata.values()
        ):
            raise InvalidInput("metadata must map keys to strings, numbers, booleans or null", "metadata")
        check_plain(metadata, "metadata")
        args = {
            "metadata": metadata,
            "kinds": _kinds(kinds),
            "limit": _positive(limit, "limit", MAX_PAGE),
            "consistency": _consistency(consistency),
        }
        return await self._call("find", pack(args), create=False)

    async def neighbourhood(
        self, hops: int = 2, entity: str | None = None, limit: int = 200, consistency: str = "strong"
    ) -> dict[str, Any]:
        """`{nodes, edges}` within `hops` of this agent, or of one entity its memories mention."""
        if entity is not None:
            check_text(entity, "entity", 256)
        args = {
            "hops": _positive(hops, "hops", MAX_HOPS),
            "entity": entity,
            "limit": _positive(limit, "limit", MAX_PAGE),
            "consistency": _consistency(consistency),
        }
        return await self._call("neighbourhood", pack(args), create=False)

    # -- plumbing -----------------------------------------------------------------------

    async def _call(self, method: str, *args: Any, create: bool = True) -> Any:
        """Call the agent's actor; re-activate and retry if it passivated or died.

        Only `create=True` calls (identity writes) may bring a brand-new agent into being;
        others on an unknown agent fail fast with AgentNotFound, creating no actor.
        """
        budget_s = self.deployment.settings["call_timeout_s"]
        deadline = time.monotonic() + budget_s
        backoff = 0.0  # the first retry goes at once: usually the actor merely passivated
        while True:
            handle, activating = await self._handle(create)
            if activating:  # a worker process must start first; on a busy node it queues behind others
                budget_s = max(budget_s, self.deployment.settings["activation_timeout_s"])
                deadline = max(deadline, time.monotonic() + budget_s)
            remaining = max(deadline - time.monotonic(), 0.001)
            try:
                return unwrap(await asyncio.wait_for(getattr(handle, method).remote(*args), remaining))
            except TimeoutError as error:
                # Safe to give up: writes carry their event_id, so retrying later is idempotent.
                raise Unavailable(f"agent {self.agent_id} did not answer within {budget_s:.0f}s") from error
            except (RayActorError, AgentPassivating) as error:
                self.deployment.forget(self.agent_id)
                create = True  # it had an actor, so it exists: no need to ask its writer
                if time.monotonic() + backoff > deadline:
                    raise Unavailable(f"agent {self.agent_id} did not come back in time: {error}") from error
                await asyncio.sleep(backoff)
                backoff = min(max(backoff * 2, RETRY_BACKOFF_S), 1.0)

    async def _handle(self, create: bool) -> tuple[ActorHandle, bool]:
        """The agent's actor handle, and whether it was just looked up or created (so its
        worker may still be starting) rather than taken from the cache of live handles."""
        handle = self.deployment.cached(self.agent_id)
        if handle is not None:
            return handle, False
        name = AGENT_NAME.format(agent_id=self.agent_id)
        handle = await asyncio.to_thread(lookup, name, self.deployment.namespace)
        if handle is None and not create:
            if not unwrap(await self.deployment.pool.for_agent(self.agent_id).exists.remote(self.agent_id)):
                raise AgentNotFound(f"agent {self.agent_id!r} does not exist")
        if handle is None:
            args = (
                self.agent_id,
                self.deployment.settings,
                self.deployment.pool.for_agent(self.agent_id),
                self.deployment.directory,
            )
            options = {"lifetime": "detached", "resources": {"agent_slot": 1}}
            handle = await asyncio.to_thread(get_or_create, AgentActor, name, self.deployment.namespace, args, options)
        self.deployment.cache(self.agent_id, handle)
        return handle, True


def _positive(value: object, field_name: str, maximum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= maximum:
        raise InvalidInput(f"{field_name} must be an integer from 1 to {maximum}", field_name)
    return value


def _kinds(kinds: object) -> list[str] | None:
    if kinds is not None and (not isinstance(kinds, list) or any(k not in MEMORY_KINDS for k in kinds)):
        raise InvalidInput(f"kinds must be a list of {', '.join(MEMORY_KINDS)}", "kinds")
    return kinds  # type: ignore[return-value]


def _consistency(level: object) -> str:
    if level not in CONSISTENCY_LEVELS:
        raise InvalidInput(f"consistency must be one of {', '.join(CONSISTENCY_LEVELS)}", "consistency")
    return level  # type: ignore[return-value]
