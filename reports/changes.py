"""Since the last audit: what moved between a baseline run and this one, check by check and area by area.

The classification is `toolkit.diff.diff_results`, the same that `safehaven diff` prints, so the
scorecard and the command line can never disagree on what was fixed or got worse; this module only
adds what paper needs: titles in the report's language and a screenshot from each run side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reports.evidence import EvidenceShot, ScreenshotCropper, evidence_shots
from reports.texts import ladder
from safehaven.catalogue import Catalogue
from safehaven.diff import CheckChange, RunDiff, diff_results
from safehaven.models import Finding, Result

# diff_results' kinds of change and the list of Changes each one is shown in ("unchanged" is counted).
BUCKETS = {"fixed": "fixed", "regressed": "regressed", "new": "new",
           "changed": "other", "changed_level": "other", "gone": "other"}


@dataclass
class StatusChange:
    """One check that changed between the two runs, with a screenshot from each if there is one.

    `before` is None for a check the baseline did not have, `after` None for one this run lacks.
    """

    id: str
    area: str
    title: str
    before: str | None
    after: str | None
    change: str = "changed"  # the kind diff_results gave it
    level_before: int | None = None
    level_after: int | None = None
    judged_before: bool = False  # the status is an auditor's judgement
    judged_after: bool = False
    shot_before: EvidenceShot | None = None
    shot_after: EvidenceShot | None = None

    @property
    def level_changed(self) -> bool:
        return self.level_before != self.level_after and None not in (self.level_before, self.level_after)


@dataclass
class AreaChange:
    id: str
    name: str
    max_level: int
    level_before: int | None  # None: not assessed in that run
    level_after: int | None
    score_before: float | None
    score_after: float | None

    @property
    def direction(self) -> int:
        if self.level_before is None or self.level_after is None:
            return 0
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
    new: list[StatusChange] = field(default_factory=list)  # assessed now, not scored (or absent) then
    other: list[StatusChange] = field(default_factory=list)  # other status changes, level changes, gone
    unchanged: int = 0
    side_by_side: bool = False
    diff: RunDiff | None = None  # what toolkit.diff said, as `safehaven diff --json` prints it

    @property
    def any(self) -> bool:
        return bool(self.fixed or self.regressed or self.new or self.other)


def compare(result: Result, baseline: Result, lang: str, run_dir: Path, baseline_dir: Path | None, *,
            catalogue: Catalogue) -> Changes:
    """What changed from `baseline` to `result`; screenshots side by side when the baseline's folder exists."""
    before_crops = ScreenshotCropper(baseline_dir) if baseline_dir and baseline_dir.is_dir() else None
    after_crops = ScreenshotCropper(run_dir)
    diff = diff_results(baseline, result)
    changes = Changes(
        baseline_id=baseline.run.id,
        baseline_started=baseline.run.started_at,
        grade_before=diff.grade_before,
        grade_after=diff.grade_after,
        overall_before=diff.overall_before,
        overall_after=diff.overall_after,
        areas=[_area_change(a.area, a.level_before, a.level_after, a.score_before, a.score_after, lang,
                            catalogue)
               for a in diff.areas],
        side_by_side=before_crops is not None,
        diff=diff,
    )
    old = {f.check: f for f in baseline.findings}
    new = {f.check: f for f in result.findings}
    order = {cid: n for n, cid in enumerate(catalogue)}
    for c in sorted(diff.checks, key=lambda c: (order.get(c.check, len(order)), c.check)):
        if c.change == "unchanged":
            changes.unchanged += 1
            continue
        bucket: list[StatusChange] = getattr(changes, BUCKETS.get(c.change, "other"))
        bucket.append(_status_change(c, old.get(c.check), new.get(c.check), lang, before_crops, after_crops,
                                     catalogue))
    return changes


def _status_change(change: CheckChange, before: Finding | None, after: Finding | None, lang: str,
                   before_crops: ScreenshotCropper | None, after_crops: ScreenshotCropper,
                   catalogue: Catalogue) -> StatusChange:
    meta = catalogue.get(change.check)
    shots_before = evidence_shots(before.evidence, before_crops, lang=lang) if before and before_crops else []
    shots_after = evidence_shots(after.evidence, after_crops, lang=lang) if after else []
    return StatusChange(
        id=change.check,
        area=change.area,
        title=meta.text("title", lang) if meta else change.check,
        before=change.before,
        after=change.after,
        change=change.change,
        level_before=change.level_before,
        level_after=change.level_after,
        judged_before=bool(before and before.review and before.review.applied),
        judged_after=bool(after and after.review and after.review.applied),
        shot_before=shots_before[0] if shots_before else None,
        shot_after=shots_after[0] if shots_after else None,
    )


def _area_change(area: str, level_before: int | None, level_after: int | None, score_before: float | None,
                 score_after: float | None, lang: str, catalogue: Catalogue) -> AreaChange:
    meta = catalogue.areas.get(area)
    return AreaChange(id=area, name=meta.name(lang) if meta else area, max_level=ladder(area, lang).max_level,
                      level_before=level_before, level_after=level_after, score_before=score_before,
                      score_after=score_after)
