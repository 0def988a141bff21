"""A change touches only what it changes (issue 14: answer or map click -> panel repainted within a frame).

- A region chip that comes or goes in a row with room for it moves no other row and lays out no page: the
  box of chips keeps its height (before, the box shrank and grew again, every question below it moved and
  was repainted, and every chip change laid the whole section out again).
- Showing another intake's answers in the form sets only the answers that differ from those shown (before,
  every editor was set and every question's problem and description redone)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from intake_app.domain.questionnaire import load_questionnaire
from intake_app.gui.field_widgets import TextEditor
from intake_app.gui.intake_form import IntakeForm
from intake_app.gui.side_widgets import PerSideRegionsEditor

pytestmark = pytest.mark.gui

QUESTIONNAIRE = load_questionnaire()


class Geometry(QObject):
    """Counts moves and resizes of the watched widgets, and layout requests."""

    def __init__(self) -> None:
        super().__init__()
        self.moved: list[QObject] = []
        self.layouts = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.moved.append(watched)
        elif event.type() == QEvent.Type.LayoutRequest:
            self.layouts += 1
        return False


@pytest.fixture
def form(qtbot: Any) -> Iterator[IntakeForm]:
    widget = IntakeForm(QUESTIONNAIRE)
    qtbot.addWidget(widget)
    widget.resize(560, 900)  # the chips box is then about 340 pixels wide: three chips take two lines
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_section("where")
    yield widget


def settle() -> None:
    for _turn in range(4):
        QApplication.processEvents()


def rows_below(form: IntakeForm, field: str) -> list[QWidget]:
    mine = form.row(field)
    return [form.row(q.id) for q in QUESTIONNAIRE.answer_questions
            if form.row(q.id).section_id == mine.section_id and form.row(q.id) is not mine
            and form.row(q.id).y() > mine.y()]


def test_a_chip_that_comes_or_goes_where_there_is_room_moves_no_other_row(form: IntakeForm) -> None:
    form.set_regions("pain", {"right": ["back_of_thigh", "calf", "heel"], "left": []})
    settle()
    editor = form.editor("pain")
    assert isinstance(editor, PerSideRegionsEditor)
    box = editor.chips_box
    tall = box.height()
    chips = editor.chip_buttons()
    assert len({chip.y() for chip in chips}) == 2, "the test needs the chips on two lines"
    watch = Geometry()
    below = rows_below(form, "pain")
    assert below
    for widget in (*below, form.row("pain"), editor):
        widget.installEventFilter(watch)
    content = form.page("where").widget()
    assert content is not None
    content.installEventFilter(watch)
    for marks in (["back_of_thigh", "heel"], ["back_of_thigh", "calf", "heel"], ["heel"], ["calf", "heel"]):
        form.set_regions("pain", {"right": marks, "left": []})
        settle()
        assert [c.accessibleName() for c in editor.chip_buttons()] == [
            f"Right: {QUESTIONNAIRE.region_label(r, 'en')}" for r in marks]
        assert box.height() == tall  # kept while the chips fit
        assert watch.moved == [] and watch.layouts == 0
    # The chips stay in reading order, on the lines they fit.
    chips = editor.chip_buttons()
    assert chips[0].geometry().right() < chips[1].geometry().left() and chips[0].y() == chips[1].y()


def test_the_chips_box_grows_when_the_chips_need_another_line_and_gives_room_back_for_another_intake(
    form: IntakeForm,
) -> None:
    editor = form.editor("pain")
    assert isinstance(editor, PerSideRegionsEditor)
    form.set_answers({"pain": {"right": ["heel"]}})
    settle()
    one_line = editor.chips_box.height()
    form.set_regions("pain", {"right": ["back_of_thigh", "calf", "heel"], "left": ["calf"]})
    settle()
    assert editor.chips_box.height() > one_line
    assert all(chip.geometry().bottom() < editor.chips_box.height() for chip in editor.chip_buttons())
    form.set_answers({"pain": {"right": ["heel"]}})  # another intake: no room held for the last one's chips
    settle()
    assert editor.chips_box.height() == one_line


def test_showing_other_answers_sets_only_the_answers_that_differ(form: IntakeForm, monkeypatch: Any) -> None:
    first = {"onset": "gradual", "duration_days": 21, "pain": {"right": ["heel"]}, "trauma": "none"}
    form.set_answers(first)
    touched: list[str] = []
    for question in QUESTIONNAIRE.answer_questions:
        editor = form.editor(question.id)
        original = editor.set_value

        def spy(value: Any, qid: str = question.id, original: Any = original) -> None:
            touched.append(qid)
            original(value)

        monkeypatch.setattr(editor, "set_value", spy)
    second = {**first, "duration_days": 30, "pain": {"right": ["heel", "calf"]}}
    form.set_answers(second)
    assert sorted(touched) == ["duration_days", "pain"]
    assert form.answers()["duration_days"] == 30 and form.answers()["pain"] == {"right": ["calf", "heel"]}
    touched.clear()
    form.set_answers(second)
    assert touched == []


def test_an_answer_changed_by_hand_is_set_again_even_to_the_same_stored_value(form: IntakeForm, qtbot: Any) -> None:
    """What "shows the stored value" means: the last value set with nothing typed since (a typed space
    changes no answer but must still be cleared by showing the stored answers again)."""
    text_question = next(q.id for q in QUESTIONNAIRE.answer_questions if q.type == "text" and not q.show_if)
    editor = form.editor(text_question)
    assert isinstance(editor, TextEditor)
    form.set_answers({})
    box = editor.edit
    if isinstance(box, QLineEdit):
        box.setText("   ")  # as typed: no answer, but not what was loaded
    else:
        box.setPlainText("   ")
    assert text_question not in form.answers()
    form.set_answers({})
    assert (box.text() if isinstance(box, QLineEdit) else box.toPlainText()) == ""


def test_a_new_form_shows_the_first_intake_by_setting_only_its_answers(qtbot: Any, monkeypatch: Any) -> None:
    """The first intake opened set every editor of the new form (and re-checked every row), although a new
    editor already shows no answer and a safety question already shows "Not asked"."""
    fresh = IntakeForm(QUESTIONNAIRE)
    qtbot.addWidget(fresh)
    touched: list[str] = []
    for question in QUESTIONNAIRE.answer_questions:
        editor = fresh.editor(question.id)
        original = editor.set_value

        def spy(value: Any, qid: str = question.id, original: Any = original) -> None:
            touched.append(qid)
            original(value)

        monkeypatch.setattr(editor, "set_value", spy)
    safety = next(iter(QUESTIONNAIRE.red_flag_ids))
    fresh.set_answers({"age_years": 47, safety: "unknown"})
    assert touched == ["age_years"]
    assert fresh.answers()["age_years"] == 47 and fresh.answers()[safety] == "unknown"
