"""The benchmark's tunables. Full run first; `--quick` (a smoke run) overrides a few.

Every loop in the benchmark is bounded by these counts; nothing runs "until stable".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# -- figure 1: working-memory read through the agent actor vs a bare async actor call ---
WM_MEMORIES = 20  # memories written before the read, so the reply is realistic
WM_LIMIT = 20  # `working_memory(limit)`
LATENCY_CALLS = 500  # timed sequential calls per side (after warm-up)
LATENCY_WARMUP = 50  # untimed calls per side
LATENCY_ROUNDS = 10  # the timed calls are split into rounds that alternate the sides

# -- figure 2: GET /v1/agents/{id} through Serve vs a bare Serve echo ---------------------
HTTP_CALLS = 500
HTTP_WARMUP = 50
HTTP_ROUNDS = 10

# -- figure 3: durable writes from many concurrent agents vs the same hops through no-ops -
WRITE_AGENTS = 150  # concurrent agents (one asyncio task each)
WRITE_EVENTS_PER_AGENT = 20  # timed remember() calls per agent
WRITE_WARMUP_PER_AGENT = 2  # untimed calls per agent first
WRITE_CONTENT_CHARS = 200  # memory content size
WRITE_PASSES = 2  # timed passes per side, back to back (150+150 live workers would not fit:
#                   each side's actors are created, measured, then killed before the other's)
IDLE_PROBE_S = 3.0  # detail: CPU that the live (idle) actors burn before the timed passes
CREATE_CONCURRENCY = 16  # agents created in parallel during set-up (not timed)

# -- figure 4: SqliteLog.append vs raw sqlite3 executemany (no Ray) ------------------------
BATCH_AGENTS = 150  # agents per batch
BATCH_EVENTS_PER_AGENT = 4  # events per agent per batch
BATCHES = 30  # timed batches per side (sides alternate batch by batch)
BATCH_WARMUP = 3  # untimed batches per side first

# -- figure 5: activation of an agent with stored memories vs a bare actor's first call --
ACTIVATION_MEMORIES = 50
ACTIVATIONS = 15  # timed activations per side, alternating
ACTIVATION_SETTLE_S = 0.5  # quiet time before each timed activation (killed workers exit)
STALE_HANDLE_ACTIVATIONS = 3  # detail: activation through a cached handle of a dead actor

# -- figure 10: recall of a passivated agent vs recall of an active one ---------------------
PASSIVE_RECALLS = 100  # timed recalls per side, alternating in rounds
PASSIVE_RECALL_ROUNDS = 5

# -- figure 6: memory (USS) per idle agent actor vs a bare idle actor --------------------
MEMORY_ACTORS = 10  # actors per side
MEMORY_SETTLE_S = 3.0  # idle time before reading USS

# -- figure 7: each polyglot store adapter's batch write vs its raw driver (no Ray) ----------
TIER_AGENTS = 150  # agents per batch
TIER_EVENTS_PER_AGENT = 4  # memories per agent per batch (with entities and metadata)
TIER_CONTENT_CHARS = 200
TIER_BATCHES = 20  # timed batches per side (sides alternate batch by batch)
TIER_WARMUP = 2  # untimed batches per side first (the first one creates agents, tenants, entities)
TIER_BUDGET_S = 90.0  # per store: stop timing after this (at least 3 timed batches); FerretDB is slow
TIER_PROBE_BATCHES = 3  # figure 8 without figure 7: adapter-only batches per tier to find the slowest

# -- figures 8-9: fan-out to every tier under 150 writing agents (Ray + the servers) --------
FANOUT_LOADS = ((8, 100), (150, 10))  # (agents, timed remember() calls per agent per pass): figures 8a, 8b
FANOUT_WARMUP_PER_AGENT = 2
FANOUT_PASSES = 2  # timed passes per side (all tiers, then the slowest tier alone)
LAG_SAMPLE_S = 0.2  # runtime.stats() sampling period during a pass
CONVERGE_TIMEOUT_S = 600.0  # bound on waiting for every tier's lag to reach 0 after a pass

# -- --quick: a smoke run of every figure in about a minute -------------------------------
QUICK = {
    "wm_memories": 5,
    "latency_calls": 40,
    "latency_warmup": 10,
    "latency_rounds": 2,
    "http_calls": 40,
    "http_warmup": 10,
    "http_rounds": 2,
    "write_agents": 8,
    "write_events_per_agent": 3,
    "write_warmup_per_agent": 1,
    "write_passes": 1,
    "idle_probe_s": 1.0,
    "batches": 4,
    "batch_warmup": 1,
    "activation_memories": 10,
    "activations": 2,
    "activation_settle_s": 0.2,
    "stale_handle_activations": 1,
    "memory_actors": 2,
    "memory_settle_s": 1.0,
    "passive_recalls": 10,
    "passive_recall_rounds": 2,
    "tier_agents": 20,
    "tier_batches": 3,
    "tier_warmup": 1,
    "tier_probe_batches": 1,
    "fanout_loads": ((8, 10), (30, 3)),
    "fanout_warmup_per_agent": 1,
    "fanout_passes": 1,
    "converge_timeout_s": 120.0,
}


@dataclass(frozen=True)
class Params:
    wm_memories: int = WM_MEMORIES
    wm_limit: int = WM_LIMIT
    latency_calls: int = LATENCY_CALLS
    latency_warmup: int = LATENCY_WARMUP
    latency_rounds: int = LATENCY_ROUNDS
    http_calls: int = HTTP_CALLS
    http_warmup: int = HTTP_WARMUP
    http_rounds: int = HTTP_ROUNDS
    write_agents: int = WRITE_AGENTS
    write_events_per_agent: int = WRITE_EVENTS_PER_AGENT
    write_warmup_per_agent: int = WRITE_WARMUP_PER_AGENT
    write_content_chars: int = WRITE_CONTENT_CHARS
    write_passes: int = WRITE_PASSES
    idle_probe_s: float = IDLE_PROBE_S
    create_concurrency: int = CREATE_CONCURRENCY
    batch_agents: int = BATCH_AGENTS
    batch_events_per_agent: int = BATCH_EVENTS_PER_AGENT
    batches: int = BATCHES
    batch_warmup: int = BATCH_WARMUP
    activation_memories: int = ACTIVATION_MEMORIES
    activations: int = ACTIVATIONS
    activation_settle_s: float = ACTIVATION_SETTLE_S
    stale_handle_activations: int = STALE_HANDLE_ACTIVATIONS
    memory_actors: int = MEMORY_ACTORS
    memory_settle_s: float = MEMORY_SETTLE_S
    passive_recalls: int = PASSIVE_RECALLS
    passive_recall_rounds: int = PASSIVE_RECALL_ROUNDS
    tier_agents: int = TIER_AGENTS
    tier_events_per_agent: int = TIER_EVENTS_PER_AGENT
    tier_content_chars: int = TIER_CONTENT_CHARS
    tier_batches: int = TIER_BATCHES
    tier_warmup: int = TIER_WARMUP
    tier_budget_s: float = TIER_BUDGET_S
    tier_probe_batches: int = TIER_PROBE_BATCHES
    fanout_loads: tuple[tuple[int, int], ...] = FANOUT_LOADS
    fanout_warmup_per_agent: int = FANOUT_WARMUP_PER_AGENT
    fanout_passes: int = FANOUT_PASSES
    lag_sample_s: float = LAG_SAMPLE_S
    converge_timeout_s: float = CONVERGE_TIMEOUT_S

    @classmethod
    def for_mode(cls, quick: bool) -> Params:
        return replace(cls(), **QUICK) if quick else cls()
