"""The portfolio: built from hand-made results and stored runs, no browser."""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from checks import catalogue
from reports.portfolio import (
    PortfolioRun,
    build_portfolio,
    portfolio_csv,
    portfolio_html,
    render_portfolio,
)
from safehaven.models import Finding, PlatformSpec, Result, RunInfo
from toolkit.cli import app
from toolkit.evaluate import score
from toolkit.store import Store, latest_runs

HOSTILE = '<script>alert(1)</script>Evil & "Co"'
SCORES = {"pass": 1.0, "partial": 0.5, "fail": 0.0}


def result(name: str, *, fails: set[str] = frozenset(), partials: set[str] = frozenset(), run_id: str = "",
           started: str = "2026-03-12T10:00:00+00:00") -> Result:
    """A result with every catalogue check: the named ones fail or partly pass, the rest pass."""
    findings = []
    for cid, meta in catalogue().items():
        status = "fail" if cid in fails else "partial" if cid in partials else "pass"
        findings.append(Finding(check=cid, area=meta.area, status=status, score=SCORES[status],
                                summary=f"{cid} is {status} on {name}", summaries={"nl": f"{cid} is {status} (nl)"}))
    return Result(platform=PlatformSpec(name=name, url=f"https://{len(name)}.example/"),
                  run=RunInfo(id=run_id or f"run-{len(name)}-{started[:10]}", started_at=started, tool_version="t"),
                  score=score(findings), findings=findings)


@pytest.fixture(scope="module")
def runs() -> list[PortfolioRun]:
    good = result("Goodsite", partials={"HELP-01"})
    before = result("Middling", fails={"REPORT-01", "AGE-02", "EVIDENCE-03"}, started="2025-11-01T10:00:00+00:00")
    middling = result("Middling", fails={"AGE-02", "EVIDENCE-03"}, partials={"CONTACT-01"})
    bad = result(HOSTILE, fails={"REPORT-01", "AGE-02", "EVIDENCE-03", "AGE-01"})
    return [PortfolioRun(bad), PortfolioRun(good), PortfolioRun(middling, previous=before)]


def test_platforms_are_ranked_by_score_and_grades_counted(runs):
    p = build_portfolio(runs, "en", catalogue=catalogue())
    assert [e.name for e in p.entries] == ["Goodsite", "Middling", HOSTILE]
    assert [e.rank for e in p.entries] == [1, 2, 3]
    assert sum(c for _, c in p.grade_counts) == 3
    assert dict(p.grade_counts)[p.entries[0].grade] >= 1
    scores = [e.overall for e in p.entries]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_shared_gaps_count_platforms_most_shared_first(runs):
    gaps = build_portfolio(runs, "en", catalogue=catalogue()).gaps
    first = gaps[0]
    assert (first.check, first.fail, first.partial, first.total) in {("AGE-02", 2, 0, 3), ("EVIDENCE-03", 2, 0, 3)}
    assert {g.check for g in gaps[:2]} == {"AGE-02", "EVIDENCE-03"}
    assert all(g.fail + g.partial >= 2 for g in gaps)  # a gap of one platform is not "shared"
    assert "REPORT-01" not in {g.check for g in gaps}  # only the hostile one fails it now
    assert first.title == catalogue()[first.check].text("title", "en")


def test_change_since_the_previous_run_per_platform(runs):
    p = build_portfolio(runs, "en", catalogue=catalogue())
    middling = next(e for e in p.entries if e.name == "Middling")
    assert middling.previous_run and middling.change > 0
    assert middling.fixed == ["REPORT-01"] and middling.regressed == ["CONTACT-01"]  # pass -> partial
    report = next(c for c in middling.cells if c.area == "REPORT")
    assert report.change is None or report.change >= 0
    assert p.with_previous == 1
    assert next(e for e in p.entries if e.name == "Goodsite").previous_run is None


def test_html_escapes_platform_text_and_speaks_dutch(runs):
    en = portfolio_html(build_portfolio(runs, "en", catalogue=catalogue()))
    assert "<script>alert(1)" not in en and "&lt;script&gt;alert(1)" in en
    assert "Levels per area" in en and "2 of 3" in en
    nl = portfolio_html(build_portfolio(runs, "nl", catalogue=catalogue()))
    assert "Niveaus per onderdeel" in nl and "2 van 3" in nl and "Sinds de vorige inventarisatie" in nl
    assert "Levels per area" not in nl


