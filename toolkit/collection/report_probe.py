"""The report probe: on sampled item pages, find the report control and follow it, counting clicks.

It looks for controls by accessible name, text, title, aria-label and icon classes (open shadow
roots included); when none is visible it opens menus ("⋯", "More", kebab icons) and looks again.
It then follows the control until a report form, a mailto, a login wall or nothing, at most four
clicks, and inventories the form. It never submits: the write guard every context carries (guard.py)
refuses every request other than GET/HEAD/OPTIONS and every WebSocket message, and records them.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from checks import lexicon
from checks.report import reads_as_title, report_words
from safehaven.models import MAX_CLICKS, Box, ControlSeen, Form, ReportAttempt, ReportProbe
from safehaven.textsafe import clean_text
from safehaven.urls import page_key
from toolkit.collection.browser import guard_of, quiet, settle
from toolkit.collection.context import ProbeContext
from toolkit.collection.guard import WriteGuard, acting_link
from toolkit.collection.interact import (
    SITE_WIDE,
    activate,
    click_mark,
    control_seen,
    find_controls,
    is_report_form,
    item_template,
    menu_triggers,
    page_inventory,
    reveal_by_pointing,
    reveal_lazy_sections,
    state_after_click,
    visible_forms,
)

log = logging.getLogger("safehaven.report_probe")

MAX_ITEMS = 8  # the probe opens up to this many items; the checks say how many others were not tried


async def probe_reporting(context: ProbeContext) -> ReportProbe:
    """Follow the report control of up to MAX_ITEMS item pages, in one prepared (logged-out) context."""
    probe = ReportProbe()
    items = _sample(context, MAX_ITEMS)
    if not items:
        return probe

    async def attempt(ctx, n: int, url: str) -> ReportAttempt:
        mark = guard_of(ctx).mark()
        tried = await _follow(context, ctx, url, n)
        tried.refused_writes = [w.line() for w in guard_of(ctx).caused(mark)]  # what the clicks tried to send
        return tried

    probe.attempts = await context.in_lanes(items, attempt)  # items side by side, each lane logged out
    walled = [a for a in probe.attempts if a.outcome == "login"]
    if walled and context.login_defined:
        await _behind_the_wall(context, walled)
    return probe


def _sample(context: ProbeContext, limit: int) -> list[str]:
    """Items to open: first one of each URL pattern (ads and profiles both), then the rest in visit order."""
    items = list(context.item_urls[:200])
    pattern = re.compile(control_pattern(), re.I)
    shown = {p.final_url or p.url for p in context.pages
             if any(e.visible and e.region not in SITE_WIDE and pattern.search(report_words(e.name or "")) for e in p.elements)}
    first, unknown, rest, seen = [], [], [], set()
    for url in items:
        shape = item_template(url) or url
        if shape not in seen:
            first.append(url)
        elif url not in shown:  # the crawl saw no control here: only the probe can tell (menus, late scripts)
            unknown.append(url)
        else:
            rest.append(url)
        seen.add(shape)
    return (first + unknown + rest)[:limit]


def control_pattern() -> str:
    """Report controls: the word "report" and its kin, flag controls ("this is spam", "ongepast"), and short questions
    whether something is wrong with the item ("Something off about this job?")."""
    return "|".join(lexicon.pattern("report", key).pattern for key in ("control", "flag", "asks"))


async def _behind_the_wall(context: ProbeContext, walled: list[ReportAttempt]) -> None:
    """Logged in with the definition's [login], follow the same controls again to inventory the form."""
    ctx = await context.logged_in_context()
    if ctx is None:
        return
    try:
        for n, attempt in enumerate(walled):
            again = await _follow(context, ctx, attempt.item_url, 50 + n)
            if again.outcome == "form" and again.form:
                attempt.form_behind_login, attempt.behind_login_url = again.form, again.outcome_url
    finally:
        await ctx.close()


