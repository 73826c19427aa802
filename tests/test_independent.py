"""Independently built platforms: verdicts on their saved bundles vs the truth written before the first audit.

`benchmarks/independent/` holds platforms written blind, without reading the checks, each with a truth.toml
written from the catalogue before it was ever audited. Round one: Lindelaan (a strong Dutch dating app rendered by
JavaScript) and Quayside Listings (a weak-to-middling English classifieds board). Round two: PulseChat (an English
chat app built from web components with open shadow roots, accordion policies, a consent iframe) and Koopjeshoek
(a weak Dutch classifieds board with PHP-style URLs: advertentie.php?id=12). Round three: Velvet Rooms (a middling
English companion directory) and Praatcafé (a weak Dutch phpBB-style forum). Round four: Sparkmatch (an English
dating single-page app with an "Are you 18?" modal and its help centre on a second origin) and Wijkmarkt (a
middling-to-strong Dutch neighbourhood marketplace with a JS "Meer" menu per listing). Round five: Threadline (a
strong English forum drawn by JavaScript, a flag dialog per post) and Rode Lampen (a middling Dutch sex-ad site).
Round six: Marktplein (a middling Dutch classifieds site in the style of older PHP software: index.php?page=item&id=
and /<categorie>/<titel>_i<n> twins, GET "Markeer als ..." links that would mark the ad) and Hearthside (a strong
English community single-page app with facial age estimation by a partner origin and "⋯" report menus). Round
seven: CamVibe (an English live-cam site behind a bank check) and Contactjes (a weak Dutch contact site). Round eight:
Nachtlicht (a fairly strong Dutch escort directory as a single-page app, ads from JSON behind a token-giving age
gate) and Chatterbox (a middling English group chat with shadow-DOM menus, an iframe privacy policy, accordion terms).
Round nine: Nearfield (a strong English dating single-page app: JSON views, a date-of-birth token gate, ID + live
selfie at a partner origin, the report form in a bottom sheet from an icon-only "⋯") and OverAlTeKoop (a weak Dutch
general classifieds board whose 18+ section has a click-through overlay and some ads a "misbruik?" link). Round
eleven: Glowroom (a strong English live-cam site whose partner age check, a face estimate or ID + live selfie in an
iframe, a passive audit cannot pass) and Stapmaatjes (a weak static Dutch going-out site whose replies come from a
third-party comment widget and whose oproepjes spell their e-mail addresses out). Round twelve: FlairCrew (a middling
English job board whose report link is a small "Something off about this job?" and whose policy links sit only in a
hamburger menu) and Tweede Lente (a strong Dutch dating app for the over-fifties, a history-routed single-page app
with an icon-only "Meer opties" menu and a bank identity step at a partner origin). Round thirteen: Emberhall (a
weak-to-middling English "server"-style community chat whose history is polled in after load, with hover-only message
toolbars and members-only flagging) and Dienstenplein (a middling Flemish classifieds site for personal services with a
mailto per ad, WhatsApp links, an 18+ click-through only before one rubric and its terms only as a PDF).
Round fourteen: LanternRow (a weak English punter review board built as a single-page app: a spinner first, History
API routes, JSON views, providers'
numbers quoted in posts, a title-only report icon per post) and Zwerm (a strong Dutch 16+ video app whose "Melden"
sits inside the "Delen" share sheet and whose message button and safety note stand on the creator pages).
`benchmarks/independent/independent.py save` keeps a trimmed copy of each audit's bundle in the repo;
this test evaluates those saved bundles (no browser, no server) and fails when any verdict or area level
differs from the truth (beyond the misses README.md names and explains), so agreement cannot silently drop.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from audits.demo.server import DemoServer, platform_from_folder, read_truth
from checks import catalogue
from safehaven.bundle import Bundle
from safehaven.models import AREAS, AgeGateProbe, ReportProbe

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("independent", ROOT / "benchmarks" / "independent" / "independent.py")
ind = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("independent", ind)
_spec.loader.exec_module(ind)

PLATFORMS = ind.platforms()
STRONG, WEAK = "lindelaan", "quaysidelistings"
# Every platform's levels and grade as the checks reach them on its saved bundle, so that none drifts up or down
# unnoticed. They are the blind truth's levels except where KNOWN_MISSES names an area (none does now: Threadline's
# CONTACT reaches its truth, 4, since the contact probe opens the user card that holds its safety note).
# The weak platforms (Quayside Listings, Koopjeshoek, Praatcafé) stay at E and Rode Lampen is not lifted.
LEVELS = {
    "lindelaan": ({"AGE": 5, "REPORT": 5, "CONTACT": 4, "EVIDENCE": 4, "HELP": 4, "TERMS": 4}, "A"),
    "quaysidelistings": ({"AGE": 1, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 1, "HELP": 0, "TERMS": 0}, "E"),
    "pulsechat": ({"AGE": 3, "REPORT": 5, "CONTACT": 3, "EVIDENCE": 3, "HELP": 4, "TERMS": 4}, "A"),
    "koopjeshoek": ({"AGE": 1, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 2, "HELP": 0, "TERMS": 2}, "E"),
    "velvetrooms": ({"AGE": 2, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 2, "HELP": 4, "TERMS": 2}, "B"),
    "praatcafe": ({"AGE": 0, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 1, "HELP": 0, "TERMS": 0}, "E"),
    "sparkmatch": ({"AGE": 2, "REPORT": 3, "CONTACT": 2, "EVIDENCE": 2, "HELP": 2, "TERMS": 2}, "C"),
    "wijkmarkt": ({"AGE": 2, "REPORT": 5, "CONTACT": 4, "EVIDENCE": 4, "HELP": 4, "TERMS": 2}, "A"),
    "threadline": ({"AGE": 2, "REPORT": 5, "CONTACT": 4, "EVIDENCE": 4, "HELP": 4, "TERMS": 4}, "A"),
    "rodelampen": ({"AGE": 1, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 2, "HELP": 4, "TERMS": 2}, "C"),
    "marktplein": ({"AGE": 0, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 1, "HELP": 2, "TERMS": 2}, "E"),
    "hearthside": ({"AGE": 4, "REPORT": 5, "CONTACT": 4, "EVIDENCE": 4, "HELP": 4, "TERMS": 4}, "A"),
    "camvibe": ({"AGE": 5, "REPORT": 3, "CONTACT": 2, "EVIDENCE": 3, "HELP": 0, "TERMS": 2}, "B"),
    "contactjes": ({"AGE": 0, "REPORT": 1, "CONTACT": 0, "EVIDENCE": 0, "HELP": 0, "TERMS": 0}, "E"),
    "nachtlicht": ({"AGE": 5, "REPORT": 5, "CONTACT": 2, "EVIDENCE": 4, "HELP": 4, "TERMS": 4}, "A"),
    "chatterbox": ({"AGE": 2, "REPORT": 3, "CONTACT": 3, "EVIDENCE": 2, "HELP": 2, "TERMS": 2}, "B"),
    "nearfield": ({"AGE": 5, "REPORT": 5, "CONTACT": 4, "EVIDENCE": 4, "HELP": 4, "TERMS": 4}, "A"),
    "overaltekoop": ({"AGE": 1, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 1, "HELP": 2, "TERMS": 0}, "E"),
    # Hangplek's REPORT is 5, not its truth's 3: see KNOWN_MISSES
    "hangplek": ({"AGE": 2, "REPORT": 5, "CONTACT": 3, "EVIDENCE": 3, "HELP": 4, "TERMS": 4}, "A"),
    "nightingale": ({"AGE": 1, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 1, "HELP": 0, "TERMS": 2}, "E"),
    "glowroom": ({"AGE": 5, "REPORT": 2, "CONTACT": 3, "EVIDENCE": 4, "HELP": 4, "TERMS": 4}, "A"),
    "stapmaatjes": ({"AGE": 0, "REPORT": 1, "CONTACT": 0, "EVIDENCE": 1, "HELP": 0, "TERMS": 0}, "E"),
    "flaircrew": ({"AGE": 1, "REPORT": 4, "CONTACT": 0, "EVIDENCE": 2, "HELP": 4, "TERMS": 2}, "C"),
    "tweedelente": ({"AGE": 5, "REPORT": 5, "CONTACT": 4, "EVIDENCE": 4, "HELP": 4, "TERMS": 4}, "A"),
    "lanternrow": ({"AGE": 1, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 0, "HELP": 0, "TERMS": 2}, "E"),
    "zwerm": ({"AGE": 2, "REPORT": 5, "CONTACT": 4, "EVIDENCE": 4, "HELP": 4, "TERMS": 4}, "A"),
    "emberhall": ({"AGE": 0, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 1, "HELP": 0, "TERMS": 0}, "E"),
    "dienstenplein": ({"AGE": 1, "REPORT": 1, "CONTACT": 0, "EVIDENCE": 1, "HELP": 0, "TERMS": 2}, "D"),
    # OpulentMatch's only report route is an "Actions" select with "Go": three clicks to a form with one category
    "opulentmatch": ({"AGE": 2, "REPORT": 3, "CONTACT": 2, "EVIDENCE": 2, "HELP": 0, "TERMS": 2}, "D"),
    # Brightlot's report button is drawn only when the visitor scrolls near the bottom: REPORT 5 needs it on every item
    "brightlot": ({"AGE": 2, "REPORT": 5, "CONTACT": 4, "EVIDENCE": 3, "HELP": 4, "TERMS": 4}, "A"),
}
# Misses left, each explained in README.md; any other mismatch fails the test, and so does a known miss that is
# right now (Praatcafé's REPORT-06, its rules topic's "stuur de moderator een PB", is read since 1 December).
# Chatterbox's REPORT-01: its truth (written from the catalogue: "item pages show one ad, profile, post or listing")
# counts the member profiles, which have no report control (partial); the collector counts a platform's posts as its
# items and a member's profile beside them as another page (as Praatcafé's truth does), so it sees every item with a
# control (pass). A question of reading for the lead, not a rule to bend to one platform (README, round eight).
# Hangplek's REPORT-03 (and so its REPORT level) is the same question: its truth counts the member profiles as items,
# and reporting a profile needs a login (fail); the collector reads the stories as the items and the profiles beside
# them as other pages, and every story and message can be reported logged out (pass). README, round ten.
KNOWN_MISSES: set[tuple[str, str]] = {("chatterbox", "REPORT-01"), ("hangplek", "REPORT-03"), ("hangplek", "REPORT")}


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    out = {}
    tmp = tmp_path_factory.mktemp("independent")
    for p in PLATFORMS:
        truth = read_truth(p.truth_path)
        run_dir = ind.rw.unpack_saved(p, tmp)
        out[p.slug] = (truth, *ind.rw.judge(run_dir, truth))
    return out


def test_blind_platforms_with_truth_and_saved_bundles():
    assert {p.slug for p in PLATFORMS} == set(LEVELS)
    for p in PLATFORMS:
        assert p.saved_path.is_file(), f"{p.slug}: no saved bundle; run independent.py save"
        truth = read_truth(p.truth_path)
        assert sorted(truth.checks) == sorted(catalogue()) and set(truth.levels) == set(AREAS)
    assert sum(p.saved_path.stat().st_size for p in PLATFORMS) < 100_000 * len(PLATFORMS)


def test_saved_bundles_match_the_truth_written_before_the_audit(judged, capsys):
    right = sum(f.status == t.status(f.check) for t, fs, _c, _b in judged.values() for f in fs)
    total = sum(len(fs) for _t, fs, _c, _b in judged.values())
    levels_right = sum(c.areas[a].level == t.level(a) for t, _f, c, _b in judged.values() for a in AREAS)
    with capsys.disabled():
        print(f"\n\nIndependent platforms: {right} of {total} verdicts right, {levels_right} of "
              f"{len(AREAS) * len(judged)} levels")
    mismatches = {(slug, key): why for slug, (_t, _f, _c, bad) in judged.items() for key, why in bad.items()
                  if (slug, key) not in KNOWN_MISSES}
    assert not mismatches, "\n".join(f"{slug} {key}: {why}" for (slug, key), why in sorted(mismatches.items()))
    fixed = {k for k in KNOWN_MISSES if k[1] not in judged[k[0]][3]}
    assert not fixed, f"known misses now right, take them out of KNOWN_MISSES: {sorted(fixed)}"
    known_levels = sum(1 for slug, key in KNOWN_MISSES if key in AREAS)
    assert levels_right == len(AREAS) * len(judged) - known_levels


@pytest.mark.parametrize("slug", sorted(LEVELS))
def test_every_platform_reaches_exactly_its_levels_and_grade(judged, slug):
    want, grade = LEVELS[slug]
    truth, _f, computed, _b = judged[slug]
    known = {a for s_, a in KNOWN_MISSES if s_ == slug and a in AREAS}
    assert {a: truth.level(a) for a in AREAS if a not in known} == {a: want[a] for a in AREAS if a not in known}
    assert {a: computed.areas[a].level for a in AREAS} == want
    assert computed.grade == grade


def test_the_sex_ad_site_is_not_lifted_by_its_video_check_or_its_report_form(judged):
    """Rode Lampen checks advertisers by video call (AGE-05 pass) and has a report form per ad with both categories,
    but its visitors meet only a click-through, its overlay stands over content with a plain cookie, and phone and
    WhatsApp links are open to all: AGE 1 and CONTACT 0 (grade C, as its truth implies)."""
    truth, findings, computed, _b = judged["rodelampen"]
    status = {f.check: f.status for f in findings}
    assert status["AGE-05"] == "pass" and status["AGE-02"] == "fail" and status["AGE-03"] == "fail"
    assert status["CONTACT-02"] == "fail" and status["REPORT-05"] == "pass" and status["REPORT-06"] == "fail"
    assert status["EVIDENCE-04"] == "partial" and status["CONTACT-05"] == "partial"
    assert computed.areas["AGE"].level == 1 and computed.areas["CONTACT"].level == 0


def test_the_dating_app_modal_stands_over_profiles_already_rendered(judged, tmp_path):
    """Sparkmatch renders a short profile (well under 400 characters) under its "Are you 18?" modal and "Yes"
    sets localStorage sm_adult=yes: the deep link's content counts as under the overlay, so AGE-03 fails."""
    p = next(p for p in PLATFORMS if p.slug == "sparkmatch")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    probe = bundle.probe("age_gate", AgeGateProbe)
    assert probe is not None
    deep = [o for o in probe.observations if o.entry == "deep_link" and o.gate]
    assert deep and deep[0].kind == "modal" and deep[0].content_under_overlay
    assert any(f["name"] == "sm_adult" and f["forgeable"] == "true" for f in probe.storage_set)
    _t, findings, _c, _b = judged["sparkmatch"]
    assert next(f for f in findings if f.check == "AGE-03").status == "fail"


