"""The scorecard never states what was not seen: an area whose checks could not be assessed says so and
why, instead of printing level 0 and a gap as facts; a score and a level that seem to disagree are explained."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader

from checks import catalogue
from reports.render import render_html, render_report
from safehaven.bundle import Bundle
from safehaven.diff import diff_results
from safehaven.models import PageSummary, Result, RunInfo
from toolkit.evaluate import evaluate, score

from .bundles import link, make_bundle, page

FORUM = "https://forum.test/"


def _forum_without_items(tmp_path: Path) -> Result:
    """A forum whose crawl found a start page and a privacy page, but no topic (item) page at all."""
    footer = [link("Privacy", "/privacy", region="footer"), link("Contact", "mailto:team@forum.test", region="footer")]
    run_dir = make_bundle(tmp_path, url=FORUM, adult=False, pages=[
        page(FORUM, role="start", text="Welcome to the forum. Board index.", elements=footer),
        page(FORUM + "privacy", role="policy", text="Privacy policy. We keep your posts as long as needed.",
             elements=footer),
    ])
    findings = evaluate(Bundle(run_dir))
    run = RunInfo(id="r1", started_at="2026-11-30T10:00:00+00:00", tool_version="0.1.0")
    return Result(platform=Bundle(run_dir).platform, run=run, score=score(findings), findings=findings,
                  pages=[PageSummary(url=FORUM, role="start", status=200)])


def _summary_rows(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "lxml")
    rows = {}
    for tr in soup.select("table.areas-table tbody tr"):
        cells = tr.find_all("td")
        rows[cells[0].get_text(" ", strip=True).split(" weight")[0].split(" gewicht")[0]] = " ".join(
            c.get_text(" ", strip=True) for c in cells[1:])
    return rows


def test_area_without_item_pages_is_not_assessed_not_level_zero(tmp_path: Path) -> None:
    result = _forum_without_items(tmp_path)
    report = result.score.areas["REPORT"]
    assert not report.assessed and "REPORT-01" in report.unassessed
    html = render_html(result, tmp_path, lang="en", catalogue=catalogue())
    rows = _summary_rows(html)
    reporting = next(v for k, v in rows.items() if k.startswith("Report"))
    assert "Not assessed" in reporting and "No item pages" in reporting
    assert "0/5" not in reporting  # no level stated for an area nobody could look at
    soup = BeautifulSoup(html, "lxml")
    gaps = soup.select_one("ol.gaps")
    assert gaps is None or "REPORT-01" not in gaps.get_text()
    area_page = soup.select_one("#area-REPORT").get_text(" ", strip=True)
    assert "Not assessed" in area_page and "current level" not in area_page
    # the cover's area list says the same as page 2: no "level 0/5" (or any level) for it
    cover = {row.select_one(".ca-name").get_text(strip=True): row.get_text(" ", strip=True)
             for row in soup.select(".cover-area") if "ca-head" not in row.get("class", [])}
    assert "not assessed" in cover["Reporting"] and "/5" not in cover["Reporting"]
    assert "level" in next(v for k, v in cover.items() if k.startswith("Terms"))


def test_not_assessed_area_in_dutch(tmp_path: Path) -> None:
    html = render_html(_forum_without_items(tmp_path), tmp_path, lang="nl", catalogue=catalogue())
    rows = _summary_rows(html)
    melden = next(v for k, v in rows.items() if k.startswith("Meld"))
    assert "Niet beoordeeld" in melden and "0/5" not in melden


def test_assessed_area_keeps_its_level(tmp_path: Path) -> None:
    result = _forum_without_items(tmp_path)
    evidence = result.score.areas["EVIDENCE"]
    assert evidence.assessed
    rows = _summary_rows(render_html(result, tmp_path, lang="en", catalogue=catalogue()))
    assert f"{evidence.level}/4" in next(v for k, v in rows.items() if k.startswith("Evidence"))


def test_a_score_of_zero_beside_a_level_above_zero_is_explained(tmp_path: Path) -> None:
    result = _forum_without_items(tmp_path)
    area = result.score.areas["EVIDENCE"]
    area.score, area.level, area.scored = 0.0, 1, 4
    rows = _summary_rows(render_html(result, tmp_path, lang="en", catalogue=catalogue()))
    assert "0 of 4 assessed checks met" in next(v for k, v in rows.items() if k.startswith("Evidence"))


def test_diff_does_not_call_an_unassessed_level_a_change(tmp_path: Path) -> None:
    before = _forum_without_items(tmp_path / "a")
    after = before.model_copy(deep=True)
    after.score.areas["REPORT"].assessed, after.score.areas["REPORT"].level = True, 3
    report = next(a for a in diff_results(before, after).areas if a.area == "REPORT")
    assert report.level_before is None and report.level_after == 3


def test_summary_with_many_strengths_and_long_gaps_stays_on_one_page(tmp_path: Path) -> None:
    """The summary is one page to put on the table: three long gaps and many passes must not spill over."""
    result = _forum_without_items(tmp_path)
    long_words = "Geen enkele pagina van het platform legt uit hoe meldingen worden afgehandeld, " * 4
    findings = []
    for n, f in enumerate(result.findings):
        status = "fail" if n < 3 else "pass"
        findings.append(f.model_copy(update={"status": status, "score": 0.0 if status == "fail" else 1.0,
                                             "summary": long_words, "summaries": {"nl": long_words}}))
    result = result.model_copy(update={"findings": findings, "score": score(findings)})
    pdf = PdfReader(render_report(result, tmp_path, tmp_path / "card.pdf", catalogue=catalogue(), fmt="pdf", lang="nl"))
    summary_page = next(p.extract_text() for p in pdf.pages if "Samenvatting" in p.extract_text())
    assert "Wat al goed is" in summary_page
    assert "controles die voldoen" in summary_page  # the "and N more" note on the same page, not the next
