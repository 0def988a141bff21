"""Issue 12 item 7: every bad input gets a clear, field-named message and exit 1, the same way in
validate, import, assess and report; nothing is stored and nothing is silently changed. Names keep the
joiners and marks real names need."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from intake_app.cli import main
from tests.conftest import synthetic_document

COMMANDS = ("validate", "import", "assess", "report")


def document_text(**patient: Any) -> str:
    document = synthetic_document()
    document["patient"].update(patient)
    return json.dumps(document)


def with_answers_text(raw_answers: str) -> str:
    """A document whose answers object is given as raw JSON text."""
    text = json.dumps(synthetic_document())
    return text.replace('"answers": {"age_years": 46}', f'"answers": {raw_answers}')


# (name, JSON text, words the message must contain)
HOSTILE: list[tuple[str, str, str]] = [
    ("deeply nested arrays", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("deeply nested objects", '{"a":' * 50_000 + "1" + "}" * 50_000, "nested too deeply"),
    ("nesting inside answers", with_answers_text('{"pain": ' + "[" * 30 + "]" * 30 + "}"), "nested more than"),
    ("a 5,000-digit number", with_answers_text('{"age_years": ' + "9" * 5000 + "}"), "thousands of digits"),
    ("a 4,000-digit number", with_answers_text('{"age_years": ' + "9" * 4000 + "}"), "answers.age_years"),
    ("NaN", with_answers_text('{"age_years": NaN}'), "NaN is not allowed"),
    ("Infinity", with_answers_text('{"age_years": Infinity}'), "Infinity is not allowed"),
    ("a huge exponent", with_answers_text('{"age_years": 1e999}'), "answers.age_years"),
    ("a 5,000-character questionnaire reference",
     json.dumps(synthetic_document() | {"questionnaire": "q" * 5000}), "questionnaire: is 5000 characters long"),
    ("a lone surrogate in a name", document_text(family_name="Test\ud800person"), "patient.family_name"),
    ("a lone low surrogate in the MRN", document_text(mrn="SYN\udfff"), "patient.mrn"),
    ("a NUL in a name", document_text(given_name="Al\x00ex"), "patient.given_name: contains a control character"),
    ("an escape sequence in a name", document_text(family_name="\x1b[31mTest"), "U+001B"),
    ("DEL in a phone number", document_text(phone="0700\x7f1"), "patient.phone"),
    ("a C1 control in a name", document_text(family_name="Test\x85person"), "U+0085"),
    ("a line break in a name", document_text(family_name="Test\nperson"), "U+000A"),
    ("a carriage return in a name", document_text(given_name="Al\rex"), "U+000D"),
    ("a tab in a name", document_text(given_name="Al\tex"), "U+0009"),
    ("a line separator in a name", document_text(family_name="Test\u2028person"), "a name is one line"),
    ("a control character in a field name", with_answers_text('{"pain\\u0000": 1}'), "control character"),
    ("a control character in a choice", with_answers_text('{"onset": "grad\\u0007ual"}'), "answers.onset"),
    ("a lone surrogate in an answer key", with_answers_text('{"\\ud83d": 1}'), "unpaired surrogate"),
] + [
    (f"bidi control U+{code:04X} in a name", document_text(family_name=f"Test{chr(code)}person"),
     f"patient.family_name: contains a text-direction control (U+{code:04X})")
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
]


def count_stored(database_url: str, capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["--database", database_url, "export"]) == 0
    return len(json.loads(capsys.readouterr().out))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("name", "text", "words"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_input_is_refused_with_a_field_named_message(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str], command: str, name: str, text: str,
    words: str,
) -> None:
    source = tmp_path / "hostile.json"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    args = ["--database", database_url, command, str(source)]
    if command == "report":
        args += ["--referral", str(tmp_path / "out.pdf")]
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 1, (name, out)
    assert words in err, (name, err)
    assert "Traceback" not in err and "Error:" not in err
    if command == "import":
        assert "nothing imported" in err
        assert count_stored(database_url, capsys) == 0
    if command == "report":
        assert not (tmp_path / "out.pdf").exists()


def test_the_figures_of_the_hostile_input_suite() -> None:
    """Reported in docs/data-safety.md: inputs tried in each of the four commands."""
    assert len(HOSTILE) == 31
    assert len(HOSTILE) * len(COMMANDS) == 124


def test_a_file_larger_than_any_document_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "big.json"
    source.write_text('"' + "x" * (21 * 1024 * 1024) + '"', encoding="utf-8")
    assert main(["validate", str(source)]) == 1
    assert "larger than 20 MB" in capsys.readouterr().err


NAMES_PEOPLE_HAVE = [
    ("ZWJ", "\u0915\u094d\u200d\u0937"),  # Devanagari conjunct with a zero-width joiner
    ("ZWNJ", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # Persian with a zero-width non-joiner
    ("LRM", "\u05db\u05d4\u05df\u200e-Smith"),
    ("RLM", "Smith\u200f-\u05db\u05d4\u05df"),
    ("combining marks", "Nguye\u0302\u0303n"),
    ("apostrophe and hyphen", "O'Brien-Ngata"),
]


@pytest.mark.parametrize(("kind", "name"), NAMES_PEOPLE_HAVE, ids=[n[0] for n in NAMES_PEOPLE_HAVE])
def test_names_keep_joiners_and_marks_unchanged(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str], kind: str, name: str
) -> None:
    source = tmp_path / "name.json"
    source.write_text(document_text(family_name=name), encoding="utf-8")
    assert main(["validate", str(source)]) == 0
    assert main(["--database", database_url, "import", str(source)]) == 0
    capsys.readouterr()
    assert main(["--database", database_url, "export"]) == 0
    (exported,) = json.loads(capsys.readouterr().out)
    assert exported["patient"]["family_name"] == name


def test_free_text_keeps_line_breaks_and_tabs(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    document = synthetic_document()
    document["questionnaire"] = "foot-leg-intake/2"
    note = "Takes the bus.\nPrefers mornings.\n\nColumn:\tvalue"
    document["answers"]["desk_note"] = note
    source = tmp_path / "note.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--database", database_url, "import", str(source)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["--database", database_url, "export"]) == 0
    (exported,) = json.loads(capsys.readouterr().out)
    assert exported["answers"]["desk_note"] == note


def test_free_text_refuses_other_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = synthetic_document()
    document["questionnaire"] = "foot-leg-intake/2"
    document["answers"]["desk_note"] = "bell\x07"
    source = tmp_path / "note.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main(["validate", str(source)]) == 1
    assert "answers.desk_note: contains a control character (U+0007)" in capsys.readouterr().err