def test_the_chat_app_was_judged_on_its_profiles_rooms_and_accordion_text(tmp_path):
    """PulseChat links its members and rooms only from inside shadow roots, by handle (/m/robin.k) or short slug
    (/rooms/climbing), and hides its privacy answers in accordions: the saved bundle holds them as item pages and
    the collapsed answers as page text."""
    p = next(p for p in PLATFORMS if p.slug == "pulsechat")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    items = [urlsplit(x.final_url or x.url).path for x in bundle.ok_pages("item")]
    assert any(i.startswith("/m/") for i in items) and any(i.startswith("/rooms/") for i in items), items
    privacy = next(x for x in bundle.ok_pages() if urlsplit(x.url).path == "/privacy")
    assert "IP addresses and login records are kept for 12 months." in bundle.text(privacy)


def test_the_classifieds_marking_links_and_contact_form_were_never_used(tmp_path):
    """Marktplein's "Markeer als spam / Verkeerd gecategoriseerd / Verlopen / Aanstootgevend" links are GETs with a
    token that mark the ad, and its contact form mails the seller: the passive audit fetched no marking URL (every
    one it met was refused, also those whose reason is no report word), let no write through, and still counted the
    links as a one-click report control on the ads' pretty URLs."""
    p = next(p for p in PLATFORMS if p.slug == "marktplein")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    fetched = [u for x in bundle.pages for u in (x.url, x.final_url or "", *(r.url for r in x.requests))]
    assert not [u for u in fetched if "action=mark" in u]
    writes = bundle.info.writes
    assert writes and not [w for w in writes if w.allowed]
    assert all("action=mark" in w.url and w.method == "GET" for w in writes)
    items = [urlsplit(x.final_url or x.url).path for x in bundle.item_pages()]
    assert items and all(i.rsplit("_i", 1)[-1].isdigit() for i in items), items
    probe = bundle.probe("report", ReportProbe)
    assert probe and all(a.outcome == "form" and a.clicks == 1 and a.form and a.form.name.startswith("one-click")
                         for a in probe.attempts)


