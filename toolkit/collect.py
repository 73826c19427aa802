"""collect: visit a platform in Chromium, discover its pages, run the probes, and save the evidence bundle.

The crawl starts at the definition's URL, follows same-site links in priority order (policies,
help, signup and a sample of items first), and visits pages with a bounded pool of workers. Every
page becomes a PageRecord, also when it fails: the error is recorded and the crawl goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import json
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import tldextract
from playwright.async_api import BrowserContext, Frame, Page
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout
from safehaven.checks import lexicon

from .browser import BrowserSession, ContextEvents, bounded, close_quietly, settle
from .bundle import BundleWriter
from .classify import classify_page, is_item_url
from .definition import AuditDefinition
from .guard import WriteGuard
from .models import BundleInfo, Element, Form, PageRecord, RequestRecord, WriteRecord
from .textsafe import clean_data, clean_text, redact, register_secrets

log = logging.getLogger("safehaven.collect")

JS_DIR = Path(__file__).with_name("js")
EXTRACT_JS = (JS_DIR / "extract.js").read_text("utf-8")
DOM_JS = """() => {
  const roots = [];
  const walk = (r) => {
    for (const el of r.querySelectorAll('*')) if (el.shadowRoot) { roots.push(el.shadowRoot); walk(el.shadowRoot); }
  };
  walk(document);
  const html = document.documentElement;
  try { return '<!DOCTYPE html>\\n' + html.getHTML({serializableShadowRoots: true, shadowRoots: roots}); }
  catch (e) { return '<!DOCTYPE html>\\n' + html.outerHTML; }
}"""
REDACT_JS = """(() => {
  const secrets = __SECRETS__;
  const fix = (node) => {
    if (node.nodeType === 3) {
      let t = node.nodeValue, changed = false;
      for (const s of secrets) if (s && t.includes(s)) { t = t.split(s).join('[secret]'); changed = true; }
      if (changed) node.nodeValue = t;
    } else if (node.childNodes) { for (const c of node.childNodes) fix(c); }
  };
  const start = () => {
    const style = document.createElement('style');
    style.textContent = 'input, textarea, select, [contenteditable] { filter: blur(7px) !important; }';
    (document.head || document.documentElement).appendChild(style);
    fix(document.documentElement);
    new MutationObserver((ms) => { for (const m of ms) { for (const n of m.addedNodes) fix(n);
      if (m.type === 'characterData') fix(m.target); } })
      .observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  };
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();"""
SKIP_EXTENSIONS = re.compile(r"\.(pdf|zip|gz|rar|7z|exe|dmg|apk|jpe?g|png|gif|webp|svg|mp4|mp3|avi|mov|css|js|xml|json|ico)$",
                             re.I)
DESTRUCTIVE = re.compile(r"(logout|log-out|uitloggen|signout|sign-out|delete|verwijder|unsubscribe|afmelden)", re.I)
MAX_SCREENSHOT_HEIGHT = 7000
MIN_SIBLING_ITEMS = 4

ProgressFn = Callable[[str, int, int], None]


@dataclass(order=True)
class _Candidate:
    priority: float
    seq: int
    url: str = field(compare=False)
    found_from: str | None = field(compare=False, default=None)
    link_text: str = field(compare=False, default="")
    depth: int = field(compare=False, default=0)
    hint: str | None = field(compare=False, default=None)


class CrawlFailed(RuntimeError):
    """The start URL could not be loaded: the audit cannot run."""


class Collector:
    """Collects the evidence bundle of one platform into a run folder."""

    def __init__(self, definition: AuditDefinition, run_dir: Path, session: BrowserSession,
                 progress: ProgressFn | None = None):
        self.defn = definition
        self.crawl = definition.crawl
        self.run_dir = Path(run_dir)
        self.session = session
        self.writer = BundleWriter(self.run_dir)
        self.progress = progress or (lambda stage, done, total: None)
        start = definition.platform.url
        self.start_url = _normalise(start)
        self.site = _site_of(start)
        self.allowed_hosts = {urlsplit(start).hostname or ""} | set(self.crawl.extra_hosts)
        self.pages: list[PageRecord] = []
        self.info = BundleInfo(platform=definition.platform)
        self._frontier: list[_Candidate] = []
        self._queued: set[str] = set()
        self._seq = itertools.count()
        self._items_queued = 0
        self._page_ids = itertools.count(1)
        self._rate_lock = asyncio.Lock()
        self._last_request = 0.0
        self._secrets = sorted({s for s in definition.secrets() if s}, key=len, reverse=True)
        register_secrets(self._secrets)
        self._writes: list[WriteRecord] = []  # every write any guard of this audit saw
        self._logging_in = False
        self.phase = "crawl"  # which part of the audit is opening contexts (for the write guard's records)
        self._contexts: list[BrowserContext] = []
        budget = getattr(self.crawl, "budget", None)
        self.budget = float(budget) if budget else None
        self._t_start = time.monotonic()
        self._item_patterns: set[str] = set()
        self._login_paths: set[str] = set()
        self._walled: set[str] = set()

    # ------------------------------------------------------------------ public

    async def run(self) -> BundleInfo:
        """Crawl, probe and write the bundle; raises CrawlFailed when the start page cannot load."""
        self.info.started_at = _now()
        self.info.browser = self.session.version
        self.info.budget_s = self.budget
        t0 = time.perf_counter()
        self._t_start = time.monotonic()
        ctx, events = await self._context()
        crawl = asyncio.ensure_future(self._crawl(ctx, events))
        try:
            # The crawl may use most of the budget, but leaves time for the probes.
            done, _ = await asyncio.wait({crawl}, timeout=self._remaining(0.6))
            if not done:
                crawl.cancel()
                await asyncio.wait({crawl}, timeout=15)
                self.info.unfinished["crawl"] = f"the audit's time budget ({self.budget:g}s) ended the crawl"
                self.info.notes.append(f"crawl stopped after {len(self.pages)} pages: time budget reached")
                for record in self.pages:
                    if record.status is None and record.error is None:
                        record.error = "not finished: the audit's time budget ran out"
                if not any(p.ok for p in self.pages):
                    raise CrawlFailed(f"{self.start_url} could not be loaded within the audit's time budget")
            else:
                crawl.result()
        except BaseException:
            crawl.cancel()
            raise
        finally:
            await close_quietly(ctx, 10)
        self._reclassify_items()
        for record in self.pages:
            self.writer.write_model(f"pages/{record.id}/page.json", record)
        self.info.timings["crawl"] = round(time.perf_counter() - t0, 2)
        log.info("crawl: %d pages in %.1fs", len(self.pages), self.info.timings["crawl"])
        await self._run_probes()
        self.info.pages = [p.id for p in self.pages]
        self.info.writes = [w.model_copy(update={"url": self._scrub(w.url), "page_url": self._scrub(w.page_url),
                                                 "action": self._scrub(w.action)}) for w in self._writes]
        self.info.notes = [self._scrub(n) for n in self.info.notes]
        self.info.finished_at = _now()
        self.writer.write_model("bundle.json", self.info)
        self.writer.write_manifest()
        return self.info

    # ------------------------------------------------------------------ crawl

    async def _context(self) -> tuple[BrowserContext, ContextEvents]:
        """A fresh context with the write guard on, labelled with the part of the audit that opens it."""
        d = self.defn.device
        locale = d.locale or ("nl-NL" if self.defn.platform.language == "nl" else "en-GB")
        ctx, events = await self.session.new_context(width=d.width, height=d.height, mobile=d.mobile, locale=locale,
                                                     ua_suffix=d.user_agent_suffix,
                                                     guard=WriteGuard(self.phase, sink=self._writes,
                                                                      stop_forms=not self._logging_in))
        ctx.set_default_timeout(self.crawl.page_timeout * 1000)
        ctx.set_default_navigation_timeout(self.crawl.page_timeout * 1000)
        ctx.on("page", self._bound_page)
        self._contexts.append(ctx)
        return ctx, events

    def _bound_page(self, page: Page) -> None:
        """Give `page.evaluate` a deadline on every page of the audit (Playwright's has none), so a page
        whose renderer hangs in an endless loop raises a timeout in any probe instead of holding it."""
        evaluate = page.evaluate
        limit = 2 * self.crawl.page_timeout

        async def bounded_evaluate(*args, **kwargs):
            return await bounded(evaluate(*args, **kwargs), limit, "the page")

        page.evaluate = bounded_evaluate  # type: ignore[method-assign]

    def _remaining(self, share: float = 1.0) -> float | None:
        """Seconds left of the audit's budget (or of `share` of it); None without a budget."""
        if not self.budget:
            return None
        return max(0.0, self._t_start + self.budget * share - time.monotonic())

    def page_bound(self) -> float:
        """The longest one page may take, from opening to closing: load, settle, read, screenshot."""
        return 2 * self.crawl.page_timeout + 2 * self.crawl.settle_ms / 1000 + 5

    async def _crawl(self, ctx: BrowserContext, events: ContextEvents) -> None:
        self._enqueue(self.start_url, None, "", 0, hint="start", priority=-1)
        hints = self.defn.pages
        for role, urls in (("start", hints.start), ("item", hints.items), ("signup", hints.signup),
                           ("login", hints.login), ("policy", hints.policies), ("help", hints.help),
                           ("report", hints.report)):
            for u in urls:
                self._enqueue(u, None, "", 1, hint=role, priority=0)

        # The start page alone first: it decides whether the audit can run, and passes gates/banners.
        first = heapq.heappop(self._frontier)
        record = await self._visit(ctx, events, first, first_page=True)
        if not record.ok:
            raise CrawlFailed(f"{self.start_url} could not be loaded: {record.error or f'HTTP {record.status}'}")

        busy = 0
        cond = asyncio.Condition()

        async def worker() -> None:
            nonlocal busy
            while True:
                async with cond:
                    while not self._frontier and busy > 0:
                        await cond.wait()
                    if not self._frontier or len(self.pages) + busy >= self.crawl.max_pages:
                        cond.notify_all()
                        return
                    cand = heapq.heappop(self._frontier)
                    busy += 1
                try:
                    await self._visit(ctx, events, cand)
                finally:
                    async with cond:
                        busy -= 1
                        cond.notify_all()

        await asyncio.gather(*(worker() for _ in range(self.crawl.concurrency)))

    def _enqueue(self, url: str, found_from: str | None, link_text: str, depth: int, *,
                 hint: str | None = None, priority: float | None = None) -> None:
        url = _normalise(url)
        if url in self._queued or not self._in_scope(url) or self._behind_known_wall(url):
            return
        item = self.is_item(url)
        if item and hint is None:
            if self._items_queued >= self.crawl.max_items:
                return
            self._items_queued += 1
        self._queued.add(url)
        if priority is None:
            priority = self._priority(url, link_text, depth, item)
        heapq.heappush(self._frontier, _Candidate(priority, next(self._seq), url, found_from, link_text, depth, hint))

    def _priority(self, url: str, link_text: str, depth: int, item: bool) -> float:
        label = f"{link_text} {' '.join(re.split(r'[/_.-]+', urlsplit(url).path))}"
        for rank, role in enumerate(("policy", "help", "report", "signup", "login"), start=1):
            if lexicon.has(label, "roles", role):
                return 1 + rank / 10
        if item:
            return 2 + depth / 10
        return 3 + depth

    def _in_scope(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or SKIP_EXTENSIONS.search(parts.path) or DESTRUCTIVE.search(url):
            return False
        host = parts.hostname or ""
        return host in self.allowed_hosts or _site_of(url) == self.site

    async def _polite_wait(self) -> None:
        async with self._rate_lock:
            gap = 1.0 / self.crawl.requests_per_second
            wait = self._last_request + gap - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self._last_request = time.monotonic()

    async def _visit(self, ctx: BrowserContext, events: ContextEvents, cand: _Candidate,
                     first_page: bool = False) -> PageRecord:
        pid = f"p{next(self._page_ids):03d}"
        record = PageRecord(id=pid, url=cand.url, found_from=cand.found_from, link_text=cand.link_text[:200],
                            depth=cand.depth)
        self.pages.append(record)
        self.progress("pages", len(self.pages), self.crawl.max_pages)
        await self._polite_wait()
        t0 = time.perf_counter()
        page = await ctx.new_page()
        requests: list[RequestRecord] = []
        page.on("requestfinished", lambda req: asyncio.ensure_future(self._note_request(req, requests)))
        page.on("requestfailed", lambda req: requests.append(
            RequestRecord(url=self._scrub(req.url)[:500], method=req.method, resource_type=req.resource_type,
                          same_site=_site_of(req.url) == self.site)))
        try:
            await bounded(self._load_and_read(page, record, cand, first_page), self.page_bound(), "the page")
        except (PlaywrightError, PlaywrightTimeout) as exc:
            record.error = self._scrub(_short_error(exc))
            with contextlib.suppress(Exception):
                record.final_url = record.final_url or self._scrub(page.url)
            log.warning("page %s failed: %s", cand.url, record.error)
        finally:
            record.requests = requests[:300]
            with contextlib.suppress(Exception):
                record.events = [e.model_copy(update={"detail": self._scrub(clean_text(e.detail))})
                                 for e in events.take_for(page.url) + events.take_for(cand.url)]
            record.elapsed_ms = int((time.perf_counter() - t0) * 1000)
            await close_quietly(page, 10)
        return record

    async def _load_and_read(self, page: Page, record: PageRecord, cand: _Candidate, first_page: bool) -> None:
        response = await page.goto(cand.url, wait_until="domcontentloaded")
        record.status = response.status if response else None
        # Item pages often get their controls (menus, report buttons) from scripts after load: wait longer.
        await settle(page, self.crawl.settle_ms * (2 if self.is_item(cand.url) else 1))
        if first_page:
            await self._clear_the_way(page)
        record.final_url = self._scrub(page.url)
        await self._extract(page, record, cand)

    async def _note_request(self, req, requests: list[RequestRecord]) -> None:
        try:
            resp = await req.response()
            status = resp.status if resp else None
        except PlaywrightError:
            status = None
        requests.append(RequestRecord(url=self._scrub(req.url)[:500], method=req.method, resource_type=req.resource_type,
                                      status=status, same_site=_site_of(req.url) == self.site))

    async def prepared_context(self) -> tuple[BrowserContext, ContextEvents]:
        """A fresh context that has opened the start page, dismissed the cookie banner and passed the gate."""
        ctx, events = await self._context()
        page = await ctx.new_page()
        try:
            await self._polite_wait()
            await bounded(self._prepare(page), self.page_bound(), "the start page")
        except PlaywrightError as exc:
            log.info("preparing a context failed: %s", _short_error(exc))
        finally:
            await close_quietly(page, 10)
        return ctx, events

    async def _prepare(self, page: Page) -> None:
        await page.goto(self.start_url, wait_until="domcontentloaded")
        await settle(page, self.crawl.settle_ms)
        await self._clear_the_way(page, note=False)

    async def logged_in_context(self) -> BrowserContext | None:
        """A prepared context logged in with the definition's [login] steps; None without login or on failure.

        Secrets come from the environment and are typed, never logged or stored.
        """
        login = self.defn.login
        if not login or not login.steps:
            return None
        self._logging_in = True
        try:
            ctx, _ = await self.prepared_context()
        finally:
            self._logging_in = False
        guard: WriteGuard = ctx.guard  # type: ignore[attr-defined]
        if self._secrets:  # screenshots taken logged in: fields blurred, echoed secrets shown as [secret]
            await ctx.add_init_script(REDACT_JS.replace("__SECRETS__", json.dumps(self._secrets)))
        page = await ctx.new_page()
        n, step = 0, login.steps[0]
        try:
            # The login steps are the only writes an audit lets through (the login form's post).
            with guard.opened("login steps"):
                for n, step in enumerate(login.steps):
                    guard.note_action(f"login step {n}: {step.action} {step.target}")
                    await bounded(self._login_step(page, step), self.page_bound(), f"login step {n}")
                    log.info("login step %d (%s) done", n, step.action)
            guard.note_action("")
        except (PlaywrightError, ValueError) as exc:
            self.info.notes.append(self._scrub(
                f"login failed at step {n} ({step.action} {step.target}): {_short_error(exc)}"))
            await close_quietly(ctx, 10)
            return None
        finally:
            if not page.is_closed():
                await close_quietly(page, 10)
        return ctx

    async def _login_step(self, page: Page, step) -> None:
        if step.action == "goto":
            await page.goto(urljoin(self.start_url, step.target), wait_until="domcontentloaded")
        elif step.action == "fill":
            value = os.environ.get(step.value_env, "") if step.value_env else (step.value or "")
            await page.locator(step.target).first.fill(value)
        elif step.action == "click":
            await page.locator(step.target).first.click()
            await settle(page, self.crawl.settle_ms)
        elif step.target.isdigit():
            await page.wait_for_timeout(int(step.target))
        else:
            await page.locator(step.target).first.wait_for()

    async def _clear_the_way(self, page: Page, note: bool = True) -> None:
        """On the first page: dismiss a cookie banner and pass an age gate, as a visitor would."""
        await dismiss_cookie_banner(page)
        from .age_probe import detect_gate, pass_gate  # late import: age_probe imports this module

        gate = await detect_gate(page)
        if gate.get("gate"):
            passed = await pass_gate(page)
            if note:
                self.info.notes.append(f"age gate on the start page ({gate['kind']}); passed for the crawl: "
                                       f"{passed or 'no'}")
            if passed:
                await settle(page, self.crawl.settle_ms)
                await dismiss_cookie_banner(page)

    async def _extract(self, page: Page, record: PageRecord, cand: _Candidate) -> None:
        inv = await page_inventory(page, self.site, self._scrub)
        data, elements, forms = inv.data, inv.elements, inv.forms
        record.title = data["title"][:300]
        record.lang = data["lang"][:20]
        record.elements = [e for e in elements if e.href is None or not e.href.startswith("javascript:")]
        record.forms = forms
        record.frames = inv.frames
        text = inv.text
        base = f"pages/{record.id}"
        record.files["text"] = self.writer.write_text(f"{base}/text.txt", text)
        dom = await bounded(page.evaluate(DOM_JS), self.crawl.page_timeout, "reading the DOM")
        record.files["dom"] = self.writer.write_text(f"{base}/dom.html", self._scrub(clean_text(dom)))
        shot = await _screenshot(page, self.crawl.page_timeout, masked=bool(self._secrets))
        record.files["screenshot"] = self.writer.write_bytes(f"{base}/screenshot.jpg", shot)
        self._learn_item_patterns(record)
        item_links = sum(1 for e in record.elements if e.href and self.is_item(e.href))
        role, reasons = classify_page(page.url, title=record.title, link_text=cand.link_text, text=text, forms=forms,
                                      item_links=item_links, is_start=cand.hint == "start" and cand.depth == 0,
                                      hint=None if cand.hint == "start" else cand.hint)
        record.role, record.role_reasons = role, reasons
        if role == "login":
            # One login wall is enough evidence: don't spend the page budget on the same wall again.
            self._login_paths.add(urlsplit(page.url).path)
            if urlsplit(page.url).path != urlsplit(cand.url).path:
                self._walled.add(_digit_template(cand.url))
        for e in record.elements:
            if e.href and e.tag in ("a", "area"):
                self._enqueue(urljoin(page.url, e.href), page.url, e.name, cand.depth + 1)

    def _behind_known_wall(self, url: str) -> bool:
        """A login page again (with another ?next=), or a URL like one that already redirected to the login."""
        parts = urlsplit(url)
        return (parts.path in self._login_paths and bool(parts.query)) or _digit_template(url) in self._walled

    def is_item(self, url: str) -> bool:
        """An item URL by its words (/ads/123) or by a pattern learned from listings (/companion/{id})."""
        return is_item_url(url) or item_template(url) in self._item_patterns

    def _learn_item_patterns(self, record: PageRecord) -> None:
        """Many sibling links like /companion/12, /companion/13 ... on one page mark /companion/{id} as items."""
        groups: dict[str, set[str]] = {}
        for e in record.elements:
            if e.href and e.tag == "a" and e.region not in ("nav", "footer", "header") and self._in_scope(e.href):
                template = item_template(e.href)
                if template:
                    groups.setdefault(template, set()).add(urldefrag(e.href)[0])
        for template, urls in groups.items():
            label = " ".join(re.split(r"[/_.{}-]+", template))
            if len(urls) >= MIN_SIBLING_ITEMS and not any(lexicon.has(label, "roles", r) for r in ("policy", "help")):
                self._item_patterns.add(template)

    def _reclassify_items(self) -> None:
        """Pages visited before their item pattern was learned get the item role after all."""
        for p in self.pages:
            if p.ok and p.role in ("other", "listing") and item_template(p.final_url or p.url) in self._item_patterns:
                p.role, p.role_reasons = "item", [f"one of many sibling links like {item_template(p.final_url or p.url)}"]

    def _scrub(self, text: str) -> str:
        """Valid text with every login secret from the environment replaced by [secret]."""
        return scrub(text, self._secrets)

    # ------------------------------------------------------------------ probes

    async def _run_probes(self) -> None:
        from .age_probe import probe_age_gate
        from .contact_probe import probe_contact
        from .report_probe import probe_reporting
        from .signup_probe import probe_signup

        probes = [("age_gate", probe_age_gate), ("report", probe_reporting), ("contact", probe_contact),
                  ("signup", probe_signup)]
        for left, (name, probe) in zip(range(len(probes), 0, -1), probes, strict=True):
            t0 = time.perf_counter()
            self.progress(f"probe {name}", 0, 1)
            self.phase = name
            remaining = self._remaining()
            if remaining is not None and remaining < 1:
                self.info.unfinished[name] = f"not run: the audit's time budget ({self.budget:g}s) ran out"
                self.info.notes.append(f"probe {name} not run: time budget reached")
                continue
            # A probe may take its share of what is left, and more when the ones before it were quick.
            limit = None if remaining is None else max(remaining / left * 2, min(remaining, 30.0))
            mark = len(self._writes)
            opened = len(self._contexts)
            task = asyncio.ensure_future(probe(self))
            try:
                done, _ = await asyncio.wait({task}, timeout=min(limit, remaining) if limit else None)
                if not done:
                    task.cancel()
                    await asyncio.wait({task}, timeout=10)
                    for ctx in self._contexts[opened:]:
                        await close_quietly(ctx, 5)
                    self.info.unfinished[name] = f"stopped after {limit:.0f}s: the audit's time budget"
                    self.info.notes.append(f"probe {name} stopped: time budget reached")
                    if not await self.session.alive():
                        await self.session.restart()
                    continue
                artifact = task.result()
            except Exception as exc:
                log.exception("probe %s failed", name)
                self.info.notes.append(self._scrub(f"probe {name} failed: {_short_error(exc)}"))
                continue
            except BaseException:
                task.cancel()
                raise
            finally:
                self.phase = "crawl"
            if artifact is None:  # the probe does not apply (the signup trial in passive mode)
                continue
            refused = [w.line() for w in self._writes[mark:] if not w.allowed]
            if hasattr(artifact, "refused_requests"):
                artifact.refused_requests = list(dict.fromkeys([*artifact.refused_requests, *refused]))
            artifact = artifact.model_validate(clean_data(_scrub_data(artifact.model_dump(by_alias=True),
                                                                      self._secrets)))
            self.info.probes[name] = self.writer.write_model(f"probes/{name}.json", artifact)
            self.info.timings[f"probe_{name}"] = round(time.perf_counter() - t0, 2)
            log.info("probe %s: %.1fs", name, self.info.timings[f"probe_{name}"])

    def item_urls(self, limit: int) -> list[str]:
        """Item pages the crawl found (final URLs), in visit order."""
        return [p.final_url or p.url for p in self.pages if p.ok and p.role == "item"][:limit]


# ---------------------------------------------------------------------- page helpers


async def collect(definition: AuditDefinition, run_dir: Path, session: BrowserSession,
                  progress: ProgressFn | None = None) -> BundleInfo:
    """Collect the evidence bundle of the platform in `definition` into `run_dir`."""
    return await Collector(definition, run_dir, session, progress).run()


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
        if frame.url and _site_of(frame.url) == site:
            sub = await _frame_inventory(frame, timeout)
            if sub:
                sub = _clean_tree(sub, scrub_fn)
                elements += [Element.model_validate({**e, "frame": frame.url}) for e in sub["elements"]]
                forms += [Form.model_validate({**f, "frame": frame.url}) for f in sub["forms"]]
                texts.append(sub["text"])
    frames += [f["src"] for f in data["iframes"] if f["src"] and f["src"] not in frames]
    return PageInventory(data, elements, forms, "\n".join(texts), frames)


def _clean_tree(data, scrub_fn: Callable[[str], str] | None):
    data = clean_data(data)
    if scrub_fn is None:
        return data
    return _map_strings(data, scrub_fn)


def _map_strings(value, fn: Callable[[str], str]):
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {k: _map_strings(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_strings(v, fn) for v in value]
    return value


def scrub(text: str, secrets: list[str]) -> str:
    """Valid text with every secret (and its URL-encoded form) replaced by [secret]."""
    return redact(text, secrets)


def _scrub_data(value, secrets: list[str]):
    return _map_strings(value, lambda s: scrub(s, secrets)) if secrets else value


async def _frame_inventory(frame: Frame, timeout: float = 20.0) -> dict | None:
    try:
        return await bounded(frame.evaluate(EXTRACT_JS), timeout, "reading a frame")
    except PlaywrightError as exc:
        log.info("frame %s not read: %s", frame.url, _short_error(exc))
        return None


async def _screenshot(page: Page, timeout: float = 15.0, masked: bool = False) -> bytes:
    """A JPEG of the page (at most MAX_SCREENSHOT_HEIGHT tall); with `masked`, every form field is blacked out.

    Fields are masked in screenshots taken where login secrets are in use, so a password or an account
    name typed or echoed into a field never lands in a picture.
    """
    height = await bounded(page.evaluate("() => document.documentElement ? document.documentElement.scrollHeight : 0"),
                           timeout, "measuring the page")
    width = page.viewport_size["width"] if page.viewport_size else 1280
    clip = {"x": 0, "y": 0, "width": width, "height": min(max(int(height or 1), 1), MAX_SCREENSHOT_HEIGHT)}
    mask = [page.locator("input, textarea, select, [contenteditable]")] if masked else None
    ms = int(timeout * 1000)
    try:
        return await bounded(page.screenshot(full_page=True, clip=clip, type="jpeg", quality=70, timeout=ms, mask=mask,
                                             mask_color="#000000"), timeout + 5, "the screenshot")
    except PlaywrightError:
        return await bounded(page.screenshot(type="jpeg", quality=70, timeout=ms, mask=mask, mask_color="#000000"),
                             timeout + 5, "the screenshot")


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
                await page.wait_for_timeout(200)
                return name
            except PlaywrightError:
                continue
    return None


def _digit_template(url: str) -> str:
    """/companion/12/number -> /companion/{n}/number (host kept)."""
    parts = urlsplit(url)
    return parts.netloc + re.sub(r"\d+", "{n}", parts.path)


def item_template(url: str) -> str:
    """/companion/12?x=1 -> 'host/companion/{id}' when the last path segment looks like an ID or a slug with a number."""
    parts = urlsplit(url)
    segs = [s for s in parts.path.split("/") if s]
    if len(segs) < 2 or not re.search(r"\d", segs[-1]):
        return ""
    return f"{parts.netloc}/{'/'.join(segs[:-1])}/{{id}}"


def _normalise(url: str) -> str:
    url, _ = urldefrag(url.strip())
    parts = urlsplit(url)
    if not parts.path:
        url = url.replace(parts.netloc, parts.netloc + "/", 1) if parts.netloc else url
    return url


# The Public Suffix List snapshot that ships with tldextract; never fetched (closed networks, politeness).
_SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def _site_of(url: str) -> str:
    """The registrable domain of a URL's host (example.co.uk; host:port for IP addresses and localhost)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host) or host == "localhost":
        return f"{host}:{parts.port or ''}"
    parsed = _SUFFIXES(host)
    return parsed.top_domain_under_public_suffix or host


def _short_error(exc: BaseException) -> str:
    """The first line of an error, without Playwright's call prefix or the repeated URL."""
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    msg = re.sub(r"^\w+\.\w+: ", "", msg)
    msg = re.sub(r" at https?://\S+$", "", msg)
    return msg[:300]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
