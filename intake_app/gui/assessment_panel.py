"""The live screening result beside the form, and the red-flag banner across the top of the intake.

Everything a person reads here is in plain words, in the desk's language (the clinic's setting): the
reason's own text and the answers behind it in the questionnaire's wording (`describe_because`). The words
of a result come from `services.results.result_text`: English is the screening's own, Spanish is what the
referral letter prints (one rendering of each reason, never a second one here); a line without a Spanish
rendering reads in English. Rule ids appear only in the collapsible "Clinician trace", beside the plain
name, with a key.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from html import escape
from typing import Any

from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtGui import Qt as GuiQt  # (QtGui's Qt namespace holds mightBeRichText)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.document import IntakeDocument
from intake_app.domain.language import SPANISH
from intake_app.domain.questionnaire import Questionnaire
from intake_app.gui.field_widgets import desk_language
from intake_app.screening.model import GROUP_ORDER, Assessment
from intake_app.services import results
from intake_app.services.results import LEVEL_HEADINGS, NOT_SCREENED, TIER_WORDS, ResultText, result_text

__all__ = [
    "LEVEL_HEADINGS",
    "NOT_SCREENED",
    "TIER_WORDS",
    "AssessmentPanel",
    "ReasonsView",
    "RedFlagBanner",
    "level_heading",
    "needed_height",
    "reason_paragraphs",
    "reasons_html",
    "screened_yet",
]
UNKNOWN = "unknown"


def level_heading(assessment: Assessment, language: str | None = None) -> str:
    """The level in a few words, in `language` (None: the desk's)."""
    return results.level_heading(assessment, language or desk_language())


def screened_yet(questionnaire: Questionnaire, answers: Mapping[str, Any], assessment: Assessment) -> bool:
    """Whether there is anything to screen: a symptom marked or a safety question answered.

    A red flag that fired always counts, whatever else is blank.
    """
    if assessment.red_flags:
        return True
    for question in questionnaire.answer_questions:
        value = answers.get(question.id)
        if question.type == "per_side_regions" and isinstance(value, Mapping) and any(value.values()):
            return True
        if question.red_flag and value not in (None, UNKNOWN):
            return True
    return False


def reasons_html(assessment: Assessment, text: ResultText) -> str:
    """The clinician trace: the reasons grouped in the clinical order, each with its rule id, then the key
    to the rule ids (each id beside its plain name). Every person-entered value escaped."""
    blocks = []
    for group in GROUP_ORDER:
        items = []
        for reason, words, lines in zip(assessment.reasons, text.reasons, text.answers, strict=True):
            if reason.group != group:
                continue
            rule = f"<span class='rule'>{escape(text.rule_word)} {escape(reason.rule)}</span> "
            because = "".join(f"<br><span class='because'>{escape(line)}</span>" for line in lines)
            items.append(f"<li>{rule}{escape(words)}{because}</li>")
        if items:
            blocks.append(f"<h4>{escape(text.group_titles[group])}</h4><ul>{''.join(items)}</ul>")
    if not blocks:
        return f"<p>{escape(text.no_reasons)}</p>"
    key = "; ".join(f"<span class='rule'>{escape(rule)}</span> {escape(name)}"
                    for rule, name in text.rule_names.items() if name)
    suffix = f" {escape(text.key_suffix)}" if any(r.is_information for r in assessment.reasons) else ""
    blocks.append(f"<p class='key'>{escape(text.key_heading)} {key}.{suffix}</p>")
    return "".join(blocks)


#: One paragraph of the reasons: its role, its words, and the answers behind it (a reason's grey lines).
Line = tuple[str, str, tuple[str, ...]]
BULLET = "\u2022\u00a0"


def reason_paragraphs(assessment: Assessment, text: ResultText) -> list[Line]:
    """The reasons in reading order: the recommendation (its D8 line leading, after URGENT), then each group
    in the clinical order (red flags first) under its heading, each reason with the answers behind it. A red
    flag that fired is its own role (shown in dark red and bold); the other lines of the red-flag group
    (questions asked and answered no, or not asked yet) read as reasons."""
    fired = assessment.red_flags
    lines: list[Line] = [("recommendation", text.recommendation, ())]
    for group in GROUP_ORDER:
        shown = [(reason, words, because) for reason, words, because
                 in zip(assessment.reasons, text.reasons, text.answers, strict=True) if reason.group == group]
        if not shown:
            continue
        lines.append(("heading", text.group_titles[group], ()))
        for reason, words, because in shown:
            role = "redFlag" if reason in fired else "reason"
            lines.append((role, BULLET + words, because))
    if len(lines) == 1:
        lines.append(("note", text.no_reasons, ()))
    return lines


def _char_format(color: str, weight: QFont.Weight = QFont.Weight.Normal) -> QTextCharFormat:
    char = QTextCharFormat()
    char.setForeground(QColor(color))
    char.setFontWeight(weight)
    return char


def _block_format(top: float = 0, bottom: float = 3, left: float = 0, indent: float = 0) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setTopMargin(top)
    block.setBottomMargin(bottom)
    block.setLeftMargin(left)
    block.setTextIndent(indent)
    return block


def _one_paragraph(text: str) -> str:
    """Line breaks typed into an answer stay line breaks inside the paragraph (a new paragraph there would
    put the list's paragraphs out of step with the lines it keeps)."""
    return text.replace("\r\n", "\u2028").replace("\r", "\u2028").replace("\n", "\u2028").replace("\u2029", "\u2028")


class ReasonsView(QTextBrowser):
    """The reasons, changed in place: a new result rewrites only the paragraphs whose words changed.

    Setting the whole text again (setHtml) parsed the markup and laid out every paragraph, a few
    milliseconds per change; here the document keeps the layout of every paragraph left as it was. Each
    paragraph is plain text with its own format, so a person's words are never read as markup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasons")
        self.setOpenLinks(False)
        self.document().setUndoRedoEnabled(False)  # read-only: no edit history to keep
        self._lines: list[Line] = []
        normal = _char_format("#1f2933")
        reason = _block_format(left=16, indent=-10)
        self._formats: dict[str, tuple[QTextBlockFormat, QTextCharFormat]] = {
            "recommendation": (_block_format(bottom=4), normal),
            "heading": (_block_format(top=8, bottom=2), _char_format("#2b3a4a", QFont.Weight.DemiBold)),
            "reason": (reason, normal),
            "redFlag": (reason, _char_format("#8a1c1c", QFont.Weight.Bold)),
            "note": (_block_format(), normal),
        }
        self._because = _char_format("#5b6570")

    def lines(self) -> list[Line]:
        """The paragraphs shown, in reading order."""
        return list(self._lines)

    def set_lines(self, lines: Sequence[Line]) -> None:
        """Show `lines`; only the paragraphs that differ from those shown are written (nothing if none)."""
        new = list(lines)
        old = self._lines
        if new == old:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one change signal and one layout update for the whole change
        try:
            if not old:
                self._replace(cursor, 0, self.document().blockCount(), new)
            else:
                edits = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
                for tag, i1, i2, j1, j2 in reversed(edits):  # from the end: earlier paragraphs keep their numbers
                    if tag == "equal":
                        continue
                    if i1 == i2 or j1 == j2:
                        # Only added or only taken away: rewrite one unchanged neighbour with them, so every
                        # edit replaces whole paragraphs and each keeps its own format.
                        if i1 > 0:
                            i1, j1 = i1 - 1, j1 - 1
                        else:
                            i2, j2 = i2 + 1, j2 + 1
                    self._replace(cursor, i1, i2, new[j1:j2])
        finally:
            cursor.endEditBlock()
        self._lines = new
        self._keep_view_cursor_at_start()

    def _keep_view_cursor_at_start(self) -> None:
        """Text written before the view's own cursor pushes it along, to the end of the reasons; shown or
        resized, the view then scrolled down to it, so a panel filled before it was shown opened on its last
        reason with the recommendation and the red flags out of sight. The cursor goes back to the start;
        the scroll position a person chose is kept."""
        own = self.textCursor()
        if own.position() == 0 and not own.hasSelection():
            return
        bar = self.verticalScrollBar()
        kept = bar.value()
        self.setTextCursor(QTextCursor(self.document()))
        bar.setValue(kept)

    def _replace(self, cursor: QTextCursor, first: int, end: int, lines: list[Line]) -> None:
        """Paragraphs first..end-1 become `lines` (at least one each side)."""
        document = self.document()
        last = document.findBlockByNumber(end - 1)
        cursor.setPosition(document.findBlockByNumber(first).position())
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        for number, (role, text, because) in enumerate(lines):
            block, char = self._formats[role]
            if number:
                cursor.insertBlock(block, char)
            else:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char)
            cursor.insertText(_one_paragraph(text), char)
            for line in because:
                cursor.insertText("\u2028" + _one_paragraph(line), self._because)


_STYLE = ("h4 { margin: 8px 0 2px 0; color: #2b3a4a; } ul { margin: 0 0 0 -18px; } li { margin-bottom: 3px; }"
          " .because { color: #5b6570; } .rule { color: #5b6570; font-family: monospace; }"
          " .recommendation { margin: 0 0 4px 0; }")


_LOADING: list[threading.Thread] = []  # the Spanish renderings, loading off the GUI thread (once a process)


def _load_spanish_words_ahead() -> None:
    """Start loading the Spanish renderings (the reports room, ~0.3 s of imports) on a worker thread, so the
    first Spanish result does not wait for them on the GUI thread. Plain Python, no Qt."""
    if not _LOADING:
        thread = threading.Thread(target=results.load_spanish_words, name="spanish-words", daemon=True)
        _LOADING.append(thread)
        thread.start()


def needed_height(label: QLabel, width: int) -> int:
    """The height a word-wrapped label's text needs at `width`, with the label's margins, padding and frame:
    what QLabel.heightForWidth answers for a label without a minimum height.

    Not heightForWidth itself: it answers at least the label's minimum height, so a minimum set from it grew
    and never came down. In the window the panel is measured at a narrow width before the splitter gives it
    its room, and its title, level and notice kept two or three lines' height on one line of words."""
    text = label.text()
    margins = label.contentsMargins()
    metrics = label.fontMetrics()
    align = label.alignment()
    extra = 2 * label.margin()
    indent = label.indent()
    if indent < 0 and label.frameWidth():
        indent = metrics.horizontalAdvance("x") - 2 * label.margin()
    across = extra + (indent if indent > 0 and align & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight)
                      else 0)
    down = extra + (indent if indent > 0 and align & (Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom)
                    else 0)
    room = max(width - across - margins.left() - margins.right(), 0)
    format_ = label.textFormat()
    if format_ == Qt.TextFormat.RichText or (format_ == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        document.setTextWidth(room)
        high = math.ceil(document.size().height())
    else:
        flags = int(align & ~(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter))
        if label.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap)
        high = metrics.boundingRect(0, 0, room, 2000, flags, text).height()
    return high + down + margins.top() + margins.bottom()


