"""The demo world: every fictional platform serves, gates, walls and stays on 127.0.0.1 (no browser)."""

from __future__ import annotations

import json
import re
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest

from audits.demo.server import (
    AREAS,
    CHECK_IDS,
    STATUSES,
    DemoPlatform,
    definition_text,
    demo_platforms,
    load_truth,
    platform_by_slug,
    serve,
    serve_world,
    truth_path,
)
from checks import registry
from safehaven.models import PlatformSpec

PLATFORMS = demo_platforms()
BY_SLUG = {p.slug: p for p in PLATFORMS}
VARIANTS = [(p, v) for p in PLATFORMS for v in p.variants]


def _ids(value: object) -> str:
    if isinstance(value, DemoPlatform):
        return value.slug
    if isinstance(value, tuple):
        return "-".join(_ids(v) for v in value)
    return str(value)


# --------------------------------------------------------------------------- HTTP helpers


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, *, cookie: str = "", method: str = "GET", data: bytes | None = None):
    """(status, headers, body) without following redirects."""
    req = urllib.request.Request(url, data=data, method=method)
    if cookie:
        req.add_header("Cookie", cookie)
    if data is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with _OPENER.open(req, timeout=10) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def serve_config(platform: DemoPlatform, variant: str = "site") -> dict:
    for candidate in (platform.folder / variant / "serve.toml", platform.folder / "serve.toml"):
        if candidate.is_file():
            return tomllib.loads(candidate.read_text("utf-8"))
    return {}


def gate_cookie(platform: DemoPlatform, base: str, variant: str = "site") -> str:
    """A cookie header that opens every server-side gate of the platform (as a visitor who clicked)."""
    parts = []
    for gate in serve_config(platform, variant).get("gate", []):
        if "value" in gate:
            parts.append(f"{gate['cookie']}={gate['value']}")
        else:
            status, headers, _ = fetch(base + gate["accept"].lstrip("/") + "?next=/")
            assert status == 302
            parts.append(headers["Set-Cookie"].split(";")[0])
    return "; ".join(parts)


def variant_file(platform: DemoPlatform, variant: str, rel: str) -> Path:
    """A file as the server finds it: in the variant's overlay first, then in "site"."""
    own = platform.folder / variant / rel
    return own if own.exists() else platform.folder / "site" / rel


def items_of(platform: DemoPlatform, variant: str = "site") -> tuple[dict, list[dict]]:
    """The first HTML item route (path pattern with a lookup) and its data set."""
    config = serve_config(platform, variant)
    for route in config.get("route", []):
        if route.get("lookup") and not route.get("json") and "{" in route["path"]:
            data = json.loads(variant_file(platform, variant, f"_data/{route['data']}.json").read_text("utf-8"))
            return route, data
    raise AssertionError(f"{platform.slug} has no item route")


def item_path(route: dict, entry: dict) -> str:
    key = route["lookup"]
    return route["path"].replace("{" + key + "}", str(entry[route.get("field", key)]))


# --------------------------------------------------------------------------- the world


def test_world_has_the_required_platforms():
    assert len(PLATFORMS) >= 6
    specs = {p.slug: PlatformSpec(**p.definition()["platform"]) for p in PLATFORMS}
    assert {s.language for s in specs.values()} == {"nl", "en"}
    assert any(not s.adult for s in specs.values()), "a non-adult platform is needed"
    assert all(not s.active for s in specs.values())
    assert any(len(p.variants) > 1 and "site-fixed" in p.variants for p in PLATFORMS)
    assert [p.slug for p in PLATFORMS] == sorted(p.slug for p in PLATFORMS)


@pytest.mark.parametrize("platform", PLATFORMS, ids=_ids)
def test_audit_definition_is_platform_only_with_placeholder_url(platform):
    data = tomllib.loads(platform.audit_path.read_text("utf-8"))
    assert list(data) == ["platform"]
    assert data["platform"]["url"] == "http://127.0.0.1/"
    text = definition_text(platform, "http://127.0.0.1:45678/")
    assert tomllib.loads(text)["platform"]["url"] == "http://127.0.0.1:45678/"
    assert platform.truth_path.is_file()


