"""Rules from the eleventh round of blind platforms (indie11), each on sentences and bundles of our own.

- A language switcher's links (?lang=de) are the page again, read once (the crawl budget goes to other pages).
- A privacy promise after a strong method ("the site never sees your document") does not deny the method.
- E-mail addresses spelled out to dodge filters ("anna [at] post [punt] nl") are contact routes on item pages.
- Handing over "only to third parties, and only when ... or to meet a legal obligation" is disclosure on request
  (tests/test_policy_reader.py holds the sentences).
- Posting an ad or "oproepje" by e-mail, with no age question on the page that explains it, fails AGE-04.
- When an age gate the audit cannot pass keeps every item page out of reach, the public report form, a stated
  "only members can message" and a help link in every page's footer are judged; what needs an item stays
  not_assessed and does not pull the CONTACT level to 0.
"""

from __future__ import annotations

from pathlib import Path

from checks import age, contact, help, report
from checks.contact import spelled_emails
from safehaven.bundle import Bundle
from safehaven.models import AgeGateProbe, GateObservation
from tests.bundles import AreaLevels, field, form, link, make_bundle, page
from toolkit.collection.crawl import fold_key

SITE = "https://example.test"


# ------------------------------------------------------------------------------------------- language variants


def test_language_switcher_links_fold_onto_the_page_they_translate():
    assert fold_key(f"{SITE}/rules?lang=fr") == fold_key(f"{SITE}/rules")
    assert fold_key(f"{SITE}/rules?hl=pt&locale=pt_BR") == fold_key(f"{SITE}/rules")
    # a query that picks another page is kept
    assert fold_key(f"{SITE}/view?ad=12&lang=fr") == fold_key(f"{SITE}/view?ad=12")
    assert fold_key(f"{SITE}/view?ad=12") != fold_key(f"{SITE}/view?ad=13")


# ------------------------------------------------------------------------------------------ AGE-02, described


def test_a_privacy_promise_after_the_method_does_not_deny_it():
    text = ("Use your passport or identity card and record a short liveness video. "
            "The shop never sees your face or the card.")
    assert age.described_method(text)[0] == 5
    nl = "Scan je paspoort en maak een live selfie. De winkel ziet je paspoort nooit."
    assert age.described_method(nl)[0] == 5
    # a real denial still counts as one
    assert age.described_method("Some sites want your passport and a live selfie. We never do.")[0] == 0


# --------------------------------------------------------------------------------------- spelled-out e-mail


def test_spelled_out_addresses_are_found_and_ordinary_words_are_not():
    assert spelled_emails("Write to kees.v [at] webmail [dot] org please") == ["kees.v [at] webmail [dot] org"]
    assert spelled_emails("mail: tina(at)provider(punt)be") == ["tina(at)provider(punt)be"]
    assert spelled_emails("anna {apenstaartje} post.nl") == ["anna {apenstaartje} post.nl"]
    assert spelled_emails("We meet at the pub. Dot your i's (at) home") == []