def test_the_review_board_app_was_read_from_its_views_and_never_written_to(judged, tmp_path):
    """LanternRow draws every route from JSON after a spinner: its thread pages were still found as items, the
    title-only icon per post counted as a report control one click from its form, the numbers quoted in posts (one
    spelled out) made CONTACT-02 fail, and nothing was posted (the report modal, register and login forms)."""
    p = next(p for p in PLATFORMS if p.slug == "lanternrow")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    items = [urlsplit(x.final_url or x.url).path for x in bundle.item_pages()]
    assert len(items) >= 5 and all(i.startswith("/t/") for i in items), items
    probe = bundle.probe("report", ReportProbe)
    assert probe and probe.attempts and all(a.outcome == "form" and a.clicks == 1 for a in probe.attempts)
    assert not [w for w in bundle.info.writes if w.allowed]
    status = {f.check: f.status for f in judged["lanternrow"][1]}
    assert status["CONTACT-02"] == "fail" and status["REPORT-05"] == "fail" and status["AGE-01"] == "partial"


def test_the_video_apps_report_sits_in_its_share_sheet_and_its_note_beside_the_message_button(judged, tmp_path):
    """Zwerm's "Melden" exists only inside the "Delen" sheet a script builds on click: two clicks to the form on every
    video. Its creator pages (linked from every video) hold "Bericht" and the platform's safety note beside it, which
    is the point of contact (CONTACT-05 pass, quoted from a creator page)."""
    p = next(p for p in PLATFORMS if p.slug == "zwerm")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    probe = bundle.probe("report", ReportProbe)
    assert probe and probe.attempts and all(a.outcome == "form" and a.clicks == 2 for a in probe.attempts)
    notice = next(f for f in judged["zwerm"][1] if f.check == "CONTACT-05")
    assert notice.status == "pass" and urlsplit(notice.quotes[0].url).path.startswith("/@")
    assert next(f for f in judged["zwerm"][1] if f.check == "EVIDENCE-03").status == "pass"