@pytest.mark.parametrize(("platform", "variant"), VARIANTS, ids=_ids)
def test_start_page_serves(platform, variant):
    with serve(platform, variant) as base:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", base)
        cookie = gate_cookie(platform, base, variant)
        status, headers, body = fetch(base, cookie=cookie)
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert b"<html" in body.lower() and b'charset="utf-8"' in body.lower()
        name = platform.definition()["platform"]["name"].encode()
        assert name in body
        status, _, _ = fetch(base + "no/such/page", cookie=cookie)
        assert status == 404
        status, _, _ = fetch(base + "_data/", cookie=cookie)
        assert status == 404
        assert ("GET", "/") in base.server.request_log


# listing page (or JSON feed for the JavaScript-rendered apps) -> item link pattern
LISTINGS = {
    "kersenrood": ("/advertenties", r'href="/advertentie/(\d+)"'),
    "ruilhoek": ("/advertenties", r'href="/advertentie/(\d+)"'),
    "amberlane": ("/companions", r'href="/companion/(\d+)"'),
    "steegje": ("/", r'href="/topic/(\d+)"'),
    "nachtprikbord": ("/", r'href="/ad/(\d+)"'),
    "tweeklank": ("/api/profielen.json", r'"id": (\d+)'),
    "murmurly": ("/api/posts.json", r'"id": (\d+)'),
    "harbourlight": ("/discover", r'href="/profile/(\d+)"'),
}
JS_LINKS = {"tweeklank": ("js/tweeklank.js", "href=\"/profiel/' + p.id"), "murmurly": ("static/app.js", "href=\"/post/' + p.id")}


@pytest.mark.parametrize("platform", PLATFORMS, ids=_ids)
def test_item_pages_exist_and_are_linked_from_a_listing(platform):
    route, data = items_of(platform)
    assert 20 <= len(data) <= 40
    listing, pattern = LISTINGS[platform.slug]
    with serve(platform) as base:
        cookie = gate_cookie(platform, base)
        status, _, body = fetch(base + listing.lstrip("/"), cookie=cookie)
        assert status == 200
        linked = set(re.findall(pattern, body.decode("utf-8")))
        assert len(linked) >= 20
        if platform.slug in JS_LINKS:  # the app builds the item links from the JSON feed
            script, snippet = JS_LINKS[platform.slug]
            assert snippet in (platform.folder / "site" / script).read_text("utf-8")
        for entry in data:
            status, headers, _ = fetch(base + item_path(route, entry).lstrip("/"), cookie=cookie)
            assert status == 200, item_path(route, entry)
            assert headers["Content-Type"].startswith("text/html")


GATED = [p for p in PLATFORMS if serve_config(p).get("gate")]


def test_some_platforms_have_a_server_side_gate():
    assert {"murmurly", "amberlane", "steegje"} <= {p.slug for p in GATED}


@pytest.mark.parametrize("platform", GATED, ids=_ids)
def test_server_side_gate_redirects_without_cookie_and_serves_with_it(platform):
    gate = serve_config(platform)["gate"][0]
    route, data = items_of(platform)
    deep = item_path(route, data[5])
    with serve(platform) as base:
        for path in ("/", deep):
            status, headers, _ = fetch(base + path.lstrip("/"))
            assert status == 302
            location = headers["Location"]
            assert location.startswith(gate["page"] + "?next=")
            assert urllib.parse.unquote(location.split("next=", 1)[1]) == path
        # the gate page itself and the assets are not gated
        status, _, page = fetch(base + gate["page"].lstrip("/"))
        assert status == 200
        for asset in re.findall(rb'(?:href|src)="(/[^"]+\.(?:css|svg|js))"', page):
            assert fetch(base + asset.decode().lstrip("/"))[0] == 200
        cookie = gate_cookie(platform, base)
        assert fetch(base + deep.lstrip("/"), cookie=cookie)[0] == 200
        assert fetch(base, cookie=cookie)[0] == 200
        if "value" not in gate:  # token mode: a hand-made flag does not open it
            assert fetch(base + deep.lstrip("/"), cookie=f"{gate['cookie']}=1")[0] == 302
            status, headers, _ = fetch(base + gate["accept"].lstrip("/") + "?next=//elsewhere.example/")
            assert headers["Location"] == "/"


