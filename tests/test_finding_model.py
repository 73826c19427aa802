"""The finding model: typed facts that code reads back, and result.json files from before them still load."""

from __future__ import annotations

from checks import catalogue, evidence, report
from checks.base import finding
from reports.scorecard import localized_summary, manual_view, review_view
from safehaven.models import ContactRoutes, Facts, Finding, ReportOutcomes, ReportRoutes


def test_finding_routes_fact_details_into_typed_facts():
    f = finding("REPORT-02", "pass", "", outcomes={"form": 3, "login": 0, "mailto": 0, "none": 1}, steps=["a"])
    assert f.facts.outcomes == ReportOutcomes(form=3, none=1) and f.details == {"steps": ["a"]}
    assert Finding.model_validate_json(f.model_dump_json()) == f


def test_an_older_result_keeps_its_facts_auditor_and_sentences():
    old = {"check": "REPORT-01", "area": "REPORT", "status": "fail", "summary": "No report control.",
           "summaries": {"nl": "Geen meldknop."},
           "details": {"general_routes": {"forms": [], "mailto": ["mailto:a@b.test"], "links": []}, "items": 4}}
    f = Finding.model_validate(old)
    assert f.facts.general_routes == ReportRoutes(mailto=["mailto:a@b.test"]) and f.details == {"items": 4}
    assert localized_summary(f, "nl") == "Geen meldknop." and not f.message
    assert report.level({"REPORT-01": f}) == 1  # an e-mail route only
    manual = Finding.model_validate({"check": "MANUAL-01", "area": "REPORT", "status": "pass", "basis": "auditor",
                                     "summary": "Handled in 3 h.", "details": {"title": "Fast", "reviewer": "A",
                                                                                "date": "2026-11-20", "reason": "r"}})
    assert manual.auditor.title == "Fast" and manual_view(manual, "nl", catalogue()).reviewer == "A" and manual.details == {}
    judged = Finding.model_validate({"check": "REPORT-06", "area": "REPORT", "status": "pass", "basis": "auditor",
                                     "details": {"machine_basis": "stated"},
                                     "review": {"status": "pass", "machine_status": "partial", "reason": "r",
                                                "reviewer": "A", "date": "2026-11-20", "flag": ""}})
    assert judged.review.flag is None and review_view(judged).machine_basis == "stated"


def test_levels_read_the_typed_facts():
    contact = finding("REPORT-06", "fail", "", general_contact={"mailto": [], "pages": ["https://p.test/contact"]})
    assert contact.facts.general_contact == ContactRoutes(pages=["https://p.test/contact"])
    assert report.level({"REPORT-06": contact}) == 1 and report.level({}) == 0
    promise = finding("EVIDENCE-03", "fail", "", deletion_promise=True)
    vague = finding("EVIDENCE-02", "fail", "", vague_statements=2)
    assert evidence.level({"EVIDENCE-02": vague}) == 1
    assert evidence.level({"EVIDENCE-02": vague, "EVIDENCE-03": promise}) == 0
    assert Facts().model_dump(exclude_none=True) == {}