def test_csv_has_one_ranked_row_per_platform_with_levels_and_change(runs):
    rows = list(csv.DictReader(io.StringIO(portfolio_csv(build_portfolio(runs, "en", catalogue=catalogue())).lstrip("\ufeff"))))
    assert [r["platform"] for r in rows] == ["Goodsite", "Middling", HOSTILE]
    assert rows[1]["previous_grade"] and rows[1]["score_change"].startswith("+")
    assert all(r["REPORT"].isdigit() for r in rows)


def test_pdf_has_the_overview_pages_and_one_page_per_platform(runs, tmp_path):
    out = render_portfolio(runs, tmp_path / "p.pdf", fmt="pdf", lang="en", catalogue=catalogue())
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 4 + len(runs)
    assert "3 platforms mapped" in text and "Gaps shared by many platforms" in text
    for name in ("Goodsite", "Middling"):
        assert name in text


def test_latest_complete_run_per_platform_from_the_store(tmp_path):
    store = Store(tmp_path / "home")

    def stored(res: Result, status: str = "complete") -> None:
        row = store.begin_run(res.platform.name, res.platform.url)
        res = res.model_copy(update={"run": res.run.model_copy(update={"id": row.id})})
        if status == "complete":
            (row.folder / "result.json").write_text(res.to_json(), "utf-8")
        store.finish_run(row.id, status, result=res if status == "complete" else None)

    stored(result("Alpha", fails={"REPORT-01"}))
    stored(result("Alpha"))
    stored(result("Alpha"), status="failed")  # the latest, but not complete: not in the map
    stored(result("Beta", fails={"AGE-01"}))
    runs, missing = latest_runs(store)
    by_name = {r.result.platform.name: r for r in runs}
    assert set(by_name) == {"Alpha", "Beta"} and missing == []
    assert by_name["Alpha"].previous is not None
    assert by_name["Alpha"].previous.score.overall < by_name["Alpha"].result.score.overall
    assert by_name["Beta"].previous is None
    chosen, missing = latest_runs(store, ["beta", "Gamma"])
    assert [r.result.platform.name for r in chosen] == ["Beta"] and missing == ["Gamma"]

    cli = CliRunner()
    res = cli.invoke(app, ["portfolio", "Gamma", "--store", str(store.home)])
    assert res.exit_code == 2 and "Gamma" in res.output
    res = cli.invoke(app, ["portfolio", "--format", "csv", "--store", str(store.home), "-o", str(tmp_path / "p.csv")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "p.csv").read_text("utf-8-sig").count("\n") == 3

    # A mapping sharded over jobs: each job its own store; the portfolio reads them together.
    store = Store(tmp_path / "shard2")
    stored(result("Gamma"))
    res = cli.invoke(app, ["portfolio", "--format", "csv", "--store", str(tmp_path / "home"), "--also-store",
                           str(store.home), "-o", str(tmp_path / "all.csv")])
    assert res.exit_code == 0, res.output
    names = [r["platform"] for r in csv.DictReader(io.StringIO((tmp_path / "all.csv").read_text("utf-8-sig")))]
    assert sorted(names) == ["Alpha", "Beta", "Gamma"]


def test_an_area_that_was_not_assessed_shows_no_level_and_no_change():
    forum = result("Forum")
    for f in forum.findings:
        if f.check in ("REPORT-01", "REPORT-02", "REPORT-03", "REPORT-04", "REPORT-05"):
            f.status, f.score = "not_assessed", None
    forum.score = score(forum.findings)
    earlier = result("Forum", fails={"REPORT-01"}, started="2025-11-01T10:00:00+00:00")
    p = build_portfolio([PortfolioRun(forum, previous=earlier)], "en", catalogue=catalogue())
    cell = next(c for c in p.entries[0].cells if c.area == "REPORT")
    assert not cell.assessed and cell.change is None
    html = portfolio_html(p)
    assert "not assessed" in html
    rows = list(csv.DictReader(io.StringIO(portfolio_csv(p).lstrip("\ufeff"))))
    assert rows[0]["REPORT"] == "not assessed"
