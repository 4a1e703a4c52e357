"""The default embedder and reciprocal rank fusion (pure logic)."""

from __future__ import annotations

import numpy as np
import pytest

from actors.embedders.hashing import HashingEmbedder
from actors.embedding import load_embedder
from actors.model import tokenize
from actors.recall import reciprocal_rank_fusion
from actors.settings import Settings


def test_hashing_embedder_is_deterministic_and_normalised() -> None:
    first = HashingEmbedder(64).embed(["the analytical engine", ""])
    second = HashingEmbedder(64).embed(["the analytical engine", ""])
    assert np.array_equal(first, second)
    assert first.shape == (2, 64) and first.dtype == np.float32
    assert abs(float(np.linalg.norm(first[0])) - 1.0) < 1e-5
    assert not first[1].any()


def test_similar_texts_score_higher() -> None:
    vectors = HashingEmbedder(512).embed(["ada wrote about the engine", "the engine ada wrote about", "cats sleep"])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_tokenize_is_unicode_aware() -> None:
    assert tokenize("Zürich, 東京 & CAFÉ!") == ["zürich", "東京", "café"]


class FixedEmbedder:
    """A model with a dimension of its own."""

    name, dim = "fixed", 32

    def __init__(self, **_: object) -> None:
        pass


def test_load_embedder_by_import_path() -> None:
    assert load_embedder(Settings(embedder="actors.embedders.hashing:HashingEmbedder", embedding_dim=32)).dim == 32
    with pytest.raises(ValueError, match="expected minilm, hashing"):
        load_embedder(Settings(embedder="no-colon"))
    with pytest.raises(ValueError, match="makes 32-dimensional vectors, embedding_dim says 16"):
        load_embedder(Settings(embedder=f"{__name__}:FixedEmbedder", embedding_dim=16))


def test_rrf_rewards_agreement_and_breaks_ties_by_recency() -> None:
    fused = reciprocal_rank_fusion({"vector": [3, 1, 2], "keyword": [1, 3], "recency": [5, 4]}, k=3)
    assert [f.seq for f in fused][:2] == [3, 1]
    assert fused[0].sources == ["vector", "keyword"]
    tie = reciprocal_rank_fusion({"a": [1], "b": [2]}, k=2)
    assert [f.seq for f in tie] == [2, 1]


def test_rrf_ignores_duplicates_within_a_list() -> None:
    fused = reciprocal_rank_fusion({"vector": [1, 1, 2]}, k=5)
    assert [f.seq for f in fused] == [1, 2]


def test_context_signals_cannot_outvote_a_direct_match() -> None:
    ranked = {
        "index.vector": [1, 3],
        "index.keyword": [1, 3],
        "neo4j.entity": [1],
        "neo4j.related": [3],
        "log.recency": [3, 2, 1],
    }
    assert [f.seq for f in reciprocal_rank_fusion(ranked, k=2)] == [1, 3]
