"""URLs, one meaning each: the site a URL belongs to, the origin, the normal form of a page address.

Used by the collector (staying on the platform's own domains), the batch (one politeness lock per
site) and the checks (own pages versus other parties).
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlsplit

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


def normalise(url: str) -> str:
    """A page address without its fragment, with a path of at least "/"."""
    url, _ = urldefrag(url.strip())
    parts = urlsplit(url)
    if not parts.path:
        url = url.replace(parts.netloc, parts.netloc + "/", 1) if parts.netloc else url
    return url


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
