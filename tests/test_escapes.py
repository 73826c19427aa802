"""Ways out of the write guard and ways to stall the browser, found by the hostile matrix (benchmarks/hostile),
each tried on one small page of tests/sites/escapes in a guarded context: seconds each, no full audit."""

from __future__ import annotations

import asyncio
import time

import pytest

from toolkit.collection.browser import settle
from toolkit.collection.crawl import goto_page
from toolkit.collection.guard import MAX_FRAMES, WriteGuard

from .faultsrv import serve_faults

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def escapes():
    with serve_faults("escapes") as (url, server):
        yield url, server


async def _open(browser_session, url: str, wait: float = 1.5):
    ctx, _ = await browser_session.new_context()
    page = await ctx.new_page()
    await page.goto(url, wait_until="domcontentloaded")
    await asyncio.sleep(wait)
    return ctx, page


async def test_a_worker_still_reads_but_its_websocket_and_posts_do_not_leave(browser_session, escapes):
    url, server = escapes
    before = len(server.writes)
    ctx, page = await _open(browser_session, url + "workers.html")
    try:
        # Both workers (classic and module) ran behind the prelude: a relative GET still works, a WebSocket is refused.
        await page.wait_for_function("document.title.startsWith('workers: ') && document.title.split(' ').length === 3",
                                     timeout=10_000)
        assert await page.title() == "workers: yes/refused yes/refused"
        assert await page.evaluate("document.body.dataset.shared") == "undefined"  # no shared worker at all
        refused = [r.url for r in ctx.guard.refused]
        assert any(u.endswith("/api/worker-post") for u in refused)  # a worker's POST is routed, refused, recorded
        # What the preludes refused (the workers' WebSockets, their own workers' writes) is recorded too, each once.
        for _ in range(40):
            told = [(r.method, r.url.rsplit("/", 1)[-1], r.resource_type) for r in ctx.guard.refused
                    if r.resource_type.startswith(("worker", "nested"))]
            if len(told) >= 8:
                break
            await asyncio.sleep(0.1)
        assert sorted(told) == sorted([("WEBSOCKET", "ws", "worker websocket")] * 4
                                      + [("POST", "nested-fetch", "nested worker fetch"),
                                         ("POST", "nested-fetch", "nested worker fetch"),
                                         ("PUT", "nested-xhr", "nested worker xhr"),
                                         ("PUT", "nested-xhr", "nested worker xhr")]), told
    finally:
        await ctx.close()
    await asyncio.sleep(0.5)
    assert server.writes[before:] == []


async def test_leaving_a_page_sends_nothing_whatever_listens(browser_session, escapes):
    url, server = escapes
    before = len(server.writes)
    ctx, page = await _open(browser_session, url + "unload.html", wait=0.5)
    await page.goto(url + "ok.txt")  # pagehide and unload of the page fire here
    await ctx.close()
    await asyncio.sleep(1.0)
    assert server.writes[before:] == []


async def test_a_login_lets_through_its_own_post_and_not_what_the_page_it_lands_on_sends(browser_session, escapes):
    url, server = escapes
    before, logins = len(server.writes), len(server.logins)
    guard = WriteGuard(stop_forms=False)  # as in the context that logs in (its login form must post)
    ctx, _ = await browser_session.new_context(guard=guard)
    page = await ctx.new_page()
    try:
        await page.goto(url + "login.html?next=/landing.html")
        await page.fill("#u", "someone")
        await page.fill("#p", "pw")
        with guard.opened("login steps", page=page):
            await page.click("#go")
            await settle(page, 300)
            await asyncio.sleep(0.5)
        assert await page.title() == "Welcome back"
    finally:
        await ctx.close()
    assert len(server.logins) == logins + 1  # the login's own post went through
    assert server.writes[before:] == []  # the landing page's fetch and its form into a hidden frame did not
    allowed = [r for r in guard.records if r.allowed]
    assert len(allowed) == 1 and allowed[0].url.split("?")[0].endswith("/login")
    assert {r.url.rsplit("/", 1)[-1] for r in guard.refused} >= {"landing-fetch", "landing-form"}


