"""An OpenAI-compatible `/v1/embeddings` endpoint: vLLM, TEI, Ollama or a hosted API.

The API key, if the endpoint needs one, is read from the environment variable the
`embedder_api_key_env` setting names, in the embedding service's own process, so the key
never travels with the settings.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import httpx
import numpy as np

from actors.vectors import normalise

REQUEST_TEXTS = 256
"""Texts per HTTP request (hosted APIs cap the batch size)."""


class OpenAIEmbedder:
    def __init__(self, base_url: str, model: str, api_key_env: str, timeout_s: float, dim: int | None = None) -> None:
        if not base_url:
            raise ValueError("embedder 'openai:<model>' needs the embedder_url setting (e.g. http://127.0.0.1:8080/v1)")
        key = os.environ.get(api_key_env, "")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.client = httpx.Client(base_url=base_url.rstrip("/"), headers=headers, timeout=timeout_s)
        self.model = model
        self.name = f"openai:{model}"
        self.dimensions = dim
        self.dim = dim or self.embed(["dimension probe"]).shape[1]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows: list[list[float]] = []
        for start in range(0, len(texts), REQUEST_TEXTS):
            body: dict = {"model": self.model, "input": list(texts[start : start + REQUEST_TEXTS])}
            if self.dimensions:
                body["dimensions"] = self.dimensions
            response = self.client.post("/embeddings", json=body)
            response.raise_for_status()
            data = sorted(response.json()["data"], key=lambda item: item["index"])
            rows += [item["embedding"] for item in data]
        return normalise(np.asarray(rows, dtype=np.float32).reshape(len(texts), -1))
