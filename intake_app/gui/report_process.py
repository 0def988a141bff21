"""The preview's PDFs built, their pages rendered, and print jobs painted, in a helper process of the
window's own.

reportlab builds a referral summary in pure Python (about 100 ms, 0.5-1 s the first time) and PySide6
holds Python's lock through each page render. On a worker thread of the window's process, that work gives
Python's lock to the window's thread only after the window has waited a switch interval (5 ms) for it, at
each of the window's own Python calls: its event filters run for every event, so showing the preview (a
few dozen events) while its PDFs were being built stalled the window 50-150 ms. In a process of its own
the work takes nothing from the window: the window's worker thread waits on a pipe, which leaves Python's
lock free.

One process serves the whole application, started ahead in idle time (`shared().start()`), one request at
a time over its standard input and output: length-prefixed pickles, then each page's pixels as they are.
Nothing goes to disk (no temporary file holds patient data) and its standard error goes nowhere (a message
there could hold patient data). When the process cannot be started or stops answering, the work is done
on the calling thread as before and a new process is started for the next request; after MAX_FAILURES the
application stops trying.

The requests still go through the clinic (its access checks): the preview asks the clinic for each PDF
inside `services.reports.built_by(process.build)`, and the clinic's build is sent here.

Printing (`print_pdfs`, called by `printing.print_documents`) paints the pages on a printer made here from
the settings of the one the person chose (printing.printer_settings); the process makes its
QGuiApplication for that on its first print job, on the window's platform (QT_QPA_PLATFORM is passed on).
While a job runs the process reports each page and waits for the window's answer: go on or cancel.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from intake_app.domain import IntakeDocument
from intake_app.services.reports import build_here
from intake_app.settings import Settings

if TYPE_CHECKING:
    from intake_app.gui.page_view import RenderedPages
    from intake_app.screening.model import Assessment

#: After this many failed starts or broken requests the work stays on the calling thread.
MAX_FAILURES = 3
#: A process that has not said it is ready (its modules loaded) after this long is given up.
START_TIMEOUT_S = 60.0
#: A request not answered after this long (a hung process) is given up and done on the calling thread.
REPLY_TIMEOUT_S = 120.0

_LENGTH = struct.Struct(">Q")
_READY = "ready"
#: An answer's header saying a print job finished a page: ("page", done, total); the window answers go on.
_PAGE = "page"

Progress = Callable[[int, int], "bool | None"]


class Unavailable(Exception):
    """The process could not be started or stopped answering (the caller does the work itself)."""


def worker_command() -> list[str] | None:
    """How to start the process: this module run by the same Python; in a frozen bundle the bundle's own
    executable, whose entry point (packaging/entry.py) serves with `--report-process`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--report-process"]
    return [sys.executable, "-m", __name__]


def _environment() -> dict[str, str]:
    """The process finds the same `intake_app` as this one, wherever it was imported from, and prints
    through the same Qt platform as the window (offscreen in tests, the desktop's on a desk)."""
    environment = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    paths = [root] + [p for p in environment.get("PYTHONPATH", "").split(os.pathsep) if p and p != root]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    gui = sys.modules.get("PySide6.QtGui")
    platform = gui.QGuiApplication.platformName() if gui is not None and gui.QGuiApplication.instance() else ""
    if platform and "QT_QPA_PLATFORM" not in environment:
        environment["QT_QPA_PLATFORM"] = platform
    return environment


# --- frames: a length, then the bytes ------------------------------------------------------------