def test_a_spelled_out_address_on_an_item_page_fails_contact_details(tmp_path: Path):
    pages = [page(f"{SITE}/", role="start"),
             page(f"{SITE}/notes/7", role="item", text="Looking for a hiking friend. Mail me: wim [at] bergen [punt] nl"),
             page(f"{SITE}/notes/8", role="item", text="Board games on Friday? Reply to sanne(at)spelmail(dot)com")]
    f = contact.no_contact_details_for_anonymous(Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/")))
    assert f.status == "fail" and "e-mail address in text" in f.details["routes"]


def test_the_platforms_own_spelled_address_is_not_a_route_to_a_member(tmp_path: Path):
    pages = [page(f"{SITE}/", role="start"),
             page(f"{SITE}/notes/7", role="item", text="Questions? editors [at] example [dot] test")]
    f = contact.no_contact_details_for_anonymous(Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/")))
    assert f.status == "pass"


# ----------------------------------------------------------------------------------------- AGE-04 by e-mail


def _posting_page(text: str) -> dict:
    return page(f"{SITE}/submit-your-ad", title="Submit your ad", text=text,
                elements=[link("ads@example.test", "mailto:ads@example.test", region="main")])


def test_posting_by_email_without_an_age_question_fails_age_04(tmp_path: Path):
    pages = [page(f"{SITE}/", role="start"),
             _posting_page("Send your ad by e-mail with your first name, town and text. We put it online within a day.")]
    f = age.signup_turns_minors_away(Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/")))
    assert f.status == "fail" and "/submit-your-ad" in f.summary


def test_posting_by_email_that_asks_a_date_of_birth_is_not_failed(tmp_path: Path):
    pages = [page(f"{SITE}/", role="start"),
             _posting_page("Send your ad by e-mail with your name and your date of birth.")]
    f = age.signup_turns_minors_away(Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/")))
    assert f.status == "not_assessed"


# --------------------------------------------------------------------------- items behind an unpassable gate


def _gate(passed: bool = False) -> AgeGateProbe:
    obs = [GateObservation(url=f"{SITE}/", entry="start", gate=True, kind="redirect", methods=["frame"],
                           text="Adults only. Confirm your age with a face scan by our partner.",
                           controls=["iframe: https://partner.test/scan"])]
    return AgeGateProbe(observations=obs, passed_gate=passed, passed_with="button" if passed else "")


FOOTER = [link("Help and hotlines", f"{SITE}/help", region="footer"), link("Privacy", f"{SITE}/privacy", region="footer"),
          link("Terms", f"{SITE}/terms", region="footer")]
NOTICE_FORM = form(field("Address of the content (URL)"),
                   field("Reason", type="radio", options=["A person under 18", "Human trafficking or exploitation", "Spam"]),
                   field("Your name (optional)"), field("Your e-mail (optional)", type="email"),
                   field("I declare in good faith that this notice is accurate", type="checkbox"))


def _gated_site(tmp_path: Path, passed: bool = False) -> Bundle:
    pages = [page(f"{SITE}/", role="start", text="Adults only. Confirm your age.", elements=FOOTER),
             page(f"{SITE}/report-content", role="report", text="Tell us about illegal content.", elements=FOOTER,
                  forms=[NOTICE_FORM]),
             page(f"{SITE}/help", role="help", elements=FOOTER,
                  text="Need help? Call 112 in an emergency, or Fier on 088 - 20 80 000, or Veilig Thuis 0800-2000."),
             page(f"{SITE}/safety", role="help", elements=FOOTER,
                  text="Only verified members can chat or send messages. Block and mute anyone from their profile.")]
    return Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/", probes={"age_gate": _gate(passed)}))


def test_behind_an_unpassable_gate_the_public_report_form_is_judged(tmp_path: Path):
    b = _gated_site(tmp_path)
    assert report.report_control_on_every_item(b).status == "not_assessed"
    assert report.report_within_two_clicks(b).status == "not_assessed"
    assert report.report_without_account(b).status == "pass"
    assert report.report_form_complete(b).status == "pass"
    assert report.report_categories(b).status == "pass"
    assert AreaLevels(b)["REPORT"] == 2  # a general form; the per-item levels cannot be shown


def test_behind_an_unpassable_gate_members_only_contact_and_the_footer_help_link_pass(tmp_path: Path):
    b = _gated_site(tmp_path)
    f01 = contact.no_messaging_without_account(b)
    assert f01.status == "pass" and f01.basis == "stated"
    assert contact.no_contact_details_for_anonymous(b).status == "not_assessed"
    assert help.victim_support_linked_from_items(b).status == "pass"
    assert AreaLevels(b)["CONTACT"] >= 1


def test_a_gate_the_audit_passed_leaves_missing_items_not_assessed(tmp_path: Path):
    # the gate opened, yet no item was found: nothing stands between the audit and the items but the crawl
    b = _gated_site(tmp_path, passed=True)
    assert report.report_without_account(b).status == "not_assessed"
    assert contact.no_messaging_without_account(b).status == "not_assessed"
    assert help.victim_support_linked_from_items(b).status == "not_assessed"
