"""Report-only helpers around the one wording module (intake_app.domain.wording).

Every answer a report prints goes through domain.wording (describe, answer_text, question_text,
describe_because); this module only adds what is particular to paper: dates, which questions a
letter shows, source numbers, and the short titles of the sources the rule trace cites.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from intake_app.domain.questionnaire import Question, Questionnaire
from intake_app.domain.wording import is_blank

NOT_RECORDED = "not recorded"
SYMPTOMS = ("pain", "numbness", "tingling")

# Our own short titles for the sources that the rules cite (clinical-logic.md, "Sources").
SOURCE_TITLES: Mapping[str, str] = {
    "A": "Source article: lower back conditions that cause foot pain (points A1-A9)",
    "1": "NICE NG59: low back pain and sciatica in people over 16",
    "2": "Clinical Knowledge Summaries: sciatica, interpreting red flags",
    "3": "National suspected cauda equina syndrome pathway (GIRFT, CSP 2024)",
    "4": "NHS Lothian RefHelp: serious lumbar spine conditions",
    "5": "BMJ Best Practice: cauda equina syndrome, diagnosis",
    "6": "AHCPR: acute low back problems, table of red flags",
    "7": "Community red flags for low back and radicular pain (2023)",
    "8": "NICE NG234: spinal metastases and spinal cord compression",
    "9": "Red flags in children's back pain (PMM; NENC Healthier Together)",
    "10": "Harrison's Principles, 19th ed.: lumbosacral radiculopathy",
    "11": "Non-dermatomal radicular pain (Murphy 2009; Albert 2019)",
    "12": "Nadeau et al. 2013: neurogenic versus vascular claudication",
    "13": "MSD Manual Professional: lumbar spinal stenosis",
    "14": "NICE CG147: peripheral arterial disease",
    "15": "Plantar fasciitis (NHS-derived patient text)",
    "16": "Morton's neuroma (NHS-derived patient text)",
    "17": "NICE NG219: gout",
    "18": "Ottawa ankle rules (Physiopedia)",
    "19": "Metatarsal stress fracture (Verywell Fit, medically reviewed)",
    "20": "Peripheral neuropathy (nidirect; NICE NG19)",
    "21": "Tarsal tunnel syndrome (AMBOSS)",
    "22": "Foot drop (GP Reasoning; Stewart, Practical Neurology)",
    "23": "Konstantinou et al. 2012: self-reported items and nerve-root involvement",
    "24": "Stynes et al. 2018: clinical diagnostic model for sciatica",
    "25": "Mistry et al. 2020: history and examination for nerve-root compression",
    "26": "Freynhagen et al. 2006: painDETECT",
    "27": "DN4 neuropathic pain questionnaire (Mapi Research Trust)",
    "28": "LANSS pain scale (Physiopedia)",
    "29": "Reherniation after open lumbar microdiscectomy",
    "30": "Medscape: spondylolisthesis, clinical presentation",
    "31": "AccessMedicine: spinal epidural abscess",
}
_SOURCE_ID = re.compile(r"\[?\s*(A?)(\d+)(?:\s*-\s*A?\d+)?\s*\]?")


def format_date(day: dt.date | None) -> str:
    """ISO dates (1961-03-12): unambiguous on both sides of the Atlantic."""
    return day.isoformat() if day else NOT_RECORDED


def applies(questionnaire: Questionnaire, question: Question, answers: Mapping[str, Any]) -> bool:
    """Print a question if it was answered, or if the form would have shown it."""
    return not is_blank(answers.get(question.id)) or questionnaire.is_shown(question, answers)


def source_ids(source: str) -> list[str]:
    """The source keys a reason cites: "[3][4]" -> ["3", "4"]; "[A1][A2][23]" -> ["A", "23"]."""
    keys: list[str] = []
    for group in re.findall(r"\[[^\]]*\]", source) or ([source] if source.strip() else []):
        for letter, number in _SOURCE_ID.findall(group):
            key = "A" if letter else number
            if key not in keys:
                keys.append(key)
    return keys


def cited_sources(sources: Iterable[str]) -> list[str]:
    """Every source key cited, in number order (the source article first)."""
    seen = {key for source in sources for key in source_ids(source)}
    return sorted(seen, key=lambda k: (-1 if k == "A" else int(k)))


def source_text(source: str) -> str:
    """Source numbers in brackets, one group per reference: "3" -> "[3]", "[15][16]" -> "[15] [16]".

    The space between groups lets a long list wrap between references instead of inside one.
    """
    source = source.strip()
    if not source:
        return ""
    groups = re.findall(r"\[[^\]]*\]", source) if source.startswith("[") else [f"[{source}]"]
    return " ".join(groups) if groups else source


_MORE = {"en": "and {count} more", "es": "y {count} más"}


def brief(line: str, keep: int = 5, language: str = "en") -> str:
    """A "Label: a, b, c, ..." line with a long list cut to its first `keep` items and a count
    ("... and 12 more"; "... y 12 más" in Spanish), for page 1 and the trace; the questions and
    answers print it in full."""
    label, sep, items = line.partition(": ")
    if not sep:
        return line
    parts = items.split(", ")
    if len(parts) <= keep + 1:
        return line
    more = _MORE.get(language, _MORE["en"]).format(count=len(parts) - keep)
    return f"{label}: {', '.join(parts[:keep])} {more}"
