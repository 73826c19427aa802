"""Sections a page draws only when the visitor scrolls near them are read (round fifteen): a real Chromium."""

from __future__ import annotations

import pytest

from toolkit.collection.interact import reveal_lazy_sections

pytestmark = pytest.mark.browser

# A long item page whose report button and seller box appear only when an observer sees the bottom of the page.
LAZY_PAGE = """<!DOCTYPE html><html><body>
<h1>Oak bookcase, five shelves</h1><div style="height:2400px">photos and description</div>
<div id="tail"><div id="sentinel" style="height:30px"></div></div>
<script>
const io = new IntersectionObserver(es => {
  if (!es.some(e => e.isIntersecting)) return;
  io.disconnect();
  document.getElementById('tail').innerHTML = '<section>Sold by Wren</section><button id="flag">Flag this item</button>';
});
io.observe(document.getElementById('sentinel'));
</script></body></html>"""

SHORT_PAGE = "<!DOCTYPE html><html><body><p>Nothing below the fold.</p></body></html>"


async def test_a_section_drawn_on_scrolling_is_in_the_page_afterwards(browser_session):
    ctx, _events = await browser_session.new_context()
    try:
        page = await ctx.new_page()
        await page.set_content(LAZY_PAGE)
        assert await page.locator("#flag").count() == 0
        assert await reveal_lazy_sections(page)
        assert await page.locator("#flag").count() == 1
        assert await page.evaluate("() => window.scrollY") == 0  # scrolled back where the visitor was
    finally:
        await ctx.close()


async def test_a_short_page_is_left_alone(browser_session):
    ctx, _events = await browser_session.new_context()
    try:
        page = await ctx.new_page()
        await page.set_content(SHORT_PAGE)
        assert not await reveal_lazy_sections(page)
    finally:
        await ctx.close()
