"""REPORT checks (REPORT-01..06, reporting): the control on every item, clicks to the form, reporting
without an account, the form's fields and categories, handling explained, and the REPORT ladder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import report
from safehaven.bundle import Bundle
from safehaven.models import AgeGateProbe, ContactRoutes, ControlSeen, ReportAttempt, ReportProbe
from tests.bundles import LANGS, REPORT_NEAR, button, field, form, levels, link, make_bundle, page, report_case
from tests.sitesrv import serve_site
from toolkit.collection.browser import guard_of
from toolkit.collection.interact import SITE_WIDE, activate, find_controls, menu_triggers, page_inventory
from toolkit.collection.report_probe import control_pattern
from toolkit.evaluate import evaluate, score

URL = "https://platform.test/"


def bundle_with(tmp_path: Path, pages=None, *, probe: AgeGateProbe | None = None, adult=True) -> Bundle:
    probes = {"age_gate": probe} if probe else {}
    return Bundle(make_bundle(tmp_path, pages or [page(URL, role="start")], adult=adult, probes=probes))


def item(n: int, *elements, text: str = "An ad.") -> dict:
    return page(f"{URL}ads/{n}", role="item", text=text, elements=list(elements))


FOOTER_REPORT = link("Report abuse", URL + "report", region="footer")


def attempt(n: int, outcome: str, clicks: int | None, *, menu: bool = False, form_=None, control=True) -> ReportAttempt:
    return ReportAttempt(item_url=f"{URL}ads/{n}", control=ControlSeen(name="Report") if control else None,
                         menu=ControlSeen(name="⋯") if menu else None, outcome=outcome, clicks=clicks, form=form_,
                         mailto="mailto:abuse@platform.test" if outcome == "mailto" else None,
                         steps=["opened the menu '⋯'"] if menu else [])


def probed(tmp_path, *attempts: ReportAttempt, pages=None) -> Bundle:
    pages = pages or [item(a_.item_url.rsplit("/", 1)[-1] and int(a_.item_url.rsplit("/", 1)[-1])) for a_ in attempts]
    return Bundle(make_bundle(tmp_path, pages, probes={"report": ReportProbe(attempts=list(attempts))}))


FULL_FORM = form(field("Reason", tag="select", type="select", options=["Spam", "Human trafficking", "Minor under 18"]),
                 field("Link to the ad", value=f"{URL}ads/1"), field("Your name"), field("Email", type="email"),
                 field("I confirm this report is accurate and complete, in good faith", type="checkbox"))


# --------------------------------------------------------------------------------------------------- REPORT-01


def test_report_control_on_every_item_passes_including_icon_only_and_shadow_dom(tmp_path):
    pages = [item(1, button("Report this ad", text="", in_shadow=True)),
             item(2, button("", text="", **{"class": "btn", "icon": "icon-flag"})),
             item(3, button("Advertentie melden"))]
    f = report.report_control_on_every_item(bundle_with(tmp_path, pages))
    assert f.status == "pass" and "3 of 3" in f.summary and "web component" in f.summary


def test_report_control_hidden_in_a_menu_still_counts_and_is_said(tmp_path):
    pages = [item(1, link("Report this profile", URL + "report?ad=1", visible=False)), item(2, button("Flag"))]
    f = report.report_control_on_every_item(bundle_with(tmp_path, pages))
    assert f.status == "pass" and "hidden in a menu on 1" in f.summary


def test_report_control_on_some_items_is_partial_and_names_a_missing_one(tmp_path):
    f = report.report_control_on_every_item(bundle_with(tmp_path, [item(1, button("Melden")), item(2)]))
    assert f.status == "partial" and f"{URL}ads/2" in f.summary


def test_site_wide_footer_link_is_not_a_report_control_per_item(tmp_path):
    pages = [item(1, FOOTER_REPORT), item(2, FOOTER_REPORT)]
    f = report.report_control_on_every_item(bundle_with(tmp_path, pages))
    assert f.status == "fail" and "site-wide link" in f.summary
    assert report.level({"REPORT-01": f}) == 1


def test_no_item_pages_means_report_control_not_assessed(tmp_path):
    assert report.report_control_on_every_item(bundle_with(tmp_path)).status == "not_assessed"


def test_report_ladder_reaches_five_only_with_every_check_passing():
    from checks.base import finding

    passing = {f"REPORT-0{i}": finding(f"REPORT-0{i}", "pass", "") for i in range(1, 7)}
    passing["REPORT-02"] = finding("REPORT-02", "pass", "", outcomes={"form": 3, "login": 0, "mailto": 0, "none": 0})
    assert report.level(passing) == 5
    passing["REPORT-06"] = finding("REPORT-06", "partial", "")
    assert report.level(passing) == 4
    passing["REPORT-04"] = finding("REPORT-04", "fail", "")
    assert report.level(passing) == 3
    mail_only = {"REPORT-01": finding("REPORT-01", "pass", ""),
                 "REPORT-02": finding("REPORT-02", "pass", "", outcomes={"form": 0, "login": 0, "mailto": 2, "none": 0})}
    assert report.level(mail_only) == 1  # a mailto per item is e-mail only


# ------------------------------------------------------------------------ REPORT-02..06 on saved probe results


def test_three_clicks_to_the_form_is_partial_and_the_worst_item_counts(tmp_path):
    b = probed(tmp_path, attempt(1, "form", 1), attempt(2, "form", 3, menu=True))
    f = report.report_within_two_clicks(b)
    assert f.status == "partial" and "3 click(s)" in f.summary


def test_no_form_within_four_clicks_fails(tmp_path):
    assert report.report_within_two_clicks(probed(tmp_path, attempt(1, "none", None))).status == "fail"


def test_login_wall_fails_reporting_without_account_and_leaves_form_checks_not_assessed(tmp_path):
    b = probed(tmp_path, attempt(1, "login", 1))
    assert report.report_without_account(b).status == "fail"
    assert report.report_form_complete(b).status == "not_assessed"
    assert report.report_categories(b).status == "not_assessed"


def test_mailto_lets_anonymous_visitors_report_but_is_no_form(tmp_path):
    b = probed(tmp_path, attempt(1, "mailto", 1))
    assert report.report_without_account(b).status == "pass"
    f = report.report_form_complete(b)
    assert f.status == "fail" and "abuse@platform.test" in f.summary


def test_complete_form_with_both_categories_passes_form_and_category_checks(tmp_path):
    b = probed(tmp_path, attempt(1, "form", 1, form_=FULL_FORM))
    assert report.report_form_complete(b).status == "pass"
    assert report.report_categories(b).status == "pass"


def test_required_email_does_not_count_and_missing_minor_category_is_partial(tmp_path):
    weak = form(field("Reason", tag="select", type="select", options=["Spam", "Uitbuiting"]),
                field("E-mail", type="email", required=True))
    b = probed(tmp_path, attempt(1, "form", 1, form_=weak))
    f = report.report_form_complete(b)
    assert f.status == "partial" and "optional name and e-mail" in f.summary and not f.details["criteria"]["contact_optional"]
    r05 = report.report_categories(b)
    assert r05.status == "partial" and "suspected minor" in r05.summary


def test_no_control_anywhere_fails_all_follow_up_checks(tmp_path):
    b = probed(tmp_path, attempt(1, "none", None, control=False))
    for fn in (report.report_within_two_clicks, report.report_without_account, report.report_form_complete,
               report.report_categories):
        assert fn(b).status == "fail"


def test_handling_explained_quotes_receipt_timeframe_and_appeal(tmp_path):
    help_text = ("Hoe behandelen wij meldingen?\nNa je melding ontvang je een ontvangstbevestiging per e-mail. "
                 "Wij beoordelen meldingen binnen 24 uur. Ben je het niet eens met ons besluit over je melding, "
                 "dan kun je bezwaar maken via ons klachtenformulier.")
    b = Bundle(make_bundle(tmp_path, [page(URL + "hulp", role="help", text=help_text, lang="nl")]))
    f = report.handling_explained(b)
    assert f.status == "pass" and f.basis == "stated" and len(f.quotes) == 3
    assert f.quotes[0].url == URL + "hulp"


def test_handling_is_quoted_from_the_help_page_before_a_policy_page_about_other_requests(tmp_path):
    # The policy page comes first in the crawl and confirms receipt of court orders, next to a line on reported ads.
    policy_text = ("Orders from courts\nWe confirm receipt of an order within one working day. "
                   "Reported ads are kept for a year for the police.")
    help_text = ("What happens after you report\nOnce you send a report you see a report number at once. "
                 "A moderator looks at every report within a day. If you disagree with the decision, ask us to "
                 "look again.")
    b = Bundle(make_bundle(tmp_path, [page(URL + "legal/orders", role="policy", text=policy_text),
                                      page(URL + "help/reports", role="help", text=help_text)]))
    f = report.handling_explained(b)
    assert f.status == "pass"
    assert [q.url for q in f.quotes] == [URL + "help/reports"] * 3


DIALOG_SAYS = {
    "en": ("Report this post\nWhy are you reporting it?\nSpam\nIt's illegal\nSend\n"
           "You'll see a reference number as soon as you send this. A moderator decides within 24 hours. "
           "If you disagree with the decision, you can ask for a second review."),
    "nl": ("Meld dit bericht\nWaarom meld je dit?\nSpam\nHet is illegaal\nVersturen\n"
           "Na het versturen zie je direct een kenmerk. Een moderator beslist binnen 24 uur. "
           "Ben je het niet eens met het besluit, dan kun je om een tweede beoordeling vragen."),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_what_the_report_dialog_itself_says_is_read_for_handling(tmp_path, lang):
    """A report form that opens in a dialog over the item page states what happens next there and nowhere else."""
    said = attempt(1, "form", 1, form_=FULL_FORM)
    said.outcome_url, said.outcome_text = said.item_url, DIALOG_SAYS[lang]
    f = report.handling_explained(probed(tmp_path, said))
    assert f.status == "pass", f.summary
    assert {q.url for q in f.quotes} == {said.item_url}


def test_a_report_dialog_that_says_nothing_about_handling_lifts_nothing(tmp_path):
    quiet = attempt(1, "form", 1, form_=FULL_FORM)
    quiet.outcome_text = "Report this post\nWhy are you reporting it?\nSpam\nIt's illegal\nSend"
    f = report.handling_explained(probed(tmp_path, quiet))
    bare = report.handling_explained(probed(tmp_path / "bare", attempt(1, "form", 1, form_=FULL_FORM)))
    assert f.status != "pass" and (f.status, f.summary) == (bare.status, bare.summary)  # as if it said nothing


def test_handling_with_only_a_timeframe_is_partial_and_silence_fails(tmp_path):
    b = Bundle(make_bundle(tmp_path, [page(URL + "help", role="help", text="We review reports within 48 hours.")]))
    assert report.handling_explained(b).status == "partial"
    b2 = Bundle(make_bundle(tmp_path / "2", [page(URL + "help", role="help", text="Welcome to our help pages.")]))
    assert report.handling_explained(b2).status == "fail"




ADS_SITE = "https://ads.test/"


def _report_level(run_dir: Path) -> int:
    return score(evaluate(Bundle(run_dir))).areas["REPORT"].level


# ------------------------------------------------- as seen on real software: the platform speaking, not a user


def test_sellers_address_in_a_listing_body_is_not_a_platform_contact(tmp_path: Path) -> None:
    listing = page(ADS_SITE + "1-bike/", text="Gazelle bike. Mail me: joost@example.test",
                   elements=[link("joost@example.test", "mailto:joost@example.test")])
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=[page(ADS_SITE, role="start", text="Ads"), listing])
    assert report.general_contact(Bundle(run_dir))["mailto"] == []
    assert _report_level(run_dir) == 0


def test_platform_address_in_the_footer_is_a_contact_route(tmp_path: Path) -> None:
    footer = [link("Contact", "mailto:support@ads.test", region="footer")]
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=[page(ADS_SITE, role="start", text="Ads", elements=footer)])
    assert report.general_contact(Bundle(run_dir))["mailto"] == ["mailto:support@ads.test"]


def test_one_time_word_in_users_posts_is_not_a_handling_timeframe(tmp_path: Path) -> None:
    post = page(ADS_SITE + "question/5/banks/", text="Which bank lets me open an account? Flag offensive. "
                "Great, bunq worked within a day. Thanks!")
    policy = page(ADS_SITE + "privacy", role="policy", text="We process your data lawfully.")
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=[page(ADS_SITE, role="start", text="Q&A"), post, policy])
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "REPORT-06")
    assert finding.status == "fail"


def test_a_handling_page_outside_the_help_section_still_counts(tmp_path: Path) -> None:
    handling = page(ADS_SITE + "moderation", text="How we handle reports. You receive a confirmation of receipt for every "
                    "report. We decide on reports within 24 hours. You can appeal a decision on your report.")
    policy = page(ADS_SITE + "privacy", role="policy", text="We process your data lawfully.")
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=[page(ADS_SITE, role="start", text="Ads"), handling, policy])
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "REPORT-06")
    assert finding.status == "pass"




SITE = "https://platform.test"


def bundle_of(tmp_path: Path, *pages: dict, probes: dict | None = None) -> Bundle:
    return Bundle(make_bundle(tmp_path, pages=list(pages), url=f"{SITE}/", probes=probes))


# ----------------------------------------------------------------------------- REPORT-06 and the REPORT ladder


def test_a_report_handling_page_with_another_role_is_read(tmp_path):
    handling = page(f"{SITE}/what-happens-next", role="other", text=(
        "What happens after you report. You get an e-mail confirming that we received your report. "
        "Our moderators look at every report within a day.\nDon't agree with what we decided about a report? "
        "Ask us to look again."))
    f = report.handling_explained(bundle_of(tmp_path, page(f"{SITE}/help", role="help", text="Help"), handling))
    assert f.status == "pass"


def test_report_retention_is_not_a_handling_time(tmp_path):
    text = "Reports are kept in our archive for 180 days."
    f = report.handling_explained(bundle_of(tmp_path, page(f"{SITE}/help", role="help", text=text)))
    assert f.status == "fail"


def test_a_general_contact_address_is_recorded_for_the_ladder(tmp_path):
    contact_page = page(f"{SITE}/contact", role="other", text="Questions? Mail hello@platform.test",
                        elements=[link("hello@platform.test", "mailto:hello@platform.test")])
    f = report.handling_explained(bundle_of(tmp_path, page(f"{SITE}/help", role="help", text="Help"), contact_page))
    assert f.facts.general_contact.mailto == ["mailto:hello@platform.test"]
    assert report.level({"REPORT-06": f}) == 1
    bare = report.handling_explained(bundle_of(tmp_path / "b", page(f"{SITE}/help", role="help", text="Help")))
    assert report.level({"REPORT-06": bare}) == 0


def test_an_address_in_a_users_ad_is_not_the_platforms_contact(tmp_path):
    ad = page(f"{SITE}/ad/1", role="item", text="Mail me: anna@example.test",
              elements=[link("anna@example.test", "mailto:anna@example.test")])
    f = report.handling_explained(bundle_of(tmp_path, page(f"{SITE}/help", role="help", text="Help"), ad))
    assert f.facts.general_contact == ContactRoutes()




# ------------------------------------------------------- the REPORT ladder, rung by rung, in English and Dutch


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rung", range(6))
def test_report_rung_exactly(tmp_path, lang, rung):
    pages, probes = report_case(lang, rung, near=False)
    assert levels(tmp_path, pages, probes)["REPORT"] == rung


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rung", range(1, 6))
def test_report_rung_almost(tmp_path, lang, rung):
    pages, probes = report_case(lang, rung, near=True)
    assert levels(tmp_path, pages, probes)["REPORT"] == REPORT_NEAR[rung]


# ------------------------------------- wording met on independently built platforms (benchmarks/independent)


@pytest.mark.parametrize("label", [
    "In good conscience, I believe what I am reporting here is correct",
    "I genuinely believe the information in this notice is accurate",
    "Ik doe deze melding naar eer en geweten",
    "Ik geloof oprecht dat mijn melding klopt",
])
def test_good_faith_said_as_conscience_or_sincere_belief_counts(tmp_path, label):
    f = form(field("Why are you reporting this?", tag="select", type="select", options=["Spam", "Exploitation"]),
             field("Link", value=f"{URL}ads/1"), field("Name"), field("E-mail", type="email"),
             field(label, type="checkbox", required=True))
    assert report.report_form_complete(probed(tmp_path, attempt(1, "form", 1, form_=f))).status == "pass"


def test_a_newsletter_box_is_no_good_faith_confirmation(tmp_path):
    f = form(field("Why are you reporting this?", tag="select", type="select", options=["Spam", "Exploitation"]),
             field("Link", value=f"{URL}ads/1"), field("Name"), field("E-mail", type="email"),
             field("Keep me posted about new features", type="checkbox"))
    got = report.report_form_complete(probed(tmp_path, attempt(1, "form", 1, form_=f)))
    assert got.status == "partial" and not got.details["criteria"]["good_faith"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Sent us a report? Your reference code appears on screen straight away and we e-mail it to you as well. "
           "Someone from the safety team looks at every report within a day. If you disagree with the decision, "
           "reply to that e-mail and a colleague will reconsider it."),
    ("nl", "Iets gemeld? Je ziet meteen een kenmerk op je scherm, en we mailen het je ook. "
           "Iemand van het team bekijkt elke melding binnen een dag. Ben je het niet eens met het besluit, "
           "antwoord dan op die mail en een collega bekijkt het opnieuw."),
])
def test_a_reference_shown_after_reporting_is_a_receipt_confirmation(tmp_path, lang, text):
    b = Bundle(make_bundle(tmp_path, [page(URL + "help/after-reporting", role="help", text=text, lang=lang)]))
    f = report.handling_explained(b)
    assert f.status == "pass", f.summary


@pytest.mark.parametrize("lang,text", [
    ("en", "Every invoice has your reference code. We send invoices within a day of payment."),
    ("nl", "Bij elke betaling krijg je een kenmerk. De factuur sturen we binnen een dag."),
])
def test_a_payment_reference_is_no_report_receipt(tmp_path, lang, text):
    b = Bundle(make_bundle(tmp_path, [page(URL + "help/payments", role="help", text=text, lang=lang)]))
    assert report.handling_explained(b).status == "fail"


@pytest.mark.parametrize("item_url", [f"{URL}ad/sunny-flat-by-the-quay", f"{URL}view?ad=sunny-flat-by-the-quay"])
def test_a_field_holding_the_items_slug_is_its_location(item_url):
    f = form(field("Ad (if any)", value="sunny-flat-by-the-quay"), field("Message", tag="textarea", type="textarea"))
    assert report.location_prefilled(f, item_url)


def test_a_field_holding_another_items_slug_is_no_location():
    f = form(field("Ad (if any)", value="sunny-flat-by-the-quay-two"), field("Subject", value="view"))
    assert not report.location_prefilled(f, f"{URL}view?ad=sunny-flat-by-the-quay")
    assert not report.location_prefilled(f, f"{URL}ad/sunny-flat")


# ------------------------------------- round two (benchmarks/independent: koopjeshoek)


@pytest.mark.parametrize("fld", [
    field("", type="hidden", name="id", value="12"),
    field("", type="hidden", name="return", value="/advertentie.php?id=12"),
])
def test_a_hidden_field_holding_the_items_query_id_is_its_location(fld):
    f = form(field("Uw naam", name="naam"), fld, field("Toelichting", tag="textarea", type="textarea"))
    assert report.location_prefilled(f, f"{URL}advertentie.php?id=12")


@pytest.mark.parametrize("fld", [
    field("", type="hidden", name="step", value="12"),  # another field that happens to hold the number
    field("", type="hidden", name="id", value="120"),
    field("", type="hidden", name="return", value="/advertentie.php?id=123"),
])
def test_a_number_in_another_field_or_another_id_is_no_location(fld):
    f = form(field("Uw naam", name="naam"), fld)
    assert not report.location_prefilled(f, f"{URL}advertentie.php?id=12")


FORM_PAGE_TEXT = {
    "en": "Get in touch. Pick a topic and tell us what is going on. Our team reads everything and replies within "
          "two working days.",
    "nl": "Neem contact op. Kies een onderwerp en vertel wat er speelt. Ons team leest alles en antwoordt binnen "
          "twee werkdagen.",
}


def _form_page_bundle(tmp_path: Path, lang: str, *, form_url: str) -> Bundle:
    item_url = f"{URL}ads/1"
    a = ReportAttempt(item_url=item_url, control=ControlSeen(name="Report"), clicks=1, outcome="form",
                      outcome_url=form_url, form=form(field("Message", tag="textarea", name="message")))
    pages = [page(URL, role="start"), page(f"{URL}help", role="help", text="Help"),
             page(item_url, role="item", text="An ad. " + (FORM_PAGE_TEXT[lang] if form_url == item_url else "")),
             page(f"{URL}contact?about=1", role="other", text=FORM_PAGE_TEXT[lang])]
    return Bundle(make_bundle(tmp_path, pages, probes={"report": ReportProbe(attempts=[a])}))


@pytest.mark.parametrize("lang", LANGS)
def test_a_reply_time_on_the_report_forms_own_page_is_a_handling_time(tmp_path, lang):
    # The report control leads to a general contact form; its page promises a reply time without saying "report".
    f = report.handling_explained(_form_page_bundle(tmp_path, lang, form_url=f"{URL}contact?about=1"))
    assert f.status == "partial"
    assert f.quotes[0].url == f"{URL}contact?about=1"
    assert ("two working days" if lang == "en" else "twee werkdagen") in f.quotes[0].text


@pytest.mark.parametrize("lang", LANGS)
def test_the_same_reply_time_on_a_page_no_report_control_leads_to_is_not(tmp_path, lang):
    # A form in a dialog over the item: the item page (other people's words) is not read as about reports,
    # and the contact page the control did not lead to is not either.
    f = report.handling_explained(_form_page_bundle(tmp_path, lang, form_url=f"{URL}ads/1"))
    assert f.status == "fail"


# Round four: a receipt said in everyday words ("we'll e-mail you to confirm we've got your report").
@pytest.mark.parametrize("lang, text", [
    ("en", "If you leave your address, we'll e-mail you to confirm we've got your report. Our moderators look at "
           "reports as quickly as they can."),
    ("nl", "Laat je je e-mailadres achter, dan mailen we je ter bevestiging zodra je melding binnen is. Ons team kijkt "
           "er zo snel mogelijk naar."),
])
def test_receipt_in_everyday_words_is_a_receipt(tmp_path, lang, text):
    b = Bundle(make_bundle(tmp_path, [page(URL + "help/reporting", role="help", text=text, lang=lang)]))
    f = report.handling_explained(b)
    assert f.status == "partial", f.summary
    assert "receipt" in f.summary or "ontvangst" in f.summary


def test_got_in_another_sense_is_no_receipt(tmp_path):
    text = "We've got a team of moderators. Report anything that worries you."
    b = Bundle(make_bundle(tmp_path, [page(URL + "help/reporting", role="help", text=text)]))
    assert report.handling_explained(b).status == "fail"


# Round five (benchmarks/independent: threadline): a receipt said as the flag having reached the staff, or as the
# platform "having it in" ("dat we het binnen hebben").
@pytest.mark.parametrize("lang,text", [
    ("en", "Flagging a post. Once you flag a post, a notification tells you the flag reached our staff. We look at flags "
           "within 24 hours. If you disagree with the outcome, you can appeal."),
    ("nl", "Melden. Als je een bericht meldt, krijg je direct een melding dat we het binnen hebben. We bekijken meldingen "
           "binnen 24 uur. Ben je het niet eens met ons besluit, dan kun je bezwaar maken."),
])
def test_a_flag_that_reached_the_staff_is_a_receipt(tmp_path, lang, text):
    f = report.handling_explained(bundle_with(tmp_path, [page(f"{URL}help", role="help", text=text, lang=lang)]))
    assert f.status == "pass", f.summary


@pytest.mark.parametrize("lang,text", [
    ("en", "Flagging a post. Flags are read by our staff within 24 hours. If you disagree with the outcome, you can "
           "appeal."),
    ("nl", "Melden. Zodra de zomer binnen is, bekijken we meldingen binnen 24 uur. Ben je het niet eens met ons besluit, "
           "dan kun je bezwaar maken."),
])
def test_staff_reading_flags_is_no_receipt(tmp_path, lang, text):
    f = report.handling_explained(bundle_with(tmp_path, [page(f"{URL}help", role="help", text=text, lang=lang)]))
    assert f.status == "partial", f.summary


# ------------------------------------------------------ REPORT-06 in other words (blind round six, rewording)

@pytest.mark.parametrize("lang,text", [
    ("en", "Once your report is in, you'll get an acknowledgement by email. Most reports are dealt with inside "
           "72 hours. You can appeal any decision we make on a report."),
    ("en", "We confirm each report by e-mail. A moderator decides no later than two working days after a report. "
           "You can appeal the decision."),
    ("nl", "We bevestigen elke melding per e-mail. Een moderator beoordeelt je melding uiterlijk binnen drie "
           "werkdagen. Tegen onze beslissing kun je in beroep gaan."),
    ("nl", "Na een melding krijg je een bevestigingsmail. Meldingen behandelen we hooguit 48 uur na ontvangst. "
           "Ben je het niet eens met het besluit, dan kun je bezwaar maken."),
])
def test_receipt_and_timeframe_in_other_words_pass(tmp_path, lang, text):
    f = report.handling_explained(bundle_with(tmp_path, [page(f"{URL}help/reports", role="help", text=text,
                                                              lang=lang)]))
    assert f.status == "pass", f.summary


@pytest.mark.parametrize("lang,text", [
    # the reporter confirms, and a retention period bounded "at the latest": neither is receipt nor handling time
    ("en", "Confirm your report with the Send button. Reports are deleted at the latest 90 days after a decision. "
           "You can appeal the decision."),
    ("nl", "Bevestig je melding met de knop Versturen. Meldingen worden uiterlijk 90 dagen na het besluit "
           "verwijderd. Tegen het besluit kun je bezwaar maken."),
])
def test_the_reporters_own_confirmation_and_a_deletion_deadline_are_not_handling(tmp_path, lang, text):
    f = report.handling_explained(bundle_with(tmp_path, [page(f"{URL}help/reports", role="help", text=text,
                                                              lang=lang)]))
    assert f.status == "partial" and len(f.quotes) == 1 and "appeal" in f.summary, f.summary
    assert "not a receipt confirmation or a timeframe" in f.summary


# --------------------------- where a control stands: a card's own header or footer is the item's, not the site's

CARD_PAGE = """<html><body>
<header><nav><a href="/">Home</a></nav><a href="/report">Report a problem</a></header>
<main><article class="profile"><header><h1>Ada</h1>
  <button type="button" aria-haspopup="menu" aria-label="More actions for Ada">⋯</button></header>
  <p>Allotment keeper.</p>
  <footer><a href="/report?profile=ada">Report this profile</a></footer></article></main>
