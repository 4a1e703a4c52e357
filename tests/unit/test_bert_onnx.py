"""The default embedder's ONNX graph (actors.embedders.bert_onnx) computes what
sentence-transformers computes for all-MiniLM-L6-v2.

The reference numbers were produced by sentence-transformers 6.2 on PyTorch 2.15
(`SentenceTransformer(<the wheel's model dir>).encode(texts, normalize_embeddings=True)`);
the full vectors then agreed to 1.6e-7 on 16 texts. PyTorch is not a dependency, so the
reference is kept as numbers.
"""

from __future__ import annotations

import numpy as np
import pytest

from actors.embedding import MINILM, Embedder, load_embedder
from actors.settings import Settings

TEXTS = [
    "Charles likes tea in the afternoon",
    "What are Charles's beverage preferences?",
    "The lamp room is on the third floor",
]
REFERENCE_FIRST_DIMS = [
    [-0.01994, 0.04737, 0.09149, 0.0128, -0.01549, 0.0278],
    [0.01516, 0.01174, 0.00505, 0.05522, -0.04546, 0.08378],
    [0.01077, -0.09492, -0.10718, -0.03074, -0.01939, 0.01019],
]
REFERENCE_COSINES = {(0, 1): 0.6536, (0, 2): 0.1252}


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder(Settings())


@pytest.fixture(scope="module")
def vectors(embedder: Embedder) -> np.ndarray:
    assert (embedder.name, embedder.dim) == (MINILM, 384)
    return embedder.embed(TEXTS)


def test_vectors_match_sentence_transformers(vectors: np.ndarray) -> None:
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(vectors[:, :6], REFERENCE_FIRST_DIMS, atol=1e-4)
    for (a, b), cosine in REFERENCE_COSINES.items():
        assert float(vectors[a] @ vectors[b]) == pytest.approx(cosine, abs=1e-3)


def test_a_batch_gives_each_text_its_own_vector(embedder: Embedder, vectors: np.ndarray) -> None:
    """Padding and the length sort inside a batch change nothing."""
    mixed = embedder.embed([TEXTS[2], "x", TEXTS[0] + " " + TEXTS[0], TEXTS[1]])
    assert np.allclose(mixed[0], vectors[2], atol=1e-5) and np.allclose(mixed[3], vectors[1], atol=1e-5)
    assert np.allclose(np.linalg.norm(mixed, axis=1), 1.0, atol=1e-5)
