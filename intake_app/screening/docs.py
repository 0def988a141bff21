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
    ("Q", "Data gaps and cautions (Q)"),
)

# Article rules that are built into other rules rather than being rules of their own.
ARTICLE_NOTES: tuple[tuple[str, str], ...] = (
    ("A1", "Foot pain from the back usually comes with leg pain: the CORE pattern is S1 (pain into the foot)."),
    ("A2", "The sciatic nerve runs down one leg: sides are judged separately (S3, S4, S8, D2, D5 use one leg)."),
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
    "no; `Rn.unmet` is a positive answer that did not meet its rule, with the reason; `Rn.note` is a "
    "consistency hint (leg symptoms on both legs while the both-legs question says no); `S1.absent` and "
    "`S4.absent` name spinal features looked for and not found. `Reason.is_information` and "
    "`Assessment.red_flags` tell them apart in code.",
    "Red-flag lines are ordered: fired R lines, D1, D0, then `.unmet`/`.note` lines, then the `.no` lists. "
    "Other groups follow the order of this document.",
    "The words \"no red flags\" appear only in the D0 line, and only when every red-flag question is no.",
    "R1 needs leg or back pain. It counts as present when any back pain, any pain region on either leg, "
    "pain spreading from the back, or any leg_vs_back answer is recorded, and also when the pain answers "
    "are missing (a draft). Only a form that records no back pain and no pain regions blocks R1; the answer "
    "is then listed as R1.unmet so the clinician checks it at once.",
    "R1 weakness in both legs: progressive means weakness_course = worsening; severe means foot drop or leg "
    "giving way on both sides while the weakness is new; an unrecorded course counts as progressive. "
    "Long-standing, unchanged weakness in both legs is listed as R1.unmet.",
    "R2: foot drop whose course is not recorded is treated as new (tier P). Other weakness with no "
    "recorded course is reported as a Q3 gap, not as R2.",
    "Back pain: the back_pain answer decides. When it is missing, leg_vs_back implies back pain for every "
    "value except no_back_pain (which implies none). Used by S2 and by every R rule.",
    "Missing answers in R3-R6: a missing detail of a recorded finding is treated as present (back pain is "
    "recorded but not whether it is new: counted as new; weakness is recorded but not its course: see R1 "
    "and R2). A missing finding is not invented: when back pain itself is not recorded, R3-R6 do not fire, "
    "the positive answer is listed as an `.unmet` line saying \"back pain is not recorded (ask now)\", and "
    "Q3 lists the unanswered question. R1 is the exception (see above), because cauda equina has no set "
    "pattern.",
    "R4: \"new or changed\" qualifies the back pain; pain spreading down the leg to the thigh or further "
    "counts as radicular pain whether or not it is new (the form asks no such question for leg pain). New "
    "nerve symptoms are numbness or tingling anywhere on the legs, or weakness that is not long-standing "
    "and unchanged.",
    "R5 fragility branch: an unanswered injury question does not fire it; the R5.unmet line asks for it. "
    "A major fall or collision without recorded back pain is listed as R5.unmet too.",
    "R6: age is age_years, or worked out from the date of birth on the visit date when age_years is "
    "missing. Foot nerve symptoms are numbness or tingling in a foot region or any weakness on either leg. "
    "Children go "
    "through every rule; when R6 does not fire, an R6.unmet line says adult guidance does not apply.",
    "S3 takes calf and shin pain from the pain regions of the leg scored; radiates_to = below_knee alone "
    "does not satisfy it.",
    "S4 and known neuropathy (unclear in the specification): numbness is counted even when diabetes is "
    "present or both feet are evenly affected; the S4 line then says so, for the clinician to judge.",
    "Scoring side: the CORE leg; with two CORE legs, the one with more points; without CORE, a leg with "
    "foot nerve symptoms (else either leg), the one with more points; a tie goes to the left leg, which "
    "cannot change the level because only the count matters.",
    "S7 counts the listed conditions and any back operation; back_conditions = other does not count.",
    "S8 reads the L4 \"ankle\" as the inner ankle, uses pain, numbness and tingling of the leg scored, and "
    "is shown only when there is a spinal pattern (CORE, or D5).",
    "Where weakness sits (D5, D6): foot drop and weakness rising on tiptoe are in the foot; the leg giving "
    "way is above the ankle; other weakness counts as both, so it supports D5 and blocks D6.",
    "D5 same-leg symptoms above the ankle include pain spreading from the back on that leg "
    "(radiates_to = buttock, thigh or below_knee) and the leg giving way. D6 treats the same answers as "
    "symptoms above the ankle.",
    f"D3 uses {LIKELY_THRESHOLD} or more points for LIKELY, as the specification says; it is a design choice, "
    "not a validated cut-off, and the D3 line says so.",
    "L1 and L2 read the pain regions; L8 reads numbness and tingling of one leg with the tap sign or inner "
    "ankle pain of that leg. L7 names risk factors when present but does not require them (the field test "
    "does not).",
    "N2: an injury is any injury answer other than none, or onset after an injury; an unknown bony "
    "tenderness does not fire it. N3: any red, hot, swollen answer counts as a hot swollen foot, and the "
    "combined sore-or-rest-pain question counts as an ulcer.",
    "Q2 requires age over 60 (61 or more) and first_back_episode = yes.",
    "Q3 is a local rule (not in the specification): unanswered single-choice questions that decide the "
    "level or a red flag are listed as data gaps; a missing answer is screened as nothing reported.",
    "Recommendations: besides the specification's content for each level, LIKELY names co-existing "
    "L-patterns, and every level appends the Q1 request and the names of any N alerts.",
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
        "4. D6 (checked before D5): no CORE, nothing above the ankle on either leg, and an L-pattern",
        "   matches: NOT INDICATED, naming the pattern.",
        "5. D5: no CORE, but numbness, tingling or weakness in the foot plus back pain, neurogenic",
        "   claudication, spinal history or same-leg symptoms above the ankle: POSSIBLE.",
        "6. D7: otherwise NOT INDICATED.",
        "",
        "Alongside the level: D0/Q1 report whether every red-flag question was asked; N1-N4 safety alerts",
        "are shown whatever the level and never change it; L-patterns found with CORE are listed as",
        "\"may co-exist\". spinal_flag is true for urgent, likely and possible.",
        "",
        "## How to read the trace",
        "",
        "Each reason is one line, grouped in this order: "
        + ", ".join(GROUP_TITLES[g] for g in ("red_flag", "for", "against", "alert", "gap")) + ".",
        "",
        "    [R1] New saddle numbness - because rf_saddle_numbness=new - <evidence> [3][4][5]",
        "",
        "`because` names exactly the answers that fired the line (per-leg answers as `field.side`).",
        "A plain id means the rule fired; an id with a suffix (`R1.no`, `R4.unmet`, `R1.note`, `S1.absent`,",
        "`S4.absent`) is information only (see design choices below).",
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
