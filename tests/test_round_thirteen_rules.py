"""Rules from round thirteen of the independently built platforms (a "server"-style community chat and a Flemish
classifieds site for personal services), each tested with examples of our own."""

from __future__ import annotations

from pathlib import Path

from checks import age, contact, report
from safehaven.bundle import Bundle
from safehaven.models import PageRecord
from tests.bundles import SITE, field, form, link, make_bundle, page

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


# --------------------------------------------------------------------------------------- an adult section behind a redirect


def test_a_section_that_redirects_to_a_gate_page_with_an_i_am_18_link_is_found_with_its_items():
    """The crawl asked for /rubriek/volwassen and landed on /poort?next=...: the gate page's own link "Ik ben 18 jaar of
    ouder" marks the section; its items are those of the listing the crawl read once past the gate. A header link
    "Volwassenen 18+" on every page, or a sidebar link "Erotiek 18+", marks nothing."""
    from types import SimpleNamespace

    from safehaven.models import Element
    from toolkit.collection.age_probe import _adult_section, _section_items

    site = "https://board.test/"

    def rec(url, role, *elements, final=None):
        return PageRecord(id=url[-6:], url=url, final_url=final or url, status=200, role=role, elements=list(elements))

    menu = Element(tag="a", name="Volwassenen 18+", href=site + "rubriek/volwassen", region="header")
    ad = lambda n: Element(tag="a", name=f"Zoekertje {n}", href=f"{site}zoekertje/{n}")  # noqa: E731
    start = rec(site, "start", menu, ad(1))
    # a rubric's link in a sidebar (no landmark) only names the rubric: its "18+" says nothing about the visitor
    other = rec(site + "hoe-werkt-het", "other", menu, Element(tag="a", name="Erotiek 18+", href=site + "rubriek/volwassen"))
    gate_page = rec(site + "rubriek/volwassen", "other", menu,
                    Element(tag="a", name="Ik ben 18 jaar of ouder", href=site + "poort/ja?next=/rubriek/volwassen"),
                    final=site + "poort?next=%2Frubriek%2Fvolwassen")
    listing = rec(site + "poort/ja?next=/rubriek/volwassen", "listing", menu, ad(70), ad(71),
                  final=site + "rubriek/volwassen")
    context = SimpleNamespace(start_url=site, pages=[start, other, gate_page, listing],
                              item_urls=[f"{site}zoekertje/1"])
    assert _adult_section(context) is gate_page
    assert _section_items(context, gate_page) == [f"{site}zoekertje/70", f"{site}zoekertje/71"]
    context.pages = [start, other]
    assert _adult_section(context) is None


# --------------------------------------------------------------------------------------- placing an ad without an account


def _posting(*extra) -> dict:
    f = form(field("Titel", name="titel"), field("E-mailadres", type="email", name="email"), *extra)
    return page(f"{SITE}/zoekertje-plaatsen", role="other", title="Gratis zoekertje plaatsen", forms=[f], lang="nl")


def test_a_form_that_places_an_ad_with_the_advertisers_email_is_the_signup(tmp_path: Path):
    box = field("Ik ben 18 jaar of ouder en aanvaard de voorwaarden", type="checkbox", name="akkoord")
    bundle = Bundle(make_bundle(tmp_path, [page(f"{SITE}/", role="start"), _posting(box)], url=f"{SITE}/"))
    f = age.signup_turns_minors_away(bundle)
    assert f.status == "partial" and "zoekertje-plaatsen" in f.summary
    bare = Bundle(make_bundle(tmp_path / "b", [page(f"{SITE}/", role="start"), _posting()], url=f"{SITE}/"))
    assert age.signup_turns_minors_away(bare).status == "fail"


def test_a_posting_form_without_an_email_field_or_a_real_signup_page_keeps_its_place(tmp_path: Path):
    search = page(f"{SITE}/zoekertje-plaatsen", role="other", title="Gratis zoekertje plaatsen",
                  forms=[form(field("Titel", name="titel"), field("Tekst", name="tekst"))], lang="nl")
    bundle = Bundle(make_bundle(tmp_path, [page(f"{SITE}/", role="start"), search], url=f"{SITE}/"))
    assert age.signup_turns_minors_away(bundle).status == "not_assessed"


# --------------------------------------------------------------------------------------- a 13+ question at signup


def test_a_signup_that_asks_only_whether_one_is_13_or_older_fails_and_says_so(tmp_path: Path):
    from tests.bundles import signup_with_text
    box = field("Yes, I am 13 or older", type="checkbox", name="age_ok")
    bundle = Bundle(make_bundle(tmp_path, [page(f"{SITE}/", role="start"), signup_with_text("Join us", extra=[box])],
                                url=f"{SITE}/"))
    f = age.signup_turns_minors_away(bundle)
    assert f.status == "fail" and "13 or older" in f.summary and "lets minors in" in f.summary
    assert age.YOUNGER_FLOOR.search("ik ben 16 jaar of ouder").group(1) == "16"
    assert not age.YOUNGER_FLOOR.search("I am 18 or older") and not age.YOUNGER_FLOOR.search("Room 113 or older")
