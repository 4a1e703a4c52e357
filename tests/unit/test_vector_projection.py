"""Vector tiers (actors.projection): vectors arrive with the events, and a tier never mixes
two models' vectors. In memory: no Ray, the hashing embedder stands in for the service."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from actors.embedders.hashing import HashingEmbedder
from actors.messages import Flush
from actors.projection import LEGACY_MODEL, TierProjection, with_vectors
from actors.shard import ShardHeads
from tests.unit.fakes import MemoryLog, MemoryVectorTier, memory
from tests.unit.test_projection import EVENTUALLY_S, eventually

EMBEDDER = HashingEmbedder(16)


async def embed(texts: list[str]) -> np.ndarray:
    return EMBEDDER.embed(texts)


def model(name: str):
    async def current() -> str:
        return name

    return current


async def test_client_vectors_are_normalised_and_the_rest_embedded() -> None:
    events = [memory("ada", "tea in the afternoon", embedding=[3.0] + [0.0] * 15), memory("ada", "a lamp")]
    filled = await with_vectors(events, embed)
    assert filled[0].embedding == pytest.approx([1.0] + [0.0] * 15)
    assert filled[1].embedding == pytest.approx(EMBEDDER.embed(["a lamp"])[0].tolist())
    assert events[1].embedding is None, "the committed events are not changed in place"


def test_a_vector_tier_needs_the_embedding_service() -> None:
    with pytest.raises(ValueError, match="needs the embedding service"):
        TierProjection(MemoryVectorTier(), MemoryLog(), ShardHeads(0, 1))


async def _run(
    log: MemoryLog, tier: MemoryVectorTier, running: str
) -> tuple[TierProjection, ShardHeads, asyncio.Task]:
    heads = ShardHeads(0, 1)
    await heads.load(log)
    projection = TierProjection(tier, log, heads, stall_s=1.0, embed=embed, model=model(running))
    return projection, heads, asyncio.create_task(projection.run())


async def _commit(log: MemoryLog, heads: ShardHeads, projection: TierProjection, contents: list[str]) -> None:
    first = heads.of("ada") + 1
    (result,) = await log.append([Flush("ada", first, [memory("ada", c) for c in contents])])
    heads.advance("ada", result.head)
    projection.submit(log.events["ada"][first - 1 :])


async def test_a_fresh_tier_records_the_running_model_and_gets_vectors() -> None:
    log, tier = MemoryLog(), MemoryVectorTier()
    projection, heads, task = await _run(log, tier, "mini/16")
    try:
        await _commit(log, heads, projection, ["tea in the afternoon"])
        assert await projection.wait_for("ada", 1, EVENTUALLY_S)
        assert log.tier_models["vectors"] == "mini/16"
        assert tier.vectors[("ada", 1)] == pytest.approx(EMBEDDER.embed(["tea in the afternoon"])[0].tolist())
        assert (await projection.checked_model()).problem == ""
    finally:
        task.cancel()


async def test_another_model_stops_the_tier_until_a_reset() -> None:
    log, tier = MemoryLog(), MemoryVectorTier()
    log.tier_models["vectors"] = "other-model/384"
    projection, heads, task = await _run(log, tier, "mini/16")
    try:
        check = await projection.checked_model()
        assert "made by other-model/384, but the deployment runs mini/16" in check.problem
        assert "novamem reindex" in check.problem
        await _commit(log, heads, projection, ["not applied with the wrong model"])
        assert not await projection.wait_for("ada", 1, 0.3)
        assert not projection.ok and "novamem reindex" in projection.last_error
        await projection.pause()
        projection.resume(reset=True)  # what a reindex does after dropping the tier
        assert await projection.wait_for("ada", 1, EVENTUALLY_S)
        await eventually(lambda: projection.ok)
        assert ("ada", 1) in tier.vectors
    finally:
        task.cancel()


async def test_a_tier_indexed_before_models_were_recorded_is_taken_as_hashing() -> None:
    log, tier = MemoryLog(), MemoryVectorTier()
    log.tier_checkpoints["vectors"] = {"ada": 3}
    projection, _, task = await _run(log, tier, LEGACY_MODEL)
    try:
        assert (await projection.checked_model()).problem == ""
        assert log.tier_models["vectors"] == LEGACY_MODEL
    finally:
        task.cancel()
