"""What every CSV file this program writes shares: the byte-order mark and the neutralising of cells a
spreadsheet could take for a formula (OWASP "CSV injection")."""

from __future__ import annotations

BOM = "\ufeff"

# A spreadsheet may run a cell starting with one of these as a formula; the full-width forms are read as
# formulas by some East Asian spreadsheet set-ups. Line feed is added because a cell may begin with a line
# break before a formula character.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading apostrophe before a formula-like start."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
