"""Lexicons: the words to look for, kept as data (checks/lexicons/*.toml), per language.

Matching is case-insensitive and on word boundaries, so "meld" matches "Meld deze advertentie" but
not "melding" unless "melding" is itself listed, and "ad" does not match "add".
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicons")


@cache
def _load(topic: str) -> dict:
    path = LEXICON_DIR / f"{topic}.toml"
    if not path.is_file():
        raise KeyError(f"no lexicon named {topic!r} in {LEXICON_DIR}")
    return tomllib.loads(path.read_text("utf-8"))


def words(topic: str, key: str, lang: str | None = None) -> tuple[str, ...]:
    """The words of one lexicon entry; all languages when `lang` is None."""
    entry = _load(topic).get(key)
    if entry is None:
        raise KeyError(f"lexicon {topic!r} has no entry {key!r}")
    if isinstance(entry, list):
        return tuple(entry)
    langs = [lang, "any"] if lang else list(entry)
    return tuple(dict.fromkeys(w for lg in langs for w in entry.get(lg, [])))


def table(topic: str, key: str) -> dict:
    """A raw table of a lexicon (e.g. the provider list)."""
    return dict(_load(topic)[key])


@cache
def pattern(topic: str, key: str, lang: str | None = None) -> re.Pattern[str]:
    """One compiled alternation of the entry's words, longest first, on word boundaries."""
    alts = sorted(words(topic, key, lang), key=len, reverse=True)
    parts = [_word_re(w) for w in alts if w.strip()]
    return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)


def _word_re(word: str) -> str:
    escaped = re.escape(word.strip())
    left = r"(?<![\w])" if word[:1].isalnum() else ""
    right = r"(?![\w])" if word[-1:].isalnum() else ""
    return f"{left}{escaped}{right}"


def find(text: str | None, topic: str, key: str, lang: str | None = None) -> str | None:
    """The first lexicon word found in `text`, or None."""
    if not text:
        return None
    m = pattern(topic, key, lang).search(text)
    return m.group(0) if m else None


def has(text: str | None, topic: str, key: str, lang: str | None = None) -> bool:
    return find(text, topic, key, lang) is not None


def find_all(text: str | None, topic: str, key: str) -> list[str]:
    """Every distinct lexicon word found in `text` (lower-cased)."""
    if not text:
        return []
    return list(dict.fromkeys(m.group(0).lower() for m in pattern(topic, key).finditer(text)))


def providers_in(text: str) -> list[str]:
    """Names of the age-assurance providers (age lexicon) that `text` mentions in a script, URL or sentence."""
    low = text.lower()
    found = []
    for name, spec in table("age", "providers").items():
        if any(re.search(rf"(?<![a-z]){re.escape(frag)}(?![a-z])", low) for frag in spec[1:]):
            found.append(name)
    return found


def provider_level(name: str) -> int:
    """The catalogue level (4 estimation, 5 verification) of a known provider."""
    return int(table("age", "providers")[name][0])
