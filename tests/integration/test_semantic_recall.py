"""Recall with the real model (all-MiniLM-L6-v2 on ONNX Runtime, from the wheel, no hub):
paraphrases are found, and a deployment never mixes two models' vectors."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable

import pytest
from rich.console import Console

from actors.errors import EmbeddingModelMismatch
from cluster.config import load_settings
from cluster.runtime import Runtime
from cluster.tier_rebuild import rebuild_tier

TEA = "Charles likes tea in the afternoon"
DISTRACTORS = [
    "The lamp room on the third floor needs new bulbs",
    "Ada moved her bicycle into the shed before the storm",
    "The quarterly report is due on Friday",
    "We walked along the harbour and watched the ferries",
    "The violin lesson was moved to Thursday",
    "Bruno fixed the leaking kitchen tap",
    "The library closes early on Sundays",
    "Our flight to Lisbon was delayed by two hours",
]


@pytest.fixture(autouse=True)
def offline() -> None:
    """No hub: the model must come from the installed wheel."""
    os.environ["HF_HUB_OFFLINE"] = "1"


async def _seed(runtime: Runtime, agent_id: str) -> None:
    agent = runtime.agent(agent_id)
    await agent.set_identity("Paraphrase")
    await agent.remember_many([{"content": text} for text in [TEA, *DISTRACTORS]])


async def test_a_paraphrase_finds_the_memory(make_runtime: Callable[..., Runtime], agent_id: str) -> None:
    runtime = make_runtime(embedder="minilm")
    assert runtime.deployment.embedding_dim == 384
    await _seed(runtime, agent_id)
    hits = await runtime.agent(agent_id).recall("What are Charles's beverage preferences?", k=3)
    assert hits["items"][0]["content"] == TEA
    assert "index.vector" in hits["items"][0]["sources"]
    stats = await runtime.stats()
    assert stats["embedder"]["name"] == "all-MiniLM-L6-v2" and stats["embedder"]["texts"] >= len(DISTRACTORS) + 1


async def test_another_model_is_refused_until_reindexed(ray_session: dict, tmp_path, agent_id: str) -> None:
    namespace = f"t-model-{uuid.uuid4().hex[:6]}"
    first = Runtime.connect(settings=load_settings(None, namespace=namespace, data_dir=str(tmp_path), embedder="hashing"))
    await _seed(first, agent_id)
    assert (await first.agent(agent_id).recall("tea", k=1))["items"]
    first.teardown()
    changed = load_settings(None, namespace=namespace, data_dir=str(tmp_path), embedder="minilm")
    with pytest.raises(EmbeddingModelMismatch) as refused:
        Runtime.connect(settings=changed)
    message = refused.value.message
    assert "hashing-256/256" in message and "all-MiniLM-L6-v2/384" in message and "novamem reindex" in message
    runtime = Runtime.connect(settings=changed, check_models=False)  # what `novamem reindex` does
    try:
        assert runtime.vector_tiers() == ["index"]
        report = await rebuild_tier(runtime, "index", 300, Console(quiet=True))
        assert report["mismatches"] == [] and report["held"] == len(DISTRACTORS) + 1
        runtime.check_models()
        hits = await runtime.agent(agent_id).recall("What are Charles's beverage preferences?", k=3)
        assert hits["items"][0]["content"] == TEA
    finally:
        runtime.teardown()
