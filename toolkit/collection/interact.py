"""Reading a page and acting in it: the helpers the crawl and the probes share.

- `page_inventory` runs extract.js in a page and its same-site frames (elements, forms, text);
- `find_controls` runs find_controls.js: controls by accessible name, text, title, aria-label or icon
  class, open shadow roots included, each marked so that it can be clicked again;
- `menu_triggers` and `click_mark` find and open menus ("⋯", "More", aria-haspopup);
- `visible_forms` and `state_after_click` tell what a click opened (a report form, a login wall);
- `item_template` says which item URLs are siblings (/ads/12, /ads/13: host/ads/{id}); `name_template` does the
  same for links named by a handle or short slug (/m/robin.k, /rooms/climbing: host/m/{name}).

Nothing here submits anything: every context carries the write guard (guard.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Frame, Page

from checks import lexicon
from safehaven.models import Box, ControlSeen, Element, Form
from safehaven.textsafe import clean_data
from safehaven.urls import page_key, route_fragment, route_split, site_of
from toolkit.collection.browser import bounded, quiet, short_error
from toolkit.collection.guard import acting_link

log = logging.getLogger("safehaven.interact")

JS_DIR = Path(__file__).with_name("js")
EXTRACT_JS = (JS_DIR / "extract.js").read_text("utf-8")
FIND_JS = (JS_DIR / "find_controls.js").read_text("utf-8")
SITE_WIDE = ("footer", "nav", "header")  # regions whose controls belong to the whole site, not to one item
PAGINATION = {"page", "pagina", "pg", "start", "offset", "pagenum", "paged", "from", "skip", "limit", "per_page"}


# ---------------------------------------------------------------------- item URLs


PAGE_SUFFIX = re.compile(r"\.(?:html?|php\d?|aspx?|jsp)$", re.I)


def item_template(url: str) -> str:
    """The pattern an item URL shares with its siblings, or '' when the URL has no ID or name slug in it.

    /companion/12?x=1 -> 'host/companion/{id}'; /ads/red-bike-for-sale/ -> 'host/ads/{slug}' (a name slug of
    three or more words); /show.php?ann=12&f=3 -> 'host/show.php?ann={id}&f=3' (an ID in the query).
    """
    parts = route_split(url)  # a hash route (/#/u/ann) is the path of the view it shows
    segs = [s for s in parts.path.split("/") if s]
    if len(segs) >= 2 and segs[-2].lower() in PAGINATION:
        return ""
    if len(segs) >= 2 and re.search(r"\d", segs[-1]):
        return f"{parts.netloc}/{'/'.join(segs[:-1])}/{{id}}"
    if len(segs) >= 2 and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+){2,}", PAGE_SUFFIX.sub("", segs[-1].lower())):
        return f"{parts.netloc}/{'/'.join(segs[:-1])}/{{slug}}"  # /ads/red-bike-for-sale/ and .../red-bike-for-sale.html
    query = parse_qsl(parts.query)
    ids = [k for k, v in query if v.isdigit() and k.lower() not in PAGINATION]
    if segs and ids:
        key = ids[-1]  # the last numeric key names the item (forum=3&topic=12 -> topic)
        shape = "&".join(f"{k}={{id}}" if k == key else f"{k}=" + (v if not v.isdigit() else "{n}") for k, v in query)
        return f"{parts.netloc}/{'/'.join(segs)}?{shape}"
    return ""


# A handle or a short name slug as the last path segment: robin.k, ayesha_m, @jonno, book-club, climbing
NAME_SEGMENT = re.compile(r"@?[a-z][a-z0-9._]{1,39}|[a-z0-9]+(?:-[a-z0-9]+){1,2}", re.I)


def name_template(url: str) -> str:
    """The pattern of a link to something named by a handle or a short slug rather than an ID: /m/robin.k and
    /m/ayesha_m -> 'host/m/{name}', /rooms/book-club -> 'host/rooms/{name}', /@jonno -> 'host/@{name}'; '' otherwise.

    Such a URL alone says nothing (/about/team looks the same), so only the crawl's sibling rule uses this: many
    links of one pattern in a page's body, where `item_template` finds no ID.
    """
    parts = route_split(url)  # a hash route (/#/u/ann) is the path of the view it shows
    segs = [s for s in parts.path.split("/") if s]
    if parts.query or not segs or len(segs) > 2 or item_template(url):
        return ""
    if len(segs) == 1:
        return f"{parts.netloc}/@{{name}}" if segs[0].startswith("@") and NAME_SEGMENT.fullmatch(segs[0]) else ""
    if segs[0].lower() in PAGINATION or not NAME_SEGMENT.fullmatch(segs[1]):
        return ""
    return f"{parts.netloc}/{segs[0]}/{{name}}"


# ---------------------------------------------------------------------- reading a page


@dataclass
class PageInventory:
    """What extract.js saw in a page and its same-site frames."""

    data: dict
    elements: list[Element]
    forms: list[Form]
    text: str
    frames: list[str]


async def page_inventory(page: Page, site: str, scrub_fn: Callable[[str], str] | None = None,
                         timeout: float = 20.0) -> PageInventory:
    """Run extract.js in the page and in every same-site frame (elements of a frame carry its URL).

    Every string is made valid text (and secrets scrubbed by `scrub_fn`) before it becomes a model.
    """
    data = await bounded(page.evaluate(EXTRACT_JS), timeout, "reading the page")
    data = _clean_tree(data, scrub_fn)
    elements = [Element.model_validate(e) for e in data["elements"]]
    forms = [Form.model_validate(f) for f in data["forms"]]
    texts = [data["text"]]
    frames = []
    for frame in page.frames[1:]:
        frames.append(frame.url)
        if frame.url and site_of(frame.url) == site:
            sub = await _frame_inventory(frame, timeout)
            if sub:
                sub = _clean_tree(sub, scrub_fn)
                elements += [Element.model_validate({**e, "frame": frame.url}) for e in sub["elements"]]
                forms += [Form.model_validate({**f, "frame": frame.url}) for f in sub["forms"]]
                texts.append(sub["text"])
    frames += [f["src"] for f in data["iframes"] if f["src"] and f["src"] not in frames]
    return PageInventory(data, elements, forms, "\n".join(texts), frames)


def map_strings(value, fn: Callable[[str], str]):
    """`value` (nested dicts and lists) with `fn` applied to every string in it."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {k: map_strings(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [map_strings(v, fn) for v in value]
    return value


