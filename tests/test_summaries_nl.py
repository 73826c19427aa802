"""Every finding sentence is a message id that the Dutch catalogue translates (reports/locale/nl/.../messages.po).

Three nets catch a missing translation: every id marked in the sources (N_, nmsg, pmsg, as `pybabel
extract` with reports/babel.cfg finds them) has a non-empty, non-fuzzy Dutch entry with the same
placeholders; the scenarios below run each check on hand-built bundles (every check ID, most of its
statuses) and render the finding in Dutch with no id left untranslated, the same numbers as the
English, and the English `summary` equal to the English rendering; and every finding of the saved
real-software bundles (benchmarks/realworld) renders in Dutch from the catalogue.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Message as Message_
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from checks import age, contact, evidence, help, registry, report, terms
from reports.i18n import translations
from reports.scorecard import localized_summary
from safehaven.bundle import Bundle
from safehaven.i18n import N_, join, msg, render
from safehaven.i18n import messages as all_messages
from safehaven.models import (
    AgeGateProbe,
    ContactAttempt,
    ContactProbe,
    ControlSeen,
    Finding,
    GateObservation,
    Message,
    ReportAttempt,
    ReportProbe,
)
from tests.bundles import button, field, form, link, make_bundle, page
from toolkit.evaluate import evaluate

URL = "https://platform.test/"
ROOT = Path(__file__).resolve().parent.parent

Build = Callable[[Path], Bundle]


# =============================================================================== bundle helpers


def bundle(tmp: Path, pages: list[dict] | None = None, *, adult: bool = True, **probes) -> Bundle:
    return Bundle(make_bundle(tmp, pages or [page(URL, role="start", lang="nl")], adult=adult,
                              probes={k: v for k, v in probes.items() if v is not None}))


def item(n: int, *elements, text: str = "Anna, 25, Amsterdam.") -> dict:
    return page(f"{URL}advertentie/{n}", role="item", text=text, elements=list(elements), lang="nl")


def nl_page(path: str, role: str, text: str, *, title: str = "", elements: list | None = None) -> dict:
    return page(URL + path, role=role, text=text, title=title, elements=elements or [], lang="nl")


def gate(entry: str, url: str, *, present: bool = True, methods=("button",), under=False, providers=()) -> GateObservation:
    return GateObservation(url=url, entry=entry, final_url=url, gate=present, kind="modal" if present else "none",
                           methods=list(methods), providers=list(providers),
                           text="Ben je 18 jaar of ouder?" if present else "", content_under_overlay=under,
                           screenshot=f"bundle/probes/age_gate/{entry}.jpg")


def age_probe(*observations: GateObservation, passed: bool = True, forged: bool = False) -> AgeGateProbe:
    cookies = [{"name": "age_ok", "value": "1", "domain": "platform.test", "path": "/", "forgeable": "true",
                "unlocks": "true"}] if forged else []
    return AgeGateProbe(observations=list(observations), passed_gate=passed, cookies_set=cookies)


def signup(*fields) -> dict:
    return page(URL + "registreren", role="signup", text="Account aanmaken", lang="nl",
                forms=[form(field("E-mailadres", type="email"), field("Wachtwoord", type="password"), *fields)])


def attempt(n: int, outcome: str, clicks: int | None, *, menu: bool = False, form_=None,
            control: bool = True) -> ReportAttempt:
    return ReportAttempt(item_url=f"{URL}advertentie/{n}", control=ControlSeen(name="Melden") if control else None,
                         menu=ControlSeen(name="Meer") if menu else None, outcome=outcome, clicks=clicks, form=form_,
                         mailto="mailto:misbruik@platform.test" if outcome == "mailto" else None)


def probed(tmp: Path, *attempts: ReportAttempt) -> Bundle:
    items = [item(int(a.item_url.rsplit("/", 1)[-1])) for a in attempts]
    return bundle(tmp, items, report=ReportProbe(attempts=list(attempts)))


FULL_FORM = form(field("Reden", tag="select", type="select", options=["Spam", "Mensenhandel", "Minderjarig (onder 18)"]),
                 field("Link naar de advertentie", value=f"{URL}advertentie/1"), field("Je naam"),
                 field("E-mail", type="email"),
                 field("Ik verklaar te goeder trouw dat deze melding juist en volledig is", type="checkbox"))
WEAK_FORM = form(field("Reden", tag="select", type="select", options=["Spam", "Uitbuiting"]),
                 field("E-mail", type="email", required=True))
NO_CATEGORIES = form(field("Link naar de advertentie", value=f"{URL}advertentie/1"), field("E-mail", type="email"))
PLAIN_CATEGORIES = form(field("Reden", tag="select", type="select", options=["Spam", "Oplichting", "Auteursrecht"]))
BARE_FORM = form(field("Wachtwoord", type="password"))

HANDLING = ("Hoe behandelen wij meldingen?\nNa je melding ontvang je een ontvangstbevestiging per e-mail. "
            "Wij beoordelen meldingen binnen 24 uur. Ben je het niet eens met ons besluit over je melding, "
            "dan kun je bezwaar maken via ons klachtenformulier.")
HANDLING_TIME = "Hoe behandelen wij meldingen?\nWij beoordelen meldingen binnen 48 uur."


def messaging(tmp: Path, outcome: str) -> Bundle:
    tried = [ContactAttempt(item_url=f"{URL}advertentie/{n}", kind="message", control=ControlSeen(name="Stuur bericht"),
                            outcome=outcome) for n in (1, 2)]
    return bundle(tmp, [item(1), item(2)], contact=ContactProbe(attempts=tried))


def hidden_number(tmp: Path) -> Bundle:
    run_dir = make_bundle(tmp, [item(1, button("Toon nummer"))])
    (run_dir / "bundle/pages/p001/dom.html").write_text("<span hidden>06-12345678</span>")
    b = Bundle(run_dir)
    b.pages[0].files["dom"] = "bundle/pages/p001/dom.html"
    return b


def revealed_number(tmp: Path) -> Bundle:
    shown = ContactAttempt(item_url=f"{URL}advertentie/1", kind="show_number", control=ControlSeen(name="Toon nummer"),
                           outcome="revealed", revealed=["06-12345678"])
    return bundle(tmp, [item(1, button("Toon nummer"))], contact=ContactProbe(attempts=[shown]))


NOTICE = "Veiligheidstips: stuur nooit geld vooraf."

# --------------------------------------------------------------------------- EVIDENCE, HELP and TERMS

SITE = URL.rstrip("/")
PRIVACY_GOOD = """Privacyverklaring
Bewaartermijnen
Chatberichten bewaren wij zes maanden. IP-adressen en logbestanden worden na 90 dagen verwijderd.
Advertenties die wij verwijderen wegens een vermoeden van mensenhandel bewaren wij met de bijbehorende accountgegevens twee jaar.
Bij signalen van mensenhandel of seksueel misbruik van minderjarigen doen wij uit eigen beweging aangifte bij de politie.
Politie en justitie kunnen vorderingen richten aan ons juridisch team via justitie@platform.test."""
TERMS_GOOD = """Algemene voorwaarden
Het is verboden om:
- advertenties te plaatsen voor of namens een ander;
- advertenties te plaatsen van personen die jonger zijn dan 18 jaar;
- diensten aan te bieden van iemand die daartoe wordt gedwongen (mensenhandel, loverboys, pooiers).
Bij overtreding van deze regels verwijderen wij de advertentie en blokkeren wij je account."""
TERMS_TWO = ("Het is verboden advertenties te plaatsen van personen die jonger zijn dan 18 jaar. "
             "Wij tolereren geen enkele vorm van uitbuiting of mensenhandel. Bij overtreding verwijderen wij je account.")
HELP_GOOD = """Hulp en veiligheid
In een noodsituatie: bel altijd 112.
Meld Misdaad Anoniem: 0800-7000
CoMensha, landelijk coördinatiecentrum tegen mensenhandel: 033 - 448 11 86
Politie: 0900-8844"""
FOOTER = [link("Privacy", f"{SITE}/privacy", region="footer"),
          link("Algemene voorwaarden", f"{SITE}/voorwaarden", region="footer"),
          link("Hulp & veiligheid", f"{SITE}/hulp", region="footer")]


def site(tmp: Path, *pages: dict) -> Bundle:
    return Bundle(make_bundle(tmp, pages=list(pages), url=f"{SITE}/"))


def ad(n: int, elements: list | None = None, text: str = "Anna, 25, Amsterdam. Bel me!") -> dict:
    return page(f"{SITE}/advertentie/{n}", role="item", text=text, elements=FOOTER if elements is None else elements,
                lang="nl")


def privacy(text: str = PRIVACY_GOOD) -> dict:
    return page(f"{SITE}/privacy", role="policy", title="Privacyverklaring", text=text, elements=FOOTER, lang="nl")


def terms_page(text: str = TERMS_GOOD) -> dict:
    return page(f"{SITE}/voorwaarden", role="policy", title="Algemene voorwaarden", text=text, elements=FOOTER,
                lang="nl")


def help_page(text: str = HELP_GOOD) -> dict:
    return page(f"{SITE}/hulp", role="help", title="Hulp en veiligheid", text=text, elements=FOOTER, lang="nl")


def home() -> dict:
    return page(f"{SITE}/", role="start", text="Welkom op Platform.", elements=FOOTER, lang="nl")


def good(tmp: Path) -> Bundle:
    return site(tmp, home(), ad(1), ad(2), privacy(), terms_page(), help_page())


def only_privacy(text: str) -> Build:
    return lambda tmp: site(tmp, home(), ad(1), privacy(text))


def no_policy(tmp: Path) -> Bundle:
    bare = [link("Contact", f"{SITE}/contact")]
    return site(tmp, ad(1, bare), ad(2, bare))


def not_collected(tmp: Path) -> Bundle:
    return site(tmp, home(), ad(1))


# =============================================================================== scenarios


SCENARIOS: list[tuple[str, Callable[[Bundle], Finding], Build, str]] = [
    # AGE-01
    ("AGE-01", age.age_gate_before_content,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL), gate("deep_link", URL + "advertentie/1"))), "pass"),
    ("AGE-01", age.age_gate_before_content,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL), gate("deep_link", URL + "advertentie/1",
                                                                      present=False))), "partial"),
    ("AGE-01", age.age_gate_before_content,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL, present=False), gate("deep_link", URL + "advertentie/2"),
                                            gate("deep_link", URL + "advertentie/3", present=False))), "partial"),
    ("AGE-01", age.age_gate_before_content,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL, present=False),
                                            gate("deep_link", URL + "advertentie/1", present=False))), "fail"),
    ("AGE-01", age.age_gate_before_content, lambda t: bundle(t, age_gate=age_probe(gate("start", URL))), "needs_review"),
    ("AGE-01", age.age_gate_before_content, lambda t: bundle(t, adult=False), "not_applicable"),
    ("AGE-01", age.age_gate_before_content, lambda t: bundle(t), "not_assessed"),
    # AGE-02
    ("AGE-02", age.age_assurance_strength, lambda t: bundle(t, age_gate=age_probe(gate("start", URL))), "fail"),
    ("AGE-02", age.age_assurance_strength,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL, methods=["dob", "button"]))), "partial"),
    ("AGE-02", age.age_assurance_strength,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL, methods=["frame", "provider"], providers=["Yoti"]))),
     "pass"),
    ("AGE-02", age.age_assurance_strength,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL, present=False))), "fail"),
    ("AGE-02", age.age_assurance_strength,
     lambda t: bundle(t, [signup(field("Geboortedatum", type="date"))]), "partial"),
    ("AGE-02", age.age_assurance_strength, lambda t: bundle(t), "not_assessed"),
    # AGE-03
    ("AGE-03", age.gate_cannot_be_walked_around,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL, under=True), forged=True)), "fail"),
    ("AGE-03", age.gate_cannot_be_walked_around,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL, under=True), gate("deep_link", URL + "advertentie/1"))),
     "partial"),
    ("AGE-03", age.gate_cannot_be_walked_around, lambda t: bundle(t, age_gate=age_probe(gate("start", URL))), "pass"),
    ("AGE-03", age.gate_cannot_be_walked_around,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL), passed=False)), "pass"),
    ("AGE-03", age.gate_cannot_be_walked_around,
     lambda t: bundle(t, age_gate=age_probe(gate("start", URL, present=False))), "fail"),
    ("AGE-03", age.gate_cannot_be_walked_around, lambda t: bundle(t, adult=False), "not_applicable"),
    ("AGE-03", age.gate_cannot_be_walked_around, lambda t: bundle(t), "not_assessed"),
    # AGE-04
    ("AGE-04", age.signup_turns_minors_away, lambda t: bundle(t, [signup(field("Geboortedatum", type="date"))]), "pass"),
    ("AGE-04", age.signup_turns_minors_away,
     lambda t: bundle(t, [signup(field("Ik ben 18 jaar of ouder", type="checkbox"))]), "partial"),
    ("AGE-04", age.signup_turns_minors_away, lambda t: bundle(t, [signup()]), "fail"),
    ("AGE-04", age.signup_turns_minors_away, lambda t: bundle(t), "not_assessed"),
    # AGE-05
    ("AGE-05", age.advertisers_verified, lambda t: bundle(t, [nl_page("hulp/verificatie", "help", (
        "Verificatie van adverteerders\nVoordat je eerste advertentie online komt, controleren wij je "
        "identiteitsbewijs en maak je een selfie (liveness-check) via onze verificatiepartner."))]), "pass"),
    ("AGE-05", age.advertisers_verified, lambda t: bundle(t, [nl_page("help", "help", (
        "Advertisers can choose to upload a passport to earn a verified badge on their profile."))]), "partial"),
    ("AGE-05", age.advertisers_verified, lambda t: bundle(t, [nl_page("faq", "help", (
        "We do not ask advertisers for an ID document. Posting an ad is quick and anonymous."))]), "fail"),
    ("AGE-05", age.advertisers_verified, lambda t: bundle(t, [item(1)]), "not_assessed"),
    # REPORT-01
    ("REPORT-01", report.report_control_on_every_item,
     lambda t: bundle(t, [item(1, button("Advertentie melden", text="", in_shadow=True)),
                          item(2, link("Profiel melden", URL + "melden?ad=2", visible=False)),
                          item(3, button("Melden"))]), "pass"),
    ("REPORT-01", report.report_control_on_every_item, lambda t: bundle(t, [item(1, button("Melden")), item(2)]),
     "partial"),
    ("REPORT-01", report.report_control_on_every_item,
     lambda t: bundle(t, [item(n, link("Misbruik melden", URL + "melden", region="footer")) for n in (1, 2)]), "fail"),
    ("REPORT-01", report.report_control_on_every_item,
     lambda t: bundle(t, [item(1), nl_page("contact", "other", "Contact",
                                           elements=[link("Misbruik melden", "mailto:misbruik@platform.test")])]),
     "fail"),
    ("REPORT-01", report.report_control_on_every_item, lambda t: bundle(t), "not_assessed"),
    # REPORT-02
    ("REPORT-02", report.report_within_two_clicks, lambda t: probed(t, attempt(1, "form", 1), attempt(2, "form", 2)),
     "pass"),
    ("REPORT-02", report.report_within_two_clicks,
     lambda t: probed(t, attempt(1, "form", 1), attempt(2, "form", 3, menu=True)), "partial"),
    ("REPORT-02", report.report_within_two_clicks, lambda t: probed(t, attempt(1, "login", 1)), "pass"),
    ("REPORT-02", report.report_within_two_clicks, lambda t: probed(t, attempt(1, "none", None)), "fail"),
    ("REPORT-02", report.report_within_two_clicks,
     lambda t: probed(t, attempt(1, "none", None, control=False), attempt(2, "none", None, control=False)), "fail"),
    ("REPORT-02", report.report_within_two_clicks, lambda t: bundle(t, [item(1)]), "not_assessed"),
    ("REPORT-02", report.report_within_two_clicks, lambda t: bundle(t), "not_assessed"),
    # REPORT-03
    ("REPORT-03", report.report_without_account, lambda t: probed(t, attempt(1, "form", 1), attempt(2, "mailto", 1)),
     "pass"),
    ("REPORT-03", report.report_without_account, lambda t: probed(t, attempt(1, "login", 1), attempt(2, "form", 1)),
     "fail"),
    ("REPORT-03", report.report_without_account, lambda t: probed(t, attempt(1, "none", None)), "fail"),
    ("REPORT-03", report.report_without_account, lambda t: probed(t, attempt(1, "none", None, control=False)), "fail"),
    # REPORT-04
    ("REPORT-04", report.report_form_complete, lambda t: probed(t, attempt(1, "form", 1, form_=FULL_FORM)), "pass"),
    ("REPORT-04", report.report_form_complete, lambda t: probed(t, attempt(1, "form", 1, form_=WEAK_FORM)), "partial"),
    ("REPORT-04", report.report_form_complete, lambda t: probed(t, attempt(1, "form", 1, form_=BARE_FORM)), "fail"),
    ("REPORT-04", report.report_form_complete, lambda t: probed(t, attempt(1, "mailto", 1)), "fail"),
    ("REPORT-04", report.report_form_complete, lambda t: probed(t, attempt(1, "login", 1)), "not_assessed"),
    ("REPORT-04", report.report_form_complete, lambda t: probed(t, attempt(1, "none", None)), "fail"),
    ("REPORT-04", report.report_form_complete, lambda t: probed(t, attempt(1, "none", None, control=False)), "fail"),
    # REPORT-05
    ("REPORT-05", report.report_categories, lambda t: probed(t, attempt(1, "form", 1, form_=FULL_FORM)), "pass"),
    ("REPORT-05", report.report_categories, lambda t: probed(t, attempt(1, "form", 1, form_=WEAK_FORM)), "partial"),
    ("REPORT-05", report.report_categories, lambda t: probed(t, attempt(1, "form", 1, form_=NO_CATEGORIES)), "fail"),
    ("REPORT-05", report.report_categories, lambda t: probed(t, attempt(1, "form", 1, form_=PLAIN_CATEGORIES)),
     "fail"),
    # REPORT-06
    ("REPORT-06", report.handling_explained, lambda t: bundle(t, [nl_page("hulp", "help", HANDLING)]), "pass"),
    ("REPORT-06", report.handling_explained, lambda t: bundle(t, [nl_page("hulp", "help", HANDLING_TIME)]), "partial"),
    ("REPORT-06", report.handling_explained,
     lambda t: bundle(t, [nl_page("hulp", "help", "Welkom op onze hulppagina's."),
                          nl_page("privacy", "policy", "Wij nemen je privacy serieus.")]), "fail"),
    ("REPORT-06", report.handling_explained, lambda t: bundle(t, [item(n) for n in range(1, 6)]), "fail"),
    ("REPORT-06", report.handling_explained, lambda t: bundle(t, [item(1)]), "not_assessed"),
    # CONTACT-01
    ("CONTACT-01", contact.no_messaging_without_account, lambda t: bundle(t, [
        page(URL + "advertentie/1", role="item", lang="nl", forms=[form(
            field("Je naam"), field("Bericht", tag="textarea", type="textarea"), submit="Stuur bericht")])]), "fail"),
    ("CONTACT-01", contact.no_messaging_without_account, lambda t: messaging(t, "form"), "fail"),
    ("CONTACT-01", contact.no_messaging_without_account, lambda t: messaging(t, "login"), "pass"),
    ("CONTACT-01", contact.no_messaging_without_account, lambda t: bundle(t, [
        item(1, link("Stuur bericht", URL + "inloggen?next=/berichten/1")),
        nl_page("inloggen?next=/berichten/1", "login", "Inloggen")]), "pass"),
    ("CONTACT-01", contact.no_messaging_without_account, lambda t: bundle(t, [item(1), item(2)]), "pass"),
    ("CONTACT-01", contact.no_messaging_without_account, lambda t: bundle(t), "not_assessed"),
    # CONTACT-02
    ("CONTACT-02", contact.no_contact_details_for_anonymous, lambda t: bundle(t, [
        item(1, link("Bel mij", "tel:+31612345678")), item(2, text="Bel me: 06 - 12 34 56 78"),
        item(3, link("chat", "https://wa.me/31612345678")),
        item(4, text="nul zes een twee drie vier vijf zes zeven acht")]), "fail"),
    ("CONTACT-02", contact.no_contact_details_for_anonymous, hidden_number, "partial"),
    ("CONTACT-02", contact.no_contact_details_for_anonymous, revealed_number, "partial"),
    ("CONTACT-02", contact.no_contact_details_for_anonymous, lambda t: bundle(t, [item(1), item(2)]), "pass"),
    ("CONTACT-02", contact.no_contact_details_for_anonymous, lambda t: bundle(t), "not_assessed"),
    # CONTACT-03
    ("CONTACT-03", contact.verified_channel,
     lambda t: bundle(t, [signup(field("Bevestigingscode"))]), "pass"),
    ("CONTACT-03", contact.verified_channel, lambda t: bundle(t, [nl_page("hulp", "help", (
        "Voordat je een account kunt gebruiken, moet je op de bevestigingslink in onze e-mail klikken."))]), "pass"),
    ("CONTACT-03", contact.verified_channel,
     lambda t: bundle(t, [signup(), nl_page("hulp", "help", "Welkom op onze hulppagina's.")]), "fail"),
    ("CONTACT-03", contact.verified_channel, lambda t: bundle(t, [item(n) for n in range(1, 6)]), "fail"),
    ("CONTACT-03", contact.verified_channel, lambda t: bundle(t, [item(1)]), "not_assessed"),
    # CONTACT-04
    ("CONTACT-04", contact.control_who_reaches_you,
     lambda t: bundle(t, [item(1, button("Blokkeren"), button("Negeren"))]), "pass"),
    ("CONTACT-04", contact.control_who_reaches_you, lambda t: bundle(t, [nl_page("hulp", "help", (
        "Wil je geen berichten meer? Je kunt een gebruiker negeren via de knop in het gesprek."))]), "partial"),
    ("CONTACT-04", contact.control_who_reaches_you, lambda t: bundle(t, [item(1)]), "fail"),
    ("CONTACT-04", contact.control_who_reaches_you,
     lambda t: bundle(t, [page(URL, role="start", status=500, error="HTTP 500")]), "not_assessed"),
    # CONTACT-05
    ("CONTACT-05", contact.safety_notice_at_contact,
     lambda t: bundle(t, [item(1, text=f"Anna, 25.\n{NOTICE}"), item(2, text=f"Eva, 30.\n{NOTICE}")]), "pass"),
    ("CONTACT-05", contact.safety_notice_at_contact,
     lambda t: bundle(t, [item(1), nl_page("veiligheid", "help", NOTICE)]), "partial"),
    ("CONTACT-05", contact.safety_notice_at_contact, lambda t: bundle(t, [item(1), item(2)]), "fail"),
    ("CONTACT-05", contact.safety_notice_at_contact, lambda t: bundle(t), "not_assessed"),
    # EVIDENCE-01
    ("EVIDENCE-01", evidence.privacy_and_terms_linked, good, "pass"),
    ("EVIDENCE-01", evidence.privacy_and_terms_linked,
     lambda t: site(t, home(), ad(1), ad(3, [link("Privacybeleid", f"{SITE}/privacy")])), "partial"),
    ("EVIDENCE-01", evidence.privacy_and_terms_linked,
     lambda t: site(t, ad(1, [link("Privacyverklaring", f"{SITE}/privacyverklaring")]),
                    ad(2, [link("Privacyverklaring", f"{SITE}/privacyverklaring")])), "partial"),
    ("EVIDENCE-01", evidence.privacy_and_terms_linked,
     lambda t: site(t, ad(1, [link("Voorwaarden", f"{SITE}/voorwaarden")])), "partial"),
    ("EVIDENCE-01", evidence.privacy_and_terms_linked, lambda t: site(t, ad(1, [link("Contact", f"{SITE}/contact")])),
     "fail"),
    ("EVIDENCE-01", evidence.privacy_and_terms_linked,
     lambda t: site(t, page(f"{SITE}/", role="start", status=500, error="HTTP 500")), "not_assessed"),
    # EVIDENCE-02
    ("EVIDENCE-02", evidence.retention_periods, good, "pass"),
    ("EVIDENCE-02", evidence.retention_periods, only_privacy("Chatberichten bewaren wij zes maanden."), "partial"),
    ("EVIDENCE-02", evidence.retention_periods,
     only_privacy("Wij bewaren je persoonsgegevens 2 jaar na het beëindigen van je account."), "partial"),
    ("EVIDENCE-02", evidence.retention_periods, only_privacy("Wij bewaren jouw persoonsgegevens zo lang als nodig is."),
     "fail"),
    ("EVIDENCE-02", evidence.retention_periods, only_privacy("Wij nemen je privacy serieus."), "fail"),
    ("EVIDENCE-02", evidence.retention_periods, no_policy, "fail"),
    ("EVIDENCE-02", evidence.retention_periods, not_collected, "not_assessed"),
    # EVIDENCE-03
    ("EVIDENCE-03", evidence.removed_content_preserved, good, "pass"),
    ("EVIDENCE-03", evidence.removed_content_preserved, only_privacy(
        "Gemelde berichten worden na afhandeling van de melding nog 30 dagen bewaard en daarna verwijderd."), "partial"),
    ("EVIDENCE-03", evidence.removed_content_preserved, only_privacy(
        "At the request of the police we preserve data about a reported profile until the investigation ends."),
     "partial"),
    ("EVIDENCE-03", evidence.removed_content_preserved, only_privacy(
        "Verwijderde advertenties worden direct en definitief verwijderd en zijn daarna niet meer terug te halen."),
     "fail"),
    ("EVIDENCE-03", evidence.removed_content_preserved, only_privacy("Chatberichten bewaren wij zes maanden."), "fail"),
    ("EVIDENCE-03", evidence.removed_content_preserved, no_policy, "fail"),
    ("EVIDENCE-03", evidence.removed_content_preserved, not_collected, "not_assessed"),
    # EVIDENCE-04
    ("EVIDENCE-04", evidence.crimes_reported_to_police, good, "pass"),
    ("EVIDENCE-04", evidence.crimes_reported_to_police, only_privacy(
        "We disclose account information to law enforcement only in response to a valid court order or warrant."),
     "partial"),
    ("EVIDENCE-04", evidence.crimes_reported_to_police, only_privacy(
        "We may share information with law enforcement if we believe this is necessary to protect someone's safety."),
     "partial"),
    ("EVIDENCE-04", evidence.crimes_reported_to_police,
     only_privacy("We will not hand over any user data to police."), "fail"),
    ("EVIDENCE-04", evidence.crimes_reported_to_police, only_privacy(
        "We report suspected trafficking to the police. We will not hand over any user data to police or other "
        "authorities."), "needs_review"),
    ("EVIDENCE-04", evidence.crimes_reported_to_police, only_privacy("Wij nemen je privacy serieus."), "fail"),
    ("EVIDENCE-04", evidence.crimes_reported_to_police, no_policy, "fail"),
    ("EVIDENCE-04", evidence.crimes_reported_to_police, not_collected, "not_assessed"),
    # EVIDENCE-05
    ("EVIDENCE-05", evidence.authorities_have_contact_point, good, "pass"),
    ("EVIDENCE-05", evidence.authorities_have_contact_point, lambda t: site(
        t, home(), privacy("Wij bewaren logbestanden 90 dagen."),
        page(f"{SITE}/law-enforcement", role="policy", title="Politie en justitie", text="Informatie voor politie.")),
     "pass"),
    ("EVIDENCE-05", evidence.authorities_have_contact_point, lambda t: site(
        t, home(), page(f"{SITE}/privacy", role="policy", title="Privacyverklaring", lang="nl",
                        text="Wij bewaren logbestanden 90 dagen.",
                        elements=[*FOOTER, link("Politie en justitie", f"{SITE}/politie-en-justitie")])), "pass"),
    ("EVIDENCE-05", evidence.authorities_have_contact_point, only_privacy(
        "Requests from government authorities can be sent to our Data Protection Officer at privacy@platform.test."),
     "partial"),
    ("EVIDENCE-05", evidence.authorities_have_contact_point,
     only_privacy("Vragen? Schrijf naar privacy@platform.test."), "partial"),  # the catalogue: any general address
    ("EVIDENCE-05", evidence.authorities_have_contact_point, only_privacy("Wij nemen je privacy serieus."), "fail"),
    ("EVIDENCE-05", evidence.authorities_have_contact_point, no_policy, "fail"),
    ("EVIDENCE-05", evidence.authorities_have_contact_point, not_collected, "not_assessed"),
    # HELP-01
    ("HELP-01", help.victim_support_linked_from_items, good, "pass"),
    ("HELP-01", help.victim_support_linked_from_items,
     lambda t: site(t, ad(1, [link("Privacy", f"{SITE}/privacy")]), ad(2, [link("Privacy", f"{SITE}/privacy")]),
                    help_page()), "partial"),
    ("HELP-01", help.victim_support_linked_from_items, lambda t: site(t, ad(1), ad(2, []), help_page()), "partial"),
    ("HELP-01", help.victim_support_linked_from_items,
     lambda t: site(t, ad(1), help_page("Hulp nodig? Bel 112.")), "partial"),
    ("HELP-01", help.victim_support_linked_from_items,
     lambda t: site(t, ad(1), page(f"{SITE}/hulp", role="help", title="Veelgestelde vragen", lang="nl",
                                   text="Hoe wijzig ik mijn wachtwoord?")), "fail"),
    ("HELP-01", help.victim_support_linked_from_items, lambda t: site(t, home(), help_page()), "not_assessed"),
    ("HELP-01", help.victim_support_linked_from_items, lambda t: site(t, home()), "not_assessed"),
    # TERMS-01
    ("TERMS-01", terms.terms_forbid_exploitation, good, "pass"),
    ("TERMS-01", terms.terms_forbid_exploitation, lambda t: site(t, terms_page(TERMS_TWO)), "partial"),
    ("TERMS-01", terms.terms_forbid_exploitation,
     lambda t: site(t, terms_page(TERMS_GOOD.rsplit("\n", 1)[0])), "partial"),
    ("TERMS-01", terms.terms_forbid_exploitation,
     lambda t: site(t, terms_page("Je mag geen inhoud plaatsen die in strijd is met de wet.")), "fail"),
    ("TERMS-01", terms.terms_forbid_exploitation, no_policy, "fail"),
    ("TERMS-01", terms.terms_forbid_exploitation, not_collected, "not_assessed"),
]


def numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


# =============================================================================== the Dutch catalogue

PO_FILE = ROOT / "reports" / "locale" / "nl" / "LC_MESSAGES" / "messages.po"
# The source folders whose N_ / nmsg / pmsg strings are finding sentences (see reports/babel.cfg).
SOURCES = {"checks", "safehaven", "toolkit"}
# Dutch sentences that leave a technical detail of the English out on purpose (id -> placeholders left out).
LEFT_OUT = {"The report probe could not open any of the {n} item pages it tried ({error}).": {"error"},
            "Not assessed: the {probe} probe did not finish ({reason}).": {"reason"}}
PLACEHOLDER = re.compile(r"\{(\w+)(?:[:!][^}]*)?\}")


@functools.cache
def dutch_catalogue() -> dict[tuple[str | None, str], Message_]:
    with PO_FILE.open("rb") as fh:
        catalog = read_po(fh, locale="nl")
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def extracted() -> list[tuple[str, int, str | tuple[str, ...], str | None]]:
    """Every message id marked in the Python sources, as `pybabel extract -F reports/babel.cfg` finds it
    (file, line, id, context)."""
    with (ROOT / "reports" / "babel.cfg").open() as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    return [(filename, lineno, message, context)
            for filename, lineno, message, _comments, context in extract_from_dir(ROOT, method_map, options_map,
                                                                                   keywords={})
            if filename.endswith(".py")]


def untranslated(messages: list[Message]) -> list[str]:
    """The message ids among `messages` (nested ones included) that the Dutch catalogue does not translate."""
    catalogue = dutch_catalogue()
    missing = []
    for m in all_messages(messages):
        entry = catalogue.get((m.context or None, m.message))
        strings = entry.string if entry and isinstance(entry.string, tuple) else (entry.string if entry else "",)
        if entry is None or entry.fuzzy or not all(strings) or bool(m.plural) != isinstance(entry.id, tuple):
            missing.append(m.message)
    return missing


def sentence_of(f: Finding) -> Message:
    return Message(message=f.message, plural=f.plural, params=f.params)


def test_the_babel_config_extracts_the_finding_sentences():
    found = extracted()
    assert {where.split("/")[0] for where, _, _, _ in found} == set(SOURCES)
    ids = {m if isinstance(m, str) else m[0] for _, _, m, _ in found}
    assert len(ids) > 200 and "Not an adult platform (adult = false in the audit definition)." in ids
    assert ("{n} year", "{n} years") in {m for _, _, m, _ in found}  # nmsg: a plural pair
    assert ("lacking", "a timeframe") in {(c, m) for _, _, m, c in found}  # pmsg: an id with a context


@pytest.mark.parametrize("where, lineno, message, context", extracted(),
                         ids=lambda v: v if isinstance(v, str) and "/" in v else None)
def test_every_message_id_has_a_dutch_translation_with_the_same_placeholders(where, lineno, message, context):
    singular = message if isinstance(message, str) else message[0]
    entry = dutch_catalogue().get((context, singular))
    assert entry is not None, f"{where}:{lineno}: no Dutch for {message!r}"
    assert not entry.fuzzy, f"{where}:{lineno}: the Dutch of {singular!r} is marked fuzzy"
    ids = (message,) if isinstance(message, str) else message
    strings = (entry.string,) if isinstance(entry.string, str) else entry.string
    assert len(strings) == len(ids) or (len(ids) == 2 and len(strings) == 2), (singular, strings)
    assert all(strings), f"{where}:{lineno}: empty Dutch for {singular!r}"
    want = set(PLACEHOLDER.findall(singular)) - LEFT_OUT.get(singular, set())
    for text in strings:
        assert set(PLACEHOLDER.findall(text)) == want, f"{where}:{lineno}: placeholders differ: {singular!r} / {text!r}"


def test_the_catalogue_holds_no_stale_finding_sentences():
    """Every entry after the finding-sentence marker is still used in the sources (none left behind)."""
    text = PO_FILE.read_text("utf-8")
    assert "finding sentences (checks/*.py)" in text
    used = {(c, m if isinstance(m, str) else m[0]) for _, _, m, c in extracted()}
    block = text.split("finding sentences (checks/*.py)", 1)[1]
    with io.BytesIO(("msgid \"\"\nmsgstr \"\"\n\n" + block.split("\n", 1)[1]).encode()) as fh:
        listed = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(fh, locale="nl") if m.id}
    assert listed - used == set()


@pytest.mark.parametrize("check_id, fn, build, status", SCENARIOS,
                         ids=[f"{s[0]}-{s[3]}-{n}" for n, s in enumerate(SCENARIOS)])
def test_finding_renders_in_dutch_from_its_message_id(tmp_path, check_id, fn, build, status):
    f = fn(build(tmp_path))
    assert (f.check, f.status) == (check_id, status), f.summary
    assert f.message, f"{check_id} {status} has no message id: {f.summary}"
    assert render(sentence_of(f)) == f.summary  # the English summary is the English rendering
    assert untranslated([sentence_of(f)]) == []
    dutch = localized_summary(f, "nl")
    assert dutch and dutch != f.summary
    assert numbers(dutch) == numbers(f.summary), (f.summary, dutch)
    assert "{" not in dutch.replace("{{", "")  # every placeholder filled


def test_scenarios_cover_every_check():
    assert {s[0] for s in SCENARIOS} == set(registry())


def test_english_summary_and_dutch_rendering(tmp_path):
    f = evidence.retention_periods(good(tmp_path))
    assert f.summary == ("Retention periods for 4 kinds of data: messages 6 months, content 2 years, "
                         "account data 2 years, logs 90 days")
    assert f.message == "Retention periods for {n} kinds of data: {listed}" and f.params["n"] == 4
    assert localized_summary(f, "nl") == ("Bewaartermijnen voor 4 soorten gegevens: berichten 6 maanden, inhoud 2 "
                                          "jaar, accountgegevens 2 jaar, logbestanden 90 dagen")
    assert localized_summary(f, "en") == f.summary
    # what result.json keeps reads back into the same sentences
    again = Finding.model_validate_json(f.model_dump_json())
    assert localized_summary(again, "nl") == localized_summary(f, "nl") and again.summary == f.summary


def test_a_run_from_before_message_ids_keeps_its_stored_sentences():
    old = Finding(check="HELP-01", area="HELP", status="fail", summary="No help page.",
                  summaries={"nl": "Geen hulppagina."})
    assert localized_summary(old, "nl") == "Geen hulppagina." and localized_summary(old, "en") == "No help page."
    english_only = Finding(check="HELP-01", area="HELP", status="error", summary="the check broke: KeyError")
    assert localized_summary(english_only, "nl") == "the check broke: KeyError"


def test_period_words_and_lists_translate():
    nl = translations("nl")
    assert render(evidence.period_words(0), nl) == "direct" and render(evidence.period_words(365), nl) == "1 jaar"
    assert render(evidence.period_words(20), nl) == "20 dagen" and render(evidence.period_words(1), nl) == "1 dag"
    assert render(evidence.period_words(183), nl) == "6 maanden" and render(evidence.period_words(183)) == "6 months"
    words = [msg(N_("minors")), "x", msg(N_("removal"))]
    assert render(msg("{w}", w=join(words, "or"))) == "minors, x or removal"
    assert render(msg("{w}", w=join(words, "or")), nl) == ("advertenties of profielen van minderjarigen, x of "
                                                           "verwijdering")


def test_saved_real_world_bundles_render_in_dutch_without_untranslated_ids(tmp_path):
    """Every finding of the saved real-software bundles (benchmarks/realworld) reads in Dutch from the catalogue."""
    spec = importlib.util.spec_from_file_location("realworld", ROOT / "benchmarks" / "realworld" / "realworld.py")
    rw = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("realworld", rw)
    spec.loader.exec_module(rw)
    seen = 0
    for p in rw.platforms():
        bundle_ = Bundle(rw.unpack_saved(p, tmp_path))
        for f in evaluate(bundle_):
            seen += 1
            assert f.message, (p.slug, f.check, f.summary)
            assert untranslated([sentence_of(f)]) == [], (p.slug, f.check)
            assert render(sentence_of(f)) == f.summary
            assert localized_summary(f, "nl") != f.summary, (p.slug, f.check, f.summary)
    assert seen >= 4 * len(registry())


def test_evidence_notes_of_saved_real_world_bundles_read_in_dutch(tmp_path):
    """The notes under a check's evidence and the captions of its screenshots ("no link to the terms", "opened the
    menu '⋯' → clicked 'Report' → a report form opened") are message ids: a Dutch scorecard shows them in Dutch."""
    from reports.evidence import note_text

    spec = importlib.util.spec_from_file_location("realworld", ROOT / "benchmarks" / "realworld" / "realworld.py")
    rw = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("realworld", rw)
    spec.loader.exec_module(rw)
    notes = 0
    for p in rw.platforms():
        for f in evaluate(Bundle(rw.unpack_saved(p, tmp_path))):
            for e in f.evidence:
                if e.note_message is None:
                    continue
                notes += 1
                assert e.note == render(e.note_message)  # the English stays in the result JSON
                assert untranslated([e.note_message]) == [], (p.slug, f.check, e.note)
                dutch = note_text(e, "nl")
                assert dutch and dutch != e.note or "'" in e.note, (p.slug, f.check, e.note, dutch)
    assert notes >= 20


