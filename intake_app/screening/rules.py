"""The screening rules of clinical-logic.md as objects, one per rule id (A, R, S, L, N, Q, D).

Each rule's `condition` looks at a document (through `Facts`) and returns the lines it adds to the
rule trace: a `Hit` with no `info` means the rule fired; a Hit with `info` is an information line
reported under a suffixed id (for example "R1.no" for red-flag questions answered no, "R4.unmet"
for a positive red-flag answer that did not meet its rule, "S1.absent" for a spinal feature looked
for and not found). Decision rules (D) read the other rules' results through the memo in `Facts`,
so every rule is evaluated once per assessment.

Change any rule here and RULES_VERSION must change too (tests/screening pins a fingerprint).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from intake_app.domain.document import IntakeDocument
from intake_app.screening.facts import (
    ABOVE_ANKLE,
    BELOW_KNEE,
    FOOT,
    SIDES,
    Facts,
    side_key,
)
from intake_app.screening.model import Group, Level, Tier

RULES_VERSION = "2026.11-1"

# --- vocabulary the rules share ------------------------------------------------------------------

RED_FLAG_LABELS: Mapping[str, str] = {
    "rf_saddle_numbness": "saddle numbness",
    "rf_bladder_change": "change in passing urine",
    "rf_bowel_change": "change in bowel control",
    "rf_sexual_dysfunction": "change in sexual function",
    "rf_bilateral_leg_symptoms": "symptoms down both legs",
    "rf_fever_or_unwell": "fever or feeling unwell",
    "rf_infection_risk": "infection risk",
    "rf_cancer_history": "history of cancer",
    "rf_weight_loss_unexplained": "unexplained weight loss",
    "rf_night_pain_constant": "constant night pain",
    "rf_osteoporosis_or_steroids": "osteoporosis or long-term steroids",
}
# Which R rule each red-flag question belongs to (its "asked, answered no" line is filed there).
RED_FLAG_RULE: Mapping[str, str] = {
    "rf_saddle_numbness": "R1",
    "rf_bladder_change": "R1",
    "rf_bowel_change": "R1",
    "rf_sexual_dysfunction": "R1",
    "rf_bilateral_leg_symptoms": "R1",
    "rf_fever_or_unwell": "R3",
    "rf_infection_risk": "R3",
    "rf_cancer_history": "R4",
    "rf_weight_loss_unexplained": "R4",
    "rf_night_pain_constant": "R4",
    "rf_osteoporosis_or_steroids": "R5",
}
CES_QUESTIONS: tuple[str, ...] = (
    "rf_saddle_numbness", "rf_bladder_change", "rf_bowel_change", "rf_sexual_dysfunction",
)
SEVERE_WEAKNESS = ("foot_drop", "leg_gives_way")
FOOT_WEAKNESS = ("foot_drop", "tiptoe_weak", "other")  # "other" may be in the foot: counted (flag)
LEG_WEAKNESS = ("leg_gives_way",)
RADICULAR_REACH = ("thigh", "below_knee", "foot")
SPINAL_CONDITIONS = ("herniated_disc", "spinal_stenosis", "spondylolisthesis", "previous_sciatica")
ROOT_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("L4", ("inner_shin", "inner_ankle", "arch")),
    ("L5", ("outer_shin", "top_of_foot", "big_toe")),
    ("S1", ("calf", "sole", "heel", "outer_edge_of_foot", "little_toes")),
)
PATTERN_NAMES: Mapping[str, str] = {
    "L1": "plantar fasciitis pattern",
    "L2": "Morton's neuroma pattern",
    "L3": "gout pattern",
    "L4": "acute ankle/foot injury",
    "L5": "stress fracture pattern",
    "L6": "peripheral neuropathy pattern",
    "L7": "vascular claudication pattern",
    "L8": "tarsal tunnel pattern",
}
# Single-choice answers that decide the level or a red flag; one left unanswered (while its question
# applies) is a Q3 data gap. Region lists and tick lists are not here: an empty one means "none".
GAP_FIELDS: frozenset[str] = frozenset({
    "age_years", "radiates_to", "weakness", "weakness_course", "trauma", "back_pain", "back_pain_new",
    "leg_vs_back", "back_conditions", "back_surgery",
})
LIKELY_THRESHOLD = 3


@dataclass(frozen=True)
class Hit:
    """One line a rule adds to the trace; `info` set means information, not a fired rule."""

    text: str
    because: Mapping[str, Any] = field(default_factory=dict)
    tier: Tier | None = None
    info: str = ""  # "" fired; else the id suffix: "no", "unmet", "absent", "note"
    group: Group | None = None  # overrides the rule's group (e.g. S1.absent under "against")
    evidence: str = ""
    sources: tuple[str, ...] = ()

    @property
    def fired(self) -> bool:
        return not self.info


Condition = Callable[[Facts], tuple[Hit, ...]]


@dataclass(frozen=True)
class Rule:
    """A clinical rule: what it looks for, where it reports, why (evidence) and from where."""

    id: str
    name: str
    group: Group
    when: str  # the condition in plain words (for docs/rules.md)
    effect: str  # what it does to the outcome
    evidence: str
    sources: tuple[str, ...]
    condition: Condition = field(compare=False, repr=False)
    local: bool = False  # added by this project where the specification is silent

    def hits(self, facts: Facts) -> tuple[Hit, ...]:
        """Evaluate once per document; later calls (from decision rules) reuse the result."""
        return facts.memo(f"hits:{self.id}", self.condition)

    def evaluate(self, document: IntakeDocument) -> tuple[Hit, ...]:
        return self.hits(Facts(document))

    def applies(self, document: IntakeDocument) -> bool:
        """True when the rule fires for this document (information lines do not count)."""
        return any(h.fired for h in self.evaluate(document))

    @property
    def source_ref(self) -> str:
        return format_sources(self.sources)


def format_sources(sources: tuple[str, ...]) -> str:
    return "".join(f"[{s}]" for s in sources)


def _hit(text: str, because: Mapping[str, Any], **kw: Any) -> tuple[Hit, ...]:
    return (Hit(text, dict(because), **kw),)


def _note_if_unknown(state: str, what: str) -> str:
    return f" ({what} not recorded - treated as present)" if state == "unknown" else ""


def _asked_no(f: Facts, rule_id: str) -> tuple[Hit, ...]:
    """The rule's red-flag questions answered "no", listed so the clinician sees what was asked."""
    answered_no = [rf for rf, rule in RED_FLAG_RULE.items() if rule == rule_id and f.get(rf) == "no"]
    if not answered_no:
        return ()
    labels = "; ".join(RED_FLAG_LABELS[rf] for rf in answered_no)
    return _hit(
        f"Asked and answered no (not a red flag): {labels}",
        {rf: "no" for rf in answered_no},
        info="no",
        evidence="asked on purpose, because patients seldom mention these unprompted",
        sources=("2",),
    )


def _new_nerve_symptoms(f: Facts) -> dict[str, Any]:
    """Numbness, tingling or weakness that is not known to be long-standing and unchanged."""
    found = f.nerve_symptoms()
    if f.get("weakness_course") == "longstanding_stable":
        found = {k: v for k, v in found.items() if not k.startswith("weakness.")}
    return found


