"""The policy reader: what a platform's own policy, terms and help text commits it to.

Pure text analysis, no browser. Given the visible text of privacy, terms, community-rules,
law-enforcement or help pages (Dutch or English), it reads the sentences that the text layer
(checks/text.py) gives once navigation and boilerplate are dropped, and finds typed clauses: retention
periods, preservation of removed content, promises of immediate deletion, cooperation with authorities,
contact points for authorities, prohibitions with their sanctions, and named support resources.

Every word list and pattern lives in `lexicons/policy.toml`, per language, read through
checks/policy_lexicon.py; lengths of time are found by checks/durations.py. This module only holds
the rules that combine them: keywords within one sentence, their distance, negation, exceptions,
and the sentence before or the heading above when a sentence leans on them.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar, Literal, TypeVar
from urllib.parse import urlsplit

from checks.durations import Period, find_periods
from checks.pages import page_kinds
from checks.partners import partner_pages
from checks.policy_lexicon import Lexicon, compile_terms, lexicon, lexicon_data
from checks.routes import is_placeholder_address
from checks.text import Sentence, is_heading, normalise, split_sentences
from safehaven.bundle import Bundle

DATA_KINDS: tuple[str, ...] = ("messages", "content", "account", "logs", "verification", "payment")
CRIMES: tuple[str, ...] = ("trafficking", "child_exploitation")
TOPICS: tuple[str, ...] = ("trafficking", "minors", "third_party")
POLICY_KINDS: tuple[str, ...] = ("privacy", "terms", "rules", "law_enforcement", "cookie")

CooperationMode = Literal["proactive", "on_request", "discretionary", "refusal"]


# =============================================================================== clause types


@dataclass(frozen=True)
class Duration:
    """A concrete length of time, normalised to days, with the words the policy used."""

    days: int
    phrase: str
    event: str = ""  # "after your request", "na opzegging": the event the period runs from

    def describe(self) -> str:
        return f"{self.phrase} {self.event}".strip()


@dataclass(frozen=True, kw_only=True)
class Clause:
    """One commitment found in one sentence of a policy page."""

    type: ClassVar[str] = "clause"
    sentence: str
    url: str = ""
    language: str = "en"


@dataclass(frozen=True, kw_only=True)
class RetentionClause(Clause):
    """How long some kind(s) of data are kept: a concrete duration or a vague phrase."""

    type: ClassVar[str] = "retention"
    data_kinds: tuple[str, ...] = ()
    duration: Duration | None = None
    vague_phrase: str = ""

    @property
    def concrete(self) -> bool:
        return self.duration is not None


@dataclass(frozen=True, kw_only=True)
class PreservationClause(Clause):
    """Removed or reported content (or the account behind it) kept for investigations."""

    type: ClassVar[str] = "preservation"
    trigger: Literal["default", "on_request"] = "default"
    period: Duration | None = None


@dataclass(frozen=True, kw_only=True)
class DeletionPromise(Clause):
    """Removed content deleted immediately and permanently, with no exception stated."""

    type: ClassVar[str] = "deletion_promise"
    phrase: str = ""


@dataclass(frozen=True, kw_only=True)
class CooperationClause(Clause):
    """What the platform does with authorities: reports itself, answers orders, may share, refuses."""

    type: ClassVar[str] = "cooperation"
    mode: CooperationMode = "discretionary"
    crimes: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class AuthorityContact(Clause):
    """A contact route: meant for authorities, or only a general or privacy contact."""

    type: ClassVar[str] = "authority_contact"
    kind: Literal["authorities", "general"] = "general"
    address: str = ""
    point_of_contact: bool = False  # a DSA art. 11 point of contact is named
    for_authorities: bool = False  # the sentence addresses authorities (even if the route is general)


@dataclass(frozen=True, kw_only=True)
class Prohibition(Clause):
    """A rule against one topic (trafficking, minors, third-party ads), with any sanction named with it."""

    type: ClassVar[str] = "prohibition"
    topic: str = ""
    sanctions: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Sanction(Clause):
    """A sanction for breaking the rules (removal, ban, report to police) that names no topic."""

    type: ClassVar[str] = "sanction"
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class HelpResource(Clause):
    """A named support resource for (possible) victims, with its phone number when given."""

    type: ClassVar[str] = "help_resource"
    key: str = ""
    name: str = ""
    phone: str = ""


C = TypeVar("C", bound=Clause)


@dataclass
class PolicyReading:
    """The clauses found in one or more policy texts, and what was read to find them."""

    clauses: list[Clause] = field(default_factory=list)
    sentences: int = 0
    urls: list[str] = field(default_factory=list)

    def of(self, kind: type[C]) -> list[C]:
        """The clauses of one type, in reading order."""
        return [c for c in self.clauses if isinstance(c, kind)]


@dataclass(frozen=True)
class PolicyDocument:
    """The visible text of one page to read, with where it came from."""

    url: str
    text: str
    language: str | None = None
    title: str = ""
    kinds: frozenset[str] = frozenset()
    role: str = ""


# =============================================================================== public functions


def read_policy(text: str, url: str = "", *, language: str | None = None,
                boilerplate_from: Sequence[str] = ()) -> PolicyReading:
    """Read one page's visible text; `boilerplate_from` are texts of other pages of the same site."""
    return read_documents([PolicyDocument(url=url, text=text, language=language)], boilerplate_from=boilerplate_from)


def read_documents(documents: Iterable[PolicyDocument], *, boilerplate_from: Sequence[str] = ()) -> PolicyReading:
    """Read several pages; lines that recur on most `boilerplate_from` texts are dropped as boilerplate."""
    reading = PolicyReading()
    seen: set[Clause] = set()
    for doc in documents:
        others = [t for t in boilerplate_from if t != doc.text]
        sentences = split_sentences(doc.text, doc.language, boilerplate_from=others)
        for clause in _read_sentences(sentences, doc.url):
            if clause not in seen:
                seen.add(clause)
                reading.clauses.append(clause)
        reading.sentences += len(sentences)
        reading.urls.append(doc.url)
    return reading


def find_durations(text: str, language: str = "en") -> list[Duration]:
    """The lengths of time named in a text (ages and frequencies left out), normalised to days."""
    return [Duration(d.days, d.phrase, d.event) for d in find_periods(normalise(text), lexicon(language))]


# =============================================================================== bundle access


_READINGS: weakref.WeakKeyDictionary[Any, dict[tuple, PolicyReading]] = weakref.WeakKeyDictionary()
_SKIPPED_ROLES = ("item", "listing", "signup", "login", "report")
_TOPIC_KINDS = frozenset({"rules", "terms"})


def policy_documents(bundle: Bundle, kinds: Iterable[str] = POLICY_KINDS, *,
                     roles: Iterable[str] = ("policy",)) -> list[PolicyDocument]:
    """Loaded pages that are of one of `kinds` by URL, title or link text, or that have one of `roles`
    and no recognisable kind (roles are hints, not trusted blindly)."""
    wanted, role_set = set(kinds), set(roles)
    docs = []
    pages = bundle.ok_pages()
    partners = partner_pages(pages, bundle.platform.url)  # a verification partner's notice is not the platform's
    for page in pages:
        if page.id in partners:
            continue
        url = page.final_url or page.url
        if page.role in _SKIPPED_ROLES:
            # A forum's rules are often a pinned topic ("Forum rules - read first"): an item page whose own title
            # names rules or terms is read as them (its URL and the links to it say nothing: they are a topic's).
            found = page_kinds("", page.title) & _TOPIC_KINDS if page.role == "item" else set()
            if found & wanted:
                docs.append(PolicyDocument(url=url, text=bundle.text(page), language=page.lang or None,
                                           title=page.title, kinds=frozenset(found), role=page.role))
            continue
        found = page_kinds(url, page.title, page.link_text)
        if found & wanted or (page.role in role_set and not found):
            docs.append(PolicyDocument(url=url, text=bundle.text(page), language=page.lang or None,
                                       title=page.title, kinds=frozenset(found), role=page.role))
    return docs


def read_bundle(bundle: Bundle, kinds: Iterable[str] = POLICY_KINDS, *,
                roles: Iterable[str] = ("policy",)) -> tuple[list[PolicyDocument], PolicyReading]:
    """The policy documents of a bundle and what they say (cached per bundle and set of documents read, so that
    checks asking for different kinds of page that select the same pages read them once)."""
    cache_for = _READINGS.setdefault(bundle, {})
    docs = policy_documents(bundle, tuple(sorted(kinds)), roles=tuple(sorted(roles)))
    key = tuple((d.url, d.language) for d in docs)
    if key not in cache_for:
        others = [bundle.text(p) for p in bundle.ok_pages()][:40]
        cache_for[key] = read_documents(docs, boilerplate_from=others)
    return docs, cache_for[key]


# =============================================================================== patterns

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# An address written out against harvesters: "contact [at] example.net", "info (at) voorbeeld (dot) nl"
_OBFUSCATED_EMAIL = re.compile(r"\b[\w.+-]+\s*[\[({]\s*(?:at|@|apenstaartje)\s*[\]})]\s*[\w-]+"
                               r"(?:\s*(?:[\[({]\s*(?:dot|punt)\s*[\]})]|\.)\s*[a-z]{2,}\b)+", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"')]+|www\.[^\s<>\"')]+", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w/+])(?:\+|00)?\d[\d \-.()]{0,16}\d(?![\w/])")
