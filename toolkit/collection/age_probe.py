"""The age-gate probe: what a fresh browser meets on the start page and on a deep link to an item.

For each entry it records whether a gate stands (modal, interstitial page, redirect), what it asks
(button, checkbox, date of birth, document, provider), and whether content is already loaded under
it. After passing the gate once, it records the cookies and storage keys the gate set and tries each
forgeable one by hand in a fresh context to see whether it unlocks the content.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from playwright.async_api import BrowserContext, Page
from playwright.async_api import Error as PlaywrightError

from checks import lexicon
from safehaven.models import AgeGateProbe, Box, GateObservation, PageRecord
from toolkit.collection.browser import quiet, settle
from toolkit.collection.context import ProbeContext
from toolkit.collection.interact import SITE_WIDE, item_template

log = logging.getLogger("safehaven.age_probe")

GATE_JS = (Path(__file__).with_name("js") / "gate.js").read_text("utf-8")
ADULT_DOB = ("1990", "01", "15")
FORGEABLE_VALUE = re.compile(
    r"^(1|0|true|false|yes|no|y|ok|okay|ja|accepted|verified|adult|confirmed|18\+?|\d{1,3}|"
    r"\d{4}-\d{2}-\d{2}(t[\d:.z+-]*)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{10,13})$",
    re.I,
)


def gate_patterns() -> dict[str, str]:
    """The lexicon patterns gate.js needs, as JavaScript-compatible regex sources."""
    out = {key: lexicon.pattern("age", key).pattern for key in ("gate", "enter", "leave", "dob", "document")}
    out["method"] = "|".join(lexicon.pattern("age", key).pattern for key in
                             ("method_estimation", "method_live", "method_eid", "method_id_document"))
    out["step"] = lexicon.pattern("age", "verify_step").pattern
    return out


async def detect_gate(page: Page) -> dict:
    """Run gate.js on a page; {} when the page cannot be read."""
    try:
        return await page.evaluate(GATE_JS, gate_patterns())
    except PlaywrightError as exc:
        log.info("gate detection failed on %s: %s", page.url, exc)
        return {}


async def pass_gate(page: Page) -> str:
    """Pass a detected gate as an adult visitor would; returns how ('' when it could not).

    What passing tries to send (a gate that posts a form) is refused by the context's write guard and
    recorded as the audit's own step, so no probe takes it for something a control it clicks later sent."""
    guard = getattr(page.context, "guard", None)
    with guard.step("passing the age gate") if guard else contextlib.nullcontext():
        return await _pass_gate(page)


async def _pass_gate(page: Page) -> str:
    how = []
    dob_fields = page.locator("[data-safehaven-dob]")
    for i in range(await dob_fields.count()):
        field = dob_fields.nth(i)
        try:
            await _fill_date(field)
            how.append("date of birth")
        except PlaywrightError:
            continue
    boxes = page.locator("[data-safehaven-check]")
    for i in range(await boxes.count()):
        try:
            await boxes.nth(i).check(timeout=2000)
            how.append("checkbox")
        except PlaywrightError:
            continue
    enter = page.locator("[data-safehaven-enter]")
    if await enter.count():
        try:
            await enter.first.click(timeout=4000)
            how.append("button")
        except PlaywrightError:
            pass
    if not how:
        return ""
    try:
        await page.wait_for_load_state("load", timeout=6000)
    except PlaywrightError:
        pass
    await quiet(page, 1500)
    return " + ".join(dict.fromkeys(how))


async def _fill_date(field) -> None:
    tag = await field.evaluate("(e) => e.tagName.toLowerCase() + ':' + (e.type || '') + ':' + "
                               "(e.name || '') + ' ' + (e.getAttribute('placeholder') || '') + ' ' + (e.id || '')")
    year, month, day = ADULT_DOB
    low = tag.lower()
    if low.startswith("select"):
        options = await field.evaluate("(e) => Array.from(e.options).map(o => o.value)")
        want = year if re.search(r"year|jaar|yyyy|jjjj", low) else month if re.search(r"month|maand|mm", low) else day
        pick = next((o for o in options if o.lstrip("0") == want.lstrip("0")), options[-1] if options else None)
        if pick is not None:
            await field.select_option(pick, timeout=2000)
        return
    if ":date:" in low:
        await field.fill(f"{year}-{month}-{day}", timeout=2000)
    elif re.search(r"year|jaar|yyyy|jjjj", low):
        await field.fill(year, timeout=2000)
    elif re.search(r"month|maand|\bmm\b", low):
        await field.fill(month, timeout=2000)
    elif re.search(r"day|dag|\bdd\b", low):
        await field.fill(day, timeout=2000)
    else:
        await field.fill(f"{day}-{month}-{year}", timeout=2000)


