"""Issue 16 item 2/3: the desk's urgent banner (a safety answer given in patient mode) names the question in
the desk's language, and a banner already showing re-words itself when the desk's language changes. Before,
its sentence was Spanish at a Spanish desk but the question inside it English."""

from __future__ import annotations

from typing import Any

from intake_app.domain.questionnaire import load_questionnaire
from intake_app.domain.wording import question_text
from intake_app.gui.patient import translations
from intake_app.gui.patient_desk import UrgentBanner

FIELD = "rf_saddle_numbness"


def test_the_urgent_banner_names_the_question_in_the_desks_language_and_rewords_itself(
    spanish_desk: None, qtbot: Any
) -> None:
    questionnaire = load_questionnaire()
    banner = UrgentBanner()
    qtbot.addWidget(banner)
    banner.show_for(7, "Berger, Ana", questionnaire, FIELD)
    spanish, english = (question_text(questionnaire, FIELD, language=lang) for lang in ("es", "en"))
    assert spanish != english
    assert spanish in banner.text.text() and english not in banner.text.text()
    assert "Berger, Ana" in banner.text.text()
    assert banner.open_button.text() != "Open the intake" and banner.dismiss_button.text() != "Dismiss"

    translations.install_desk_translator("en")  # the clinic's language changed while the banner shows
    qtbot.waitUntil(lambda: english in banner.text.text(), timeout=5000)
    assert banner.open_button.text() == "Open the intake" and banner.dismiss_button.text() == "Dismiss"
    assert banner.text.text().startswith("URGENT")
    translations.install_desk_translator("es")  # as the fixture expects to find it
