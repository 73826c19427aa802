"""The scorecard with auditor judgement (applied and flagged overrides, manual findings) and the
"since the last audit" section built on toolkit.diff.

The reviews are made by toolkit.review itself (apply_review, manual_findings), so a change in how it
words a flag or fills a Review shows up here, not only in the review module's own tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import socket
from pathlib import Path

import pytest
from pypdf import PdfReader

from checks import catalogue
from reports.changes import compare
from reports.render import findings_csv, render_html, render_report
from reports.scorecard import review_view
from safehaven.diff import diff_results
from safehaven.models import Finding, Result, Review
from toolkit.review import ManualFinding, Override, ReviewFile, apply_review, manual_findings

from .test_reports import HOSTILE, build_result, flat

TODAY = dt.date(2026, 3, 12)
REASON = "The moderation lead showed the handling procedure: receipt mail, 24 h, appeal form."
REVIEW = ReviewFile(
    override=[
        # applied: the machine still says partial, the auditor judged pass
        Override(check="REPORT-06", status="pass", machine_status="partial", reason=REASON,
                 reviewer="A. de Vries", date=dt.date(2026, 3, 10), expires=dt.date(2026, 9, 10)),
        # flagged: the machine said partial when judged, now it says fail
        Override(check="CONTACT-04", status="pass", machine_status="partial",
                 reason="Block and mute shown in the member app.", reviewer="B. Jansen", date=dt.date(2026, 1, 5)),
        # flagged: expired
        Override(check="EVIDENCE-03", status="pass", machine_status="partial", reason="Legal hold procedure seen.",
                 reviewer="A. de Vries", date=dt.date(2025, 8, 1), expires=dt.date(2026, 2, 1)),
    ],
    manual=[
        ManualFinding(id="MANUAL-01", area="REPORT", title="Reports are handled within 24 hours", status="pass",
                      summary="Test reports sent with the platform's consent were handled in 3 to 19 hours.",
                      reviewer="A. de Vries", date=dt.date(2026, 3, 11)),
        ManualFinding(id="MANUAL-02", area="CONTACT", title="Moderators cannot see message metadata", status="fail",
                      summary=HOSTILE, reviewer="B. Jansen", date=dt.date(2026, 3, 11),
                      reason="Interview with the head of trust and safety."),
    ],
)
BEFORE = {"REPORT-01": "fail", "CONTACT-02": "pass", "EVIDENCE-03": "partial", "REPORT-06": "partial",
          "AGE-04": "not_assessed", "HELP-01": "error", "CONTACT-04": "pass"}
AFTER = {"REPORT-01": "pass", "CONTACT-02": "fail", "EVIDENCE-03": "partial", "REPORT-06": "partial",
         "AGE-04": "pass", "HELP-01": "not_assessed", "CONTACT-04": "fail"}


def reviewed(result: Result) -> Result:
    findings = apply_review(result.findings, REVIEW, today=TODAY)
    return result.model_copy(update={"findings": findings, "manual": manual_findings(REVIEW)})


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result, Result]:
    """A baseline run-a and a reviewed run-b side by side in one runs folder."""
    root = tmp_path_factory.mktemp("runs")
    before = build_result(root / "run-a", run_id="run-a", started="2026-01-05T10:00:00+01:00", statuses=BEFORE)
    (root / "run-a" / "result.json").write_text(before.to_json(), "utf-8")
    after = reviewed(build_result(root / "run-b", run_id="run-b", statuses=AFTER))
    return root, before, after


@pytest.fixture(scope="module")
def pdfs(runs: tuple[Path, Result, Result], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The text of each page of the reviewed scorecard (with a baseline), in English and Dutch."""
    root, before, after = runs
    out = tmp_path_factory.mktemp("out")
    pages = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _no_network)
        for lang in ("en", "nl"):
            pdf = render_report(after, root / "run-b", out / f"scorecard.{lang}.pdf", lang=lang, baseline=before,
                                catalogue=catalogue())
            pages[lang] = [flat(p.extract_text()) for p in PdfReader(pdf).pages]
    return pages


def _no_network(*args: object, **kwargs: object) -> None:
    raise AssertionError("the scorecard tried to open a network connection")


def page_with(pages: list[str], *needles: str) -> str:
    """The first page that holds every needle (case as given)."""
    found = [p for p in pages if all(n in p for n in needles)]
    assert found, f"no page with all of {needles}"
    return found[0]


# --------------------------------------------------------------------------- the reviews themselves