async def probe_age_gate(context: ProbeContext) -> AgeGateProbe:
    """Fresh-context visits of the start page and of up to two item pages, then the bypass test."""
    probe = AgeGateProbe()
    # The link as it was followed: when the gate comes back on every visit, the crawl's final URL of
    # an item is the gate page itself.
    items = [p for p in context.pages if p.ok and p.role == "item"][:2]
    deep_links = [p.url if _path_of(p.final_url or p.url) != _path_of(p.url) else (p.final_url or p.url)
                  for p in items] or [p.final_url or p.url for p in context.pages
                                      if p.ok and p.role in ("listing", "other")][:1]
    entries = [("start", context.start_url)] + [("deep_link", u) for u in deep_links]
    under: dict[str, list[str]] = {}
    for n, (entry, url) in enumerate(entries):
        probe.observations.append(await _observe(context, url, entry, n, under))

    gated = [o for o in probe.observations if o.gate]
    past_gate: list[str] | None = None
    if not gated and (section := _adult_section(context)):
        # No gate at the entrance, but a section of the site has its own click-through (the adult rubric of a
        # general marketplace): the gate stands before that section, so its items are the deep links to try.
        # A section whose page redirected the crawl to a gate page is observed at its own address (the gate meets
        # the visitor there); one that shows its gate in place, where the crawl found it.
        section_url = section.url if _path_of(section.final_url or section.url) != _path_of(section.url) \
            else (section.final_url or section.url)
        obs = await _observe(context, section_url, "section", len(entries), under)
        probe.observations.append(obs)
        if obs.gate:
            inside = _section_items(context, section)[:2]
            for n, url in enumerate(inside, start=len(entries) + 1):
                probe.observations.append(await _observe(context, url, "section_item", n, under))
            gated, deep_links = [obs], [obs.url]  # flags are replayed where the gate stands
            # The crawl never read the section past its gate: its items are read where passing the gate leads.
            past_gate = None if inside else []
    if gated and deep_links:
        after = await _try_bypass(context, probe, gated[0].url, deep_links[0], past_gate)
        if past_gate:
            start = len(probe.observations)
            for n, url in enumerate(_item_shaped(context, past_gate)[:2], start=start):
                probe.observations.append(await _observe(context, url, "section_item", n, under))
        for obs in gated:
            # The deep link's own content, read after the gate was passed, already stood under the overlay.
            if obs.entry == "deep_link" and obs.url == deep_links[0] and obs.kind == "modal" and after:
                obs.content_under_overlay = obs.content_under_overlay or content_already_there(
                    under.get(obs.url, []), after)
        if not probe.passed_gate and not probe.error:
            await _try_script_flags(context, probe, gated[0].url, deep_links[0])
    return probe


def _adult_section(context: ProbeContext) -> PageRecord | None:
    """A page the crawl read (not the start page) whose own button says the visitor is an adult ("Ja, ik ben 18+",
    "I am 18 or older, enter"): the entrance of an age-restricted section."""
    gate, enter = lexicon.pattern("age", "gate"), lexicon.pattern("age", "enter")
    start = _path_of(context.start_url)
    pages = [p for p in context.pages if p.ok and p.role not in ("start", "item", "signup", "login", "policy", "help")
             and not (_path_of(p.final_url or p.url) == start and not urlsplit(p.final_url or p.url).query)]
    for page in pages:
        if any((e.tag == "button" or e.role == "button") and gate.search(e.name or "") and enter.search(e.name or "")
               for e in page.elements):
            return page
    # A gate page whose way in is a link ("Ik ben 18 jaar of ouder"), outside the site's header, menu and footer. A
    # link named after an adult rubric ("Erotiek 18+") only names it: its "18+" does not say the visitor is an adult.
    for page in pages:
        if any(e.tag == "a" and e.region not in SITE_WIDE and gate.search(e.name or "")
               and enter.search(_EIGHTEEN_PLUS.sub(" ", e.name or "")) for e in page.elements):
            return page
    return None


_EIGHTEEN_PLUS = re.compile(r"\b18\s*\+")


