"""User cards in a real Chromium: the contact probe clicks an author's name or avatar on item pages and keeps what
opened in place (a card in the page, one inside a shadow root), never clicking what acts and never writing."""

from __future__ import annotations

import time

import pytest

from checks import contact
from safehaven.bundle import Bundle
from safehaven.models import ContactProbe
from toolkit.collection.crawl import collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
async def carded(browser_session, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("usercard") / "run"
    with serve_site("usercard") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Knotwork"\nurl = "{url}"\nlanguage = "en"\nadult = false\n')
        t0 = time.perf_counter()
        await collect(defn, run_dir, browser_session)
        seconds = time.perf_counter() - t0
        posts, requests = list(server.posts), list(server.requests)
    bundle = Bundle(run_dir)
    return bundle, bundle.probe("contact", ContactProbe), posts, requests, seconds


async def test_a_card_opened_by_clicking_a_name_is_recorded_with_its_controls_and_text(carded):
    _b, probe, _p, _r, seconds = carded
    cards = {c.item_url.rsplit("/", 1)[-1]: c for c in probe.popovers}
    card = cards["1-first-knots.html"]
    assert card.opener.name == "Mira" and card.author == "mira" and card.role == "dialog"
    names = {c.name for c in card.controls}
    assert {"Message", "Follow", "Mute Mira", "Block"} <= names
    assert "never share passwords or bank details" in card.text
    assert card.screenshot and card.box_in_shot is not None
    print(f"\ncollect with user cards: {seconds:.1f}s")


async def test_a_card_inside_a_shadow_root_opened_by_an_avatar(carded):
    _b, probe, _p, _r, _s = carded
    cards = {c.item_url.rsplit("/", 1)[-1]: c for c in probe.popovers}
    card = cards["2-splicing-rope.html"]
    assert card.opener.in_shadow and card.opener.name == "Jonas" and card.author == "jonas"
    assert any(c.name == "Block" and c.in_shadow for c in card.controls)


async def test_a_plain_profile_link_navigates_and_records_nothing(carded):
    _b, probe, _p, _r, _s = carded
    assert not any(c.item_url.endswith("3-bowline-or-figure-eight.html") for c in probe.popovers)


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