def test_the_fixture_has_one_applied_and_two_flagged_judgements(runs: tuple[Path, Result, Result]) -> None:
    _, _, after = runs
    assert after.finding("REPORT-06").review.applied and after.finding("REPORT-06").basis == "auditor"
    assert not after.finding("CONTACT-04").review.applied and after.finding("CONTACT-04").status == "fail"
    assert not after.finding("EVIDENCE-03").review.applied and after.finding("EVIDENCE-03").status == "partial"


def test_every_flag_review_py_writes_is_understood(runs: tuple[Path, Result, Result]) -> None:
    """The scorecard words the flag in the report's language, so it must recognise review.py's reasons."""
    _, _, after = runs
    assert review_view(after.finding("CONTACT-04")).flag_kind == "changed"
    assert (review_view(after.finding("CONTACT-04")).flag_from, review_view(after.finding("CONTACT-04")).flag_to) \
        == ("partial", "fail")
    expired = review_view(after.finding("EVIDENCE-03"))
    assert (expired.flag_kind, expired.flag_date) == ("expired", "2026-02-01")


# --------------------------------------------------------------------------- check cards


def test_applied_judgement_in_english(pdfs: dict[str, list[str]]) -> None:
    page = page_with(pdfs["en"], REASON)
    assert "AUDITOR JUDGEMENT" in page.upper()
    assert "MACHINE VERDICT: PARTIAL" in page.upper()
    assert "Judged by A. de Vries on 10 March 2026" in page and "valid until 10 September 2026" in page


def test_applied_judgement_in_dutch(pdfs: dict[str, list[str]]) -> None:
    page = page_with(pdfs["nl"], REASON)
    assert "OORDEEL VAN DE AUDITOR" in page.upper()
    assert "OORDEEL VAN DE MACHINE: DEELS" in page.upper()
    assert "Beoordeeld door A. de Vries op 10 maart 2026" in page and "geldig tot 10 september 2026" in page
    assert "AUDITOR JUDGEMENT" not in page.upper() and "MACHINE VERDICT" not in page.upper()


def test_flagged_judgements_show_why_in_english(pdfs: dict[str, list[str]]) -> None:
    changed = page_with(pdfs["en"], "Block and mute shown in the member app.")
    assert "FLAGGED FOR REVIEW" in changed.upper()
    assert "the machine's verdict changed from “partial” to “fail” since the judgement" in changed
    assert "The machine's verdict stands" in changed
    expired = page_with(pdfs["en"], "Legal hold procedure seen.")
    assert "FLAGGED FOR REVIEW" in expired.upper()
    assert "the judgement expired on 1 February 2026" in expired


def test_flagged_judgements_show_why_in_dutch(pdfs: dict[str, list[str]]) -> None:
    changed = page_with(pdfs["nl"], "Block and mute shown in the member app.")
    assert "GEMARKEERD VOOR HERBEOORDELING" in changed.upper()
    assert "veranderd van ‘deels’ in ‘voldoet niet’" in changed
    expired = page_with(pdfs["nl"], "Legal hold procedure seen.")
    assert "het oordeel is op 1 februari 2026 verlopen" in expired


def test_a_flag_the_scorecard_does_not_know_is_printed_as_it_is(runs: tuple[Path, Result, Result]) -> None:
    root, _, after = runs
    odd = after.model_copy(deep=True)
    finding = odd.finding("CONTACT-04")
    finding.review = Review(status="pass", machine_status="fail", reason="x", reviewer="C", date="2026-01-01",
                            applied=False, flag="the platform was renamed")
    html = render_html(odd, root / "run-b", lang="nl", catalogue=catalogue())
    assert "the platform was renamed" in html


# --------------------------------------------------------------------------- summary and method


def test_summary_counts_judgements_flags_and_manual_findings(pdfs: dict[str, list[str]]) -> None:
    summary = page_with(pdfs["en"], "Summary", "receives grade")
    assert "1 auditor judgement: REPORT-06" in summary
    assert "judgements flagged for review: CONTACT-04, EVIDENCE-03" in summary
    assert "2 auditor findings (not counted in the score)" in summary
    dutch = page_with(pdfs["nl"], "Samenvatting")
    assert "1 oordeel van de auditor: REPORT-06" in dutch
    assert "oordelen gemarkeerd voor herbeoordeling: CONTACT-04, EVIDENCE-03" in dutch


