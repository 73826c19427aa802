"""TERMS checks (TERMS-01, terms against exploitation): the terms forbid exploitation, minors and
third-party ads, with a sanction.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import terms
from safehaven.bundle import Bundle
from tests.bundles import (
    SITE,
    TERMS_GOOD,
    bundle_of,
    good_platform,
    item,
    link,
    make_bundle,
    page,
    start,
    terms_page,
)
from toolkit.evaluate import evaluate

# ---------------------------------------------------------------------------------------------------- TERMS-01


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


RULES_TOPIC_TEXT = {
    "en": ("Read this before you post. Do not post for or on behalf of someone else. Members must be 18 or older. "
           "Offering or arranging sex work under force (human trafficking, pimping) is forbidden. "
           "Break these rules and your account is banned."),
    "nl": ("Lees dit voordat je iets plaatst. Plaats niets voor of namens een ander. Leden moeten 18 jaar of ouder zijn. "
           "Het aanbieden van seks onder dwang (mensenhandel, pooiers) is verboden. "
           "Wie deze regels overtreedt, wordt verbannen."),
}


@pytest.mark.parametrize(("lang", "title"), [("en", "Forum rules - read first! - The Lounge"),
                                             ("nl", "Forumregels — eerst lezen! - Praatcafé")])
def test_a_pinned_rules_topic_is_read_as_the_forums_rules(tmp_path, lang, title):
    rules = page(f"{SITE}/viewtopic.php?t=1", role="item", title=title, text=RULES_TOPIC_TEXT[lang], lang=lang)
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, start(), rules, item(2)))
    assert f.status == "pass", f.summary


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_ordinary_topic_saying_the_same_is_a_members_post_not_rules(tmp_path, lang):
    post = page(f"{SITE}/viewtopic.php?t=7", role="item", title="What do you think of the new law? - The Lounge",
                text=RULES_TOPIC_TEXT[lang], lang=lang)
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, start(), post, item(2)))
    assert f.status == "not_assessed"


def test_terms_not_assessed_without_terms_page(tmp_path):
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, start(), item(1)))
    assert f.status == "not_assessed"
    assert "voorwaarden" in f.summary




ADS_SITE = "https://ads.test/"


# ------------------------------------------------- as seen on real software: the platform speaking, not a user


def test_a_tag_link_named_like_rules_is_not_a_link_to_house_rules(tmp_path: Path) -> None:
    tags = [link("verkeersregels", "/questions/scope:all/tags:verkeersregels/page:1/"),
            link("huisregels", "/tags/huisregels/")]
    pages = [page(ADS_SITE, role="start", text="Vragen", elements=tags)] + [
        page(f"{ADS_SITE}{name}/", text=name) for name in ("users", "badges", "faq", "ask")]
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "TERMS-01")
    assert finding.status == "fail"


# ------------------------------------- round two (benchmarks/independent: pulsechat)

RULES_EN = ("You must not recruit or control another person for sex, including human trafficking and sexual "
            "exploitation. You must not post sexual content involving anyone under 18. You must not impersonate "
            "another person or run an account for someone else.")


def test_a_sanction_after_you_have_broken_these_terms_counts(tmp_path):
    text = RULES_EN + (" If we believe you have broken these terms, we may remove your content or suspend your "
                       "account.")
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, terms_page(text)))
    assert f.status == "pass" and f.details["sanctions"] == ["ban", "removal"]


def test_removal_at_your_own_request_is_no_sanction(tmp_path):
    text = RULES_EN + " You can remove your content or close your profile whenever you like."
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, terms_page(text)))
    assert f.status == "partial" and "name no sanction" in f.summary


# ------------------------------------- round eight (benchmarks/independent: numbered clauses under "Wat niet mag")


@pytest.mark.parametrize("text", [
    "Artikel 3. Wat je niet mag doen\n"
    "3.1 Een profiel of foto's van iemand onder de 18, of tekst die suggereert dat iemand nog geen 18 is.\n"
    "3.2 Reclame voor andere websites.\n"
    "Artikel 4. Sancties\nBij overtreding verwijderen wij je advertentie en sluiten we je account.",
    "Section 5 - Not allowed on our site\n"
    "5.1 Profiles, photos or messages of anyone younger than 18.\n"
    "5.2 Advertising for other websites.\n"
    "Section 6 - Sanctions\nIf you break these rules we remove your listing and close your account.",
])
def test_a_clause_under_a_heading_that_forbids_carries_the_rule(tmp_path, text):
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, terms_page(text)))
    assert "minors" in f.details["forbids"]
    assert any("18" in q.text for q in f.quotes)


@pytest.mark.parametrize("text", [
    "Artikel 3. Minderjarigen\n3.1 Profielen van iemand onder de 18 krijgen een extra controle.\n"
    "Artikel 4. Sancties\nBij overtreding verwijderen wij je advertentie.",
    "Section 5 - Young members\n5.1 Profiles of members younger than 18 get a second review.\n"
    "Section 6 - Sanctions\nIf you break these rules we remove your listing.",
])
def test_a_heading_that_only_names_a_subject_carries_no_rule(tmp_path, text):
    f = terms.terms_forbid_exploitation(bundle_of(tmp_path, terms_page(text)))
    assert "minors" not in f.details["forbids"]
