"""Facts derived from the answers that several rule families share (clinical-logic.md (b0), D2).

Each is defined once here and read by every rule that needs it.
"""

from __future__ import annotations

from typing import Any

from intake_app.screening.facts import ABOVE_ANKLE, FOOT, SIDES, Facts, side_key
from intake_app.screening.rules.base import FOOT_WEAKNESS, LEG_WEAKNESS


def core_sides(f: Facts) -> tuple[str, ...]:
    """D2: the legs where pain travels from the back or buttock into the foot."""
    return tuple(side for side in SIDES if f.side_value("radiates_to", side) == "foot")


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


def above_ankle(f: Facts, side: str) -> dict[str, Any]:
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