def test_method_explains_auditor_judgement(pdfs: dict[str, list[str]]) -> None:
    assert "An auditor judgement is a verdict from the platform's review file" in " ".join(pdfs["en"])
    assert "Een oordeel van de auditor komt uit het beoordelingsbestand" in " ".join(pdfs["nl"])


def test_a_run_without_reviews_has_no_auditor_text(runs: tuple[Path, Result, Result], tmp_path: Path) -> None:
    plain = build_result(tmp_path / "plain", run_id="plain", statuses=AFTER)
    html = render_html(plain, tmp_path / "plain", lang="en", catalogue=catalogue())
    assert "An auditor judgement is" not in html and 'class="rv-chip' not in html and 'id="manual"' not in html
    assert "flagged for review" not in html.lower()


def test_judged_checks_are_tagged_among_the_strengths(runs: tuple[Path, Result, Result]) -> None:
    root, _, after = runs
    html = render_html(after, root / "run-b", lang="en", catalogue=catalogue())
    summary = html[html.index('id="summary"'):html.index('id="area-AGE"')]
    assert re.search(r"Handling of reports explained\s*<span class=\"rv-tag judged\">auditor judgement", summary)


# --------------------------------------------------------------------------- manual findings


def test_manual_findings_have_their_own_section_before_coverage(pdfs: dict[str, list[str]]) -> None:
    pages = pdfs["en"]
    at = next(n for n, p in enumerate(pages) if "Auditor findings An auditor added these findings" in p)
    coverage = next(n for n, p in enumerate(pages) if "What could not be assessed" in p)
    assert at < coverage
    section = pages[at]
    assert "MANUAL-01" in section and "Reports are handled within 24 hours" in section
    assert "Test reports sent with the platform's consent were handled in 3 to 19 hours." in section
    assert "Judged by A. de Vries on 11 March 2026" in section
    assert section.upper().count("NOT COUNTED IN THE SCORE") >= 2
    assert "<script>alert(1)</script>" in section  # page text as text, never as markup
    dutch = page_with(pdfs["nl"], "Bevindingen van de auditor", "MANUAL-02")
    assert "TELT NIET MEE IN DE SCORE" in dutch.upper() and "Beoordeeld door B. Jansen op 11 maart 2026" in dutch


def test_manual_finding_text_is_escaped_and_the_section_only_shows_when_there_are_any(
        runs: tuple[Path, Result, Result]) -> None:
    root, _, after = runs
    html = render_html(after, root / "run-b", lang="en", catalogue=catalogue())
    assert 'id="manual"' in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert html.index('id="manual"') < html.index('id="coverage"')
    plain = render_html(after.model_copy(update={"manual": []}), root / "run-b", lang="en", catalogue=catalogue())
    assert 'id="manual"' not in plain and "auditor finding" not in plain


# --------------------------------------------------------------------------- CSV


def test_csv_names_the_auditor_and_the_machine_verdict(runs: tuple[Path, Result, Result]) -> None:
    _, _, after = runs
    rows = list(csv.DictReader(io.StringIO(findings_csv(after, catalogue=catalogue()))))
    assert list(rows[0])[-2:] == ["judged_by", "machine_status"]
    by_check = {r["check"]: r for r in rows}
    judged = by_check["REPORT-06"]
    assert (judged["status"], judged["basis"], judged["judged_by"], judged["machine_status"]) == \
        ("pass", "auditor", "A. de Vries", "partial")
    flagged = by_check["CONTACT-04"]
    assert (flagged["status"], flagged["judged_by"], flagged["machine_status"]) == ("fail", "", "fail")
    plain = by_check["REPORT-01"]
    assert (plain["judged_by"], plain["machine_status"]) == ("", "")


def test_csv_lists_manual_findings_after_the_catalogue_without_a_score(runs: tuple[Path, Result, Result]) -> None:
    _, _, after = runs
    rows = list(csv.DictReader(io.StringIO(findings_csv(after, catalogue=catalogue()))))
    assert len(rows) == len(after.findings) + 2
    manual = rows[-2:]
    assert [r["check"] for r in manual] == ["MANUAL-01", "MANUAL-02"]
    first = manual[0]
    assert (first["area"], first["status"], first["score"], first["basis"], first["judged_by"]) == \
        ("REPORT", "pass", "", "auditor", "A. de Vries")
    assert first["title"] == "Reports are handled within 24 hours"
    assert first["summary"].startswith("Test reports sent")


# --------------------------------------------------------------------------- since the last audit = toolkit.diff


