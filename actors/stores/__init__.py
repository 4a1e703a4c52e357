"""Store adapters. `open_stores` picks the log and tiers of the configured profile."""

from __future__ import annotations

from typing import Any

from actors.embedding import load_embedder
from actors.stores.base import EventLog, Tier


def build_stores(settings: Any) -> tuple[EventLog, list[Tier]]:
    """The log and the tiers for `settings.profile`; drivers are imported only when used."""
    embedder = load_embedder(settings.embedder, settings.embedding_dim)
    if settings.profile == "embedded":
        from actors.stores.sqlite_index import SqliteIndexTier
        from actors.stores.sqlite_log import SqliteLog

        return SqliteLog(settings.sqlite_path), [SqliteIndexTier(settings.sqlite_path, embedder)]
    raise ValueError(f"profile {settings.profile!r} is not available in this build")
