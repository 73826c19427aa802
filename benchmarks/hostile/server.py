# ruff: noqa: E501  (the cases are literal pages and scripts, kept one per line)
"""The hostile matrix's server, on 127.0.0.1 (ports 18300-18399).

One process serves several ports, each with a role:

    18300  main       every case lives under /c/<case>/ (its home page, item pages, /x, /y, ...)
    18301  other      another origin on the same address (for redirects to another port)
    18302  robots     robots.txt never answers, sitemap.xml is endless
    18305  silent     accepts connections and never answers

Every request whose method is not GET, HEAD or OPTIONS (apart from the log-in of the audit definition),
every WebSocket message a page sends, and every GET of an address that acts (`?action=delete`, `/logout`)
is counted as a write (`hub.writes`). After a log-in (POST /login) every page greets the account by name
and holds its password in a hidden field, so that a leak of the secret into the stored run shows.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import os
import socket
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, parse_qsl, urlsplit

BASE = int(os.environ.get("HOSTILE_PORT", "18300"))  # the ports are BASE .. BASE+5
MAIN, OTHER, ROBOTS, SILENT = BASE, BASE + 1, BASE + 2, BASE + 5
WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class Hub:
    """What all the ports saw."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.writes: list[tuple[int, str, str]] = []  # (port, method, path)
        self.requests: list[tuple[int, str, str]] = []
        self.logins: list[dict[str, str]] = []
        self.stopping = threading.Event()
        self._bomb: bytes | None = None

    def reset(self) -> None:
        with self.lock:
            self.writes.clear()
            self.requests.clear()

    def write(self, port: int, method: str, path: str) -> None:
        with self.lock:
            self.writes.append((port, method, path[:200]))

    def gzip_bomb(self) -> bytes:
        """About 1 GB of page when inflated, about 1 MB on the wire (made once)."""
        if self._bomb is None:
            out = io.BytesIO()
            comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
            out.write(comp.compress(b"<!doctype html><html><head><title>Bomb</title></head><body><main><p>bomb "))
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                out.write(comp.compress(chunk))
            out.write(comp.flush())
            self._bomb = out.getvalue()
        return self._bomb


def page(case: str, title: str, body: str = "", *, head: str = "", user: str = "", secret: str = "",
         body_attrs: str = "") -> str:
    """A small classifieds page of `case`: navigation, two ads, a policy, the hostile parts."""
    c = f"/c/{case}"
    who = (f"<p class='who'>Signed in as {html.escape(user)}</p>"
           f"<form><input type='hidden' name='ref' value='{html.escape(secret)}'></form>") if user else ""
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body {body_attrs}><header><nav><a href='{c}/'>Home</a> <a href='{c}/ads/1'>Red bike for sale</a> "
            f"<a href='{c}/ads/2'>Room to let</a> <a href='{c}/privacy'>Privacy policy</a> "
            f"<a href='{c}/terms'>Terms of use</a> <a href='/login.html'>Log in</a></nav></header>"
            f"<main><h1>Hostile home {case}</h1>{who}<p>Small ads from people near you.</p>{body}</main>"
            "<footer><a href='/c/" + case + "/help'>Help</a></footer></body></html>")


def ad_page(case: str, n: int, extra: str = "", **kw) -> str:
    return page(case, f"Ad {n}", f"<article><h2>Ad {n}</h2><p>Asking 40 euro. Collect only.</p>"
                f"<button onclick=\"fetch('/c/{case}/w/show-number',{{method:'POST'}})\">Show number</button>"
                f"<form method='post' action='/c/{case}/w/message'><label for='m'>Message</label>"
                f"<textarea id='m' name='m'></textarea><button>Send message</button></form>"
                f"<a href='/c/{case}/report?ad={n}'>Report this ad</a></article>{extra}", **kw)


POLICY = ("<h2>Privacy</h2><p>We keep your messages for 90 days. We never sell your data. You can ask us to "
          "delete your account at any time. Reports of abuse are read by a person within 24 hours.</p>")


# ---------------------------------------------------------------------- the cases' hostile parts

def js(code: str) -> str:
    return f"<script>{code}</script>"


