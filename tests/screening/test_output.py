"""What the clinician sees: recommendation texts, the JSON shape, the text rendering, docs/rules.md,
and the rule table itself (complete, documented, and pinned to RULES_VERSION)."""

from __future__ import annotations

import ast
import copy
import hashlib
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from intake_app.screening import RULES, RULES_VERSION, assess, engine, facts
from intake_app.screening.docs import SOURCES, render_rules_markdown
from intake_app.screening.model import GROUP_ORDER, GROUP_TITLES
from intake_app.screening.rules import advice, alerts_gaps, base, decision, derived, local_patterns, red_flags, spinal
from intake_app.screening.text import format_text, reason_line
from tests.screening.builders import CORE_RIGHT, make_document, reason, screen, screen_v2
from tests.screening.golden import behaviour_digest

REPO = Path(__file__).resolve().parents[2]

# One line per rules version: the fingerprint of the rule code it was released with. When a rule
# changes, bump RULES_VERSION and add a new line. (2026.11-1 was re-pinned once, when rules.py was
# split into one module per family without any change of behaviour: PINNED_BEHAVIOUR proves it.)
PINNED_FINGERPRINTS = {
    "2026.11-1": "223bf3792eb946751dfdae7e08920a1f2200e4403455e6ad1650546ee8c3e111",
    # From 2026.12-1 the fingerprint reads a version-independent text of the AST (see _canonical), so it is
    # the same on Python 3.11 and 3.13; the line above was taken with ast.dump on 3.11.
    "2026.12-1": "37afe4e2317793700ab61ed8596700d86187382473b6f9a066a3c15e3cdcd0e6",
}
# The digest of the assessments of the golden documents (tests/screening/golden.py) per rules
# version: a refactor keeps it, a rule change needs a new version. (2026.11-1: version 1 documents
# only; from 2026.12-1 on, documents of questionnaire versions 1 and 2.)
PINNED_BEHAVIOUR = {
    "2026.11-1": "d42e891aab7decec9b4f0536158796e80dda38442bdfa0f46ce3c69a0462b5b5",
    "2026.12-1": "d5fc9881bc0460afe664db80499bc1e8de6105cf5a9d7dea13aedaf6ba460319",
}
RULE_MODULES: tuple[ModuleType, ...] = (facts, base, derived, red_flags, spinal, local_patterns, decision, advice,
                                        alerts_gaps, engine)

SPEC_RULE_IDS = (
    {f"R{i}" for i in range(1, 7)} | {f"S{i}" for i in range(1, 9)} | {f"L{i}" for i in range(1, 9)}
    | {f"N{i}" for i in range(1, 5)} | {f"Q{i}" for i in range(1, 5)} | {f"D{i}" for i in range(9)} | {"A3", "A5"}
)
BACK = {"back_pain": "moderate", "back_pain_new": "yes"}
LIKELY = {**CORE_RIGHT, **BACK, "leg_vs_back": "about_equal", "worse_with": ["cough_sneeze_strain"],
          "back_conditions": ["herniated_disc"]}


