"""docs/rules.md, generated from the rule table so the reviewed text and the code cannot drift.

Run `python -m intake_app.screening.docs > docs/rules.md` (or `make docs`); a test fails when the
file in the repository differs from what this prints.
"""

from __future__ import annotations

from collections.abc import Mapping

from intake_app.screening.model import GROUP_TITLES
from intake_app.screening.rules import LIKELY_THRESHOLD, RULES, RULES_VERSION, Rule

FAMILIES: tuple[tuple[str, str], ...] = (
    ("R", "Red flags (R): override the scoring"),
    ("S", "Spinal-origin support (S), scored once per patient"),
    ("A", "Article rules (A) that change what is reported"),
    ("D", "Decision procedure (D)"),
    ("L", "Local and other patterns (L)"),
    ("N", "Safety alerts (N): shown whatever the level"),
    ("Q", "Data gaps, conflicts and cautions (Q)"),
)

# Article rules that are built into other rules rather than being rules of their own.
ARTICLE_NOTES: tuple[tuple[str, str], ...] = (
    ("A1", "Foot pain from the back usually comes with leg pain: the CORE pattern is S1 (pain into the foot)."),
    ("A2", "The sciatic nerve runs down one leg: sides are judged separately (S3, S4, S8, D2, D5 and D6 judge "
           "each leg)."),
    ("A4", "A known disc herniation counts as spinal history (S7); the foot region only supports a root level (S8)."),
    ("A6", "Weakness, numbness or tingling in the foot are nerve symptoms (S4); known stenosis counts (S7)."),
    ("A7", "Known spondylolisthesis counts (S7); pain travelling down the leg into the foot is S1."),
    ("A8", "Every recommendation, including not indicated, is framed for clinician review and names patterns, "
           "never a diagnosis."),
    ("A9", "The likely and possible recommendations name a spine specialist; the clinician decides."),
)

