"""demo-data: batches straight into the bulk loader; a missing Faker extra is a sentence, not a traceback."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from intake_app import demo
from intake_app.cli import main
from intake_app.services import Clinic
from tests.cli.conftest import signed_in


def test_demo_data_without_faker_exits_1_with_the_install_line(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "faker", None)  # `import faker` now raises ImportError
    assert main(["--database", database_url, "--user", "admin", "demo-data", "5"]) == 1
    captured = capsys.readouterr()
    assert "pip install 'intake-app[demo]'" in captured.err
    assert "Traceback" not in captured.err + captured.out
    clinic = signed_in(database_url, "doctor")
    assert clinic.count_patients() == 0
    clinic.close()


def test_demo_data_streams_batches_into_the_bulk_loader(
    admin_clinic: Clinic, clinic: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    def everything_at_once(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the demo data must not be generated all at once")

    monkeypatch.setattr(demo, "generate", everything_at_once)
    assert admin_clinic.add_demo_data(30, seed=7) == 30
    assert clinic.count_patients() == 30