_AFTER_BREAK = re.compile(r"[,;]|\b(?:but|maar)\b", re.IGNORECASE)  # between a verb and a negation of another verb
_CONTEXT_DISTANCE = 60  # how far a retention word in the heading counts from the period
_VAGUE_REACH = 10  # tokens between a retention verb and a vague period that belongs to it
_RECIPIENT_REACH = 16  # tokens between a reporting or sharing verb and the authority it goes to
_OBLIGATION_REACH = 8  # tokens between "must"/"alleen" and the age or person it demands


# =============================================================================== per-sentence analysis


class _Ctx:
    """One sentence prepared for analysis: normalised text, its lexicon, and its neighbours."""

    def __init__(self, sentence: Sentence, url: str, previous: Sentence | None, following: Sentence | None):
        self.sentence = sentence
        self.url = url
        self.lx = lexicon(sentence.language)
        lead = normalise(sentence.lead)
        item = normalise(sentence.text)
        self.text = f"{lead} {item}" if lead else item
        self.item_start = len(lead) + 1 if lead else 0
        self.heading = normalise(sentence.heading)
        self.previous = normalise(previous.quote) if previous else ""
        # the sentence before without a list's lead-in ("... violate the following rules: Do not engage in fraud.")
        self.previous_item = normalise(previous.text) if previous else ""
        self.following = normalise(following.quote) if following else ""

    def base(self) -> dict[str, Any]:
        return {"sentence": self.sentence.quote, "url": self.url, "language": self.sentence.language}


def _read_sentences(sentences: list[Sentence], url: str) -> list[Clause]:
    clauses: list[Clause] = []
    for i, sentence in enumerate(sentences):
        if sentence.question:
            continue
        previous = sentences[i - 1] if i else None
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        ctx = _Ctx(sentence, url, previous, following)
        retention = _retention(ctx)
        clauses.extend(retention)
        clauses.extend(_one(_preservation(ctx) or _preserved_by_retention(ctx, retention)))
        clauses.extend(_one(_deletion_promise(ctx)))
        clauses.extend(_one(_cooperation(ctx)))
        clauses.extend(_one(_authority_contact(ctx)))
        clauses.extend(_prohibitions(ctx))
        clauses.extend(_one(_sanction(ctx)))
        clauses.extend(_help_resources(ctx))
    return clauses


def _one(clause: Clause | None) -> list[Clause]:
    return [clause] if clause else []


# ------------------------------------------------------------------------------- span helpers


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _tokens_between(text: str, a: int, b: int) -> int:
    lo, hi = sorted((a, b))
    return len(re.findall(r"\w+", text[lo:hi]))


def _nearest(spans: list[tuple[int, int]], target: tuple[int, int]) -> tuple[float, tuple[int, int] | None]:
    best: tuple[float, tuple[int, int] | None] = (math.inf, None)
    for s in spans:
        g = _gap(s, target)
        if g < best[0]:
            best = (g, s)
    return best


def _clause_bounds(text: str, lx: Lexicon, start: int, end: int) -> tuple[int, int]:
    marks = lx.spans("sentences.clause_marks", text)
    lo = max([b for a, b in marks if b <= start], default=0)
    hi = min([a for a, b in marks if a >= end], default=len(text))
    return lo, hi


def _split_exception(text: str, lx: Lexicon, path: str = "cooperation.exception") -> tuple[str, str]:
    """The main part of a sentence and the part after an exception word ('except', 'tenzij')."""
    m = lx.rx(path).search(text)
    if not m:
        return text, ""
    return text[:m.start()], text[m.start():]


def _kind_spans(ctx: _Ctx) -> list[tuple[int, int, str]]:
    """Where the sentence names kinds of data; event phrases and vague periods do not count."""
    lx, text = ctx.lx, ctx.text
    masked = _mask(text, lx.spans("kinds.event_mentions", text) + lx.spans("retention.vague", text))
    found: list[tuple[int, int, str]] = []
    for a, b in lx.spans("kinds.about_messages", masked):
        found.append((a, b, "logs"))
    masked = _mask(masked, [(a, b) for a, b, _ in found])
    for kind in (*DATA_KINDS, "general"):
        found.extend((a, b, kind) for a, b in lx.spans(f"kinds.{kind}", masked))
    return _longest_kinds(found)


