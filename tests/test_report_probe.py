"""The report probe in a real Chromium: text links, menus, icon buttons with modal forms, login walls, mailto."""

from __future__ import annotations

import pytest

from checks import report
from safehaven.bundle import Bundle
from safehaven.models import ReportProbe
from toolkit.collection.crawl import collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
async def reporting(browser_session, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("reporting") / "run"
    with serve_site("reporting") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Meldtest"\nurl = "{url}"\nlanguage = "nl"\n')
        await collect(defn, run_dir, browser_session)
        posts = list(server.posts)
    bundle = Bundle(run_dir)
    attempts = {a.item_url.rsplit("/", 1)[-1]: a for a in bundle.probe("report", ReportProbe).attempts}
    return bundle, attempts, posts


async def test_text_link_reaches_the_form_in_one_click_with_the_location_prefilled(reporting):
    _, attempts, _ = reporting
    a = attempts["1.html"]
    assert (a.outcome, a.clicks, a.control.name) == ("form", 1, "Meld deze advertentie")
    assert report.location_prefilled(a.form, a.item_url)


async def test_report_hidden_in_kebab_menu_counts_two_clicks(reporting):
    _, attempts, _ = reporting
    a = attempts["2.html"]
    assert (a.outcome, a.clicks) == ("form", 2) and a.menu.name == "Meer opties"
    assert a.steps[0] == "opened the menu 'Meer opties'"


async def test_icon_only_button_opens_a_modal_form_that_is_inventoried(reporting):
    _, attempts, _ = reporting
    a = attempts["3.html"]
    assert (a.outcome, a.clicks, a.control.name) == ("form", 1, "Melden")
    assert report.form_criteria(a.form, a.item_url) == {"reason": True, "location": True, "contact_optional": True,
                                                        "good_faith": True}
    assert "Mensenhandel of uitbuiting" in report.categories_of(a.form)
    # what the dialog says around the form is kept (the form's labels and its words on what happens next)
    assert "Een moderator beslist binnen 24 uur." in a.outcome_text and "Melding maken" in a.outcome_text
    assert attempts["1.html"].outcome_text == ""  # a form on a page of its own: the page is read instead


async def test_a_native_popover_menu_is_opened_like_any_menu(reporting):
    """An icon button named only 'Gereedschap' (no menu word) with popovertarget opens a native popover that holds
    the report link: the button announces a popup as aria-haspopup would, so the probe opens it."""
    _, attempts, _ = reporting
    a = attempts["7.html"]
    assert (a.outcome, a.clicks) == ("form", 2) and a.menu.name == "Gereedschap"


async def test_login_wall_and_mailto_are_recognised(reporting):
    _, attempts, _ = reporting
    assert (attempts["4.html"].outcome, attempts["4.html"].clicks) == ("login", 1)
    assert attempts["5.html"].outcome == "mailto" and attempts["5.html"].mailto == "mailto:abuse@meldtest.test"


async def test_item_without_control_is_none_even_after_opening_its_menu(reporting):
    _, attempts, _ = reporting
    assert attempts["6.html"].outcome == "none" and attempts["6.html"].control is None


async def test_the_probe_never_submits_anything(reporting):
    _, _, posts = reporting
    assert posts == []


async def test_report_checks_on_the_probed_platform(reporting):
    bundle, _, _ = reporting
    r01 = report.report_control_on_every_item(bundle)
    assert r01.status == "partial" and "6 of 7" in r01.summary
    r02 = report.report_within_two_clicks(bundle)
    assert r02.status == "pass" and "2 click(s)" in r02.summary
    assert report.report_without_account(bundle).status == "fail"  # one item sends visitors to a login wall
    r04 = report.report_form_complete(bundle)
    assert r04.status == "pass", r04.summary
    r05 = report.report_categories(bundle)
    assert r05.status == "pass" and "mensenhandel" in r05.summary.lower()
    r06 = report.handling_explained(bundle)  # the dialog's receipt (a reference) and timeframe; no appeal
    assert r06.status == "partial" and any("binnen 24 uur" in q.text for q in r06.quotes), r06.summary


async def test_login_wall_before_the_form_is_passed_with_the_definitions_login(browser_session, tmp_path, monkeypatch):
    monkeypatch.setenv("SH_TEST_USER", "auditor")
    monkeypatch.setenv("SH_TEST_PASS", "s3cret-pass")
    with serve_site("loginwall") as (url, server):
        defn = parse_definition(
            f'[platform]\nname = "Wall"\nurl = "{url}"\n[login]\nsteps = [\n'
            '  {action = "goto", target = "/login.html"},\n'
            '  {action = "fill", target = "#u", value_env = "SH_TEST_USER"},\n'
            '  {action = "fill", target = "#p", value_env = "SH_TEST_PASS"},\n'
            '  {action = "click", target = "#go"},\n]\n')
        await collect(defn, tmp_path / "run", browser_session)
        posts = list(server.posts)
    bundle = Bundle(tmp_path / "run")
    attempts = bundle.probe("report", ReportProbe).attempts
    assert attempts and all(a.outcome == "login" and a.form_behind_login for a in attempts)
    assert report.report_without_account(bundle).status == "fail"  # logged-out visitors still meet the wall
    assert report.report_categories(bundle).status == "pass"  # judged on the form behind the wall
    assert [p for p in posts if not p.startswith("/login")] == []  # only the login itself was sent
    stored = "".join(p.read_text(errors="ignore") for p in (tmp_path / "run").rglob("*") if p.is_file())
    assert "s3cret-pass" not in stored


# ---------------------------------------------------------------------- discovery on a real-looking site


@pytest.fixture(scope="module")
async def buurtbord(browser_session, tmp_path_factory):
    """A Dutch classifieds board with a forum: slug ad URLs, one topic script with ?t=, a gate on every load."""
    run_dir = tmp_path_factory.mktemp("buurtbord") / "run"
    with serve_site("discovery") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Buurtbord"\nurl = "{url}"\nlanguage = "nl"\n'
                                '[crawl]\nmax_pages = 10\nsettle_ms = 300\nrequests_per_second = 20\n')
        await collect(defn, run_dir, browser_session)
        posts = list(server.posts)
        requests = list(server.requests)
    bundle = Bundle(run_dir)
    attempts = {a.item_url.rstrip("/").rsplit("/", 1)[-1]: a for a in bundle.probe("report", ReportProbe).attempts}
    return bundle, attempts, posts, requests


