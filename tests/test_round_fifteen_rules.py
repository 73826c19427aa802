"""Rules from the fifteenth round of blind platforms (indie15), each on sentences and bundles of our own.

- A strong method (ID and a live selfie) named only where the check is optional or earns a badge does not make
  another statement's required step strong: posters are not verified before publishing (AGE-05 partial).
- Verifying a phone number ("a verified number", "every host verifies a mobile number") verifies a channel, not a
  person, so it is no required ID check before publishing.
"""

from __future__ import annotations

from pathlib import Path

from checks import age
from safehaven.bundle import Bundle
from tests.bundles import field, form, make_bundle, page
from toolkit.collection.report_probe import report_action

SITE = "https://example.test"

# a phone step required before the first post, and an ID-and-selfie check that only earns a badge
PHONE_AND_BADGE = ("Before you post your first listing we send a code to your mobile: each seller verifies a mobile "
                   "number. You need a verified number to put listings online. "
                   "Sellers who want the Checked badge hold a driving licence up to the camera and take a live selfie. "
                   "This is optional and only adds the badge to your listings.")
# a required ID-and-selfie check before the first post
REQUIRED_ID = ("Before your first listing goes live, every seller must show a passport or ID card and take a live "
               "selfie with our partner.")


def _bundle(tmp_path: Path, text: str) -> Bundle:
    f = form(field("Date of birth", type="date", name="dob"), field("E-mail", type="email", name="email"))
    pages = [page(f"{SITE}/", role="start"), page(f"{SITE}/post-an-advert", role="help", text=text),
             page(f"{SITE}/register", role="signup", text="Create an account.", forms=[f])]
    return Bundle(make_bundle(tmp_path, pages, url=f"{SITE}/", adult=False))


def test_an_optional_badge_check_does_not_make_a_required_phone_step_strong(tmp_path: Path):
    found = age.advertisers_verified(_bundle(tmp_path, PHONE_AND_BADGE))
    assert found.status == "partial"
    assert any("live selfie" in q.text for q in found.quotes)


def test_a_required_id_and_selfie_check_still_passes(tmp_path: Path):
    assert age.advertisers_verified(_bundle(tmp_path, REQUIRED_ID)).status == "pass"


def test_verifying_a_phone_number_is_no_identity_check():
    assert not age._verification("You need a verified number to put listings online.")
    assert not age._verification("Each poster verifies a mobile number with a code.")
    assert age._verification("Each poster verifies their identity with a passport.")


# ------------------------------------------------------------------ REPORT: an action list with a "Go" button


def test_the_report_action_of_an_action_list_is_chosen():
    options = [{"value": "", "text": "-- pick one --"}, {"value": "save", "text": "Save to my list"},
               {"value": "mute", "text": "Mute this seller"}, {"value": "flag", "text": "Report this person"}]
    assert report_action(options)["value"] == "flag"


def test_a_list_of_only_reasons_or_without_a_report_action_is_no_action_list():
    assert report_action([{"value": "", "text": "Choose"}, {"value": "a", "text": "Save"},
                          {"value": "b", "text": "Share"}]) is None
    assert report_action([{"value": "", "text": "Choose"}, {"value": "r", "text": "Report this person"}]) is None
