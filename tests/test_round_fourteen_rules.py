"""Rules from the fourteenth round of blind platforms (indie14), each on sentences and bundles of our own.

- The point of contact is also the member's page that item pages link to when that page, not the item, holds the
  button to message the member: a short-video app's creator page with "Message" beside the creator's grid of clips.
  A notice the platform repeats beside that button is a notice at the point of contact (CONTACT-05 pass); a single
  creator's own words, a page no item links to, or a message link only in the footer is not.
- Preservation asked as a question and answered in the next sentence ("Do we take down a clip ...? Then we keep a
  sealed copy ... for 12 months."): the removed material named in the question is what the answer keeps, and one
  word may describe the copy ("a sealed copy", "een verzegelde kopie").
"""

from __future__ import annotations

from pathlib import Path

from checks import contact
from checks.policy import PreservationClause, read_policy
from safehaven.bundle import Bundle
from tests.bundles import link, make_bundle, page

SITE = "https://clips.test"
NOTE = ("Only people who follow each other can chat. Does someone ask you for pictures or money, or to move to another "
        "app? Stop the conversation, block them and tell us.")


def _clip(n: int, maker: str) -> dict:
    return page(f"{SITE}/clip/{n}", role="item", text=f"Clip {n}\nA short film about skating by {maker}.\n12 likes",
                elements=[link(maker, f"{SITE}/~{maker}", region="main"), link("Comments", f"{SITE}/clip/{n}/comments",
                                                                                region="main")])


def _maker(name: str, *, note: str = NOTE, message_region: str = "main", bio: str = "") -> dict:
    text = f"{name}\n{bio or 'Clips every Sunday.'}\nFollow\nMessage\n{note}\nClips\nClip one\nClip two"
    return page(f"{SITE}/~{name}", role="listing", text=text,
                elements=[link("Follow", f"{SITE}/~{name}/follow", region="main"),
                          link("Message", f"{SITE}/~{name}/message", region=message_region)])


def _bundle(tmp_path: Path, *pages: dict) -> Bundle:
    start = page(f"{SITE}/", role="start", text="Clips for you")
    return Bundle(make_bundle(tmp_path, pages=[start, *pages], url=f"{SITE}/"))


def test_a_notice_beside_the_message_button_on_creator_pages_is_at_the_point_of_contact(tmp_path):
    clips = [_clip(1, "ria"), _clip(2, "ria"), _clip(3, "bo"), _clip(4, "sem")]
    f = contact.safety_notice_at_contact(_bundle(tmp_path, *clips, _maker("ria"), _maker("bo"), _maker("sem")))
    assert f.status == "pass"
    assert f.quotes and f.quotes[0].text in NOTE and f.quotes[0].url == f"{SITE}/~ria"


def test_one_creators_own_warning_is_no_platform_notice(tmp_path):
    clips = [_clip(1, "ria"), _clip(2, "bo"), _clip(3, "sem")]
    makers = [_maker("ria"), _maker("bo", note=""), _maker("sem", note="")]
    assert contact.safety_notice_at_contact(_bundle(tmp_path, *clips, *makers)).status == "fail"


def test_creator_pages_that_no_item_links_to_or_with_the_message_link_only_in_the_footer_do_not_count(tmp_path):
    clips = [page(f"{SITE}/clip/{n}", role="item", text=f"Clip {n}\nSkating.") for n in (1, 2)]
    unlinked = _bundle(tmp_path / "a", *clips, _maker("ria"), _maker("bo"))
    assert contact.safety_notice_at_contact(unlinked).status == "fail"
    clips = [_clip(1, "ria"), _clip(2, "bo")]
    footer_only = _bundle(tmp_path / "b", *clips, _maker("ria", message_region="footer"),
                          _maker("bo", message_region="footer"))
    assert contact.safety_notice_at_contact(footer_only).status == "fail"


def _preserved(text: str, language: str) -> list[PreservationClause]:
    return read_policy(text, f"{SITE}/privacy", language=language).of(PreservationClause)


def test_a_question_names_the_removed_clip_and_the_answer_keeps_a_sealed_copy_for_a_year():
    nl = ("Verwijderen we een clip, reactie of account omdat het mogelijk strafbaar is? Dan bewaren we een verzegelde "
          "kopie, met de gegevens van het account, 12 maanden.")
    kept = _preserved(nl, "nl")
    assert kept and kept[0].period and kept[0].period.days == 365 and kept[0].trigger == "default"
    en = ("When we take down a video because it may be a crime, we do not destroy it straight away. We keep a sealed "
          "copy, with the account details behind it, for 12 months.")
    kept = _preserved(en, "en")
    assert kept and kept[0].period and kept[0].period.days == 365


def test_a_question_about_something_else_does_not_make_a_copy_preservation():
    nl = ("Zeg je je abonnement op? Dan bewaren we een digitale kopie van je facturen 7 jaar, voor de fiscale "
          "bewaarplicht.")
    assert not _preserved(nl, "nl")
    en = "Do you close your account? Then we keep a backup copy of your invoices for 7 years for tax purposes."
    assert not _preserved(en, "en")
