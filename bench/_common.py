"""Helpers shared by the benchmark scripts: private user folders, the cached 100k demo database,
child processes measured for time and peak memory, summary statistics and the printed table.

Benchmarks print figures and never assert on them; a figure is compared with its target, or as a ratio
to a floor measured in the same run, because absolute times differ from machine to machine.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

# Outside the repository, so a cached database never ends up in git; shared by gui.py and storage.py.
CACHE_DIR = Path(tempfile.gettempdir()) / "intake-app-bench"
DEMO_COUNT = 100_000
# What the demo database depends on: when any of these change, the cached copy is rebuilt.
_DEMO_INPUTS = ("demo.py", "demo_outcomes.py", "storage/bulk.py", "storage/bulk_sqlite.py", "storage/models.py",
                "storage/models_outcomes.py")

# Synthetic staff accounts of the benchmark databases (synthetic patients only; these are no secrets). The
# administrator runs `demo-data`; the clinician works in the window and saves drafts. The clinician's
# password is stored with a cheap Argon2 hasher (as the tests do), so signing in is not what is measured.
BENCH_ADMIN = "bench-admin"
BENCH_CLINICIAN = "bench-clinician"
BENCH_PASSWORD = "synthetic benchmark password"
_FIRST_PASSWORD = "first synthetic benchmark password"
_PASSWORD_FILES: list[Path] = []


# --- environment -------------------------------------------------------------------------------------


def isolate_user_folders(root: Path) -> dict[str, str]:
    """Point every folder the app writes to (settings, window state, recovery journal, crash logs) into
    `root`, here and in child processes, so a benchmark never touches the real user's files."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(root / name.lower())
    os.environ["INTAKE_APP_CONFIG_DIR"] = str(root / "config")
    os.environ["INTAKE_APP_STATE_DIR"] = str(root / "state")
    os.environ.pop("INTAKE_APP_DATABASE_URL", None)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return dict(os.environ)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def remove_database(path: Path) -> None:
    """A SQLite file, its WAL and journal side files, and the lock file the app holds beside it."""
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- memory ------------------------------------------------------------------------------------------


def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    """Resident memory now (VmRSS), in MiB."""
    return _status_mb("VmRSS")


def peak_rss_mb() -> float:
    """Highest resident memory so far (VmHWM), in MiB."""
    return _status_mb("VmHWM")


# --- child processes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    returncode: int
    wall_s: float
    peak_rss_mb: float
    stdout: str
    stderr: str
    cpu_s: float = 0.0  # user + system time of the child: its own cost, whatever else the machine runs


def run_measured(argv: Sequence[str], *, stdout_path: Path | None = None, timeout_s: float = 600,
                 env: dict[str, str] | None = None) -> Measured:
    """Run a child process; wall time from start to exit and its own peak RSS (from wait4, so other
    children of this process do not mix in). Output goes to files, never to a pipe that could fill up."""
    with tempfile.TemporaryDirectory(prefix="bench-run-") as scratch:
        out_path = stdout_path or Path(scratch) / "stdout"
        err_path = Path(scratch) / "stderr"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            started = time.perf_counter()
            process = subprocess.Popen(list(argv), stdout=out, stderr=err, env=os.environ | (env or {}))
            deadline = started + timeout_s
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    break
                time.sleep(0.005)
            wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # wait4 reaped it; tell Popen
        stdout = "" if stdout_path else out_path.read_text(encoding="utf-8", errors="replace")
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
    return Measured(process.returncode, wall, usage.ru_maxrss / 1024, stdout, stderr,
                    usage.ru_utime + usage.ru_stime)


def cli(*args: str) -> list[str]:
    """The command line as `intake-app` runs it, with this interpreter."""
    return [sys.executable, "-m", "intake_app", *args]


# --- the 100k demo database --------------------------------------------------------------------------


def _package_dir() -> Path:
    """Where the intake_app that the children will import lives (found without importing it)."""
    spec = importlib.util.find_spec("intake_app")
    if spec is None or spec.origin is None:
        raise SystemExit("intake_app is not installed in this environment (run make setup)")
    return Path(spec.origin).parent


def _fingerprint(count: int) -> str:
    package = _package_dir()
    digest = hashlib.sha256(str(count).encode())
    inputs = [package / name for name in _DEMO_INPUTS]
    inputs += sorted((package / "storage/migrations/versions").glob("*.py"))
    for path in inputs:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _patient_count(path: Path) -> int | None:
    try:
        with closing(sqlite3.connect(f"file:{path}?immutable=1", uri=True)) as connection:
            return int(connection.execute("SELECT count(*) FROM patients").fetchone()[0])
    except sqlite3.Error:
        return None