def test_gate_accept_path_sets_cookie_and_redirects_to_next():
    platform = BY_SLUG["steegje"]
    with serve(platform) as base:
        status, headers, _ = fetch(base + "leeftijd/akkoord?next=/topic/4")
        assert status == 302 and headers["Location"] == "/topic/4"
        assert headers["Set-Cookie"].startswith("steegje_18=ja;")


WALLED = [p for p in PLATFORMS if serve_config(p).get("login")]


@pytest.mark.parametrize("platform", WALLED, ids=_ids)
def test_login_walled_paths_redirect_to_the_login_page(platform):
    login = serve_config(platform)["login"]
    with serve(platform) as base:
        cookie = gate_cookie(platform, base)
        for wall in login["paths"]:
            path = wall.replace("*", "7") + "/nieuw"
            status, headers, _ = fetch(base + path.lstrip("/") + "?x=1", cookie=cookie)
            assert status == 302, path
            assert headers["Location"].startswith(login["page"] + "?next=")
        assert fetch(base + login["page"].lstrip("/"), cookie=cookie)[0] == 200
        # logging in never succeeds: the form answers "received" and the wall stays
        status, _, _ = fetch(base + login["page"].lstrip("/"), cookie=cookie, method="POST", data=b"email=a&password=b")
        assert status == 200
        first = login["paths"][0].replace("*", "7")
        assert fetch(base + first.lstrip("/"), cookie=cookie)[0] == 302


@pytest.mark.parametrize("platform", PLATFORMS, ids=_ids)
def test_post_never_changes_anything(platform):
    route, data = items_of(platform)
    item = item_path(route, data[1])
    with serve(platform) as base:
        cookie = gate_cookie(platform, base)
        before = {p: fetch(base + p.lstrip("/"), cookie=cookie)[2] for p in ("/", item)}
        for target in (item, item + "/bericht", "/melden", "/reports", "/report", "/contact", "/", "/aanmelden"):
            status, headers, body = fetch(
                base + target.lstrip("/"), cookie=cookie, method="POST", data=b"naam=Test&reden=mensenhandel&bericht=hallo"
            )
            assert status == 200 and headers["Content-Type"].startswith("text/html")
            assert body
        after = {p: fetch(base + p.lstrip("/"), cookie=cookie)[2] for p in ("/", item)}
        assert before == after
        assert ("POST", item) in base.server.request_log


def test_serve_world_serves_every_platform_at_once():
    with serve_world() as urls:
        assert set(urls) == {p.slug for p in PLATFORMS}
        assert len(set(urls.values())) == len(urls)
        for slug, base in urls.items():
            cookie = gate_cookie(BY_SLUG[slug], base)
            assert fetch(base, cookie=cookie)[0] == 200
    with serve_world("site-fixed") as urls:
        assert set(urls) == {p.slug for p in PLATFORMS}
        assert urls["kersenrood"].server.variant == "site-fixed"


def test_fixed_variant_adds_report_control_and_help_page():
    platform = BY_SLUG["kersenrood"]
    with serve(platform, "site") as base:
        assert b"/melden?advertentie=" not in fetch(base + "advertentie/4")[2]
        assert fetch(base + "hulp-en-veiligheid")[0] == 404
    with serve(platform, "site-fixed") as base:
        page = fetch(base + "advertentie/4")[2].decode()
        assert 'href="/melden?advertentie=4"' in page and 'href="/hulp-en-veiligheid"' in page
        form = fetch(base + "melden?advertentie=4")[2].decode()
        assert f'value="{base.rstrip("/")}/advertentie/4"' in form
        assert "Mensenhandel" in form and "minderjarig" in form


# --------------------------------------------------------------------------- truth files


def _catalogue_ids() -> list[str]:
    """The IDs of the implemented checks, in catalogue order."""
    return list(registry())


TRUTHS = [(p, v) for p in PLATFORMS for v in p.variants if truth_path(p, v).is_file()]


def test_every_variant_has_a_truth_file():
    assert len(TRUTHS) == len(VARIANTS)


def test_catalogue_ids_match_the_server_list():
    assert _catalogue_ids() == list(CHECK_IDS)