async def _follow(context: ProbeContext, ctx, url: str, n: int) -> ReportAttempt:
    attempt = ReportAttempt(item_url=url)
    page = await ctx.new_page()
    try:
        await context.polite_wait()
        await page.goto(url, wait_until="domcontentloaded")
        await settle(page, context.revisit_settle_ms)
        if await context.pass_gate_again(page):
            attempt.steps.append("the age gate came back and was passed again")
        controls = await _report_controls(page, url)
        attempt.hidden_controls = len(await _report_controls(page, url, visible_only=False)) - len(controls)
        clicks = 0
        if not controls and await reveal_lazy_sections(page):
            controls = await _report_controls(page, url)  # drawn only once the visitor scrolls near the bottom
        if not controls:
            controls = await _wait_for_late_controls(page, url)
        if not controls:
            controls = await _reveal_by_pointing(page, url)
            if controls:
                attempt.steps.append("pointed at the item, which shows its hidden toolbar (no click)")
        if not controls:
            menus, controls = await _open_menus(page, url)
            if menus:
                attempt.menu = menus[0]
                attempt.steps += [f"opened the menu '{m.name or m.tag}'" for m in menus]
                clicks = len(menus)
        if not controls:
            attempt.outcome = "none"
            attempt.steps.append("no report control found")
            return attempt
        attempt.control = control_seen(controls[0])
        attempt.control_screenshot, attempt.control_box_in_shot = await _shot_of_control(
            context, page, controls[0], f"{n:02d}-control")
        await _walk(context, page, controls[0], clicks, attempt, n, guard_of(ctx))
    except PlaywrightError as exc:
        attempt.outcome = "error"
        attempt.error = str(exc).splitlines()[0][:300]
    finally:
        await page.close()
    return attempt


async def _walk(context: ProbeContext, page: Page, control: dict, clicks: int, attempt: ReportAttempt, n: int,
                guard: WriteGuard) -> None:
    """Click through until a form, a mailto, a login wall or nothing (at most MAX_CLICKS)."""
    while clicks < MAX_CLICKS:
        href = control.get("href") or ""
        clicks += 1
        if control.get("in_form") and control.get("tag") == "select":
            went = await _choose_report_action(page, control)
            if went is not None:
                # An "Actions" list (favourite, hide, report) in a GET form with "Go": a menu, not a report form.
                # Opening the list was the click counted above; choosing the report action and "Go" are two more.
                clicks += 1
                attempt.steps.append(f"chose '{went}' in the list '{control['name'][:60]}'")
                attempt.steps.append("pressed the list's button (a GET form: a link, nothing written)")
                before, before_url = await visible_forms(page, context.site), page.url
                await _submit_select_form(page, control)
                await settle(page, context.revisit_settle_ms)
                clicks += 1
                state = await state_after_click(page, context.site, before, before_url)
                if state in ("form", "login"):
                    attempt.outcome, attempt.clicks, attempt.outcome_url = state, clicks, page.url
                    if state == "form":
                        attempt.form = await _best_form(page, context.site)
                        # the form has a page of its own here: what that page says beside it counts as a dialog's would
                        attempt.outcome_text = await _dialog_text(page) or await _form_page_text(page)
                    attempt.steps.append("a report form opened" if state == "form" else
                                         "a login wall stands before the form")
                    attempt.outcome_screenshot = await _shot(context, page, None, f"{n:02d}-{state}")
                    return
                nxt = await _report_controls(page, page.url)
                if not nxt:
                    break
                control = nxt[0]
                continue
        if control.get("in_form"):
            # A one-click or select-based inline report form: inspected where it stands, never submitted.
            form = await _form_by_mark(page, context.site, control["in_form"])
            attempt.outcome, attempt.clicks, attempt.outcome_url, attempt.form = "form", clicks, page.url, form
            attempt.outcome_text = await _dialog_text(page)
            attempt.steps.append(f"'{control['name'] or control['tag']}' belongs to an inline report form on the item "
                                 "page (inspected, not submitted)")
            attempt.outcome_screenshot = await _shot(context, page, None, f"{n:02d}-form")
            return
        if href.startswith("mailto:"):
            attempt.outcome, attempt.mailto, attempt.clicks = "mailto", href.split("?")[0], clicks
            attempt.steps.append(f"'{control['name']}' is an e-mail link to {href.split('?')[0][7:]}")
            return
        attempt.steps.append(f"clicked '{control['name'] or control['tag']}'")
        before, before_url, writes = await visible_forms(page, context.site), page.url, guard.mark()
        shown_before = {c.get("mark") for c in await _report_controls(page, page.url)}
        dialogs_before = set(await _open_dialogs(page))
        await activate(page, control)
        await settle(page, context.revisit_settle_ms)
        state = await state_after_click(page, context.site, before, before_url)
        if state == "other" and page_key(page.url) == page_key(before_url) \
                and await _asks_to_log_in(page, dialogs_before):
            state = "login"  # a dialog the click opened that sends the visitor to log in (no form of its own)
        refused = [w for w in guard.since(writes) if not w.during]
        if state == "other" and refused and page_key(page.url) == page_key(before_url) \
                and await _form_without_the_reason(context, page, refused, clicks, attempt, n):
            return
        if state == "other" and refused and page_key(page.url) == page_key(before_url):
            # The click itself tried to send a report (a one-click flag): the write guard refused it.
            attempt.outcome, attempt.clicks, attempt.outcome_url = "form", clicks, page.url
            attempt.form = Form(name=f"one-click report: '{control['name'] or control['tag']}'", method="post")
            attempt.steps.append("the click tried to send a report at once (a one-click flag); the write guard "
                                 "refused it")
            attempt.outcome_screenshot = await _shot(context, page, None, f"{n:02d}-oneclick")
            return
        if state in ("form", "login"):
            attempt.outcome, attempt.clicks, attempt.outcome_url = state, clicks, page.url
            if state == "form":
                attempt.form = await _best_form(page, context.site)
                attempt.outcome_text = await _dialog_text(page)
            attempt.steps.append("a report form opened" if state == "form" else "a login wall stands before the form")
            attempt.outcome_screenshot = await _shot(context, page, None, f"{n:02d}-{state}")
            return
        stayed = page_key(page.url) == page_key(before_url)
        # What the click brought: on the same page only controls that were not there before (a flag under the
        # next answer is not a step further), after a navigation every report control of the new page.
        nxt = [c for c in await _report_controls(page, page.url) if not stayed or c.get("mark") not in shown_before]
        if not nxt and stayed and not (href and not href.startswith(("javascript:", "#")) and "#" not in href[-1:]):
            # A flag control that, clicked by a logged-out visitor, sent nothing and showed nothing (askbot's
            # "flag offensive"): a one-click flag that does not work without an account.
            attempt.outcome, attempt.clicks, attempt.outcome_url = "form", clicks, page.url
            attempt.form = Form(name=f"one-click report: '{control['name'] or control['tag']}'", method="none")
            attempt.steps.append("clicking it sent nothing and showed no form: a one-click flag that did nothing "
                                 "for a logged-out visitor")
            return
        if not nxt:
            break
        control = nxt[0]
    attempt.outcome, attempt.outcome_url = "none", page.url
    attempt.steps.append(f"no report form within {MAX_CLICKS} clicks")