# --- red flags (R) ------------------------------------------------------------------------------


def _r1(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    pain, _ = f.leg_or_back_symptoms()
    for rf in CES_QUESTIONS:
        value = f.get(rf)
        label = RED_FLAG_LABELS[rf]
        if value == "new":
            if pain == "no":
                hits.append(Hit(
                    f"New {label}, but no back, leg or foot pain is recorded, which R1 requires - "
                    "clinician to check the pain answers now",
                    {rf: value}, info="unmet"))
            else:
                hits.append(Hit(f"New {label}{_note_if_unknown(pain, 'leg or back pain')}", {rf: value}, tier="E"))
        elif value == "longstanding_unchanged":
            hits.append(Hit(
                f"{label.capitalize()}: long-standing and unchanged, so R1 (which needs a new change) "
                "does not fire - clinician to confirm nothing has changed",
                {rf: value}, info="unmet"))
    both = f.get("rf_bilateral_leg_symptoms")
    if both == "new_or_spreading":
        hits.append(Hit("New or spreading pain or numbness in both legs", {"rf_bilateral_leg_symptoms": both},
                        tier="E"))
    elif both == "longstanding":
        hits.append(Hit(
            "Symptoms in both legs: long-standing and unchanged, which on its own does not fire R1 - "
            "clinician to confirm they have not spread or changed",
            {"rf_bilateral_leg_symptoms": both}, info="unmet"))
    elif both == "no":
        legs: dict[str, Any] = {}
        for side in SIDES:
            reach = f.radiates(side)
            if reach is not None:
                legs[side_key("radiates_to", side)] = reach
            for region_field in ("pain", "numbness", "tingling"):
                above = f.regions_in(region_field, side, ABOVE_ANKLE)
                if above:
                    legs[side_key(region_field, side)] = list(above)
        if all(any(k.endswith(f".{side}") for k in legs) for side in SIDES):
            hits.append(Hit(
                "Leg symptoms are marked on both legs although the both-legs question was answered no - "
                "clinician to check (new symptoms in both legs would fire R1)",
                {"rf_bilateral_leg_symptoms": both, **legs}, info="note"))
    left, right = f.weakness("left"), f.weakness("right")
    if left is not None and right is not None:
        course = f.get("weakness_course")
        because: dict[str, Any] = {"weakness.left": left, "weakness.right": right}
        if course is not None:
            because["weakness_course"] = course
        severe = left in SEVERE_WEAKNESS and right in SEVERE_WEAKNESS
        if course == "worsening":
            hits.append(Hit("Weakness in both legs, getting worse", because, tier="E"))
        elif course == "new_stable" and severe:
            hits.append(Hit("New severe weakness in both legs", because, tier="E"))
        elif course in (None, "n/a"):
            hits.append(Hit(
                "Weakness in both legs; not recorded whether it is new or getting worse - treated as progressive",
                because, tier="E"))
        else:
            hits.append(Hit(
                f"Weakness in both legs ({course.replace('_', ' ')}), neither severe and new nor getting "
                "worse, so R1 does not fire - clinician to examine",
                because, info="unmet"))
    return (*hits, *_asked_no(f, "R1"))


def _r2(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    course = f.get("weakness_course")
    for side in SIDES:
        weak = f.weakness(side)
        if weak is None:
            continue
        because: dict[str, Any] = {side_key("weakness", side): weak}
        if course is not None:
            because["weakness_course"] = course
        if course == "worsening":
            what = "Foot drop" if weak == "foot_drop" else "Weakness"
            hits.append(Hit(f"{what} in the {side} leg, getting worse", because, tier="E"))
        elif weak == "foot_drop":
            if course == "new_stable":
                hits.append(Hit(f"New foot drop ({side}), not getting worse", because, tier="P"))
            elif course == "longstanding_stable":
                hits.append(Hit(
                    f"Foot drop ({side}) is long-standing and unchanged: not a new motor deficit, so R2 "
                    "does not fire - clinician to confirm",
                    because, info="unmet"))
            else:
                hits.append(Hit(f"Foot drop ({side}); not recorded whether it is new - treated as new",
                                because, tier="P"))
    return tuple(hits)


def _no_back_pain(back: str) -> str:
    """Why a back-pain condition failed: recorded as absent, or never recorded (ask now)."""
    return "no back pain" if back == "no" else "back pain is not recorded (ask now)"


def _r3(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    back, back_because = f.back_pain()
    if f.get("rf_fever_or_unwell") == "yes":
        if back == "yes":
            hits.append(Hit("Back pain with fever or feeling unwell", {"rf_fever_or_unwell": "yes", **back_because},
                            tier="E"))
        else:
            hits.append(Hit(
                f"Fever or feeling unwell, but {_no_back_pain(back)}; R3 needs back pain (a red, hot, swollen "
                "joint with fever is checked by N1)",
                {"rf_fever_or_unwell": "yes", **back_because}, info="unmet"))
    if f.get("rf_infection_risk") == "yes":
        new, new_because = f.new_back_pain()
        if back == "yes" and new != "no":
            hits.append(Hit(f"New back pain with an infection risk{_newness_note(new)}",
                            {"rf_infection_risk": "yes", **new_because}, tier="P"))
        else:
            why = "the back pain is not new or changed" if back == "yes" else _no_back_pain(back)
            hits.append(Hit(f"Infection risk, but {why}; R3 needs new back pain",
                            {"rf_infection_risk": "yes", **new_because}, info="unmet"))
    return (*hits, *_asked_no(f, "R3"))


def _newness_note(new: str) -> str:
    return " (not recorded whether the back pain is new - treated as new)" if new == "unknown" else ""


def _r4(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    back, back_because = f.back_pain()
    if f.get("rf_cancer_history") == "yes":
        new, new_because = f.new_back_pain()
        radicular = {
            side_key("radiates_to", side): f.radiates(side)
            for side in SIDES if f.radiates(side) in RADICULAR_REACH
        }
        new_back = back == "yes" and new != "no"
        if new_back or radicular:
            because: dict[str, Any] = {"rf_cancer_history": "yes"}
            pains = []
            if new_back:
                because.update(new_because)
                pains.append("new or changed back pain")
            because.update(radicular)
            if radicular:
                pains.append("pain down the leg")
            note = _newness_note(new) if new_back and not radicular else ""
            nerve = _new_nerve_symptoms(f)
            if nerve:
                hits.append(Hit(
                    f"History of cancer with {' and '.join(pains)}, and new numbness, tingling or weakness{note}",
                    {**because, **nerve}, tier="E"))
            else:
                hits.append(Hit(f"History of cancer with {' and '.join(pains)}{note}", because, tier="P"))
        else:
            why = "the back pain is not new or changed" if back == "yes" else _no_back_pain(back)
            hits.append(Hit(
                f"History of cancer, but {why} and there is no pain down the leg, so R4 does not fire - "
                "clinician to confirm",
                {"rf_cancer_history": "yes", **new_because}, info="unmet"))
    for rf, label in (("rf_weight_loss_unexplained", "Unexplained weight loss"),
                      ("rf_night_pain_constant", "Constant night pain")):
        if f.get(rf) != "yes":
            continue
        if back == "yes":
            hits.append(Hit(f"{label} with back pain", {rf: "yes", **back_because}, tier="P"))
        else:
            hits.append(Hit(f"{label}, but {_no_back_pain(back)}; R4 needs back pain - clinician to consider "
                            "other causes", {rf: "yes", **back_because}, info="unmet"))
    return (*hits, *_asked_no(f, "R4"))


def _r5(f: Facts) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    trauma = f.get("trauma")
    back, back_because = f.back_pain()
    if trauma == "major_fall_or_collision":
        because = {"trauma": trauma, **back_because}
        if back == "yes":
            nerve = f.nerve_symptoms()
            if nerve:
                hits.append(Hit("Major fall or collision with back pain and nerve symptoms", {**because, **nerve},
                                tier="E"))
            else:
                hits.append(Hit("Major fall or collision with back pain", because, tier="P"))
        else:
            hits.append(Hit(f"Major fall or collision, but {_no_back_pain(back)}; R5 needs back pain (N2 checks "
                            "the foot and ankle for a fracture)", because, info="unmet"))
    if f.get("rf_osteoporosis_or_steroids") == "yes":
        new, new_because = f.new_back_pain()
        because = {"rf_osteoporosis_or_steroids": "yes", **new_because}
        if trauma is not None:
            because["trauma"] = trauma
        if back == "yes" and new != "no" and trauma == "minor_fall_or_lift":
            hits.append(Hit(f"New back pain after a minor fall or lift with osteoporosis or long-term "
                            f"steroids{_newness_note(new)}", because, tier="P"))
        else:
            why = []
            if back != "yes":
                why.append(_no_back_pain(back))
            elif new == "no":
                why.append("the back pain is not new or changed")
            if trauma is None:
                why.append("the injury question is unanswered (ask now)")
            elif trauma != "minor_fall_or_lift":
                why.append("no minor fall or lift is recorded")
            hits.append(Hit(
                f"Osteoporosis or long-term steroids, but {' and '.join(why)}; the fragility-fracture part of "
                "R5 needs new back pain after a minor fall or lift",
                because, info="unmet"))
    return (*hits, *_asked_no(f, "R5"))


def _r6(f: Facts) -> tuple[Hit, ...]:
    age = f.age
    if age is None or age >= 16:
        return ()
    age_because: dict[str, Any] = {"age_years": age} if f.age_answered else {}
    core = core_sides(f)
    if core:
        return _hit(f"Age {age} (under 16) with pain travelling into the foot",
                    {**age_because, **{side_key("radiates_to", s): "foot" for s in core}}, tier="P")
    back, back_because = f.back_pain()
    foot_nerve: dict[str, Any] = {}
    for side in SIDES:
        for region_field in ("numbness", "tingling"):
            in_foot = f.regions_in(region_field, side, FOOT)
            if in_foot:
                foot_nerve[side_key(region_field, side)] = list(in_foot)
        if f.weakness(side) is not None:
            foot_nerve[side_key("weakness", side)] = f.weakness(side)
    if foot_nerve and back == "yes":
        return _hit(f"Age {age} (under 16) with back pain and nerve symptoms in the foot",
                    {**age_because, **back_because, **foot_nerve}, tier="P")
    why = (f"nerve symptoms in the foot but {_no_back_pain(back)}" if foot_nerve
           else "neither pain into the foot nor nerve symptoms in the foot")
    return _hit(
        f"Age {age} (under 16) with {why}, so R6 does not fire; adult guidance (NICE NG59) does not apply - "
        "clinician to assess", {**age_because, **back_because, **foot_nerve}, info="unmet")


def red_flag_hits(f: Facts) -> tuple[tuple[str, Hit], ...]:
    """Every fired R-rule line as (rule id, hit)."""
    return tuple((rid, h) for rid in ("R1", "R2", "R3", "R4", "R5", "R6")
                 for h in RULE_BY_ID[rid].hits(f) if h.fired)


# --- spinal support (S), scored once per patient on the CORE side -------------------------------

SideCheck = Callable[[Facts, str], Hit | None]


def core_sides(f: Facts) -> tuple[str, ...]:
    """D2: the legs where pain travels from the back or buttock into the foot."""
    return tuple(side for side in SIDES if f.side_value("radiates_to", side) == "foot")


def _s1(f: Facts, side: str) -> Hit | None:
    if f.side_value("radiates_to", side) != "foot":
        return None
    return Hit(f"Pain travels from the back or buttock down the {side} leg into the foot",
               {side_key("radiates_to", side): "foot"})


def _s2(f: Facts, side: str) -> Hit | None:
    state, because = f.back_pain()
    if state != "yes":
        return None
    level = because.get("back_pain")
    return Hit(f"Low back pain ({level})" if level else "Low back pain (implied by the leg-versus-back answer)",
               because)


def _s3(f: Facts, side: str) -> Hit | None:
    dominance = f.get("leg_vs_back")
    below_knee = f.regions_in("pain", side, BELOW_KNEE)
    if dominance not in ("leg_worse", "no_back_pain") or not below_knee:
        return None
    what = "leg worse than back" if dominance == "leg_worse" else "leg pain without back pain"
    return Hit(f"Leg-dominant pain ({what}) with pain in the {side} calf or shin",
               {"leg_vs_back": dominance, side_key("pain", side): list(below_knee)})


def _s4(f: Facts, side: str) -> Hit | None:
    because: dict[str, Any] = {}
    for region_field in ("numbness", "tingling"):
        found = f.regions_in(region_field, side, BELOW_KNEE + FOOT)
        if found:
            because[side_key(region_field, side)] = list(found)
    if f.weakness(side) is not None:
        because[side_key("weakness", side)] = f.weakness(side)
    if not because:
        return None
    text = f"Numbness, tingling or weakness below the knee on the {side}"
    caveat = []
    if f.get("diabetes") == "yes":
        caveat.append("diabetes")
    if f.get("sock_distribution") == "yes":
        caveat.append("both feet evenly affected")
    if caveat:
        text += (f" (counted although {' and '.join(caveat)} may explain it - a known neuropathy "
                 "is not excluded; clinician to judge)")
    return Hit(text, because)


def _s5(f: Facts, side: str) -> Hit | None:
    if "cough_sneeze_strain" not in f.chosen("worse_with"):
        return None
    return Hit("Worse with coughing, sneezing or straining", {"worse_with": ["cough_sneeze_strain"]})


def _s6(f: Facts, side: str) -> Hit | None:
    worse = f.chosen_of("worse_with", ("standing", "walking"))
    eased = f.chosen_of("better_with", ("sitting", "bending_forward_or_leaning"))
    if not worse or not eased:
        return None
    return Hit("Worse standing or walking, eased by sitting or bending forward (neurogenic claudication)",
               {"worse_with": list(worse), "better_with": list(eased)})


def _s7(f: Facts, side: str) -> Hit | None:
    because: dict[str, Any] = {}
    conditions = f.chosen_of("back_conditions", SPINAL_CONDITIONS)
    if conditions:
        because["back_conditions"] = list(conditions)
    surgery = f.get("back_surgery")
    if surgery not in (None, "none"):
        because["back_surgery"] = surgery
    if not because:
        return None
    parts = [c.replace("_", " ") for c in conditions]
    if "back_surgery" in because:
        parts.append(f"back operation ({str(surgery).replace('_', ' ')})")
    return Hit(f"Spinal history: {', '.join(parts)}", because)


# P1-P6 in the order of clinical-logic.md (d) D2.
POINT_RULES: tuple[tuple[str, str, SideCheck], ...] = (
    ("S2", "P1", _s2), ("S3", "P2", _s3), ("S4", "P3", _s4),
    ("S5", "P4", _s5), ("S6", "P5", _s6), ("S7", "P6", _s7),
)


def points(f: Facts, side: str) -> tuple[tuple[str, Hit], ...]:
    """The supporting points (S2-S7) that fire for one leg."""
    def compute(facts: Facts) -> tuple[tuple[str, Hit], ...]:
        found = ((rid, check(facts, side)) for rid, _, check in POINT_RULES)
        return tuple((rid, hit) for rid, hit in found if hit is not None)
    return f.memo(f"points:{side}", compute)


def scoring_side(f: Facts) -> str:
    """The leg the S rules are scored on: a CORE leg if any, else a leg with foot nerve symptoms.

    Between two candidates the one with more points wins (the patient gets the benefit of the
    doubt); a tie goes to the left, which never changes the level because only the count matters.
    """
    def compute(facts: Facts) -> str:
        candidates = core_sides(facts) or tuple(foot_nerve_sides(facts)) or SIDES
        return max(candidates, key=lambda s: len(points(facts, s)))
    return f.memo("scoring_side", compute)


def _scored(check: SideCheck) -> Condition:
    def condition(f: Facts) -> tuple[Hit, ...]:
        hit = check(f, scoring_side(f))
        return () if hit is None else (hit,)
    return condition


def _s1_rule(f: Facts) -> tuple[Hit, ...]:
    core = core_sides(f)
    if core:
        if len(core) == 2:
            return _hit("Pain travels from the back or buttock down both legs into the feet",
                        {side_key("radiates_to", s): "foot" for s in core})
        hit = _s1(f, core[0])
        assert hit is not None
        return (hit,)
    because = {side_key("radiates_to", s): f.side_value("radiates_to", s)
               for s in SIDES if f.has_side("radiates_to", s)}
    reach = [f.radiates(s) for s in SIDES if f.radiates(s) is not None]
    if not f.has("radiates_to"):
        text = "Pain travelling from the back into the foot: not recorded (question unanswered)"
    elif "below_knee" in reach:
        text = "Pain travels below the knee but not into the foot"
    elif reach:
        text = "Pain does not travel below the knee"
    else:
        text = "Pain does not travel from the back down the leg"
    return _hit(text, because, info="absent", group="against")


def _s4_rule(f: Facts) -> tuple[Hit, ...]:
    side = scoring_side(f)
    hit = _s4(f, side)
    if hit is not None:
        return (hit,)
    other = "left" if side == "right" else "right"
    shown: dict[str, Any] = {}
    for s in (side,) if core_sides(f) else SIDES:
        if f.has_side("weakness", s):
            shown[side_key("weakness", s)] = f.side_value("weakness", s)
    if core_sides(f):
        text = f"No numbness, tingling or weakness below the knee on the {side} (the leg scored)"
        if _s4(f, other) is not None:
            text += f"; the {other} leg has some, but each leg is judged on its own"
    else:
        text = "No numbness, tingling or weakness below the knee on either leg"
    return _hit(text, shown, info="absent", group="against")


def _s8(f: Facts) -> tuple[Hit, ...]:
    core = core_sides(f)
    if core:
        side = scoring_side(f)
    else:
        d5 = d5_support(f)
        if not d5 or d6_applies(f):
            return ()
        side = next(iter(d5))
    hits: list[Hit] = []
    for root, regions in ROOT_PATTERNS:
        because = {}
        for region_field in ("numbness", "tingling", "pain"):
            found = f.regions_in(region_field, side, regions)
            if found:
                because[side_key(region_field, side)] = list(found)
        if because:
            label = "S1-root" if root == "S1" else f"{root}-root"
            hits.append(Hit(f"{label} pattern on the {side} (supportive only, never scored)", because))
    return tuple(hits)


# --- A-rules that drive a decision -------------------------------------------------------------


def _a3(f: Facts) -> tuple[Hit, ...]:
    back, because = f.back_pain()
    if back != "no" or not (core_sides(f) or d5_support(f)):
        return ()
    return _hit("No back pain - this does not rule out a nerve-root source of leg and foot symptoms", because)


def _a5(f: Facts) -> tuple[Hit, ...]:
    surgery = f.get("back_surgery")
    core = core_sides(f)
    if surgery in (None, "none") or f.get("pain_free_after_surgery") != "yes" or not core:
        return ()
    return _hit(
        "Pain into the foot has come back after a back operation that first relieved it - flagged again, "
        "not put down to the old problem",
        {"back_surgery": surgery, "pain_free_after_surgery": "yes",
         **{side_key("radiates_to", s): "foot" for s in core}})


# --- local and other patterns (L) --------------------------------------------------------------


def _pattern(rule_id: str, f: Facts, detail: str, because: Mapping[str, Any]) -> Hit:
    name = PATTERN_NAMES[rule_id]
    tail = "may co-exist with the spinal pattern" if core_sides(f) else "a non-spinal pattern to consider"
    return Hit(f"Fits a {name} ({detail}) - {tail}", dict(because))


def _l1(f: Facts) -> tuple[Hit, ...]:
    if "first_steps_after_rest" not in f.chosen("worse_with"):
        return ()
    hits = []
    for side in SIDES:
        heel = f.regions_in("pain", side, ("heel", "arch", "sole"))
        if heel and not f.regions("numbness", side) and not f.regions("tingling", side):
            hits.append(_pattern("L1", f, f"{side} heel/arch/sole pain, worst on the first steps after rest",
                                 {side_key("pain", side): list(heel), "worse_with": ["first_steps_after_rest"]}))
    return tuple(hits)


def _l2(f: Facts) -> tuple[Hit, ...]:
    cues: dict[str, Any] = {}
    if "pebble_in_shoe" in f.chosen("pain_character"):
        cues["pain_character"] = ["pebble_in_shoe"]
    if "tight_or_high_heeled_shoes" in f.chosen("worse_with"):
        cues["worse_with"] = ["tight_or_high_heeled_shoes"]
    if "removing_shoes_or_massage" in f.chosen("better_with"):
        cues["better_with"] = ["removing_shoes_or_massage"]
    if not cues:
        return ()
    hits = []
    for side in SIDES:
        forefoot = f.regions_in("pain", side, ("ball_of_foot", "between_toes_3_4"))
        if forefoot:
            hits.append(_pattern("L2", f, f"{side} forefoot pain with shoe-related cues",
                                 {side_key("pain", side): list(forefoot), **cues}))
    return tuple(hits)


def _l3(f: Facts) -> tuple[Hit, ...]:
    joint = f.get("foot_red_hot_swollen")
    if joint in (None, "no") or f.get("onset") != "sudden":
        return ()
    return (_pattern("L3", f, f"sudden red, hot, swollen {str(joint).replace('_', ' ')}",
                     {"foot_red_hot_swollen": joint, "onset": "sudden"}),)


def _l4(f: Facts) -> tuple[Hit, ...]:
    trauma = f.get("trauma")
    if trauma not in ("ankle_or_foot_twist", "direct_foot_injury"):
        return ()
    return (_pattern("L4", f, str(trauma).replace("_", " "), {"trauma": trauma}),)


def _l5(f: Facts) -> tuple[Hit, ...]:
    load = f.chosen_of("worse_with", ("running_or_impact", "walking"))
    if f.get("recent_activity_increase") != "yes" or f.get("bony_spot_tender") != "yes" or not load:
        return ()
    return (_pattern("L5", f, "more activity lately, a tender spot on the bone, worse with load",
                     {"recent_activity_increase": "yes", "bony_spot_tender": "yes", "worse_with": list(load)}),)


def _l6(f: Facts) -> tuple[Hit, ...]:
    if f.get("sock_distribution") != "yes":
        return ()
    return (_pattern("L6", f, "numbness or tingling in both feet evenly, starting in the toes",
                     {"sock_distribution": "yes"}),)


def _l7(f: Facts) -> tuple[Hit, ...]:
    if ("walking" not in f.chosen("worse_with") or "standing_still" not in f.chosen("better_with")
            or f.get("walking_distance_consistent") != "yes"):
        return ()
    risks = [label for fld, label in (("smoker", "smoking"), ("diabetes", "diabetes"),
                                     ("known_circulation_problem", "known circulation problem"),
                                     ("foot_cold_or_pale", "cold or pale foot")) if f.get(fld) == "yes"]
    detail = "comes on at the same walking distance, eased by standing still"
    if risks:
        detail += f"; risk factors: {', '.join(risks)}"
    return (_pattern("L7", f, detail, {"worse_with": ["walking"], "better_with": ["standing_still"],
                                       "walking_distance_consistent": "yes"}),)


def _l8(f: Facts) -> tuple[Hit, ...]:
    load = f.chosen_of("worse_with", ("standing", "walking"))
    if not load:
        return ()
    hits = []
    for side in SIDES:
        because: dict[str, Any] = {}
        for region_field in ("numbness", "tingling"):
            found = f.regions_in(region_field, side, ("sole", "arch", "all_toes"))
            if found:
                because[side_key(region_field, side)] = list(found)
        if not because:
            continue
        if f.get("inner_ankle_tap_tingles") == "yes":
            because["inner_ankle_tap_tingles"] = "yes"
        elif "inner_ankle" in f.regions("pain", side):
            because[side_key("pain", side)] = ["inner_ankle"]
        else:
            continue
        because["worse_with"] = list(load)
        spared = "" if "heel" in f.regions("numbness", side) + f.regions("tingling", side) else ", heel spared"
        hits.append(_pattern("L8", f, f"{side} sole/toe numbness or tingling with an inner-ankle sign{spared}",
                             because))
    return tuple(hits)


L_RULE_IDS = ("L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8")


def patterns(f: Facts) -> tuple[str, ...]:
    """Ids of the L-patterns that match."""
    return tuple(rid for rid in L_RULE_IDS if RULE_BY_ID[rid].hits(f))


def pattern_list(ids: tuple[str, ...]) -> str:
    return ", ".join(f"{PATTERN_NAMES[rid]} ({rid})" for rid in ids)


# --- decision (D) --------------------------------------------------------------------------------


def foot_nerve_sides(f: Facts) -> dict[str, dict[str, Any]]:
    """Legs with numbness or tingling in a FOOT region, or weakness that may be in the foot."""
    found: dict[str, dict[str, Any]] = {}
    for side in SIDES:
        because: dict[str, Any] = {}
        for region_field in ("numbness", "tingling"):
            in_foot = f.regions_in(region_field, side, FOOT)
            if in_foot:
                because[side_key(region_field, side)] = list(in_foot)
        if f.weakness(side) in FOOT_WEAKNESS:
            because[side_key("weakness", side)] = f.weakness(side)
        if because:
            found[side] = because
    return found


def _above_ankle(f: Facts, side: str) -> dict[str, Any]:
    """Symptoms on one leg above the ankle: buttock, thigh, knee, calf or shin."""
    found: dict[str, Any] = {}
    for region_field in ("pain", "numbness", "tingling"):
        above = f.regions_in(region_field, side, ABOVE_ANKLE)
        if above:
            found[side_key(region_field, side)] = list(above)
    if f.radiates(side) is not None:
        found[side_key("radiates_to", side)] = f.radiates(side)
    if f.weakness(side) in (*LEG_WEAKNESS, "other"):
        found[side_key("weakness", side)] = f.weakness(side)
    return found


def d5_support(f: Facts) -> dict[str, tuple[dict[str, Any], list[str]]]:
    """D5 per leg: foot nerve symptoms plus P1, P5, P6 or same-side symptoms above the ankle."""
    def compute(facts: Facts) -> dict[str, tuple[dict[str, Any], list[str]]]:
        result: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for side, nerve in foot_nerve_sides(facts).items():
            because = dict(nerve)
            support = []
            for label, check in (("back pain (P1)", _s2), ("neurogenic claudication (P5)", _s6),
                                 ("spinal history (P6)", _s7)):
                hit = check(facts, side)
                if hit is not None:
                    support.append(label)
                    because.update(hit.because)
            above = {k: v for k, v in _above_ankle(facts, side).items() if not k.startswith("weakness.")
                     or v in LEG_WEAKNESS}
            if above:
                support.append(f"symptoms above the ankle on the same ({side}) leg")
                because.update(above)
            if support:
                result[side] = (because, support)
        return result
    return f.memo("d5", compute)


def all_symptoms_in_foot(f: Facts) -> bool:
    """Nothing above the ankle on either leg (weakness of unknown site counts as above)."""
    return not any(_above_ankle(f, side) for side in SIDES)


def d6_applies(f: Facts) -> bool:
    return not core_sides(f) and all_symptoms_in_foot(f) and bool(patterns(f))


@dataclass(frozen=True)
class Decision:
    level: Level
    tier: Tier | None
    rule: str  # the D rule that set the level


def decide(f: Facts) -> Decision:
    """D1-D7 in the specification's order (D6 before D5)."""
    def compute(facts: Facts) -> Decision:
        red = red_flag_hits(facts)
        if red:
            tier: Tier = "E" if any(h.tier == "E" for _, h in red) else "P"
            return Decision("urgent", tier, "D1")
        if core_sides(facts):
            score = len(points(facts, scoring_side(facts)))
            return Decision("likely", None, "D3") if score >= LIKELY_THRESHOLD else Decision("possible", None, "D4")
        if d6_applies(facts):
            return Decision("not_indicated", None, "D6")
        if d5_support(facts):
            return Decision("possible", None, "D5")
        return Decision("not_indicated", None, "D7")
    return f.memo("decision", compute)


def unknown_red_flags(f: Facts) -> tuple[str, ...]:
    """Red-flag questions not asked (stored as "unknown", or absent from a hand-made document)."""
    return f.memo("unknown_red_flags",
                  lambda facts: tuple(rf for rf in facts.red_flag_ids if facts.get(rf) in (None, "unknown")))


def _d0(f: Facts) -> tuple[Hit, ...]:
    if unknown_red_flags(f):
        return ()  # Q1 reports the incomplete screen
    asked = f.red_flag_ids
    if all(f.get(rf) == "no" for rf in asked):
        return _hit(f"Red-flag screen complete: all {len(asked)} questions asked and answered no - "
                    "no red flags", {})
    return _hit(f"Red-flag screen complete: all {len(asked)} questions asked; the positive answers are "
                "listed in this section", {})


def _d1(f: Facts) -> tuple[Hit, ...]:
    decision = decide(f)
    if decision.rule != "D1":
        return ()
    ids = sorted({rid for rid, _ in red_flag_hits(f)})
    return _hit(f"Red-flag rule(s) {', '.join(ids)} fired: URGENT, tier {decision.tier}"
                + (" (E outranks P)" if decision.tier == "E" else ""), {})


def _d2(f: Facts) -> tuple[Hit, ...]:
    core = core_sides(f)
    if not core:
        return ()
    side = scoring_side(f)
    scored = points(f, side)
    names = ", ".join(f"{rid}" for rid, _ in scored) or "none"
    both = " (both legs reach the foot; the one with more points is scored)" if len(core) == 2 else ""
    return _hit(f"Scored on the {side} leg, where pain reaches the foot{both}: {len(scored)} of 6 points "
                f"({names})", {side_key("radiates_to", side): "foot"})


def _d3(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D3":
        return ()
    side = scoring_side(f)
    score = len(points(f, side))
    return _hit(f"LIKELY: pain into the {side} foot with {score} supporting points (3 or more; the threshold "
                "is a design choice, not a validated cut-off)", {side_key("radiates_to", side): "foot"})


def _d4(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D4":
        return ()
    side = scoring_side(f)
    score = len(points(f, side))
    return _hit(f"POSSIBLE: pain into the {side} foot but only {score} supporting point(s) (fewer than 3)",
                {side_key("radiates_to", side): "foot"})


def _d5(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D5":
        return ()
    hits = []
    for side, (because, support) in d5_support(f).items():
        hits.append(Hit(f"POSSIBLE: numbness, tingling or weakness in the {side} foot with "
                        f"{', '.join(support)}; pain does not reach the foot from the back", because))
    return tuple(hits)


def _d6(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D6":
        return ()
    shown = {side_key(fld, side): list(f.regions(fld, side))
             for side in SIDES for fld in ("pain", "numbness", "tingling") if f.regions(fld, side)}
    return _hit(f"NOT INDICATED: all symptoms stay at or below the ankle and fit a local pattern: "
                f"{pattern_list(patterns(f))}", shown)


def _d7(f: Facts) -> tuple[Hit, ...]:
    if decide(f).rule != "D7":
        return ()
    return _hit("No spinal features fit a pattern: pain does not reach the foot from the back, and there "
                "is no numbness, tingling or weakness in the foot with supporting features", {})


# --- safety alerts (N) -------------------------------------------------------------------------


def _n1(f: Facts) -> tuple[Hit, ...]:
    joint = f.get("foot_red_hot_swollen")
    if joint in (None, "no") or f.get("rf_fever_or_unwell") != "yes":
        return ()
    return _hit(f"Red, hot, swollen {str(joint).replace('_', ' ')} with fever or feeling unwell: possible "
                "septic arthritis - refer immediately",
                {"foot_red_hot_swollen": joint, "rf_fever_or_unwell": "yes"})


def _n2(f: Facts) -> tuple[Hit, ...]:
    because: dict[str, Any] = {}
    if f.get("trauma") not in (None, "none"):
        because["trauma"] = f.get("trauma")
    elif f.get("onset") == "after_injury":
        because["onset"] = "after_injury"
    if not because:
        return ()
    signs = {}
    if f.get("can_bear_weight") == "no":
        signs["can_bear_weight"] = "no"
    if f.get("bony_spot_tender") == "yes":
        signs["bony_spot_tender"] = "yes"
    if not signs:
        return ()
    return _hit("Injury with inability to take 4 steps or a tender spot on the bone: needs fracture "
                "assessment (Ottawa rules)", {**because, **signs})


def _n3(f: Facts) -> tuple[Hit, ...]:
    if f.get("diabetes") != "yes":
        return ()
    because: dict[str, Any] = {}
    if f.get("foot_red_hot_swollen") not in (None, "no"):
        because["foot_red_hot_swollen"] = f.get("foot_red_hot_swollen")
    if f.get("foot_ulcer_or_rest_pain") == "yes":
        because["foot_ulcer_or_rest_pain"] = "yes"
    if not because:
        return ()
    return _hit("Diabetes with a hot, swollen foot (possible Charcot foot) or a non-healing sore: "
                "urgent foot-service review", {"diabetes": "yes", **because})


def _n4(f: Facts) -> tuple[Hit, ...]:
    if f.get("foot_ulcer_or_rest_pain") != "yes" or f.get("foot_cold_or_pale") != "yes":
        return ()
    return _hit("Non-healing sore or rest pain with a cold or pale foot: possible critical limb "
                "ischaemia - urgent vascular review",
                {"foot_ulcer_or_rest_pain": "yes", "foot_cold_or_pale": "yes"})


# --- data gaps and cautions (Q) ------------------------------------------------------------------


def _q1(f: Facts) -> tuple[Hit, ...]:
    missing = unknown_red_flags(f)
    if not missing:
        return ()
    labels = "; ".join(RED_FLAG_LABELS.get(rf, rf) for rf in missing)
    return _hit(f"Red-flag screen incomplete - not asked: {labels}. Ask before the patient leaves; red "
                "flags cannot be ruled out until then",
                {rf: "unknown" for rf in missing if f.get(rf) == "unknown"})


def _q2(f: Facts) -> tuple[Hit, ...]:
    age = f.age
    if age is None or age <= 60 or f.get("first_back_episode") != "yes":
        return ()
    because: dict[str, Any] = {"age_years": age} if f.age_answered else {}
    return _hit(f"Age {age} (over 60) with a first-ever episode of back pain: a caution for the clinician, "
                "not a trigger", {**because, "first_back_episode": "yes"})


def _q3(f: Facts) -> tuple[Hit, ...]:
    missing = [q.id for q in f.answer_questions
               if q.id in GAP_FIELDS and not f.has(q.id) and f.questionnaire.is_shown(q, f.answers)]
    course = f.get("weakness_course")
    because: dict[str, Any] = {}
    if course == "n/a" and any(f.weakness(s) is not None for s in SIDES):
        missing.append("weakness_course")
        because["weakness_course"] = course
    if not missing:
        return ()
    return _hit(f"Not answered, so screened as nothing reported: {', '.join(missing)}", because)


# --- the rule table ------------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule("R1", "Suspected cauda equina", "red_flag",
         "Leg, foot or back pain (or pain not yet recorded) together with any of: new saddle numbness; a new "
         "change in passing urine, bowel control or sexual function; new or spreading symptoms in both legs "
         "(rf_bilateral_leg_symptoms = new_or_spreading); weakness in both legs that is getting worse, is new "
         "and severe (foot drop or leg giving way on both sides), or whose course is not recorded. Pain "
         "severity is not considered. Long-standing unchanged answers are listed as information only.",
         "URGENT, tier E.",
         "cauda equina compression has no fixed pattern; any one of these warrants emergency hospital "
         "assessment", ("3", "4", "5"), _r1),
    Rule("R2", "Motor deficit", "red_flag",
         "Foot drop on either leg that is new (tier P) or getting worse (tier E), or any weakness that is "
         "getting worse (tier E). Foot drop whose course is not recorded is treated as new (P).",
         "URGENT, tier E or P.",
         "a new or worsening motor deficit needs an early specialist opinion; the desk cannot tell a nerve "
         "root from the peroneal nerve", ("4", "6", "22"), _r2),
    Rule("R3", "Suspected spinal infection", "red_flag",
         "Back pain with fever or feeling unwell (tier E), or new or changed back pain with an infection risk "
         "(injecting drug use, immune-suppressing treatment, recent spinal procedure) (tier P). Back pain whose "
         "newness is not recorded counts as new; a positive answer without back pain is listed as R3.unmet.",
         "URGENT, tier E or P.",
         "spinal infection often lacks the full textbook picture, so fever or risk with back pain is enough",
         ("4", "6", "7", "31"), _r3),
    Rule("R4", "Possible malignancy", "red_flag",
         "A history of cancer with new or changed back pain or with pain travelling down the leg (thigh or "
         "further): tier P, or tier E when numbness, tingling or weakness (not known to be long-standing) is "
         "reported with it. Unexplained weight loss or constant night pain with back pain: tier P. Back pain "
         "whose newness is not recorded counts as new.",
         "URGENT, tier E or P.",
         "new spinal pain after cancer may be spinal metastasis; nerve symptoms call for the MSCC pathway",
         ("2", "6", "7", "8"), _r4),
    Rule("R5", "Possible fracture", "red_flag",
         "A major fall or road collision with back pain (tier E with numbness, tingling or weakness, else "
         "P), or new back pain after a minor fall or lift in someone with osteoporosis or long-term steroids "
         "(tier P). Back pain whose newness is not recorded counts as new.",
         "URGENT, tier E or P.",
         "major trauma, or minor trauma on fragile bone, can fracture the spine",
         ("6", "7"), _r5),
    Rule("R6", "Child or adolescent", "red_flag",
         "Age under 16 (the answer, or worked out from the date of birth) with pain travelling into the "
         "foot, or with back pain and numbness, tingling or weakness in the foot.",
         "URGENT, tier P.",
         "in children nerve-root pain is itself a reason for urgent referral; NICE NG59 covers 16 and over",
         ("9", "1"), _r6),
    Rule("D1", "Red flags decide", "red_flag",
         "Any R1-R6 line fired.",
         "Level URGENT; tier E if any fired line is E, else P. Scoring still runs and is shown.",
         "red flags override the spinal scoring", ("3", "4", "5", "6"), _d1),
    Rule("D0", "Red-flag screen complete", "red_flag",
         "Every red-flag question has an answer other than unknown. Only when all are no does the line say "
         "there are no red flags.",
         "None; information for the clinician (the incomplete case is Q1).",
         "patients rarely volunteer saddle or bladder symptoms, so each question must be asked",
         ("2", "5"), _d0),
    Rule("S1", "CORE: pain into the foot", "for",
         "On at least one leg, pain travels from the back or buttock into the foot (radiates_to = foot). "
         "When absent, an 'S1.absent' line under Against says how far the pain does travel.",
         "Defines CORE (D2); needed for LIKELY and for POSSIBLE by D4.",
         "back-to-foot pain down one leg is the main sciatica pattern; pain below the knee is the best "
         "single self-reported item", ("A1", "A2", "A7", "23"), _s1_rule),
    Rule("S2", "Back pain present (P1)", "for",
         "back_pain is mild, moderate or severe (or, when unanswered, leg_vs_back compares the leg with a "
         "painful back).",
         "One point (P1); also supports D5.",
         "back pain alongside foot symptoms points towards a spinal source, though it is not required",
         ("A1", "A3"), _scored(_s2)),
    Rule("S3", "Leg-dominant pain (P2)", "for",
         "leg_vs_back is leg_worse or no_back_pain, and pain is marked in the calf or shin of the leg scored.",
         "One point (P2).",
         "leg pain worse than back pain, below the knee, is part of the best self-reported cluster",
         ("23", "24", "A3"), _scored(_s3)),
    Rule("S4", "Nerve symptoms (P3)", "for",
         "Numbness or tingling below the knee (calf, shin or foot) on the leg scored, or any weakness on "
         "that leg. When absent, an 'S4.absent' line under Against says so.",
         "One point (P3).",
         "numbness, tingling or weakness in the foot can come from a compressed nerve root",
         ("A6", "23"), _s4_rule),
    Rule("S5", "Worse with cough, sneeze or strain (P4)", "for",
         "worse_with includes cough_sneeze_strain.",
         "One point (P4).",
         "pain on coughing or straining belongs to a symptom cluster for nerve-root compression",
         ("25",), _scored(_s5)),
    Rule("S6", "Neurogenic claudication (P5)", "for",
         "worse_with includes standing or walking, and better_with includes sitting or bending forward "
         "(leaning on a trolley).",
         "One point (P5); also supports D5.",
         "pain on standing or walking that eases on sitting or stooping suggests spinal stenosis",
         ("12", "13"), _scored(_s6)),
    Rule("S7", "Spinal history (P6)", "for",
         "back_conditions includes a herniated disc, spinal stenosis, spondylolisthesis or previous "
         "sciatica, or there was any back operation.",
         "One point (P6); also supports D5.",
         "known disc, canal or slip problems and past surgery make a spinal source more likely; disc "
         "herniation recurs in 5-15% after discectomy", ("A4", "A5", "A6", "A7", "29", "30"), _scored(_s7)),
    Rule("S8", "Root pattern (supportive only)", "for",
         "Only when there is a spinal pattern (CORE, or D5): pain, numbness or tingling on that leg in the "
         "regions of a root: L4 inner shin, inner ankle, arch; L5 outer shin, top of foot, big toe; S1 calf, "
         "sole, heel, outer edge of the foot, little toes.",
         "None: never scored.",
         "dermatomes are unreliable: about two-thirds of radicular pain does not follow them",
         ("10", "11"), _s8),
    Rule("A3", "No back pain does not rule out", "for",
         "Back pain is recorded as absent while a leg pattern (CORE or D5) is present.",
         "None; keeps the clinician from dismissing the pattern.",
         "sciatica can show as leg and foot pain without back pain", ("A3",), _a3),
    Rule("A5", "Pattern back after surgery", "for",
         "A back operation, pain-free afterwards, and pain now travelling into the foot again.",
         "None beyond S7; the returning pattern is flagged again rather than explained away.",
         "leg and foot pain can return after microdiscectomy (recurrence 5-15%)", ("A5", "29"), _a5),
    Rule("D2", "Scoring side and points", "for",
         "There is CORE on at least one leg. Points P1-P6 (S2-S7) are counted on a CORE leg; with two, "
         "the leg with more points.",
         "Gives the score used by D3 and D4.",
         "each leg has its own sciatic nerve, so each leg is judged on its own", ("A1", "A2"), _d2),
    Rule("D3", "Likely", "for",
         "No red flag, CORE, and 3 or more points.",
         "Level LIKELY (spinal_flag true).",
         "several independent features together fit a nerve-root source; the cut-off of 3 is a design choice",
         ("23", "A9"), _d3),
    Rule("D4", "Possible with CORE", "for",
         "No red flag, CORE, and 2 or fewer points.",
         "Level POSSIBLE (spinal_flag true).",
         "pain into the foot alone is a weak but real sign of a spinal source", ("A1", "23"), _d4),
    Rule("D5", "Possible without CORE", "for",
         "No red flag, no CORE, D6 does not apply, and on one leg numbness or tingling in a foot region (or "
         "foot weakness: foot drop, cannot rise on tiptoe, other) together with back pain (P1), neurogenic "
         "claudication (P5), spinal history (P6), or symptoms on the same leg above the ankle (buttock, "
         "thigh, knee, calf or shin, pain spreading from the back, or the leg giving way).",
         "Level POSSIBLE (spinal_flag true).",
         "foot nerve symptoms with a spinal context can be radicular even without pain into the foot",
         ("A3", "A6"), _d5),
    Rule("L1", "Plantar fasciitis pattern", "against",
         "Pain in the heel, arch or sole of one foot, worse on the first steps after rest, and no numbness or "
         "tingling on that leg.",
         "Names the pattern; sets NOT INDICATED only through D6.",
         "heel pain worst on the first steps after rest is typical of plantar fasciitis", ("15",), _l1),
    Rule("L2", "Morton's neuroma pattern", "against",
         "Pain in the ball of the foot or between the 3rd and 4th toes, with a pebble-in-the-shoe feeling, "
         "worse in tight or high shoes, or eased by taking shoes off.",
         "Names the pattern; sets NOT INDICATED only through D6.",
         "forefoot nerve pain between the 3rd and 4th toes made worse by tight shoes suggests a neuroma",
         ("16",), _l2),
    Rule("L3", "Gout pattern", "against",
         "A red, hot, swollen joint or foot that came on suddenly.",
         "Names the pattern; sets NOT INDICATED only through D6.",
         "a joint that becomes red, hot and swollen within hours is the picture of acute gout", ("17",), _l3),
    Rule("L4", "Acute ankle/foot injury", "against",
         "The injury was a twisted ankle or foot, or a blow to the foot.",
         "Names the pattern; sets NOT INDICATED only through D6 (N2 checks for a fracture).",
         "a twist or a blow explains foot pain locally; the Ottawa rules decide on an X-ray", ("18",), _l4),
    Rule("L5", "Stress fracture pattern", "against",
         "More running, walking or standing lately, a tender spot on the bone, and worse with running or "
         "walking.",
         "Names the pattern; sets NOT INDICATED only through D6.",
         "forefoot pain after a rise in training with point tenderness suggests a stress fracture",
         ("19",), _l5),
    Rule("L6", "Peripheral neuropathy pattern", "against",
         "Numbness or tingling in both feet evenly, starting in the toes (sock_distribution = yes).",
         "Names the pattern; sets NOT INDICATED only through D6.",
         "symmetrical numbness starting in the toes of both feet fits a peripheral (often diabetic) "
         "neuropathy", ("20",), _l6),
    Rule("L7", "Vascular claudication pattern", "against",
         "Worse with walking, eased by standing still, and coming on at the same walking distance each time "
         "(risk factors are named when present but not required).",
         "Names the pattern; sets NOT INDICATED only through D6.",
         "calf pain at a fixed walking distance that eases on standing still suggests arterial disease",
         ("12", "14"), _l7),
    Rule("L8", "Tarsal tunnel pattern", "against",
         "Numbness or tingling in the sole, arch or all toes of one foot, with tingling on tapping the inner "
         "ankle or pain at the inner ankle of that leg, and worse standing or walking.",
         "Names the pattern; sets NOT INDICATED only through D6 (with same-side leg symptoms it stays "
         "POSSIBLE).",
         "a trapped tibial nerve at the inner ankle mimics an S1 root but usually stays below the ankle",
         ("21",), _l8),
    Rule("D6", "Local pattern, foot only", "against",
         "No red flag, no CORE, no symptom above the ankle on either leg (no pain, numbness or tingling "
         "above the ankle, no pain spreading from the back, no leg giving way or weakness of unstated site), "
         "and an L-pattern matches. Back pain alone does not block it. Checked before D5.",
         "Level NOT INDICATED, naming the pattern(s).",
         "symptoms confined to the foot with a matching local picture point away from the spine",
         ("15", "16", "17", "18", "19", "20", "21"), _d6),
    Rule("D7", "No spinal pattern", "against",
         "No red flag and none of D3-D6 applies.",
         "Level NOT INDICATED; any matching L-pattern is named, else 'no specific pattern'.",
         "only a physician can diagnose; the tool reports that no spinal pattern was found", ("A8",), _d7),
    Rule("N1", "Possible septic arthritis", "alert",
         "A red, hot, swollen joint or foot with fever or feeling unwell.",
         "Safety alert, shown whatever the level; never changes the level.",
         "a hot swollen joint with fever needs same-day assessment to exclude infection", ("17",), _n1),
    Rule("N2", "Fracture assessment", "alert",
         "An injury (any answer to the injury question other than none, or onset after an injury) with "
         "inability to take 4 steps or a tender spot on the bone.",
         "Safety alert, shown whatever the level; never changes the level.",
         "the Ottawa ankle and foot rules call for an X-ray in this situation", ("18",), _n2),
    Rule("N3", "Diabetic foot emergency", "alert",
         "Diabetes with a red, hot, swollen foot or joint (possible Charcot foot), or with a non-healing "
         "sore or rest pain.",
         "Safety alert, shown whatever the level; never changes the level.",
         "a hot swollen diabetic foot or an ulcer needs urgent review by the foot service", ("20",), _n3),
    Rule("N4", "Possible critical limb ischaemia", "alert",
         "A non-healing sore or pain at rest, with a cold or pale foot.",
         "Safety alert, shown whatever the level; never changes the level.",
         "rest pain or tissue loss with a cold foot needs urgent vascular review", ("14",), _n4),
    Rule("Q1", "Red-flag screen incomplete", "gap",
         "Any red-flag question is unknown (not asked).",
         "None on the level; the recommendation asks for the questions before the patient leaves, and no "
         "output may say there are no red flags.",
         "patients rarely volunteer saddle or bladder symptoms, so the questions must be asked",
         ("2", "5"), _q1),
    Rule("Q2", "Over 60, first episode of back pain", "gap",
         "Age over 60 with a first-ever episode of back pain.",
         "A caution note only; never a trigger.",
         "one community list treats this as a priority sign, but single red flags are poor predictors",
         ("7",), _q2),
    Rule("Q3", "Answers missing", "gap",
         "One of the single-choice answers that decide the level or a red flag (age_years, radiates_to, "
         "weakness, weakness_course, trauma, back_pain, back_pain_new, leg_vs_back, back_conditions, "
         "back_surgery) was not given while its question applies, or weakness_course is n/a although "
         "weakness is marked. Empty region or tick lists mean none and are not gaps.",
         "None; the screening treats the missing answer as nothing reported and says so.",
         "a draft is screened as far as it goes; a missing answer is a gap, not a negative finding",
         (), _q3, local=True),
)

RULE_BY_ID: Mapping[str, Rule] = {rule.id: rule for rule in RULES}