def test_the_demo_server_serves_a_platform_folder_given_by_path():
    platform = platform_from_folder(ROOT / "benchmarks" / "independent" / STRONG)
    assert platform.slug == STRONG and platform.variants == ("site",)
    with DemoServer(platform) as server:
        with pytest.raises(urllib.error.HTTPError) as gated:  # member data waits for the age step
            urllib.request.urlopen(server.url + "api/leden.json", timeout=5)
        assert gated.value.code == 403
        help_json = json.loads(urllib.request.urlopen(server.url + "api/hulp.json", timeout=5).read())
        assert help_json and server.partner_url.startswith("http://127.0.0.1:")
    with pytest.raises(KeyError):
        platform_from_folder(ROOT / "benchmarks")


def test_the_cam_site_behind_a_bank_check_was_read_through_the_flag_its_gate_script_checks(judged, tmp_path):
    """CamVibe's gate asks for a bank/eID check (Tessera, a second origin) that no crawler can pass, but its script only
    checks localStorage cv_age_ok === "1" through a named constant: the crawl set that flag and so reached the
    performer rooms (cards are <button data-href onclick>, not links); the age probe found the same flag, and the
    frame the bank step loads is recorded on the gate: AGE-02 level 5, AGE-03 partial (no content under the gate)."""
    p = next(p for p in PLATFORMS if p.slug == "camvibe")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    assert any("cv_age_ok=1" in n for n in bundle.info.notes if "age gate" in n)
    assert len(bundle.item_pages()) >= 4 and all("/performer/" in x.url for x in bundle.item_pages())
    probe = bundle.probe("age_gate", AgeGateProbe)
    assert probe is not None and any(f["name"] == "cv_age_ok" and f.get("unlocks") == "true" for f in probe.storage_set)
    start = next(o for o in probe.observations if o.entry == "start")
    assert "frame" in start.methods and any(c.startswith("iframe: ") for c in start.controls)
    _t, findings, computed, _b = judged["camvibe"]
    status = {f.check: f.status for f in findings}
    assert status["AGE-02"] == "pass" and status["AGE-03"] == "partial" and status["CONTACT-01"] == "pass"
    assert computed.areas["AGE"].level == 5


