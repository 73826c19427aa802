"""The collector in a real Chromium against local test sites (tests/sites/, served on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path

import pytest

from safehaven.bundle import Bundle, sha256_file
from safehaven.models import AgeGateProbe
from toolkit.collection import browser as browser_mod
from toolkit.collection.browser import USER_AGENT_TAG, find_browser, reuse_pages
from toolkit.collection.context import ProbeContext
from toolkit.collection.crawl import CrawlFailed, collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


def _defn(url: str, name: str = "Test", extra: str = ""):
    return parse_definition(f'[platform]\nname = "{name}"\nurl = "{url}"\n{extra}')


@pytest.fixture(scope="module")
async def basic_bundle(browser_session, basic_site, tmp_path_factory) -> Bundle:
    url, _ = basic_site
    run_dir = tmp_path_factory.mktemp("basic") / "run"
    await collect(_defn(url), run_dir, browser_session)
    return Bundle(run_dir)


def _page(bundle: Bundle, path: str):
    return next(p for p in bundle.pages if p.url.endswith(path))


async def test_crawl_finds_pages_and_classifies_their_roles(basic_bundle: Bundle):
    roles = {p.url.rsplit("/", 1)[-1] or "/": p.role for p in basic_bundle.pages}
    assert roles["/"] == "start"
    assert roles["privacy.html"] == roles["terms.html"] == "policy"
    assert roles["help.html"] == "help"
    assert roles["signup.html"] == "signup"
    assert roles["login.html"] == "login"
    assert roles["report.html"] == "report"
    assert {roles[f"{n}.html"] for n in (101, 102, 103)} == {"item"}


async def test_link_rendered_late_by_javascript_is_followed(basic_bundle: Bundle):
    assert _page(basic_bundle, "/ads/104.html").role == "item"


async def test_never_leaves_the_site_or_follows_mail_links(basic_bundle: Bundle):
    assert all(p.url.startswith("http://127.0.0.1:") for p in basic_bundle.pages)


async def test_a_closed_shadow_root_is_read_as_a_visitor_sees_it(basic_bundle: Bundle):
    """Ad 104's flag button is drawn 300 ms after load inside a CLOSED shadow root: a visitor sees it, and so does
    the audit (the root is attached open, and the wait for a quiet page counts changes inside it)."""
    els = _page(basic_bundle, "/ads/104.html").elements
    assert [e.name for e in els if e.in_shadow] == ["Flag this listing"]


async def test_report_button_inside_shadow_dom_is_inventoried_with_its_aria_label(basic_bundle: Bundle):
    els = _page(basic_bundle, "/ads/101.html").elements
    shadow = [e for e in els if e.in_shadow]
    assert [e.name for e in shadow] == ["Report this ad"]
    assert shadow[0].tag == "button" and shadow[0].box is not None and shadow[0].box.width > 0


async def test_icon_only_button_is_named_by_its_title(basic_bundle: Bundle):
    els = _page(basic_bundle, "/ads/102.html").elements
    icon = next(e for e in els if e.tag == "button" and e.region == "main")
    assert icon.name == "Report" and icon.text == ""


async def test_same_site_iframe_is_read(basic_bundle: Bundle):
    page = _page(basic_bundle, "/ads/102.html")
    assert any(f.endswith("/frame.html") for f in page.frames)
    framed = [e for e in page.elements if e.frame]
    assert "Message seller" in {e.name for e in framed}


async def test_dialogs_and_popups_are_dismissed_and_recorded(basic_bundle: Bundle):
    events = _page(basic_bundle, "/ads/103.html").events
    kinds = {(e.kind, e.detail.split(":")[0]) for e in events}
    assert ("dialog", "alert") in kinds
    assert any(e.kind == "popup" and e.detail.endswith("/popup.html") for e in events)


async def test_failing_pages_become_records_with_their_error_and_the_crawl_goes_on(basic_bundle: Bundle):
    crashed = _page(basic_bundle, "/crash")
    assert crashed.error and "ERR_EMPTY_RESPONSE" in crashed.error and not crashed.ok
    assert _page(basic_bundle, "/broken/500").status == 500
    assert len([p for p in basic_bundle.pages if p.ok]) >= 10


async def test_forms_are_inventoried_with_labels_types_and_required(basic_bundle: Bundle):
    form = _page(basic_bundle, "/signup.html").forms[0]
    fields = {f.name: f for f in form.fields}
    assert fields["dob"].type == "date" and fields["dob"].label == "Date of birth" and fields["dob"].required
    assert fields["email"].label == "E-mail" and form.submit_labels == ["Sign up"]
    report = _page(basic_bundle, "/report.html").forms[0]
    assert "Human trafficking" in next(f for f in report.fields if f.name == "reason").options


async def test_every_bundle_file_is_hashed_in_the_manifest(basic_bundle: Bundle):
    manifest = basic_bundle.manifest
    files = [p for p in (basic_bundle.run_dir / "bundle").rglob("*") if p.is_file()]
    assert len(files) == len(manifest) > 30
    for path in files:
        rel = path.relative_to(basic_bundle.run_dir).as_posix()
        assert manifest[rel] == sha256_file(path), rel


async def test_page_evidence_is_saved(basic_bundle: Bundle):
    page = _page(basic_bundle, "/ads/101.html")
    shot = basic_bundle.run_dir / page.files["screenshot"]
    assert shot.read_bytes()[:3] == b"\xff\xd8\xff"  # JPEG
    assert "Ad 101" in basic_bundle.text(page)
    assert "Report this ad" in basic_bundle.dom(page)  # shadow root serialised with the DOM


async def test_cap_on_pages_is_respected(browser_session, basic_site, tmp_path: Path):
    url, _ = basic_site
    await collect(_defn(url, extra="[crawl]\nmax_pages = 3\n"), tmp_path / "run", browser_session)
    assert len(Bundle(tmp_path / "run").pages) == 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_unreachable_start_url_raises_with_url_and_cause(browser_session, tmp_path: Path):
    url = f"http://127.0.0.1:{free_port()}/"
    with pytest.raises(CrawlFailed) as info:
        await collect(_defn(url), tmp_path / "run", browser_session)
    assert str(info.value) == f"{url} could not be loaded: net::ERR_CONNECTION_REFUSED"


async def test_no_cookies_carry_over_between_platform_contexts(browser_session):
    ctx1, _ = await browser_session.new_context()
    await ctx1.add_cookies([{"name": "a", "value": "1", "url": "http://127.0.0.1/"}])
    ctx2, _ = await browser_session.new_context()
    try:
        assert await ctx2.cookies() == []
    finally:
        await ctx1.close()
        await ctx2.close()


# ---------------------------------------------------------------------- age-gate probe


async def test_modal_dob_gate_with_content_underneath_and_forgeable_storage_flag(browser_session, tmp_path: Path):
    with serve_site("gated") as (url, _):
        await collect(_defn(url), tmp_path / "run", browser_session)
    bundle = Bundle(tmp_path / "run")
    probe = bundle.probe("age_gate", AgeGateProbe)
    start = probe.observations[0]
    assert start.entry == "start" and start.gate and start.kind == "modal"
    assert "dob" in start.methods and start.content_under_overlay
    deep = [o for o in probe.observations if o.entry == "deep_link"]
    assert deep and all(o.gate for o in deep)
    assert probe.passed_gate and "date of birth" in probe.passed_with
    flag = next(s for s in probe.storage_set if s["name"] == "age_ok")
    assert flag["forgeable"] == "true" and flag["unlocks"] == "true"
    # the crawl itself got past the gate and saw the items and the menu-hidden report link
    item = next(p for p in bundle.pages if p.role == "item")
    hidden = [e for e in item.elements if e.name == "Report this profile"]
    assert hidden and not hidden[0].visible


async def test_a_consent_wall_before_the_age_gate_is_accepted_first_in_the_bypass_test_too(browser_session,
                                                                                            tmp_path: Path):
    """Consent wall, then an 18+ modal that trusts localStorage: every fresh visitor of the age probe accepts the wall
    as a visitor would; the consent cookie is not taken for the age flag, and a flag is said to unlock only when
    the age gate itself stays away (behind the wall it would never have been seen)."""
    with serve_site("consentgate") as (url, _):
        await collect(_defn(url, extra="[crawl]\nmax_pages = 8\n"), tmp_path / "run", browser_session)
    probe = Bundle(tmp_path / "run").probe("age_gate", AgeGateProbe)
    assert probe.observations[0].gate and probe.observations[0].kind == "modal"
    assert probe.passed_gate and probe.passed_with == "button"
    flag = next(s for s in probe.storage_set if s["name"] == "adult_ok")
    assert "source" not in flag  # seen set by passing the gate, not guessed from its script
    assert flag["forgeable"] == "true" and flag["unlocks"] == "true"
    assert not [c for c in probe.cookies_set if c["name"] == "cc" and c.get("unlocks") == "true"]


async def test_a_notice_modal_passed_with_i_accept_is_a_click_through_gate_with_a_forgeable_cookie(browser_session,
                                                                                                   tmp_path: Path):
    """An 18+ statement in a modal on every page whose only way in is "I accept" (the software's terms notice used as
    the age gate): it is passed like any click-through gate, so its cookie is found, replayed and said to unlock."""
    with serve_site("acceptgate") as (url, _):
        await collect(_defn(url, extra="[crawl]\nmax_pages = 8\n"), tmp_path / "run", browser_session)
    probe = Bundle(tmp_path / "run").probe("age_gate", AgeGateProbe)
    start = probe.observations[0]
    assert start.gate and start.kind == "modal" and start.methods == ["button"]
    assert "button: I accept" in start.controls and "other: Not for me" in start.controls
    assert probe.passed_gate and probe.passed_with == "button"
    cookie = next(c for c in probe.cookies_set if c["name"] == "notice_ok")
    assert cookie["forgeable"] == "true" and cookie["unlocks"] == "true"


async def test_script_redirect_gate_with_content_in_the_html_and_cookie_flag(browser_session, tmp_path: Path):
    with serve_site("jsgate") as (url, _):
        await collect(_defn(url), tmp_path / "run", browser_session)
    probe = Bundle(tmp_path / "run").probe("age_gate", AgeGateProbe)
    start = probe.observations[0]
    assert start.gate and start.kind == "redirect" and start.methods == ["button"]
    assert start.content_under_overlay, "the HTML behind the script redirect carries the content"
    cookie = next(c for c in probe.cookies_set if c["name"] == "adult")
    assert cookie["value"] == "1" and cookie["unlocks"] == "true"
    assert json.loads((tmp_path / "run" / "manifest.json").read_text())["files"]


async def test_the_user_agent_is_the_browsers_own_plus_our_tag(basic_bundle: Bundle, browser_session):
    """Asked of the browser over CDP (no unguarded page is opened for it); no headless marker."""
    ua = basic_bundle.info.user_agent
    assert "Chrome/" in ua and "HeadlessChrome" not in ua and ua.endswith(USER_AGENT_TAG)
    contexts = len(browser_session.browser.contexts)
    assert await browser_session.user_agent() == ua
    assert len(browser_session.browser.contexts) == contexts  # asking opened no context or page


async def test_a_closed_tab_serves_the_next_page_as_a_new_one_would(browser_session, basic_site):
    """reuse_pages: the same tab comes back, on about:blank, its sessionStorage empty; a hung one is closed."""
    url, _ = basic_site
    ctx, _ = await browser_session.new_context()
    reuse_pages(ctx)
    try:
        first = await ctx.new_page()
        await first.goto(url)
        await first.evaluate("() => sessionStorage.setItem('gate', 'passed')")
        await first.close()
        again = await ctx.new_page()
        assert again is first and again.url == "about:blank"
        await again.goto(url)
        assert await again.evaluate("() => sessionStorage.getItem('gate')") is None
        # a page whose renderer hangs does not answer the reset: it is closed, and the next page is a new tab
        await again.goto(url.rstrip("/") + "/ads/101.html")
        await again.evaluate("() => { setTimeout(() => { for (;;) {} }, 0); }")
        await again.close()
        assert again.is_closed()
        fresh = await ctx.new_page()
        assert fresh is not again
    finally:
        await ctx.close()


async def test_probe_lanes_keep_the_order_of_the_items_and_one_context_per_lane():
    opened: list[str] = []

    async def prepared():
        class Ctx:
            name = f"ctx{len(opened)}"

            async def close(self) -> None:
                opened.append(f"closed {self.name}")

        opened.append("opened")
        return Ctx(), None

    async def attempt(ctx, n: int, item: str) -> tuple[str, int, str]:
        await asyncio.sleep(0.01 * (5 - n))  # later items finish first
        return item, n, ctx.name

    context = ProbeContext(site="x", start_url="http://x/", pages=(), item_urls=(), settle_ms=0, active=False,
                           test_data=parse_definition('[platform]\nname = "T"\nurl = "http://x/"').test_data,
                           login_defined=False, save_evidence=lambda path, data: path, polite_wait=asyncio.sleep,
                           fresh_context=prepared, prepared_context=prepared, logged_in_context=prepared,
                           pass_gate_again=asyncio.sleep, lanes=2)
    done = await context.in_lanes(["a", "b", "c", "d", "e"], attempt)
    assert [(item, n) for item, n, _ in done] == [("a", 0), ("b", 1), ("c", 2), ("d", 3), ("e", 4)]
    assert {ctx for _, n, ctx in done if n % 2 == 0} != {ctx for _, n, ctx in done if n % 2 == 1}
    assert opened.count("opened") == 2 and len([o for o in opened if o.startswith("closed")]) == 2


def test_headless_sessions_prefer_the_headless_shell(tmp_path, monkeypatch):
    """Without an override or Playwright's own Chromium, a headless session gets the system's headless
    shell (much less CPU per audit) and a headed one the full Chromium; the override still wins."""
    shell, full = tmp_path / "chromium-headless-shell", tmp_path / "chromium"
    shell.write_text("#!/bin/sh\n")
    full.write_text("#!/bin/sh\n")
    monkeypatch.delenv("SAFEHAVEN_CHROMIUM", raising=False)
    monkeypatch.setattr(browser_mod, "playwright_chromium_path", lambda: None)
    monkeypatch.setattr(browser_mod, "SYSTEM_HEADLESS_SHELLS", (str(tmp_path / "missing"), str(shell)))
    monkeypatch.setattr(browser_mod, "SYSTEM_CHROMIUMS", (str(full),))
    assert find_browser().path == str(shell)
    assert find_browser().source == "system headless shell"
    assert find_browser(headless=False).path == str(full)
    monkeypatch.setattr(browser_mod, "SYSTEM_HEADLESS_SHELLS", (str(tmp_path / "missing"),))
    assert find_browser().path == str(full)
    monkeypatch.setenv("SAFEHAVEN_CHROMIUM", str(full))
    monkeypatch.setattr(browser_mod, "SYSTEM_HEADLESS_SHELLS", (str(shell),))
    assert find_browser().source == "SAFEHAVEN_CHROMIUM"


# ---------------------------------------------------------------------- policies published as PDF


async def test_terms_published_as_a_pdf_are_read_as_a_policy_page(browser_session, tmp_path: Path):
    """Buurtbord links its terms only as "Algemene voorwaarden (PDF)": the crawl reads the PDF with one GET, keeps it
    as evidence and gives the checks its text as paragraphs; a leaflet PDF that names no policy is not fetched."""
    from toolkit.evaluate import evaluate

    with serve_site("pdfpolicy") as (url, server):
        await collect(_defn(url, extra="[crawl]\nmax_pages = 10\n"), tmp_path / "run", browser_session)
    assert server.posts == []
    assert "/docs/voorjaarsmarkt-folder.pdf" not in server.requests
    assert server.requests.count("/docs/algemene-voorwaarden.pdf") == 1
    bundle = Bundle(tmp_path / "run")
    doc = next(p for p in bundle.pages if p.url.endswith("algemene-voorwaarden.pdf"))
    assert doc.ok and doc.role == "policy" and doc.title == "Algemene voorwaarden Buurtbord"
    assert (tmp_path / "run" / doc.files["document"]).read_bytes().startswith(b"%PDF")
    text = bundle.text(doc)
    assert "waarbij mensen worden uitgebuit of gedwongen" in text  # a word broken over two lines, mended
    assert "tot zes maanden nadat het gesprek is beëindigd; daarna" in text  # one paragraph, one line
    verdicts = {f.check: f for f in evaluate(bundle)}
    assert verdicts["TERMS-01"].status != "fail"
    assert any(q.url.endswith(".pdf") for q in verdicts["TERMS-01"].quotes)
    assert verdicts["EVIDENCE-02"].status in ("pass", "partial")
    assert any(q.url.endswith(".pdf") for q in verdicts["EVIDENCE-02"].quotes)


# ---------------------------------------------------------------------- links that leave the platform


async def test_a_link_that_leads_off_the_platform_is_not_read_as_the_platforms_page(browser_session, tmp_path: Path):
    """Dockside Swap links "/go/marina" (a 302 to a partner site) and "/out/insurance.html" (a meta refresh to it).
    The partner's phone number, WhatsApp link and report button are not the platform's: the crawl drops those
    pages, says so in the notes, and CONTACT-02 does not fail on the partner's number."""
    import shutil

    from toolkit.evaluate import evaluate

    site = tmp_path / "outbound"
    shutil.copytree(Path(__file__).with_name("sites") / "outbound", site)
    with serve_site("partner") as (partner_url, partner):
        port = partner_url.rsplit(":", 1)[1].strip("/")
        (site / "_redirects").write_text(f"^/go/marina$ http://localhost:{port}/\n", "utf-8")
        (site / "out").mkdir()
        (site / "out" / "insurance.html").write_text(
            f'<!doctype html><html><head><meta http-equiv="refresh" content="0;url=http://localhost:{port}/insurance.html">'
            "<title>Leaving Dockside Swap</title></head><body>One moment...</body></html>", "utf-8")
        with serve_site("outbound", directory=site) as (url, _):
            info = await collect(_defn(url, extra="[crawl]\nmax_pages = 12\n"), tmp_path / "run", browser_session)
    bundle = Bundle(tmp_path / "run")
    assert partner.requests  # the links were followed as a visitor would ...
    assert not [p for p in bundle.pages if "localhost" in (p.final_url or p.url)]  # ... but not read as the platform
    assert not any("06-12345678" in bundle.text(p) for p in bundle.ok_pages())
    assert any("led off the platform" in n and "localhost" in n for n in info.notes)
    assert "/deal/1.html" not in partner.requests  # nothing crawled from there
    verdicts = {f.check: f.status for f in evaluate(bundle)}
    assert verdicts["CONTACT-02"] == "pass"
