"""Rules from the twelfth round of blind platforms (indie12), each on sentences and bundles of our own.

- A short question whether something is wrong with the item ("Anything wrong with this listing?") is a report link,
  not a title; a question that is content ("How do I become a host?") stays no control.
- Dutch "meld je aan" (sign up, the verb split around the person) is no report control; "meld dit profiel" is.
- "Your account becomes active after you click the link": a confirmation the account waits for (CONTACT-03).
- A signup that lists its steps, one of them a bank or ID-and-liveness check, and then says the profile shows only
  once "those steps" are done, verifies posters before publishing (AGE-05).
- A bank check "via je eigen bank" is bank ID, and a signup button "Verder naar de leeftijdscontrole" is the step
  that uses the method its page describes (AGE-02).
- Another site whose page title names an age or identity check is a verification partner, whatever its address
  says: its pages are not the platform's (EVIDENCE-01).
"""

from __future__ import annotations

from pathlib import Path

from checks import age, evidence, report
from checks.contact import verified_channel_statement
from checks.partners import partner_pages
from checks.text import sentences
from safehaven.bundle import Bundle
from safehaven.models import PageRecord
from tests.bundles import button, field, form, link, make_bundle, page
from toolkit.collection.report_probe import _signs_up_only, control_pattern

SITE = "https://example.test"


# ------------------------------------------------------------------------------ report links asked as a question


def test_a_question_whether_the_item_is_wrong_is_a_control_not_a_title():
    assert not report.reads_as_title("Anything wrong with this listing?")
    assert not report.reads_as_title("Klopt er iets niet aan deze vacature?")
    assert report.reads_as_title("How do I become a brand ambassador?")
    assert report.reads_as_title("Is there a problem with hosting shifts that run past midnight in winter?")


def _listing(n: int, elements: list) -> dict:
    return page(f"{SITE}/listings/tidy-{n}", role="item", text="Weekend shop assistant, paid weekly.",
                elements=elements)