SW = """
self.addEventListener('install', e => { e.waitUntil(fetch('/c/sw-post/w/install', {method: 'POST', body: 'i'}).catch(() => {})); self.skipWaiting(); });
self.addEventListener('activate', e => { e.waitUntil(clients.claim()); fetch('/c/sw-post/w/activate', {method: 'POST', body: 'a'}).catch(() => {}); });
self.addEventListener('fetch', e => { fetch('/c/sw-post/w/fetch', {method: 'POST', body: e.request.url}).catch(() => {}); });
"""
WORKER = """
onmessage = (e) => {
  const base = e.data;
  fetch(base + '/w/worker-fetch', {method: 'POST', body: 'hello'}).catch(() => {});
  try { const x = new XMLHttpRequest(); x.open('POST', base + '/w/worker-xhr'); x.send('hello'); } catch (err) {}
  try { fetch(base + '/w/worker-ka', {method: 'POST', body: 'k', keepalive: true}).catch(() => {}); } catch (err) {}
  try { const ws = new WebSocket(base.replace('http', 'ws').replace(/\\/c\\/.*$/, '') + '/ws');
        ws.onopen = () => { ws.send('from a worker'); setInterval(() => ws.send('again'), 200); }; } catch (err) {}
};
onconnect = (e) => { const port = e.ports[0]; port.onmessage = onmessage; };
"""

