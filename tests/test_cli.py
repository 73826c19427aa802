"""The command line end to end: a real Chromium against local sites, a throw-away store."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from checks import catalogue
from toolkit.cli import app
from toolkit.store import Store

from .sitesrv import serve_site

runner = CliRunner()


def write_def(tmp_path: Path, url: str, name: str = "Basic Test") -> Path:
    path = tmp_path / "audit.toml"
    path.write_text(f'[platform]\nname = "{name}"\nurl = "{url}"\n')
    return path


@pytest.fixture(scope="module")
def basic_run(basic_site, tmp_path_factory):
    """`safehaven run --json` on the basic site, once for the module."""
    url, server = basic_site
    tmp = tmp_path_factory.mktemp("cli")
    store = tmp / "store"
    res = runner.invoke(app, ["run", str(write_def(tmp, url)), "--json", "--store", str(store)])
    return res, store, server


@pytest.mark.browser
def test_run_json_has_the_contract_fields_and_every_check_once(basic_run):
    res, store, _ = basic_run
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["schema"] == "safehaven.result/1" and data["methodology"] == 1
    assert data["platform"]["name"] == "Basic Test"
    assert set(data["run"]) >= {"id", "started_at", "finished_at", "tool_version", "browser"}
    assert set(data["score"]) >= {"overall", "grade", "provisional", "areas"}
    assert set(data["score"]["areas"]) == {"AGE", "REPORT", "CONTACT", "EVIDENCE", "HELP", "TERMS"}
    ids = [f["check"] for f in data["findings"]]
    assert sorted(ids) == sorted(catalogue()) and len(ids) == len(set(ids)) == 23
    for f in data["findings"]:
        assert set(f) >= {"check", "area", "status", "score", "basis", "summary", "evidence", "quotes"}
    assert {"start", "item", "policy"} <= {p["role"] for p in data["pages"]}


@pytest.mark.browser
def test_run_stores_result_manifest_and_a_multi_page_scorecard(basic_run):
    res, store, _ = basic_run
    data = json.loads(res.stdout)
    row = Store(store).get(data["run"]["id"])
    assert row.status == "complete" and row.grade == data["score"]["grade"]
    assert json.loads((row.folder / "result.json").read_text())["run"]["id"] == row.id
    assert (row.folder / "manifest.json").is_file() and row.manifest_sha256 == data["run"]["manifest_sha256"]
    pdf = row.folder / "scorecard.pdf"
    assert pdf.is_file() and len(PdfReader(pdf).pages) >= 2
    assert (row.folder / "scorecard.html").is_file() and (row.folder / "findings.csv").is_file()


@pytest.mark.browser
def test_run_never_posts_anything_to_the_platform(basic_run):
    _, _, server = basic_run
    assert server.posts == []


@pytest.mark.browser
def test_history_and_report_work_on_the_stored_run(basic_run, tmp_path):
    res, store, _ = basic_run
    run_id = json.loads(res.stdout)["run"]["id"]
    hist = runner.invoke(app, ["history", "Basic Test", "--store", str(store), "--json"])
    assert hist.exit_code == 0 and json.loads(hist.stdout)[0]["id"] == run_id
    out = tmp_path / "nl.html"
    rep = runner.invoke(app, ["report", run_id[:20], "--lang", "nl", "--format", "html", "-o", str(out),
                              "--store", str(store)])
    assert rep.exit_code == 0, rep.output
    assert 'lang="nl"' in out.read_text()


def test_bad_definition_exits_2_naming_the_key(tmp_path, store_dir):
    path = tmp_path / "bad.toml"
    path.write_text('[platform]\nname = "x"\nurl = "not a url"\n')
    res = runner.invoke(app, ["run", str(path)])
    assert res.exit_code == 2
    assert "platform.url: not a http(s) URL" in res.output
    assert Store(store_dir).runs() == []  # nothing recorded for a definition that never started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.browser
def test_unreachable_start_url_exits_1_and_is_recorded_as_failed(tmp_path, store_dir):
    url = f"http://127.0.0.1:{_free_port()}/"
    res = runner.invoke(app, ["run", str(write_def(tmp_path, url, "Gone"))])
    assert res.exit_code == 1
    assert url in res.output and "ERR_CONNECTION_REFUSED" in res.output
    [row] = Store(store_dir).runs("Gone")
    assert row.status == "failed" and "ERR_CONNECTION_REFUSED" in row.error


@pytest.mark.browser
def test_hostile_page_text_is_escaped_in_html_and_literal_in_pdf(tmp_path, store_dir):
    with serve_site("hostile") as (url, _):
        res = runner.invoke(app, ["run", str(write_def(tmp_path, url, "Hostile")), "--json"])
    assert res.exit_code == 0, res.output
    folder = Store(store_dir).get(json.loads(res.stdout)["run"]["id"]).folder
    html = (folder / "scorecard.html").read_text()
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']?(https?:|file:)//(?!127\.0\.0\.1)""", html)
    assert "&lt;script&gt;" in html
    text = "".join(p.extract_text() for p in PdfReader(folder / "scorecard.pdf").pages)
    assert "<script>alert('title')</script>" in text.replace("\n", "")


def test_checks_lists_the_whole_catalogue():
    res = runner.invoke(app, ["checks", "--json"])
    items = json.loads(res.stdout)
    assert [i["id"] for i in items] == list(catalogue())
    assert {i["id"] for i in items if i["implemented"]} >= {"AGE-01", "REPORT-01", "CONTACT-02", "EVIDENCE-01"}


def test_report_on_unknown_run_exits_2(store_dir):
    res = runner.invoke(app, ["report", "20990101T000000Z-nothing"])
    assert res.exit_code == 2 and "neither a run id" in res.output


def test_login_secret_missing_from_the_environment_exits_2_naming_the_variable(tmp_path, store_dir, monkeypatch):
    monkeypatch.delenv("SH_NOT_SET", raising=False)
    path = tmp_path / "login.toml"
    path.write_text('[platform]\nname = "x"\nurl = "http://127.0.0.1:1/"\n[login]\nsteps = [\n'
                    '  {action = "fill", target = "#p", value_env = "SH_NOT_SET"},\n]\n')
    res = runner.invoke(app, ["run", str(path)])
    assert res.exit_code == 2
    assert "login.steps.0.value_env: environment variable SH_NOT_SET is not set" in res.output