def rule_fingerprint() -> str:
    """sha256 of the rule code with docstrings and RULES_VERSION left out (comments never reach the AST)."""
    digest = hashlib.sha256()
    for module in RULE_MODULES:
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if (isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and body
                    and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                node.body = body[1:] or [ast.Pass()]
        tree.body = [n for n in tree.body if not (isinstance(n, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "RULES_VERSION" for t in n.targets))]
        digest.update(_canonical(tree).encode())
    return digest.hexdigest()


def _canonical(node: object) -> str:
    """The AST as text, the same on every Python version (ast.dump and ast.unparse both change between
    3.11 and 3.13: empty fields, type parameters, f-string quoting)."""
    if isinstance(node, ast.AST):
        fields = [f"{name}={_canonical(value)}" for name, value in ast.iter_fields(node)
                  if name not in ("type_params", "type_comment", "kind") and value not in (None, [])]
        return f"{type(node).__name__}({', '.join(fields)})"
    if isinstance(node, list):
        return "[" + ", ".join(_canonical(item) for item in node) + "]"
    return repr(node)


# --- the rule table ----------------------------------------------------------------------------------


def test_every_rule_of_the_specification_is_a_rule_object() -> None:
    ids = {r.id for r in RULES}
    assert ids >= SPEC_RULE_IDS
    assert ids == SPEC_RULE_IDS
    assert {r.id for r in RULES if r.local} == set()  # Q3 was local in 2026.11-1; version 2 adopts it
    assert len(ids) == len(RULES)


def test_every_rule_has_a_name_condition_effect_evidence_and_source() -> None:
    for rule in RULES:
        assert rule.name and rule.when and rule.effect and rule.evidence, rule.id
        assert rule.group in GROUP_ORDER
        assert rule.sources or rule.local, rule.id
        for source in rule.sources:
            assert source in SOURCES or re.fullmatch(r"A[1-9]", source), (rule.id, source)


def test_rules_version_is_bumped_whenever_a_rule_changes() -> None:
    assert re.fullmatch(r"\d{4}\.\d{2}-\d+", RULES_VERSION)
    assert RULES_VERSION in PINNED_FINGERPRINTS, "add a PINNED_FINGERPRINTS line for the new RULES_VERSION"
    assert rule_fingerprint() == PINNED_FINGERPRINTS[RULES_VERSION], (
        "the rules changed: bump RULES_VERSION in intake_app/screening/rules.py, add its fingerprint "
        f"{rule_fingerprint()} to PINNED_FINGERPRINTS and regenerate docs/rules.md"
    )
    assert len(set(PINNED_FINGERPRINTS.values())) == len(PINNED_FINGERPRINTS)


def test_the_behaviour_of_this_rules_version_is_pinned() -> None:
    assert RULES_VERSION in PINNED_BEHAVIOUR, "add a PINNED_BEHAVIOUR line for the new RULES_VERSION"
    assert behaviour_digest() == PINNED_BEHAVIOUR[RULES_VERSION], (
        "the assessments of the golden documents changed: a rule changed, so bump RULES_VERSION"
    )


def test_no_rule_module_is_past_600_lines() -> None:
    for module in RULE_MODULES:
        assert len(inspect.getsource(module).splitlines()) <= 600, module.__name__


def test_the_fingerprint_ignores_docstrings_but_sees_a_changed_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    original = rule_fingerprint()
    source = inspect.getsource(base)
    changed = source.replace("LIKELY_THRESHOLD = 3", "LIKELY_THRESHOLD = 4")
    assert changed != source
    monkeypatch.setattr(inspect, "getsource", lambda m: changed if m is base else source_of(m))
    assert rule_fingerprint() != original


def source_of(module: ModuleType) -> str:
    return Path(inspect.getfile(module)).read_text(encoding="utf-8")


# --- recommendation per level -----------------------------------------------------------------------


def test_recommendation_urgent_E_names_the_red_flags_and_the_emergency_route() -> None:
    a = screen({**BACK, "rf_saddle_numbness": "new"})
    text = a.recommendation
    assert text.startswith("URGENT - SAME-DAY EMERGENCY")
    assert "Red-flag answer(s): New saddle numbness" in text
    for phrase in ("duty clinician", "routine", "the emergency department", "on-call spinal team", "safety-net sheet"):
        assert phrase in text


def test_recommendation_urgent_E_names_the_local_emergency_department_given_by_the_caller() -> None:
    a = assess(make_document({**BACK, "rf_saddle_numbness": "new"}), emergency_department="St Elsewhere A&E")
    assert "(St Elsewhere A&E or the on-call spinal team)" in a.recommendation


def test_recommendation_urgent_P_asks_for_review_today_and_lists_the_reasons() -> None:
    a = screen({**BACK, "rf_cancer_history": "yes"})
    assert a.tier == "P"
    text = a.recommendation
    assert text.startswith("URGENT")
    assert "today" in text and "MSCC" in text and "Reason(s): History of cancer" in text


def test_recommendation_likely_names_a_spine_specialist_and_the_safety_net() -> None:
    a = screen(LIKELY)
    assert a.level == "likely"
    for phrase in ("spinal (nerve-root, sciatica-type)", "spine specialist", "bladder, bowel or saddle",
                   "worsening weakness", "clinician"):
        assert phrase in a.recommendation


def test_recommendation_possible_asks_for_an_examination_and_names_alternatives() -> None:
    a = screen({**CORE_RIGHT, "trauma": "direct_foot_injury"})
    assert a.level == "possible"
    for phrase in ("incomplete", "straight-leg raise", "reflexes", "spine specialist",
                   "acute ankle/foot injury"):
        assert phrase in a.recommendation


def test_recommendation_possible_without_alternatives_says_none_found() -> None:
    assert "none found in the answers" in screen(CORE_RIGHT).recommendation


def test_recommendation_not_indicated_is_not_a_diagnosis_and_asks_to_rescreen() -> None:
    a = screen({"pain": {"left": ["heel"]}, "worse_with": ["first_steps_after_rest"]})
    for phrase in ("No spinal pattern", "plantar fasciitis pattern", "not a diagnosis", "Screen again"):
        assert phrase in a.recommendation
    assert a.recommendation.startswith("No spinal pattern")  # nothing open, so no safety line first


# --- the JSON shape and the order of reasons -------------------------------------------------------


def test_to_json_has_the_shape_fixed_by_the_architecture() -> None:
    data = json.loads(json.dumps(screen({**LIKELY, "rf_night_pain_constant": "unknown"}).to_json()))
    assert set(data) == {"level", "tier", "spinal_flag", "reasons", "recommendation", "rules_version"}
    assert data["rules_version"] == RULES_VERSION
    for item in data["reasons"]:
        assert set(item) == {"rule", "group", "text", "because", "answers"}
        assert len(item["answers"]) >= len(item["because"]) or item["rule"] == "Q3"


def test_reasons_are_grouped_in_the_clinical_order() -> None:
    a = screen({**CORE_RIGHT, "rf_cancer_history": "unknown", "trauma": "ankle_or_foot_twist",
                "can_bear_weight": "no", "back_surgery": "decompression"})
    groups = [GROUP_ORDER.index(r.group) for r in a.reasons]
    assert groups == sorted(groups)
    assert set(groups) == set(range(len(GROUP_ORDER)))


def test_fired_red_flags_come_before_information_lines() -> None:
    a = screen({**BACK, "rf_saddle_numbness": "new", "rf_bladder_change": "longstanding_unchanged"})
    ids = [r.rule for r in a.in_group("red_flag")]
    assert ids.index("R1") < ids.index("D1") < ids.index("R1.unmet") < ids.index("R3.no")


def test_assess_does_not_change_the_document() -> None:
    document = make_document(LIKELY)
    before = copy.deepcopy(document.to_json())
    assess(document)
    assert document.to_json() == before


# --- the text rendering ---------------------------------------------------------------------------


def test_text_line_shows_rule_id_and_name_text_plain_answers_evidence_and_source() -> None:
    a = screen({**BACK, "rf_saddle_numbness": "new"})
    line = reason_line(reason(a, "R1"))
    assert line.startswith("[R1] Suspected cauda equina - New saddle numbness - "
                           "Numbness around the back passage: Yes, new - ")
    assert "rf_saddle_numbness" not in line
    assert line.endswith("[3][4][5]")


def test_text_line_shows_regions_in_the_questionnaire_words() -> None:
    a = screen({**CORE_RIGHT, "tingling": {"right": ["top_of_foot", "big_toe"]}})
    line = reason_line(next(r for r in a.reasons if r.rule == "S8"))
    assert "Pins and needles, right leg: top of foot, big toe" in line
    assert "top_of_foot" not in line
    assert line.endswith("[10][11]")


def test_each_reason_carries_its_answers_in_plain_words_from_its_own_questionnaire_version() -> None:
    v1 = screen({**BACK, "weakness": {"right": "foot_drop"}, "weakness_course": "new_stable"})
    assert reason(v1, "R2").answers == ("Weakness, right leg: Foot slaps or catches (foot drop)",
                                        "Course of the weakness: New but not changing")
    v2 = screen_v2({**BACK, "weakness": {"right": "foot_drop"}, "weakness_course": {"right": "new_stable"}})
    assert reason(v2, "R2").answers[1] == "Course of the weakness, right leg: New but not changing"


def test_format_text_ends_with_a_key_to_the_rule_ids() -> None:
    document = make_document({**BACK, "rf_bladder_change": "longstanding_unchanged"})
    text = format_text(assess(document), document)
    key = text[text.index("Key to the rule ids"):]
    assert "  R1 Suspected cauda equina\n" in key and "  S2 Back pain present (P1)\n" in key
    assert ".unmet an answer that did not meet the rule" in key
    for field in ("rf_bladder_change", "longstanding_unchanged", "back_pain_new"):
        assert field not in text


def test_format_text_has_level_tier_recommendation_sections_and_version() -> None:
    document = make_document({**BACK, "rf_fever_or_unwell": "yes"})
    text = format_text(assess(document), document)
    assert "RESULT: URGENT - tier E (same-day emergency)" in text
    assert "Testington, Robin" in text
    positions = [text.index(f"\n{GROUP_TITLES[g]}\n") for g in GROUP_ORDER]
    assert positions == sorted(positions)
    assert text.index("Recommendation:") < positions[0]
    assert ("  [R3] Suspected spinal infection - Back pain with fever or feeling unwell - "
            "Fever or feeling unwell: Yes; Low back pain: Moderate") in text
    assert f"Rules version {RULES_VERSION}" in text
    assert "(none)" in text  # empty groups are shown as checked, not left out


def test_format_text_warns_when_the_red_flag_screen_is_incomplete() -> None:
    document = make_document(CORE_RIGHT, red_flags=None)
    text = format_text(assess(document), document)
    assert "Red-flag screen incomplete" in text
    assert "no red flags" not in text.lower()


# --- docs/rules.md ---------------------------------------------------------------------------------


def test_docs_rules_md_is_up_to_date() -> None:
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(), "docs/rules.md is stale: run make docs"


def test_docs_describe_every_rule_and_the_design_choices() -> None:
    text = render_rules_markdown()
    for rule in RULES:
        assert f"### {rule.id} - {rule.name}" in text
        assert rule.when in text
    assert "## Design choices" in text
    assert RULES_VERSION in text


def test_docs_module_prints_the_markdown() -> None:
    result = subprocess.run([sys.executable, "-m", "intake_app.screening.docs"], capture_output=True, text=True,
                            timeout=60, check=False, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout == render_rules_markdown()
