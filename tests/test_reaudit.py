"""Re-audit after fixes: audit a demo platform, serve its fixed version, audit again; then diff, the
"since the last audit" scorecard, evidence integrity (verify, export) and auditor review files."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import zipfile

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from audits.demo.server import definition_text, load_truth, platform_by_slug, serve
from reports.scorecard import review_view
from safehaven.diff import diff_results
from safehaven.models import Finding, Review, ReviewFlag
from toolkit.audit import audit_platform
from toolkit.definition import parse_definition
from toolkit.review import ReviewFile, apply_review, load_review, manual_findings
from toolkit.store import Store, load_result

runner = CliRunner()
SLUG = "kersenrood"


@pytest.fixture(scope="module")
async def two_runs(browser_session, tmp_path_factory):
    """kersenrood as it is, then its fixed version, audited into one store."""
    store = Store(tmp_path_factory.mktemp("reaudit"))
    platform = platform_by_slug(SLUG)
    rows = []
    for variant in ("site", "site-fixed"):
        with serve(platform, variant) as url:
            defn = parse_definition(definition_text(platform, url))
            row, _ = await audit_platform(defn, store, browser_session)
            rows.append(row)
    return store, rows


def _truth_changes() -> set[str]:
    platform = platform_by_slug(SLUG)
    before, after = load_truth(platform), load_truth(platform, "site-fixed")
    return {cid for cid in before.checks if before.status(cid) != after.status(cid)}


@pytest.mark.browser
def test_diff_shows_exactly_the_checks_the_platform_fixed(two_runs):
    store, (first, second) = two_runs
    d = diff_results(load_result(first.folder), load_result(second.folder))
    changed = {c.check for c in d.checks if c.change in ("fixed", "regressed", "new", "gone", "changed")}
    assert changed == _truth_changes()
    assert {c.check for c in d.of("fixed")} >= {"REPORT-01", "HELP-01"} and not d.of("regressed")
    levels = {a.area: (a.level_before, a.level_after) for a in d.areas}
    assert levels["REPORT"] == (2, 4) and levels["HELP"] == (0, 4)


@pytest.mark.browser
def test_diff_command_on_the_platform_compares_its_last_two_runs(two_runs):
    store, (first, second) = two_runs
    res = runner.invoke(__import__("toolkit.cli", fromlist=["app"]).app,
                        ["diff", "Kersenrood", "--store", str(store.home), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (data["before"], data["after"]) == (first.id, second.id)
    assert {c["check"] for c in data["checks"] if c["change"] == "fixed"} >= {"REPORT-01", "HELP-01"}


@pytest.mark.browser
def test_second_scorecard_has_a_since_the_last_audit_section_naming_the_fixed_checks(two_runs):
    _, (_, second) = two_runs
    text = " ".join(p.extract_text() for p in PdfReader(second.folder / "scorecard.pdf").pages)
    assert "Sinds de vorige audit" in text or "Since the last audit" in text
    assert "REPORT-01" in text and "HELP-01" in text


@pytest.mark.browser
def test_verify_passes_then_names_the_one_tampered_byte(two_runs, tmp_path):
    from toolkit.cli import app

    store, (first, _) = two_runs
    ok = runner.invoke(app, ["verify", first.id, "--store", str(store.home)])
    assert ok.exit_code == 0 and "OK" in ok.stdout
    export = tmp_path / "run.zip"
    assert runner.invoke(app, ["export", first.id, "-o", str(export), "--store", str(store.home)]).exit_code == 0
    with zipfile.ZipFile(export) as zf:
        zf.extractall(tmp_path / "unpacked")
    unpacked = tmp_path / "unpacked" / first.id
    assert runner.invoke(app, ["verify", str(unpacked)]).exit_code == 0
    victim = next((unpacked / "bundle" / "pages").glob("*/text.txt"))
    data = bytearray(victim.read_bytes())
    data[0] ^= 1
    victim.write_bytes(bytes(data))
    bad = runner.invoke(app, ["verify", str(unpacked)])
    assert bad.exit_code == 1
    assert f"changed: {victim.relative_to(unpacked).as_posix()}" in bad.output


@pytest.mark.browser
async def test_two_concurrent_runs_land_intact(browser_session, tmp_path):
    store = Store(tmp_path / "store")
    platform = platform_by_slug("nachtprikbord")
    with serve(platform) as url:
        defn = parse_definition(definition_text(platform, url) + "\n[crawl]\nmax_pages = 6\n")
        pairs = await asyncio.gather(*(audit_platform(defn, store, browser_session, reports=False) for _ in range(2)))
    rows = store.runs("Nachtprikbord")
    assert len(rows) == 2 and {r.status for r in rows} == {"complete"}
    assert {r.id for r in rows} == {row.id for row, _ in pairs}
    for row in rows:
        assert load_result(row.folder).run.id == row.id


# ---------------------------------------------------------------------- auditor judgement (no browser)


def _review(tmp_path, text: str) -> ReviewFile:
    path = tmp_path / "x.review.toml"
    path.write_text(text)
    return load_review(path)


def test_override_is_applied_with_the_machine_verdict_beside_it(tmp_path):
    from checks.base import finding

    review = _review(tmp_path, '[[override]]\ncheck = "REPORT-06"\nstatus = "pass"\nmachine_status = "partial"\n'
                               'reason = "Handling procedure shown in the meeting"\nreviewer = "A. de Vries"\n'
                               'date = 2026-11-20\n')
    [f] = apply_review([finding("REPORT-06", "partial", "timeframe only", basis="stated")], review, dt.date(2026, 12, 1))
    assert (f.status, f.score, f.basis) == ("pass", 1.0, "auditor")
    assert f.review.applied and f.review.machine_status == "partial" and f.review.reviewer == "A. de Vries"


def test_expired_override_is_flagged_not_applied(tmp_path):
    from checks.base import finding

    review = _review(tmp_path, '[[override]]\ncheck = "REPORT-06"\nstatus = "pass"\nmachine_status = "partial"\n'
                               'reason = "Shown in the meeting"\nreviewer = "A"\ndate = 2026-01-01\nexpires = 2026-06-01\n')
    [f] = apply_review([finding("REPORT-06", "partial", "")], review, dt.date(2026, 12, 1))
    assert f.status == "partial" and not f.review.applied
    assert f.review.flag == ReviewFlag(kind="expired", date="2026-06-01")


def test_override_whose_machine_verdict_changed_is_flagged(tmp_path):
    from checks.base import finding

    review = _review(tmp_path, '[[override]]\ncheck = "AGE-02"\nstatus = "pass"\nmachine_status = "partial"\n'
                               'reason = "Bank ID shown"\nreviewer = "A"\ndate = 2026-11-01\n')
    [f] = apply_review([finding("AGE-02", "fail", "")], review, dt.date(2026, 12, 1))
    assert f.status == "fail" and f.review.flag == ReviewFlag(kind="changed", before="partial", after="fail")


def test_a_flag_is_data_and_a_sentence_flag_of_an_older_run_is_kept_as_a_note():
    flagged = Review(status="pass", machine_status="fail", reason="r", reviewer="A", date="2026-11-01", applied=False,
                     flag=ReviewFlag(kind="changed", before="partial", after="fail"))
    f = Finding(check="AGE-02", area="AGE", status="fail", review=flagged)
    again = Finding.model_validate_json(f.model_dump_json())
    assert again.review.flag == flagged.flag
    view = review_view(again)
    assert (view.flag_kind, view.flag_from, view.flag_to) == ("changed", "partial", "fail")
    old = Finding.model_validate({**f.model_dump(), "review": {**flagged.model_dump(), "flag": "the judgement expired"}})
    assert old.review.flag == ReviewFlag(kind="note", text="the judgement expired")
    view = review_view(old)
    assert view.flag_kind == "" and view.flag == "the judgement expired"
    applied = Finding.model_validate({**f.model_dump(), "review": {**flagged.model_dump(), "flag": "", "applied": True}})
    assert applied.review.flag is None


def test_manual_finding_and_bad_review_file(tmp_path):
    from toolkit.definition import DefinitionError

    review = _review(tmp_path, '[[manual]]\nid = "MANUAL-01"\narea = "REPORT"\ntitle = "Reports handled within 24 h"\n'
                               'status = "pass"\nsummary = "Test reports handled in 3 to 19 hours."\n'
                               'reviewer = "A"\ndate = 2026-11-20\n')
    [m] = manual_findings(review)
    assert (m.check, m.basis, m.auditor.title) == ("MANUAL-01", "auditor", "Reports handled within 24 h")
    with pytest.raises(DefinitionError, match="override.check: unknown check AGE-99"):
        _review(tmp_path, '[[override]]\ncheck = "AGE-99"\nstatus = "pass"\nmachine_status = "fail"\n'
                          'reason = "xyz"\nreviewer = "A"\ndate = 2026-11-20\n')