DESIGN_CHOICES: tuple[str, ...] = (
    "Information lines. A rule that fired is reported under its plain id (R1, S4, L2). Lines that only "
    "inform carry a suffix: `Rn.no` lists the red-flag questions of rule Rn that were asked and answered "
    "no; `Rn.unmet` is a red-flag answer that did not meet its rule, with the reason (positive ones also "
    "lead the recommendation through D8); `S1.absent` and `S4.absent` name spinal features looked for and "
    "not found. `Reason.is_information` and `Assessment.red_flags` tell them apart in code.",
    "Red-flag lines are ordered: fired R lines, D1, D8, D0, then `.unmet` lines, then the `.no` lists. "
    "Other groups follow the order of this document.",
    "What people read is plain words. Each reason keeps `because` (field keys, for machines) and carries "
    "`answers`, the same answers in the words of the document's own questionnaire version (domain/wording.py, "
    "desk audience: an unasked safety question reads \"not asked\"). Reason texts and the recommendation "
    "never contain field keys, value codes or rule ids; the text rendering (the clinician's trace) shows each "
    "rule id beside the rule's name and ends with a key to the ids. Nerve-root names (L4, L5, S1) are "
    "clinical words and may appear in S8 lines.",
    "Version 1 documents: the single weakness course applies to each side with weakness and is shown in "
    "`because` under its own key (`weakness_course`); version 2 courses are per side (`weakness_course.left`). "
    "The defaults of NEW_LEG_PAIN and NEW_NEURO (duration of 90 days or less) apply whenever the newer "
    "question is unanswered, in either version.",
    "Back pain that is not recorded at all (no back-pain, leg-versus-back or back-pain-new answer) is screened "
    "as absent, as Q3 says: R1 (b), R3, R4, R5 and R6 do not fire on it; the positive answer is listed as "
    "`.unmet` saying \"back pain is not recorded (ask now)\", it leads the recommendation (D8), and Q3 asks "
    "for back pain. Saddle numbness (R1 a) and new symptoms in both legs (R1 c) need no back or leg answer.",
    "\"New back pain\" in R3, R4 and R5 is back_pain_new = yes (and, for R3, back pain after a back operation "
    "no more than 3 months ago). Back pain whose newness is not recorded is not new; where R3, R4 or R5 "
    "depends on it the `.unmet` line says to ask, D8 lists the positive answer and Q3 asks for back_pain_new.",
    "NEW_NEURO unknown (numbness or tingling, no neuro_new answer, and no duration of 90 days or less) does "
    "not give R4 tier E: R4 fires P and Q3 asks whether the numbness or tingling is new (a local addition to "
    "the Q3 list). Weakness counts for NEW_NEURO only through its recorded course.",
    "R4 `.unmet` wording: \"pain not new\" when back or radicular pain is recorded but not new or changed; "
    "\"foot only\" when the only symptoms are in the foot; \"no back pain and no pain down the leg\" "
    "otherwise. Each leads the recommendation (D8) because the cancer answer is positive.",
    "R2: long-standing weakness on a leg is listed as R2.unmet (information, not positive); new, stable "
    "weakness other than foot drop is R2.unmet and positive (D8) unless it is part of R1 (d).",
    "R5 fragility branch: an unanswered injury question does not fire the minor-fall part; the R5.unmet line "
    "asks for it. New severe back pain fires it whatever the injury answer (version 2).",
    "R6: age is age_years, or worked out from the date of birth on the visit date when age_years is "
    "missing. Children go through every rule; when R6 does not fire, an R6.unmet line says adult guidance "
    "does not apply. Age is not a red-flag answer, so that line does not lead the recommendation, but as an "
    "`.unmet` line it keeps the words \"no red flags\" from being printed.",
    "Q4 \"leg pain, numbness or tingling recorded above the ankle\" means a pain, numbness or tingling region "
    "above the ankle, or pain travelling down the leg (radiates_to other than none). The both-legs conflict "
    "of R1 reads radiates_to only (below the knee or the foot on both legs), as the specification says. A "
    "back operation whose months-ago answer is missing is not recent (Q3 asks for it).",
    "D0: when a red-flag question is unanswered, Q1 is the screen line and D0 adds none. Otherwise D0 says "
    "\"no red flags\" only under the conditions of the specification, and else names what is open.",
    "D8 list: each positive answer that did not meet its rule (weakness with its course in brackets), "
    "\"not asked: ...\" naming the unanswered safety questions, \"answers that disagree about ...\" for each "
    "Q4 conflict, and each leg whose weakness has no course. For an urgent result the safety line follows "
    "the first sentence (the URGENT line). D8 is also a trace line (red-flag group) with the same list.",
    "The not-indicated re-screen advice names only the symptoms not already recorded (leg pain: pain above "
    "the ankle or travelling down the leg; numbness: numbness or pins and needles anywhere; weakness: any), "
    "and then adds \"or if the symptoms already recorded change\".",
    "S2 (v2) is reported through the A3 line whenever back pain is absent or not recorded, whatever the "
    "level: no back pain never rules out a spinal origin.",
    "S3 takes calf and shin pain from the pain regions of the leg scored; radiates_to = below_knee alone "
    "does not satisfy it.",
    "S4 and known neuropathy (unclear in the specification): numbness is counted even when diabetes is "
    "present or both feet are evenly affected; the S4 line then says so, for the clinician to judge.",
    "Scoring side: the CORE leg; with two CORE legs, the one with more points; without CORE, a leg with "
    "numbness, tingling or weakness in the foot (else either leg), the one with more points; a tie goes to "
    "the left leg, which cannot change the level because only the count matters.",
    "S7 counts the listed conditions and any back operation; back_conditions = other does not count.",
    "S8 reads the L4 \"ankle\" as the inner ankle, uses pain, numbness and tingling of the leg scored, and "
    "is shown only when there is a spinal pattern (CORE, or D5).",
    "D5 (a): same-leg symptoms above the ankle include the leg giving way (a buckling knee), besides the "
    "regions above the ankle and pain travelling down the leg. Other weakness is not a FOOT weakness for D5 "
    "(the specification lists foot drop and weakness rising on tiptoe) but is above the ankle for D6.",
    "D6: \"a side with a symptom\" is a leg with any pain, numbness or tingling region, pain travelling down "
    "it, or weakness; each must be explained (L1, L2 and L8 by a match on that leg, L3-L7 for both). A leg "
    "whose weakness is new or getting worse is never explained.",
    "D7: when the \"no spinal features\" condition does not hold, the D7 line names the supporting features "
    "that were found instead.",
    f"D3 uses {LIKELY_THRESHOLD} or more points for LIKELY, as the specification says; it is a design choice, "
    "not a validated cut-off, and the D3 line says so.",
    "L1 and L2 read the pain regions; L8 reads numbness and tingling of one leg with the tap sign or inner "
    "ankle pain of that leg. L7 names risk factors when present but does not require them (the field test "
    "does not). R3's diabetic skin source needs both diabetes = yes and the sore-or-rest-pain answer yes.",
    "N2: an injury is any injury answer other than none, or onset after an injury; an unknown bony "
    "tenderness does not fire it. N3: any red, hot, swollen answer counts as a hot swollen foot, and the "
    "combined sore-or-rest-pain question counts as an ulcer.",
    "Q2 requires age over 60 (61 or more) and first_back_episode = yes.",
    "Recommendations: the texts of the specification's table in our own words; LIKELY names co-existing "
    "L-patterns, every level ends with the names of any N alerts, and the urgent tier E text names the "
    "local emergency department given by the caller of assess (default \"the emergency department\").",
)

