"""Finding and launching Chromium, and giving each platform a fresh, well-behaved browser context.

Playwright's own Chromium is the first choice; where it could not be installed (closed networks),
a system Chromium is used. Each platform gets a fresh context: no cookies carried over, downloads
refused, dialogs dismissed and popups closed, each of them recorded, and a write guard (guard.py)
that refuses every request that is not GET, HEAD or OPTIONS. Every wait on a page is bounded: a page
whose renderer hangs (an endless script loop) is abandoned, and the browser restarted when it no
longer answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Dialog, Download, Page, Playwright, async_playwright
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from safehaven import __version__
from safehaven.models import BrowserEvent
from safehaven.textsafe import clean_text
from toolkit.collection.guard import WriteGuard, leave_page

log = logging.getLogger("safehaven.browser")

SYSTEM_CHROMIUMS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                    "/usr/bin/google-chrome-stable")
# Chromium's headless shell (Debian's chromium-headless-shell; what Playwright itself runs headless): the
# same Blink and V8 without the browser's UI layer. An audit costs about 40% less CPU in it than in the full
# Chromium's headless mode (amberlane: 48 -> 28 s of Chromium CPU), so headless sessions prefer it.
SYSTEM_HEADLESS_SHELLS = ("/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell",
                          "/usr/bin/chrome-headless-shell")

# Quiet on a closed network, safe as root, no GPU on servers.
# Playwright turns off Chromium's own guard against pages that flood it with navigations (history.pushState
# or location.hash a thousand times a second): each reaches the audit as an event and starves every other
# wait. The guard stays on (such a page gets Chromium's "throttling navigation" instead).
IGNORED_DEFAULT_ARGS = ["--disable-ipc-flooding-protection"]
LAUNCH_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-gpu",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--mute-audio",
]

USER_AGENT_TAG = f"safehaven/{__version__} (platform-safety audit; +https://safehaven.invalid/about)"


class BrowserNotFound(RuntimeError):
    """No usable Chromium on this machine."""


@dataclass(frozen=True)
class BrowserChoice:
    """Which Chromium will be used and why."""

    executable: str | None  # None: Playwright's bundled Chromium
    source: str  # "playwright" | "system headless shell" | "system" | "SAFEHAVEN_CHROMIUM"
    path: str


def find_browser(headless: bool = True) -> BrowserChoice:
    """Pick a Chromium: $SAFEHAVEN_CHROMIUM, then Playwright's own, then a system one (for a headless
    session its headless shell first, when installed)."""
    override = os.environ.get("SAFEHAVEN_CHROMIUM")
    if override:
        if not Path(override).is_file():
            raise BrowserNotFound(f"SAFEHAVEN_CHROMIUM points at {override}, which does not exist")
        return BrowserChoice(override, "SAFEHAVEN_CHROMIUM", override)
    bundled = playwright_chromium_path()
    if bundled:
        return BrowserChoice(None, "playwright", bundled)
    for candidate in SYSTEM_HEADLESS_SHELLS if headless else ():
        if Path(candidate).is_file():
            return BrowserChoice(candidate, "system headless shell", candidate)
    for candidate in (*SYSTEM_CHROMIUMS, shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return BrowserChoice(candidate, "system", candidate)
    raise BrowserNotFound(
        "No Chromium found. Run `make setup` (it installs one), or install one yourself: "
        "`python -m playwright install chromium`, or on Debian/Ubuntu `apt-get install chromium`. "
        "You can also point SAFEHAVEN_CHROMIUM at a Chromium binary."
    )


def playwright_chromium_path() -> str | None:
    """The path of Playwright's downloaded Chromium, when it exists."""
    try:
        with sync_playwright() as pw:
            path = pw.chromium.executable_path
    except Exception:
        return None
    return path if path and Path(path).is_file() else None


def browser_version_of(path: str) -> str:
    """Ask a Chromium binary for its version without starting a browser session."""
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unknown ({exc})"
    return (out.stdout or out.stderr).strip().splitlines()[-1] if (out.stdout or out.stderr) else "unknown"


