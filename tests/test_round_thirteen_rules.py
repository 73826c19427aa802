"""Rules from round thirteen of the independently built platforms (a "server"-style community chat and a Flemish
classifieds site for personal services), each tested with examples of our own."""

from __future__ import annotations

from pathlib import Path

from checks import contact, report
from safehaven.bundle import Bundle
from safehaven.models import PageRecord
from tests.bundles import SITE, link, make_bundle, page

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


# --------------------------------------------------------------------------------------- "something wrong?" line


def _ad(text: str, *links) -> PageRecord:
    return PageRecord(id="p001", url=f"{SITE}/zoekertje/12", role="item", elements=list(links))


def test_a_short_link_on_a_line_asking_if_something_is_wrong_reports_the_item():
    text = "Fietsherstelling aan huis\nIk kom met de bestelwagen.\nEr klopt iets niet? Laat het ons weten."
    tell = link("Laat het ons weten", "mailto:info@platform.test?subject=Zoekertje%2012")
    assert [c.how for c in report.report_controls(_ad(text, tell), text)] == ["cue"]
    english = "Something wrong with this listing? Tell us"
    assert [c.how for c in report.report_controls(_ad(english, link("Tell us", "/contact?ad=12")), english)] == ["cue"]


def test_the_cue_words_in_a_long_paragraph_or_without_a_short_link_report_nothing():
    long = ("Er klopt iets niet met mijn oude wasmachine, dus ik zoek iemand die ze kan herstellen; bel of stuur een "
            "berichtje, ik ben bijna altijd thuis en heb alle tijd om samen te bekijken wat er precies mis is ermee.")
    assert report.report_controls(_ad(long, link("bel", "tel:0470112233")), long) == []
    line = "Er klopt iets niet? Bekijk dan eerst onze uitgebreide pagina met veelgestelde vragen over zoekertjes"
    faq = link("Bekijk dan eerst onze uitgebreide pagina met veelgestelde vragen", "/faq")
    assert report.report_controls(_ad(line, faq), line) == []
    assert report.report_controls(_ad("", link("Laat het ons weten", "mailto:x@y.test")), "") == []
