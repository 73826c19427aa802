"""A test server for the write guard and the fault matrix, on 127.0.0.1.

It serves a folder of tests/sites/ like sitesrv.py, and counts as a write every request whose method
is not GET, HEAD or OPTIONS and every WebSocket message a page sends (`server.writes`). Misbehaving
routes, for the fault matrix:

    /ws                 a WebSocket: says "welcome", records every message it receives
    /fault/hang         never answers (until the server stops)
    /fault/slow?s=N     answers after N seconds
    /fault/drip         sends a page one byte every half second, for ever
    /fault/redirect-loop, /fault/redirect-file   redirects to itself, to file:///etc/passwd
    /fault/500, /fault/404, /fault/crash         an error, a missing page, a dropped connection
    /fault/big          a 20 MB page
    /fault/badenc       bytes that are not valid in the declared encoding
    /fault/many         50,000 elements;  /fault/deep  a DOM nested 5,000 levels deep
    /fault/endless/N    an endless crawl: every page links to two new ones
    /fault/inner, /fault/inner-redirect   point at, or redirect to, 0.0.0.0 (another network than 127.0.0.1's)
    /fault/speculation-header   names speculation rules (prefetch, prerender) in a response header
    POST /login         the one write that does something: sets session=ok, remembers the account
    /members/...        only with session=ok (else a redirect to /login.html?next=...); /members/report.html
                        echoes the account name and password it was given into its report form
"""

from __future__ import annotations

import base64
import hashlib
import html
import socket
import struct
import threading
import time
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, urlsplit

