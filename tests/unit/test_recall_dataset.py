"""The recall evaluation set (bench/recall_data): the committed JSON is what the sources
build, and it keeps the set's rules (evidence exists, counts, paraphrases share no words)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

DATA = Path(__file__).resolve().parents[2] / "bench" / "recall_data"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("recall_data_build", DATA / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_committed_set_is_what_the_sources_build_and_keeps_its_rules() -> None:
    build = _build_module()
    committed = json.loads((DATA / "conversations.json").read_text(encoding="utf-8"))
    assert build.build() == committed
    overlap = build.check(committed)
    assert overlap["mean_stemmed"] < 0.15 and overlap["max"] <= 0.34
