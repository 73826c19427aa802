"""Auditor judgement: a review file per platform that confirms or overrides verdicts, and adds manual findings.

The file sits next to the audit definition (`audits/NAME.review.toml` for `audits/NAME.toml`)::

    [[override]]
    check = "REPORT-06"
    status = "pass"
    machine_status = "partial"    # the machine verdict the auditor judged
    reason = "The moderation lead showed the handling procedure: receipt mail, 24 h, appeal form."
    reviewer = "A. de Vries"
    date = 2026-11-20
    expires = 2027-05-20          # optional

    [[manual]]
    id = "MANUAL-01"
    area = "REPORT"
    title = "Reports are handled within 24 hours"
    status = "pass"
    summary = "Test reports sent with the platform's consent were handled in 3 to 19 hours."
    reviewer = "A. de Vries"
    date = 2026-11-20

An override is applied only while the machine still says what the auditor judged and the expiry has
not passed; otherwise it is flagged for review and the machine's verdict stands.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from safehaven.catalogue import AREAS, CHECK_IDS, SCORED_STATUSES, Status
from safehaven.models import AuditorNote, Finding, Result, Review, ReviewFlag
from toolkit.definition import DefinitionError, describe_error


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Override(_Strict):
    check: str
    status: Status
    machine_status: Status
    reason: str = Field(min_length=3)
    reviewer: str = Field(min_length=1)
    date: dt.date
    expires: dt.date | None = None


class ManualFinding(_Strict):
    id: str = Field(pattern=r"^MANUAL-[0-9A-Z-]+$")
    area: str
    title: str
    status: Status
    summary: str
    reviewer: str
    date: dt.date
    reason: str = ""


class ReviewFile(_Strict):
    override: list[Override] = Field(default_factory=list)
    manual: list[ManualFinding] = Field(default_factory=list)


def review_path_for(definition: Path) -> Path:
    """audits/NAME.toml -> audits/NAME.review.toml"""
    return definition.with_name(definition.stem + ".review.toml")


def load_review(path: Path) -> ReviewFile | None:
    """The review file, or None when there is none; DefinitionError (exit 2) names a bad key."""
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        review = ReviewFile.model_validate(data)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(str(path), [f"not valid TOML ({exc})"]) from None
    except ValidationError as exc:
        raise DefinitionError(str(path), [describe_error(e) for e in exc.errors()]) from None

    bad = [f"override.check: unknown check {o.check}" for o in review.override if o.check not in CHECK_IDS]
    bad += [f"manual.area: unknown area {m.area}" for m in review.manual if m.area not in AREAS]
    if bad:
        raise DefinitionError(str(path), bad)
    return review


def apply_review(findings: list[Finding], review: ReviewFile | None, today: dt.date | None = None) -> list[Finding]:
    """Findings with the auditor's overrides applied (or flagged); the machine's verdict is kept beside them."""
    if review is None:
        return findings
    today = today or dt.date.today()
    by_check = {o.check: o for o in review.override}
    out = []
    for f in findings:
        o = by_check.get(f.check)
        if o is None:
            out.append(f)
            continue
        note = Review(status=o.status, machine_status=f.status, reason=o.reason, reviewer=o.reviewer,
                      date=o.date.isoformat(), expires=o.expires.isoformat() if o.expires else None)
        if o.expires and o.expires < today:
            note.applied, note.flag = False, ReviewFlag(kind="expired", date=o.expires.isoformat())
        elif o.machine_status != f.status:
            note.applied, note.flag = False, ReviewFlag(kind="changed", before=o.machine_status, after=f.status)
        if note.applied:
            note.machine_basis = f.basis
            out.append(f.model_copy(update={"status": o.status, "score": SCORED_STATUSES.get(o.status),
                                            "basis": "auditor", "review": note}))
        else:
            out.append(f.model_copy(update={"review": note}))
    return out


def manual_findings(review: ReviewFile | None) -> list[Finding]:
    """The review file's manual findings, as (unscored) findings with basis 'auditor'."""
    if review is None:
        return []
    return [Finding(check=m.id, area=m.area, status=m.status, score=SCORED_STATUSES.get(m.status), basis="auditor",
                    summary=m.summary, auditor=AuditorNote(title=m.title, reviewer=m.reviewer, date=m.date.isoformat(),
                                                           reason=m.reason)) for m in review.manual]


def machine_only(result: Result) -> list[Finding]:
    """The machine's own verdicts, with every auditor judgement taken out (for --ignore-reviews)."""
    out = []
    for f in result.findings:
        if f.review and f.review.applied:
            f = f.model_copy(update={"status": f.review.machine_status,
                                     "score": SCORED_STATUSES.get(f.review.machine_status),
                                     "basis": f.review.machine_basis or f.details.get("machine_basis", "observed")})
        out.append(f.model_copy(update={"review": None}))
    return out
