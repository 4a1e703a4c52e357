"""Build conversations.json, novamem's recall-quality evaluation set.

The set is ten long two-person conversations, each the memory of a separate agent, and
questions whose evidence turns a recall system has to find among that agent's memories.

Why it is built this way:

* The conversations are hand-written, not generated text, and they live as plain text in
  `source/` (this file holds only logic). Each conversation file has its sessions, each a
  list of short blocks that plant facts (preferences, people, pets, plans, purchases, health,
  work), later changes to some of them (a move, a new job, a new diet), and near-miss
  distractors: turns that share words with a question without answering it.
* Before and between those blocks the build inserts small talk drawn from the hand-written
  pools in `source/small_talk/` with a seeded RNG, so the planted turns sit among realistic
  noise and the output is the same on every run. Filler never states a personal fact, so it
  cannot contradict an answer.
* Questions name their evidence by turn label, not by turn id, so the ids can be assigned
  after the filler is placed.
* `check()` runs on every build and raises if the set breaks its own rules; the build then
  prints the per-category counts and how many of a paraphrase question's content words
  appear in its evidence (low by design: that category is meant to defeat keyword search).

Run: python build.py  (reads source/, writes conversations.json next to this file)
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
OUTPUT = HERE / "conversations.json"
CONVERSATION_FILES = HERE / "source" / "conversations"  # c01.txt ... c10.txt, built in name order
SMALL_TALK = HERE / "source" / "small_talk"
SEED = 7

# The small-talk decks: each draws from <deck>.txt, plus <deck>_apart.txt when the speakers live apart.
DECKS = ("openers", "talk", "closers")

SINGLE, MULTI, TEMPORAL, PARAPHRASE = "single-hop", "multi-hop", "temporal", "paraphrase"
CATEGORIES = (SINGLE, MULTI, TEMPORAL, PARAPHRASE)

# The rules check() enforces.
N_CONVERSATIONS = 10
SESSIONS_PER_CONVERSATION = (8, 12)
TURNS_PER_SESSION = (20, 40)
TOTAL_TURNS = (2500, 3500)
MIN_QUESTIONS = 350
MIN_QUESTIONS_PER_CONVERSATION = 35
MIN_PER_CATEGORY = 80
MAX_SAME_TEXT_PER_CONVERSATION = 2
MAX_MEAN_PARAPHRASE_OVERLAP = 0.15
MAX_PARAPHRASE_OVERLAP = 0.34

# A session is padded with small talk up to a length drawn from this range (if its
# hand-written part is shorter); an opener and a closer are always added on top.
FILLED_SESSION_LENGTH = (18, 30)

# Function words of four letters or more: they do not count as content words.
STOPWORDS = frozenset(
    {
        "about", "above", "after", "again", "against", "also", "among", "been", "before", "being", "below", "between",
        "both", "could", "does", "doing", "done", "down", "during", "each", "either", "every", "from", "have", "having",
        "here", "into", "just", "more", "most", "much", "must", "only", "other", "over", "same", "should", "since",
        "some", "such", "than", "that", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
        "through", "under", "until", "upon", "very", "were", "what", "whatever", "when", "where", "whether", "which",
        "while", "whom", "whose", "will", "with", "within", "without", "would", "your", "yours",
    }
)

LINE = re.compile(r"(?P<who>[AB])(?:#(?P<label>[\w.-]+))?:\s+(?P<text>\S.*)")
WORD = re.compile(r"[^\W\d_]+")  # runs of letters, accented ones included


@dataclass(frozen=True)
class Line:
    who: str  # "A" or "B": the first or second speaker
    text: str
    label: str | None  # set on turns that questions cite


Block = list[Line]


@dataclass(frozen=True)
class Question:
    category: str
    text: str
    evidence: tuple[str, ...]  # turn labels within the question's conversation
    answer: str


@dataclass(frozen=True)
class Spec:
    cid: str
    speakers: tuple[str, str]
    sessions: tuple[tuple[str, list[Block]], ...]  # (start time "YYYY-MM-DDTHH:MM", blocks)
    questions: tuple[Question, ...]
    same_home: bool  # the speakers live together: no small talk that assumes two homes


def read_lines(path: Path) -> list[str]:
    """A source file's lines, stripped, without blank lines and `#` comment lines."""
    lines = (raw.strip() for raw in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def parse_blocks(lines: list[str]) -> list[Block]:
    """Parse `A: text` / `B#label: text` lines; a line `--` ends a block."""
    blocks: list[Block] = [[]]
    for line in lines:
        if line == "--":
            blocks.append([])
            continue
        match = LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"bad script line: {line!r}")
        blocks[-1].append(Line(match["who"], match["text"], match["label"]))
    return [block for block in blocks if block]


