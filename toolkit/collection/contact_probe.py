"""The contact probe: on sampled item pages, logged out, click "show number" and "send message" controls.

It records whether a number appears, a message form opens without an account, or a login is asked.
It never sends: the write guard every context carries (guard.py) refuses every request other than
GET/HEAD/OPTIONS (form posts, fetch, XHR, beacons) and every WebSocket message; the writes a click
tried are recorded with the attempt.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from checks import lexicon
from checks.contact import phone_numbers
from safehaven.models import Box, ContactAttempt, ContactProbe
from safehaven.urls import page_key
from toolkit.collection.browser import guard_of, settle
from toolkit.collection.classify import is_member_profile
from toolkit.collection.context import ProbeContext
from toolkit.collection.interact import (
    SITE_WIDE,
    activate,
    click_mark,
    control_seen,
    find_controls,
    form_signature,
    menu_triggers,
    page_inventory,
    state_after_click,
    visible_forms,
)
from toolkit.collection.usercard import card_items, user_cards

log = logging.getLogger("safehaven.contact_probe")

MAX_ITEMS = 4
MENU_ITEMS = 2  # item pages whose menus are opened to look for block / mute / "who may message me"
MENU_KINDS = ("block", "mute", "who_contacts")
CARDS = "#user-cards"  # the lane job that opens user cards (not an item URL)


async def probe_contact(context: ProbeContext) -> ContactProbe:
    """Click the show-number and message controls of up to MAX_ITEMS item pages in a logged-out context."""
    probe = ContactProbe()
    items = list(context.item_urls[:MAX_ITEMS])
    if not items:
        return probe

    async def attempts(ctx, n: int, url: str | None) -> list:
        if url == CARDS:  # user cards: an author's name or avatar clicked on a few items (usercard.py)
            return await user_cards(context, ctx, card_items(context),
                                    lambda page, box, name: _shot(context, page, {"box": box}, name, scrolled=True))
        if url is None:  # the menus, last: opened on the first items until block and mute both showed, then
            found: list[dict[str, str]] = []  # on a member's profile ("⋯" beside a name), where forums keep them
            for page_url in [*items[:MENU_ITEMS], *member_profiles(context, items)[:1]]:
                if {lexicon_kind(c["name"]) for c in found} >= {"block", "mute"}:
                    break
                found += await _menu_controls(context, ctx, page_url)
            return found
        tried = [await _try(context, ctx, url, kind, n) for kind in ("show_number", "message")]
        return [a for a in tried if a]

    # Items side by side (ProbeContext.in_lanes), each lane in its own logged-out context.
    *tried, probe.menu_controls, probe.popovers = await context.in_lanes([*items, None, CARDS], attempts)
    probe.attempts = [a for part in tried for a in part]
    return probe


async def _try(context: ProbeContext, ctx, url: str, kind: str, n: int) -> ContactAttempt | None:
    page = await ctx.new_page()
    try:
        await context.polite_wait()
        await page.goto(url, wait_until="domcontentloaded")
        await settle(page, context.revisit_settle_ms)
        await context.pass_gate_again(page)  # a gate that comes back on every load stands before the controls
        shared = site_wide_links(context)
        controls = [c for c in await find_controls(page, lexicon.pattern("contact", kind).pattern, kind, True)
                    if c.get("region") not in SITE_WIDE and _link_key(page.url, c.get("href"), c.get("name")) not in shared
                    and not (c.get("href") or "").startswith(
                        ("tel:", "sms:", "mailto:", "https://wa.me", "https://t.me", "https://api.whatsapp"))
                    and not lexicon.has(c.get("name"), "report", "control")
                    # "Post reply" on a forum answers in the open, in the topic: not a message to the poster
                    and not (kind == "message" and lexicon.has(c.get("name"), "contact", "public_reply"))]
        if not controls:
            return None
        control = controls[0]
        attempt = ContactAttempt(item_url=url, kind=kind, control=control_seen(control))
        before = set(phone_numbers(await _text(page)))
        forms_before, url_before = await visible_forms(page, context.site), page.url
        guard = guard_of(ctx)
        mark = guard.mark()
        guard.note_action(f"{kind} control '{control.get('name', '')[:80]}' on {url}")
        await activate(page, control)
        await settle(page, context.revisit_settle_ms)
        attempt.refused_writes = [w.line() for w in guard.caused(mark)]  # what the click tried to send
        attempt.outcome_url = page.url
        state = await state_after_click(page, context.site, forms_before, url_before)
        after = [num for num in phone_numbers(await _text(page)) if num not in before]
        if state == "login":
            attempt.outcome = "login"
        elif kind == "show_number" and after:
            attempt.outcome, attempt.revealed = "revealed", after[:3]
        elif kind == "message" and await _message_form_opened(page, context.site, forms_before):
            attempt.outcome = "form"
        attempt.screenshot, attempt.box_in_shot = await _shot(context, page, control, f"{n:02d}-{kind}")
        return attempt
    except PlaywrightError as exc:
        return ContactAttempt(item_url=url, kind=kind, control=control_seen({"name": "?"}), outcome="error",
                              error=str(exc).splitlines()[0][:300])
    finally:
        await page.close()


def site_wide_links(context: ProbeContext) -> set[tuple[str, str]]:
    """Where the links that the platform's own pages carry everywhere lead: a link found on most pages that are not
    items (the start page, listings, policies) is the site's menu, even in a layout without header, nav or footer
    elements (a table with a row of links on top), and its "Contact us" is the platform's, not the poster's."""
    others = [p for p in context.pages if p.ok and p.role != "item"]
    if len(others) < 3:
        return set()
    counts: dict[tuple[str, str], int] = {}
    for p in others:
        base = p.final_url or p.url
        for key in {_link_key(base, e.href, e.name) for e in p.elements if e.tag == "a" and e.href
                    and not e.href.startswith(("javascript:", "mailto:", "tel:"))}:
            counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n * 2 > len(others)}


def _link_key(base: str, href: str | None, name: str | None) -> tuple[str, str]:
    """A link by where it leads and what it is called: the same words to the same page on every page."""
    return page_key(urljoin(base, href or "")), " ".join((name or "").lower().split())


def member_profiles(context: ProbeContext, items: list[str]) -> list[str]:
    """Member profile pages the crawl read that are not among the items tried (/u/mira, profile.php?id=3)."""
    return [p.final_url or p.url for p in context.pages if p.ok and (p.final_url or p.url) not in items
            and is_member_profile(p.final_url or p.url, p.signals)]


def lexicon_kind(name: str) -> str:
    """Which of block / mute / who_contacts a control's name speaks of ('' for none)."""
    return next((k for k in MENU_KINDS if lexicon.has(name, "contact", k)), "")


