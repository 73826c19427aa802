"""The text layer every check reads pages through: content lines, sentences, language.

- Boilerplate: `content_lines` drops menus (runs of short link-like lines), cookie banners, footers and
  lines that recur on most other pages of the site; `site_wide_lines` are the lines on nearly every page.
- Sentences: `split_sentences` turns content lines into `Sentence`s: sentences split on full stops (not
  after abbreviations, domains or addresses), list items with their lead-in line, table rows with their
  header row, each under the heading above it. `sentences` is the plain-string form the page checks use.
- Language: `detect_language` and each sentence's language are Dutch or English, by counting function
  words, with py3langid's character n-gram model for short sentences with too few of them.

The words (menus, banners, footers, abbreviations, function words) live in `lexicons/policy.toml`, read
through checks/policy_lexicon.py. Pure text, no browser, no bundle.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from checks.durations import has_period
from checks.policy_lexicon import LANGUAGES, lexicon, lexicon_data


@dataclass(frozen=True)
class Sentence:
    """A sentence of content; list items carry their lead-in, table rows their header."""

    text: str
    language: str
    heading: str = ""
    lead: str = ""
    question: bool = False
    row: bool = False  # a table row, its cells joined by ": " (the first cell usually names what the row is about)

    @property
    def quote(self) -> str:
        return f"{self.lead} {self.text}" if self.lead else self.text


# =============================================================================== public functions


def split_sentences(text: str, language: str | None = None, *,
                    boilerplate_from: Sequence[str] = ()) -> list[Sentence]:
    """Split a page's content (boilerplate dropped) into sentences, list items and table rows."""
    lines = _join_broken_lines(content_lines(text, boilerplate_from))
    # A page's declared language is only a hint: sites declare one language and write in another.
    doc_language = _sentence_language(" ".join(lines), language if language in LANGUAGES else "en")
    return list(_SentenceBuilder(doc_language).build(lines))


# Words no sentence or heading ends on: a line that stops at one was broken off (a PDF copied one line per paragraph).
_RUNS_ON = re.compile(r"(?<!\w)(?:the|a|an|of|to|and|or|your|our|their|its|his|her|my|in|on|for|with|by|from|at|as|that|"
                      r"which|who|is|are|be|been|may|will|can|shall|must|not|such|any|this|these|de|het|een|van|en|je|jouw|"
                      r"uw|onze|ons|op|voor|met|door|aan|bij|naar|om|te|dat|die|is|zijn|wordt|worden|kan|kunnen|mag|geen)$",
                      re.IGNORECASE)


def _join_broken_lines(lines: list[str]) -> list[str]:
    """Put back together a sentence that a copy broke over lines ("We may access, preserve, and disclose your" /
    "Personal Information if ..."; "Please see ... contact information of the data" / "protection authorities ..."): a
    line without end punctuation that stops on a function word, or one of six words or more that starts as a sentence
    followed by a line that starts in lower case, runs on into the next. List items and table rows stay lines of their
    own."""
    out: list[str] = []
    for line in lines:
        if out:
            prev = out[-1]
            plain = not (_BULLET.match(prev) or _BULLET.match(line) or "\t" in prev or "\t" in line
                         or _LONE_BULLET.fullmatch(prev) or _LONE_BULLET.fullmatch(line))
            open_end = not re.search(r"[.!?:;,)\]\"'”’]$", prev)
            # (a page's text carries no bullets: items after a lead-in are lower-case lines of their own, so only a
            # line that starts as a sentence does runs on into a lower-case one)
            starts_sentence = prev[:1].isupper() or prev[:1].isdigit()
            if plain and open_end and (_RUNS_ON.search(prev) or (len(prev.split()) >= 6 and starts_sentence
                                                                 and line[:1].islower())):
                out[-1] = f"{prev} {line}"
                continue
        out.append(line)
    return out


def sentences(text: str) -> list[str]:
    """The sentences of a page's text that say something (longer than a few words), for the page checks."""
    return [s.text for s in split_sentences(text) if len(s.text) > 12]


def content_lines(text: str, boilerplate_from: Sequence[str] = ()) -> list[str]:
    """The lines of a page that carry content: menus, cookie banners, footers and repeated lines dropped."""
    lines = _drop_menu_runs([ln for ln in (_clean_line(raw) for raw in text.splitlines()) if ln])
    repeated = _repeated_lines(lines, boilerplate_from)
    return [ln for ln in lines if _line_key(ln) not in repeated and not _is_boilerplate(ln)]


