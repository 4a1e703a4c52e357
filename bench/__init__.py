"""`python -m bench` (or `make bench`): novamem's performance report.

Every figure is a ratio against a baseline measured in the same run on the same machine
(docs/architecture.md, "Performance method"): a bare Ray actor call, a bare Serve echo deployment,
the raw sqlite3 driver doing the same batch write, a bare actor's start-up and memory.
Absolute numbers go beside each ratio. Targets are goals, reported as met or not: the
benchmark never asserts speed.

Modules: `params` (the counts; `--quick` for a smoke run), `harness` (own Ray, own
deployment, Serve, progress), `baselines` (bare actors), `echo` (bare Serve app),
`latency` (figures 1-2), `writes` (3-4), `lifecycle` (5, 6 and 10), `tiers` (7a-7e: each polyglot
store adapter ÷ its raw driver), `fanout` (8: fan-out to every tier ÷ the slowest tier
alone; 9a-9d: tier lag), `polyglot` (what 7-9 share: server checks, fresh namespaces,
clean-up), `report` (markdown + JSON).

This package's `__init__` stays import-light on purpose: worker processes import
`bench.baselines` to run the bare actors, and what they import is part of the
baseline's cost (figure 6 measures its memory).
"""