<footer><a href="/abuse">Report abuse</a> <a href="/privacy">Privacy</a></footer>
</body></html>"""


@pytest.mark.browser
async def test_a_cards_own_header_and_footer_belong_to_the_item_not_the_site(browser_session):
    """HTML-AAM: a header or footer inside an article (or aside, main) is no banner or content-info. The profile
    card's "⋯" menu and its "Report this profile" link are the item's; the site header's and footer's stay site-wide."""
    ctx, _ = await browser_session.new_context()
    try:
        page = await ctx.new_page()
        await page.set_content(CARD_PAGE)
        menus = await menu_triggers(page)
        assert [m["name"] for m in menus] == ["More actions for Ada"]
        controls = {c["name"]: c["region"] for c in await find_controls(page, control_pattern(), "report", True)}
        assert controls["Report this profile"] not in SITE_WIDE
        assert controls["Report a problem"] == "header" and controls["Report abuse"] == "footer"
        regions = {e.name: e.region for e in (await page_inventory(page, "test")).elements if e.href}
        assert regions["Report this profile"] == "main" and regions["Privacy"] == "footer" and regions["Home"] == "nav"
    finally:
        await ctx.close()


@pytest.mark.browser
async def test_a_marking_link_on_another_path_is_clicked_and_refused_not_navigated_to(browser_session):
    """A pretty-URL ad page (/<categorie>/<titel>_i3) whose flag is index.php?page=item&action=mark&as=expired: the
    probe clicks it as a visitor would, the write guard refuses it as that click's write (a one-click flag), and
    the page stays; a navigation to it would only have failed."""
    with serve_site("basic") as (url, _server):
        ctx, _ = await browser_session.new_context()
        try:
            guard = guard_of(ctx)
            page = await ctx.new_page()
            await page.goto(url)
            await page.evaluate("""(u) => { const a = document.createElement('a'); a.href = u;
                a.textContent = 'Verlopen'; document.body.prepend(a); }""",
                                url + "index.php?page=item&action=mark&as=expired&id=3&token=ab12")
            control = (await find_controls(page, "Verlopen", "flag", True))[0]
            before, mark = page.url, guard.mark()
            await activate(page, control)
            assert page.url == before
            assert [w for w in guard.caused(mark) if "action=mark" in w.url and not w.allowed]
        finally:
            await ctx.close()


# A forum's rules pinned as a topic: REPORT-06 reads it as it reads a rules page, and taking a disagreement with
# moderation to the moderators privately is a way to appeal; moderation talk without such a route is not.
RULES_TOPIC = {
    "en": ("Board rules - read before posting",
           "Use the flag under a post and a moderator will look at it. Moderation decisions are not argued in the "
           "thread: if you disagree with one, send the moderators a private message."),
    "nl": ("Huisregels - eerst lezen",
           "Zie je iets wat niet mag? Gebruik het vlaggetje bij het bericht, dan bekijkt een moderator het. Over "
           "moderatie wordt niet in het openbaar gediscussieerd; stuur een beheerder een PB."),
}
RULES_TOPIC_NEAR = {
    "en": ("Board rules - read before posting",
           "Use the flag under a post and a moderator will look at it. Moderators discuss every flagged post "
           "together before they act."),
    "nl": ("Huisregels - eerst lezen",
           "Gebruik het vlaggetje bij het bericht, dan bekijkt een moderator het. De moderatoren bespreken elke "
           "melding samen."),
}


@pytest.mark.parametrize("lang", LANGS)
def test_rules_topic_states_a_way_to_contest_moderation(tmp_path, lang):
    title, text = RULES_TOPIC[lang]
    topic = page(URL + "viewtopic.php?t=1", role="item", title=title, text=text, lang=lang)
    other = page(URL + "viewtopic.php?t=2", role="item", title="Fietsen te koop", text="Wie weet een goede fietsenmaker?",
                 lang=lang)
    f = report.handling_explained(bundle_with(tmp_path, [page(URL, role="start"), topic, other]))
    assert f.status == "partial"
    assert [q.url for q in f.quotes] == [URL + "viewtopic.php?t=1"]
    assert "PB" in f.quotes[0].text or "private message" in f.quotes[0].text

    title, text = RULES_TOPIC_NEAR[lang]
    near = page(URL + "viewtopic.php?t=1", role="item", title=title, text=text, lang=lang)
    assert report.handling_explained(bundle_with(tmp_path / "near", [page(URL, role="start"), near, other])).status == "fail"
    # the same words in an ordinary topic are a member's post, not the platform's rules
    plain = page(URL + "viewtopic.php?t=1", role="item", title="Vraagje", text=RULES_TOPIC[lang][1], lang=lang)
    f = report.handling_explained(bundle_with(tmp_path / "plain", [page(URL, role="start"), plain, other]))
    assert f.status not in ("pass", "partial") and not f.quotes


@pytest.mark.parametrize("sentence, contests", [
    ("Disagree with a moderator's decision? Don't argue in the thread, send them a private message.", True),
    ("Moderation decisions are not discussed publicly: contact a moderator by PM.", True),
    ("Ben je het oneens met een waarschuwing? Mail dan de beheerders.", True),
    ("Over moderatie wordt niet in het openbaar gediscussieerd; stuur de moderator een PB.", True),
    ("We discuss every report in our moderation team and send you a message.", False),
    ("Moderators may ban members who send spam.", False),
    ("Discussions about politics belong in the off-topic board; send the admin a message to open a new board.", False),
    ("Gebruik het uitroepteken bij het bericht, dan kijkt een moderator ernaar.", False),
])
def test_contests_moderation(sentence, contests):
    assert report.contests_moderation(sentence) is contests


# ------------ round nine (benchmarks/independent: a single-page app that focuses <main>, a "misbruik?" link to the
# contact form with the ad number, report reasons phrased with verbs)


FOCUSED_MAIN = """<html><body><main tabindex="-1"><article><h1>Maya, 29</h1>
  <button type="button" aria-label="More options for Maya" aria-haspopup="menu">⋯</button>
  <p>Before you chat: if someone seems under 18, report them from the menu.</p>
  <span tabindex="0" class="chip">Report a bug in this page</span></article></main></body></html>"""


@pytest.mark.browser
async def test_a_main_focused_by_the_router_is_no_report_control(browser_session):
    """Single-page apps give <main> tabindex="-1" to move focus after a route change; its name is the whole view,
    which says "report" somewhere. A keyboard-focusable chip named "Report ..." stays a control."""
    ctx, _ = await browser_session.new_context()
    try:
        page_ = await ctx.new_page()
        await page_.set_content(FOCUSED_MAIN)
        found = await find_controls(page_, control_pattern(), "report", True)
        assert [c["tag"] for c in found] == ["span"], found
    finally:
        await ctx.close()


def test_a_one_word_question_is_a_label_a_longer_one_a_title():
    assert not report.reads_as_title("Misbruik?") and not report.reads_as_title("Abuse?")
    assert report.reads_as_title("Is dit misbruik?") and report.reads_as_title("How do I report?")


def test_the_ad_number_in_a_field_of_another_name_is_the_items_location():
    item_url = URL + "advertentie.php?id=48211"
    number = form(field("Advertentienummer", name="advertentie", value="48211"))
    assert report.location_prefilled(number, item_url)
    assert not report.location_prefilled(form(field("Advertentienummer", name="advertentie", value="48212")), item_url)
    assert not report.location_prefilled(form(field("Aantal", name="n", value="12")), URL + "ad.php?id=12")


@pytest.mark.parametrize("reason,found", [
    ("Someone is being exploited, trafficked or controlled by another person", True),
    ("They were sexually exploited", True),
    ("Cheating or exploiting a bug in the game", False),
])
def test_report_reasons_phrased_with_verbs_of_exploitation(reason, found):
    from checks import lexicon
    assert lexicon.has(reason, "report", "cat_trafficking") is found


def test_a_report_link_that_names_its_reason_leads_to_the_same_address_without_it():
    """The write guard refuses "contact.php?onderwerp=misbruik&advertentie=5" (such a GET may file the report at
    once); the page to read is the same address without the reason. A POST, a path that acts, or several writes
    give nothing to read."""
    from safehaven.models import WriteRecord
    from toolkit.collection.report_probe import _without_reason

    def get(url, kind="document", method="GET"):
        return WriteRecord(method=method, url=url, resource_type=kind)

    assert _without_reason([get(URL + "contact.php?onderwerp=misbruik&advertentie=5")]) == URL + "contact.php?advertentie=5"
    assert _without_reason([get(URL + "report?reason=spam&id=5")]) == URL + "report?id=5"
    assert _without_reason([get(URL + "contact.php?onderwerp=misbruik", method="POST")]) == ""
    assert _without_reason([get(URL + "ads/5/delete?reason=spam")]) == ""
    assert _without_reason([get(URL + "contact.php?advertentie=5")]) == ""
    assert _without_reason([get(URL + "a?reason=spam"), get(URL + "b?reason=spam")]) == ""


def test_a_link_titled_like_another_ad_is_no_menu():
    from toolkit.collection.interact import _titled_link
    assert _titled_link({"tag": "a", "href": URL + "ad?id=2", "name": "Man 45 zoekt vrouw voor vriendschap en misschien meer"})
    assert not _titled_link({"tag": "a", "href": URL + "ad?id=2", "name": "Meer"})
    assert not _titled_link({"tag": "button", "href": None, "name": "More options for Maya"})
