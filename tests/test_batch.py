"""Batch audits: many definitions, one Chromium, failures isolated, Ctrl-C recorded."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.batch import gather_targets, run_batch_async
from toolkit.cli import app
from toolkit.definition import DefinitionError
from toolkit.store import Store

from .sitesrv import serve_site

runner = CliRunner()


def _def(folder: Path, file: str, name: str, url: str, extra: str = "") -> Path:
    path = folder / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'[platform]\nname = "{name}"\nurl = "{url}"\n{extra}', "utf-8")
    return path


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def hanging_server():
    """Accepts connections (the kernel does) and never answers a byte."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    try:
        yield f"http://127.0.0.1:{s.getsockname()[1]}/"
    finally:
        s.close()


# ---------------------------------------------------------------------- inputs, no browser


def test_a_folder_gives_its_definitions_and_audit_toml_subfolders_but_not_review_files(tmp_path):
    _def(tmp_path, "a.toml", "A", "https://a.example/")
    _def(tmp_path, "b.toml", "B", "https://b.example/")
    (tmp_path / "a.review.toml").write_text("", "utf-8")
    _def(tmp_path, "c/audit.toml", "C", "https://c.example/")
    targets = gather_targets([tmp_path, tmp_path / "a.toml"])  # a.toml named twice: audited once
    assert [t.name for t in targets] == ["A", "B", "C"]
    assert all(t.demo is None for t in targets)


def test_every_bad_definition_is_named_before_anything_runs(tmp_path):
    _def(tmp_path, "good.toml", "Good", "https://good.example/")
    (tmp_path / "bad.toml").write_text('[platform]\nname = "Bad"\n', "utf-8")
    (tmp_path / "worse.toml").write_text('[platform]\nname = "Worse"\nurl = "ftp://x"\n', "utf-8")
    with pytest.raises(DefinitionError) as exc:
        gather_targets([tmp_path, tmp_path / "missing.toml"])
    text = str(exc.value)
    assert "platform.url: missing" in text and "worse.toml" in text and "missing.toml" in text


def test_demo_means_the_bundled_demo_world_served_locally():
    targets = gather_targets(["demo"])
    assert len(targets) >= 5 and all(t.demo is not None for t in targets)


def test_bad_input_exits_2(tmp_path, store_dir):
    (tmp_path / "bad.toml").write_text("[platform\n", "utf-8")
    _def(tmp_path, "good.toml", "Good", "http://127.0.0.1:9/")
    res = runner.invoke(app, ["run", str(tmp_path), "--store", str(store_dir)])
    assert res.exit_code == 2
    assert "bad.toml" in res.output
    assert Store(store_dir).runs() == []


# ---------------------------------------------------------------------- with a browser


@pytest.mark.browser
def test_a_folder_is_audited_in_parallel_stored_as_runs_and_an_unreachable_platform_is_named(tmp_path, store_dir):
    with serve_site("basic") as (basic, _):
        defs = tmp_path / "defs"
        _def(defs, "basic.toml", "Basic", basic)
        gone = f"http://127.0.0.1:{_closed_port()}/"
        _def(defs, "gone.toml", "Gone", gone)
        res = runner.invoke(app, ["run", str(defs), "--parallel", "2", "--max-pages", "2", "--json",
                                  "--store", str(store_dir)])
    assert res.exit_code == 1, res.output
    rows = {r["platform"]: r for r in json.loads(res.stdout)}
    assert rows["Basic"]["status"] == "complete" and rows["Basic"]["grade"]
    assert rows["Gone"]["status"] == "failed" and "could not be loaded" in rows["Gone"]["error"]
    stored = {r.platform: r.status for r in Store(store_dir).runs()}
    assert stored == {"Basic": "complete", "Gone": "failed"}
    assert (Path(rows["Basic"]["folder"]) / "scorecard.pdf").is_file()
    # Side by side in one process, each run's log holds its own lines only.
    assert gone in (Path(rows["Gone"]["folder"]) / "run.log").read_text("utf-8")
    assert gone not in (Path(rows["Basic"]["folder"]) / "run.log").read_text("utf-8")


