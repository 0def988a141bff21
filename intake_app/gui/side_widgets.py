"""Editors of per-side questions: a choice, a text or body regions for the right and the left leg.

The right side comes first (the order clinicians read), data keys stay "left"/"right". A question asked
only for some sides (`show_if` with `per_side`) shows only those sides; a hidden side is left out of the
answer. Regions are entered as chips ("Right: calf x"): the leg and foot map is the main way to mark
them; from the keyboard a type-ahead box per side adds a region by its name. Side and region names are the
questionnaire's, in the desk's language (the editor's `language`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.questionnaire import SIDES, Question, Questionnaire
from intake_app.gui.field_widgets import DISPLAY_SIDES, FieldEditor
from intake_app.gui.options import OptionRow, on_key


def _side_caption(questionnaire: Questionnaire, side: str, buddy: QWidget, parent: QWidget, language: str) -> QLabel:
    label = QLabel(questionnaire.side_label(side, language), parent)
    label.setObjectName("sideCaption")
    label.setBuddy(buddy)
    return label


class _PerSide(FieldEditor):
    """Shared: one part per side, hidden for sides the question is not asked for."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        self.shown_sides: tuple[str, ...] = SIDES
        self.parts: dict[str, list[QWidget]] = {side: [] for side in SIDES}

    def set_sides(self, sides: tuple[str, ...]) -> None:
        """Show only these sides (a per-side condition); the others drop out of the answer."""
        if tuple(sides) == self.shown_sides:
            return
        self.shown_sides = tuple(sides)
        for side, widgets in self.parts.items():
            for widget in widgets:
                widget.setHidden(side not in self.shown_sides)

    def side_value(self, side: str) -> Any:
        raise NotImplementedError

    def side_name(self, side: str) -> str:
        """"Right" or "Left" in the desk's language."""
        return self.questionnaire.side_label(side, self.language)

    def side_control(self, side: str) -> QWidget:
        """The control to focus for one side (a problem named "field.side")."""
        raise NotImplementedError

    def value(self) -> dict[str, Any] | None:
        result = {side: v for side in SIDES if side in self.shown_sides and (v := self.side_value(side))}
        return result or None

    def full_value(self) -> dict[str, Any] | None:
        """Every side, shown or not: the form decides which sides apply from all the answers."""
        result = {side: v for side in SIDES if (v := self.side_value(side))}
        return result or None


class PerSideChoiceEditor(_PerSide):
    """Each side a wrapping row of options (one click an answer); Delete clears that side."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(2)
        layout.setColumnStretch(1, 1)
        self.rows: dict[str, OptionRow] = {}
        for line, side in enumerate(DISPLAY_SIDES):
            row = OptionRow([(f"{question.id}.{side}={o.value}", label)
                             for o, label in zip(question.options, self.option_labels(), strict=True)],
                            radio=True, parent=self)
            row.setObjectName(f"{question.id}.{side}")
            side_name = self.side_name(side)
            for button in row.buttons:
                button.setAccessibleName(f"{side_name}: {button.accessibleName()}")
                on_key(button, self._clearing_key)
            caption = _side_caption(questionnaire, side, row.buttons[0], self, self.language)
            layout.addWidget(caption, line, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(row, line, 1)
            row.group.buttonClicked.connect(self._user_changed)
            self.rows[side] = row
            self.parts[side] = [caption, row]

    def side_value(self, side: str) -> str | None:
        index = self.rows[side].group.checkedId()
        return self.question.options[index].value if index >= 0 else None

    def accepts(self, value: Any) -> bool:
        if value is None:
            return True
        if not isinstance(value, Mapping) or any(side not in SIDES for side in value):
            return False
        return all(v is None or v in self.question.values for v in value.values())

    def _show_value(self, value: Any) -> None:
        value = value or {}
        for side in SIDES:
            self._set_side(side, value.get(side))

    def _set_side(self, side: str, value: str | None) -> None:
        row = self.rows[side]
        row.group.setExclusive(False)
        for index, button in enumerate(row.buttons):
            button.setChecked(value is not None and self.question.options[index].value == value)
        row.group.setExclusive(True)

    def controls(self) -> list[QWidget]:
        result: list[QWidget] = []
        for side in DISPLAY_SIDES:
            result.extend(self.rows[side].buttons)
        return result

    def focus_control(self) -> QWidget:
        for side in DISPLAY_SIDES:
            if side in self.shown_sides:
                row = self.rows[side]
                return row.group.checkedButton() or row.buttons[0]
        return self.rows[DISPLAY_SIDES[0]].buttons[0]

    def side_control(self, side: str) -> QWidget:
        row = self.rows[side]
        return row.group.checkedButton() or row.buttons[0]

    def choose(self, side: str, value: str) -> None:
        button = self.rows[side].buttons[self.question.values.index(value)]
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        if not button.isChecked():
            button.click()

    def _clearing_key(self, watched: QAbstractButton, event: QKeyEvent) -> bool:
        """Delete or Backspace on a side's answer clears that side."""
        if event.key() not in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return False
        for side, row in self.rows.items():
            if watched in row.buttons:
                before = self.value()
                self._set_side(side, None)
                self._pristine = False  # no longer what set_value showed
                if self.value() != before:
                    self._last = self.value()
                    self.edited.emit()
                return True
        return False


