"""collect: visit a platform in Chromium, discover its pages, run the probes, and save the evidence bundle.

The crawl starts at the definition's URL, follows same-site links in priority order (policies,
help, signup and a sample of items first), and visits pages with a bounded pool of workers. Every
page becomes a PageRecord, also when it fails: the error is recorded and the crawl goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import heapq
import itertools
import json
import logging
import os
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from playwright.async_api import BrowserContext, Page
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout
from pydantic import BaseModel

from checks import lexicon
from safehaven.bundle import BundleWriter
from safehaven.models import BundleInfo, PageRecord, RequestRecord, WriteRecord
from safehaven.textsafe import clean_data, clean_text, redact, register_secrets
from safehaven.urls import leaves_for_inner_network, normalise, page_key, route_fragment, route_split, site_of
from toolkit.collection.age_probe import (
    detect_gate,
    dismiss_cookie_banner,
    pass_gate,
    probe_age_gate,
    unlock_with_script_flag,
)
from toolkit.collection.browser import (
    BrowserSession,
    ContextEvents,
    bounded,
    close_quietly,
    guard_of,
    quiet,
    reuse_pages,
    settle,
    short_error,
)
from toolkit.collection.classify import (
    ID_WITH_OFFSET,
    agreement_step_url,
    classify_page,
    is_feed_url,
    is_item_url,
    is_member_profile,
    is_post_permalink,
    is_system_url,
    item_by_content,
    query_pairs,
)
from toolkit.collection.contact_probe import probe_contact
from toolkit.collection.context import MAX_LANES, ProbeContext
from toolkit.collection.documents import MAX_DOCUMENTS, fetch_document, policy_pdf, read_pdf
from toolkit.collection.guard import WriteGuard, acting_link
from toolkit.collection.interact import (
    PAGE_SUFFIX,
    click_mark,
    find_controls,
    item_template,
    map_strings,
    name_template,
    page_inventory,
    reveal_lazy_sections,
)
from toolkit.collection.report_probe import probe_reporting
from toolkit.collection.signup_probe import probe_signup
from toolkit.definition import AuditDefinition

log = logging.getLogger("safehaven.collect")


# Per asyncio task, so probes that run side by side label their own contexts and writes.
_PHASE: contextvars.ContextVar[str] = contextvars.ContextVar("safehaven_phase", default="crawl")
_LOGGING_IN: contextvars.ContextVar[bool] = contextvars.ContextVar("safehaven_logging_in", default=False)

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
MAX_SCREENSHOT_HEIGHT = 7000
WEB_PAGE = re.compile(r"text/html|application/xhtml\+xml")
MAX_SCRIPT_LINKS = 8  # clickable rows without an href tried per page, when no item links were found
SCRIPT_LINK_JS = """(i) => {
  const els = Array.from(document.querySelectorAll(
      '[role=link]:not(a), [onclick]:not(a):not(button):not(input), [data-href]:not(a)'))
    .filter(e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && r.height > 0 && !e.closest('form, nav, header, footer, [role=dialog]'); });
  if (i >= els.length) return null;
  els[i].setAttribute('data-safehaven-script-link', String(i));
  return (els[i].getAttribute('aria-label') || els[i].innerText || '').trim().slice(0, 200);
}"""
MIN_SIBLING_ITEMS = 4


def _sibling_template(url: str) -> str:
    """The pattern an item link shares with its siblings: by an ID or long slug (/ads/{id}), else by a handle or short
    name (/m/{name}, /rooms/{name}); learned only from many such links on one page."""
    return item_template(url) or name_template(url)


def _category_template(url: str) -> str:
    """/te-koop/oak-table-with-four-chairs.html and /diensten/dog-walker-on-weekdays.html -> 'host/{category}/{slug}.html':
    an item named by a long title slug under its category, the address classifieds software gives an ad. One category
    rarely lists four ads of its own, so siblings are counted across categories; learned only from links of two or
    more categories in one page's body."""
    parts = urlsplit(url)
    segs = [s for s in parts.path.split("/") if s]
    if parts.query or len(segs) != 2 or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+){2,}", PAGE_SUFFIX.sub("", segs[1].lower())):
        return ""
    suffix = PAGE_SUFFIX.search(segs[-1])
    return f"{parts.netloc}/{{category}}/{{slug}}{suffix.group(0).lower() if suffix else ''}"


def _kin_template(url: str) -> str:
    """The sibling pattern with a long slug (/companions/mila-de-vries) and a short one (/companions/lotte-ams) alike."""
    return _sibling_template(url).replace("{slug}", "{name}")


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


MAX_BACKOFFS = 6  # pages retried after a "slow down" answer, per audit
BUSY_PAUSE = 2.0  # seconds before a page answered "503" without Retry-After is asked for again


def retry_after(value: str, default: float = 5.0) -> float:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date (default when absent or unreadable)."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return default
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class CrawlFailed(RuntimeError):
    """The start URL could not be loaded: the audit cannot run."""


class _AlreadyVisited(Exception):
    """The link redirected to a page the crawl has already read ("last post" jumps, post permalinks)."""


class _InnerNetwork(Exception):
    """The page led (by a redirect, which no route sees) to a loopback, private or link-local address of a network
    the platform is not on: the browser went there, and nothing read there is kept."""

    def __init__(self, url: str, why: str):
        super().__init__(f"{url} ({why})")
        self.host = urlsplit(url).hostname or url


INNER_NOTE = "; the audit does not follow a platform into the auditing machine's own networks"


