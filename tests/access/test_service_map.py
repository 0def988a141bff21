"""Every public service method is either mapped to one action of the permission table or says why not."""

from __future__ import annotations

import inspect

from intake_app.access.roles import PERMISSIONS, SERVICE_ACTIONS, UNCHECKED_SERVICE_METHODS
from intake_app.services import Clinic


def public_methods() -> set[str]:
    return {
        name for name, value in inspect.getmembers(Clinic)
        if not name.startswith("_") and (callable(value) or isinstance(value, property))
    }


def test_every_public_clinic_method_is_in_the_table_or_explained() -> None:
    unmapped = public_methods() - set(SERVICE_ACTIONS) - set(UNCHECKED_SERVICE_METHODS)
    assert not unmapped, f"add these Clinic methods to roles.SERVICE_ACTIONS: {sorted(unmapped)}"


def test_no_method_is_both_checked_and_unchecked() -> None:
    assert not set(SERVICE_ACTIONS) & set(UNCHECKED_SERVICE_METHODS)
    assert set(SERVICE_ACTIONS.values()) <= set(PERMISSIONS)
    assert all(why for why in UNCHECKED_SERVICE_METHODS.values())


def test_every_action_is_reached_through_some_service_method() -> None:
    # Printing and saving a PDF use the same service call (the PDF bytes); the window audits which it was.
    covered = {a.value for a in SERVICE_ACTIONS.values()} | {"report.save_pdf"}
    assert covered == {a.value for a in PERMISSIONS}


def test_docs_show_the_permission_table_as_the_code_has_it() -> None:
    from pathlib import Path

    from intake_app.access.roles import permission_table_markdown

    doc = (Path(__file__).parents[2] / "docs" / "access.md").read_text(encoding="utf-8")
    start = doc.index("-->", doc.index("<!-- permission-table:start")) + len("-->\n")
    end = doc.index("<!-- permission-table:end -->")
    assert doc[start:end] == permission_table_markdown(), "regenerate the table in docs/access.md"
