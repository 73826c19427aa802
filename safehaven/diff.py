"""diff: what changed between two runs of the same platform, check by check and area by area."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from safehaven.catalogue import AREAS, SCORED_STATUSES
from safehaven.models import Result

Change = Literal["fixed", "regressed", "new", "gone", "unchanged", "changed_level", "changed"]
RANK = {"fail": 0, "partial": 1, "pass": 2}


class CheckChange(BaseModel):
    """One check's verdict before and after."""

    check: str
    area: str
    change: Change
    before: str | None
    after: str | None
    level_before: int | None = None
    level_after: int | None = None
    summary_before: str = ""
    summary_after: str = ""


class AreaChange(BaseModel):
    area: str
    level_before: int | None  # None: the area's level could not be assessed in that run
    level_after: int | None
    score_before: float | None
    score_after: float | None


class RunDiff(BaseModel):
    """The comparison of run `after` against its baseline `before`."""

    platform: str
    before: str
    after: str
    grade_before: str
    grade_after: str
    overall_before: float | None
    overall_after: float | None
    checks: list[CheckChange] = Field(default_factory=list)
    areas: list[AreaChange] = Field(default_factory=list)

    def of(self, change: Change) -> list[CheckChange]:
        return [c for c in self.checks if c.change == change]


def diff_results(before: Result, after: Result) -> RunDiff:
    """Compare two results check by check (statuses ranked fail < partial < pass)."""
    old = {f.check: f for f in before.findings}
    new = {f.check: f for f in after.findings}
    checks = []
    for cid in [*new, *(c for c in old if c not in new)]:
        a, b = old.get(cid), new.get(cid)
        checks.append(CheckChange(
            check=cid, area=(b or a).area, change=_classify(a.status if a else None, b.status if b else None,
                                                             a.level if a else None, b.level if b else None),
            before=a.status if a else None, after=b.status if b else None,
            level_before=a.level if a else None, level_after=b.level if b else None,
            summary_before=a.summary if a else "", summary_after=b.summary if b else ""))
    areas = [AreaChange(area=ar, level_before=_level(before, ar), level_after=_level(after, ar),
                        score_before=before.score.areas[ar].score, score_after=after.score.areas[ar].score)
             for ar in AREAS if ar in before.score.areas and ar in after.score.areas]
    return RunDiff(platform=after.platform.name, before=before.run.id, after=after.run.id,
                   grade_before=before.score.grade, grade_after=after.score.grade,
                   overall_before=before.score.overall, overall_after=after.score.overall, checks=checks, areas=areas)


def _level(result: Result, area: str) -> int | None:
    """The area's level, or None when the check it rests on was not assessed (an unknown is not a 0)."""
    score = result.score.areas[area]
    return score.level if score.assessed else None


def _classify(before: str | None, after: str | None, level_before: int | None, level_after: int | None) -> Change:
    scored_before, scored_after = before in SCORED_STATUSES, after in SCORED_STATUSES
    if after is None:
        return "gone"
    if scored_after and not scored_before:
        return "new"
    if scored_before and scored_after:
        if RANK[after] > RANK[before]:
            return "fixed"
        if RANK[after] < RANK[before]:
            return "regressed"
        if level_before != level_after:
            return "changed_level"
        return "unchanged"
    return "unchanged" if before == after else "changed"
