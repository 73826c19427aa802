"""User cards: what opens in place when a visitor clicks an author's name or avatar on an item page.

Forums and social platforms (Discourse, Flarum, Misago, dating apps) often keep the block / mute / ignore
controls, the "Message" button and a safety note not on the item page itself but in a card or popover that
opens when a name or avatar is clicked. The contact probe opens one such card per item page on a few item
pages and records what appeared (new visible nodes: their text and controls) as part of that item page.

Only names and avatars are clicked, never a control whose name says it acts (follow, like, report, block,
message: lexicon `contact.acting_control`); the write guard every context carries refuses whatever a click
tries to send, and the refused writes are kept with the card. A click that navigates (a plain profile link)
records nothing: the crawl reaches profile pages anyway, and later pages do not try plain links again.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from checks import lexicon
from safehaven.models import Box, ControlSeen, Element, Popover
from safehaven.textsafe import clean_data, clean_text
from safehaven.urls import page_key
from toolkit.collection.browser import bounded, guard_of, quiet, settle
from toolkit.collection.classify import is_member_profile
from toolkit.collection.context import ProbeContext
from toolkit.collection.interact import item_template

log = logging.getLogger("safehaven.usercard")

CARDS_JS = (Path(__file__).with_name("js") / "user_cards.js").read_text("utf-8")
CARD_ITEMS = 3  # item pages on which a card is opened, per audit
CLICKS_PER_PAGE = 2  # names or avatars clicked on one item page, at most (the second only when the first showed nothing)
PAGE_SECONDS = 25.0  # one item page: load, find, click, read
MAX_SHARE = 0.6  # "new" nodes holding more than this share of the page's text: the page re-rendered, not a card


def _markers() -> dict[str, str]:
    alternation = "|".join(re.escape(w) for w in lexicon.words("contact", "author_marker"))
    anti = "|".join(re.escape(w) for w in lexicon.words("contact", "author_marker_not"))
    return {"markers": alternation or "(?!x)x", "anti": anti or "(?!x)x"}


async def find_openers(page: Page) -> list[dict]:
    """Author names and avatars on the page that may open a card, best first: those that open in place (a button, a
    link to "#", aria-haspopup, a data-user-card attribute) before links to a member's profile (which may navigate).

    Each is a dict from user_cards.js (mark, name, tag, href, author, inplace, in_shadow, haspopup, data, box)."""
    try:
        found = await page.evaluate(CARDS_JS, {"mode": "find", **_markers()})
    except PlaywrightError:
        return []
    out = []
    for c in found or []:
        if _acts(c.get("name", "")):
            continue
        href = c.get("href") or ""
        if c.get("inplace") and c.get("author"):
            out.append({**c, "kind": "inplace"})
        elif href.startswith("http") and is_member_profile(href) and urlsplit(href).path != urlsplit(page.url).path:
            out.append({**c, "kind": "link"})  # a name linked to its profile: a script may open a card instead
    return sorted(out, key=lambda c: c["kind"] != "inplace")  # stable: document order within each kind


def _acts(name: str) -> bool:
    """A control whose name says it does something: never clicked to open a card."""
    return any(lexicon.has(name, topic, key) for topic, key in (("contact", "acting_control"), ("report", "control"),
                                                                 ("report", "menu")))


def author_of(opener: dict) -> str:
    """Whose card an opener opens: its data-user* value, else its profile path's last part, else its name."""
    data = opener.get("data") or {}
    for key, value in data.items():
        if value and re.search(r"user|author|member|poster", key, re.I) and not value.isdigit():
            return value.strip().lower()
    href = opener.get("href") or ""
    if href.startswith("http") and is_member_profile(href):
        segs = [s for s in urlsplit(href).path.split("/") if s]
        tail = next((s for s in reversed(segs) if not s.isdigit()), "")
        if tail:
            return re.sub(r"\.(html?|php\d?|aspx?|jsp)$", "", unquote(tail).lstrip("@").lower())
    return (opener.get("name") or "").strip().lower()