def field(line: str, key: str) -> str:
    """The value of a `key: value` line."""
    name, sep, value = line.partition(": ")
    if name != key or not sep:
        raise ValueError(f"expected a {key!r} line, got {line!r}")
    return value


def parse_questions(category: str, lines: list[str]) -> list[Question]:
    """Parse `Q: text`, `evidence: labels`, `answer: text` triples."""
    if len(lines) % 3:
        raise ValueError(f"{category} questions: every question needs Q, evidence and answer lines")
    return [
        Question(category, field(text, "Q"), tuple(field(evidence, "evidence").split()), field(answer, "answer"))
        for text, evidence, answer in zip(lines[::3], lines[1::3], lines[2::3])
    ]


def read_spec(path: Path) -> Spec:
    """Read a conversation file: a header, then `== session <start>` and `== questions <category>` sections."""
    header: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in read_lines(path):
        if line.startswith("== "):
            sections.append((line[3:], []))
        elif sections:
            sections[-1][1].append(line)
        else:
            header.append(line)
    if len(header) != 2:
        raise ValueError(f"{path.name}: the header needs a speakers line and a home line")
    first, second = field(header[0], "speakers").split(", ")
    home = field(header[1], "home")
    if home not in ("shared", "apart"):
        raise ValueError(f"{path.name}: home must be shared or apart, not {home!r}")
    sessions: list[tuple[str, list[Block]]] = []
    questions: list[Question] = []
    for title, body in sections:
        kind, _, value = title.partition(" ")
        if kind == "session":
            sessions.append((value, parse_blocks(body)))
        elif kind == "questions":
            questions += parse_questions(value, body)
        else:
            raise ValueError(f"{path.name}: unknown section {title!r}")
    return Spec(path.stem, (first, second), tuple(sessions), tuple(questions), same_home=home == "shared")


class Deck:
    """Draws exchanges from pools in shuffled order, reshuffling when they run out."""

    def __init__(self, exchanges: list[Block], rng: random.Random) -> None:
        self._exchanges = exchanges
        self._rng = rng
        self._stack: list[Block] = []

    def draw(self) -> Block:
        """A new list each time, so a caller may extend it without changing the pool."""
        if not self._stack:
            self._stack = list(self._exchanges)
            self._rng.shuffle(self._stack)
        exchange = self._stack.pop()
        if self._rng.random() < 0.5:  # either speaker may start a piece of small talk
            return [Line("B" if line.who == "A" else "A", line.text, None) for line in exchange]
        return list(exchange)


def make_decks(same_home: bool, rng: random.Random) -> dict[str, Deck]:
    """Fresh small-talk decks for one conversation."""
    decks: dict[str, Deck] = {}
    for deck in DECKS:
        pools = [deck] if same_home else [deck, f"{deck}_apart"]
        exchanges = [exchange for pool in pools for exchange in parse_blocks(read_lines(SMALL_TALK / f"{pool}.txt"))]
        decks[deck] = Deck(exchanges, rng)
    return decks


def fill_session(blocks: list[Block], decks: dict[str, Deck], rng: random.Random) -> list[Line]:
    """Put small talk before a session's hand-written blocks and between them.

    Nothing goes between the last block and the closer, so a session can end on its own note.
    """
    target = rng.randint(*FILLED_SESSION_LENGTH)
    gaps: list[list[Line]] = [[] for _ in blocks]  # gaps[i] comes just before blocks[i]
    length = sum(len(block) for block in blocks)
    while length < target:
        exchange = decks["talk"].draw()
        gaps[rng.randrange(len(gaps))].extend(exchange)
        length += len(exchange)
    lines = decks["openers"].draw()
    for gap, block in zip(gaps, blocks):
        lines += gap + block
    return lines + decks["closers"].draw()


