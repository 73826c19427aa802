"""Lengths of time in a text: "90 days", "zes maanden", "half a year", "immediately after deletion".

Every number word, unit, phrase and event word comes from the policy lexicon (checks/policy_lexicon.py),
per language. Ages ("18 years or older") and frequencies ("once a year") are left out. The policy reader
builds retention and preservation clauses on `find_periods`; the text layer asks `has_period` to tell a
heading ("Privacy") from a short sentence that names a period ("Logs: 90 days").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from checks.policy_lexicon import LANGUAGES, Lexicon, lexicon, lexicon_data


@dataclass(frozen=True)
class Period:
    """A length of time found at text[start:end], in days, with the event it runs from ("after deletion")."""

    start: int
    end: int
    days: int
    phrase: str
    event: str = ""


@cache
def _duration_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = lexicon_data()["duration"]
    numbers = sorted(d["numbers"][language], key=len, reverse=True)
    simple = "|".join(re.escape(w) for w in numbers)
    # Compounds ("twenty-one", "one hundred and twenty", "vijfenveertig") are read by text2num.
    joiner = r"(?:\s*-\s*|\s+(?:and\s+)?)" if language == "en" else r"(?:en|\s+|-)"
    words = rf"(?:(?:{simple}){joiner})+(?:{simple})|{simple}"
    units = "|".join(f"(?P<u_{name}>{rx})" for name, rx in d["units"][language].items())
    number = rf"(?P<num>\d+(?:[.,]\d+)?|{words})(?:\s*\((?:\d+|{words})\))?"
    prefixes = "|".join(d.get("unit_prefixes", {}).get(language, []))
    prefix = rf"(?:(?:{prefixes})[\s-]*)?" if prefixes else ""
    main = re.compile(rf"(?<![\w-]){number}(?:\s*-\s*|\s+|(?<=\d)){prefix}(?:{units})(?!\w)", re.IGNORECASE)
    phrases = "|".join(re.escape(p) for p in sorted(d["phrases"][language], key=len, reverse=True))
    phrase = re.compile(rf"(?<!\w)(?:{phrases})(?!\w)", re.IGNORECASE)
    event_words = "|".join(d["event"][language])
    immediate = re.compile(rf"(?<!\w)(?:{'|'.join(d['immediate'][language])})\s+(?P<event>(?:{event_words})\s+[^,.;:()]{{2,60}})",
                           re.IGNORECASE)
    immediate_event = re.compile(rf"(?<!\w)(?:{'|'.join(d['immediate_event'][language])})\s+(?P<event>[^,.;:()]{{2,60}})",
                                 re.IGNORECASE)
    return main, phrase, immediate, immediate_event


def find_periods(text: str, lx: Lexicon) -> list[Period]:
    """Every length of time in a normalised text, with ages and frequencies dropped."""
    lang = lx.language
    d = lexicon_data()["duration"]
    main, phrase, immediate, immediate_event = _duration_patterns(lang)
    found: list[Period] = []
    for m in phrase.finditer(text):  # first, so "half a year" is not read as "a year"
        days = d["phrases"][lang][next(k for k in d["phrases"][lang] if k.lower() == m.group(0).lower())]
        found.append(Period(m.start(), m.end(), int(days), m.group(0), _event_after(text, m.end(), lx)))
    for m in main.finditer(text):
        if _is_age_or_frequency(text, m.start(), m.end(), lx):
            continue
        if any(p.start < m.end() and m.start() < p.end for p in found):
            continue
        unit = next(k[2:] for k, v in m.groupdict().items() if k.startswith("u_") and v)
        raw = m.group("num").lower().replace(",", ".")
        amount = _number(raw, lang)
        if amount is None:
            continue
        days = amount * d["unit_days"][unit]
        days_int = math.ceil(round(days, 6)) if unit == "hour" else math.floor(days + 0.5)
        found.append(Period(m.start(), m.end(), days_int, m.group(0), _event_after(text, m.end(), lx)))
    not_event = lx.rx("duration.not_event")
    for rx in (immediate, immediate_event):
        for m in rx.finditer(text):
            # "as soon as we reasonably can" promises deletion; it names no event a period could run from.
            if not_event.match(m.group("event").strip()):
                continue
            found.append(Period(m.start(), m.start("event"), 0, m.group(0).strip(), m.group("event").strip()))
    return sorted(found, key=lambda p: p.start)


def _number(raw: str, language: str) -> float | None:
    """A number written in digits or words ('6', 'six', 'twenty-one', 'vijfenveertig'); None when it is not one."""
    if raw[0].isdigit():
        return float(raw)
    known = lexicon_data()["duration"]["numbers"][language]
    if raw in known:
        return float(known[raw])
    try:
        return float(text2num(re.sub(r"\s+", " ", raw), language))
    except ValueError:
        return None


def _is_age_or_frequency(text: str, start: int, end: int, lx: Lexicon) -> bool:
    before = text[max(0, start - 30):start]
    after = text[end:end + 20]
    before_rx = re.compile(rf"(?:{'|'.join(lx.terms('duration.not_before'))})\s+(?:the\s+|de\s+)?$", re.IGNORECASE)
    after_rx = re.compile(rf"^\s*(?:{'|'.join(lx.terms('duration.not_after'))})(?!\w)", re.IGNORECASE)
    return bool(before_rx.search(before) or after_rx.search(after))


def _event_after(text: str, end: int, lx: Lexicon) -> str:
    words = "|".join(lx.terms("duration.event"))
    stop = r"(?=[,.;:()]|\s+(?:and|or|en|of|so|zodat|unless|tenzij|except|behalve)\s|$)"
    m = re.match(rf"\s+((?:{words})\s+[^,.;:()]{{2,60}}?){stop}", text[end:], re.IGNORECASE)
    if not m:
        return ""
    # Dutch puts the verb last ("90 dagen na opzegging verwijderd"): the verb is not part of the event.
    event = m.group(1).split()
    while len(event) > 2 and (lx.rx("retention.triggers").fullmatch(event[-1]) or
                              lx.rx("duration.auxiliaries").fullmatch(event[-1])):
        event.pop()
    return " ".join(event)


def has_period(text: str) -> bool:
    """Whether a normalised text names a length of time, in any of the lexicon's languages."""
    return any(find_periods(text, lexicon(lang)) for lang in LANGUAGES)
