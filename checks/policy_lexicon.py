"""The policy lexicon (`lexicons/policy.toml`): word lists and patterns per language, compiled and cached.

The policy reader (checks/policy.py), the text layer (checks/text.py: boilerplate, abbreviations, function
words) and the duration reader (checks/durations.py) all read their words here. A fragment is matched
case-insensitively on word boundaries; `Lexicon(language).rx(path)` is one pattern for the fragments of a
dotted path (`"retention.triggers"`) in that language plus the language-neutral `any` list.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

LEXICON_FILE = Path(__file__).with_name("lexicons") / "policy.toml"

LANGUAGES: tuple[str, ...] = ("en", "nl")


@cache
def lexicon_data() -> dict[str, Any]:
    """The whole lexicon file, parsed once."""
    return tomllib.loads(LEXICON_FILE.read_text("utf-8"))


def _node(path: str) -> Any:
    node: Any = lexicon_data()
    for part in path.split("."):
        node = node[part]
    return node


def _bounded(fragment: str) -> str:
    """Wrap a fragment in word boundaries on the sides where it starts or ends with a word."""
    starts_word = bool(re.match(r"[\w(\[]", fragment)) and not fragment.startswith(("(?<", "(?-i:", "\\("))
    starts_word = starts_word or fragment.startswith("(?-i:")
    ends_word = bool(re.search(r"[\w)\]?*+}]$", fragment)) and not fragment.endswith("\\)")
    before = r"(?<!\w)" if starts_word else ""
    after = r"(?!\w)" if ends_word else ""
    return f"{before}(?:{fragment}){after}"


@cache
def compile_terms(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of fragments. The fragments that start with a word share one leading
    word-boundary check, so the engine skips positions inside words at once (most of a policy's text)."""
    if not fragments:
        return re.compile(r"(?!x)x")
    bounded = [_bounded(f) for f in fragments]
    at_word = [b.removeprefix(r"(?<!\w)") for b in bounded if b.startswith(r"(?<!\w)")]
    other = [b for b in bounded if not b.startswith(r"(?<!\w)")]
    parts = ([rf"(?<!\w)(?:{'|'.join(at_word)})"] if at_word else []) + other
    return re.compile("|".join(parts), re.IGNORECASE)


class Lexicon:
    """The patterns of one language (plus the language-neutral `any` lists)."""

    def __init__(self, language: str):
        self.language = language
        self._rx: dict[str, re.Pattern[str]] = {}

    def terms(self, path: str) -> tuple[str, ...]:
        node = _node(path)
        return tuple(node.get(self.language, [])) + tuple(node.get("any", []))

    def rx(self, path: str) -> re.Pattern[str]:
        pattern = self._rx.get(path)
        if pattern is None:
            pattern = self._rx[path] = compile_terms(self.terms(path))
        return pattern

    def find(self, path: str, text: str) -> list[re.Match[str]]:
        return list(_find(self, path, text)) if text else []

    def spans(self, path: str, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in _find(self, path, text)] if text else []

    def has(self, path: str, text: str) -> bool:
        return bool(text) and _has(self, path, text)


# The same sentence is asked about the same word list by several clause finders: remember the answers.
@lru_cache(maxsize=16384)
def _find(lx: Lexicon, path: str, text: str) -> tuple[re.Match[str], ...]:
    return tuple(lx.rx(path).finditer(text))


@lru_cache(maxsize=16384)
def _has(lx: Lexicon, path: str, text: str) -> bool:
    return lx.rx(path).search(text) is not None


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of one language (English for a language it does not have)."""
    return Lexicon(language if language in LANGUAGES else "en")

