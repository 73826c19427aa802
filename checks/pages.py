"""What a page is about (privacy, terms, rules, law_enforcement, cookie, help), from its address, title and the
names of links to it: one reading for the policy reader, the report checks and the contact routes."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from urllib.parse import urlsplit

from checks.policy_lexicon import compile_terms, lexicon_data
from checks.text import normalise


def page_kinds(url: str, title: str = "", link_text: str = "") -> set[str]:
    """What a page is about (privacy, terms, rules, law_enforcement, cookie, help), from its URL and names."""
    return set(_page_kinds(url, title, link_text))


@lru_cache(maxsize=32768)  # a pure function of strings, asked again for every link on every page
def _page_kinds(url: str, title: str, link_text: str) -> frozenset[str]:
    path = urlsplit(url).path.lower()
    path_words = " ".join(w for w in re.split(r"[/_\-.?=&]+", path) if w)
    found = set()
    for kind in lexicon_data()["pages"]:
        if any(names_page_kind(value, kind) for value in (path_words, path, title, link_text) if value):
            found.add(kind)
    for kind, fragments in lexicon_data()["pages_url_only"].items():
        if compile_terms(tuple(fragments)).search(path_words):
            found.add(kind)
    return frozenset(found)


@lru_cache(maxsize=65536)  # called for every label of every link (hundreds of thousands on a classifieds site)
def names_page_kind(text: str, kind: str) -> bool:
    """Whether a link name, title or URL names a page of `kind` (see page_kinds)."""
    return bool(_page_pattern(kind).search(normalise(text)))


@cache
def _page_pattern(kind: str) -> re.Pattern[str]:
    return compile_terms(tuple(lexicon_data()["pages"][kind]))