class PerSideTextEditor(_PerSide):
    """A line of text per side."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(1, 1)
        self.edits: dict[str, QLineEdit] = {}
        for line, side in enumerate(DISPLAY_SIDES):
            edit = QLineEdit(self)
            edit.setObjectName(f"{question.id}.{side}")
            edit.setAccessibleName(f"{self.label()} ({self.side_name(side)})")
            if question.max_length:
                edit.setMaxLength(question.max_length)
            edit.textChanged.connect(self._user_changed)
            caption = _side_caption(questionnaire, side, edit, self, self.language)
            layout.addWidget(caption, line, 0)
            layout.addWidget(edit, line, 1)
            self.edits[side] = edit
            self.parts[side] = [caption, edit]

    def side_value(self, side: str) -> str | None:
        text = self.edits[side].text()
        return text if text.strip() else None

    def accepts(self, value: Any) -> bool:
        return value is None or (isinstance(value, Mapping) and all(
            side in SIDES and (v is None or isinstance(v, str)) for side, v in value.items()))

    def _show_value(self, value: Any) -> None:
        value = value or {}
        for side in SIDES:
            self.edits[side].setText(str(value.get(side) or ""))

    def controls(self) -> list[QWidget]:
        return [self.edits[side] for side in DISPLAY_SIDES]

    def side_control(self, side: str) -> QWidget:
        return self.edits[side]


class RegionChip(QToolButton):
    """One marked region, "Right: calf x"; clicking it (or Space, Delete) takes the mark away."""

    def __init__(self, text: str, side: str, region: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.side = side
        self.region = region
        # The style sheet finds chips by this property: their object names say which mark they are.
        self.setProperty("chip", "region")
        self.setText(f"{text}  \u00d7")
        self.setAccessibleName(text)
        self.setAccessibleDescription(self.tr("Press Space or Delete to remove this mark"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.click()
            return
        super().keyPressEvent(event)


class RegionAdder(QLineEdit):
    """Type the start of a region's name (or any part of it), then Enter: the region is marked on that side."""

    def __init__(self, questionnaire: Questionnaire, parent: QWidget, language: str) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        names = [questionnaire.region_label(region.value, language) for region in questionnaire.regions]
        self._labels = {name.casefold(): region.value
                        for name, region in zip(names, questionnaire.regions, strict=True)}
        self.completer_model = QStringListModel(names, self)
        completer = QCompleter(self.completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Inline: the rest of the name appears selected as you type ("ca" shows "Calf"); Enter marks it.
        # No pop-up list takes the focus away from the box.
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.setCompleter(completer)

    def region_for(self, text: str) -> str | None:
        """The region a typed text names: an exact name, else the first name containing it."""
        wanted = text.strip().casefold()
        if not wanted:
            return None
        if wanted in self._labels:
            return self._labels[wanted]
        starts = [value for label, value in self._labels.items() if label.startswith(wanted)]
        contains = [value for label, value in self._labels.items() if wanted in label]
        found = starts or contains
        return found[0] if found else None


class ChipBox(QWidget):
    """The region chips, wrapped like words in a paragraph, placed by the box itself (no layout).

    It keeps its height while the chips fit in it: a chip that comes or goes moves only the chips after it in
    the box, and nothing else on the page (a layout would have asked the whole form to be laid out again, and
    a box that shrank and grew again moved every question below it, all repainted). The box grows when the
    chips need another line, and gives back room it no longer needs only when told (`release()`, when another
    intake's answers are shown) or when its width changes.
    """

    def __init__(self, parent: QWidget, *, spacing: int = 6, line_spacing: int = 4) -> None:
        super().__init__(parent)
        self.spacing = spacing
        self.line_spacing = line_spacing
        self._items: list[QWidget] = []  # in reading order
        self._kept = (0, 0)  # (width, height): the height held at that width
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def items(self) -> list[QWidget]:
        """The widgets in the box, in reading order (shown or not)."""
        return list(self._items)

    def insert(self, index: int, widget: QWidget) -> None:
        """Put `widget` (a child of the box) `index`-th in reading order; call `changed()` when done."""
        self._items.insert(max(0, min(index, len(self._items))), widget)

    def remove(self, widget: QWidget) -> None:
        if widget in self._items:
            self._items.remove(widget)

    def changed(self) -> None:
        """Place the widgets again after some came, went or were shown or hidden: within the box's present
        height when they fit there, else the box asks its layout for the height they need."""
        width = self.width()
        needed = self._arrange(width, place=False)
        if self.isVisible() and needed <= self.height():
            self._arrange(width, place=True)
            return
        self._kept = (width, needed) if self.isVisible() else (0, 0)
        self.updateGeometry()
        self._arrange(width, place=True)

    def release(self) -> None:
        """Give back room held for chips that are gone (the box is as tall as its chips again)."""
        if self._kept != (0, 0):
            held = self._kept[1]
            self._kept = (0, 0)
            if self._arrange(self.width(), place=False) != held:
                self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        needed = self._arrange(width, place=False)
        kept_width, kept_height = self._kept
        return max(needed, kept_height) if kept_width == width else needed

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """One line holding everything (what the box would like)."""
        shown = self._shown()
        width = sum(w.sizeHint().width() for w in shown) + self.spacing * max(0, len(shown) - 1)
        return QSize(max(width, 1), self.heightForWidth(max(width, 1)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As narrow as the widest single item: everything else wraps."""
        width = max((max(w.minimumSizeHint().width(), w.sizeHint().width()) for w in self._shown()), default=0)
        return QSize(width, self.heightForWidth(max(width, 1)) if width else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        if event.size().width() != self._kept[0]:
            self._kept = (0, 0)  # held for another width
        self._arrange(self.width(), place=True)
        if self.height() > 0:
            self._kept = (self.width(), self.height())
        super().resizeEvent(event)

    def _shown(self) -> list[QWidget]:
        return [w for w in self._items if not w.isHidden()]

    def _arrange(self, width: int, *, place: bool) -> int:
        """The height the shown widgets take at `width`; with `place`, put them there."""
        x = y = line_height = 0
        for widget in self._shown():
            hint = widget.sizeHint()
            item_width = min(hint.width(), max(width, 1))
            if x > 0 and x + item_width > width:
                x = 0
                y += line_height + self.line_spacing
                line_height = 0
            height = hint.height()
            if widget.hasHeightForWidth():
                height = max(height, widget.heightForWidth(item_width))
            if place:
                target = QRect(QPoint(x, y), QSize(item_width, height))
                if widget.geometry() != target:
                    widget.setGeometry(target)
            x += item_width + self.spacing
            line_height = max(line_height, height)
        return y + line_height


class PerSideRegionsEditor(_PerSide):
    """Chips of the marked regions, and a type-ahead box per side to add one by its name."""

    def __init__(self, question: Question, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(question, questionnaire, parent, language=language)
        self.marks: dict[str, list[str]] = {side: [] for side in SIDES}
        self._order = {region: index for index, region in enumerate(questionnaire.region_ids)}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.chips_box = ChipBox(self, spacing=6, line_spacing=4)
        self.chips_box.setObjectName(f"{question.id}.chips")
        self.empty = QLabel(self.tr("None marked yet: click the map, or type a region below."), self.chips_box)
        self.empty.setObjectName("help")
        self.empty.setWordWrap(True)
        self.chips_box.insert(0, self.empty)
        layout.addWidget(self.chips_box)
        adders = QGridLayout()
        adders.setContentsMargins(0, 0, 0, 0)
        adders.setHorizontalSpacing(8)
        self.adders: dict[str, RegionAdder] = {}
        for column, side in enumerate(DISPLAY_SIDES):
            adder = RegionAdder(questionnaire, self, self.language)
            adder.setObjectName(f"{question.id}.{side}")
            adder.setAccessibleName(f"{self.label()} ({self.side_name(side)})")
            adder.setPlaceholderText(self.tr("type a region"))
            adder.returnPressed.connect(lambda side=side: self._add_typed(side))
            caption = _side_caption(questionnaire, side, adder, self, self.language)
            box = QHBoxLayout()
            box.addWidget(caption)
            box.addWidget(adder, 1)
            adders.addLayout(box, 0, column)
            self.adders[side] = adder
            self.parts[side] = [caption, adder]
        layout.addLayout(adders)
        self.chips: list[RegionChip] = []

    # --- values -------------------------------------------------------------------------------

    def side_regions(self, side: str) -> list[str]:
        return list(self.marks[side])

    def side_value(self, side: str) -> list[str] | None:
        return list(self.marks[side]) or None

    def both_sides(self) -> dict[str, list[str]]:
        """Both sides, even when empty: the body map wants the whole picture."""
        return {side: self.side_regions(side) for side in SIDES}

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
            self.marks[side] = sorted(chosen, key=lambda r: self._order.get(r, 999))
        self._rebuild_chips()

    def toggle(self, side: str, region: str) -> None:
        """Mark or unmark one region as the person would (emits `edited`)."""
        marked = self.marks[side]
        if region in marked:
            marked.remove(region)
        else:
            marked.append(region)
            marked.sort(key=lambda r: self._order.get(r, 999))
        self._rebuild_chips()
        self._user_changed()

    def _add_typed(self, side: str) -> None:
        adder = self.adders[side]
        region = adder.region_for(adder.text())
        if region is not None:
            if region not in self.marks[side]:
                self.toggle(side, region)
            adder.clear()

    # --- chips --------------------------------------------------------------------------------

    def _rebuild_chips(self) -> None:
        """Bring the chips in line with the marks: only a chip whose mark came or went is made or removed.

        The chips that stay are the same widgets in the same place, so a click on the map costs one chip
        (a new one is polished and laid out; the rest are not touched), not a rebuild of every chip.
        """
        wanted = [(side, region) for side in DISPLAY_SIDES for region in self.marks[side]]
        keep = set(wanted)
        focused_chip = next((c for c in self.chips if c.hasFocus()), None)
        existing: dict[tuple[str, str], RegionChip] = {}
        for chip in self.chips:
            if (chip.side, chip.region) in keep:
                existing[(chip.side, chip.region)] = chip
            else:
                self.chips_box.remove(chip)
                chip.hide()  # off the screen now; deleted when the event loop next runs
                chip.deleteLater()
        chips: list[RegionChip] = []
        added = False
        for side, region in wanted:
            kept = existing.get((side, region))
            if kept is None:
                kept = self._new_chip(side, region, len(chips))
                added = True
            chips.append(kept)
        changed = chips != self.chips
        self.chips = chips
        if self.empty.isHidden() != bool(self.chips):
            self.empty.setHidden(bool(self.chips))
            changed = True
        if added:
            # Each side's chips follow that side's box in the Tab order, so a keyboard can reach and remove them.
            for side in DISPLAY_SIDES:
                previous: QWidget = self.adders[side]
                for chip in self.chips:
                    if chip.side == side:
                        QWidget.setTabOrder(previous, chip)
                        previous = chip
        if focused_chip is not None and focused_chip not in self.chips:
            self.adders[focused_chip.side].setFocus(Qt.FocusReason.OtherFocusReason)
        if changed:
            self.chips_box.changed()

    def _new_chip(self, side: str, region: str, index: int) -> RegionChip:
        """A chip for one mark, placed `index`-th among the chips (after the "none marked" notice)."""
        text = f"{self.side_name(side)}: {self.questionnaire.region_label(region, self.language)}"
        chip = RegionChip(text, side, region, self.chips_box)
        chip.setObjectName(f"{self.question.id}.{side}.{region}")  # the style rule keys on a property instead
        chip.clicked.connect(lambda _=False, side=side, region=region: self._remove(side, region))
        self.chips_box.insert(index + 1, chip)  # item 0 is the "none marked" notice
        chip.show()  # at once, not on the next pass of the event loop: Tab may come first
        return chip

    def _remove(self, side: str, region: str) -> None:
        if region in self.marks[side]:
            self.toggle(side, region)

    def controls(self) -> list[QWidget]:
        return [self.adders[side] for side in DISPLAY_SIDES]

    def release_room(self) -> None:
        """Another intake's answers are shown: no room is held for the last one's chips."""
        self.chips_box.release()

    def side_control(self, side: str) -> QWidget:
        return self.adders[side]

    def chip_buttons(self) -> list[QAbstractButton]:
        return list(self.chips)


SIDE_EDITOR_TYPES: dict[str, type[FieldEditor]] = {
    "per_side_choice": PerSideChoiceEditor,
    "per_side_regions": PerSideRegionsEditor,
    "per_side_text": PerSideTextEditor,
}