@dataclass
class ContextEvents:
    """Dialogs, popups and downloads that happened in one context, per page URL."""

    events: list[BrowserEvent] = field(default_factory=list)

    def take_for(self, url: str) -> list[BrowserEvent]:
        mine = [e for e in self.events if e.url == url]
        self.events = [e for e in self.events if e.url != url]
        return mine


class BrowserSession:
    """One Chromium for a whole audit (or a whole test session), with fresh contexts on demand."""

    def __init__(self, choice: BrowserChoice | None = None, *, headless: bool = True):
        self.choice = choice or find_browser(headless)
        self.headless = headless
        self._pw: Playwright | None = None
        self.browser: Browser | None = None
        self.version = ""

    async def __aenter__(self) -> BrowserSession:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def start(self) -> None:
        self._pw = await async_playwright().start()
        try:
            # chromium_sandbox=False makes Playwright pass --no-sandbox, needed when running as root.
            self.browser = await self._pw.chromium.launch(
                executable_path=self.choice.executable, headless=self.headless, args=LAUNCH_ARGS,
                chromium_sandbox=False, ignore_default_args=IGNORED_DEFAULT_ARGS,
            )
        except Exception as exc:
            await self._pw.stop()
            raise BrowserNotFound(f"Chromium at {self.choice.path} did not start: {exc}") from exc
        self.version = f"Chromium {self.browser.version}"

    async def close(self) -> None:
        if self.browser:
            await self.browser.close()
            self.browser = None
        if self._pw:
            await self._pw.stop()
            self._pw = None

    async def alive(self, timeout: float = 10.0) -> bool:
        """Does the browser still answer (a blank page opens, runs a script and closes within `timeout`)?

        The page is about:blank in a context of its own: it asks nothing of any platform."""
        if not self.browser or not self.browser.is_connected():
            return False
        try:
            ctx = await asyncio.wait_for(self.browser.new_context(), timeout)
            try:
                page = await asyncio.wait_for(ctx.new_page(), timeout)
                return await asyncio.wait_for(page.evaluate("1 + 1"), timeout) == 2
            finally:
                await asyncio.wait_for(ctx.close(), timeout)
        except (TimeoutError, PlaywrightError):
            return False

    async def restart(self) -> None:
        """Throw away a browser that no longer answers and start a new one."""
        log.warning("restarting the browser")
        old, self.browser = self.browser, None
        if old:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(old.close(), 10)
        if self._pw:
            self.browser = await self._pw.chromium.launch(
                executable_path=self.choice.executable, headless=self.headless, args=LAUNCH_ARGS,
                chromium_sandbox=False, ignore_default_args=IGNORED_DEFAULT_ARGS,
            )
        else:
            await self.start()

    async def new_context(self, *, width: int = 1280, height: int = 900, mobile: bool = False,
                          locale: str | None = None, ua_suffix: str = "",
                          guard: WriteGuard | None = None,
                          storage_state: dict | None = None) -> tuple[BrowserContext, ContextEvents]:
        """A fresh context (no cookies) with downloads refused, dialogs/popups handled and recorded, and writes refused.

        Every context gets a write guard: the one given, or a fresh one (see `guard.py`). `storage_state`
        (Playwright's cookies and localStorage of another context) starts it where that context stood.
        """
        assert self.browser, "BrowserSession not started"
        if not self.browser.is_connected():
            await self.restart()
        ua = await self.user_agent(ua_suffix)
        ctx = await self.browser.new_context(
            viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile,
            locale=locale or "en-US", user_agent=ua, accept_downloads=False,
            service_workers="block", java_script_enabled=True, storage_state=storage_state,
        )
        guard = guard if guard is not None else WriteGuard()
        await guard.attach(ctx)
        ctx.guard = guard  # type: ignore[attr-defined]  # read it with guard_of(ctx)
        await ctx.add_init_script(QUIET_INIT_JS)  # lets settle() wait for quiet instead of a fixed pause
        events = ContextEvents()

        def on_dialog(source: dict, kind: str, message: str) -> None:
            if len(events.events) < MAX_EVENTS:
                page = source.get("page") if isinstance(source, dict) else None
                events.events.append(BrowserEvent(kind="popup" if kind == "popup" else "dialog",
                                                  detail=clean_text(f"{kind}: {message}")[:300],
                                                  url=page.url if page is not None else None))

        await ctx.expose_binding(DIALOG_BINDING, on_dialog)
        await ctx.add_init_script(DIALOG_INIT_JS)
        ctx.on("page", lambda page: _watch_page(page, events))
        return ctx, events

    async def user_agent(self, ua_suffix: str = "") -> str:
        """The user agent every context of an audit sends: the browser's own, our tag, the definition's suffix."""
        return f"{await self._base_user_agent()} {USER_AGENT_TAG}{(' ' + ua_suffix) if ua_suffix else ''}"

    async def _base_user_agent(self) -> str:
        """The browser's own user agent (headless marker removed), asked of the browser itself over CDP:
        no page is opened for it, so no request can leave outside a guarded context."""
        if not hasattr(self, "_ua"):
            cdp = await self.browser.new_browser_cdp_session()
            try:
                version = await cdp.send("Browser.getVersion")
            finally:
                await cdp.detach()
            self._ua = version["userAgent"].replace("HeadlessChrome", "Chrome")
        return self._ua


