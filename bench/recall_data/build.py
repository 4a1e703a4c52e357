"""Build conversations.json, novamem's recall-quality evaluation set.

The set is ten long two-person conversations, each the memory of a separate agent, and
questions whose evidence turns a recall system has to find among that agent's memories.

Why it is built this way:

* The conversations are hand-written data in this file, not generated text. Each session is
  a list of short hand-written blocks that plant facts (preferences, people, pets, plans,
  purchases, health, work), later changes to some of them (a move, a new job, a new diet),
  and near-miss distractors: turns that share words with a question without answering it.
* Before and between those blocks the build inserts small talk drawn from hand-written
  pools with a seeded RNG, so the planted turns sit among realistic noise and the output is
  the same on every run. Filler never states a personal fact, so it cannot contradict an answer.
* Questions name their evidence by turn label, not by turn id, so the ids can be assigned
  after the filler is placed.
* `check()` runs on every build and raises if the set breaks its own rules; the build then
  prints the per-category counts and how many of a paraphrase question's content words
  appear in its evidence (low by design: that category is meant to defeat keyword search).

Run: python build.py  (writes conversations.json next to this file)
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

OUTPUT = Path(__file__).with_name("conversations.json")
SEED = 7

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
    sessions: tuple[tuple[str, str], ...]  # (start time "YYYY-MM-DDTHH:MM", script)
    questions: tuple[Question, ...]
    same_home: bool = False  # the speakers live together: no small talk that assumes two homes


def q(category: str, text: str, evidence: str, answer: str) -> Question:
    """A question; `evidence` is a space-separated list of turn labels."""
    return Question(category, text, tuple(evidence.split()), answer)


def parse_blocks(script: str) -> list[Block]:
    """Parse `A: text` / `B#label: text` lines; a line `--` ends a block."""
    blocks: list[Block] = [[]]
    for raw in script.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line == "--":
            blocks.append([])
            continue
        match = LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"bad script line: {line!r}")
        blocks[-1].append(Line(match["who"], match["text"], match["label"]))
    return [block for block in blocks if block]


class Deck:
    """Draws exchanges from pools in shuffled order, reshuffling when they run out."""

    def __init__(self, pools: list[str], rng: random.Random) -> None:
        self._exchanges = [exchange for pool in pools for exchange in parse_blocks(pool)]
        self._rng = rng
        self._stack: list[Block] = []

    def draw(self) -> Block:
        if not self._stack:
            self._stack = list(self._exchanges)
            self._rng.shuffle(self._stack)
        exchange = self._stack.pop()
        if self._rng.random() < 0.5:  # either speaker may start a piece of small talk
            exchange = [Line("B" if line.who == "A" else "A", line.text, None) for line in exchange]
        return exchange


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
    pools = {"openers": [OPENERS], "talk": [SMALL_TALK], "closers": [CLOSERS]}
    if not spec.same_home:
        pools = {"openers": [OPENERS, OPENERS_APART], "talk": [SMALL_TALK, SMALL_TALK_APART],
                 "closers": [CLOSERS, CLOSERS_APART]}
    decks = {name: Deck(pool, rng) for name, pool in pools.items()}
    names = dict(zip("AB", spec.speakers))
    labels: dict[str, str] = {}
    sessions = []
    for s_index, (start, script) in enumerate(spec.sessions, 1):
        session_id = f"{spec.cid}-s{s_index:02d}"
        turns = []
        for t_index, line in enumerate(fill_session(parse_blocks(script), decks, rng), 1):
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
    for spec in CONVERSATIONS:
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


# ---------------------------------------------------------------------------------------
# Small talk. Each exchange is speaker-neutral (either person may start it) and states no
# personal fact: no jobs, places, people, pets, diets, drinks or health. The *_APART pools
# assume the two speakers live apart and do not talk every day.
# ---------------------------------------------------------------------------------------

OPENERS = """
A: Hey, got a minute?
B: Sure, what's up?
--
A: Hi! Are you free to chat for a bit?
B: Yep, go for it.
--
A: You around?
B: I am now, sorry, my phone was on silent.
--
A: Hey hey.
B: Hey! I was literally about to message you.
--
A: Is now a bad time?
B: No, now's fine, I've got a few minutes.
--
A: Knock knock.
B: Ha, come in. How are things?
A: Not bad at all.
--
A: How's your week going?
B: Up and down, but mostly fine. Yours?
A: Same really, nothing to complain about.
--
A: Hiya, how are you doing?
B: Good thanks! A bit tired but good.
--
A: Quick one, are you busy?
B: Never too busy for you. What's going on?
--
A: Hey, it's me again.
B: Always a pleasure. Go on.
--
A: Hellooo.
B: Hello! Perfect timing, I just sat down.
--
A: Are you alive?
B: Barely, but yes. Hi!
--
A: Hi, how's everything?
B: Pretty calm for once, touch wood. You?
A: Surviving.
--
A: Ping.
B: Pong. What's new?
--
A: Hello hello.
B: Hi! I was wondering when you'd surface.
--
A: Hey, do you have a sec?
B: I've got several. Shoot.
--
A: Evening or afternoon or whatever it is, hi.
B: Ha, hi. Time means nothing this week.
--
A: Oi, you.
B: Oi yourself. How's it going?
A: Good, good.
--
A: Hey, free to talk?
B: Yes, just finished tidying up.
--
A: Hi, sorry I went quiet.
B: No worries at all, life gets busy.
--
A: Hey! How are you holding up?
B: Doing alright. Better now that you've messaged.
--
A: Morning, afternoon, evening, pick one.
B: Ha! I'll take afternoon. Hi.
--
A: Right, I finally have a minute.
B: Hooray. Tell me everything.
--
A: Hey, how's things?
B: Things are things. You?
A: Much the same, honestly.
--
A: Hi! You got a moment?
B: For you, always. What's up?
--
A: I'm back.
B: Welcome back! What did I miss?
"""

OPENERS_APART = """
A: Hello stranger.
B: Ha, it's only been a few days. Hi!
--
A: Got time for a catch-up?
B: Absolutely, I was hoping you'd ask.
--
A: Hey you.
B: Hey! Long time no chat.
--
A: Hi there.
B: Hi! How's life treating you?
A: Can't complain, honestly.
"""

CLOSERS = """
A: Anyway, I should get going.
B: Same, talk soon!
--
A: Right, I'll let you go.
B: Okay, speak later!
--
A: I have to run, but this was nice.
B: It was. Take care!
--
A: Okay, my battery is dying, bye!
B: Bye! Charge that thing.
--
A: Let's pick this up another time.
B: Deal. Have a good one.
--
A: I'm off, catch you later.
B: Later!
--
A: Thanks for the chat, I needed that.
B: Anytime, you know that.
--
A: Talk soon, okay?
B: Definitely. Bye for now.
--
A: I'm going to go and be productive. Allegedly.
B: Ha, good luck with that. Bye!
--
A: Okay, that's me for now.
B: Alright, take it easy.
--
A: Speak soon!
B: Speak soon. Look after yourself.
--
A: Right, back to it.
B: Same here. Bye!
--
A: Gotta go, someone's at the door.
B: Go go go! Bye.
--
A: Okay, I'm signing off.
B: Night night, or whatever time it is.
--
A: Thanks for listening to me ramble.
B: Ramble away, any time. Bye!
--
A: Bye for now!
B: Bye! Keep me posted.
--
A: Okay, I've kept you long enough.
B: You never keep me too long. Bye!
--
A: I need to get on with things. Bye!
B: Me too, sadly. Chat soon.
--
A: Right, I'm going to try and get some rest.
B: Good idea. Speak soon.
--
A: Okay, I'm off. Behave.
B: Never. Bye!
--
A: Alright, later then.
B: Later! Good chatting.
--
A: I'll let you get back to your day.
B: Thanks, you too. Bye!
--
A: That's enough from me for now.
B: Ha, never enough. Bye!
--
A: Have a good rest of your day.
B: You too! Bye.
--
A: Okay, going quiet for a bit.
B: Understood. Ping me whenever.
--
A: I'll leave it there.
B: Okay, bye for now!
"""

CLOSERS_APART = """
A: I'll message you later in the week.
B: Sounds good, looking forward to it.
--
A: Catch up properly soon?
B: Yes please. Talk later.
--
A: Let's not leave it so long next time.
B: Agreed. Take care of yourself.
--
A: Speak tomorrow maybe?
B: Maybe! If not, soon.
"""

SMALL_TALK = """
A: Did you see the video I sent you?
B: The one with the goat on the trampoline? I watched it four times.
--
A: It has not stopped raining all day.
B: Same here. Everything smells like wet pavement.
A: I've given up on dry socks.
--
A: I have a song stuck in my head and I don't even know what it's called.
B: Hum it at me later, I'm good at those.
--
A: My phone screen has a new crack, right across the middle.
B: Oh no. Is it still usable?
A: Sort of, if I squint.
--
A: The neighbours are drilling again.
B: What are they even building over there, a second house?
--
A: I watched a documentary about octopuses and now I feel bad about everything.
B: They're too clever, honestly. It's unsettling.
--
A: Do you ever just forget why you walked into a room?
B: Constantly. I think the doorway wipes my memory.
--
A: I spent twenty minutes looking for my glasses and they were on my head.
B: Classic. I did that with my keys in my pocket last week.
--
A: Autocorrect just changed "see you" to "sea yew" and I sent it like that.
B: Ha, that's almost poetic.
--
A: The queue at the post office was out the door.
B: It always is when you're in a hurry.
--
A: Have you started anything good to watch lately?
B: Not really, I keep scrolling for an hour and then giving up.
A: Same. The choosing is the hardest part.
--
A: I had the strangest dream last night.
B: Go on, I love a weird dream.
A: I was late for an exam in a language I don't speak. In a submarine.
B: That's deeply unhinged. Amazing.
--
A: I keep getting calls from numbers I don't know.
B: Don't answer, it's always someone selling something.
--
A: Honestly, I could sleep for a week.
B: Same. Let's both just hibernate.
--
A: I tried to do the crossword and got two answers.
B: Two is better than none!
A: Both of them were wrong.
--
A: There was a spider in the bath the size of my hand.
B: Absolutely not. What did you do?
A: Closed the door and pretended it wasn't my problem.
--
A: Do you think it's too early to start thinking about holidays?
B: It's never too early to daydream.
--
A: I found a twenty in an old jacket.
B: Best feeling. That's basically free money.
--
A: I've had the hiccups for about an hour now.
B: Hold your breath and count to twenty, that always works for me.
--
A: The news is so depressing lately.
B: I've started reading it once a day, max. It helps a bit.
--
A: I just spent way too long choosing a new phone case.
B: Important decisions take time.
--
A: Is it just me or has everything got more expensive?
B: It's not just you. I nearly cried at the checkout this week.
--
A: I went to return something and forgot the receipt.
B: Did they take it back anyway?
A: After a lot of sighing, yes.
--
A: Listening to a podcast about shipwrecks.
B: That sounds grim but also weirdly relaxing.
--
A: Somebody at the supermarket let me go ahead of them in the queue.
B: Faith in humanity restored, at least for today.
--
A: I lost a whole afternoon to a jigsaw puzzle.
B: How many pieces?
A: A thousand, and I'm only on the edges.
--
A: My umbrella turned inside out the second I opened it.
B: Umbrellas are a scam, honestly.
--
A: Did you hear that thunder?
B: I did! It set off every car alarm on the street.
--
A: I keep meaning to call my bank and keep putting it off.
B: Do it first thing, get it over with.
A: You're right. I'll do it. Probably.
--
A: I've been trying to drink more water.
B: How's that going?
A: I'm mostly just running to the bathroom.
--
A: That film everyone's talking about, have you seen it?
B: Not yet. Is it worth the hype?
A: It's fine. Very long.
--
A: My hands are freezing for no reason.
B: Mine too. I think it's just that kind of week.
--
A: Has your phone been updating itself constantly?
B: Yes! And every update moves the buttons around.
--
A: I think I need new headphones, the left one has gone crackly.
B: Get the ones with the big squishy cushions, they're so comfy.
--
A: I accidentally replied all to a massive email thread.
B: Oh no. What did you say?
A: Just "thanks!", but to about eighty people.
--
A: I've started writing lists for everything.
B: Does it help?
A: I mostly forget where I put the lists.
--
A: There was a rainbow earlier, a proper full one.
B: I missed it! Did you get a photo?
A: Blurry one, but yes.
--
A: Someone parked across three spaces today.
B: There's always one.
--
A: I bought a plant and I'm scared I'll kill it.
B: Don't overwater it. That's how I've murdered most of mine.
--
A: My eyes are so tired from screens today.
B: Look out a window for a bit, it genuinely helps.
--
A: I stubbed my toe on the same table leg twice in a row.
B: The table has a grudge against you.
--
A: The lift at the shopping centre is broken again.
B: Stairs it is. Free exercise, I suppose.
--
A: I just remembered an embarrassing thing I said years ago.
B: The brain's favourite hobby. Let it go!
--
A: I've had the same advert follow me around every website for a week.
B: Did you look at it once? That's all it takes.
--
A: Why does the printer only break when you need it?
B: Printers can sense fear.
--
A: The shop had run out of the one thing I went in for.
B: But I bet you came out with five other things.
A: Six, actually.
--
A: Have you ever tried those puzzle games on the phone?
B: I'm addicted to one with little coloured blocks.
--
A: I need to stop buying notebooks I never use.
B: But new notebooks are so nice!
--
A: Someone was singing opera in the street earlier.
B: Good opera or bad opera?
A: Very enthusiastic opera.
--
A: I finally replied to all my messages. Inbox zero.
B: Wow. Teach me your ways.
--
A: I tried meditating for ten minutes and thought about lunch for nine of them.
B: That still counts. One minute of peace!
--
A: My sleep has been all over the place this week.
B: Mine too. Maybe it's the full moon.
--
A: I've been binge-listening to an audiobook.
B: What's it about?
A: A heist in Venice. Very silly, very fun.
--
A: I went for a wander and got completely lost.
B: In a good way or a bad way?
A: A good way, I found a nice little park.
--
A: I think my keyboard is missing the letter E.
B: That must make typing intrsting.
--
A: I'm trying to learn to whistle properly.
B: How far have you got?
A: I can do one note. Loudly.
--
A: I found my old school reports in a box.
B: Oh no. What did they say?
A: "Talks too much." Some things never change.
--
A: I watched the same episode twice because I fell asleep the first time.
B: Was it better the second time?
A: I fell asleep again, honestly.
--
A: There's a new shop sign on the corner but it never seems to open.
B: Mysterious. Maybe it's a front.
--
A: I've been doing the daily word puzzle and my streak is at forty.
B: Forty! Don't you dare break it.
--
A: Somebody's car alarm went off for an hour.
B: Nobody ever checks on those, do they.
--
A: I got a really nice compliment from a stranger today.
B: Aw, what did they say?
A: They liked my jacket. Made my day.
--
A: My pen exploded in my bag.
B: Noooo. Everything blue now?
A: Everything blue now.
--
A: Do you remember that terrible song from years ago with the dance?
B: Which one? There were so many terrible songs with dances.
--
A: I keep seeing the same cat on my walks, it follows me for a bit.
B: You've been chosen.
--
A: I found an old photo of us from ages ago.
B: Oh no, which one? Send it!
A: The one with the terrible haircut.
B: Mine or yours? Actually, don't answer that.
--
A: It's so quiet outside today.
B: Enjoy it while it lasts.
--
A: I tried to fix the wobbly chair and now it wobbles in a different direction.
B: That's progress of a kind.
--
A: The self-checkout told me there was an unexpected item in the bagging area. It was my hand.
B: Ha, they're so dramatic.
--
A: I spent ages untangling a drawer full of cables.
B: Satisfying though, right?
A: Extremely.
--
A: I've got so many tabs open my computer is begging for mercy.
B: Close some! Or don't, I never do.
--
A: I started a new book and I can't put it down.
B: Good, we need a bit of that. Tell me when you finish it.
--
A: I finally learned how to fold a fitted sheet.
B: Nobody knows how to fold a fitted sheet. You're lying.
--
A: There was a street market on today, loads of stalls.
B: Did you buy anything?
A: A candle that smells like "forest". Whatever that means.
--
A: I tried to take a nice photo of the sunset and my thumb got in the way.
B: Thumb sunsets are an art form.
--
A: I can't believe how fast this year is going.
B: Right? I blink and another month has gone.
--
A: I bought new shoelaces and it's changed my life.
B: It's the small things!
"""

SMALL_TALK_APART = """
A: Our internet went down for three hours yesterday.
B: That sounds like torture. What did you do?
A: Stared at the wall, mostly.
--
A: The wind nearly took the bins down the street.
B: Ours ended up in the neighbour's hedge once.
--
A: I finally did the pile of laundry that's been staring at me.
B: That's a huge achievement. I'm proud of you.
--
A: My parcel got delivered to a house three streets away.
B: At least it turned up somewhere. Mine just vanish.
--
A: The fridge is making a new noise.
B: Ignore it and it'll probably go away. That's my strategy.
--
A: I organised my whole bookshelf by colour.
B: Fancy! Can you still find anything?
A: Absolutely not.
--
A: Guess who just locked themselves out.
B: Oh no. Do you have a spare key somewhere?
A: With a neighbour, thankfully.
--
A: I tried a new recipe and it came out the colour of a swamp.
B: But how did it taste?
A: Like a swamp, sadly.
--
A: There's a pigeon that sits on my window ledge every day now.
B: You've got a little friend. Name it.
A: I've decided he's called Gordon.
--
A: I cleaned out the junk drawer and found seven pens that don't work.
B: Why do we keep them? Every house has those pens.
--
A: The electricity flickered a couple of times just now.
B: Spooky. Hope it doesn't go off.
--
A: I think the clocks in my house all show different times.
B: Pick the one you like best.
--
A: The tap in the bathroom won't stop dripping.
B: That noise would drive me up the wall.
--
A: Did the storm do any damage your way?
B: Just a few branches down, nothing serious.
--
A: The bin men skipped our street again.
B: Ugh, that happened to us last month too.
--
A: I bought a lamp and it's much bigger than it looked online.
B: That always happens. Is it nice though?
A: It's nice. It's just enormous.
--
A: What's the weather doing your way?
B: Grey. Just grey. You?
A: Grey with a chance of more grey.
--
A: Random question, do you fold or scrunch your socks?
B: Fold, obviously. Scrunching is chaos.
--
A: I've rearranged the furniture and now I keep walking into things.
B: Give it a week, your shins will learn.
--
A: Do you keep birthday cards or throw them out?
B: I keep them in a shoebox. Years of them.
--
A: I think I'm going to repaint the hallway.
B: What colour are you thinking?
A: Something that isn't beige. That's all I know so far.
--
A: My neighbour's wind chimes have been going all day.
B: Relaxing or maddening?
A: Maddening by now.
--
A: The smoke alarm started beeping for a new battery at three in the morning.
B: They always choose the worst possible moment.
"""

# ---------------------------------------------------------------------------------------
# The conversations. In a script, A is the first speaker and B the second; `#label` marks
# a turn that questions cite, and `--` separates blocks (small talk may go between them).
# ---------------------------------------------------------------------------------------

# Maya, an intensive-care nurse in Leeds, and her friend Tomasz, a carpenter with a dog.
C01 = Spec(
    "c01",
    ("Maya", "Tomasz"),
    (
        (
            "2026-01-06T20:15",
            """
            A: Happy new year, by the way! Did you survive the holidays?
            B: Just about. Too much food and one very overexcited dog.
            A: How is Kasha? Still terrorising the postman?
            B#t_dog: Kasha's four now, you'd think she'd calm down, but she's a border collie, so if she doesn't get three walks a day she starts herding the cushions.
            --
            A#m_nights: I'm back on nights from tomorrow. Three years of night shifts on the ICU at St James's in Leeds and my body clock is still a mess.
            B: I don't know how you do it. I'm useless after ten.
            A: Lots of snacks and blackout curtains.
            --
            B#t_table: I've got a big one on in the workshop in Kirkstall, an oak dining table for a client called Harriet. It seats ten.
            A: Ten! Does she have a very big family or a very big ego?
            B: Bit of both, I think. She's lovely though, and she pays on time.
            A: Gold dust.
            --
            B: Are you coming to Ruth's birthday on the 31st? She's doing a curry night at ours.
            A#m_veg: Definitely. Tell her I'll eat anything as long as it's not meat, I've been vegetarian for six years now and I'm not breaking for a korma.
            B: Noted, she'll do a chickpea one just for you.
            """,
        ),
        (
            "2026-01-24T11:40",
            """
            B#t_quit: Day five without a cigarette. I quit on Tuesday and I'm chewing through pencils like a beaver.
            A: Tomasz! That's brilliant. Patches or cold turkey?
            B: Patches. And Ruth hid my lighter, just in case.
            --
            A#d_smoke: Half the porters at the hospital smoke by the ambulance bay, I hold my breath every time I walk past.
            B: Don't tell me that, I'll drive over and stand with them.
            --
            A#m_boulder: Anita from work dragged me to a climbing wall called The Depot on Thursday and I'm hooked. Bouldering, no ropes, just you and a crash mat.
            B: You've always had monkey arms.
            A: My forearms feel like they've been through a mangle.
            --
            B#t_violin: Zosia started violin lessons this week. She's nine and already more dramatic than any musician I've met.
            A: Aw! How does it sound?
            B: Like a cat being politely strangled, but she's very proud of it.
            --
            A#m_sister: My sister Chioma is run off her feet at her dental practice in London. She says January is all teeth broken on Christmas toffee.
            B: Ha, I never knew that was a seasonal thing.
            """,
        ),
        (
            "2026-02-10T21:05",
            """
            B#t_van: The van died on the ring road yesterday. Gearbox. Marek's lending me his until mine's fixed, which is kind of him, even if it smells of wet dog.
            A: Oh no! How much is a gearbox?
            B: Don't ask. More than the van's worth, probably.
            --
            A#m_lisbon: I've booked Lisbon! Me and Chioma, 9th to 14th of April, a little flat in Alfama.
            B: Finally! You've been going on about that for years.
            A: She's promised not to drag me on a food tour every single day.
            B#d_lisbon: Ruth and I went to Lisbon before Zosia was born. The trams are terrifying and the custard tarts are worth it.
            --
            A: How's the oak table coming along?
            B: The top's glued up. Harriet came to look and cried a bit, in a good way.
            A: That's the dream reaction.
            --
            A: Does Kasha get on with Marek's dog?
            B: They ignore each other like two old colleagues at a leaving do.
            """,
        ),
        (
            "2026-03-01T16:30",
            """
            A#m_wrist: So I fell off the top of a problem at The Depot on Friday and landed on my hand. Sprained my left wrist, six weeks off climbing.
            B: Ouch. Are you okay for work?
            A: Light duties, which mostly means paperwork and being grumpy.
            A#d_wrist: Anita says she did her ankle at the same wall last year, so apparently it's a rite of passage.
            B: Funny sort of welcome party.
            --
            B#t_bandsaw: I bought a bandsaw! Secondhand, off an old joiner in Otley who's retiring, six hundred quid and it's built like a tank.
            A: Is that a good price?
            B: New would be three grand, so yes.
            --
            A: Any news on the van?
            B: It's back. The gearbox cost more than my first car. Marek got his van back with a full tank as a thank you.
            """,
        ),
        (
            "2026-03-19T19:50",
            """
            A: How was the birthday?
            B#t_birthday: Good! Forty-one last Thursday, can you believe it. Ruth took me to Supra, that Georgian place on Call Lane, and I ate my body weight in cheese bread.
            A: Khachapuri! I'm so jealous.
            B#t_pottery: And on Monday I started a pottery evening class at the community centre. Six weeks of wheel throwing.
            A: You, at a wheel? With your giant hands?
            B: My first bowl looked like an ashtray. Which is ironic, given everything.
            --
            A#m_apply: I've applied for a community nurse job in York. Day shifts, home visits, no more nights.
            B: Whoa, big move. Would you leave Leeds?
            A: If I get it, yes. I'm tired of living like a bat.
            B#d_york: We took Zosia to York at half term for the Viking museum, and she made me buy a plastic helmet.
            --
            A: The wrist is healing, I can hold a mug without wincing now.
            B: Good, but don't rush back to the wall.
            """,
        ),
        (
            "2026-04-16T13:10",
            """
            A: Back from Lisbon! Sunburnt nose and a suitcase full of tins.
            B: Tins of what?
            A#m_fish: Right, so, confession. On the last night Chioma ordered grilled sardines and I tried one, then ate four. I think I'm a pescatarian now.
            B: Six years undone by a sardine.
            --
            A#m_job: Other news: I got the York job! They rang while I was at the airport. I start on the 1st of June.
            B: Maya!! Congratulations. That's massive.
            A: I'm excited and terrified in equal measure.
            --
            B#t_benches: Harriet's table went in last week and she's put me in touch with a café owner who wants fourteen benches for a new place called Salt & Rye.
            A: Fourteen! You'll be living in the workshop.
            B: Ruth's already threatened to post my dinner to me.
            --
            B#t_marekdog: Marek came round with Bolt yesterday, that greyhound of his. Kasha was furious that he got more biscuits than her.
            A: Jealousy is a universal language.
            """,
        ),
        (
            "2026-04-27T20:30",
            """
            B#t_slip: Confession time. I had a cigarette at my cousin's wedding on Saturday. Two, actually.
            A: Oh Tomasz. How do you feel?
            B: Disgusting. But I'm back on the patches today, I'm not throwing away three months.
            A: That's the right attitude. One bad night isn't a restart.
            --
            A#m_flat: I found a flat in York! Two bedrooms, near Bootham, ten minutes' walk from the Minster. I get the keys at the start of May.
            B: Near the Minster? Very fancy.
            A: The second bedroom is basically a cupboard, but it's my cupboard.
            B#d_move: Marek's got his van free if you need help moving. Or I can bring mine, it's behaving for once.
            A: I might take you up on that.
            --
            A: How's pottery going?
            B: Finished the six weeks. I made Ruth a vase that only leans a little.
            """,
        ),
        (
            "2026-05-16T10:05",
            """
            A#m_moved: Well, I'm officially a York resident. Moved in last weekend and I still can't find the cutlery.
            B: How's the cupboard bedroom?
            A: Full of boxes, like any good cupboard.
            --
            B#t_sock: Kasha swallowed one of Zosia's socks on Wednesday and needed an operation. Nine hundred pounds at the vet.
            A: Oh no, poor girl! Is she okay?
            B: She's fine, wearing a cone and looking betrayed.
            A#d_vet: There's a vet's surgery right on my new street, the receptionist waves at every dog that walks past.
            --
            A: My wrist is fully healed, by the way. The physio signed me off.
            B: So you'll be back on the wall?
            A: Once I've found a wall in York, yes.
            """,
        ),
        (
            "2026-06-04T18:45",
            """
            A#m_days: First week done! Eight till four, Monday to Friday. I've seen daylight four days in a row and I don't know what to do with myself.
            B: Welcome to the land of the living.
            --
            A#m_ebike: I bought an e-bike to get between patients' houses, it's much quicker than trying to park in the old town.
            B: Do you have a helmet? Tell me you have a helmet.
            A: Yes, Dad. It's fluorescent yellow.
            --
            B#t_cello: Zosia has dumped the violin. She's switched to cello because her friend plays it and "it sounds like a whale".
            A: Honestly, a valid reason.
            B: The cello is twice the size and four times the price.
            --
            B#t_apprentice: I've taken on an apprentice, a lad called Dev, eighteen and very keen. He's already better at sweeping up than I am.
            A: A protégé! How's he getting on with the benches?
            B: Sanding, sanding and more sanding.
            """,
        ),
        (
            "2026-06-28T15:20",
            """
            A#m_wall: I found a bouldering wall in York, ten minutes from the flat by bike. First session back yesterday and my wrist didn't complain once.
            B: Just land on your feet this time.
            --
            B#t_bramley: I'm looking at a bigger unit in Bramley. We're tripping over each other in Kirkstall now that there are two of us.
            A: Is it much more rent?
            B: A bit, but the Salt & Rye money helps.
            --
            A#m_chioma: Chioma's twenty weeks pregnant, by the way. Due in November. I'm going to be an auntie!
            B: Oh, that's wonderful! Tell her congratulations from all of us.
            --
            B#d_benches: Salt & Rye had their opening last weekend. The benches looked great, but somebody has already carved their initials into one.
            A: That's a compliment, in a way.
            """,
        ),
    ),
    (
        q(SINGLE, "What breed is Kasha?", "t_dog", "A border collie."),
        q(SINGLE, "What is Tomasz making for his client Harriet?", "t_table", "An oak dining table that seats ten."),
        q(SINGLE, "How much did Tomasz pay for his secondhand bandsaw?", "t_bandsaw", "Six hundred pounds."),
        q(SINGLE, "Which restaurant did Ruth take Tomasz to for his birthday?", "t_birthday",
          "Supra, a Georgian place on Call Lane."),
        q(SINGLE, "What did Kasha swallow that needed an operation?", "t_sock", "One of Zosia's socks."),
        q(SINGLE, "What is the new café that ordered benches from Tomasz called?", "t_benches", "Salt & Rye."),
        q(SINGLE, "Whose van did Tomasz borrow when his own broke down?", "t_van", "Marek's."),
        q(SINGLE, "What is the name of Tomasz's apprentice?", "t_apprentice", "Dev."),
        q(SINGLE, "Which part of York is Maya's new flat in?", "m_flat",
          "Near Bootham, ten minutes' walk from the Minster."),
        q(MULTI, "What breed of dog does the friend who lent Tomasz his van have?", "t_van t_marekdog",
          "A greyhound (Marek's dog, Bolt)."),
        q(MULTI, "What does the person Maya went to Lisbon with do for a living?", "m_lisbon m_sister",
          "It was her sister Chioma, who works at a dental practice in London."),
        q(MULTI, "Which instruments has Zosia played this year?", "t_violin t_cello", "The violin, then the cello."),
        q(MULTI, "What job did Maya get in York, and how does she travel between patients?", "m_apply m_job m_ebike",
          "A community nurse job (day shifts, home visits); she gets around on an e-bike."),
        q(MULTI, "What did Tomasz make for the client who put him in touch with Salt & Rye?", "t_benches t_table",
          "An oak dining table (for Harriet)."),
        q(MULTI, "Where was Maya climbing when she hurt her wrist, and who got her into it?", "m_boulder m_wrist",
          "At The Depot; her colleague Anita introduced her to bouldering."),
        q(MULTI, "Which cost Tomasz more, Kasha's operation or the bandsaw, and by how much?", "t_sock t_bandsaw",
          "Kasha's operation: £900 against £600 for the bandsaw, so £300 more."),
        q(MULTI, "What did Maya eat in Lisbon that ended her vegetarianism, and how long had she been vegetarian?",
          "m_veg m_fish", "Grilled sardines; she had been vegetarian for six years."),
        q(MULTI, "Who is Tomasz now sharing his workshop with, and where is he thinking of moving it?",
          "t_apprentice t_bramley", "His new apprentice Dev; he is looking at a bigger unit in Bramley."),
        q(TEMPORAL, "Which city was Maya living in in February 2026?", "m_nights m_moved",
          "Leeds (she moved to York in May)."),
        q(TEMPORAL, "What did Tomasz start doing the week after his birthday?", "t_birthday t_pottery",
          "A pottery evening class (wheel throwing), from Monday 16 March."),
        q(TEMPORAL, "On what date did Tomasz quit smoking?", "t_quit", "Tuesday 20 January 2026."),
        q(TEMPORAL, "What instrument was Zosia learning in February?", "t_violin t_cello", "The violin."),
        q(TEMPORAL, "When did Maya move into her flat in York?", "m_moved", "The weekend of 9-10 May 2026."),
        q(TEMPORAL, "What was Maya's diet at the start of the year?", "m_veg m_fish",
          "Vegetarian; she only started eating fish in April."),
        q(TEMPORAL, "On what day did Maya sprain her wrist?", "m_wrist", "Friday 27 February 2026."),
        q(TEMPORAL, "What shifts was Maya working before her job in York?", "m_nights m_days",
          "Night shifts on the ICU at St James's."),
        q(TEMPORAL, "How long had Tomasz gone without a cigarette before he slipped at his cousin's wedding?",
          "t_quit t_slip", "About three months: he quit on 20 January and smoked on 25 April."),
        q(PARAPHRASE, "What kind of animal lives with Tomasz?", "t_dog", "A dog, a border collie called Kasha."),
        q(PARAPHRASE, "What was Maya's line of work in January?", "m_nights",
          "Intensive care nursing, on nights at St James's."),
        q(PARAPHRASE, "Is Tomasz trying to give up any habit?", "t_quit", "Yes, smoking."),
        q(PARAPHRASE, "What new hobby has Maya taken up?", "m_boulder", "Bouldering."),
        q(PARAPHRASE, "What equipment did Tomasz purchase recently?", "t_bandsaw", "A secondhand bandsaw."),
        q(PARAPHRASE, "What medical emergency happened to Tomasz's pet?", "t_sock",
          "She swallowed a sock and had to have an operation."),
        q(PARAPHRASE, "What hours is Maya working now?", "m_days", "Eight till four, Monday to Friday."),
        q(PARAPHRASE, "Has Maya changed what she eats?", "m_fish",
          "Yes, she started eating fish in Lisbon and now calls herself a pescatarian."),
        q(PARAPHRASE, "What big order did Tomasz land through a referral?", "t_benches",
          "Fourteen benches for a new café, Salt & Rye."),
    ),
)

# Priya, a computer science student in Manchester, and Jonah, a history student and bassist.
C02 = Spec(
    "c02",
    ("Priya", "Jonah"),
    (
        (
            "2025-10-03T17:20",
            """
            A: Second year, here we go. Are you back in Manchester yet?
            B: Got back on Sunday. My room smells like someone else's feet.
            --
            A#p_house: I'm in the shared house in Fallowfield again, five of us this year. Someone has already stolen my oat milk.
            B: Classic Fallowfield.
            --
            A#p_rowing: I joined the rowing club! Training is at the boathouse at five in the morning, which felt romantic for about a day.
            B: Five? In the morning? Voluntarily?
            A: I know. I know.
            --
            B#j_topic1: I've settled on a dissertation topic: army logistics in the Napoleonic wars. Basically, how do you feed 400,000 men walking to Moscow.
            A: Badly, I'm guessing.
            B: Spoiler: very badly.
            --
            B#j_odeon: I'm back on weekend shifts at the Odeon, so if you want cheap popcorn, you know where I am.
            A: I'll take that offer.
            --
            B#j_allergy: Callum says he wants a pet this year, and I had to remind him I'm seriously allergic to cats. One whiff and my eyes swell shut.
            A: Tell him to get a fish.
            """,
        ),
        (
            "2025-10-21T22:10",
            """
            B#j_kitten: Callum came home with a kitten. An actual kitten. It's called Pancake and I'm living on antihistamines.
            A: Noooo. He knows about your allergy!
            B: He says Pancake will stay in his room. Pancake does not agree.
            A#d_cat: The café by the library has a cat that sleeps on the pastry counter, nobody seems to mind.
            B: I'd mind. I'd mind through swollen eyes.
            --
            A#p_lessons: Driving lessons are going okay. My instructor, Dave, says I brake like I'm angry at the car. Test is booked for the 14th of November.
            B: Are you angry at the car?
            A: A little, yes.
            --
            A#p_biryani: Mum sent me back with a tub of her chicken biryani and I've been rationing it like treasure.
            B: Your mum's biryani is the best thing I have ever eaten, and I'm including my own mum's cooking in that.
            A: I won't tell her you said that. Actually, I will.
            """,
        ),
        (
            "2025-11-15T12:30",
            """
            A#p_fail: Failed. Yesterday. I clipped the kerb on the big roundabout on Kingsway and the examiner just sighed.
            B: Oh no. Sorry, Priya.
            A: I'll rebook. I'm not letting that roundabout win.
            A#d_test: Anjali failed hers three times before she passed, so apparently it runs in the family.
            B: Then you're already doing better than her.
            --
            B#j_ines: Okay, news. I met someone at Tobi's party last weekend. Her name's Ines, she's a medic at Leeds, and she laughed at all my terrible jokes.
            A: JONAH. Details. Now.
            B: That's the details. We're getting dinner on Thursday.
            --
            B#j_band: Me, Callum and two guys from the history society have started a band. The Marginalia. I'm on bass, mostly because nobody else wanted it.
            A: That is the most history student band name possible.
            B: Thank you, we're very proud.
            """,
        ),
        (
            "2025-12-04T20:00",
            """
            A#p_badminton: I quit rowing, the 5am sessions broke me. I've joined the badminton club instead, which starts at a civilised seven in the evening.
            B: A wise retreat.
            A: The shuttlecocks are very forgiving.
            --
            B#j_topic2: I'm changing my dissertation. Dr Okonjo read my proposal and said there's barely anything new to say about Napoleon, so I'm doing BBC radio in the 1920s instead.
            A: Radio! That's actually so cool.
            B: Archive recordings and angry letters from listeners. I'm thrilled.
            A#d_radio: My grandad still listens to cricket on the radio with the telly on mute.
            B: A true connoisseur.
            --
            A#p_apply: I've applied for fourteen summer internships. Fourteen cover letters, all slightly different lies about how passionate I am about payments.
            B: Anyone would be lucky to have you.
            A: Tell that to the thirteen who'll ignore me.
            """,
        ),
        (
            "2026-01-08T15:45",
            """
            A#p_vegan: New year, new me: I've gone vegan. No dairy, no eggs, nothing, since New Year's Day.
            B: Even your mum's biryani?
            A: She's making me a jackfruit one. She's furious about it.
            --
            A#p_moved: Big news, I've moved out of Fallowfield! I moved into my cousin Anjali's spare room in Rusholme on Saturday.
            B: Did you rescue your oat milk?
            A: I left it as a parting gift.
            --
            B#j_norwich: Christmas in Norwich was nice. Mum spent Boxing Day at her vet practice stitching up a labrador that ate a whole tray of mince pies.
            A: Poor dog. Poor mum.
            B: The dog was fine. Mum had words with the owner.
            --
            A: How's Ines?
            B: Good! She came to Norwich for two days and Mum adored her.
            """,
        ),
        (
            "2026-01-29T19:30",
            """
            A#p_offer: LEDGERLY SAID YES!! Twelve weeks in their London office from the 15th of June, and they pay properly.
            B: PRIYA! That's amazing, you did it!
            A: I screamed in the library. A man shushed me. I didn't care.
            A#d_offer: Anjali interned at a bank two summers ago and hated it, so she's giving me a lot of unsolicited advice.
            B: Take what's useful and nod at the rest.
            --
            A#p_laptop: My laptop finally died the day before a deadline, so I got a refurbished ThinkPad, four hundred and twenty quid.
            B: RIP old laptop.
            A: It had a good life. Mostly spent playing films in bed.
            --
            B: Pancake update: he now sleeps on my coat in the hallway.
            A: He's claimed you. Sorry.
            """,
        ),
        (
            "2026-02-19T21:40",
            """
            A#p_pass: I PASSED. Tuesday, second attempt, zero faults on the roundabout.
            B: Yesss! Queen of Kingsway!
            A: Dave cried a little. Or he had something in his eye.
            --
            B#j_library: I've left the Odeon! Started at the John Rylands on Monday, fetching old manuscripts for researchers in the reading room.
            A: That's so you. Do you have to wear white gloves?
            B: Sometimes! I feel like a very tiny butler.
            B#d_library: Ines says the medical library in Leeds is all strip lights and sad vending machines, so I'm not allowed to brag too much.
            A: Are you going to miss the free popcorn?
            B: Deeply. It was the only food group I ate on weekends.
            """,
        ),
        (
            "2026-03-12T18:15",
            """
            B#j_gig: The Marginalia played our first proper gig at the Deaf Institute on Saturday! About sixty people came.
            A: I'm so sorry I missed it, I had a badminton match.
            B: Ines came up from Leeds and screamed through the whole set.
            --
            A#p_wedding: My sister Lakshmi's wedding is confirmed for the 22nd of August in Chennai, and I'm doing a speech. In front of four hundred people.
            B: Four hundred! Is that a lot for a wedding there?
            A: It's considered cosy.
            B#d_wedding: Callum's brother got married in a barn last summer and the DJ only played ABBA.
            A: Honestly, that sounds like a great wedding.
            --
            A: How's Dr Okonjo treating the radio chapters?
            B: She wrote "interesting!" in the margin, which is either great or terrible.
            """,
        ),
        (
            "2026-04-09T13:00",
            """
            B#j_edinburgh: Ines and I got back from Edinburgh on Monday. Four days over Easter, we climbed Arthur's Seat in a hailstorm.
            A: Romantic! And damp.
            B: Very damp. She's still wearing my jumper.
            A#d_edinburgh: My old housemate went to Edinburgh for the Fringe once and came back with no money and a ukulele.
            B: That's the Fringe experience, yes.
            --
            A#p_quarters: Badminton update: we got to the quarter-finals of the northern universities tournament before Sheffield destroyed us.
            B: Quarter-finals! That's brilliant.
            A: We lost twenty-one to four. But still.
            --
            B: Are you ready for exams?
            A: Absolutely not. I've made a revision timetable though, which feels like work.
            """,
        ),
        (
            "2026-05-14T20:50",
            """
            B#j_10k: I ran the Manchester 10k on Sunday! Fifty-two minutes, and I didn't stop once.
            A: Jonah! That's seriously good.
            B: I had to lie down in a park for a while afterwards.
            B#d_10k: Ines did a half marathon last year in under two hours, so she's being very polite about my little 10k.
            --
            A#p_saree: I bought my saree for Lakshmi's wedding, green silk with a gold border. Mum approved, which never happens.
            B: You're going to look incredible.
            A: As long as I don't trip on stage during the speech.
            --
            A: Exams start on Monday. I'm living on toast and fear.
            B: Vegan toast and fear.
            A: Vegan toast and fear.
            """,
        ),
        (
            "2026-06-20T11:10",
            """
            A#p_sublet: First week at Ledgerly done! I'm subletting a tiny room in Bethnal Green from a girl who's gone travelling. It has a balcony the size of a tea towel.
            B: How's the actual job?
            A: Lots of meetings, lots of free fruit, and a mentor who types faster than anyone I've ever seen.
            --
            B#j_summer: I'm staying in Manchester all summer, doing full-time hours at the John Rylands and writing the radio dissertation in my lunch breaks.
            A: A summer of dusty archives. You must be in heaven.
            --
            B: Pancake has learned to open my door, by the way.
            A: You need to move out.
            B: I'm considering it.
            """,
        ),
    ),
    (
        q(SINGLE, "What is the name of Callum's kitten?", "j_kitten", "Pancake."),
        q(SINGLE, "Which club did Priya join at the start of second year?", "p_rowing", "The rowing club."),
        q(SINGLE, "What instrument does Jonah play in The Marginalia?", "j_band", "Bass."),
        q(SINGLE, "Who told Jonah to change his dissertation topic?", "j_topic2", "His supervisor, Dr Okonjo."),
        q(SINGLE, "How much did Priya's refurbished ThinkPad cost?", "p_laptop", "£420."),
        q(SINGLE, "Where is Lakshmi's wedding being held?", "p_wedding", "In Chennai."),
        q(SINGLE, "What was Jonah's time in the Manchester 10k?", "j_10k", "Fifty-two minutes."),
        q(SINGLE, "Where is Priya staying in London during her internship?", "p_sublet",
          "A sublet room in Bethnal Green."),
        q(SINGLE, "What does the saree Priya bought for the wedding look like?", "p_saree",
          "Green silk with a gold border."),
        q(MULTI, "What is the name of the pet that sets off Jonah's allergy?", "j_allergy j_kitten",
          "Pancake, Callum's kitten (Jonah is allergic to cats)."),
        q(MULTI, "How many driving tests did Priya take, and what went wrong the first time?", "p_fail p_pass",
          "Two; she failed the first one by clipping the kerb on the Kingsway roundabout."),
        q(MULTI, "Who does Priya live with now, and where did she live before?", "p_house p_moved",
          "Her cousin Anjali in Rusholme; before that a shared house in Fallowfield."),
        q(MULTI, "Where does Jonah's girlfriend study, and where did they go on holiday together?", "j_ines j_edinburgh",
          "Ines studies medicine at Leeds; they went to Edinburgh over Easter."),
        q(MULTI, "Which two sports clubs has Priya belonged to at university?", "p_rowing p_badminton",
          "Rowing, then badminton."),
        q(MULTI, "Which company is Priya interning at, and where is she living for it?", "p_offer p_sublet",
          "Ledgerly in London; she sublets a room in Bethnal Green."),
        q(MULTI, "What was Jonah's dissertation originally about, and what is it about now?", "j_topic1 j_topic2",
          "Army logistics in the Napoleonic wars at first; now BBC radio in the 1920s."),
        q(MULTI, "Where did Jonah work before the library, and which library does he work at?", "j_odeon j_library",
          "At the Odeon cinema; now at the John Rylands."),
        q(MULTI, "What is Priya doing at her sister's wedding, and what will she wear?", "p_wedding p_saree",
          "Giving a speech; a green silk saree with a gold border."),
        q(TEMPORAL, "When did Priya fail her first driving test?", "p_fail", "Friday 14 November 2025."),
        q(TEMPORAL, "When did Priya pass her driving test?", "p_pass", "Tuesday 17 February 2026."),
        q(TEMPORAL, "Where was Priya living in December 2025?", "p_house p_moved",
          "In the shared house in Fallowfield (she moved to Rusholme on 3 January)."),
        q(TEMPORAL, "What was Jonah's dissertation topic in November?", "j_topic1 j_topic2",
          "Army logistics in the Napoleonic wars."),
        q(TEMPORAL, "Where was Jonah working in January 2026?", "j_odeon j_library",
          "At the Odeon cinema (he started at the John Rylands in February)."),
        q(TEMPORAL, "On what date did Priya go vegan?", "p_vegan", "1 January 2026."),
        q(TEMPORAL, "Was Priya eating meat in October 2025?", "p_biryani p_vegan",
          "Yes, she was eating her mum's chicken biryani; she only went vegan in January."),
        q(TEMPORAL, "When did Jonah run the Manchester 10k?", "j_10k", "Sunday 10 May 2026."),
        q(TEMPORAL, "How long had Jonah and Ines been together when they went to Edinburgh?", "j_ines j_edinburgh",
          "About five months: they met the weekend of 8-9 November and went at Easter, 3-6 April."),
        q(PARAPHRASE, "Does Jonah react badly to any animals?", "j_allergy",
          "Yes, he is seriously allergic to cats."),
        q(PARAPHRASE, "What team sport did Priya sign up for?", "p_rowing", "Rowing."),
        q(PARAPHRASE, "Did Priya's first attempt to get her licence go well?", "p_fail",
          "No, she failed after clipping a kerb on a roundabout."),
        q(PARAPHRASE, "What summer position has Priya secured?", "p_offer",
          "A twelve-week internship at Ledgerly in London, from 15 June."),
        q(PARAPHRASE, "Is Jonah part of any musical group?", "j_band", "Yes, he plays bass in The Marginalia."),
        q(PARAPHRASE, "Has Priya cut anything out of her meals recently?", "p_vegan",
          "Yes, all animal products: she went vegan on New Year's Day."),
        q(PARAPHRASE, "Who is Jonah romantically involved with?", "j_ines", "Ines, a medical student at Leeds."),
        q(PARAPHRASE, "What did Priya replace her broken computer with?", "p_laptop", "A refurbished ThinkPad."),
        q(PARAPHRASE, "What new part-time role did Jonah take on?", "j_library",
          "Fetching manuscripts for researchers in the John Rylands reading room."),
    ),
)

# Walter, a retired railway signal engineer, and his wife Elena, a retired piano teacher.
C03 = Spec(
    "c03",
    ("Walter", "Elena"),
    (
        (
            "2025-03-02T10:15",
            """
            A: I'm up at the allotment. It's bitter, but the robin is keeping me company.
            B: Wrap up. Did you take the flask?
            A: I did, and the good gloves.
            --
            A#w_plot: Plot 14 is looking sorry for itself after the winter, but the runner bean canes are up and the leeks are coming along nicely.
            B: You and your leeks.
            --
            A#w_surgery_date: The hospital letter came before I left. They're doing the new knee on the 12th of May at the District.
            B: Finally! After all that waiting.
            A: I'll believe it when they wheel me in.
            --
            B#e_choir: Choir was lovely last night. We're learning the Fauré Requiem for the summer concert and the altos are finally holding our own against the sopranos.
            A: You always hold your own.
            B: Flatterer.
            B#e_concert_plan: The concert's at St Wilfrid's on the 21st of June, so keep that evening free.
            A: Pencilled in. In pen.
            --
            B: Humphrey has been asleep on your seed catalogues all morning, the ginger lump.
            A: He has excellent taste in reading material.
            """,
        ),
        (
            "2025-03-27T14:40",
            """
            A#w_cholesterol: Dr Patel says my cholesterol is too high. Less cheese, less red meat, more porridge. I'm a broken man.
            B: I did tell you about the Stilton.
            A: You did. Repeatedly.
            B: I've bought oat milk for your porridge. Don't make that face.
            A: I'll try it, but I'm drawing the line at oat cheese.
            --
            B#e_downsize: I was thinking, the house on Valley Drive is far too big for the two of us now. What about a bungalow? No stairs for that knee.
            A: I've lived here thirty-one years, Elena.
            B: I know, love. Just think about it.
            A#d_bungalow: Margaret next door says the Fosters sold their bungalow in three days, so at least they go quickly.
            --
            B#e_grandkids: Anna sent photos from Bristol. Leo's lost his first tooth and Mila has decided she's a dinosaur.
            A: A dinosaur! What kind?
            B: The loud kind.
            """,
        ),
        (
            "2025-04-16T16:05",
            """
            A#w_caravan: Gary, the Hendersons' lad, is taking the caravan. Eight and a half thousand, cash. He's coming for it on Saturday.
            B: Good. I never want to reverse that thing again.
            A: I'll miss it a bit. All those wet Whitsuns in Filey.
            --
            B#e_hearing: The hearing aids went in on Monday. I can hear the clock ticking in the hall, which is both wonderful and awful.
            A: So you heard what I said about the Stilton?
            B: I heard everything, Walter.
            --
            B#e_felix_call: Felix rang from Toronto. He's coming over in October, and he's bringing "someone special".
            A: Someone special! Did he say who?
            B: No, he's being mysterious, the little toad.
            A#d_toronto: Gary's off to Toronto himself next year, apparently. His girlfriend's from there.
            B: Everybody's going to Toronto.
            """,
        ),
        (
            "2025-05-14T11:20",
            """
            A#w_hospital: Two days since the op and they've had me up on a frame already. Monday feels like a month ago.
            B: How's the pain?
            A: Manageable. The food is not.
            --
            A#w_physio: The physio is called Sunita. She's about four foot ten and absolutely terrifying. Ten laps of the corridor before lunch.
            B: Good. Do what Sunita says.
            --
            B: I'll bring the crossword and some proper biscuits this afternoon.
            A: Bless you. Bring the big crossword.
            --
            B#d_knee: Margaret had her hip done at the same hospital, she says the night nurses are angels.
            A: They are. The one on last night brought me an extra pillow.
            --
            B: Humphrey's sulking on your side of the bed. He keeps looking at the door for you.
            A: Tell him I'll be home by the weekend.
            """,
        ),
        (
            "2025-06-08T19:00",
            """
            A#humphrey: I've got sad news, love: Humphrey's gone. Margaret drove us to the vet on Friday, his kidneys had given up, and he was sixteen. I held him the whole time.
            B: Oh Walter. Oh, my poor boy. I wish I'd been there.
            A: He went peacefully. He purred right until the end.
            B: I'll tell Leo. He'll want to draw him a picture.
            B: And how are you managing the stairs while I'm in Bristol, with nobody there to fuss over you?
            A#w_stick: I'm off the crutches and onto the stick, and I can do the stairs one at a time, like a toddler.
            B: Slow and steady, love.
            --
            B#d_cat: Anna's neighbour's cat keeps coming in through the kitchen window, and Mila feeds it ham when nobody's looking.
            A: Don't tell Anna I laughed.
            """,
        ),
        (
            "2025-06-24T20:30",
            """
            B#e_concert: Saturday was wonderful, wasn't it? St Wilfrid's was packed for the Fauré.
            A: You were the best alto there. I could hear you specifically.
            B: You could not.
            A: I could. I've had fifty years of practice.
            B#e_secretary: And they've made me choir secretary, heaven help them. I'll be in charge of the minutes and the biscuit rota.
            A: The biscuit rota is the real power.
            --
            A#w_decide: I've been thinking about what you said in March. Let's do it. Let's sell Valley Drive and find a bungalow.
            B: Really? Are you sure?
            A: This knee made the decision for me.
            --
            B#e_valuation: The estate agent came while you were at physio and valued the house at four hundred and sixty-five thousand.
            A: For this old place? Good grief.
            """,
        ),
        (
            "2025-07-19T09:45",
            """
            B#e_freya: Freya passed her Grade 5 piano with merit! Her mum rang me in tears.
            A: Your last pupil, and your best, you always said.
            B: Don't tell the other hundred I taught.
            --
            A#w_offer: The agent rang, we've had an offer on the house from a young couple from Leeds. Full asking price.
            B: Full asking! Say yes before they change their minds.
            B#e_bungalow: And I think I've found our bungalow. Aspin Lane in Knaresborough, two bedrooms, a greenhouse and a pear tree.
            A: A greenhouse? You had me at greenhouse.
            --
            A#w_chol_down: Dr Patel rang with the new blood results, my cholesterol's down to five point one. All that porridge is working.
            B: See? The oat milk was worth it.
            A: Don't gloat. It's unbecoming.
            --
            A#w_klaus: Klaus rang. He turns eighty on the 17th of August and he wants the whole family in Hamburg for it.
            B: Then we're going. Can your knee manage the journey?
            A: If we go by train I can stretch it out. You know I'd rather take the train anyway.
            """,
        ),
        (
            "2025-08-24T13:30",
            """
            A#w_hamburg: Home at last. Eurostar to Brussels, then the ICE to Hamburg and back, and my knee didn't complain once.
            B: You spent the whole journey with your nose against the window.
            A: Old signal engineers never retire, Elena.
            --
            B: Klaus cried during your speech, you know.
            A: He cried at the cake too. Always was a soft one.
            --
            B#e_paints: I bought a watercolour set in that shop near the Rathaus, and I've signed up for a class at the community centre starting in September.
            A: You'll be brilliant.
            --
            A#d_leeks: The leeks grew another inch while we were away, the Hendersons watered them for me.
            """,
        ),
        (
            "2025-09-17T15:10",
            """
            A#w_leeks: Second prize for my leeks at the autumn show on Saturday! Beaten by Derek again, but only just.
            B: Derek feeds his leeks beer, everyone knows that.
            --
            A#w_car: We picked up the new car on Monday. A little electric Kia Niro, and the dealer took the old diesel Volvo in part exchange.
            B: It's so quiet I keep thinking it's switched off.
            A: That's the point, love.
            --
            A#w_nostick: I walked all the way to the allotment this morning without the stick. First time since the operation.
            B: Walter! That's wonderful.
            --
            B#e_watercolour: First watercolour class today! I painted a pear that looks like a potato. It's every Wednesday afternoon until Christmas.
            A: A very artistic potato, I'm sure.
            B: The teacher said it had "energy".
            """,
        ),
        (
            "2025-10-22T18:25",
            """
            A: Well, that was a weekend. I still can't believe Felix turned up with a fiancée.
            B#e_felix_visit: Hana is lovely. Fancy him flying all that way on Saturday just to tell us in person that they're engaged.
            A: She laughed at my train stories. She's a keeper.
            --
            B#e_cats: Don't forget we're collecting Mabel and Pip from the RSPCA on Friday. Two old ladies who need a quiet home.
            A: Two cats? I thought we said one.
            B: They're a bonded pair, Walter. We can't split them up.
            --
            A#w_completion: The solicitor says completion on the bungalow is the 7th of November.
            B: Two weeks. I haven't packed a single thing.
            --
            B#d_felix: Felix's old train set is still in the loft. Do we take it or give it to Leo?
            A: Leo. Definitely Leo.
            """,
        ),
        (
            "2025-11-20T12:00",
            """
            B#e_moved: A fortnight in the bungalow already. I don't miss the stairs at all, but I do miss the view from the old kitchen window.
            A: We'll make new views.
            --
            A#w_greenhouse: I've got the greenhouse going, winter lettuce and some garlic. The pear tree needs a proper prune.
            B: Don't go up a ladder with that knee.
            --
            B: Mabel has claimed the airing cupboard and Pip sleeps on your slippers.
            A: As long as nobody's sitting on my seed catalogues.
            --
            A#w_plot_end: I've handed back the keys to plot 14. Derek said he'd keep an eye on the new people.
            B: Are you sad?
            A: A bit. But the greenhouse is right outside the back door now.
            """,
        ),
    ),
    (
        q(SINGLE, "What is the number of Walter's allotment plot?", "w_plot", "14."),
        q(SINGLE, "Who bought Walter and Elena's caravan?", "w_caravan", "Gary, the Hendersons' son."),
        q(SINGLE, "Which piano exam did Freya pass?", "e_freya", "Grade 5, with merit."),
        q(SINGLE, "What piece was Elena's choir learning for the summer concert?", "e_choir", "Fauré's Requiem."),
        q(SINGLE, "What is the name of Walter's physiotherapist in hospital?", "w_physio", "Sunita."),
        q(SINGLE, "Where is the bungalow Elena found?", "e_bungalow", "On Aspin Lane in Knaresborough."),
        q(SINGLE, "What new car did Walter and Elena buy?", "w_car", "A small electric Kia Niro."),
        q(SINGLE, "What are the names of the cats from the RSPCA?", "e_cats", "Mabel and Pip."),
        q(SINGLE, "Who beat Walter's leeks at the autumn show?", "w_leeks", "Derek."),
        q(MULTI, "How old did Walter's brother turn, and how did Walter and Elena travel to his party?",
          "w_klaus w_hamburg", "Klaus turned eighty; they went to Hamburg by train (Eurostar to Brussels, then the ICE)."),
        q(MULTI, "How much did they get for the caravan, and what was the house valued at?", "w_caravan e_valuation",
          "£8,500 for the caravan; the house was valued at £465,000."),
        q(MULTI, "Which of Walter's vegetables won a prize, and on which plot did he grow them?", "w_plot w_leeks",
          "His leeks (second prize), grown on plot 14."),
        q(MULTI, "What job does Elena do for the choir, and which section does she sing in?", "e_choir e_secretary",
          "She is choir secretary, and she sings alto."),
        q(MULTI, "What happened to Humphrey, and which cats live with Walter and Elena now?", "humphrey e_cats",
          "He died of kidney failure at sixteen; they now have Mabel and Pip from the RSPCA."),
        q(MULTI, "Why did Walter start eating porridge, and has it helped?", "w_cholesterol w_chol_down",
          "His cholesterol was too high; yes, it came down to 5.1."),
        q(MULTI, "Who is Felix engaged to, and where does he live?", "e_felix_call e_felix_visit",
          "Hana; he lives in Toronto."),
        q(MULTI, "Where did Walter and Elena move from, and where to?", "e_downsize e_bungalow e_moved",
          "From their house on Valley Drive to a bungalow on Aspin Lane in Knaresborough."),
        q(MULTI, "How did Walter get around after his knee operation, and when did he first manage without help?",
          "w_stick w_nostick",
          "Crutches, then a stick; in mid-September he walked to the allotment without the stick."),
        q(TEMPORAL, "When was Walter's knee operation?", "w_surgery_date w_hospital", "Monday 12 May 2025."),
        q(TEMPORAL, "When did Humphrey die?", "humphrey", "Friday 6 June 2025."),
        q(TEMPORAL, "What car did Walter and Elena drive before September 2025?", "w_car", "A diesel Volvo."),
        q(TEMPORAL, "Where were Walter and Elena living in October 2025?", "e_downsize w_completion",
          "Still in their house on Valley Drive; completion on the bungalow was 7 November."),
        q(TEMPORAL, "When were Elena's hearing aids fitted?", "e_hearing", "Monday 14 April 2025."),
        q(TEMPORAL, "Did Walter and Elena have a cat in August 2025?", "humphrey e_cats",
          "No. Humphrey died in June and they collected Mabel and Pip in late October."),
        q(TEMPORAL, "What did Elena start doing on Wednesday afternoons in September?", "e_watercolour",
          "A watercolour painting class."),
        q(TEMPORAL, "On what date was the choir concert at St Wilfrid's?", "e_concert_plan e_concert",
          "Saturday 21 June 2025."),
        q(TEMPORAL, "How many days after the leek show did Walter and Elena pick up their new car?", "w_leeks w_car",
          "Two days: the show was on Saturday 13 September and they got the car on Monday 15 September."),
        q(PARAPHRASE, "What medical procedure was Walter waiting for?", "w_surgery_date", "A knee replacement."),
        q(PARAPHRASE, "What does Walter cultivate?", "w_plot", "Runner beans and leeks, on his allotment."),
        q(PARAPHRASE, "What lifestyle advice was Walter given by his GP?", "w_cholesterol",
          "Eat less cheese and red meat and more porridge, because of high cholesterol."),
        q(PARAPHRASE, "What vehicle did Walter and Elena part with this spring?", "w_caravan",
          "Their caravan, sold to Gary for £8,500."),
        q(PARAPHRASE, "What did Elena get to help her ears?", "e_hearing", "Hearing aids."),
        q(PARAPHRASE, "Which member of the household passed away in early summer?", "humphrey",
          "Humphrey, their cat, aged sixteen."),
        q(PARAPHRASE, "What new artistic pastime has Elena begun?", "e_watercolour", "A watercolour class."),
        q(PARAPHRASE, "What role did Elena's singing group give her?", "e_secretary", "Choir secretary."),
        q(PARAPHRASE, "Which relative had a milestone birthday abroad this summer?", "w_klaus",
          "Walter's brother Klaus, who turned eighty in Hamburg."),
    ),
    same_home=True,
)

# Lucía, head baker at Crumb & Co in Melbourne, and Ravi, who works the shop with her.
C04 = Spec(
    "c04",
    ("Lucía", "Ravi"),
    (
        (
            "2025-07-08T14:30",
            """
            B: Is Gerald behaving today? The loaves this morning were gorgeous.
            A#l_gerald: Gerald, my sourdough starter, is eleven years old. I carried him from Porto in a jam jar on the plane, and he's still the best-behaved member of staff.
            B: Better behaved than the dishwasher, anyway.
            --
            A#l_brunswick: Living five minutes from the shop in Brunswick is the only reason I survive the three a.m. starts. I just roll out of bed and walk.
            B: I'd never make it. I need an hour and a shower to become a person.
            --
            A#l_back: My back has been aching all week. I think it's all the flour sacks.
            B: Please see someone about it before you fold in half.
            --
            B#r_evening: Evening prep is fine, but I'm not home till eleven most nights and Meera is starting to forget what I look like.
            A: Speaking of Meera, how's the fiancée?
            B#r_engaged: Still saying yes! We got engaged in June and her family already has a spreadsheet for the wedding.
            A: A spreadsheet. I love them already.
            """,
        ),
        (
            "2025-07-29T15:10",
            """
            A#l_physio: The physio says no more lifting the 25-kilo flour sacks. My lower back can't take it.
            B: Then we're getting a sack trolley. I'll order one today.
            A: Make it a sturdy one. The last delivery guy nearly broke the step.
            --
            B#r_mango: Mango, my cockatiel, has learned to imitate the microwave beep. I'm going to lose my mind.
            A: Bring him in, he can announce when the croissants are ready.
            --
            B#l_kowalski: Mrs Kowalski was in again. Rye loaf every Tuesday, like clockwork, and she told me our caraway is better than her mother's.
            A: That's the highest compliment in Brunswick.
            --
            A#d_sacks: The new delivery driver stacked the sugar sacks in front of the fire door again.
            B: I'll have a word. Politely. Mostly politely.
            """,
        ),
        (
            "2025-08-19T13:45",
            """
            B#r_mornings: So it's official, I'm off evening prep. From next Monday I'm running the counter on mornings.
            A: Finally! The regulars will love you.
            B: Meera's thrilled. She says she'll cook dinner now that I'm awake for it.
            --
            B#r_machine: Guess what, I found us a secondhand La Marzocco! Nine thousand dollars, and it pulls a better shot than the new one at that place on Sydney Road.
            A: Nine thousand. Okay. It's an investment.
            B: It's a love affair.
            --
            A#l_swim: I've started swimming at Brunswick Baths after my shift, the physio says it's the best thing for my back.
            B: After a ten-hour shift? Where do you find the energy?
            A: It's very gentle. It's just me and three retired postmen in the slow lane.
            B#d_physio: My uncle's physio told him to swim too, and he bought a snorkel and floated around for a month.
            """,
        ),
        (
            "2025-09-09T16:20",
            """
            A#l_tiago: Tiago broke his arm at football on Saturday. A boy twice his size landed on him in the Brunswick Juniors game.
            B: Oh no! Is he okay?
            A: He's fine. He's mostly upset that he can't play for six weeks.
            --
            A#l_hours: From Monday the 15th we open at seven instead of half six. I'm tired of baking for nobody at dawn.
            B: Good call, the first half hour is always just the pigeons.
            --
            B#r_wedding_date: We've set a date! The 14th of March next year, in Kochi. You have to come, Lucía.
            A: I'd love to, if I can leave Gerald with someone trustworthy.
            --
            A#l_price: Callender Mill just put their prices up eighteen percent. Eighteen!
            B: That's outrageous. Can we find someone else?
            A: I'm getting quotes.
            """,
        ),
        (
            "2025-10-02T12:50",
            """
            A#l_supplier: I've done it, we're switching to Tall Grass Mills from next week. Their wholemeal is beautiful and they're not robbing us.
            B: The first batch is coming on Tuesday?
            A: Tuesday, first thing.
            --
            A#l_moving: I'm moving to Coburg this weekend, the rent in Brunswick went up again.
            B: Do you need hands? I can bring my cousin's ute.
            A: Yes please. Tiago will supervise with his one good arm.
            --
            A#l_fitzroy: Don't tell anyone, but I'm viewing an empty shop on Gertrude Street in Fitzroy on Friday. I've been dreaming about a second bakery for years.
            B: Lucía! My lips are sealed.
            B#d_fitzroy: Meera's friend had a pop-up in Fitzroy last year that closed after a month, so just check the foot traffic.
            A: I will. I'll stand outside counting people like a weirdo.
            """,
        ),
        (
            "2025-10-23T14:05",
            """
            A#l_moved: Unpacked at last. The new place is only a ten-minute bike ride from the shop, and there's a lemon tree in the yard.
            B: Lemon tree! Lemon tarts!
            A: That's exactly what I said.
            --
            A#l_mondays: I've decided we're closing on Mondays from November. We all need a proper day off.
            B: The regulars will riot.
            A: The regulars can buy extra on Sunday.
            --
            B#r_course: I've enrolled in the pastry course at William Angliss, Monday evenings. First lesson this week was laminated dough.
            A: Look at you! Soon you'll be after my job.
            B: Never. I'm scared of Gerald.
            --
            B: Mango screamed at the removal van outside my flat for an hour yesterday.
            A: Good guard bird.
            """,
        ),
        (
            "2025-11-13T15:40",
            """
            A#l_lease: I signed the lease on Tuesday! Gertrude Street is ours from the first of December.
            B: No way. We're really doing this!
            A: We're really doing this. I'm a little sick about it.
            --
            A#r_manager: So, how would you feel about running Fitzroy? As manager, I mean. I can't be in two places at once.
            B: Are you serious? Yes! Absolutely yes.
            A: Good. I was hoping you'd say that.
            --
            A#l_gerald_split: I'll split off a piece of Gerald for the new shop. Gerald junior.
            B: A dynasty.
            --
            A#l_cast: Tiago's cast came off on Monday and he's already asking when he can play again.
            B: Tell him the team misses its striker.
            --
            B#d_lease: My landlord wants to renew my lease for two years, but with a rent rise, naturally.
            A: Naturally. Landlords are the same everywhere.
            """,
        ),
        (
            "2025-12-11T13:15",
            """
            B: The Christmas orders are insane this year. Forty panettone and counting.
            A: I'm dreaming in candied peel.
            --
            B#r_malayalam: I'm learning Malayalam properly, an hour a night on an app. Meera's grandmother only speaks Malayalam and I want to talk to her at the wedding without a translator.
            A: That's so lovely, Ravi.
            B: So far I can say "thank you" and "this is delicious", which covers most weddings.
            B#d_malayalam: A customer this morning heard me practising and turned out to be from Thrissur, so now he corrects my grammar every time he buys a loaf.
            --
            A#l_back_better: My back is so much better. Three swims a week and the trolley, I haven't had a bad day in a month.
            B: The trolley is the hero of this bakery.
            """,
        ),
        (
            "2026-01-15T14:25",
            """
            A#l_hires: I've hired two bakers for Fitzroy, Sam and Oyelaran. Both trained in Sydney, both terrifyingly good at croissants.
            B: Better than mine?
            A: Don't make me answer that.
            --
            B#r_croissant: I brought you a croissant from my course, be honest.
            A: Honestly? The lamination is perfect. The shape is a bit of a crab.
            B: A delicious crab.
            --
            A#l_mother: My mother's coming from Porto in February. Four weeks. She'll want to inspect everything.
            B: Including Gerald?
            A: Especially Gerald. She thinks I've been underfeeding him.
            --
            B: The fit-out at Fitzroy is nearly done, the counter arrives on Monday.
            A: I'll believe it when I see it.
            """,
        ),
        (
            "2026-02-19T16:00",
            """
            B#l_opened: Saturday was unreal. The queue went round the block before we even opened Fitzroy.
            A: I cried in the cool room. Don't tell anyone.
            B: Your secret's safe.
            --
            B#r_leaving: I fly to Kochi on the 8th of March. Sam's going to run Fitzroy for the three weeks I'm away.
            A: Don't think about the shop at all. I mean it.
            B: I'll think about it a little.
            B#d_kochi: Mrs Kowalski asked if Kochi is near Krakow. I didn't have the heart to explain.
            --
            A: My mother arrived on Tuesday and she's already reorganised my kitchen.
            B: And Gerald?
            A: She fed him. She says he looks better already.
            """,
        ),
    ),
    (
        q(SINGLE, "What is the name of Lucía's sourdough starter?", "l_gerald", "Gerald."),
        q(SINGLE, "What kind of bird does Ravi have?", "r_mango", "A cockatiel called Mango."),
        q(SINGLE, "How much did the secondhand La Marzocco cost?", "r_machine", "Nine thousand dollars."),
        q(SINGLE, "How did Tiago break his arm?", "l_tiago",
          "A bigger boy landed on him in a Brunswick Juniors football game."),
        q(SINGLE, "Where is Ravi's wedding taking place?", "r_wedding_date", "In Kochi."),
        q(SINGLE, "What does Mrs Kowalski buy every Tuesday?", "l_kowalski", "A rye loaf."),
        q(SINGLE, "Where is Ravi taking a pastry course?", "r_course", "At William Angliss, on Monday evenings."),
        q(SINGLE, "What are the names of the bakers hired for Fitzroy?", "l_hires", "Sam and Oyelaran."),
        q(SINGLE, "Where is Lucía's mother coming from?", "l_mother", "Porto."),
        q(MULTI, "Where did the starter for the Fitzroy shop come from?", "l_gerald l_gerald_split",
          "It is a piece split off Gerald, Lucía's eleven-year-old starter that she brought from Porto."),
        q(MULTI, "Why did the bakery get a sack trolley, and what else did Lucía do about the same problem?",
          "l_physio l_swim", "Her physio banned her from lifting 25-kilo flour sacks because of her back; "
          "she also started swimming at Brunswick Baths."),
        q(MULTI, "Who is running the Fitzroy shop, and when did it open?", "r_manager l_opened",
          "Ravi, as manager; it opened on Saturday 14 February 2026."),
        q(MULTI, "Why did the bakery change flour supplier, and who did it switch to?", "l_price l_supplier",
          "Callender Mill raised its prices by eighteen percent; they switched to Tall Grass Mills."),
        q(MULTI, "Who is Ravi marrying, and why is he learning Malayalam?", "r_engaged r_malayalam",
          "Meera; so he can talk to her grandmother, who only speaks Malayalam, at the wedding."),
        q(MULTI, "What shift did Ravi work before his change in August, and what does he do now?",
          "r_evening r_mornings", "Evening prep; now he runs the counter on mornings."),
        q(MULTI, "Which suburb did Lucía move to, and how does she get to the shop from there?", "l_moving l_moved",
          "Coburg; it is a ten-minute bike ride."),
        q(MULTI, "On which day is the bakery closed, and what time does it open on other days?", "l_hours l_mondays",
          "Closed on Mondays from November; it opens at seven."),
        q(MULTI, "What happened to Tiago in September, and how was he by mid-November?", "l_tiago l_cast",
          "He broke his arm playing football; by November the cast was off and he wanted to play again."),
        q(TEMPORAL, "On what date did Ravi start working mornings?", "r_mornings", "Monday 25 August 2025."),
        q(TEMPORAL, "What time did the shop open before mid-September 2025?", "l_hours", "Half past six."),
        q(TEMPORAL, "Which suburb was Lucía living in in September 2025?", "l_brunswick l_moving",
          "Brunswick; she moved to Coburg in early October."),
        q(TEMPORAL, "When did Tiago break his arm?", "l_tiago", "Saturday 6 September 2025."),
        q(TEMPORAL, "Which flour supplier was the bakery using in September 2025?", "l_price l_supplier",
          "Callender Mill; the switch to Tall Grass Mills came in October."),
        q(TEMPORAL, "When was the lease on the Gertrude Street shop signed?", "l_lease", "Tuesday 11 November 2025."),
        q(TEMPORAL, "On what date did the Fitzroy shop open?", "l_opened", "Saturday 14 February 2026."),
        q(TEMPORAL, "When is Ravi's wedding?", "r_wedding_date", "14 March 2026."),
        q(TEMPORAL, "How long after signing the Fitzroy lease did the shop open?", "l_lease l_opened",
          "About three months: signed 11 November 2025, opened 14 February 2026."),
        q(PARAPHRASE, "What is the name of Lucía's fermented dough culture?", "l_gerald", "Gerald."),
        q(PARAPHRASE, "Does Ravi keep any animals at home?", "r_mango", "Yes, a cockatiel named Mango."),
        q(PARAPHRASE, "What was the verdict from the specialist about Lucía's spine?", "l_physio",
          "No more lifting heavy flour sacks."),
        q(PARAPHRASE, "What expensive piece of gear did Ravi find for the café counter?", "r_machine",
          "A secondhand La Marzocco espresso machine."),
        q(PARAPHRASE, "Which child got injured, and how?", "l_tiago",
          "Lucía's son Tiago broke his arm playing football."),
        q(PARAPHRASE, "What is Lucía's new address?", "l_moving", "Coburg."),
        q(PARAPHRASE, "Why did the bakery drop its grain provider?", "l_price",
          "Callender Mill raised its prices by eighteen percent."),
        q(PARAPHRASE, "What is Ravi studying on the side?", "r_course", "Pastry, at William Angliss."),
        q(PARAPHRASE, "What leadership position was Ravi offered?", "r_manager", "Manager of the new Fitzroy shop."),
    ),
)

# Kai, a climbing guide living in a van, and his old university friend Helen, a doctor in Vancouver.
C05 = Spec(
    "c05",
    ("Kai", "Helen"),
    (
        (
            "2025-09-06T19:30",
            """
            A#k_van: Home sweet home is still the Sprinter, parked up below the Chief in Squamish. I open the back doors in the morning and I'm at the crag.
            B: Living the dream. Or the damp dream.
            A: The dream is slightly damp, yes.
            --
            A#k_patagonia: Marisol and I are going to Patagonia in February. It's booked, flights and everything.
            B: Kai! You've been talking about it since second year.
            A: I know. Now I actually have to get fit.
            --
            B#h_gp: Meanwhile I'm doing fifty patients a day at the family practice in Mount Pleasant. Every second one wants antibiotics for a cold.
            A: You sound exhausted.
            B: I am. I'm thinking about things.
            --
            B#h_kofi: Kofi sends his regards. He's sitting on my laptop keyboard, which is why this took ten minutes to type.
            A: Tell that tabby he owes me an apology for the scratch.
            """,
        ),
        (
            "2025-09-27T08:45",
            """
            B#h_apply: I've put in an application for the emergency department at Vancouver General. Twelve years of sniffles and sick notes is enough.
            A: Helen! That's huge. You'd be amazing there.
            B: I'd be terrified there. Which is maybe the point.
            --
            A#k_sober: I haven't had a drink since the 15th. No alcohol till Patagonia, I want every bit of training to count.
            B: As your doctor, I approve. As your friend, who are you?
            --
            B#h_goal: I'm running the Vancouver Marathon in May. The plan is under four hours, and the training plan is already on the fridge.
            A: Under four! You've only done halves before.
            B: Exactly. Time to find out how stupid I am.
            A#d_marathon: Marisol ran Boston once and says the worst part is the stairs afterwards.
            """,
        ),
        (
            "2025-10-18T20:10",
            """
            A#k_finger: Bad news. I felt a pop in my right ring finger on Thursday, on a crimpy route on the Chief. I'm pretty sure it's the A2 pulley.
            B: Can you bend it? Is it swollen?
            A: Swollen, and it hurts to make a fist.
            B#h_advice: Then no climbing for four to six weeks, gentle range of motion only, and tape it when you go back. I mean it, Kai.
            A: Yes, doctor.
            B#d_finger: A patient this week shut his finger in a car door and insisted on showing me the photos first.
            A: Lovely. Thank you for that image.
            --
            B#h_mother_plan: Mum's coming from Kumasi in December for six weeks. She wants to see snow and me, in that order.
            A: I'll take her up the gondola!
            """,
        ),
        (
            "2025-11-09T17:00",
            """
            A#k_acmg: I PASSED. ACMG alpine guide, the results came through on Friday.
            B: KAI! Congratulations! All those years!
            A: I cried in a gas station. The cashier gave me a free coffee.
            --
            B#h_erjob: My news: I got the job. Emergency department at Vancouver General, starting on the 5th of January.
            A: Helen, that's incredible! We have to celebrate.
            B: Sparkling water for you, obviously.
            --
            B#h_penicillin: Remember when I came out in hives on that trip to Thailand? Turns out I'm allergic to penicillin. They finally tested me.
            A: That explains a lot. You were the colour of a tomato.
            --
            A: The finger's better. I can hang on the big holds now.
            B: Big holds only. Don't make me come up there.
            """,
        ),
        (
            "2025-12-06T13:20",
            """
            B#h_mother_visit: Mum landed from Kumasi on Wednesday. She's already rearranged my spice cupboard and told Marcus he's too thin.
            A: Is he too thin?
            B: He's an architect. They survive on espresso and rulers.
            --
            B#h_marcus: Marcus and I are looking at places to buy together, he wants something near the beach.
            A: A grown-up home! With walls that aren't a van!
            --
            A#k_sponsor: Tendril have signed me. Free ropes for a year and a bit of money towards Patagonia.
            B: Look at you, a sponsored athlete.
            A: Don't. My mum's already told the whole of Richmond.
            --
            A#k_canmore_plan: I'm heading to Canmore for the winter. There's a guiding company that needs ice-climbing guides from January, and they'll give me a cabin.
            B: A cabin! With heating?
            A: With a wood stove, which I'm told counts.
            """,
        ),
        (
            "2026-01-10T21:00",
            """
            B#h_erstart: First week in the ER done. I started on Monday and by Wednesday I'd seen two broken wrists, a snake bite and a man with a fork in his foot.
            A: A snake bite? In January?
            B: Pet snake. Long story.
            --
            A#k_canmore: I've moved into the cabin in Canmore. It's tiny, it's freezing, and I can see the Three Sisters from bed.
            B: And you're not sleeping in the van?
            A: The Sprinter is hibernating under a tarp. It earned it.
            --
            A#k_finger_healed: The finger is fully healed. Back on the ice this week and it didn't complain once.
            B: Tape it anyway.
            --
            B#h_birds: Mum has got me into birdwatching. We saw a pileated woodpecker in Stanley Park yesterday and I nearly fainted.
            A: Who even are you?
            B: A woman with a bird app and no shame.
            """,
        ),
        (
            "2026-02-07T10:30",
            """
            A: Greetings from El Chaltén! We're stuck in town waiting for a weather window, eating our body weight in empanadas.
            B: Is it windy?
            A: It's so windy the dogs walk sideways.
            A#d_weather: Marisol's checking three different forecasts every hour. They all disagree.
            --
            B#h_longrun: My long run today was 28 kilometres along the seawall. I can no longer feel my toes.
            A: That's the spirit. Or the frostbite.
            --
            B#h_binoculars: I bought proper binoculars, eighteen hundred dollars. Marcus says it's a midlife crisis. I say it's optics.
            A: It's definitely optics.
            """,
        ),
        (
            "2026-02-28T18:40",
            """
            A#k_turnback: We turned back 300 metres below the summit of Fitz Roy on the 19th. The wind was strong enough to pick Marisol off her feet.
            B: Oh Kai. I'm sorry. Are you both okay?
            A: Marisol got a bit of frostnip on two fingers, but she's fine. We'll go back one day.
            A: Honestly, turning around was the right call. The mountain will still be there.
            B: You'll still be there too, which is the important bit.
            B#d_summit: Marcus climbed Grouse Mountain once and acts like he did Everest.
            --
            B#h_offer: Our offer got accepted! A two-bedroom condo in Kitsilano, four blocks from the beach.
            A: Yes! Marcus got his beach.
            B: And I got a second bedroom for visiting climbers.
            """,
        ),
        (
            "2026-03-28T12:15",
            """
            B#h_moved: We moved into the condo last weekend. Boxes everywhere, but I can hear the sea at night.
            A: Is Kofi okay with it?
            B#h_kofi_hide: He hid under the bed for two days and then decided he owns the balcony.
            --
            A#k_stay: I've decided to stay in Canmore for good. The guiding company's offered me year-round work, and the rock here is amazing in summer too.
            B: So no more van life?
            A: Van weekends, cabin weekdays. Best of both.
            --
            A#k_ren: My brother Ren finally opened his restaurant in Richmond, it's called Kumo. Ramen and very loud music.
            B: I'm going this week. Is there a vegetarian ramen?
            A: There is, and it's the best thing on the menu.
            """,
        ),
        (
            "2026-05-09T16:50",
            """
            B#h_marathon: Three fifty-two! Sunday's marathon nearly killed me, but I did it.
            A: HELEN. Sub-four! I'm so proud of you.
            B: I cried at kilometre 38 and a stranger gave me a gummy bear.
            B#d_race: Marcus wants to run a half marathon now. He's done one run and bought three pairs of shoes.
            A: That's how it starts.
            --
            A#k_denali: Marisol and I have decided our next big trip is Denali, in June next year. I'm already staring at gear lists.
            B: Alaska! Do you need a team doctor?
            A: Would you come?
            B: I'd at least come to base camp.
            """,
        ),
    ),
    (
        q(SINGLE, "What is the name of Helen's cat?", "h_kofi", "Kofi."),
        q(SINGLE, "Who is going to Patagonia with Kai?", "k_patagonia", "Marisol."),
        q(SINGLE, "Which finger did Kai injure?", "k_finger", "His right ring finger (probably the A2 pulley)."),
        q(SINGLE, "Which company sponsors Kai?", "k_sponsor", "Tendril, which gives him free ropes."),
        q(SINGLE, "What is Helen allergic to?", "h_penicillin", "Penicillin."),
        q(SINGLE, "What is Ren's restaurant called?", "k_ren", "Kumo."),
        q(SINGLE, "What was Helen's marathon time?", "h_marathon", "Three hours fifty-two minutes."),
        q(SINGLE, "How much did Helen's binoculars cost?", "h_binoculars", "Eighteen hundred dollars."),
        q(SINGLE, "Where are Kai and Marisol going next June?", "k_denali", "Denali, in Alaska."),
        q(MULTI, "Which mountain did Kai attempt in Patagonia, and who climbed with him?", "k_patagonia k_turnback",
          "Fitz Roy, with Marisol."),
        q(MULTI, "What kind of medicine did Helen practise before her new job, and at which hospital is the new job?",
          "h_gp h_erjob", "Family medicine at a practice in Mount Pleasant; the new job is in the emergency "
          "department at Vancouver General."),
        q(MULTI, "What hobby did Helen pick up from her mother, and where does her mother live?",
          "h_mother_plan h_birds", "Birdwatching; her mother lives in Kumasi."),
        q(MULTI, "Who is Helen's partner, and where did they buy a home?", "h_marcus h_offer",
          "Marcus, an architect; a two-bedroom condo in Kitsilano."),
        q(MULTI, "Why did Kai stop drinking, and how did that trip turn out?", "k_sober k_turnback",
          "To train for Patagonia; he and Marisol turned back 300 metres below the summit of Fitz Roy."),
        q(MULTI, "What did Helen tell Kai to do about his finger, and when was he climbing again properly?",
          "h_advice k_finger_healed",
          "No climbing for four to six weeks and tape it afterwards; it was fully healed and he was back on the "
          "ice in January."),
        q(MULTI, "By how much did Helen beat her marathon goal?", "h_goal h_marathon",
          "By eight minutes: the goal was under four hours and she ran 3:52."),
        q(MULTI, "Where did Helen move to, and how did her cat react?", "h_offer h_moved h_kofi_hide",
          "A condo in Kitsilano; Kofi hid under the bed for two days, then took over the balcony."),
        q(MULTI, "Why did Kai go to Canmore, and is he staying?", "k_canmore_plan k_stay",
          "To guide ice climbing for the winter; yes, he has decided to stay for good with year-round work."),
        q(TEMPORAL, "Where was Kai living in October 2025?", "k_van k_canmore",
          "In his Sprinter van in Squamish (he moved to a cabin in Canmore in January)."),
        q(TEMPORAL, "On what day did Kai hurt his finger?", "k_finger", "Thursday 16 October 2025."),
        q(TEMPORAL, "Where was Helen working in December 2025?", "h_gp h_erstart",
          "At the family practice in Mount Pleasant; she started in the ER in January."),
        q(TEMPORAL, "When did Helen start in the emergency department?", "h_erjob h_erstart", "Monday 5 January 2026."),
        q(TEMPORAL, "When did Helen's mother arrive from Kumasi?", "h_mother_visit", "Wednesday 3 December 2025."),
        q(TEMPORAL, "On what date did Kai and Marisol turn back on Fitz Roy?", "k_turnback", "19 February 2026."),
        q(TEMPORAL, "When did Helen move into the Kitsilano condo?", "h_moved", "The weekend of 21-22 March 2026."),
        q(TEMPORAL, "When did Kai get his alpine guide results?", "k_acmg", "Friday 7 November 2025."),
        q(TEMPORAL, "Since when has Kai been off alcohol?", "k_sober", "15 September 2025."),
        q(PARAPHRASE, "Where does Kai sleep at night?", "k_van",
          "In his Sprinter van, parked below the Chief in Squamish."),
        q(PARAPHRASE, "What injury did Kai suffer?", "k_finger", "A strained A2 pulley in his right ring finger."),
        q(PARAPHRASE, "Is Helen thinking of changing careers?", "h_apply",
          "Yes, she applied to the emergency department at Vancouver General."),
        q(PARAPHRASE, "What professional qualification did Kai earn?", "k_acmg", "ACMG alpine guide."),
        q(PARAPHRASE, "Is Helen sensitive to any medication?", "h_penicillin", "Yes, she is allergic to penicillin."),
        q(PARAPHRASE, "Who is funding Kai's gear?", "k_sponsor", "Tendril."),
        q(PARAPHRASE, "Did Kai reach the top of the mountain in South America?", "k_turnback",
          "No, they turned back 300 metres short."),
        q(PARAPHRASE, "What new outdoor pastime has Helen begun?", "h_birds", "Birdwatching."),
        q(PARAPHRASE, "How did Helen's big race go?", "h_marathon", "She finished the marathon in 3:52."),
    ),
)

# Sofia, a backend developer in Stockholm, and Mateo, a jazz pianist from Buenos Aires.
C06 = Spec(
    "c06",
    ("Sofia", "Mateo"),
    (
        (
            "2026-02-03T19:45",
            """
            A#s_fraktly: I'm on call at Fraktly all week, so if I vanish mid-sentence, a delivery van somewhere has lost its route.
            B: The glamour of logistics.
            A: Somebody has to make sure your parcels get lost efficiently.
            --
            B#m_fasching: Come to Fasching on Thursday! I'm playing there every Thursday this spring.
            A: I'll try, if the servers behave.
            --
            A#s_vasa_plan: I'm skiing Vasaloppet on the 1st of March. Ninety kilometres. I've been training since October and I'm still scared.
            B: Ninety! On skis! Voluntarily?
            A: It's a very Swedish form of suffering.
            --
            B: I'm making my famous chicken satay on Saturday, want to come?
            A#s_peanut: I'd love to come, but no satay for me, I'm deathly allergic to peanuts. I carry two EpiPens everywhere.
            B: Oh god, I forgot. I'll make empanadas instead.
            """,
        ),
        (
            "2026-02-21T13:10",
            """
            A#s_rumours: There are rumours going round at work. The investors are nervous, and everyone is pretending not to update their LinkedIn.
            B: That sounds stressful. Are you worried?
            A: A little. A lot. Depends on the hour.
            --
            B#m_trio: The trio is sounding so good. Jonas on bass, Iben on drums, and me trying to keep up with both of them.
            A: I'll come and hear you soon, I promise.
            --
            A#s_greta: Greta the Monstera is now taller than me. I water her more reliably than I feed myself.
            B: She's the most successful relationship in your flat.
            A: Rude. Accurate, but rude.
            --
            B#m_sfi: I've started SFI this week, Swedish for immigrants. Three evenings a week. My teacher says my accent sounds "very Argentinian".
            A: Is that a compliment?
            B: I'm choosing to take it as one.
            """,
        ),
        (
            "2026-03-05T20:30",
            """
            A#s_vasa_done: I did it! Ninety kilometres from Sälen to Mora on Sunday, nine hours forty-one minutes. I can't feel my legs.
            B: SOFIA! That's incredible! Did you get the blueberry soup?
            A: I had about four cups. It's the only reason I finished.
            --
            B#m_piano: I did something insane. I bought a used Yamaha C3 grand, ninety-five thousand kronor, and it has to come in through the window with a crane.
            A: Through the window? Mateo!
            B: My neighbours will either love me or report me.
            B#m_linnea: Linnea says she'll play the first duet on it with me. She's bringing her cello over once it's tuned.
            A: That's very romantic. Is your girlfriend always this sweet?
            B: Only on Thursdays.
            A#d_piano: My upstairs neighbour practises the same piano scale every evening at seven, it's like a clock.
            """,
        ),
        (
            "2026-03-26T18:00",
            """
            A#s_layoffs: They let go of thirty percent of the company today. I'm still there, but half my team is gone.
            B: Oh Sofia. I'm so sorry.
            A: I've got an interview at Nordbank next week. I can't sit and wait for the next round.
            --
            B#m_tendinitis: The doctor says it's tendinitis in my right wrist, too many hours of practice. I've had to cancel two nights at Fasching.
            A: And the new piano just sitting there looking at you.
            B: Don't. It looks at me like I've betrayed it.
            A#d_wrist: Jonas told me he plays through pain all the time, so ignore him if he gives you advice.
            B: Jonas also thinks ketchup is a vegetable.
            A: Ice it, rest it, and don't play for a bit. I know that's torture.
            B: It's the worst. I keep air-playing on the kitchen table.
            """,
        ),
        (
            "2026-04-18T11:20",
            """
            B#m_album: We recorded the album! Four days this week in a studio in Gothenburg, Monday to Thursday. It's called Salt Light.
            A: Salt Light! Did the wrist hold up?
            B: Mostly. I played with a wrist brace on the slow tunes.
            B#d_gothenburg: The studio in Gothenburg had a cat that slept on the mixing desk.
            --
            A#s_offer: I got the Nordbank offer! Platform engineer, starting on the 1st of June.
            B: A bank! Will you have to wear a suit?
            A: They said "smart casual", which I think means no hoodies. I own nothing else.
            --
            A#s_erik_wedding: My brother Erik is getting married in Gothenburg in August. He asked if your trio could play at the reception.
            B: Tell him yes, of course. We'll play anything except the chicken dance.
            """,
        ),
        (
            "2026-05-09T15:30",
            """
            B#m_breakup: Linnea and I broke up last week. It was mutual, mostly. It still hurts.
            A: Oh, Mateo. Do you want to come over? I have ice cream and a very tall plant.
            B: Yes please. I'll bring wine.
            A#d_breakup: Iben asked me if you were okay, by the way. She said you played like a sad movie on Thursday.
            B: That's a fair review.
            --
            A#s_lastday: My last day at Fraktly is the 29th. I'm weirdly sad, even after everything.
            B: You built half of that place. It's allowed to be sad.
            --
            A#s_hagersten: I've started flat hunting. I'm done with my sublet in Hägersten, I want something that's actually mine.
            B: Somewhere with room for Greta to grow.
            A: Greta's needs come first, obviously.
            """,
        ),
        (
            "2026-06-06T21:15",
            """
            A#s_nordbank_first: First week at Nordbank done. I started on Monday and nobody has called me at three in the morning. No on-call rota at all!
            B: You must be sleeping like a baby.
            A: Like a very well-paid baby.
            --
            B#m_sfi_pass: I passed the SFI D exam! Now I can argue with the tax office in Swedish.
            A: Grattis! That's amazing.
            B: Tack så mycket. See? Fluent.
            --
            A#s_flat_bid: We won the bidding! A one-bedroom on Dalagatan in Vasastan, which makes me a homeowner.
            B: Sofia! Greta's going to have a balcony!
            A: She's going to have a whole window to herself.
            A#d_dalagatan: My dentist is on Dalagatan too, so now I'll have no excuse for missing appointments.
            """,
        ),
        (
            "2026-07-04T12:40",
            """
            A#s_moved: I moved into Dalagatan on Wednesday. Greta survived the move, but she's sulking by the window.
            B: She'll forgive you. Plants always do.
            --
            B#m_wrist_ok: My wrist is finally okay. I played three hours yesterday and nothing hurt.
            A: Finally! The piano must be thrilled.
            --
            B#m_mother: My mother is flying in from Buenos Aires in September for the album launch. She's already planning what to wear.
            A: Your mum is the best. Will she stay with you?
            B: She will. She's already told me my flat is too small.
            --
            A: Housewarming next Saturday, you have to come. No peanuts anywhere, I promise.
            B: I'll bring something without peanuts and with a lot of cheese.
            """,
        ),
        (
            "2026-08-15T17:25",
            """
            A#s_erik_played: Erik's wedding last Saturday was perfect, and your trio stole the show. People are still talking about the encore.
            B: Your mum danced with Iben, that was the highlight.
            A: My mum has never danced in her life before that night.
            A#d_wedding: Erik's new wife wants to learn the piano now, she says the trio inspired her.
            --
            A#s_speech: I gave my speech without crying, which is a personal best.
            B: You cried a bit.
            A: Only at the end. That doesn't count.
            --
            B#m_nalen: The launch is booked, Nalen, the 12th of September. Can you believe it?
            A: I'll be in the front row.
            """,
        ),
        (
            "2026-09-14T10:10",
            """
            B#m_launch: Saturday at Nalen sold out! My mother cried through the entire second set.
            A: It was magical, Mateo. Salt Light sounded even better live.
            B: I'm still floating.
            --
            A#s_lessons: I want to learn the piano properly. Will you teach me? I'll pay you in cinnamon buns.
            B: Deal. First lesson on Sunday, bring the buns.
            A: Start me on something easy. Like, very easy.
            --
            B: My mother has already asked when you're coming to Buenos Aires.
            A: Tell her soon. I'll need to learn some Spanish first.
            """,
        ),
    ),
    (
        q(SINGLE, "What is Sofia's Monstera called?", "s_greta", "Greta."),
        q(SINGLE, "Who plays drums in Mateo's trio?", "m_trio", "Iben."),
        q(SINGLE, "How much did Mateo pay for his Yamaha C3 grand?", "m_piano", "Ninety-five thousand kronor."),
        q(SINGLE, "What is Sofia allergic to?", "s_peanut", "Peanuts."),
        q(SINGLE, "What is Mateo's album called?", "m_album", "Salt Light."),
        q(SINGLE, "Which street is Sofia's new flat on?", "s_flat_bid", "Dalagatan, in Vasastan."),
        q(SINGLE, "What was Sofia's time in Vasaloppet?", "s_vasa_done", "Nine hours forty-one minutes."),
        q(SINGLE, "Which club does Mateo play at every Thursday?", "m_fasching", "Fasching."),
        q(SINGLE, "What job did Sofia get at Nordbank?", "s_offer", "Platform engineer."),
        q(MULTI, "Where did Sofia move to after Fraktly, and what made her start looking?", "s_layoffs s_offer",
          "Nordbank, as a platform engineer; Fraktly had let go of thirty percent of its staff."),
        q(MULTI, "What instrument does Mateo's ex-girlfriend play?", "m_linnea m_breakup",
          "The cello (Linnea, who broke up with him in early May)."),
        q(MULTI, "Why couldn't Mateo play his new grand piano at the end of March?", "m_piano m_tendinitis",
          "He had tendinitis in his right wrist from too much practice."),
        q(MULTI, "Where was Mateo's album recorded, and where was it launched?", "m_album m_launch",
          "In a studio in Gothenburg; launched at Nalen."),
        q(MULTI, "Which city hosted both Mateo's recording sessions and Sofia's brother's wedding?",
          "m_album s_erik_wedding", "Gothenburg."),
        q(MULTI, "Who flew in for Mateo's album launch, and from where?", "m_mother m_launch",
          "His mother, from Buenos Aires."),
        q(MULTI, "What is Sofia's role at Nordbank, and how is it different from her Fraktly job?",
          "s_fraktly s_offer s_nordbank_first", "Platform engineer; unlike at Fraktly, there is no on-call rota."),
        q(MULTI, "Who played at Erik's wedding reception, and who is in that band?", "m_trio s_erik_played",
          "Mateo's trio: Mateo on piano, Jonas on bass and Iben on drums."),
        q(MULTI, "What language course did Mateo take, and how did it go?", "m_sfi m_sfi_pass",
          "SFI, Swedish for immigrants, three evenings a week; he passed the D exam."),
        q(TEMPORAL, "Where was Sofia working in March 2026?", "s_fraktly s_offer",
          "At Fraktly; she only started at Nordbank in June."),
        q(TEMPORAL, "On what date did Sofia ski Vasaloppet?", "s_vasa_plan s_vasa_done", "Sunday 1 March 2026."),
        q(TEMPORAL, "Was Mateo in a relationship in March 2026?", "m_linnea m_breakup",
          "Yes, with Linnea; they broke up at the start of May."),
        q(TEMPORAL, "When did Sofia start at Nordbank?", "s_offer s_nordbank_first", "Monday 1 June 2026."),
        q(TEMPORAL, "When did Sofia move into her flat on Dalagatan?", "s_moved", "Wednesday 1 July 2026."),
        q(TEMPORAL, "When was Erik's wedding?", "s_erik_played", "Saturday 8 August 2026."),
        q(TEMPORAL, "When did Mateo record his album?", "m_album", "Monday 13 to Thursday 16 April 2026."),
        q(TEMPORAL, "On what date was the album launch at Nalen?", "m_nalen m_launch", "Saturday 12 September 2026."),
        q(TEMPORAL, "Where was Sofia living before July 2026?", "s_hagersten s_moved", "In a sublet in Hägersten."),
        q(PARAPHRASE, "Is there anything Sofia must avoid eating?", "s_peanut", "Peanuts; she is severely allergic."),
        q(PARAPHRASE, "What did Mateo splurge on for his home?", "m_piano", "A used Yamaha C3 grand piano."),
        q(PARAPHRASE, "How did Sofia's long-distance endurance event go?", "s_vasa_done",
          "She finished the 90 km Vasaloppet in 9 hours 41 minutes."),
        q(PARAPHRASE, "What went wrong with Mateo's body that stopped him performing?", "m_tendinitis",
          "Tendinitis in his right wrist."),
        q(PARAPHRASE, "Did Sofia's employer cut staff?", "s_layoffs", "Yes, thirty percent of the company."),
        q(PARAPHRASE, "What happened in Mateo's love life in May?", "m_breakup", "He and Linnea broke up."),
        q(PARAPHRASE, "Does Sofia own any plants?", "s_greta", "Yes, a Monstera named Greta."),
        q(PARAPHRASE, "Has Mateo made progress with the local language?", "m_sfi_pass",
          "Yes, he passed the SFI D exam in Swedish."),
        q(PARAPHRASE, "Did Sofia buy property?", "s_flat_bid", "Yes, a one-bedroom flat on Dalagatan in Vasastan."),
    ),
)

# Dale, a truck driver from Toledo, and his sister Rosa, a school teacher in Columbus.
C07 = Spec(
    "c07",
    ("Dale", "Rosa"),
    (
        (
            "2025-05-10T21:30",
            """
            A#d_longhaul: Parked up at a truck stop in Amarillo. Ten days out on this long-haul run to Texas and back, and I'm sick of gas station burritos.
            B: Eat a vegetable, Dale. Just one.
            A: The burrito had lettuce in it.
            --
            A#d_duke: Duke's riding shotgun as usual, head out the window the whole way through Oklahoma. Black lab, best co-driver there is, never complains.
            B: Tell him Sammy misses him.
            --
            A#d_toledo: I'll be back home in Toledo on Tuesday. The apartment's probably full of spiders by now.
            B: Make them rent.
            --
            B#r_hector: The kitchen renovation started on Monday. Our contractor, Hector, already knocked down a wall I'm pretty sure was holding up the house.
            A: Was it?
            B: He says no. He laughed, though.
            --
            B#r_party_plan: Mom's 70th: I booked the VFW hall for Saturday, August 23rd. Don't tell her, it's a surprise.
            A: My lips are sealed. I'll do the barbecue.
            """,
        ),
        (
            "2025-06-01T19:15",
            """
            A#d_boat: I bought a boat! A used sixteen-foot Lund, seven thousand two hundred dollars, and it only leaks a little.
            B: Only a little. Reassuring.
            A: I'm taking it out on Lake Erie next weekend. Walleye, here I come.
            A#d_boat_name: Should I name the boat? I'm thinking "Reel Therapy".
            B: That's terrible. Do it.
            --
            B#r_pickleball: I've taken up pickleball with the teachers from school. I'm terrible and I love it.
            A: Isn't that for retired people?
            B: The retired people destroy us every Thursday.
            --
            B#r_sammy: Sammy's volcano won second place at the science fair! Baking soda everywhere. The judges got splashed.
            A: That's my nephew. Tell him Uncle Dale says good job.
            """,
        ),
        (
            "2025-06-28T14:00",
            """
            B#r_apply: I applied for assistant principal at Linden. Ten years teaching fifth grade there and I think I'm ready.
            A: You've been running that school unofficially for years anyway.
            B: Don't tell the principal that.
            --
            B#r_coffee: I'm on my fourth coffee of the day and it's only two o'clock. Hector's noise is going to finish me off.
            A: Four! That's more than me, and I drive all night.
            --
            A#d_symptoms: I've been weird lately. Thirsty all the time, blurry eyes by the end of a shift. I've got a doctor's appointment this week.
            B: Good. Please actually go.
            A: I'm going. Don't nag.
            B#d_doctor: Victor's doctor told him to cut back on salt last year and he just switched to hot sauce.
            A: That's a Victor solution.
            --
            B#r_countertops: The countertops are backordered till September. Hector shrugged and said "supply chain".
            A: Supply chain is the answer to everything now.
            """,
        ),
        (
            "2025-07-16T20:45",
            """
            A#d_diagnosis: So, the results came back last Thursday. Doc says it's type 2 diabetes, with an A1C of 8.1. No more soda, more walking, and a pill twice a day.
            B: Oh, Dale. How are you feeling about it?
            A: Scared, honestly. But Dad had it, so I kind of saw it coming.
            B: We'll figure it out. I'll send you recipes.
            A#d_soda: I poured the last twelve-pack of soda down the sink. Felt like a funeral.
            --
            A#d_walking: Duke and I are walking every night now, a mile and a half around the block. He's thrilled.
            B: Finally somebody's getting their walks.
            --
            B#r_ap_job: Some good news: I got the job! Assistant principal at Linden, starting August 4th.
            A: Rosa! That's amazing. Mom's going to cry.
            B: She already did. Twice.
            """,
        ),
        (
            "2025-08-26T18:30",
            """
            B#r_party: Saturday was perfect. Mom had no idea. Seventy years old and she screamed like a teenager when we yelled surprise.
            A: And the brisket went down well.
            B: Your brisket is the only reason half the VFW came.
            --
            B#r_ap_first: Three weeks as assistant principal. I've had more meetings than I had in ten years of teaching.
            A: Do you miss the kids?
            B: I still see them. Mostly when they're in trouble.
            --
            A#d_ask: I asked the boss about regional routes. If I'm home every night I can cook proper food and keep up the walking.
            B: That's a great idea. What did he say?
            A: He said he'd see. Which means maybe.
            --
            A#d_party_distractor: Mom's friend Carol asked me if I was still single at the party. Loudly.
            B: Carol has no filter.
            """,
        ),
        (
            "2025-09-20T12:10",
            """
            A#d_regional: I'm on regional routes now! Started Monday, Toledo to Dayton and back, home every single night.
            B: Dale! How does it feel?
            A: Weird. I keep waking up in a real bed and panicking.
            --
            B#r_decaf: I've quit coffee. I wasn't sleeping, so it's herbal tea from now on, God help my students.
            A: You? No coffee? Who are you?
            B: A very tired woman with chamomile.
            --
            B#r_mia: Mia started seventh grade at the middle school. Twelve going on thirty. She rolls her eyes at me in the hallway.
            A: She gets that from you.
            --
            A#d_duke_home: Duke doesn't know what to do with himself now that he's not in the truck. He sleeps by the door all day.
            """,
        ),
        (
            "2025-10-18T16:40",
            """
            B#r_kitchen_done: The kitchen is DONE. Quartz countertops, new cabinets, and I cried when Hector handed back our keys.
            A: Six months! Do you even remember how to cook?
            B: Victor made pancakes this morning just to christen it.
            --
            A#d_walleye: Caught a nine-pound walleye on Lake Erie last weekend! Biggest fish of my life.
            B: Send me a photo or it didn't happen.
            A: Sending. Look at the size of that thing.
            --
            A#d_thinking: I've been thinking about moving to Columbus. Mom's not getting younger and you're all down there. The company has a yard there too.
            B: Really? Please do. Sammy would explode with joy.
            --
            B#d_lake: Victor wants to go ice fishing this winter. I told him he can go with you.
            """,
        ),
        (
            "2025-11-15T10:20",
            """
            A#d_moved: Well, I'm officially a Columbus guy. Moved into the apartment in Clintonville last Saturday. Duke has already found the park.
            B: Welcome! Dinner at ours on Sunday, no excuses.
            A: Can I bring anything?
            B: Just Duke. Sammy insists.
            --
            A#d_denise: I met someone. Denise, she's a dental hygienist. We got talking at the counter at Tee Jaye's.
            B: DALE! Tell me everything.
            A: We're getting dinner on Friday. That's all there is to tell.
            --
            B#r_victor: Victor says he can come and rewire your kitchen lights if they're as bad as you said. Electrician perks.
            A: They flicker like a horror movie. Tell him yes please.
            """,
        ),
        (
            "2025-12-13T19:50",
            """
            A#d_a1c: A1C is down to 6.4 and I'm eighteen pounds lighter. Doc gave me a high five.
            B: Dale, I'm so proud of you.
            A: Turns out walking and not drinking soda actually works. Who knew.
            --
            B#r_sammy_dog: Sammy has asked Santa for a dog "exactly like Uncle Dale's". We are not getting a dog.
            A: You're getting a dog.
            B: We are not getting a dog.
            --
            A: Denise is coming to Mom's for Christmas, if that's okay.
            B: Okay? Mom's already bought her a stocking.
            --
            B#d_denise_distractor: Mom's dentist retired last month and she's been asking everyone to recommend a new one.
            A: I know a very good hygienist.
            """,
        ),
        (
            "2026-01-10T15:05",
            """
            A#d_dispatcher: Big news for the new year. The company wants to train me as a dispatcher, starting in February. No more driving at all.
            B: Dale! Off the road completely?
            A: I'll miss it. But my back won't.
            --
            B#r_victor_contract: Victor landed the contract for the electrics at the new elementary school on the east side. His biggest job ever.
            A: Good for him. Tell him I'll buy him a beer.
            --
            B: So, about the dog. We're meeting a beagle at the shelter on Saturday.
            A: I told you. You're getting a dog.
            """,
        ),
    ),
    (
        q(SINGLE, "What breed is Duke?", "d_duke", "A black lab."),
        q(SINGLE, "How much did Dale pay for his boat?", "d_boat", "Seven thousand two hundred dollars."),
        q(SINGLE, "What place did Sammy's volcano get at the science fair?", "r_sammy", "Second place."),
        q(SINGLE, "Who is doing Rosa's kitchen renovation?", "r_hector", "A contractor called Hector."),
        q(SINGLE, "Where is Mom's 70th birthday party being held?", "r_party_plan", "At the VFW hall."),
        q(SINGLE, "What sport did Rosa take up with the teachers from school?", "r_pickleball", "Pickleball."),
        q(SINGLE, "How big was the walleye Dale caught on Lake Erie?", "d_walleye", "Nine pounds."),
        q(SINGLE, "What does Denise do for work?", "d_denise", "She is a dental hygienist."),
        q(SINGLE, "Which part of Columbus did Dale move to?", "d_moved", "Clintonville."),
        q(MULTI, "What health condition does Dale have, and what did he change about his job because of it?",
          "d_diagnosis d_ask d_regional",
          "Type 2 diabetes; he switched to regional routes so he is home every night to cook and walk."),
        q(MULTI, "What did the finished kitchen get, and who did the work?", "r_hector r_kitchen_done",
          "Quartz countertops and new cabinets; the contractor Hector did it."),
        q(MULTI, "How has Dale's A1C changed since his diagnosis?", "d_diagnosis d_a1c", "From 8.1 down to 6.4."),
        q(MULTI, "At which school does Rosa work, and what is her job there now?", "r_apply r_ap_job",
          "Linden; she is now assistant principal after ten years teaching fifth grade."),
        q(MULTI, "What boat did Dale buy, and what is the biggest fish he has caught?", "d_boat d_walleye",
          "A used sixteen-foot Lund; a nine-pound walleye."),
        q(MULTI, "Why did Dale move to Columbus, and where did he settle?", "d_thinking d_moved",
          "To be near his mother and Rosa's family; he moved to an apartment in Clintonville."),
        q(MULTI, "Sammy wants a dog like his uncle's. What breed would that be?", "d_duke r_sammy_dog",
          "A black lab, like Dale's dog Duke."),
        q(MULTI, "How old did Mom turn, and what did Dale cook for her party?", "r_party_plan r_party",
          "Seventy; he made brisket on the barbecue."),
        q(MULTI, "What is Dale's next role at the company, and what was he driving before that?",
          "d_regional d_dispatcher", "Dispatcher, training from February; before that regional routes, "
          "Toledo to Dayton."),
        q(TEMPORAL, "Which city was Dale living in during the summer of 2025?", "d_toledo d_moved",
          "Toledo; he moved to Columbus in November."),
        q(TEMPORAL, "When did Dale get his diabetes diagnosis?", "d_diagnosis", "Thursday 10 July 2025."),
        q(TEMPORAL, "What kind of routes was Dale driving in May 2025?", "d_longhaul d_regional",
          "Long-haul runs, for example to Texas and back."),
        q(TEMPORAL, "When did Rosa start as assistant principal?", "r_ap_job", "Monday 4 August 2025."),
        q(TEMPORAL, "When was Mom's surprise 70th?", "r_party_plan r_party", "Saturday 23 August 2025."),
        q(TEMPORAL, "On what date did Dale start his regional routes?", "d_regional", "Monday 15 September 2025."),
        q(TEMPORAL, "Was Rosa still drinking coffee in June 2025?", "r_coffee r_decaf",
          "Yes, about four cups a day; she quit in September."),
        q(TEMPORAL, "When did Dale move to Columbus?", "d_moved", "Saturday 8 November 2025."),
        q(TEMPORAL, "How long after his diagnosis did Dale's A1C reach 6.4?", "d_diagnosis d_a1c",
          "About five months: diagnosed on 10 July, 6.4 by mid-December 2025."),
        q(PARAPHRASE, "Does Dale have a travel companion on the road?", "d_duke", "Yes, his black lab Duke."),
        q(PARAPHRASE, "What did Dale splash out on for his time off?", "d_boat", "A used sixteen-foot Lund boat."),
        q(PARAPHRASE, "What illness did the doctor find in Dale?", "d_diagnosis", "Type 2 diabetes."),
        q(PARAPHRASE, "Did Rosa get promoted?", "r_ap_job", "Yes, to assistant principal at Linden."),
        q(PARAPHRASE, "Is the home improvement project finished?", "r_kitchen_done", "Yes, the kitchen is done."),
        q(PARAPHRASE, "Why is Rosa avoiding caffeine?", "r_decaf", "She wasn't sleeping."),
        q(PARAPHRASE, "What did Dale pull out of the water?", "d_walleye", "A nine-pound walleye."),
        q(PARAPHRASE, "Is Dale dating anyone?", "d_denise", "Yes, Denise, a dental hygienist."),
        q(PARAPHRASE, "How is Dale's blood sugar now?", "d_a1c", "Much better: his A1C is down to 6.4."),
    ),
)

# Amara, a journalist in Paris with a tortoise, and Yusuf, a chef in Berlin opening his own place.
C08 = Spec(
    "c08",
    ("Amara", "Yusuf"),
    (
        (
            "2025-01-12T11:00",
            """
            B#y_burn: I burned my hand on the plancha at Kiln on Friday. Second-degree, it's wrapped up like a mummy.
            A: Yusuf! Are you still working?
            B: Left-handed. Very slowly. The head chef is not amused.
            --
            A#a_freelance: Freelancing in January is grim. I've pitched six stories and chased four unpaid invoices this week.
            B: They'll pay. Eventually. Probably.
            --
            A#a_oil: I'm working on something big, though. Olive oil being cut with cheap sunflower oil and sold as extra virgin in Paris supermarkets.
            B: No! That's criminal. Literally, I assume.
            A: Literally. I've got lab results.
            --
            A#a_belleville: My sixth-floor walk-up in Belleville has no heating in the bathroom, so I'm writing in a coat.
            B: Writers are supposed to suffer, no?
            --
            A#a_sekou: Sékou sends his regards. He ate a whole strawberry today, which for a tortoise is basically a feast.
            B: Tell him to slow down.
            """,
        ),
        (
            "2025-02-02T20:40",
            """
            B#y_kiln: I did it. I handed in my notice at Kiln. Six years as sous-chef and I'm finally going to open my own place.
            A: YUSUF. Oh my god. What will it be?
            B#y_ocak: It's called Ocak. It means hearth. Anatolian small plates, everything cooked over fire.
            A: I'm already hungry.
            --
            A#a_bike: My bike was stolen outside the Gare de l'Est on Thursday. I was inside for eleven minutes.
            B: Paris. I'm sorry.
            A: I hope whoever took it gets a puncture every day for a year.
            --
            A#a_german: I've signed up for German at the Goethe-Institut, Tuesday and Thursday evenings. So I can order at your restaurant properly.
            B: You'll only need one word: mehr.
            --
            B#y_elif: My sister Elif is due in May, the whole family is already arguing about names.
            A: Suggest Amara. It's a great name.
            """,
        ),
        (
            "2025-03-09T18:25",
            """
            B#y_crowdfund: The crowdfunding closed at thirty-eight thousand euros! Three hundred and twelve people believed in a kebab dream.
            A: That's incredible! I'm one of the three hundred and twelve, I'll have you know.
            B: I know. Your name is going on the wall.
            --
            B#y_lease: We signed for the space! It's an old bakery on Weserstraße in Neukölln, the bread oven is still in the back.
            A: A bakery oven in a restaurant called Hearth. It was meant to be.
            B#d_bakery: There's another bakery on the same street that does amazing pretzels, so I'll never eat healthily again.
            --
            A#a_editor: My editor at L'Écho read the olive oil draft and said "merde" three times, which is good.
            B: The highest French compliment.
            --
            A#a_newbike: I bought a secondhand Peugeot to replace the stolen bike. Bright orange, so nobody will want it.
            B: Good strategy.
            """,
        ),
        (
            "2025-04-16T21:10",
            """
            A#a_published: The olive oil piece came out on Monday! "Liquid Gold, Diluted", front page of L'Écho's website.
            B: AMARA! I've read it twice. The supermarkets must be furious.
            A: Two of them have already pulled products. I'm shaking.
            A#d_oil: My aunt in Dakar only uses palm oil and says olive oil is for salads and tourists.
            --
            B#y_knife: Birthday present to myself: a Takamura gyuto. Three hundred and forty euros, and it cuts tomatoes like they're air.
            A: Happy birthday! How old?
            B: Thirty-six. Old enough to spend too much on a knife.
            --
            B#y_jana: Jana is making all the plates for Ocak in her studio. Every one is slightly different, like little moons.
            A: Your girlfriend is a genius.
            B: She really is. Don't tell her I said so.
            """,
        ),
        (
            "2025-05-11T12:30",
            """
            B#y_defne: She's here! Elif had a little girl on Wednesday, Defne, three point two kilos, and I'm an uncle!
            A: Congratulations, Uncle Yusuf! Send photos immediately.
            B: Sending forty. Sorry in advance.
            --
            B#y_menu_open: Test dinners this week. The opening menu is very meaty: lamb, beef, chicken thighs, everything on the grill.
            A: I'm sure it's perfect.
            --
            A#a_a2: I passed my German A2 exam at the Goethe-Institut! The speaking part was about buying a train ticket.
            B: Sehr gut! Now you can escape Berlin by train.
            --
            A#a_hunting: I'm looking at flats in Montreuil. I'm done with six flights of stairs and a tortoise who hates lifts.
            B: Does Sékou even go in the lift?
            A: He tried once. He didn't like it.
            """,
        ),
        (
            "2025-06-08T19:00",
            """
            B#y_opened: Ocak opened on Friday! Full house both nights. I haven't slept, and I don't care.
            A: I'm so proud of you I could cry. How did the oven behave?
            B: Like a dragon. A friendly dragon.
            B: Jana's plates got more compliments than my food.
            A: That's because they're beautiful. And so is your food.
            --
            A#a_moved: I've moved! Montreuil, ground floor, with a tiny courtyard where Sékou can wander. Moved in last weekend.
            B: No more stairs!
            A: No more stairs. I stood in the courtyard and laughed like a villain.
            A#d_montreuil: There's a Turkish grill round the corner in Montreuil, but I've promised myself I'll only judge it once I've eaten at Ocak.
            """,
        ),
        (
            "2025-07-06T10:45",
            """
            A#a_staff: L'Écho offered me a staff job on the investigations desk. No more chasing invoices! I start on the 1st of September.
            B: Amara! That's amazing. They'd be stupid not to.
            A: I negotiated and everything. I feel like an adult.
            --
            B#y_review: The Tagesspiegel gave Ocak four stars! The reviewer called the lamb "quietly devastating".
            A: Quietly devastating! Put it on a T-shirt.
            --
            A#a_dakar_plan: I fly to Dakar on the 18th for Mami's birthday. My grandmother, I mean. The whole family is coming.
            B: Bring me back some spices. Please.
            A: I'll bring you a suitcase of them.
            --
            B: Defne smiled at me yesterday. Elif says it's gas. I say it's love.
            A: It's love. Obviously.
            """,
        ),
        (
            "2025-07-31T16:20",
            """
            A#a_dakar_back: Back from Dakar. Mami danced all night, at ninety! I have never seen her so happy.
            B: Ninety and dancing. That's the dream.
            A: She told me I'm too thin and that I work too much. Both true.
            --
            B#y_menu_change: From August the menu goes mostly vegetable, meat only on weekends. Two months of service showed me people come back for the aubergine, not the lamb.
            A: Bold move for a man who cooks on fire.
            B: Fire loves vegetables too.
            B#d_menu: The reviewer who gave us four stars emailed to ask if the lamb is staying. I said: on Saturdays.
            --
            A: I brought you back three kinds of pepper and a bag of dried hibiscus.
            B: Bissap! I'm going to make a sauce with it.
            """,
        ),
        (
            "2025-08-24T14:10",
            """
            A#a_berlin: I ate at Ocak on Thursday and ordered the whole meal in German! The waiter only switched to English once.
            B: Only once! Your A2 is paying off.
            A: I'm still dreaming about the charred aubergine.
            B: Did you see the bread oven?
            A: I did. I may have hugged it.
            --
            A: Sékou is at my neighbour's while I'm here. She sends me photos of him every morning.
            B: That's the most loved tortoise in Europe.
            --
            B#d_berlin: Jana brought my mum to Ocak last week and she criticised the salt. In my own restaurant.
            """,
        ),
        (
            "2025-09-14T20:00",
            """
            A#a_first_weeks: Two weeks on staff at L'Écho and I'm already on a new investigation: what delivery app riders actually earn per hour.
            B: Go get them.
            A: I've been riding around with couriers at night, my legs are dead.
            --
            B#y_hire: I hired a second chef, Mehmet. He was a line cook at Kiln with me, so he already knows all my bad habits.
            A: Finally, a day off for you!
            B: One day. Mondays. Don't get excited.
            --
            A: Sékou is eating less, I think he's getting ready to hibernate already.
            B: Tell him to enjoy his winter holiday.
            """,
        ),
    ),
    (
        q(SINGLE, "What is the name of Amara's tortoise?", "a_sekou", "Sékou."),
        q(SINGLE, "What is Yusuf's restaurant called?", "y_ocak", "Ocak (it means hearth)."),
        q(SINGLE, "How much did Yusuf's crowdfunding raise?", "y_crowdfund", "Thirty-eight thousand euros."),
        q(SINGLE, "Which knife did Yusuf buy for his birthday?", "y_knife", "A Takamura gyuto."),
        q(SINGLE, "What is the name of Elif's baby?", "y_defne", "Defne."),
        q(SINGLE, "How many stars did the Tagesspiegel give Ocak?", "y_review", "Four."),
        q(SINGLE, "What was Amara's olive oil article called?", "a_published", '"Liquid Gold, Diluted".'),
        q(SINGLE, "What is Jana making for Ocak?", "y_jana", "All the plates."),
        q(SINGLE, "Where was Amara's bike stolen?", "a_bike", "Outside the Gare de l'Est."),
        q(MULTI, "Where did Yusuf work before opening his own restaurant, and where is the new one?", "y_kiln y_lease",
          "He was sous-chef at Kiln for six years; Ocak is in an old bakery on Weserstraße in Neukölln."),
        q(MULTI, "What did Amara's olive oil investigation uncover, and where was it published?", "a_oil a_published",
          "Olive oil cut with sunflower oil sold as extra virgin; it was published by L'Écho."),
        q(MULTI, "What kind of animal is Sékou, and what does Amara's new flat have for him?", "a_sekou a_moved",
          "A tortoise; the ground-floor flat in Montreuil has a small courtyard he can wander in."),
        q(MULTI, "Who is Defne's mother, and how is she related to Yusuf?", "y_elif y_defne",
          "Elif, Yusuf's sister."),
        q(MULTI, "What did Amara buy to replace the bike stolen at the Gare de l'Est?", "a_bike a_newbike",
          "A bright orange secondhand Peugeot."),
        q(MULTI, "Which language exam did Amara pass, and where did she put it to use?", "a_a2 a_berlin",
          "German A2 at the Goethe-Institut; she ordered a whole meal in German at Ocak."),
        q(MULTI, "How was Ocak paid for, and what was its building used for before?", "y_crowdfund y_lease",
          "By crowdfunding (€38,000); the building was an old bakery."),
        q(MULTI, "How old did Amara's grandmother turn, and where does she live?", "a_dakar_plan a_dakar_back",
          "Ninety; she lives in Dakar."),
        q(MULTI, "How has Ocak's menu changed since it opened?", "y_menu_open y_menu_change",
          "It opened very meaty (lamb, beef, chicken on the grill); from August it is mostly vegetables, "
          "with meat only on weekends."),
        q(TEMPORAL, "When did Yusuf burn his hand?", "y_burn", "Friday 10 January 2025."),
        q(TEMPORAL, "Where was Yusuf working in January 2025?", "y_burn y_kiln",
          "At Kiln, as sous-chef (he handed in his notice at the start of February)."),
        q(TEMPORAL, "On what day was Amara's bike stolen?", "a_bike", "Thursday 30 January 2025."),
        q(TEMPORAL, "When was the olive oil article published?", "a_published", "Monday 14 April 2025."),
        q(TEMPORAL, "When was Defne born?", "y_defne", "Wednesday 7 May 2025."),
        q(TEMPORAL, "On what date did Ocak open?", "y_opened", "Friday 6 June 2025."),
        q(TEMPORAL, "Where was Amara living in April 2025?", "a_belleville a_moved",
          "In a sixth-floor walk-up in Belleville; she moved to Montreuil at the start of June."),
        q(TEMPORAL, "Was Amara on a newspaper's staff in the spring of 2025?", "a_freelance a_staff",
          "No, she was freelance; her staff job at L'Écho started on 1 September 2025."),
        q(TEMPORAL, "What kind of food did Ocak serve in its first weeks?", "y_menu_open y_menu_change",
          "Meat-heavy grill dishes (lamb, beef, chicken); the menu went mostly vegetable in August."),
        q(PARAPHRASE, "What injury did Yusuf get at work?", "y_burn", "A second-degree burn on his hand."),
        q(PARAPHRASE, "Does Amara have any unusual pets?", "a_sekou", "Yes, a tortoise called Sékou."),
        q(PARAPHRASE, "How did Yusuf raise the money for his business?", "y_crowdfund",
          "Crowdfunding: €38,000 from 312 backers."),
        q(PARAPHRASE, "What did Yusuf treat himself to?", "y_knife", "A Takamura gyuto knife for his birthday."),
        q(PARAPHRASE, "Has Yusuf's family grown?", "y_defne", "Yes, his sister Elif had a baby girl, Defne."),
        q(PARAPHRASE, "What did critics say about Yusuf's place?", "y_review",
          "The Tagesspiegel gave it four stars and called the lamb quietly devastating."),
        q(PARAPHRASE, "Where did Amara relocate to?", "a_moved", "Montreuil."),
        q(PARAPHRASE, "What career change is Amara making?", "a_staff",
          "She is going from freelance to a staff job on L'Écho's investigations desk."),
        q(PARAPHRASE, "What new kind of cooking is Yusuf focusing on?", "y_menu_change",
          "Mostly vegetable dishes, with meat only on weekends."),
    ),
)

# Niamh, a librarian in Galway, and her college friend Seun, a firefighter in Dublin.
C09 = Spec(
    "c09",
    ("Niamh", "Seun"),
    (
        (
            "2025-10-11T14:20",
            """
            A#n_galway_lib: Busy day at the library. I've been at the Galway city branch eight years now and I still find books I've never seen.
            B: Anything good?
            A: A 1970s guide to keeping bees in a flat. Fascinating, and deeply alarming.
            --
            A#n_bookclub: My Thursday book club is doing The Secret History. Half of them love it, half want to report the characters to the guards.
            B: That's the correct split.
            --
            B#s_tara: Back-to-back 24-hour shifts at Tara Street station this week. We got called out to three chip-pan fires and a cat up a crane.
            A: A cat up a crane! How?
            B: Nobody knows. The cat isn't telling.
            --
            B#s_dj: I've started DJ lessons at a place in Smithfield. Two turntables and no idea what I'm doing.
            A: DJ Seun! I love it.
            --
            A#n_aran: I'm knitting Dad an Aran jumper for his birthday in January. Cables everywhere, and I've already unpicked it twice.
            B: He'll wear it till it falls apart.
            """,
        ),
        (
            "2025-11-08T12:45",
            """
            A#n_biscuit: I adopted a retired racing greyhound on Wednesday, from a rescue in Athenry! Biscuit. She's six and she sleeps twenty hours a day.
            B: Niamh! Photos, now.
            A: Sending. She's curled up like a prawn on my good blanket.
            --
            B#s_mortgage: I've put in the mortgage application. Fingers crossed, toes crossed, everything crossed.
            A: You'll get it. You've been saving for years.
            --
            B#d_fire: We had a house fire in Cabra on Tuesday, everyone got out, but the family's greyhound hid under the bed and we had to carry him out.
            A: Oh, the poor thing. Is he okay?
            B: Smoky and embarrassed, but fine.
            --
            A: Book club voted for a ghost story next. I'm pretending I'm not scared.
            B: You are scared.
            A: I'm terrified.
            """,
        ),
        (
            "2025-12-06T19:10",
            """
            B#s_house: Mortgage approved! I'm buying a little terraced house in Phibsborough. Two bedrooms and a very sad garden.
            A: SEUN! A house! I'm so proud of you.
            B: I'll need help with that garden.
            --
            A#n_glasses: The optician says my migraines are probably from my old prescription. New glasses on Monday, big tortoiseshell ones.
            B: Very librarian.
            A: That's the look I'm going for.
            --
            A#n_stairs: Biscuit is scared of the stairs. She stands at the bottom and looks at me like I've betrayed her.
            B: Carry her like a princess.
            --
            B#s_chicken: I made jollof with chicken for the whole crew last night. Twelve firefighters, not a grain of rice left.
            A: You feed those lads better than their mams do.
            """,
        ),
        (
            "2026-01-03T11:30",
            """
            A#n_salthill: I did the New Year's Day dip at Salthill and now I'm hooked. Every Sunday morning, in the freezing sea, with a flask of soup.
            B: You're out of your mind.
            A: It's the best I've felt in years. Come in with me sometime.
            --
            B#s_veg: I've been vegetarian since New Year's Day. I watched a documentary about factory farms and I couldn't unsee it.
            A: Even your jollof?
            B: Jollof with mushrooms. Don't laugh.
            B#d_veg: One of the lads at the station is doing Veganuary and complaining about it every ten minutes.
            --
            A#n_apply: Trinity College Library is hiring an assistant librarian for the Early Printed Books collection. I've applied.
            B: In Dublin? You'd move?
            A: For that job? In a heartbeat. Biscuit's coming with me, obviously.
            """,
        ),
        (
            "2026-01-31T16:40",
            """
            B#s_promo: I passed the exam! My promotion to sub-officer is confirmed, from the 16th of February.
            A: Sub-officer Adeyemi! Congratulations!
            B: I'll be in charge of a whole watch. Terrifying.
            --
            A#n_aran_done: I finished the Aran jumper and gave it to Dad on his birthday last Saturday. He cried. He's worn it every day since.
            B: Told you he would.
            A#d_jumper: Mum says she wants one too now, but I've told her it took me three months and I need a lie down first.
            --
            A: Trinity want me in for an interview on Thursday.
            B: You'll be brilliant. Just talk about old books like you do with me.
            """,
        ),
        (
            "2026-02-21T20:15",
            """
            B#s_moved: Moved into the house last weekend. I have a bed, a kettle and forty boxes.
            A: The essentials! How does it feel?
            B: Strange and brilliant. It's so quiet.
            --
            B#s_dayshifts: The first week as sub-officer is done. Day shifts now, nine to six, no more twenty-four hours on.
            A: You'll finally sleep at night like a normal person.
            --
            A#n_trinity_job: I got the job! Assistant librarian at Trinity, Early Printed Books. I start on the 7th of April.
            B: NIAMH! You're moving to Dublin!
            A: I'm moving to Dublin. I'm a bit sick with excitement.
            B: I'll give you the grand tour of Phibsborough. All three cafés.
            A: I can't wait.
            """,
        ),
        (
            "2026-03-14T13:05",
            """
            B#s_djset: Last night I played my first proper DJ set, at The Workman's Club. Forty minutes, and only one song skipped.
            A: Seun! How was the crowd?
            B: They danced! Mostly. Two of them were my friends.
            --
            B#s_dad_surgery: My dad's having a heart bypass in Lagos next week, so I'm flying out on the 20th.
            A: Oh, Seun. I'll be thinking of you all.
            B: The doctors are confident. My mum is not.
            A#d_lagos: My boss went to Lagos for a conference once and still talks about the suya.
            --
            A#n_flat: I've found a flat in Stoneybatter with a little yard for Biscuit. Ten minutes' walk from the Phoenix Park.
            B: Stoneybatter! You'll be twenty minutes from me.
            """,
        ),
        (
            "2026-04-11T18:50",
            """
            A#n_moved: I'm officially a Dubliner. I moved into the flat in Stoneybatter last Saturday, and Biscuit already has a favourite lamp post.
            B: Welcome to the big smoke!
            --
            A#n_trinity_start: First week at Trinity done. I started on Tuesday and I've already held a book from 1482. With gloves, before you ask.
            B: I wasn't going to ask. I was going to be jealous.
            --
            A#n_phoenix: Biscuit loves the Phoenix Park. She saw a deer and just stood there trembling with joy.
            B: She's a city girl now.
            --
            B#s_back: I'm back from Lagos. Dad's recovering really well, he's already complaining about the hospital food, which is a good sign.
            A: That's such a relief. Give him my love.
            """,
        ),
        (
            "2026-05-09T10:15",
            """
            A#n_fortyfoot: I went in at the Forty Foot this morning! Colder than Salthill, and full of very chatty old men.
            B: You've found your people.
            A: One of them has been swimming there every day for fifty years.
            --
            B#s_veg_still: Still vegetarian, by the way, four months now! The crew have mostly stopped making fun of my lentil stew.
            A: I'm impressed. Your mushroom jollof converted me.
            --
            A#n_orla: Orla's wedding is on the 13th of June in Kenmare. She's asked if you'd DJ the afters.
            B: Me? For your sister's wedding? I'd be honoured.
            A: She heard about your set at The Workman's Club.
            B#d_wedding: A couple got married in the fire station last year because he proposed there. The chief was not consulted.
            """,
        ),
        (
            "2026-06-20T15:30",
            """
            A#n_wedding: Kenmare last Saturday was perfect. Orla cried, Dad cried, everyone cried.
            B: I did not cry.
            A: You cried during the first dance, Seun.
            B#s_wedding_dj: That was the best crowd I've ever had. Your granny requested Whitney Houston three times.
            A: She's still talking about "the lovely DJ".
            --
            A: Biscuit stayed with my neighbour and apparently ate a whole loaf of bread.
            B: That's a dog on holiday.
            --
            B#s_dayo: My nephew Dayo starts secondary school in September and he's already asking me for DJ lessons.
            A: The dynasty begins.
            """,
        ),
    ),
    (
        q(SINGLE, "What is the name of Niamh's greyhound?", "n_biscuit", "Biscuit."),
        q(SINGLE, "Which fire station does Seun work at?", "s_tara", "Tara Street."),
        q(SINGLE, "Which book was Niamh's Thursday book club reading in October?", "n_bookclub", "The Secret History."),
        q(SINGLE, "What is Niamh knitting for her dad?", "n_aran", "An Aran jumper."),
        q(SINGLE, "Which area of Dublin is Seun's house in?", "s_house", "Phibsborough."),
        q(SINGLE, "Where did Seun play his first DJ set?", "s_djset", "At The Workman's Club."),
        q(SINGLE, "Where is Orla's wedding being held?", "n_orla", "In Kenmare."),
        q(SINGLE, "Which neighbourhood is Niamh's Dublin flat in?", "n_flat", "Stoneybatter."),
        q(SINGLE, "What rank was Seun promoted to?", "s_promo", "Sub-officer."),
        q(MULTI, "Where did Niamh work before Trinity, and what is her job there?", "n_galway_lib n_trinity_job",
          "At the Galway city library branch; at Trinity she is an assistant librarian for Early Printed Books."),
        q(MULTI, "What did Biscuit do before Niamh adopted her, and where does she love walking now?",
          "n_biscuit n_phoenix", "She was a racing greyhound; she loves the Phoenix Park."),
        q(MULTI, "Why did Seun fly to Lagos, and how is the person he went to see?", "s_dad_surgery s_back",
          "His dad was having a heart bypass; he is recovering well."),
        q(MULTI, "Where has Niamh been sea swimming?", "n_salthill n_fortyfoot",
          "At Salthill in Galway and at the Forty Foot in Dublin."),
        q(MULTI, "What hours does Seun work since his promotion, and what did he work before?", "s_tara s_dayshifts",
          "Day shifts, nine to six; before that 24-hour shifts at Tara Street."),
        q(MULTI, "Whose wedding did Seun DJ at, and how is she related to Niamh?", "n_orla s_wedding_dj",
          "Orla's, Niamh's sister."),
        q(MULTI, "What did Niamh give her dad for his birthday, and when had she started making it?",
          "n_aran n_aran_done", "An Aran jumper she knitted; she was already working on it in October."),
        q(MULTI, "Why did Seun become vegetarian, and has he stuck with it?", "s_veg s_veg_still",
          "A documentary about factory farms; yes, he was still vegetarian four months later."),
        q(MULTI, "Which Dublin neighbourhoods do Niamh and Seun now live in?", "n_moved s_house",
          "Niamh in Stoneybatter, Seun in Phibsborough."),
        q(TEMPORAL, "When did Niamh adopt Biscuit?", "n_biscuit", "Wednesday 5 November 2025."),
        q(TEMPORAL, "Which city was Niamh living in in March 2026?", "n_galway_lib n_moved",
          "Galway; she moved to Dublin in April."),
        q(TEMPORAL, "What was Seun's rank in January 2026?", "s_tara s_promo",
          "Firefighter; he became a sub-officer on 16 February."),
        q(TEMPORAL, "When did Seun move into his house?", "s_moved", "The weekend of 14-15 February 2026."),
        q(TEMPORAL, "On what date did Niamh start at Trinity?", "n_trinity_job n_trinity_start", "Tuesday 7 April 2026."),
        q(TEMPORAL, "Was Seun eating meat in December 2025?", "s_chicken s_veg",
          "Yes, he was cooking jollof with chicken; he went vegetarian on 1 January 2026."),
        q(TEMPORAL, "When did Seun play his first DJ set?", "s_djset", "Friday 13 March 2026."),
        q(TEMPORAL, "When was Orla's wedding?", "n_orla n_wedding", "Saturday 13 June 2026."),
        q(TEMPORAL, "On what date did Niamh move to Dublin?", "n_moved", "Saturday 4 April 2026."),
        q(PARAPHRASE, "Does Niamh have a four-legged friend?", "n_biscuit", "Yes, a retired racing greyhound called Biscuit."),
        q(PARAPHRASE, "What is Seun's profession?", "s_tara", "He is a firefighter, at Tara Street."),
        q(PARAPHRASE, "What craft project is Niamh working on?", "n_aran", "Knitting an Aran jumper for her dad."),
        q(PARAPHRASE, "Has Seun become a homeowner?", "s_house", "Yes, he is buying a terraced house in Phibsborough."),
        q(PARAPHRASE, "Why did Niamh need new spectacles?", "n_glasses",
          "Her old prescription was probably giving her migraines."),
        q(PARAPHRASE, "Has Seun given up any foods?", "s_veg", "Yes, meat: he went vegetarian on New Year's Day."),
        q(PARAPHRASE, "Did Seun move up the ranks?", "s_promo", "Yes, to sub-officer."),
        q(PARAPHRASE, "What new musical skill is Seun picking up?", "s_dj", "DJing."),
        q(PARAPHRASE, "What cold-water habit has Niamh taken up?", "n_salthill",
          "Sea swimming every Sunday at Salthill."),
    ),
)

# Zara, a flight attendant based in Dubai, and Lukas, a pharmacist in Vienna; school friends.
C10 = Spec(
    "c10",
    ("Zara", "Lukas"),
    (
        (
            "2025-08-16T09:30",
            """
            A#z_gulf: Twelve years serving drinks at 38,000 feet for Gulf Meridian, and the crew lounge in Dubai still has the worst sofas in aviation.
            B: Where are you today?
            A: Osaka. Twenty-six hours of layover and I intend to eat all of them.
            --
            A#z_globes: Snow globe number sixty-two, from a tiny shop near the station. It has a cat in a kimono inside.
            B: Where do you even keep sixty-two snow globes?
            A: Everywhere. Karim says the flat looks like a blizzard.
            --
            B#l_sailing: I've started a sailing course on the Neusiedler See, every weekend until September. So far I've mostly fallen in.
            A: Lukas the sailor! Is Tobias going too?
            B#l_tobias: Tobias says one of us has to stay dry. He's got a stack of marking anyway, the new school year starts soon.
            --
            B#l_semmel: I've been at the pharmacy since seven. Breakfast was two Semmeln with butter on the tram, which is basically my whole diet.
            A: Eat something green, Mr Pharmacist.
            """,
        ),
        (
            "2025-09-07T22:15",
            """
            B#l_licence: I passed! Sailing licence, theory and practical, on Friday. You may call me Captain.
            A: Captain Lukas! I'll salute you from the jump seat.
            --
            A#z_saffron: Saffron, my cat, is with Lina in Amman again this month. My sister spoils her rotten.
            B: Does Saffron mind all the flying?
            A: She's done Dubai to Amman so often she has more status than I do.
            --
            A#z_marina: The flat in Dubai Marina is so hot even with the air con on that the chocolate in the cupboard has melted.
            B: It's nineteen degrees here. I'm wearing a jumper.
            --
            B#l_apotheke: A man came into the Hirschen today asking for something "for a general feeling of unease". I gave him herbal tea and a chat.
            A: The Apotheke zum Hirschen, solving existential crises since 1890.
            """,
        ),
        (
            "2025-10-04T13:40",
            """
            B#l_coeliac: The doctor confirmed it on Tuesday: coeliac disease. No more Semmeln, no more beer, no more Sachertorte.
            A: Oh no, Lukas. That explains all the stomach aches though.
            B: It does. I'm relieved and furious at the same time.
            A#d_gluten: A passenger on my Bangkok flight ordered a gluten-free meal and then ate everyone else's bread rolls.
            --
            B#l_bathroom: The bathroom renovation started this week. We're showering at the gym for at least three weeks.
            A: Ah, the glamour of home improvement.
            --
            A#z_karim: Karim flew us to Muscat this morning, he did a lovely landing and the passengers clapped. I pretended not to know him.
            B: Do pilots like being clapped?
            A: He'll be unbearable for a week.
            """,
        ),
        (
            "2025-10-22T17:55",
            """
            A#z_engaged: Karim proposed! Last Saturday, on a cliff in Santorini at sunset. I said yes before he'd finished the sentence.
            B: ZARA!!! Congratulations! Show me the ring!
            A: Sending. It's tiny and perfect.
            B#d_santorini: Tobias and I went to Santorini on our honeymoon and he got sunburn on his scalp.
            --
            B#l_bath_delay: The bathroom is delayed. The tiles came in the wrong colour. Apparently "sand" and "salmon" are the same in the warehouse.
            A: Salmon bathroom. Very retro.
            --
            B#l_chess: Chess club night tonight. My rating is up to 1650, which means I lose more politely now.
            A: That's still very impressive to someone who can't play.
            """,
        ),
        (
            "2025-11-22T11:10",
            """
            A#z_back: Severe turbulence over the Bay of Bengal on Wednesday. I was thrown against the trolley and I've done something to my lower back.
            B: Zara! Are you okay?
            A: I'm grounded for three weeks. Lots of lying on the floor and feeling sorry for myself.
            B: Don't take anything without asking me first. I mean it.
            A: Yes, Herr Apotheker.
            A#d_turbulence: Karim says the turbulence on his Nairobi flight last year was worse, which is very unhelpful of him.
            --
            B#l_offer: Frau Steiner is retiring and she's asked if I want to buy into the Hirschen as a partner.
            A: Lukas! Your own pharmacy!
            B: Half of one. And a very big loan.
            """,
        ),
        (
            "2025-12-20T19:25",
            """
            B#l_partner: Signed the papers today. From the first of January I co-own the Hirschen, with Frau Steiner's blessing.
            A: Congratulations, partner! Drinks on you. Gluten-free ones.
            --
            A#z_apply: Back at work, back doesn't hurt. But I've applied to Alpen Air. I want to be in Vienna, I'm tired of living in a suitcase.
            B: Zara, please come home. Please please please.
            A: Don't get excited, it's just an application.
            --
            B#l_bath_done: The bathroom is finally done! Sand tiles, not salmon.
            A: I'm almost disappointed.
            --
            B: Tobias made a gluten-free Christmas stollen and it was actually good.
            A: Tobias is a saint.
            """,
        ),
        (
            "2026-01-17T15:00",
            """
            A#z_alpen_job: I got it! Alpen Air, based in Vienna, starting on the 16th of February. I'm leaving Gulf Meridian.
            B: ZARA IS COMING HOME. I'm telling everyone.
            A: Karim's applying for a transfer too. Fingers crossed.
            A#d_vienna: My Dubai neighbour is from Salzburg and has given me a list of Viennese cafés I'm not allowed to skip.
            --
            B#l_oma: Oma Hedi turned ninety-four on Sunday. She beat me at cards and told me my hair was too long.
            A: Hedi is a legend. Tell her happy birthday from me.
            """,
        ),
        (
            "2026-02-14T12:20",
            """
            A#z_moved: I moved into my flat in Neubau last Saturday. Saffron flew in from Amman with me and has already claimed the windowsill.
            B: Welcome home! Both of you.
            A: It's freezing, but I don't care.
            --
            B#l_gfbakery: I found a gluten-free bakery in the 7th, round the corner from you. Their bread doesn't taste like cardboard.
            A: So you'll visit me for the bread.
            B: For you. And the bread.
            --
            B: Six weeks as co-owner. I've learned more about tax than I ever wanted to.
            A: Welcome to business.
            """,
        ),
        (
            "2026-03-14T20:05",
            """
            A#z_shorthaul: A month at Alpen Air and I'm home most nights. Short hops to Rome, Paris and Zurich, back in my own bed by nine.
            B: Do you miss the long flights?
            A: I miss the layovers. Not the jet lag.
            --
            B#l_chess_win: I won the club chess tournament last Sunday! Five out of six points and a very small trophy.
            A: Grandmaster Lukas!
            B: Very far from grandmaster. But thank you.
            --
            A#z_karim_transfer: Karim's transfer to Alpen Air is approved, he starts in June.
            B: The whole family in one city. Finally.
            """,
        ),
        (
            "2026-04-18T10:40",
            """
            B#l_sail_april: What a day on the Neusiedler See with you and Tobias! You steered like a natural.
            A: I steered us into a reed bed.
            B: Gently, though.
            --
            A#z_globes70: Snow globe number seventy arrived from Zurich, a tiny cow on a mountain. Neubau is getting crowded.
            B: Saffron will knock one over eventually.
            A: She already tried. Twice.
            --
            A#z_wedding_date: We've set the wedding date: May next year, in Amman, so my grandmother can be there.
            B: I'll be there in a suit. And a sailor's hat.
            """,
        ),
    ),
    (
        q(SINGLE, "What does Zara collect from the cities she flies to?", "z_globes", "Snow globes."),
        q(SINGLE, "Who looks after Saffron when Zara is flying?", "z_saffron", "Her sister Lina, in Amman."),
        q(SINGLE, "Where did Karim propose?", "z_engaged", "On a cliff in Santorini, at sunset."),
        q(SINGLE, "What is the name of the pharmacy where Lukas works?", "l_apotheke", "The Apotheke zum Hirschen."),
        q(SINGLE, "Where did Lukas take his sailing course?", "l_sailing", "On the Neusiedler See."),
        q(SINGLE, "What is Lukas's chess rating?", "l_chess", "1650."),
        q(SINGLE, "How old did Oma Hedi turn?", "l_oma", "Ninety-four."),
        q(SINGLE, "Which district of Vienna did Zara move to?", "z_moved", "Neubau."),
        q(SINGLE, "Who offered Lukas a partnership in the pharmacy?", "l_offer", "Frau Steiner, who is retiring."),
        q(MULTI, "Which airline did Zara leave, and which one did she join?", "z_gulf z_alpen_job",
          "She left Gulf Meridian and joined Alpen Air."),
        q(MULTI, "Why did Lukas go gluten-free, and where does he get bread now?", "l_coeliac l_gfbakery",
          "He was diagnosed with coeliac disease; from a gluten-free bakery in the 7th district."),
        q(MULTI, "How many snow globes did Zara have in August 2025, and which number arrived in April?",
          "z_globes z_globes70", "Sixty-two in August; number seventy arrived in April."),
        q(MULTI, "Who is Zara's fiancé, and what does he do?", "z_karim z_engaged", "Karim, a pilot."),
        q(MULTI, "What is Lukas's position at the Hirschen now, and who did he buy in with?", "l_offer l_partner",
          "Co-owner; he bought in as a partner with Frau Steiner, who is retiring."),
        q(MULTI, "Where did Saffron live while Zara flew for Gulf Meridian, and where is she now?",
          "z_saffron z_moved", "With Zara's sister Lina in Amman; now with Zara in Neubau, Vienna."),
        q(MULTI, "On which lake did Lukas learn to sail, and who went sailing with him there in April?",
          "l_sailing l_sail_april", "The Neusiedler See; Zara and Tobias."),
        q(MULTI, "What game does Lukas play at his club, and what did he win?", "l_chess l_chess_win",
          "Chess; he won the club tournament with five out of six points."),
        q(MULTI, "Who is Zara marrying, and where will the wedding be?", "z_engaged z_wedding_date",
          "Karim; in Amman, in May 2027."),
        q(TEMPORAL, "Where was Zara based in autumn 2025?", "z_gulf z_alpen_job",
          "In Dubai, with Gulf Meridian; she moved to Alpen Air in Vienna in February 2026."),
        q(TEMPORAL, "When did Lukas get his sailing licence?", "l_licence", "Friday 5 September 2025."),
        q(TEMPORAL, "When did Karim propose to Zara?", "z_engaged", "Saturday 18 October 2025."),
        q(TEMPORAL, "On what day did Zara hurt her back?", "z_back", "Wednesday 19 November 2025."),
        q(TEMPORAL, "Was Lukas a co-owner of the pharmacy in November 2025?", "l_offer l_partner",
          "No, he was only offered the partnership then; he became co-owner on 1 January 2026."),
        q(TEMPORAL, "When did Zara move into her flat in Vienna?", "z_moved", "Saturday 7 February 2026."),
        q(TEMPORAL, "When did Zara start at Alpen Air?", "z_alpen_job", "16 February 2026."),
        q(TEMPORAL, "Could Lukas eat ordinary bread in August 2025?", "l_semmel l_coeliac",
          "Yes, he was eating Semmeln; the coeliac diagnosis only came at the end of September."),
        q(TEMPORAL, "On what date did Lukas win the club chess tournament?", "l_chess_win", "Sunday 8 March 2026."),
        q(PARAPHRASE, "What does Zara do for a living?", "z_gulf", "She is a flight attendant, with Gulf Meridian."),
        q(PARAPHRASE, "Does Zara hoard any souvenirs?", "z_globes", "Yes, snow globes: sixty-two by August 2025."),
        q(PARAPHRASE, "What dietary restriction does Lukas have?", "l_coeliac", "He has coeliac disease: no gluten."),
        q(PARAPHRASE, "Who minds Zara's pet while she travels?", "z_saffron", "Her sister Lina in Amman."),
        q(PARAPHRASE, "Who popped the question to Zara?", "z_engaged", "Karim."),
        q(PARAPHRASE, "How did Zara get hurt on duty?", "z_back",
          "Severe turbulence threw her against a trolley and hurt her lower back."),
        q(PARAPHRASE, "What nautical qualification did Lukas earn?", "l_licence", "A sailing licence."),
        q(PARAPHRASE, "Is Lukas now his own boss?", "l_partner", "Yes, he co-owns the Hirschen from 1 January 2026."),
        q(PARAPHRASE, "What board game is Lukas into?", "l_chess", "Chess."),
    ),
)

CONVERSATIONS = (C01, C02, C03, C04, C05, C06, C07, C08, C09, C10)


if __name__ == "__main__":
    main()
