"""The signup probe (active mode only): does the signup form turn away an under-18 date of birth?

It fills the definition's test data and an under-18 date of birth into the signup form and presses its
submit button once. When the page's own script refuses the date, nothing is sent ("refused" by the form).
Otherwise the write guard lets exactly that submission through (a form post, fetch or XHR to the
platform's own origin, in the moment of the click; beacons and other hosts stay refused), and the
platform's answer decides: an error shown with the form still there is "refused" by the platform, anything
else "accepted". In passive mode (the default) it does not run, and nothing is ever sent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import secrets

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from checks import lexicon
from safehaven.models import SignupTrial
from safehaven.urls import origin
from toolkit.collection.browser import guard_of, quiet, settle
from toolkit.collection.context import ProbeContext

log = logging.getLogger("safehaven.signup_probe")

FIELD_JS = """(el) => [el.tagName.toLowerCase(), (el.type || '').toLowerCase(), el.name || '', el.id || '',
  el.getAttribute('placeholder') || '', el.getAttribute('aria-label') || '',
  (el.labels && el.labels[0] ? el.labels[0].innerText : ''),
  (el.options && el.options[0] ? el.options[0].textContent : ''),
  (el.closest('fieldset') && el.closest('fieldset').querySelector('legend')
    ? el.closest('fieldset').querySelector('legend').innerText : ''),
  (el.closest('tr') && el.closest('tr').querySelector('th') ? el.closest('tr').querySelector('th').innerText : '')
  ].join('|')"""
ERRORS_JS = """() => {
  const texts = [];
  const sel = '[role=alert], .error, .invalid-feedback, [aria-live], .field-error, .form-error, [aria-invalid=true]';
  for (const el of document.querySelectorAll(sel))
    if (el.checkVisibility && el.checkVisibility() && el.innerText.trim()) texts.push(el.innerText.trim());
  for (const el of document.querySelectorAll('input, select')) if (!el.checkValidity()) texts.push(el.validationMessage);
  return texts.join(' | ').slice(0, 500);
}"""


async def probe_signup(context: ProbeContext) -> SignupTrial | None:
    """Try an under-18 date of birth on the first signup form that asks for one (active mode only)."""
    if not context.active:
        return None
    page_rec = next((p for p in context.pages if p.ok and p.role == "signup" and any(
        f.type == "date" or lexicon.has(f"{f.label} {f.name}", "age", "dob") for form in p.forms for f in form.fields)),
        None)
    if page_rec is None:
        return None
    birth = _under_18(context.test_data.under_18_birthdate)
    trial = SignupTrial(url=page_rec.final_url or page_rec.url, birthdate=birth.isoformat())
    # The write guard on every context refuses the submission: the trial judges whether the form
    # tried to send (client-side acceptance); nothing reaches the platform, also in active mode.
    ctx, _ = await context.prepared_context()
    guard = guard_of(ctx)
    try:
        page = await ctx.new_page()
        await page.goto(trial.url, wait_until="domcontentloaded")
        await settle(page, context.settle_ms)
        await _fill(page, context, birth)
        submit = page.locator("form button[type=submit], form input[type=submit], form button:not([type])").first
        token = secrets.token_hex(8)
        await submit.evaluate("(b, t) => { if (b.form) b.form.setAttribute('data-safehaven-send', t); "
                              "window.__safehavenSendToken = t; }", token)
        mark = guard.mark()
        guard.note_action("signup trial: submit with an under-18 date of birth")
        with guard.opened("signup trial (active mode)", origin=origin(trial.url)):
            await submit.click(timeout=4000)
            with contextlib.suppress(PlaywrightError):
                await page.wait_for_load_state("load", timeout=context.settle_ms + 8000)
            await quiet(page, 2000)
        writes = guard.since(mark, refused_only=False)
        trial.sent_requests = [w.line() for w in writes if w.allowed]
        trial.blocked_requests = [w.line() for w in writes if not w.allowed]
        trial.sent = bool(trial.sent_requests)
        trial.message = await _errors(page)
        if not trial.sent and not trial.blocked_requests:
            trial.outcome, trial.refused_by = "refused", "form"  # the page's own script kept it back
        elif trial.sent and trial.message and await _form_still_there(page):
            trial.outcome, trial.refused_by = "refused", "platform"
        else:
            trial.outcome = "accepted"
        shot = await page.screenshot(type="jpeg", quality=70)
        trial.screenshot = context.save_evidence("probes/signup/trial.jpg", shot)
    except PlaywrightError as exc:
        trial.outcome, trial.error = "error", str(exc).splitlines()[0][:300]
    finally:
        await ctx.close()
    return trial


async def _errors(page: Page) -> str:
    """What the page says is wrong: error elements, invalid fields, or an age sentence in the page's text."""
    try:
        said = await page.evaluate(ERRORS_JS)
        if said:
            return said
        text = await page.evaluate("() => document.body ? document.body.innerText : ''")
    except PlaywrightError:
        return ""
    return next((line.strip()[:300] for line in text.splitlines() if AGE_REFUSAL.search(line)), "")


