"""AGE checks (AGE-01..05, age assurance): the gate, its strength, walking around it, signup, advertisers,
and the AGE ladder; on hand-built bundles, and (marked browser) the markup the age probe reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import age
from safehaven.bundle import Bundle
from safehaven.models import AgeGateProbe, GateObservation, RequestRecord
from tests.bundles import (
    AGE_NEAR,
    LANGS,
    T,
    age_case,
    bundle_of,
    dob,
    field,
    form,
    gate_probe,
    levels,
    make_bundle,
    page,
    signup_with_text,
)
from toolkit.collection.age_probe import content_already_there, detect_gate, flags_in_script
from toolkit.collection.crawl import page_inventory

URL = "https://platform.test/"


def gate(entry: str, url: str, *, present: bool = True, methods=("button",), under=False, providers=(),
         text="You must be 18 or older") -> GateObservation:
    return GateObservation(url=url, entry=entry, final_url=url, gate=present, kind="modal" if present else "none",
                           methods=list(methods), providers=list(providers), text=text if present else "",
                           content_under_overlay=under, screenshot=f"bundle/probes/age_gate/{entry}.jpg")


def bundle_with(tmp_path: Path, pages=None, *, probe: AgeGateProbe | None = None, adult=True) -> Bundle:
    probes = {"age_gate": probe} if probe else {}
    return Bundle(make_bundle(tmp_path, pages or [page(URL, role="start")], adult=adult, probes=probes))


# ------------------------------------------------------------------------------------------------------ AGE-01


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


# ------------------------------------------------------------------------------------ AGE-02 / AGE-03 / AGE-04


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


# ------------------------------------------------------------------------------------------------------ AGE-05


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




SITE = "https://platform.test"


PARTNER = "https://start.trustline-verify.example/session/abc"




def _adv(tmp_path, text, lang="en"):
    return age.advertisers_verified(bundle_of(tmp_path, page(f"{SITE}/help/advertisers", role="help", text=text,
                                                             lang=lang)))


# ------------------------------------------------------------------------------ AGE-02, the general recogniser


@pytest.mark.parametrize("text,level", [
    ("Verify your age: scan your passport, then take a live selfie so we can match your face.", 5),
    ("Leeftijdscheck: houd je identiteitskaart voor de camera en maak daarna een korte video van je gezicht. "
     "Draai je hoofd langzaam.", 5),
    ("Confirm you are an adult by logging in with your bank (iDIN) or with itsme.", 5),
    ("Bevestig je leeftijd met de EU-app voor leeftijdsverificatie of met je bankapp.", 5),
    ("Look into the camera: our partner estimates your age from a face scan. Nothing is stored.", 4),
    ("We schatten je leeftijd met een gezichtsscan via onze partner.", 4),
    # an estimate made from the face, said in another word order
    ("Our partner estimates from your face whether you are an adult.", 4),
    ("Onze partner schat aan de hand van je gezicht in of je volwassen bent.", 4),
    # an age judged from a selfie or a video of the face, without the word "estimate"
    ("Take a quick selfie and our partner works out whether you're over 18.", 4),
    ("Onze partner controleert je leeftijd aan de hand van een korte video van je gezicht.", 4),
])
def test_a_signup_step_that_describes_a_method_and_loads_a_frame_from_another_origin_gets_its_level(
        tmp_path, text, level):
    b = bundle_of(tmp_path, signup_with_text(text, frames=[PARTNER]))
    f = age.age_assurance_strength(b)
    assert f.level == level and f.quotes and f.quotes[0].url == f"{SITE}/signup"


def test_a_verification_script_of_another_origin_counts_like_a_frame(tmp_path):
    req = RequestRecord(url="https://cdn.idproof-checks.example/sdk/identity-verify.js", resource_type="script",
                        same_site=False)
    text = "Verify your identity: show your ID card and record a video selfie."
    assert age.age_assurance_strength(bundle_of(tmp_path, signup_with_text(text, requests=[req]))).level == 5


@pytest.mark.parametrize("text,frames", [
    # words only, no step: a weak platform that talks about verification is not lifted
    ("Some platforms ask for a passport and a selfie. We never do: your privacy comes first.", [PARTNER]),
    ("Verification with your ID and a selfie is optional and gives you a badge.", [PARTNER]),
    ("We may ask for your passport and a selfie if we doubt your age.", [PARTNER]),
    # a video or a map from another origin is not a verification frame
    ("Take a selfie for your profile photo. Upload a photo of your passport.", ["https://www.youtube.com/embed/x"]),
    # an instruction to the reader about the profile photo, not someone judging the age from the face
    ("Check that your face is clearly visible in your profile photo, and that you are over 18.", [PARTNER]),
    ("Controleer of je gezicht goed zichtbaar is en of je 18 jaar of ouder bent.", [PARTNER]),
])
def test_mentions_denials_optional_checks_and_unrelated_frames_do_not_lift_the_level(tmp_path, text, frames):
    f = age.age_assurance_strength(bundle_of(tmp_path, signup_with_text(text, frames=frames)))
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


# ----------------------------------------------------------------------------------- AGE-04, split date fields


def test_day_month_year_selects_without_a_birth_word_are_a_date_of_birth(tmp_path):
    parts = [field("Day", tag="select", type="select", name="d", options=[str(d) for d in range(1, 32)]),
             field("Month", tag="select", type="select", name="m", options=["Jan", "Feb", "Mar"]),
             field("Year", tag="select", type="select", name="y", options=[str(y) for y in range(2008, 1940, -1)])]
    assert age.signup_turns_minors_away(bundle_of(tmp_path, signup_with_text("Join", extra=parts))).status == "pass"


def test_a_card_expiry_month_and_year_is_not_a_date_of_birth(tmp_path):
    parts = [field("Card number", name="cc"), field("Expiry month", name="exp_mm"), field("Expiry year", name="exp_yy")]
    assert age._field_level(form(*parts)) == 3  # a card check, not a date of birth


# ------------------------------------------------------------------------------------------------------ AGE-05


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




YEARS = "".join(f"<option>{y}</option>" for y in range(2010, 1930, -1))


DAYS = "".join(f"<option>{d}</option>" for d in range(1, 32))


MONTHS = "".join(f"<option>{m}</option>" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"))


SIGNUP_TABLE = f"""<form action="/join" method="post"><table>
<tr><th>E-mail</th><td><input type="email" name="email"></td></tr>
<tr><th>Date of birth</th><td><select name="d">{DAYS}</select><select name="m">{MONTHS}</select>
<select name="y">{YEARS}</select></td></tr></table><button>Join</button></form>"""


SIGNUP_FIELDSET = """<form action="/aanmelden" method="post"><label>Naam <input name="naam"></label>
<fieldset><legend>Geboortedatum</legend><input name="f1" placeholder="DD" size="2"><input name="f2" placeholder="MM"
size="2"><input name="f3" placeholder="JJJJ" size="4"></fieldset><button>Aanmelden</button></form>"""


SIGNUP_TEXT = """<form action="/s" method="post"><input name="user" placeholder="Username"><p>When were you born?</p>
<div class="row"><input name="bd_a" aria-label="Day"><input name="bd_b" aria-label="Month"><input name="bd_c"
aria-label="Year"></div><button>Sign up</button></form>"""


SIGNUP_CHECKBOX = """<form action="/s" method="post"><input name="user" placeholder="Gebruikersnaam">
<input type="password" name="pw"><input type="checkbox" name="c1"> Ik ben 18 jaar of ouder
<button>Aanmelden</button></form>"""


@pytest.fixture(scope="module", name="page")
async def browser_page(browser_session):
    ctx, _ = await browser_session.new_context()
    p = await ctx.new_page()
    yield p
    await ctx.close()


async def _signup_form(page, html: str):
    await page.set_content(f"<html><body><main>{html}</main></body></html>")
    inv = await page_inventory(page, "test")
    return max(inv.forms, key=lambda f: len(f.fields))


GATE_PAGE = """<html><body><header><a href="/">Home</a> <nav>{nav}</nav></header>
<div role="dialog" aria-modal="true" style="position:fixed;inset:0;background:#000;color:#fff">
<h1>Adults only</h1><p>You must be 18 or older. Confirm your age to continue.</p><button>I am 18 or older</button></div>
<main>{main}</main>
<footer>{footer}</footer>
<div id="cookie-consent" style="position:fixed;bottom:0">We use cookies. {cookie} <button>Accept</button></div>
</body></html>"""


def _gate(main: str) -> str:
    nav = " ".join(f'<a href="/c/{n}">Category {n}</a>' for n in range(12))
    footer = " ".join(f'<a href="/about/{n}">About page number {n} with a long name</a>' for n in range(10))
    cookie = "Cookies help us understand how the site is used and keep you logged in. " * 6
    return GATE_PAGE.format(nav=nav, main=main, footer=footer, cookie=cookie)


# --------------------------------- age questions and gates in real markup, read in one Chromium page (browser)


@pytest.mark.browser
@pytest.mark.parametrize("html,label", [(SIGNUP_TABLE, "Date of birth"), (SIGNUP_FIELDSET, "Geboortedatum"),
                                        (SIGNUP_TEXT, "When were you born?")])
async def test_split_date_of_birth_fields_take_their_label_from_the_row_legend_or_text(page, html, label):
    form = await _signup_form(page, html)
    parts = [f for f in form.fields if f.name not in ("email", "naam", "user")]
    assert len(parts) == 3 and all(label in f.label for f in parts), [f.label for f in parts]
    assert age._field_level(form) == 2


@pytest.mark.browser
async def test_an_age_checkbox_without_label_takes_the_text_after_it(page):
    form = await _signup_form(page, SIGNUP_CHECKBOX)
    box = next(f for f in form.fields if f.type == "checkbox")
    assert "Ik ben 18 jaar of ouder" in box.label
    assert age._field_level(form) == 1


@pytest.mark.browser
async def test_labelled_fields_keep_their_own_label(page):
    form = await _signup_form(page, '<form><label for="a">Your name</label><input id="a" name="a">'
                                    '<p>Tell us about you</p><textarea name="t"></textarea></form>')
    assert [f.label for f in form.fields][0] == "Your name"


@pytest.mark.browser
async def test_a_gate_over_an_empty_view_with_only_header_footer_and_cookie_banner_holds_no_content(page):
    await page.set_content(_gate(""))
    found = await detect_gate(page)
    assert found["gate"] and found["kind"] == "modal"
    assert found["content_chars"] <= 400 and found["outside_links"] < 8


@pytest.mark.browser
async def test_a_gate_over_loaded_listings_has_content_under_it(page):
    ads = "".join(f'<article><a href="/ad/{n}">Ad {n}</a><p>{"Lovely companion in the city centre. " * 3}</p></article>'
                  for n in range(12))
    await page.set_content(_gate(ads))
    found = await detect_gate(page)
    assert found["gate"] and found["content_chars"] > 400 and found["outside_links"] >= 8


@pytest.mark.browser
def test_flags_the_gate_script_checks_are_read_with_the_value_it_wants():
    src = """if (document.cookie.includes('age_ok=1')) open();
      const ok = /(^|;\\s*)av_passed=yes/.test(document.cookie);
      if (getCookie("over18") === "true") {}
      if (localStorage.getItem('ageVerified') === 'verified') {}
      if (!sessionStorage.av) {}
      localStorage.setItem('x', 'y');"""
    got = {(f["kind"], f["name"]): f["value"] for f in flags_in_script(src)}
    assert got == {("cookie", "age_ok"): "1", ("cookie", "av_passed"): "yes", ("cookie", "over18"): "true",
                   ("local", "ageVerified"): "verified", ("session", "av"): ""}


@pytest.mark.browser
async def test_a_gate_that_cannot_be_passed_is_walked_around_with_the_key_its_own_script_checks(browser_session,
                                                                                                  tmp_path):
    from safehaven.bundle import Bundle
    from safehaven.models import AgeGateProbe
    from toolkit.collection.crawl import collect
    from toolkit.definition import parse_definition

    from .sitesrv import serve_site

    with serve_site("camgate") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Velvet"\nurl = "{url}"\n[pages]\nitems = ["{url}ads/31.html"]\n'
                                '[crawl]\nmax_pages = 6\n')
        await collect(defn, tmp_path / "run", browser_session)
        assert server.posts == []
    probe = Bundle(tmp_path / "run").probe("age_gate", AgeGateProbe)
    assert probe.observations[0].gate and not probe.passed_gate
    flag = next(f for f in probe.storage_set if f["name"] == "av_pass")
    assert flag["value"] == "ok" and flag["source"] == "script" and flag["unlocks"] == "true"
    f = age.gate_cannot_be_walked_around(Bundle(tmp_path / "run"))
    assert f.status in ("partial", "fail") and "av_pass=ok" in f.summary




# ---------------------------------------------------------- the AGE ladder, rung by rung, in English and Dutch


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rung", range(6))
def test_age_rung_exactly(tmp_path, lang, rung):
    pages, probes = age_case(lang, rung, near=False)
    assert levels(tmp_path, pages, probes)["AGE"] == rung


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rung", range(1, 6))
def test_age_rung_almost(tmp_path, lang, rung):
    pages, probes = age_case(lang, rung, near=True)
    assert levels(tmp_path, pages, probes)["AGE"] == AGE_NEAR[rung]


@pytest.mark.parametrize("lang", LANGS)
def test_age_level_5_is_capped_at_2_when_a_forged_flag_opens_content_loaded_under_the_gate(tmp_path, lang):
    pages, _ = age_case(lang, 5, near=False)
    probes = gate_probe(lang, T(lang, "Are you 18 or older?", "Ben je 18 jaar of ouder?"))
    for o in probes["age_gate"].observations:
        o.kind, o.content_under_overlay = "modal", True
    probes["age_gate"].cookies_set = [{"name": "age_ok", "value": "1", "domain": "platform.test", "path": "/",
                                       "forgeable": "true", "unlocks": "true"}]
    assert levels(tmp_path, pages, probes)["AGE"] == 2


# ------------------------------------- wording met on independently built platforms (benchmarks/independent)


@pytest.mark.parametrize("lang,text", [
    ("en", "Step two: show who you are with your passport or ID card and a short video of your face. "
           "Only then does your profile appear to other members."),
    ("nl", "Daarna laat je met je paspoort of ID-kaart en een korte video van je gezicht zien wie je bent. "
           "Pas daarna staat je profiel online."),
])
def test_only_then_after_an_id_and_video_step_means_before_publishing(tmp_path, lang, text):
    assert _adv(tmp_path, text, lang).status == "pass"


@pytest.mark.parametrize("lang,text", [
    ("en", "If you want, show your passport and a short video of your face. Only then does your profile get a badge."),
    ("nl", "Als je wilt, laat je je paspoort en een korte video van je gezicht zien. Pas daarna krijgt je profiel "
           "een badge."),
])
def test_only_then_for_an_optional_badge_stays_partial(tmp_path, lang, text):
    assert _adv(tmp_path, text, lang).status == "partial"


# ------------------------------------- round two (benchmarks/independent: pulsechat, koopjeshoek)

CARD_STEP = {
    "en": "What happens next. After you confirm your email we ask for a debit card in your own name and check it with "
          "your bank. Nothing is charged. Banks rarely give cards to children, so this keeps most under-18s out.",
    "nl": "Wat er daarna gebeurt. Na je bevestiging vragen we om een betaalpas op je eigen naam en controleren we die "
          "bij je bank. Er wordt niets afgeschreven. Banken geven zelden een pas aan kinderen, dus zo houden we de "
          "meeste minderjarigen buiten.",
}
CARD_PAYMENT = {
    "en": "Premium costs 9 euros a month. Pay by credit card or PayPal and cancel at any time. You must be 18 to join.",
    "nl": "Premium kost 9 euro per maand. Betaal met creditcard of iDEAL en zeg op wanneer je wilt. Je moet 18 zijn.",
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_card_check_stated_as_a_signup_step_for_age_is_level_3_not_bank_id(tmp_path, lang):
    f = age.age_assurance_strength(bundle_of(tmp_path, signup_with_text(CARD_STEP[lang], lang=lang)))
    assert (f.status, f.level) == ("partial", 3)  # "with your bank" is the card's bank, not bank ID (level 5)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_paying_by_credit_card_is_no_age_check(tmp_path, lang):
    f = age.age_assurance_strength(bundle_of(tmp_path, signup_with_text(CARD_PAYMENT[lang], lang=lang)))
    assert f.level == 0 and f.status == "fail"


@pytest.mark.parametrize("lang,text", [
    ("en", "If we have reason to think an account belongs to someone under 18, we lock it and ask for a photo of a "
           "passport or driving licence."),
    ("nl", "Als we vermoeden dat een account van iemand onder de 18 is, zetten we het op slot en vragen we een foto "
           "van een paspoort of rijbewijs."),
])
def test_an_id_check_only_on_suspicion_is_on_doubt(tmp_path, lang, text):
    assert _adv(tmp_path / "a", text, lang).status == "partial"
    f = age.age_assurance_strength(bundle_of(tmp_path / "b", signup_with_text(text, lang=lang)))
    assert f.level < 4  # not a method every member meets


@pytest.mark.parametrize("lang,text", [
    ("en", "Every member shows a passport and takes a live selfie before their account can post."),
    ("nl", "Elk lid laat een paspoort zien en maakt een live selfie voordat het account iets kan plaatsen."),
])
def test_an_id_and_selfie_for_every_member_before_posting_passes(tmp_path, lang, text):
    assert _adv(tmp_path, text, lang).status == "pass"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_stated_card_step_after_a_date_of_birth_form_says_the_form_asks_the_date(tmp_path, lang):
    b = bundle_of(tmp_path, signup_with_text(CARD_STEP[lang], lang=lang, extra=[dob(lang)]))
    assert age.age_assurance_strength(b).level == 3
    f = age.signup_turns_minors_away(b)
    assert f.status == "pass" and "a date of birth" in f.summary


@pytest.mark.parametrize("lang,text", [
    ("en", "All members need a verified e-mail address before they can chat."),
    ("nl", "Alle leden hebben een geverifieerd e-mailadres nodig voordat ze kunnen chatten."),
])
def test_a_verified_email_address_for_members_is_no_advertiser_verification(tmp_path, lang, text):
    assert _adv(tmp_path, text, lang).status == "fail"


@pytest.mark.parametrize("text", [
    "Placing a listing. Listings appear at once. Should we have doubts about how old you are, we may ask you for ID.",
    "Een advertentie plaatsen. Je advertentie verschijnt meteen. Twijfelen we aan je leeftijd, dan vragen we om je ID.",
])
def test_an_id_asked_only_on_doubt_is_partial(tmp_path, text):
    f = age.advertisers_verified(bundle_with(tmp_path, [page(URL + "help", role="help", text=text)]))
    assert f.status == "partial", f.summary


@pytest.mark.parametrize("text", [
    "Placing a listing. Listings appear at once. Should you have doubts about a listing, tell us.",
    "Een advertentie plaatsen. Je advertentie verschijnt meteen. Twijfel je aan een advertentie, laat het ons weten.",
])
def test_doubt_without_any_id_check_is_no_verification(tmp_path, text):
    assert age.advertisers_verified(bundle_with(tmp_path, [page(URL + "help", role="help", text=text)])).status == "fail"


# ------------------------------------------- a short item page under a modal gate (collector comparison)

PROFILE_AFTER = ["Mara, 31", "Leiden · Online this week", "More options",
                 "Cyclist, cat person, looking for someone who likes long breakfasts.", "Send a message"]
ADVERTENTIE_AFTER = ["Jade (24)", "Rotterdam-Zuid", "Ik ben een vrolijke meid en ontvang je graag bij mij thuis.",
                     "Bekijk foto's", "Stuur een bericht"]


def test_short_item_content_already_under_the_gate_is_content_under_the_overlay():
    # Fewer than 400 characters and 8 links, yet the whole profile stands under the modal: that is content.
    assert content_already_there(PROFILE_AFTER + ["Cookies"], PROFILE_AFTER)
    assert content_already_there(["Laden…"] + ADVERTENTIE_AFTER, ADVERTENTIE_AFTER)


def test_gate_over_an_empty_shell_is_not_content_under_the_overlay():
    # Under the gate only a placeholder or a tagline; the item's text only comes after the gate.
    assert not content_already_there(["Loading…"], PROFILE_AFTER)
    assert not content_already_there(["Even geduld…", "Welkom bij Nachtvlinder"], ADVERTENTIE_AFTER)
    # One shared button label is not the item's content.
    assert not content_already_there(["Send a message"], PROFILE_AFTER)
    assert not content_already_there([], [])


# ------------------------------------------------------------- AGE-05, members age-checked at signup but not identified

@pytest.mark.parametrize("text,lang", [
    ("Step 2 of 3. Everyone who joins looks into the camera for a moment; our partner estimates from the face "
     "whether you are an adult. You cannot create an account without it.", "en"),
    ("Stap 2 van 3. Iedereen die lid wordt, kijkt even in de camera: onze partner schat aan je gezicht of je "
     "volwassen bent. Zonder die stap kun je geen account maken.", "nl"),
])
def test_an_age_estimation_every_member_meets_at_signup_is_partial_for_posters_without_an_id_check(tmp_path, text, lang):
    f = age.advertisers_verified(bundle_of(tmp_path, signup_with_text(text, frames=[PARTNER], lang=lang)))
    assert f.status == "partial" and f.basis == "observed"
    assert "without an ID check" in str(f.summary)


@pytest.mark.parametrize("text,frames,lang", [
    # the same words without the partner's step: a platform that only talks about estimation
    ("Step 2 of 3. Everyone who joins looks into the camera for a moment; our partner estimates from the face "
     "whether you are an adult.", [], "en"),
    # a date of birth only (level 2), in Dutch
    ("Vul je geboortedatum in. Je moet 18 jaar of ouder zijn.", [PARTNER], "nl"),
])
def test_a_signup_with_only_words_or_a_date_of_birth_leaves_posters_unverified(tmp_path, text, frames, lang):
    extra = [field("Geboortedatum", type="date", name="dob")] if lang == "nl" else []
    f = age.advertisers_verified(bundle_of(tmp_path, signup_with_text(text, frames=frames, lang=lang, extra=extra)))
    assert f.status == "fail"


# ------------------------------------------------- round seven: a gate's key in a constant, steps of an onboarding


def test_the_key_a_gate_script_keeps_in_a_named_constant_is_read():
    """`localStorage.getItem(AGE_KEY) === "1"` with `const AGE_KEY = "..."` (or an object property) elsewhere: the
    flag is the constant's value; a name with no string assigned anywhere is no flag."""
    src = """var KEYS = {adult: 'site.adult'}; const GATE_KEY = "over18_ok";
      function ok() { return window.localStorage.getItem(GATE_KEY) === "1"; }
      if (sessionStorage.getItem(KEYS.adult) !== 'yes') show();
      if (localStorage.getItem(someVariable)) {}"""
    got = {(f["kind"], f["name"]): f["value"] for f in flags_in_script(src)}
    assert got == {("local", "over18_ok"): "1", ("session", "site.adult"): "yes"}


