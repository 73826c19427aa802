"""The portfolio: the latest complete run of many platforms on a few pages (PDF, HTML or CSV).

The map a team brings to a ministry, a regulator or a sector meeting: a ranking, a heat map of
platforms by areas coloured by level, the grade distribution, the gaps most platforms share, the
change since the previous mapping per platform, and one page per platform that links to its
scorecard. Charts are SVG drawn in the templates (vector: they print sharply and cut nothing off);
the look is the scorecard's (same stylesheet, same colours). Words come from gettext like the
scorecard's, so Dutch lives in reports/locale/nl/LC_MESSAGES/messages.po.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup

from reports.i18n import check_language
from reports.paper import csv_cell, environment, html_to_pdf, stylesheet
from reports.scorecard import localized_summary
from reports.texts import STATIC_DIR, ladder
from safehaven.catalogue import AREAS, Catalogue
from safehaven.files import write_atomic
from safehaven.models import Result
from safehaven.score import GRADE_LETTERS, grade_of

# A level as a colour: 0 red ... top level green (the scorecard's grade colours, E to A).
LEVEL_COLOURS = ("#d7262b", "#ef8a1a", "#f0c000", "#9cc23f", "#5fae3c", "#0b8a45")
GAP_STATUSES = ("fail", "partial")
MAX_GAPS = 8
GAPS_PER_PLATFORM = 4
CSV_COLUMNS = ("rank", "platform", "url", "grade", "provisional", "score", "coverage", *AREAS, "previous_grade",
               "previous_score", "score_change", "run", "audited", "scorecard", "previous_run")


@dataclass
class AreaCell:
    area: str
    level: int
    max_level: int
    score: float | None
    colour: str
    change: int | None = None  # level change since the previous run
    assessed: bool = True  # False: the check the level rests on was not assessed, so no level is shown

    @property
    def score_grade(self) -> str:
        return grade_of(self.score)


@dataclass
class PlatformGap:
    check: str
    title: str
    status: str
    summary: str


@dataclass
class PlatformEntry:
    """One platform's latest complete run, and how it changed since the one before."""

    rank: int
    name: str
    url: str
    run_id: str
    started_at: str
    grade: str
    overall: float | None
    provisional: bool
    coverage: float
    cells: list[AreaCell]
    scorecard: str  # where its scorecard is (a file URI), "" when not rendered
    folder: str
    gaps: list[PlatformGap] = field(default_factory=list)
    previous_run: str | None = None
    previous_started_at: str | None = None
    previous_grade: str | None = None
    previous_overall: float | None = None
    fixed: list[str] = field(default_factory=list)
    regressed: list[str] = field(default_factory=list)

    @property
    def change(self) -> float | None:
        if self.previous_overall is None or self.overall is None:
            return None
        return self.overall - self.previous_overall

    @property
    def slug(self) -> str:
        return "p-" + "".join(c if c.isalnum() else "-" for c in self.run_id)


@dataclass
class SharedGap:
    """A check that many platforms fail: "9 of 12 have no report control on ads"."""

    check: str
    area: str
    area_name: str
    title: str
    fail: int
    partial: int
    total: int
    platforms: list[str]


@dataclass
class Portfolio:
    lang: str
    generated_at: str
    entries: list[PlatformEntry]
    areas: list[tuple[str, str, int]]  # id, name, max level
    grade_counts: list[tuple[str, int]]
    gaps: list[SharedGap]
    with_previous: int

    @property
    def total(self) -> int:
        return len(self.entries)


@dataclass
class PortfolioRun:
    """What the portfolio needs of one platform: its latest complete run, and the one before (if any)."""

    result: Result
    folder: Path | None = None
    previous: Result | None = None



# --------------------------------------------------------------------------- building


UNASSESSED_COLOUR = "#c9ced6"  # grey: no level is stated for an area the audit could not look at


def level_colour(level: int, max_level: int) -> str:
    if max_level <= 0:
        return LEVEL_COLOURS[0]
    return LEVEL_COLOURS[round(level / max_level * (len(LEVEL_COLOURS) - 1))]


def build_portfolio(runs: list[PortfolioRun], lang: str = "en", now: datetime | None = None, *,
                    catalogue: Catalogue) -> Portfolio:
    """Rank the platforms (score, then grade, then name) and gather what they share."""
    check_language(lang)
    meta = catalogue.areas
    max_levels = {a: ladder(a, lang).max_level for a in AREAS}
    area_list = [(a, meta[a].name(lang) if a in meta else a, max_levels[a]) for a in AREAS]
    ordered = sorted(runs, key=lambda r: (-(r.result.score.overall if r.result.score.overall is not None else -1),
                                          r.result.platform.name.lower()))
    entries = [_entry(n, r, lang, max_levels, catalogue) for n, r in enumerate(ordered, start=1)]
    counts = {g: 0 for g in GRADE_LETTERS}
    for e in entries:
        counts[e.grade] = counts.get(e.grade, 0) + 1
    return Portfolio(lang=lang, generated_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
                     entries=entries, areas=area_list, grade_counts=list(counts.items()),
                     gaps=shared_gaps([r.result for r in ordered], lang, catalogue=catalogue),
                     with_previous=sum(1 for e in entries if e.previous_run))


