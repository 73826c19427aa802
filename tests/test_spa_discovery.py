"""The crawl on a single-page forum (tests/sites/spa/): redirects to pages already read are folded, and a signup
form that opens in a dialog from a button is found. Real software does both (Misago: /t/slug/5/last/ and
/t/slug/5/post/13/ answer 302 to /t/slug/5/#post-13; "Register" is a button that opens a modal)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from checks.age import signup_turns_minors_away
from safehaven.bundle import Bundle
from toolkit.collection.crawl import Collector, collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


async def _no_probes(self) -> None:
    """The crawl is what is tested here: the probes (tested elsewhere) would triple the time."""


@pytest.fixture(scope="module")
async def spa(browser_session, tmp_path_factory) -> tuple[Bundle, list[str]]:
    with serve_site("spa") as (url, server), pytest.MonkeyPatch.context() as mp:
        mp.setattr(Collector, "_run_probes", _no_probes)
        run_dir = tmp_path_factory.mktemp("spa") / "run"
        defn = parse_definition(f'[platform]\nname = "SPA forum"\nurl = "{url}"\n'
                                '[crawl]\nmax_pages = 12\nsettle_ms = 300\nrequests_per_second = 20\n')
        await collect(defn, run_dir, browser_session)
        return Bundle(run_dir), list(server.requests)


async def test_redirects_to_a_page_already_read_are_one_page(spa):
    bundle, requests = spa
    items = bundle.item_pages()
    assert sorted(urlsplit(p.final_url or p.url).path for p in items) == [
        "/t/barbecue-on-saturday/2/", "/t/bike-for-free/1/"]
    # No record for a jump or a permalink: each thread is read, and counted, once.
    assert not [p.url for p in bundle.pages if p.url.endswith("/last/") or "/post/" in p.url]
    assert any("led to pages already read" in n for n in bundle.info.notes)
    # Once one permalink redirected up its path, its siblings (post/{n}/ under a known thread) are not even visited.
    assert sum("/post/" in r for r in requests) < 4


async def test_signup_form_in_a_dialog_opened_by_a_button_is_the_signup_page(spa):
    bundle, _ = spa
    signups = bundle.ok_pages("signup")
    assert len(signups) == 1
    page = signups[0]
    assert page.link_text == "Register" and "dialog" in page.role_reasons[0]
    fields = {f.name for form in page.forms for f in form.fields if f.visible}
    assert {"username", "email", "password"} <= fields
    # AGE-04 can now judge the form (it asks no age) instead of saying no signup form was found.
    finding = signup_turns_minors_away(bundle)
    assert finding.status == "fail" and "asks no age question" in finding.summary


async def test_rows_that_navigate_by_script_lead_to_the_item_pages(browser_session, tmp_path):
    # tests/sites/spa-rows: the listing's rows are <div role="link"> whose click calls history.pushState; no <a>.
    with serve_site("spa-rows") as (url, _), pytest.MonkeyPatch.context() as mp:
        mp.setattr(Collector, "_run_probes", _no_probes)
        defn = parse_definition(f'[platform]\nname = "Rows"\nurl = "{url}"\n'
                                '[crawl]\nmax_pages = 6\nsettle_ms = 300\nrequests_per_second = 20\n')
        await collect(defn, tmp_path / "run", browser_session)
    bundle = Bundle(tmp_path / "run")
    items = sorted(urlsplit(p.url).path for p in bundle.item_pages())
    assert items == ["/ads/oak-dining-table-8/", "/ads/red-city-bike-7/"]
    assert all(p.found_from == url for p in bundle.item_pages())
    assert any("without a link" in n for n in bundle.info.notes)
