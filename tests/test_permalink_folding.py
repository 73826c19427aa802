"""The crawl counts a thread once when forums send post permalinks into it with the post's number appended
(/post/12/ answers 302 to /thread/4/slug/3/), whether the permalink or the thread itself is read first.
Site: tests/sites/permalinks/ (a small board written for this test)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from safehaven.bundle import Bundle
from toolkit.collection.crawl import Collector, collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


async def _no_probes(self) -> None:
    """Only the crawl is tested here."""


@pytest.fixture(scope="module")
async def board(browser_session, tmp_path_factory) -> Bundle:
    with serve_site("permalinks") as (url, _server), pytest.MonkeyPatch.context() as mp:
        mp.setattr(Collector, "_run_probes", _no_probes)
        run_dir = tmp_path_factory.mktemp("permalinks") / "run"
        defn = parse_definition(f'[platform]\nname = "Riverside board"\nurl = "{url}"\n'
                                '[crawl]\nmax_pages = 14\nsettle_ms = 300\nrequests_per_second = 20\n')
        await collect(defn, run_dir, browser_session)
        return Bundle(run_dir)


def _thread(path: str) -> str:
    return "/".join(path.strip("/").split("/")[:3])


async def test_a_thread_reached_by_its_post_permalinks_is_one_item_page(board):
    items = [urlsplit(p.final_url or p.url).path for p in board.item_pages()]
    threads = [_thread(p) for p in items]
    # three threads, each read once, at whichever address came first (the thread, or a post inside it)
    assert sorted(threads) == ["thread/4/lost-cat-in-the-park", "thread/5/garden-tools-to-lend",
                               "thread/6/choir-rehearsal-moved"], items
    assert any("led to pages already read" in n for n in board.info.notes)


async def test_a_listing_and_its_next_page_are_not_folded_into_each_other(board):
    listed = {urlsplit(p.final_url or p.url).path for p in board.pages if p.ok}
    assert {"/category/2/neighbourhood/", "/category/2/neighbourhood/2/"} <= listed
