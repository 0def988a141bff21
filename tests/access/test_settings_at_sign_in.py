"""Issue 16 item 3: the clinic's settings (its language among them) changed at one desk reach another desk
sharing the database at that desk's next sign-in, not only when it next opens the database."""

from __future__ import annotations

from typing import Any

from intake_app.services import Clinic
from tests.conftest import ACCOUNTS, fast_passwords, secret, signed_in_clinic


def test_a_desk_reads_the_clinic_settings_again_at_each_sign_in(database_url: str) -> None:
    admin_desk: Any = signed_in_clinic(database_url, "administrator")
    other_desk = Clinic.open(database_url, passwords=fast_passwords())
    try:
        other_desk.sign_in(ACCOUNTS["front-desk"][0], secret())
        assert other_desk.settings.clinic_language == "en"
        admin_desk.save_clinic_settings({"clinic_language": "es", "clinic_name": "Clínica del Pie"})
        assert other_desk.settings.clinic_language == "en"  # a desk at work keeps what it had
        other_desk.sign_out()
        other_desk.sign_in(ACCOUNTS["front-desk"][0], secret())
        assert other_desk.settings.clinic_language == "es"
        assert other_desk.settings.clinic_name == "Clínica del Pie"
    finally:
        other_desk.close()
        admin_desk.close()