async def _form_still_there(page: Page) -> bool:
    """The signup form (a visible password or date field) is shown again: the platform did not let the visitor on."""
    try:
        return await page.locator("form input[type=password]:visible, form input[type=date]:visible").count() > 0
    except PlaywrightError:
        return False


def _under_18(configured: str) -> dt.date:
    if configured:
        return dt.date.fromisoformat(configured)
    today = dt.date.today()
    return today.replace(year=today.year - 15)


async def _fill(page: Page, context: ProbeContext, birth: dt.date) -> None:
    data = context.test_data
    for el in await page.locator("form input, form select").all():
        try:
            desc = (await el.evaluate(FIELD_JS)).lower()
            tag, kind = desc.split("|")[:2]
            if kind in ("hidden", "submit", "button", "file") or not await el.is_visible():
                continue
            if kind == "date":
                await el.fill(birth.isoformat())
            elif (tag in ("select", "input") and lexicon.has(desc, "age", "dob")) or DATE_PART.search(desc):
                await _fill_part(el, tag, desc, birth)
            elif kind == "email":
                await el.fill(data.email)
            elif kind == "password":
                await el.fill("Safehaven-Test-1!")
            elif kind == "checkbox":
                if not lexicon.has(desc, "age", "checkbox"):  # accept terms, never claim to be 18+
                    await el.check()
            elif kind in ("text", "tel", ""):
                await el.fill(data.name if "name" in desc or "naam" in desc else "test")
        except PlaywrightError:
            continue


AGE_REFUSAL = re.compile(r"\b(18|too young|old enough|minimum age|age requirement|under ?age|te jong|oud genoeg|"
                         r"minimumleeftijd|minderjarig)", re.I)
DATE_PART = re.compile(r"\b(day|dag|dd|month|maand|mm|year|jaar|yyyy|jjjj|yy|jj)\b", re.I)
YEAR_PART = re.compile(r"\b(year|jaar|yyyy|jjjj|yy|jj)\b", re.I)
MONTH_PART = re.compile(r"\b(month|maand|mm)\b", re.I)
MONTHS = ("jan", "feb", "mar|mrt|maa", "apr", "ma[yi]|mei", "jun", "jul", "aug", "sep", "o[ck]t", "nov", "dec")


async def _fill_part(el, tag: str, desc: str, birth: dt.date) -> None:
    """One part of a date of birth split over day / month / year fields (selects or inputs)."""
    if tag != "select" and not DATE_PART.search(desc):  # one text field for the whole date
        await el.fill(f"{birth.day:02d}-{birth.month:02d}-{birth.year}")
        return
    values = await el.evaluate("(e) => Array.from(e.options).map(o => [o.value, o.textContent.trim()])") \
        if tag == "select" else []
    if tag == "select" and not DATE_PART.search(desc):  # "Geboortedatum" over three selects: tell them by options
        texts = [t for _, t in values]
        if sum(1 for t in texts if re.fullmatch(r"(19|20)\d\d", t)) >= 10:
            desc += " year"
        elif any(re.match(r"(jan|feb|m[aä]r|mrt|apr)", t, re.I) for t in texts):
            desc += " month"
        else:
            desc += " day"
    value = (str(birth.year) if YEAR_PART.search(desc) else
             f"{birth.month:02d}" if MONTH_PART.search(desc) else f"{birth.day:02d}")
    if tag == "select":
        options = [v for v, _ in values]
        pick = next((o for o in options if o.lstrip("0") == value.lstrip("0")), None)
        if pick is None and MONTH_PART.search(desc) and not YEAR_PART.search(desc):  # "January", "jan", "mrt"
            month = re.compile(rf"^({MONTHS[birth.month - 1]})", re.I)
            pick = next((v for v, text in values if month.match(text) or month.match(v)), None)
        if pick is not None:
            await el.select_option(pick)
    else:
        await el.fill(value)
