"""Issue 16 item 3: every screen shows an IntakeError's words through gui/messages (desk_text, error_text,
problem_text), so a Spanish desk reads them in Spanish. A `.message` or `.hint` shown as it is (English)
is what left the status bar, the settings dialog and the start-up error in English before."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "intake_app" / "gui"
# messages.py is the one function family; printing.py re-raises its errors with their templates translated.
ALLOWED_MODULES = {"messages.py", "printing.py"}
THROUGH = {"desk_text", "error_text", "problem_text"}


def _raw_uses(tree: ast.AST) -> list[int]:
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in ("message", "hint")
                and isinstance(node.value, ast.Name) and node.value.id in ("exc", "error", "err", "outcome")):
            continue
        if isinstance(parents.get(node), ast.Attribute):  # e.g. error.message.template
            continue
        above = parents.get(node)
        through = False
        while above is not None:
            if isinstance(above, ast.Call):
                name = above.func.attr if isinstance(above.func, ast.Attribute) else getattr(above.func, "id", "")
                if name in THROUGH:
                    through = True
                    break
            above = parents.get(above)
        if not through and not isinstance(parents.get(node), ast.Compare):
            found.append(node.lineno)
    return found


def test_no_screen_shows_an_errors_english_words_directly() -> None:
    offenders = {}
    for path in sorted(GUI.rglob("*.py")):
        if path.name in ALLOWED_MODULES:
            continue
        lines = _raw_uses(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offenders[str(path.relative_to(GUI))] = lines
    assert offenders == {}


def test_the_scan_finds_a_raw_message() -> None:
    tree = ast.parse("def f(exc):\n    bar.showMessage(exc.message, 10)\n    bar.showMessage(desk_text(exc.message))\n")
    assert _raw_uses(tree) == [2]