def _clean_tree(data, scrub_fn: Callable[[str], str] | None):
    data = clean_data(data)
    if scrub_fn is None:
        return data
    return map_strings(data, scrub_fn)


async def _frame_inventory(frame: Frame, timeout: float = 20.0) -> dict | None:
    try:
        return await bounded(frame.evaluate(EXTRACT_JS), timeout, "reading a frame")
    except PlaywrightError as exc:
        log.info("frame %s not read: %s", frame.url, short_error(exc))
        return None


# ---------------------------------------------------------------------- controls and menus


async def find_controls(page: Page, pattern: str, tag: str, visible_only: bool, icon: str | None = None,
                        cue: str | None = None) -> list[dict]:
    """Controls whose name (text, aria-label, title) matches `pattern`, or whose icon class matches `icon`.

    Each is a dict from find_controls.js: mark, name, tag (the element's), href, visible, how ('name' or
    'icon', or 'cue': a short link in a line that `cue` matches), in_shadow, region, in_form, prose, haspopup,
    expanded, box. `mark` is the data-safehaven-mark
    attribute the element now carries ("<tag>-<n>", `tag` being this call's argument), by which it is
    clicked again. Returns [] when the page cannot be read.
    """
    try:
        return await page.evaluate(FIND_JS, {"pattern": pattern, "icon": icon, "cue": cue, "tag": tag,
                                             "visibleOnly": visible_only})
    except PlaywrightError:
        return []


def control_seen(c: dict) -> ControlSeen:
    """The model of a control `find_controls` found, as a probe records it."""
    return ControlSeen(name=c.get("name", ""), tag=c.get("tag", ""), href=c.get("href"), how=c.get("how", ""),
                       in_shadow=bool(c.get("in_shadow")), visible=bool(c.get("visible")), region=c.get("region"),
                       box=Box.model_validate(c["box"]) if c.get("box") else None)


