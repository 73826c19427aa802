"""CONTACT checks (CONTACT-01..05, anonymous contact): messaging and contact details for logged-out
visitors, verified channels, block / mute controls, the safety notice, and the CONTACT ladder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import contact, lexicon
from checks.report import sentences
from safehaven.bundle import Bundle
from safehaven.models import AgeGateProbe, ContactProbe, ControlSeen, Popover
from tests.bundles import (
    CONTACT_NEAR,
    LANGS,
    NOTICE,
    T,
    bundle_of,
    button,
    contact_case,
    field,
    form,
    levels,
    link,
    make_bundle,
    page,
    signup_with_text,
)
from toolkit.evaluate import evaluate

URL = "https://platform.test/"


def bundle_with(tmp_path: Path, pages=None, *, probe: AgeGateProbe | None = None, adult=True) -> Bundle:
    probes = {"age_gate": probe} if probe else {}
    return Bundle(make_bundle(tmp_path, pages or [page(URL, role="start")], adult=adult, probes=probes))


def item(n: int, *elements, text: str = "An ad.") -> dict:
    return page(f"{URL}ads/{n}", role="item", text=text, elements=list(elements))


# ------------------------------------------------------------------------------------- CONTACT-01 / CONTACT-02


def test_phone_links_and_disguised_numbers_on_items_fail_contact_details(tmp_path):
    pages = [item(1, link("Bel mij", "tel:+31612345678")),
             item(2, text="Bel me: 06 - 12 34 56 78, liefst na 18:00"),
             item(3, link("chat", "https://wa.me/31612345678")),
             item(4, text="nul zes een twee drie vier vijf zes zeven acht")]
    f = contact.no_contact_details_for_anonymous(bundle_with(tmp_path, pages))
    assert f.status == "fail" and "4 of 4" in f.summary
    assert {"phone link", "WhatsApp link", "phone number in text", "phone number spelled out"} <= set(f.details["routes"])


def test_share_via_messenger_buttons_are_not_contact_details_but_a_messenger_with_a_recipient_is(tmp_path):
    # "Send this ad to a friend" buttons carry the page, not a person: nobody is reached through them
    shares = [link("Deel via WhatsApp", "https://wa.me/?text=Fiets%20te%20koop%20https%3A%2F%2Fplatform.test%2Fads%2F1"),
              link("Share", "https://api.whatsapp.com/send?text=Look%20at%20this"),
              link("WhatsApp", "whatsapp://send?text=Look"),
              link("Telegram", "https://t.me/share/url?url=https%3A%2F%2Fplatform.test%2Fads%2F1&text=Bike")]
    f = contact.no_contact_details_for_anonymous(bundle_with(tmp_path / "a", [item(1, *shares)]))
    assert f.status == "pass", f.summary
    recipients = [link("App mij", "https://api.whatsapp.com/send?phone=31612345678&text=Hoi"),
                  link("Telegram", "https://t.me/fietsverkoper"),
                  link("WhatsApp Business", "https://wa.me/message/K3XAMPLE1")]
    f = contact.no_contact_details_for_anonymous(bundle_with(tmp_path / "b", [item(1, *recipients)]))
    assert f.status == "fail" and len(f.details["routes"]) >= 1
    assert sorted(r for r in f.details["routes"]) == ["Telegram link", "WhatsApp link"]


def test_help_numbers_dates_and_the_platforms_own_footer_mail_are_not_contact_details(tmp_path):
    footer_mail = link("Contact", "mailto:support@platform.test", region="footer")
    pages = [item(1, footer_mail, text="In nood? Bel 112 of Meld Misdaad Anoniem 0800-7000. Geplaatst 2026-11-28."),
             item(2, footer_mail, text="Politie: 0900-8844. Prijs 150 euro.")]
    f = contact.no_contact_details_for_anonymous(bundle_with(tmp_path, pages))
    assert f.status == "pass", f.summary


def test_number_hidden_in_the_page_until_a_click_is_partial(tmp_path):
    run_dir = make_bundle(tmp_path, [item(1, button("Toon nummer"))])
    (run_dir / "bundle/pages/p001/dom.html").write_text('<span hidden>06-12345678</span>')
    b = Bundle(run_dir)
    b.pages[0].files["dom"] = "bundle/pages/p001/dom.html"
    assert contact.no_contact_details_for_anonymous(b).status == "partial"


def test_guest_message_form_on_an_item_fails_no_messaging_without_account(tmp_path):
    msg = form(field("Je naam"), field("Bericht", tag="textarea", type="textarea"), submit="Stuur bericht")
    pages = [page(URL + "ads/1", role="item", forms=[msg])]
    f = contact.no_messaging_without_account(bundle_with(tmp_path, pages))
    assert f.status == "fail" and "not sent" in f.summary


def test_message_link_leading_to_login_passes(tmp_path):
    pages = [item(1, link("Send message", URL + "login?next=/messages/1")),
             page(URL + "login?next=/messages/1", role="login")]
    f = contact.no_messaging_without_account(bundle_with(tmp_path, pages))
    assert f.status == "pass" and "login" in f.summary


def test_contact_ladder_is_zero_when_details_are_handed_out():
    from checks.base import finding

    fs = {"CONTACT-01": finding("CONTACT-01", "pass", ""), "CONTACT-02": finding("CONTACT-02", "partial", "")}
    assert contact.level(fs) == 0
    fs["CONTACT-02"] = finding("CONTACT-02", "pass", "")
    fs["CONTACT-03"] = finding("CONTACT-03", "pass", "")
    assert contact.level(fs) == 2




ADS_SITE = "https://ads.test/"


def _contact01(tmp_path: Path, fields) -> str:
    write = page(ADS_SITE + "messages/write/", forms=[form(*fields, submit="Verzenden", name="Schrijven")])
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=[page(ADS_SITE, role="start", text="Berichten"), write])
    return next(f for f in evaluate(Bundle(run_dir)) if f.check == "CONTACT-01").status


# ------------------------------------------------- as seen on real software: the platform speaking, not a user


def test_a_write_to_a_member_form_open_to_visitors_fails_contact_01_without_item_pages(tmp_path: Path) -> None:
    fields = [field("E-mailadres :", type="email", name="email"), field("Ontvanger :", name="recipients"),
              field("Onderwerp :", name="subject"), field("Inhoud :", tag="textarea", type="textarea", name="body")]
    assert _contact01(tmp_path, fields) == "fail"


def test_a_report_form_asking_what_is_going_on_is_not_a_member_message_form(tmp_path: Path) -> None:
    fields = [field("Wat is er aan de hand?", name="what"), field("Toelichting", tag="textarea", type="textarea")]
    assert _contact01(tmp_path, fields) == "not_assessed"


def test_the_write_form_page_is_the_point_of_contact_when_there_are_no_item_pages(tmp_path: Path) -> None:
    fields = [field("Ontvanger :", name="recipients"), field("Inhoud :", tag="textarea", type="textarea", name="body")]
    write = page(ADS_SITE + "messages/write/", forms=[form(*fields, submit="Verzenden")],
                 text="Schrijven. Stuur nooit geld naar iemand die je niet kent.")
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=[page(ADS_SITE, role="start", text="Berichten"), write])
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "CONTACT-05")
    assert finding.status == "pass" and "stuur nooit geld" in finding.quotes[0].text.lower()




SITE = "https://platform.test"




def _c03(tmp_path, text, lang="en"):
    return contact.verified_channel(bundle_of(tmp_path, signup_with_text(text, lang=lang),
                                              page(f"{SITE}/help", role="help", text="Help", lang=lang)))


def _said(text):
    return sentences(text)


# -------------------------------------------------------------------------------------------------- CONTACT-03


@pytest.mark.parametrize("text,lang", [
    ("We'll send you a link. You can't post until you've confirmed it.", "en"),
    ("Click the link in the email to finish signing up.", "en"),
    ("We mailen je een code. Voer die in om je account te activeren.", "nl"),
    ("We sturen je een mailtje met een link. Pas als je daarop klikt, kun je berichten sturen.", "nl"),
    ("We e-mail you a six-digit code. Until you type it in, your profile stays hidden.", "en"),
])
def test_confirmation_said_in_ordinary_words_passes(tmp_path, text, lang):
    f = _c03(tmp_path, text, lang)
    assert f.status == "pass" and f.basis == "stated"


def test_id_verification_at_signup_counts_as_a_verified_channel(tmp_path):
    f = _c03(tmp_path, "Bij aanmelden controleren we je identiteitsbewijs. Pas na verificatie kun je berichten "
                       "sturen.", "nl")
    assert f.status == "pass" and "identity" in f.summary


@pytest.mark.parametrize("text,lang", [
    ("You don't need to confirm your address. Just sign up and start chatting.", "en"),
    ("Je hoeft je e-mailadres niet te bevestigen om een account te maken.", "nl"),
    ("We use your email address to send you news. You can change it in your account at any time.", "en"),
])
def test_negations_and_mere_mentions_still_fail(tmp_path, text, lang):
    assert _c03(tmp_path, text, lang).status == "fail"


# -------------------------------------------------------------------------------------------------- CONTACT-04


@pytest.mark.parametrize("text,kind", [
    ("Block someone from the ⋯ menu on their profile.", "block"),
    ("How do I stop someone from messaging me? Open their profile and choose Block.", "block"),
    ("Demp een gesprek als je er even geen meldingen van wilt.", "mute"),
    ("Who can write to me? Only people you liked back. Change it under Settings.", "who_contacts"),
    ("Hoe bepaal ik wie mij berichten mag sturen? Ga naar Instellingen en kies wie je mag berichten.", "who_contacts"),
])
def test_help_text_as_questions_imperatives_and_inflections_is_read(text, kind):
    said = _said(text)
    assert any(contact.control_statement(said, i, kind) for i in range(len(said)))


@pytest.mark.parametrize("text,kind", [
    ("We block accounts that break the rules.", "block"),
    ("Your account may be blocked if you break the rules.", "block"),
    ("Muted members can still see your profile.", "mute"),
])
def test_sanctions_and_descriptions_are_not_controls(text, kind):
    said = _said(text)
    assert not any(contact.control_statement(said, i, kind) for i in range(len(said)))


def test_block_and_mute_found_in_an_opened_menu_pass(tmp_path):
    probe = ContactProbe(menu_controls=[
        {"item_url": f"{SITE}/profile/1", "menu": "More options", "name": "Block Mira", "kind": "block"},
        {"item_url": f"{SITE}/profile/1", "menu": "More options", "name": "Mute Mira", "kind": "mute"}])
    item = page(f"{SITE}/profile/1", role="item", text="Mira, 31")
    f = contact.control_who_reaches_you(bundle_of(tmp_path, item, probes={"contact": probe}))
    assert f.status == "pass" and f.basis == "observed" and "More options → Block Mira" in f.evidence[0].note




# ------------------------------------------------------ the CONTACT ladder, rung by rung, in English and Dutch


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rung", range(5))
def test_contact_rung_exactly(tmp_path, lang, rung):
    assert levels(tmp_path, contact_case(lang, rung, near=False))["CONTACT"] == rung


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rung", range(1, 5))
def test_contact_rung_almost(tmp_path, lang, rung):
    pages = contact_case(lang, rung, near=True)
    if rung == 1:  # an account is needed, but the poster's number is on the ad
        pages[1]["text"] += T(lang, "\nWhatsApp me: +31 6 1234 5678", "\nApp me: +31 6 1234 5678")
    assert levels(tmp_path, pages)["CONTACT"] == CONTACT_NEAR[rung]


# ------------------------------------- wording met on independently built platforms (benchmarks/independent)


@pytest.mark.parametrize("lang,notice", [
    ("en", "Before you write: if someone asks you for money or wants to move to another app, stop the conversation."),
    ("nl", "Let op: vraagt iemand je om geld of wil diegene naar een andere app? Stop het gesprek."),
])
def test_a_notice_about_money_requests_on_every_profile_is_at_the_point_of_contact(tmp_path, lang, notice):
    items = [page(f"{SITE}/profile/{n}", role="item", lang=lang, text=f"Member {n}, 30\nSend a message\n{notice}")
             for n in (1, 2, 3)]
    f = contact.safety_notice_at_contact(bundle_of(tmp_path, *items))
    assert f.status == "pass" and "app" in f.quotes[0].text


def test_a_members_own_words_about_money_are_no_platform_notice(tmp_path):
    items = [page(f"{SITE}/profile/1", role="item", text="Tom, 40\nI never ask anyone for money, I have a job."),
             page(f"{SITE}/profile/2", role="item", text="Eva, 35\nLooking for a walking partner."),
             page(f"{SITE}/profile/3", role="item", text="Sam, 29\nCoffee first.")]
    assert contact.safety_notice_at_contact(bundle_of(tmp_path, *items)).status == "fail"


@pytest.mark.parametrize("lang,text", [
    ("en", "Once you have filled this in, we e-mail you a link. Click it: as long as you have not, your account stays "
           "locked."),
    ("nl", "Hierna mailen we je een link. Klik erop; zolang je dat niet hebt gedaan, staat je account op slot."),
])
def test_an_account_locked_until_the_mailed_link_is_clicked_is_a_verified_channel(tmp_path, lang, text):
    f = contact.verified_channel(bundle_of(tmp_path, signup_with_text(text, lang=lang)))
    assert f.status == "pass" and f.basis == "stated"


@pytest.mark.parametrize("lang,text", [
    ("en", "We e-mail you a link, but you don't need to click it: your account is never locked."),
    ("nl", "We mailen je een link, maar die hoef je niet aan te klikken; je account gaat nooit op slot."),
])
def test_a_link_you_need_not_click_is_no_verified_channel(tmp_path, lang, text):
    assert contact.verified_channel(bundle_of(tmp_path, signup_with_text(text, lang=lang))).status == "fail"


# ------------------------------------- round two (benchmarks/independent: koopjeshoek)


@pytest.mark.parametrize("lang,notice", [
    ("en", "Trade safely: collect the item yourself and only pay once you have seen it. Never transfer money to "
           "strangers."),
    ("nl", "Veilig handelen: haal het artikel zelf op en betaal pas als je het gezien hebt. Maak nooit geld over naar "
           "onbekenden."),
])
def test_a_safe_trading_notice_above_every_reply_form_is_at_the_point_of_contact(tmp_path, lang, notice):
    items = [page(f"{SITE}/advertentie.php?id={n}", role="item", lang=lang,
                  text=f"Bike {n}, 80 euro\n{notice}\nReply to this ad") for n in (1, 2, 3)]
    f = contact.safety_notice_at_contact(bundle_of(tmp_path, *items))
    assert f.status == "pass" and f.quotes[0].text in notice


@pytest.mark.parametrize("lang,words", [
    ("en", "Trade bike for a safe, cash only, collect in Leeds."),
    ("nl", "Ruil fiets tegen een kluis, alleen contant, ophalen in Almelo."),
])
def test_an_ad_about_safes_and_cash_is_no_notice(tmp_path, lang, words):
    items = [page(f"{SITE}/advertentie.php?id={n}", role="item", lang=lang, text=words) for n in (1, 2, 3)]
    assert contact.safety_notice_at_contact(bundle_of(tmp_path, *items)).status == "fail"


@pytest.mark.parametrize("lang,text", [
    ("en", "Nearly there. Your new account only works once you have opened the link in the e-mail we send you."),
    ("en", "Nearly there. Find our welcome e-mail and press the button in it to switch your account on."),
    ("nl", "Bijna klaar. Je nieuwe account werkt pas als je de link in de e-mail die we sturen hebt geopend."),
])
def test_an_account_that_works_only_after_the_mailed_link_is_opened_is_a_verified_channel(tmp_path, lang, text):
    f = contact.verified_channel(bundle_of(tmp_path, signup_with_text(text, lang=lang)))
    assert f.status == "pass" and f.basis == "stated"


@pytest.mark.parametrize("lang,text", [
    ("en", "Nearly there. Open the link in our e-mail whenever it suits you; your account works straight away."),
    ("nl", "Bijna klaar. Open de link in onze e-mail wanneer het je uitkomt; je account werkt meteen."),
])
def test_a_mailed_link_you_may_open_later_is_no_verified_channel(tmp_path, lang, text):
    assert contact.verified_channel(bundle_of(tmp_path, signup_with_text(text, lang=lang))).status == "fail"


@pytest.mark.parametrize("text", [
    "An e-mail with a link is on its way to you. Browsing needs nothing, but you can only post in a group or send "
    "messages once that address is confirmed.",
    "We text a code to your mobile. You may only start a chat after the number is verified.",
])
def test_a_permission_held_back_until_the_channel_is_confirmed_is_a_verified_channel(tmp_path, text):
    f = contact.verified_channel(bundle_of(tmp_path, signup_with_text(text)))
    assert f.status == "pass" and f.basis == "stated"


@pytest.mark.parametrize("text", [
    "A mail with a link is on its way to you. Once that address is confirmed you can change it in your settings.",
    "You can only change your e-mail address once a month, and only to an address you have confirmed before.",
])
def test_confirmation_that_holds_nothing_back_is_no_verified_channel(tmp_path, text):
    assert contact.verified_channel(bundle_of(tmp_path, signup_with_text(text))).status == "fail"


def _help_bundle(tmp_path, lang, text):
    return bundle_of(tmp_path, page(f"{SITE}/help", role="help", text=text, lang=lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Unwanted messages. Pick 'Ignore member' in the ⋯ menu to hide what they write. Blocking goes further: they "
           "cannot reach you at all."),
    ("nl", "Ongewenste berichten. Kies 'Lid negeren' in het ⋯-menu om niet meer te zien wat iemand schrijft. Blokkeren "
           "gaat verder: dan kan die persoon je helemaal niet meer bereiken."),
])
def test_a_control_explained_as_a_noun_to_the_reader_counts(tmp_path, lang, text):
    f = contact.control_who_reaches_you(_help_bundle(tmp_path, lang, text))
    assert f.status == "pass", f.summary


@pytest.mark.parametrize("lang,text", [
    ("en", "Unwanted messages. Pick 'Ignore member' in the ⋯ menu to hide what they write. Blocking of your account "
           "follows when you break the rules."),
    ("nl", "Ongewenste berichten. Kies 'Lid negeren' in het ⋯-menu om niet meer te zien wat iemand schrijft. Blokkeren "
           "van je account volgt als je de regels overtreedt."),
])
def test_blocking_as_a_sanction_on_your_account_is_no_control(tmp_path, lang, text):
    f = contact.control_who_reaches_you(_help_bundle(tmp_path, lang, text))
    assert f.status == "partial", f.summary


# Round four: the requirement said as what you cannot do without the code or link.
@pytest.mark.parametrize("lang, text", [
    ("nl", "Daarna krijg je een sms met een code. Zonder die code kun je geen berichten sturen."),
    ("en", "Next we send a code by text message. Without that code you can't message anyone."),
    ("nl", "We mailen je een link. Zonder die link kun je niemand een bericht sturen."),
])
def test_confirmation_required_as_what_you_cannot_do_without_the_code(tmp_path, lang, text):
    f = contact.verified_channel(bundle_of(tmp_path, signup_with_text(text, lang=lang)))
    assert f.status == "pass", f.summary


@pytest.mark.parametrize("lang, text", [
    ("nl", "Je krijgt een sms met een code. Zonder de code kun je ook gewoon rondkijken."),
    ("en", "We send a code by text message. Without the code you can still browse and chat."),
])
def test_a_code_you_can_do_without_is_no_requirement(tmp_path, lang, text):
    f = contact.verified_channel(bundle_of(tmp_path, signup_with_text(text, lang=lang)))
    assert f.status == "fail", f.summary


# ------------------------------------- round five (benchmarks/independent: threadline, rodelampen)


@pytest.mark.parametrize("lang,text", [
    ("en", "Mute someone to stop getting notifications about them. Ignore someone and they can't message you any more."),
    ("en", "Choose Silence (you won't see alerts from them) or Ignore (they can no longer contact you)."),
    ("nl", "Demp iemand om geen meldingen meer over die persoon te krijgen. Negeer iemand: dan kan die persoon je geen "
           "berichten meer sturen."),
    ("en", "Open their profile and pick Ignore: their posts disappear for you and they cannot send you private messages."),
    ("nl", "Kies Negeren op het profiel: je ziet hun berichten niet meer en ze kunnen je geen privéberichten sturen."),
])
def test_an_ignore_control_that_stops_someone_reaching_you_is_a_block(tmp_path, lang, text):
    f = contact.control_who_reaches_you(_help_bundle(tmp_path, lang, text))
    assert f.status == "pass", f.summary


@pytest.mark.parametrize("lang,text", [
    ("en", "Mute someone to stop getting notifications about them. Ignore hides their posts, but they can still "
           "message you."),
    ("nl", "Demp iemand om geen meldingen meer te krijgen. Negeer iemand om zijn berichten te verbergen; hij kan je wel "
           "nog schrijven."),
    ("en", "Mute someone to stop their notifications. Ignore them to hide their posts; you can't message them either."),
    ("nl", "Demp iemand om geen meldingen meer te krijgen. Negeer iemand om zijn posts te verbergen; je kunt hem dan zelf "
           "geen berichten meer sturen."),
])
def test_an_ignore_control_that_only_hides_posts_is_no_block(tmp_path, lang, text):
    f = contact.control_who_reaches_you(_help_bundle(tmp_path, lang, text))
    assert f.status == "partial", f.summary


@pytest.mark.parametrize("lang,text", [
    ("en", "Meet safely\nTell a friend where you are going and when you expect to be back."),
    ("en", "Before a date, let someone know where you will be."),
    ("nl", "Veilig afspreken\nLaat iemand die je vertrouwt weten waar je bent en hoe laat je klaar bent."),
    ("nl", "Vertel iemand waar je heen gaat voordat je een klant ontmoet."),
    ("en", "Safe meetings: always tell somebody you trust where you are."),
    ("nl", "Tips voor een veilige afspraak: vertel altijd iemand waar je bent."),
])
def test_meeting_safety_advice_on_a_help_page_is_a_separate_notice(tmp_path, lang, text):
    items = [page(f"{SITE}/ad/{n}", role="item", lang=lang, text=f"Ad {n}\nCall 06 0000 000{n}") for n in (1, 2, 3)]
    f = contact.safety_notice_at_contact(bundle_of(tmp_path, *items, page(f"{SITE}/help", role="help", lang=lang,
                                                                          text=text)))
    assert f.status == "partial", f.summary


@pytest.mark.parametrize("lang,text", [
    ("en", "Let me know where you are staying and I will come to your hotel."),
    ("nl", "Laat me weten waar je verblijft, dan kom ik naar je hotel."),
])
def test_an_advertisers_own_meeting_words_are_no_notice(tmp_path, lang, text):
    items = [page(f"{SITE}/ad/{n}", role="item", lang=lang, text=f"Ad {n}\n{text}") for n in (1, 2, 3)]
    f = contact.safety_notice_at_contact(bundle_of(tmp_path, *items, page(f"{SITE}/help", role="help", lang=lang,
                                                                          text="We are a small team in Arnhem.")))
    assert f.status == "fail", f.summary


# ------------------------------------------ CONTACT-03 in other words (blind round six, rewording): Dutch compounds

@pytest.mark.parametrize("text,lang", [
    ("Je ontvangt een bevestigingsmail. Pas na bevestiging kun je inloggen.", "nl"),
    ("We sturen een code per sms; vul die in om je registratie af te ronden.", "nl"),
    ("We text a code to your mobile. Enter it to finish creating your account.", "en"),
])
def test_a_confirmation_mail_or_code_needed_to_finish_signing_up_passes(tmp_path, text, lang):
    f = _c03(tmp_path, text, lang)
    assert f.status == "pass" and f.basis == "stated"


@pytest.mark.parametrize("text,lang", [
    ("Je ontvangt een bevestigingsmail van je bestelling. Bewaar die goed.", "nl"),
    ("Klik hier om de nieuwsbrief te activeren.", "nl"),
    ("You'll get a welcome e-mail with tips to finish setting up your profile, whenever you like.", "en"),
])
def test_an_order_mail_or_a_newsletter_is_no_signup_confirmation(tmp_path, text, lang):
    assert _c03(tmp_path, text, lang).status == "fail"
# ------------------------------------------ user cards: what opens when a visitor clicks an author's name (issue 12)


def card(n: int, author: str, text: str, *controls) -> Popover:
    """The card the contact probe opened by clicking `author` on item page /ad/{n}."""
    return Popover(item_url=f"{SITE}/ad/{n}", opener=ControlSeen(name=author.title(), tag="button", how="author"),
                   author=author, role="dialog", text=text, controls=list(controls))


def card_controls(lang: str, mute_only: bool = False) -> list:
    mute = button(T(lang, "Mute", "Dempen"), title=T(lang, "Mute this member", "Dit lid dempen"))
    block = button(T(lang, "Block", "Blokkeren"))
    return [link(T(lang, "Message", "Bericht"), f"{SITE}/login?next=/messages/new"), mute, *([] if mute_only else [block])]


def with_cards(lang: str, rung: int, cards: list[Popover]) -> tuple[list[dict], dict]:
    return contact_case(lang, rung, near=False), {"contact": ContactProbe(popovers=cards)}


@pytest.mark.parametrize("lang", LANGS)
def test_block_and_mute_in_the_user_card_reach_rung_3(tmp_path, lang):
    bio = T(lang, "Loves cycling.", "Houdt van fietsen.")
    pages, probes = with_cards(lang, 2, [card(1, "anna", bio, *card_controls(lang)),
                                         card(2, "bram", bio, *card_controls(lang))])
    assert levels(tmp_path, pages, probes)["CONTACT"] == 3


@pytest.mark.parametrize("lang", LANGS)
def test_mute_alone_in_the_user_card_stays_at_rung_2(tmp_path, lang):
    pages, probes = with_cards(lang, 2, [card(1, "anna", "", *card_controls(lang, mute_only=True)),
                                         card(2, "bram", "", *card_controls(lang, mute_only=True))])
    assert levels(tmp_path, pages, probes)["CONTACT"] == 2


@pytest.mark.parametrize("lang", LANGS)
def test_block_in_a_card_is_observed_evidence_naming_the_card(tmp_path, lang):
    pages, probes = with_cards(lang, 2, [card(1, "anna", "", *card_controls(lang))])
    f = contact.control_who_reaches_you(bundle_of(tmp_path, *pages, probes=probes))
    assert f.status == "pass" and f.basis == "observed"
    assert any(e.note.startswith("user card: 'Anna → ") for e in f.evidence)


@pytest.mark.parametrize("lang", LANGS)
def test_a_safety_notice_in_every_members_card_reaches_rung_4(tmp_path, lang):
    pages, probes = with_cards(lang, 2, [card(1, "anna", f"Anna, 25\n{NOTICE[lang]}", *card_controls(lang)),
                                         card(2, "bram", f"Bram, 31\n{NOTICE[lang]}", *card_controls(lang))])
    assert levels(tmp_path, pages, probes)["CONTACT"] == 4
    f = contact.safety_notice_at_contact(bundle_of(tmp_path / "b", *pages, probes=probes))
    assert f.status == "pass" and f.quotes[0].text == NOTICE[lang] and "2 of 2" in f.summary


@pytest.mark.parametrize("lang", LANGS)
def test_a_safety_sentence_in_one_members_own_card_is_a_bio_not_a_notice(tmp_path, lang):
    # Anna wrote it in her own bio; Bram's card has no such note: the platform shows none where contact starts
    pages, probes = with_cards(lang, 2, [card(1, "anna", f"Anna, 25\n{NOTICE[lang]}", *card_controls(lang)),
                                         card(2, "bram", "Bram, 31", *card_controls(lang))])
    assert levels(tmp_path, pages, probes)["CONTACT"] == 3
    f = contact.safety_notice_at_contact(bundle_of(tmp_path / "b", *pages, probes=probes))
    assert f.status == "fail"


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_message_button_behind_the_login_and_a_number_in_a_card(tmp_path, lang):
    pages, probes = with_cards(lang, 2, [card(1, "anna", "Anna", *card_controls(lang))])
    pages[1]["elements"] = [e for e in pages[1]["elements"] if not lexicon_message(e.name)]
    pages[2]["elements"] = [e for e in pages[2]["elements"] if not lexicon_message(e.name)]
    c01 = contact.no_messaging_without_account(bundle_of(tmp_path, *pages, probes=probes))
    assert c01.status == "pass" and "'" + T(lang, "Message", "Bericht") + "'" in c01.summary
    number = T(lang, "Text me: 06-1234 5678", "App me: 06-1234 5678")
    pages, probes = with_cards(lang, 2, [card(1, "anna", f"Anna\n{number}", *card_controls(lang))])
    c02 = contact.no_contact_details_for_anonymous(bundle_of(tmp_path / "b", *pages, probes=probes))
    assert c02.status == "partial"  # shown only after a click that needs no login
    # the same number in two members' cards is the platform's own line (a helpline), not a member's
    pages, probes = with_cards(lang, 2, [card(1, "anna", f"Anna\n{number}", *card_controls(lang)),
                                         card(2, "bram", f"Bram\n{number}", *card_controls(lang))])
    assert contact.no_contact_details_for_anonymous(bundle_of(tmp_path / "c", *pages, probes=probes)).status == "pass"


def lexicon_message(name: str) -> bool:
    return lexicon.has(name, "contact", "message")


# ------------------------------------------------- round seven: a chat box that only asks to log in


@pytest.mark.parametrize("fields,submit", [
    ([field("Chat message")], "Log in to chat"),
    ([field("Bericht", tag="textarea", type="textarea")], "Inloggen om te chatten"),
])
def test_a_chat_box_whose_button_asks_to_log_in_is_not_an_open_message_form(fields, submit):
    assert not contact._is_message_form(form(*fields, submit=submit, name="chat"))


def test_a_chat_box_whose_field_says_log_in_is_not_an_open_message_form():
    box = field("Chat message")
    box.placeholder = "Sign in to chat"
    assert not contact._is_message_form(form(box, submit="Send", name="chat"))


@pytest.mark.parametrize("fields,submit", [
    ([field("Chat message")], "Send"),
    ([field("Bericht", tag="textarea", type="textarea")], "Verstuur"),
])
def test_a_chat_box_anyone_can_send_from_is_still_a_message_form(fields, submit):
    assert contact._is_message_form(form(*fields, submit=submit, name="chat"))


# ------------------------------------- round eight (benchmarks/independent: a deterrence notice on every ad)


@pytest.mark.parametrize("lang,signs,call", [
    ("nl", "Staat er iemand naast die het woord doet, of lijkt de adverteerder onder de 18?",
     "Meld het ons via de knop bij deze advertentie, ook anoniem."),
    ("en", "Does someone else answer for the person shown, or could she be forced to work?",
     "Report the ad with the button above, or call the police on 101."),
])
def test_a_deterrence_notice_that_asks_to_report_signs_of_exploitation_is_at_the_point_of_contact(
        tmp_path, lang, signs, call):
    names = ("Anna", "Bo", "Cato")
    items = [page(f"{SITE}/ads/{n}", role="item", lang=lang,
                  text=f"{n} werkt zelfstandig in Zwolle.\n{signs} {call}") for n in names]
    f = contact.safety_notice_at_contact(bundle_of(tmp_path, *items))
    assert f.status == "pass" and f.quotes[0].text == call


@pytest.mark.parametrize("lang,text", [
    # a call to report with no sign of exploitation or a minor near it
    ("nl", "Klopt de prijs of de foto niet? Meld het ons via de knop bij deze advertentie."),
    ("en", "Wrong price or an old photo? Report the ad with the button above, we fix it quickly."),
])
def test_a_call_to_report_without_signs_of_exploitation_is_no_deterrence_notice(tmp_path, lang, text):
    items = [page(f"{SITE}/ads/{n}", role="item", lang=lang, text=f"Ad {n}.\n{text}") for n in (1, 2, 3)]
    assert contact.safety_notice_at_contact(bundle_of(tmp_path, *items)).status == "fail"


def test_an_advertisers_own_words_about_coercion_are_no_notice(tmp_path):
    own = ["Geen dwang, ik werk voor mezelf. Bel me gerust, meld het als je twijfelt over mijn foto's.",
           "Niemand dwingt mij, alles gaat vrijwillig. Laat het ons weten als je vragen hebt over de prijs.",
           "Nooit onder dwang gewerkt, altijd zelf gekozen! Meld dat je via de site komt als je belt."]
    items = [page(f"{SITE}/ads/{n}", role="item", lang="nl", text=t) for n, t in enumerate(own, start=1)]
    assert contact.safety_notice_at_contact(bundle_of(tmp_path, *items)).status == "fail"
