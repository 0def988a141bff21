"""The live screening result beside the form, and the red-flag banner across the top of the intake."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from intake_app.screening.model import GROUP_ORDER, GROUP_TITLES, Assessment, Reason

LEVEL_HEADINGS = {
    "urgent": "URGENT",
    "likely": "Spinal origin LIKELY",
    "possible": "Spinal origin POSSIBLE",
    "not_indicated": "Spinal origin not indicated",
}
TIER_WORDS = {"E": "same-day emergency", "P": "urgent priority"}


def level_heading(assessment: Assessment) -> str:
    heading = LEVEL_HEADINGS[assessment.level]
    if assessment.tier:
        heading += f" ({assessment.tier}: {TIER_WORDS[assessment.tier]})"
    return heading


def _because(reason: Reason) -> str:
    parts = []
    for key, value in reason.because.items():
        shown = ", ".join(str(v) for v in value) if isinstance(value, list | tuple) else str(value)
        parts.append(f"{key}={shown}")
    return "; ".join(parts)


def reasons_html(assessment: Assessment) -> str:
    """The rule trace, grouped in the clinical order, every person-entered value escaped."""
    blocks = []
    for group in GROUP_ORDER:
        reasons = assessment.in_group(group)
        if not reasons:
            continue
        items = []
        for reason in reasons:
            because = _because(reason)
            items.append(
                f"<li><b>[{escape(reason.rule)}]</b> {escape(reason.text)}"
                + (f"<br><span class='because'>because {escape(because)}</span>" if because else "")
                + "</li>"
            )
        blocks.append(f"<h4>{escape(GROUP_TITLES[group])}</h4><ul>{''.join(items)}</ul>")
    return "".join(blocks) or "<p>No reasons recorded.</p>"


class AssessmentPanel(QFrame):
    """Level, tier, recommendation and grouped reasons; updated on every answer change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentPanel")
        self.assessment: Assessment | None = None
        title = QLabel(self.tr("Screening result (live)"), self)
        title.setObjectName("sectionTitle")
        self.level = QLabel(self)
        self.level.setObjectName("levelChip")
        self.level.setAccessibleName(self.tr("Screening level"))
        self.level.setWordWrap(True)
        self.gap = QLabel(self)
        self.gap.setObjectName("gapNotice")
        self.gap.setWordWrap(True)
        self.gap.setVisible(False)
        self.reasons = QTextBrowser(self)
        self.reasons.setObjectName("reasons")
        self.reasons.setAccessibleName(self.tr("Reasons, with the rules and answers that fired them"))
        self.reasons.setOpenLinks(False)
        self.reasons.document().setDefaultStyleSheet(
            "h4 { margin: 8px 0 2px 0; color: #2b3a4a; } ul { margin: 0 0 0 -18px; } li { margin-bottom: 3px; }"
            " .because { color: #5b6570; } .recommendation { margin: 0 0 4px 0; }"
        )
        self.footer = QLabel(self)
        self.footer.setObjectName("muted")
        self.footer.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.level)
        layout.addWidget(self.gap)
        layout.addWidget(self.reasons, 1)
        self.setMinimumHeight(200)
        layout.addWidget(self.footer)

    def show_assessment(self, assessment: Assessment) -> None:
        self.assessment = assessment
        self.level.setText(level_heading(assessment))
        self.level.setProperty("level", assessment.level)
        self.level.style().unpolish(self.level)
        self.level.style().polish(self.level)
        unasked = [r for r in assessment.reasons if r.rule == "Q1"]
        self.gap.setVisible(bool(unasked))
        if unasked:
            self.gap.setText(self.tr("Red-flag screen incomplete: ask the remaining safety questions before the "
                                     "patient leaves."))
        self.reasons.setHtml(f"<p class='recommendation'>{escape(assessment.recommendation)}</p>"
                             + reasons_html(assessment))
        self.footer.setText(
            self.tr("Screening aid for clinician review - not a diagnosis. Rules {0}.").format(assessment.rules_version)
        )

    def heading(self) -> str:
        return self.level.text()

    def recommendation(self) -> str:
        return self.assessment.recommendation if self.assessment else ""


class RedFlagBanner(QFrame):
    """Shown across the intake when a red flag fires: what to do now, and an acknowledgement."""

    acknowledge_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redFlagBanner")
        self.setVisible(False)
        self.setAccessibleName(self.tr("Red flag alert"))
        self.text = QLabel(self)
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.ack_state = QLabel(self)
        self.ack_state.setObjectName("bannerAck")
        self.button = QPushButton(self.tr("&Acknowledge"), self)
        self.button.setObjectName("ackButton")
        self.button.setAccessibleDescription(self.tr("Record that you have seen this alert and told the clinician"))
        self.button.clicked.connect(self.acknowledge_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        column = QVBoxLayout()
        column.addWidget(self.text)
        column.addWidget(self.ack_state)
        layout.addLayout(column, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def update_for(self, assessment: Assessment, acknowledged_by: str | None, acknowledged_at: Any) -> None:
        fired = assessment.red_flags
        if assessment.level != "urgent":
            self.setVisible(False)
            return
        flags = "; ".join(f"[{escape(r.rule)}] {escape(r.text)}" for r in fired) or escape(assessment.recommendation)
        action = (
            self.tr("Tell the duty clinician NOW. Same-day emergency assessment; do not book routinely.")
            if assessment.tier == "E"
            else self.tr("Tell the duty clinician today for an urgent spinal assessment; do not book routinely.")
        )
        self.text.setText(f"<b>URGENT RED FLAG.</b> {escape(action)}<br>{flags}")
        if acknowledged_by:
            when = ""
            if isinstance(acknowledged_at, dt.datetime):  # stored in UTC, shown in local time
                local = acknowledged_at.replace(tzinfo=dt.UTC).astimezone()
                when = local.strftime("%H:%M on %d %b %Y")
            self.ack_state.setText(self.tr("Acknowledged by {0} at {1}.").format(acknowledged_by, when))
            self.button.setEnabled(False)
        else:
            self.ack_state.setText(self.tr("Not yet acknowledged."))
            self.button.setEnabled(True)
        self.setVisible(True)
