"""One editor widget per questionnaire field type, all with the same small interface.

The intake form never knows which control a question uses: it asks an editor for its value in the
intake-document shape, hands it a stored value, and listens to `edited`, which fires only when the
user changed the answer (never while a value is being loaded).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QRegularExpressionValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.questionnaire import SIDES, Question, Questionnaire

UNKNOWN = "unknown"
#: A choice with more options than this becomes a combo box instead of radio buttons.
MAX_RADIO_OPTIONS = 5
#: Sides in the order clinicians read them (the patient's right first); data keys stay left/right.
DISPLAY_SIDES = ("right", "left")


def escape_mnemonic(text: str) -> str:
    """Labels come from data; a literal '&' must not turn into a keyboard shortcut."""
    return text.replace("&", "&&")


class FieldEditor(QWidget):
    """Base class: value in the document shape, loading without signals, `edited` on user change."""

    edited = Signal()
    #: The editor's own check may have a new verdict (emitted even when the value did not change).
    recheck = Signal()

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.questionnaire = questionnaire
        self._loading = 0
        self._last: Any = None

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

    def _show_value(self, value: Any) -> None:
        raise NotImplementedError

    def _user_changed(self, *_args: object) -> None:
        """Called from control signals: emit `edited` once, and only for a real user change."""
        if self._loading:
            return
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


def _fill_combo(combo: QComboBox, question: Question, *, empty_label: str | None) -> None:
    """Options in questionnaire order, after an optional entry that means "not answered"."""
    if empty_label is not None:
        combo.addItem(empty_label, None)
    for option in question.options:
        combo.addItem(option.label, option.value)


def _combo_value(combo: QComboBox) -> str | None:
    data = combo.currentData()
    return data if isinstance(data, str) else None


def _set_combo_value(combo: QComboBox, value: str | None) -> None:
    index = combo.findData(value) if value is not None else 0
    combo.setCurrentIndex(max(index, 0))


# --- choice ----------------------------------------------------------------------------------------


class RadioChoiceEditor(FieldEditor):
    """A few options: all visible at once as radio buttons (one tab stop, arrows move the choice).

    A red-flag question starts on its "unknown" option ("Not asked"); any other question starts with
    nothing chosen and Delete or Backspace clears the choice again.
    """

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(question, questionnaire, parent)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        horizontal = len(question.options) <= 4 and all(len(o.label) <= 14 for o in question.options)
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18 if horizontal else 2)
        for index, option in enumerate(question.options):
            button = QRadioButton(escape_mnemonic(option.label), self)
            button.setObjectName(f"{question.id}={option.value}")
            button.setAccessibleName(option.label)
            button.installEventFilter(self)
            self.group.addButton(button, index)
            self.buttons.append(button)
            # Only as wide as its text: Qt reacts to clicks on the text, so nothing else looks clickable.
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        if horizontal:
            layout.addStretch(1)
        self.group.buttonToggled.connect(self._user_changed)
        if question.red_flag:
            self.set_value(UNKNOWN)

    def value(self) -> str | None:
        index = self.group.checkedId()
        return self.question.options[index].value if index >= 0 else None

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusIn:
            reason = event.reason()
            checked = self.group.checkedButton()
            tabbing = reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            if tabbing and checked is not None and checked is not watched:
                # Tabbing into the group lands on the chosen answer, as screen-reader users expect.
                checked.setFocus(reason)
                return True
        clearing = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in clearing:
            before = self.value()
            self.set_value(None)
            if self.value() != before:
                self.edited.emit()
            return True
        return super().eventFilter(watched, event)


class ComboChoiceEditor(FieldEditor):
    """Many options: a combo box, with a "Not answered" entry unless it is a red flag."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(question, questionnaire, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QuietComboBox(self)
        self.combo.setObjectName(question.id)
        self.combo.setAccessibleName(question.label)
        _fill_combo(self.combo, question, empty_label=None if question.red_flag else self.tr("Not answered"))
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self._user_changed)
        if question.red_flag:
            self.set_value(UNKNOWN)

    def value(self) -> str | None:
        return _combo_value(self.combo)

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
    """Check boxes; an exclusive option ("None of these") and the others clear each other."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(question, questionnaire, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(24)
        layout.setVerticalSpacing(2)
        options = question.options
        two_columns = len(options) > 4 and all(len(o.label) <= 26 for o in options)
        rows = (len(options) + 1) // 2 if two_columns else len(options)
        self.boxes: list[QCheckBox] = []
        for index, option in enumerate(options):
            box = QCheckBox(escape_mnemonic(option.label), self)
            box.setObjectName(f"{question.id}={option.value}")
            box.setAccessibleName(option.label)
            box.toggled.connect(lambda checked, i=index: self._toggled(i, checked))
            # Filled down the first column, then the second: the tab order reads the same way.
            layout.addWidget(box, index % rows, index // rows, Qt.AlignmentFlag.AlignLeft)
            self.boxes.append(box)
        layout.setColumnStretch(2 if two_columns else 1, 1)

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

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(question, questionnaire, parent)
        assert question.minimum is not None and question.maximum is not None
        self.minimum = question.minimum
        self.maximum = question.maximum
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(question.id)
        self.edit.setAccessibleName(question.label)
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
            self.unit_label = QLabel(question.unit, self)
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


# --- per side --------------------------------------------------------------------------------------


def _side_caption(questionnaire: Questionnaire, side: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(questionnaire.side_label(side), parent)
    label.setObjectName("sideCaption")
    label.setBuddy(buddy)
    return label


class PerSideChoiceEditor(FieldEditor):
    """Two combo boxes, Right then Left; a side left on "Not answered" is left out of the answer."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(question, questionnaire, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(2)
        self.combos: dict[str, QComboBox] = {}
        for column, side in enumerate(DISPLAY_SIDES):
            combo = QuietComboBox(self)
            combo.setObjectName(f"{question.id}.{side}")
            combo.setAccessibleName(f"{question.label} ({questionnaire.side_label(side)})")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            _fill_combo(combo, question, empty_label=self.tr("Not answered"))
            combo.currentIndexChanged.connect(self._user_changed)
            layout.addWidget(_side_caption(questionnaire, side, combo, self), 0, column)
            layout.addWidget(combo, 1, column)
            self.combos[side] = combo

    def value(self) -> dict[str, str] | None:
        result = {side: v for side in SIDES if (v := _combo_value(self.combos[side])) is not None}
        return result or None

    def accepts(self, value: Any) -> bool:
        if value is None:
            return True
        if not isinstance(value, Mapping) or any(side not in SIDES for side in value):
            return False
        return all(v is None or v in self.question.values for v in value.values())

    def _show_value(self, value: Any) -> None:
        value = value or {}
        for side in SIDES:
            _set_combo_value(self.combos[side], value.get(side))

    def controls(self) -> list[QWidget]:
        return [self.combos[side] for side in DISPLAY_SIDES]