class AssessmentPanel(QFrame):
    """Level, recommendation and reasons in plain words, in the desk's language; the rule trace folded away
    for clinicians."""

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentPanel")
        self.questionnaire = questionnaire
        self.language = results.result_language(language or desk_language())
        if self.language == SPANISH:
            _load_spanish_words_ahead()
        self.assessment: Assessment | None = None
        self.document: IntakeDocument | None = None
        self._text: ResultText | None = None
        self._fitted: dict[str, tuple[object, ...]] = {}  # what _fit_labels last measured, by label
        self.title = QLabel(self.tr("Screening result (live)"), self)
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.level = QLabel(self)
        self.level.setObjectName("levelChip")
        self.level.setAccessibleName(self.tr("Screening level"))
        self.level.setWordWrap(True)
        self.gap = QLabel(self.tr("Safety questions not asked yet: ask them before the patient leaves."), self)
        self.gap.setObjectName("gapNotice")
        self.gap.setWordWrap(True)
        # Its room is kept while it is hidden, so the reasons below do not jump (and relayout) when a safety
        # question is answered or cleared.
        policy = self.gap.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.gap.setSizePolicy(policy)
        self.gap.setVisible(False)
        self.reasons = ReasonsView(self)
        self.reasons.setAccessibleName(self.tr("Reasons, with the answers behind them"))
        self.trace_button = QToolButton(self)
        self.trace_button.setObjectName("traceToggle")
        self.trace_button.setText(self.tr("Clinician trace"))
        self.trace_button.setCheckable(True)
        self.trace_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.trace_button.setArrowType(Qt.ArrowType.RightArrow)
        self.trace_button.setAccessibleDescription(self.tr("Show the screening rules behind each reason"))
        self.trace = QTextBrowser(self)
        self.trace.setObjectName("trace")
        self.trace.setAccessibleName(self.tr("Clinician trace: the rules that fired"))
        self.trace.document().setDefaultStyleSheet(_STYLE)
        self.trace.setVisible(False)
        self._trace_html = ""  # what the trace shows; built only while it is unfolded
        self.trace_button.toggled.connect(self._show_trace)
        self.footer = QLabel(self)
        self.footer.setObjectName("muted")
        self.footer.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.level)
        layout.addWidget(self.gap)
        layout.addWidget(self.reasons, 2)
        layout.addWidget(self.trace_button)
        layout.addWidget(self.trace, 1)
        layout.addWidget(self.footer)
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """The words above the reasons keep the height they need at this width (never squeezed)."""
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Each line of words above and below the reasons gets the height its text needs at the panel's width
        (they span the panel's layout, whatever width the labels themselves were last given)."""
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        width = self.contentsRect().width() - margins.left() - margins.right()
        if width <= 0:
            return
        for label in (self.title, self.level, self.gap, self.footer):
            margins = label.contentsMargins()
            key = (label.text(), width, label.fontMetrics().lineSpacing(), margins.top(), margins.bottom(),
                   margins.left(), margins.right())
            if self._fitted.get(label.objectName()) == key:
                continue  # the same words at the same width (most answers change neither)
            self._fitted[label.objectName()] = key
            wanted = needed_height(label, width)
            if wanted > 0 and label.minimumHeight() != wanted:
                label.setMinimumHeight(wanted)

    def _show_trace(self, shown: bool) -> None:
        if shown:
            self._update_trace()
        self.trace.setVisible(shown)
        self.trace_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def show_not_screened(self) -> None:
        """Nothing to screen yet: no level is claimed, not even "not indicated"."""
        self.assessment = None
        self.document = None
        self._text = None
        self._set_text(self.level, results.not_screened_text(self.language))
        self._set_level_property("none")
        self.gap.setVisible(False)
        self.reasons.set_lines([("recommendation", self.tr(
            "Mark where the symptoms are, or answer a safety question, and the result appears here."), ())])
        self._update_trace()
        self._set_text(self.footer, self.tr("Screening aid for clinician review - not a diagnosis."))
        self._fit_labels()

    def show_assessment(self, assessment: Assessment, document: IntakeDocument | None = None) -> None:
        """Show a result in the panel's language. `document`, the answers screened, lets the open safety
        answers (D8) be worded in Spanish too; without it that line reads in English (never dropped)."""
        self.assessment = assessment
        self.document = document
        self._text = text = result_text(assessment, self.questionnaire, self.language, document=document)
        self._set_text(self.level, text.heading)
        self._set_level_property(assessment.level)
        self.gap.setVisible(any(r.group == "gap" for r in assessment.reasons))
        self.reasons.set_lines(reason_paragraphs(assessment, text))
        self._update_trace()
        self._set_text(self.footer, self.tr("Screening aid for clinician review - not a diagnosis. Rules {0}.")
                       .format(assessment.rules_version))
        self._fit_labels()

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def _update_trace(self, *, folded_too: bool = False) -> None:
        """The trace follows the result while it is unfolded; folded, it is built when it is next opened."""
        if not (folded_too or self.trace_button.isChecked()):
            return
        html = reasons_html(self.assessment, self._text) if self.assessment and self._text else ""
        if self._trace_html != html:
            self._trace_html = html
            self.trace.setHtml(html)

    def trace_text(self) -> str:
        """The clinician trace in plain text, as it reads when unfolded."""
        self._update_trace(folded_too=True)
        return self.trace.toPlainText()

    def _set_level_property(self, level: str) -> None:
        if self.level.property("level") == level:
            return  # re-polishing the chip costs a style pass per change
        self.level.setProperty("level", level)
        self.level.style().unpolish(self.level)
        self.level.style().polish(self.level)

    def heading(self) -> str:
        return self.level.text()

    def recommendation(self) -> str:
        """The recommendation as shown (in the panel's language)."""
        return self._text.recommendation if self._text else ""


class RedFlagBanner(QFrame):
    """Shown across the intake when a red flag fires: what to do now, and who acknowledged it."""

    acknowledge_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None,
                 questionnaire: Questionnaire | None = None) -> None:
        """`language`: the desk's when not given; `questionnaire`: the intake's (the current one when not
        given), whose words name the red flags."""
        super().__init__(parent)
        self.language = results.result_language(language or desk_language())
        if self.language == SPANISH:
            _load_spanish_words_ahead()
        self.questionnaire = questionnaire
        self.setObjectName("redFlagBanner")
        self.setVisible(False)
        self.setAccessibleName(self.tr("Red flag alert"))
        self.text = QLabel(self)
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.ack_state = QLabel(self)
        self.ack_state.setObjectName("bannerAck")
        self.ack_state.setWordWrap(True)
        self.button = QPushButton(self.tr("&Acknowledge..."), self)
        self.button.setObjectName("ackButton")
        self.button.setAccessibleDescription(
            self.tr("Record which clinician was told about this alert, by their own name"))
        self.button.clicked.connect(self.acknowledge_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        column = QVBoxLayout()
        column.addWidget(self.text)
        column.addWidget(self.ack_state)
        layout.addLayout(column, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def summary(self, assessment: Assessment) -> str:
        """The fired red flags in plain words, in the banner's language (also for the acknowledgement dialog)."""
        if self.language != SPANISH:
            return "; ".join(r.text for r in assessment.red_flags) or assessment.recommendation
        if self.questionnaire is None:
            from intake_app.domain.questionnaire import load_questionnaire

            self.questionnaire = load_questionnaire()
        return results.red_flag_summary(assessment, self.questionnaire, self.language)

    def update_for(self, assessment: Assessment | None, acknowledged_by: str | None, acknowledged_at: Any,
                   *, read_only: bool = False, acknowledged_role: str | None = None) -> None:
        if assessment is None or assessment.level != "urgent":
            self.setVisible(False)
            return
        action = (
            self.tr("Tell the duty clinician NOW. Same-day emergency assessment; do not book routinely.")
            if assessment.tier == "E"
            else self.tr("Tell the duty clinician today for an urgent spinal assessment; do not book routinely.")
        )
        urgent = results.urgent_red_flag_text(self.language)
        self.text.setText(f"<b>{escape(urgent)}</b> {escape(action)}<br>{escape(self.summary(assessment))}")
        if acknowledged_by:
            when = ""
            if isinstance(acknowledged_at, dt.datetime):  # stored in UTC, shown in local time
                local = acknowledged_at.replace(tzinfo=dt.UTC).astimezone()
                when = results.moment_text(local, self.language)
            who = f"{acknowledged_by} ({acknowledged_role})" if acknowledged_role else acknowledged_by
            self.ack_state.setText(self.tr("Acknowledged by {0} at {1}.").format(who, when))
            self.button.setEnabled(False)
        else:
            self.ack_state.setText(self.tr("Not yet acknowledged: a clinician must acknowledge it before the "
                                           "intake can be completed."))
            self.button.setEnabled(not read_only)
        self.setVisible(True)