@pytest.mark.parametrize("text,lang", [
    ("How onboarding works. 1. Create your creator account with your e-mail address. 2. Show us who you are. "
     "Upload a photo of your passport and take a live selfie with your camera. 3. Wait for approval: our team "
     "checks every application.", "en"),
    ("Zo word je performer. 1. Maak je account aan met je e-mailadres. 2. Laat zien wie je bent. Upload een foto "
     "van je paspoort en maak een live selfie met je camera. 3. Uitzenden kan na goedkeuring door ons team.", "nl"),
])
def test_id_and_liveness_in_one_step_of_a_numbered_onboarding_passes_age_05(tmp_path, text, lang):
    assert _adv(tmp_path, text, lang).status == "pass"


@pytest.mark.parametrize("text,lang", [
    # the same steps, but the ID step is optional: not before publishing for everyone
    ("How onboarding works. 1. Create your creator account with your e-mail address. 2. Want a verified badge? "
     "Upload a photo of your passport and take a live selfie with your camera. 3. Start streaming right away.", "en"),
    # ID and selfie, but nothing about advertisers or timing within two sentences
    ("Upload een foto van je paspoort en maak een live selfie. Dat duurt twee minuten. Je gegevens zijn veilig. "
     "Wij delen niets met derden. Lees ook ons privacybeleid.", "nl"),
])
def test_an_onboarding_that_almost_says_it_does_not_pass_age_05(tmp_path, text, lang):
    assert _adv(tmp_path, text, lang).status != "pass"