# A recycled tab must look like a new one to the next page: the site's sessionStorage of this tab emptied
# (a gate passed in sessionStorage comes back, as in a new tab), the mouse back in the corner (no :hover left
# over from a click). Cookies and localStorage are per context anyway.
RESET_JS = "() => { try { sessionStorage.clear(); } catch (e) {} return true; }"
RESET_S = 3.0  # a page that cannot be reset this fast (a hung renderer) is closed instead


def reuse_pages(ctx: BrowserContext, keep: int = 4) -> None:
    """Let `ctx.new_page()` hand out a closed page of this context again instead of opening a new tab.

    A new tab costs Chromium about a second of CPU (a fresh renderer, its first page load cold) where a
    navigation in an open tab costs a fifth of that: an audit opens a hundred pages, one after another, in
    a handful of contexts. `page.close()` on a page of this context leaves it as the write guard's close
    does (to about:blank, while the routes still watch what its unload handlers send), empties its
    sessionStorage and moves the mouse away, and keeps it for the next `new_page()`; a page that does not
    answer within RESET_S (a hung renderer), or more than `keep` idle ones, are closed for real. Listeners
    a caller added to a page are the caller's to remove before closing it.
    """
    idle: list[Page] = []
    open_page = ctx.new_page

    async def new_page() -> Page:
        while idle:
            page = idle.pop()
            if not page.is_closed():
                return page
        page = await open_page()
        really_close = page.close  # the write guard's close: leaves the page first

        async def recycle(*args, **kwargs) -> None:
            if page in idle or page.is_closed():
                return
            if args or kwargs or len(idle) >= keep or not await _reset(page):
                await really_close(*args, **kwargs)
                return
            idle.append(page)

        page.close = recycle  # type: ignore[method-assign]
        return page

    ctx.new_page = new_page  # type: ignore[method-assign]


async def _reset(page: Page) -> bool:
    """Ready a used page for the next one (see reuse_pages); False when it does not answer in time."""
    try:
        await bounded(page.evaluate(RESET_JS), RESET_S, "resetting the page")
        await bounded(leave_page(page), RESET_S + 1, "leaving the page")
        await bounded(page.mouse.move(0, 0), RESET_S, "moving the mouse")
    except (PlaywrightError, TimeoutError):
        return False
    return page.url == "about:blank" and not page.is_closed()


def guard_of(ctx: BrowserContext) -> WriteGuard:
    """The write guard of a context made by `BrowserSession.new_context`."""
    return ctx.guard  # type: ignore[attr-defined]