HEAD_JS = {
    # ---- writes from places a page guard may not reach
    "sw-post": js("navigator.serviceWorker && navigator.serviceWorker.register('/c/sw-post/sw.js').catch(() => {});"),
    "worker-post": js("const w = new Worker('/c/worker-post/worker.js'); w.postMessage(location.origin + '/c/worker-post');"
                      "const b = new Worker(URL.createObjectURL(new Blob([document.getElementById ? '' : ''] .concat("
                      "[`onmessage = e => fetch(e.data + '/w/blob-worker', {method: 'POST', body: 'b'}).catch(() => {});`]),"
                      " {type: 'text/javascript'}))); b.postMessage(location.origin + '/c/worker-post');"),
    "worker-ws": js("const w = new Worker('/c/worker-ws/worker.js'); w.postMessage(location.origin + '/c/worker-ws');"
                    "const m = new Worker('/c/worker-ws/worker.js', {type: 'module'}); m.postMessage(location.origin + '/c/worker-ws');"
                    "addEventListener('DOMContentLoaded', () => { const f = document.createElement('iframe');"
                    " document.body.appendChild(f); const r = new f.contentWindow.Worker('/c/worker-ws/worker.js');"
                    " r.postMessage(location.origin + '/c/worker-ws'); });"),
    "sharedworker-post": js("try { const s = new SharedWorker('/c/sharedworker-post/worker.js');"
                            " s.port.postMessage(location.origin + '/c/sharedworker-post'); } catch (e) {}"),
    "unload-writes": js("""
      const B = '/c/unload-writes/w/';
      window.addEventListener('pagehide', () => navigator.sendBeacon(B + 'pagehide', 'x'));
      window.addEventListener('beforeunload', () => fetch(B + 'beforeunload', {method: 'POST', keepalive: true, body: 'x'}));
      document.addEventListener('visibilitychange', () => fetch(B + 'visibility', {method: 'POST', keepalive: true, body: 'x'}));
      window.addEventListener('unload', () => navigator.sendBeacon(B + 'unload', 'x'));
      window.addEventListener('freeze', () => navigator.sendBeacon(B + 'freeze', 'x'), {capture: true});
      document.documentElement.addEventListener('pagehide', () => navigator.sendBeacon(B + 'html-pagehide', 'x'));
      self.addEventListener('pagehide', () => navigator.sendBeacon(B + 'self-pagehide', 'x'));
    """),
    "iframe-realm": js("""
      addEventListener('DOMContentLoaded', () => {
        const f = document.createElement('iframe'); f.style.display = 'none'; document.body.appendChild(f);
        const w = f.contentWindow, B = '/c/iframe-realm/w/';
        w.EventTarget.prototype.addEventListener.call(window, 'pagehide', () => {
          w.Navigator.prototype.sendBeacon.call(navigator, B + 'realm-beacon', 'x');
          w.fetch.call(window, B + 'realm-keepalive', {method: 'POST', keepalive: true, body: 'x'});
        });
        w.EventTarget.prototype.addEventListener.call(document, 'visibilitychange', () =>
          w.Navigator.prototype.sendBeacon.call(navigator, B + 'realm-visibility', 'x'));
        try { w.fetch(B + 'realm-now', {method: 'POST', body: 'x', keepalive: true}).catch(() => {}); } catch (e) {}
        const form = w.document.createElement('form'); form.method = 'post'; form.action = location.origin + B + 'realm-form';
        w.document.body.appendChild(form); w.HTMLFormElement.prototype.submit.call(form);
      });
    """),
    "hidden-iframe-form": "",
    "form-blank": "",
    "a-ping": "",
    "prefetch-acting": ("<link rel='prefetch' href='/c/prefetch-acting/ads/5?action=delete'>"
                        "<link rel='prerender' href='/c/prefetch-acting/logout'>"
                        "<link rel='preload' as='fetch' href='/c/prefetch-acting/ads/7?action=delete'>"
                        "<script type='speculationrules'>{\"prerender\": [{\"source\": \"list\", \"urls\": "
                        "[\"/c/prefetch-acting/ads/6?action=delete\"]}], \"prefetch\": [{\"source\": \"list\", "
                        "\"urls\": [\"/c/prefetch-acting/ads/8?action=delete\"]}]}</script>"),
    # ---- navigation and lifecycle abuse
    "beforeunload-dialog": js("window.onbeforeunload = (e) => { e.preventDefault(); e.returnValue = 'Stay?'; return 'Stay?'; };"),
    "window-close": js("window.close(); setTimeout(() => window.close(), 200); setInterval(() => { try { window.print(); } catch (e) {} }, 500);"),
    "pushstate-loop": js("let n = 0; setInterval(() => { for (let i = 0; i < 50; i++) history.pushState({n}, '', '/c/pushstate-loop/p' + (n++)); }, 1);"),
    "hash-churn": js("let h = 0; setInterval(() => { location.hash = 'h' + (h++); }, 1);"),
    "mutation-storm": js("setInterval(() => { const b = document.createElement('body'); b.innerHTML = "
                         "'<main><h1>Storm ' + Math.random() + '</h1><a href=\"/c/mutation-storm/ads/1\">Ad</a>"
                         "<button>Report</button></main>'; document.body = b; }, 10);"),
    "debugger-loop": js("setInterval(() => { debugger; }, 1);"),
    # ---- our own page scripts vs the page's
    "proto-override": js("""
      Array.prototype.map = function () { throw new Error('map is gone'); };
      Array.prototype.filter = function () { return []; };
      Array.from = function () { return []; };
      JSON.stringify = function () { return '"hijacked"'; };
      JSON.parse = function () { return null; };
      Element.prototype.querySelectorAll = function () { return []; };
      Document.prototype.querySelectorAll = function () { return []; };
      Element.prototype.getBoundingClientRect = function () { throw new Error('no rects'); };
      Function.prototype.toString = function () { throw new Error('no source'); };
      Object.keys = function () { return []; };
      String.prototype.trim = function () { return 'trimmed'; };
      window.getComputedStyle = function () { return {display: 'none', visibility: 'hidden'}; };
      window.Promise = function () { throw new Error('no promises'); };
    """),
    "playwright-names": js("""
      for (const n of ['__playwright', '__playwright_evaluation_script__', '__pwInitScripts', '__playwright__binding__',
                       '__safehavenAction', '__safehavenWrite', '__safehavenForms', '__sh', 'playwright'])
        try { Object.defineProperty(window, n, {value: function () { throw new Error('taken'); }, writable: false, configurable: false}); } catch (e) {}
      try { window.__safehavenForms = false; } catch (e) {}
      setTimeout(() => { const f = document.querySelector('form[method=post]'); if (f) f.submit(); }, 300);
    """),
    "age-gate-forever": "",
    "banner-cover": "",
    "rtl-nul": js("""
      addEventListener('DOMContentLoaded', () => {
        document.title = 'Ads \\u202e\\u0000\\ud800 evil\\u202c title';
        const a = document.createElement('a'); a.href = '/c/rtl-nul/ads/1?\\u202e'; a.textContent = 'Report \\u202etroper\\u202c \\u0000\\ud83d end \\udfff';
        document.querySelector('main').appendChild(a);
        const p = document.createElement('p'); p.textContent = 'Text \\u0000\\u0001\\u001b[31m \\ud800 \\u2066isolate\\u2069 \\ufeff\\uffff'; document.querySelector('main').appendChild(p);
        const i = document.createElement('input'); i.value = 'value \\u0000 \\udc00'; i.name = 'n\\u0000'; document.querySelector('main').appendChild(i);
      });
    """),
    "shadow-deep": js("""
      addEventListener('DOMContentLoaded', () => {
        let host = document.querySelector('main');
        for (let i = 0; i < 2000; i++) { const d = document.createElement('div'); host.appendChild(d); host = d.attachShadow({mode: i % 2 ? 'open' : 'closed'});
          const s = document.createElement('span'); s.textContent = 'level ' + i; host.appendChild(s); }
        const a = document.createElement('a'); a.href = '/c/shadow-deep/ads/2'; a.textContent = 'Report'; host.appendChild(a);
      });
    """),
    "infinite-scroll": js("""
      let k = 0; const more = () => { const m = document.querySelector('main'); for (let i = 0; i < 20; i++) {
        const a = document.createElement('a'); a.href = '/c/infinite-scroll/ads/' + (k++); a.textContent = 'Ad ' + k; m.appendChild(a);
        const p = document.createElement('p'); p.style.height = '400px'; p.textContent = 'more'; m.appendChild(p); } };
      addEventListener('scroll', more); addEventListener('DOMContentLoaded', more);
      new IntersectionObserver(more).observe(document.documentElement);
    """),
}