# The links of a page outside its header, navigation and footer (the listing a gate leads to).
CONTENT_LINKS_JS = """() => Array.from(document.querySelectorAll('a[href]'))
  .filter((a) => !a.closest('header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]'))
  .map((a) => a.href).slice(0, 200)"""


def _item_shaped(context: ProbeContext, links: list[str]) -> list[str]:
    """The links that are item pages the crawl knows, or shaped like them."""
    items = set(context.item_urls)
    shapes = {item_template(u) for u in items} - {""}
    return list(dict.fromkeys(u for u in links if u in items or item_template(u) in shapes))


def _section_items(context: ProbeContext, section: PageRecord) -> list[str]:
    """The item pages the section page links to, in the order it lists them. When the section's address led the crawl
    to a gate page, its items are those of the section as the crawl read it once past the gate (the page whose final
    address is the section's own), and links shaped like the platform's item pages count too."""
    own = _path_of(section.url)
    pages = [section] + [p for p in context.pages if p.ok and p is not section
                         and _path_of(p.final_url or p.url) == own and _path_of(section.final_url or section.url) != own]
    links = [e.href for p in pages for e in p.elements if e.tag == "a" and e.href and e.region not in SITE_WIDE]
    return _item_shaped(context, links)


async def _observe(context: ProbeContext, url: str, entry: str, n: int,
                   under: dict[str, list[str]]) -> GateObservation:
    ctx, _ = await context.fresh_context()
    obs = GateObservation(url=url, entry=entry)
    try:
        page = await ctx.new_page()
        await context.polite_wait()
        await page.goto(url, wait_until="domcontentloaded")
        await settle(page, context.settle_ms)
        found = await _gate_past_consent(page, context.settle_ms)
        obs.final_url = page.url
        redirected = _path_of(page.url) != _path_of(url)
        if found.get("gate"):
            # A provider counts only when the gate itself uses it (catalogue AGE-02).
            in_gate = " ".join([found["text"], *found["controls"]])
            page_wide = await _providers(page) if found["kind"] != "modal" or redirected else []
            obs.providers = list(dict.fromkeys(lexicon.providers_in(in_gate) + page_wide))
            obs.gate = True
            obs.kind = "redirect" if redirected else found["kind"]
            obs.methods = list(found["methods"])
            obs.text = found["text"][:1200]
            obs.controls = list(found["controls"])
            if found.get("box"):
                obs.box = Box.model_validate(found["box"])
            if obs.kind == "modal":
                obs.content_under_overlay = found["content_chars"] > 400 or found["outside_links"] >= 8
                under[url] = list(found.get("outside_lines", []))
            elif obs.kind == "redirect":
                obs.content_under_overlay = await _content_behind_redirect(ctx, url)
            if obs.providers and "provider" not in obs.methods:
                obs.methods.append("provider")
            obs.foreign = await _foreign_sources(page)
        shot = await page.screenshot(type="jpeg", quality=70)
        obs.screenshot = context.save_evidence(f"probes/age_gate/{n:02d}-{entry}.jpg", shot)
    except PlaywrightError as exc:
        obs.error = str(exc).splitlines()[0][:300]
    finally:
        await ctx.close()
    return obs


async def _gate_past_consent(page: Page, settle_ms: int) -> dict:
    """What detect_gate finds, after accepting a consent wall when that is all the page shows (a full page,
    "Akkoord"): a visitor accepts it first, then meets the age gate, if any."""
    found = await detect_gate(page)
    if not found.get("gate") and await dismiss_cookie_banner(page) is not None:
        await settle(page, settle_ms)
        found = await detect_gate(page)
    return found


async def _content_behind_redirect(ctx: BrowserContext, url: str) -> bool:
    """Did the server send the content itself before a script sent the visitor to the gate?

    Asks once more for the URL, without following redirects, as a browser without scripts would.
    """
    try:
        response = await ctx.request.get(url, max_redirects=0, timeout=15000)
        if not 200 <= response.status < 300:
            return False  # a server-side redirect sends no content
        return _content_in_html(await response.text())
    except PlaywrightError:
        return False


