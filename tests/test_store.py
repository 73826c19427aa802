"""The run store: where it lives, what the catalogue records, and that runs never overwrite each other."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from toolkit.store import RunNotFound, Store, data_home, slugify


def test_store_option_beats_environment_beats_user_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFEHAVEN_HOME", str(tmp_path / "env"))
    assert data_home(tmp_path / "opt") == (tmp_path / "opt").resolve()
    assert data_home(None) == (tmp_path / "env").resolve()
    monkeypatch.delenv("SAFEHAVEN_HOME")
    assert "safehaven" in str(data_home(None))


def test_run_is_recorded_running_then_finished(tmp_path):
    store = Store(tmp_path)
    run = store.begin_run("Rosse Buurt", "https://rb.test/")
    assert run.status == "running" and run.folder.is_dir() and run.slug == "rosse-buurt"
    done = store.finish_run(run.id, "failed", error="start page did not load")
    assert done.status == "failed" and done.error == "start page did not load" and done.finished_at


def test_runs_of_a_platform_in_order_and_resolution_by_prefix(tmp_path):
    store = Store(tmp_path)
    a = store.begin_run("Alpha", "https://a.test/")
    store.begin_run("Beta", "https://b.test/")
    a2 = store.begin_run("Alpha", "https://a.test/")
    assert [r.id for r in store.runs("Alpha")] == [a.id, a2.id]
    assert store.resolve(a2.id).id == a2.id
    with pytest.raises(RunNotFound, match="neither a run id"):
        store.resolve("nope")


def test_two_runs_started_at_once_get_their_own_folders(tmp_path):
    store = Store(tmp_path)
    rows = []
    threads = [threading.Thread(target=lambda: rows.append(Store(tmp_path).begin_run("Same", "https://s.test/")))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({r.id for r in rows}) == 8 and len({r.folder for r in rows}) == 8
    assert len(store.runs("Same")) == 8


def test_slugify_keeps_names_folder_safe():
    assert slugify("Café Noir / Escort's") == "cafe-noir-escort-s"
    assert slugify("////") == "platform"
    assert Path(slugify("../../etc")).name == "etc"