def _wall(footer: str, wall_words: str = "We use cookies to run the site and to measure visits.",
          button: str = "OK") -> str:
    return f"""<html><body><div id="top"><a href="/">Home</a> <a href="/login">Log in</a></div>
      <div id="main"><div class="wall"><h1>Cookies</h1><p>{wall_words}</p>
      <form method="get" action="/consent"><input type="submit" value="{button}"></form></div></div>
      <div id="bottom">{footer}</div></body></html>"""


@pytest.mark.browser
async def test_a_cookie_wall_with_an_adults_only_line_elsewhere_is_not_an_age_gate(page):
    await page.set_content(_wall("Alleen voor 18+ · © 2026 Example"))
    assert not (await detect_gate(page))["gate"]


@pytest.mark.browser
async def test_a_consent_page_that_also_asks_for_age_at_its_button_is_a_gate(page):
    await page.set_content(_wall("© 2026 Example", "This site is for adults only: you must be 18 or older. We also "
                                                   "use cookies.", "Enter"))
    found = await detect_gate(page)
    assert found["gate"] and found["kind"] == "interstitial"


# ------------------------------------- round eight (benchmarks/independent: hosts of chat rooms as the posters)


def test_an_optional_id_check_for_the_hosts_who_run_rooms_is_partial(tmp_path):
    text = ("Who runs a channel? Hosts of busy channels may prove who they are with a passport scan. "
            "It is voluntary and earns them a badge.")
    f = _adv(tmp_path, text)
    assert f.status == "partial" and "passport" in f.quotes[0].text