def _content_in_html(html: str) -> bool:
    """Does the HTML carry content: text outside header, navigation, footer and cookie banner?"""
    soup = BeautifulSoup(html, "lxml")
    for el in soup.find_all(["script", "style", "noscript", "template", "header", "nav", "footer"]):
        el.decompose()
    for el in soup.find_all(attrs={"role": ["banner", "navigation", "contentinfo"]}):
        el.decompose()
    for el in soup.find_all(True):
        if el.decomposed:
            continue
        idc = f"{el.get('id', '')} {' '.join(el.get('class') or [])} {el.get('aria-label', '')}"
        if COOKIE_BANNER.search(idc):
            el.decompose()
    return len(" ".join(soup.get_text(" ").split())) > 600


COOKIE_BANNER = re.compile(r"cookie|consent|gdpr|cmp-|onetrust|didomi", re.I)


async def _foreign_sources(page: Page) -> list[str]:
    """Frames and scripts of another origin on the gate page (a verification step another party runs)."""
    try:
        urls = await page.evaluate(
            "() => [...Array.from(document.querySelectorAll('iframe')).map(f => f.src),"
            " ...Array.from(document.scripts).map(s => s.src)].filter(Boolean)")
    except PlaywrightError:
        return []
    own = _origin(page.url)
    return list(dict.fromkeys(u[:300] for u in urls if u.startswith("http") and _origin(u) != own))[:10]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port or ''}"


async def _providers(page: Page) -> list[str]:
    """Verification providers named in scripts, iframes or the page text."""
    try:
        sources = await page.evaluate(
            "() => [...Array.from(document.scripts).map(s => s.src), ...Array.from(document.querySelectorAll('iframe'))"
            ".map(f => f.src + ' ' + (f.title || '')), ...performance.getEntriesByType('resource').map(r => r.name),"
            " document.body ? document.body.innerText.slice(0, 20000) : '']")
    except PlaywrightError:
        return []
    return lexicon.providers_in(" ".join(sources))


def content_already_there(under: list[str], after: list[str]) -> bool:
    """Was a page's content (its text after the gate, outside header, navigation and footer) already under the gate?

    True when most of it (60%, and at least 60 characters) stood as the same lines under the overlay: a short
    item page (a profile with a few lines) is content too, though it stays below the size threshold."""
    seen = {" ".join(t.split()).lower() for t in under}
    lines = [t for t in dict.fromkeys(" ".join(t.split()).lower() for t in after) if len(t) >= 3]
    total = sum(len(t) for t in lines)
    shared = sum(len(t) for t in lines if t in seen)
    return shared >= 60 and shared >= 0.6 * total


CONTENT_JS = """() => {
  const CHROME = 'header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]';
  const COOKIE = /cookie|consent|gdpr|cmp-|onetrust|didomi/i;
  const out = [];
  if (!document.body) return out;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n && total < 4000; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, noscript, template') || el.closest(CHROME)) continue;
    let c = el, banner = false;
    for (; c && c !== document.body; c = c.parentElement) {
      const idc = (c.id || '') + ' ' + (typeof c.className === 'string' ? c.className : '');
      if (COOKIE.test(idc)) { banner = true; break; }
    }
    if (banner || (el.checkVisibility && !el.checkVisibility({checkVisibilityCSS: true}))) continue;
    const t = (n.nodeValue || '').replace(/\\s+/g, ' ').trim();
    if (t) { out.push(t); total += t.length; }
  }
  return out;
}"""


