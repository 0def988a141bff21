"""The GUI benchmark's measurements inside one process, on a private copy of the 100k demo database: the
window started and signed in, search as you type, sorting, opening intakes, answer -> result panel, and the
event-loop stalls of the slow work (opening, saving, the recovery journal, previews, printing)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui_children import MEMORY_RUNS
from gui_probe import (
    GcPauses,
    Heartbeat,
    PaintWatch,
    PanelChange,
    PanelTimes,
    Stall,
    Waiter,
    quiet_offscreen_warnings,
    spin,
    wait_until,
)

ANSWER_CHANGES = 40  # changes timed for each way of answering (after 4 unmeasured)
SEARCH_ROUNDS = 4  # times each typed text is searched
PRINT_RUNS = 3  # real print jobs (referral and handout) timed for the printing stall


def commonest_names(database: Path) -> tuple[str, str]:
    """The commonest family name among those sharing the commonest first two letters, and the same for given
    names (folded, as the search reads them)."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        def commonest(column: str) -> str:
            prefix = connection.execute(f"SELECT substr({column}, 1, 2) p FROM patients GROUP BY p "
                                        "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            return str(connection.execute(f"SELECT {column} FROM patients WHERE {column} >= ? AND {column} < ? "
                                          f"GROUP BY {column} ORDER BY count(*) DESC LIMIT 1",
                                          (prefix, prefix + "\uffff")).fetchone()[0])

        return commonest("family_fold"), commonest("given_fold")


