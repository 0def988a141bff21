"""Building in idle time. The pages behind the sign-in screen (the patient list with Today, the
administrator's page, patient mode's urgent banner) are built after the window's first paint a piece at a
time: the first window a person sees is the sign-in screen alone, and no event-loop turn spends long
building what it hides.

`WorkPart` attributes of the window return their page once built; read earlier (someone signs in before
the pieces are done, a failure message, a test), they finish the remaining pieces at once.

Also what the window loads after start-up for the intake workspace and the preview: the plain modules on a
worker thread (`load_in_background`), the Qt ones on the GUI thread a step each (`import_steps`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Generic, TypeVar, overload

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from intake_app.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from intake_app.gui.main_window import MainWindow

T = TypeVar("T")


def _load_plain_modules() -> None:
    """What the work pages need that never touches Qt (the questionnaire's modules, for patient mode),
    loaded on a worker thread. Their Qt modules are loaded on the GUI thread, one a step: PySide6 makes its
    types on first use, which is not safe from another thread."""
    import intake_app.domain.wording  # noqa: F401


#: The Qt modules of the intake workspace and of the preview, each after the modules it imports: loaded on
#: the GUI thread, one a step in idle time. (PySide6 makes its types on first use, which is not safe from
#: another thread: loading these on a worker thread crashed the window now and then.)
WORKSPACE_MODULES = (
    "intake_app.gui.assessment_panel", "intake_app.gui.body_map", "intake_app.gui.flow_layout",
    "intake_app.gui.options", "intake_app.gui.field_widgets", "intake_app.gui.question_row",
    "intake_app.gui.side_widgets", "intake_app.gui.intake_form", "intake_app.gui.review",
    "intake_app.gui.intake_saving", "intake_app.gui.intake_settle", "intake_app.gui.intake_page",
)
PREVIEW_MODULES = (
    "PySide6.QtPrintSupport", "intake_app.gui.letter_options", "PySide6.QtPdf", "intake_app.gui.printing",
    "intake_app.gui.page_view", "intake_app.gui.report_process", "intake_app.gui.document_tab",
    "intake_app.gui.preview",
)


def load_in_background() -> None:
    """What the intake workspace and printing need that never touches Qt, loaded off the GUI thread after
    start-up."""
    import difflib  # noqa: F401 - the result panel's
    import html  # noqa: F401

    import intake_app.crashlog  # noqa: F401 - the crash handler writes with it
    import intake_app.recovery  # noqa: F401
    import intake_app.screening  # noqa: F401
    from intake_app.domain import load_questionnaire
    from intake_app.domain.body_map import load_body_map

    load_questionnaire()
    load_body_map()


def home_tab_titles() -> tuple[str, str]:
    """The home page's tab titles, in the window's words (its translation context) and the desk's language."""
    return (QCoreApplication.translate("MainWindow", "Find &patient"),
            QCoreApplication.translate("MainWindow", "&Today"))


def import_steps(names: tuple[str, ...]) -> Iterator[None]:
    for name in names:
        importlib.import_module(name)
        yield


class WorkPart(Generic[T]):
    """A window attribute made by `WorkBuilder`: read before it exists, it finishes the build first."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = "_work_" + name

    @overload
    def __get__(self, window: None, owner: type | None = None) -> WorkPart[T]: ...
    @overload
    def __get__(self, window: object, owner: type | None = None) -> T: ...

    def __get__(self, window: object, owner: type | None = None) -> T | WorkPart[T]:
        if window is None:
            return self
        value = window.__dict__.get(self._slot)
        if value is None:
            builder: WorkBuilder = window.__dict__["work_builder"]
            builder.finish()
            value = window.__dict__[self._slot]
        return value  # type: ignore[no-any-return]

    def __set__(self, window: object, value: T) -> None:
        window.__dict__[self._slot] = value


class WorkBuilder:
    """Builds the window's work pages in steps, one per event-loop turn once started (after the first
    paint), or the rest at once (`finish`). A step loads one module, makes one page or adds one tab."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._steps: Iterator[None] | None = self._build()
        self._running = False
        self._loader: TaskRunner | None = None
        self._timer = QTimer(window)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def done(self) -> bool:
        return self._steps is None

    def start(self) -> None:
        """The plain modules on a worker thread, then the Qt modules and the pages here, a step per turn."""
        if self._steps is not None and self._loader is None:
            self._loader = TaskRunner(self.window)
            self._loader.run(_load_plain_modules, lambda _none: self._timer.start() if self._steps else None)

    def stop(self) -> None:
        self._timer.stop()
        if self._loader is not None:
            self._loader.wait()

    def _step(self) -> None:
        if self._steps is None:
            self._timer.stop()
            return
        self._running = True
        try:
            ended = next(self._steps, self) is self
        finally:
            self._running = False
        if ended:
            self._steps = None
            self._timer.stop()

    def finish(self) -> None:
        """Every step left, now (a page is needed before the steps got to it)."""
        self._timer.stop()
        if self._running:
            raise RuntimeError("a work page was asked for while it was being built")
        steps, self._steps = self._steps, None
        if steps is None:
            return
        self._running = True
        try:
            for _step in steps:
                pass
        finally:
            self._running = False

    def _build(self) -> Iterator[None]:
        window = self.window
        from intake_app.gui.patients import PatientsPanel

        yield
        window.patients = PatientsPanel(window)
        yield
        from intake_app.gui.today import TodayPanel

        yield
        window.today = TodayPanel(window)
        yield
        yield from self._patients_page()
        yield
        from intake_app.gui.admin_page import AdminPage

        yield
        window.admin_page = AdminPage(window)
        self._admin_page()
        yield
        from intake_app.gui.patient_desk import PatientDesk

        yield
        window.patient_desk = PatientDesk(window)
        # The urgent banner above the screens; it names the patient, so never over the sign-in or lock screen.
        window.central_layout.insertWidget(0, window.patient_desk.banner)
        window.shell.currentChanged.connect(window._banner_follows_screen)

    def _patients_page(self) -> Iterator[None]:
        """The patient list and Today as tabs, with the desk's buttons beside them. The page is made inside
        the stack that shows it: made elsewhere, moving it there styled all its widgets again at once."""
        window = self.window
        patients, today = window.patients, window.today
        page = QWidget(window.stack)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 10, 12, 8)
        tabs = QTabWidget(page)
        tabs.setObjectName("homeTabs")
        layout.addWidget(tabs)
        # Each tab styled as it is added: one a step.
        find_title, today_title = home_tab_titles()
        tabs.addTab(patients, find_title)
        yield
        tabs.addTab(today, today_title)
        yield
        window.home_tabs = tabs
        window.patients_page = page
        window.stack.insertWidget(0, page)  # an intake page made first stays after it
        window.stack.setCurrentWidget(page)
        window._desk_bar()
        for runner in (patients.runner, today.runner):
            window.busy.track(runner)
        today.failed.connect(window.on_failure)
        today.intake_open_requested.connect(window.open_intake)
        today.outcome_requested.connect(window.record_outcome)
        patients.failed.connect(window.on_failure)
        patients.new_patient_requested.connect(window.new_patient)
        patients.edit_patient_requested.connect(window.edit_patient)
        patients.new_intake_requested.connect(window.new_intake)
        patients.intake_open_requested.connect(window.open_intake)
        window._update_actions()

    def _admin_page(self) -> None:
        window = self.window
        page = window.admin_page
        window.shell.addWidget(page)
        page.accounts_requested.connect(window.admin.accounts)
        page.settings_requested.connect(window.admin.clinic_settings)
        page.audit_requested.connect(window.admin.audit)
        page.backup_requested.connect(window.admin.backup)