SOURCES: Mapping[str, str] = {
    "1": "NICE NG59, Low back pain and sciatica in over 16s",
    "2": "CKS Sciatica: interpreting red flags (archived copy)",
    "3": "CSP / GIRFT National Suspected Cauda Equina Syndrome Pathway",
    "4": "NHS Lothian RefHelp: serious lumbar spine conditions (red flags)",
    "5": "BMJ Best Practice: cauda equina syndrome, diagnosis approach",
    "6": "AHCPR Acute Low Back Problems, table of red flags",
    "7": "Community red flags for low back and radicular pain, September 2023",
    "8": "NICE NG234 Spinal metastases and MSCC; CSP audit of CG75 timings",
    "9": "PMM red flags, back and neck pain (paediatric); NENC Healthier Together, back pain",
    "10": "Harrison's 19e, lumbosacral radiculopathy; GPnotebook, L5 damage",
    "11": "Murphy 2009 and Albert 2019 on non-dermatomal pain",
    "12": "Nadeau et al., Can J Surg 2013: neurogenic versus vascular claudication",
    "13": "MSD Manual Professional: lumbar spinal stenosis",
    "14": "NICE CG147 Peripheral arterial disease",
    "15": "Plantar fasciitis (NHS-derived text)",
    "16": "Morton's neuroma (NHS-derived text)",
    "17": "NICE NG219 Gout",
    "18": "Physiopedia: Ottawa ankle rules",
    "19": "Verywell Fit: metatarsal stress fracture",
    "20": "nidirect: peripheral neuropathy; NICE NG19 diabetic foot problems",
    "21": "AMBOSS: tarsal tunnel syndrome",
    "22": "GP Reasoning: foot drop; Stewart, Foot drop: where, why and what to do?",
    "23": "Konstantinou et al., Eur Spine J 2012: self-reported items and nerve-root involvement",
    "24": "Stynes et al., PLoS ONE 2018: clinical diagnostic model for sciatica",
    "25": "Mistry et al., BMC Musculoskelet Disord 2020: symptom cluster for root compression",
    "29": "Reherniation after open lumbar microdiscectomy",
    "30": "Medscape: spondylolisthesis, clinical presentation",
    "31": "AccessMedicine: spinal epidural abscess",
}


def _rule_section(rule: Rule) -> list[str]:
    lines = [f"### {rule.id} - {rule.name}", ""]
    lines.append(f"- Reported under: {GROUP_TITLES[rule.group]}")
    lines.append(f"- Condition: {rule.when}")
    lines.append(f"- Effect on the outcome: {rule.effect}")
    lines.append(f"- Evidence: {rule.evidence} {rule.source_ref}".rstrip())
    if rule.local:
        lines.append("- Local rule: added by this project where the specification is silent (no source).")
    lines.append("")
    return lines