async def test_hundreds_of_frames_and_frames_that_nest_without_end_cost_seconds(browser_session, escapes):
    url, _ = escapes
    ctx, _ = await browser_session.new_context()
    ctx.set_default_timeout(5000)
    page = await ctx.new_page()
    try:
        t0 = time.monotonic()
        resp = await goto_page(page, url + "frames.html")
        assert resp is not None and resp.status == 200  # read with its own response, frames loaded or not
        title = await page.title()
        assert title == "frames" and time.monotonic() - t0 < 15
        assert len(page.frames) <= MAX_FRAMES + 2
        assert ctx.guard.frames_refused > 0
    finally:
        await ctx.close()


async def test_a_page_that_floods_the_browser_with_navigations_does_not_starve_the_audit(browser_session, escapes):
    url, _ = escapes
    ctx, _ = await browser_session.new_context()
    page = await ctx.new_page()
    navigations = []
    page.on("framenavigated", lambda f: navigations.append(1))
    try:
        await page.goto(url + "flood.html", wait_until="domcontentloaded")
        await asyncio.sleep(2.0)
        t0 = time.monotonic()
        for _ in range(5):
            assert await page.evaluate("document.querySelector('h1').textContent") == "Flood"
        assert time.monotonic() - t0 < 2.0
        assert len(navigations) < 1000  # Chromium's own throttle holds (Playwright's default turns it off)
    finally:
        await ctx.close()


async def test_speculation_rules_do_not_make_the_browser_fetch_behind_the_guard(browser_session, escapes):
    """The browser prefetches and prerenders what speculation rules name without any route seeing it: an address
    that acts ("?action=delete") would be followed unseen. The rules are taken out before they act."""
    url, server = escapes
    ctx, page = await _open(browser_session, url + "speculation.html", wait=2.0)
    await ctx.close()
    assert [p for _, p in server.requests if "speculated" in p] == []


async def test_speculation_rules_named_in_a_response_header_are_never_fetched(browser_session, escapes):
    """Rules can come in a `Speculation-Rules` header, out of the page script's reach: the guard refuses the rules'
    own request (which it routes), so the browser never learns the addresses they name."""
    url, server = escapes
    before = len(server.requests)
    ctx, page = await _open(browser_session, url + "fault/speculation-header", wait=2.0)
    try:
        assert await page.title() == "Rules by header"  # the page itself is read as usual
    finally:
        await ctx.close()
    asked = [p for _, p in server.requests[before:]]
    assert "/fault/speculation-header" in asked
    assert [p for p in asked if "speculat" in p and p != "/fault/speculation-header"] == []


async def test_a_page_cannot_point_the_browser_into_another_network_of_the_machine(browser_session, escapes):
    """A platform on 127.0.0.1 whose page loads an image and a frame from 0.0.0.0 (another network than its own, as a
    metadata service or a router would be): both are refused before they leave, and said."""
    url, server = escapes
    guard = WriteGuard(home=url)
    ctx, _ = await browser_session.new_context(guard=guard)
    page = await ctx.new_page()
    try:
        await page.goto(url + "fault/inner", wait_until="load")
        assert await page.title() == "Inner"  # the page itself is read
    finally:
        await ctx.close()
    assert sorted(r.split("?inner=")[1].split(" ")[0] for r in guard.inner_refused) == ["frame", "img"]
    assert all("0.0.0.0 is on a private network, and the platform is not" in r for r in guard.inner_refused)
    assert not [p for _, p in server.requests if "inner=" in p]


async def test_built_ins_a_page_replaced_are_put_back_for_our_page_scripts(browser_session, escapes):
    url, _ = escapes
    ctx, page = await _open(browser_session, url + "builtins.html", wait=0.2)
    try:
        got = await page.evaluate("""() => [[1, 2].map((x) => x * 2).join(','), JSON.stringify({a: 1}),
            document.querySelectorAll('main *').length, Array.from('ab').length, ' x '.trim(),
            getComputedStyle(document.querySelector('h1')).display]""")
        assert got == ["2,4", '{"a":1}', 2, 2, "x", "block"]
    finally:
        await ctx.close()