async def bounded(awaitable, seconds: float, what: str = "page"):
    """Await with a deadline; raises PlaywrightTimeout (a PlaywrightError) when it is not done in time.

    Playwright's `evaluate` has no timeout of its own: a page stuck in an endless script loop would wait
    forever. The awaited task is cancelled and not waited for, so a hung renderer cannot hold us.
    """
    task = asyncio.ensure_future(awaitable)
    try:
        done, _ = await asyncio.wait({task}, timeout=seconds)
    except asyncio.CancelledError:  # we are cancelled ourselves: so is what we wait for
        task.cancel()
        task.add_done_callback(_swallow)
        raise
    if not done:
        task.cancel()
        task.add_done_callback(_swallow)
        raise PlaywrightTimeout(f"{what} did not answer within {seconds:g}s")
    return task.result()


def short_error(exc: BaseException) -> str:
    """The first line of an error, without Playwright's call prefix or the repeated URL."""
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    msg = re.sub(r"^\w+\.\w+: ", "", msg)
    msg = re.sub(r" at https?://\S+$", "", msg)
    return msg[:300]


def _swallow(task: asyncio.Future) -> None:
    if not task.cancelled():
        task.exception()


async def close_quietly(target, seconds: float = 10.0) -> bool:
    """Close a page or context, giving up (and leaving it behind) after `seconds`; True when it closed."""
    if target is None:
        return True
    try:
        await bounded(target.close(), seconds, "close")
        return True
    except (PlaywrightError, TimeoutError):
        log.warning("a %s did not close within %gs: abandoned", type(target).__name__, seconds)
        return False


def _watch_page(page: Page, events: ContextEvents) -> None:
    """Attach handlers to every page of a context; pages opened by the site itself are popups."""
    async def on_dialog(dialog: Dialog) -> None:
        events.events.append(BrowserEvent(kind="dialog", detail=f"{dialog.type}: {dialog.message[:300]}",
                                          url=page.url))
        await dialog.dismiss()

    async def on_download(download: Download) -> None:
        events.events.append(BrowserEvent(kind="download", detail=download.url[:300], url=page.url))
        await download.cancel()

    async def on_popup(popup: Page) -> None:
        events.events.append(BrowserEvent(kind="popup", detail=popup.url[:300], url=page.url))
        await popup.close()

    page.on("dialog", on_dialog)
    page.on("download", on_download)
    page.on("popup", on_popup)


MAX_EVENTS = 200  # dialogs and popups recorded per context
DIALOG_BINDING = "__safehavenDialog"
# Installed in every page before its own scripts: alert/confirm/prompt answer at once as a dismissed dialog
# would (a page that loops on them cannot hold the audit up), and window.open without a click (no user
# activation, as a browser's popup blocker would) opens nothing. The first few of each are recorded.
DIALOG_INIT_JS = r"""(() => {
  let told = 0;
  const tell = (kind, message) => {
    if (told++ >= 20) return;
    try { const b = window['__safehavenDialog']; if (b) b(kind, String(message === undefined ? '' : message).slice(0, 300)); }
    catch (e) {}
  };
  try {
    window.alert = function (m) { tell('alert', m); };
    window.confirm = function (m) { tell('confirm', m); return false; };
    window.prompt = function (m) { tell('prompt', m); return null; };
    const open0 = window.open;
    window.open = function (url, ...rest) {
      if (navigator.userActivation && !navigator.userActivation.isActive) { tell('popup', 'blocked: ' + url); return null; }
      return open0.call(this, url, ...rest);
    };
  } catch (e) {}
})();"""

