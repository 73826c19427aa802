"""The write guard: one place that keeps every browser context of an audit from writing to the platform.

Every context the audit opens (crawl, each probe, login) gets a guard, from one place: the collector's
context factory (crawl.py, `Collector._context`) hands one to `BrowserSession.new_context`, which attaches
it; there is no other request filter. A guard refuses every request that is not GET, HEAD or OPTIONS,
whatever its resource type (document and form posts, fetch, XHR, sendBeacon and <a ping>, which arrive
as POST), drops every WebSocket message the page sends, and switches off the channels Playwright cannot
route (WebRTC data channels, WebTransport, shared workers, a worker's WebSockets, speculation rules, listeners on
the way out of a page). It also bounds what a page can make the audit wait for: frames (MAX_FRAMES per page,
MAX_FRAME_DEPTH deep), and the built-ins our page scripts use, put back where a page replaced them.
Each refused write is recorded with its method, URL, the probe that was working and the last click on that
page, so a check can say "the message form would have sent; sending was refused".

The only writes a guard ever lets through are those inside `guard.opened(...)`: the login steps of the
audit definition (a login is not a message, a report or an account: what the login page's own top frame sends
on a click step, until it lands on its next page), and, in active mode only, the one
submission of the signup trial (the form post, fetch or XHR to the platform's own origin that the submit
click makes; nothing else in that moment). Both are recorded as allowed.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import re
import secrets
from collections.abc import Iterator
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from playwright.async_api import BrowserContext, Route, WebSocketRoute
from playwright.async_api import Error as PlaywrightError

from safehaven.models import WriteRecord
from safehaven.textsafe import clean_text
from safehaven.urls import leaves_for_inner_network, origin

log = logging.getLogger("safehaven.guard")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# A GET that acts: links that log out, delete, vote, follow, or file a report with its reason already in the
# address ("...?action=mark&as=spam&id=5"), as older platform software writes them. Following one is a
# write as surely as a POST, so the guard refuses it like one, and the crawl never queues it.
ACTING_VERBS = frozenset({
    "logout", "signout", "uitloggen", "afmelden", "delete", "remove", "destroy", "verwijder", "verwijderen",
    "unsubscribe", "vote", "upvote", "downvote", "like", "unlike", "dislike", "follow", "unfollow", "subscribe",
    "block", "unblock", "mute", "unmute", "ban", "unban", "approve", "reject", "thank", "thanks", "rate",
    "bookmark", "favorite", "favourite", "unfavorite", "star", "pin", "unpin", "lock", "unlock", "send",
    "markspam", "stemmen", "volgen", "blokkeren", "negeren", "flag", "unflag", "markeren", "mark", "markeer",
})
# Verbs that act as a query key of their own ("?like=1", "?delete=5"); not the ones that also name filters or
# settings ("?rate=", "?star=", "?pin=", "?send=").
KEY_VERBS = frozenset({"logout", "signout", "delete", "remove", "destroy", "vote", "upvote", "downvote", "like",
                       "unlike", "follow", "unfollow", "subscribe", "unsubscribe", "ban", "unban", "block", "unblock",
                       "mute", "unmute", "markspam"})
# Only the verbs that say so in an address's path: a path segment of up to three words holding one
# ("/logout", "/posts/5/delete", "logout.php"), not a help page's title slug.
PATH_VERBS = frozenset({"logout", "signout", "uitloggen", "afmelden", "delete", "destroy", "verwijder",
                        "verwijderen", "unsubscribe", "upvote", "downvote", "unfollow", "unlike"})
COMMAND_KEYS = frozenset({"action", "act", "do", "op", "task", "cmd", "command", "mode", "func", "actie"})
# A report reason chosen by the click itself: the report is filed when the link is followed.
REASONS = frozenset({"spam", "abuse", "offensive", "inappropriate", "illegal", "scam", "fraud", "misleading",
                     "prohibited", "misbruik", "ongepast", "oplichting", "nepadvertentie"})
# A path that marks or flags with the reason in it ("/item/5/mark/spam", "/flag/offensive/12").
MARK_SEGMENTS = frozenset({"mark", "flag", "markas", "report", "melden", "markeer"})
SEARCH_KEYS = frozenset({"q", "query", "search", "s", "keyword", "keywords", "term", "zoek", "zoekterm", "tag"})
_WORDS = re.compile(r"[a-z]+")
ACTING_TYPES = frozenset({"document", "fetch", "xhr", "other", "eventsource", "ping"})


def acting_link(url: str) -> str:
    """Why following `url` with a GET would act on the platform ("" when it would only read a page)."""
    parts = urlsplit(url)
    segments = unquote(parts.path).lower().split("/")
    for segment in segments:
        words = [w for w in re.split(r"[-_.]", segment) if w]
        if 0 < len(words) <= 3 and PATH_VERBS & {*words, "".join(words)}:
            return f"the address names an action ({segment})"
    for before, after in itertools.pairwise(segments):
        if before in MARK_SEGMENTS and after in REASONS:
            return f"the address carries a report reason ({before}/{after})"
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        key, value = key.lower(), value.lower()
        if key in SEARCH_KEYS:
            continue
        words = set(_WORDS.findall(value))
        if key in COMMAND_KEYS and words & ACTING_VERBS:
            return f"the address asks for an action ({key}={value[:30]})"
        if key in KEY_VERBS:
            return f"the address asks for an action ({key})"
        if value in REASONS:
            return f"the address carries a report reason ({key}={value})"
    return ""
MAX_FRAMES = 60  # frame documents one page may load (see WriteGuard._too_many_frames)
MAX_FRAME_DEPTH = 5
MAX_RECORDS = 400  # per guard, and per audit (where repeats are counted on one record)
BINDING = "__safehavenAction"
WRITE_BINDING = "__safehavenWrite"

# Runs in every frame before the page's own scripts: names the element a click or submit came from
# (for the record of a refused write), and removes the channels that routing cannot see.
INIT_JS = """(() => {
  // Writes on the way out (a beacon in pagehide/unload/visibilitychange) could leave after the page is
  // gone, where no route sees them: such listeners are not registered at all.
  const UNLOAD = new Set(['pagehide', 'unload', 'beforeunload', 'visibilitychange', 'freeze']);
  const add = EventTarget.prototype.addEventListener;
  try {
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if ((this === window || this === document) && UNLOAD.has(String(type).toLowerCase())) return undefined;
      return add.call(this, type, ...rest);
    };
  } catch (e) {}
  for (const [o, names] of [[window, ['onpagehide', 'onunload', 'onbeforeunload']], [document, ['onvisibilitychange']]])
    for (const n of names) {
      try { Object.defineProperty(o, n, {get() { return null; }, set(v) {}, configurable: false}); } catch (e) {}
    }
  // What still listens (a <body onpagehide=...> attribute, a listener added through another frame's
  // EventTarget) is reached after these, the first listeners of all, which stop the event there.
  try {
    const stop = (ev) => { try { ev.stopImmediatePropagation(); } catch (e) {} };
    for (const t of UNLOAD) for (const o of [window, document]) add.call(o, t, stop, true);
  } catch (e) {}
  // Keep-alive requests outlive their page (and its routes): make them ordinary ones, which are routed
  // and die with the page. sendBeacon becomes the POST it is.
  try {
    const fetch0 = window.fetch;
    window.fetch = function (input, init) {
      if (init && init.keepalive) init = Object.assign({}, init, {keepalive: false});
      if (input instanceof Request && input.keepalive) input = new Request(input, {keepalive: false});
      return fetch0.call(this, input, init);
    };
    if (navigator.sendBeacon) {
      Object.defineProperty(Navigator.prototype, 'sendBeacon', {configurable: false, writable: false, value:
        function (url, data) {
          try {
            // Marked, so that no opening of the guard ever lets a beacon through (a no-cors request drops
            // custom headers; only a same-origin one can carry the mark, and only same-origin writes are ever opened).
            const same = new URL(url, location.href).origin === location.origin;
            fetch0.call(window, url, same
              ? {method: 'POST', body: data, mode: 'same-origin', credentials: 'include', headers: {'x-safehaven-beacon': '1'}}
              : {method: 'POST', body: data, mode: 'no-cors', credentials: 'include'}).catch(() => {});
          }
          catch (e) {}
          return true;
        }});
    }
  } catch (e) {}
  // Workers: Playwright routes a dedicated worker's requests (refused and recorded there) but not its
  // WebSockets, and neither the requests nor the sockets of a shared worker or of a worker's own worker.
  // A shared worker is switched off (pages fall back to doing the work themselves, as on browsers without
  // one); a dedicated worker starts behind a prelude that refuses WebSocket, WebTransport and WebRTC (and,
  // in a worker's own workers, fetch/XHR other than GET, HEAD, OPTIONS), then runs the page's script at
  // its own address. When the prelude cannot be set up, the worker does not start.
  try { Object.defineProperty(window, 'SharedWorker', {value: undefined, configurable: false, writable: false}); } catch (e) {}
  try {
    const Worker0 = window.Worker;
    const prelude = function (BASE, MODULE, NESTED, SRC, CHANNEL) {
      const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
      const abs = (u) => {
        try { return (typeof u === 'string' || u instanceof URL) ? new URL(String(u), BASE).href : u; } catch (e) { return u; }
      };
      const refused = () => new DOMException('refused by a passive audit', 'SecurityError');
      // What the prelude refuses is told to the pages of this origin on a channel only the guard's own script
      // listens on (a worker cannot reach the audit's bindings), so it is recorded like every other refused write.
      const BC = self.BroadcastChannel, rnd = Math.random, JS = JSON.stringify;
      const tell = (method, url, kind) => {
        try {
          const c = new BC(CHANNEL);
          const id = rnd().toString(36).slice(2) + rnd().toString(36).slice(2);
          c.postMessage({m: String(method), u: String(abs(url)), k: kind, id});
          c.close();
        } catch (e) {}
      };
      const KIND = {WebSocket: ['WEBSOCKET', 'websocket'], WebTransport: ['WEBTRANSPORT', 'webtransport'],
                    RTCPeerConnection: ['WEBRTC', 'webrtc'], RTCDataChannel: ['WEBRTC', 'webrtc']};
      for (const k of ['WebSocket', 'WebTransport', 'RTCPeerConnection', 'RTCDataChannel']) {
        const no = function (u) {
          tell(KIND[k][0], typeof u === 'string' || u instanceof URL ? u : BASE, 'worker ' + KIND[k][1]);
          throw refused();
        };
        try { Object.defineProperty(self, k, {value: no, configurable: false, writable: false}); } catch (e) {}
      }
      try { Object.defineProperty(self, 'location', {value: new URL(BASE), configurable: false}); } catch (e) {}
      const fetch0 = self.fetch, Request0 = self.Request;
      try {
        self.Request = function Request(input, init) { return new Request0(abs(input), init); };
        self.Request.prototype = Request0.prototype;
        self.fetch = function (input, init) {
          const m = String((init && init.method) || (input instanceof Request0 ? input.method : 'GET')).toUpperCase();
          if (NESTED && !SAFE.has(m)) {
            tell(m, input instanceof Request0 ? input.url : input, 'nested worker fetch');
            return Promise.reject(new TypeError('refused by a passive audit'));
          }
          if (init && init.keepalive) init = Object.assign({}, init, {keepalive: false});
          return fetch0.call(self, abs(input), init);
        };
      } catch (e) {}
      try {
        const open0 = XMLHttpRequest.prototype.open, send0 = XMLHttpRequest.prototype.send, M = new WeakMap();
        XMLHttpRequest.prototype.open = function (m, u, ...rest) {
          M.set(this, [String(m).toUpperCase(), u]);
          return open0.call(this, m, abs(u), ...rest);
        };
        XMLHttpRequest.prototype.send = function (b) {
          const [m, u] = M.get(this) || ['GET', BASE];
          if (NESTED && !SAFE.has(m)) { tell(m, u, 'nested worker xhr'); throw refused(); }
          return send0.call(this, b);
        };
      } catch (e) {}
      try {
        const ES0 = self.EventSource;
        if (ES0) {
          self.EventSource = function EventSource(u, o) { return new ES0(abs(u), o); };
          self.EventSource.prototype = ES0.prototype;
        }
      } catch (e) {}
      try {
        if (!MODULE) {
          const imp0 = self.importScripts;
          self.importScripts = function (...u) { return imp0.apply(self, u.map(abs)); };
        }
      } catch (e) {}
      // A worker's own workers are not routed at all: the same prelude, refusing their fetch and XHR writes too.
      try {
        if (self.Worker) {
          const W = self.Worker;
          self.Worker = function Worker(u, o) {
            const q = JSON.stringify(abs(u)), mod = !!(o && o.type === 'module');
            const pre = '(' + SRC + ')(' + q + ', ' + mod + ', true, ' + JS(SRC) + ', ' + JS(CHANNEL) + ');\\n';
            const mk = (t) => URL.createObjectURL(new Blob([t], {type: 'text/javascript'}));
            const src = mod ? 'import ' + JSON.stringify(mk(pre)) + '; import ' + q + ';' : pre + 'importScripts(' + q + ');';
            return new W(mk(src), o);
          };
          self.Worker.prototype = W.prototype;
        }
      } catch (e) { try { self.Worker = undefined; } catch (e2) {} }
    };
    // Taken now, before the page's scripts can replace them.
    const CHANNEL = '__CHANNEL__';
    try {
      const bc = new BroadcastChannel(CHANNEL);
      bc.onmessage = (ev) => {
        const d = ev.data || {}, b = window['__safehavenWrite'];
        if (b) b(String(d.m), String(d.u), '', String(d.k || 'worker'), String(d.id || ''));
      };
    } catch (e) {}
    const PRELUDE = Function.prototype.toString.call(prelude), quote = JSON.stringify, Blob0 = Blob;
    const blobUrl = URL.createObjectURL.bind(URL), URL0 = URL;
    if (Worker0) {
      const Wrapped = function Worker(url, options) {
        if (!new.target) throw new TypeError("Failed to construct 'Worker': Please use the 'new' operator.");
        const u = new URL0(String(url), document.baseURI);
        if (u.protocol !== 'blob:' && u.protocol !== 'data:' && u.origin !== location.origin)
          throw new DOMException("Failed to construct 'Worker': the script is not of this origin", 'SecurityError');
        const module = !!(options && options.type === 'module');
        const q = quote(u.href);
        const pre = '(' + PRELUDE + ')(' + q + ', ' + module + ', false, ' + quote(PRELUDE) + ', ' + quote(CHANNEL) + ');\\n';
        // A module worker: the prelude as a module of its own, imported first (static imports run in order, and
        // before any message reaches the worker).
        const src = module ? 'import ' + quote(blobUrl(new Blob0([pre], {type: 'text/javascript'}))) + '; import ' + q + ';'
          : pre + 'importScripts(' + q + ');';
        return new Worker0(blobUrl(new Blob0([src], {type: 'text/javascript'})), options);
      };
      Wrapped.prototype = Worker0.prototype;
      Object.defineProperty(window, 'Worker', {value: Wrapped, configurable: false, writable: false});
    }
  } catch (e) {
    try { Object.defineProperty(window, 'Worker', {value: undefined, configurable: false, writable: false}); } catch (e2) {}
  }
  // The audit's own page scripts use the built-ins (Array.prototype.map, JSON.stringify, querySelectorAll,
  // getComputedStyle ...): a page that replaces them would blind the audit. Each is taken as it is at the start
  // of the document and put back, where the page has replaced it, when the document is parsed, when it has
  // loaded, and twice a second after. (window.Promise, timers and EventTarget's methods are left alone: frameworks
  // and error trackers replace them in pairs, add and remove, and putting back one half would break their listeners.)
  try {
    const define = Object.defineProperty, own = Object.getOwnPropertyNames, describe = Object.getOwnPropertyDescriptor;
    const setInterval0 = window.setInterval;
    const holders = [Array.prototype, Array, Object, JSON, String.prototype, String, RegExp.prototype, Math, Number,
      Map.prototype, Set.prototype, WeakMap.prototype, Function.prototype, Node.prototype, Element.prototype,
      HTMLElement.prototype, Document.prototype, DocumentFragment.prototype,
      NodeList.prototype, HTMLCollection.prototype, DOMTokenList.prototype, CharacterData.prototype];
    const saved = [];
    for (const h of holders) for (const k of own(h)) {
      const d = describe(h, k);
      if (d && typeof d.value === 'function' && d.configurable && k !== 'constructor' && k !== 'addEventListener')
        saved.push([h, k, d.value]);
    }
    for (const k of ['getComputedStyle', 'getSelection', 'Array', 'Object', 'JSON', 'String', 'Map', 'Set', 'RegExp', 'Math',
                     'Node', 'Element', 'Document']) {
      const d = describe(window, k); if (d && d.configurable) saved.push([window, k, d.value]);
    }
    const restore = () => {
      for (const [h, k, v] of saved) {
        try { if (h[k] !== v) define(h, k, {value: v, writable: true, configurable: true, enumerable: false}); } catch (e) {}
      }
    };
    for (const t of ['DOMContentLoaded', 'load']) add.call(window, t, restore, true);
    setInterval0.call(window, restore, 500);
  } catch (e) {}
  // A page that makes hundreds of frames (or frames that nest themselves) costs the audit a round trip per frame
  // for everything it does: frames past the first __MAX_FRAMES__ in a document are taken out as they come.
  try {
    const live = document.getElementsByTagName('iframe'), scripts = document.getElementsByTagName('script');
    // Speculation rules make the browser itself prefetch and prerender the addresses a page names, outside every
    // route of this guard (an address that acts would be followed unseen): such rules are taken out as they come.
    const speculation = () => {
      for (let i = scripts.length - 1; i >= 0; i--)
        if (String(scripts[i].type).trim().toLowerCase() === 'speculationrules') scripts[i].remove();
    };
    new MutationObserver(() => { for (let i = live.length - 1; i >= __MAX_FRAMES__; i--) live[i].remove(); speculation(); })
      .observe(document, {childList: true, subtree: true});
  } catch (e) {}
  for (const k of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'WebTransport']) {
    try { Object.defineProperty(window, k, {value: undefined, configurable: false, writable: false}); } catch (e) {}
  }
  const name = (el) => {
    const c = el && el.closest ? (el.closest('button, a, input, [role=button], [onclick], summary, label') || el) : el;
    if (!c || !c.getAttribute) return '';
    const t = c.getAttribute('aria-label') || (c.innerText || '').trim() || c.value || c.title || c.tagName;
    return (c.tagName || '').toLowerCase() + ' "' + String(t).replace(/\\s+/g, ' ').slice(0, 80) + '"';
  };
  if (window.__safehavenForms !== false) {
  // A form that would post is stopped before it navigates (the page stays as it is), and recorded.
  const posts = (form, submitter) => {
    const m = (submitter && submitter.getAttribute && submitter.getAttribute('formmethod'))
      || form.getAttribute('method') || 'get';
    // Active mode's signup trial marks the one form it submits; the routes still decide what leaves.
    if (form.hasAttribute('data-safehaven-send') && form.getAttribute('data-safehaven-send') === window.__safehavenSendToken)
      return false;
    return m.toLowerCase() === 'post';
  };
  const refuse = (form, submitter) => {
    try {
      // A button's formAction is the page's own address when it has no formaction attribute; and a field
      // named "action" hides form.action: ask the prototype's getter.
      const own = submitter && submitter.hasAttribute && submitter.hasAttribute('formaction');
      const a = own ? submitter.formAction
        : Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'action').get.call(form);
      const b = window['__safehavenWrite']; if (b) b('POST', String(a), name(submitter || form));
    } catch (e) {}
  };
  try {
    const submit0 = HTMLFormElement.prototype.submit;
    HTMLFormElement.prototype.submit = function () {
      if (posts(this, null)) { refuse(this, null); return undefined; }
      return submit0.call(this);
    };
    window.addEventListener('submit', (ev) => {
      if (!ev.defaultPrevented && ev.target instanceof HTMLFormElement && posts(ev.target, ev.submitter)) {
        ev.preventDefault(); refuse(ev.target, ev.submitter);
      }
    }, false);
  } catch (e) {}
  }
  const tell = (kind) => (ev) => {
    try { const b = window['__safehavenAction']; if (b) b(kind + ' ' + name(ev.target)); } catch (e) {}
  };
  try {
    window.addEventListener('click', tell('click'), true);
    window.addEventListener('submit', tell('submit'), true);
  } catch (e) {}
})();"""


def _clean(text: str, limit: int) -> str:
    return clean_text(str(text))[:limit]


async def leave_page(page, seconds: float = 3.0) -> None:
    """Navigate a page to about:blank (bounded: a hung renderer is left as it is)."""
    if page.is_closed() or page.url == "about:blank":
        return
    task = asyncio.ensure_future(page.goto("about:blank", wait_until="commit"))
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if not done:
        task.cancel()
    task.add_done_callback(lambda t: t.cancelled() or t.exception())
    await asyncio.sleep(0.2)  # let the routes answer what the unload handlers sent


class WriteGuard:
    """Refuses and records writes in the contexts it is attached to."""

    def __init__(self, probe: str = "", sink: list[WriteRecord] | None = None, *, stop_forms: bool = True,
                 home: str = ""):
        self.probe = probe
        # The platform's start address: requests into a loopback, private or link-local network it is not on
        # itself are refused (see safehaven.urls.leaves_for_inner_network). Without one, no such bound.
        self.home = home
        self.inner_refused: list[str] = []
        # Stop form posts in the page before they navigate (keeps the page as it was). Off in a context
        # that logs in, whose login form must post; the routes still refuse every other post there.
        self.stop_forms = stop_forms
        self.records: list[WriteRecord] = []
        self._sink = sink
        self._open: list[str] = []
        self._open_origin: list[str] = []  # "" = every write (login); else only form posts / fetch / XHR there
        self._open_page: list = []  # the login page whose own top frame may write (see `opened`)
        self._landed: set[int] = set()  # login pages that have sent and landed on their next document
        self._let_through = 0
        self._frame_loads: dict[int, int] = {}  # id(page) -> frame documents loaded in it
        self.frames_refused = 0
        self._actions: dict[int, str] = {}  # id(frame) -> the last click in it
        self._last_action = ""
        self._steps: list[str] = []  # the audit's own steps under way (passing the age gate)
        self._step_actions: dict[str, str] = {}  # clicks made during such a step -> the step
        # The channel on which workers' preludes tell what they refused (every page of the origin hears it once).
        self._channel = "__safehaven_" + secrets.token_hex(8)
        self._told: set[str] = set()
        self._rules: set[str] = set()  # addresses of speculation rules that documents named in a header

    # ------------------------------------------------------------------ use

    async def attach(self, ctx: BrowserContext) -> None:
        """Guard one context: every request, every WebSocket, every frame."""
        await ctx.route(re.compile(r".*"), self._on_route)
        ctx.on("response", self._on_response)
        await ctx.route_web_socket(re.compile(r".*"), self._on_websocket)
        for name, fn in ((BINDING, self._on_action), (WRITE_BINDING, self._on_form_post)):
            try:
                await ctx.expose_binding(name, fn)
            except PlaywrightError as exc:  # a binding of that name already exists
                log.debug("binding %s not added: %s", name, exc)
        await ctx.add_init_script(("" if self.stop_forms else "window.__safehavenForms = false;\n")
                                  + INIT_JS.replace("__MAX_FRAMES__", str(MAX_FRAMES)).replace("__CHANNEL__", self._channel))
        # Before a page or the context closes, every page first goes to about:blank while the routes
        # still watch it, so what its unload handlers send is refused like anything else.
        ctx.on("page", self._wrap_page)
        close = ctx.close

        async def guarded_close(*args, **kwargs):
            for page in list(ctx.pages):
                await leave_page(page)
            return await close(*args, **kwargs)

        ctx.close = guarded_close  # type: ignore[method-assign]

    def _wrap_page(self, page) -> None:
        close = page.close

        def navigated(frame) -> None:  # a new document: earlier clicks did not cause what it sends
            self._actions.pop(id(frame), None)

        page.on("framenavigated", navigated)

        async def guarded_close(*args, **kwargs):
            await leave_page(page)
            return await close(*args, **kwargs)

        page.close = guarded_close

    @contextlib.contextmanager
    def opened(self, why: str, *, origin: str = "", page=None) -> Iterator[None]:
        """Let writes through while the block runs; each is recorded as allowed.

        For the definition's login steps (`page` given): only a form post, fetch or XHR made by that page's
        own top frame, never a beacon, a ping, a WebSocket message or a write from a frame inside it, and only
        until the page, having sent one, lands on its next document (whose own scripts are refused as
        anywhere). With `origin` (active mode's signup trial), only a form post, fetch or XHR to that origin."""
        self._open.append(why)
        self._open_origin.append(origin)
        self._open_page.append(page)
        landing = None
        if page is not None:
            sent_before = self._let_through

            def landing(frame) -> None:
                with contextlib.suppress(PlaywrightError, AttributeError):
                    if frame == page.main_frame and self._let_through > sent_before:
                        self._landed.add(id(page))

            page.on("framenavigated", landing)
        try:
            yield
        finally:
            self._open.pop()
            self._open_origin.pop()
            self._open_page.pop()
            if landing is not None:
                with contextlib.suppress(Exception):
                    page.remove_listener("framenavigated", landing)
                self._landed.discard(id(page))

    def _lets_through(self, req) -> bool:
        if not self._open:
            return False
        allowed_origin, page = self._open_origin[-1], self._open_page[-1]
        beacon = False
        with contextlib.suppress(PlaywrightError, AttributeError):
            beacon = "x-safehaven-beacon" in req.headers  # a sendBeacon, made a fetch by INIT_JS
        if beacon or req.resource_type not in ("document", "fetch", "xhr"):
            return bool(not allowed_origin and page is None)
        if page is not None:
            frame = None
            with contextlib.suppress(PlaywrightError, AttributeError):
                frame = req.frame
            if frame is None or frame != page.main_frame or id(page) in self._landed:
                return False
        ok = not allowed_origin or origin(req.url) == allowed_origin
        if ok:
            self._let_through += 1
        return ok

    @contextlib.contextmanager
    def step(self, what: str) -> Iterator[None]:
        """The audit's own step (passing the age gate): what its clicks try to send is refused and recorded as
        usual, marked `during`, and never counted as caused by a control a probe clicks afterwards."""
        self._steps.append(what)
        try:
            yield
        finally:
            self._steps.pop()

    def note_action(self, action: str) -> None:
        """What the probe is about to do (a click, a step), for the record of any write it causes."""
        self._last_action = _clean(action, 200)

    def mark(self) -> int:
        return len(self.records)

    def since(self, mark: int, *, refused_only: bool = True) -> list[WriteRecord]:
        return [r for r in self.records[mark:] if not (refused_only and r.allowed)]

    @property
    def refused(self) -> list[WriteRecord]:
        return [r for r in self.records if not r.allowed]

    def lines(self) -> list[str]:
        """The refused writes as short lines ("POST http://... (fetch)"), for the probes' own lists."""
        return [r.line() for r in self.refused]

    # ------------------------------------------------------------------ handlers

    async def _on_route(self, route: Route) -> None:
        req = route.request
        method = (req.method or "").upper()
        try:
            why = ""
            inner = leaves_for_inner_network(req.url, self.home) if self.home else ""
            if inner:
                log.warning("refused %s %s: %s", method, req.url[:200], inner)
                if len(self.inner_refused) < MAX_RECORDS:
                    self.inner_refused.append(f"{_clean(req.url, 200)} ({inner})")
                await route.abort("blockedbyclient")
                return
            if req.url in self._rules:
                log.info("refused speculation rules %s (the browser would prefetch what they name, unrouted)",
                         req.url[:200])
                await route.abort("blockedbyclient")
                return
            if method == "GET" and req.resource_type in ACTING_TYPES:
                why = acting_link(req.url)
            if method in SAFE_METHODS and not why:
                if req.resource_type == "document" and self._too_many_frames(req):
                    await route.fulfill(status=204, body="")  # the frame stays empty (an abort shows an error page)
                    return
                await route.fallback()
                return
            allowed = self._lets_through(req)
            frame = None
            with contextlib.suppress(PlaywrightError, AttributeError):
                frame = req.frame
            self._record(method, req.url, req.resource_type, self._page_of(req), allowed=allowed, frame=frame,
                         detail=why)
            if allowed:
                await route.fallback()
            elif req.resource_type == "document":
                # "204 No Content" to a navigation leaves the page as it was: a page that posts a form by
                # itself keeps its content (an aborted navigation would show an error page instead).
                await route.fulfill(status=204, body="")
            else:
                await route.abort("blockedbyclient")
        except PlaywrightError as exc:  # the page or context went away meanwhile
            log.debug("route for %s not handled: %s", req.url[:120], exc)

    def _on_response(self, response) -> None:
        """A document whose `Speculation-Rules` header names rule sets: the browser would fetch them and then
        prefetch and prerender the addresses in them outside every route (the page script removes rules written
        into the page; a header is out of its reach). The rule sets' own requests are routed: note them to refuse."""
        with contextlib.suppress(PlaywrightError, AttributeError, KeyError, ValueError):
            if response.request.resource_type != "document":
                return
            named = response.headers.get("speculation-rules", "")
            for ref in re.findall(r'"([^"]*)"', named)[:10]:
                if len(self._rules) < MAX_RECORDS:
                    self._rules.add(urljoin(response.url, ref.strip()))

    def _too_many_frames(self, req) -> bool:
        """A frame's document beyond the frame bound of its page: nested deeper than MAX_FRAME_DEPTH, or past
        the first MAX_FRAMES frame loads of the page (frames that nest themselves without end, a thousand
        iframes: each frame costs the audit a round trip per script it runs, and no page needs that many)."""
        frame = req.frame
        parent = frame.parent_frame
        if parent is None:
            return False
        depth = 1
        while parent.parent_frame is not None and depth <= MAX_FRAME_DEPTH:
            parent, depth = parent.parent_frame, depth + 1
        key = id(frame.page)
        self._frame_loads[key] = self._frame_loads.get(key, 0) + 1
        if depth > MAX_FRAME_DEPTH or self._frame_loads[key] > MAX_FRAMES:
            self.frames_refused += 1
            return True
        return False

    def _on_websocket(self, ws: WebSocketRoute) -> None:
        ws.connect_to_server()  # the handshake is a GET; messages from the server reach the page as usual
        url = ws.url

        def on_message(message: str | bytes) -> None:
            self._record("WEBSOCKET", url, "websocket", None, allowed=False,
                         detail=f"{len(message)} {'bytes' if isinstance(message, bytes) else 'characters'}")

        ws.on_message(on_message)  # handling page messages ourselves means they are never forwarded

    def _on_action(self, source: dict, action: str) -> None:
        frame = source.get("frame") if isinstance(source, dict) else None
        text = _clean(action, 200)
        if self._steps:
            self._step_actions[text] = self._steps[-1]
        if frame is not None:
            self._actions[id(frame)] = text
        self._last_action = text

    def _on_form_post(self, source: dict, method: str, url: str, control: str = "", kind: str = "form",
                      told: str = "") -> None:
        """A write the guard's page script stopped before it left (see INIT_JS): a form post, or (`told`, an id
        heard once however many pages of the origin heard it) what a worker's prelude refused."""
        source = source if isinstance(source, dict) else {}
        frame, page = source.get("frame"), source.get("page")
        if told:
            if told in self._told or len(self._told) > 10 * MAX_RECORDS:
                return
            self._told.add(told)
        self._record(_clean(method, 16).upper(), str(url), _clean(kind, 40) or "form", page, allowed=False,
                     frame=frame)

    def _page_of(self, req) -> object | None:
        try:
            return req.frame.page
        except (PlaywrightError, AttributeError):
            return None

    def caused(self, mark: int) -> list[WriteRecord]:
        """Refused writes since `mark` that a click caused: made in the frame clicked in, after the click, and
        not a write the pages also make without any click (a timer beacon on every page load)."""
        everything = self._sink if self._sink is not None else self.records
        background = {(r.method, r.url) for r in everything if not r.action}
        return [r for r in self.since(mark) if r.action and not r.during and (r.method, r.url) not in background]

    def _record(self, method: str, url: str, resource_type: str, page, *, allowed: bool, detail: str = "",
                frame=None) -> None:
        action = self._actions.get(id(frame), "") if frame is not None else ""
        if not action and (allowed or page is None):
            action = self._last_action
        page_url = ""
        with contextlib.suppress(Exception):
            page_url = page.url if page is not None else ""
        probe = self.probe + (f" ({self._open[-1]})" if allowed and self._open else "")
        during = self._steps[-1] if self._steps else self._step_actions.get(action, "")
        rec = WriteRecord(method=method, url=_clean(url, 300), resource_type=resource_type or "", probe=probe,
                          action=action, page_url=_clean(page_url, 300), allowed=allowed, detail=detail,
                          during=during)
        log.info("%s write %s", "allowed" if allowed else "refused", rec.line())
        if len(self.records) < MAX_RECORDS:
            self.records.append(rec)
        if self._sink is None:
            return
        # The audit-wide list counts repeats (a page that beacons every second) on one record.
        same = next((r for r in reversed(self._sink[-50:]) if r.key() == rec.key()), None)
        if same is not None:
            same.count += 1
        elif len(self._sink) < MAX_RECORDS:
            self._sink.append(rec.model_copy())
        else:
            self._sink[-1].count += 1
