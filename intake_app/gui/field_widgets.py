"""One editor widget per questionnaire field type, all with the same small interface.

The intake form never knows which control a question uses: it asks an editor for its value in the
intake-document shape, hands it a stored value, and listens to `edited`, which fires only when the
user changed the answer (never while a value is being loaded).

Every text an editor shows (options, units, accessible names) is the questionnaire's wording in the desk's
language (`language=`, by default the clinic's language the desk runs in), through domain/wording.py.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QRegularExpressionValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.questionnaire import Question, Questionnaire
from intake_app.domain.wording import option_text, question_text
from intake_app.gui.options import OptionRow, on_focus_in, on_key

UNKNOWN = "unknown"
#: A choice with more options than this becomes a combo box instead of radio buttons.
MAX_RADIO_OPTIONS = 6
#: Sides in the order clinicians read them (the patient's right first); data keys stay left/right.
DISPLAY_SIDES = ("right", "left")


def desk_language() -> str:
    """The language the desk's screens are in (the clinic's, once its translation is installed)."""
    # Imported here: the patient-mode package builds on the desk's map widget, which imports this module.
    from intake_app.gui.patient.translations import desk_language as installed

    return installed()


class FieldEditor(QWidget):
    """Base class: value in the document shape, loading without signals, `edited` on user change."""

    edited = Signal()
    #: The editor's own check may have a new verdict (emitted even when the value did not change).
    recheck = Signal()

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.questionnaire = questionnaire
        self.language = language or desk_language()
        self._loading = 0
        self._last: Any = None
        # What set_value showed last, while nothing has been changed in the controls since (see `shows`); a
        # new editor shows no answer.
        self._loaded: Any = None
        self._pristine = True

    # --- the interface the form uses -----------------------------------------------------------

    def value(self) -> Any:
        """The answer as the intake document stores it; None when unanswered."""
        raise NotImplementedError

    def accepts(self, value: Any) -> bool:
        """Whether `value` is a well-formed answer for this editor (checked before loading)."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored answer (None clears it) without emitting `edited`."""
        self._loading += 1
        try:
            self._show_value(value)
        finally:
            self._loading -= 1
        self._last = self.value()
        self._loaded = copy.deepcopy(value)
        self._pristine = True

    def shows(self, value: Any) -> bool:
        """Whether the controls show exactly the stored `value` already (set_value would change nothing): it
        was the last value set and nothing was typed, clicked or cleared since, not even a space."""
        return self._pristine and self._as_shown(self._loaded) == self._as_shown(value)

    def _as_shown(self, value: Any) -> Any:
        """The answer the controls show for a stored value (a safety question shows "Not asked" for none)."""
        return value

    def controls(self) -> list[QWidget]:
        """The keyboard-focusable controls in reading order (for the tab chain and focusing)."""
        raise NotImplementedError

    def focus_control(self) -> QWidget:
        """The control that should receive focus when the question is jumped to."""
        return self.controls()[0]

    def local_problem(self) -> str:
        """A problem the editor can see by itself right now (e.g. a number out of range)."""
        return ""

    def set_accessible_description(self, text: str) -> None:
        for control in self.controls():
            control.setAccessibleDescription(text)

    # --- helpers for subclasses ------------------------------------------------------------------

    def label(self) -> str:
        """The question's wording in the desk's language."""
        return question_text(self.questionnaire, self.question, language=self.language)

    def option_labels(self) -> list[str]:
        """Each option's wording in the desk's language, in questionnaire order."""
        return [option_text(self.questionnaire, self.question, o.value, language=self.language)
                for o in self.question.options]

    def _show_value(self, value: Any) -> None:
        raise NotImplementedError

    def _user_changed(self, *_args: object) -> None:
        """Called from control signals: emit `edited` once, and only for a real user change."""
        if self._loading:
            return
        self._pristine = False
        current = self.value()
        if current != self._last:
            self._last = current
            self.edited.emit()