async def _try_bypass(context: ProbeContext, probe: AgeGateProbe, gate_url: str, deep_link: str,
                      past_gate: list[str] | None = None) -> list[str]:
    """Pass the gate in a fresh context, note what it stored, then replay forgeable values by hand.

    Returns the deep link's text (outside header, navigation and footer) as it reads once the gate is passed,
    or [] when the gate could not be passed or shows again there. With `past_gate`, the links of the page the gate
    leads to once passed (outside header, navigation and footer) are added to it."""
    after: list[str] = []
    ctx, _ = await context.fresh_context()
    try:
        page = await ctx.new_page()
        await page.goto(gate_url, wait_until="domcontentloaded")
        await settle(page, context.settle_ms)
        # the consent wall is accepted before the snapshot: its cookie is not the age gate's flag
        await _gate_past_consent(page, context.settle_ms)
        before_cookies = {c["name"]: c["value"] for c in await ctx.cookies()}
        before_storage = await _storage(page)
        probe.passed_with = await pass_gate(page)
        still = await detect_gate(page)
        probe.passed_gate = bool(probe.passed_with) and not still.get("gate")
        if probe.passed_with and still.get("gate"):
            await _note_step(page, probe, gate_url, still)
        for c in await ctx.cookies():
            if before_cookies.get(c["name"]) != c["value"]:
                probe.cookies_set.append({"name": c["name"], "value": c["value"][:200], "domain": c["domain"],
                                          "path": c["path"], "forgeable": str(_forgeable(c["value"])).lower()})
        after_storage = await _storage(page)
        for key, value in after_storage.items():
            if before_storage.get(key) != value:
                store, name = key.split(":", 1)
                probe.storage_set.append({"store": store, "name": name, "value": value[:200],
                                          "forgeable": str(_forgeable(value)).lower()})
        if probe.passed_gate and past_gate is not None:
            with contextlib.suppress(PlaywrightError):
                past_gate.extend(await page.evaluate(CONTENT_LINKS_JS))
        if probe.passed_gate:
            with contextlib.suppress(PlaywrightError):  # only a comparison for AGE-03; the bypass test goes on
                await context.polite_wait()
                await page.goto(deep_link, wait_until="domcontentloaded")
                await settle(page, context.settle_ms)
                if not (await detect_gate(page)).get("gate"):
                    after = list(await page.evaluate(CONTENT_JS))
    except PlaywrightError as exc:
        probe.error = str(exc).splitlines()[0][:300]
        return after
    finally:
        await ctx.close()
    for flag in [*probe.cookies_set, *probe.storage_set]:
        if flag["forgeable"] == "true":
            flag["unlocks"] = str(await _replay(context, flag, deep_link)).lower()
    return after


async def _note_step(page: Page, probe: AgeGateProbe, gate_url: str, found: dict) -> None:
    """The gate's button started a step that stays (a bank login, a camera): record on the gate's observation the
    frames and scripts of another origin that the step loaded, as evidence that the gate uses them (AGE-02)."""
    obs = next((o for o in probe.observations if o.gate and o.url == gate_url), None)
    if obs is None:
        return
    frames = [c for c in found.get("controls", []) if c.startswith("iframe: ") and c not in obs.controls]
    obs.controls.extend(frames)
    if frames and "frame" not in obs.methods:
        obs.methods.append("frame")
    obs.foreign = list(dict.fromkeys([*obs.foreign, *await _foreign_sources(page)]))[:10]
    named = lexicon.providers_in(" ".join([*frames, found.get("text", "")]))
    obs.providers = list(dict.fromkeys([*obs.providers, *named]))
    if obs.providers and "provider" not in obs.methods:
        obs.methods.append("provider")


async def _storage(page: Page) -> dict[str, str]:
    try:
        return await page.evaluate(
            "() => { const o = {}; for (const [n, s] of [['local', localStorage], ['session', sessionStorage]])"
            " for (let i = 0; i < s.length; i++) { const k = s.key(i); o[n + ':' + k] = String(s.getItem(k)); } return o; }")
    except PlaywrightError:
        return {}


def _forgeable(value: str) -> bool:
    return bool(FORGEABLE_VALUE.match(value.strip().strip('"')))


async def _replay(context: ProbeContext, flag: dict[str, str], url: str) -> bool:
    """Set one flag by hand in a fresh context; True when the deep link then opens without a gate."""
    ctx: BrowserContext
    ctx, _ = await context.fresh_context()
    try:
        if "domain" in flag:
            await ctx.add_cookies([{"name": flag["name"], "value": flag["value"], "domain": flag["domain"],
                                    "path": flag["path"]}])
        else:
            store = "localStorage" if flag["store"] == "local" else "sessionStorage"
            await ctx.add_init_script(
                f"try {{ {store}.setItem({_js_str(flag['name'])}, {_js_str(flag['value'])}); }} catch (e) {{}}")
        page = await ctx.new_page()
        await context.polite_wait()
        await page.goto(url, wait_until="domcontentloaded")
        await settle(page, context.settle_ms)
        # behind a consent wall the age gate would not show yet: accept the wall, then look
        found = await _gate_past_consent(page, context.settle_ms)
        redirected = _path_of(page.url) != _path_of(url)
        return not redirected and not found.get("gate")
    except PlaywrightError:
        return False
    finally:
        await ctx.close()


def _js_str(value: str) -> str:
    return json.dumps(value)


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path.rstrip("/") or "/"


# ------------------------------------------------- flags the gate's own script checks