async def test_slug_ads_and_query_topics_are_items_system_pages_never(buurtbord):
    bundle, _, _, requests = buurtbord
    roles = {(p.final_url or p.url).split("/", 3)[-1]: p.role for p in bundle.pages if p.ok}
    items = sorted(u for u, r in roles.items() if r == "item")
    assert items == ["ads/blauwe-bank-goede-staat/", "ads/houten-tafel-met-stoelen/", "ads/oude-platenspeler-werkt-nog/",
                     "ads/rode-stadsfiets-bijna-nieuw/", "topic.html?t=1", "topic.html?t=2"], roles
    assert roles.get("login.html") == "login" and roles.get("zoeken.html?q=fiets", "other") != "item"
    # sid=, view=unread and view=print are variants of the same topic: never fetched as pages of their own
    assert not [r for r in requests if "sid=" in r or "view=" in r]
    ad = next(p for p in bundle.pages if p.url.endswith("rode-stadsfiets-bijna-nieuw/"))
    assert "Product" in ad.signals["types"] and ad.signals["shape"]["price"]


async def test_a_page_about_report_handling_is_read_as_policy(buurtbord):
    bundle, _, _, _ = buurtbord
    about = next(p for p in bundle.pages if p.url.endswith("/p/7.html"))
    assert about.role == "policy" and "meldingen" in about.role_reasons[0]
    assert report.handling_explained(bundle).status == "pass"


async def test_a_gate_that_comes_back_is_passed_on_every_load(buurtbord):
    bundle, attempts, _, _ = buurtbord
    assert any("came back" in n for n in bundle.info.notes)
    assert sum(p.gate_returned for p in bundle.pages) >= 4
    assert all("the age gate came back and was passed again" in a.steps for a in attempts.values())


