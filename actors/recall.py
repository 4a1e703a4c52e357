"""Recall: fuse the ranked lists of every signal (vector, keyword, entity, recency) with RRF.

Reciprocal rank fusion scores an item `sum(weight / (K + rank))` over the lists it appears
in. It needs no score calibration between signals, which is why it suits mixing cosine
similarity, BM25 and recency from different stores. Context signals — recency and the
graph's second hop (`related`) — weigh half: they say what is near, not what matches,
and must not outvote a memory that the query itself names.
"""

from __future__ import annotations

from dataclasses import dataclass

RRF_K = 60
CONTEXT_WEIGHT = 0.5
CONTEXT_SIGNALS = ("recency", "related")


def signal_weight(signal: str) -> float:
    """`tier.signal` names; context signals count half."""
    return CONTEXT_WEIGHT if signal.rsplit(".", 1)[-1] in CONTEXT_SIGNALS else 1.0


@dataclass(slots=True)
class Fused:
    seq: int
    score: float
    sources: list[str]


def reciprocal_rank_fusion(ranked: dict[str, list[int]], k: int, rrf_k: int = RRF_K) -> list[Fused]:
    """Top `k` seqs by fused score; ties go to the newer memory (higher seq)."""
    scores: dict[int, float] = {}
    sources: dict[int, list[str]] = {}
    for signal, seqs in ranked.items():
        weight = signal_weight(signal)
        for rank, seq in enumerate(dict.fromkeys(seqs), start=1):
            scores[seq] = scores.get(seq, 0.0) + weight / (rrf_k + rank)
            sources.setdefault(seq, []).append(signal)
    order = sorted(scores, key=lambda s: (-scores[s], -s))[:k]
    return [Fused(seq, round(scores[seq], 6), sources[seq]) for seq in order]