async def open_card(page: Page, opener: dict) -> tuple[str, dict | None]:
    """Click one opener and read what appeared: ('card', what), ('navigated', None) or ('nothing', None)."""
    url_before = page_key(page.url)
    await page.evaluate(CARDS_JS, {"mode": "before"})
    try:
        await page.locator(f"[data-safehaven-card='{opener['mark']}']").first.click(timeout=3000)
    except PlaywrightError:
        return "nothing", None
    await quiet(page, 2500, quiet_ms=150)  # a card that fetches its member first, then renders
    if page_key(page.url) != url_before:
        return "navigated", None
    try:
        seen = await page.evaluate(CARDS_JS, {"mode": "after"})
    except PlaywrightError:  # the page went away (a navigation the URL did not show yet)
        return "navigated", None
    if not seen or not (seen.get("text") or seen.get("controls")) or seen.get("share", 0) > MAX_SHARE:
        return "nothing", None
    return "card", seen


async def close_card(page: Page) -> None:
    """Escape, as a visitor closes a card before clicking the next name."""
    try:
        await page.keyboard.press("Escape")
        await quiet(page, 800, quiet_ms=100)
    except PlaywrightError:
        pass


def card_items(context: ProbeContext, limit: int = CARD_ITEMS) -> list[str]:
    """Item pages to open cards on: one of each URL pattern first (topics and profiles both), then in visit order."""
    items = list(context.item_urls[:50])
    first, rest, seen = [], [], set()
    for url in items:
        shape = item_template(url) or url
        (rest if shape in seen else first).append(url)
        seen.add(shape)
    return (first + rest)[:limit]


async def user_cards(context: ProbeContext, ctx, urls: list[str], shoot) -> list[Popover]:
    """Open at most one card per item page (a different author each time), on the pages in `urls`.

    `shoot(page, box, name)` saves a viewport screenshot and returns (path, box in it)."""
    cards: list[Popover] = []
    authors: set[str] = set()
    links_navigate = False
    empty = 0  # item pages in a row with no name or avatar to click: a platform without cards stops at two
    for n, url in enumerate(urls):
        if empty >= 2:
            break
        page = await ctx.new_page()
        try:
            card, navigated, tried = await bounded(
                _on_page(context, ctx, page, url, n, authors, links_navigate, shoot), PAGE_SECONDS, "a user card")
            links_navigate = links_navigate or navigated
            empty = 0 if tried else empty + 1
            if card is not None:
                cards.append(card)
                authors.add(card.author)
        except PlaywrightError as exc:
            log.info("no user card on %s: %s", url, exc)
        finally:
            await page.close()
    return cards


async def _on_page(context: ProbeContext, ctx, page: Page, url: str, n: int, authors: set[str], links_navigate: bool,
                   shoot) -> tuple[Popover | None, bool, bool]:
    """(the card opened or None, whether a profile link navigated, whether there was anything to click)."""
    await context.polite_wait()
    await page.goto(url, wait_until="domcontentloaded")
    await settle(page, context.revisit_settle_ms)
    await context.pass_gate_again(page)
    found = await find_openers(page)
    openers = [o for o in found if author_of(o) not in authors and not (o["kind"] == "link" and links_navigate)]
    guard = guard_of(ctx)
    for opener in openers[:CLICKS_PER_PAGE]:
        mark = guard.mark()
        guard.note_action(f"author '{opener.get('name', '')[:80]}' on {url} (to open a user card)")
        outcome, seen = await open_card(page, opener)
        if outcome == "navigated":
            return None, opener["kind"] == "link", True
        if outcome != "card" or seen is None:
            continue
        seen = clean_data(seen)
        card = Popover(item_url=url, author=author_of(opener)[:120], role=(seen.get("role") or "")[:40],
                       text=clean_text(seen.get("text") or "").strip()[:4000],
                       opener=ControlSeen(name=opener.get("name", "")[:200], tag=opener.get("tag", ""),
                                          href=opener.get("href"), how="author", in_shadow=bool(opener.get("in_shadow")),
                                          box=Box.model_validate(opener["box"]) if opener.get("box") else None),
                       controls=[Element.model_validate(c) for c in seen.get("controls") or []],
                       refused_writes=[w.line() for w in guard.caused(mark)])
        card.screenshot, card.box_in_shot = await shoot(page, seen.get("box"), f"{n:02d}-card")
        await close_card(page)
        return card, False, True
    return None, False, bool(found)