COOKIE_READ = [
    # document.cookie.includes('age_ok=1'), /(^|;\s*)age_ok=yes/.test(document.cookie), indexOf("x=")
    re.compile(r"""document\.cookie[^;\n]{0,160}?['"`/](?:\(\^\|;\\s\*\)|\^|\\b)?([A-Za-z_][\w\-]{1,40})=([\w\-.:+]{0,40})"""),
    re.compile(r"""([A-Za-z_][\w\-]{1,40})=([\w\-.:+]{0,40})['"`/][^;\n]{0,80}?document\.cookie"""),
    # getCookie('age_ok') === '1', Cookies.get("age_ok")
    re.compile(r"""(?:[gG]et[cC]ookie|Cookies\.get|readCookie|cookie)\(\s*['"`]([\w\-]{2,40})['"`]\s*\)"""
               r"""(?:\s*(?:===?|!==?)\s*['"`]([^'"`]{1,40})['"`])?"""),
]
STORAGE_READ = re.compile(
    r"""(local|session)Storage(?:\.getItem\(\s*['"`]([\w\-:.]{2,60})['"`]\s*\)|\[\s*['"`]([\w\-:.]{2,60})['"`]\s*\]|"""
    r"""\.([A-Za-z_]\w{1,40}))(?:\s*(?:===?|!==?)\s*['"`]?([\w\-.:+]{1,40})['"`]?)?""")
# The key held in a named constant: localStorage.getItem(AGE_KEY) === "1" with const AGE_KEY = "age_ok" (or
# var, let, or an object property AGE_KEY: "age_ok") elsewhere in the script.
STORAGE_READ_NAMED = re.compile(
    r"""(local|session)Storage\.getItem\(\s*([A-Za-z_$][\w$.]{0,60})\s*\)"""
    r"""(?:\s*(?:===?|!==?)\s*['"`]?([\w\-.:+]{1,40})['"`]?)?""")
STORAGE_METHODS = {"getItem", "setItem", "removeItem", "clear", "key", "length"}
DEFAULT_VALUES = ("1", "true", "yes")
MAX_SCRIPT_FLAGS = 6


def flags_in_script(source: str) -> list[dict[str, str]]:
    """Cookie and storage keys a gate script reads, with the value it compares them to ('' when none)."""
    out: dict[tuple[str, str], str] = {}
    for rx in COOKIE_READ:
        for m in rx.finditer(source):
            name, value = m.group(1), (m.group(2) or "")
            if name.lower() in ("path", "expires", "max-age", "domain", "samesite", "secure"):
                continue
            out.setdefault(("cookie", name), value)
            if value and not out[("cookie", name)]:
                out[("cookie", name)] = value
    for m in STORAGE_READ.finditer(source):
        store, name, value = m.group(1), m.group(2) or m.group(3) or m.group(4), m.group(5) or ""
        if not name or name in STORAGE_METHODS:
            continue
        key = (store, name)
        if key not in out or (value and not out[key]):
            out[key] = value if value not in ("null", "undefined") else ""
    for m in STORAGE_READ_NAMED.finditer(source):
        name = _constant(source, m.group(2).rsplit(".", 1)[-1])
        if not name:
            continue
        key, value = (m.group(1), name), m.group(3) or ""
        if key not in out or (value and not out[key]):
            out[key] = value if value not in ("null", "undefined") else ""
    return [{"kind": k, "name": n, "value": v} for (k, n), v in out.items()]


def _constant(source: str, ident: str) -> str:
    """The string a script assigns to a name (`const AGE_KEY = "age_ok"`, `AGE_KEY: 'age_ok'`); '' when none."""
    m = re.search(r"""(?<![\w$.])""" + re.escape(ident) + r"""\s*[:=]\s*['"`]([\w\-:.]{2,60})['"`]""", source)
    return m.group(1) if m else ""


async def _gate_scripts(ctx: BrowserContext, page: Page) -> str:
    """The source of the gate page's scripts: inline ones, and files of the page's own origin."""
    try:
        inline, srcs = await page.evaluate(
            "() => [Array.from(document.scripts).filter(s => !s.src).map(s => s.textContent).join('\\n'),"
            " Array.from(document.scripts).map(s => s.src).filter(Boolean)]")
    except PlaywrightError:
        return ""
    parts = [inline]
    own = _origin(page.url)
    for src in srcs[:8]:
        if _origin(src) != own:
            continue
        try:
            response = await ctx.request.get(src, timeout=10000)
            if response.ok:
                parts.append((await response.text())[:300_000])
        except PlaywrightError:
            continue
    return "\n".join(parts)


