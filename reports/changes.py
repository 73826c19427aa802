"""Since the last audit: what moved between a baseline run and this one, by status change per check."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from safehaven.checks.base import areas as catalogue_areas
from safehaven.checks.base import catalogue
from safehaven.toolkit.models import AREAS, AreaScore, Finding, Result

from .evidence import ScreenshotCropper
from .scorecard import EvidenceShot, evidence_shots, ordered_findings
from .texts import ladder

# Only scored statuses can get better or worse; other changes are listed apart.
RANK = {"fail": 0, "partial": 1, "pass": 2}


@dataclass
class StatusChange:
    """One check whose status differs between the two runs, with a screenshot from each if there is one."""

    id: str
    area: str
    title: str
    before: str
    after: str
    shot_before: EvidenceShot | None = None
    shot_after: EvidenceShot | None = None


@dataclass
class AreaChange:
    id: str
    name: str
    max_level: int
    level_before: int
    level_after: int
    score_before: float | None
    score_after: float | None

    @property
    def direction(self) -> int:
        return (self.level_after > self.level_before) - (self.level_after < self.level_before)


@dataclass
class Changes:
    """The comparison of this run with a baseline run of the same platform."""

    baseline_id: str
    baseline_started: str
    grade_before: str
    grade_after: str
    overall_before: float | None
    overall_after: float | None
    areas: list[AreaChange]
    fixed: list[StatusChange] = field(default_factory=list)
    regressed: list[StatusChange] = field(default_factory=list)
    other: list[StatusChange] = field(default_factory=list)
    unchanged: int = 0
    side_by_side: bool = False


def compare(result: Result, baseline: Result, lang: str, run_dir: Path, baseline_dir: Path | None) -> Changes:
    """What changed from `baseline` to `result`; screenshots side by side when the baseline's folder exists."""
    before_crops = ScreenshotCropper(baseline_dir) if baseline_dir and baseline_dir.is_dir() else None
    after_crops = ScreenshotCropper(run_dir)
    old = {f.check: f for f in baseline.findings}
    changes = Changes(
        baseline_id=baseline.run.id,
        baseline_started=baseline.run.started_at,
        grade_before=baseline.score.grade,
        grade_after=result.score.grade,
        overall_before=baseline.score.overall,
        overall_after=result.score.overall,
        areas=[_area_change(a, baseline, result, lang) for a in AREAS],
        side_by_side=before_crops is not None,
    )
    for finding in ordered_findings(result.findings):
        previous = old.get(finding.check)
        if previous is None or previous.status == finding.status:
            changes.unchanged += previous is not None
            continue
        change = _status_change(finding, previous, lang, before_crops, after_crops)
        if finding.status in RANK and previous.status in RANK:
            bucket = changes.fixed if RANK[finding.status] > RANK[previous.status] else changes.regressed
        else:
            bucket = changes.other
        bucket.append(change)
    return changes


def _status_change(after: Finding, before: Finding, lang: str, before_crops: ScreenshotCropper | None,
                   after_crops: ScreenshotCropper) -> StatusChange:
    meta = catalogue().get(after.check)
    shots_before = evidence_shots(before.evidence, before_crops) if before_crops else []
    shots_after = evidence_shots(after.evidence, after_crops)
    return StatusChange(
        id=after.check,
        area=after.area,
        title=meta.text("title", lang) if meta else after.check,
        before=before.status,
        after=after.status,
        shot_before=shots_before[0] if shots_before else None,
        shot_after=shots_after[0] if shots_after else None,
    )


def _area_change(area: str, baseline: Result, result: Result, lang: str) -> AreaChange:
    meta = catalogue_areas().get(area)
    old = baseline.score.areas.get(area) or AreaScore()
    new = result.score.areas.get(area) or AreaScore()
    return AreaChange(id=area, name=meta.name(lang) if meta else area, max_level=ladder(area, lang).max_level,
                      level_before=old.level, level_after=new.level, score_before=old.score, score_after=new.score)
