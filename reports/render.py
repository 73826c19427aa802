"""report: a stored result as a scorecard (PDF or self-contained HTML), a findings CSV, or result JSON.

Rendering reads only the result and the evidence files in its run folder, so a run can be reported
again, in another language, without auditing again. Everything the audited site produced is escaped
by the templates (autoescape on), embedded images are our own re-encoded crops, and WeasyPrint gets a
fetcher that loads nothing from outside the run folder and the package's static folder.
"""

from __future__ import annotations

import csv
import io
import os
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from reports.changes import compare
from reports.evidence import ScreenshotCropper
from reports.fetcher import RunFolderFetcher
from reports.i18n import (
    check_language,
    duration_minutes,
    format_day,
    format_moment,
    format_number,
    format_share,
    translations,
)
from reports.scorecard import GRADE_FLOORS, build_scorecard, localized_summary, ordered_findings
from reports.texts import STATIC_DIR
from safehaven.models import Result

TEMPLATES_DIR = Path(__file__).with_name("templates")
FORMATS = ("pdf", "html", "csv", "json")
# New columns go at the end: spreadsheets and scripts read these by position as well as by name.
CSV_COLUMNS = ("check", "area", "status", "score", "basis", "summary", "evidence_url", "quotes", "level", "title",
               "judged_by", "machine_status")
GRADE_COLOURS = {"A": "#0b8a45", "B": "#5fae3c", "C": "#f0c000", "D": "#ef8a1a", "E": "#d7262b"}


def render_report(result: Result, run_dir: Path, out: Path, *, fmt: str = "pdf", lang: str = "en",
                  baseline: Result | None = None, baseline_dir: Path | None = None) -> Path:
    """Write the scorecard of `result` to `out` as pdf, html, csv or json (= result.to_json()); returns `out`.

    `baseline` adds a "Since the last audit" section; its screenshots are shown side by side when its
    run folder is found (`baseline_dir`, or a sibling folder named after the baseline's run id).
    """
    check_language(lang)
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    run_dir, out = Path(run_dir), Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        _write_atomic(out, result.to_json().encode("utf-8"))
    elif fmt == "csv":
        _write_atomic(out, findings_csv(result, lang).encode("utf-8-sig"))
    elif fmt == "html":
        html = render_html(result, run_dir, lang=lang, baseline=baseline, baseline_dir=baseline_dir)
        _write_atomic(out, html.encode("utf-8"))
    else:
        html = render_html(result, run_dir, lang=lang, baseline=baseline, baseline_dir=baseline_dir)
        _write_atomic(out, html_to_pdf(html, run_dir))
    return out


def render_html(result: Result, run_dir: Path, *, lang: str = "en", baseline: Result | None = None,
                baseline_dir: Path | None = None) -> str:
    """The scorecard as one self-contained HTML document (inline CSS, data-URI images, no scripts)."""
    check_language(lang)
    run_dir = Path(run_dir)
    card = build_scorecard(result, run_dir, lang, cropper=ScreenshotCropper(run_dir))
    if baseline is not None:
        card.changes = compare(result, baseline, lang, run_dir, baseline_dir or _sibling_run(run_dir, baseline))
    template = _environment(lang).get_template("scorecard.html.j2")
    return template.render(card=card, result=result, lang=lang, css=_stylesheet())


def html_to_pdf(html: str, run_dir: Path, fetcher: RunFolderFetcher | None = None) -> bytes:
    """Lay out scorecard HTML as PDF with WeasyPrint, loading resources only through a confined fetcher."""
    from weasyprint import HTML  # imported here: WeasyPrint is slow to import and only PDF needs it

    run_dir = Path(run_dir).resolve()
    fetcher = fetcher or RunFolderFetcher(run_dir)
    document = HTML(string=html, base_url=run_dir.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf()


def findings_csv(result: Result, lang: str = "en") -> str:
    """One row per finding: check, area, status, score, basis, summary, first evidence URL, quotes, ...

    `judged_by` names the auditor whose judgement the status is (empty for the machine's verdict, also
    when a judgement is flagged for review); `machine_status` is what the machine said when an auditor
    judged the check. The auditor's manual findings follow the catalogue's, with an empty score: they
    are not counted in the score.
    """
    from checks.base import catalogue

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in ordered_findings(result.findings):
        meta = catalogue().get(f.check)
        first_url = next((e.url for e in f.evidence if e.url), "")
        quotes = " | ".join(f"\u201c{q.text}\u201d ({q.url})" for q in f.quotes)
        judged_by = f.review.reviewer if f.review and f.review.applied else ""
        row = (f.check, f.area, f.status, "" if f.score is None else f"{f.score:g}", f.basis,
               localized_summary(f, lang), first_url, quotes, "" if f.level is None else str(f.level),
               meta.text("title", lang) if meta else "", judged_by, f.review.machine_status if f.review else "")
        writer.writerow([_cell(v) for v in row])
    for f in ordered_findings(result.manual):
        first_url = next((e.url for e in f.evidence if e.url), "")
        quotes = " | ".join(f"\u201c{q.text}\u201d ({q.url})" for q in f.quotes)
        row = (f.check, f.area, f.status, "", f.basis, localized_summary(f, lang), first_url, quotes,
               "" if f.level is None else str(f.level), f.auditor.title if f.auditor else "",
               f.auditor.reviewer if f.auditor else "", "")
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


# --------------------------------------------------------------------------- helpers


def _cell(value: str) -> str:
    """Neutralise spreadsheet formulas: page text starting with = + - @ would otherwise run in Excel."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _sibling_run(run_dir: Path, baseline: Result) -> Path | None:
    """The baseline's run folder when runs sit side by side (runs/<platform>/<run id>), else None."""
    candidate = run_dir.resolve().parent / baseline.run.id
    return candidate if baseline.run.id and candidate.is_dir() and (candidate / "result.json").is_file() else None


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


@cache
def _stylesheet() -> Markup:
    return Markup((STATIC_DIR / "scorecard.css").read_text("utf-8"))


@cache
def _environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        moment=lambda v: format_moment(v, lang),
        day=lambda v: format_day(v, lang),
        num=lambda v, digits=0: format_number(v, lang, digits),
        share=lambda v: format_share(v, lang),
    )
    env.globals.update(
        grade_colours=GRADE_COLOURS,
        grade_floors=GRADE_FLOORS,
        duration_minutes=duration_minutes,
    )
    return env