def measure_in_process(database: Path) -> dict[str, Any]:
    from _common import BENCH_CLINICIAN, BENCH_PASSWORD, fast_passwords, ms, rss_mb, sqlite_url, stats
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    from intake_app.access.passwords import Secret
    from intake_app.gui import messages
    from intake_app.gui.app import build_window, create_application
    from intake_app.settings import Settings

    messages.AUTO_ANSWERS = []  # a message box must never wait for a person here
    create_application()
    quiet_offscreen_warnings()
    collections = GcPauses()
    gc.callbacks.append(collections)
    # The longest autosave interval, and the timer is stopped below: saves happen only when measured.
    window = build_window(sqlite_url(database), Settings(autosave_seconds=120),
                          clinic_options={"passwords": fast_passwords()})
    ready = Waiter(window.clinic_ready, 120)
    heartbeat = Heartbeat(collections)
    heartbeat.start()
    first_paint = PaintWatch(window)
    first_paint.arm()
    window.show()
    first_paint.wait(60)
    figures: dict[str, Any] = {}
    # 4. Stalls after the first paint while the pages behind the sign-in screen are built (the database
    # opens on its thread meanwhile, as at every start).
    opening: list[Stall] = []
    with heartbeat.during(opening):
        ready.wait()
    figures["stall_database_opens"] = opening
    builder = getattr(window, "work_builder", None)  # (absent in trees before issue 14's window work)
    if builder is not None:
        work_stalls: list[Stall] = []
        with heartbeat.during(work_stalls):
            wait_until(lambda: builder.done, 60, "the pages behind the sign-in screen were never built")
        figures["stall_work_pages"] = work_stalls
    heartbeat.stop()
    listed = Waiter(window.patients.search_finished, 60)
    signed_in = Waiter(window.session.signed_in, 60)
    window.session.sign_in(BENCH_CLINICIAN, Secret(BENCH_PASSWORD))
    signed_in.wait()
    listed.wait()
    patients = window.patients
    clinic = window.clinic

    # 3. Search as you type over the 100k patients: every prefix of a few family names, MRNs, a birth date.
    # The worst cases first: the family and given names whose first two letters are the commonest in this
    # database (typed a letter at a time, and the two together), then a rarer family name, MRNs, a birth date.
    family, given = commonest_names(database)
    typed: list[str] = []
    for name in (family, given, clinic.search_patients("sch", limit=1)[0].patient.family_name):
        typed += [name[:n] for n in range(1, min(len(name), 7) + 1)]
    typed += [f"{given[:2]} {family[:2]}", f"{family} {given[:2]}"]
    sample = clinic.search_patients(family, limit=1)[0].patient
    typed += ["D", "D0", "D00", "D001", "D0012", "D00123", sample.date_of_birth.isoformat(), ""]
    table_paint = PaintWatch(patients.table.viewport())
    per_text: dict[str, list[float]] = {}
    to_signal: list[float] = []
    to_paint: list[float] = []

    def search(text: str) -> tuple[float, float]:
        finished = Waiter(patients.search_finished)
        table_paint.arm()
        started = time.perf_counter()
        patients.search_now(text)
        arrived = finished.wait()
        shown = table_paint.wait() if finished.args[0] else arrived  # no rows: the empty notice instead
        return ms(arrived - started), ms(shown - started)

    for text in typed[:5]:
        search(text)  # warm-up
    for _round in range(SEARCH_ROUNDS):
        for text in typed:
            signal_ms, paint_ms = search(text)
            to_signal.append(signal_ms)
            to_paint.append(paint_ms)
            per_text.setdefault(text, []).append(signal_ms)
    figures["search"] = stats(to_signal)
    figures["search_painted"] = stats(to_paint)
    slowest = sorted(((stats(v).median, k) for k, v in per_text.items()), reverse=True)[:4]
    figures["search_slowest"] = slowest

    sorts: list[float] = []
    for column, order in [(2, Qt.SortOrder.DescendingOrder), (0, Qt.SortOrder.AscendingOrder)] * 10:
        finished = Waiter(patients.search_finished)
        started = time.perf_counter()
        patients.table.sortByColumn(column, order)
        sorts.append(ms(finished.wait() - started))
    figures["sort"] = stats(sorts)

    # 4a. Stalls while searching (the list is on screen) and while opening an intake.
    heartbeat.start()
    idle: list[Stall] = []
    with heartbeat.during(idle):
        spin(1.0)
    figures["idle_gaps"] = [idle[0].gap_ms]
    search_stalls: list[Stall] = []
    for text in typed[:20]:
        with heartbeat.during(search_stalls):
            finished = Waiter(patients.search_finished)
            patients.search_now(text)
            finished.wait()
    figures["stall_search"] = search_stalls

    found = Waiter(patients.search_finished)
    patients.search_now(sample.family_name)
    found.wait()
    # Patients nobody opened an intake for today (a second one the same day asks first); the memory
    # children used the first few of the list.
    fresh = [r.id for r in clinic.search_patients("", limit=MEMORY_RUNS + 13)[MEMORY_RUNS + 10:]]
    # The first intake is opened once the idle build has made and placed the page, as at a desk where a
    # few seconds pass between signing in and the first patient (the searches above keep the desk busy, so
    # without this wait the first open would time the build itself). An open ends when the workspace (the
    # result panel) has been drawn: the page draws its header first and the workspace a turn later, and
    # both turns are inside the measured stretch.
    wait_until(lambda: window.intake_page is not None and window.intake_page.settled, 120,
               "the intake page was never built in idle time")
    workspace = PaintWatch(window.intake_page.panel)
    open_stalls: list[Stall] = []
    for attempt in range(3):
        with heartbeat.during(open_stalls):
            opened = Waiter(window.intake_opened)
            workspace.arm()
            window.new_intake(fresh[attempt])
            opened.wait()
            workspace.wait(timeout_s=10)
        if attempt < 2:
            window.show_patients()
            spin(0.1)
    figures["stall_open_first"] = open_stalls[:1]
    figures["stall_open_again"] = open_stalls[1:]
    # The preview dialog is made ahead and styled in idle time once the intake page is built.
    if hasattr(window, "_preview_steps"):
        ahead: list[Stall] = []
        with heartbeat.during(ahead):
            wait_until(lambda: window._building is None and window.preview_dialog is not None, 60,
                       "the preview dialog was never made ahead")
        figures["stall_preview_ahead"] = ahead
    idle_again: list[Stall] = []
    with heartbeat.during(idle_again):
        spin(1.0)
    figures["idle_gaps"].append(idle_again[0].gap_ms)
    heartbeat.stop()

    page = window.intake_page
    page.autosave.stop()
    form = page.form
    wait_until(lambda: form.built, 30, "the intake form was never finished")
    form.show_section("where")
    spin(0.2)

    # 2. From a person's answer (a click on the map, a click in the form, a key) to the result panel
    # repainted with the new result. Map and form start in step, as a person leaves them: the right heel
    # and arch marked by clicks on the map. Each action then alternates between two answers that both give
    # a result (never "not screened"), and each change must change the panel's words: a change that left
    # the panel as it was would time nothing, so the benchmark stops and says so.
    panel = page.panel
    if not panel.reasons.viewport().isVisible():
        raise SystemExit(f"the result panel is not on screen (layout {page.mode!r}, window {window.width()}x"
                         f"{window.height()})")
    panel_paint = PaintWatch(panel.reasons.viewport())
    body_map = page.map
    body_map.set_symptom("pain")

    def map_point(region: str, side: str) -> Any:
        shape = body_map._map.shapes_for(region, side)[0]
        centre = QPointF(sum(p[0] for p in shape.points) / len(shape.points),
                         sum(p[1] for p in shape.points) / len(shape.points))
        return body_map.map_to_widget(centre.x(), centre.y()).toPoint()

    def click(widget: Any, point: Any = None) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    for region in ("heel", "arch"):
        Waiter(page.assessed, 5).after(lambda r=region: click(body_map, map_point(r, "right")))
    if form.answers().get("pain") != {"right": ["heel", "arch"]}:
        raise SystemExit(f"the map clicks did not mark the right heel and arch: {form.answers().get('pain')}")

    def change(action: Callable[[], None]) -> PanelChange:
        before = panel.reasons.toPlainText()
        assessed = Waiter(page.assessed, 5)
        panel_paint.arm()
        started = assessed.after(action)
        signalled = assessed.wait()
        try:
            shown: float | None = panel_paint.wait(timeout_s=3)
        except SystemExit:
            shown = None
        if panel.reasons.toPlainText() == before:
            raise SystemExit("bench: an answer change left the result panel's words as they were; "
                             "choose answers that change the result")
        return PanelChange(ms(signalled - started), None if shown is None else ms(shown - started))

    def run_changes(actions: list[Callable[[], None]]) -> PanelTimes:
        for action in actions[:4]:  # warm-up
            change(action)
        return PanelTimes.of([change(action) for action in actions])

    calf = map_point("calf", "right")  # pain reaching the calf changes the reasons (the heel alone would not)
    figures["answer_map"] = run_changes([lambda: click(body_map, calf)] * ANSWER_CHANGES)

    page_where = form.findChild(QScrollArea, "page_where")
    buttons = [form.findChild(QWidget, f"radiates_to.right={value}") for value in ("thigh", "foot")]
    page_where.ensureWidgetVisible(buttons[0])
    spin(0.1)
    figures["answer_click"] = run_changes(
        [lambda i=i: click(buttons[i % 2], buttons[i % 2].rect().center()) for i in range(ANSWER_CHANGES)])

    # The arrow keys move the choice along the row (from "foot" to "below the knee" and back).
    keys = (Qt.Key.Key_Left, Qt.Key.Key_Right)
    buttons[1].setFocus()
    spin(0.05)
    figures["answer_key"] = run_changes(
        [lambda i=i: QTest.keyClick(QApplication.focusWidget(), keys[i % 2]) for i in range(ANSWER_CHANGES)])
    region_sets = ({"right": ["back_of_thigh", "calf", "heel"], "left": []}, {"right": ["heel", "arch"], "left": []})

    # 4b. Stalls while saving a draft, writing the recovery journal and building PDFs.
    heartbeat.start()
    save_stalls: list[Stall] = []
    for i in range(20):
        form.set_regions("pain", region_sets[i % 2])
        with heartbeat.during(save_stalls):
            saved = Waiter(page.saved)
            page.save()
            saved.wait()
    figures["stall_save"] = save_stalls

    journal_stalls: list[Stall] = []
    for i in range(5):
        with heartbeat.during(journal_stalls):
            form.set_regions("pain", region_sets[i % 2])
            spin(0.5)  # the journal is written 300 ms after the last change, on this thread
    figures["stall_answer_journal"] = journal_stalls

    preview_stalls: list[Stall] = []
    close_stalls: list[Stall] = []
    for _attempt in range(4):
        with heartbeat.during(preview_stalls):
            window.preview()
            dialog = window.preview_dialog
            if not dialog.is_ready:
                Waiter(dialog.ready, 60).wait()
            spin(0.3)  # the pages are drawn into the view after the PDFs arrive
        # Closed as a person closes it (the window shows the next preview in it again). A window-modal
        # dialog's closing sends "window unblocked" through every widget of the window (their event filters).
        with heartbeat.during(close_stalls):
            dialog.reject()
            spin(0.05)
    figures["stall_preview_first"] = preview_stalls[:1]
    figures["stall_preview_again"] = preview_stalls[1:]
    figures["stall_preview_close"] = close_stalls
    figures["stall_print"], figures["print_job_s"] = real_prints(window, database.parent / "printed.pdf", heartbeat)
    idle_end: list[Stall] = []
    with heartbeat.during(idle_end):
        spin(1.0)
    figures["idle_gaps"].append(idle_end[0].gap_ms)
    heartbeat.stop()

    gc.callbacks.remove(collections)
    full = [b - a for a, b, generation in collections.pauses if generation == 2]
    figures["gc_full"] = (len(full), ms(max(full)) if full else 0.0, len(gc.get_objects()))
    figures["rss_end"] = rss_mb()
    page.close_record()
    window.close()
    clinic.close()
    return figures