def render_rules_markdown() -> str:
    """The reviewable description of every rule, the decision order and the design choices."""
    out = [
        f"# Screening rules, version {RULES_VERSION}",
        "",
        "Generated by `python -m intake_app.screening.docs` from the rule table in",
        "`intake_app/screening/rules/`; do not edit by hand (run `make docs`). A test fails when this file",
        "is stale.",
        "",
        "The screening is an aid for clinician review, never a diagnosis. It reads the intake answers, fires",
        "rules, and reports a level (urgent, likely, possible, not indicated), an urgency tier for urgent",
        "results (E same-day emergency, P urgent priority) and a trace of reasons. Rule ids come from the",
        "clinical specification (clinical-logic.md) and are stable; numbers in brackets are its sources.",
        "",
        "`RULES_VERSION` names this set of rules. It must be bumped whenever any rule, threshold, wording of",
        "a rule line or recommendation changes; a test pins a fingerprint of the rule code and fails until the",
        "version and the pin are updated together. Every stored assessment keeps the version that made it.",
        "",
        "## How the level is decided",
        "",
        "1. D1: any red flag (R1-R6) makes the result URGENT; tier E if any fired line is E, else P.",
        "2. D2: CORE means pain travels from the back or buttock into the foot on a leg (S1). Points P1-P6",
        "   are S2-S7, counted on the CORE leg.",
        f"3. D3: CORE with {LIKELY_THRESHOLD} or more points is LIKELY; D4: CORE with fewer is POSSIBLE.",
        "4. D6 (checked before D5): no CORE, nothing above the ankle on either leg, and every leg with a",
        "   symptom explained by a matching L-pattern: NOT INDICATED, naming the pattern.",
        "5. D5: no CORE, but numbness, tingling or weakness in the foot plus back pain, neurogenic",
        "   claudication, spinal history or same-leg symptoms above the ankle; or foot pain with",
        "   neurogenic claudication; or the leg giving way with back pain or thigh/knee pain: POSSIBLE.",
        "6. D7: otherwise NOT INDICATED.",
        "",
        "Alongside the level: D0/Q1 report whether every red-flag question was asked; D8 puts any open",
        "safety answer (a positive red-flag answer that met no rule, an unasked safety question, conflicting",
        "answers (Q4), a weakness without its course) at the head of the recommendation at any level; N1-N4",
        "safety alerts are shown whatever the level and never change it; L-patterns found with CORE are",
        "listed as \"may co-exist\". spinal_flag is true for urgent, likely and possible.",
        "",
        "The derived facts of the specification (b0: BACK_PAIN, LEG_SYMPTOM, NEW_LEG_PAIN, NEW_NEURO,",
        "RECENT_SPINAL_PROCEDURE, WEAK_BOTH_LEGS_NEW, FOOT_SYMPTOM, ABOVE_ANKLE, RADICULAR_PAIN, the Q4",
        "conflicts) are defined once, in `intake_app/screening/rules/derived.py`, and used by every rule.",
        "",
        "## How to read the trace",
        "",
        "Each reason is one line, grouped in this order: "
        + ", ".join(GROUP_TITLES[g] for g in ("red_flag", "for", "against", "alert", "gap")) + ".",
        "",
        "    [R1] Suspected cauda equina - New saddle numbness - Numbness around the back passage: Yes, new",
        "        - <evidence> [3][4][5]",
        "",
        "In the JSON, `because` names exactly the answers that fired the line (field keys, per-leg answers",
        "as `field.side`) and `answers` gives the same answers in the questionnaire's words. A plain id means",
        "the rule fired; an id with a suffix (`R1.no`, `R4.unmet`, `S1.absent`, `S4.absent`) is information",
        "only (see design choices below).",
        "",
    ]
    for prefix, title in FAMILIES:
        out += [f"## {title}", ""]
        if prefix == "A":
            out += ["Built into other rules:", ""]
            out += [f"- {aid}: {note}" for aid, note in ARTICLE_NOTES]
            out.append("")
        for rule in sorted((r for r in RULES if r.id.startswith(prefix)), key=lambda r: r.id):
            out += _rule_section(rule)
    out += ["## Design choices where the specification is unclear or silent", ""]
    out += [f"{i}. {choice}" for i, choice in enumerate(DESIGN_CHOICES, start=1)]
    out += ["", "## Sources cited", ""]
    out += [f"- [{number}] {title}" for number, title in SOURCES.items()]
    out += ["- [A1]-[A9] the source article's points, as numbered in the specification", ""]
    return "\n".join(out)


def main() -> None:
    print(render_rules_markdown(), end="")


if __name__ == "__main__":
    main()
