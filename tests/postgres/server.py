"""A real PostgreSQL server for the tests: started on a free local port in a temporary folder, stopped after.

The server binaries are found through `pg_config --bindir` (Debian keeps them outside PATH). `initdb` and
`postgres` refuse to run as root; when the tests run as root (as CI does), the server runs as the
unprivileged system user that `make setup` creates (`intake-pgtest`). Only loopback is listened on.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SERVICE_USER = "intake-pgtest"
DATABASE = "intake_test"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says what is missing."""


def server_bindir() -> Path:
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        raise PostgresUnavailable("pg_config not found: run `make setup` (installs postgresql and libpq-dev)")
    bindir = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True).stdout.strip())
    if not (bindir / "pg_ctl").is_file() or not (bindir / "initdb").is_file():
        raise PostgresUnavailable(f"no PostgreSQL server in {bindir}: run `make setup`")
    return bindir


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    root: Path
    port: int
    bindir: Path
    as_user: str | None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)

    def url(self, database: str = DATABASE) -> str:
        return f"postgresql+psycopg://{SERVICE_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        result = self._run(str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                           "-U", SERVICE_USER, name)
        if result.returncode != 0:
            raise PostgresUnavailable(f"createdb failed: {result.stderr.strip()}")
        return self.url(name)

    def start(self) -> None:
        result = self._run(str(self.bindir / "initdb"), "-D", str(self.data_dir), "-U", SERVICE_USER,
                           "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        if result.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {result.stderr.strip()[-500:]}")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off "
                   "-c full_page_writes=off -c synchronous_commit=off")
        result = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.root / "server.log"),
                           "-o", options, "-w", "-t", "60", "start")
        if result.returncode != 0:
            log_file = self.root / "server.log"
            log = log_file.read_text(errors="replace")[-800:] if log_file.exists() else ""
            raise PostgresUnavailable(f"pg_ctl start failed: {result.stderr.strip()} {log}")
        self.create_database(DATABASE)

    def version(self) -> str:
        result = self._run(str(self.bindir / "postgres"), "--version")
        return result.stdout.strip()

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PostgresServer:
    bindir = server_bindir()
    as_user = None
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam(SERVICE_USER)
        except KeyError as exc:
            raise PostgresUnavailable(f"the system user {SERVICE_USER} is missing: run `make setup`") from exc
        as_user = SERVICE_USER
    root = Path(tempfile.mkdtemp(prefix="intake-pg-"))
    if as_user:
        shutil.chown(root, user=as_user)
    server = PostgresServer(root=root, port=free_port(), bindir=bindir, as_user=as_user)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
