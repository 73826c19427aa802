"""The demo world: fictional platforms served on 127.0.0.1 for demos and browser tests.

Every folder ``audits/demo/<slug>/`` that holds an ``audit.toml`` is one demo platform:

``audit.toml``
    The audit definition (``[platform]`` only). Its URL is the placeholder ``http://127.0.0.1/``;
    :func:`definition_text` swaps in the base URL of a running server.
``truth.toml``
    The expected status of every catalogue check and the expected level per area, each with a
    one-line reason. ``truth-<variant>.toml`` (for example ``truth-site-fixed.toml``) holds the
    expectations for another variant; :func:`load_truth` picks it with ``variant=``.
``site/`` (and optionally ``site-fixed/``, or any other ``site-*`` folder)
    One variant of the platform: static files, plus ``_templates/`` (Jinja2) and ``_data/``
    (JSON data sets). A path segment starting with ``_`` or ``.`` is never served. A ``site-*``
    variant is an overlay: it holds only the files it changes, and every other file, template
    and data set comes from ``site/``.
``serve.toml`` (optional)
    How the server behaves. A ``serve.toml`` inside the variant folder wins over the one in the
    platform folder. Keys::

        [site]
        lang = "nl"                 # language of the built-in 404 and "received" pages ("nl" | "en")
        not_found = "404.html"      # template in _templates/ for unknown paths (answered with 404)
        received = "received.html"  # template in _templates/ answering every POST (200)
        csp = true                  # send a Content-Security-Policy that allows only this origin
        # any other key is passed to templates as site.<key>

        [[route]]                   # templated pages, tried first, in order
        path = "/ads/{id}"          # {name} matches one path segment (or part of it: "/api/{id}.json")
        template = "ad.html"        # template in _templates/ (omit with json = true)
        data = "ads"                # data set _data/ads.json (a list of objects), as `items`
        lookup = "id"               # path parameter naming one item: `item` = the entry whose
                                    #   field (default: the same name) equals it; 404 when none
        field = "id"                # field compared with the lookup parameter
        filter = "city"             # path parameter filtering `items` on the field of that name
                                    #   (case-insensitive); 404 when nothing is left
        json = false                # answer the item (or the items) as JSON instead of a template
        status = 200

        [[gate]]                    # a server-side age gate (several allowed, first match wins)
        prefixes = ["/"]            # gated path prefixes
        exempt = ["/legal/"]        # prefixes never gated (the gate page and accept path always are)
        page = "/age-check"         # where requests without the cookie are sent, with ?next=<path>
        cookie = "age_verified"     # cookie that opens the gate
        value = "1"                 # the value it must have; omit for token mode, where only a
                                    #   random token issued by the accept path opens the gate
        accept = "/age-check/accept"  # optional GET endpoint: sets the cookie, redirects to ?next=
        include_data = false        # also gate non-HTML route answers (JSON data) with a 403;
                                    #   static assets (CSS, JS, images) are never gated
        max_age = 86400             # cookie lifetime set by the accept path (seconds)

        [partner]                   # another origin (a verification provider, say) served next to
                                    #   the platform on its own port, from the variant's _partner/
                                    #   folder (static files only); templates get `partner_url`
                                    #   ("http://127.0.0.1:PORT") and the platform's CSP allows it
        name = "CheckPoint ID"      # optional, passed to templates as partner.name

        [login]                     # login walls; no login ever succeeds
        page = "/login"             # the login page (a route, template page or static file)
        paths = ["/messages", "/u/*/message"]  # walled prefixes; * matches one segment. A request
                                    #   there is redirected to page?next=<path>

Resolution order for GET: gate accept path, login wall, route, template page
(``_templates/pages/<path>.html`` or ``.../index.html``; ``/`` is ``pages/index.html``), static
file (``index.html`` for a directory), 404. The gate is applied to the resolved answer. Every
other method (POST, PUT, ...) answers the "received" page and changes nothing. Template context:
``site``, ``data`` (all data sets), ``items``, ``item``, ``params``, ``query`` (first value per
key), ``path``, ``base_url`` (``http://host:port``), ``url`` (the full request URL), ``variant``.

Nothing served refers to another host (tests/test_demo_server.py holds every file to that), and
the Content-Security-Policy keeps the browser on the demo origin (and its partner origin, when
``[partner]`` is set) even if something slipped in.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import re
import secrets
import sys
import threading
import time
import tomllib
import traceback
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit, urlunsplit

import jinja2

from safehaven.models import AREAS, STATUSES

__all__ = [
    "CHECK_IDS",
    "DEMO_ROOT",
    "DemoPlatform",
    "DemoServer",
    "ServedURL",
    "Truth",
    "definition_text",
    "demo_platforms",
    "load_truth",
    "platform_from_folder",
    "read_truth",
    "serve",
    "serve_world",
]


# The demo platforms live beside this server, one folder each.
DEMO_ROOT = Path(__file__).resolve().parent

#: The check IDs of catalogue methodology 1, in catalogue order (truth files must name each once).
CHECK_IDS: tuple[str, ...] = (
    "AGE-01", "AGE-02", "AGE-03", "AGE-04", "AGE-05",
    "REPORT-01", "REPORT-02", "REPORT-03", "REPORT-04", "REPORT-05", "REPORT-06",
    "CONTACT-01", "CONTACT-02", "CONTACT-03", "CONTACT-04", "CONTACT-05",
    "EVIDENCE-01", "EVIDENCE-02", "EVIDENCE-03", "EVIDENCE-04", "EVIDENCE-05",
    "HELP-01", "TERMS-01",
)  # fmt: skip


# --------------------------------------------------------------------------- platforms


@dataclass(frozen=True)
class DemoPlatform:
    """One demo platform: a folder under audits/demo/."""

    slug: str
    folder: Path
    audit_path: Path
    truth_path: Path
    variants: tuple[str, ...]

    def definition(self) -> dict[str, Any]:
        """The parsed audit definition (with the placeholder URL)."""
        return tomllib.loads(self.audit_path.read_text("utf-8"))

    @property
    def name(self) -> str:
        return str(self.definition()["platform"]["name"])


def demo_platforms(root: Path | None = None) -> list[DemoPlatform]:
    """Every demo platform, sorted by slug."""
    root = root or DEMO_ROOT
    out: list[DemoPlatform] = []
    if not root.is_dir():
        return out
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name.startswith(("_", ".")) or not (folder / "audit.toml").is_file():
            continue
        variants = ["site"] if (folder / "site").is_dir() else []
        variants += sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name.startswith("site-"))
        out.append(
            DemoPlatform(
                slug=folder.name,
                folder=folder,
                audit_path=folder / "audit.toml",
                truth_path=folder / "truth.toml",
                variants=tuple(variants),
            )
        )
    return out


def platform_by_slug(slug: str) -> DemoPlatform:
    for platform in demo_platforms():
        if platform.slug == slug:
            return platform
    raise KeyError(f"no demo platform {slug!r}")


def platform_from_folder(folder: Path | str) -> DemoPlatform:
    """A platform folder anywhere on disk (e.g. benchmarks/independent/<slug>), in the demo folder format."""
    folder = Path(folder).resolve()
    for platform in demo_platforms(folder.parent):
        if platform.folder == folder:
            return platform
    raise KeyError(f"{folder} is not a platform folder (it needs an audit.toml and a site/ folder)")


def definition_text(platform: DemoPlatform, base_url: str) -> str:
    """The audit TOML with every http://127.0.0.1... URL moved onto `base_url` (scheme, host, port)."""
    base = urlsplit(base_url)
    text = platform.audit_path.read_text("utf-8")

    def swap(match: re.Match[str]) -> str:
        parts = urlsplit(match.group(0))
        return urlunsplit((base.scheme, base.netloc, parts.path or "/", parts.query, parts.fragment))

    return re.sub(r"https?://(?:127\.0\.0\.1|localhost)(?::\d+)?(?:/[^\s\"']*)?", swap, text)