def site_wide_lines(texts: Sequence[str], *, min_pages: int = 4, share: float = 0.8) -> set[str]:
    """The lines (stripped) that stand on nearly every page of a site: its header, menus and footer.

    The page checks drop these from an item page before reading it as the item's own words; the policy
    reader's stricter per-document rule is `content_lines`.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({ln.strip() for ln in text.splitlines() if ln.strip()})
    if len(texts) < min_pages:
        return set()
    return {ln for ln, n in counts.items() if n >= share * len(texts)}


def detect_language(text: str, default: str = "en") -> str:
    """'nl' or 'en', by counting common function words; `default` when neither shows."""
    _words, scores = _stopword_scores(text)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else default


# =============================================================================== text clean-up

_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                            "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ",
                            "\u00ad": "", "\u200b": ""})
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u00b7\u25aa\u25e6\u2023>]|\(?\d{1,2}[.)](?!\d)|\(?[a-h][.)]|\(?[ivx]{1,4}[.)])\s+",
                     re.IGNORECASE)


_LONE_BULLET = re.compile(r"\s*[-*\u2022\u00b7\u25aa\u25e6\u2023]\s*")


def normalise(text: str) -> str:
    """One spelling for quotes, dashes and spaces (NFC), contractions written out ("can't" is "can not")."""
    t = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    t = re.sub(r"\b(?:can)'t\b", "can not", t, flags=re.IGNORECASE)
    t = re.sub(r"\bwon't\b", "will not", t, flags=re.IGNORECASE)
    t = re.sub(r"n't\b", " not", t, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", t).strip()


def _clean_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line).translate(_TRANSLATE)
    line = re.sub(r"\t+", "\t", line)
    return re.sub(r"[ \f\v]+", " ", line).strip()


def _line_key(line: str) -> str:
    return re.sub(r"\s+", " ", line.lower()).strip()


def _repeated_lines(lines: list[str], others: Sequence[str]) -> set[str]:
    """Lines of this page that recur on most of the other pages (site chrome, footers)."""
    if not others:
        return set()
    counts: Counter[str] = Counter()
    for other in others:
        counts.update({_line_key(_clean_line(ln)) for ln in other.splitlines() if ln.strip()})
    n = len(others)
    repeated = set()
    for line in lines:
        key = _line_key(line)
        if not key:
            continue
        if n >= 2 and counts[key] >= 2 and counts[key] * 2 > n:
            repeated.add(key)
        elif n == 1 and counts[key] and len(key.split()) <= 12:
            repeated.add(key)
    return repeated


def _is_boilerplate(line: str) -> bool:
    words = len(line.split())
    flat = line.replace("\t", " ")
    for lx in (lexicon("en"), lexicon("nl")):
        if lx.rx("boilerplate.menu").fullmatch(flat.strip(" .!|>-")):
            return True
        if words <= 60 and lx.has("boilerplate.cookie_banner", flat):
            return True
        if words <= 30 and lx.has("boilerplate.footer", flat):
            return True
    return False


def _nav_like(line: str) -> bool:
    return (len(line.split()) <= 4 and not re.search(r"[.:;?!,]$", line) and ":" not in line
            and "\t" not in line and not _BULLET.match(line))


def _drop_menu_runs(lines: list[str]) -> list[str]:
    """Drop runs of three or more short link-like lines (a menu), unless a lead-in colon introduces them."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _nav_like(lines[j]):
            j += 1
        run = lines[i:j]
        if len(run) >= 3 and not (out and out[-1].endswith(":")):
            # The page title often follows the menu directly: keep a last line that heads a paragraph.
            if j < len(lines) and len(lines[j].split()) > 8 and not _is_boilerplate(run[-1]):
                out.append(run[-1])
            i = j
            continue
        out.extend(run or [lines[i]])
        i = max(j, i + 1)
    return out


# =============================================================================== sentences

_BOUNDARY = re.compile(r"([.!?]+[\"')\]]*)\s+(?=[\"'(\[]?[A-Z\u00c0-\u00d6\u00d8-\u00de0-9])")


@cache
def _abbreviations() -> frozenset[str]:
    node = lexicon_data()["sentences"]["abbreviations"]
    return frozenset(a.lower() for lang in LANGUAGES for a in node.get(lang, []))


# Sentences glued without a space after the full stop ("kept for 90 days.Messages are", text copied out of
# PDFs and CMS fields): a lower-case word, a stop, then a capitalised word.
_GLUED = re.compile(r"(?<!\S)(\S*?[a-z\u00df-\u00ff]{2}[.!?])(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])")


