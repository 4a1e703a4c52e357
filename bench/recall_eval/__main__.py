"""`python -m bench.recall_eval [--quick] [--profile embedded|polyglot]`: store every
conversation of the suite through the HTTP API (one agent each), ask every question
through `POST /recall`, and score the answers against BM25 and dense-only baselines over
the same turns. Writes `bench/results/eval.{md,json}` (`--quick`: `eval-quick.*`)."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from rich.console import Console

from actors.embedding import Embedder, load_embedder
from bench import polyglot
from bench.harness import Harness, Tracker
from bench.recall_eval import dataset, report
from bench.recall_eval.baselines import BM25, Dense
from bench.recall_eval.scoring import Scoreboard

K = 10
BATCH = 200
"""Turns per `memories:batch` request."""
CONCURRENCY = 8
QUICK = (2, 3)
"""`--quick`: conversations, questions per category per conversation."""


async def store(client: httpx.AsyncClient, turns: dict[str, list[dataset.Turn]], advance: Callable[[int], None]) -> dict[str, dict[int, str]]:
    """Every conversation as one agent's memories; returns agent -> seq -> turn id."""
    seq_to_turn: dict[str, dict[int, str]] = {}
    for conversation, mine in turns.items():
        agent = f"eval-{conversation}"
        (await client.put(f"/v1/agents/{agent}", json={"name": agent})).raise_for_status()
        seq_to_turn[agent] = {}
        for start in range(0, len(mine), BATCH):
            chunk = mine[start : start + BATCH]
            items = [{"content": t.text, "session_id": t.session_id, "metadata": {"turn": t.id}} for t in chunk]
            response = await client.post(f"/v1/agents/{agent}/memories:batch", json={"items": items})
            response.raise_for_status()
            for turn, result in zip(chunk, response.json()["items"], strict=True):
                seq_to_turn[agent][result["seq"]] = turn.id
            advance(len(chunk))
    return seq_to_turn


async def ask(
    client: httpx.AsyncClient, data: dataset.Dataset, seq_to_turn: dict[str, dict[int, str]], advance: Callable[[int], None]
) -> tuple[dict[str, list[str]], list[float]]:
    """Question id -> ranked turn ids from `POST /recall`; and each call's latency."""
    gate, answers, latencies = asyncio.Semaphore(CONCURRENCY), {}, []

    async def one(question: dataset.Question) -> None:
        agent = f"eval-{question.conversation}"
        async with gate:
            started = time.perf_counter()
            response = await client.post(f"/v1/agents/{agent}/recall", json={"query": question.text, "k": K})
            latencies.append(time.perf_counter() - started)
        response.raise_for_status()
        answers[question.id] = [seq_to_turn[agent][item["seq"]] for item in response.json()["items"]]
        advance(1)

    await asyncio.gather(*(one(q) for q in data.questions))
    return answers, latencies


def baselines(data: dataset.Dataset, embedder: Embedder, board: Scoreboard, advance: Callable[[int], None]) -> None:
    for conversation, turns in data.turns.items():
        texts, ids = [t.text for t in turns], [t.id for t in turns]
        bm25, dense = BM25(texts), Dense(embedder, texts)
        for question in (q for q in data.questions if q.conversation == conversation):
            board.add("bm25", question.category, [ids[i] for i in bm25.top(question.text, K)], question.evidence)
            board.add("dense", question.category, [ids[i] for i in dense.top(question.text, K)], question.evidence)
            advance(1)


async def run(h: Harness, data: dataset.Dataset, tracker: Tracker) -> dict:
    url = h.start_serve()
    board = Scoreboard()
    total_turns = sum(len(t) for t in data.turns.values())
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        started = time.perf_counter()
        with tracker.step(f"storing {total_turns} turns of {len(data.turns)} conversations over HTTP", total_turns) as a:
            seq_to_turn = await store(client, data.turns, a)
        store_s = time.perf_counter() - started
        with tracker.step(f"asking {len(data.questions)} questions (POST /recall, k={K})", len(data.questions)) as a:
            answers, latencies = await ask(client, data, seq_to_turn, a)
    for question in data.questions:
        board.add("novamem", question.category, answers[question.id], question.evidence)
    embedder = load_embedder(h.rt.settings)
    with tracker.step(f"baselines: BM25 and dense-only ({embedder.name})", len(data.questions)) as a:
        baselines(data, embedder, board, a)
    return {
        "scores": board.means(),
        "turns": total_turns,
        "conversations": len(data.turns),
        "questions": len(data.questions),
        "embedder": f"{embedder.name}/{embedder.dim}",
        "profile": h.rt.settings.profile,
        "store_s": round(store_s, 1),
        "recall_p50_ms": round(1000 * statistics.median(latencies), 1),
        "recall_p99_ms": round(1000 * statistics.quantiles(latencies, n=100)[98], 1) if len(latencies) > 1 else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.recall_eval", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2 conversations, 3 questions per category each")
    parser.add_argument("--profile", choices=["embedded", "polyglot"], default="embedded")
    parser.add_argument("--out", type=Path, default=report.RESULTS)
    args = parser.parse_args()
    console = Console()
    data = dataset.load()
    if args.quick:
        data = data.sample(*QUICK)
    tracker = Tracker(console)
    h = Harness(tracker)
    try:
        with tracker.progress:
            if args.profile == "polyglot":
                polyglot.require(polyglot.STORES)
            h.start(profile=args.profile)
            result = asyncio.run(run(h, data, tracker))
    finally:
        h.stop()
        if args.profile == "polyglot":
            asyncio.run(polyglot.cleanup(h.namespace))
    stem = "eval-quick" if args.quick else ("eval" if args.profile == "embedded" else "eval-polyglot")
    md = report.write(args.out, stem, result)
    console.print(report.table(result))
    console.print(f"report: {md}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