async def menu_triggers(page: Page, submenu: bool = False) -> list[dict]:
    """Visible controls that open a menu: named like one, or announcing a popup (submenus: also 'safety', 'report…')."""
    pattern = lexicon.pattern("report", "submenu" if submenu else "menu").pattern
    named = [m for m in await find_controls(page, pattern, "sub" if submenu else "menu", True) if not _titled_link(m)]
    popups = [m for m in await find_controls(page, r".", "popup", True) if m.get("haspopup")]
    seen, out = set(), []
    for m in named + popups:
        if m["name"] + m.get("tag", "") not in seen and m.get("region") not in SITE_WIDE:
            seen.add(m["name"] + m.get("tag", ""))
            out.append(m)
    return out


def _titled_link(control: dict) -> bool:
    """A link to another page named like a title ("Man 45 zoekt vrouw voor vriendschap en misschien meer" under
    "more like this"): a menu's word inside it does not make it a menu."""
    href = control.get("href") or ""
    to_page = control.get("tag") == "a" and href and not href.startswith("javascript:") \
        and ("#" not in href or bool(route_fragment(href)))
    return bool(to_page) and len((control.get("name") or "").split()) > 3


# The nearest shown ancestor of a control that is hidden until its item is pointed at or focused (a chat message's
# toolbar, a card's action row): at most four levels up, across an open shadow root's host.
HOVER_HOST_JS = """(el) => {
  const shown = (n) => {
    const r = n.getBoundingClientRect(), s = getComputedStyle(n);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const up = (n) => n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
  let n = up(el);
  for (let depth = 0; n && depth < 4 && n !== document.body; depth++, n = up(n)) {
    if (shown(n)) return n;
  }
  return null;
}"""


async def reveal_by_pointing(page: Page, control: dict) -> bool:
    """Point at (then focus) the item around a control hidden until then, as a visitor's mouse or Tab key would;
    True when the control shows. Neither is a click."""
    loc = page.locator(f"[data-safehaven-mark='{control['mark']}']").first
    try:
        host = (await loc.evaluate_handle(HOVER_HOST_JS, timeout=2000)).as_element()
        if host is None:
            return False
        await host.hover(timeout=2000)
        if await loc.is_visible():
            return True
        await host.evaluate("(n) => { if (!n.hasAttribute('tabindex') && n.tabIndex < 0) return; n.focus(); }")
        return await loc.is_visible()
    except PlaywrightError:
        return False


async def click_mark(page: Page, control: dict) -> bool:
    """Click a control `find_controls` marked and wait until the page is quiet; False when it could not be clicked."""
    try:
        await page.locator(f"[data-safehaven-mark='{control['mark']}']").first.click(timeout=3000)
    except PlaywrightError:
        return False
    await quiet(page, 1500, quiet_ms=120)  # a menu opening, a dialog rendering
    return True


# ---------------------------------------------------------------------- what a click opened


def form_signature(form: Form) -> str:
    """A form's name and field names: the same form seen before and after a click has the same signature."""
    return form.name + "|" + ",".join(f.name or f.label for f in form.fields)


async def visible_forms(page: Page, site: str) -> set[str]:
    """Signatures of the forms visible now (to tell what a click opened from what was already there)."""
    inv = await page_inventory(page, site)
    return {form_signature(f) for f in inv.forms if any(x.visible for x in f.fields)}


# Is the control, in view, covered at its centre by another element (an overlay that stays)?
COVERED_JS = """(e) => {
  const r = e.getBoundingClientRect();
  if (!r.width || !r.height) return false;
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
  const hit = e.getRootNode().elementFromPoint ? e.getRootNode().elementFromPoint(x, y) : document.elementFromPoint(x, y);
  return !!hit && !(hit === e || e.contains(hit) || hit.contains(e));
}"""