def test_hosting_your_files_is_no_id_check_of_posters(tmp_path):
    text = "We host our website and the pictures you upload on servers in Frankfurt. Your passport number is never asked."
    assert _adv(tmp_path, text).status == "fail"


# ------------------------------- round nine (benchmarks/independent: an 18+ section of a marketplace, a signup that
# hands the age check to a partner's page, a short signup page that is no gate)


def _section_probe(*, items_gated: list[bool]) -> AgeGateProbe:
    obs = [gate("start", URL, present=False), gate("deep_link", URL + "ad?id=1", present=False),
           gate("section", URL + "category?id=90", text="Adults only. Are you 18 or older? Yes, I am 18+")]
    obs += [gate("section_item", URL + f"ad?id={n}", present=g) for n, g in enumerate(items_gated, start=50)]
    return AgeGateProbe(observations=obs)


def test_a_gate_before_an_adult_section_that_a_direct_link_to_its_ad_skips_is_partial(tmp_path):
    """A general marketplace: nothing at the entrance, a click-through before its adults-only category, and the
    category's own ads open straight from a link. The gate stands before adult content on one way in only."""
    f = age.age_gate_before_content(bundle_with(tmp_path, probe=_section_probe(items_gated=[False, False])))
    assert f.status == "partial" and URL + "category?id=90" in f.summary and URL + "ad?id=50" in f.summary


