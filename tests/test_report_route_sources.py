"""What counts as the platform's own report route or handling statement, as seen on real software: an
address in a user's ad or a sentence in users' posts is not the platform speaking."""

from __future__ import annotations

from pathlib import Path

from checks import report
from safehaven.bundle import Bundle
from toolkit.evaluate import evaluate, score

from .bundles import field, form, link, make_bundle, page

SITE = "https://ads.test/"


def _report_level(run_dir: Path) -> int:
    return score(evaluate(Bundle(run_dir))).areas["REPORT"].level


def test_sellers_address_in_a_listing_body_is_not_a_platform_contact(tmp_path: Path) -> None:
    listing = page(SITE + "1-bike/", text="Gazelle bike. Mail me: joost@example.test",
                   elements=[link("joost@example.test", "mailto:joost@example.test")])
    run_dir = make_bundle(tmp_path, url=SITE, pages=[page(SITE, role="start", text="Ads"), listing])
    assert report.general_contact(Bundle(run_dir))["mailto"] == []
    assert _report_level(run_dir) == 0


def test_platform_address_in_the_footer_is_a_contact_route(tmp_path: Path) -> None:
    footer = [link("Contact", "mailto:support@ads.test", region="footer")]
    run_dir = make_bundle(tmp_path, url=SITE, pages=[page(SITE, role="start", text="Ads", elements=footer)])
    assert report.general_contact(Bundle(run_dir))["mailto"] == ["mailto:support@ads.test"]


def test_one_time_word_in_users_posts_is_not_a_handling_timeframe(tmp_path: Path) -> None:
    post = page(SITE + "question/5/banks/", text="Which bank lets me open an account? Flag offensive. "
                "Great, bunq worked within a day. Thanks!")
    policy = page(SITE + "privacy", role="policy", text="We process your data lawfully.")
    run_dir = make_bundle(tmp_path, url=SITE, pages=[page(SITE, role="start", text="Q&A"), post, policy])
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "REPORT-06")
    assert finding.status == "fail"


def test_a_handling_page_outside_the_help_section_still_counts(tmp_path: Path) -> None:
    handling = page(SITE + "moderation", text="How we handle reports. You receive a confirmation of receipt for every "
                    "report. We decide on reports within 24 hours. You can appeal a decision on your report.")
    policy = page(SITE + "privacy", role="policy", text="We process your data lawfully.")
    run_dir = make_bundle(tmp_path, url=SITE, pages=[page(SITE, role="start", text="Ads"), handling, policy])
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "REPORT-06")
    assert finding.status == "pass"


def test_no_support_page_anywhere_fails_help_even_without_item_pages(tmp_path: Path) -> None:
    pages = [page(SITE, role="start", text="Forum index")] + [
        page(f"{SITE}{name}/", role="listing", text=f"{name}: topics") for name in ("news", "sport", "music", "games")]
    run_dir = make_bundle(tmp_path, url=SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "HELP-01")
    assert finding.status == "fail" and "5 pages visited" in finding.summary


def test_support_page_but_no_item_pages_stays_not_assessed(tmp_path: Path) -> None:
    help_text = ("Help for victims. In danger? Call 112. Talk to Fier via chatmetfier.nl, or call "
                 "Meld Misdaad Anoniem on 0800-7000.")
    pages = [page(SITE, role="start", text="Forum index"), page(SITE + "help", role="help", text=help_text)] + [
        page(f"{SITE}{name}/", role="listing", text=f"{name}: topics") for name in ("news", "sport", "music")]
    run_dir = make_bundle(tmp_path, url=SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "HELP-01")
    assert finding.status == "not_assessed"


def _contact01(tmp_path: Path, fields) -> str:
    write = page(SITE + "messages/write/", forms=[form(*fields, submit="Verzenden", name="Schrijven")])
    run_dir = make_bundle(tmp_path, url=SITE, pages=[page(SITE, role="start", text="Berichten"), write])
    return next(f for f in evaluate(Bundle(run_dir)) if f.check == "CONTACT-01").status


def test_a_write_to_a_member_form_open_to_visitors_fails_contact_01_without_item_pages(tmp_path: Path) -> None:
    fields = [field("E-mailadres :", type="email", name="email"), field("Ontvanger :", name="recipients"),
              field("Onderwerp :", name="subject"), field("Inhoud :", tag="textarea", type="textarea", name="body")]
    assert _contact01(tmp_path, fields) == "fail"


def test_a_report_form_asking_what_is_going_on_is_not_a_member_message_form(tmp_path: Path) -> None:
    fields = [field("Wat is er aan de hand?", name="what"), field("Toelichting", tag="textarea", type="textarea")]
    assert _contact01(tmp_path, fields) == "not_assessed"


def test_the_write_form_page_is_the_point_of_contact_when_there_are_no_item_pages(tmp_path: Path) -> None:
    fields = [field("Ontvanger :", name="recipients"), field("Inhoud :", tag="textarea", type="textarea", name="body")]
    write = page(SITE + "messages/write/", forms=[form(*fields, submit="Verzenden")],
                 text="Schrijven. Stuur nooit geld naar iemand die je niet kent.")
    run_dir = make_bundle(tmp_path, url=SITE, pages=[page(SITE, role="start", text="Berichten"), write])
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "CONTACT-05")
    assert finding.status == "pass" and "stuur nooit geld" in finding.quotes[0].text.lower()


def test_a_feedback_form_in_the_footer_is_a_general_contact_for_authorities(tmp_path: Path) -> None:
    footer = [link("give feedback", "/feedback/?next=abc", region="footer")]
    pages = [page(SITE, role="start", text="Questions", elements=footer),
             page(SITE + "faq/", role="help", text="Ask relevant questions only.", elements=footer)]
    run_dir = make_bundle(tmp_path, url=SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "EVIDENCE-05")
    assert finding.status == "partial" and "/feedback/" in finding.summary and "next=" not in finding.summary


def test_a_tag_link_named_like_rules_is_not_a_link_to_house_rules(tmp_path: Path) -> None:
    tags = [link("verkeersregels", "/questions/scope:all/tags:verkeersregels/page:1/"),
            link("huisregels", "/tags/huisregels/")]
    pages = [page(SITE, role="start", text="Vragen", elements=tags)] + [
        page(f"{SITE}{name}/", text=name) for name in ("users", "badges", "faq", "ask")]
    run_dir = make_bundle(tmp_path, url=SITE, pages=pages)
    finding = next(f for f in evaluate(Bundle(run_dir)) if f.check == "TERMS-01")
    assert finding.status == "fail"