async def _form_without_the_reason(context: ProbeContext, page: Page, refused: list, clicks: int,
                                   attempt: ReportAttempt, n: int) -> bool:
    """A link whose address names the report reason ("contact.php?subject=abuse&ad=5") is refused by the write guard,
    since such a GET may file the report at once. The same address without the reason is only a page to read: when
    it holds a report form (a contact form that the link would have filled in), that form is where the link leads."""
    bare = _without_reason(refused)
    if not bare:
        return False
    # A one-click flag on the item itself ("?page=item&action=mark&as=spam&id=5") leads, without its reason, back to
    # the item: a form the item page holds anyway is not where the flag leads.
    on_item = await _best_form(page, context.site)
    await context.polite_wait()
    await page.goto(bare, wait_until="domcontentloaded")
    await settle(page, context.revisit_settle_ms)
    form = await _best_form(page, context.site)
    if form is None or (on_item is not None and _form_shape(form) == _form_shape(on_item)):
        return False
    attempt.outcome, attempt.clicks, attempt.outcome_url, attempt.form = "form", clicks, page.url, form
    attempt.steps.append(f"its address names the reason ({refused[0].url[:120]}), which passive mode does not follow; "
                         "the same page without the reason holds a report form")
    attempt.outcome_screenshot = await _shot(context, page, None, f"{n:02d}-form")
    return True


def _form_shape(form: Form) -> tuple:
    """What makes two forms the same form: where it sends, and its fields' names."""
    return urlsplit(form.action or "").path, sorted(f.name for f in form.fields)


def _without_reason(refused: list) -> str:
    """The one refused navigation's address without its acting query keys, when that leaves an address that only
    reads ('' otherwise: a POST, a path that acts, several writes)."""
    if len(refused) != 1 or refused[0].method != "GET" or refused[0].resource_type != "document":
        return ""
    parts = urlsplit(refused[0].url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not acting_link("?" + urlencode([(k, v)]))]
    if len(kept) == len(pairs):
        return ""
    bare = urlunsplit(parts._replace(query=urlencode(kept)))
    return "" if acting_link(bare) else bare