def _write_frame(stream: IO[bytes], data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data).cast("B")
    stream.write(_LENGTH.pack(len(view)))
    done = 0
    while done < len(view):
        written = stream.write(view[done:])
        done += written or 0
    stream.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytearray:
    """`size` bytes, read straight into one buffer (the read itself leaves Python's lock free)."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    done = 0
    while done < size:
        count = stream.readinto(view[done:])  # type: ignore[attr-defined]
        if not count:
            raise EOFError("the report process closed its output")
        done += count
    return buffer


def _read_frame(stream: IO[bytes]) -> bytearray:
    (size,) = _LENGTH.unpack(_read_exact(stream, _LENGTH.size))
    return _read_exact(stream, size)


# --- the window's side -----------------------------------------------------------------------------


class _Watchdog:
    """Kills a process that has not answered within `seconds` (restarted for each answer awaited)."""

    def __init__(self, process: subprocess.Popen[bytes], seconds: float) -> None:
        self._process, self._seconds = process, seconds
        self._timer: threading.Timer | None = None
        self.restart()

    def restart(self, seconds: float | None = None) -> None:
        self.cancel()
        self._timer = threading.Timer(seconds or self._seconds, self._process.kill)
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class ReportProcess:
    """A helper process that builds report PDFs and renders their pages; usable from any worker thread
    (one request at a time), never needed for correctness: without it the caller's thread does the work."""

    def __init__(self, command: Sequence[str] | None = None) -> None:
        self._command = list(command) if command is not None else worker_command()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._ready = False
        self.failures = 0
        self._printing_failed = False

    @property
    def usable(self) -> bool:
        return self._command is not None and self.failures < MAX_FAILURES

    @property
    def prints(self) -> bool:
        """Whether print jobs go to the process: not after one stopped it (its platform may be unable to
        print; the preview keeps it), nor on macOS, where a second GUI process shows its own Dock icon."""
        return self.usable and not self._printing_failed and sys.platform != "darwin"

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def start(self) -> None:
        """Start the process unless it runs; returns at once (it loads its modules meanwhile), also while
        another thread's request is under way."""
        if self._lock.acquire(blocking=False):
            try:
                self._start()
            except Unavailable:
                pass  # the first request does the work on its own thread
            finally:
                self._lock.release()

    def _start(self) -> subprocess.Popen[bytes]:
        process = self._process
        if process is not None and process.poll() is None:
            return process
        self._discard()
        if not self.usable or self._command is None:
            raise Unavailable("no report process")
        try:
            process = subprocess.Popen(  # noqa: S603 - our own module, run by our own interpreter
                self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env=_environment(), bufsize=0, close_fds=True,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as exc:
            self.failures += 1
            raise Unavailable("the report process did not start") from exc
        self._process, self._ready = process, False
        return process

    def _discard(self) -> None:
        """Let go of the process (after a failure, or to stop): it is told to stop, else killed."""
        process, self._process, self._ready = self._process, None, False
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def close(self) -> None:
        with self._lock:
            self._discard()

    def _call(self, request: tuple[Any, ...], progress: Progress | None = None) -> tuple[Any, list[bytearray]]:
        """Send one request and read its answer: the answer's header and its page pixels (if any). A print
        job's pages are reported to `progress` on the way (its answer, go on or not, is sent back)."""
        try:
            data = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - something that cannot travel is made here instead
            raise Unavailable("the request cannot be sent to the report process") from exc
        with self._lock:
            process = self._start()
            assert process.stdin is not None and process.stdout is not None
            # A hung process is killed after the timeout: the blocked read then ends with end of file.
            watchdog = _Watchdog(process, START_TIMEOUT_S + REPLY_TIMEOUT_S if not self._ready else REPLY_TIMEOUT_S)
            try:
                if not self._ready:
                    if pickle.loads(_read_frame(process.stdout)) != _READY:
                        raise EOFError("the report process did not start")
                    self._ready = True
                _write_frame(process.stdin, data)
                header = pickle.loads(_read_frame(process.stdout))
                while header[0] == _PAGE:
                    go = True
                    if progress is not None:
                        try:
                            go = progress(header[1], header[2]) is not False
                        except BaseException:
                            self._discard()  # the job is dropped with the process (nothing more is printed)
                            raise
                    _write_frame(process.stdin, pickle.dumps(go))
                    watchdog.restart()  # each page has the whole timeout
                    header = pickle.loads(_read_frame(process.stdout))
                frames = [_read_frame(process.stdout) for _ in range(header[2])]
            except (OSError, EOFError, ValueError, pickle.PickleError) as exc:
                self.failures += 1
                self._discard()
                raise Unavailable("the report process stopped answering") from exc
            finally:
                watchdog.cancel()
        status, value = header[0], header[1]
        if status == "error":
            raise value
        return value, frames

    def build(self, kind: str, document: IntakeDocument, settings: Settings, assessment: Assessment | None,
              language: str | None, overrides: Mapping[str, Any]) -> bytes:
        """A report's PDF built in the process (a `services.reports.Builder`), or here when it is not there."""
        try:
            pdf, _frames = self._call(("build", kind, document, settings, assessment, language, dict(overrides)))
        except Unavailable:
            return build_here(kind, document, settings, assessment, language=language, **overrides)
        return bytes(pdf)

    def render(self, pdf: bytes, width: int) -> RenderedPages:
        """Every page of `pdf` as a picture `width` pixels wide, rendered in the process (or here)."""
        from PySide6.QtCore import QSizeF
        from PySide6.QtGui import QImage

        from intake_app.gui.page_view import RenderedPages, render_pages

        try:
            pages, frames = self._call(("render", pdf, width))
        except Unavailable:
            return render_pages(pdf, width)
        images = tuple(QImage(pixels, w, h, line, QImage.Format.Format_RGB32).copy()  # our own copy
                       for (_pw, _ph, w, h, line), pixels in zip(pages, frames, strict=True))
        return RenderedPages(pdf, tuple(QSizeF(pw, ph) for pw, ph, *_image in pages), images, width)

    def print_pdfs(self, pdfs: list[bytes], settings: Mapping[str, Any], progress: Progress | None = None) -> int:
        """`printing.print_documents` in the process, on a printer made from `settings`
        (printing.printer_settings); returns the pages printed. Raises Unavailable when the process is not
        there or stopped during the job: the caller then prints it all itself. A printer's job goes to the
        printer only when it ends (a stopped job never reaches it); a PDF file is written again whole."""
        try:
            pages, _frames = self._call(("print", list(pdfs), dict(settings)), progress)
        except Unavailable:
            self._printing_failed = True
            raise
        return int(pages)


_SHARED: ReportProcess | None = None
_SHARED_LOCK = threading.Lock()


def shared() -> ReportProcess:
    """The application's one report process (made on first use, stopped when the program ends)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = ReportProcess()
            atexit.register(_SHARED.close)
        return _SHARED


# --- the process's side ----------------------------------------------------------------------------


def _answer(request: tuple[Any, ...], ask: Progress) -> tuple[tuple[Any, ...], list[bytes]]:
    if request[0] == "build":
        _what, kind, document, settings, assessment, language, overrides = request
        return ("ok", build_here(kind, document, settings, assessment, language=language, **overrides), 0), []
    if request[0] == "render":
        from intake_app.gui.page_view import render_pages

        rendered = render_pages(request[1], request[2])
        pages = [(size.width(), size.height(), image.width(), image.height(), image.bytesPerLine())
                 for size, image in zip(rendered.points, rendered.images, strict=True)]
        return ("ok", pages, len(pages)), [bytes(image.constBits()) for image in rendered.images]
    if request[0] == "print":
        return ("ok", _print(request[1], request[2], ask), 0), []
    raise ValueError(f"unknown request {request[0]!r}")


_APPLICATION: Any = None


def _print(pdfs: list[bytes], settings: Mapping[str, Any], ask: Progress) -> int:
    """A print job on a printer made from the window's settings, each page reported to the window."""
    global _APPLICATION
    from PySide6.QtGui import QGuiApplication

    from intake_app.gui.printing import print_here, settings_printer

    if QGuiApplication.instance() is None:  # printers need one; made once, on the window's platform
        _APPLICATION = QGuiApplication([sys.argv[0] if sys.argv else "intake-app"])
    printer = settings_printer(dict(settings))
    return print_here(pdfs, printer, ask, max_dpi=settings["max_dpi"], band_pixels=settings["band_pixels"])


def _failure(error: BaseException) -> tuple[Any, ...]:
    """The error to raise in the window, with where it happened here (code lines only)."""
    error.add_note("In the report process:\n" + "".join(traceback.format_exception(error)))
    try:
        pickle.dumps(error)
    except Exception:  # noqa: BLE001 - an error that cannot travel is described instead
        error = RuntimeError(f"{type(error).__name__} in the report process (it could not be passed on)")
    return ("error", error, 0)


def _warm_up() -> None:
    """What every request needs, loaded before the process says it is ready."""
    import intake_app.gui.page_view  # noqa: F401 - QtGui and QtPdf
    import intake_app.reports  # noqa: F401 - reportlab
    import intake_app.screening  # noqa: F401
    from intake_app.reports.fonts import register_fonts

    register_fonts()


def serve() -> None:
    """Answer requests on standard input until it closes (the window's process ended or let go of it)."""
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the window's process
    if hasattr(os, "nice"):
        os.nice(5)  # the window's own work comes first on a busy machine
    # The pipes are kept for the requests; anything else printing would otherwise corrupt them.
    requests = os.fdopen(os.dup(0), "rb", buffering=0)
    answers = os.fdopen(os.dup(1), "wb", buffering=0)
    nowhere = os.open(os.devnull, os.O_RDWR)
    os.dup2(nowhere, 0)
    os.dup2(nowhere, 1)
    _warm_up()
    _write_frame(answers, pickle.dumps(_READY))

    def ask(done: int, total: int) -> bool:
        """A print job's progress to the window; its answer: go on (True) or cancel."""
        _write_frame(answers, pickle.dumps((_PAGE, done, total)))
        return bool(pickle.loads(_read_frame(requests)))

    while True:
        try:
            request = pickle.loads(_read_frame(requests))
        except EOFError:
            return
        try:
            header, frames = _answer(request, ask)
            data = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the window, as on its thread
            header, frames = _failure(exc), []
            data = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
        _write_frame(answers, data)
        for frame in frames:
            _write_frame(answers, frame)


if __name__ == "__main__":
    serve()
