"""AGE, REPORT and CONTACT checks on hand-built bundles (no browser)."""

from __future__ import annotations

from pathlib import Path

from checks import age, contact, report
from safehaven.bundle import Bundle
from safehaven.models import AgeGateProbe, GateObservation

from .bundles import button, field, form, link, make_bundle, page

URL = "https://platform.test/"


def gate(entry: str, url: str, *, present: bool = True, methods=("button",), under=False, providers=(),
         text="You must be 18 or older") -> GateObservation:
    return GateObservation(url=url, entry=entry, final_url=url, gate=present, kind="modal" if present else "none",
                           methods=list(methods), providers=list(providers), text=text if present else "",
                           content_under_overlay=under, screenshot=f"bundle/probes/age_gate/{entry}.jpg")


def bundle_with(tmp_path: Path, pages=None, *, probe: AgeGateProbe | None = None, adult=True) -> Bundle:
    probes = {"age_gate": probe} if probe else {}
    return Bundle(make_bundle(tmp_path, pages or [page(URL, role="start")], adult=adult, probes=probes))


# ---------------------------------------------------------------------- AGE-01


def test_gate_on_start_page_and_deep_link_passes(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL), gate("deep_link", URL + "ad/1")])
    f = age.age_gate_before_content(bundle_with(tmp_path, probe=probe))
    assert f.status == "pass" and "1 of 1" in f.summary and f.evidence[0].path.endswith("start.jpg")


def test_gate_only_on_start_page_is_partial_and_names_the_deep_link(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL), gate("deep_link", URL + "ad/1", present=False)])
    f = age.age_gate_before_content(bundle_with(tmp_path, probe=probe))
    assert f.status == "partial" and URL + "ad/1" in f.summary


def test_no_gate_anywhere_fails(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL, present=False), gate("deep_link", URL + "ad/1", present=False)])
    assert age.age_gate_before_content(bundle_with(tmp_path, probe=probe)).status == "fail"


def test_age_gate_checks_do_not_apply_to_a_non_adult_platform(tmp_path):
    b = bundle_with(tmp_path, probe=AgeGateProbe(), adult=False)
    assert age.age_gate_before_content(b).status == "not_applicable"
    assert age.gate_cannot_be_walked_around(b).status == "not_applicable"


def test_without_the_probe_the_gate_is_not_assessed(tmp_path):
    assert age.age_gate_before_content(bundle_with(tmp_path)).status == "not_assessed"


# ---------------------------------------------------------------------- AGE-02 / AGE-03 / AGE-04


def test_click_through_gate_is_level_one_and_fails_strength(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL, methods=["button"])])
    f = age.age_assurance_strength(bundle_with(tmp_path, probe=probe))
    assert (f.status, f.level) == ("fail", 1)


def test_dob_gate_is_level_two_partial(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL, methods=["dob", "button"])])
    f = age.age_assurance_strength(bundle_with(tmp_path, probe=probe))
    assert (f.status, f.level) == ("partial", 2)


def test_gate_using_a_verification_provider_is_level_five_pass(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL, methods=["frame", "provider"], providers=["Yoti"])])
    f = age.age_assurance_strength(bundle_with(tmp_path, probe=probe))
    assert (f.status, f.level) == ("pass", 5) and "level 5" in f.summary


def test_content_under_overlay_and_forgeable_cookie_fail_the_walk_around(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL, under=True)], passed_gate=True,
                         cookies_set=[{"name": "age_ok", "value": "1", "domain": "platform.test", "path": "/",
                                       "forgeable": "true", "unlocks": "true"}])
    f = age.gate_cannot_be_walked_around(bundle_with(tmp_path, probe=probe))
    assert f.status == "fail" and "age_ok=1" in f.summary
    assert age.level({"AGE-02": age.age_assurance_strength(bundle_with(tmp_path / "b", probe=AgeGateProbe(
        observations=[gate("start", URL, providers=["Yoti"])]))), "AGE-03": f}) == 2


def test_gate_with_nothing_underneath_and_random_token_passes(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL)], passed_gate=True,
                         cookies_set=[{"name": "sid", "value": "a8f0c1d2e3", "domain": "platform.test", "path": "/",
                                       "forgeable": "false"}])
    assert age.gate_cannot_be_walked_around(bundle_with(tmp_path, probe=probe)).status == "pass"