async def _report_controls(page: Page, item_url: str, visible_only: bool = True) -> list[dict]:
    """Report controls tied to the item, real controls first (a button or short link before a link in prose)."""
    found = await find_controls(page, control_pattern(), "report", visible_only, icon=lexicon.pattern("report", "icon").pattern,
                                cue=lexicon.pattern("report", "problem_cue").pattern)
    last = urlsplit(item_url).path.rstrip("/").split("/")[-1]
    tied = [c for c in found if (c.get("region") not in SITE_WIDE or (last and last in (c.get("href") or "")))
            and not (c.get("tag") == "a" and reads_as_title(c.get("name") or ""))
            and not _signs_up_only(c.get("name") or "")]
    return sorted(tied, key=_control_rank)


def _signs_up_only(name: str) -> bool:
    """A Dutch "Meld je aan om meer te lezen" (sign up): its "meld" is the only report word in the name."""
    bare = report_words(name)
    return bare != name and not re.search(control_pattern(), bare, re.I)


def _control_rank(c: dict) -> tuple:
    """Prefer controls named "report"/"melden" over flag words, real controls over prose links, short names."""
    named = bool(lexicon.has(c.get("name", ""), "report", "control"))
    return (bool(c.get("prose")), not named and c.get("how") != "icon", len(c.get("name") or ""))


async def _form_by_mark(page: Page, site: str, mark: str) -> Form | None:
    """The inventory of the form marked by find_controls.js (the inline report form)."""
    try:
        box = await page.locator(f"form[data-safehaven-form='{mark}']").first.bounding_box(timeout=2000)
    except PlaywrightError:
        box = None
    inv = await page_inventory(page, site)
    if box:
        for f in inv.forms:
            if f.box and abs(f.box.x - box["x"]) < 2 and abs(f.box.width - box["width"]) < 2:
                return f
    return None


async def _open_menus(page: Page, item_url: str) -> tuple[list[ControlSeen], list[dict]]:
    """Open menus ("⋯", "More", aria-haspopup), one level of submenus included, until a report control shows.

    Returns the menus opened on the way (each one a click) and the report controls then visible.
    """
    for menu in (await menu_triggers(page))[:5]:
        if not await click_mark(page, menu):
            continue
        controls = await _report_controls(page, item_url)
        if controls:
            return [control_seen(menu)], controls
        before = {menu["mark"]}
        for sub in (await menu_triggers(page, submenu=True))[:4]:
            if sub["mark"] in before or not await click_mark(page, sub):
                continue
            controls = await _report_controls(page, item_url)
            if controls:
                return [control_seen(menu), control_seen(sub)], controls
        await page.keyboard.press("Escape")
    return [], []


async def _reveal_by_pointing(page: Page, item_url: str, tries: int = 3) -> list[dict]:
    """Report controls hidden until their item is hovered or focused (a message toolbar that shows on hover): point
    at the item around the first few hidden ones and look again. Pointing is no click."""
    hidden = [c for c in await _report_controls(page, item_url, visible_only=False) if not c.get("visible")]
    for c in hidden[:tries]:
        if await reveal_by_pointing(page, c):
            shown = await _report_controls(page, item_url)
            return [x for x in shown if x.get("mark") == c.get("mark")] or shown
    return []


async def _wait_for_late_controls(page: Page, item_url: str, wait_ms: int = 2500) -> list[dict]:
    """Controls that scripts add a moment after load: wait until the page is quiet (at most `wait_ms`), look again."""
    await quiet(page, wait_ms, quiet_ms=300)
    controls = await _report_controls(page, item_url)
    if controls or await menu_triggers(page):
        return controls
    return []


# The visible text of each open dialog or popover (also inside open shadow roots), outermost only; with `formsOnly`,
# only those that hold a form, where a report form that opens over the item page stands with its own words on what
# happens next.
DIALOGS_JS = """(formsOnly) => {
  const sel = 'dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true], [popover]:popover-open';
  const out = [];
  const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const walk = root => {
    for (const el of root.querySelectorAll(sel))
      if (visible(el) && (!formsOnly || el.querySelector('form, input, select, textarea')) && !out.some(o => o.contains(el)))
        out.push(el);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  return out.map(el => el.innerText || '');
}"""


async def _dialog_texts(page: Page, forms_only: bool) -> list[str]:
    try:
        return [clean_text(t).strip() for t in await page.evaluate(DIALOGS_JS, forms_only) or []]
    except PlaywrightError:
        return []


async def _open_dialogs(page: Page) -> list[str]:
    """The text of every open dialog, with or without a form."""
    return [t[:2000] for t in await _dialog_texts(page, False)]


async def _asks_to_log_in(page: Page, before: set[str]) -> bool:
    """A dialog that was not open before the click and asks the visitor to log in ("Members only: log in to flag
    posts"): the login wall in front of the report form, shown where the item is."""
    return any(text not in before and lexicon.has(text, "report", "login_wall") for text in await _open_dialogs(page))