# Installed in every page before its own scripts: counts what is still coming (fetch/XHR in flight,
# short timers, scripts/frames/styles being loaded) and when the DOM last changed, so that settle()
# waits exactly until the page is quiet rather than for a fixed time. Page scripts see no difference, except that
# a closed shadow root is attached open, so that the audit reads what a visitor sees inside it.
QUIET_INIT_JS = r"""(() => {
  if (window.__shQuiet) return;
  const st = window.setTimeout, ct = window.clearTimeout;
  const q = window.__shQuiet = {pending: 0, timers: new Set(), last: performance.now(), st};
  const SHORT = 5000;
  window.setTimeout = function (fn, ms, ...rest) {
    const delay = Number(ms) || 0;
    let id;
    const wrapped = typeof fn === 'function' ? function () { q.timers.delete(id); return fn.apply(this, arguments); } : fn;
    id = st.call(window, wrapped, ms, ...rest);
    if (delay <= SHORT && typeof fn === 'function') { q.timers.add(id); st.call(window, () => q.timers.delete(id), delay + 50); }
    return id;
  };
  window.clearTimeout = function (id) { q.timers.delete(id); return ct.call(window, id); };
  const done = () => { q.pending = Math.max(0, q.pending - 1); q.last = performance.now(); };
  // A long-polling push channel (Engine.IO/Socket.IO, SockJS, SignalR, CometD) keeps one request open at all
  // times: it brings later news, not the page, so it is not waited for.
  const PUSH = /[?&](EIO=\d|transport=(polling|xhr[a-z_]*))|\/sockjs\/|\/signalr\/(poll|connect)|\/cometd(\/|$)/i;
  const push = (u) => { try { return PUSH.test(String(u && u.url || u)); } catch (e) { return false; } };
  if (window.fetch) {
    const f = window.fetch;
    window.fetch = function (input) {
      if (push(input)) return f.apply(this, arguments);
      q.pending++; return f.apply(this, arguments).finally(done);
    };
  }
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) { this.__shPush = push(url); return open.apply(this, arguments); };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function () {
    if (this.__shPush) return send.apply(this, arguments);
    q.pending++; this.addEventListener('loadend', done, {once: true}); return send.apply(this, arguments);
  };
  const watchLoad = (el) => {
    if ((el.tagName === 'SCRIPT' && el.src) || el.tagName === 'IFRAME' || (el.tagName === 'LINK' && el.rel === 'stylesheet')) {
      q.pending++;
      let once = false;
      const end = () => { if (!once) { once = true; done(); } };
      el.addEventListener('load', end); el.addEventListener('error', end); st.call(window, end, 5000);
    }
  };
  const start = () => new MutationObserver((records) => {
    q.last = performance.now();
    if (document.readyState !== 'complete') return;  // what the parser adds is covered by "load"
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) watchLoad(n);
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  start();
  // Shadow roots: a closed one is attached open (a visitor sees its content; only scripts, ours included, could
  // not read it), and what changes inside any shadow root counts as the page changing, as the DOM outside does.
  const attach = Element.prototype.attachShadow;
  if (attach) {
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init && init.mode === 'closed' ? Object.assign({}, init, {mode: 'open'}) : init);
      try {
        new MutationObserver(() => { q.last = performance.now(); })
          .observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
      } catch (e) {}
      return root;
    };
  }
})();"""

QUIET_WAIT_JS = """([quietMs, capMs]) => new Promise((resolve) => {
  const q = window.__shQuiet;
  const t0 = performance.now();
  const tick = () => {
    const now = performance.now();
    const busy = q && (q.pending > 0 || q.timers.size > 0);
    const calm = now - (q ? q.last : t0) >= quietMs && document.readyState === 'complete';
    if ((!busy && calm) || now - t0 >= capMs) resolve(Math.round(now - t0));
    else (q ? q.st : setTimeout).call(window, tick, 40);
  };
  tick();
})"""


async def quiet(page: Page, cap_ms: int, quiet_ms: int = 150) -> int | None:
    """Wait until nothing is pending in the page (requests, short timers, loading scripts) and the DOM has
    not changed for `quiet_ms`; at most `cap_ms`. Returns the milliseconds waited (the page's clock), or
    None when a navigation ended the wait."""
    try:
        return await page.evaluate(QUIET_WAIT_JS, [quiet_ms, cap_ms])
    except PlaywrightError:
        return None


async def settle(page: Page, settle_ms: int) -> None:
    """Give scripts time to render: the load event (capped), then until the page is quiet.

    `settle_ms` is no longer a fixed pause: it sets the cap (3x, at least 1.5 s) of the wait for quiet,
    which ends as soon as no request, short timer or script load is pending and the DOM is still.
    """
    try:
        await page.wait_for_load_state("load", timeout=8000)
    except PlaywrightTimeout:
        pass
    if settle_ms:
        await quiet(page, max(1500, 3 * settle_ms))
