"""The collector on a small app built from web components (tests/sites/components): links to members named by a
handle (/m/anna.v.html), rendered inside a shadow root, are inventoried and share one name template (the crawl learns
such patterns from siblings: tests/test_discovery.py), and the text of collapsed accordion answers and closed
<details> is read into the page text."""

from __future__ import annotations

import pytest

from toolkit.collection.interact import name_template, page_inventory

from .sitesrv import serve_site


def test_name_templates_group_handles_and_short_slugs_but_not_ids_or_deep_paths():
    assert name_template("https://x.test/m/robin.k") == name_template("https://x.test/m/ayesha_m") == "x.test/m/{name}"
    assert name_template("https://x.test/rooms/book-club") == "x.test/rooms/{name}"
    assert name_template("https://x.test/@jonno") == "x.test/@{name}"
    assert name_template("https://x.test/ads/12") == ""  # an ID: item_template's business
    assert name_template("https://x.test/rooms/book-club/join") == ""
    assert name_template("https://x.test/about") == ""
    assert name_template("https://x.test/m/robin.k?tab=posts") == ""
    assert name_template("https://x.test/page/2") == ""


@pytest.fixture(scope="module")
def components_site():
    with serve_site("components") as (url, _server):
        yield url


async def _inventory(browser_session, url: str):
    ctx, _ = await browser_session.new_context()
    try:
        page = await ctx.new_page()
        await page.goto(url)
        await page.wait_for_load_state("load")
        return await page_inventory(page, "127.0.0.1")
    finally:
        await ctx.close()


@pytest.mark.browser
async def test_member_links_rendered_in_a_shadow_root_are_inventoried_and_share_a_name_template(
        browser_session, components_site):
    inv = await _inventory(browser_session, components_site)
    members = [e for e in inv.elements if e.tag == "a" and "/m/" in (e.href or "")]
    assert len(members) == 5 and all(e.in_shadow for e in members)
    assert len({name_template(e.href) for e in members}) == 1 and name_template(members[0].href)


@pytest.mark.browser
async def test_collapsed_accordion_answers_and_closed_details_are_read(browser_session, components_site):
    text = (await _inventory(browser_session, components_site + "privacy.html")).text
    assert "Messages are deleted 60 days after you remove them." in text
    assert "Login records are kept for 6 months." in text.split("Messages are deleted")[1]  # list items kept apart
    assert "We answer court orders from the police." in text
    assert text.count("Do you work with the police?") == 1  # the <summary> is visible text already
