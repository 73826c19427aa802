"""The fault matrix: hostile pages, broken servers, killed processes and unusable stores.

Each case must end within its bound with a clear message or an `error`/`not_assessed` finding, the run
stored with an honest status, nothing earlier lost and no secret in any output. The browser cases share
one audit of tests/sites/faults (served by tests/faultsrv.py) with short timeouts.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reports.scorecard import localized_summary
from safehaven.bundle import Bundle
from safehaven.models import AgeGateProbe
from safehaven.textsafe import clean_data, clean_text
from toolkit.audit import AuditFailed, audit_platform
from toolkit.collection.browser import BrowserSession
from toolkit.collection.crawl import Collector, collect, retry_after
from toolkit.definition import parse_definition
from toolkit.integrity import verify_run
from toolkit.store import RunNotFound, Store, StoreError, load_result, storage_problem

from .faultsrv import serve_faults

runner = CliRunner()
SECRETS = {"SH_FAULT_USER": "sekrit-user-7", "SH_FAULT_PASS": "p4ss-w0rd-!"}
LOGIN = ('[login]\nsteps = [\n  {action = "goto", target = "/login.html"},\n'
         '  {action = "fill", target = "#u", value_env = "SH_FAULT_USER"},\n'
         '  {action = "fill", target = "#p", value_env = "SH_FAULT_PASS"},\n'
         '  {action = "click", target = "#go"},\n]\n')


def _app():
    from toolkit.cli import app

    return app


# ---------------------------------------------------------------------- text, no browser


def test_lone_surrogates_and_control_characters_become_replacement_characters():
    dirty = "a\ud800b\udfffc\x00d\x1b[31me\x7f\u0085f\ufffe\ttab\nline"
    clean = clean_text(dirty)
    clean.encode("utf-8")  # would raise UnicodeEncodeError on a lone surrogate
    assert clean == "a\ufffdb\ufffdc\ufffdd\ufffd[31me\ufffd\ufffdf\ufffd\ttab\nline"
    assert clean_data({"t\ud800": ["x\x00", {"y": "\udc00"}], "n": 3}) == {"t\ufffd": ["x\ufffd", {"y": "\ufffd"}], "n": 3}
    assert clean_text("Gewone tekst — café") == "Gewone tekst — café"
    assert clean_text("report \u202eredaer\u202c ok") == "report \ufffdredaer\ufffd ok"  # no reversed quotes


# ---------------------------------------------------------------------- the store


def test_a_run_whose_process_was_killed_is_marked_incomplete_on_the_next_start(tmp_path):
    code = ("import os, sys; from toolkit.store import Store; s = Store(sys.argv[1]);"
            "r = s.begin_run('Killed', 'https://k.test/'); print(r.id, flush=True);"
            "sys.stdin.readline() if sys.argv[2] == 'wait' else os.kill(os.getpid(), 9)")
    killed = subprocess.run([sys.executable, "-c", code, str(tmp_path), "kill"], capture_output=True, text=True,
                            timeout=60)
    assert killed.returncode == -signal.SIGKILL
    run_id = killed.stdout.strip()
    # A run whose process is still alive is left alone.
    alive = subprocess.Popen([sys.executable, "-c", code, str(tmp_path), "wait"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        live_id = alive.stdout.readline().strip()
        store = Store(tmp_path)
        assert store.get(run_id).status == "incomplete" and "died" in store.get(run_id).error
        assert store.get(live_id).status == "running"
    finally:
        alive.communicate("\n", timeout=30)
    assert Store(tmp_path).get(live_id).status == "incomplete"  # it ended without recording: reaped now
    result = runner.invoke(_app(), ["history", "--store", str(tmp_path), "--json"])
    assert result.exit_code == 0 and {r["status"] for r in json.loads(result.output)} == {"incomplete"}


def test_a_store_path_below_a_regular_file_is_one_line_naming_the_path(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        Store(blocker / "store")
    assert str(blocker / "store") in str(caught.value) and "is a file" in str(caught.value)
    result = runner.invoke(_app(), ["history", "--store", str(blocker / "store")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "a part of that path is a file" in result.output
    assert blocker.read_text() == "not a folder"


def test_a_damaged_catalogue_is_a_message_and_the_run_folders_stay(tmp_path):
    (tmp_path / "runs" / "old" / "run-1").mkdir(parents=True)
    (tmp_path / "runs" / "old" / "run-1" / "result.json").write_text("{}")
    (tmp_path / "catalogue.sqlite").write_bytes(b"not a database " * 100)
    result = runner.invoke(_app(), ["history", "--store", str(tmp_path)])
    assert result.exit_code == 2 and "damaged" in result.output and str(tmp_path) in result.output
    assert (tmp_path / "runs" / "old" / "run-1" / "result.json").read_text() == "{}"


def test_storage_problems_say_what_to_do():
    full = storage_problem("/data/store", OSError(28, "No space left on device"))
    assert "/data/store" in str(full) and "disk is full" in str(full)
    ro = storage_problem("/data/store", OSError(30, "Read-only file system"))
    assert "not writable" in str(ro) and "--store" in str(ro)


# ---------------------------------------------------------------------- the matrix in a browser


@pytest.fixture(scope="module")
async def matrix(browser_session, tmp_path_factory):
    """One audit of the fault site, with login secrets in the environment that the site echoes back."""
    saved = {k: os.environ.get(k) for k in SECRETS}
    os.environ.update(SECRETS)
    store = Store(tmp_path_factory.mktemp("faults"))
    try:
        with serve_faults("faults") as (url, server):
            defn = parse_definition(f'[platform]\nname = "Faults"\nurl = "{url}"\n'
                                    '[crawl]\nmax_pages = 24\nmax_items = 4\nconcurrency = 3\npage_timeout = 5\n'
                                    f'settle_ms = 100\nrequests_per_second = 20\nbudget = 240\n{LOGIN}')
            t0 = time.monotonic()
            row, result = await audit_platform(defn, store, browser_session, reports=True)
            yield store, row, result, time.monotonic() - t0, server
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


async def _no_probes(self) -> None:
    """For tests of the crawl alone."""


def _pages(row) -> dict[str, dict]:
    return {p.url.split("/", 3)[-1]: p for p in Bundle(row.folder).pages}


@pytest.mark.browser
async def test_every_fault_ends_within_its_bound_and_the_run_is_stored_complete(matrix):
    store, row, result, elapsed, _ = matrix
    assert row.status == "complete" and store.get(row.id).status == "complete"
    assert elapsed < 200
    pages = _pages(row)
    for path in ("fault/hang", "fault/drip", "fault/redirect-loop", "fault/redirect-file", "fault/crash"):
        assert path in pages and pages[path].error, path
    assert pages["fault/500"].status == 500 and pages["fault/404"].status == 404
    for path in ("loop.html", "renav.html", "fault/many", "fault/deep", "fault/badenc", "fault/big"):
        assert path in pages, path
    # A hung renderer costs at most one page bound, then is abandoned.
    bound_ms = 2 * 5000 + 200 + 5000 + 3000  # Collector.page_bound(), plus closing the page
    assert pages["loop.html"].elapsed_ms < bound_ms + 5000
    assert pages["fault/hang"].elapsed_ms < bound_ms + 5000
    endless = [p for p in pages if p.startswith("fault/endless")]
    assert 1 <= len(endless) < 24  # the crawl limit holds on an endless site
    assert len(result.findings) == len({f.check for f in result.findings})


@pytest.mark.browser
async def test_bad_text_is_made_valid_and_hostile_events_are_recorded(matrix):
    _, row, result, _, _ = matrix
    pages = _pages(row)
    sur = pages["surrogates.html"]
    assert sur.ok, sur.error
    assert "\ufffd" in sur.title and "\x00" not in sur.title and "\x1b" not in sur.title
    text = (row.folder / sur.files["text"]).read_text("utf-8")
    assert "Lone \ufffd surrogate" in text and "\x07" not in text
    json.loads((row.folder / "result.json").read_text("utf-8"))
    assert (row.folder / "scorecard.html").is_file() and (row.folder / "scorecard.pdf").is_file()
    kinds = {e.kind for e in pages["nasty.html"].events}
    assert {"dialog", "popup", "download"} <= kinds
    # Endless dialogs and a popup storm cost nothing: answered at once, popups without a click not opened.
    storm, popups = pages["fault/dialog-storm"], pages["fault/popup-storm"]
    assert storm.ok and popups.ok and storm.elapsed_ms < 15_000 and popups.elapsed_ms < 15_000
    assert 3 <= sum(e.kind == "dialog" for e in storm.events) <= 20
    assert any(e.kind == "popup" and "blocked" in e.detail for e in popups.events)


@pytest.mark.browser
async def test_no_login_secret_is_written_anywhere(matrix):
    _, row, _, _, server = matrix
    from safehaven.bundle import Bundle
    from safehaven.models import ReportProbe

    # The report control leads to a login wall; logged in, the walled form echoes the account and password.
    assert server.logins == [{"u": SECRETS["SH_FAULT_USER"], "p": SECRETS["SH_FAULT_PASS"]}]
    walled = [a for a in Bundle(row.folder).probe("report", ReportProbe).attempts if a.form_behind_login]
    assert walled and any(f.value == "[secret]" for f in walled[0].form_behind_login.fields)
    assert [w for w in server.writes if not w[1].startswith("/login")] == []
    for path in row.folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (*SECRETS.values(), "p4ss-w0rd-%21"):
                assert secret.encode() not in data, (path.name, secret)
    pages = _pages(row)
    assert "[secret]" in pages["ads/1.html"].title
    profile = pages["profile.html"]
    assert any(f.value == "[secret]" for form in profile.forms for f in form.fields)


@pytest.mark.browser
async def test_verify_catches_an_edited_grade(matrix, tmp_path):
    store, row, result, _, _ = matrix
    ok = runner.invoke(_app(), ["verify", row.id, "--store", str(store.home)])
    assert ok.exit_code == 0 and "match the seal" in ok.output
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(row.folder, copy)
    data = json.loads((copy / "result.json").read_text("utf-8"))
    data["score"]["grade"] = "A" if data["score"]["grade"] != "A" else "B"
    (copy / "result.json").write_text(json.dumps(data), "utf-8")
    v = verify_run(copy, row.manifest_sha256, store.get(row.id).seal_sha256)
    assert not v.ok and v.changed == ["result.json"]
    # Rewriting the seal to match is caught by the hash recorded in the catalogue.
    from toolkit.integrity import write_seal

    write_seal(copy)
    v = verify_run(copy, row.manifest_sha256, store.get(row.id).seal_sha256)
    assert not v.ok and v.seal_ok is False


@pytest.mark.browser
async def test_export_below_a_regular_file_is_a_message_and_touches_nothing(matrix, tmp_path):
    store, row, _, _, _ = matrix
    blocker = tmp_path / "plain-file"
    blocker.write_text("keep me")
    result = runner.invoke(_app(), ["export", row.id, "--store", str(store.home), "-o", str(blocker / "run.zip")])
    assert result.exit_code == 2 and str(blocker) in result.output and "Traceback" not in result.output
    assert blocker.read_text() == "keep me"
    assert verify_run(row.folder, row.manifest_sha256, store.get(row.id).seal_sha256).ok


@pytest.mark.browser
async def test_the_time_budget_ends_the_audit_and_marks_unfinished_checks(browser_session, tmp_path):
    store = Store(tmp_path)
    with serve_faults("faults") as (url, _):
        defn = parse_definition(f'[platform]\nname = "Budget"\nurl = "{url}"\n'
                                '[crawl]\nmax_pages = 30\nconcurrency = 2\npage_timeout = 3\nsettle_ms = 100\n'
                                'requests_per_second = 20\nbudget = 12\n')
        t0 = time.monotonic()
        row, result = await audit_platform(defn, store, browser_session, reports=False)
        elapsed = time.monotonic() - t0
    assert elapsed < 12 + 45  # the budget, plus closing what was open
    from safehaven.bundle import Bundle

    info = Bundle(row.folder).info
    assert info.unfinished and row.status == "complete" and "time budget" in (row.error or "")
    skipped = [f for f in result.findings if f.details.get("machine_status") or
               (f.status == "not_assessed" and "did not finish" in f.summary)]
    if {"report", "contact", "age_gate"} & set(info.unfinished):
        assert skipped and all("budget" in localized_summary(f, "nl") for f in skipped)  # "tijdsbudget"
    assert Bundle(row.folder).probe("age_gate", AgeGateProbe) is not None or "age_gate" in info.unfinished
    assert verify_run(row.folder, row.manifest_sha256).ok


@pytest.mark.browser
def test_sigterm_mid_run_records_the_run_incomplete_with_a_message(tmp_path):
    exe = Path(sys.executable).with_name("safehaven")
    with serve_faults("faults") as (url, _):
        definition = tmp_path / "slow.toml"
        definition.write_text(f'[platform]\nname = "Slow"\nurl = "{url}"\n[crawl]\nmax_pages = 30\n'
                              'page_timeout = 20\nsettle_ms = 2000\n', "utf-8")
        proc = subprocess.Popen([str(exe), "run", str(definition), "--store", str(tmp_path / "store"), "--json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        store = None
        while time.monotonic() < deadline:  # wait until the run is recorded, then terminate it
            if (tmp_path / "store" / "catalogue.sqlite").is_file():
                store = Store(tmp_path / "store", reap=False)
                if store.runs():
                    break
            time.sleep(0.3)
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr
    assert "terminated" in stderr and "incomplete" in stderr and "Traceback" not in stderr
    (run,) = Store(tmp_path / "store").runs()
    assert run.status == "incomplete"
    with pytest.raises(RunNotFound):
        load_result(run.folder)


@pytest.mark.browser
async def test_a_tls_error_on_the_start_page_fails_the_run_with_a_message(browser_session, tmp_path):
    store = Store(tmp_path)
    with serve_faults("faults") as (url, _):
        https = url.replace("http://", "https://")  # the server speaks plain HTTP: the TLS handshake fails
        defn = parse_definition(f'[platform]\nname = "Tls"\nurl = "{https}"\n[crawl]\npage_timeout = 5\n')
        with pytest.raises(AuditFailed) as failed:
            await audit_platform(defn, store, browser_session, reports=False)
    assert "could not be loaded" in str(failed.value) and "ERR_" in str(failed.value)
    assert store.get(failed.value.run.id).status == "failed"


@pytest.mark.browser
@pytest.mark.parametrize("path, says", [
    ("fault/inner-redirect", "leads to http://0.0.0.0:"),
    ("fault/json", "is not a web page but application/json: give the address of the platform's home page"),
    ("fault/auth", "asks for a user name and password (HTTP 401)"),
])
async def test_a_start_address_that_is_no_platform_page_fails_the_run_with_a_message(
        browser_session, tmp_path, path, says):
    store = Store(tmp_path)
    with serve_faults("faults") as (url, _):
        defn = parse_definition(f'[platform]\nname = "Wrong"\nurl = "{url}{path}"\n[crawl]\npage_timeout = 5\n')
        t0 = time.monotonic()
        with pytest.raises(AuditFailed) as failed:
            await audit_platform(defn, store, browser_session, reports=False)
    assert says in str(failed.value)
    assert store.get(failed.value.run.id).status == "failed"
    print(f"{path}: {time.monotonic() - t0:.1f}s")


@pytest.mark.browser
async def test_a_moved_platform_is_followed_and_a_platform_that_says_slow_down_is_obeyed(browser_session, tmp_path):
    """http://localhost:PORT/fault/moved redirects to http://127.0.0.1:PORT/fault/busy: the audit goes on at the site
    the visitor lands on. There every page answers 429 with Retry-After first: the audit waits as asked, tries
    the page once more, and lowers its rate."""
    with serve_faults("getwrites") as (url, server), pytest.MonkeyPatch.context() as mp:
        mp.setattr(Collector, "_run_probes", _no_probes)  # the crawl is what is tested here
        moved = url.replace("127.0.0.1", "localhost") + "fault/moved"
        defn = parse_definition(f'[platform]\nname = "Busy"\nurl = "{moved}"\n'
                                '[crawl]\nmax_pages = 3\nsettle_ms = 100\nrequests_per_second = 20\n')
        info = await collect(defn, tmp_path / "run", browser_session)
    pages = Bundle(tmp_path / "run").pages
    assert any("redirects to http://127.0.0.1" in n for n in info.notes)
    assert len(pages) == 3 and all(p.final_url.startswith(url) for p in pages)  # the links of the new site followed
    assert [p.status for p in pages] == [200, 200, 200]  # each answered 429 first, then the page
    assert any("asked the audit to slow down (HTTP 429)" in n for n in info.notes)
    assert len(server.throttled) == 3 and len(server.throttled_times) == 3  # each asked for again after its 429


@pytest.mark.browser
async def test_a_page_answered_503_without_retry_after_is_read_after_a_short_pause(browser_session, tmp_path):
    """A server whose event loop lags answers 503 with no Retry-After: the page is asked for once more after a
    short pause, instead of being recorded as a broken page."""
    with serve_faults("getwrites") as (url, server), pytest.MonkeyPatch.context() as mp:
        mp.setattr(Collector, "_run_probes", _no_probes)
        defn = parse_definition(f'[platform]\nname = "Overloaded"\nurl = "{url}fault/overloaded"\n'
                                '[crawl]\nmax_pages = 2\nsettle_ms = 100\nrequests_per_second = 20\n')
        info = await collect(defn, tmp_path / "run", browser_session)
    pages = Bundle(tmp_path / "run").pages
    assert [p.status for p in pages] == [200, 200]
    assert len(server.throttled) == 2 and len(server.throttled_times) == 2
    assert any("asked the audit to slow down (HTTP 503)" in n for n in info.notes)


def test_retry_after_reads_seconds_and_dates():
    assert retry_after("7") == 7.0 and retry_after("") == 5.0 and retry_after("soon") == 5.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past: no wait


async def test_a_live_browser_answers_and_one_not_started_does_not(browser_session):
    assert await browser_session.alive() is True
    assert await BrowserSession(browser_session.choice).alive() is False