# Cases whose hostile part is in the page body (every page of the case)
BODY = {
    "hidden-iframe-form": ("<iframe name='h' style='display:none'></iframe><form id='hf' method='post' "
                           "action='/c/hidden-iframe-form/w/hidden' target='h'><input name='m' value='Hi, still available?'>"
                           "</form>" + js("setTimeout(() => document.getElementById('hf').submit(), 100);"
                                          "setTimeout(() => document.getElementById('hf').requestSubmit(), 300);")),
    "form-blank": ("<form id='bf' method='post' action='/c/form-blank/w/blank' target='_blank'><input name='m' value='Hi'>"
                   "<button id='bb'>Send</button></form><form id='nf' method='post' action='/c/form-blank/w/named' "
                   "target='named-win'><input name='m' value='Hi'></form>"
                   + js("setTimeout(() => { document.getElementById('bf').submit(); window.open('', 'named-win');"
                        " document.getElementById('nf').submit(); document.getElementById('bb').click(); }, 100);")),
    "a-ping": ("<a id='p' href='/c/a-ping/ads/1' ping='/c/a-ping/w/ping'>Red bike (pinged)</a>"
               "<a id='p2' href='/c/a-ping/ads/2' ping='http://127.0.0.1:18301/w/ping-other'>Room (pinged)</a>"
               + js("setTimeout(() => document.getElementById('p2').click(), 400);")),
    "age-gate-forever": ("<div id='gate' style='position:fixed;inset:0;background:#000;color:#fff;z-index:9999'>"
                         "<p>This site is for adults. Are you 18 or older?</p><button id='yes'>I am 18 or older</button>"
                         "<button>Leave</button></div>"
                         + js("const g = document.getElementById('gate'); document.getElementById('yes').onclick = () => {"
                              " g.style.display = 'none'; document.cookie = 'age=ok; path=/'; setTimeout(() => "
                              "g.style.display = 'block', 300); }; setInterval(() => g.style.display = 'block', 700);")),
    "banner-cover": ("<div id='cb' style='position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.9);color:#fff'>"
                     "<p>We use cookies.</p><button id='acc'>Accept all</button><button id='rej'>Reject</button></div>"
                     + js("for (const id of ['acc', 'rej']) document.getElementById(id).onclick = (e) => { e.stopPropagation();"
                          " const c = document.getElementById('cb'); c.remove(); setTimeout(() => document.body.appendChild(c), 50); };"
                          "addEventListener('click', (e) => { e.preventDefault(); e.stopImmediatePropagation(); }, true);")),
    "odd-schemes": ("<a href=\"javascript:fetch('/c/odd-schemes/w/js-link',{method:'POST'})\">Report this ad</a> "
                    "<a href=\"data:text/html,<form method=post action=http://127.0.0.1:18300/c/odd-schemes/w/data></form>"
                    "<script>document.forms[0].submit()</script>\">Contact us</a> "
                    "<a href='view-source:http://127.0.0.1:18300/c/odd-schemes/'>Source</a> <a href='chrome://settings'>Settings</a> "
                    "<a href='chrome://crash'>Crash</a> <a href='about:blank'>Blank</a> <a href='file:///etc/passwd'>File</a> "
                    "<a href='blob:http://127.0.0.1:18300/0000'>Blob</a> <a href='ftp://127.0.0.1/'>FTP</a> "
                    "<a href='intent://x#Intent;end'>App</a> <a href='mailto:x@example.invalid'>Mail</a> "
                    "<a href='http://127.0.0.1:99999/'>Bad port</a> <a href='http://[::1/'>Bad host</a> <a href='http://%zz/'>Bad escape</a> "
                    "<a href='ws://127.0.0.1:18300/ws'>Socket</a> <a href='filesystem:http://127.0.0.1:18300/temporary/x'>FS</a>"
                    + js("setTimeout(() => { const u = URL.createObjectURL(new Blob(['<form method=post action=\"/c/odd-schemes/w/blob\">"
                         "</form><script>document.forms[0].submit()<' + '/script>'], {type: 'text/html'}));"
                         " const a = document.createElement('a'); a.href = u; a.textContent = 'Blob page'; document.querySelector('main').appendChild(a);"
                         " location.href = u; }, 200);"
                         "setTimeout(() => { location.href = \"javascript:fetch('/c/odd-schemes/w/js-nav',{method:'POST'})\"; }, 400);")),
    "meta-refresh-loop": "<a href='/c/meta-refresh-loop/x'>Refreshing page</a> <a href='/c/meta-refresh-loop/y'>Ping</a>",
    "links-100k": "",
    "url-100k": "",
    "iframe-nest": "<iframe src='/c/iframe-nest/nest?d=1'></iframe><iframe src='/c/iframe-nest/nest?d=1&b=1'></iframe>",
    "iframes-1000": "".join(f"<iframe src='/c/iframes-1000/f?i={i}' width='20' height='20'></iframe>" for i in range(1000)),
    "report-storm": "".join(f"<div class='ad'><a href='/c/report-storm/ads/{i}'>Ad {i}</a><button aria-label='More'>...</button>"
                            f"<button onclick=\"if (confirm('Report?')) fetch('/c/report-storm/w/report{i}', {{method: 'POST'}})\">"
                            f"Report</button></div>" for i in range(600)),
}
for _d in (HEAD_JS, BODY):  # the addresses above name the default ports
    for _k, _v in _d.items():
        _d[_k] = _v.replace("127.0.0.1:18300", f"127.0.0.1:{MAIN}").replace("127.0.0.1:18301", f"127.0.0.1:{OTHER}")