def _longest_kinds(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'images of your ID document' is verification data, not (also) content: the longer match wins."""
    return sorted(s for s in found if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0]
                                              and o[2] != s[2] for o in found))


def _pick_kinds(spans: Iterable[tuple[int, int, str]]) -> tuple[str, ...]:
    kinds = {k for _, _, k in spans}
    specific = tuple(k for k in DATA_KINDS if k in kinds)
    return specific or (("general",) if "general" in kinds else ())


def _kinds_of_text(text: str, lx: Lexicon) -> tuple[str, ...]:
    masked = _mask(text, lx.spans("kinds.event_mentions", text))
    return _pick_kinds(_longest_kinds([(a, b, kind) for kind in (*DATA_KINDS, "general")
                                       for a, b in lx.spans(f"kinds.{kind}", masked)]))


def _fallback_kinds(ctx: _Ctx, region_kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Kinds from the lead-in, heading or previous sentence when the sentence itself names none."""
    lx = ctx.lx
    anaphoric = lx.has("negation.anaphora", ctx.text[ctx.item_start:])
    if region_kinds and (region_kinds != ("general",) or not anaphoric):
        return region_kinds
    for source in (ctx.text[:ctx.item_start], ctx.heading, ctx.previous):
        kinds = _kinds_of_text(source, lx)
        if kinds and kinds != ("general",):
            return kinds
    return region_kinds or ("general",)


# ------------------------------------------------------------------------------- retention


def _retention(ctx: _Ctx) -> list[RetentionClause]:
    """Concrete and vague retention periods, each with the kinds of data it covers."""
    lx, text = ctx.lx, ctx.text
    cookie_sentence = _is_cookie_context(ctx)
    if cookie_sentence and not lx.has("retention.cookie", text):
        return []  # a heading about cookies, and the sentence names no other kind of data
    masked = _mask(text, lx.spans("retention.masked", text))
    # "if you remove your account, we stop combining your info within 7 days": a deletion that is the event,
    # not what happens to the data, is no retention verb.
    events = lx.spans("kinds.event_mentions", text)
    triggers = [t for t in lx.spans("retention.triggers", masked) if not any(a <= t[0] < b for a, b in events)]
    context_trigger = lx.has("retention.triggers", ctx.heading)
    if not triggers and not context_trigger:
        return []
    periods = [p for p in find_periods(text, lx)
               if p.start >= ctx.item_start and _is_retention_period(ctx, p, triggers, context_trigger)]
    spans = _kind_spans(ctx)
    if cookie_sentence:
        # "Cookies expire after 13 months, and we keep your messages for 6 months": only periods in a clause
        # that names another kind of data, and no cookie, are retention periods.
        periods = [p for p in periods if _outside_cookie_clause(ctx, p, spans)]
        if not periods:
            return []
    clauses = [RetentionClause(**ctx.base(), data_kinds=_period_kinds(ctx, periods, i, spans),
                               duration=Duration(p.days, p.phrase, p.event))
               for i, p in enumerate(periods)]
    if not periods:
        clauses += _lead_in_period(ctx, triggers, context_trigger)
    return clauses + _vague_retention(ctx, periods, spans)


def _lead_in_period(ctx: _Ctx, triggers: list[tuple[int, int]], context_trigger: bool) -> list[RetentionClause]:
    """'We collect some data from your browser and store it for up to 30 days:' over items that name the data ('Your IP
    address'): the lead-in's period holds for the kinds an item names, when the item states no period of its own."""
    lx, text = ctx.lx, ctx.text
    lead = text[:ctx.item_start].rstrip()
    if not ctx.item_start or not lead.endswith(":"):
        return []
    kinds = tuple(k for k in _kinds_of_text(text[ctx.item_start:], lx) if k != "general")
    if not kinds:
        return []
    periods = [p for p in find_periods(lead, lx) if _is_retention_period(ctx, p, triggers, context_trigger)]
    return [RetentionClause(**ctx.base(), data_kinds=kinds, duration=Duration(p.days, p.phrase, p.event))
            for p in periods[:1]]


def _outside_cookie_clause(ctx: _Ctx, p: Period, spans: list[tuple[int, int, str]]) -> bool:
    lx, text = ctx.lx, ctx.text
    lo, hi = _clause_bounds(text, lx, p.start, p.end)
    for a, b in lx.spans("sentences.clause_marks", text):
        if a >= p.end and text[a:b].strip() in (",", ";"):
            hi = min(hi, a)
    if lx.has("retention.cookie", text[lo:hi]):
        return False
    kinds = {k for a, _b, k in spans if lo <= a < hi}
    return bool(kinds & set(DATA_KINDS))


_IDENTIFIER_CELL = re.compile(r"^[A-Za-z0-9]*_[\w-]*:|^__?\w+:|^[a-z]+[A-Z]\w*:")


def _is_cookie_context(ctx: _Ctx) -> bool:
    lx = ctx.lx
    if lx.has("retention.cookie", ctx.text):
        return True
    if _IDENTIFIER_CELL.match(ctx.sentence.text):
        return True  # a row of a table of cookies or storage keys ("session_token: ...: 30 days")
    return lx.has("retention.cookie", ctx.heading) and _pick_kinds(_kind_spans(ctx)) in ((), ("general",))


def _is_retention_period(ctx: _Ctx, p: Period, triggers: list[tuple[int, int]], context_trigger: bool) -> bool:
    lx, text = ctx.lx, ctx.text
    distance, verb = _nearest(triggers, (p.start, p.end))
    if context_trigger and distance > _CONTEXT_DISTANCE:
        distance, verb = _CONTEXT_DISTANCE, None
    lo, hi = _clause_bounds(text, lx, p.start, p.end)
    inactive = lx.spans("retention.inactivity", text)
    # a blocker that is the period's own event ("within 12 months of deactivating it") blocks nothing
    event = (p.end, p.end + len(p.event) + 2)
    if p.event and (at := text.find(p.event, p.end)) >= 0:
        # "two years after you last hear from us": the event the period runs from is no other clock
        inactive = [*inactive, (at, at + len(p.event))]
    blockers = [s for s in lx.spans("retention.blockers", text) if s[0] >= lo and s[1] <= hi
                and not any(a <= s[0] < b for a, b in inactive) and not event[0] <= s[0] < event[1]]
    if _nearest(blockers, (p.start, p.end))[0] < distance:
        return False
    if verb is None and _is_answer_time(ctx, p, inactive):
        return False
    if verb and _is_moderation_speed(ctx, p, verb):
        return False
    # "You must delete such personal data promptly following a request from us": the user's duty, not a retention.
    # The user's duty may open the sentence, the verb standing anywhere in it ("You must delete ... and certify to
    # such deletion"), as long as the platform ('we') is not also a subject.
    before = text[max(0, verb[0] - 60):verb[0]] if verb else ""
    item = text[ctx.item_start:]
    if verb and (any(_tokens_between(before, m.end(), len(before)) <= 2 for m in lx.find("retention.user_duty", before))
                 or (lx.rx("retention.user_duty").match(item) and not lx.has("retention.platform_subject", item))):
        return False
    if _is_delay(text, lx, p):
        return False
    # "Within any twenty-four (24) hour period, the total amount stored may not exceed ...": a rolling window a limit
    # is counted over, not how long anything is kept.
    if _ROLLING_WINDOW.search(text[max(0, p.start - 30):p.start]) or lx.has("retention.counter_notice", text):
        return False
    # "17. Deletion of content, suspension of use, deletion of accounts" over "(4) when you have not used your account
    # for 1 year": when only a heading that names deletion among other sanctions speaks of deleting, a period in the
    # sentence is one ground for a measure yet to be chosen, not how long data is kept.
    if verb is None and context_trigger and lx.has("sanction.ban", ctx.heading):
        return False
    # "we keep it for at least one year": a floor on keeping, not how long data is kept at most (a deletion after
    # "at least 18 months" of inactivity still ends the data)
    if _MINIMUM_BEFORE.search(text[max(0, p.start - 24):p.start]) and (not verb or _KEEP_VERB.match(text[verb[0]:verb[1]])):
        return False
    # "the moment you share it, copies can be made, stored and shared outside of our system": others' copies
    if lx.has("retention.others_copies", text):
        return False
    return not (verb and _negated(text, lx, verb, (p.start, p.end)))


def _is_answer_time(ctx: _Ctx, p: Period, inactive: list[tuple[int, int]]) -> bool:
    """'We reageren zo snel mogelijk, maar in ieder geval binnen vier weken': when only the heading speaks of
    keeping or deleting, 'within' a period in a sentence about answering or handling is how fast, not how long."""
    lx, text = ctx.lx, ctx.text
    within = re.compile(rf"(?:{'|'.join(lx.terms('duration.within'))})\s+$", re.IGNORECASE)
    if not within.search(text[max(0, p.start - 25):p.start]):
        return False
    return any(not any(a <= s[0] < b for a, b in inactive) for s in lx.spans("retention.blockers", text))


_ROLLING_WINDOW = re.compile(r"\b(?:within|in|during|over|for|binnen|in|gedurende)\s+(?:any|each|every|a single|elke|iedere|"
                             r"een willekeurige)\s+(?:given\s+|single\s+|rolling\s+|consecutive\s+|aaneengesloten\s+)?$",
                             re.IGNORECASE)
_MINIMUM_BEFORE = re.compile(r"\b(?:at least|a minimum of|minimaal|ten minste|tenminste)\s*$", re.IGNORECASE)
_KEEP_VERB = re.compile(r"(?:retain|keep|kept|stor|hold|held|archiv|bewa|opgeslagen|opslaan)", re.IGNORECASE)


def _is_delay(text: str, lx: Lexicon, p: Period) -> bool:
    """'It can take up to 30 days to process your opt-out', 'the deletion process may take 14 days to complete':
    how long a step takes, not how long data is kept."""
    before = re.compile(rf"(?:{'|'.join(lx.terms('duration.delay_before'))})\s*$", re.IGNORECASE)
    after = re.compile(rf"^\s*(?:{'|'.join(lx.terms('duration.delay_after'))})(?!\w)", re.IGNORECASE)
    if not before.search(text[max(0, p.start - 40):p.start]):
        return False
    rest = text[p.end:p.end + 60]
    return bool(after.search(rest)) or re.search(r"\bprocess\w*|\bverwerk\w*", text, re.IGNORECASE) is not None


def _is_moderation_speed(ctx: _Ctx, p: Period, verb: tuple[int, int]) -> bool:
    """'We remove reported ads within 24 hours' is how fast moderation acts, not how long data is kept."""
    lx, text = ctx.lx, ctx.text
    within = re.compile(rf"(?:{'|'.join(lx.terms('duration.within'))})\s+(?:the\s+next\s+|de\s+)?$", re.IGNORECASE)
    immediate = p.days == 0 and p.event != ""
    if not (immediate or within.search(text[max(0, p.start - 25):p.start])):
        return False
    # "removed within 24 hours and kept for a year": 'within' binds to the take-down verb next to it.
    takedown = [m for m in lx.spans("retention.moderation_verbs", text)
                if _tokens_between(text, *sorted((m[1], p.start) if m[1] <= p.start else (p.end, m[0]))) <= 3]
    # "Such reviews may be deleted as soon as we learn of them": what is removed is named in the sentence before.
    such = lx.has("negation.anaphora", text[:verb[0]]) and _moderation_context(ctx.previous, lx)
    verb_text = text[verb[0]:verb[1]]
    if not (takedown or lx.rx("retention.moderation_verbs").fullmatch(verb_text)
            or (such and lx.rx("deletion.verbs").fullmatch(verb_text))):
        return False
    return such or _moderation_context(text, lx)


def _moderation_context(text: str, lx: Lexicon) -> bool:
    return bool(lx.has("retention.report_markers", text) or lx.has("sanction.violation", text)
                or lx.has("prohibition.markers", text) or _topics(text, lx))


def _negated(text: str, lx: Lexicon, verb: tuple[int, int], target: tuple[int, int]) -> bool:
    """A negation that belongs to the verb ('we do not keep ... for 6 months'), unless it bounds the
    period ('not longer than', 'niet langer dan', 'no logs after 90 days')."""
    for neg in lx.find("negation", text):
        near_verb = _tokens_between(text, neg.end(), verb[0]) <= 3 if neg.start() < verb[0] else (
            _tokens_between(text, verb[1], neg.start()) <= 3)
        between = verb[1] <= neg.start() and neg.end() <= target[0]
        if not (near_verb or between):
            continue
        following = " ".join(re.findall(r"\S+", text[neg.end():])[:4])
        if lx.has("negation.bounded", following):
            continue
        return True
    return False


def _period_kinds(ctx: _Ctx, periods: list[Period], i: int, spans: list[tuple[int, int, str]]) -> tuple[str, ...]:
    """The kinds of data one period covers: the kinds in its own stretch of the sentence."""
    item = [s for s in spans if s[0] >= ctx.item_start]
    if ctx.sentence.row and ": " in ctx.sentence.text:
        # "email address: provide the service; send you support messages: contract: account duration + 3 months": a
        # row of a retention table is about the data its first cell names, not the purposes the other cells list.
        first = ctx.item_start + len(normalise(ctx.sentence.text.split(": ", 1)[0]))
        named = _pick_kinds(s for s in item if s[0] < first)
        if named and set(named) != {"general"}:  # "DATA RETENTION | We may retain the anonymous user data ...": a
            return named                          # first cell that only heads the row names no kind
    if len(periods) == 1:
        # "display your profile picture, transmit your messages, and store your undelivered messages for up to
        # 30 days": the kinds between the keeping verb and its period, when that stretch names any.
        region = _verb_stretch(ctx, periods[0], item) or item
    elif any(s[0] < periods[0].start for s in item):  # "messages for 6 months and logs for 90 days"
        lo = periods[i - 1].end if i else ctx.item_start
        region = [s for s in item if lo <= s[0] < periods[i].end + len(periods[i].event) + 1]
        if not region:  # "ads are kept 30 days and then archived for a year": the subject is shared
            region = [s for s in item if s[0] < periods[i].start]
    else:  # "6 maanden voor berichten en 90 dagen voor logs"
        hi = periods[i + 1].start if i + 1 < len(periods) else len(ctx.text)
        region = [s for s in item if periods[i].start <= s[0] < hi]
    kinds = _fallback_kinds(ctx, _pick_kinds(region))
    # "Bij verwijdering van je account worden al je gegevens binnen 30 dagen gewist", "all your data is erased within 30
    # days of closing your account": data in general kept until the account's end is the account's data
    own = ctx.text[ctx.item_start:]
    events = " ".join(own[a:b] for a, b in ctx.lx.spans("kinds.event_mentions", own))
    if kinds == ("general",) and _ACCOUNT_WORD.search(f"{events} {periods[i].event}"):
        return ("account",)
    return kinds


_ACCOUNT_WORD = re.compile(r"\b(?:account|profile|membership|profiel|lidmaatschap)\b", re.IGNORECASE)


def _verb_stretch(ctx: _Ctx, p: Period, item: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The kinds named between the retention verb nearest before a period and the period."""
    lx, text = ctx.lx, ctx.text
    before = [t for t in lx.spans("retention.triggers", _mask(text, lx.spans("retention.masked", text)))
              if ctx.item_start <= t[0] and t[1] <= p.start]
    if not before:
        return []
    verb = before[-1][0]
    if not any(verb <= s[0] < p.start for s in item):
        return []  # "Your messages and logs are kept for 6 months": the kinds stand before the verb
    # the verb's own part of the sentence: "Advertenties die wij verwijderen bewaren wij met de accountgegevens
    # twee jaar" keeps the ads too; ", and store undelivered messages for 30 days" only the messages.
    cuts = [m.end() for m in re.finditer(r"[,;]\s*(?:and|or|en|of)\b", text[ctx.item_start:verb], re.IGNORECASE)]
    start = max(cuts, default=0) + ctx.item_start
    return [s for s in item if start <= s[0] < p.start]


def _vague_retention(ctx: _Ctx, periods: list[Period], spans: list[tuple[int, int, str]]) -> list[RetentionClause]:
    """One vague clause per part of the sentence (split at ';', 'but') that has no concrete period."""
    lx, text = ctx.lx, ctx.text
    triggers = lx.spans("retention.triggers", _mask(text, lx.spans("retention.masked", text)))
    near = lx.has("retention.triggers", ctx.heading)
    vague = [m for m in lx.find("retention.vague", text) if m.start() >= ctx.item_start and (
        near or any(_tokens_between(text, *sorted((t[1], m.start()) if t[1] <= m.start() else (m.end(), t[0])))
                    <= _VAGUE_REACH for t in triggers))]
    if not vague:
        return []
    cuts = sorted({0, len(text), *[a for a, _ in lx.spans("negation.breaks", text)]})
    clauses = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        here = [m for m in vague if lo <= m.start() < hi]
        if not here or any(lo <= p.start < hi for p in periods):
            continue
        kinds = _fallback_kinds(ctx, _pick_kinds(s for s in spans if lo <= s[0] < hi))
        clauses.append(RetentionClause(**ctx.base(), data_kinds=kinds, vague_phrase=here[0].group(0)))
    return clauses


# ------------------------------------------------------------------------------- preservation and deletion


# What a keep-verb keeps when it refers back to the sentence before: "we keep a copy", "we keep it", "bewaren we het"
# ("we keep a sealed copy", "bewaren we een afgeschermde kopie": one word may describe the copy)
_KEPT_ANAPHOR = re.compile(r"\s+(?:(?:we|wij)\s+)?(?:it|them|these|this|those|an? (?:\w+ )?copy|copies|een (?:\w+ )?kopie|"
                           r"kopie\u00ebn|het|ze|deze|dit)\b", re.IGNORECASE)


def _preservation(ctx: _Ctx) -> PreservationClause | None:
    """Removed or reported material kept (by default or on an authority's request), with its period."""
    lx, text = ctx.lx, ctx.text
    excepted = lx.rx("preservation.deletion_exception").search(text)
    if excepted and lx.has("preservation.exception_purpose", text[excepted.end():]) and not _negated_near(
            text, lx, excepted.span()):
        # "deleted in 30 days unless: we believe it is necessary to prevent egregious violations": kept beyond the
        # deletion for that purpose, for no stated period (the 30 days are when it is deleted otherwise).
        return PreservationClause(**ctx.base(), trigger="on_request" if _preservation_request(ctx) else "default",
                                  period=None)
    if lx.has("preservation.authority_access", text) and not lx.has("cooperation.user_advice", text):
        # "a tool allowing authorities to download the video in question": the material stays there for them.
        return PreservationClause(**ctx.base(), trigger="on_request" if _preservation_request(ctx) else "default",
                                  period=_preservation_period(ctx, lx.spans("preservation.authority_access", text)))
    kept = _kept_out_of_sight(ctx)
    if kept:
        # "Removing a post does not permanently delete it", "het bericht wordt bewaard, maar verborgen voor alle leden"
        return PreservationClause(**ctx.base(), trigger="on_request" if _preservation_request(ctx) else "default",
                                  period=_preservation_period(ctx, kept))
    idioms = lx.spans("preservation.not_keep", text)
    strong = [v for v in lx.spans("preservation.strong_verbs", text) if not any(a <= v[0] < b for a, b in idioms)]
    keep = [v for v in lx.spans("preservation.keep_verbs", text) if not any(a <= v[0] < b for a, b in idioms)]
    subject = (lx.has("preservation.subject", text) or lx.has("preservation.subject", ctx.heading)
               or lx.has("preservation.sanction_event", text))
    purpose = lx.has("preservation.purpose", text) or bool(_recipients(ctx, text))
    # "to answer a judicial request", "for investigations": keeping for investigations, whatever the verb. A verb
    # kept "for this purpose" has the purpose of the sentence before ("the data stored for this purpose is not
    # disclosed to you if that would compromise how we investigate" names an investigation for another verb).
    anaphoric = [v for v in keep if lx.rx("preservation.anaphoric_purpose").match(text, v[1])]
    investigation = (_investigation_purpose(text, lx) if len(anaphoric) < len(keep) or not keep
                     else _investigation_purpose(ctx.previous, lx))
    # "When our moderators remove a post ... we don't destroy it at once. We keep a copy ... for 180 days. That way it
    # is still there if the police need it": the removed material is named in the sentence before and kept as "a
    # copy" or "it"; the purpose may follow in the next sentence.
    carried = bool(keep) and not subject and lx.has("preservation.subject", ctx.previous) and any(
        _KEPT_ANAPHOR.match(text[v[1]:]) for v in keep)
    if carried:
        subject = True
        investigation = investigation or _investigation_purpose(ctx.following, lx)
    request = _preservation_request(ctx)
    if not strong and not keep and lx.has("preservation.strong_verbs", ctx.heading) and _recipients(ctx, text) and (
            request or lx.has("cooperation.request", text)):
        # under a heading for "Requests for User Information or Data Preservation", the authorities' route for their
        # requests ("Law enforcement may submit legal requests to ...") is how preservation is asked for: kept on request.
        return PreservationClause(**ctx.base(), trigger="on_request", period=None)
    if strong and (subject or purpose or request):
        verbs = strong
    elif keep and (investigation or (subject and not lx.has("preservation.other_purpose", text))):
        # "stored only for the minimum amount of time needed to detect and investigate fraud" bounds what is kept
        if lx.has("preservation.minimum", text) and not _recipients(ctx, text):
            return None
        verbs = keep
    else:
        return None
    if all(_negated_near(text, lx, v) for v in verbs):
        return None
    return PreservationClause(**ctx.base(), trigger="on_request" if request else "default",
                              period=_preservation_period(ctx, verbs))


def _investigation_purpose(text: str, lx: Lexicon) -> bool:
    """Keeping for investigations: 'for investigations', 'to answer a judicial request'. Rights exercised 'in judicial,
    administrative and arbitration proceedings' are a legal claim; safety ('for safety and security purposes', 'trust and
    safety') counts only for the data of an account the sentence sanctions ('if we suspend an account for safety
    reasons, we may retain ...'), not as one of the common purposes of keeping any data."""
    text = _mask(text, lx.spans("preservation.legal_claims", text))
    if lx.has("preservation.investigation_purpose", text):
        return True
    return lx.has("preservation.safety_purpose", text) and (
        lx.has("sanction.ban", text) or lx.has("preservation.sanction_event", text) or lx.has("preservation.subject", text))


_LEAD_CHARS = 80  # how far into a sentence without a label its subject may start


def _preserved_by_retention(ctx: _Ctx, retention: list[RetentionClause]) -> PreservationClause | None:
    """A retention period whose data is removed or reported material: a row of a retention table ("Reported or removed
    content, and the account that posted it: 6 months after our decision") or a sentence that keeps it for a time
    names how long that material is preserved, with no verb of keeping beside it."""
    lx, text = ctx.lx, ctx.text
    subjects = lx.spans("preservation.subject", text)
    for clause in retention:
        if clause.duration is None or not subjects:
            continue
        at = text.find(clause.duration.phrase)
        # the material is what the row or sentence is about: its label (before a colon) or its opening words
        colon = text.find(":", 0, at) if at > 0 else -1
        lead = colon if colon >= 0 else min(at, _LEAD_CHARS)
        if at > 0 and min(a for a, _ in subjects) < lead and not lx.has("preservation.other_purpose", text):
            return PreservationClause(**ctx.base(), trigger="default", period=clause.duration)
    return None


def _kept_out_of_sight(ctx: _Ctx) -> list[tuple[int, int]]:
    """Where removed content is said to be kept out of sight rather than destroyed: a removal of content ('removing a
    post', 'an article is "deleted"', 'posts ... te verwijderen'), then a sign that it stays ('does not permanently
    delete it', 'hidden from all members', 'moderators may still see what was removed', 'wordt bewaard, maar
    verborgen'). Not the user's own hiding or archive ('you can still see it'), nor backups, nor a purpose of another
    kind."""
    lx, text = ctx.lx, ctx.text
    if lx.has("cooperation.user_advice", text) or lx.has("preservation.other_purpose", text):
        return []
    removals = lx.spans("preservation.removed_content", text)
    if not removals:
        return []
    first = min(a for a, _ in removals)
    return [s for s in lx.spans("preservation.kept_removed", text) if s[1] > first]


def _preservation_period(ctx: _Ctx, verbs: list[tuple[int, int]]) -> Duration | None:
    """The period nearest the keeping verb; how fast content is taken down ('within 24 hours') is no period."""
    lx, text = ctx.lx, ctx.text
    triggers = lx.spans("retention.triggers", text)
    periods = []
    for p in find_periods(text, lx):
        trigger = _nearest(triggers, (p.start, p.end))[1]
        if trigger is None or not _is_moderation_speed(ctx, p, trigger):
            periods.append(p)
    best = min(periods, key=lambda p: _nearest(verbs, (p.start, p.end))[0], default=None)
    if best is None and lx.has("preservation.anaphoric_period", text):
        # "We retain your data for this short period ... e.g. assisting police investigations": the period before.
        best = max(find_periods(ctx.previous, lx), key=lambda p: p.days, default=None)
    return Duration(best.days, best.phrase, best.event) if best else None


def _preservation_request(ctx: _Ctx) -> bool:
    """A request or order that sets preservation off (not one that is about handing data over later)."""
    lx, text = ctx.lx, ctx.text
    purpose_at = min((a for a, _ in lx.spans("preservation.purpose_clause", text)), default=len(text))
    return any(a < purpose_at for a, _ in lx.spans("preservation.request", text))


# Between a negation and a later verb: the negated verb's own words, then "and/en" right before the verb
_NEW_CONJUNCT = re.compile(r"^\s*\S+(?:\s+\S+)+\s+(?:and|en)\s*$", re.IGNORECASE)


def _negated_near(text: str, lx: Lexicon, verb: tuple[int, int]) -> bool:
    for neg in lx.find("negation", text):
        if neg.start() >= verb[1] and _AFTER_BREAK.search(text[verb[1]:neg.start()]):
            continue  # "we will preserve, but not disclose, a snapshot": the negation is the next verb's
        if neg.end() <= verb[0] and _NEW_CONJUNCT.search(text[neg.end():verb[0]]):
            continue  # "verkoopt uw gegevens niet aan derden en verstrekt ze ...": the negation was the first verb's
        gap = _tokens_between(text, neg.end(), verb[0]) if neg.start() < verb[0] else _tokens_between(
            text, verb[1], neg.start())
        following = " ".join(re.findall(r"\S+", text[neg.end():])[:4])
        if gap <= 3 and not lx.has("negation.bounded", following):
            return True
    return False


def _deletion_promise(ctx: _Ctx) -> DeletionPromise | None:
    """'Removed content is deleted immediately and permanently', with no exception here or right after."""
    lx, text = ctx.lx, ctx.text
    verbs = lx.spans("deletion.verbs", text)
    finality = lx.find("deletion.finality", text)
    if not verbs or not finality:
        return None
    events = lx.spans("deletion.event", text)
    actions = [v for v in verbs if not any(a <= v[0] < b for a, b in events)]
    if not actions or not (len(verbs) >= 2 or events):
        return None
    kinds = set(_pick_kinds(_kind_spans(ctx)))
    if kinds and kinds <= {"verification", "payment", "logs"}:
        return None
    if any(p.days > 0 for p in find_periods(text, lx)) or lx.has("deletion.exceptions", text):
        return None
    if any(_negation_before(text, lx, v) for v in actions):
        return None
    if _exception_follows(ctx):
        return None
    return DeletionPromise(**ctx.base(), phrase=finality[0].group(0))


def _negation_before(text: str, lx: Lexicon, verb: tuple[int, int]) -> bool:
    """'is not deleted', 'wordt niet direct verwijderd': a negation shortly before the verb."""
    return any(neg.end() <= verb[0] and _tokens_between(text, neg.end(), verb[0]) <= 3 for neg in lx.find("negation", text))


def _exception_follows(ctx: _Ctx) -> bool:
    lx, nxt = ctx.lx, ctx.following
    keeps = lx.has("preservation.keep_verbs", nxt) or lx.has("preservation.strong_verbs", nxt)
    return keeps and (lx.has("deletion.exceptions", nxt) or lx.has("preservation.subject", nxt))


# ------------------------------------------------------------------------------- cooperation


def _cooperation(ctx: _Ctx) -> CooperationClause | None:
    """Reporting to or sharing with authorities, judged per part of the sentence around an exception."""
    lx = ctx.lx
    # Addresses are no words: "legal/report/lawenforcementrequest" in a URL reports nothing.
    plain = _mask(ctx.text, [m.span() for m in _URL.finditer(ctx.text)] + [m.span() for m in _EMAIL.finditer(ctx.text)])
    text = _mask(plain, lx.spans("cooperation.not_recipients", plain))
    if lx.has("cooperation.not_platform", text):
        return None
    recipients = _recipients(ctx, text)
    if not recipients:
        return _implied_report(ctx, text) or _disclosure_required_by_law(ctx, text) or _law_help(ctx, text)
    # "we may take action against users who: share personal information, make reports to authorities": an item
    # of a list of what users do is the user's act, not the platform's.
    if ctx.item_start and lx.has("cooperation.conduct_lead", text[:ctx.item_start]):
        return None
    main, exception = _split_exception(text, lx)
    mode = _segment_mode(ctx, main)
    if exception and mode in (None, "refusal"):
        mode = _exception_mode(ctx, exception, main) or mode
    if mode is None and not exception:
        mode = _verbless_mode(ctx, main)
    if mode is None:
        return None
    return CooperationClause(**ctx.base(), mode=mode, crimes=_crimes(ctx, text), recipients=tuple(recipients))


def _recipients(ctx: _Ctx, text: str) -> list[str]:
    lx = ctx.lx
    text = _mask(text, lx.spans("cooperation.not_recipients", text))
    names = [m.group(0).lower() for m in lx.find("cooperation.recipients", text)]
    names += ["police" for _ in lx.find("cooperation.implicit_recipient", text)]
    names += ["authorities" for _ in lx.find("cooperation.indirect_recipient", text)]
    return list(dict.fromkeys(names))


def _verbs_to_recipient(ctx: _Ctx, seg: str, path: str) -> list[tuple[int, int]]:
    """Verbs of `path` whose object is an authority: named after the verb, or before it after 'to/aan/bij'."""
    lx = ctx.lx
    recips = lx.spans("cooperation.recipients", seg)
    indirect = lx.spans("cooperation.indirect_recipient", seg)
    implicit = lx.spans("cooperation.implicit_recipient", seg)
    nouns = lx.spans("cooperation.not_report", seg)
    out = []
    for v in lx.spans(path, seg):
        if any(a <= v[0] < b for a, b in nouns) or _in_name(seg, v):
            continue
        if any(a <= v[0] < b for a, b in implicit) or any(v[0] <= a < v[1] for a, _ in implicit):
            out.append(v)
            continue
        # "we report it, together with the uploader's account details and the time, to the police": a recipient
        # introduced by "to/aan" may stand far from the verb, within the same sentence part.
        after = any(r[0] >= v[1] and (_tokens_between(seg, v[1], r[0]) <= _RECIPIENT_REACH or (
            _tokens_between(seg, v[1], r[0]) <= 2 * _RECIPIENT_REACH and ";" not in seg[v[1]:r[0]]
            and re.search(r"(?:\bto|\baan|\bbij|\bnaar)\s+(?:the\s+|de\s+|het\s+)?(?:\w+\s+)?$", seg[max(0, r[0] - 30):r[0]],
                          re.IGNORECASE))) for r in recips)
        before = any(r[1] <= v[0] and re.search(r"(?:\bto|\baan|\bbij|\bnaar|\bwith|\bmet)\s+(?:\S+\s+){0,3}$",
                                                 seg[max(0, r[0] - 40):r[0]], re.IGNORECASE) for r in recips)
        # "we share information ... to respond to legal process or government requests": an authority named by
        # its order stands anywhere near the verb.
        near_order = any(_tokens_between(seg, *sorted((v[1], r[0]) if v[1] <= r[0] else (r[1], v[0])))
                         <= 3 * _RECIPIENT_REACH for r in indirect)
        # "we provide it only to comply with a legal obligation, for example when the police ask for it": data handed
        # over on a legal duty named near the verb goes to the authority the sentence names further on.
        near_duty = path != "cooperation.report_verbs" and bool(recips) and any(
            d[0] >= v[1] and _tokens_between(seg, v[1], d[0]) <= 3 * _RECIPIENT_REACH
            for d in lx.spans("cooperation.legal_duty", seg))
        # "Als politie of justitie ons om gegevens vraagt, verstrekken we die": the authority asks in the clause before
        # the verb, so what the platform hands over goes to it (no 'aan/to' needed).
        asked = path == "cooperation.share_verbs" and any(
            r[1] <= v[0] and _tokens_between(seg, r[1], v[0]) <= 2 * _RECIPIENT_REACH
            and re.search(r"\b(?:als|wanneer|indien|zodra|if|when|once)\s+(?:de\s+|het\s+|the\s+)?$", seg[max(0, r[0] - 20):r[0]],
                          re.IGNORECASE)
            and lx.has("cooperation.asks", seg[r[1]:v[0]]) for r in recips)
        # Dutch separable verbs hold their object: "schakelen we de politie in", "stellen we de politie in kennis"
        inside = any(v[0] < r[0] and r[1] <= v[1] for r in recips)
        if after or before or implicit or near_order or near_duty or inside or asked:
            out.append(v)
    return out


_NAME_WORD = re.compile(r"(?<![.:;!?]\s)(?<![.:;!?])\b(?!(?:We|I|You|They)\b)[A-Z][\w'\u2019-]*\s+$")


def _in_name(seg: str, verb: tuple[int, int]) -> bool:
    """A verb inside a proper name ("disclosures in connection with Yelp's Consumer Alerts program", "our Safety
    Reports page"): capitalised, after another capitalised word that is no pronoun or sentence start, and followed
    by ordinary lower-case text (a title-case heading, "How We Report Abuse To Police", stays a verb)."""
    word = seg[verb[0]:verb[1]]
    if not word[:1].isupper():
        return False
    after = re.match(r"\s+([A-Za-z])", seg[verb[1]:])
    if not after or not after.group(1).islower():
        return False
    return bool(_NAME_WORD.search(seg[max(0, verb[0] - 40):verb[0]]))


def _segment_mode(ctx: _Ctx, seg: str) -> CooperationMode | None:
    lx = ctx.lx
    if not (lx.has("cooperation.recipients", seg) or lx.has("cooperation.implicit_recipient", seg)
            or lx.has("cooperation.indirect_recipient", seg)):
        return None
    user = lx.has("cooperation.user_advice", seg)
    report = [] if user else [v for v in _verbs_to_recipient(ctx, seg, "cooperation.report_verbs")
                              if not _reported_by_other(seg, lx, v)]
    share = _verbs_to_recipient(ctx, seg, "cooperation.share_verbs")
    coop = _verbs_to_recipient(ctx, seg, "cooperation.cooperate_verbs")
    verbs = report + share + coop
    if not verbs:
        return None
    # "shall not be liable for sharing information with law enforcement" disclaims, it does not refuse.
    negatable = _mask(seg, lx.spans("negation.disclaimer", seg))
    negated = [v for v in verbs if _negated_near(negatable, lx, v)]
    # "not shared with third parties, but we may disclose it to comply with legal process": a negation counts
    # only in the part of the sentence (split at 'but', ';') that names the authority.
    negated_here = [v for v in negated if _part_names_authority(ctx, seg, v)]
    if negated_here:
        # A refusal withholds something: "we do not share data with the police", not "we do not provide access
        # to emergency services, including the police"; and it is the platform's, not a rule telling users what
        # not to post ("Do not share claims that contradict advice from health authorities").
        rules = lx.spans("cooperation.user_rule", seg)
        user_rule = any(u[0] <= v[0] < u[1] or (u[1] <= v[0] and _tokens_between(seg, u[1], v[0]) <= 3)
                        for u in rules for v in negated_here)
        return "refusal" if lx.has("cooperation.refusal_object", seg) and not user_rule else None
    report, share, coop = ([v for v in vs if v not in negated] for vs in (report, share, coop))
    if not report + share + coop:
        return None
    own = lx.has("cooperation.own_initiative", seg)
    # "we reserve the right to contact the authorities": a right kept, not a promise to report; but the right to
    # refer a named crime ("refer violations, particularly those involving CSAM, to law enforcement") is the
    # platform's own referral practice.
    if not own and lx.has("cooperation.reserved", seg):
        return "proactive" if report and _crimes_in(seg, lx) else "discretionary"
    if own:
        return "proactive"
    # A request elsewhere in the sentence ("cooperate with law enforcement requests, escalate safety issues to
    # law enforcement") does not make the report in another part of it an answer to a request.
    request = (any(lx.has("cooperation.request", seg[slice(*_clause_bounds(seg, lx, *v))]) for v in report)
               if report else lx.has("cooperation.request", seg))
    # Sharing counts as reporting when it follows a suspicion, or is stated as practice about a named crime.
    refers = share and (lx.has("cooperation.suspicion", seg) or (_crimes_in(seg, lx) and not lx.has("cooperation.modal", seg)))
    acts = (lx.has("cooperation.platform_actor", seg) or lx.has("cooperation.passive", seg)
            or lx.has("cooperation.consequence", seg) or _names_platform(ctx.url, seg))
    # Handing over only because the law obliges it, with no crime or suspicion named, is disclosure on a legal duty,
    # not a report of the platform's own: "We geven gegevens door aan de politie als de wet ons daartoe verplicht"
    # (a condition), or "we are legally obliged to process data (e.g. to pass it on to investigative authorities)" (the
    # duty before the verb). A named crime keeps the report ("where required by law, we report apparent child
    # exploitation to NCMEC" is the platform's practice).
    duty_only = (lx.has("cooperation.duty_condition", seg) and not _crimes_in(seg, lx)) or (
        not _crimes_in(seg, lx) and not lx.has("cooperation.suspicion", seg)
        and bool(report + share) and any(d[1] <= min(v[0] for v in report + share)
                                         for d in lx.spans("cooperation.legal_duty", seg)))
    if (report or refers) and (own or not request) and not user and acts and not duty_only:
        return "proactive"
    if request or duty_only or lx.has("cooperation.legal_duty", seg) or (coop and not share):
        return "on_request"
    # A bare "report ... police" that the platform does not do itself (a help line listing) says nothing.
    return "discretionary" if share else None


@cache
def _platform_name(url: str) -> re.Pattern[str] | None:
    """The platform's own name as its host spells it ('guilded' for www.guilded.gg): policies often speak of the platform
    by name ("Acme will make reports to law enforcement ...") rather than as 'we'."""
    labels = [p for p in (urlsplit(url).hostname or "").lower().split(".") if p not in ("www", "m", "legal", "policy")]
    name = labels[-2] if len(labels) >= 2 else ""
    # the name as a subject: followed by a verb or modal, not the object of a preposition ("users of Acme may ...")
    return re.compile(rf"(?<!\bof )(?<!\bon )(?<!\bat )(?<!\bto )(?<!\bwith )(?<!\bfrom )(?<!\bby )\b{re.escape(name)}"
                      r"(?:'s)?\s+(?:will|may|shall|can|could|might|must|has|have|does|reports?|refers?|notifies|shares?"
                      r"|discloses?|cooperates?|works?|alerts?|contacts?)\b", re.IGNORECASE) if len(name) >= 4 else None


def _names_platform(url: str, seg: str) -> bool:
    """The platform named as the one who acts ("Acme will make reports to ...")."""
    rx = _platform_name(url)
    return bool(rx and rx.search(seg))


def _reported_by_other(seg: str, lx: Lexicon, verb: tuple[int, int]) -> bool:
    """'If the Client reports it to the police, we share the data on request': the subject just before the report verb is
    another person (a client, the victim, 'you' after 'if'), so the report is not the platform's."""
    start = max(0, verb[0] - 60)
    clause = re.split(r"[,;:]", seg[start:verb[0]])[-1]
    return lx.has("cooperation.other_reporter", clause)


def _implied_report(ctx: _Ctx, text: str) -> CooperationClause | None:
    """'If we become aware of apparent child exploitation, we will report it in compliance with applicable law': the
    platform reports a named crime itself, the authority implied. Not a report the user makes to the platform."""
    lx = ctx.lx
    crimes = _crimes_in(text, lx)
    if not crimes or lx.has("cooperation.user_advice", text) or not lx.has("cooperation.platform_actor", text):
        return None
    nouns = lx.spans("cooperation.not_report", text)
    for v in lx.spans("cooperation.report_verbs", text):
        if any(a <= v[0] < b for a, b in nouns) or _negated_near(text, lx, v):
            continue
        if re.match(r"\s+(?:\w+\s+){0,3}(?:to|with|aan|bij)\s+(?:us|our|ons|onze)\b", text[v[1]:], re.I):
            continue  # "report it to us"
        if lx.has("cooperation.suspicion", text) and not lx.has("cooperation.modal", text):
            return CooperationClause(**ctx.base(), mode="proactive", crimes=crimes, recipients=("authorities",))
    return None


def _law_help(ctx: _Ctx, text: str) -> CooperationClause | None:
    """'We only read stored messages ... to help enforce the law': data used to help those who enforce the law, the
    authorities left unnamed; an answer to them, not a report of the platform's own."""
    lx = ctx.lx
    spans = lx.spans("cooperation.law_help", text)
    if not spans or any(_negated_near(text, lx, s) for s in spans) or lx.has("cooperation.user_rule", text):
        return None
    return CooperationClause(**ctx.base(), mode="on_request", crimes=_crimes(ctx, text), recipients=("authorities",))


def _disclosure_required_by_law(ctx: _Ctx, text: str) -> CooperationClause | None:
    """Data handed over on a legal duty or legal process, the recipient left unsaid (the authority implied): 'We may
    disclose your personal data if required by law', 'Your information may be disclosed where the law requires it',
    'We release personal information when ... appropriate to comply with the law', 'We never share your data, except
    where the law requires us to', 'We delen je gegevens niet met derden, behalve als de wet dit vereist'.

    The data is the verb's object (between the verb and the condition) or the subject of a passive verb ("Account
    details may be accessed and disclosed if ..."); no other recipient is named on the way to the condition ("with our
    partners as permitted by law"); a refusal ("we do not share your data") counts only through an exception that
    names the duty."""
    lx = ctx.lx
    if lx.has("cooperation.user_advice", text):
        return None
    item = text[ctx.item_start:]
    main, exception = _split_exception(text, lx)
    exception_at = len(main) if exception else len(text)
    for v in lx.spans("cooperation.share_verbs", text):
        # "share information in order to investigate, prevent or act on illegal activities, ..., or as required by law"
        if v[0] >= ctx.item_start and lx.has("cooperation.illegal_activity", item) and lx.has("cooperation.legal_duty", item):
            return CooperationClause(**ctx.base(), mode="discretionary", recipients=("authorities",))
        if _only_to_third_parties_by_law(text, lx, v):
            return CooperationClause(**ctx.base(), mode="on_request", recipients=("authorities",))
        if not _discloses_user_data(text, lx, v):
            continue
        if _negated_near(text, lx, v):
            # "We will not pass on your personal data unless we are legally required to": the exception allows it
            if v[1] <= exception_at and exception and _legal_condition(lx, exception):
                return CooperationClause(**ctx.base(), mode="on_request", recipients=("authorities",))
            continue
        cond = _legal_condition(lx, text[v[1]:])
        if cond is None or _tokens_between(text, v[1], v[1] + cond[0]) > _RECIPIENT_REACH:
            continue
        between = text[v[1]:v[1] + cond[0]]
        # the platform itself hands data over on a duty ("we may pass information to third parties when the law
        # requires it"); another company's transfers ("Google may transfer it to third parties ...") are not its own
        duty = lx.has("cooperation.legal_duty", text[v[1] + cond[0]:v[1] + cond[1]]) \
            and lx.has("cooperation.platform_actor", text[:v[0]])
        others = _mask(between, lx.spans("cooperation.unnamed_recipients", between)) if duty else between
        if ";" in between or lx.has("cooperation.other_recipients", others):
            continue
        return CooperationClause(**ctx.base(), mode="on_request", recipients=("authorities",))
    return None


def _only_to_third_parties_by_law(text: str, lx: Lexicon, verb: tuple[int, int]) -> bool:
    """'X verstrekt uitsluitend aan derden en alleen als dit nodig is voor ... of om te voldoen aan een wettelijke
    verplichting': handing over restricted to third parties under conditions, one of them a legal duty. The duty is
    what lets an authority have the data (on its demand), so the sentence is disclosure on request, not silence."""
    after = text[verb[1]:]
    if not lx.has("cooperation.only_third_parties", text[verb[0]:verb[1] + 40]) or _negated_near(text, lx, verb):
        return False
    cond = _legal_condition(lx, after)
    return cond is not None and _tokens_between(after, 0, cond[0]) <= 2 * _RECIPIENT_REACH


def _legal_condition(lx: Lexicon, text: str) -> tuple[int, int] | None:
    """The first legal duty or legal process named in `text` ('where the law requires', 'legal procedures')."""
    spans = lx.spans("cooperation.legal_duty", text) + lx.spans("cooperation.legal_condition", text)
    return min(spans, default=None)


_PASSIVE_GAP = re.compile(r"^\s+(?:\w+\s+){0,3}?(?:be|been|being|is|are|was|were|gets?|worden|wordt|werd|werden)\s+"
                          r"(?:\w+\s+(?:and|or|en|of)\s+)?$", re.IGNORECASE)


def _discloses_user_data(text: str, lx: Lexicon, verb: tuple[int, int]) -> bool:
    """Whether what the verb hands over is data about users: its object, within a few words after it, or the subject
    of the passive verb ('your information may be disclosed', 'uw gegevens kunnen worden verstrekt')."""
    after = text[verb[1]:verb[1] + 80]
    obj = lx.rx("cooperation.personal_data").search(after)
    if obj and _tokens_between(after, 0, obj.start()) <= 4:
        return True
    before = text[max(0, verb[0] - 80):verb[0]]
    return any(_PASSIVE_GAP.match(before[m.end():]) for m in lx.find("cooperation.personal_data", before))


def _part_names_authority(ctx: _Ctx, seg: str, verb: tuple[int, int]) -> bool:
    """Whether the part of the sentence around a verb (between 'but', ';', 'however') names an authority."""
    cuts = sorted({0, len(seg), *[a for a, _ in ctx.lx.spans("negation.breaks", seg)]})
    lo = max(c for c in cuts if c <= verb[0])
    hi = min(c for c in cuts if c > verb[0])
    part = seg[lo:hi]
    return any(ctx.lx.has(path, part) for path in ("cooperation.recipients", "cooperation.implicit_recipient",
                                                  "cooperation.indirect_recipient"))


def _verbless_mode(ctx: _Ctx, text: str) -> CooperationMode | None:
    """A list item that names an authority but no verb: the verb is in the heading above it ("Other instances
    where we may need to share your data"), or the item is an entry in a list of recipients ("Regulators and
    public authorities, including law enforcement, where required by law")."""
    lx = ctx.lx
    if any(lx.has(f"cooperation.{v}", text) for v in ("report_verbs", "share_verbs", "cooperate_verbs")):
        return None
    # a line that is itself a heading ("C. Competent Authorities") under another heading is no list item taking that
    # heading's verb
    if (ctx.heading and not (not ctx.item_start and is_heading(ctx.sentence.text))
            and any(lx.has(f"cooperation.{v}", ctx.heading) for v in ("report_verbs", "share_verbs"))):
        mode = _segment_mode(ctx, f"{ctx.heading}: {text}")
        if mode:
            return mode
    # "Requests for information related to investigations must be made using legal process": on request only.
    if lx.has("cooperation.information_request", text) and lx.has("cooperation.indirect_recipient", text):
        return "on_request"
    entry = not lx.has("cooperation.finite", text[ctx.item_start:])  # a noun phrase, not "authorities may file requests"
    if entry and lx.has("cooperation.recipients", text) and (lx.has("cooperation.legal_duty", text)
                                                             or lx.has("cooperation.request", text)):
        return "on_request"
    return None


def _exception_mode(ctx: _Ctx, exception: str, main: str) -> CooperationMode | None:
    """What an exception to not sharing allows; naming a crime there is not a promise to report it."""
    lx = ctx.lx
    if _segment_mode(ctx, exception) == "proactive":
        return "proactive"
    if not (_recipients(ctx, exception) or _recipients(ctx, main)):
        return None
    if lx.has("cooperation.request", exception) or lx.has("cooperation.legal_duty", exception):
        return "on_request"
    return "discretionary"


def _crimes(ctx: _Ctx, text: str) -> tuple[str, ...]:
    found = _crimes_in(text, ctx.lx)
    for source in (ctx.previous, ctx.heading):
        if found:
            break
        found = _crimes_in(source, ctx.lx)
    return found


def _crimes_in(text: str, lx: Lexicon) -> tuple[str, ...]:
    child = lx.spans("crimes.child_exploitation", text)
    trafficking = lx.has("crimes.trafficking", _mask(text, child))
    return tuple(c for c, hit in (("child_exploitation", bool(child)), ("trafficking", trafficking)) if hit)


# ------------------------------------------------------------------------------- contact for authorities


def _authority_contact(ctx: _Ctx) -> AuthorityContact | None:
    """A route for authorities (dedicated, or only a general one), or a general contact route."""
    lx, text = ctx.lx, ctx.text
    emails = [a for a in _EMAIL.findall(text) if not is_placeholder_address(a)]
    emails += _OBFUSCATED_EMAIL.findall(text)
    addresses = emails + _URL.findall(text)
    address = addresses[0] if addresses else ""
    # Addresses are no words: ".../justice/.../data-protection-authorities/" addresses no authority.
    words = _mask(text, [m.span() for m in _URL.finditer(text)] + [m.span() for m in _EMAIL.finditer(text)])
    audience = (lx.has("authority.audience", _mask(words, lx.spans("cooperation.not_recipients", words)))
                or (lx.has("authority.dedicated", text) and lx.has("authority.audience", ctx.heading)))
    point = lx.has("authority.point_of_contact", text) or lx.has("authority.point_of_contact", ctx.heading)
    if (audience or point) and (addresses or lx.has("authority.contact", text)):
        kind = "authorities" if _dedicated_route(text, lx, addresses, point) else "general"
        return AuthorityContact(**ctx.base(), kind=kind, address=address, point_of_contact=point, for_authorities=True)
    if emails or lx.has("authority.general_route", text):
        return AuthorityContact(**ctx.base(), kind="general", address=address)
    return None


def _dedicated_route(text: str, lx: Lexicon, addresses: list[str], point: bool) -> bool:
    """A DSA point of contact, an address named for authorities (le@, justitie@, /law-enforcement),
    or a special form or portal, unless the route given is a general one (privacy@, customer service)."""
    if point or any(_dedicated_address(a, lx) for a in addresses):
        return True
    # "If you work for a law enforcement agency, please contact us using the link below": offered to them alone.
    if lx.has("authority.addressed_to", text) and not addresses and not lx.has("authority.general", text):
        return True
    general = bool(addresses) or lx.has("authority.general", text)
    return lx.has("authority.dedicated", text) and not general


def _address_name(address: str) -> str:
    if "@" in address and not address.lower().startswith(("http", "www")):
        return address.split("@", 1)[0]
    return urlsplit(address if "//" in address else f"//{address}").path


def _dedicated_address(address: str, lx: Lexicon) -> bool:
    return lx.has("authority.dedicated_address", _address_name(address).replace(".", " "))


# ------------------------------------------------------------------------------- prohibitions and sanctions


def _prohibitions(ctx: _Ctx) -> list[Prohibition]:
    """One Prohibition per topic forbidden (or sanctioned) in the same part of the sentence."""
    lx = ctx.lx
    out: dict[str, Prohibition] = {}
    for seg in _split_exception(ctx.text, lx):
        topics = _topics(seg, lx)
        if not topics:
            continue
        sanctions = _sanctions(ctx, seg)
        forbids = (lx.has("prohibition.markers", seg) or _negated_publishing(seg, lx) or _continues_rule(ctx)
                   or _under_rule_heading(ctx))
        obliges = _obligation_near_topic(seg, lx)
        # "bol.com alleen ... niet voor derden toegankelijk": an obligation word near a weak sign of a third party
        # ("for others", "by a third party") is no rule against ads placed by someone else.
        weak_only = "third_party" in topics and not (lx.has("prohibition.topics.third_party", seg)
                                                     or lx.has("prohibition.topics.third_party.shown", seg))
        # a heading ("Use of the Service by Minors and Blocked Persons") names a subject; only a rule word makes it one
        heading = is_heading(ctx.sentence.text) and not ctx.sentence.lead
        for topic in topics:
            obligation = obliges and topic != "trafficking" and not (topic == "third_party" and weak_only)
            named = forbids or (not heading and (obligation or {"removal", "ban"} & set(sanctions)))
            if named and topic not in out:
                out[topic] = Prohibition(**ctx.base(), topic=topic, sanctions=sanctions)
    return list(out.values())


def _under_rule_heading(ctx: _Ctx) -> bool:
    """'Wat niet mag' / 'Not allowed' over numbered clauses that only name what ('2.2 Advertenties van iemand jonger
    dan 18'): a clause in a section whose heading is itself a rule word carries that rule. A heading that only names
    a subject ('Minors', 'Wie mag adverteren') carries none."""
    heading = ctx.heading
    return bool(heading) and len(heading.split()) <= 8 and ctx.lx.has("prohibition.markers", heading) \
        and not is_heading(ctx.sentence.text)


def _continues_rule(ctx: _Ctx) -> bool:
    """'Do not impersonate others. This includes creating fake profiles.': the second sentence spells out the first."""
    lx = ctx.lx
    if not lx.has("prohibition.continues", ctx.text[ctx.item_start:]):
        return False
    # "... requires us to exclude such content from our platform. Obvious examples include: ..." spells out a sanction.
    # "... violate the following rules: Do not engage in fraud. This includes content that impersonates ...": the rule
    # opens the list item, after the lead-in the sentence before carries.
    return (lx.has("prohibition.markers", ctx.previous) or lx.has("prohibition.markers", ctx.previous_item)
            or _negated_publishing(ctx.previous, lx)
            or lx.has("sanction.removal", ctx.previous) or lx.has("sanction.ban", ctx.previous))


def _obligation_near_topic(text: str, lx: Lexicon) -> bool:
    """'must be 18', 'alleen advertenties van jezelf': an obligation word close to what it demands."""
    topic_spans = [sp for path in ("prohibition.topics.minors", "prohibition.topics.third_party",
                                   "prohibition.topics.third_party.weak") for sp in lx.spans(path, text)]
    return any(_tokens_between(text, *sorted((o[1], t[0]) if o[1] <= t[0] else (t[1], o[0]))) <= _OBLIGATION_REACH
               for o in lx.spans("prohibition.obligation", text) for t in topic_spans)


def _topics(text: str, lx: Lexicon) -> list[str]:
    """The prohibited topics a text names: trafficking, minors, third-party ads or profiles."""
    if not text:
        return []
    text = _mask(text, lx.spans("prohibition.viewer_age", text))
    # "recognisable photos of children, yours or others'": children as whose privacy is kept, no rule on minors' content
    text = _mask(text, lx.spans("prohibition.children_privacy", text))
    minors = lx.spans("prohibition.topics.minors", text)
    rest = _mask(text, minors)  # "child sexual exploitation" is about minors, not (also) trafficking
    # "unauthorized exploitation of any Materials", reviews "coerced" out of employees: no person is exploited
    rest = _mask(rest, lx.spans("prohibition.topics.trafficking.no_person", rest))
    exploitation = lx.spans("prohibition.topics.trafficking", rest)
    found = ["trafficking"] if exploitation else []
    if minors or _names_children(text, lx):
        found.append("minors")
    # "personal information of yourself or others": the other person is whose data it is, not whose ad it is
    if _names_third_party(_mask(text, lx.spans("prohibition.topics.third_party.personal_data", text)), lx, exploitation):
        found.append("third_party")
    return found


def _names_children(text: str, lx: Lexicon) -> bool:
    """'children' counts as minors unless the sentence sets a lower age (the 13+ or 16+ floor)."""
    ages = [int(g) for m in lx.find("prohibition.age_numbers", text) for g in m.groups() if g]
    return lx.has("prohibition.weak_minors", text) and not (ages and max(ages) < 18)


def _names_third_party(text: str, lx: Lexicon, exploitation: list[tuple[int, int]]) -> bool:
    """'On behalf of someone' next to exploitation describes a pimp, not an ad placed for someone else; gaining access to
    another user's account is hacking, not an account run for someone else."""
    hacking = lx.spans("prohibition.topics.third_party.hacking", text)
    if any(not any(h[1] <= t[0] and re.fullmatch(r"\s*(?:\w+\s+)?", text[h[1]:t[0]]) for h in hacking)
           for t in lx.spans("prohibition.topics.third_party", text)):
        return True
    return any(not any(_tokens_between(text, *sorted((w[1], e[0]) if w[1] <= e[0] else (e[1], w[0]))) <= _OBLIGATION_REACH
                       for e in exploitation)
               for w in lx.spans("prohibition.topics.third_party.weak", text))


def _negated_publishing(text: str, lx: Lexicon) -> bool:
    """'Do not post ...', 'nothing may be uploaded': a negation close to a verb of publishing, unless a verb of
    oversight stands between them ('we do not control content published by third parties' disclaims)."""
    verbs = lx.spans("prohibition.publish_verbs", text)
    for n in lx.find("negation", text):
        for v in verbs:
            if n.start() < v[0]:
                if _tokens_between(text, n.end(), v[0]) <= 5 and not lx.has("prohibition.oversight", text[n.end():v[0]]):
                    return True
            elif _tokens_between(text, v[1], n.start()) <= 2:
                return True
    return False


def _sanctions(ctx: _Ctx, text: str) -> tuple[str, ...]:
    lx = ctx.lx
    kinds = [k for k in ("removal", "ban") if lx.has(f"sanction.{k}", text)]
    if _verbs_to_recipient(ctx, text, "cooperation.report_verbs") and not lx.has("cooperation.user_advice", text):
        kinds.append("police")
    return tuple(kinds)


def _sanction(ctx: _Ctx) -> Sanction | None:
    """A sanction for breaking the rules that names no topic (topics make it a Prohibition)."""
    lx, text = ctx.lx, ctx.text
    if any(_topics(seg, lx) for seg in _split_exception(text, lx)):
        return None
    kinds = _sanctions(ctx, text)
    reserved = lx.has("sanction.reserve", text) and lx.has("cooperation.platform_actor", text)
    # "What we do when you break these rules" above "We remove the content and close your account": the heading
    # names the violation the sentence's sanction is for
    if not kinds or not (lx.has("sanction.violation", text) or reserved or lx.has("sanction.violation", ctx.heading)):
        return None
    return Sanction(**ctx.base(), kinds=kinds)


# ------------------------------------------------------------------------------- help resources


@dataclass(frozen=True)
class _Resource:
    key: str
    name: str
    names: re.Pattern[str] | None
    phones: tuple[str, ...]
    needs: re.Pattern[str] | None
    advice: re.Pattern[str] | None


@cache
def _resources() -> tuple[_Resource, ...]:
    out = []
    for r in lexicon_data()["help"]["resources"]:
        out.append(_Resource(key=r["key"], name=r["name"], phones=tuple(r.get("phones", [])),
                             names=compile_terms(tuple(r["names"])) if r.get("names") else None,
                             needs=compile_terms(tuple(r["needs"])) if r.get("needs") else None,
                             advice=compile_terms(tuple(r["advice"])) if r.get("advice") else None))
    return tuple(out)


def _phone_digits(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    for prefix in ("0031", "0044", "31", "44"):
        if digits.startswith(prefix) and len(digits) >= len(prefix) + 8 and (raw.lstrip().startswith(("+", "00"))):
            return "0" + digits[len(prefix):]
    return digits


def _help_resources(ctx: _Ctx) -> list[HelpResource]:
    """Named support resources in the sentence, each with its number when one is given."""
    text = ctx.text
    phones = [(m.start(), m.end(), _phone_digits(m.group(0))) for m in _PHONE.finditer(text)]
    out = []
    for res in _resources():
        phone = _resource_phone(ctx, res, phones)
        if phone is None:
            continue
        out.append(HelpResource(**ctx.base(), key=res.key, name=res.name, phone=phone))
    return out


def _resource_phone(ctx: _Ctx, res: _Resource, phones: list[tuple[int, int, str]]) -> str | None:
    """The resource's number ('' when named without one), or None when the sentence does not name it."""
    text = ctx.text
    own = [p for p in phones if p[2] in res.phones]
    if res.needs is not None:
        own = [p for p in own if res.needs.search(text[max(0, p[0] - 40):p[1] + 40])]
    name = res.names.search(text) if res.names else None
    if own:
        return own[0][2]
    if not name:
        return None
    if res.advice is not None:  # the police: only with a number, or when the reader is told to go to them
        advised = res.advice.search(text) and ctx.lx.has("cooperation.user_advice", text)
        near = _phone_after(text, name.end(), phones)
        return near if near else ("" if advised else None)
    return _phone_after(text, name.end(), phones)


def _phone_after(text: str, pos: int, phones: list[tuple[int, int, str]]) -> str:
    """The first number within 60 characters after a name, unless another resource is named in between."""
    for start, _end, digits in phones:
        if not pos <= start <= pos + 60 or len(digits) < 6:
            continue
        if any(r.names and r.names.search(text[pos:start]) for r in _resources()):
            return ""
        return digits
    return ""