def test_a_gate_before_an_adult_section_and_on_its_ads_passes(tmp_path):
    f = age.age_gate_before_content(bundle_with(tmp_path, probe=_section_probe(items_gated=[True, True])))
    assert f.status == "pass" and "2 of 2" in f.summary


def test_a_gated_section_without_items_to_try_is_left_to_the_auditor(tmp_path):
    f = age.age_gate_before_content(bundle_with(tmp_path, probe=_section_probe(items_gated=[])))
    assert f.status == "needs_review"


def test_a_section_without_a_gate_leaves_no_gate_at_all(tmp_path):
    probe = _section_probe(items_gated=[False])
    probe.observations[2] = gate("section", URL + "category?id=90", present=False)
    assert age.age_gate_before_content(bundle_with(tmp_path, probe=probe)).status == "fail"


def test_the_adult_section_is_the_page_whose_own_button_says_the_visitor_is_18():
    """The age probe looks for a section entrance among the pages the crawl read: a button that declares the age
    ("Ja, ik ben 18+"), not a page that only mentions 18 in its text or a plain "Doorgaan" button."""
    from types import SimpleNamespace

    from safehaven.models import Element, PageRecord
    from toolkit.collection.age_probe import _adult_section, _section_items

    def rec(url, role, *elements):
        return PageRecord(id=url[-3:], url=url, final_url=url, status=200, role=role, elements=list(elements))

    ad = lambda n: Element(tag="a", name=f"Advertentie {n}", href=f"{URL}advertentie.php?id={n}")  # noqa: E731
    plain = rec(URL + "rubriek.php?id=10", "listing", Element(tag="button", role="button", name="Doorgaan"), ad(1))
    section = rec(URL + "rubriek.php?id=90", "listing", Element(tag="button", role="button", name="Ja, ik ben 18+"),
                  ad(7), ad(8), Element(tag="a", name="Voorwaarden", href=URL + "voorwaarden.php"))
    context = SimpleNamespace(start_url=URL, pages=[rec(URL, "start"), plain, section],
                              item_urls=[f"{URL}advertentie.php?id={n}" for n in (1, 7, 8)])
    assert _adult_section(context) is section
    assert _section_items(context, section) == [f"{URL}advertentie.php?id=7", f"{URL}advertentie.php?id=8"]
    context.pages = [rec(URL, "start"), plain]
    assert _adult_section(context) is None


