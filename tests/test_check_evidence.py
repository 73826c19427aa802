"""EVIDENCE checks (EVIDENCE-01..05, evidence retention and police cooperation): policy links,
retention periods, preservation, reporting crimes, the point of contact for authorities, and the EVIDENCE ladder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import evidence, terms
from safehaven.bundle import Bundle
from safehaven.models import (
    Finding,
)
from tests.bundles import (
    EVIDENCE_NEAR,
    FOOTER,
    LANGS,
    PRIVACY_GOOD,
    SITE,
    TERMS_GOOD,
    bundle_of,
    evidence_case,
    good_platform,
    item,
    levels,
    link,
    make_bundle,
    page,
    privacy,
    start,
)
from toolkit.evaluate import evaluate


def only_privacy(tmp_path: Path, text: str) -> Bundle:
    return bundle_of(tmp_path, start(), item(1), privacy(text))


def run_evidence(bundle: Bundle) -> dict[str, Finding]:
    checks = (evidence.retention_periods, evidence.removed_content_preserved, evidence.crimes_reported_to_police,
              evidence.authorities_have_contact_point)
    return {f.check: f for f in (c(bundle) for c in checks)}


# ------------------------------------------------------------------------------------------------- EVIDENCE-01


def test_privacy_and_terms_linked_from_every_page_passes(tmp_path):
    f = evidence.privacy_and_terms_linked(good_platform(tmp_path))
    assert f.status == "pass"
    assert f.basis == "observed"
    assert f.summary == "Privacy policy and terms linked from all 6 sampled pages"


def test_terms_read_from_a_pdf_are_no_page_that_must_link_the_policies(tmp_path):
    # A PDF of the terms, linked from every footer, has no footer of its own: it is not judged as a page.
    pdf = page(f"{SITE}/docs/voorwaarden.pdf", role="policy", title="Algemene voorwaarden", text=TERMS_GOOD,
               files={"document": "pages/p004/document.pdf"})
    f = evidence.privacy_and_terms_linked(bundle_of(tmp_path, start(), item(1), item(2), pdf))
    assert f.status == "pass"
    assert f.details["pages"] == 3
    # The same text as an HTML page without the links is still a sampled page that misses them.
    html = page(f"{SITE}/voorwaarden", role="policy", title="Algemene voorwaarden", text=TERMS_GOOD)
    assert evidence.privacy_and_terms_linked(bundle_of(tmp_path / "b", start(), item(1), html)).status == "partial"


def test_terms_missing_on_one_item_page_is_partial_and_counted(tmp_path):
    bare = item(3, elements=[link("Privacybeleid", f"{SITE}/privacy")])
    f = evidence.privacy_and_terms_linked(bundle_of(tmp_path, start(), item(1), bare))
    assert f.status == "partial"
    assert f.summary == "Privacy policy and terms linked from 2 of 3 pages"
    assert f.details["missing"] == [f"{SITE}/advertentie/3"]


def test_only_a_privacy_link_anywhere_is_partial(tmp_path):
    only = [link("Privacy statement", f"{SITE}/privacy-statement")]
    f = evidence.privacy_and_terms_linked(bundle_of(tmp_path, item(1, only), item(2, only)))
    assert f.status == "partial"
    assert "no link to the terms" in f.summary


def test_terms_recognised_by_link_url_when_name_is_an_icon(tmp_path):
    links = [link("", f"{SITE}/legal/terms-of-service"), link("Privacy", f"{SITE}/privacy")]
    assert evidence.privacy_and_terms_linked(bundle_of(tmp_path, item(1, links))).status == "pass"


def test_policy_document_shown_in_a_frame_is_judged_with_its_host_page(tmp_path):
    # The statement lives in a bare document that the privacy page frames; the host page carries the footer.
    both = [link("Data protection", f"{SITE}/data-protection"), link("Rules of use", f"{SITE}/rules-of-use")]
    host = page(f"{SITE}/data-protection", role="policy", text="Our data protection statement is shown below.",
                elements=both, frames=[f"{SITE}/docs/statement-v3"])
    bare = page(f"{SITE}/docs/statement-v3", role="policy", text="We process your e-mail address to run your account.")
    f = evidence.privacy_and_terms_linked(bundle_of(tmp_path, item(1, both), host, bare))
    assert f.status == "pass"
    assert f.details["pages"] == 2
    # Near miss: the same bare document reached by a link, framed by no page, still counts as a page without links.
    unframed = page(f"{SITE}/data-protection", role="policy", text="Our data protection statement.", elements=both)
    f = evidence.privacy_and_terms_linked(bundle_of(tmp_path / "b", item(1, both), unframed, bare))
    assert f.status == "partial"
    assert f.details["missing"] == [f"{SITE}/docs/statement-v3"]


def test_no_privacy_or_terms_link_fails(tmp_path):
    f = evidence.privacy_and_terms_linked(bundle_of(tmp_path, item(1, [link("Contact", f"{SITE}/contact")])))
    assert f.status == "fail"
    assert "any of the 1 sampled pages" in f.summary


def test_links_not_assessed_when_no_page_loaded(tmp_path):
    broken = page(f"{SITE}/", role="start", status=500, error="HTTP 500")
    assert evidence.privacy_and_terms_linked(bundle_of(tmp_path, broken)).status == "not_assessed"


# ------------------------------------------------------------------------------------------------- EVIDENCE-02


def test_retention_periods_for_two_kinds_pass_with_quotes(tmp_path):
    f = evidence.retention_periods(good_platform(tmp_path))
    assert f.status == "pass"
    assert f.basis == "stated"
    assert f.summary == ("Retention periods for 4 kinds of data: messages 6 months, content 2 years, "
                         "account data 2 years, logs 90 days")
    assert f.details["kinds"]["messages"] == 183 and f.details["kinds"]["logs"] == 90
    assert all(q.url == f"{SITE}/privacy" for q in f.quotes)
    assert any("Chatberichten bewaren wij zes maanden" in q.text for q in f.quotes)


def test_retention_period_for_one_kind_is_partial(tmp_path):
    f = evidence.retention_periods(only_privacy(tmp_path, "We keep your messages for 6 months."))
    assert f.status == "partial"
    assert f.summary.startswith("Retention period for 1 kind of data: messages 6 months")


def test_only_vague_retention_statements_fail(tmp_path):
    text = "We keep your personal data for as long as necessary for the purposes described in this policy."
    f = evidence.retention_periods(only_privacy(tmp_path, text))
    assert f.status == "fail"
    assert "Only vague retention statements" in f.summary
    assert f.facts.vague_statements == 1
    assert f.quotes[0].text == text


def test_negated_period_is_not_a_retention_period(tmp_path):
    f = evidence.retention_periods(only_privacy(tmp_path, "We do not keep your messages for six months."))
    assert f.status == "fail"
    assert f.summary.startswith("No retention period found in 1 policy page")


def test_policy_page_found_by_url_when_role_is_wrong(tmp_path):
    misrouted = privacy("Berichten bewaren wij zes maanden en IP-adressen 90 dagen.", role="other")
    f = evidence.retention_periods(bundle_of(tmp_path, start(), misrouted))
    assert f.status == "pass"


def test_retention_not_assessed_when_policy_is_linked_but_not_collected(tmp_path):
    f = evidence.retention_periods(bundle_of(tmp_path, start(), item(1)))
    assert f.status == "not_assessed"
    assert "privacy policy" in f.summary and "voorwaarden" in f.summary


def test_site_that_links_no_policy_at_all_fails_instead_of_not_assessed(tmp_path):
    bare = [link("Contact", f"{SITE}/contact")]
    bundle = bundle_of(tmp_path, item(1, bare), item(2, bare))
    for check in (evidence.retention_periods, evidence.removed_content_preserved, evidence.crimes_reported_to_police,
                  evidence.authorities_have_contact_point, terms.terms_forbid_exploitation):
        f = check(bundle)
        assert f.status == "fail", f.check
        assert "none of the 2 sampled pages links" in f.summary


# ------------------------------------------------------------------------------------------------- EVIDENCE-03


def test_reported_content_kept_two_years_passes_and_records_days(tmp_path):
    f = evidence.removed_content_preserved(good_platform(tmp_path))
    assert f.status == "pass"
    assert f.details["max_preservation_days"] == 730
    assert f.facts.max_default_preservation_days == 730
    assert f.summary == "Removed or reported content is preserved for 2 years by default"
    assert "twee jaar" in f.quotes[0].text


def test_preservation_on_request_without_period_is_partial(tmp_path):
    text = "At the request of the police we preserve data about a reported profile until the investigation ends."
    f = evidence.removed_content_preserved(only_privacy(tmp_path, text))
    assert f.status == "partial"
    assert f.details["preservation_on_request"] is True
    assert "no period is stated" in f.summary


def test_preservation_shorter_than_90_days_is_partial(tmp_path):
    text = "Gemelde berichten worden na afhandeling van de melding nog 30 dagen bewaard en daarna verwijderd."
    f = evidence.removed_content_preserved(only_privacy(tmp_path, text))
    assert f.status == "partial"
    assert f.details["max_preservation_days"] == 30


def test_immediate_permanent_deletion_fails(tmp_path):
    text = "Verwijderde advertenties worden direct en definitief verwijderd en zijn daarna niet meer terug te halen."
    f = evidence.removed_content_preserved(only_privacy(tmp_path, text))
    assert f.status == "fail"
    assert f.facts.deletion_promise is True
    assert "deleted immediately and permanently" in f.summary


def test_deletion_promise_with_exception_in_next_sentence_is_not_a_promise(tmp_path):
    text = ("Deleted messages are removed from our servers immediately and permanently. However, messages that have "
            "been reported are retained for 180 days for investigations.")
    f = evidence.removed_content_preserved(only_privacy(tmp_path, text))
    assert f.status == "pass"
    assert f.facts.deletion_promise is False


def test_silence_on_preservation_fails(tmp_path):
    f = evidence.removed_content_preserved(only_privacy(tmp_path, "We keep your messages for 6 months."))
    assert f.status == "fail"
    assert f.summary.startswith("Nothing about preserving removed or reported content")


def test_preservation_not_assessed_without_policy_page(tmp_path):
    assert evidence.removed_content_preserved(bundle_of(tmp_path, start(), item(1))).status == "not_assessed"


# ------------------------------------------------------------------------------------------------- EVIDENCE-04


def test_own_initiative_reporting_naming_crimes_passes(tmp_path):
    f = evidence.crimes_reported_to_police(good_platform(tmp_path))
    assert f.status == "pass"
    assert f.facts.crimes_named == ["child_exploitation", "trafficking"]
    assert "human trafficking" in f.summary


def test_disclosure_only_on_court_order_is_partial(tmp_path):
    text = "We disclose account information to law enforcement only in response to a valid court order or warrant."
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, text))
    assert f.status == "partial"
    assert "only on an order or request" in f.summary


def test_may_disclose_to_protect_safety_is_partial(tmp_path):
    text = "We may share information with law enforcement if we believe this is necessary to protect someone's safety."
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, text))
    assert f.status == "partial"
    assert f.details["modes"] == ["discretionary"]


def test_child_exploitation_named_as_exception_is_not_a_promise_to_report(tmp_path):
    text = ("We never read or share your private messages, except where we are legally obliged to do so, for "
            "example in cases involving child sexual exploitation.")
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, text))
    assert f.status == "fail"


def test_refusal_to_hand_over_data_fails(tmp_path):
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, "We will not hand over any user data to police."))
    assert f.status == "fail"
    assert "refuses" in f.summary


def test_promise_and_refusal_together_need_review(tmp_path):
    text = ("We report suspected trafficking to the police. We will not hand over any user data to police or other "
            "authorities.")
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, text))
    assert f.status == "needs_review"


def test_silence_on_reporting_crimes_fails(tmp_path):
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, "We keep your messages for 6 months."))
    assert f.status == "fail"


def test_reporting_not_assessed_without_policy_page(tmp_path):
    assert evidence.crimes_reported_to_police(bundle_of(tmp_path, start(), item(1))).status == "not_assessed"


# ------------------------------------------------------------------------------------------------- EVIDENCE-05


def test_dedicated_address_for_authorities_passes(tmp_path):
    f = evidence.authorities_have_contact_point(good_platform(tmp_path))
    assert f.status == "pass"
    assert "justitie@platform.test" in f.summary


def test_collected_law_enforcement_page_passes(tmp_path):
    le = page(f"{SITE}/law-enforcement", role="policy", title="Law enforcement", text="Information for authorities.")
    f = evidence.authorities_have_contact_point(bundle_of(tmp_path, start(), privacy("We keep logs 90 days."), le))
    assert f.status == "pass"
    assert f.quotes[0].url == f"{SITE}/law-enforcement"


def test_link_to_page_for_authorities_on_the_site_passes(tmp_path):
    with_link = privacy("We keep logs 90 days.")
    with_link["elements"] = [*FOOTER, link("Politie en justitie", f"{SITE}/politie-en-justitie")]
    f = evidence.authorities_have_contact_point(bundle_of(tmp_path, start(), with_link))
    assert f.status == "pass"
    assert "Politie en justitie" in f.summary


def test_authorities_pointed_to_privacy_address_is_partial(tmp_path):
    text = "Requests from government authorities can be sent to our Data Protection Officer at privacy@platform.test."
    f = evidence.authorities_have_contact_point(only_privacy(tmp_path, text))
    assert f.status == "partial"
    assert "only pointed to a general or privacy contact" in f.summary


def test_general_contact_not_addressed_to_authorities_is_partial(tmp_path):
    # the catalogue: partial when a general or privacy address exists, "whether or not the text points
    # authorities to it".
    f = evidence.authorities_have_contact_point(only_privacy(tmp_path, "Questions? Write to privacy@platform.test."))
    assert f.status == "partial"
    assert "only a general contact (privacy@platform.test) that an authority could use" in f.summary


def test_no_contact_route_fails(tmp_path):
    f = evidence.authorities_have_contact_point(only_privacy(tmp_path, "We take your privacy seriously."))
    assert f.status == "fail"


def test_contact_point_not_assessed_without_policy_page(tmp_path):
    assert evidence.authorities_have_contact_point(bundle_of(tmp_path, start(), item(1))).status == "not_assessed"


# ---------------------------------------------------------------------------------------------- EVIDENCE level


def test_evidence_level_4_when_crimes_named_and_reported_content_kept_a_year(tmp_path):
    assert evidence.level(run_evidence(good_platform(tmp_path))) == 4


def test_evidence_level_3_when_reported_content_kept_less_than_a_year(tmp_path):
    text = PRIVACY_GOOD.replace("twee jaar", "zes maanden")
    assert evidence.level(run_evidence(only_privacy(tmp_path, text))) == 3


def test_evidence_level_0_for_a_promise_of_immediate_permanent_deletion(tmp_path):
    text = ("Berichten bewaren wij zes maanden en IP-adressen 90 dagen. "
            "Verwijderde advertenties worden direct en definitief verwijderd.")
    assert evidence.level(run_evidence(only_privacy(tmp_path, text))) == 0


def test_evidence_level_1_for_only_vague_retention(tmp_path):
    text = "Wij bewaren jouw persoonsgegevens zo lang als nodig is."
    assert evidence.level(run_evidence(only_privacy(tmp_path, text))) == 1


def test_evidence_level_2_when_retention_is_stated_but_no_contact_point(tmp_path):
    assert evidence.level(run_evidence(only_privacy(tmp_path, "We keep messages for 6 months."))) == 2




ADS_SITE = "https://ads.test/"


# ------------------------------------------------- as seen on real software: the platform speaking, not a user


def test_a_feedback_form_in_the_footer_is_a_general_contact_for_authorities(tmp_path: Path) -> None:
    footer = [link("give feedback", "/feedback/?next=abc", region="footer")]
    pages = [page(ADS_SITE, role="start", text="Questions", elements=footer),
             page(ADS_SITE + "faq/", role="help", text="Ask relevant questions only.", elements=footer)]
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "EVIDENCE-05")
    assert finding.status == "partial" and "/feedback/" in finding.summary and "next=" not in finding.summary


def test_a_contact_page_on_the_platforms_help_subdomain_is_its_general_contact(tmp_path: Path) -> None:
    links = [link("contact us here", "https://help.ads.test/about/contact-customer-service/")]
    pages = [page(ADS_SITE + "privacy", role="policy", text="Privacy Policy\nQuestions about this policy? Click here.",
                  elements=links)]
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "EVIDENCE-05")
    assert finding.status == "partial" and "help.ads.test" in finding.summary
    links = [link("contact us here", "https://other.test/contact/")]
    pages = [page(ADS_SITE + "privacy", role="policy", text="Privacy Policy\nFor questions, see the other site.",
                  elements=links)]
    run_dir = make_bundle(tmp_path / "b", url=ADS_SITE, pages=pages)
    assert next(f for f in evaluate(Bundle(run_dir)) if f.check == "EVIDENCE-05").status == "fail"
    # a help article about uploading one's address book is no contact page
    links = [link("Learn more", "https://faq.ads.test/general/contacts/about-contact-upload")]
    pages = [page(ADS_SITE + "privacy", role="policy", text="Privacy Policy\nYou may upload your address book.",
                  elements=links)]
    run_dir = make_bundle(tmp_path / "c", url=ADS_SITE, pages=pages)
    assert next(f for f in evaluate(Bundle(run_dir)) if f.check == "EVIDENCE-05").status == "fail"




# ----------------------------------------------------- the EVIDENCE ladder, rung by rung, in English and Dutch


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rung", range(5))
def test_evidence_rung_exactly(tmp_path, lang, rung):
    assert levels(tmp_path, evidence_case(lang, rung, near=False))["EVIDENCE"] == rung


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rung", range(1, 5))
def test_evidence_rung_almost(tmp_path, lang, rung):
    assert levels(tmp_path, evidence_case(lang, rung, near=True))["EVIDENCE"] == EVIDENCE_NEAR[rung]


# ------------------------------------- wording met on independently built platforms (benchmarks/independent)
# (added by the independent-platforms helper; Dutch "houden ... apart" is keeping, like "bewaren")


def test_removed_content_kept_apart_for_a_period_is_preserved(tmp_path):
    text = "Verwijderde advertenties houden we na een melding nog twee jaar apart, voor een eventueel politieonderzoek."
    f = evidence.removed_content_preserved(only_privacy(tmp_path, text))
    assert f.status == "pass" and f.details["max_preservation_days"] == 730


def test_keeping_someone_posted_apart_from_others_is_no_preservation(tmp_path):
    text = "We houden je op de hoogte van verwijderde advertenties en houden je gegevens apart van die van adverteerders."
    f = evidence.removed_content_preserved(only_privacy(tmp_path, text))
    assert f.status == "fail"


@pytest.mark.parametrize("lang,text", [
    ("en", "Privacy policy\nHow long we keep your data\nData\tPeriod\nMessages between members\tOne year after the last "
           "message\nLog files and IP addresses\tSix months after you log in\nInvoices\tSeven years"),
    ("nl", "Privacyverklaring\nHoe lang we je gegevens bewaren\nGegevens\tTermijn\nBerichten tussen leden\tEen jaar na "
           "het laatste bericht\nLogbestanden en IP-adressen\tZes maanden na het inloggen\nFacturen\tZeven jaar"),
])
def test_a_retention_table_is_read_under_the_heading_above_it(tmp_path, lang, text):
    f = evidence.retention_periods(only_privacy(tmp_path, text))
    assert f.status == "pass", f.summary
    assert {"messages", "logs"} <= set(f.details["kinds"])


def test_a_table_of_answer_times_under_a_support_heading_is_no_retention(tmp_path):
    text = ("Privacy policy\nHow quickly we answer\nQuestion\tAnswered within\nAccess to your messages\tOne month\n"
            "Log files\tTwo weeks")
    assert evidence.retention_periods(only_privacy(tmp_path, text)).status == "fail"


# ------------------------------------- round two (benchmarks/independent: koopjeshoek, pulsechat)


@pytest.mark.parametrize("text", [
    "Wij verkopen uw gegevens niet aan derden en verstrekken deze alleen om te voldoen aan een wettelijke "
    "verplichting, bijvoorbeeld wanneer de politie daar op grond van de wet om vraagt.",
    "We do not sell your details to anyone and give them out only to comply with a legal obligation, for example when "
    "the police ask for them under a warrant.",
])
def test_disclosure_on_a_legal_duty_after_a_denied_sale_is_on_request(tmp_path, text):
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, text))
    assert f.status == "partial"


@pytest.mark.parametrize("text", [
    "Wij verstrekken uw gegevens niet aan de politie en niet aan andere instanties.",
    "We do not give your details to the police, and we do not give them to any other body.",
])
def test_a_refusal_stays_a_refusal(tmp_path, text):
    assert evidence.crimes_reported_to_police(only_privacy(tmp_path, text)).status == "fail"


@pytest.mark.parametrize("text", [
    "When our moderators remove a post for breaking the rules, it disappears at once. We keep a copy, with the account "
    "details behind it, for 180 days. That way it is still there if the police need it for an investigation.",
    "Wanneer onze moderators een advertentie verwijderen, verdwijnt die meteen van de site. We bewaren een kopie, met "
    "de accountgegevens erbij, nog 6 maanden. Zo kan de politie die gebruiken bij een onderzoek.",
])
def test_a_copy_of_what_moderators_removed_kept_in_the_next_sentence_is_preservation(tmp_path, text):
    f = evidence.removed_content_preserved(only_privacy(tmp_path, text))
    assert f.status == "pass"


@pytest.mark.parametrize("text", [
    "When we remove your post, we tell you why. We keep your messages for 30 days.",
    "Als we je advertentie verwijderen, laten we je weten waarom. Je berichten bewaren we 30 dagen.",
])
def test_other_data_kept_after_a_sentence_about_removal_is_no_preservation(tmp_path, text):
    assert evidence.removed_content_preserved(only_privacy(tmp_path, text)).status == "fail"


@pytest.mark.parametrize("text", [
    "Privacyverklaring\nJe gegevens laten verwijderen\nStuur ons een mail als je wilt dat we je gegevens wissen. We "
    "beantwoorden elk verzoek zo vlot als het kan, uiterlijk binnen een maand.",
    "Privacy notice\nErasing your data\nWrite to us if you want your data erased. Our team will respond to you as "
    "quickly as possible, but always within four weeks.",
    "Privacy notice\nErasing your data\nMail us to have your account wiped. You will hear from us within one month.",
    "Privacy notice\nErasing your data\nMail us to have your account wiped. We aim to get back to you within 30 days.",
    "Privacyverklaring\nJe gegevens laten verwijderen\nMail ons om je account te laten wissen. Je hoort binnen een "
    "maand van ons.",
    "Privacyverklaring\nJe gegevens laten verwijderen\nMail ons om je account te laten wissen. We nemen uiterlijk "
    "binnen vier weken contact met je op.",
])
def test_an_answer_time_under_a_deletion_heading_is_no_retention(tmp_path, text):
    # Only the heading speaks of deleting; the sentence says how fast the platform answers.
    assert evidence.retention_periods(only_privacy(tmp_path, text)).status == "fail"


@pytest.mark.parametrize("text", [
    "Privacyverklaring\nJe gegevens laten verwijderen\nNa je verzoek wissen we je gegevens binnen een maand.",
    "Privacy notice\nErasing your data\nAfter your request we erase your data within four weeks.",
    # the event a period runs from may itself speak of hearing from someone
    "Privacy notice\nHow long we keep data\nWe keep support tickets for two years after you last hear from us.",
])
def test_a_deletion_within_a_period_is_still_retention(tmp_path, text):
    assert evidence.retention_periods(only_privacy(tmp_path, text)).status == "partial"


def test_telling_the_police_is_reporting_to_them(tmp_path):
    text = ("Terms\nWhat we do about abuse\nWhen a listing suggests that someone is being trafficked, we remove it and "
            "tell the police straight away.")
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, text))
    assert f.status == "pass", f.summary


def test_telling_the_user_when_the_police_ask_is_not_reporting(tmp_path):
    text = "Privacy notice\nRequests from the police\nWe will tell you when the police ask for your data."
    assert evidence.crimes_reported_to_police(only_privacy(tmp_path, text)).status != "pass"


@pytest.mark.parametrize("sentence", [
    "Zien we tekenen van uitbuiting, dan schakelen we meteen de politie in.",
    "Zien we tekenen van uitbuiting, dan stellen we de politie daarvan in kennis.",
    "Zien we tekenen van uitbuiting, dan zetten we de advertentie offline en lichten we de politie in.",
])
def test_a_dutch_separable_verb_that_holds_the_police_is_reporting(tmp_path, sentence):
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, "Voorwaarden\nWat we doen bij misbruik\n" + sentence))
    assert f.status == "pass", f.summary


@pytest.mark.parametrize("sentence", [
    "We lichten je vooraf in als de politie om je gegevens vraagt.",
    "We schakelen de politie niet in.",
])
def test_informing_the_user_or_refusing_is_not_reporting(tmp_path, sentence):
    f = evidence.crimes_reported_to_police(only_privacy(tmp_path, "Privacyverklaring\nPolitie\n" + sentence))
    assert f.status != "pass", f.summary


# Round four: disclosure "passed to" the police when "the law obliges us" is disclosure on request (partial), not
# reporting on the platform's own initiative, and not silence.
@pytest.mark.parametrize("text", [
    "We might pass information to the police when the law obliges us to, or when we think it is needed to keep "
    "someone safe.",
    "We may pass your details to law enforcement if the law requires us to.",
])
def test_passing_data_to_police_under_a_legal_duty_is_partial(tmp_path, text):
    f = evidence.crimes_reported_to_police(bundle_of(tmp_path, start(), item(1), privacy(text)))
    assert f.status == "partial", f.summary


def test_passing_by_is_not_disclosure(tmp_path):
    text = "Police officers passing by our office are welcome to a coffee."
    f = evidence.crimes_reported_to_police(bundle_of(tmp_path, start(), item(1), privacy(text)))
    assert f.status == "fail", f.summary


# Round four: a Dutch conditional with the verb first ("Haalt ons team een profiel offline, dan ...").
@pytest.mark.parametrize("text", [
    "Haalt ons team een profiel offline, dan blijft een afgeschermde kopie met de gegevens van het account nog een "
    "jaar bewaard voor een eventueel politieonderzoek.",
    "Verwijderen we een advertentie, dan bewaren we die met de accountgegevens nog 12 maanden voor onderzoek door "
    "politie of justitie.",
])
def test_verb_first_dutch_condition_names_removed_content(tmp_path, text):
    f = evidence.removed_content_preserved(bundle_of(tmp_path, start(), item(1), privacy(text)))
    assert f.status == "pass", f.summary


def test_verb_first_removal_deleted_at_once_is_not_preservation(tmp_path):
    text = "Verwijderen we een advertentie, dan is die direct en definitief weg."
    f = evidence.removed_content_preserved(bundle_of(tmp_path, start(), item(1), privacy(text)))
    assert f.status == "fail", f.summary


# Round five: the authority asks in the clause before the platform's verb ("Als politie of justitie ons ... vraagt,
# verstrekken we die"): disclosure on request (partial), with no "aan/to" before the authority.
@pytest.mark.parametrize("text", [
    "Als politie of justitie ons met een wettelijke vordering om gegevens vraagt, verstrekken we die.",
    "Wanneer de politie ons om accountgegevens vraagt, geven we die af.",
    "When the police ask us for the details of an account, we provide them.",
])
def test_the_police_asking_first_then_the_platform_handing_over_is_partial(tmp_path, text):
    f = evidence.crimes_reported_to_police(bundle_of(tmp_path, start(), item(1), privacy(text)))
    assert f.status == "partial", f.summary


@pytest.mark.parametrize("text", [
    "Als je de politie om hulp vraagt, delen we je gegevens niet met derden.",
    "Als de politie vraagt om je gegevens, kun je ons mailen.",
    "If the police ask you for your password, tell us.",
])
def test_a_user_asking_the_police_or_being_asked_is_no_disclosure(tmp_path, text):
    f = evidence.crimes_reported_to_police(bundle_of(tmp_path, start(), item(1), privacy(text)))
    assert f.status == "fail", f.summary


def test_a_report_form_whose_address_says_contact_is_no_general_contact(tmp_path: Path) -> None:
    # holdout13 class: a link named for reporting ("file a report") is a report form, even when its address runs through
    # the platform's /contact/ path; a link named for contacting stays a contact page.
    report_link = [link("submit a report", "https://help.ads.test/contact/55501234")]
    pages = [page(ADS_SITE + "rules", role="policy", text="Community Rules\nSeen something wrong? You can submit a report.",
                  elements=report_link)]
    finding = next(f for f in evaluate(Bundle(make_bundle(tmp_path / "a", url=ADS_SITE, pages=pages)))
                   if f.check == "EVIDENCE-05")
    assert finding.status == "fail"
    contact_link = [link("write to our team", "https://help.ads.test/contact/55501234")]
    pages = [page(ADS_SITE + "rules", role="policy", text="Community Rules\nQuestions? Write to our team.",
                  elements=contact_link)]
    finding = next(f for f in evaluate(Bundle(make_bundle(tmp_path / "b", url=ADS_SITE, pages=pages)))
                   if f.check == "EVIDENCE-05")
    assert finding.status == "partial"


# ------------------ round nine (benchmarks/independent: an age-check partner's pages reached from the signup page)


def _with_other_site(tmp_path: Path, *urls: str, link_back: bool = False) -> Bundle:
    back = [link("Back to the platform", f"{SITE}/")] if link_back else []
    others = [page(u, role="other", text="Confirm you are 18 or over.", elements=list(back)) for u in urls]
    return bundle_of(tmp_path, start(), item(1), privacy(), *others)


def test_a_verification_partners_own_pages_are_not_the_platforms(tmp_path):
    """The signup links the partner's check (/verify?client=...) and the check links the partner's privacy notice:
    neither page is the platform's, so neither needs the platform's policy links."""
    b = _with_other_site(tmp_path, "https://idcheck.partner.test/verify?client=platform",
                         "https://idcheck.partner.test/privacy")
    f = evidence.privacy_and_terms_linked(b)
    assert f.status == "pass" and f.details["pages"] == 3, f.summary


def test_a_help_centre_on_another_site_still_counts(tmp_path):
    b = _with_other_site(tmp_path, "https://help-platform.test/articles/safety")
    f = evidence.privacy_and_terms_linked(b)
    assert f.status == "partial" and f.details["pages"] == 4, f.summary


def test_a_partner_page_that_links_back_to_the_platform_counts(tmp_path):
    b = _with_other_site(tmp_path, "https://idcheck.partner.test/verify?client=platform", link_back=True)
    assert evidence.privacy_and_terms_linked(b).status == "partial"


def test_a_verification_partners_privacy_notice_is_not_the_platforms_retention(tmp_path):
    """The partner keeps selfies 24 hours and check results 12 months; the platform itself says nothing concrete.
    The partner's promise does not become the platform's (EVIDENCE-02 stays as the platform's own text says)."""
    partner = page("https://idcheck.partner.test/privacy", role="policy",
                   text="Privacy notice. Selfies and document images are deleted within 24 hours. "
                        "The result of a check is kept for 12 months.")
    check = page("https://idcheck.partner.test/verify?client=platform", role="other", text="Confirm you are 18.",
                 elements=[link("Privacy notice", "https://idcheck.partner.test/privacy")])
    vague = "Privacybeleid. Wij bewaren je gegevens niet langer dan nodig."
    b = bundle_of(tmp_path, start(), item(1), privacy(vague), check, partner)
    assert evidence.retention_periods(b).status == "fail"
    b2 = Bundle(make_bundle(tmp_path / "b2", pages=[start(), item(1), privacy(vague),
                                                    {**partner, "url": f"{SITE}/partner-privacy"}], url=f"{SITE}/"))
    assert evidence.retention_periods(b2).status != "fail"  # the same text on the platform's own site counts