def _entry(rank: int, run: PortfolioRun, lang: str, max_levels: dict[str, int], catalogue: Catalogue) -> PlatformEntry:
    r = run.result
    s = r.score
    prev = run.previous
    cells = []
    for a in AREAS:
        area = s.areas.get(a)
        level = area.level if area else 0
        assessed = bool(area and area.assessed)
        was = prev.score.areas.get(a) if prev else None
        before = was.level if was is not None and was.assessed else None
        change = None if before is None or not assessed else level - before
        colour = level_colour(level, max_levels[a]) if assessed else UNASSESSED_COLOUR
        cells.append(AreaCell(a, level, max_levels[a], area.score if area else None, colour, change, assessed))
    pdf = run.folder / "scorecard.pdf" if run.folder else None
    entry = PlatformEntry(rank=rank, name=r.platform.name, url=r.platform.url, run_id=r.run.id,
                          started_at=r.run.started_at, grade=s.grade, overall=s.overall, provisional=s.provisional,
                          coverage=s.coverage, cells=cells, scorecard=pdf.resolve().as_uri() if pdf and pdf.is_file() else "",
                          folder=str(run.folder or ""))
    titles = catalogue
    worst = sorted((f for f in r.findings if f.status in GAP_STATUSES),
                   key=lambda f: (GAP_STATUSES.index(f.status), AREAS.index(f.area) if f.area in AREAS else 9, f.check))
    entry.gaps = [PlatformGap(f.check, titles[f.check].text("title", lang) if f.check in titles else f.check, f.status,
                              localized_summary(f, lang)) for f in worst[:GAPS_PER_PLATFORM]]
    if prev:
        entry.previous_run, entry.previous_started_at = prev.run.id, prev.run.started_at
        entry.previous_grade, entry.previous_overall = prev.score.grade, prev.score.overall
        before = {f.check: f.status for f in prev.findings}
        for f in r.findings:
            was = before.get(f.check)
            if was in GAP_STATUSES and f.status == "pass":
                entry.fixed.append(f.check)
            elif was == "pass" and f.status in GAP_STATUSES:
                entry.regressed.append(f.check)
    return entry


def shared_gaps(results: list[Result], lang: str, limit: int = MAX_GAPS, *, catalogue: Catalogue) -> list[SharedGap]:
    """The checks most platforms fail (then partly meet), most shared first; at least two platforms."""
    titles = catalogue
    meta = catalogue.areas
    total = len(results)
    tally: dict[str, SharedGap] = {}
    for r in results:
        for f in r.findings:
            if f.status not in GAP_STATUSES:
                continue
            m = titles.get(f.check)
            gap = tally.setdefault(f.check, SharedGap(
                check=f.check, area=f.area, area_name=meta[f.area].name(lang) if f.area in meta else f.area,
                title=m.text("title", lang) if m else f.check, fail=0, partial=0, total=total, platforms=[]))
            if f.status == "fail":
                gap.fail += 1
            else:
                gap.partial += 1
            gap.platforms.append(r.platform.name)
    ranked = sorted(tally.values(), key=lambda g: (-(g.fail + g.partial), -g.fail, g.check))
    return [g for g in ranked if g.fail + g.partial >= min(2, total)][:limit]


# --------------------------------------------------------------------------- rendering


def render_portfolio(runs: list[PortfolioRun], out: Path, *, catalogue: Catalogue, fmt: str = "pdf",
                     lang: str = "en", now: datetime | None = None) -> Path:
    """Write the portfolio of `runs` to `out` as pdf, html or csv; returns `out`."""
    if fmt not in ("pdf", "html", "csv"):
        raise ValueError(f"unknown portfolio format {fmt!r}; choose pdf, html or csv")
    portfolio = build_portfolio(runs, lang, now, catalogue=catalogue)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        write_atomic(out, portfolio_csv(portfolio).encode("utf-8-sig"))
        return out
    html = portfolio_html(portfolio)
    if fmt == "html":
        write_atomic(out, html.encode("utf-8"))
    else:
        write_atomic(out, html_to_pdf(html, out.parent))
    return out


def portfolio_html(portfolio: Portfolio) -> str:
    env = environment(portfolio.lang)
    env.globals.setdefault("level_colours", LEVEL_COLOURS)
    css = stylesheet() + Markup((STATIC_DIR / "portfolio.css").read_text("utf-8"))
    return env.get_template("portfolio.html.j2").render(p=portfolio, lang=portfolio.lang, css=css)



def portfolio_csv(portfolio: Portfolio) -> str:
    """One row per platform, ranked; area columns hold levels."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in portfolio.entries:
        row = [str(e.rank), csv_cell(e.name), csv_cell(e.url), e.grade, str(e.provisional).lower(),
               "" if e.overall is None else f"{e.overall:.1f}", f"{e.coverage:.2f}",
               *[str(c.level) if c.assessed else "not assessed" for c in e.cells], e.previous_grade or "",
               "" if e.previous_overall is None else f"{e.previous_overall:.1f}",
               "" if e.change is None else f"{e.change:+.1f}", e.run_id, e.started_at, e.scorecard,
               e.previous_run or ""]
        writer.writerow(row)  # our own figures as they are ("+2.5"); the site's words neutralised above
    return buffer.getvalue()