class QuietComboBox(QComboBox):
    """A combo box that ignores the mouse wheel unless it has focus, so the page scrolls instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _fill_combo(combo: QComboBox, editor: FieldEditor, *, empty_label: str | None) -> None:
    """Options in questionnaire order, after an optional entry that means "not answered"."""
    if empty_label is not None:
        combo.addItem(empty_label, None)
    for option, label in zip(editor.question.options, editor.option_labels(), strict=True):
        combo.addItem(label, option.value)


def _combo_value(combo: QComboBox) -> str | None:
    data = combo.currentData()
    return data if isinstance(data, str) else None


def _set_combo_value(combo: QComboBox, value: str | None) -> None:
    index = combo.findData(value) if value is not None else 0
    combo.setCurrentIndex(max(index, 0))


# --- choice ----------------------------------------------------------------------------------------

#: Keys that answer a focused safety question: Y the positive answer, L "long-standing", N "No",
#: 0 "Not asked". Each maps to the first option whose value matches.
SAFETY_KEYS: dict[int, tuple[str, ...]] = {
    Qt.Key.Key_Y: ("yes", "new", "new_or_spreading"),
    Qt.Key.Key_L: ("longstanding_unchanged", "longstanding"),
    Qt.Key.Key_N: ("no",),
    Qt.Key.Key_0: (UNKNOWN,),
}


class RadioChoiceEditor(FieldEditor):
    """A few options, all visible at once; they wrap onto more lines when the room is narrow.

    A red-flag question starts on its "unknown" option ("Not asked"); any other question starts with
    nothing chosen and Delete or Backspace clears the choice again. The arrow keys move the choice
    the same way in every group; on a safety question Y, L, N and 0 choose directly.
    """

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.row = OptionRow([(f"{question.id}={o.value}", label)
                              for o, label in zip(question.options, self.option_labels(), strict=True)],
                             radio=True, parent=self)
        layout.addWidget(self.row)
        self.group = self.row.group
        self.buttons = self.row.buttons
        for button in self.buttons:
            on_key(button, self._key)
            on_focus_in(button, self._focus_in)
        self.group.buttonClicked.connect(self._user_changed)
        if question.red_flag:
            self.set_value(UNKNOWN)

    def value(self) -> str | None:
        index = self.group.checkedId()
        return self.question.options[index].value if index >= 0 else None

    def _as_shown(self, value: Any) -> Any:
        return UNKNOWN if value is None and self.question.red_flag else value

    def accepts(self, value: Any) -> bool:
        return value is None or value in self.question.values

    def _show_value(self, value: Any) -> None:
        if value is None and self.question.red_flag:
            value = UNKNOWN
        if value is None:
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
            return
        self.buttons[self.question.values.index(value)].setChecked(True)

    def controls(self) -> list[QWidget]:
        return list(self.buttons)

    def focus_control(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else self.buttons[0]

    def choose(self, value: str) -> None:
        """Choose an option as the person would (emits `edited` when it changes the answer)."""
        button = self.buttons[self.question.values.index(value)]
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        if not button.isChecked():
            button.click()

    def _focus_in(self, watched: QAbstractButton, event: QFocusEvent) -> bool:
        reason = event.reason()
        checked = self.group.checkedButton()
        tabbing = reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if tabbing and checked is not None and checked is not watched and watched in self.buttons:
            # Tabbing into the group lands on the chosen answer, as screen-reader users expect.
            checked.setFocus(reason)
            return True
        return False

    def _key(self, _watched: QAbstractButton, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            before = self.value()
            self.set_value(None)
            if self.value() != before:
                self.edited.emit()
            return True
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if self.question.red_flag and key in SAFETY_KEYS and plain:
            wanted = next((v for v in SAFETY_KEYS[key] if v in self.question.values), None)
            if wanted is not None:
                self.choose(wanted)
                return True
        return False


class ComboChoiceEditor(FieldEditor):
    """Many options: a combo box, with a "Not answered" entry unless it is a red flag."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QuietComboBox(self)
        self.combo.setObjectName(question.id)
        self.combo.setAccessibleName(self.label())
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        _fill_combo(self.combo, self, empty_label=None if question.red_flag else self.tr("Not answered"))
        layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(self._user_changed)
        if question.red_flag:
            self.set_value(UNKNOWN)

    def value(self) -> str | None:
        return _combo_value(self.combo)

    def _as_shown(self, value: Any) -> Any:
        return UNKNOWN if value is None and self.question.red_flag else value

    def accepts(self, value: Any) -> bool:
        return value is None or value in self.question.values

    def _show_value(self, value: Any) -> None:
        if value is None and self.question.red_flag:
            value = UNKNOWN
        _set_combo_value(self.combo, value)

    def controls(self) -> list[QWidget]:
        return [self.combo]


# --- multi -----------------------------------------------------------------------------------------