def _partner_signup(region: str | None) -> dict:
    from tests.bundles import link
    text = ("Join. 1 About you. 2 Confirm your e-mail and phone. 3 Age check with our partner: a photo of your "
            "passport, driving licence or ID card plus a live selfie. Your profile is shown once it has passed.")
    p = signup_with_text(text, extra=[field("Date of birth", type="date", name="dob")])
    p["elements"] = [link("See how the check works", "https://checks.partner.example/verify?client=x", region=region)]
    return p


def test_a_signup_that_links_its_partners_verification_page_meets_that_method(tmp_path):
    """The signup page says how the age is checked (ID document + live selfie) and links the partner's own
    verification page: the described method is the step members meet (level 5), as with the partner's frame."""
    b = Bundle(make_bundle(tmp_path, [page(URL, role="start"), _partner_signup(None)]))
    f = age.age_assurance_strength(b)
    assert f.status == "pass" and f.level == 5, f.summary


def test_the_same_link_in_the_sites_footer_is_no_step_of_the_signup(tmp_path):
    b = Bundle(make_bundle(tmp_path, [page(URL, role="start"), _partner_signup("footer")]))
    f = age.age_assurance_strength(b)
    assert f.level == 2, f.summary  # only the date of birth the form asks


SIGNUP_PAGE = """<html><body><h1>Join</h1><p>Only adults (18+) can join.</p>
<form method="post" action="/join"><label>E-mail <input type="email" name="email"></label>
<label>Date of birth <input type="date" name="dob"></label>{password}<button type="submit">Continue</button></form>
</body></html>"""


