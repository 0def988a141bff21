"""GUI benchmark: cold start, answer-to-result latency, search as you type over 100,000 patients,
event-loop stalls during slow work, and memory. Prints one table of figures with their targets.

Printing is a real print job of the referral and the handout from the preview, through the printer path
(pages rendered at the printer's resolution and painted on a QPrinter writing a PDF file in the bench's
temporary folder).

Cold start and memory are measured in fresh child processes (this script run with --child) and compared
with a bare PySide6 window holding the same number of widgets under the same style sheet, measured in the
same run, alternately (A B A B). For the cold start the bare window also loads the same Qt libraries the app
had loaded at its first paint (the same PySide6 modules, and the `Qt` namespace, whose enums PySide6 makes
on first use: about 35 ms that every PySide6 window reading `Qt` pays); the plain bare window, without them,
is printed beside it. For memory it imports every module the app had loaded. The rest runs in
this process on a private copy of the cached 100k demo database (built first when missing, ~1 minute).

How "first paint" is taken: an event filter on the main window sees its first QEvent.Paint; a zero-delay
timer started there fires once that paint pass (the window and all its children) has finished. That
moment on the system-wide monotonic clock, minus the moment the parent started the child process, is the
cold-start time: it includes starting Python and every import. Children keep compiled bytecode in a
private cache (PYTHONPYCACHEPREFIX), warmed by one unmeasured run each, as an installed app would have.

Modules: gui_children.py (the child processes: cold starts, bare windows, memory), gui_session.py (the
in-process session: searches, opens, answers, stalls, printing), gui_probe.py (the instruments: heartbeat,
collections, waiting for signals and paints); this file makes the table.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from gui_children import (
    Row,
    cold_starts,
    memory_after_intake_page,
    run_child,
    style_sheet_file,
)
from gui_probe import HEARTBEAT_MS, PanelTimes, Stall

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ANSWER_TARGET_MS = 16.0  # answer or map click -> panel repainted, p95 (one frame)
SEARCH_TARGET_MS = 16.0  # search -> first page painted, p95
STALL_TARGET_MS = 16.0  # longest event-loop gap above the idle noise floor


# --- the report --------------------------------------------------------------------------------------


def stall_row(rows: list[Row], label: str, stalls: list[Stall], idle_ms: float) -> None:
    """The longest event-loop gap while doing `label`, against the idle noise floor plus one frame."""
    from _common import fmt_ms

    worst = max(stalls, key=lambda s: s.gap_ms)
    runs = f", worst of {len(stalls)}" if len(stalls) > 1 else ""
    collected = f"; {fmt_ms(worst.gc_ms)} garbage collection" if worst.gc_ms >= 1 else ""
    # The window thread's CPU inside the worst gap tells the window's own work from waiting (for a core, or
    # for Python's lock); context only: the verdict is on the gap, as a person feels it.
    busy = f", window CPU in it {fmt_ms(worst.cpu_ms)}"
    rows.append((f"stall: {label}{runs}{collected}", fmt_ms(worst.gap_ms) + busy, f"idle gap {fmt_ms(idle_ms)}",
                 f"+{fmt_ms(worst.gap_ms - idle_ms)}", f"<= idle + {STALL_TARGET_MS:.0f} ms",
                 worst.gap_ms - idle_ms <= STALL_TARGET_MS))


def answer_row(label: str, times: PanelTimes) -> Row:
    """Answer -> result panel repainted, p95 against one frame; a change never repainted fails the row."""
    from _common import fmt_ms, fmt_stats_ms

    measure = f"{label} -> result panel repainted (p95)"
    handler = f"; result handed to the panel {fmt_ms(times.signalled.median)} median"
    target = f"p95 < {ANSWER_TARGET_MS:.0f} ms"
    if times.painted is None:
        return (measure, f"never repainted in {times.count} changes{handler}", "", "", target, False)
    missed = f"; NOT repainted after {times.missed} of {times.count} changes" if times.missed else ""
    return (measure, fmt_stats_ms(times.painted) + handler + missed, "", "", target,
            times.painted.p95 < ANSWER_TARGET_MS and not times.missed)


def collect_rows(folder: Path) -> list[Row]:
    from _common import demo_database, fmt_ms, fmt_stats_ms, isolate_user_folders, working_copy
    from gui_session import measure_in_process

    rows: list[Row] = []
    style = style_sheet_file(folder)
    cold_starts(folder, style, rows)
    database = working_copy(demo_database(), folder)
    memory_after_intake_page(folder, database, style, rows)
    # Its own settings and window state: what the children left there (window size, splitter) stays out.
    isolate_user_folders(folder / "home-in-process")
    figures = measure_in_process(database)
    for key, label in (("answer_map", "click on the map"), ("answer_click", "click on an answer in the form"),
                       ("answer_key", "arrow key along an answer row")):
        rows.append(answer_row(label, figures[key]))
    search, painted = figures["search"], figures["search_painted"]
    slowest = ", ".join(f"'{text}' {fmt_ms(value)}" for value, text in figures["search_slowest"])
    rows.append((f"search typed -> results, 100k patients (slowest: {slowest})", fmt_stats_ms(search), "", "",
                 "(part of the next)", None))
    # Timed from the search being asked for: the list's 120 ms pause after the last key (so a search is not
    # run for every letter) comes before it and is not counted. The searches start right after sign-in, as at
    # a desk, while the sign-in's background work (the day's backup, when none was made yet) may still run.
    rows.append(("search typed -> first page painted (after the 120 ms typing pause; from sign-in)",
                 fmt_stats_ms(painted), "", "",
                 f"p95 < {SEARCH_TARGET_MS:.0f} ms", painted.p95 < SEARCH_TARGET_MS))
    rows.append(("sort by column (birth date / name) -> results", fmt_stats_ms(figures["sort"]), "", "",
                 "< 50 ms", figures["sort"].p95 < 50))
    # The noise floor: the longest gap of an idle event loop, measured three times (before, among and after
    # the stalls); the stalls are judged against the smallest, so a hiccup of the machine while measuring
    # the floor never excuses a stall.
    gaps = figures["idle_gaps"]
    idle = min(gaps)
    rows.append((f"event loop idle 1 s x{len(gaps)}, heartbeat every {HEARTBEAT_MS} ms: longest gap "
                 f"({', '.join(fmt_ms(g) for g in gaps)})", fmt_ms(idle), "", "",
                 "(noise floor: the smallest)", None))
    for key, label in (("stall_database_opens", "first paint -> database open (on its thread; sign-in screen up)"),
                       ("stall_work_pages", "pages behind the sign-in screen built (after the database opens)"),
                       ("stall_open_first", "first intake opened (page built while idle), to its workspace drawn"),
                       ("stall_preview_ahead", "preview dialog made and styled in idle time"),
                       ("stall_open_again", "opening an intake again, to its workspace drawn"),
                       ("stall_preview_first", "first preview"),
                       ("stall_preview_again", "preview again"), ("stall_save", "saving a draft"),
                       ("stall_preview_close", "closing the preview dialog"),
                       ("stall_search", "searching"),
                       ("stall_print", "printing the referral and the handout (printer path, "
                                       f"jobs {', '.join(f'{job:.1f}' for job in figures['print_job_s'])} s)"),
                       ("stall_answer_journal", "answer change + recovery journal")):
        if key in figures:
            stall_row(rows, label, figures[key], idle)
    count, longest, objects = figures["gc_full"]
    rows.append((f"full garbage collections in the session ({objects:,} objects live)", f"{count}, longest "
                 f"{fmt_ms(longest)}", "", "", "(inside the stalls above)", None))
    return rows


def main() -> None:
    import tempfile

    from _common import Table, isolate_user_folders

    rows_file = sys.argv[sys.argv.index("--rows") + 1] if "--rows" in sys.argv else None
    with tempfile.TemporaryDirectory(prefix="intake-bench-gui-") as scratch:
        folder = Path(scratch)
        isolate_user_folders(folder / "home")
        rows = collect_rows(folder)
    if rows_file:
        Path(rows_file).write_text(json.dumps(rows))
        return
    table = Table("GUI benchmark (offscreen)", ("measure", "ours", "floor", "ratio", "target", "verdict"))
    for measure, ours, floor, ratio, target, passed in rows:
        table.add(measure, ours, floor, ratio, target, "" if passed is None else "PASS" if passed else "FAIL")
    table.print()


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        run_child(sys.argv[2:])
    else:
        main()