async def activate(page: Page, control: dict) -> None:
    """Follow a control the way a visitor would: a link in the same tab (target=_blank included), else a click.

    Used by the report and the contact probe alike; what a click tries to send, the write guard refuses.
    """
    href = control.get("href") or ""
    # A link that acts ("?action=mark&as=spam" on a pretty-URL ad page) is clicked like the same script's link below,
    # so the refusal is recorded as this click's, not as a navigation that failed.
    if href and not href.startswith(("javascript:", "#")) and urlsplit(href).path != urlsplit(page.url).path \
            and not acting_link(urljoin(page.url, href)):
        await page.goto(href, wait_until="domcontentloaded")
        return
    loc = page.locator(f"[data-safehaven-mark='{control['mark']}']").first
    if href and not href.startswith(("javascript:", "#")) and page_key(href) != page_key(page.url):
        # The same script with another query (index.php?action=reporttm;msg=4 on index.php?topic=3.0): a click that
        # navigates; wait for the new page before anyone reads it (a script may also keep it on this page: a modal).
        try:
            async with page.expect_navigation(wait_until="domcontentloaded", timeout=5000):
                await _click(loc)
        except PlaywrightError:  # no navigation within 5 s (a script kept the page), or it was interrupted
            pass
        return
    await _click(loc)


async def _click(loc) -> None:
    try:
        covered = await loc.evaluate(COVERED_JS, timeout=2000)
    except PlaywrightError:
        covered = False
    if not covered:
        try:
            await loc.click(timeout=4000)
            return
        except PlaywrightError:
            pass
    # Covered by something that stays (a gate that could not be passed, an overlay), or not clickable in time:
    # the click event itself, at once, instead of waiting for the control to become clickable.
    await loc.dispatch_event("click")


async def state_after_click(page: Page, site: str, before: set[str] | None = None, before_url: str = "") -> str:
    """After a click: 'form' (a report form opened), 'login' (a login wall) or 'other'.

    Only forms that were not visible before the click count, so a login box in the page header
    is not mistaken for a login wall in front of the report form.
    """
    inv = await page_inventory(page, site)
    before = before or set()
    new = [f for f in inv.forms if any(x.visible for x in f.fields) and form_signature(f) not in before]
    if any(is_report_form(f) for f in new):
        return "form"
    navigated = page_key(page.url) != page_key(before_url)
    if any(is_login_form(f) for f in new) or (navigated and _login_words(inv.text, page.url)):
        return "login"
    return "other"


def is_login_form(form: Form) -> bool:
    """A form with a visible password field."""
    return any(f.type == "password" and f.visible for f in form.fields)


def is_report_form(form: Form) -> bool:
    """A visible form that asks something of substance (a text area, a choice), not a login or a search box."""
    visible = [f for f in form.fields if f.visible or f.type == "hidden"]
    if not any(f.visible for f in visible) or is_login_form(form):
        return False
    if len([f for f in visible if f.visible]) == 1 and re.search(r"search|zoek|q\b", visible[0].name + visible[0].label, re.I):
        return False
    substantive = any(f.tag in ("textarea", "select") or f.type in ("radio", "checkbox") for f in visible)
    return substantive


def _login_words(text: str, url: str) -> bool:
    path = " ".join(re.split(r"[/_.\-?=&]+", route_split(url).path))
    return lexicon.has(path, "roles", "login") or (lexicon.has(text[:3000], "report", "login_wall") and len(text) < 4000)


# Sections a page draws only when the visitor scrolls near them (an IntersectionObserver on the bottom of an item page:
# the seller box, the safety notice, the report button): scroll to the bottom once, give the observers two frames
# and a moment, and scroll back. True when the page changed (more elements, or a new height).
REVEAL_LAZY_JS = """async () => {
  const root = document.documentElement;
  if (!root) return false;
  const h0 = root.scrollHeight, n0 = document.getElementsByTagName('*').length;
  if (h0 <= window.innerHeight + 40) return false;
  const x0 = window.scrollX, y0 = window.scrollY;
  window.scrollTo(0, h0);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise(r => setTimeout(r, 120));
  const changed = document.getElementsByTagName('*').length !== n0 || root.scrollHeight !== h0;
  window.scrollTo(x0, y0);
  return changed;
}"""


async def reveal_lazy_sections(page: Page, wait_ms: int = 1200) -> bool:
    """Scroll to the bottom of the page and back so that sections drawn on scrolling are in the DOM; when something
    appeared, wait (at most `wait_ms`) until the page is quiet. Never clicks, never submits."""
    try:
        changed = bool(await bounded(page.evaluate(REVEAL_LAZY_JS), 5, "scrolling the page"))
    except (PlaywrightError, TimeoutError) as exc:
        log.info("could not scroll %s: %s", page.url[:120], short_error(exc))
        return False
    if changed:
        await quiet(page, wait_ms, quiet_ms=250)
    return changed