class MultiChoiceEditor(FieldEditor):
    """Check boxes that wrap; an exclusive option ("None of these") and the others clear each other."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.row = OptionRow([(f"{question.id}={o.value}", label)
                              for o, label in zip(question.options, self.option_labels(), strict=True)],
                             radio=False, parent=self)
        layout.addWidget(self.row)
        self.boxes = self.row.buttons
        for index, box in enumerate(self.boxes):
            box.toggled.connect(lambda checked, i=index: self._toggled(i, checked))

    def value(self) -> list[str] | None:
        chosen = [o.value for o, box in zip(self.question.options, self.boxes, strict=True) if box.isChecked()]
        return chosen or None

    def accepts(self, value: Any) -> bool:
        if value is None:
            return True
        if not isinstance(value, list) or any(v not in self.question.values for v in value):
            return False
        exclusive = [v for v in value if v in self.question.exclusive]
        return not exclusive or len(set(value)) == 1

    def _show_value(self, value: Any) -> None:
        chosen = set(value or ())
        for option, box in zip(self.question.options, self.boxes, strict=True):
            box.setChecked(option.value in chosen)

    def _toggled(self, index: int, checked: bool) -> None:
        if self._loading:
            return
        if checked:
            self._loading += 1
            try:
                ticked_exclusive = self.question.options[index].value in self.question.exclusive
                for other, box in enumerate(self.boxes):
                    if other == index or not box.isChecked():
                        continue
                    other_exclusive = self.question.options[other].value in self.question.exclusive
                    if ticked_exclusive or other_exclusive:
                        box.setChecked(False)
            finally:
                self._loading -= 1
        self._user_changed()

    def controls(self) -> list[QWidget]:
        return list(self.boxes)


# --- integer ---------------------------------------------------------------------------------------


class IntegerEditor(FieldEditor):
    """A whole-number box that may stay empty: an empty box is "not answered", never 0."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        assert question.minimum is not None and question.maximum is not None
        self.minimum = question.minimum
        self.maximum = question.maximum
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(question.id)
        self.edit.setAccessibleName(self.label())
        digits = max(len(str(abs(self.minimum))), len(str(abs(self.maximum))))
        sign = "-?" if self.minimum < 0 else ""
        # Digits only, and no more of them than the largest allowed number has; the range itself
        # is checked on every keystroke so the person sees why a value does not count.
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(rf"{sign}\d{{0,{digits}}}"), self))
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("0" * (digits + 1)) + 24)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.edit)
        self.unit_label: QLabel | None = None
        if question.unit:
            self.unit_label = QLabel(question.unit.text(self.language), self)
            self.unit_label.setBuddy(self.edit)
            layout.addWidget(self.unit_label)
        layout.addStretch(1)
        self.edit.textChanged.connect(self._user_changed)
        self.edit.textChanged.connect(self.recheck)

    def _parsed(self) -> int | None:
        text = self.edit.text().strip()
        if not text or text == "-":
            return None
        try:
            return int(text)
        except ValueError:
            return None

    def value(self) -> int | None:
        number = self._parsed()
        if number is None or not self.minimum <= number <= self.maximum:
            return None
        return number

    def accepts(self, value: Any) -> bool:
        if value is None:
            return True
        return isinstance(value, int) and not isinstance(value, bool) and self.minimum <= value <= self.maximum

    def _show_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def local_problem(self) -> str:
        text = self.edit.text().strip()
        number = self._parsed()
        if text and (number is None or not self.minimum <= number <= self.maximum):
            return self.tr("Enter a whole number from {low} to {high}").format(low=self.minimum, high=self.maximum)
        return ""

    def controls(self) -> list[QWidget]:
        return [self.edit]


# --- text ------------------------------------------------------------------------------------------


class TextEditor(FieldEditor):
    """Free text: one line, or a box that keeps line breaks for a `multiline` question."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit: QLineEdit | QPlainTextEdit
        if question.multiline:
            box = QPlainTextEdit(self)
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 14)
            box.textChanged.connect(self._user_changed)
            box.textChanged.connect(self.recheck)
            self.edit = box
        else:
            line = QLineEdit(self)
            if question.max_length:
                line.setMaxLength(question.max_length)
            line.textChanged.connect(self._user_changed)
            self.edit = line
        self.edit.setObjectName(question.id)
        self.edit.setAccessibleName(self.label())
        layout.addWidget(self.edit)

    def _text(self) -> str:
        return self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()

    def value(self) -> str | None:
        text = self._text()
        return text if text.strip() else None

    def accepts(self, value: Any) -> bool:
        return value is None or isinstance(value, str)

    def _show_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)

    def local_problem(self) -> str:
        limit = self.question.max_length
        if limit and len(self._text()) > limit:
            return self.tr("Keep it to {0} characters (now {1})").format(limit, len(self._text()))
        return ""

    def controls(self) -> list[QWidget]:
        return [self.edit]


EDITOR_TYPES: dict[str, type[FieldEditor]] = {
    "multi": MultiChoiceEditor,
    "integer": IntegerEditor,
    "text": TextEditor,
}


def editor_for(question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
               language: str | None = None) -> FieldEditor:
    """The right editor for a question of the answers part, its words in `language` (by default the
    desk's); unknown types are a data error."""
    from intake_app.gui import side_widgets  # per-side editors build on the classes above
    if question.type == "choice":
        cls: type[FieldEditor] = (
            RadioChoiceEditor if len(question.options) <= MAX_RADIO_OPTIONS else ComboChoiceEditor
        )
    elif question.type in EDITOR_TYPES:
        cls = EDITOR_TYPES[question.type]
    elif question.type in side_widgets.SIDE_EDITOR_TYPES:
        cls = side_widgets.SIDE_EDITOR_TYPES[question.type]
    else:
        raise ValueError(f"the intake form has no editor for a {question.type!r} answer ({question.id})")
    return cls(question, questionnaire, parent, language=language)