# --------------------------------------------------------------------------- truth


@dataclass(frozen=True)
class Truth:
    """What a correct audit of a demo platform finds."""

    checks: dict[str, tuple[str, str]]  # check id -> (status, reason)
    levels: dict[str, tuple[int, str]]  # area -> (level, reason)

    def status(self, check_id: str) -> str:
        return self.checks[check_id][0]

    def level(self, area: str) -> int:
        return self.levels[area][0]


def truth_path(platform: DemoPlatform, variant: str = "site") -> Path:
    if variant == "site":
        return platform.truth_path
    return platform.folder / f"truth-{variant}.toml"


def load_truth(platform: DemoPlatform, variant: str = "site") -> Truth:
    """Read and validate truth.toml (or truth-<variant>.toml)."""
    return read_truth(truth_path(platform, variant))


def read_truth(path: Path) -> Truth:
    """Read and validate a truth file (the demo world's and the real-software benchmark's): every check
    with a status and a reason, every area with a level from 0 to 5 and a reason."""
    data = tomllib.loads(path.read_text("utf-8"))
    checks: dict[str, tuple[str, str]] = {}
    for cid, entry in data.get("checks", {}).items():
        if cid not in CHECK_IDS:
            raise ValueError(f"{path}: unknown check {cid}")
        status, reason = entry.get("status"), entry.get("reason", "")
        if status not in STATUSES:
            raise ValueError(f"{path}: {cid} has invalid status {status!r}")
        if not reason.strip():
            raise ValueError(f"{path}: {cid} has no reason")
        checks[cid] = (status, reason)
    missing = [cid for cid in CHECK_IDS if cid not in checks]
    if missing:
        raise ValueError(f"{path}: missing checks {', '.join(missing)}")
    levels: dict[str, tuple[int, str]] = {}
    for area, entry in data.get("levels", {}).items():
        if area not in AREAS:
            raise ValueError(f"{path}: unknown area {area}")
        level, reason = entry.get("level"), entry.get("reason", "")
        if not isinstance(level, int) or not 0 <= level <= 5:
            raise ValueError(f"{path}: level of {area} must be 0..5")
        if not reason.strip():
            raise ValueError(f"{path}: level of {area} has no reason")
        levels[area] = (level, reason)
    if set(levels) != set(AREAS):
        raise ValueError(f"{path}: levels must name {', '.join(AREAS)}")
    return Truth(checks=checks, levels=levels)


