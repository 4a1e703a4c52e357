"""Where the local PostgreSQL keeps its cluster: the ``postgres`` user (which runs it when
we are root) must be able to reach the directory, even in a checkout inside a private one."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from cluster.services.postgres_service import PostgresService, _reachable_by_others
from cluster.services.service import is_root


def test_a_private_parent_is_not_reachable() -> None:
    shared = Path(tempfile.mkdtemp())  # right under the system temp dir, which anyone may pass
    try:
        private = shared / "private"
        private.mkdir(mode=0o700)
        shared.chmod(0o755)
        assert not _reachable_by_others(private / "repo" / ".novamem" / "services")
        assert _reachable_by_others(shared / "repo" / ".novamem" / "services")
    finally:
        shutil.rmtree(shared)


@pytest.mark.skipif(not is_root(), reason="the fallback is for root, whose servers run as the postgres user")
def test_a_checkout_the_postgres_user_cannot_reach_gets_a_directory_it_can(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    monkeypatch.setenv("NOVAMEM_SERVICES_DIR", str(private / "services"))
    data_dir = PostgresService().data_dir
    assert data_dir.parent == Path(tempfile.gettempdir()) and data_dir.name.startswith("novamem-postgres-")
    monkeypatch.setenv("NOVAMEM_SERVICES_DIR", str(private / "other"))
    assert PostgresService().data_dir != data_dir, "one directory per checkout"