@pytest.mark.parametrize(("platform", "variant"), TRUTHS, ids=_ids)
def test_truth_names_every_check_once_with_a_valid_status(platform, variant):
    path = truth_path(platform, variant)
    raw = path.read_text("utf-8")
    for cid in _catalogue_ids():
        assert len(re.findall(rf"^\[checks\.{re.escape(cid)}\]\s*$", raw, re.M)) == 1, cid
    headers = re.findall(r"^\[checks\.([^\]]+)\]", raw, re.M)
    assert sorted(headers) == sorted(_catalogue_ids())
    truth = load_truth(platform, variant)
    assert set(truth.checks) == set(CHECK_IDS)
    assert all(status in STATUSES and reason.strip() for status, reason in truth.checks.values())
    assert set(truth.levels) == set(AREAS)
    adult = platform.definition()["platform"].get("adult", True)
    for cid in ("AGE-01", "AGE-03"):
        assert (truth.status(cid) == "not_applicable") == (not adult)
    # catalogue rules that tie checks together
    if truth.status("REPORT-01") == "fail":
        assert all(truth.status(c) == "fail" for c in ("REPORT-02", "REPORT-03", "REPORT-04", "REPORT-05"))
    if truth.status("AGE-03") == "fail":
        assert truth.level("AGE") <= 2
    if truth.status("CONTACT-01") == "fail" or truth.status("CONTACT-02") in ("fail", "partial"):
        assert truth.level("CONTACT") == 0
    for area in ("HELP", "TERMS"):
        check = "HELP-01" if area == "HELP" else "TERMS-01"
        assert truth.level(area) == {"pass": 4, "partial": 2, "fail": 0}[truth.status(check)]


def test_every_check_passes_somewhere_and_fails_somewhere():
    seen: dict[str, set[str]] = defaultdict(set)
    for platform, variant in TRUTHS:
        for cid, (status, _) in load_truth(platform, variant).checks.items():
            seen[cid].add(status)
    no_partial = {"REPORT-03", "CONTACT-01", "CONTACT-03"}  # the catalogue defines no partial for these
    for cid in CHECK_IDS:
        assert {"pass", "fail"} <= seen[cid], cid
        if cid not in no_partial:
            assert "partial" in seen[cid], cid


# --------------------------------------------------------------------------- nothing leaves 127.0.0.1

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
XMLNS = re.compile(r'xmlns(?::\w+)?="http://www\.w3\.org/[^"]*"')
CONTACT_HOSTS = {"wa.me", "t.me"}


def _variant_files():
    for platform, variant in VARIANTS:
        for file in sorted((platform.folder / variant).rglob("*")):
            if file.is_file() and file.suffix in {".html", ".js", ".css", ".json", ".svg", ".toml", ".txt"}:
                yield file


def test_no_file_refers_to_an_outside_resource():
    problems = []
    for file in _variant_files():
        text = XMLNS.sub("", file.read_text("utf-8"))
        for m in re.finditer(r"(?:https?:)?//([A-Za-z0-9.-]+\.[A-Za-z]{2,}|\d+\.\d+\.\d+\.\d+)(?::\d+)?", text):
            host = m.group(1)
            if host in LOCAL_HOSTS:
                continue
            before = text[max(0, m.start() - 300) : m.start()]
            tag = before[before.rfind("<") :]
            is_anchor_href = bool(re.match(r"<a\s[^>]*href=[\"']$", tag))
            if not (is_anchor_href and m.group(0).startswith("https://") and host in CONTACT_HOSTS):
                problems.append(f"{file}: {m.group(0)}")
        for m in re.finditer(r"(?:src|data|action)\s*=\s*[\"']\s*(?:https?:)?//|url\(\s*[\"']?\s*(?:https?:)?//|@import", text):
            problems.append(f"{file}: {m.group(0)}")
    assert not problems, "\n".join(problems)


class _Refs(HTMLParser):
    RESOURCE = {
        "script": "src",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "video": "src",
        "audio": "src",
        "embed": "src",
        "object": "data",
        "track": "src",
        "input": "src",
    }

    def __init__(self) -> None:
        super().__init__()
        self.resources: list[str] = []
        self.anchors: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.RESOURCE and a.get(self.RESOURCE[tag]):
            self.resources.append(a[self.RESOURCE[tag]])
        if tag == "link" and a.get("href"):
            self.resources.append(a["href"])
        if tag == "form" and a.get("action"):
            self.resources.append(a["action"])
        if tag == "a" and a.get("href"):
            self.anchors.append(a["href"])
        if a.get("style"):
            self.styles.append(a["style"])
        if a.get("srcset"):
            self.resources.extend(part.split()[0] for part in a["srcset"].split(","))


