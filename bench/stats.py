"""Samples, sides and figures: what every measurement family hands to the report."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np


def percentile(samples: Sequence[float], q: float) -> float | None:
    return float(np.percentile(np.asarray(samples, dtype=float), q)) if len(samples) else None


@dataclass
class Side:
    """One side of a figure: the system or its baseline."""

    label: str
    samples: list[float] = field(default_factory=list)
    """Per-operation values (seconds for latencies, bytes for memory)."""
    sample_unit: str = "ms"
    value: float | None = None
    """The headline absolute number (events/s, rows/s, MiB); the p50 if not set."""
    value_unit: str = ""

    @property
    def p50(self) -> float | None:
        return percentile(self.samples, 50)

    @property
    def p99(self) -> float | None:
        return percentile(self.samples, 99)

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "n": len(self.samples),
            "sample_unit": self.sample_unit,
            "p50": self.p50,
            "p99": self.p99,
            "mean": float(np.mean(self.samples)) if self.samples else None,
            "min": min(self.samples) if self.samples else None,
            "max": max(self.samples) if self.samples else None,
            "value": self.value,
            "value_unit": self.value_unit,
        }


class Skipped(Exception):
    """Raised by a figure that cannot run here (say, its database servers are not running);
    reported as skipped, which is not an error."""


@dataclass
class Figure:
    """A ratio (system / baseline) against a target; `direction` says which way is good.

    A figure with no baseline (`target=None`) is an absolute figure: no ratio, no verdict.
    """

    number: int
    name: str
    target: float | None
    direction: Literal["<=", ">=", ""]
    basis: str
    """How the ratio is computed, e.g. "p50 latency" or "events/s"."""
    system: Side | None = None
    baseline: Side | None = None
    ratio: float | None = None
    details: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0
    part: str = ""
    """Sub-figure letter: figure 7 has one row per store (7a ... 7e)."""
    skipped: str | None = None

    @property
    def id(self) -> str:
        return f"{self.number}{self.part}"

    @property
    def met(self) -> bool | None:
        if self.ratio is None or self.target is None:
            return None
        return self.ratio <= self.target if self.direction == "<=" else self.ratio >= self.target

    @property
    def target_text(self) -> str:
        return "n/a" if self.target is None else f"{self.direction} {self.target}"

    def to_json(self) -> dict[str, Any]:
        return {
            "figure": self.id,
            "name": self.name,
            "ratio": self.ratio,
            "target": self.target_text,
            "met": self.met,
            "skipped": self.skipped,
            "basis": self.basis,
            "system": self.system.to_json() if self.system else None,
            "baseline": self.baseline.to_json() if self.baseline else None,
            "details": self.details,
            "error": self.error,
            "seconds": round(self.seconds, 1),
        }


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


# -- timing loops (bounded; sides alternate in rounds so that drift hits both alike) ----


def schedule(sides: int, calls: int, rounds: int) -> Iterator[tuple[int, int]]:
    """(side, block size) in `rounds` alternating blocks: each side gets `calls` calls, and
    every other round runs the sides in reverse order, so drift hits all alike."""
    rounds = max(1, min(rounds, calls))
    for r in range(rounds):
        block = calls // rounds + (1 if r < calls % rounds else 0)
        order = range(sides - 1, -1, -1) if r % 2 else range(sides)
        for index in order:
            yield index, block


async def alternate_async(
    sides: Sequence[Callable[[], Awaitable[Any]]],
    calls: int,
    warmup: int,
    rounds: int,
    advance: Callable[[int], None] = lambda n: None,
) -> list[list[float]]:
    """Time `calls` sequential awaits of each side, after `warmup` untimed ones (see `schedule`)."""
    for _ in range(warmup):
        for call in sides:
            await call()
    samples: list[list[float]] = [[] for _ in sides]
    for index, block in schedule(len(sides), calls, rounds):
        for _ in range(block):
            start = time.perf_counter()
            await sides[index]()
            samples[index].append(time.perf_counter() - start)
        advance(block)
    return samples


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


async def concurrent_pass(
    calls: Sequence[Callable[[int], Awaitable[Any]]], per_agent: int, offset: int
) -> tuple[float, list[float]]:
    """Every caller runs `per_agent` sequential calls (argument `offset + i`), all callers
    concurrently; returns the wall time and every call's latency (seconds)."""
    latencies: list[float] = []

    async def one(call: Callable[[int], Awaitable[Any]]) -> None:
        for i in range(per_agent):
            start = time.perf_counter()
            await call(offset + i)
            latencies.append(time.perf_counter() - start)

    started = time.perf_counter()
    await asyncio.gather(*(one(c) for c in calls))
    return time.perf_counter() - started, latencies