def _unglue(line: str) -> str:
    """Put the missing space back after a sentence-ending stop, unless the word is an abbreviation, an
    address or a domain name ("tweakers.net", "www.x.com")."""
    def space(m: re.Match[str]) -> str:
        token = m.group(1)
        inner = token[:-1]
        if token.lower() in _abbreviations() or any(c in inner for c in "./@:") or inner.lower().startswith("www"):
            return token
        return token + " "
    return _GLUED.sub(space, line)


def _split_line(line: str) -> list[str]:
    line = _unglue(line)
    parts, start = [], 0
    for m in _BOUNDARY.finditer(line):
        end = m.end(1)
        token = line[start:end].rsplit(None, 1)[-1].lstrip("([\"'").lower()
        if token in _abbreviations() or re.fullmatch(r"[a-z]\.", token):
            continue
        parts.append(line[start:end].strip())
        start = m.end()
    parts.append(line[start:].strip())
    return [p for p in parts if p]


def _sentence_language(text: str, default: str) -> str:
    """Common function words decide when there are enough of them; a short sentence with too few ("Tweeklank
    verbiedt mensenhandel") goes to py3langid's character n-gram model, limited to Dutch and English."""
    words, scores = _stopword_scores(text)
    best = max(scores, key=lambda k: scores[k])
    other = min(scores.values())
    if scores[best] >= 2 and other * 2 < scores[best]:
        return best
    if scores[best] < 2 and sum(len(w) for w in words.elements()) >= 20 and len(words) >= 3:
        return _ngram_language(text, default)
    return default


def _stopword_scores(text: str) -> tuple[Counter[str], dict[str, int]]:
    """The words of a text and, per language, how many of them are that language's function words."""
    words = Counter(re.findall(r"[a-zà-ÿ]+", text.lower()))
    return words, {lang: sum(words[w] for w in lexicon_data()["language"]["stopwords"][lang]) for lang in LANGUAGES}


_NGRAM_MARGIN = 3.0  # log-probability lead the n-gram model needs over the other language


def _ngram_language(text: str, default: str) -> str:
    ranked = _langid().rank(text)
    (first, p1), (_second, p2) = ranked[0], ranked[1]
    return first if first in LANGUAGES and p1 - p2 >= _NGRAM_MARGIN else default