async def test_flag_controls_menus_inline_and_one_click_forms(buurtbord):
    _, attempts, posts, _ = buurtbord
    fiets = attempts["rode-stadsfiets-bijna-nieuw"]
    assert (fiets.outcome, fiets.clicks) == ("form", 1) and "inspected, not submitted" in fiets.steps[-1]
    assert "Mensenhandel of uitbuiting" in report.categories_of(fiets.form)
    bank = attempts["blauwe-bank-goede-staat"]
    assert (bank.outcome, bank.control.name, bank.control.how) == ("form", "Markeer als ongepast", "name")
    tafel = attempts["houten-tafel-met-stoelen"]
    assert (tafel.outcome, tafel.clicks, tafel.menu.name, tafel.control.name) == ("form", 2, "Meer", "Dit is spam")
    speler = attempts["oude-platenspeler-werkt-nog"]
    assert speler.control.name == "Ongepast" and speler.outcome == "form"  # the real control, not the sentence
    topic1 = next(a for k, a in attempts.items() if k.endswith("t=1"))
    assert (topic1.outcome, topic1.clicks, topic1.form.method) == ("form", 1, "post") and "one-click" in topic1.steps[-1]
    topic2 = next(a for k, a in attempts.items() if k.endswith("t=2"))  # two flag buttons, neither does anything
    assert (topic2.outcome, topic2.clicks, topic2.form.method) == ("form", 1, "none") and "did nothing" in topic2.steps[-1]
    assert posts == []  # nothing was ever sent


async def test_report_checks_on_the_board(buurtbord):
    bundle, _, _, _ = buurtbord
    assert report.report_control_on_every_item(bundle).status == "pass"
    assert report.report_within_two_clicks(bundle).status == "pass"
    assert report.report_categories(bundle).status == "pass"


# ------------------------ a report link whose address names the reason (round nine, benchmarks/independent)


@pytest.fixture(scope="module")
async def reasonlink(browser_session, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("reasonlink") / "run"
    with serve_site("reasonlink") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Prikbord"\nurl = "{url}"\nlanguage = "nl"\n')
        await collect(defn, run_dir, browser_session)
        posts = list(server.posts)
        requests = list(server.requests)
    bundle = Bundle(run_dir)
    attempts = {a.item_url.rsplit("/", 1)[-1]: a for a in bundle.probe("report", ReportProbe).attempts}
    return bundle, attempts, posts, requests


async def test_a_misbruik_link_with_the_reason_in_its_address_leads_to_the_contact_form(reasonlink):
    """"misbruik?" links to contact.html?onderwerp=misbruik&advertentie=1001. The guard refuses that GET (it may
    file a report by itself); the probe reads the same page without the reason, finds the form, and sends nothing."""
    _, attempts, posts, requests = reasonlink
    a = attempts["1.html"]
    assert (a.outcome, a.clicks, a.control.name) == ("form", 1, "misbruik?"), a.steps
    assert a.outcome_url.endswith("/contact.html?advertentie=1001")
    assert {f.name for f in a.form.fields} >= {"onderwerp", "advertentie", "bericht"}
    assert a.refused_writes and "onderwerp=misbruik" in a.refused_writes[0]
    assert posts == [] and not any("onderwerp=misbruik" in r for r in requests)


async def test_a_one_click_flag_on_the_ad_itself_is_not_read_as_the_ads_reply_form(reasonlink):
    """"Markeer als spam" links to the ad itself with the reason in the address (?actie=markeer&als=spam): refused, and
    without the reason it is the ad again, whose reply form to the seller is no report form. A one-click flag."""
    _, attempts, posts, requests = reasonlink
    a = attempts["3.html"]
    assert a.control is not None and a.control.name == "Markeer als spam", a.steps
    assert a.outcome == "form" and a.form.name.startswith("one-click report"), (a.form, a.steps)
    assert not {f.name for f in a.form.fields} & {"naam", "email", "bericht"}
    assert posts == [] and not any("als=spam" in r for r in requests)


async def test_a_related_ad_whose_title_ends_in_more_is_not_opened_as_a_menu(reasonlink):
    _, attempts, _, _ = reasonlink
    a = attempts["2.html"]
    assert a.outcome == "none" and a.menu is None and a.control is None, a.steps
