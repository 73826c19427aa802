"""EVIDENCE-01..05, HELP-01 and TERMS-01 on hand-built bundles, and the area levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import evidence, help, terms
from safehaven.bundle import Bundle
from safehaven.models import Finding
from tests.bundles import link, make_bundle, page

SITE = "https://platform.test"

PRIVACY_GOOD = """Home
Advertenties
Inloggen
Privacyverklaring
Bewaartermijnen
Chatberichten bewaren wij zes maanden. IP-adressen en logbestanden worden na 90 dagen verwijderd.
Advertenties die wij verwijderen wegens een vermoeden van mensenhandel bewaren wij met de bijbehorende accountgegevens twee jaar.
Bij signalen van mensenhandel of seksueel misbruik van minderjarigen doen wij uit eigen beweging aangifte bij de politie.
Politie en justitie kunnen vorderingen richten aan ons juridisch team via justitie@platform.test.
© 2026 Platform B.V. Alle rechten voorbehouden."""

TERMS_GOOD = """Algemene voorwaarden
Het is verboden om:
- advertenties te plaatsen voor of namens een ander;
- advertenties te plaatsen van personen die jonger zijn dan 18 jaar;
- diensten aan te bieden van iemand die daartoe wordt gedwongen (mensenhandel, loverboys, pooiers).
Bij overtreding van deze regels verwijderen wij de advertentie en blokkeren wij je account."""

HELP_GOOD = """Hulp en veiligheid
Word je gedwongen tot sekswerk? Je staat er niet alleen voor.
In een noodsituatie: bel altijd 112.
Meld Misdaad Anoniem: 0800-7000
CoMensha, landelijk coördinatiecentrum tegen mensenhandel: 033 - 448 11 86"""

FOOTER = [link("Privacy", f"{SITE}/privacy", region="footer"), link("Algemene voorwaarden", f"{SITE}/voorwaarden",
          region="footer"), link("Hulp & veiligheid", f"{SITE}/hulp", region="footer")]


def bundle_of(tmp_path: Path, *pages: dict) -> Bundle:
    return Bundle(make_bundle(tmp_path, pages=list(pages), url=f"{SITE}/"))


def item(n: int, elements: list | None = None, text: str = "Anna, 25, Amsterdam. Bel me!") -> dict:
    return page(f"{SITE}/advertentie/{n}", role="item", text=text, elements=FOOTER if elements is None else elements,
                lang="nl")


def privacy(text: str = PRIVACY_GOOD, *, role: str = "policy", url: str = f"{SITE}/privacy") -> dict:
    return page(url, role=role, title="Privacyverklaring", text=text, elements=FOOTER, lang="nl")


def terms_page(text: str = TERMS_GOOD) -> dict:
    return page(f"{SITE}/voorwaarden", role="policy", title="Algemene voorwaarden", text=text, elements=FOOTER,
                lang="nl")


def help_page(text: str = HELP_GOOD) -> dict:
    return page(f"{SITE}/hulp", role="help", title="Hulp en veiligheid", text=text, elements=FOOTER, lang="nl")


def start() -> dict:
    return page(f"{SITE}/", role="start", text="Home\nAdvertenties\nWelkom op Platform.", elements=FOOTER, lang="nl")


def good_platform(tmp_path: Path) -> Bundle:
    return bundle_of(tmp_path, start(), item(1), item(2), privacy(), terms_page(), help_page())


def only_privacy(tmp_path: Path, text: str) -> Bundle:
    return bundle_of(tmp_path, start(), item(1), privacy(text))


# =============================================================================== EVIDENCE-01


def test_privacy_and_terms_linked_from_every_page_passes(tmp_path):
    f = evidence.privacy_and_terms_linked(good_platform(tmp_path))
    assert f.status == "pass"
    assert f.basis == "observed"
    assert f.summary == "Privacy policy and terms linked from all 6 sampled pages"


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


def test_no_privacy_or_terms_link_fails(tmp_path):
    f = evidence.privacy_and_terms_linked(bundle_of(tmp_path, item(1, [link("Contact", f"{SITE}/contact")])))
    assert f.status == "fail"
    assert "any of the 1 sampled pages" in f.summary


def test_links_not_assessed_when_no_page_loaded(tmp_path):
    broken = page(f"{SITE}/", role="start", status=500, error="HTTP 500")
    assert evidence.privacy_and_terms_linked(bundle_of(tmp_path, broken)).status == "not_assessed"


# =============================================================================== EVIDENCE-02


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


# =============================================================================== EVIDENCE-03


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


# =============================================================================== EVIDENCE-04


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


# =============================================================================== EVIDENCE-05


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
    # CATALOGUE.md: partial when a general or privacy address exists, "whether or not the text points
    # authorities to it".
    f = evidence.authorities_have_contact_point(only_privacy(tmp_path, "Questions? Write to privacy@platform.test."))
    assert f.status == "partial"
    assert "only a general contact (privacy@platform.test) that an authority could use" in f.summary


def test_no_contact_route_fails(tmp_path):
    f = evidence.authorities_have_contact_point(only_privacy(tmp_path, "We take your privacy seriously."))
    assert f.status == "fail"


def test_contact_point_not_assessed_without_policy_page(tmp_path):
    assert evidence.authorities_have_contact_point(bundle_of(tmp_path, start(), item(1))).status == "not_assessed"


# =============================================================================== EVIDENCE level


def run_evidence(bundle: Bundle) -> dict[str, Finding]:
    checks = (evidence.retention_periods, evidence.removed_content_preserved, evidence.crimes_reported_to_police,
              evidence.authorities_have_contact_point)
    return {f.check: f for f in (c(bundle) for c in checks)}


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


# =============================================================================== HELP-01


def test_help_page_with_resources_linked_from_all_items_passes(tmp_path):
    f = help.victim_support_linked_from_items(good_platform(tmp_path))
    assert f.status == "pass"
    assert f.summary == (f"Help page {SITE}/hulp names 3 support resources (112, Meld Misdaad Anoniem, CoMensha) "
                         "and is linked from all 2 item pages")
    assert help.level({"HELP-01": f}) == 4


def test_help_page_not_linked_from_item_pages_is_partial(tmp_path):
    plain = [link("Privacy", f"{SITE}/privacy")]
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, item(1, plain), item(2, plain), help_page()))
    assert f.status == "partial"
    assert "not linked from any of the 2 item pages" in f.summary
    assert help.level({"HELP-01": f}) == 2


def test_help_page_linked_from_some_items_is_partial(tmp_path):
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, item(1), item(2, []), help_page()))
    assert f.status == "partial"
    assert "linked from only 1 of 2 item pages" in f.summary


def test_help_page_naming_one_resource_is_partial(tmp_path):
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, item(1), help_page("Hulp nodig? Bel 112.")))
    assert f.status == "partial"
    assert "only one support resource" in f.summary


def test_support_numbers_in_item_page_footer_count_as_linked(tmp_path):
    footer = "Anna, 25\nHulp nodig? Bel Fier via 088-2080000 of CoMensha via 033-4481186."
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, item(1, [], text=footer)))
    assert f.status == "pass"


def test_no_help_page_with_resources_fails(tmp_path):
    faq = page(f"{SITE}/help", role="help", title="FAQ", text="How do I change my password?")
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, item(1), faq))
    assert f.status == "fail"
    assert "none names one" in f.summary
    assert help.level({"HELP-01": f}) == 0


def test_item_pages_found_by_url_family_when_collector_marked_none(tmp_path):
    profiles = [page(f"{SITE}/companion/{n}", role="other", text="Aurelia, 25", elements=FOOTER) for n in (1, 2, 3)]
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, *profiles, help_page()))
    assert f.status == "pass"
    assert f.details["items_total"] == 3


def test_help_not_assessed_without_item_pages(tmp_path):
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, start(), help_page()))
    assert f.status == "not_assessed"
    assert "No item page was collected" in f.summary


# =============================================================================== TERMS-01


def test_terms_forbidding_all_three_with_sanction_pass(tmp_path):
    f = terms.terms_forbid_exploitation(good_platform(tmp_path))
    assert f.status == "pass"
    assert f.details["forbids"] == ["trafficking", "minors", "third_party"]
    assert f.details["sanctions"] == ["ban", "removal"]
    assert terms.level({"TERMS-01": f}) == 4
    assert all(q.url == f"{SITE}/voorwaarden" for q in f.quotes)


def test_terms_forbidding_two_topics_are_partial_and_name_the_gap(tmp_path):
    text = ("Het is verboden advertenties te plaatsen van personen die jonger zijn dan 18 jaar. "
            "Wij tolereren geen enkele vorm van uitbuiting of mensenhandel. "
            "Bij overtreding verwijderen wij je account.")
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, terms_page(text)))
    assert f.status == "partial"
    assert f.details["missing"] == ["third_party"]
    assert "nothing against ads or profiles run by someone else" in f.summary
    assert terms.level({"TERMS-01": f}) == 2


def test_all_three_rules_without_a_sanction_are_partial(tmp_path):
    text = TERMS_GOOD.rsplit("\n", 1)[0]
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, terms_page(text)))
    assert f.status == "partial"
    assert "name no sanction" in f.summary


def test_generic_no_illegal_content_rule_fails(tmp_path):
    text = ("You agree not to post any content that is illegal, harmful or otherwise objectionable. "
            "You must be at least 13 years old to use the Service.")
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, terms_page(text)))
    assert f.status == "fail"
    assert terms.level({"TERMS-01": f}) == 0


def test_community_rules_found_by_title_count_as_terms(tmp_path):
    rules = page(f"{SITE}/p/42", role="other", title="Community guidelines", text=(
        "Don't impersonate anyone or use another member's account. Members must be 18 or older. "
        "Human trafficking and forced prostitution are strictly prohibited and will be removed."))
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, start(), rules))
    assert f.status == "pass"


def test_terms_not_assessed_without_terms_page(tmp_path):
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, start(), item(1)))
    assert f.status == "not_assessed"
    assert "voorwaarden" in f.summary


@pytest.mark.parametrize("level_fn, check_id", [(help.level, "HELP-01"), (terms.level, "TERMS-01")])
def test_help_and_terms_levels_are_zero_when_not_assessed(level_fn, check_id):
    f = Finding(check=check_id, area=check_id.split("-")[0], status="not_assessed")
    assert level_fn({check_id: f}) == 0
    assert level_fn({}) == 0