def test_the_contact_site_message_form_was_never_sent_and_its_cookie_wall_is_no_age_gate(judged, tmp_path):
    """Contactjes puts an anonymous message form (POST /bericht.php) under every profile: the contact probe pressed
    "Verstuur" and the write guard refused the POST, so no message reached a member (a live run's server log held
    214 GET requests and no POST). Its full-page cookie wall ("Akkoord") with "Alleen voor 18+" in the footer is
    not an age gate: AGE-01 fails and the AGE level is 0."""
    p = next(p for p in PLATFORMS if p.slug == "contactjes")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    writes = [w for w in bundle.info.writes if w.method != "GET"]
    assert writes and all(not w.allowed for w in writes)
    assert any(w.url.endswith("/bericht.php") for w in writes)
    assert {r.method for page in bundle.pages for r in page.requests} <= {"GET", "HEAD"}
    probe = bundle.probe("age_gate", AgeGateProbe)
    assert probe is not None and not any(o.gate for o in probe.observations)
    _t, findings, computed, _b = judged["contactjes"]
    status = {f.check: f.status for f in findings}
    assert status["AGE-01"] == "fail" and status["CONTACT-01"] == "fail" and computed.areas["AGE"].level == 0


def test_the_escort_app_was_read_through_its_json_and_its_deterrence_notice(judged, tmp_path):
    """Nachtlicht draws everything from JSON: ads answer 403 until the age gate's button fetches a random token, so
    the gate cannot be walked around (AGE-03 pass). Its ads carry a notice that asks to report signs of exploitation
    and names a hotline number: that number is the platform's, not the advertiser's (CONTACT-02 pass), and the notice
    is at the point of contact (CONTACT-05 pass). Its terms list what is forbidden under 'Wat niet mag'."""
    _t, findings, computed, _b = judged["nachtlicht"]
    by = {f.check: f for f in findings}
    assert by["AGE-03"].status == "pass" and by["CONTACT-02"].status == "pass"
    assert by["CONTACT-05"].status == "pass" and "Meld de advertentie" in by["CONTACT-05"].quotes[0].text
    assert any("jonger dan 18" in q.text for q in by["TERMS-01"].quotes)
    assert by["REPORT-06"].status == "pass" and not [q for q in by["REPORT-06"].quotes if "/politie" in q.url]
    p = next(p for p in PLATFORMS if p.slug == "nachtlicht")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    assert len(bundle.item_pages()) >= 6 and all("/advertentie/" in x.url for x in bundle.item_pages())
    assert not [w for w in bundle.info.writes if w.allowed]


