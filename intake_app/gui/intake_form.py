"""The intake form: one widget built entirely from the questionnaire, never by hand per field.

Every question of the answers part gets an editor chosen by its type (see field_widgets), grouped
by section, one section shown at a time. The form speaks the intake-document shape in both
directions (`answers()` / `set_answers()`), hides questions whose `show_if` does not hold, shows
problems beside the field they concern, and keeps the body map in step through `regions_changed` /
`set_regions`. Every text of the questionnaire (section titles, questions, help, options, region
names) is shown in the desk's language (`language=`, by default the clinic's), through domain/wording.py.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.questionnaire import SIDES, Questionnaire, Section, load_questionnaire
from intake_app.domain.wording import section_title
from intake_app.errors import InvalidInput
from intake_app.gui import messages
from intake_app.gui.field_widgets import UNKNOWN, FieldEditor, desk_language, editor_for
from intake_app.gui.flow_layout import FlowLayout
from intake_app.gui.options import escape_mnemonic
from intake_app.gui.question_row import QuestionRow
from intake_app.gui.side_widgets import PerSideRegionsEditor, _PerSide

NAV_WIDTH = 170
ANSWERS_PREFIX = "answers."



def _capitalised(message: str) -> str:
    return message[:1].upper() + message[1:]


class IntakeForm(QWidget):
    """The whole intake questionnaire as a form; see the module docstring for the contract."""

    answersChanged = Signal()
    sectionChanged = Signal(str)
    regions_changed = Signal(str, dict)

    def __init__(self, questionnaire: Questionnaire | None = None, parent: QWidget | None = None, *,
                 build_now: bool = True, language: str | None = None) -> None:
        """`build_now=False` leaves the questions to `build_steps()` (the window builds them in idle
        time, one small step per event-loop turn); the form is usable once `finish_building()` ran.
        `language`: the questionnaire's wording to show (by default the desk's language)."""
        super().__init__(parent)
        self.questionnaire = questionnaire or load_questionnaire()
        self.language = language or desk_language()
        self.setObjectName("intakeForm")  # its look is part of the application's style sheet (style.py)
        self._rows: dict[str, QuestionRow] = {}
        self._sections: list[Section] = [
            s for s in self.questionnaire.sections if any(q.part == "answers" for q in s.questions)
        ]
        self._titles = {s.id: section_title(s, language=self.language) for s in self._sections}
        self._pages: dict[str, QScrollArea] = {}
        self._page_buttons: dict[str, list[QPushButton]] = {}
        self._cache: dict[str, Any] | None = None
        # The editors' values and which questions they show, worked out once per change (the visibility,
        # the answers and the progress all read them).
        self._raw_shown: tuple[dict[str, Any], dict[str, bool]] | None = None
        # The questionnaire builds these tuples on every access; the form asks for them on every change.
        self._answer_questions = self.questionnaire.answer_questions
        self._warning_icon: QIcon | None = None
        self._emit_sections = False
        self._setting_answers = False  # set_answers re-checks every row it touches itself, once
        self.read_only = False

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget(self)
        self.nav.setObjectName("sectionNav")
        self.nav.setAccessibleName(self.tr("Sections of the form"))
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setWordWrap(True)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setIconSize(QSize(16, 16))
        self.stack = QStackedWidget(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)

        self._steps = self._build()
        self.built = False
        if build_now:
            self.finish_building()

    # --- building ------------------------------------------------------------------------------------

    def build_steps(self) -> Iterator[None]:
        """The rest of the form, one question (a few milliseconds) per step."""
        return self._steps

    def finish_building(self) -> None:
        for _step in self._steps:
            pass

    def _build(self) -> Iterator[None]:
        for index, section in enumerate(self._sections):
            item = QListWidgetItem(self._titles[section.id], self.nav)
            item.setData(Qt.ItemDataRole.UserRole + 2, self._titles[section.id])
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            yield from self._build_page(index, section)
        self.nav.currentRowChanged.connect(self._on_nav_row)
        self.nav.setCurrentRow(0)
        self._chain_tab_order()
        self._update_visibility()
        self._refresh_progress()
        self._emit_sections = True
        self.built = True

    def _build_page(self, index: int, section: Section) -> Iterator[None]:
        """One section's page: its heading first, then a step per question, then the buttons."""
        page = QScrollArea(self.stack)
        page.setObjectName(f"page_{section.id}")
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        content = QWidget(page)
        content.setObjectName(f"content_{section.id}")
        column = QVBoxLayout(content)
        column.setContentsMargins(20, 16, 16, 16)
        column.setSpacing(14)

        title = QLabel(self._titles[section.id], content)
        title.setObjectName("sectionTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        big = QFont(title.font())
        big.setPointSizeF(big.pointSizeF() + 4)
        big.setBold(True)
        title.setFont(big)
        title.setAccessibleName(self._titles[section.id])
        column.addWidget(title)

        if section.intro:
            intro_frame = QFrame(content)
            intro_frame.setObjectName("sectionIntro")
            intro_layout = QVBoxLayout(intro_frame)
            intro_layout.setContentsMargins(10, 8, 10, 8)
            intro = QLabel(section.intro.text(self.language), intro_frame)
            intro.setObjectName("sectionIntroText")
            intro.setTextFormat(Qt.TextFormat.PlainText)
            intro.setWordWrap(True)
            intro_layout.addWidget(intro)
            column.addWidget(intro_frame)

        content.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        page.setWidget(content)
        # Its background is left to what is behind (the intake page's body paints it): a filled one made the
        # page drawn twice when the intake page was brought forward (see intake_settle.unfilled).
        page.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        self._pages[section.id] = page
        self.stack.addWidget(page)
        yield
        for question in section.questions:
            if question.part != "answers":
                continue
            editor = editor_for(question, self.questionnaire, content, language=self.language)
            row = QuestionRow(question, editor, section.id, content)
            editor.edited.connect(lambda qid=question.id: self._on_edited(qid))
            editor.recheck.connect(lambda row=row: self._on_recheck(row))
            self._rows[question.id] = row
            column.addWidget(row)
            yield

        column.addStretch(1)
        buttons_box = QWidget(content)
        buttons = FlowLayout(buttons_box, spacing=8)  # wraps on a narrow screen instead of cutting words
        self._page_buttons[section.id] = []
        if index > 0:
            previous = self._sections[index - 1]
            back = QPushButton(self.tr("‹ Back: {title}").format(title=escape_mnemonic(self._titles[previous.id])),
                               buttons_box)
            back.setObjectName("previousSection")
            back.setAutoDefault(False)
            back.clicked.connect(lambda _=False, sid=previous.id: self._go_to(sid, focus_first=True))
            buttons.addWidget(back)
            self._page_buttons[section.id].append(back)
        if index + 1 < len(self._sections):
            following = self._sections[index + 1]
            forward = QPushButton(self.tr("Next: {title} ›").format(title=escape_mnemonic(self._titles[following.id])),
                                  buttons_box)
            forward.setObjectName("nextSection")
            forward.setAutoDefault(False)
            forward.clicked.connect(lambda _=False, sid=following.id: self._go_to(sid, focus_first=True))
            buttons.addWidget(forward)
            self._page_buttons[section.id].append(forward)
        column.addWidget(buttons_box)

    def _chain_tab_order(self) -> None:
        """Tab follows reading order: the section list, then each question, then the page buttons."""
        chain: list[QWidget] = [self.nav]
        for section in self._sections:
            for question in section.questions:
                row = self._rows.get(question.id)
                if row is not None:
                    chain.extend(row.editor.controls())
            chain.extend(self._page_buttons[section.id])
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- sections ------------------------------------------------------------------------------------

    def section_ids(self) -> list[str]:
        return [s.id for s in self._sections]

    def page(self, section_id: str) -> QScrollArea:
        """The scrolling page of one section."""
        return self._pages[section_id]

    def current_section(self) -> str:
        return self._sections[max(self.stack.currentIndex(), 0)].id

    def show_section(self, section_id: str) -> None:
        """Show one section; emits sectionChanged if that is a move to another section."""
        self.nav.setCurrentRow(self.section_ids().index(section_id))

    def _on_nav_row(self, row: int) -> None:
        if row < 0:
            return
        changed = row != self.stack.currentIndex()
        self.stack.setCurrentIndex(row)
        if changed and self._emit_sections:
            self.sectionChanged.emit(self._sections[row].id)

    def _go_to(self, section_id: str, *, focus_first: bool) -> None:
        self.show_section(section_id)
        if focus_first:
            for question in self.questionnaire.questions:
                row = self._rows.get(question.id)
                if row is not None and row.section_id == section_id and not row.isHidden():
                    self._pages[section_id].verticalScrollBar().setValue(0)
                    row.editor.focus_control().setFocus(Qt.FocusReason.OtherFocusReason)
                    return

    # --- answers -------------------------------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        """The answers in intake-document shape: shown, answered questions plus every red flag."""
        return copy.deepcopy(self._current())

    def answers_view(self) -> Mapping[str, Any]:
        """The same answers without a copy, for a caller that only reads them (and copies what it keeps);
        valid until the next change."""
        return self._current()

    def _current(self) -> dict[str, Any]:
        """The answers, computed once per change; callers inside the form only read them."""
        if self._cache is None:
            self._cache = self._compute_answers()
        return self._cache

    def _changed(self) -> None:
        """The editors' values changed: what was worked out from them is worked out again when next asked."""
        self._cache = None
        self._raw_shown = None

    def _raw_and_shown(self) -> tuple[dict[str, Any], dict[str, bool]]:
        if self._raw_shown is None:
            raw = self._raw_answers()
            self._raw_shown = raw, self._shown(raw)
        return self._raw_shown

    def _raw_answers(self) -> dict[str, Any]:
        raw: dict[str, Any] = {}
        for question in self._answer_questions:
            editor = self._rows[question.id].editor
            value = editor.full_value() if isinstance(editor, _PerSide) else editor.value()
            if value is not None:
                raw[question.id] = value
        return raw

    def _shown(self, raw: Mapping[str, Any]) -> dict[str, bool]:
        """Which questions apply; repeated so a hidden answer cannot keep a third question shown."""
        answers = dict(raw)
        shown: dict[str, bool] = {}
        for _ in range(len(self._rows) + 1):
            shown = {q.id: self.questionnaire.is_shown(q, answers) for q in self._answer_questions}
            narrowed = {k: v for k, v in raw.items() if shown[k]}
            if narrowed == answers:
                break
            answers = narrowed
        return shown

    def _compute_answers(self) -> dict[str, Any]:
        raw, shown = self._raw_and_shown()
        result: dict[str, Any] = {}
        for question in self._answer_questions:
            if question.red_flag:
                result[question.id] = raw.get(question.id, UNKNOWN) if shown[question.id] else UNKNOWN
            elif shown[question.id] and question.id in raw:
                result[question.id] = raw[question.id]
        for question in self._answer_questions:
            value = result.get(question.id)
            if question.per_side and isinstance(value, Mapping):
                sides = self.questionnaire.shown_sides(question, result)
                kept = {side: v for side, v in value.items() if side in sides}
                if kept:
                    result[question.id] = kept
                else:
                    del result[question.id]
        return result

    def set_answers(self, answers: Mapping[str, Any]) -> None:
        """Show stored answers (questions not in `answers` become unanswered); no change signals.

        Problems shown for the previous answers are cleared.

        Raises InvalidInput naming each field whose value does not fit, before changing anything.
        """
        problems: list[tuple[str, str]] = []
        for key, value in answers.items():
            row = self._rows.get(key)
            if row is None:
                problems.append((f"{ANSWERS_PREFIX}{key}", self.tr("is not a question of this form")))
            elif not row.editor.accepts(value):
                problems.append((f"{ANSWERS_PREFIX}{key}", self.tr("has a value this form cannot show")))
        if problems:
            raise InvalidInput(self.tr("The stored answers do not fit this form"), problems)
        self._setting_answers = True
        try:
            for question_id, row in self._rows.items():
                # Only a row whose answer differs from what it shows is touched: opening another intake into
                # the page sets, checks and redraws the answers that changed, not the whole form.
                value = answers.get(question_id)
                changed = not row.editor.shows(value)
                if changed:
                    row.editor.set_value(value)
                if changed or row.external_problems:
                    row.external_problems = []  # they were about the answers being replaced
                    row.refresh_problem()
                if isinstance(row.editor, PerSideRegionsEditor):
                    row.editor.release_room()
        finally:
            self._setting_answers = False
        self._changed()
        self._update_visibility()
        self._refresh_nav_marks()
        self._refresh_progress()

    def set_regions(self, field: str, regions: Mapping[str, Iterable[str]]) -> None:
        """Take regions drawn on the body map; emits answersChanged once if they differ."""
        row = self._rows.get(field)
        if row is None or not isinstance(row.editor, PerSideRegionsEditor):
            raise KeyError(f"{field!r} is not a region question of this form")
        value = {side: list(regions.get(side) or ()) for side in SIDES}
        if not row.editor.accepts(value):
            raise InvalidInput(self.tr("Unknown body region"), [(f"{ANSWERS_PREFIX}{field}", "unknown region")])
        before = row.editor.value()
        row.editor.set_value(value)
        if row.editor.value() != before:
            self._after_change(field, notify_map=False)

    def _on_edited(self, question_id: str) -> None:
        self._after_change(question_id, notify_map=True)

    def _on_recheck(self, row: QuestionRow) -> None:
        if self._setting_answers:
            return
        row.refresh_problem()
        self._refresh_nav_marks()

    def _after_change(self, question_id: str, *, notify_map: bool) -> None:
        row = self._rows[question_id]
        row.external_problems = []  # the person changed it; the old complaint no longer applies
        row.refresh_problem()
        self._changed()
        self._update_visibility()
        self._refresh_nav_marks()
        self._refresh_progress()
        if notify_map and isinstance(row.editor, PerSideRegionsEditor):
            self.regions_changed.emit(question_id, row.editor.both_sides())
        self.answersChanged.emit()

    def _update_visibility(self) -> None:
        raw, shown = self._raw_and_shown()
        for question_id, row in self._rows.items():
            if row.isHidden() == shown[question_id]:
                row.setHidden(not shown[question_id])
            if isinstance(row.editor, _PerSide):
                row.editor.set_sides(self.questionnaire.shown_sides(row.question, raw) if shown[question_id] else ())

    # --- progress, red flags, read-only ----------------------------------------------------------------

    def section_progress(self, section_id: str) -> tuple[int, int]:
        """(answered, asked) of the questions shown in a section; a safety question left on
        "Not asked" does not count as answered."""
        return self._progress().get(section_id, (0, 0))

    def _progress(self) -> dict[str, tuple[int, int]]:
        """`section_progress` of every section, in one pass over the rows."""
        answers = self._current()
        counts: dict[str, list[int]] = {}
        for row in self._rows.values():
            if row.isHidden():
                continue
            count = counts.setdefault(row.section_id, [0, 0])
            count[1] += 1
            if answers.get(row.question.id) not in (None, UNKNOWN, [], {}, ""):
                count[0] += 1
        return {section_id: (done, asked) for section_id, (done, asked) in counts.items()}

    def _refresh_progress(self) -> None:
        progress = self._progress()
        for index, section in enumerate(self._sections):
            done, asked = progress.get(section.id, (0, 0))
            item = self.nav.item(index)
            title = self._titles[section.id]
            text = f"{title} {done}/{asked}" if asked else title
            if item.text() != text:
                item.setText(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             self.tr("{0}: {1} of {2} answered").format(title, done, asked))

    def focus_section_start(self) -> None:
        """Focus the first shown question of the section on screen."""
        self._go_to(self.current_section(), focus_first=True)

    def first_open_section(self) -> str:
        """The first section with a question still open (a new intake skips the filled-in age)."""
        progress = self._progress()
        for section_id in self.section_ids():
            done, asked = progress.get(section_id, (0, 0))
            if done < asked:
                return section_id
        return self.section_ids()[0]

    def progress_text(self, section_id: str) -> str:
        """What the section list shows for a section, e.g. "Safety questions 9/11"."""
        return self.nav.item(self.section_ids().index(section_id)).text()

    def mark_fired(self, fields: Iterable[str]) -> None:
        """Red only on the safety questions whose answers raised a red flag."""
        fired = set(fields)
        for question_id, row in self._rows.items():
            if row.question.red_flag:
                row.set_fired(question_id in fired)

    def fired_fields(self) -> list[str]:
        return [qid for qid, row in self._rows.items() if row.is_fired()]

    def set_read_only(self, read_only: bool) -> None:
        """A completed intake: every answer can be read, section by section, and none changed."""
        if read_only == self.read_only:
            return
        self.read_only = read_only
        for row in self._rows.values():
            row.editor.setEnabled(not read_only)

    # --- problems ------------------------------------------------------------------------------------

    def show_problems(self, problems: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """Show problems (as parse_document names them) beside their fields, replacing old ones.

        Returns the problems it placed beside a field; the others (patient details, visit date,
        the document itself) are for the caller to show elsewhere.
        """
        self.clear_problems()
        placed: list[tuple[str, str]] = []
        for field, message in problems:
            path = field.removeprefix(ANSWERS_PREFIX) if field.startswith(ANSWERS_PREFIX) else None
            question_id, _, side = (path or "").partition(".")
            row = self._rows.get(question_id)
            if row is None:
                continue
            placed.append((field, message))
            text = _capitalised(messages.desk_text(message))
            if side in SIDES:
                text = f"{self.questionnaire.side_label(side, self.language)}: {text}"
            row.external_problems.append(text)
        for row in self._rows.values():
            if row.external_problems:
                row.refresh_problem()
        self._refresh_nav_marks()
        return placed

    def clear_problems(self) -> None:
        """Remove the problems handed in by show_problems (the form's own checks stay)."""
        cleared = False
        for row in self._rows.values():
            if row.external_problems:
                row.external_problems = []
                row.refresh_problem()
                cleared = True
        if cleared:
            self._refresh_nav_marks()

    def problems(self) -> list[tuple[str, str]]:
        """The form's own current problems (e.g. a number out of range), as (field, message)."""
        return [
            (f"{ANSWERS_PREFIX}{qid}", message)
            for qid, row in self._rows.items()
            if not row.isHidden() and (message := row.editor.local_problem())
        ]

    def problem_text(self, field: str) -> str:
        """The problem shown beside a question right now ('' if none)."""
        row = self._rows[field.removeprefix(ANSWERS_PREFIX)]
        return row.problem.text() if not row.problem.isHidden() else ""

    def _refresh_nav_marks(self) -> None:
        if self._warning_icon is None:
            self._warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        warning = self._warning_icon
        troubled_sections = {row.section_id for row in self._rows.values()
                             if not row.isHidden() and row.problem_text()}
        for index, section in enumerate(self._sections):
            troubled = section.id in troubled_sections
            item = self.nav.item(index)
            if troubled != bool(item.data(Qt.ItemDataRole.UserRole + 1)):
                item.setData(Qt.ItemDataRole.UserRole + 1, troubled)
                item.setIcon(warning if troubled else QListWidgetItem().icon())
                item.setData(
                    Qt.ItemDataRole.AccessibleDescriptionRole,
                    self.tr("Has answers to check") if troubled else "",
                )

    # --- focus ---------------------------------------------------------------------------------------

    def is_field_shown(self, field: str) -> bool:
        return not self._rows[field.removeprefix(ANSWERS_PREFIX)].isHidden()

    def focus_field(self, field: str) -> bool:
        """Show the question's section, scroll to it and focus it; False if it is not shown.

        Accepts "age_years" as well as document paths such as "answers.pain.left".
        """
        question_id, _, side = field.removeprefix(ANSWERS_PREFIX).partition(".")
        row = self._rows.get(question_id)
        if row is None:
            raise KeyError(f"{field!r} is not a question of this form")
        self.show_section(row.section_id)
        if row.isHidden():
            return False
        page = self._pages[row.section_id]
        content = page.widget()
        if content is not None and (content_layout := content.layout()) is not None:
            content_layout.activate()  # a page just shown may not have placed its rows yet
        control = row.editor.focus_control()
        if side in SIDES and isinstance(row.editor, _PerSide):
            control = row.editor.side_control(side)
        page.ensureWidgetVisible(row, 0, 24)
        page.ensureWidgetVisible(control, 0, 24)
        # Styles draw the focus ring only after keyboard moves; the person must see where we went.
        self.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        control.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def editor(self, field: str) -> FieldEditor:
        """The editor of a question (for the main window's wiring and for tests)."""
        return self._rows[field.removeprefix(ANSWERS_PREFIX)].editor

    def row(self, field: str) -> QuestionRow:
        return self._rows[field.removeprefix(ANSWERS_PREFIX)]
