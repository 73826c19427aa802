"""report: a stored result as a scorecard (PDF or self-contained HTML), a findings CSV, or result JSON.

Rendering reads only the result and the evidence files in its run folder, so a run can be reported
again, in another language, without auditing again. Everything the audited site produced is escaped
by the templates (autoescape on), embedded images are our own re-encoded crops, and WeasyPrint gets a
fetcher that loads nothing from outside the run folder and the package's static folder.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reports.changes import compare
from reports.evidence import ScreenshotCropper
from reports.i18n import check_language
from reports.paper import csv_cell, environment, html_to_pdf, stylesheet
from reports.scorecard import build_scorecard, localized_summary, ordered_findings
from safehaven.catalogue import Catalogue
from safehaven.files import write_atomic
from safehaven.models import Result

FORMATS = ("pdf", "html", "csv", "json")
# New columns go at the end: spreadsheets and scripts read these by position as well as by name.
CSV_COLUMNS = ("check", "area", "status", "score", "basis", "summary", "evidence_url", "quotes", "level", "title",
               "judged_by", "machine_status")


def render_report(result: Result, run_dir: Path, out: Path, *, catalogue: Catalogue, fmt: str = "pdf",
                  lang: str = "en", baseline: Result | None = None, baseline_dir: Path | None = None) -> Path:
    """Write the scorecard of `result` to `out` as pdf, html, csv or json (= result.to_json()); returns `out`.

    `catalogue` gives each check's title, criterion, why and fix (the pipeline passes `checks.catalogue()`).

    `baseline` adds a "Since the last audit" section; its screenshots are shown side by side when its
    run folder is found (`baseline_dir`, or a sibling folder named after the baseline's run id).
    """
    check_language(lang)
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    run_dir, out = Path(run_dir), Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        write_atomic(out, result.to_json().encode("utf-8"))
    elif fmt == "csv":
        write_atomic(out, findings_csv(result, lang, catalogue=catalogue).encode("utf-8-sig"))
    elif fmt == "html":
        html = render_html(result, run_dir, catalogue=catalogue, lang=lang, baseline=baseline,
                           baseline_dir=baseline_dir)
        write_atomic(out, html.encode("utf-8"))
    else:
        html = render_html(result, run_dir, catalogue=catalogue, lang=lang, baseline=baseline,
                           baseline_dir=baseline_dir)
        write_atomic(out, html_to_pdf(html, run_dir))
    return out


def render_html(result: Result, run_dir: Path, *, catalogue: Catalogue, lang: str = "en",
                baseline: Result | None = None, baseline_dir: Path | None = None) -> str:
    """The scorecard as one self-contained HTML document (inline CSS, data-URI images, no scripts)."""
    check_language(lang)
    run_dir = Path(run_dir)
    card = build_scorecard(result, run_dir, lang, catalogue=catalogue, cropper=ScreenshotCropper(run_dir))
    if baseline is not None:
        card.changes = compare(result, baseline, lang, run_dir, baseline_dir or _sibling_run(run_dir, baseline),
                               catalogue=catalogue)
    template = environment(lang).get_template("scorecard.html.j2")
    return template.render(card=card, result=result, lang=lang, css=stylesheet())



def findings_csv(result: Result, lang: str = "en", *, catalogue: Catalogue) -> str:
    """One row per finding: check, area, status, score, basis, summary, first evidence URL, quotes, ...

    `judged_by` names the auditor whose judgement the status is (empty for the machine's verdict, also
    when a judgement is flagged for review); `machine_status` is what the machine said when an auditor
    judged the check. The auditor's manual findings follow the catalogue's, with an empty score: they
    are not counted in the score.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for f in ordered_findings(result.findings, catalogue):
        meta = catalogue.get(f.check)
        first_url = next((e.url for e in f.evidence if e.url), "")
        quotes = " | ".join(f"\u201c{q.text}\u201d ({q.url})" for q in f.quotes)
        judged_by = f.review.reviewer if f.review and f.review.applied else ""
        row = (f.check, f.area, f.status, "" if f.score is None else f"{f.score:g}", f.basis,
               localized_summary(f, lang), first_url, quotes, "" if f.level is None else str(f.level),
               meta.text("title", lang) if meta else "", judged_by, f.review.machine_status if f.review else "")
        writer.writerow([csv_cell(v) for v in row])
    for f in ordered_findings(result.manual, catalogue):
        first_url = next((e.url for e in f.evidence if e.url), "")
        quotes = " | ".join(f"\u201c{q.text}\u201d ({q.url})" for q in f.quotes)
        row = (f.check, f.area, f.status, "", f.basis, localized_summary(f, lang), first_url, quotes,
               "" if f.level is None else str(f.level), f.auditor.title if f.auditor else "",
               f.auditor.reviewer if f.auditor else "", "")
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue()


# --------------------------------------------------------------------------- helpers



def _sibling_run(run_dir: Path, baseline: Result) -> Path | None:
    """The baseline's run folder when runs sit side by side (runs/<platform>/<run id>), else None."""
    candidate = run_dir.resolve().parent / baseline.run.id
    return candidate if baseline.run.id and candidate.is_dir() and (candidate / "result.json").is_file() else None