def real_prints(window: Any, target: Path, heartbeat: Heartbeat) -> tuple[list[Stall], list[float]]:
    """The referral and the handout printed from the preview as a person prints them, through the printer
    path: each page rendered at the printer's resolution (at most MAX_PRINT_DPI) and painted on a QPrinter,
    here one that writes a PDF file in the bench's folder (offscreen, no paper). The print dialog's answer
    is a printer; the dialog is told it is not a PDF file, else it would copy the documents' own PDFs."""
    from PySide6.QtPrintSupport import QPrinter

    from intake_app.gui import preview

    class PrinterChooser:
        def printer(self, _parent: Any, printer: QPrinter, _title: str) -> QPrinter:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))
            return printer

    writes_pdf_file = preview.writes_pdf_file
    preview.writes_pdf_file = lambda _printer: False
    stalls: list[Stall] = []
    jobs: list[float] = []
    try:
        for _attempt in range(PRINT_RUNS):
            window.preview()
            dialog = window.preview_dialog
            if not dialog.is_ready:
                Waiter(dialog.ready, 60).wait()
            spin(0.3)
            chooser, dialog.chooser = dialog.chooser, PrinterChooser()
            with heartbeat.during(stalls):
                printed = Waiter(dialog.printed, 300)
                started = time.perf_counter()
                dialog.print_kinds(["referral", "handout"])
                printed.wait()
                jobs.append(time.perf_counter() - started)
            dialog.chooser = chooser
            dialog.reject()
            spin(0.05)
    finally:
        preview.writes_pdf_file = writes_pdf_file
    return stalls, jobs

