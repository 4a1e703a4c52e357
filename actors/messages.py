"""Every request and reply that crosses an actor boundary, as typed wire messages.

Calls are plain method calls on typed handles (`writer.commit.remote(flush)`); the
arguments and replies below travel as msgpack (see `actors.codec`). One error
convention holds everywhere: a method's reply is its value or a `Failure`, which
`unwrap` turns back into the typed `NovamemError` on the caller's side, so expected
outcomes (an unknown agent, a bad field, a stopped log) never become Ray exceptions.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Concatenate, Literal, ParamSpec, TypeVar

from actors.codec import message, wire
from actors.errors import NovamemError, from_wire
from actors.model import Event, Identity, Memory

if TYPE_CHECKING:  # pydantic stays out of agent actors; the codec finds Settings by name
    from actors.settings import Settings

T = TypeVar("T")
S = TypeVar("S")
P = ParamSpec("P")

Consistency = Literal["strong", "eventual"]


# -- the error envelope -------------------------------------------------------------------


@wire
@dataclass(slots=True, frozen=True)
class Failure:
    """A typed error as a reply value."""

    code: str
    message: str
    field: str | None = None

    @classmethod
    def of(cls, error: NovamemError) -> Failure:
        return cls(error.code, error.message, error.field)

    def error(self) -> NovamemError:
        return from_wire({"code": self.code, "message": self.message, "field": self.field})


def unwrap(reply: T | Failure) -> T:
    """The value of a reply, or raise the typed error it carries."""
    if isinstance(reply, Failure):
        raise reply.error()
    return reply


def answers(method: Callable[Concatenate[S, P], Awaitable[T]]) -> Callable[Concatenate[S, P], Awaitable[T | Failure]]:
    """Decorate an actor method so that a `NovamemError` it raises becomes its `Failure` reply."""

    @functools.wraps(method)
    async def replying(self: S, *args: P.args, **kwargs: P.kwargs) -> T | Failure:
        try:
            return await method(self, *args, **kwargs)
        except NovamemError as error:
            return Failure.of(error)

    return replying


@wire
@dataclass(slots=True, frozen=True)
class AgentRef:
    """Names one agent (a request that needs nothing else)."""

    agent_id: str


# -- client -> agent actor ----------------------------------------------------------------


@message
class IdentityUpdate:
    """A validated identity document to store as the next version (if anything changed)."""

    name: str
    persona: str | None
    traits: list[str]
    metadata: dict[str, Any]
    event_id: str


@message
class IdentityResult:
    identity: Identity
    changed: bool
    created: bool


@message
class NewMemory:
    """A validated memory, its event id fixed before the first attempt."""

    content: str
    kind: str
    metadata: dict[str, Any]
    entities: list[str]
    embedding: list[float] | None
    session_id: str | None
    event_id: str

    def event(self, agent_id: str) -> Event:
        """The event that records this memory (its seq is assigned on commit)."""
        return Event(
            agent_id, 0, self.event_id, self.kind, self.content, self.metadata, self.entities, self.embedding, self.session_id
        )


@message
class RememberRequest:
    items: list[NewMemory]


@message
class WriteAck:
    """`created` is False when the event id was already in the log (a retry)."""

    seq: int
    event_id: str
    created: bool


@message
class RememberReply:
    acks: list[WriteAck]


@message
class AgentInfo:
    agent_id: str
    identity: Identity
    last_seq: int
    working_memory_size: int
    activated_at: float


@message
class WorkingMemoryRequest:
    limit: int


@message
class WorkingMemory:
    identity: Identity
    last_seq: int
    items: list[Memory]


@message
class AgentConfig:
    """The settings an agent actor needs (and nothing more: no store addresses or secrets)."""

    working_memory_size: int
    dedup_window: int
    idle_timeout_s: float
    max_flush_events: int
    writer_deadline_s: float
    """How long the agent rides out an unreachable writer before answering Unavailable."""
    niceness: int
    """CPU priority below the writers' and the stores' (see `Settings.agent_niceness`)."""


# -- agent actor -> writer: the commit path and activation ----------------------------------


@message
class Flush:
    """One agent's events to commit as a unit; seqs are assigned densely from `first_seq`.

    Events whose `event_id` the log already holds are duplicates: they keep their stored
    seq and take no new one, so a retried flush never leaves a gap or a second copy.
    """

    agent_id: str
    first_seq: int
    events: list[Event]


@message
class FlushResult:
    """`ok=False` means the agent's view of its head was stale (`head` is the truth)."""

    agent_id: str
    ok: bool
    head: int
    seqs: list[int] = field(default_factory=list)
    created: list[bool] = field(default_factory=list)


