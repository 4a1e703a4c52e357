"""The hashed bag of words: an explicit choice for tests and machines without a model.

Deterministic and dependency-free, but it knows nothing of meaning: "beverage" never
finds "tea". Only choose it (`embedder = "hashing"`) where that is acceptable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from actors.model import tokenize
from actors.vectors import normalise


class HashingEmbedder:
    """Feature hashing of words and bigrams into `dim` signed buckets."""

    def __init__(self, dim: int = 256) -> None:
        if dim < 2:
            raise ValueError("embedding dim must be at least 2")
        self.dim = dim
        self.name = f"hashing-{dim}"

    def _features(self, text: str) -> list[str]:
        words = tokenize(text)
        return words + [f"{a} {b}" for a, b in zip(words, words[1:])]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in self._features(text):
                digest = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little")
                sign = 1.0 if digest & 1 else -1.0
                out[row, (digest >> 1) % self.dim] += sign
        return normalise(out)
