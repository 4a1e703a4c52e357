"""Agent actors must stay light: their module imports no database driver (nor numpy)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlite3", "asyncpg", "redis", "neo4j", "motor", "pymongo", "weaviate", "numpy")


def test_agent_module_imports_no_database_driver() -> None:
    code = f"import sys, actors.agent, actors.client; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
