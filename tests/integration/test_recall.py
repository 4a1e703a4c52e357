"""Recall on the embedded profile: client vectors, filters, fusion of every signal."""

from __future__ import annotations

import math

from cluster.runtime import Runtime


def _unit(index: int, dim: int) -> list[float]:
    """A vector pointing mostly along axis `index`."""
    vector = [0.01] * dim
    vector[index] = 1.0
    norm = math.sqrt(sum(x * x for x in vector))
    return [x / norm for x in vector]


async def test_client_vectors_are_used_for_similarity(runtime: Runtime, agent_id: str) -> None:
    dim = runtime.deployment.embedding_dim
    agent = runtime.agent(agent_id)
    await agent.set_identity("Vectors")
    for axis in range(5):
        await agent.remember(f"opaque memory {axis}", embedding=_unit(axis, dim))
    hits = await agent.recall("", k=1, embedding=_unit(3, dim))
    assert hits["items"][0]["content"] == "opaque memory 3"
    assert "index.vector" in hits["items"][0]["sources"]


async def test_filters_and_signals(runtime: Runtime, agent_id: str) -> None:
    agent = runtime.agent(agent_id)
    await agent.set_identity("Filters")
    await agent.remember_many(
        [
            {"content": "the lighthouse keeper logs the storm", "kind": "observation", "session_id": "s1"},
            {"content": "storms come from the west", "kind": "fact", "session_id": "s2"},
            {"content": "I should repaint the lamp room", "kind": "reflection", "entities": ["Lamp Room"]},
            {"content": "unrelated note about bread", "kind": "fact"},
        ]
    )
    facts = await agent.recall("storm", k=10, kinds=["fact"])
    assert {h["kind"] for h in facts["items"]} == {"fact"}
    session = await agent.recall("storm", k=10, session_id="s1")
    assert [h["session_id"] for h in session["items"]] == ["s1"]
    by_entity = await agent.recall("what about the lamp room?", k=1, consistency="eventual")
    assert by_entity["items"][0]["content"] == "I should repaint the lamp room"
    assert "index.entity" in by_entity["items"][0]["sources"]
    found = await agent.find({}, kinds=["reflection"])
    assert [m["content"] for m in found] == ["I should repaint the lamp room"]
    graph = await agent.neighbourhood(hops=2, entity="Lamp Room")
    assert {n["kind"] for n in graph["nodes"]} == {"entity", "memory", "agent"}