async def _menu_controls(context: ProbeContext, ctx, url: str) -> list[dict[str, str]]:
    """Open the menus of an item page ("⋯", "More", aria-haspopup) and note block / mute / who-may-contact controls.

    Only opens menus; never clicks the controls themselves.
    """
    pattern = "|".join(lexicon.pattern("contact", k).pattern for k in MENU_KINDS)
    found: dict[str, dict[str, str]] = {}
    page = await ctx.new_page()
    try:
        await context.polite_wait()
        await page.goto(url, wait_until="domcontentloaded")
        await settle(page, context.revisit_settle_ms)
        before = {c["mark"] for c in await find_controls(page, pattern, "cc", True)}
        for menu in (await menu_triggers(page))[:4]:
            if not await click_mark(page, menu):
                continue
            await page.wait_for_timeout(250)
            for c in await find_controls(page, pattern, "cc", True):
                kind = lexicon_kind(c.get("name", ""))
                if c["mark"] in before or c.get("region") in SITE_WIDE or not kind or kind in found:
                    continue
                found[kind] = {"item_url": url, "menu": menu.get("name") or menu.get("tag", ""),
                               "name": c.get("name", ""), "kind": kind}
            try:
                await page.keyboard.press("Escape")
            except PlaywrightError:
                pass
            if len(found) == len(MENU_KINDS):
                break
    except PlaywrightError as exc:
        log.info("menus on %s could not be opened: %s", url, exc)
    finally:
        await page.close()
    return list(found.values())


async def _text(page: Page) -> str:
    try:
        return await page.evaluate("() => document.body ? document.body.innerText : ''")
    except PlaywrightError:
        return ""


async def _message_form_opened(page: Page, site: str, before: set[str]) -> bool:
    """A form with a text area (or a chat box) that was not there before the click and asks no password."""
    inv = await page_inventory(page, site)
    for form in inv.forms:
        visible = [f for f in form.fields if f.visible]
        if not visible or form_signature(form) in before or any(f.type == "password" for f in visible):
            continue
        if any(f.tag == "textarea" for f in visible) or lexicon.has(" ".join(form.submit_labels), "contact", "message"):
            return True
    return False


async def _shot(context: ProbeContext, page: Page, control: dict, name: str,
                scrolled: bool = False) -> tuple[str | None, Box | None]:
    """A viewport screenshot and the control's box in it (`scrolled`: the box is in viewport coordinates already)."""
    try:
        data = await page.screenshot(type="jpeg", quality=70, full_page=False)
    except PlaywrightError:
        return None, None
    path = context.save_evidence(f"probes/contact/{name}.jpg", data)
    box = control.get("box")
    scroll_y = 0 if scrolled else await page.evaluate("() => window.scrollY")
    return path, (Box(x=box["x"], y=box["y"] - scroll_y, width=box["width"], height=box["height"]) if box else None)