def test_content_under_overlay_alone_is_partial(tmp_path):
    probe = AgeGateProbe(observations=[gate("start", URL, under=True)], passed_gate=True)
    assert age.gate_cannot_be_walked_around(bundle_with(tmp_path, probe=probe)).status == "partial"


def test_signup_with_date_of_birth_passes_in_passive_mode_and_says_refusal_not_tried(tmp_path):
    signup = page(URL + "signup", role="signup", forms=[form(field("E-mail", type="email"), field("Password", type="password"),
                                                            field("Date of birth", type="date"))])
    f = age.signup_turns_minors_away(bundle_with(tmp_path, [page(URL, role="start"), signup]))
    assert f.status == "pass" and "not tried" in f.summary


def test_signup_with_only_an_18_plus_checkbox_is_partial(tmp_path):
    signup = page(URL + "registreren", role="signup", forms=[form(
        field("E-mailadres", type="email"), field("Wachtwoord", type="password"),
        field("Ik ben 18 jaar of ouder", type="checkbox"))])
    assert age.signup_turns_minors_away(bundle_with(tmp_path, [signup])).status == "partial"


def test_signup_without_age_question_fails_and_no_signup_is_not_assessed(tmp_path):
    signup = page(URL + "join", role="signup", forms=[form(field("Email", type="email"), field("Password", type="password"))])
    assert age.signup_turns_minors_away(bundle_with(tmp_path, [signup])).status == "fail"
    assert age.signup_turns_minors_away(bundle_with(tmp_path / "x")).status == "not_assessed"


# ---------------------------------------------------------------------- REPORT-01


def item(n: int, *elements, text: str = "An ad.") -> dict:
    return page(f"{URL}ads/{n}", role="item", text=text, elements=list(elements))


FOOTER_REPORT = link("Report abuse", URL + "report", region="footer")


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


# ---------------------------------------------------------------------- CONTACT-01 / CONTACT-02


def test_phone_links_and_disguised_numbers_on_items_fail_contact_details(tmp_path):
    pages = [item(1, link("Bel mij", "tel:+31612345678")),
             item(2, text="Bel me: 06 - 12 34 56 78, liefst na 18:00"),
             item(3, link("chat", "https://wa.me/31612345678")),
             item(4, text="nul zes een twee drie vier vijf zes zeven acht")]
    f = contact.no_contact_details_for_anonymous(bundle_with(tmp_path, pages))
    assert f.status == "fail" and "4 of 4" in f.summary
    assert {"phone link", "WhatsApp link", "phone number in text", "phone number spelled out"} <= set(f.details["routes"])


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


# ---------------------------------------------------------------------- REPORT-02..06 on saved probe results

from safehaven.models import ControlSeen, ReportAttempt, ReportProbe  # noqa: E402


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


def test_handling_with_only_a_timeframe_is_partial_and_silence_fails(tmp_path):
    b = Bundle(make_bundle(tmp_path, [page(URL + "help", role="help", text="We review reports within 48 hours.")]))
    assert report.handling_explained(b).status == "partial"
    b2 = Bundle(make_bundle(tmp_path / "2", [page(URL + "help", role="help", text="Welcome to our help pages.")]))
    assert report.handling_explained(b2).status == "fail"


# ---------------------------------------------------------------------- AGE-05


def test_advertisers_verified_with_id_and_selfie_before_first_ad_passes(tmp_path):
    text = ("Verificatie van adverteerders\nVoordat je eerste advertentie online komt, controleren wij je "
            "identiteitsbewijs en maak je een selfie (liveness-check) via onze verificatiepartner.")
    f = age.advertisers_verified(bundle_with(tmp_path, [page(URL + "hulp/verificatie", role="help", text=text)]))
    assert f.status == "pass" and f.basis == "stated" and "identiteitsbewijs" in f.quotes[0].text


def test_optional_verified_badge_is_partial(tmp_path):
    text = "Advertisers can choose to upload a passport to earn a verified badge on their profile."
    assert age.advertisers_verified(bundle_with(tmp_path, [page(URL + "help", role="help", text=text)])).status == "partial"


def test_negated_id_check_and_silence_fail(tmp_path):
    text = "We do not ask advertisers for an ID document. Posting an ad is quick and anonymous."
    assert age.advertisers_verified(bundle_with(tmp_path, [page(URL + "faq", role="help", text=text)])).status == "fail"
