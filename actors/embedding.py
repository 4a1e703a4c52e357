"""Embedders turn text into vectors for similarity recall.

The default, `HashingEmbedder`, is a signed hashed bag of words and word bigrams:
deterministic, dependency-free and needs no model download, so recall works on a bare
machine. Any class with `dim` and `embed(texts)` can replace it (`embedder` setting
`package.module:Class`), and clients may send their own vectors instead.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from actors.model import tokenize


class Embedder(Protocol):
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape (len(texts), dim), rows L2-normalised."""
        ...


class HashingEmbedder:
    """Feature hashing of words and bigrams into `dim` signed buckets."""

    def __init__(self, dim: int = 256) -> None:
        if dim < 2:
            raise ValueError("embedding dim must be at least 2")
        self.dim = dim

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


def normalise(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise rows; all-zero rows stay zero (they match nothing)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def load_embedder(spec: str, dim: int) -> Embedder:
    """`hashing` or an import path `package.module:Class` whose constructor takes `dim=`."""
    if spec == "hashing":
        return HashingEmbedder(dim)
    module_name, _, class_name = spec.partition(":")
    if not class_name:
        raise ValueError(f"embedder must be 'hashing' or 'package.module:Class', got {spec!r}")
    embedder = getattr(importlib.import_module(module_name), class_name)(dim=dim)
    if embedder.dim != dim:
        raise ValueError(f"embedder {spec} has dim {embedder.dim}, settings say {dim}")
    return embedder


def event_vectors(embedder: Embedder, texts: Sequence[str], given: Sequence[list[float] | None]) -> np.ndarray:
    """One normalised vector per memory: the client's own where it sent one, else embedded."""
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    missing = [i for i, vector in enumerate(given) if not vector]
    if missing:
        out[missing] = embedder.embed([texts[i] for i in missing])
    provided = [i for i, vector in enumerate(given) if vector]
    if provided:
        out[provided] = normalise(np.asarray([given[i] for i in provided], dtype=np.float32))
    return out
