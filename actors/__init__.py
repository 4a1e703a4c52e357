"""Agent actors, the writer pool, the data model and the store adapters."""