def checkpoint(path: Path) -> None:
    """Fold the WAL into the main file, so the database is one file that can be copied or moved."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- staff accounts ----------------------------------------------------------------------------------


def password_file() -> Path:
    """A private file (0600 in a 0700 folder) holding BENCH_PASSWORD, for the command line's
    INTAKE_APP_PASSWORD_FILE; one per process, removed at exit."""
    if not _PASSWORD_FILES:
        import atexit

        folder = Path(tempfile.mkdtemp(prefix="intake-bench-secret-"))
        path = folder / "password"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(BENCH_PASSWORD + "\n")
        atexit.register(shutil.rmtree, folder, True)
        _PASSWORD_FILES.append(path)
    return _PASSWORD_FILES[0]


def fast_passwords() -> object:
    """The cheap Argon2 hasher the services contract allows for tests (never for real accounts)."""
    from argon2 import PasswordHasher

    from intake_app.access.passwords import Passwords

    return Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def add_bench_clinician(path: Path) -> None:
    """BENCH_CLINICIAN on a database whose administrator is BENCH_ADMIN, with its own password chosen."""
    from intake_app.access.passwords import Secret
    from intake_app.access.roles import Role
    from intake_app.services import Clinic

    clinic = Clinic.open(sqlite_url(path), passwords=fast_passwords())
    try:
        clinic.sign_in(BENCH_ADMIN, Secret(BENCH_PASSWORD))
        clinic.add_account(BENCH_CLINICIAN, "Bench Clinician", Role.CLINICIAN, Secret(_FIRST_PASSWORD))
        clinic.sign_out()
        clinic.sign_in(BENCH_CLINICIAN, Secret(_FIRST_PASSWORD), new_password=Secret(BENCH_PASSWORD))
        clinic.sign_out()
    finally:
        clinic.close()


def signed_in_clinic(url: str) -> object:
    """A Clinic on `url` signed in as BENCH_CLINICIAN (cheap hasher)."""
    from intake_app.access.passwords import Secret
    from intake_app.services import Clinic

    clinic = Clinic.open(url, passwords=fast_passwords())
    clinic.sign_in(BENCH_CLINICIAN, Secret(BENCH_PASSWORD))
    return clinic


def build_demo_database(path: Path, count: int = DEMO_COUNT) -> Measured:
    """`intake-app --database URL --user ADMIN demo-data N` into a fresh file, measured as a whole process
    (after the first administrator was added with `users add`, unmeasured), then the bench's clinician added."""
    remove_database(path)
    secret = {"INTAKE_APP_PASSWORD_FILE": str(password_file())}
    setup = run_measured(cli("--database", sqlite_url(path), "users", "add", BENCH_ADMIN, "--role", "administrator"),
                         env=secret)
    if setup.returncode != 0:
        raise SystemExit(f"users add failed (exit {setup.returncode}):\n{setup.stderr}")
    result = run_measured(cli("--database", sqlite_url(path), "--user", BENCH_ADMIN, "demo-data", str(count)),
                          env=secret, timeout_s=1800)
    if result.returncode != 0:
        raise SystemExit(f"demo-data failed (exit {result.returncode}):\n{result.stderr}")
    add_bench_clinician(path)
    return result


def cached_demo_path(count: int = DEMO_COUNT) -> Path:
    return CACHE_DIR / f"demo-{count}-{_fingerprint(count)}.db"


def store_in_cache(built: Path, count: int = DEMO_COUNT) -> Path:
    """Keep a freshly built demo database for the next script; older versions are removed."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    target = cached_demo_path(count)
    checkpoint(built)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    shutil.copyfile(built, partial)
    os.chmod(partial, 0o600)  # synthetic patients, kept like real ones
    os.replace(partial, target)
    for old in CACHE_DIR.glob(f"demo-{count}-*.db"):
        if old != target:
            remove_database(old)
    return target


def _remove_leftovers() -> None:
    """Half-built databases of benchmark runs that were killed (their process is gone)."""
    for leftover in [*CACHE_DIR.glob("building-*.db"), *CACHE_DIR.glob(".demo-*.db.*")]:
        pid = leftover.name.split("-")[-1].removesuffix(".db") if leftover.name.startswith("building-") \
            else leftover.name.rsplit(".", 1)[-1]
        try:
            os.kill(int(pid), 0)
        except (ValueError, ProcessLookupError):
            remove_database(leftover)
        except PermissionError:
            pass  # another user's live process


def demo_database(count: int = DEMO_COUNT) -> Path:
    """The cached demo database, built first (about a minute for 100k) when missing or out of date."""
    target = cached_demo_path(count)
    if CACHE_DIR.is_dir():
        _remove_leftovers()
    if target.exists() and _patient_count(target) == count:
        return target
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    building = CACHE_DIR / f"building-{os.getpid()}.db"
    print(f"(building the {count:,}-patient demo database for the cache; this takes a while)", flush=True)
    try:
        build_demo_database(building, count)
        return store_in_cache(building, count)
    finally:
        remove_database(building)


def working_copy(source: Path, folder: Path) -> Path:
    """A private copy to write to, so measurements never change the cached database."""
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


# --- figures -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    n: int
    min: float
    median: float
    p95: float
    max: float


def stats(samples: Iterable[float]) -> Stats:
    """Summary of timings; p95 is the nearest-rank 95th percentile."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("no samples")
    rank = max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))
    return Stats(len(ordered), ordered[0], statistics.median(ordered), ordered[rank], ordered[-1])


def verdict(value: float, limit: float) -> str:
    return "ok" if value < limit else "over"


def ms(seconds: float) -> float:
    return seconds * 1000.0


class Table:
    """A compact fixed-width table: measure, figure, target or reference, verdict."""

    def __init__(self, title: str, headings: Sequence[str] = ("measure", "figure", "target", "")) -> None:
        self.title = title
        self.headings = tuple(headings)
        self.rows: list[tuple[str, ...]] = []

    def add(self, *cells: str) -> None:
        self.rows.append(tuple(cells) + ("",) * (len(self.headings) - len(cells)))

    def print(self) -> None:
        widths = [max(len(row[i]) for row in (self.headings, *self.rows)) for i in range(len(self.headings))]
        print(f"\n{self.title}")
        print("  ".join(h.ljust(w) for h, w in zip(self.headings, widths, strict=True)).rstrip())
        print("  ".join("-" * w for w in widths))
        for row in self.rows:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        sys.stdout.flush()


def fmt_ms(value: float) -> str:
    return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def fmt_stats_ms(s: Stats) -> str:
    """median / p95 in milliseconds, with the sample count."""
    return f"{fmt_ms(s.median)} / {fmt_ms(s.p95)} (n={s.n})"


if __name__ == "__main__":
    # `make bench` runs every bench/*.py; this one only holds helpers.
    print("shared benchmark helpers; nothing to measure here")
