"""Vector arithmetic every embedder, tier and reader shares (numpy only, no model)."""

from __future__ import annotations

import numpy as np


def normalise(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise rows; all-zero rows stay zero (they match nothing)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def to_bytes(vectors: np.ndarray) -> bytes:
    """Rows as little-endian float32, the form vectors cross actor boundaries in."""
    return np.ascontiguousarray(vectors, dtype="<f4").tobytes()


def from_bytes(data: bytes, dim: int) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4").reshape(-1, dim)
