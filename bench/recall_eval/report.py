"""The eval report: one table (recall@5, recall@10, MRR per category and system, with
novamem's ratios to each baseline), as markdown and JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from rich.table import Table

from bench.report import REPO, machine_info

RESULTS = REPO / "bench" / "results"
SYSTEMS = ("novamem", "bm25", "dense")
CATEGORIES = ("single-hop", "multi-hop", "temporal", "paraphrase", "all")


def rows(result: dict) -> list[list[str]]:
    scores = result["scores"]
    out = []
    for category in CATEGORIES:
        if category not in scores["novamem"]:
            continue
        cells = {s: scores[s][category] for s in SYSTEMS}
        line = [category, str(cells["novamem"]["questions"])]
        for system in SYSTEMS:
            line.append(" / ".join(f"{cells[system][m]:.3f}" for m in ("recall@5", "recall@10", "mrr")))
        for baseline in ("bm25", "dense"):
            base = cells[baseline]["recall@10"]
            line.append(f"{cells['novamem']['recall@10'] / base:.2f}" if base else "∞")
        out.append(line)
    return out


HEADER = [
    "category",
    "questions",
    "novamem recall@5 / @10 / MRR",
    "BM25 recall@5 / @10 / MRR",
    "dense-only recall@5 / @10 / MRR",
    "novamem ÷ BM25 (recall@10)",
    "novamem ÷ dense (recall@10)",
]


def table(result: dict) -> Table:
    view = Table(*HEADER, title=f"recall quality ({result['profile']}, {result['embedder']})")
    for line in rows(result):
        view.add_row(*line)
    return view


def write(out_dir: Path, stem: str, result: dict) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    machine = machine_info()
    lines = [
        f"# novamem recall quality ({datetime.now(UTC).isoformat(timespec='seconds')})",
        "",
        f"{result['conversations']} conversations ({result['turns']} turns, one agent each) stored through the HTTP "
        f"API, {result['questions']} questions asked through `POST /recall` (k = 10), profile {result['profile']}, "
        f"embedder {result['embedder']}. Baselines over the same turns in the same run: plain BM25 and dense-only "
        "(the same model, brute-force cosine). Evidence recall@k: the share of a question's evidence turns in the top k.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
        *("| " + " | ".join(line) + " |" for line in rows(result)),
        "",
        f"Storing took {result['store_s']} s; recall over HTTP p50 {result['recall_p50_ms']} ms, "
        f"p99 {result['recall_p99_ms']} ms (8 concurrent). Commit {machine['git_commit'][:12]}.",
    ]
    md = out_dir / f"{stem}.md"
    md.write_text("\n".join(lines) + "\n")
    (out_dir / f"{stem}.json").write_text(json.dumps({**result, "machine": machine}, indent=2) + "\n")
    return md
