"""URLs, one meaning each: the site a URL belongs to, the origin, the normal form of a page address.

Used by the collector (staying on the platform's own domains), the batch (one politeness lock per
site) and the checks (own pages versus other parties).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urldefrag, urlsplit

import tldextract

# The Public Suffix List snapshot that ships with tldextract; never fetched (closed networks, politeness).
_SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def site_of(url: str) -> str:
    """The registrable domain of a URL's host (example.co.uk; host:port for IP addresses and localhost)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host) or host == "localhost":
        return f"{host}:{parts.port or ''}"
    parsed = _SUFFIXES(host)
    return parsed.top_domain_under_public_suffix or host


def origin(url: str) -> str:
    """Scheme, host (without a leading www.) and port: two URLs with the same origin are one party."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{(parts.hostname or '').removeprefix('www.')}:{parts.port or ''}"


def within_host(url: str, host: str) -> bool:
    """Whether `url` is on `host` or one of its subdomains (a leading www. ignored on both)."""
    other = (urlsplit(url).hostname or "").removeprefix("www.")
    host = host.removeprefix("www.")
    return bool(other) and (other == host or other.endswith("." + host))


# A fragment that is a route of a hash-routed single-page app ("#/rooms/5", "#!/profile/ann"): the app draws another
# view for it, so it names another page. Any other fragment ("#top", "#comments", "#") is a place on the same page.
_ROUTE_FRAGMENT = re.compile(r"!?/[^/?#\s]")
# The file that serves a directory (/index.html#/rooms is the view /rooms of the app at /)
_INDEX_FILE = re.compile(r"/(?:index|default|app|main)\.(?:html?|php|aspx?|jsp)$", re.I)


def route_fragment(url: str) -> str:
    """The route in a URL's fragment ("/rooms/5?tab=2" for ".../#/rooms/5?tab=2" or "#!/rooms/5"), or ""."""
    fragment = urlsplit(url.strip()).fragment
    return fragment.removeprefix("!") if _ROUTE_FRAGMENT.match(fragment) else ""


def page_key(url: str) -> str:
    """A page address without a fragment that is only a place on the page, keeping a hash route (two addresses with
    one key show one view)."""
    url = url.strip()
    return url if route_fragment(url) else urldefrag(url)[0]


def route_split(url: str) -> SplitResult:
    """The parts of a URL as the view it shows: a hash route stands for the path and query ("/#/u/ann?x=1" is path
    "/u/ann", query "x=1"), as a router reads it; any other URL is split as it is, without its fragment."""
    parts = urlsplit(url)
    route = route_fragment(url)
    if not route:
        return parts._replace(fragment="")
    path, _, query = route.partition("?")
    base = _INDEX_FILE.sub("/", parts.path).rstrip("/")
    return SplitResult(parts.scheme, parts.netloc, base + path, query, "")


def normalise(url: str) -> str:
    """A page address without its fragment (unless the fragment is a hash route), with a path of at least "/"."""
    url = url.strip()
    url, fragment = urldefrag(url)
    if _ROUTE_FRAGMENT.match(fragment):
        parts = urlsplit(url)
        if not parts.path and parts.netloc:
            url = url.replace(parts.netloc, parts.netloc + "/", 1)
        return f"{url}#{fragment}"
    parts = urlsplit(url)
    if not parts.path:
        url = url.replace(parts.netloc, parts.netloc + "/", 1) if parts.netloc else url
    return url


def network_of(url: str) -> str:
    """Which kind of network a URL's host is on, for a host written as an address (and localhost): "loopback",
    "private", "link-local" (where cloud machines answer with their own credentials) or "other" (a public
    address, a name, or no host)."""
    host = (urlsplit(url).hostname or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "other"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_private or ip.is_unspecified or ip.is_reserved or ip.is_multicast:
        return "private"
    return "other"


def leaves_for_inner_network(url: str, home: str) -> str:
    """Why the browser must not go to `url` from a platform at `home` ("" when it may): an address on a loopback,
    private or link-local network that `home` is not on itself (a platform that redirects or points the audit's
    browser into the auditing machine or its network: a router, a metadata service, a local admin page)."""
    net = network_of(url)
    if net == "other" or net == network_of(home):
        return ""
    return f"{urlsplit(url).hostname} is on a {net} network, and the platform is not"


def http_url_problem(url: str) -> str:
    """What is wrong with `url` as an address to audit ("" when nothing): not http(s), or a secret in it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "not a http(s) URL"
    if parts.username or parts.password:
        return ("holds a user name or password: a secret never goes in the audit definition (use [login] steps "
                "with value_env)")
    try:
        parts.port  # noqa: B018  (raises on a port that is not a number from 0 to 65535)
    except ValueError:
        return "has a port that is not a number from 1 to 65535"
    if parts.port == 0:
        return "has a port that is not a number from 1 to 65535"
    return ""