@cache
def _langid() -> Any:
    """py3langid's identifier limited to Dutch and English (its model loads on first use, in about a second)."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def is_heading(line: str) -> bool:
    """Whether a line reads as a heading: short, capitalised, no sentence punctuation, no colon inside, no period of time."""
    return _is_heading(line)


def _is_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 12 or ":" in line.rstrip(":") or "\t" in line:
        return False
    if line.endswith("?"):
        return len(words) <= 20
    if re.search(r"[.;,:!]$", line) or not (line[0].isupper() or line[0].isdigit()):
        return False
    return not has_period(normalise(line))


# A sentence that announces the list below without a colon ("Except in the cases set forth in the following items,
# Company shall not provide Personal Information to third parties."): the items are read with it.
_ANNOUNCES_LIST = re.compile(
    r"\b(?:in|under|for) the following (?:\w+ ){0,2}(?:items|cases|circumstances|situations|conditions|exceptions)\b"
    r"|\bin de volgende (?:gevallen|omstandigheden|situaties)\b", re.IGNORECASE)


def _lead_in(parts: list[str], language: str) -> str:
    """The lead-in of a list: the paragraph's last sentence, with the one before it when that one announces the
    list ("You must not post the following content. These rules reflect the law:") or when the last says nothing by
    itself ("We remove such content. Examples include:")."""
    if len(parts) >= 2 and (len(parts[-1].split()) <= 4 or lexicon(_sentence_language(parts[-2], language)).has(
            "sentences.forward", parts[-2])):
        return f"{parts[-2]} {parts[-1]}"
    return parts[-1]


def _instruction(text: str, language: str) -> bool:
    """A full sentence that opens with an imperative ("Use the report button under every post."): no list entry."""
    first = re.match(r"[\w-]+", text)
    if not first or not text.endswith((".", "!", "?")):
        return False
    word = first.group(0).lower()
    return any(word in lexicon(lang).terms("sentences.instruction_start") for lang in (language, "en", "nl"))


def _is_list_item(line: str, bullet: bool) -> bool:
    return bullet or line[:1].islower() or line.endswith((";", ",")) or (
        len(line.split()) <= 20 and not line.endswith((".", "?", "!")))


class _SentenceBuilder:
    """Turns content lines into sentences, tracking headings, list lead-ins and table headers."""

    def __init__(self, language: str):
        self.language = language
        self.heading = ""
        self.section = ""  # the last real heading: a table's header row is read under it, not instead of it
        self.lead = ""
        self.lead_bulleted = False  # the items under the current lead-in came with bullets
        # the lead-in of a bulleted list that a sub-heading broke off ("We remove content that promotes:" then items,
        # "Exploitative practices" then more items): bulleted items right under that heading are read with it too
        self.carried_lead = ""
        self.table_header: str | None = None

    def build(self, lines: list[str]) -> Iterable[Sentence]:
        bullet = ""
        for i, line in enumerate(lines):
            if _LONE_BULLET.fullmatch(line):  # a bullet on a line of its own marks the line after it
                bullet = "- "
                continue
            # ... unless that line is a heading over bulleted items of its own ("1. #### Account Termination" then
            # "1. User may delete ...": an article of the terms), which ends the list above it.
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if bullet and (_BULLET.match(line) or _is_heading(line) and _BULLET.match(nxt) and not _LONE_BULLET.fullmatch(nxt)):
                bullet = ""
            yield from self._line(bullet + line)
            bullet = ""

    def _line(self, line: str) -> Iterable[Sentence]:
        if "\t" in line or " | " in line:
            yield from self._table_row(line)
            return
        self.table_header = None
        text = _BULLET.sub("", line, count=1).strip()
        bullet = text != line
        # (only items that read as entries of that list: "- Use the report button under every post." under "Reporting"
        # is an instruction of its own)
        if bullet and not self.lead and self.carried_lead and not _instruction(text, self.language):
            self.lead, self.lead_bulleted = self.carried_lead, True
        # A list whose items carry bullets ends at the first line without one (a heading, the next paragraph).
        if self.lead and _is_list_item(text, bullet) and (bullet or not self.lead_bulleted):
            self.lead_bulleted = self.lead_bulleted or bullet
            # An item of several sentences: the first is read with the lead-in, the others on their own.
            parts = _split_line(text) or [text]
            first, *rest = parts
            yield self._sentence(first, lead=self.lead)
            for part in rest:
                yield self._sentence(part)
            # An item that ends with a colon opens a list of its own ("The user may not:" among the terms' articles):
            # the items after it are read with it, not with the first lead-in of the page.
            # A fragment ("shows, promotes or refers to:", "Examples:") continues the lead-in above it.
            if parts[-1].endswith(":") or _ANNOUNCES_LIST.search(parts[-1]):
                fragment = len(parts[-1].split()) <= 2 or parts[-1][:1].islower()
                self.lead = f"{self.lead} {parts[-1]}" if fragment else _lead_in(parts, self.language)
            return
        # A sub-heading right after a bulleted list keeps the list's lead-in for bulleted items under it; a paragraph
        # (or anything that is no heading) ends it.
        if _is_heading(text):
            self.carried_lead = self.lead if self.lead and self.lead_bulleted else self.carried_lead
        else:
            self.carried_lead = ""
        self.lead = ""
        self.lead_bulleted = False
        heading_before = self.heading
        if _is_heading(text):
            self.heading = self.section = text
        parts = _split_line(text)
        for part in parts:
            yield self._sentence(part, heading=heading_before if part == text else self.heading)
        if parts and (parts[-1].endswith(":") or _ANNOUNCES_LIST.search(parts[-1])):
            self.lead = _lead_in(parts, self.language)

    def _table_row(self, line: str) -> Iterable[Sentence]:
        cells = [c.strip() for c in re.split(r"\t| \| ", line) if c.strip()]
        joined = ": ".join(cells)
        # The first row heads the table, unless it is prose (a table without a header row, or whose header
        # was empty): then it is a row like the others.
        if self.table_header is None and all(len(c.split()) <= 8 for c in cells):
            self.table_header = joined
            # "How long we keep data" above a table "Data: How long": the rows are read under both
            self.heading = f"{self.section} | {joined}" if self.section else joined
            return
        if self.table_header is None:
            self.table_header = ""
        yield self._sentence(joined, row=True)

    def _sentence(self, text: str, *, lead: str = "", heading: str | None = None, row: bool = False) -> Sentence:
        language = _sentence_language(f"{lead} {text}", self.language)
        return Sentence(text=text, language=language, heading=self.heading if heading is None else heading,
                        lead=lead, question=text.endswith("?"), row=row)