# --------------------------------------------------------------------------- serving

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'self'; "
    "form-action 'self'; base-uri 'self'"
)
_HTML = "text/html; charset=utf-8"

_BUILTIN = {
    "nl": {
        "not_found": ("Pagina niet gevonden", "Deze pagina bestaat niet (meer)."),
        "received": ("Ontvangen", "Je bericht is ontvangen."),
        "home": "Naar de startpagina",
    },
    "en": {
        "not_found": ("Page not found", "This page does not exist (any more)."),
        "received": ("Received", "Your submission was received."),
        "home": "Back to the start page",
    },
}


def _content_type(path: Path | str) -> str:
    suffix = Path(str(path)).suffix.lower()
    if suffix in _TYPES:
        return _TYPES[suffix]
    guessed, _ = mimetypes.guess_type(str(path))
    return guessed or "application/octet-stream"


def _route_regex(pattern: str) -> re.Pattern[str]:
    out, pos = "^", 0
    for m in re.finditer(r"\{(\w+)\}", pattern):
        out += re.escape(pattern[pos : m.start()]) + f"(?P<{m.group(1)}>[^/]+?)"
        pos = m.end()
    return re.compile(out + re.escape(pattern[pos:]) + "$")


def _wall_regex(pattern: str) -> re.Pattern[str]:
    pattern = pattern.rstrip("/") or "/"
    body = "/".join("[^/]+" if seg == "*" else re.escape(seg) for seg in pattern.split("/"))
    return re.compile("^" + body + ("(/.*)?$" if pattern != "/" else ".*$"))