def test_report_01_counts_a_question_link_on_every_listing(tmp_path: Path):
    pages = [page(f"{SITE}/", role="start"),
             *[_listing(n, [link("Anything wrong with this listing?", f"{SITE}/tell-us?listing=tidy-{n}")])
               for n in (1, 2)]]
    f = report.report_control_on_every_item(Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/")))
    assert f.status == "pass"


def test_report_01_does_not_count_a_content_question(tmp_path: Path):
    pages = [page(f"{SITE}/", role="start"),
             *[_listing(n, [link("How do weekly payments work?", f"{SITE}/help/payments")]) for n in (1, 2)]]
    f = report.report_control_on_every_item(Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/")))
    assert f.status == "fail"


# ------------------------------------------------------------------------------------------ "meld je aan"


def test_dutch_sign_up_verb_is_no_report_word():
    assert report.report_words("Meld je nu gratis aan om verder te lezen").strip() == "om verder te lezen"
    assert _signs_up_only("Meld je aan en lees alles")
    assert _signs_up_only("Meld u af voor de nieuwsbrief")
    assert not _signs_up_only("Meld dit profiel")
    assert not _signs_up_only("Melden")
    assert not _signs_up_only("Meld je aan of meld misbruik")  # a report word is left
    import re
    assert re.search(control_pattern(), "Anything wrong with this listing?", re.I)


def test_a_sign_up_link_on_a_profile_is_no_report_control(tmp_path: Path):
    signup = link("Meld je gratis aan om het hele profiel te zien", f"{SITE}/word-lid")
    reported = link("Meld dit profiel", f"{SITE}/melden?profiel=joop")
    pages = [page(f"{SITE}/", role="start", lang="nl"),
             page(f"{SITE}/leden/joop", role="item", lang="nl", text="Joop, 63, Deventer.", elements=[signup]),
             page(f"{SITE}/leden/truus", role="item", lang="nl", text="Truus, 58, Breda.", elements=[signup, reported])]
    bundle = Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/", language="nl"))
    controls = {p.url: report.report_controls(p) for p in bundle.item_pages()}
    assert controls[f"{SITE}/leden/joop"] == []
    assert [c.element.name for c in controls[f"{SITE}/leden/truus"]] == ["Meld dit profiel"]
    assert report.report_control_on_every_item(bundle).status == "partial"


# ---------------------------------------------------------------------------------- CONTACT-03: goes live once


def test_an_account_that_becomes_active_after_the_link_is_clicked_is_tied_to_the_mailbox():
    said = ["We e-mail you a short link.", "Your account becomes active after you click it."]
    assert verified_channel_statement(said, 1) == "channel"
    said = ["We text a code to your mobile.", "Your profile goes live only when you have entered it."]
    assert verified_channel_statement(said, 1) == "channel"
    # a review by the platform's own staff is no confirmation of a channel
    said = ["We e-mail you when we are done.", "Your listing goes live after our team has looked at it."]
    assert verified_channel_statement(said, 1) == ""


# ----------------------------------------------------------------------------- AGE-05: after the listed steps


STEPS_EN = ("Joining takes three steps and about five minutes. Fill in your first name and your date of birth. "
            "Confirm your mail address with the link we send. Prove who you are through your own bank, at our "
            "partner. It takes about a minute. You can stop and come back later. Your profile is visible to others only "
            "once all three steps are done.")
STEPS_NL = ("Lid worden gaat in drie stappen. Vul je naam en geboortedatum in. Bevestig je e-mailadres. "
            "Laat zien wie je bent met je eigen bank, bij onze partner. Dat duurt een minuut. Je kunt tussendoor "
            "stoppen. Pas als deze drie stappen klaar zijn, komt je profiel online.")


def _signup_bundle(tmp_path: Path, text: str, lang: str = "en") -> Bundle:
    f = form(field("Date of birth", type="date", name="dob"), field("E-mail", type="email", name="email"))
    pages = [page(f"{SITE}/", role="start", lang=lang), page(f"{SITE}/join", role="signup", text=text, forms=[f],
                                                              lang=lang)]
    return Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/", adult=False, language=lang))


def test_posters_are_verified_when_the_profile_waits_for_the_listed_bank_step(tmp_path: Path):
    assert age.advertisers_verified(_signup_bundle(tmp_path, STEPS_EN)).status == "pass"


def test_the_same_in_dutch(tmp_path: Path):
    assert age.advertisers_verified(_signup_bundle(tmp_path, STEPS_NL, "nl")).status == "pass"


def test_listed_steps_without_a_strong_check_verify_nobody(tmp_path: Path):
    weak = STEPS_EN.replace("Prove who you are through your own bank, at our partner.", "Add a nice photo.")
    assert age.advertisers_verified(_signup_bundle(tmp_path, weak)).status != "pass"


def test_a_step_sentence_is_found_only_after_the_steps():
    said = sentences(STEPS_EN)
    assert age._strong_step_before(said, len(said) - 1) == "Prove who you are through your own bank, at our partner."
    assert age._strong_step_before(said, 0) is None


# ------------------------------------------------------------------------- AGE-02: the signup's bank step


def test_own_bank_wording_is_bank_id():
    assert age.described_method("Je bevestigt je leeftijd via je eigen bank.")[0] == 5
    assert age.described_method("You confirm your age with your own bank.")[0] == 5


def _bank_signup(tmp_path: Path, elements: list) -> tuple[Bundle, PageRecord]:
    f = form(field("Geboortedatum", type="date", name="geboortedatum"), field("E-mail", type="email", name="email"))
    text = "Maak je account aan. Daarna bevestig je je leeftijd via je eigen bank."
    pages = [page(f"{SITE}/", role="start", lang="nl"),
             page(f"{SITE}/account-maken", role="signup", text=text, forms=[f], elements=elements, lang="nl")]
    bundle = Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/", language="nl"))
    return bundle, bundle.ok_pages("signup")[0]


def test_a_signup_button_to_the_age_check_uses_the_described_bank_check(tmp_path: Path):
    bundle, signup = _bank_signup(tmp_path, [button("Verder naar de leeftijdscontrole")])
    assert age.signup_method(bundle, signup, signup.forms[0])[0] == 5


def test_words_alone_without_a_step_stay_a_date_of_birth(tmp_path: Path):
    bundle, signup = _bank_signup(tmp_path, [button("Account aanmaken")])
    assert age.signup_method(bundle, signup, signup.forms[0])[0] == 2


# ------------------------------------------------------------------------- partner pages named by their title


def _rec(pid: str, url: str, title: str, hrefs: list[str] = ()) -> PageRecord:
    return PageRecord(id=pid, url=url, final_url=url, status=200, title=title,
                      elements=[link("x", h) for h in hrefs])


def test_a_partner_is_known_by_a_title_that_names_the_check():
    own = f"{SITE}/"
    pages = [_rec("p1", own, "Home", [f"{SITE}/privacy"]),
             _rec("p2", "http://127.0.0.2:8123/", "Ageline: confirm who you are with your bank"),
             _rec("p3", "http://127.0.0.3:8123/", "The Weekly Blog")]
    assert partner_pages(pages, own) == {"p2"}


def test_evidence_01_leaves_the_partners_own_pages_out(tmp_path: Path):
    footer = [link("Privacy", f"{SITE}/privacy", region="footer"), link("Terms", f"{SITE}/terms", region="footer")]
    pages = [page(f"{SITE}/", role="start", elements=footer),
             page(f"{SITE}/privacy", role="policy", elements=footer),
             page("http://127.0.0.2:8123/", title="Ageline · verify your age with your bank", text="Pick your bank.")]
    f = evidence.privacy_and_terms_linked(Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/")))
    assert f.status == "pass"
