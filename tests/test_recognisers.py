"""Recognising what good platforms do (issue 12), on hand-built bundles: the general age-assurance
recogniser, advertiser verification over neighbouring sentences, signup verification in ordinary
words, block / mute / who-may-message in help text and opened menus, report-handling pages wherever
they are, and the REPORT ladder's contact rung. Each rule also has a weak case that must not be lifted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import age, contact, report
from checks.report import sentences
from safehaven.bundle import Bundle
from safehaven.models import ContactProbe, ContactRoutes, GateObservation, RequestRecord
from tests.bundles import field, form, link, make_bundle, page

SITE = "https://platform.test"
PARTNER = "https://start.trustline-verify.example/session/abc"


def bundle_of(tmp_path: Path, *pages: dict, probes: dict | None = None) -> Bundle:
    return Bundle(make_bundle(tmp_path, pages=list(pages), url=f"{SITE}/", probes=probes))


def signup(text: str, *, frames: list[str] | None = None, requests: list[RequestRecord] | None = None,
           extra: list | None = None, lang: str = "en") -> dict:
    f = form(field("E-mail", type="email", name="email"), field("Password", type="password", name="pw"), *(extra or []))
    return page(f"{SITE}/signup", role="signup", text=text, forms=[f], frames=frames or [], requests=requests or [],
                lang=lang)


# =============================================================================== AGE-02, the general recogniser


@pytest.mark.parametrize("text,level", [
    ("Verify your age: scan your passport, then take a live selfie so we can match your face.", 5),
    ("Leeftijdscheck: houd je identiteitskaart voor de camera en maak daarna een korte video van je gezicht. "
     "Draai je hoofd langzaam.", 5),
    ("Confirm you are an adult by logging in with your bank (iDIN) or with itsme.", 5),
    ("Bevestig je leeftijd met de EU-app voor leeftijdsverificatie of met je bankapp.", 5),
    ("Look into the camera: our partner estimates your age from a face scan. Nothing is stored.", 4),
    ("We schatten je leeftijd met een gezichtsscan via onze partner.", 4),
])
def test_a_signup_step_that_describes_a_method_and_loads_a_frame_from_another_origin_gets_its_level(
        tmp_path, text, level):
    b = bundle_of(tmp_path, signup(text, frames=[PARTNER]))
    f = age.age_assurance_strength(b)
    assert f.level == level and f.quotes and f.quotes[0].url == f"{SITE}/signup"


def test_a_verification_script_of_another_origin_counts_like_a_frame(tmp_path):
    req = RequestRecord(url="https://cdn.idproof-checks.example/sdk/identity-verify.js", resource_type="script",
                        same_site=False)
    text = "Verify your identity: show your ID card and record a video selfie."
    assert age.age_assurance_strength(bundle_of(tmp_path, signup(text, requests=[req]))).level == 5


@pytest.mark.parametrize("text,frames", [
    # words only, no step: a weak platform that talks about verification is not lifted
    ("Some platforms ask for a passport and a selfie. We never do: your privacy comes first.", [PARTNER]),
    ("Verification with your ID and a selfie is optional and gives you a badge.", [PARTNER]),
    ("We may ask for your passport and a selfie if we doubt your age.", [PARTNER]),
    # a video or a map from another origin is not a verification frame
    ("Take a selfie for your profile photo. Upload a photo of your passport.", ["https://www.youtube.com/embed/x"]),
])
def test_mentions_denials_optional_checks_and_unrelated_frames_do_not_lift_the_level(tmp_path, text, frames):
    f = age.age_assurance_strength(bundle_of(tmp_path, signup(text, frames=frames)))
    assert f.level == 0


def test_a_gate_that_describes_estimation_with_a_partner_frame_is_level_4_and_a_bare_button_level_1(tmp_path):
    def obs(text, controls):
        return GateObservation(url=f"{SITE}/", entry="start", gate=True, kind="interstitial", methods=["button"],
                               text=text, controls=controls)
    good = obs("Confirm your age. Look into the camera and our partner estimates your age from a face scan.",
               ["button: Continue", f"iframe: {PARTNER}"])
    assert age._gate_level(good) == 4
    weak = obs("Adults only. Some sites estimate your age with a face scan; we don't.", ["button: I am 18"])
    assert age._gate_level(weak) == 1


def test_foreign_verifiers_ignore_the_own_origin_and_unrelated_scripts():
    urls = [f"{SITE}/static/verify.js", "https://www.googletagmanager.com/gtm.js", "https://cdn.example/app.js",
            "https://kyc.example/verify/sdk.js"]
    assert age.foreign_verifiers(urls, f"{SITE}/signup") == ["https://kyc.example/verify/sdk.js"]


# =============================================================================== AGE-04, split date fields


def test_day_month_year_selects_without_a_birth_word_are_a_date_of_birth(tmp_path):
    parts = [field("Day", tag="select", type="select", name="d", options=[str(d) for d in range(1, 32)]),
             field("Month", tag="select", type="select", name="m", options=["Jan", "Feb", "Mar"]),
             field("Year", tag="select", type="select", name="y", options=[str(y) for y in range(2008, 1940, -1)])]
    assert age.signup_turns_minors_away(bundle_of(tmp_path, signup("Join", extra=parts))).status == "pass"


def test_a_card_expiry_month_and_year_is_not_a_date_of_birth(tmp_path):
    parts = [field("Card number", name="cc"), field("Expiry month", name="exp_mm"), field("Expiry year", name="exp_yy")]
    assert age._field_level(form(*parts)) == 3  # a card check, not a date of birth


# =============================================================================== AGE-05


def _adv(tmp_path, text, lang="en"):
    return age.advertisers_verified(bundle_of(tmp_path, page(f"{SITE}/help/advertisers", role="help", text=text,
                                                             lang=lang)))


def test_advertiser_verification_spread_over_neighbouring_sentences_passes(tmp_path):
    f = _adv(tmp_path, "Before your first ad goes live, we check who you are. You show your passport and take a "
                       "live selfie in the app.")
    assert f.status == "pass"


def test_visible_only_after_verification_means_before_publishing(tmp_path):
    f = _adv(tmp_path, "Je profiel wordt pas zichtbaar nadat we je identiteitsbewijs en een selfie hebben "
                       "gecontroleerd.", lang="nl")
    assert f.status == "pass"


def test_a_statement_whose_timing_is_unclear_is_not_read_as_optional(tmp_path):
    f = _adv(tmp_path, "Advertisers verify their identity with a passport and a live selfie.")
    assert f.status == "needs_review"


def test_optional_verification_for_advertisers_stays_partial(tmp_path):
    f = _adv(tmp_path, "Advertisers can choose to verify their identity with a passport and a selfie to get a badge.")
    assert f.status == "partial"


# =============================================================================== CONTACT-03


def _c03(tmp_path, text, lang="en"):
    return contact.verified_channel(bundle_of(tmp_path, signup(text, lang=lang),
                                              page(f"{SITE}/help", role="help", text="Help", lang=lang)))


@pytest.mark.parametrize("text,lang", [
    ("We'll send you a link. You can't post until you've confirmed it.", "en"),
    ("Click the link in the email to finish signing up.", "en"),
    ("We mailen je een code. Voer die in om je account te activeren.", "nl"),
    ("We sturen je een mailtje met een link. Pas als je daarop klikt, kun je berichten sturen.", "nl"),
    ("We e-mail you a six-digit code. Until you type it in, your profile stays hidden.", "en"),
])
def test_confirmation_said_in_ordinary_words_passes(tmp_path, text, lang):
    f = _c03(tmp_path, text, lang)
    assert f.status == "pass" and f.basis == "stated"


def test_id_verification_at_signup_counts_as_a_verified_channel(tmp_path):
    f = _c03(tmp_path, "Bij aanmelden controleren we je identiteitsbewijs. Pas na verificatie kun je berichten "
                       "sturen.", "nl")
    assert f.status == "pass" and "identity" in f.summary


@pytest.mark.parametrize("text,lang", [
    ("You don't need to confirm your address. Just sign up and start chatting.", "en"),
    ("Je hoeft je e-mailadres niet te bevestigen om een account te maken.", "nl"),
    ("We use your email address to send you news. You can change it in your account at any time.", "en"),
])
def test_negations_and_mere_mentions_still_fail(tmp_path, text, lang):
    assert _c03(tmp_path, text, lang).status == "fail"


# =============================================================================== CONTACT-04


def _said(text):
    return sentences(text)


@pytest.mark.parametrize("text,kind", [
    ("Block someone from the ⋯ menu on their profile.", "block"),
    ("How do I stop someone from messaging me? Open their profile and choose Block.", "block"),
    ("Demp een gesprek als je er even geen meldingen van wilt.", "mute"),
    ("Who can write to me? Only people you liked back. Change it under Settings.", "who_contacts"),
    ("Hoe bepaal ik wie mij berichten mag sturen? Ga naar Instellingen en kies wie je mag berichten.", "who_contacts"),
])
def test_help_text_as_questions_imperatives_and_inflections_is_read(text, kind):
    said = _said(text)
    assert any(contact.control_statement(said, i, kind) for i in range(len(said)))


@pytest.mark.parametrize("text,kind", [
    ("We block accounts that break the rules.", "block"),
    ("Your account may be blocked if you break the rules.", "block"),
    ("Muted members can still see your profile.", "mute"),
])
def test_sanctions_and_descriptions_are_not_controls(text, kind):
    said = _said(text)
    assert not any(contact.control_statement(said, i, kind) for i in range(len(said)))


def test_block_and_mute_found_in_an_opened_menu_pass(tmp_path):
    probe = ContactProbe(menu_controls=[
        {"item_url": f"{SITE}/profile/1", "menu": "More options", "name": "Block Mira", "kind": "block"},
        {"item_url": f"{SITE}/profile/1", "menu": "More options", "name": "Mute Mira", "kind": "mute"}])
    item = page(f"{SITE}/profile/1", role="item", text="Mira, 31")
    f = contact.control_who_reaches_you(bundle_of(tmp_path, item, probes={"contact": probe}))
    assert f.status == "pass" and f.basis == "observed" and "More options → Block Mira" in f.evidence[0].note


# =============================================================================== REPORT-06 and the REPORT ladder


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