def _listed(section: str) -> dict[str, list[str]]:
    """The check ids under each heading of the changes section (by the heading's class)."""
    out: dict[str, list[str]] = {}
    parts = re.split(r'<h2 class="change-(\w+)">', section)
    for kind, body in zip(parts[1::2], parts[2::2], strict=True):
        out[kind] = re.findall(r'<p class="change-head"><span class="cid">([^<]+)</span>', body)
    return out


def test_changes_section_lists_exactly_what_diff_results_says(runs: tuple[Path, Result, Result]) -> None:
    root, before, after = runs
    diff = diff_results(before, after)
    html = render_html(after, root / "run-b", lang="en", baseline=before, catalogue=catalogue())
    listed = _listed(html[html.index('id="changes"'):html.index('id="area-AGE"')])
    assert sorted(listed.get("up", [])) == sorted(c.check for c in diff.of("fixed"))
    assert sorted(listed.get("down", [])) == sorted(c.check for c in diff.of("regressed"))
    assert sorted(listed.get("new", [])) == sorted(c.check for c in diff.of("new"))
    other = [c.check for c in diff.checks if c.change in ("changed", "changed_level", "gone")]
    assert sorted(listed.get("same", [])) == sorted(other)
    # and what the fixture was built to show: an auditor's pass counts as fixed in both places
    assert "REPORT-06" in listed["up"] and "REPORT-01" in listed["up"]
    assert {"CONTACT-02", "CONTACT-04"} <= set(listed["down"])
    assert listed["new"] == ["AGE-04"] and "HELP-01" in listed["same"]


def test_compare_is_diff_results_with_pictures(runs: tuple[Path, Result, Result]) -> None:
    root, before, after = runs
    diff = diff_results(before, after)
    changes = compare(after, before, "en", root / "run-b", root / "run-a", catalogue=catalogue())
    assert changes.diff == diff
    assert [c.id for c in changes.fixed] == [c.check for c in diff.of("fixed")]
    assert [c.id for c in changes.regressed] == [c.check for c in diff.of("regressed")]
    assert [c.id for c in changes.new] == [c.check for c in diff.of("new")]
    assert changes.unchanged == len(diff.of("unchanged"))
    assert [(a.id, a.level_before, a.level_after) for a in changes.areas] == \
        [(a.area, a.level_before, a.level_after) for a in diff.areas]
    assert (changes.grade_before, changes.grade_after) == (diff.grade_before, diff.grade_after)
    assert changes.side_by_side and all(c.shot_before and c.shot_after for c in changes.fixed)
    assert next(c for c in changes.fixed if c.id == "REPORT-06").judged_after


def test_checks_missing_from_one_run_and_level_changes(runs: tuple[Path, Result, Result], tmp_path: Path) -> None:
    root, before, after = runs
    baseline = before.model_copy(deep=True)
    baseline.findings = [f for f in baseline.findings if f.check != "TERMS-01"]
    baseline.finding("AGE-02").status, baseline.finding("AGE-02").level = "partial", 2
    current = after.model_copy(deep=True)
    current.findings = [f for f in current.findings if f.check != "HELP-01"]
    current.finding("AGE-02").status, current.finding("AGE-02").level = "partial", 3
    diff = diff_results(baseline, current)
    kinds = {c.check: c.change for c in diff.checks}
    assert (kinds["TERMS-01"], kinds["HELP-01"], kinds["AGE-02"]) == ("new", "gone", "changed_level")
    html = render_html(current, root / "run-b", lang="en", baseline=baseline, baseline_dir=tmp_path / "nowhere",
                       catalogue=catalogue())
    section = html[html.index('id="changes"'):html.index('id="area-AGE"')]
    listed = _listed(section)
    assert "TERMS-01" in listed["new"] and {"HELP-01", "AGE-02"} <= set(listed["same"])
    assert "not in that run" in section and "not in this run" in section
    assert "level 2" in section and "level 3" in section
    assert "data:image" not in section  # no baseline folder: lists only
    dutch = render_html(current, root / "run-b", lang="nl", baseline=baseline, catalogue=catalogue())
    assert "Nieuw beoordeeld" in dutch and "niet in die run" in dutch and "niveau 3" in dutch


def test_judged_finding_keeps_its_machine_basis(runs: tuple[Path, Result, Result]) -> None:
    _, _, after = runs
    finding: Finding = after.finding("REPORT-06")
    view = review_view(finding)
    assert view.applied and view.machine_status == "partial" and view.machine_basis in ("observed", "stated")