def build_conversation(spec: Spec, rng: random.Random) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the conversation's JSON object and a map from turn label to turn id."""
    decks = make_decks(spec.same_home, rng)
    names = dict(zip("AB", spec.speakers))
    labels: dict[str, str] = {}
    sessions = []
    for s_index, (start, blocks) in enumerate(spec.sessions, 1):
        session_id = f"{spec.cid}-s{s_index:02d}"
        turns = []
        for t_index, line in enumerate(fill_session(blocks, decks, rng), 1):
            turn_id = f"{session_id}-t{t_index:03d}"
            if line.label is not None:
                if line.label in labels:
                    raise ValueError(f"{spec.cid}: label {line.label!r} used twice")
                labels[line.label] = turn_id
            turns.append({"id": turn_id, "speaker": names[line.who], "text": line.text})
        sessions.append({"session_id": session_id, "date": f"{start}:00Z", "turns": turns})
    return {"id": spec.cid, "speakers": list(spec.speakers), "sessions": sessions}, labels


def build() -> dict[str, Any]:
    rng = random.Random(SEED)
    conversations = []
    questions = []
    for spec in map(read_spec, sorted(CONVERSATION_FILES.glob("*.txt"))):
        conversation, labels = build_conversation(spec, rng)
        conversations.append(conversation)
        for question in spec.questions:
            missing = [label for label in question.evidence if label not in labels]
            if missing:
                raise ValueError(f"{spec.cid}: unknown evidence labels {missing} in {question.text!r}")
            questions.append(
                {
                    "id": f"q{len(questions) + 1:04d}",
                    "conversation": spec.cid,
                    "category": question.category,
                    "question": question.text,
                    "evidence": [labels[label] for label in question.evidence],
                    "answer": question.answer,
                }
            )
    return {"version": 1, "conversations": conversations, "questions": questions}


