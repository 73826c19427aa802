"""Rules from round thirteen of the independently built platforms (a "server"-style community chat and a Flemish
classifieds site for personal services), each tested with examples of our own."""

from __future__ import annotations

from pathlib import Path

from checks import contact
from safehaven.bundle import Bundle
from tests.bundles import SITE, make_bundle, page

# --------------------------------------------------------------------------------------- messenger address as text


def test_a_telegram_or_whatsapp_address_typed_in_a_post_is_a_contact_route(tmp_path: Path):
    pages = [page(f"{SITE}/", role="start"),
             page(f"{SITE}/threads/41", role="item", text="Selling my old bike. Quicker on telegram: t.me/bikeguy_ron"),
             page(f"{SITE}/threads/42", role="item", text="Nice photos! Anyone up for a walk on Sunday?")]
    f = contact.no_contact_details_for_anonymous(Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/")))
    assert f.status == "fail" and "messenger address in text" in f.details["routes"]
    assert "t.me/bikeguy_ron" in f.details["examples"]


def test_share_addresses_and_look_alike_words_are_no_messenger_route():
    assert not contact.MESSENGER_TEXT.search("share it: t.me/share/url?url=https://example.org")
    assert not contact.MESSENGER_TEXT.search("he bought a new.wa.me/tal thing at trust.me/ok")
    assert contact.MESSENGER_TEXT.search("app me op wa.me/32470112233 na 18u").group(0) == "wa.me/32470112233"
