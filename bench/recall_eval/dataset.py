"""The evaluation data set: conversations (one agent's memories each) and questions whose
evidence turns are known (`bench/recall_data/README.md` describes the format)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "recall_data" / "conversations.json"


@dataclass(frozen=True, slots=True)
class Turn:
    id: str
    conversation: str
    session_id: str
    date: str
    text: str
    """What is stored as the memory: `Speaker: words`."""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    conversation: str
    category: str
    text: str
    evidence: frozenset[str]


@dataclass(frozen=True, slots=True)
class Dataset:
    turns: dict[str, list[Turn]]
    """conversation id -> its turns, in order."""
    questions: list[Question]

    def sample(self, conversations: int, per_category: int) -> Dataset:
        """The first `conversations`, with the first `per_category` questions of each
        category in each (for `--quick`)."""
        kept = sorted(self.turns)[:conversations]
        chosen: list[Question] = []
        for conversation in kept:
            taken: dict[str, int] = {}
            for question in self.questions:
                if question.conversation == conversation and taken.get(question.category, 0) < per_category:
                    taken[question.category] = taken.get(question.category, 0) + 1
                    chosen.append(question)
        return Dataset({c: self.turns[c] for c in kept}, chosen)


def load(path: Path = DATA) -> Dataset:
    raw = json.loads(path.read_text())
    turns = {
        c["id"]: [
            Turn(t["id"], c["id"], s["session_id"], s["date"], f"{t['speaker']}: {t['text']}")
            for s in c["sessions"]
            for t in s["turns"]
        ]
        for c in raw["conversations"]
    }
    questions = [
        Question(q["id"], q["conversation"], q["category"], q["question"], frozenset(q["evidence"]))
        for q in raw["questions"]
    ]
    return Dataset(turns, questions)
