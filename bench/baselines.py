"""Bare actors: the baselines that novamem's actors are measured against.

Imports nothing but Ray, on purpose: worker processes import this module to run these
actors, so whatever it imports would count as the baseline's start-up time and memory.
"""

from __future__ import annotations

import os

import ray


@ray.remote(num_cpus=0)
class BareActor:
    """An async actor that does nothing: the floor for a call, a start-up and an idle process."""

    def __init__(self, payload: bytes = b"", *carried: object) -> None:
        self.payload = payload
        self.carried = carried  # detail runs pass an agent's constructor args, to price them

    async def reply(self, *_: object) -> bytes:
        """Return the fixed payload (same size as the system's reply)."""
        return self.payload

    async def ping(self) -> bool:
        return True

    async def pid(self) -> int:
        return os.getpid()


@ray.remote(num_cpus=0, max_concurrency=10_000)
class NoopWriter:
    """Stands in for a BackendWriter: answers each commit at once, no batching, no I/O."""

    def __init__(self, reply: bytes) -> None:
        self._reply = reply
        self.calls = 0

    async def commit(self, payload: bytes) -> bytes:
        self.calls += 1
        return self._reply

    async def count(self) -> int:
        return self.calls


@ray.remote(num_cpus=0)
class NoopAgent:
    """Stands in for an AgentActor: forwards each call to its writer, then replies."""

    def __init__(self, writer: ray.actor.ActorHandle, commit_payload: bytes, reply: bytes) -> None:
        self.writer = writer
        self.commit_payload = commit_payload
        self._reply = reply

    async def remember(self, payload: bytes) -> bytes:
        await self.writer.commit.remote(self.commit_payload)
        return self._reply

    async def ping(self) -> bool:
        return True
