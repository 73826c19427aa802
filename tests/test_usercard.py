"""User cards in a real Chromium: the contact probe clicks an author's name or avatar on item pages and keeps what
opened in place (a card in the page, one inside a shadow root), never clicking what acts and never writing."""

from __future__ import annotations

import time

import pytest

from checks import contact
from safehaven.models import ContactProbe, PageRecord
from toolkit.collection import contact_probe
from toolkit.collection.crawl import Collector
from toolkit.collection.usercard import CARD_ITEMS, card_items, user_cards
from toolkit.definition import parse_definition

from .bundles import bundle_of, page
from .sitesrv import serve_site

pytestmark = pytest.mark.browser


ITEMS = ("t/1-first-knots.html", "t/2-splicing-rope.html", "t/3-rope-care.html", "t/4-bowline-or-figure-eight.html")


@pytest.fixture(scope="module")
async def carded(browser_session, tmp_path_factory):
    """The contact probe's user-card lane on the three topic pages of tests/sites/usercard (the crawl's part given
    by hand), then the cards saved with those pages as a bundle for the checks."""
    tmp = tmp_path_factory.mktemp("usercard")
    with serve_site("usercard") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Knotwork"\nurl = "{url}"\nlanguage = "en"\nadult = false\n'
                                '[crawl]\nrequests_per_second = 20\n')
        collector = Collector(defn, tmp / "run", browser_session)
        collector.pages = [PageRecord(id=f"p{n}", url=url + path, final_url=url + path, status=200, role="item")
                           for n, path in enumerate(ITEMS, start=1)]
        collector.pages.append(PageRecord(id="p9", url=url + "u/ruth.html", status=200, role="other"))
        context = collector.probe_context()
        t0 = time.perf_counter()
        ctx, _ = await context.prepared_context()  # as the contact probe's lane: guarded, logged out
        try:
            assert card_items(context) == [url + path for path in ITEMS[:CARD_ITEMS]]
            cards = await user_cards(context, ctx, list(context.item_urls), lambda pg, box, name: contact_probe._shot(
                context, pg, {"box": box}, name, scrolled=True))
            seconds = time.perf_counter() - t0
            profiles = contact_probe.member_profiles(context, list(context.item_urls))
            menus = await contact_probe._menu_controls(context, ctx, profiles[0])
        finally:
            await ctx.close()
        probe = ContactProbe(popovers=cards, menu_controls=menus)
        posts, requests = list(server.posts), list(server.requests)
    topic = "First knots for a climbing course\nMira 2 days ago\nWhich knots should I know?"
    pages = [page(url + path, role="item", text=topic if n == 0 else "A topic") for n, path in enumerate(ITEMS)]
    bundle = bundle_of(tmp / "b", *pages, probes={"contact": probe})
    return bundle, probe, posts, requests, seconds


async def test_a_card_opened_by_clicking_a_name_is_recorded_with_its_controls_and_text(carded):
    _b, probe, _p, _r, seconds = carded
    cards = {c.item_url.rsplit("/", 1)[-1]: c for c in probe.popovers}
    card = cards["1-first-knots.html"]
    assert card.opener.name == "Mira" and card.author == "mira" and card.role == "dialog"
    names = {c.name for c in card.controls}
    assert {"Message", "Follow", "Mute Mira", "Block"} <= names
    assert "never share passwords or bank details" in card.text
    assert card.screenshot and card.box_in_shot is not None
    print(f"\nuser cards on four item pages: {seconds:.1f}s")


async def test_a_card_inside_a_shadow_root_opened_by_an_avatar(carded):
    _b, probe, _p, _r, _s = carded
    cards = {c.item_url.rsplit("/", 1)[-1]: c for c in probe.popovers}
    card = cards["2-splicing-rope.html"]
    assert card.opener.in_shadow and card.opener.name == "Jonas" and card.author == "jonas"
    assert any(c.name == "Block" and c.in_shadow for c in card.controls)


async def test_a_profile_link_whose_script_keeps_the_page_opens_the_card(carded):
    _b, probe, _p, _r, _s = carded
    card = next(c for c in probe.popovers if c.item_url.endswith("3-rope-care.html"))
    assert card.opener.tag == "a" and card.opener.href.endswith("/u/ruth.html") and card.author == "ruth"
    assert "Block" in {c.name for c in card.controls}


async def test_a_plain_profile_link_navigates_and_records_nothing(carded):
    _b, probe, _p, requests, _s = carded
    assert not any(c.item_url.endswith("4-bowline-or-figure-eight.html") for c in probe.popovers)
    assert "/u/pieter.html" in requests  # it was clicked and led to the profile: nothing of that page is a card
    assert len(probe.popovers) == 3


async def test_nothing_was_written_and_nothing_that_acts_was_clicked(carded):
    _b, probe, posts, requests, _s = carded
    assert posts == []  # the server saw no POST: not the card counter, not follow / mute / block
    seen = [w for c in probe.popovers for w in c.refused_writes]
    assert any("/api/card-seen" in w for w in seen)  # what opening the card tried to send, refused and recorded
    assert not any(x in w for w in seen for x in ("/api/follow", "/api/mute", "/api/block"))


async def test_the_card_lifts_contact_04_and_05(carded):
    bundle, _p, _po, _r, _s = carded
    c04 = contact.control_who_reaches_you(bundle)
    assert c04.status == "pass" and c04.basis == "observed"
    c05 = contact.safety_notice_at_contact(bundle)
    assert c05.status == "pass" and "never share passwords" in c05.quotes[0].text


async def test_the_more_menu_on_a_members_profile_is_opened_too(carded):
    _b, probe, posts, _r, _s = carded
    found = {c["kind"]: c for c in probe.menu_controls}
    assert found["block"]["name"] == "Block Ruth" and found["mute"]["name"] == "Mute Ruth"
    assert found["block"]["item_url"].endswith("/u/ruth.html") and found["block"]["menu"] == "More actions for Ruth"
    assert posts == []  # the menu was opened; Block and Mute were never clicked