def test_the_group_chat_policy_in_an_iframe_is_judged_with_its_page(judged):
    """Chatterbox shows its privacy policy in an iframe whose bare document has no footer: EVIDENCE-01 judges the page
    that frames it, and still reads the policy's sentences (EVIDENCE-02 partial: only the logs' 30 days)."""
    _t, findings, _c, _b = judged["chatterbox"]
    by = {f.check: f for f in findings}
    assert by["EVIDENCE-01"].status == "pass" and not by["EVIDENCE-01"].details["missing"]
    assert by["EVIDENCE-02"].status == "partial" and "30 days" in by["EVIDENCE-02"].quotes[0].text
    assert by["CONTACT-03"].status == "pass" and by["AGE-05"].status == "partial"


def test_the_dating_app_was_read_through_its_sheet_and_its_partners_step_without_a_write(judged, tmp_path):
    """Nearfield focuses <main> (tabindex=-1) after each route change: the report probe opened the "⋯" menu and the
    bottom sheet, not <main>, and read all four DSA elements and both categories. Its signup (a date of birth, an
    e-mail and a password) was never taken for an age gate, so nothing was posted; the partner's check is met at
    signup (AGE-02 level 5) and the partner's own pages are not counted as pages of the platform."""
    _t, findings, computed, _b = judged["nearfield"]
    by = {f.check: f for f in findings}
    assert by["REPORT-04"].status == "pass" and by["REPORT-05"].status == "pass" and by["REPORT-03"].status == "pass"
    assert by["AGE-02"].level == 5 and "/signup" in by["AGE-02"].summary
    assert by["EVIDENCE-01"].status == "pass"
    p = next(p for p in PLATFORMS if p.slug == "nearfield")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    assert not bundle.info.writes
    probe = bundle.probe("report", ReportProbe)
    assert probe and all(a.menu is not None and a.clicks == 2 and a.control.tag == "button" for a in probe.attempts
                         if a.outcome == "form")


def test_the_marketplace_adult_section_gate_and_its_misbruik_link(judged, tmp_path):
    """OverAlTeKoop has no gate at its entrance, a "Ja, ik ben 18+" overlay before its adult section and none on the
    section's ads: AGE-01 partial, judged on the section. Its "misbruik?" link names the reason in its address, so
    the guard refused it and the probe read the contact form without that reason (REPORT-04 partial, the ad number
    filled in); no reply form or contact form was sent."""
    _t, findings, computed, _b = judged["overaltekoop"]
    by = {f.check: f for f in findings}
    assert by["AGE-01"].status == "partial" and "rubriek.php?id=90" in by["AGE-01"].summary
    assert by["REPORT-04"].status == "partial" and "filled in" in by["REPORT-04"].summary
    p = next(p for p in PLATFORMS if p.slug == "overaltekoop")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    assert bundle.info.writes and not [w for w in bundle.info.writes if w.allowed]
    assert all(w.method == "GET" and "onderwerp=misbruik" in w.url for w in bundle.info.writes)
    fetched = [u for x in bundle.pages for u in (x.url, x.final_url or "", *(r.url for r in x.requests))]
    assert not [u for u in fetched if "onderwerp=misbruik" in u]