def test_every_step_the_report_probe_writes_has_a_message_id():
    """ReportAttempt.steps are written by the collector in English; checks/report.py maps each form to a message id.
    Every step literal in report_probe.py (placeholders filled) must match one, so a new step is not left English."""
    import ast

    from toolkit.collection import report_probe

    source = Path(report_probe.__file__).read_text("utf-8")
    steps = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "append" \
                and "steps" in ast.unparse(node.func.value):
            steps.extend(node.args)
        if isinstance(node, ast.AugAssign) and "steps" in ast.unparse(node.target):
            steps.extend(n.elt for n in ast.walk(node.value) if isinstance(n, ast.ListComp))

    def text(n) -> list[str]:
        if isinstance(n, ast.Constant):
            return [n.value]
        if isinstance(n, ast.JoinedStr):
            return ["".join(v.value if isinstance(v, ast.Constant) else "X" for v in n.values).replace(
                "within X clicks", "within 3 clicks")]
        if isinstance(n, ast.IfExp):
            return text(n.body) + text(n.orelse)
        raise AssertionError(f"unexpected step expression {ast.unparse(n)}")

    written = [s for n in steps for s in text(n)]
    assert len(written) >= 10
    for s in written:
        m = report.step_message(s)
        assert m.message != "{step}", s
        assert localized_summary_of(m) != render(m), s


def localized_summary_of(m) -> str:
    return render(m, translations("nl"))