def _under(path: str, prefix: str) -> bool:
    if prefix == "/":
        return True
    if prefix.endswith("/"):
        return path.startswith(prefix) or path == prefix.rstrip("/")
    return path == prefix or path.startswith(prefix + "/") or path.startswith(prefix + "?")


def _safe_next(value: str | None) -> str:
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


@dataclass
class _Answer:
    status: int
    content_type: str
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Resolved:
    kind: str  # route | page | static | missing
    content_type: str = _HTML
    route: dict[str, Any] | None = None
    params: dict[str, str] = field(default_factory=dict)
    template: str | None = None
    file: Path | None = None


class DemoServer:
    """One variant of one demo platform, served by a ThreadingHTTPServer in a daemon thread."""

    def __init__(self, platform: DemoPlatform, variant: str = "site", host: str = "127.0.0.1", port: int = 0,
                 latency_ms: int = 0):
        if variant not in platform.variants:
            raise ValueError(f"{platform.slug} has no variant {variant!r} (has {', '.join(platform.variants)})")
        self.platform = platform
        self.variant = variant
        self.latency = max(0, latency_ms) / 1000  # simulated network latency before every answer
        self.root = platform.folder / variant
        # A variant holds only what it changes; everything else comes from "site" (the overlay's base).
        self.roots = [self.root] + ([platform.folder / "site"] if variant != "site" else [])
        self.config = self._load_config()
        self.site: dict[str, Any] = dict(self.config.get("site", {}))
        self.lang = self.site.get("lang", "en") if self.site.get("lang") in _BUILTIN else "en"
        self.routes = [dict(r, _re=_route_regex(r["path"])) for r in self.config.get("route", [])]
        self.gates = [dict(g) for g in self.config.get("gate", [])]
        login = self.config.get("login", {})
        self.login_page: str | None = login.get("page")
        self.walls = [_wall_regex(p) for p in login.get("paths", [])]
        self.data = self._load_data()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(r / "_templates") for r in self.roots]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
        self.request_log: list[tuple[str, str]] = []
        self.issued_tokens: set[str] = set()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None
        self.partner: dict[str, Any] = dict(self.config.get("partner", {}))
        self.partner_root = next((r / "_partner" for r in self.roots if (r / "_partner").is_dir()), None)
        self._partner_httpd: ThreadingHTTPServer | None = None
        self._partner_thread: threading.Thread | None = None
        if "partner" in self.config and self.partner_root is not None:
            self._partner_httpd = ThreadingHTTPServer((host, 0), _make_partner_handler(self.partner_root))
            self._partner_httpd.daemon_threads = True

    @property
    def partner_url(self) -> str:
        """The partner origin ("http://127.0.0.1:PORT"), or "" when the platform has none."""
        return f"http://127.0.0.1:{self._partner_httpd.server_address[1]}" if self._partner_httpd else ""

    @property
    def csp(self) -> str:
        if not self.partner_url:
            return _CSP
        return (_CSP.replace("script-src 'self'", f"script-src 'self' {self.partner_url}")
                .replace("frame-src 'self'", f"frame-src 'self' {self.partner_url}"))

    # -- set-up

    def _load_config(self) -> dict[str, Any]:
        for candidate in (self.root / "serve.toml", self.platform.folder / "serve.toml"):
            if candidate.is_file():
                return tomllib.loads(candidate.read_text("utf-8"))
        return {}

    def _load_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for root in reversed(self.roots):  # the variant's data sets replace the base's
            folder = root / "_data"
            if not folder.is_dir():
                continue
            for file in sorted(folder.glob("*.json")):
                data[file.stem] = json.loads(file.read_text("utf-8"))
            for file in sorted(folder.glob("*.toml")):
                data[file.stem] = tomllib.loads(file.read_text("utf-8"))
        return data

    # -- life cycle

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> DemoServer:
        if self._partner_httpd is not None and self._partner_thread is None:
            self._partner_thread = threading.Thread(
                target=self._partner_httpd.serve_forever, kwargs={"poll_interval": 0.05},
                name=f"demo-{self.platform.slug}-partner", daemon=True)
            self._partner_thread.start()
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=f"demo-{self.platform.slug}", daemon=True
            )
            self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()
        if self._partner_httpd is not None:
            if self._partner_thread is not None:
                self._partner_httpd.shutdown()
                self._partner_thread.join(timeout=5)
                self._partner_thread = None
            self._partner_httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- answering

    def log(self, method: str, path: str) -> None:
        with self._lock:
            self.request_log.append((method, path))

    def answer(self, method: str, target: str, headers: Any) -> _Answer:
        parts = urlsplit(target)
        path = unquote(parts.path) or "/"
        self.log(method, path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        host = headers.get("Host") or f"127.0.0.1:{self.port}"
        base_url = f"http://{host}"
        ctx = {
            "path": path,
            "query": query,
            "base_url": base_url,
            "url": base_url + target,
            "site": self.site,
            "data": self.data,
            "variant": self.variant,
            "params": {},
            "items": [],
            "item": None,
            "partner_url": self.partner_url,
            "partner": self.partner,
        }
        if method not in ("GET", "HEAD"):
            return self._received(ctx)
        if ".." in path.split("/") or "\x00" in path:
            return self._not_found(ctx)
        norm = path.rstrip("/") or "/"
        cookies = self._cookies(headers)
        # gate accept endpoints
        for gate in self.gates:
            if gate.get("accept") and norm == gate["accept"].rstrip("/"):
                return self._accept(gate, query)
        # login walls
        if self.login_page and norm != self.login_page.rstrip("/") and any(w.match(norm) for w in self.walls):
            location = f"{self.login_page}?next={quote(target, safe='')}"
            return self._redirect(location)
        resolved = self._resolve(path, norm)
        if resolved.kind == "missing":
            return self._not_found(ctx)
        gate = self._gate_for(norm)
        if gate and not self._gate_open(gate, cookies):
            if resolved.content_type.startswith("text/html"):
                return self._redirect(f"{gate['page']}?next={quote(target, safe='')}")
            if gate.get("include_data") and resolved.kind == "route":
                body = json.dumps({"error": "age verification required"}).encode()
                return _Answer(403, _TYPES[".json"], body)
        return self._render(resolved, ctx)

    def _cookies(self, headers: Any) -> dict[str, str]:
        jar = SimpleCookie()
        try:
            jar.load(headers.get("Cookie", ""))
        except CookieError:
            return {}
        return {k: m.value for k, m in jar.items()}

    def _gate_for(self, norm: str) -> dict[str, Any] | None:
        for gate in self.gates:
            free = [gate["page"], *([gate["accept"]] if gate.get("accept") else []), *gate.get("exempt", [])]
            if any(_under(norm, p) for p in free):
                continue
            if any(_under(norm, p) for p in gate.get("prefixes", ["/"])):
                return gate
        return None

    def _gate_open(self, gate: dict[str, Any], cookies: dict[str, str]) -> bool:
        value = cookies.get(gate["cookie"])
        if value is None:
            return False
        if "value" in gate:
            return value == str(gate["value"])
        with self._lock:
            return value in self.issued_tokens

    def _accept(self, gate: dict[str, Any], query: dict[str, str]) -> _Answer:
        if "value" in gate:
            value = str(gate["value"])
        else:
            value = secrets.token_hex(16)
            with self._lock:
                self.issued_tokens.add(value)
        cookie = f"{gate['cookie']}={value}; Path=/; SameSite=Lax; Max-Age={int(gate.get('max_age', 86400))}"
        if "value" not in gate:
            cookie += "; HttpOnly"
        answer = self._redirect(_safe_next(query.get("next")))
        answer.headers.append(("Set-Cookie", cookie))
        return answer

    def _redirect(self, location: str) -> _Answer:
        body = f'<!doctype html><meta charset="utf-8"><a href="{location}">{location}</a>'.encode()
        return _Answer(302, _HTML, body, [("Location", location)])

    def _resolve(self, path: str, norm: str) -> _Resolved:
        for route in self.routes:
            m = route["_re"].match(norm)
            if m:
                ctype = _TYPES[".json"] if route.get("json") else _content_type(route.get("template", "x.html"))
                return _Resolved("route", ctype, route=route, params=m.groupdict())
        rel = norm.strip("/")
        for root in self.roots:
            tpl_root = root / "_templates" / "pages"
            for candidate in [f"{rel}.html", f"{rel}/index.html"] if rel else ["index.html"]:
                file = tpl_root / candidate
                if self._inside(file, tpl_root) and file.is_file():
                    return _Resolved("page", _HTML, template=f"pages/{candidate}")
        segments = [s for s in path.split("/") if s]
        if any(s.startswith(("_", ".")) for s in segments):
            return _Resolved("missing")
        for root in self.roots:
            file = root.joinpath(*segments) if segments else root
            if file.is_dir():
                file = file / "index.html"
            if file.is_file() and self._inside(file, root) and file.name not in ("serve.toml",):
                return _Resolved("static", _content_type(file), file=file)
        return _Resolved("missing")

    @staticmethod
    def _inside(file: Path, root: Path) -> bool:
        try:
            file.resolve().relative_to(root.resolve())
        except ValueError:
            return False
        return True

    def _render(self, resolved: _Resolved, ctx: dict[str, Any]) -> _Answer:
        if resolved.kind == "static":
            assert resolved.file is not None
            return _Answer(200, resolved.content_type, resolved.file.read_bytes())
        if resolved.kind == "page":
            return self._template(resolved.template or "", ctx, 200)
        route = resolved.route or {}
        ctx["params"] = resolved.params
        items: Any = self.data.get(route["data"], []) if route.get("data") else []
        item = None
        if route.get("filter"):
            key = route["filter"]
            wanted = resolved.params.get(key, "").lower()
            items = [e for e in items if str(e.get(key, "")).lower() == wanted]
            if not items:
                return self._not_found(ctx)
        if route.get("lookup"):
            key = route["lookup"]
            fld = route.get("field", key)
            item = next((e for e in items if str(e.get(fld)) == resolved.params.get(key)), None)
            if item is None:
                return self._not_found(ctx)
        ctx["items"], ctx["item"] = items, item
        if route.get("json"):
            body = json.dumps(item if route.get("lookup") else items, ensure_ascii=False).encode("utf-8")
            return _Answer(int(route.get("status", 200)), _TYPES[".json"], body)
        return self._template(route["template"], ctx, int(route.get("status", 200)))

    def _template(self, name: str, ctx: dict[str, Any], status: int) -> _Answer:
        body = self.env.get_template(name).render(**ctx).encode("utf-8")
        return _Answer(status, _content_type(name), body)

    def _builtin(self, key: str, status: int) -> _Answer:
        texts = _BUILTIN[self.lang]
        title, text = texts[key]
        body = (
            f'<!doctype html><html lang="{self.lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><main><h1>{title}</h1><p>{text}</p><p><a href="/">{texts["home"]}</a></p></main></body></html>'
        )
        return _Answer(status, _HTML, body.encode("utf-8"))

    def _not_found(self, ctx: dict[str, Any]) -> _Answer:
        if self.site.get("not_found"):
            return self._template(self.site["not_found"], ctx, 404)
        return self._builtin("not_found", 404)

    def _received(self, ctx: dict[str, Any]) -> _Answer:
        if self.site.get("received"):
            return self._template(self.site["received"], ctx, 200)
        return self._builtin("received", 200)


def _make_handler(server: DemoServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "safehaven-demo/1"
        sys_version = ""

        def _serve(self, method: str) -> None:
            if server.latency:
                time.sleep(server.latency)  # a far-away server: each response waits (threads: not one another)
            if method not in ("GET", "HEAD"):
                length = int(self.headers.get("Content-Length") or 0)
                if 0 < length <= 1_000_000:
                    self.rfile.read(length)
            try:
                answer = server.answer(method, self.path, self.headers)
            except Exception:  # a template error must not kill the demo; show it on stderr
                traceback.print_exc(file=sys.stderr)
                answer = _Answer(500, "text/plain; charset=utf-8", b"internal error in the demo server")
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            if server.site.get("csp", True):
                self.send_header("Content-Security-Policy", server.csp)
            for name, value in answer.headers:
                self.send_header(name, value)
            try:
                self.end_headers()
                if method != "HEAD":
                    self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):  # the browser closed the page meanwhile
                self.close_connection = True

        def do_GET(self) -> None:
            self._serve("GET")

        def do_HEAD(self) -> None:
            self._serve("HEAD")

        def do_POST(self) -> None:
            self._serve("POST")

        def do_PUT(self) -> None:
            self._serve("PUT")

        def do_PATCH(self) -> None:
            self._serve("PATCH")

        def do_DELETE(self) -> None:
            self._serve("DELETE")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def _make_partner_handler(root: Path) -> type[BaseHTTPRequestHandler]:
    """Static files of a partner origin (GET and HEAD; anything else changes nothing and gets 204)."""

    class PartnerHandler(BaseHTTPRequestHandler):
        server_version = "safehaven-demo-partner/1"
        sys_version = ""

        def _serve(self, method: str) -> None:
            path = unquote(urlsplit(self.path).path)
            file = (root / path.lstrip("/")).resolve()
            if path.endswith("/"):
                file = file / "index.html"
            ok = method in ("GET", "HEAD") and ".." not in path.split("/") and file.is_file() and \
                DemoServer._inside(file, root)
            body = file.read_bytes() if ok else b""
            self.send_response(200 if ok else (204 if method not in ("GET", "HEAD") else 404))
            self.send_header("Content-Type", _content_type(file) if ok else "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Security-Policy", _CSP)
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_HEAD(self) -> None:
            self._serve("HEAD")

        def do_POST(self) -> None:
            self._serve("POST")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return PartnerHandler


class ServedURL(str):
    """The base URL of a running demo server; `.server` is the DemoServer (request_log, ...)."""

    server: DemoServer

    def __new__(cls, url: str, server: DemoServer) -> ServedURL:
        obj = super().__new__(cls, url)
        obj.server = server
        return obj


@contextmanager
def serve(platform: DemoPlatform, variant: str = "site", latency_ms: int = 0) -> Iterator[str]:
    """Serve one variant of a platform; yields its base URL ("http://127.0.0.1:PORT/").

    The yielded string is a ServedURL: `url.server.request_log` lists the (method, path) seen.
    `latency_ms` delays every response, to measure audits as if the platform were far away.
    """
    with DemoServer(platform, variant, latency_ms=latency_ms) as server:
        yield ServedURL(server.url, server)


@contextmanager
def serve_world(variant: str = "site", latency_ms: int = 0) -> Iterator[dict[str, str]]:
    """Serve every demo platform at once; yields slug -> base URL.

    A platform that lacks `variant` is served in its "site" variant.
    """
    with ExitStack() as stack:
        urls: dict[str, str] = {}
        for platform in demo_platforms():
            chosen = variant if variant in platform.variants else "site"
            urls[platform.slug] = stack.enter_context(serve(platform, chosen, latency_ms))
        yield urls


def main(argv: list[str] | None = None) -> int:
    """`python -m audits.demo.server [SLUG] [--variant V]`: serve until Ctrl-C."""
    parser = argparse.ArgumentParser(description="Serve the safehaven demo platforms on 127.0.0.1")
    parser.add_argument("slug", nargs="?", help="one platform: a demo slug or the path of a platform folder (default: all)")
    parser.add_argument("--variant", default="site")
    parser.add_argument("--latency", type=int, default=0, metavar="MS", help="delay every response (simulated network)")
    args = parser.parse_args(argv)
    with ExitStack() as stack:
        if args.slug:
            chosen = platform_from_folder(args.slug) if "/" in args.slug else platform_by_slug(args.slug)
            urls = {chosen.slug: stack.enter_context(serve(chosen, args.variant, args.latency))}
        else:
            urls = stack.enter_context(serve_world(args.variant, args.latency))
        for slug, url in urls.items():
            print(f"{slug:20} {url}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
