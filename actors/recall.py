"""Recall: fuse the ranked lists of every signal (vector, keyword, entity, recency) with RRF.

Reciprocal rank fusion scores an item `sum(weight / (K + rank))` over the lists it appears
in. It needs no score calibration between signals, which is why it suits mixing cosine
similarity, BM25 and recency from different stores. Each signal's weight is a setting
(`recall_weights`, by the signal's name after the tier: `index.vector` -> `vector`).
Context signals (recency, the graph's second hop `related`) say what is near, not what
matches, and must not outvote a memory that the query itself names.
"""

from __future__ import annotations

from dataclasses import dataclass

RRF_K = 60
SIGNALS = ("vector", "keyword", "entity", "related", "recency")
DEFAULT_WEIGHTS = {"vector": 1.0, "keyword": 1.0, "entity": 1.0, "related": 0.5, "recency": 0.1}
"""Measured with `make eval` (bench/results/eval.md): recency at 0.5 pushed recent turns
above the ones a question asks about (MRR 0.275); at 0.1, MRR 0.385 and recall@10 0.530."""


def signal_weight(signal: str, weights: dict[str, float]) -> float:
    """`tier.signal` names; a signal without a weight counts 1."""
    return weights.get(signal.rsplit(".", 1)[-1], 1.0)


@dataclass(slots=True)
class Fused:
    seq: int
    score: float
    sources: list[str]


def reciprocal_rank_fusion(
    ranked: dict[str, list[int]], k: int, weights: dict[str, float] = DEFAULT_WEIGHTS, rrf_k: int = RRF_K
) -> list[Fused]:
    """Top `k` seqs by fused score; ties go to the newer memory (higher seq)."""
    scores: dict[int, float] = {}
    sources: dict[int, list[str]] = {}
    for signal, seqs in ranked.items():
        weight = signal_weight(signal, weights)
        if weight <= 0:
            continue
        for rank, seq in enumerate(dict.fromkeys(seqs), start=1):
            scores[seq] = scores.get(seq, 0.0) + weight / (rrf_k + rank)
            sources.setdefault(seq, []).append(signal)
    order = sorted(scores, key=lambda s: (-scores[s], -s))[:k]
    return [Fused(seq, round(scores[seq], 6), sources[seq]) for seq in order]
