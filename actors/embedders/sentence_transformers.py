"""Any sentence-transformers model, by hub name or local path (needs `pip install
sentence-transformers`, which brings PyTorch; a GPU is used when the actor has one)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from actors.vectors import normalise


class SentenceTransformerEmbedder:
    def __init__(self, model: str, device: str | None = None) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise ValueError("embedder 'sentence-transformers:...' needs `pip install sentence-transformers`") from error
        self.model = SentenceTransformer(model, device=device)
        self.name = model
        self.dim = int(self.model.get_sentence_embedding_dimension())

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(list(texts), batch_size=64, convert_to_numpy=True, show_progress_bar=False)
        return normalise(np.asarray(vectors, dtype=np.float32))