def stem(word: str) -> str:
    """A crude suffix stripper, so that "moved" and "moving" count as the same word."""
    for suffix in ("ing", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e")


def content_words(text: str, names: set[str]) -> set[str]:
    """Lowercased words of four letters or more, minus stopwords and speaker names."""
    return {w for w in WORD.findall(text.lower()) if len(w) >= 4 and w not in STOPWORDS and w not in names}


def overlap(question: str, evidence: str, names: set[str], stemmed: bool) -> float:
    """Fraction of the question's content words that also occur in the evidence text."""
    asked = content_words(question, names)
    if not asked:
        raise ValueError(f"question without content words: {question!r}")
    found = content_words(evidence, names)
    if stemmed:
        asked, found = {stem(w) for w in asked}, {stem(w) for w in found}
    return len(asked & found) / len(asked)


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(f"check failed: {message}")


def check(data: dict[str, Any]) -> dict[str, float]:
    """Raise if the data set breaks a rule; return the paraphrase overlap figures."""
    conversations = data["conversations"]
    require(len(conversations) == N_CONVERSATIONS, f"{len(conversations)} conversations")
    turn_text: dict[str, str] = {}
    turn_conversation: dict[str, str] = {}
    speakers: dict[str, set[str]] = {}
    seen_ids: set[str] = set()
    for conversation in conversations:
        cid = conversation["id"]
        require(cid not in seen_ids, f"duplicate id {cid}")
        seen_ids.add(cid)
        require(len(set(conversation["speakers"])) == 2, f"{cid}: needs two different speakers")
        speakers[cid] = {name.lower() for name in conversation["speakers"]}
        sessions = conversation["sessions"]
        low, high = SESSIONS_PER_CONVERSATION
        require(low <= len(sessions) <= high, f"{cid}: {len(sessions)} sessions")
        dates = [datetime.fromisoformat(session["date"]) for session in sessions]
        require(all(a < b for a, b in pairwise(dates)), f"{cid}: session dates do not increase")
        texts: Counter[str] = Counter()
        for session in sessions:
            sid = session["session_id"]
            require(sid not in seen_ids, f"duplicate id {sid}")
            seen_ids.add(sid)
            low, high = TURNS_PER_SESSION
            require(low <= len(session["turns"]) <= high, f"{sid}: {len(session['turns'])} turns")
            for turn in session["turns"]:
                require(turn["id"] not in seen_ids, f"duplicate id {turn['id']}")
                require(turn["speaker"] in conversation["speakers"], f"{turn['id']}: unknown speaker")
                seen_ids.add(turn["id"])
                turn_text[turn["id"]] = turn["text"]
                turn_conversation[turn["id"]] = cid
                texts[turn["text"]] += 1
        repeated = [text for text, count in texts.items() if count > MAX_SAME_TEXT_PER_CONVERSATION]
        require(not repeated, f"{cid}: turns repeated more than {MAX_SAME_TEXT_PER_CONVERSATION} times: {repeated}")
    low, high = TOTAL_TURNS
    require(low <= len(turn_text) <= high, f"{len(turn_text)} turns in total")

    questions = data["questions"]
    require(len(questions) >= MIN_QUESTIONS, f"{len(questions)} questions")
    per_category = Counter(question["category"] for question in questions)
    require(set(per_category) <= set(CATEGORIES), f"unknown categories {set(per_category) - set(CATEGORIES)}")
    for category in CATEGORIES:
        require(per_category[category] >= MIN_PER_CATEGORY, f"{per_category[category]} {category} questions")
    per_conversation = Counter(question["conversation"] for question in questions)
    for cid in speakers:
        require(per_conversation[cid] >= MIN_QUESTIONS_PER_CONVERSATION, f"{cid}: {per_conversation[cid]} questions")
    exact: list[float] = []
    stemmed: list[float] = []
    for question in questions:
        qid, evidence = question["id"], question["evidence"]
        require(qid not in seen_ids, f"duplicate id {qid}")
        seen_ids.add(qid)
        require(bool(question["question"].strip()) and bool(question["answer"].strip()), f"{qid}: empty text")
        require(len(set(evidence)) == len(evidence), f"{qid}: evidence listed twice")
        for turn_id in evidence:
            require(turn_conversation.get(turn_id) == question["conversation"], f"{qid}: bad evidence {turn_id}")
        if question["category"] in (SINGLE, PARAPHRASE):
            require(len(evidence) == 1, f"{qid}: {question['category']} needs exactly one evidence turn")
        elif question["category"] == MULTI:
            require(2 <= len(evidence) <= 3, f"{qid}: multi-hop needs two or three evidence turns")
        else:
            require(1 <= len(evidence) <= 3, f"{qid}: temporal needs one to three evidence turns")
        if question["category"] == PARAPHRASE:
            names = speakers[question["conversation"]]
            text = " ".join(turn_text[turn_id] for turn_id in evidence)
            stemmed.append(overlap(question["question"], text, names, stemmed=True))
            exact.append(overlap(question["question"], text, names, stemmed=False))
            require(stemmed[-1] <= MAX_PARAPHRASE_OVERLAP, f"{qid}: paraphrase overlap {stemmed[-1]:.2f}")
    figures = {"mean": sum(exact) / len(exact), "mean_stemmed": sum(stemmed) / len(stemmed), "max": max(stemmed)}
    require(figures["mean_stemmed"] < MAX_MEAN_PARAPHRASE_OVERLAP, f"mean paraphrase overlap {figures}")
    return figures


def main() -> None:
    data = build()
    figures = check(data)
    OUTPUT.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sessions = [session for conversation in data["conversations"] for session in conversation["sessions"]]
    n_turns = sum(len(session["turns"]) for session in sessions)
    print(f"wrote {OUTPUT.name}: {len(data['conversations'])} conversations, {len(sessions)} sessions, {n_turns} turns")
    per_category = Counter(question["category"] for question in data["questions"])
    print(f"{len(data['questions'])} questions: " + ", ".join(f"{c} {per_category[c]}" for c in CATEGORIES))
    print(
        "paraphrase overlap (share of question content words found in the evidence): "
        f"mean {figures['mean']:.3f}, mean with stemming {figures['mean_stemmed']:.3f}, "
        f"max with stemming {figures['max']:.3f}"
    )


if __name__ == "__main__":
    main()