@pytest.mark.parametrize(("platform", "variant"), VARIANTS, ids=_ids)
def test_served_pages_load_nothing_from_outside(platform, variant):
    with serve(platform, variant) as base:
        cookie = gate_cookie(platform, base, variant)
        host = urlsplit(base).netloc
        # a [partner] origin (a verification provider) is served by the same demo server, on loopback
        partner = urlsplit(base.server.partner_url).netloc
        pages_dir = variant_file(platform, variant, "_templates/pages")
        seeds = (
            [
                "/" + str(f.relative_to(pages_dir).with_suffix("")).removesuffix("index").rstrip("/")
                for f in sorted(pages_dir.rglob("*.html"))
            ]
            if pages_dir.is_dir()
            else []
        )
        route, data = items_of(platform, variant)
        todo = ["/", *seeds, *(item_path(route, e) for e in data[:6])]
        seen, pages, contact_links = set(), 0, 0
        while todo and pages < 80:
            path = todo.pop(0)
            if path in seen:
                continue
            seen.add(path)
            status, headers, body = fetch(base + path.lstrip("/"), cookie=cookie)
            if status != 200 or not headers["Content-Type"].startswith("text/html"):
                continue
            pages += 1
            parser = _Refs()
            parser.feed(body.decode("utf-8"))
            for ref in parser.resources:
                target = urlsplit(urljoin(base + path.lstrip("/"), ref))
                assert target.scheme in ("http", "") and target.netloc in (host, "", partner), f"{path}: {ref}"
                if partner and target.netloc == partner:
                    assert fetch(urlunsplit(target._replace(query="")))[0] == 200, f"{path}: {ref}"
            for style in parser.styles:
                assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//", style), f"{path}: {style}"
            for href in parser.anchors:
                target = urlsplit(urljoin(base + path.lstrip("/"), href))
                if target.scheme in ("http", "https") and target.netloc != host:
                    assert target.netloc in CONTACT_HOSTS, f"{path}: {href}"
                    contact_links += 1
                elif target.scheme == "http" and target.netloc == host and target.path not in seen:
                    todo.append(target.path)
        assert pages >= 5
        headers = fetch(base, cookie=cookie)[1]
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        if platform.slug in ("kersenrood", "nachtprikbord"):
            assert contact_links > 0  # the wa.me / t.me contact links the checks must find


def test_content_types():
    platform = BY_SLUG["murmurly"]
    with serve(platform) as base:
        cookie = gate_cookie(platform, base)
        expected = {
            "static/app.js": "text/javascript; charset=utf-8",
            "static/murmurly.css": "text/css; charset=utf-8",
            "favicon.svg": "image/svg+xml; charset=utf-8",
            "api/posts.json": "application/json; charset=utf-8",
        }
        for path, ctype in expected.items():
            status, headers, _ = fetch(base + path, cookie=cookie)
            assert (status, headers["Content-Type"]) == (200, ctype)
        assert fetch(base + "api/posts.json")[0] == 403  # data behind the gate too


def test_demo_root_holds_nothing_but_platforms():
    root = PLATFORMS[0].folder.parent
    for folder in root.iterdir():
        if folder.is_dir() and not folder.name.startswith(("_", ".")):
            assert (folder / "audit.toml").is_file(), folder
    assert all(Path(p.folder, "site").is_dir() for p in PLATFORMS)


def test_a_variant_overlays_only_what_it_changes():
    platform = platform_by_slug("kersenrood")
    with serve(platform, "site-fixed") as fixed, serve(platform) as original:
        assert fetch(fixed + "privacy")[0] == 200  # only in site/: served from the base
        assert fetch(fixed + "melden")[0] == 200 and fetch(original + "melden")[0] == 404  # only in the variant
        fixed_ad = fetch(fixed + "advertentie/12", cookie=gate_cookie(platform, fixed, "site-fixed"))[2].decode()
        original_ad = fetch(original + "advertentie/12", cookie=gate_cookie(platform, original))[2].decode()
        assert "Advertentie melden" in fixed_ad and "Advertentie melden" not in original_ad