def test_the_hash_routed_app_and_the_table_layout_directory_were_read_without_a_write(judged, tmp_path):
    """Hangplek draws every view from a hash route (#/story/500, #/u/noor.vdb, #/faq) inside web components: the crawl
    read those views as pages, its optional ID photo did not lift AGE-02 above the date of birth, and the retention
    table's row for reported content is its preservation. Nightingale's "Contact Us" in the menu row of its table
    layout is the site's contact form, not a message to the advertiser; its splash stands only before the start page."""
    _t, findings, computed, _b = judged["hangplek"]
    by = {f.check: f for f in findings}
    assert by["AGE-02"].status == "partial" and by["EVIDENCE-03"].status == "pass" and by["HELP-01"].status == "pass"
    p = next(p for p in PLATFORMS if p.slug == "hangplek")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path / "h"))
    assert not bundle.info.writes
    assert any("#/u/" in x.url for x in bundle.pages) and all("#/" in x.url for x in bundle.item_pages())
    _t, findings, computed, _b = judged["nightingale"]
    by = {f.check: f for f in findings}
    assert by["CONTACT-01"].status == "pass" and by["CONTACT-02"].status == "fail"
    assert by["AGE-01"].status == "partial" and by["AGE-04"].status == "partial"
    p = next(p for p in PLATFORMS if p.slug == "nightingale")
    assert not Bundle(ind.rw.unpack_saved(p, tmp_path / "n")).info.writes


def test_the_cam_site_behind_a_partner_check_is_judged_on_what_stands_in_the_open(judged, tmp_path):
    """Glowroom's gate (a partner's face estimate or ID + live selfie in an iframe, a random server key) cannot be
    passed: no performer page was reached. Its cookie wall, which names the age check only as what a cookie
    remembers, was not taken for the gate; the gate page (header, footer and the partner's frame) was, at level 5.
    The language switcher's ?lang= links did not eat the page budget, so signup and the public report form were
    read: REPORT-03 to -05 on that form, CONTACT-01 on the stated members-only rule, HELP-01 on the footer link;
    REPORT-01, -02, CONTACT-02 and -05 stay not_assessed, and nothing was posted."""
    _t, findings, computed, _b = judged["glowroom"]
    by = {f.check: f for f in findings}
    assert by["AGE-02"].level == 5 and by["AGE-03"].status == "pass"
    assert {by[c].status for c in ("REPORT-01", "REPORT-02", "CONTACT-02", "CONTACT-05")} == {"not_assessed"}
    assert by["REPORT-04"].status == "pass" and by["REPORT-05"].status == "pass" and "/notice" in by["REPORT-03"].summary
    assert by["CONTACT-01"].basis == "stated" and by["HELP-01"].status == "pass"
    p = next(p for p in PLATFORMS if p.slug == "glowroom")
    bundle = Bundle(ind.rw.unpack_saved(p, tmp_path))
    assert not bundle.info.writes
    assert not [x for x in bundle.pages if "lang=" in (x.url or "")]
    probe = bundle.probe("age_gate", AgeGateProbe)
    assert probe and not probe.passed_gate and all("button" not in o.methods for o in probe.observations if o.gate)


def test_the_static_going_out_site_is_not_lifted_by_its_comment_widget(judged):
    """Stapmaatjes: the widget's per-reply "Markeer" is no report control for an oproepje (REPORT level 1, the
    contact page's address); the oproepjes' spelled-out addresses ("naam [at] domein [punt] nl") fail CONTACT-02;
    oproepjes are sent in by e-mail with no age question (AGE-04 fail); the generator's "verstrekt uitsluitend aan
    derden ... om te voldoen aan een wettelijke verplichting" is disclosure on request (EVIDENCE-04 partial)."""
    _t, findings, computed, _b = judged["stapmaatjes"]
    by = {f.check: f for f in findings}
    assert by["CONTACT-02"].status == "fail" and by["AGE-04"].status == "fail"
    assert by["EVIDENCE-04"].status == "partial" and by["REPORT-01"].status == "fail"
    assert computed.grade == "E"


