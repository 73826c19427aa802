"""The scorecard as the templates see it: a Result turned into what a reader needs, in one language.

Everything here is structure and choice (which gaps come first, which screenshots to show); the words
a reader sees come from the templates (gettext), the catalogue (each check's texts, passed in by the
caller as a `Catalogue`) and ladders.toml.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reports.changes import Changes
from reports.evidence import MAX_SHOTS, EvidenceShot, ScreenshotCropper, evidence_shots, is_image, note_text
from reports.i18n import translations
from reports.texts import ladder, legal_reference, remediation
from safehaven.bundle import read_info
from safehaven.catalogue import AREAS, SCORED_STATUSES, Catalogue
from safehaven.i18n import render_finding
from safehaven.models import AreaScore, AuditorNote, Evidence, Finding, Quote, Result, Review, WriteRecord
from safehaven.score import CAPPING_CHECKS, grade_of

COUNT_ORDER = ("pass", "partial", "fail", "needs_review", "not_assessed", "error", "not_applicable")
UNASSESSED = ("needs_review", "not_assessed", "error")

TOP_GAPS = 3
MAX_STRENGTHS = 4
SHOTS_PER_STATUS = {"pass": 1, "not_applicable": 0}
MAX_URLS = 6
MAX_QUOTES = 5
MAX_PAGES = 80
MAX_WRITES = 12


@dataclass
class ReviewView:
    """An auditor's judgement on a check: applied (the auditor's verdict counts) or flagged for review.

    `flag_kind` and its parts (from the Review's ReviewFlag) let the template say why in the report's
    language ("expired" on `flag_date`, or "changed" from `flag_from` to `flag_to`); a `note` (a run from
    before flags were data) has no kind here and its sentence, `flag`, is printed as it is.
    """

    status: str  # the auditor's verdict
    machine_status: str  # what the machine said (for a flagged judgement: what it says now)
    machine_basis: str  # observed | stated: where the machine's verdict came from
    reason: str
    reviewer: str
    date: str
    expires: str | None
    applied: bool
    flag: str = ""
    flag_kind: str = ""  # expired | changed | ""
    flag_date: str = ""
    flag_from: str = ""
    flag_to: str = ""


@dataclass
class ManualView:
    """A finding an auditor added by hand (outside the catalogue, not scored)."""

    id: str
    area: str
    area_name: str
    status: str
    title: str
    summary: str
    reviewer: str
    date: str
    reason: str


@dataclass
class CheckView:
    """One finding with everything the reader needs around it."""

    id: str
    area: str
    status: str
    score: float | None
    basis: str
    level: int | None
    title: str
    criterion: str
    summary: str
    why: str
    fix: str
    fix_first: str
    legal: str
    shots: list[EvidenceShot] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    more_quotes: int = 0
    urls: list[str] = field(default_factory=list)
    more_urls: int = 0
    notes: list[str] = field(default_factory=list)
    review: ReviewView | None = None

    @property
    def scored(self) -> bool:
        return self.status in SCORED_STATUSES

    @property
    def judged(self) -> bool:
        """The status shown is an auditor's judgement, not the machine's verdict."""
        return self.review is not None and self.review.applied

    @property
    def flagged(self) -> bool:
        """An auditor's judgement exists but is not applied (expired, or the machine now says otherwise)."""
        return self.review is not None and not self.review.applied

    @property
    def other_urls(self) -> list[str]:
        """Evidence URLs not already printed with a screenshot of this check."""
        shown = {s.url for s in self.shots}
        return [u for u in self.urls if u not in shown]

    @property
    def needs_change(self) -> bool:
        return self.status in ("fail", "partial", "needs_review")


@dataclass
class RungView:
    """One level of an area's ladder as printed: reached, current, or still ahead."""

    level: int
    label: str
    step: str
    reached: bool
    current: bool


@dataclass
class AreaView:
    """One area: its score and level, its ladder and the next step, and its checks."""

    id: str
    name: str
    weight: int
    score: float | None
    score_grade: str | None
    level: int
    max_level: int
    levels: list[int]
    rungs: list[RungView]
    current_label: str
    next_rung: RungView | None
    blockers: list[CheckView]
    cap_note: str
    checks: list[CheckView]
    scored: int
    total: int
    assessed: bool = True  # False: the check the level rests on was not assessed (pages or probes missing)
    unassessed: list[CheckView] = field(default_factory=list)  # its checks that are not_assessed or error
    met: int = 0  # scored checks that pass

    @property
    def unassessed_reason(self) -> str:
        """Why the area (or part of it) was not assessed: the first unassessed check's own sentence."""
        return self.unassessed[0].summary if self.unassessed else ""

    @property
    def score_level_differ(self) -> bool:
        """A score of 0 beside a level above 0 (or full marks below the top): the page must say why."""
        return self.score is not None and ((self.score == 0 and self.level > 0)
                                           or (self.score == 100 and self.level < self.max_level))


@dataclass
class PageView:
    url: str
    role: str
    status: int | None
    title: str
    error: str | None


@dataclass
class WriteView:
    """A write the platform's pages tried during the audit and the browser refused (grouped, counted)."""

    method: str
    url: str
    kind: str  # resource type: document, fetch, xhr, ping, websocket, ...
    probe: str  # crawl, age_gate, report, contact, signup
    action: str  # the click that caused it, if one did
    count: int
    during: str = ""  # the audit's own step that caused it ("passing the age gate")


@dataclass
class Scorecard:
    """Everything the templates render, for one result in one language."""

    lang: str
    result: Result
    grade: str
    overall: float | None
    provisional: bool
    coverage: float
    caps: list[str]
    areas: list[AreaView]
    checks: list[CheckView]
    gaps: list[CheckView]
    strengths: list[CheckView]
    more_strengths: int
    unassessed: list[CheckView]
    counts: list[tuple[str, int]]
    pages: list[PageView]
    more_pages: int
    page_errors: list[PageView]
    manual: list[ManualView] = field(default_factory=list)
    changes: Changes | None = None  # when a baseline is given
    writes: list[WriteView] = field(default_factory=list)  # refused writes, grouped, the first MAX_WRITES
    more_writes: int = 0
    writes_total: int = 0  # refused write attempts in all

    @property
    def judged(self) -> list[CheckView]:
        """Checks whose verdict is an auditor's judgement."""
        return [c for c in self.checks if c.judged]

    @property
    def flagged(self) -> list[CheckView]:
        """Checks with an auditor's judgement that is flagged for review (the machine's verdict stands)."""
        return [c for c in self.checks if c.flagged]

    @property
    def scored_count(self) -> int:
        return sum(1 for c in self.checks if c.scored)

    @property
    def applicable_count(self) -> int:
        return sum(1 for c in self.checks if c.status != "not_applicable")


def build_scorecard(result: Result, run_dir: Path, lang: str, *, catalogue: Catalogue,
                    cropper: ScreenshotCropper | None = None) -> Scorecard:
    """Turn a stored result into the scorecard's view of it, in `lang`, with the texts of `catalogue`."""
    cropper = cropper or ScreenshotCropper(run_dir)
    checks = [check_view(f, lang, cropper, catalogue) for f in ordered_findings(result.findings, catalogue)]
    _refer_repeated_shots(checks)
    by_id = {c.id: c for c in checks}
    area_views = [area_view(a, result.score.areas.get(a) or AreaScore(), by_id, result, lang, catalogue)
                  for a in AREAS]
    # Passes an auditor vouched for first: a reader should see at once which strengths rest on judgement.
    strengths = sorted((c for c in checks if c.status == "pass"),
                       key=lambda c: (not c.judged, *_weight_first(c, catalogue)))
    pages = [PageView(url=p.final_url or p.url, role=p.role, status=p.status, title=p.title, error=p.error)
             for p in result.pages]
    info = read_info(run_dir)
    writes = refused_writes(info.writes if info else [])
    return Scorecard(
        lang=lang,
        result=result,
        grade=result.score.grade,
        overall=result.score.overall,
        provisional=result.score.provisional,
        coverage=result.score.coverage,
        caps=list(result.score.caps),
        areas=area_views,
        checks=checks,
        gaps=serious_gaps(checks, catalogue),
        strengths=strengths[:MAX_STRENGTHS],
        more_strengths=max(0, len(strengths) - MAX_STRENGTHS),
        unassessed=[c for c in checks if c.status in UNASSESSED],
        counts=[(s, n) for s in COUNT_ORDER if (n := sum(1 for c in checks if c.status == s))],
        pages=pages[:MAX_PAGES],
        more_pages=max(0, len(pages) - MAX_PAGES),
        page_errors=[p for p in pages if p.error or (p.status or 0) >= 400],
        manual=[manual_view(f, lang, catalogue) for f in ordered_findings(result.manual, catalogue)],
        writes=writes[:MAX_WRITES],
        more_writes=max(0, len(writes) - MAX_WRITES),
        writes_total=sum(w.count for w in writes),
    )


def refused_writes(records: list[WriteRecord]) -> list[WriteView]:
    """The refused writes of a run, one row per method, address, probe and click, in the order first seen.

    Writes let through to log in (allowed) are not listed: they are the audit's own login, not the
    platform's pages trying to send something.
    """
    rows: dict[tuple, WriteView] = {}
    for w in records:
        if w.allowed:
            continue
        key = (w.method, w.url, w.probe, w.action, w.during)
        if key in rows:
            rows[key].count += w.count
        else:
            rows[key] = WriteView(method=w.method, url=w.url, kind=w.resource_type, probe=w.probe,
                                  action=w.action, count=w.count, during=w.during)
    return list(rows.values())


def ordered_findings(findings: list[Finding], catalogue: Catalogue) -> list[Finding]:
    """Findings in catalogue order (unknown checks last, by ID)."""
    order = {cid: n for n, cid in enumerate(catalogue)}
    return sorted(findings, key=lambda f: (order.get(f.check, len(order)), f.check))


def check_view(finding: Finding, lang: str, cropper: ScreenshotCropper, catalogue: Catalogue) -> CheckView:
    """One finding with its catalogue texts, remediation and evidence crops."""
    meta = catalogue.get(finding.check)
    texts = remediation(meta, lang)
    urls = _evidence_urls(finding.evidence)
    return CheckView(
        id=finding.check,
        area=finding.area,
        status=finding.status,
        score=finding.score,
        basis=finding.basis,
        level=finding.level,
        title=meta.text("title", lang) if meta else finding.check,
        criterion=meta.text("criterion", lang) if meta else "",
        summary=localized_summary(finding, lang),
        why=texts.why,
        fix=texts.fix,
        fix_first=texts.first_fix_sentence,
        legal=legal_reference(meta.legal, lang) if meta else "",
        shots=evidence_shots(finding.evidence, cropper, limit=SHOTS_PER_STATUS.get(finding.status, MAX_SHOTS),
                             page_tops=not finding.quotes, lang=lang),
        quotes=finding.quotes[:MAX_QUOTES],
        more_quotes=max(0, len(finding.quotes) - MAX_QUOTES),
        urls=urls[:MAX_URLS],
        more_urls=max(0, len(urls) - MAX_URLS),
        notes=distinct_notes(note_text(e, lang) for e in finding.evidence
                             if (e.note or e.note_message) and not is_image(e))[:MAX_URLS],
        review=review_view(finding),
    )


def distinct_notes(notes: Iterable[str]) -> list[str]:
    """Evidence notes once each, in first-seen order; a note written for several pages ("no link to a help page",
    once per item page) is shown once with how often it was seen ("... (×6)"), not six times in a row."""
    counts = Counter(n for n in notes if n)
    return [note if n == 1 else f"{note} (×{n})" for note, n in counts.items()]


def review_view(finding: Finding) -> ReviewView | None:
    """The auditor's judgement on a finding as the check card shows it, or None when there is none."""
    review: Review | None = finding.review
    if review is None:
        return None
    # machine_basis in details: runs from before the Review kept it
    basis = (review.machine_basis or finding.details.get("machine_basis")) if review.applied else finding.basis
    view = ReviewView(status=review.status, machine_status=review.machine_status,
                      machine_basis=basis if basis in ("observed", "stated") else "observed",
                      reason=review.reason, reviewer=review.reviewer, date=review.date, expires=review.expires,
                      applied=review.applied)
    flag = review.flag
    if not review.applied and flag is not None:
        if flag.kind == "expired":
            view.flag_kind, view.flag_date = "expired", flag.date or ""
        elif flag.kind == "changed":
            view.flag_kind, view.flag_from, view.flag_to = "changed", flag.before or "", flag.after or ""
        view.flag = flag.text
    return view


def manual_view(finding: Finding, lang: str, catalogue: Catalogue) -> ManualView:
    """A manual finding (basis 'auditor', with the AuditorNote: title, reviewer, date and reason)."""
    meta = catalogue.areas.get(finding.area)
    note = finding.auditor or AuditorNote(title=finding.check, reviewer="", date="")
    return ManualView(
        id=finding.check,
        area=finding.area,
        area_name=meta.name(lang) if meta else finding.area,
        status=finding.status,
        title=note.title or finding.check,
        summary=localized_summary(finding, lang),
        reviewer=note.reviewer,
        date=note.date,
        reason=note.reason,
    )


def localized_summary(finding: Finding, lang: str) -> str:
    """The finding's one sentence in `lang`: its message id and parameters rendered through the report's
    catalogue; a run from before message ids has the sentence stored (`summaries[lang]`, else English)."""
    return render_finding(finding, translations(lang), lang)


def area_view(area: str, score: AreaScore, by_id: dict[str, CheckView], result: Result, lang: str,
              catalogue: Catalogue) -> AreaView:
    """An area with its ladder, the next step and the checks that hold it back."""
    meta = catalogue.areas.get(area)
    steps = ladder(area, lang)
    level = score.level
    rungs = [RungView(level=r.level, label=r.label, step=r.step, reached=r.level <= level,
                      current=r.level == level) for r in steps.rungs]
    nxt = steps.next_rung(level)
    next_view = next((r for r in rungs if nxt and r.level == nxt.level), None)
    blockers = [by_id[c] for c in (nxt.requires if nxt else ()) if c in by_id and by_id[c].status != "pass"]
    current = steps.rung(level) or steps.rungs[0]
    checks = [c for c in by_id.values() if c.area == area]
    return AreaView(
        id=area,
        name=meta.name(lang) if meta else area,
        weight=meta.weight if meta else 0,
        score=score.score,
        score_grade=grade_of(score.score) if score.score is not None else None,
        level=level,
        max_level=steps.max_level,
        levels=[r.level for r in steps.rungs],
        rungs=rungs,
        current_label=current.label,
        next_rung=next_view,
        blockers=blockers,
        cap_note=steps.cap_note if _age_capped(area, level, by_id) else "",
        checks=checks,
        scored=score.scored,
        total=score.total or len(checks),
        assessed=score.assessed,
        unassessed=[c for c in checks if c.status in ("not_assessed", "error")],
        met=sum(1 for c in checks if c.status == "pass"),
    )


def serious_gaps(checks: list[CheckView], catalogue: Catalogue) -> list[CheckView]:
    """The TOP_GAPS most serious gaps: capping failures, then fails, then partials, heaviest area first.

    One gap per area comes first, so the summary does not spend all its lines on one area.
    """
    weights = {a.id: a.weight for a in catalogue.areas.values()}
    order = {c.id: n for n, c in enumerate(checks)}

    def severity(c: CheckView) -> tuple:
        caps = 0 if (c.id in CAPPING_CHECKS and c.status == "fail") else 1
        return caps, 0 if c.status == "fail" else 1, -weights.get(c.area, 0), order[c.id]

    ranked = sorted((c for c in checks if c.status in ("fail", "partial")), key=severity)
    first_per_area: list[CheckView] = []
    for c in ranked:
        if all(c.area != g.area for g in first_per_area):
            first_per_area.append(c)
    rest = [c for c in ranked if c not in first_per_area]
    return sorted((first_per_area + rest)[:TOP_GAPS], key=severity)



def _weight_first(c: CheckView, catalogue: Catalogue) -> tuple:
    weights = {a.id: a.weight for a in catalogue.areas.values()}
    return -weights.get(c.area, 0), AREAS.index(c.area) if c.area in AREAS else 99


def _refer_repeated_shots(checks: list[CheckView]) -> None:
    """A crop shown by an earlier check of the same area is printed once; later checks refer to it."""
    first: dict[tuple[str, str], str] = {}
    for check in checks:
        for shot in check.shots:
            key = (check.area, shot.image.data_uri)  # within one area, so nobody has to leaf back far
            if key in first:
                shot.same_as = first[key]
            else:
                first[key] = check.id


def _age_capped(area: str, level: int, by_id: dict[str, CheckView]) -> bool:
    """True when AGE sits at 2 only because AGE-03 fails while AGE-02 found a stronger method."""
    if area != "AGE" or level != 2:
        return False
    gate, strength = by_id.get("AGE-03"), by_id.get("AGE-02")
    return bool(gate and gate.status == "fail" and strength and (strength.level or 0) > 2)





def _evidence_urls(evidence: list[Evidence]) -> list[str]:
    urls: list[str] = []
    for item in evidence:
        if item.url and item.url not in urls:
            urls.append(item.url)
    return urls