@pytest.mark.browser
async def test_a_hanging_platform_is_stopped_at_its_budget_beside_an_unreachable_one(tmp_path, store_dir,
                                                                                      browser_session):
    with hanging_server() as hang:
        targets = gather_targets([_def(tmp_path, "hangs.toml", "Hangs", hang, "[crawl]\npage_timeout = 120\n"),
                                  _def(tmp_path, "gone.toml", "Gone", f"http://127.0.0.1:{_closed_port()}/")])
        t0 = time.perf_counter()
        batch = await run_batch_async(targets, Store(store_dir), parallel=2, timeout=8, reports=False,
                                      session=browser_session)
        took = time.perf_counter() - t0
    assert [o.status for o in batch.outcomes] == ["timeout", "failed"]
    assert batch.exit_code == 1 and "8 s" in batch.outcomes[0].error
    assert batch.outcomes[1].seconds < 8  # the unreachable one was not held up by the hanging one
    assert took < 15
    assert {r.platform: r.status for r in Store(store_dir).runs()} == {"Hangs": "incomplete", "Gone": "failed"}


@pytest.mark.browser
async def test_cancelling_a_batch_records_the_runs_in_flight_as_incomplete(tmp_path, store_dir, browser_session):
    with hanging_server() as hang_a, hanging_server() as hang_b:
        targets = gather_targets([_def(tmp_path, "a.toml", "Hang A", hang_a), _def(tmp_path, "b.toml", "Hang B", hang_b),
                                  _def(tmp_path, "c.toml", "Later", hang_a.replace("127.0.0.1", "localhost"))])
        store = Store(store_dir)
        task = asyncio.create_task(run_batch_async(targets, store, parallel=2, reports=False, session=browser_session))
        while len(store.runs()) < 2:
            await asyncio.sleep(0.05)
        task.cancel()
        batch = await task
    assert batch.interrupted and batch.exit_code == 130
    assert [o.status for o in batch.outcomes] == ["incomplete", "incomplete", "not_started"]
    assert {r.platform: r.status for r in store.runs()} == {"Hang A": "incomplete", "Hang B": "incomplete"}
    assert browser_session.browser.is_connected()  # the shared browser is left running for others


def test_demo_server_latency_delays_every_response():
    import urllib.request

    from audits.demo.server import demo_platforms, serve

    platform = demo_platforms()[0]
    with serve(platform, latency_ms=0) as fast, serve(platform, latency_ms=250) as slow:
        def took(url: str) -> float:
            t0 = time.perf_counter()
            with urllib.request.urlopen(url + "favicon.svg", timeout=10) as resp:
                resp.read()
            return time.perf_counter() - t0

        assert took(slow) >= 0.25
        assert took(fast) < took(slow)


# ---------------------------------------------------------------------- waiting for what matters


@pytest.mark.browser
async def test_settle_waits_for_late_controls_and_not_on_a_quiet_page(browser_session):
    from toolkit.collection.browser import quiet, settle

    with serve_site("late") as (url, _):
        ctx, _ = await browser_session.new_context()
        try:
            page = await ctx.new_page()
            await page.goto(url + "static.html", wait_until="domcontentloaded")
            await page.wait_for_load_state("load")
            waited = await quiet(page, 3000)
            assert waited is not None and waited < 2000  # nothing pending: ends well before the cap
            await page.goto(url, wait_until="domcontentloaded")
            await settle(page, 1500)  # timer 300 ms -> fetch -> timer 700 ms -> the button (cap 4.5 s)
            assert await page.locator("button[aria-label='Report this ad']").count() == 1
        finally:
            await ctx.close()


@pytest.mark.browser
async def test_quiet_does_not_wait_for_a_long_polling_push_channel_but_for_a_slow_request(browser_session):
    from toolkit.collection.browser import quiet

    with serve_site("late") as (url, _):
        ctx, _ = await browser_session.new_context()
        try:
            page = await ctx.new_page()
            await page.goto(url + "pushchannel.html", wait_until="load")
            waited = await quiet(page, 2500)
            assert waited is not None and waited < 1500  # the channel's open request is not the page loading
            await page.goto(url + "slowfetch.html", wait_until="load")
            waited = await quiet(page, 6000)
            assert waited is not None and waited >= 2500  # a 3 s request of the page itself is waited for
            assert await page.locator("#list li").count() == 1
        finally:
            await ctx.close()