async def _dialog_text(page: Page) -> str:
    """What the open dialog around a report form says (empty when the form is not in a dialog)."""
    return "\n".join(await _dialog_texts(page, True))[:4000].strip()


async def _best_form(page: Page, site: str) -> Form | None:
    """The largest report form on the page."""
    inv = await page_inventory(page, site)
    candidates = [f for f in inv.forms if is_report_form(f)]
    return max(candidates, key=lambda f: len(f.fields)) if candidates else None


async def _shot(context: ProbeContext, page: Page, box: dict | None, name: str) -> str | None:
    """A viewport screenshot of the page as it stands."""
    try:
        data = await page.screenshot(type="jpeg", quality=70, full_page=False)
    except PlaywrightError:
        return None
    return context.save_evidence(f"probes/report/{name}.jpg", data)


async def _shot_of_control(context: ProbeContext, page: Page, control: dict, name: str) -> tuple[str | None, Box | None]:
    """A viewport screenshot with the control scrolled into view, and the control's box within it."""
    box = control.get("box")
    try:
        scroll_y = 0.0
        if box:
            scroll_y = await page.evaluate("(y) => { window.scrollTo(0, Math.max(0, y - 200)); return window.scrollY; }",
                                           box["y"])
        data = await page.screenshot(type="jpeg", quality=70, full_page=False)
    except PlaywrightError:
        return None, None
    path = context.save_evidence(f"probes/report/{name}.jpg", data)
    shot_box = Box(x=box["x"], y=box["y"] - scroll_y, width=box["width"], height=box["height"]) if box else None
    return path, shot_box


# A select in a GET form that is a list of actions on the item ("Add to favourites", "Hide", "Report member") with a
# "Go" button: no text to write, no other field to fill. Its options, and whether the form qualifies.
ACTION_LIST_JS = """(mark) => {
  const sel = document.querySelector('select[data-safehaven-mark="' + mark + '"]');
  const form = sel && sel.form;
  if (!form || (form.getAttribute('method') || 'get').toLowerCase() !== 'get') return null;
  if (form.querySelectorAll('select').length !== 1) return null;
  const writes = 'textarea, input[type=radio], input[type=checkbox], input[type=text], input[type=email], input:not([type])';
  if (form.querySelector(writes)) return null;
  return Array.from(sel.options).map((o) => ({value: o.value, text: (o.textContent || '').trim()}));
}"""


def report_action(options: list[dict]) -> dict | None:
    """The one option of an action list that reports the item, when the others are other actions (not reasons):
    exactly one option names a report, and at least one other option is a real choice."""
    pattern = re.compile(control_pattern(), re.I)
    reporting = [o for o in options if o.get("value") and pattern.search(o.get("text") or "")]
    others = [o for o in options if o.get("value") and o not in reporting]
    return reporting[0] if len(reporting) == 1 and others else None


async def _choose_report_action(page: Page, control: dict) -> str | None:
    """Choose the report action of an action list (see ACTION_LIST_JS); its text, or None when it is no such list."""
    try:
        options = await page.evaluate(ACTION_LIST_JS, control["mark"])
        option = report_action(options or [])
        if option is None:
            return None
        await page.select_option(f"select[data-safehaven-mark='{control['mark']}']", value=option["value"], timeout=3000)
    except PlaywrightError:
        return None
    return option["text"]


async def _submit_select_form(page: Page, control: dict) -> None:
    """Press the action list's own button (a GET form, so the guard lets it through as a link) and wait for the page."""
    sel = f"select[data-safehaven-mark='{control['mark']}']"
    try:
        async with page.expect_navigation(timeout=8000):
            await page.evaluate("(s) => { const f = document.querySelector(s).form; "
                                "f.requestSubmit ? f.requestSubmit() : f.submit(); }", sel)
    except PlaywrightError:
        return
    try:  # a page that forwards at once (a meta refresh, a script) to the form
        await page.wait_for_load_state("load", timeout=3000)
        await page.wait_for_timeout(300)
        await page.wait_for_load_state("load", timeout=3000)
    except PlaywrightError:
        pass


async def _form_page_text(page: Page) -> str:
    """The visible text of a report form's own page (its main part when it marks one), clipped."""
    try:
        text = await page.evaluate("() => ((document.querySelector('main, [role=main]') || document.body).innerText || '')")
    except PlaywrightError:
        return ""
    return clean_text(text or "").strip()[:4000]
