"""PostgreSQL from Debian's packages, run as our own cluster (initdb + pg_ctl)."""

from __future__ import annotations

import functools
import hashlib
import pwd
import re
import shutil
import signal
import stat
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from . import apt
from .errors import BuildError, NotReadyError, ServiceError
from .procs import cmdline, pid_alive, port_open, read_pid, tail, terminate
from .service import Service, is_root

PG_USER = "postgres"  # OS user that owns the cluster when we run as root
DB_NAME = "novamem"
DB_USER = "novamem"


def _reachable_by_others(path: Path) -> bool:
    """Every existing ancestor of `path` (and `path`) lets other users pass through."""
    for directory in [path, *path.parents]:
        if directory.exists() and not directory.stat().st_mode & stat.S_IXOTH:
            return False
    return True


def find_bin_dir() -> Path | None:
    """Newest ``/usr/lib/postgresql/<ver>/bin`` with pg_ctl (else pg_ctl on PATH)."""
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")]
    if found:
        return max(found, key=lambda p: int(re.sub(r"\D", "", p.parent.name) or 0))
    which = shutil.which("pg_ctl")
    return Path(which).resolve().parent if which else None


class PostgresService(Service, name="postgres", port=54329, marker="postgres", ready_s=120.0, stop_s=30.0):
    """Our own PostgreSQL cluster: trust auth on 127.0.0.1, database+user ``novamem``."""

    @property
    def data_dir(self) -> Path:
        """The usual runtime directory, unless we run as root and the ``postgres`` user
        cannot reach it (a checkout inside a private directory, such as one `mktemp -d`
        made): then a directory of its own under the system temp dir, one per checkout."""
        own = super().data_dir
        if not is_root() or _reachable_by_others(own.parent):
            return own
        digest = hashlib.sha1(str(own).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"novamem-postgres-{digest}"

    @property
    def pgdata(self) -> Path:
        """The cluster directory made by initdb."""
        return self.data_dir / "pgdata"

    @property
    def socket_dir(self) -> Path:
        """Directory of the Unix socket (kept inside our data dir)."""
        return self.data_dir / "run"

    @property
    def pid_file(self) -> Path:
        """Postgres' own postmaster.pid."""
        return self.pgdata / "postmaster.pid"

    # ----------------------------------------------------------------- build
    def bin(self, tool: str) -> str:
        """Absolute path of a PostgreSQL program."""
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise BuildError(self.name, "PostgreSQL binaries not found; run ensure_built('postgres')")
        return str(bin_dir / tool)

    def ensure_built(self) -> None:
        """apt-get install postgresql if missing; make sure the ``postgres`` OS user exists."""
        apt.ensure_packages(self.name, ["postgresql"], lambda: find_bin_dir() is not None)
        if is_root():
            try:
                pwd.getpwnam(PG_USER)
            except KeyError:
                subprocess.run(
                    ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
                    check=True,
                )

    @functools.cache  # noqa: B019 - one instance per process
    def version(self) -> str:
        """e.g. ``15.18``."""
        out = subprocess.run([self.bin("postgres"), "--version"], capture_output=True, text=True, check=True).stdout
        match = re.search(r"(\d+(?:\.\d+)+)", out)
        return match.group(1) if match else out.strip()

    # --------------------------------------------------------------- helpers
    def _as_owner(self, cmd: list[str]) -> list[str]:
        """Postgres refuses to run as root: run as the ``postgres`` user then."""
        return ["runuser", "-u", PG_USER, "--", *cmd] if is_root() else cmd

    def _run(self, cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self._as_owner(cmd), capture_output=True, text=True, check=False, **kw)

    def command(self) -> list[str]:
        """Foreground command (for reference; we start through pg_ctl)."""
        return [self.bin("postgres"), "-D", str(self.pgdata)]

    def _conf(self) -> str:
        sock = str(self.socket_dir) if len(str(self.socket_dir)) < 90 else ""
        return (
            "# written by cluster/services/postgres_service.py on every start\n"
            "listen_addresses = '127.0.0.1'\n"
            f"port = {self.port}\n"
            f"unix_socket_directories = '{sock}'\n"
            "max_connections = 200\n"
            "logging_collector = off\n"
            "timezone = 'UTC'\n"
        )

    def prepare(self) -> None:
        """initdb on first use, then (re)write our settings file."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if is_root():
            shutil.chown(self.data_dir, PG_USER, PG_USER)
            shutil.chown(self.socket_dir, PG_USER, PG_USER)
            if self.log_file.exists():
                shutil.chown(self.log_file, PG_USER, PG_USER)
            probe = self._run(["test", "-w", str(self.data_dir)])
            if probe.returncode != 0:
                raise ServiceError(
                    self.name,
                    f"the '{PG_USER}' user cannot write {self.data_dir}; its parent directories must be "
                    "traversable by other users (set NOVAMEM_SERVICES_DIR elsewhere)",
                )
        if not (self.pgdata / "PG_VERSION").exists():
            result = self._run(
                [self.bin("initdb"), "-D", str(self.pgdata), "-U", PG_USER, "-A", "trust", "-E", "UTF8", "--locale=C"]
            )
            if result.returncode != 0:
                raise BuildError(self.name, f"initdb failed:\n{result.stdout}{result.stderr}")
        conf = self.pgdata / "postgresql.conf"
        include = "include_if_exists = 'novamem.conf'"
        if include not in conf.read_text():
            with open(conf, "a") as fh:
                fh.write(f"\n{include}\n")
        (self.pgdata / "novamem.conf").write_text(self._conf())
        if is_root():
            shutil.chown(self.pgdata / "novamem.conf", PG_USER, PG_USER)

    # ------------------------------------------------------------- lifecycle
    def pid(self) -> int | None:
        """Postmaster pid from postmaster.pid, if that process is alive."""
        pid = read_pid(self.pid_file)
        if pid is not None and pid_alive(pid) and self.process_marker in cmdline(pid):
            return pid
        return None

    def start_process(self) -> int | None:
        """``pg_ctl start -w`` (detached, as the postgres user)."""
        cmd = self._as_owner(
            [
                self.bin("pg_ctl"),
                "-D",
                str(self.pgdata),
                "-l",
                str(self.log_file),
                "-w",
                "-t",
                str(int(self.ready_timeout)),
                "start",
            ]
        )
        result = subprocess.run(
            cmd, capture_output=True, text=True, start_new_session=True, stdin=subprocess.DEVNULL, check=False
        )
        if result.returncode != 0:
            raise NotReadyError(
                self.name,
                f"pg_ctl start failed (rc={result.returncode}): {result.stdout.strip()} {result.stderr.strip()}\n"
                f"last lines of {self.log_file}:\n{tail(self.log_file)}",
            )
        return self.pid()

    def probe(self) -> bool:
        """pg_isready over TCP."""
        if not port_open(self.host, self.port):
            return False
        result = subprocess.run(
            [self.bin("pg_isready"), "-q", "-h", self.host, "-p", str(self.port), "-t", "2"], check=False
        )
        return result.returncode == 0

    def after_ready(self) -> None:
        """Create role and database ``novamem`` if missing."""
        sql = (
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{u}') "
            "THEN CREATE ROLE {u} LOGIN SUPERUSER; END IF; END $$;\n"
            "SELECT 'CREATE DATABASE {d} OWNER {u}' "
            "WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '{d}')\\gexec\n"
        ).format(u=DB_USER, d=DB_NAME)
        result = subprocess.run(
            [self.bin("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.host, "-p", str(self.port),
             "-U", PG_USER, "-d", "postgres"],
            input=sql, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise ServiceError(self.name, f"creating role/database failed:\n{result.stderr}")

    def stop(self) -> None:
        """``pg_ctl stop -m fast``; falls back to SIGINT then SIGKILL."""
        pid = self.pid()
        if pid is None:
            return
        result = self._run(
            [self.bin("pg_ctl"), "-D", str(self.pgdata), "-m", "fast", "-w", "-t", str(int(self.stop_timeout)), "stop"]
        )
        if result.returncode != 0 or self.pid() is not None:
            terminate(pid, self.stop_timeout, sig=signal.SIGINT)

    def endpoint(self) -> dict[str, Any]:
        """DSN of the ``novamem`` database."""
        return {
            "dsn": f"postgresql://{DB_USER}@{self.host}:{self.port}/{DB_NAME}",
            "host": self.host,
            "port": self.port,
            "user": DB_USER,
            "database": DB_NAME,
        }
