"""Concurrent writers with fixed event ids: the load that fault tests break things under."""

from __future__ import annotations

import asyncio
from typing import Any

from actors.client import AgentClient


def start_writers(agent: AgentClient, writers: int, each: int) -> list[asyncio.Future[list[dict[str, Any]]]]:
    """`writers` concurrent loops of `each` sequential remember() calls, event ids `w{n}-{i}`."""

    async def write(n: int) -> list[dict[str, Any]]:
        return [await agent.remember(f"w{n}-{i}", event_id=f"w{n}-{i}") for i in range(each)]

    return [asyncio.ensure_future(write(n)) for n in range(writers)]


async def acked(writers: list[asyncio.Future[list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Every acknowledgement the writers received, once they are done."""
    return [ack for batch in await asyncio.gather(*writers) for ack in batch]
