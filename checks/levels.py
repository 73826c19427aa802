"""The level ladder of each area: which rung a platform reaches, judged from its area's findings."""

from __future__ import annotations

from checks import age, contact, evidence, help, report, terms
from safehaven.models import AREAS, Finding

LEVELS = {"AGE": age.level, "REPORT": report.level, "CONTACT": contact.level,
          "EVIDENCE": evidence.level, "HELP": help.level, "TERMS": terms.level}


def area_levels(findings: list[Finding]) -> dict[str, int | None]:
    """The level each area reaches (the scoring module decides whether it was assessed)."""
    return {area: LEVELS[area]({f.check: f for f in findings if f.area == area}) for area in AREAS}
