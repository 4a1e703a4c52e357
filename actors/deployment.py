"""What a process needs to reach one novamem deployment: settings, writers, directory, agents.

Built once per process by `cluster.Runtime.connect` (a Serve replica, a Ray job, a
script) and shared by every `AgentClient` it hands out. Agent handles are cached, so a
request costs one Ray hop; a handle to an actor that died is forgotten and looked up
again.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from actors.messages import AgentConfig
from actors.shard import shard_of

if TYPE_CHECKING:  # the writer brings numpy and the drivers: clients only hold handles to it
    from ray.actor import ActorProxy

    from actors.agent import Agent
    from actors.directory import Directory
    from actors.settings import Settings
    from actors.writer import BackendWriter

HANDLE_CACHE_SIZE = 100_000


@dataclass
class Deployment:
    settings: Settings
    writers: list[ActorProxy[BackendWriter]]
    directory: ActorProxy[Directory]
    embedding_dim: int
    """The model's: client-sent vectors must have this many dimensions."""
    handles: OrderedDict[str, ActorProxy[Agent]] = field(default_factory=OrderedDict)

    @property
    def namespace(self) -> str:
        return self.settings.namespace

    def writer_for(self, agent_id: str) -> ActorProxy[BackendWriter]:
        """The writer that owns `agent_id`'s shard."""
        return self.writers[shard_of(agent_id, len(self.writers))]

    def agent_config(self) -> AgentConfig:
        """What an agent actor is started with: only the settings it uses."""
        s = self.settings
        return AgentConfig(
            working_memory_size=s.working_memory_size,
            dedup_window=s.dedup_window,
            idle_timeout_s=s.idle_timeout_s,
            max_flush_events=s.batch_max_events,
            writer_deadline_s=s.log_retry_deadline_s + s.call_timeout_s,
            niceness=s.agent_niceness,
        )

    def cached(self, agent_id: str) -> ActorProxy[Agent] | None:
        handle = self.handles.get(agent_id)
        if handle is not None:
            self.handles.move_to_end(agent_id)
        return handle

    def cache(self, agent_id: str, handle: ActorProxy[Agent]) -> None:
        self.handles[agent_id] = handle
        while len(self.handles) > HANDLE_CACHE_SIZE:
            self.handles.popitem(last=False)

    def forget(self, agent_id: str) -> None:
        self.handles.pop(agent_id, None)
