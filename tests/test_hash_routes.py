"""Hash-routed single-page apps: a fragment that is a route ("#/listing/12", "#!/listing/12") names another view, so the
crawl reads it as a page of its own and classifies it by its route; a fragment that is a place on the page ("#top")
stays the same page."""

from __future__ import annotations

import pytest

from safehaven.bundle import Bundle
from safehaven.urls import normalise, page_key, route_fragment, route_split
from toolkit.collection.classify import is_item_url
from toolkit.collection.crawl import Collector, collect, fold_key
from toolkit.definition import parse_definition

from .sitesrv import serve_site


def test_a_route_fragment_is_part_of_the_page_address():
    assert normalise("http://h:8/#/listing/12") == "http://h:8/#/listing/12"
    assert normalise("http://h:8#!/listing/12") == "http://h:8/#!/listing/12"
    assert route_fragment("http://h:8/#!/listing/12?x=1") == "/listing/12?x=1"
    # places on a page, and an empty route, are not routes
    for url in ("http://h:8/page#top", "http://h:8/#", "http://h:8/#/", "http://h:8/#comment-4"):
        assert route_fragment(url) == ""
        assert "#" not in normalise(url)
    assert page_key("http://h:8/#/listing/12") != page_key("http://h:8/#/listing/13")
    assert page_key("http://h:8/list#top") == page_key("http://h:8/list")


def test_a_route_is_read_as_the_path_of_its_view():
    parts = route_split("http://h:8/index.html#/listing/12?from=list")
    assert (parts.path, parts.query, parts.fragment) == ("/listing/12", "from=list", "")
    assert route_split("http://h:8/app/#/listing/12").path == "/app/listing/12"
    assert is_item_url("http://h:8/#/listing/12")
    assert not is_item_url("http://h:8/page#listing-12")
    assert fold_key("http://h:8/#/listing/12") != fold_key("http://h:8/#/listing/13") != fold_key("http://h:8/")


async def _no_probes(self) -> None:
    """Only the crawl is tested here."""


@pytest.mark.browser
async def test_the_crawl_reads_the_views_of_a_hash_router(browser_session, tmp_path):
    with serve_site("hashroute") as (url, _), pytest.MonkeyPatch.context() as mp:
        mp.setattr(Collector, "_run_probes", _no_probes)
        defn = parse_definition(f'[platform]\nname = "Swapshelf"\nurl = "{url}"\n'
                                '[crawl]\nmax_pages = 10\nsettle_ms = 200\nrequests_per_second = 20\n')
        await collect(defn, tmp_path / "run", browser_session)
    bundle = Bundle(tmp_path / "run")
    urls = {p.url.split("/", 3)[-1] for p in bundle.pages if p.ok}
    assert {"#/listing/11", "#/listing/12", "#/help"} <= urls
    assert "#top" not in " ".join(urls)
    items = {p.url.split("/", 3)[-1] for p in bundle.item_pages()}
    assert {"#/listing/11", "#/listing/12"} <= items
    swap = next(p for p in bundle.pages if p.url.endswith("#/listing/12"))
    assert "Road bike" in bundle.text(swap)
