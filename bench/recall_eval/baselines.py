"""The baselines recall is judged against, over exactly the memories novamem holds.

- BM25: Okapi BM25 (k1 = 1.2, b = 0.75) over one agent's turns, with the tokenizer
  novamem itself uses (`actors.model.tokenize`), no stemming, no stop words: "plain".
- dense: cosine similarity of the same model's vectors (the deployment's embedder,
  loaded in this process), brute force over one agent's turns.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from actors.embedding import Embedder
from actors.model import tokenize

K1, B = 1.2, 0.75


class BM25:
    def __init__(self, documents: list[str]) -> None:
        self.docs = [Counter(tokenize(d)) for d in documents]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.average = sum(self.lengths) / max(len(self.docs), 1)
        frequency = Counter(term for d in self.docs for term in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}

    def top(self, query: str, k: int) -> list[int]:
        terms = [t for t in dict.fromkeys(tokenize(query)) if t in self.idf]
        scores = np.zeros(len(self.docs))
        for i, (doc, length) in enumerate(zip(self.docs, self.lengths)):
            for term in terms:
                tf = doc.get(term, 0)
                if tf:
                    scores[i] += self.idf[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / self.average))
        order = np.argsort(-scores, kind="stable")[:k]
        return [int(i) for i in order if scores[i] > 0]


class Dense:
    def __init__(self, embedder: Embedder, documents: list[str]) -> None:
        self.embedder = embedder
        self.matrix = embedder.embed(documents)

    def top(self, query: str, k: int) -> list[int]:
        scores = self.matrix @ self.embedder.embed([query])[0]
        return [int(i) for i in np.argsort(-scores, kind="stable")[:k]]
