"""Evidence recall@k and MRR, per question category and overall."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

CUTOFFS = (5, 10)


@dataclass
class Scores:
    """Sums over questions; `table` turns them into means."""

    questions: int = 0
    recall: dict[int, float] = field(default_factory=lambda: {k: 0.0 for k in CUTOFFS})
    reciprocal_rank: float = 0.0

    def add(self, ranked: list[str], evidence: frozenset[str]) -> None:
        self.questions += 1
        for k in CUTOFFS:
            self.recall[k] += len(evidence & set(ranked[:k])) / len(evidence)
        first = next((rank for rank, turn in enumerate(ranked[: max(CUTOFFS)], 1) if turn in evidence), None)
        self.reciprocal_rank += 1 / first if first else 0.0

    def means(self) -> dict[str, float]:
        n = max(self.questions, 1)
        return {**{f"recall@{k}": self.recall[k] / n for k in CUTOFFS}, "mrr": self.reciprocal_rank / n}


class Scoreboard:
    """One `Scores` per (system, category), plus each system's overall."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, str], Scores] = defaultdict(Scores)

    def add(self, system: str, category: str, ranked: list[str], evidence: frozenset[str]) -> None:
        self.cells[(system, category)].add(ranked, evidence)
        self.cells[(system, "all")].add(ranked, evidence)

    def means(self) -> dict[str, dict[str, dict[str, float]]]:
        """system -> category -> metric -> mean."""
        out: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
        for (system, category), scores in self.cells.items():
            out[system][category] = {**scores.means(), "questions": scores.questions}
        return dict(out)