# Cases whose hostile part is a page the home page links to (/c/<case>/x and /y)
LINKED = {"gzip-bomb", "line-50mb", "headers-10k", "header-100k", "http10-early", "chunked-truncated", "redirect-30",
          "redirect-port", "mem-bomb", "busy-linked", "charset-lies", "odd-status", "odd-types", "download-endless",
          "cookie-bomb"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "hostile/1"

    def log_message(self, *args) -> None:
        pass

    @property
    def hub(self) -> Hub:
        return self.server.hub

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    # ------------------------------------------------------------------ writes

    def _write(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1 << 20))
        self.hub.write(self.port, self.command, self.path)
        self._send(b'{"ok": true}', ctype="application/json")

    do_PUT = do_PATCH = do_DELETE = _write

    def do_POST(self) -> None:
        if not self.path.startswith("/login"):
            return self._write()
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode("utf-8", "replace")))
        self.hub.logins.append(form)
        self.send_response(303)
        self.send_header("Set-Cookie", "session=ok; Path=/")
        q = parse_qs(urlsplit(self.path).query)
        self.send_header("Location", q.get("next", [""])[0] or "/c/" + q.get("case", [""])[0] + "/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._send(b"", ctype="text/html")

    # ------------------------------------------------------------------ helpers

    def _send(self, body: bytes | str, status: int = 200, ctype: str = "text/html; charset=utf-8",
              headers: dict | list | None = None) -> None:
        data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers.items() if isinstance(headers, dict) else headers or []):
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(data)
            except OSError:
                pass

    def _raw(self, data: bytes, close: bool = True) -> None:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            pass
        if close:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _account(self) -> tuple[str, str]:
        if "session=ok" not in (self.headers.get("Cookie") or "") or not self.hub.logins:
            return "", ""
        acct = self.hub.logins[-1]
        return acct.get("u", ""), acct.get("p", "")

    # ------------------------------------------------------------------ reads

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        self.hub.requests.append((self.port, "GET", self.path[:200]))
        query = parse_qs(url.query)
        if "action=delete" in url.query or url.path.rstrip("/").endswith("/logout"):
            self.hub.write(self.port, "GET (acting)", self.path)
        if url.path == "/ws" and "websocket" in (self.headers.get("Upgrade") or "").lower():
            return self._websocket()
        if self.port == ROBOTS and url.path == "/robots.txt":
            self.hub.stopping.wait(600)
            return
        if self.port == ROBOTS and url.path == "/sitemap.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            self._raw(b"<?xml version='1.0'?><urlset>", close=False)
            i = 0
            while not self.hub.stopping.is_set():
                try:
                    self.wfile.write(f"<url><loc>http://127.0.0.1:{ROBOTS}/c/robots-sitemap/ads/{i}</loc></url>".encode())
                except OSError:
                    return
                i += 1
                if i % 1000 == 0:
                    time.sleep(0.01)
            return
        if url.path == "/robots.txt":
            return self._send("User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n", ctype="text/plain")
        if url.path == "/login.html":
            case = query.get("case", [""])[0]
            nxt = query.get("next", [""])[0]
            return self._send("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Log in</title></head>"
                              f"<body><main><h1>Log in</h1><form method='post' action='/login?case={html.escape(case)}&amp;next={html.escape(nxt)}'>"
                              "<label for='u'>User</label><input id='u' name='u'><label for='p'>Password</label>"
                              "<input id='p' type='password' name='p'><button id='go'>Log in</button></form></main></body></html>")
        if self.port == OTHER:
            return self._send("<!doctype html><html><head><title>Another origin</title></head><body><main>"
                              "<h1>Another site</h1><form method='post' action='/w/other-form'><input name='m' value='x'></form>"
                              + js("fetch('/w/other-fetch', {method: 'POST', body: 'x'}).catch(() => {});"
                                   "setTimeout(() => document.forms[0].submit(), 100);") + "</main></body></html>")
        parts = url.path.split("/")
        if len(parts) < 3 or parts[1] != "c":
            return self._send("<h1>Not found</h1>", 404)
        case, rest = parts[2], "/".join(parts[3:])
        try:
            return self._case(case, rest, query)
        except (BrokenPipeError, ConnectionResetError):
            return

    def _case(self, case: str, rest: str, query: dict) -> None:
        user, secret = self._account()
        kw = {"user": user, "secret": secret}
        head = HEAD_JS.get(case, "")
        body = BODY.get(case, "")
        c = f"/c/{case}"
        if case in LINKED:
            body += (f"<p><a href='{c}/x'>Featured ad</a> <a href='{c}/y'>Second featured ad</a> "
                     f"<a href='{c}/z'>Third featured ad</a></p>")

        # ---- resources that several cases share
        if rest == "sw.js" and case == "sw-post":
            return self._send(SW, ctype="application/javascript", headers={"Service-Worker-Allowed": "/"})
        if rest == "worker.js":
            return self._send(WORKER, ctype="application/javascript")
        if rest == "help":
            return self._send(page(case, "Help", "<h2>Help</h2><p>Write to help@example.invalid.</p>", head=head, **kw))
        if rest in ("privacy", "terms"):
            return self._send(page(case, rest.title(), POLICY, head=head, **kw))
        if rest == "report":
            if not user:  # the report form is behind a login: the audit logs in, and the page echoes the account
                return self._send(b"", 302, headers={"Location": f"/login.html?case={case}&next={c}/report"})
            return self._send(page(case, "Report an ad", "<form method='post' action='" + c + "/w/report'><label for='r'>"
                                   f"Reason</label><p>Reporting as {html.escape(user)}, reference {html.escape(secret)}</p><label for='who'>Your name</label><input id='who' name='who' value='{html.escape(user)}'><input type='hidden' name='ref' value='{html.escape(secret)}'><select id='r' name='r'><option>Spam</option><option>Human trafficking"
                                   "</option></select><textarea name='t'></textarea><button>Send report</button></form>",
                                   head=head, **kw))

        # ---- cases on the home page and every page
        if case == "title-1mb":
            title = "Ads " + "long title " * 95_000
            if rest.startswith("ads/"):
                return self._send(ad_page(case, 1, **kw).replace("<title>Ad 1</title>", f"<title>{title}</title>"))
            return self._send(page(case, title, **kw))
        if case == "links-100k" and rest == "":
            return self._send(page(case, "Ads", "<ul>" + "".join(f"<li><a href='{c}/ads/{i}'>Ad number {i}</a></li>"
                                                                 for i in range(100_000)) + "</ul>", **kw))
        if case == "url-100k" and rest == "":
            long = "".join(f"<a href='{c}/ads/{i}?q={'k' * 100_000}{i}'>Ad with a long address {i}</a> " for i in range(20))
            return self._send(page(case, "Ads", long + f"<a href='{c}/ads/9?q={'m' * 2_100_000}'>Too long</a>", **kw))
        if case == "iframe-nest" and rest == "nest":
            d = int(query.get("d", ["1"])[0])
            return self._send(f"<!doctype html><title>Nest {d}</title><p>Level {d}</p>"
                              f"<iframe src='{c}/nest?d={d + 1}'></iframe><iframe src='{c}/nest?d={d + 1}&b=1'></iframe>")
        if case == "iframes-1000" and rest == "f":
            return self._send(f"<!doctype html><title>f</title><p>Frame {html.escape(query.get('i', ['?'])[0])}</p>"
                              + js("fetch('/c/iframes-1000/w/frame', {method: 'POST'}).catch(() => {});"))
        if case == "cookie-bomb" and not rest.startswith(("x", "y", "z")):  # 50 cookies of 4 KB more on every page
            tag = hashlib.sha1(rest.encode()).hexdigest()[:6]
            cookies = [("Set-Cookie", f"bomb{tag}{i}={'c' * 4000}; Path=/") for i in range(50)]
            doc = ad_page(case, 1, **kw) if rest.startswith("ads/") else page(case, "Ads", body, head=head, **kw)
            return self._send(doc, headers=cookies)
        if case == "meta-refresh-loop":
            if rest == "x":
                return self._send("<!doctype html><head><meta http-equiv='refresh' content='0'><title>Refresh</title>"
                                  "</head><body><main><p>Refreshing</p></main></body>")
            if rest in ("y", "z"):
                other = "z" if rest == "y" else "y"
                return self._send(f"<!doctype html><head><meta http-equiv='refresh' content='0;url={c}/{other}'>"
                                  f"<title>Ping {rest}</title></head><body><main><p>Ping {rest}</p></main></body>")
        if case == "charset-lies" and rest in ("x", "y", "z"):
            if rest == "x":
                return self._send("<html><title>Caf\u00e9 listing</title><body><main><p>Caf\u00e9 ad</p></main></body></html>"
                                  .encode("utf-8"), ctype="text/html; charset=utf-16")
            if rest == "y":
                return self._send(b"<html><title>Bogus charset</title><body><main>\xff\xfe\x00\xd8 ad</main></body></html>",
                                  ctype="text/html; charset=x-no-such-charset")
            return self._send("\ufeff<html><title>UTF-16 page</title><body><main>\ud800 lone</main></body></html>"
                              .encode("utf-16-le", "surrogatepass"), ctype="text/html")

        # ---- the linked hostile pages
        if case in LINKED and rest in ("x", "y", "z"):
            return self._linked(case, rest)
        if case == "redirect-30" and rest.startswith("r/"):
            n = int(rest[2:])
            if n >= 30:
                return self._send(page(case, "Arrived", "<p>After thirty hops</p>", **kw))
            return self._send(b"", 302, headers={"Location": f"{c}/r/{n + 1}?from={n}"})
        if case == "busy-start" and rest == "":
            return self._send("<!doctype html><html><head><title>Busy</title><script>while (true) {}</script></head>"
                              "<body><main>never</main></body></html>")
        if case == "slow-bytes" and rest == "":
            doc = page(case, "Slow", **kw).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(doc)))
            self.end_headers()
            per = 15.0 / len(doc)  # the whole page takes 15 s: three page timeouts
            for i in range(len(doc)):
                if self.hub.stopping.wait(per):
                    return
                try:
                    self.wfile.write(doc[i:i + 1])
                    self.wfile.flush()
                except OSError:
                    return
            return

        if rest.startswith("ads/"):
            try:
                n = int(rest.split("/")[1])
            except ValueError:
                n = 0
            return self._send(ad_page(case, n, body if case in ("hidden-iframe-form", "form-blank", "age-gate-forever",
                                                                 "banner-cover", "mutation-storm") else "",
                                      head=head, **kw))
        if rest == "":
            return self._send(page(case, "Small ads", body, head=head, **kw,
                                   body_attrs=("onpagehide=\"navigator.sendBeacon('/c/unload-writes/w/body-pagehide','x')\" "
                                               "onbeforeunload=\"fetch('/c/unload-writes/w/body-bu',{method:'POST',keepalive:true})\" "
                                               "onunload=\"navigator.sendBeacon('/c/unload-writes/w/body-unload','x')\"")
                                   if case == "unload-writes" else ""))
        if rest in ("x", "y", "z") or rest.startswith("p"):
            return self._send(page(case, "Page " + rest[:20], "<p>A page</p>", head=head, **kw))
        return self._send("<h1>Not found</h1>", 404)

    def _linked(self, case: str, rest: str) -> None:
        c = f"/c/{case}"
        if case == "gzip-bomb":
            data = self.hub.gzip_bomb()
            return self._send(data, headers={"Content-Encoding": "gzip"})
        if case == "line-50mb":
            return self._send("<!doctype html><html><head><title>One line</title></head><body><main><p>"
                              + "word " * 10_000_000 + "</p></main></body></html>")
        if case == "headers-10k":
            return self._send(page(case, "Headers"), headers=[(f"X-H{i}", "v" * 20) for i in range(10_000)])
        if case == "header-100k":
            return self._send(page(case, "Header"), headers={"X-Big": "b" * 100_000, "Link": "<" + "l" * 60_000 + ">; rel=preload"})
        if case == "http10-early":
            if rest == "x":
                self.request_version = "HTTP/1.0"
                return self._raw(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>Half a page"
                                 b"</title></head><body><main><p>The start of an ad and then noth")
            return self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                             b"<html><head><title>Short</title></head><body><main><p>Promised more")
        if case == "chunked-truncated":
            if rest == "x":
                return self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 b"20\r\n<html><head><title>Chunks</title>\r\n10\r\n</head><body><main>\r\n40\r\nHalf a ch")
            return self._raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                             b"zz\r\n<html>bad chunk size\r\n0\r\n\r\n")
        if case == "redirect-30":
            return self._send(b"", 302, headers={"Location": f"{c}/r/1"})
        if case == "redirect-port":
            if rest == "x":
                return self._send(b"", 302, headers={"Location": f"http://127.0.0.1:{OTHER}/c/{case}/"})
            if rest == "y":
                return self._send(b"", 307, headers={"Location": f"http://localhost:{OTHER}/w/after-307"})
            return self._send(f"<html><head><meta http-equiv='refresh' content='0;url=http://127.0.0.1:{OTHER}/z'>"
                              "<title>z</title></head><body>Moving</body></html>")
        if case == "mem-bomb":
            return self._send(page(case, "Memory", "<p>Allocating</p>", head=js(
                "const keep = []; setInterval(() => { for (let i = 0; i < 20; i++) keep.push(new Array(1e6).fill(Math.random())); }, 5);")))
        if case == "busy-linked":
            return self._send("<!doctype html><html><head><title>Busy</title><script>while (true) {}</script></head>"
                              "<body><main>never</main></body></html>")
        if case == "odd-status":
            if rest == "x":
                return self._raw(b"HTTP/1.1 999 Weird\r\nContent-Type: text/html\r\nContent-Length: 24\r\n\r\n<title>Weird</title>odd")
            if rest == "y":
                return self._send(b"", 204)
            return self._raw(b"garbage that is no HTTP at all\r\n\r\n")
        if case == "odd-types":
            if rest == "x":
                return self._send(page(case, "Png"), ctype="image/png")
            if rest == "y":
                return self._send("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><title>Bad</title><body><p>unclosed",
                                  ctype="application/xhtml+xml")
            return self._send(b"\x00\x01\x02binary" * 1000, ctype="application/octet-stream")
        if case == "download-endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Disposition", "attachment; filename=ads.zip")
            self.end_headers()
            chunk = b"\0" * 65536
            while not self.hub.stopping.is_set():
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return
                time.sleep(0.005)
            return
        if case == "cookie-bomb":
            return self._send(page(case, "Crumbs"))
        return self._send(page(case, "Linked " + rest), 200)

    # ------------------------------------------------------------------ websocket

    def _websocket(self) -> None:
        key = self.headers.get("Sec-WebSocket-Key", "")
        accept = base64.b64encode(hashlib.sha1((key + WS_GUID).encode()).digest()).decode()
        self.send_response(101, "Switching Protocols")
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept)
        self.end_headers()
        self.wfile.flush()
        self.close_connection = True
        try:
            self.wfile.write(b"\x81" + bytes([7]) + b"welcome")
            self.wfile.flush()
            while not self.hub.stopping.is_set():
                head = self.rfile.read(2)
                if len(head) < 2:
                    return
                opcode, length = head[0] & 0x0F, head[1] & 0x7F
                if length == 126:
                    length = struct.unpack(">H", self.rfile.read(2))[0]
                elif length == 127:
                    length = struct.unpack(">Q", self.rfile.read(8))[0]
                if head[1] & 0x80:
                    self.rfile.read(4)  # the mask: what the page sent is not read, only counted
                self.rfile.read(length)
                if opcode == 8:
                    return
                if opcode in (1, 2):
                    self.hub.write(self.port, "WEBSOCKET", "/ws")
        except OSError:
            return


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, port: int, hub: Hub):
        super().__init__(("127.0.0.1", port), Handler)
        self.hub = hub

    def handle_error(self, request, client_address) -> None:  # a browser that hangs up is no news here
        pass


def _silent(port: int, hub: Hub) -> socket.socket:
    """Accepts every connection and never says a word."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(64)
    held: list[socket.socket] = []

    def loop() -> None:
        while not hub.stopping.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            held.append(conn)

    threading.Thread(target=loop, daemon=True).start()
    return sock


class Servers:
    """All the ports, in threads of this process."""

    def __init__(self) -> None:
        self.hub = Hub()
        self.servers = [Server(p, self.hub) for p in (MAIN, OTHER, ROBOTS)]
        self.silent = _silent(SILENT, self.hub)
        for s in self.servers:
            threading.Thread(target=s.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.hub.stopping.set()
        for s in self.servers:
            s.shutdown()
            s.server_close()
        self.silent.close()


if __name__ == "__main__":  # serve, to look at the cases in a browser
    s = Servers()
    print(f"serving on 127.0.0.1:{MAIN} (cases under /c/NAME/), {OTHER}, {ROBOTS}, {SILENT}; Ctrl-C to stop")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        s.close()
    print(json.dumps(s.hub.writes))
