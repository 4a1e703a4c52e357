"""Agent actors must stay light (no database driver, numpy or pydantic), and dependencies
between the packages point one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlite3", "asyncpg", "redis", "neo4j", "motor", "pymongo", "weaviate", "numpy")


def test_agent_module_imports_no_database_driver() -> None:
    code = f"import sys, actors.agent, actors.client; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_the_agent_actor_loads_no_pydantic() -> None:
    """What an agent's worker process imports: validation happens on the caller's side."""
    code = "import sys, actors.agent; print('pydantic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


FORBIDDEN = {"actors": ("serve", "cluster", "bench"), "serve": ("bench",), "cluster": ("bench",)}
"""serve/ and cluster/ use actors/, never the reverse; the service never imports the benchmark."""


def test_dependencies_point_one_way() -> None:
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for package, forbidden in FORBIDDEN.items():
        for module in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(module.read_text())):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                offenders += [f"{module.relative_to(root)}: {n}" for n in names if n.split(".")[0] in forbidden]
    assert not offenders, offenders