async def _try_script_flags(context: ProbeContext, probe: AgeGateProbe, gate_url: str, deep_link: str) -> None:
    """The gate could not be passed (a camera step, a bank login): read which cookie or storage key its own
    script checks, set it by hand in a fresh browser and see whether the content opens."""
    ctx, _ = await context.fresh_context()
    try:
        page = await ctx.new_page()
        await page.goto(gate_url, wait_until="domcontentloaded")
        await settle(page, context.settle_ms)
        source = await _gate_scripts(ctx, page)
    except PlaywrightError as exc:
        log.info("gate scripts of %s could not be read: %s", gate_url, exc)
        return
    finally:
        await ctx.close()
    host = urlsplit(deep_link).hostname or ""
    tried = 0
    for cand in flags_in_script(source):
        values = [cand["value"]] if cand["value"] else list(DEFAULT_VALUES)
        for value in values:
            if tried >= MAX_SCRIPT_FLAGS:
                return
            tried += 1
            if cand["kind"] == "cookie":
                flag = {"name": cand["name"], "value": value, "domain": host, "path": "/"}
            else:
                flag = {"store": cand["kind"], "name": cand["name"], "value": value}
            flag.update(forgeable="true", source="script")
            flag["unlocks"] = str(await _replay(context, flag, deep_link)).lower()
            (probe.cookies_set if "domain" in flag else probe.storage_set).append(flag)
            if flag["unlocks"] == "true":
                return


async def unlock_with_script_flag(page: Page, settle_ms: int) -> dict[str, str] | None:
    """A gate that cannot be passed (a bank login, a camera step) in this page's own context: set the flag its
    own script checks, reload, and keep the flag when the gate is gone (the crawl then reads what the gate hid,
    as anyone who sets the flag would). Returns the flag, or None (every value tried is taken back)."""
    ctx = page.context
    url = page.url
    host = urlsplit(url).hostname or ""
    try:
        source = await _gate_scripts(ctx, page)
    except PlaywrightError:
        return None
    tried = 0
    for cand in flags_in_script(source):
        for value in [cand["value"]] if cand["value"] else list(DEFAULT_VALUES):
            if tried >= MAX_SCRIPT_FLAGS:
                return None
            tried += 1
            flag = {"kind": cand["kind"], "name": cand["name"], "value": value}
            try:
                await _set_flag(page, flag, host)
                await page.goto(url, wait_until="domcontentloaded")
                await settle(page, settle_ms)
                if not (await detect_gate(page)).get("gate"):
                    return flag
                await _set_flag(page, flag, host, remove=True)
            except PlaywrightError as exc:
                log.info("setting %s on %s failed: %s", flag["name"], url, exc)
    return None


async def _set_flag(page: Page, flag: dict[str, str], host: str, remove: bool = False) -> None:
    if flag["kind"] == "cookie":
        cookie = {"name": flag["name"], "value": flag["value"], "domain": host, "path": "/"}
        await page.context.add_cookies([{**cookie, "expires": 1} if remove else cookie])
        return
    store = "localStorage" if flag["kind"] == "local" else "sessionStorage"
    await page.evaluate(f"([k, v, rm]) => {{ try {{ rm ? {store}.removeItem(k) : {store}.setItem(k, v); }} catch (e) {{}} }}",
                        [flag["name"], flag["value"], remove])


async def dismiss_cookie_banner(page: Page) -> str | None:
    """Click the most privacy-friendly button of a visible cookie banner; returns what was clicked."""
    for key in ("reject", "accept"):
        pattern = lexicon.pattern("cookies", key)
        buttons = page.get_by_role("button", name=pattern)
        try:
            count = await buttons.count()
        except PlaywrightError:
            return None
        for i in range(min(count, 5)):
            button = buttons.nth(i)
            try:
                if not await button.is_visible():
                    continue
                container_text = await button.evaluate(
                    "(b) => { let n = b; for (let i = 0; i < 5 && n.parentElement; i++) n = n.parentElement;"
                    " return n.innerText || ''; }")
                if not lexicon.has(container_text, "cookies", "banner"):
                    continue
                name = (await button.inner_text()).strip()
                await button.click(timeout=3000)
                await quiet(page, 1000, quiet_ms=100)
                return name
            except PlaywrightError:
                continue
    return None
