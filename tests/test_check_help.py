"""HELP checks (HELP-01, help for victims): a help page naming support resources, linked from item pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import help, terms
from safehaven.bundle import Bundle
from safehaven.models import Finding
from tests.bundles import FOOTER, SITE, bundle_of, good_platform, help_page, item, link, make_bundle, page, start
from toolkit.evaluate import evaluate

# ----------------------------------------------------------------------------------------------------- HELP-01


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


# --------------------------------------------------------------------------------------- HELP and TERMS levels


@pytest.mark.parametrize("level_fn, check_id", [(help.level, "HELP-01"), (terms.level, "TERMS-01")])
def test_help_and_terms_levels_are_zero_when_not_assessed(level_fn, check_id):
    f = Finding(check=check_id, area=check_id.split("-")[0], status="not_assessed")
    assert level_fn({check_id: f}) == 0
    assert level_fn({}) == 0




ADS_SITE = "https://ads.test/"


# ------------------------------------------------- as seen on real software: the platform speaking, not a user


def test_no_support_page_anywhere_fails_help_even_without_item_pages(tmp_path: Path) -> None:
    pages = [page(ADS_SITE, role="start", text="Forum index")] + [
        page(f"{ADS_SITE}{name}/", role="listing", text=f"{name}: topics") for name in ("news", "sport", "music", "games")]
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "HELP-01")
    assert finding.status == "fail" and "5 pages visited" in finding.summary


def test_support_page_but_no_item_pages_stays_not_assessed(tmp_path: Path) -> None:
    help_text = ("Help for victims. In danger? Call 112. Talk to Fier via chatmetfier.nl, or call "
                 "Meld Misdaad Anoniem on 0800-7000.")
    pages = [page(ADS_SITE, role="start", text="Forum index"), page(ADS_SITE + "help", role="help", text=help_text)] + [
        page(f"{ADS_SITE}{name}/", role="listing", text=f"{name}: topics") for name in ("news", "sport", "music")]
    run_dir = make_bundle(tmp_path, url=ADS_SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "HELP-01")
    assert finding.status == "not_assessed"


@pytest.mark.parametrize("text,names", [
    ("Working safely. Report a dangerous client to National Ugly Mugs and read their alerts. If someone controls "
     "you, ring the Modern Slavery & Exploitation Helpline.", {"National Ugly Mugs", "Modern Slavery & Exploitation "
                                                              "Helpline"}),
    ("Veilig werken. Sekswerkers in Amsterdam kunnen gratis en anoniem terecht bij P&G292. Word je gedwongen? Neem "
     "contact op met CoMensha.", {"P&G292", "CoMensha"}),
])
def test_support_services_for_sex_workers_are_resources(tmp_path, text, names):
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, item(1), item(2), help_page(text)))
    assert f.status == "pass", f.summary
    assert all(n in f.summary for n in names)


# Round four of the independent platforms: fraud and victim-support services a marketplace or dating app names.
@pytest.mark.parametrize("text, named", [
    ("Opgelicht? Bel de Fraudehelpdesk op 088-786 73 72. Slachtofferhulp Nederland helpt je gratis: 0900-0101.",
     {"Fraudehelpdesk", "Slachtofferhulp Nederland"}),
    ("Been scammed or hurt? Call 999 in an emergency. Victim Support offers free, confidential help on 0808 168 9111.",
     {"Emergency number", "Victim Support"}),
    ("Intimate images shared without your consent? The Revenge Porn Helpline can help. After an assault, Rape Crisis "
     "is there for you.", {"Revenge Porn Helpline", "Rape Crisis"}),
])
def test_fraud_and_victim_support_services_are_resources(tmp_path, text, named):
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, start(), item(1), item(2), help_page(text)))
    assert f.status == "pass", f.summary
    assert "names 2 support resources" in f.summary


def test_victim_support_as_an_ordinary_phrase_is_not_a_resource(tmp_path):
    # "victim support" in lower case is what a platform offers, not the charity; one resource stays partial.
    text = "We take victim support seriously and our team is trained for it. If you feel unsafe, dial 999 right away."
    f = help.victim_support_linked_from_items(bundle_of(tmp_path, start(), item(1), item(2), help_page(text)))
    assert f.status == "partial", f.summary