@pytest.mark.browser
async def test_a_short_signup_page_that_asks_a_password_is_no_age_gate(page):
    """Its date of birth and "Continue" create an account: passing it "as a gate" would post the signup form."""
    await page.set_content(SIGNUP_PAGE.format(password='<label>Password <input type="password" name="pw"></label>'))
    assert not (await detect_gate(page))["gate"]


@pytest.mark.browser
async def test_the_same_page_without_a_password_is_an_age_interstitial(page):
    await page.set_content(SIGNUP_PAGE.format(password=""))
    found = await detect_gate(page)
    assert found["gate"] and found["kind"] == "interstitial" and "dob" in found["methods"]


# ------------------------------------------------------------------------------------------------- optional steps


def test_an_id_upload_the_signup_marks_optional_does_not_lift_the_level(tmp_path):
    """Every member meets the date of birth; the ID photo may be skipped, so it is not the method members meet."""
    fields = [field("Email", type="email", required=True), field("Password", type="password", required=True),
              field("Date of birth", type="date", required=True)]
    skippable = page(URL + "join", role="signup", forms=[form(*fields, field(
        "Photo of your passport or ID card (optional)", type="file", name="id_photo"))])
    assert age.age_assurance_strength(bundle_with(tmp_path / "a", [skippable])).status == "partial"
    # the same upload, required, is an ID upload at signup (level 4)
    needed = page(URL + "join", role="signup", forms=[form(*fields, field(
        "Photo of your passport or ID card", type="file", name="id_photo", required=True))])
    assert age.age_assurance_strength(bundle_with(tmp_path / "b", [needed])).status == "pass"


def test_an_age_number_the_form_lets_be_skipped_is_no_age_question(tmp_path):
    """A form that stars its required fields and leaves 'Age' unstarred asks nothing: the tick box is what is asked."""
    fields = [field("Stage name", required=True), field("Email", type="email", required=True),
              field("Age", type="number", name="age"),
              field("I confirm that I am over 18", type="checkbox", name="over18", required=True)]
    loose = page(URL + "advertise", role="signup", forms=[form(*fields)])
    assert age.signup_turns_minors_away(bundle_with(tmp_path / "a", [loose])).status == "partial"
    fields[2] = field("Age", type="number", name="age", required=True)
    strict = page(URL + "advertise", role="signup", forms=[form(*fields)])
    assert age.signup_turns_minors_away(bundle_with(tmp_path / "b", [strict])).status == "pass"


def test_a_verified_mark_the_platform_explains_is_a_badge(tmp_path):
    text = ("Frequently asked questions. What does 'Verified' mean? The advertiser sent us two new photos holding a "
            "note with the date, so we know the pictures are real. How do I pay for a premium listing? By card.")
    f = age.advertisers_verified(bundle_with(tmp_path, [page(URL + "faq", role="help", text=text)]))
    assert f.status == "partial" and "badge" in f.summary