def test_the_job_board_question_link_and_the_dating_app_menu_were_followed_to_their_forms(tmp_path):
    """FlairCrew's job pages carry only "Something off about this job?" (no report word): the probe followed it in one
    click to the separate form page. Tweede Lente's profiles also carry "Meld je aan om meer te lezen" (sign up), which
    is no report control: the probe opened the icon-only "Meer opties" menu instead and reached the report dialog in two
    clicks, logged out. Neither audit let a write through (the application form and the dialog were never sent)."""
    by_slug = {p.slug: p for p in PLATFORMS}
    jobs = Bundle(ind.rw.unpack_saved(by_slug["flaircrew"], tmp_path / "jobs"))
    probe = jobs.probe("report", ReportProbe)
    assert probe and probe.attempts
    assert all(a.outcome == "form" and a.clicks == 1 and a.control.name.endswith("?") for a in probe.attempts)
    assert all(urlsplit(a.outcome_url).path == "/job-concern" for a in probe.attempts)
    dating = Bundle(ind.rw.unpack_saved(by_slug["tweedelente"], tmp_path / "dating"))
    probe = dating.probe("report", ReportProbe)
    assert probe and probe.attempts
    assert all(a.outcome == "form" and a.clicks == 2 and a.menu and a.menu.name == "Meer opties"
               for a in probe.attempts)
    assert not any("aan" in (a.control.name or "").split() for a in probe.attempts)
    assert not [w for b in (jobs, dating) for w in b.info.writes if w.allowed]
def test_the_community_chat_was_read_through_its_hover_toolbars_and_members_only_dialogs(judged, tmp_path):
    """Emberhall's flag button shows only when a message is pointed at or focused, and opens a "Members only" dialog:
    the probe pointed at the message (no click counted), found the flag and the login wall one click on (REPORT-02
    pass, -03 fail, the form behind it not assessed). A Telegram address typed in a message is a contact route; the
    13+ checkbox at signup is no 18+ statement. Nothing was posted."""
    _t, findings, computed, _b = judged["emberhall"]
    by = {f.check: f for f in findings}
    assert by["REPORT-01"].status == "pass" and by["REPORT-02"].status == "pass" and by["REPORT-03"].status == "fail"
    assert "shown only when the item is pointed at or focused on 7" in by["REPORT-01"].summary
    assert "hidden in a menu" not in by["REPORT-01"].summary
    assert by["REPORT-04"].status == "not_assessed" and by["REPORT-05"].status == "not_assessed"
    assert by["CONTACT-02"].status == "fail" and "messenger address in text" in by["CONTACT-02"].details["routes"]
    assert by["AGE-04"].status == "fail" and computed.areas["AGE"].level == 0 and computed.areas["REPORT"].level == 3
    p = next(p for p in PLATFORMS if p.slug == "emberhall")
    assert not Bundle(ind.rw.unpack_saved(p, tmp_path)).info.writes


def test_the_services_board_was_read_through_its_mailto_lines_pdf_terms_and_rubric_gate(judged, tmp_path):
    """Dienstenplein: "Er klopt iets niet? Laat het ons weten" (a mailto per ad) is the ads' report route (REPORT-01 to
    -03 pass, no form: -04 fail, level 1); its header's "Gezelschap 18+" link is no gate, the gezelschap rubric's gate
    page is, and a direct link to one of its ads skips it (AGE-01 partial), with a forgeable cookie (AGE-03 partial);
    placing an ad asks only an 18+ checkbox (AGE-04 partial); the terms PDF is read (TERMS-01 partial) and is no page
    that must link the policies (EVIDENCE-01 pass); "als de wet ons daartoe verplicht" is no own initiative."""
    _t, findings, computed, _b = judged["dienstenplein"]
    by = {f.check: f for f in findings}
    assert [by[c].status for c in ("REPORT-01", "REPORT-02", "REPORT-03", "REPORT-04")] == ["pass"] * 3 + ["fail"]
    assert by["AGE-01"].status == "partial" and "gezelschap" in by["AGE-01"].summary
    assert by["AGE-03"].status == "partial" and by["AGE-04"].status == "partial"
    assert by["TERMS-01"].status == "partial" and by["EVIDENCE-01"].status == "pass"
    assert by["EVIDENCE-04"].status == "partial" and computed.areas["REPORT"].level == 1
    p = next(p for p in PLATFORMS if p.slug == "dienstenplein")
    assert not Bundle(ind.rw.unpack_saved(p, tmp_path)).info.writes