class _LeftPlatform(Exception):
    """The link led off the platform: an outbound redirect ("/go?url=...", "visit website") or a script or meta
    refresh that sends the visitor to another site. That site's page is not the platform's."""


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
        self.start_url = normalise(start)
        self.site = site_of(start)
        self.allowed_hosts = {urlsplit(start).hostname or ""} | set(self.crawl.extra_hosts)
        self._slowdown = 1.0  # doubles each time the platform answers 429 (or 503 with Retry-After)
        self._backoffs = 0
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
        self._contexts: list[BrowserContext] = []
        self._contexts_by_phase: list[tuple[str, BrowserContext]] = []
        budget = getattr(self.crawl, "budget", None)
        self.budget = float(budget) if budget else None
        self._t_start = time.monotonic()
        self._item_patterns: set[str] = set()
        self._canonical: dict[str, str] = {}  # fold key of a visited URL -> fold key of its canonical page
        self._gate_seen = False
        self._gate_returns = 0
        self._login_paths: set[tuple[str, frozenset[tuple[str, str]]]] = set()
        self._walled: set[str] = set()
        self._visited: dict[str, str] = {}  # fold key of a page's final URL -> the role of the page read there
        self._jump_suffixes: set[str] = set()  # path tails that redirect to the page above them: last/, post/{n}/
        self._indexed_roots: set[str] = set()  # fold keys of items that permalinks land in at a post number
        self._claimed_items: set[str] = set()  # fold keys of item pages being read (two workers, one item)
        self._folded = 0
        self._left: list[str] = []  # links that led off the platform (the sites they led to)
        self._prepared: dict | None = None  # cookies and localStorage once the start page was cleared (banner, gate)
        self._shots: dict[int, asyncio.Future] = {}  # id(page) -> its screenshot, taken while the crawl goes on
        self._finishing: set[asyncio.Future] = set()  # pages waiting for their screenshot before they close
        self._documents: dict[str, _Candidate] = {}  # policy PDFs linked from the pages read (documents.py)

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
            await self._pages_finished()
            await close_quietly(ctx, 10)
        self._reclassify_items()
        for record in self.pages:
            self.writer.write_model(f"pages/{record.id}/page.json", record)
        self.info.timings["crawl"] = round(time.perf_counter() - t0, 2)
        log.info("crawl: %d pages in %.1fs", len(self.pages), self.info.timings["crawl"])
        t1 = time.perf_counter()
        await self._run_probes()
        self.info.timings["probes"] = round(time.perf_counter() - t1, 2)
        self.info.pages = [p.id for p in self.pages]
        self.info.writes = [w.model_copy(update={"url": self._scrub(w.url), "page_url": self._scrub(w.page_url),
                                                 "action": self._scrub(w.action)}) for w in self._writes]
        self.info.notes = [self._scrub(n) for n in self.info.notes]
        self.info.finished_at = _now()
        self.writer.write_model("bundle.json", self.info)
        self.writer.write_manifest()
        return self.info

    # ------------------------------------------------------------------ crawl

    async def _context(self, storage_state: dict | None = None) -> tuple[BrowserContext, ContextEvents]:
        """A fresh context with the write guard on, labelled with the part of the audit that opens it.

        The one place an audit opens a browser context: the crawl, every probe (through ProbeContext), the
        login and the gate re-pass all use contexts made here, each with a WriteGuard that records into the
        audit's one list of writes.
        """
        d = self.defn.device
        locale = d.locale or ("nl-NL" if self.defn.platform.language == "nl" else "en-GB")
        ctx, events = await self.session.new_context(width=d.width, height=d.height, mobile=d.mobile, locale=locale,
                                                     ua_suffix=d.user_agent_suffix, storage_state=storage_state,
                                                     guard=WriteGuard(self.phase, sink=self._writes,
                                                                      stop_forms=not _LOGGING_IN.get(),
                                                                      home=self.defn.platform.url))
        self.info.user_agent = self.info.user_agent or await self.session.user_agent(d.user_agent_suffix)
        ctx.set_default_timeout(self.crawl.page_timeout * 1000)
        ctx.set_default_navigation_timeout(self.crawl.page_timeout * 1000)
        ctx.on("page", self._bound_page)
        reuse_pages(ctx)  # a closed tab serves the next page: a new tab costs Chromium a second of CPU
        self._contexts.append(ctx)
        self._contexts_by_phase.append((self.phase, ctx))
        return ctx, events

    @property
    def phase(self) -> str:
        """Which part of the audit is running here (crawl or a probe's name), for the write guard's records."""
        return _PHASE.get()

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
            if record.status == 401 or "ERR_INVALID_AUTH_CREDENTIALS" in (record.error or ""):
                raise CrawlFailed(f"{self.start_url} asks for a user name and password (HTTP 401) before anything shows: "
                                  "there is nothing a visitor sees to audit")
            if "ERR_BLOCKED_BY_CLIENT" in (record.error or "") and (inner := guard_of(ctx).inner_refused):
                record.error = f"it leads to {inner[0]}{INNER_NOTE}"  # a script or refresh sent it there (refused)
            raise CrawlFailed(f"{self.start_url} could not be loaded: {record.error or f'HTTP {record.status}'}")
        kind = record.content_type.split(";")[0].strip().lower()
        if kind and not WEB_PAGE.match(kind):
            raise CrawlFailed(f"{self.start_url} is not a web page but {kind}: give the address of the platform's "
                              "home page (the page a visitor opens first)")

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
                    if cand.hint is None and self.is_item(cand.url) and self._items_seen() >= self.crawl.max_items:
                        continue  # enough items: the budget goes to other pages
                    if cand.hint is None and self._is_known_jump(cand.url):
                        self._folded += 1
                        continue  # /t/slug/5/last/ when /t/slug/5/post/9/ redirected to /t/slug/5/: the same page
                    busy += 1
                try:
                    await self._visit(ctx, events, cand)
                finally:
                    async with cond:
                        busy -= 1
                        cond.notify_all()

        await asyncio.gather(*(worker() for _ in range(self.crawl.concurrency)))
        if len(self.item_urls()) < 2 and await self._script_links(ctx):
            await asyncio.gather(*(worker() for _ in range(self.crawl.concurrency)))
        await self._signup_dialog(ctx, events)
        await self._read_documents(ctx)
        await self._pages_finished()
        if self._left:
            sites = ", ".join(dict.fromkeys(self._left))
            self.info.notes.append(f"{len(self._left)} link(s) led off the platform (to {self._scrub(sites)[:300]}); "
                                   "those pages were not read as the platform's")
        if self._folded:
            self.info.notes.append(f"{self._folded} link(s) led to pages already read (redirects such as 'last post' "
                                   "jumps and post permalinks); each page was read once")

    def _enqueue(self, url: str, found_from: str | None, link_text: str, depth: int, *,
                 hint: str | None = None, priority: float | None = None) -> None:
        url = fold_url(normalise(url))
        key = fold_key(url)
        if key not in self._queued and len(self._documents) < MAX_DOCUMENTS and policy_pdf(url, link_text) \
                and self._on_platform(url):
            # terms or a privacy statement published as a PDF: read after the pages (_read_documents)
            self._queued.add(key)
            self._documents[url] = _Candidate(1.0, next(self._seq), url, found_from, link_text, depth, "policy")
            return
        if key in self._queued or not self._in_scope(url) or self._behind_known_wall(url):
            return
        item = self.is_item(url)
        if item and hint is None:
            # A generous cap on what waits; the item budget itself counts pages that turned out to be items.
            if self._items_queued >= self.crawl.max_items * 4:
                return
            self._items_queued += 1
        self._queued.add(key)
        if priority is None:
            priority = self._priority(url, link_text, depth, item)
        heapq.heappush(self._frontier, _Candidate(priority, next(self._seq), url, found_from, link_text, depth, hint))

    def _priority(self, url: str, link_text: str, depth: int, item: bool) -> float:
        label = f"{link_text} {' '.join(re.split(r'[/_.-]+', route_split(url).path))}"
        for rank, role in enumerate(("policy", "help", "report", "signup", "login"), start=1):
            if lexicon.has(label, "roles", role):
                return 1 + rank / 10
        if item:  # topics, posts and ads before jumps to one post in a topic, and those before member profiles
            return 2 + depth / 10 + (0.3 if is_post_permalink(url) else 0) + (0.5 if is_member_profile(url) else 0)
        if is_system_url(url):  # search, print views, member lists, sort variants: only when nothing else is left
            return 6 + depth
        return 3 + depth

    def _on_platform(self, url: str) -> bool:
        return (urlsplit(url).hostname or "") in self.allowed_hosts or site_of(url) == self.site

    def _in_scope(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or SKIP_EXTENSIONS.search(parts.path) or acting_link(url) \
                or is_feed_url(url):
            return False
        return self._on_platform(url)

    async def _read_documents(self, ctx: BrowserContext) -> None:
        """The policy PDFs the pages link to, read as policy pages: one streamed GET each with the context's
        cookies (within the same politeness and page budget, bounded in size and time, redirects only on the
        platform), the text taken out of the PDF in a bounded child process, the file kept as evidence."""
        for url, cand in list(self._documents.items()):
            if len(self.pages) >= self.crawl.max_pages or self._remaining(0.6) == 0:
                break
            pid = f"p{next(self._page_ids):03d}"
            record = PageRecord(id=pid, url=url, found_from=cand.found_from, link_text=cand.link_text[:200],
                                depth=cand.depth, role="policy")
            await self._polite_wait()
            t0 = time.perf_counter()
            cookies = "; ".join(f"{c['name']}={c['value']}" for c in await ctx.cookies(url))
            headers = {"User-Agent": self.info.user_agent or "Mozilla/5.0", "Accept": "application/pdf,*/*;q=0.5"}
            if cookies:
                headers["Cookie"] = cookies
            got = await asyncio.to_thread(fetch_document, url, headers=headers, timeout=self.crawl.page_timeout,
                                          allowed=self._on_platform)
            record.status = got.status or None
            record.final_url = self._scrub(got.final_url)
            record.content_type = clean_text(got.content_type)
            data, record.error = got.data, self._scrub(got.error) or None
            if data and not data.startswith(b"%PDF"):
                record.error, data = "not a PDF", b""
            title = text = ""
            if data:
                title, text, problem = await read_pdf(data)
                text = self._scrub(clean_text(text))
                record.error = self._scrub(problem) or None
                if not text and not problem:
                    record.error = "the PDF has no text to read (a scan without a text layer?)"
            record.elapsed_ms = int((time.perf_counter() - t0) * 1000)
            if text:
                record.title = (self._scrub(clean_text(title)) or cand.link_text or url.rsplit("/", 1)[-1])[:300]
                record.files["text"] = self.writer.write_text(f"pages/{pid}/text.txt", text)
                record.files["document"] = self.writer.write_bytes(f"pages/{pid}/document.pdf", data)
                record.role_reasons = ["a PDF linked as a policy document"]
            self.pages.append(record)
            self.progress("pages", len(self.pages), self.crawl.max_pages)

    async def _polite_wait(self) -> None:
        async with self._rate_lock:
            gap = self._slowdown / self.crawl.requests_per_second
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

        def finished(req) -> None:
            asyncio.ensure_future(self._note_request(req, requests))

        def failed(req) -> None:
            requests.append(RequestRecord(url=self._scrub(req.url)[:500], method=req.method,
                                          resource_type=req.resource_type, same_site=site_of(req.url) == self.site))

        page.on("requestfinished", finished)
        page.on("requestfailed", failed)
        try:
            wait = await bounded(self._load_and_read(page, record, cand, first_page), self.page_bound(), "the page")
            if wait is not None:  # the platform asked us to slow down: back off, then try this page once more
                await self._back_off(wait, record.status)
                record.status = record.error = None
                await bounded(self._load_and_read(page, record, cand, first_page), self.page_bound(), "the page")
        except _AlreadyVisited:
            # Not a page of its own: drop the record, so the page budget and every count go to distinct pages.
            self.pages.remove(record)
            self._folded += 1
            return record  # (the page is closed below)
        except _InnerNetwork as inner:
            log.warning("page %s led to %s: not read", cand.url, inner)
            if not first_page:
                self.pages.remove(record)
                self._left.append(inner.host)
                return record
            record.error = f"it leads to {inner}{INNER_NOTE}"
        except _LeftPlatform as left:
            # Another site's page: its phone numbers, report buttons or rules are not the platform's.
            self.pages.remove(record)
            self._left.append(str(left))
            return record
        except (PlaywrightError, PlaywrightTimeout) as exc:
            record.error = self._scrub(short_error(exc))
            with contextlib.suppress(Exception):
                record.final_url = record.final_url or self._scrub(page.url)
            log.warning("page %s failed: %s", cand.url, record.error)
        finally:
            with contextlib.suppress(Exception):
                record.events = [e.model_copy(update={"detail": self._scrub(clean_text(e.detail))})
                                 for e in events.take_for(page.url) + events.take_for(cand.url)]
            record.elapsed_ms = int((time.perf_counter() - t0) * 1000)
            # The worker goes on to its next page while this one's screenshot is taken; then it closes.
            done = asyncio.ensure_future(self._finish_page(page, record, requests, finished, failed))
            self._finishing.add(done)
            done.add_done_callback(self._finishing.discard)
        return record

    async def _finish_page(self, page: Page, record: PageRecord, requests: list[RequestRecord], *listeners) -> None:
        """Wait for the page's screenshot, note the requests it made until then, and close it."""
        try:
            await self._shot_taken(page)
        finally:
            record.requests = requests[:300]
            for event, listener in zip(("requestfinished", "requestfailed"), listeners, strict=True):
                page.remove_listener(event, listener)  # the tab may serve the next page (reuse_pages)
            await close_quietly(page, 10)

    async def _shot_taken(self, page: Page) -> None:
        """The screenshot `_extract` started on this page, done (or failed, noted on its record)."""
        shot = self._shots.pop(id(page), None)
        if shot is not None:
            await asyncio.wait({shot})

    async def _pages_finished(self) -> None:
        """Every page's screenshot taken and every page closed (bounded: a hung page is left behind)."""
        while self._finishing:
            await asyncio.wait(set(self._finishing), timeout=self.page_bound())
            if any(not t.done() for t in self._finishing):
                break

    async def _back_off(self, wait: float, status: int | None) -> None:
        """HTTP 429 or 503: wait as asked (at most 30 s, and within the budget) and halve the
        request rate for the rest of the audit, probes included."""
        self._slowdown = min(self._slowdown * 2, 16.0)
        left = self._remaining()
        wait = max(0.0, min(wait, 30.0, left / 4 if left is not None else 30.0))
        self._backoffs += 1
        if self._backoffs == 1:
            self.info.notes.append(f"the platform asked the audit to slow down (HTTP {status}): it waited {wait:g}s "
                                   "and lowered its request rate")
        async with self._rate_lock:
            await asyncio.sleep(wait)
            self._last_request = time.monotonic()

    async def _load_and_read(self, page: Page, record: PageRecord, cand: _Candidate, first_page: bool) -> float | None:
        """Load and read one page; returns the seconds to wait when the platform asks to slow down (else None)."""
        response = await goto_page(page, cand.url)
        record.status = response.status if response else None
        if response is not None and record.status in (429, 503) and self._backoffs < MAX_BACKOFFS:
            # 503 without Retry-After: a server too busy for the moment (an event loop that lags under load), so a
            # short pause; a 503 that stays (maintenance) costs at most MAX_BACKOFFS such pauses per audit
            bare_503 = record.status == 503 and "retry-after" not in response.headers
            return retry_after(response.headers.get("retry-after", ""), default=BUSY_PAUSE if bare_503 else 5.0)
        with contextlib.suppress(PlaywrightError):
            record.content_type = clean_text((response.headers.get("content-type") or "") if response else "")[:100]
        # Item pages often get their controls (menus, report buttons) from scripts after load: wait longer.
        await settle(page, self.crawl.settle_ms * (2 if self.is_item(cand.url) else 1))
        if first_page:
            await self._clear_the_way(page)
            with contextlib.suppress(PlaywrightError):  # where every prepared context of the probes starts
                self._prepared = await page.context.storage_state()
        elif self._gate_seen and await self.pass_gate_again(page):
            record.gate_returned = True
        record.final_url = self._scrub(page.url)
        if page.url.startswith("http") and (inner := leaves_for_inner_network(page.url, self.start_url)):
            raise _InnerNetwork(self._scrub(page.url)[:200], inner)
        if first_page and page.url.startswith("http") and site_of(page.url) != self.site:
            # The address given redirects to another site (a platform that moved, or its canonical domain):
            # that site is the platform a visitor gets, so it is the one audited.
            self.info.notes.append(f"the start address redirects to {record.final_url}: the audit follows the "
                                   "platform there")
            self.site = site_of(page.url)
            self.allowed_hosts.add(urlsplit(page.url).hostname or "")
        if not first_page and self._redirected_to_known(cand.url, page.url):
            raise _AlreadyVisited(page.url)
        if not first_page and cand.hint is None and page.url.startswith("http") and not self._on_platform(page.url):
            raise _LeftPlatform(urlsplit(page.url).hostname or page.url)
        await self._extract(page, record, cand)

    async def _note_request(self, req, requests: list[RequestRecord]) -> None:
        try:
            resp = await req.response()
            status = resp.status if resp else None
        except PlaywrightError:
            status = None
        requests.append(RequestRecord(url=self._scrub(req.url)[:500], method=req.method, resource_type=req.resource_type,
                                      status=status, same_site=site_of(req.url) == self.site))

    async def prepared_context(self) -> tuple[BrowserContext, ContextEvents]:
        """A fresh context that has opened the start page, dismissed the cookie banner and passed the gate.

        It starts with the cookies and localStorage the crawl had just after doing exactly that on its first page,
        instead of doing it again (a start page and a gate, seconds, for every probe); the login, which must see
        its own way in, does it again."""
        if self._prepared is not None and not _LOGGING_IN.get():
            return await self._context(self._prepared)
        ctx, events = await self._context()
        page = await ctx.new_page()
        try:
            await self._polite_wait()
            await bounded(self._prepare(page), self.page_bound(), "the start page")
        except PlaywrightError as exc:
            log.info("preparing a context failed: %s", short_error(exc))
        finally:
            await close_quietly(page, 10)
        return ctx, events

    async def _prepare(self, page: Page) -> None:
        await goto_page(page, self.start_url)
        await settle(page, self.crawl.settle_ms)
        await self._clear_the_way(page, note=False)

    async def logged_in_context(self) -> BrowserContext | None:
        """A prepared context logged in with the definition's [login] steps; None without login or on failure.

        Secrets come from the environment and are typed, never logged or stored.
        """
        login = self.defn.login
        if not login or not login.steps:
            return None
        token = _LOGGING_IN.set(True)
        try:
            ctx, _ = await self.prepared_context()
        finally:
            _LOGGING_IN.reset(token)
        guard = guard_of(ctx)
        if self._secrets:  # screenshots taken logged in: fields blurred, echoed secrets shown as [secret]
            await ctx.add_init_script(REDACT_JS.replace("__SECRETS__", json.dumps(self._secrets)))
        page = await ctx.new_page()
        n, step = 0, login.steps[0]
        try:
            # The login steps are the only writes an audit lets through: what a click step's page sends from
            # its own top frame until it lands on its next document (the login form's post), nothing else.
            for n, step in enumerate(login.steps):
                guard.note_action(f"login step {n}: {step.action} {step.target}")
                with guard.opened("login steps", page=page) if step.action == "click" else contextlib.nullcontext():
                    await bounded(self._login_step(page, step), self.page_bound(), f"login step {n}")
                log.info("login step %d (%s) done", n, step.action)
            guard.note_action("")
        except (PlaywrightError, ValueError) as exc:
            self.info.notes.append(self._scrub(
                f"login failed at step {n} ({step.action} {step.target}): {short_error(exc)}"))
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
        gate = await detect_gate(page)
        if gate.get("gate"):
            self._gate_seen = True
            guard = guard_of(page.context)
            mark = guard.mark()
            passed = await pass_gate(page)
            posted = [w for w in guard.since(mark) if w.during]
            if passed and posted and (await detect_gate(page)).get("gate"):
                passed, self._gate_seen = "", False  # no use trying again on every page: it cannot be passed
                if note:
                    self.info.notes.append(f"the age gate is passed by sending a form ({posted[0].line()}), which "
                                           "passive mode refuses: the gate stayed, and the crawl read what shows with it")
            if (not passed or (await detect_gate(page)).get("gate")) and not posted:
                # It cannot be passed (a bank login, a camera step): the flag its own script checks may open it.
                flag = await unlock_with_script_flag(page, self.crawl.settle_ms)
                if flag:
                    passed = f"the {flag['kind']} flag {flag['name']}={flag['value']} its script checks, set by hand"
            if note:
                self.info.notes.append(f"age gate on the start page ({gate['kind']}); passed for the crawl: "
                                       f"{passed or 'no'}")
            if passed:
                await settle(page, self.crawl.settle_ms)
                await dismiss_cookie_banner(page)

    async def pass_gate_again(self, page: Page) -> bool:
        """A gate that comes back on a page load (its state kept in memory only): pass it again, as a visitor would.

        Used by the crawl and by every probe once a gate was seen; returns whether a gate showed."""
        if not self._gate_seen:
            return False
        gate = await detect_gate(page)
        if not gate.get("gate"):
            return False
        self._gate_returns += 1
        if self._gate_returns == 1:
            self.info.notes.append("the age gate came back on a later page load (its state is not kept); "
                                   "passed again wherever it showed")
        if await pass_gate(page):  # pass_gate waits for a navigation it causes; an in-page gate needs only a moment
            await page.wait_for_timeout(min(self.crawl.settle_ms, 300))
        return True

    async def _extract(self, page: Page, record: PageRecord, cand: _Candidate) -> None:
        await reveal_lazy_sections(page)  # sections drawn only when scrolled near (seller box, report button)
        inv = await page_inventory(page, self.site, self._scrub)
        if cand.hint is None and page.url.startswith("http") and not self._on_platform(page.url):
            raise _LeftPlatform(urlsplit(page.url).hostname or page.url)  # a late refresh or script sent it away
        data, elements, forms = inv.data, inv.elements, inv.forms
        record.title = data["title"][:300]
        record.lang = data["lang"][:20]
        record.elements = [e for e in elements if e.href is None or not e.href.startswith("javascript:")]
        record.forms = forms
        record.frames = inv.frames
        record.signals = data.get("signals") or {}
        canonical = record.signals.get("canonical") or ""
        if canonical and self._in_scope(canonical):
            # The canonical page is this page: don't spend the budget on it again under its other name.
            self._canonical[fold_key(page.url)] = self._canonical[fold_key(cand.url)] = fold_key(canonical)
            self._queued.add(fold_key(canonical))
        text = inv.text
        base = f"pages/{record.id}"
        record.files["text"] = self.writer.write_text(f"{base}/text.txt", text)
        dom = await bounded(page.evaluate(DOM_JS), self.crawl.page_timeout, "reading the DOM")
        record.files["dom"] = self.writer.write_text(f"{base}/dom.html", self._scrub(clean_text(dom)))
        # The screenshot is taken while the crawl reads on (see _finish_page): it costs Chromium a third of a
        # second of rendering, in which the worker's next page already loads.
        self._shots[id(page)] = asyncio.ensure_future(self._shoot(page, record, f"{base}/screenshot.jpg"))
        self._learn_item_patterns(record)
        item_links = listed_items(page.url, cand.url, [e.href for e in record.elements
                                                       if e.href and e.region not in ("nav", "header", "footer")],
                                  self.is_item)
        role, reasons = classify_page(page.url, title=record.title, link_text=cand.link_text, text=text, forms=forms,
                                      item_links=item_links, is_start=cand.hint == "start" and cand.depth == 0,
                                      hint=None if cand.hint == "start" else cand.hint, signals=record.signals,
                                      link_names=[e.name for e in record.elements if e.href])
        record.role, record.role_reasons = role, reasons
        self._visited.setdefault(fold_key(page.url), role)
        if role == "login":
            # One login wall is enough evidence: don't spend the page budget on the same wall again.
            self._login_paths.add(_wall_key(page.url))
            if route_split(page.url).path != route_split(cand.url).path:
                self._walled.add(_digit_template(cand.url))
        if role == "signup":  # rules first, then "Agree" (a GET form) opens the signup form itself
            for f in forms:
                step = agreement_step_url(f, page.url)
                if step:
                    self._enqueue(step, page.url, record.link_text or "register", cand.depth + 1, priority=1.05)
        for e in record.elements:
            if e.href and e.tag in ("a", "area"):
                self._enqueue(urljoin(page.url, e.href), page.url, e.name, cand.depth + 1)

    async def _shoot(self, page: Page, record: PageRecord, path: str) -> None:
        try:
            shot = await _screenshot(page, self.crawl.page_timeout, masked=bool(self._secrets))
        except (PlaywrightError, PlaywrightTimeout) as exc:
            record.error = record.error or self._scrub(f"screenshot: {short_error(exc)}")
            log.warning("screenshot of %s failed: %s", record.url, record.error)
            return
        record.files["screenshot"] = self.writer.write_bytes(path, shot)

    async def _script_links(self, ctx: BrowserContext) -> int:
        """Pages a single-page app links only by script: rows without an href that navigate when clicked (onclick,
        role=link, data-href; history.pushState or location). Tried only when the crawl found no items by links:
        each of the first MAX_SCRIPT_LINKS such rows of the start page and of listings is clicked in a fresh tab,
        and the URL it leads to is queued. A click that tries to send something meets the write guard."""
        sources = [p for p in self.pages if p.ok and p.role in ("start", "listing", "other") and sum(
            1 for e in p.elements if not e.href and (e.role == "link" or "onclick" in e.attrs)) >= 2][:2]
        found = 0
        for src in sources:
            url = src.final_url or src.url
            targets: dict[str, set[str]] = {}
            for i in range(MAX_SCRIPT_LINKS):
                page = await ctx.new_page()
                try:
                    await self._polite_wait()
                    name, target = await bounded(self._click_script_link(page, url, i), self.page_bound(),
                                                 "a script link")
                except (PlaywrightError, PlaywrightTimeout) as exc:
                    log.info("script link %d on %s not followed: %s", i, url, short_error(exc))
                    continue
                finally:
                    await close_quietly(page, 10)
                if name is None:
                    break  # no more such rows on this page
                if target and fold_key(target) != fold_key(url) and self._in_scope(target) and not is_system_url(target):
                    # cards of one grid that lead to /performer/{name} teach the item pattern, as sibling links do
                    template = _sibling_template(target)
                    if template:
                        targets.setdefault(template, set()).add(page_key(target))
                if target and fold_key(target) != fold_key(url) and fold_key(target) not in self._queued:
                    self._enqueue(target, url, name, src.depth + 1)
                    found += 1
            self._learn_from_siblings(targets)
        if found:
            self.info.notes.append(f"{found} page(s) reached only by clicking rows without a link (script navigation)")
        return found

    async def _click_script_link(self, page: Page, url: str, i: int) -> tuple[str | None, str]:
        await page.goto(url, wait_until="domcontentloaded")
        await settle(page, self.crawl.settle_ms)
        await self.pass_gate_again(page)
        name = await page.evaluate(SCRIPT_LINK_JS, i)
        if name is None:
            return None, ""
        await page.locator(f"[data-safehaven-script-link='{i}']").first.click(timeout=3000)
        await quiet(page, 1500, quiet_ms=120)
        return name, page.url if page_key(page.url) != page_key(url) else ""

    async def _signup_dialog(self, ctx: BrowserContext, events: ContextEvents) -> None:
        """A single-page app's signup form that opens in a dialog from a button (no page or link of its own).

        When the crawl found no signup page, the first pages read are searched for a control named for signing
        up that does not lead to another page (a button, href="#"); it is clicked and, when a signup form
        appeared, the page with the open dialog is recorded as the signup page. Opening a dialog sends nothing.
        """
        if any(p.ok and p.role == "signup" for p in self.pages):
            return
        source, name = None, ""
        for p in [p for p in self.pages if p.ok][:5]:
            here = route_split(p.final_url or p.url).path
            name = next((e.name for e in p.elements if e.visible and lexicon.has(e.name, "roles", "signup") and (
                not e.href or (e.href.startswith(("#", "javascript:")) and not route_fragment(e.href))
                or route_split(urljoin(p.final_url or p.url, e.href)).path
                == here)), "")
            if name:
                source = p
                break
        if source is None:
            return
        url = source.final_url or source.url
        cand = _Candidate(0, next(self._seq), url, url, name, source.depth + 1)
        page = await ctx.new_page()
        try:
            await self._polite_wait()
            await bounded(self._open_signup_dialog(page, cand), self.page_bound(), "the signup dialog")
        except (PlaywrightError, PlaywrightTimeout) as exc:
            log.info("signup dialog on %s not read: %s", url, short_error(exc))
        finally:
            await self._shot_taken(page)
            await close_quietly(page, 10)

    async def _open_signup_dialog(self, page: Page, cand: _Candidate) -> None:
        response = await page.goto(cand.url, wait_until="domcontentloaded")
        await settle(page, self.crawl.settle_ms)
        await self.pass_gate_again(page)
        pattern = lexicon.pattern("roles", "signup").pattern
        here = route_split(page.url).path
        for control in (await find_controls(page, pattern, "signup", True))[:3]:
            href = control.get("href") or ""
            if href and (not href.startswith(("#", "javascript:")) or route_fragment(href)) \
                    and route_split(urljoin(page.url, href)).path != here:
                continue  # a link to a signup page: the crawl follows those
            if control.get("in_form"):
                continue  # a form's own button ("Inschrijven" under a newsletter field) would submit it, not open one
            if not await click_mark(page, control):
                continue
            inv = await page_inventory(page, self.site, self._scrub)
            role, _ = classify_page(page.url, title=inv.data["title"], link_text=control.get("name", ""),
                                    forms=inv.forms)
            if role != "signup":
                continue
            record = PageRecord(id=f"p{next(self._page_ids):03d}", url=cand.url, found_from=cand.url,
                                link_text=(control.get("name") or cand.link_text)[:200], depth=cand.depth,
                                status=response.status if response else None, final_url=self._scrub(page.url))
            self.pages.append(record)
            await self._extract(page, record, cand)
            record.role, record.role_reasons = "signup", [
                f"a signup form in a dialog opened by the control '{record.link_text}' (the page has no signup link)"]
            return

    def _redirected_to_known(self, asked: str, final: str) -> bool:
        """Whether `asked` led to an item, listing or other content page the crawl has already read (a redirect, or
        the same page under another name); learns the jump's path tail when the redirect went up the path.

        A redirect from /t/slug/5/post/13/ to /t/slug/5/#post-13 teaches the tail 'post/{n}/', so /t/slug/6/post/17/
        is not visited at all once /t/slug/6/ is known. Login, signup, report and start pages are never folded: a
        redirect to a login wall is evidence of its own.
        """
        if self._same_item_at_another_index(asked, final):
            return True
        role = self._visited.get(fold_key(final))
        if role is None or role in ("login", "signup", "report", "start"):
            return False
        asked_path, final_path = route_split(asked).path, route_split(final).path.rstrip("/") + "/"
        if asked_path.startswith(final_path) and len(asked_path) > len(final_path):
            self._jump_suffixes.add(re.sub(r"\d+", "{n}", asked_path[len(final_path):]))
        return True

    def _same_item_at_another_index(self, asked: str, final: str) -> bool:
        """Whether `final` shows an item page that is already read or being read, at another post or page index.

        Forums send a post's permalink (/post/8) to its thread with the post's number appended (/topic/4/slug/2):
        such a landing teaches that /topic/4/slug is one item, so the thread itself, and other posts of it, fold
        into whichever of them was read first. Only a redirect teaches this, so /ads/17 and /ads/18, or a listing
        and its next page, linked directly, stay pages of their own. Two workers may read the same item at once
        (a permalink and the thread): the first to get here claims it.
        """
        key = fold_key(final)
        root = self._item_root(final)
        if root and fold_key(asked) != key:
            if root in self._indexed_roots or self._visited.get(root) == "item" or root in self._claimed_items:
                return True
            self._indexed_roots.add(root)
            return False
        if key in self._indexed_roots or (root and root in self._indexed_roots):
            return True
        if self.is_item(final):
            if key in self._claimed_items and self._visited.get(key) is None:
                return True
            self._claimed_items.add(key)
        return False

    def _item_root(self, url: str) -> str | None:
        """The fold key of the item page above a trailing post or page number (/topic/4/slug for /topic/4/slug/2),
        when the path above it is itself an item URL; None otherwise."""
        parts = urlsplit(url)
        m = re.fullmatch(r"(/.+/[^/]+)/\d{1,4}/?", parts.path)
        if not m:
            return None
        above = urlunsplit((parts.scheme, parts.netloc, m.group(1), parts.query, ""))
        return fold_key(above) if self.is_item(above) else None

    def _is_known_jump(self, url: str) -> bool:
        """A URL made of a page already read or queued and a path tail learned to redirect back to it."""
        parts = urlsplit(url)
        for tail in self._jump_suffixes:
            m = re.search(re.escape(tail).replace(r"\{n\}", r"\d+") + "$", parts.path)
            if m and m.start() > 0:
                above = urlunsplit((parts.scheme, parts.netloc, parts.path[:m.start()], "", ""))
                if fold_key(above) in self._visited or fold_key(above) in self._queued:
                    return True
        return False

    def _items_seen(self) -> int:
        """Pages visited so far that show one item (by URL or content), member profiles beside them not counted."""
        return sum(1 for p in self.pages if p.role == "item" and not is_member_profile(p.final_url or p.url, p.signals))

    def _behind_known_wall(self, url: str) -> bool:
        """A login page again (with another ?next=), or a URL like one that already redirected to the login."""
        path, items = _wall_key(url)
        return (bool(route_split(url).query) and any(path == p and known <= items for p, known in self._login_paths)) \
            or _digit_template(url) in self._walled

    def is_item(self, url: str) -> bool:
        """An item URL by its words (/ads/123) or by a pattern learned from listings (/companion/{id}, /m/{name})."""
        return is_item_url(url) or (bool(self._learned_template(url)) and not is_system_url(url))

    def _learned_template(self, url: str) -> str:
        """The learned item pattern this URL follows ('' when none): its sibling pattern, or its category pattern."""
        for template in (_sibling_template(url), _category_template(url)):
            if template and template in self._item_patterns:
                return template
        return ""

    def _learn_item_patterns(self, record: PageRecord) -> None:
        """Many sibling links like /companion/12, /companion/13 ... on one page mark /companion/{id} as items."""
        groups: dict[str, set[str]] = {}
        for e in record.elements:
            if e.href and e.tag == "a" and e.region not in ("nav", "footer", "header") and self._in_scope(e.href) \
                    and not is_system_url(e.href):
                template = _sibling_template(e.href)
                if template:
                    groups.setdefault(template, set()).add(page_key(e.href))
                category = _category_template(e.href)
                if category:
                    groups.setdefault(category, set()).add(page_key(e.href))
        # the category pattern only when the links really stand in two or more categories
        for template in [t for t in groups if "{category}" in t]:
            if len({urlsplit(u).path.strip("/").split("/")[0] for u in groups[template]}) < 2:
                del groups[template]
        self._learn_from_siblings(groups)

    def _learn_from_siblings(self, groups: dict[str, set[str]]) -> None:
        """Sibling URLs grouped by template: MIN_SIBLING_ITEMS or more of one (not a named list, policy or help)
        make it an item pattern."""
        lists = set(lexicon.words("roles", "listing_path")) | set(lexicon.words("roles", "name_listing_path"))
        for template, urls in groups.items():
            label = " ".join(re.split(r"[/_.{}-]+", template))
            if template.endswith("/{name}") and template.rsplit("/", 2)[-2].lower() in lists:
                continue  # /tag/{name}, /city/{name}: lists of items, named by a word
            if len(urls) >= MIN_SIBLING_ITEMS and not any(lexicon.has(label, "roles", r) for r in ("policy", "help")):
                self._item_patterns.add(template)

    def _lists_of_named_items(self) -> None:
        """Two name patterns learned side by side (/escorts/{name} from a city menu, /companions/{name} from the cards):
        pages of the one that list two or more pages of the other in their body, where those pages list none of the
        first back, are the lists (a city page and its companions; a profile's breadcrumb back to its city is no list),
        and so are the pattern's pages that list one such page, visited or not (a city with one companion).
        Patterns that list each other (members and their groups) stay as they are."""
        learned = {t.replace("{slug}", "{name}") for t in self._item_patterns}  # as _kin_template writes them
        weak = {fold_key(p.final_url or p.url): p for p in self.pages if p.ok and p.role in ("item", "listing")
                and not item_by_content(p.signals) and not is_item_url(p.final_url or p.url)
                and _kin_template(p.final_url or p.url) in learned}
        mine = {key: _kin_template(p.final_url or p.url) for key, p in weak.items()}

        def body(p: PageRecord) -> dict[str, str]:  # fold key -> pattern of the page's body links
            urls = {urljoin(p.final_url or p.url, e.href) for e in p.elements
                    if e.href and e.tag == "a" and e.region not in ("nav", "header", "footer")}
            return {fold_key(u): _kin_template(u) for u in urls}

        links = {key: body(p) for key, p in weak.items()}
        list_of: dict[str, set[str]] = {}  # a list pattern -> the patterns its pages list
        for key, own in mine.items():
            listed = {k for k in links[key].keys() & weak.keys() if k != key and mine[k] != own}
            back = [k for k in listed if sum(1 for b in links[k].keys() & weak.keys() if mine[b] == own) >= 2]
            if len(listed) >= 2 and not back:
                list_of.setdefault(own, set()).update(mine[k] for k in listed)
        for key, p in weak.items():
            n = sum(1 for k, pat in links[key].items() if k != key and pat in list_of.get(mine[key], ()))
            if n and p.role == "item":
                p.role, p.role_reasons = "listing", [f"links to {n} page(s) of another pattern that show one item each"]

    def _reclassify_items(self) -> None:
        """Pages visited before their item pattern was learned get the item role after all."""
        for p in self.pages:
            url = p.final_url or p.url
            if not p.ok or not self._learned_template(url) or is_system_url(url):
                continue
            if p.role == "other" or (p.role == "listing" and item_by_content(p.signals)):
                p.role, p.role_reasons = "item", [f"one of many sibling links like {self._learned_template(url)}"]
        # A page made an item only by its URL pattern that links to pages that are items by their URL words or
        # content is a listing (/group/6-computers/ linking to /10-27-inch-monitor/ with schema.org Product).
        def strong(p: PageRecord) -> bool:  # an item by its URL words or its content, not only by a learned pattern
            return bool(item_by_content(p.signals)) or is_item_url(p.final_url or p.url)

        def by_id(p: PageRecord) -> bool:  # an item by a learned ID pattern (/companion/{id}), not a name (/city/{name})
            return bool(item_template(p.final_url or p.url)) and item_template(p.final_url or p.url) in self._item_patterns

        by_content = {fold_key(p.final_url or p.url) for p in self.pages if p.ok and p.role == "item" and strong(p)}
        by_id_or_content = by_content | {fold_key(p.final_url or p.url) for p in self.pages
                                         if p.ok and p.role == "item" and by_id(p)}
        # Beside posts or ads, a member's profile is no item (below), so an ad's link to its poster's profile does not
        # make the ad a list (a site of profiles only keeps them as items, and its city pages list them).
        items_now = [p for p in self.pages if p.ok and p.role == "item"]
        profile_keys = {fold_key(p.final_url or p.url) for p in items_now if is_member_profile(p.final_url or p.url,
                                                                                               p.signals)}
        if len(items_now) - len(profile_keys) >= 2:
            by_content -= profile_keys
            by_id_or_content -= profile_keys
        for p in self.pages:
            if not (p.ok and p.role == "item") or strong(p):
                continue
            # A page made an item only by a name pattern (/city/amsterdam) that links to items by ID is a listing too
            targets = by_content if by_id(p) else by_id_or_content
            links = {fold_key(u): u for u in (urljoin(p.final_url or p.url, e.href) for e in p.elements
                                               if e.href and e.tag == "a" and e.region not in ("nav", "header", "footer"))}
            # an ad's "more like this" cards lead to ads of its own pattern: related items, not a list
            own = self._learned_template(p.final_url or p.url)
            n = len({k for k, u in links.items() if k in targets and not (own and self._learned_template(u) == own)}
                    - {fold_key(p.final_url or p.url)})
            if n >= 1:  # a category with one ad is a listing too
                p.role, p.role_reasons = "listing", [f"links to {n} page(s) that show one item each"]
        self._lists_of_named_items()
        # Member profiles beside posts or ads: the items are the posts and ads (a profile-only platform keeps them).
        items = [p for p in self.pages if p.ok and p.role == "item"]
        profiles = [p for p in items if is_member_profile(p.final_url or p.url, p.signals)]
        if len(items) - len(profiles) >= 2:
            for p in profiles:
                p.role, p.role_reasons = "other", ["a member's profile on a platform whose items are posts or ads"]

    def _scrub(self, text: str) -> str:
        """Valid text with every login secret from the environment replaced by [secret]."""
        return scrub(text, self._secrets)

    # ------------------------------------------------------------------ probes

    async def _run_probes(self) -> None:
        probes = [("age_gate", probe_age_gate), ("report", probe_reporting), ("contact", probe_contact),
                  ("signup", probe_signup)]
        # The probes need only what the crawl found, not each other: they run side by side, each in its own
        # context, and the per-host request rate (_polite_wait) stays shared, so the platform sees no more load.
        context = self.probe_context()
        await asyncio.gather(*(self._run_probe(name, probe, context) for name, probe in probes))
        self.info.probes = {name: self.info.probes[name] for name, _ in probes if name in self.info.probes}
        if self.info.unfinished and not await self.session.alive():
            await self.session.restart()

    def probe_context(self) -> ProbeContext:
        """What the probes may use of this audit, once the crawl has finished (see context.py)."""
        return ProbeContext(
            site=self.site, start_url=self.start_url, pages=tuple(self.pages), item_urls=tuple(self.item_urls()),
            settle_ms=self.crawl.settle_ms, active=self.defn.platform.active, test_data=self.defn.test_data,
            login_defined=self.defn.login is not None, save_evidence=self.writer.write_bytes,
            polite_wait=self._polite_wait, fresh_context=self._context, prepared_context=self.prepared_context,
            logged_in_context=self.logged_in_context, pass_gate_again=self.pass_gate_again,
            lanes=min(self.crawl.concurrency, MAX_LANES))

    async def _run_probe(self, name: str, probe: Callable[[ProbeContext], Awaitable[BaseModel | None]],
                         context: ProbeContext) -> None:
        """One probe within what is left of the audit's budget; its contexts and writes are labelled with its name."""
        t0 = time.perf_counter()
        self.progress(f"probe {name}", 0, 1)
        _PHASE.set(name)  # this task's own copy: probes running side by side keep their labels apart
        remaining = self._remaining()
        if remaining is not None and remaining < 1:
            self.info.unfinished[name] = f"not run: the audit's time budget ({self.budget:g}s) ran out"
            self.info.notes.append(f"probe {name} not run: time budget reached")
            return
        task = asyncio.ensure_future(probe(context))
        try:
            done, _ = await asyncio.wait({task}, timeout=remaining)
            if not done:
                task.cancel()
                await asyncio.wait({task}, timeout=10)
                for phase, ctx in list(self._contexts_by_phase):
                    if phase == name:
                        await close_quietly(ctx, 5)
                self.info.unfinished[name] = f"stopped after {remaining:.0f}s: the audit's time budget"
                self.info.notes.append(f"probe {name} stopped: time budget reached")
                return
            artifact = task.result()
        except Exception as exc:
            log.exception("probe %s failed", name)
            self.info.notes.append(self._scrub(f"probe {name} failed: {short_error(exc)}"))
            return
        except BaseException:
            task.cancel()
            raise
        finally:
            self.progress(f"probe {name}", 1, 1)
        if artifact is None:  # the probe does not apply (the signup trial in passive mode)
            return
        refused = [w.line() for w in self._writes if not w.allowed and w.probe == name]
        if hasattr(artifact, "refused_requests"):
            artifact.refused_requests = list(dict.fromkeys([*artifact.refused_requests, *refused]))
        artifact = artifact.model_validate(clean_data(_scrub_data(artifact.model_dump(by_alias=True), self._secrets)))
        self.info.probes[name] = self.writer.write_model(f"probes/{name}.json", artifact)
        self.info.timings[f"probe_{name}"] = round(time.perf_counter() - t0, 2)
        log.info("probe %s: %.1fs", name, self.info.timings[f"probe_{name}"])

    def item_urls(self, limit: int | None = None) -> list[str]:
        """Distinct item pages the crawl found (final URLs, one per canonical page), in visit order."""
        out, seen = [], set()
        for p in self.pages:
            if not (p.ok and p.role == "item"):
                continue
            url = p.final_url or p.url
            key = self._canonical.get(fold_key(url), fold_key(url))
            if key not in seen:
                seen.add(key)
                out.append(url)
        return out[:limit]


# ---------------------------------------------------------------------- page helpers


async def collect(definition: AuditDefinition, run_dir: Path, session: BrowserSession,
                  progress: ProgressFn | None = None) -> BundleInfo:
    """Collect the evidence bundle of the platform in `definition` into `run_dir`."""
    return await Collector(definition, run_dir, session, progress).run()


def scrub(text: str, secrets: list[str]) -> str:
    """Valid text with every secret (and its URL-encoded form) replaced by [secret]."""
    return redact(text, secrets)


def _scrub_data(value, secrets: list[str]):
    return map_strings(value, lambda s: scrub(s, secrets)) if secrets else value


async def goto_page(page: Page, url: str):
    """`page.goto` until the page's own document is parsed. Playwright also waits for every frame inside it;
    when that runs out of time (hundreds of frames, or one that never loads) but the page itself has been
    parsed, the page is read as it stands (with the response its own document came with)."""
    documents = []

    def response(resp) -> None:
        with contextlib.suppress(PlaywrightError, AttributeError):
            if resp.request.resource_type == "document" and resp.frame == page.main_frame:
                documents.append(resp)

    page.on("response", response)
    try:
        return await page.goto(url, wait_until="domcontentloaded")
    except PlaywrightTimeout:
        state = await bounded(page.main_frame.evaluate("document.readyState"), 3, "the page")
        if state == "loading" or page.url in ("", "about:blank") or not documents:
            raise
        log.info("%s: read before its frames finished loading", url[:120])
        return documents[-1]
    finally:
        page.remove_listener("response", response)


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


def _digit_template(url: str) -> str:
    """/companion/12/number -> /companion/{n}/number, misc.php?email=3 -> misc.php?email={n} (host kept)."""
    parts = route_split(url)
    _, items = _wall_key(url)
    query = "&".join(f"{k}={v}" for k, v in sorted(items))
    return parts.netloc + re.sub(r"\d+", "{n}", parts.path) + (f"?{query}" if query else "")


def _wall_key(url: str) -> tuple[str, frozenset[tuple[str, str]]]:
    """A page's path and what its query says, digits folded, variant keys (?next=, ?sid=) left out: on a site where
    every page is index.php, the login wall is index.php?action=login (or action=profile;u={n}), not index.php."""
    parts = route_split(url)  # a hash-routed app's login wall is its #/login view
    variants = set(lexicon.words("roles", "variant_query"))
    return parts.path, frozenset((k.lower(), re.sub(r"\d+", "{n}", v)) for k, v in query_pairs(parts.query)
                                 if k.lower() not in variants and not k.lower().startswith("utm_"))


def fold_url(url: str) -> str:
    """Drop the query keys that only make a variant of the same page (session IDs, tracking, sort, highlight)."""
    parts = urlsplit(url)
    if not parts.query or route_fragment(url):  # a hash route's own query is the router's: kept as it is
        return url
    bare = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    if is_item_url(bare):
        return bare  # /topic/slug-2/?post=5 ("last post" jump), ?page=2, ?ref=x: the same item page
    variants = set(lexicon.words("roles", "variant_query")) | set(lexicon.words("roles", "list_view_query"))
    jumps = set(lexicon.words("roles", "variant_value"))
    item_keys = set(lexicon.words("roles", "item_query"))
    pairs = query_pairs(parts.query)
    kept = [(k, ID_WITH_OFFSET.sub(r"\1.0", v) if k.lower() in item_keys else v) for k, v in pairs
            if k.lower() not in variants and not k.lower().startswith("utm_") and v.lower() not in jumps]
    # A query joined with ";" (index.php?action=profile;u=3, Simple Machines Forum) keeps its ";": the software
    # reads it so, and percent-encoded it breaks
    sep = ";" if ";" in parts.query else "&"
    query = sep.join(urlencode([kv], safe=":,/@") for kv in kept)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def listed_items(url: str, asked: str, hrefs: list[str], is_item: Callable[[str], bool]) -> int:
    """How many distinct items a page lists: item links in its body (the caller leaves out menus, header and footer,
    which are the same on every page), not the page's own post permalinks (?post=5) or its other names, nor its
    siblings (links of the page's own item pattern). An ad, profile or topic that shows "more like this" cards
    (/companions/amber linking to /companions/ruby ...) is one item with related items, not a list; a list's links
    have another pattern than the list itself (/escorts/london -> /companions/ruby)."""
    own = {t for t in (_kin_template(url), _kin_template(asked)) if t}
    return len({fold_key(urljoin(url, h)) for h in hrefs
                if is_item(h) and _kin_template(urljoin(url, h)) not in own} - {fold_key(url), fold_key(asked)})


def fold_key(url: str) -> str:
    """One key for the URL variants of one page: scheme, trailing slash, query order and variant keys folded."""
    parts = route_split(fold_url(normalise(url)))  # a hash route is the path of the view it shows
    query = "&".join(sorted(f"{k}={v}" for k, v in query_pairs(parts.query)))
    return f"{(parts.hostname or '').lower()}:{parts.port or ''}{parts.path.rstrip('/') or '/'}?{query}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
