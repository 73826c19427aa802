"""Scoring, grades, caps and coverage as the catalogue's "Scoring" defines them."""

from __future__ import annotations

from checks import catalogue
from checks.base import finding
from safehaven.score import grade
from toolkit.evaluate import score


def findings_with(status_by_id: dict[str, str], default: str = "pass"):
    return [finding(cid, status_by_id.get(cid, default), "") for cid in catalogue()]


def test_all_pass_is_an_a_with_full_coverage():
    card = score(findings_with({}))
    assert (card.overall, card.grade, card.provisional, card.coverage) == (100.0, "A", False, 1.0)
    assert all(a.score == 100.0 for a in card.areas.values())


def test_area_score_is_the_mean_of_check_scores_and_overall_is_weighted():
    card = score(findings_with({"AGE-01": "partial", "AGE-02": "fail"}))  # AGE: (0.5+0+1+1+1)/5
    assert card.areas["AGE"].score == 70.0
    assert card.overall == round((25 * 70 + 75 * 100) / 100, 1)


def test_unscored_statuses_are_left_out_of_the_average():
    card = score(findings_with({"HELP-01": "not_assessed", "TERMS-01": "error"}))
    assert card.areas["HELP"].score is None and card.areas["TERMS"].score is None
    assert card.overall == 100.0  # weights renormalised over the scored areas


def test_missing_report_control_caps_at_d_and_with_no_age_gate_at_e():
    one = score(findings_with({"REPORT-01": "fail"}))
    assert one.grade == "D" and one.caps == ["REPORT-01"]
    both = score(findings_with({"REPORT-01": "fail", "AGE-01": "fail"}))
    assert both.grade == "E" and both.caps == ["REPORT-01", "AGE-01"]


def test_cap_never_raises_a_grade():
    assert grade(20.0, {"REPORT-01": finding("REPORT-01", "fail", "")})[0] == "E"


def test_grade_thresholds():
    assert [grade(s, {})[0] for s in (85, 84.9, 70, 55, 40, 39.9)] == ["A", "B", "B", "C", "D", "E"]


def test_low_coverage_is_provisional_and_not_applicable_does_not_count_against_it():
    ids = list(catalogue())
    many_unassessed = {cid: "not_assessed" for cid in ids[:6]}
    assert score(findings_with(many_unassessed)).provisional is True
    not_applicable = {cid: "not_applicable" for cid in ("AGE-01", "AGE-03")}
    card = score(findings_with(not_applicable))
    assert card.provisional is False and card.coverage == 1.0