@message
class SnapshotRequest:
    agent_id: str
    recent_limit: int
    dedup_window: int


@message
class AgentSnapshot:
    """What an agent actor needs to (re)activate: identity, head, recent events and ids."""

    agent_id: str
    head: int
    identity: Identity | None
    recent: list[Event]
    """The latest memory events, oldest first."""
    recent_ids: dict[str, int]
    """event_id -> seq for the newest events, to answer retries without a write."""

    @property
    def exists(self) -> bool:
        return self.head > 0


# -- client -> writer: reads that skip the agent actor ---------------------------------------


@message
class HistoryRequest:
    agent_id: str
    limit: int
    before_seq: int | None = None


@message
class MemoryPage:
    items: list[Memory]


@message
class IdentityVersions:
    versions: list[Identity]


@message
class RecallRequest:
    agent_id: str
    query: str
    k: int
    kinds: list[str] | None = None
    session_id: str | None = None
    embedding: list[float] | None = None
    consistency: Consistency = "strong"


@message
class RecallHit:
    memory: Memory
    score: float
    sources: list[str]


@message
class RecallReply:
    hits: list[RecallHit]
    degraded: list[str]
    """Tiers that could not answer or were behind; the ranking may be partial."""


@message
class FindRequest:
    agent_id: str
    metadata: dict[str, Any]
    kinds: list[str] | None = None
    limit: int = 20
    consistency: Consistency = "strong"


@message
class GraphRequest:
    agent_id: str
    hops: int = 2
    entity: str | None = None
    limit: int = 200
    consistency: Consistency = "strong"


@message
class Graph:
    """Nodes and edges in the shapes of `actors.model` (`agent_node`, `graph_edge`, …)."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, str]]


# -- operations: stats, health, rebuild and verification ------------------------------------


@message
class LogHealth:
    name: str
    ok: bool
    error: str = ""


@message
class TierState:
    """One tier in one writer's shard; `lag` is the shard's log head minus its checkpoints."""

    ok: bool
    lag: int
    error: str
    queue_depth: int
    applied_events: int


@message
class WriterStats:
    index: int
    queue_depth: int
    batches: int
    committed_events: int
    hot_activations: int
    agents: int
    events: int
    log: LogHealth
    tiers: dict[str, TierState]
    restarted: bool


@message
class TierRef:
    tier: str


@message
class ResumeTier:
    tier: str
    reset: bool


@message
class TierModel:
    """`name/dim` of the model a vector tier's vectors came from, and of the running one."""

    expected: str
    recorded: str

    @property
    def problem(self) -> str:
        """Empty when they agree; else what is wrong and how to fix it."""
        if self.recorded == self.expected:
            return ""
        return (
            f"the vectors in this tier were made by {self.recorded}, but the deployment runs {self.expected}: "
            "run `novamem reindex` to re-embed every memory from the log (or go back to the old embedder)"
        )


@message
class ModelChecks:
    tiers: dict[str, TierModel]

    def problems(self) -> dict[str, str]:
        return {tier: m.problem for tier, m in self.tiers.items() if m.problem}


@message
class CountMismatch:
    agent_id: str
    log: int
    tier: int


@message
class TierCounts:
    """Per-agent memory counts of a tier checked against the log."""

    tier: str
    agents: int
    expected: int
    held: int
    mismatches: list[CountMismatch]


@message
class RebuildStarted:
    tier: str
    writers: int


@message
class ActiveAgents:
    agent_ids: list[str]


@message
class EmbedRequest:
    texts: list[str]


@message
class Vectors:
    """Rows of float32 (`actors.vectors.to_bytes`), one per text, in order."""

    dim: int
    data: bytes


@message
class EmbedderInfo:
    """The model an embedding replica runs, and what it has done so far."""

    name: str
    dim: int
    texts: int = 0
    batches: int = 0


@message
class DeploymentInfo:
    """What a process joining a deployment learns from its Directory."""

    settings: Settings
    writer_names: list[str]
    embedder: EmbedderInfo


@message
class LogTotals:
    name: str
    ok: bool
    errors: list[str]


@message
class TierTotals:
    ok: bool
    lag: int
    errors: list[str]


@message
class DeploymentStats:
    profile: str
    namespace: str
    active_agents: int
    activations: int
    passivations: int
    agents: int
    log_head: int
    """Events in the log, over every agent."""
    log: LogTotals
    writer_queue_depth: int
    writers: list[WriterStats]
    tiers: dict[str, TierTotals]
    embedder: EmbedderInfo
