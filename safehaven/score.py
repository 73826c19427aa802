"""score: area scores, the overall score, the grade with its caps, and coverage.

The one place that knows the grade letters, their floors and the caps: reports read them from here.
Pass 1, partial 0.5, fail 0; other statuses are left out and listed. The area *levels* are judged by
the checks (checks/levels.py) and handed in.
"""

from __future__ import annotations

from collections.abc import Mapping

from safehaven.catalogue import AREAS, SCORED_STATUSES, skeleton
from safehaven.models import AreaScore, Finding, ScoreCard

GRADES = (("A", 85.0), ("B", 70.0), ("C", 55.0), ("D", 40.0))
# A failed capping check holds the grade at D at best; both failed hold it at E.
CAPPING_CHECKS = ("REPORT-01", "AGE-01")
CAPPED_AT, BOTH_CAPPED_AT = "D", "E"
GRADE_LETTERS = (*(letter for letter, _ in GRADES), "E")
PROVISIONAL_BELOW = 0.75
UNASSESSED = ("not_assessed", "error")
# The check each area's level rests on: when it could not be assessed, the level is unknown, not 0.
LEVEL_BASIS = {"AGE": "AGE-02", "REPORT": "REPORT-01", "CONTACT": "CONTACT-01", "EVIDENCE": "EVIDENCE-02",
               "HELP": "HELP-01", "TERMS": "TERMS-01"}


def score(findings: list[Finding], levels: Mapping[str, int | None]) -> ScoreCard:
    """The scorecard of a list of findings (one per catalogue check) and the level of each area."""
    by_id = {f.check: f for f in findings}
    card = ScoreCard()
    weights = {a.id: a.weight for a in skeleton().areas.values()}
    weighted, weight_sum = 0.0, 0.0
    for area in AREAS:
        mine = [f for f in findings if f.area == area]
        scored = [SCORED_STATUSES[f.status] for f in mine if f.status in SCORED_STATUSES]
        area_score = round(100 * sum(scored) / len(scored), 1) if scored else None
        level = levels.get(area)
        card.areas[area] = AreaScore(score=area_score, level=level, scored=len(scored), total=len(mine),
                                     unassessed=[f.check for f in mine if f.status in UNASSESSED],
                                     assessed=_status(by_id, LEVEL_BASIS[area]) not in UNASSESSED)
        if area_score is not None:
            weighted += weights[area] * area_score
            weight_sum += weights[area]
    card.overall = round(weighted / weight_sum, 1) if weight_sum else None
    applicable = [f for f in findings if f.status != "not_applicable"]
    scored_count = sum(1 for f in applicable if f.status in SCORED_STATUSES)
    card.coverage = round(scored_count / len(applicable), 3) if applicable else 0.0
    card.provisional = card.coverage < PROVISIONAL_BELOW
    card.grade, card.caps = grade(card.overall, by_id)
    return card


def grade(overall: float | None, by_id: dict[str, Finding]) -> tuple[str, list[str]]:
    """The letter for a score, lowered by the caps; returns (grade, caps that applied)."""
    letter = grade_of(overall)
    caps = [cid for cid in CAPPING_CHECKS if _status(by_id, cid) == "fail"]
    if len(caps) == len(CAPPING_CHECKS):
        letter = BOTH_CAPPED_AT
    elif caps and letter < CAPPED_AT:
        letter = CAPPED_AT
    return letter, caps


def grade_of(overall: float | None) -> str:
    """The letter a score earns before caps."""
    if overall is None:
        return "E"
    return next((g for g, floor in GRADES if overall >= floor), "E")


def _status(by_id: dict[str, Finding], check_id: str) -> str | None:
    f = by_id.get(check_id)
    return f.status if f else None
