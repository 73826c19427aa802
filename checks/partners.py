"""Pages of a verification partner: another site's age or identity check that the platform sends people to.

On a loopback test bed (and where a partner runs on a subdomain) the crawl can reach the partner's own pages: its
check and its privacy notice. They are that party's pages, not the platform's: the platform's policy links are not
expected on them, and their retention promises are not the platform's.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from checks import lexicon
from checks.age import VERIFIER_URL
from safehaven.models import PageRecord
from safehaven.urls import site_of


def partner_pages(pages: list[PageRecord], start_url: str) -> set[str]:
    """IDs of the pages on a verification partner's site that link nowhere on the platform's own site."""
    own = site_of(start_url)
    verifiers = set()
    for p in pages:
        url = p.final_url or p.url
        parts = urlsplit(url)
        if site_of(url) != own and (VERIFIER_URL.search(parts.netloc + parts.path) or _named_as_check(p)):
            verifiers.add(site_of(url))
    return {p.id for p in pages if site_of(p.final_url or p.url) in verifiers
            and not any(e.href and site_of(e.href) == own for e in p.elements)}


def _named_as_check(page: PageRecord) -> bool:
    """Another site's page whose title, or the link that led to it, names an age or identity check ("Confirm who you
    are with your bank", "zo werkt de controle via je bank"), whatever its address looks like."""
    words = f"{page.title} {page.link_text}"
    return any(lexicon.has(words, "age", key) for key in ("verify_words", "method_eid", "method_id_document",
                                                           "method_live", "method_estimation"))
