"""A small HTTP server for the test sites in tests/sites/, on 127.0.0.1, with a few misbehaving routes.

    /crash        drops the connection without an answer
    /broken/500   answers 500
    /slow         answers after 3 seconds
    /members/...  only with the cookie session=ok, else a redirect to /login.html?next=...
    POST /login   sets session=ok and redirects to ?next= (the only POST that does something)

A site folder may hold a `_redirects` file: lines `REGEX TARGET`, answered with a 302 to the target
(\\1 for groups), as forums answer post permalinks and "last post" jumps.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SITES = Path(__file__).with_name("sites")


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        if self.path.startswith("/members/") and "session=ok" not in (self.headers.get("Cookie") or ""):
            self.send_response(302)
            self.send_header("Location", f"/login.html?next={self.path}")
            self.end_headers()
            return
        if self.path.startswith("/crash"):
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if self.path.startswith("/broken/500"):
            self.send_error(500, "Internal Server Error")
            return
        if self.path.startswith("/slow"):
            time.sleep(3)
        target = self._redirect(urlsplit(self.path).path)
        if target:
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return
        super().do_GET()

    def _redirect(self, path: str) -> str | None:
        rules = Path(self.directory) / "_redirects"
        if not rules.is_file():
            return None
        for line in rules.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                pattern, target = line.split()
                if re.match(pattern, path):
                    return re.sub(pattern, target, path)
        return None

    def do_POST(self) -> None:
        self.server.posts.append(self.path)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/login"):
            nxt = parse_qs(urlsplit(self.path).query).get("next", ["/"])[0]
            self.send_response(303)
            self.send_header("Set-Cookie", "session=ok; Path=/")
            self.send_header("Location", nxt)
            self.end_headers()
            return
        # What the platform answers to a post: tests/sites/<name>/_posted/<path>.html when there is one.
        answer = Path(self.directory) / "_posted" / (urlsplit(self.path).path.strip("/") + ".html")
        body = answer.read_bytes() if answer.is_file() else b""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_site(name: str, directory: Path | None = None):
    """Serve tests/sites/<name> (or `directory`) on a free port; yields (base_url, server)."""
    handler = partial(_Handler, directory=str(directory or SITES / name))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.requests, server.posts = [], []
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()