SITES = Path(__file__).with_name("sites")
WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class FaultHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet
        pass

    # ------------------------------------------------------------------ writes

    def _write(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, 1 << 20)) if length else b""
        self.server.writes.append((self.command, self.path, body[:500].decode("utf-8", "replace")))
        data = b'{"ok": true, "number": "+31 6 12345678"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_PUT = do_PATCH = do_DELETE = _write

    def do_POST(self) -> None:
        if not self.path.startswith("/login"):
            return self._write()
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode("utf-8", "replace")))
        self.server.logins.append(form)
        nxt = parse_qs(urlsplit(self.path).query).get("next", ["/"])[0]
        self.send_response(303)
        self.send_header("Set-Cookie", "session=ok; Path=/")
        self.send_header("Location", nxt)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_OPTIONS(self) -> None:
        self.server.requests.append(("OPTIONS", self.path))
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.end_headers()

    # ------------------------------------------------------------------ reads

    def do_GET(self) -> None:
        self.server.requests.append(("GET", self.path))
        path = urlsplit(self.path).path
        if path == "/ws" and "websocket" in (self.headers.get("Upgrade") or "").lower():
            return self._websocket()
        if path.startswith("/fault/"):
            return self._fault(path.removeprefix("/fault/"))
        if path.startswith("/members/"):
            if "session=ok" not in (self.headers.get("Cookie") or ""):
                return self._send(b"", 302, headers={"Location": f"/login.html?next={self.path}"})
            return self._echo_account()
        super().do_GET()

    def _echo_account(self) -> None:
        """A walled report form that echoes the account it was logged in with (a real, careless pattern)."""
        acct = self.server.logins[-1] if self.server.logins else {}
        user, pw = html.escape(acct.get("u", "")), html.escape(acct.get("p", ""))
        self._send(f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Report as {user}</title></head>"
                   f"<body><main><h1>Report an ad</h1><p>Hello {user}, your reference is {pw}</p>"
                   f"<form method='post' action='/members/send'><label for='w'>Your name</label>"
                   f"<input id='w' name='who' value='{user}'><label for='k'>Reference</label>"
                   f"<input id='k' name='ref' value='{pw}'><label for='r'>Reason</label>"
                   "<select id='r' name='reason'><option>Spam</option><option>Human trafficking</option>"
                   "<option>Minor (under 18)</option></select><label for='t'>Explain</label>"
                   "<textarea id='t' name='text'></textarea><button>Send report</button></form></main></body></html>")

    def _send(self, body: bytes | str, status: int = 200, ctype: str = "text/html; charset=utf-8",
              headers: dict | None = None) -> None:
        data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _fault(self, name: str) -> None:
        query = parse_qs(urlsplit(self.path).query)
        if name == "hang":
            self.server.stopping.wait(120)
            return
        if name == "slow":
            time.sleep(float(query.get("s", ["3"])[0]))
            return self._send("<html><title>Slow</title><body><main>Slow page</main></body></html>")
        if name == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><title>Drip</title><body><main>")
            while not self.server.stopping.wait(0.5):
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
            return
        if name == "redirect-loop":
            return self._send(b"", 302, headers={"Location": "/fault/redirect-loop"})
        if name == "redirect-file":
            return self._send(b"", 302, headers={"Location": "file:///etc/passwd"})
        if name == "500":
            return self._send("<h1>Server error</h1>", 500)
        if name == "404":
            return self._send("<h1>Not found</h1>", 404)
        if name == "crash":
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if name == "big":
            para = "<p>" + "Lorem ipsum dolor sit amet. " * 40 + "</p>\n"
            return self._send("<html><title>Big</title><body><main>" + para * (20_000_000 // len(para)) + "</main></body></html>")
        if name == "badenc":
            return self._send(b"<html><head><meta charset='utf-8'><title>Bad \xff\xfe encoding \xc3</title></head>"
                              b"<body><main>Caf\xe9 \x80\x81 \xed\xa0\x80 text</main></body></html>")
        if name == "many":
            return self._send("<html><title>Many</title><body><main>" + "<span>x</span>" * 50_000 + "</main></body></html>")
        if name == "deep":
            return self._send("<html><title>Deep</title><body><main>" + "<div>" * 5000 + "deep" + "</div>" * 5000
                              + "</main></body></html>")
        if name == "moved":  # the platform moved: the address given redirects to the same server under its IP
            return self._send(b"", 302, headers={"Location": f"http://127.0.0.1:{self.server.server_address[1]}/fault/busy"})
        if name == "busy":  # "429 Too Many Requests" to the first visit of each page, then the page
            key = self.path
            if key not in self.server.throttled:
                self.server.throttled.add(key)
                return self._send("<h1>Too many requests</h1>", 429, headers={"Retry-After": "1"})
            self.server.throttled_times.append(time.monotonic())
            return self._send("<html><title>Busy board</title><body><main><h1>Ads</h1><a href='/fault/busy?p=2'>page 2"
                              "</a> <a href='/fault/busy?p=3'>page 3</a></main></body></html>")
        if name == "overloaded":  # "503" without Retry-After to the first visit of each page (a lagging server)
            if self.path not in self.server.throttled:
                self.server.throttled.add(self.path)
                return self._send("<h1>Server is too busy</h1>", 503)
            self.server.throttled_times.append(time.monotonic())
            return self._send("<html><title>Busy forum</title><body><main><h1>Topics</h1><a href='/fault/overloaded?p=2'>"
                              "page 2</a></main></body></html>")
        if name == "inner":  # a page that points the browser at an address on another network of the machine
            port = self.server.server_address[1]
            return self._send(f"<html><title>Inner</title><body><main><p>Hello</p><img src='http://0.0.0.0:{port}/ok.txt?inner=img'>"
                              f"<iframe src='http://0.0.0.0:{port}/ok.txt?inner=frame'></iframe></main></body></html>")
        if name == "inner-redirect":  # the start address redirects there
            return self._send(b"", 302, headers={"Location": f"http://0.0.0.0:{self.server.server_address[1]}/ok.txt?inner=go"})
        if name == "speculation-header":  # speculation rules given in a response header, not in the page
            return self._send("<html><title>Rules by header</title><body><main><p>Hello</p></main></body></html>",
                              headers={"Speculation-Rules": '"/fault/speculation-rules.json"'})
        if name == "speculation-rules.json":
            return self._send(b'{"prefetch": [{"source": "list", "urls": ["/fault/json?speculated=header-prefetch"]}],'
                              b' "prerender": [{"source": "list", "urls": ["/fault/json?speculated=header-prerender"]}]}',
                              ctype="application/speculationrules+json")
        if name == "json":  # an API address given as the platform's
            return self._send(b'{"ads": []}', ctype="application/json")
        if name == "auth":  # a site behind HTTP basic authentication
            return self._send(b"Authentication required", 401, headers={"WWW-Authenticate": 'Basic realm="staging"'})
        if name == "dialog-storm":  # 6,000 dialogs: each one a browser round trip, if the browser had to answer them
            return self._send("<html><title>Dialog storm</title><body><main><p>Storm</p></main><script>"
                              "setTimeout(function () { for (var i = 0; i < 2000; i++) {"
                              " alert('a'); confirm('b'); prompt('c'); } }, 50);"
                              "</script></body></html>")
        if name == "popup-storm":  # every page opens a hundred popups of itself, without a click
            return self._send("<html><title>Popup storm</title><body><main><p>Popups</p></main><script>"
                              "for (var i = 0; i < 100; i++) window.open('/fault/popup-storm?' + i);"
                              "</script></body></html>")
        if name.startswith("endless"):
            n = int(name.split("/")[-1]) if "/" in name else 0
            return self._send(f"<html><title>Endless {n}</title><body><main><h1>Page {n}</h1>"
                              f"<a href='/fault/endless/{2 * n + 1}'>next a</a> <a href='/fault/endless/{2 * n + 2}'>"
                              "next b</a></main></body></html>")
        return self._send("<h1>unknown fault</h1>", 404)

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
        self.server.ws_opened += 1
        self.close_connection = True
        try:
            self.wfile.write(b"\x81" + bytes([7]) + b"welcome")
            self.wfile.flush()
            while not self.server.stopping.is_set():
                head = self.rfile.read(2)  # blocks until the page sends or closes (daemon thread)
                if len(head) < 2:
                    return
                opcode, length = head[0] & 0x0F, head[1] & 0x7F
                if length == 126:
                    length = struct.unpack(">H", self.rfile.read(2))[0]
                elif length == 127:
                    length = struct.unpack(">Q", self.rfile.read(8))[0]
                mask = self.rfile.read(4) if head[1] & 0x80 else b"\0\0\0\0"
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(self.rfile.read(length)))
                if opcode == 8:
                    return
                if opcode in (1, 2):
                    self.server.writes.append(("WEBSOCKET", "/ws", payload[:200].decode("utf-8", "replace")))
        except OSError:
            return


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path):
        super().__init__(("127.0.0.1", 0), partial(FaultHandler, directory=str(directory)))
        self.writes: list[tuple[str, str, str]] = []
        self.throttled: set[str] = set()  # /fault/busy, /fault/overloaded: paths answered 429 or 503 once
        self.throttled_times: list[float] = []
        self.requests: list[tuple[str, str]] = []
        self.ws_opened = 0
        self.logins: list[dict[str, str]] = []
        self.stopping = threading.Event()


@contextmanager
def serve_faults(name: str = "writeguard"):
    """Serve tests/sites/<name> with the fault routes on a free port; yields (base_url, server)."""
    server = FaultServer(SITES / name)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
