"""Shared fixtures: one Chromium for every browser test, local test sites, a throw-away store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .sitesrv import serve_site


@pytest.fixture
def store_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, also as $SAFEHAVEN_HOME so nothing touches the real one."""
    home = tmp_path / "home"
    monkeypatch.setenv("SAFEHAVEN_HOME", str(home))
    return home


@pytest.fixture(scope="session")
async def browser_session():
    """One Chromium for the whole test session."""
    from toolkit.collection.browser import BrowserSession

    session = BrowserSession()
    await session.start()
    yield session
    await session.close()


@pytest.fixture(scope="session")
def basic_site():
    with serve_site("basic") as (url, server):
        yield url, server


@pytest.fixture(scope="session")
def hostile_site():
    with serve_site("hostile") as (url, server):
        yield url, server


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("SAFEHAVEN_HOME", str(Path(config.rootpath) / ".pytest-home"))