class RegionList(QListWidget):
    """A checkable list of body regions; a click anywhere on a row ticks it, Space too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.itemClicked.connect(self._toggle_row)

    def _toggle_row(self, item: QListWidgetItem) -> None:
        # Only reached when the click missed the check box itself (that one toggles on its own).
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def fit_to_contents(self) -> None:
        """Show every region without an inner scroll bar: nested scrolling is hard to use."""
        rows = self.count()
        row_height = self.sizeHintForRow(0) if rows else 0
        self.setFixedHeight(row_height * rows + 2 * self.frameWidth() + 2)


class PerSideRegionsEditor(FieldEditor):
    """Two checkable region lists, Right then Left, in vocabulary order."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(question, questionnaire, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(2)
        self.lists: dict[str, RegionList] = {}
        for column, side in enumerate(DISPLAY_SIDES):
            region_list = RegionList(self)
            region_list.setObjectName(f"{question.id}.{side}")
            region_list.setAccessibleName(f"{question.label} ({questionnaire.side_label(side)})")
            for region in questionnaire.regions:
                item = QListWidgetItem(region.label, region_list)
                item.setData(Qt.ItemDataRole.UserRole, region.value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            region_list.fit_to_contents()
            region_list.itemChanged.connect(self._user_changed)
            layout.addWidget(_side_caption(questionnaire, side, region_list, self), 0, column)
            layout.addWidget(region_list, 1, column)
            self.lists[side] = region_list

    def side_regions(self, side: str) -> list[str]:
        region_list = self.lists[side]
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(region_list.count())
            if (item := region_list.item(row)).checkState() == Qt.CheckState.Checked
        ]

    def both_sides(self) -> dict[str, list[str]]:
        """Both sides, even when empty: the body map wants the whole picture."""
        return {side: self.side_regions(side) for side in SIDES}

    def value(self) -> dict[str, list[str]] | None:
        result = {side: regions for side, regions in self.both_sides().items() if regions}
        return result or None

    def accepts(self, value: Any) -> bool:
        if value is None:
            return True
        if not isinstance(value, Mapping) or any(side not in SIDES for side in value):
            return False
        known = set(self.questionnaire.region_ids)
        return all(
            regions is None or (isinstance(regions, Sequence) and not isinstance(regions, str)
                                and all(r in known for r in regions))
            for regions in value.values()
        )

    def _show_value(self, value: Any) -> None:
        value = value or {}
        for side in SIDES:
            chosen = set(value.get(side) or ())
            region_list = self.lists[side]
            for row in range(region_list.count()):
                item = region_list.item(row)
                wanted = item.data(Qt.ItemDataRole.UserRole) in chosen
                state = Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)

    def controls(self) -> list[QWidget]:
        return [self.lists[side] for side in DISPLAY_SIDES]


EDITOR_TYPES: dict[str, type[FieldEditor]] = {
    "multi": MultiChoiceEditor,
    "integer": IntegerEditor,
    "per_side_choice": PerSideChoiceEditor,
    "per_side_regions": PerSideRegionsEditor,
}


def editor_for(question: Question, questionnaire: Questionnaire, parent: QWidget | None = None) -> FieldEditor:
    """The right editor for a question of the answers part; unknown types are a data error."""
    if question.type == "choice":
        cls: type[FieldEditor] = (
            RadioChoiceEditor if len(question.options) <= MAX_RADIO_OPTIONS else ComboChoiceEditor
        )
    elif question.type in EDITOR_TYPES:
        cls = EDITOR_TYPES[question.type]
    else:
        raise ValueError(f"the intake form has no editor for a {question.type!r} answer ({question.id})")
    return cls(question, questionnaire, parent)
