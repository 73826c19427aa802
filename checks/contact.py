"""CONTACT: anonymous contact (catalogue checks CONTACT-01..05 and the CONTACT ladder)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from checks import lexicon
from checks.age import signup_method
from checks.base import check, finding
from checks.gated import members_only_contact, unpassable_gate
from checks.report import silent_platform
from checks.routes import SITE_WIDE_REGIONS
from checks.text import sentences, site_wide_lines
from safehaven.bundle import Bundle
from safehaven.catalogue import Texts
from safehaven.i18n import N_, msg, nmsg
from safehaven.models import (
    ContactAttempt,
    ContactProbe,
    Evidence,
    Finding,
    Form,
    Message,
    MessageParam,
    PageRecord,
    Popover,
    Quote,
)

LINK_ROUTES = (("tel:", "phone link"), ("sms:", "SMS link"), ("mailto:", "e-mail link"),
               ("https://wa.me/", "WhatsApp link"), ("http://wa.me/", "WhatsApp link"),
               ("https://api.whatsapp.com/", "WhatsApp link"), ("whatsapp:", "WhatsApp link"),
               ("https://t.me/", "Telegram link"), ("http://t.me/", "Telegram link"), ("tg:", "Telegram link"))
# The route kinds as words of a sentence (message ids; the English kind stays the detail key).
ROUTE_KINDS = (N_("phone link"), N_("SMS link"), N_("e-mail link"), N_("WhatsApp link"), N_("Telegram link"),
               N_("phone number in text"), N_("phone number spelled out"), N_("e-mail address in text"),
               N_("phone number in the page, shown after a click"), N_("messenger address in text"))
CONTROL_WORDS = {"block": N_("block"), "mute": N_("mute or ignore"), "who_contacts": N_("choose who may contact them")}
# Phone numbers as people write them to dodge filters: +31 6 12 34 56 78, 06-1234 5678, 06.12.34.56.78
PHONE = re.compile(r"(?<![\d+])(?:\+|00)?\d(?:[ \t\-./()]{0,3}\d){8,13}(?!\d)")
SERVICE_PREFIXES = ("0800", "0900", "0906", "0909", "112")
DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b|\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# An address written to dodge filters and harvesters: "jan.de.vries [at] mail [dot] com", "anna(at)post(punt)nl",
# "piet {apenstaartje} domein.nl". The "@" stands in brackets as a word; the dots may too.
_AT = r"\s*[\[({<]\s*(?:at|@|apenstaart(?:je)?|aapje|a)\s*[\])}>]\s*"
_DOT = r"(?:\s*[\[({<]\s*(?:dot|punt|point|punkt|\.)\s*[\])}>]\s*|\.)"
SPELLED_EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,6}}\b", re.I)
# A messenger address typed as text in a post or ad ("hmu on telegram t.me/someone", "wa.me/32470123456"): the
# same route as the link, only not made clickable. Share addresses (t.me/share/...) name no one.
MESSENGER_TEXT = re.compile(r"(?<![\w.@/-])(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|wa\.me)/(?!share\b)\+?\w{3,}", re.I)


@dataclass(frozen=True)
class ContactRoute:
    """One way to reach a person off the platform, seen on an item page."""

    page: PageRecord
    kind: str  # "phone link", "WhatsApp link", "phone number in text", ...
    value: str
    visible: bool = True
    word: Message | None = None  # the kind as words of a sentence, when it is not one of ROUTE_KINDS

    def label(self) -> MessageParam:
        """The kind of route as words of a sentence (a message id, translated by the reports)."""
        if self.word is not None:
            return self.word
        return msg(self.kind) if self.kind in ROUTE_KINDS else self.kind


def contact_routes(bundle: Bundle, page: PageRecord) -> list[ContactRoute]:
    """Phone, WhatsApp, Telegram, e-mail and SMS routes on an item page (the platform's own footer excluded)."""
    routes = _routes_in(bundle, page, page.elements, _main_text(bundle, page))
    hidden_dom = bundle.dom(page) if not routes else ""
    for number in phone_numbers(re.sub(r"<[^>]+>", " ", hidden_dom)):
        routes.append(ContactRoute(page, "phone number in the page, shown after a click", number, visible=False))
    return routes


def _routes_in(bundle: Bundle, page: PageRecord, elements, text: str, shown: bool = True) -> list[ContactRoute]:
    """The routes in a page's (or a user card's) links and text; `shown` False: seen only after a click."""
    routes: list[ContactRoute] = []
    own_host = (urlsplit(bundle.platform.url).hostname or "").removeprefix("www.")
    platform_addresses = _platform_addresses(bundle)
    for el in elements:
        href = (el.href or "").strip()
        kind = next((k for prefix, k in LINK_ROUTES if href.lower().startswith(prefix)), None)
        if not kind or el.region in SITE_WIDE_REGIONS or _share_link(href):
            continue
        if kind == "e-mail link" and (lexicon.has(el.name, "report", "control") or _address(href) in platform_addresses
                                      or (own_host and own_host in href.lower())):
            continue  # a report address or the platform's own address, not a route to a user
        routes.append(ContactRoute(page, kind, href.split("?")[0], el.visible and shown))
    for number in phone_numbers(text):
        routes.append(ContactRoute(page, "phone number in text", number, shown))
    for number in spelled_numbers(text):
        routes.append(ContactRoute(page, "phone number spelled out", number, shown))
    linked = {r.value.lower().split("://")[-1] for r in routes}
    for address in dict.fromkeys(m.group(0) for m in MESSENGER_TEXT.finditer(text)):
        if address.lower().split("://")[-1] not in linked:  # the text of a link already counted
            routes.append(ContactRoute(page, "messenger address in text", address, shown))
    for mail in EMAIL.findall(text) + spelled_emails(text):
        plain = _unspell(mail)
        if plain not in platform_addresses and (not own_host or own_host not in plain):
            routes.append(ContactRoute(page, "e-mail address in text", mail, shown))
    return routes


def spelled_emails(text: str) -> list[str]:
    """E-mail addresses spelled out to dodge filters ("naam [at] domein [punt] nl"), as they stand in the text."""
    return list(dict.fromkeys(re.sub(r"\s+", " ", m.group(0)) for m in SPELLED_EMAIL.finditer(text)))


def _unspell(mail: str) -> str:
    """The plain form of an address, spelled out or not: "jan [at] mail [punt] nl" -> "jan@mail.nl"."""
    plain = re.sub(_AT, "@", mail, count=1, flags=re.I) if "@" not in mail else mail
    return re.sub(_DOT, ".", plain, flags=re.I).lower()


def _share_link(href: str) -> bool:
    """A messenger link that names no one to reach: a "share via WhatsApp/Telegram" button (wa.me/?text=...,
    api.whatsapp.com/send?text=... without a phone, whatsapp://send?text=..., t.me/share/url?url=...). It sends the
    page to the visitor's own contacts, not the visitor to a person."""
    parts = urlsplit(href.strip())
    scheme, host, path = parts.scheme.lower(), (parts.hostname or "").lower(), parts.path.strip("/").lower()
    no_phone = "phone" not in {k.lower() for k in parse_qs(parts.query)}
    if host == "wa.me":
        return not path and no_phone
    if scheme in ("http", "https") and host.endswith("whatsapp.com"):
        return path in ("", "send") and no_phone
    if scheme == "whatsapp":
        return no_phone
    if host in ("t.me", "telegram.me"):
        return path == "share" or path.startswith("share/")
    return scheme == "tg" and host in ("msg_url", "share")


def phone_numbers(text: str) -> list[str]:
    """Phone numbers in text, also when spaced, dashed or dotted: 10+ digits starting with 0, + or 00.

    Service and help numbers (0800, 0900, 112) and dates with times are left out.
    """
    out = []
    for m in PHONE.finditer(text):
        raw = m.group(0).strip()
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 10 or not (raw.startswith("+") or digits.startswith("0")):
            continue
        if digits.startswith(SERVICE_PREFIXES) or DATE.search(raw):
            continue
        out.append(raw)
    return list(dict.fromkeys(out))


def spelled_numbers(text: str) -> list[str]:
    """Phone numbers written as words ("nul zes een twee ...", "zero six one two ...")."""
    digit_words = {w: str(i % 10) for lang in ("nl", "en") for i, w in enumerate(lexicon.words("contact", "digits", lang))}
    digit_words.update({"één": "1", "oh": "0"})
    alternation = "|".join(sorted(map(re.escape, digit_words), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:(?:{alternation}|\d)[\s,.\-]*){{8,}}", re.IGNORECASE)
    out = []
    for m in pattern.finditer(text):
        tokens = re.findall(rf"{alternation}|\d", m.group(0), re.IGNORECASE)
        if sum(1 for t in tokens if not t.isdigit()) >= 4 and len(tokens) >= 9:
            out.append(m.group(0).strip())
    return out


@check(
    "CONTACT-01",
    legal="DSA art. 28, art. 34-35 (risk mitigation)",
    en=Texts(
        title="No messaging without an account",
        criterion="A logged-out visitor cannot message a user or advertiser through the platform.",
        why=(
            "A message form that works without an account lets anyone contact advertisers, including victims and minors, "
            "without leaving a trace the platform can tie to a person. It also makes it impossible to block a harasser for "
            "good."
        ),
        fix=(
            "Require a logged-in, verified account (see CONTACT-03) for every message and chat. Show logged-out visitors a "
            "\"Log in to send a message\" button instead of the form."
        ),
    ),
    nl=Texts(
        title="Geen berichten zonder account",
        criterion="Een niet-ingelogde bezoeker kan via het platform geen gebruiker of adverteerder een bericht sturen.",
        why=(
            "Een berichtformulier dat zonder account werkt, laat iedereen adverteerders benaderen, ook slachtoffers en "
            "minderjarigen, zonder een spoor achter te laten dat het platform aan een persoon kan koppelen. Bovendien kan "
            "een lastigvaller zo nooit blijvend worden geblokkeerd."
        ),
        fix=(
            "Vraag voor elk bericht en elke chat een ingelogd, geverifieerd account (zie CONTACT-03). Toon niet-ingelogde "
            "bezoekers een knop \"Log in om een bericht te sturen\" in plaats van het formulier."
        ),
    ),
)
def no_messaging_without_account(bundle: Bundle) -> Finding:
    """A logged-out visitor cannot message a user or advertiser through the platform."""
    cid = "CONTACT-01"
    items = bundle.item_pages()
    member_forms = [(p, f) for p in bundle.ok_pages() if p.role != "item" for f in p.forms if _is_member_message_form(f)]
    if member_forms:
        page, form = member_forms[0]
        url = page.final_url or page.url
        return finding(cid, "fail", msg(N_("A form to write to a member, with a recipient field, opens without an "
                                           "account at {url}; it was inspected, not sent."), url=url),
                       evidence=[_ev(page, form.box, msg(N_("message form")))])
    if not items:
        said = members_only_contact(bundle) if unpassable_gate(bundle) is not None else None
        if said is not None:
            return finding(cid, "pass", msg(N_("No item page could be reached behind the age gate, and no page in the open "
                                               "holds a message form; the platform states that only members can "
                                               "message or chat.")), basis="stated", quotes=[said])
        return finding(cid, "not_assessed", msg(N_("No item pages were found to look for a way to message the poster.")))
    open_forms = [(p, f) for p in items for f in p.forms if _is_message_form(f)]
    probe = bundle.probe("contact", ContactProbe)
    tried = [a for a in (probe.attempts if probe else []) if a.kind == "message"
             and not lexicon.has(a.control.name, "contact", "public_reply")]  # "Post reply": in the open, in the topic
    opened = [a for a in tried if a.outcome == "form"]
    if opened and not open_forms:
        a = opened[0]
        return finding(cid, "fail", msg(N_("'{control}' opens a message form without an account on {opened} of {tried} "
                                           "item pages tried (e.g. {url}); it was inspected, not sent."),
                                        control=a.control.name, opened=len(opened), tried=len(tried), url=a.item_url),
                       evidence=[_attempt_ev(a)])
    if open_forms:
        page, form = open_forms[0]
        pages = len({p.id for p, _ in open_forms})
        return finding(cid, "fail", msg(N_("A message form that needs no account is on {pages} of {items} item pages "
                                           "(e.g. {url}); it was inspected, not sent."), pages=pages, items=len(items),
                                        url=page.final_url or page.url),
                       evidence=[_ev(page, form.box, msg(N_("message form")))])
    would_send = [a for a in tried if a.refused_writes and a.outcome not in ("login", "error")]
    if would_send:
        a = would_send[0]
        return finding(cid, "fail", msg(N_("'{control}' tries to send a message without an account on {sent} of "
                                           "{tried} item pages tried (e.g. {url}): the message form would have sent; "
                                           "sending was refused ({writes})."), control=a.control.name,
                                        sent=len(would_send), tried=len(tried), url=a.item_url,
                                        writes="; ".join(a.refused_writes[:2])),
                       evidence=[_attempt_ev(a)], refused_writes=a.refused_writes[:5])
    walled = [a for a in tried if a.outcome == "login"]
    if walled:
        return finding(cid, "pass", msg(N_("Messaging asks for a login: '{control}' leads to a login wall on {walled} of "
                                           "{tried} item pages tried."), control=walled[0].control.name,
                                        walled=len(walled), tried=len(tried)),
                       evidence=[_attempt_ev(walled[0])])
    gated = _messaging_behind_login(bundle, items)
    if gated:
        return finding(cid, "pass", msg(N_("Messaging asks for a login: '{control}' leads to the login page."),
                                        control=gated), evidence=[_ev(items[0])])
    return finding(cid, "pass", msg(N_("No way to message a user without an account on {items} item pages."),
                                    items=len(items)), evidence=[_ev(items[0])])


@check(
    "CONTACT-02",
    legal="DSA art. 34-35 (risk mitigation)",
    en=Texts(
        title="No contact details for anonymous visitors",
        criterion="No phone, WhatsApp, Telegram, e-mail or SMS route visible on item pages when logged out.",
        why=(
            "Phone numbers and WhatsApp or Telegram links on ads move contact off the platform, where there is no "
            "moderation, no reporting and no evidence. One number on many ads is how one trafficker runs several victims "
            "from one phone; that same pattern is a key signal for investigators, as long as the platform holds it instead "
            "of the open web."
        ),
        fix=(
            "Hide phone numbers and messenger links from logged-out visitors: show them only to verified accounts, or route "
            "contact through the platform's own messaging. Filter numbers in ad texts too, including spelled-out and "
            "spaced-out forms (\"zero six one two...\", \"06 12 34 ...\")."
        ),
    ),
    nl=Texts(
        title="Geen contactgegevens voor anonieme bezoekers",
        criterion="Geen telefoon-, WhatsApp-, Telegram-, e-mail- of sms-route zichtbaar op itempagina's zonder in te loggen.",
        why=(
            "Telefoonnummers en WhatsApp- of Telegramlinks in advertenties verplaatsen het contact naar buiten het platform, "
            "waar geen moderatie, geen meldknop en geen bewijs is. Eén nummer bij veel advertenties is hoe één "
            "mensenhandelaar meerdere slachtoffers vanaf één telefoon aanbiedt; datzelfde patroon is een belangrijk signaal "
            "voor opsporing, zolang het platform het vasthoudt en niet het open web."
        ),
        fix=(
            "Verberg telefoonnummers en messengerlinks voor niet-ingelogde bezoekers: toon ze alleen aan geverifieerde "
            "accounts, of laat contact via de eigen berichtenfunctie lopen. Filter ook nummers in advertentieteksten, ook "
            "uitgeschreven en uit elkaar gezet (\"nul zes een twee...\", \"06 12 34 ...\")."
        ),
    ),
)
def no_contact_details_for_anonymous(bundle: Bundle) -> Finding:
    """No phone, WhatsApp, Telegram, e-mail or SMS route on item pages for a logged-out visitor."""
    cid = "CONTACT-02"
    items = bundle.item_pages()
    if not items:
        return finding(cid, "not_assessed", msg(N_("No item pages were found to look for contact details on.")))
    per_page = {p.id: contact_routes(bundle, p) for p in items}
    probe = bundle.probe("contact", ContactProbe)
    for a in (probe.attempts if probe else []):
        page = next((p for p in items if a.item_url in (p.url, p.final_url)), None)
        if page and a.kind == "show_number" and a.outcome == "revealed":
            word = msg(N_("number behind '{control}'"), control=a.control.name)
            per_page[page.id] += [ContactRoute(page, f"number behind '{a.control.name}'", v, visible=False, word=word)
                                  for v in a.revealed]
    cards = user_cards(bundle)
    in_cards = [(page, _routes_in(bundle, page, card.controls, card.text, shown=False), card.author or card.opener.name)
                for page, card in cards if page.id in per_page]
    whose: dict[str, set[str]] = {}
    for _page, routes, author in in_cards:
        for r in routes:
            whose.setdefault(r.value, set()).add(author)
    for page, routes, _author in in_cards:  # a number or a WhatsApp link in the card a name opens: after a click
        # (the same number in different members' cards is the platform's own line, not a member's)
        per_page[page.id] += [r for r in routes if len(whose[r.value]) < 2]
    shown = [p for p in items if any(r.visible for r in per_page[p.id])]
    after_click = [p for p in items if per_page[p.id] and p not in shown]
    kinds: dict[str, int] = {}
    for p in items:
        for kind in dict.fromkeys(r.kind for r in per_page[p.id]):  # page order: the same sentence on every run
            kinds[kind] = kinds.get(kind, 0) + 1
    labels = {r.kind: r.label() for p in items for r in per_page[p.id]}
    detail: list[MessageParam] = [msg(N_("{kind} on {n}"), kind=labels[k], n=n)
                                  for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])]
    examples = [r.value for p in items for r in per_page[p.id]][:5]
    if shown:
        return finding(cid, "fail", msg(N_("Contact details shown to logged-out visitors on {shown} of {items} item "
                                           "pages ({detail})."), shown=len(shown), items=len(items), detail=detail),
                       evidence=[_ev(p) for p in shown[:3]], routes=kinds, examples=examples)
    if after_click:
        return finding(cid, "partial", msg(N_("Contact details appear after a click that needs no login on {shown} of "
                                              "{items} item pages ({detail})."), shown=len(after_click),
                                           items=len(items), detail=detail),
                       evidence=[_ev(p) for p in after_click[:3]], routes=kinds, examples=examples)
    refused = [a for a in (probe.attempts if probe else []) if a.kind == "show_number" and a.refused_writes
               and a.outcome not in ("login", "revealed", "error")]
    if refused:
        a = refused[0]
        return finding(cid, "needs_review", msg(N_("'{control}' on {url} asks the platform for something without a "
                                                   "login, and that request was refused ({writes}): whether it would "
                                                   "have shown contact details could not be seen."),
                                                control=a.control.name, url=a.item_url,
                                                writes="; ".join(a.refused_writes[:2])),
                       evidence=[_attempt_ev(a)], refused_writes=a.refused_writes[:5])
    return finding(cid, "pass", msg(N_("No phone, WhatsApp, Telegram, e-mail or SMS route on {items} item pages for a "
                                       "logged-out visitor."), items=len(items)), evidence=[_ev(items[0])])


@check(
    "CONTACT-03",
    legal="DSA art. 34-35",
    en=Texts(
        title="Accounts tied to a verified channel",
        criterion="E-mail or phone confirmation (or ID) is required to sign up.",
        why=(
            "An account with an unconfirmed e-mail address is thrown away and recreated in a minute. A confirmed e-mail "
            "address or phone number makes bans stick, makes repeated abuse visible and gives investigators a starting point."
        ),
        fix=(
            "Require confirmation of an e-mail address, or better a mobile number, before an account can send messages or "
            "publish. Refuse disposable e-mail domains and virtual numbers where you can."
        ),
    ),
    nl=Texts(
        title="Accounts gekoppeld aan een geverifieerd kanaal",
        criterion="Bevestiging van e-mail of telefoon (of ID) is verplicht bij aanmelden.",
        why=(
            "Een account met een onbevestigd e-mailadres is in een minuut weggegooid en opnieuw aangemaakt. Een bevestigd "
            "e-mailadres of telefoonnummer zorgt dat een blokkade standhoudt, maakt herhaald misbruik zichtbaar en geeft "
            "opsporing een aanknopingspunt."
        ),
        fix=(
            "Vraag bevestiging van een e-mailadres, of beter een mobiel nummer, voordat een account berichten kan sturen of "
            "iets kan plaatsen. Weiger wegwerpadressen en virtuele nummers waar dat kan."
        ),
    ),
)
def verified_channel(bundle: Bundle) -> Finding:
    """E-mail or phone confirmation (or ID) is required to sign up, stated or observed."""
    cid = "CONTACT-03"
    signups = bundle.ok_pages("signup")
    texts = bundle.ok_pages("signup", "help", "policy")
    if not texts:
        return silent_platform(cid, bundle, msg(N_("how accounts are made")))
    for page in signups:
        for f in page.forms:
            code = next((x for x in f.fields if lexicon.has(_field_label(x), "contact", "verify_code")), None)
            if code:
                return finding(cid, "pass", msg(N_("The signup form on {url} asks for a confirmation code ('{field}')."),
                                                url=page.final_url or page.url, field=code.label or code.name),
                               evidence=[_ev(page, f.box, msg(N_("signup form")))])

    for page in signups:
        for f in page.forms:
            lv, said = signup_method(bundle, page, f) if len(f.fields) >= 2 else (0, "")
            if lv >= 5:
                quotes = [Quote(url=page.final_url or page.url, text=said)] if said else []
                return finding(cid, "pass", msg(N_("Signing up on {url} includes an identity check (ID document with "
                                                   "liveness, or bank/eID)."), url=page.final_url or page.url),
                               evidence=[_ev(page, f.box, msg(N_("signup form")))], quotes=quotes)
    for page in signups:  # "your password will be sent to that address": no account without a working address
        for sentence in _sentences(bundle.text(page)):
            if lexicon.has(sentence, "contact", "mailed_credentials") and not _confirm_negated(sentence):
                return finding(cid, "pass", msg(N_("Signing up needs a confirmed e-mail address or phone number, as the "
                                                   "platform states.")), basis="stated",
                               quotes=[Quote(url=page.final_url or page.url, text=sentence)])
    for page in bundle.ok_pages():  # "Did you miss your activation email?": accounts are activated by e-mail
        offer = next((el for el in page.elements if el.href and lexicon.has(el.name, "contact", "activation_offer")), None)
        if offer:
            return finding(cid, "pass", msg(N_("The platform offers '{name}' on {url}: new accounts are activated by "
                                               "e-mail."), name=offer.name, url=page.final_url or page.url),
                           evidence=[_ev(page, offer.box, msg(N_("activation e-mail link")))])
    negated: list[Quote] = []
    for page in [*texts, *bundle.ok_pages("start", "other", "login")]:
        said = _sentences(bundle.text(page))
        for i, sentence in enumerate(said):
            kind = verified_channel_statement(said, i)
            if kind == "negated":
                negated.append(Quote(url=page.final_url or page.url, text=sentence))
                continue
            if not kind:
                continue
            quotes = [Quote(url=page.final_url or page.url, text=t) for t in said[max(0, i - 1): i + 1]
                      if t == sentence or lexicon.has(t, "contact", "channel")]
            if kind == "id":
                return finding(cid, "pass", msg(N_("Signing up needs an identity check with an ID document, as the "
                                                   "platform states.")),
                               basis="stated", quotes=quotes)
            return finding(cid, "pass", msg(N_("Signing up needs a confirmed e-mail address or phone number, as the "
                                               "platform states.")), basis="stated", quotes=quotes)
    if negated:
        return finding(cid, "fail", msg(N_("The platform states that an account needs no confirmation of e-mail or "
                                           "phone.")), basis="stated", quotes=negated[:2])
    signup = nmsg("{n} signup", "{n} signup", n=len(signups))
    other = nmsg("{n} help/policy pages", "{n} help/policy pages", n=len(texts) - len(signups))
    return finding(cid, "fail", msg(N_("No confirmation of e-mail or phone at signup was stated or observed ({signup} "
                                       "and {other} read)."), signup=signup, other=other))


def verified_channel_statement(said: list[str], i: int) -> str:
    """Does sentence `i` (read with its neighbours) say that signing up needs a confirmed channel?

    'channel' (e-mail or phone confirmed), 'id' (an ID check at signup), 'negated' ("you don't need
    to confirm your address") or ''. "We'll send you a link. You can't post until you've confirmed it."
    counts: the channel may stand in the sentence before, the requirement in this one.
    """
    sentence = said[i]
    prev = said[i - 1] if i else ""
    nxt = said[i + 1] if i + 1 < len(said) else ""
    window = f"{prev} {sentence} {nxt}"
    if lexicon.has(sentence, "contact", "verify_channel") and lexicon.has(window, "contact", "account_words"):
        return "negated" if _confirm_negated(sentence) else "channel"
    if not lexicon.has(sentence, "contact", "confirm_verb"):
        return ""
    if _confirm_negated(sentence):
        about = lexicon.has(window, "contact", "channel") and (lexicon.has(window, "contact", "signup_context") or
                                                               lexicon.has(window, "contact", "account_words"))
        return "negated" if about else ""
    required = (lexicon.has(sentence, "contact", "required_words") or bool(_ONLY_ONCE.search(sentence))
                or bool(_LIVE_ONCE.search(sentence)))
    about_account = lexicon.has(window, "contact", "signup_context") or lexicon.has(window, "contact", "account_words")
    if not (required and about_account):
        return ""
    if lexicon.has(f"{prev} {sentence}", "contact", "channel"):
        return "channel"
    if lexicon.has(f"{prev} {sentence}", "age", "method_id_document") and about_account:
        return "id"
    return ""


# "you can only post or send messages once your email is confirmed": a permission held back until a condition
_ONLY_ONCE = re.compile(r"\b(?:can|may|will be able to|are able to)\s+only\b[^.;:!?]{1,80}?\b(?:once|after|when)\b",
                        re.IGNORECASE)


# "your profile goes live once you've confirmed it", "your account becomes active after you click the link": what a
# member makes is switched on only by the confirmation
_LIVE_ONCE = re.compile(r"\b(?:goes|go|is|are|gets|becomes?|will be|will go|turns?)\s+(?:only\s+)?(?:live|active|"
                        r"visible|published|online|activated|switched on)\s+(?:only\s+)?(?:once|after|when)\b",
                        re.IGNORECASE)


def _confirm_negated(sentence: str) -> bool:
    if not (lexicon.has(sentence, "contact", "confirm_negated")
            or re.search(r"\b(hoeft|hoef|hoeven)\b.*\bniet\b|\b(don't|do not|doesn't|does not) (even )?(have|need)\b",
                         sentence, re.I)):
        return False
    # "you can't post without confirming" is a requirement
    return not re.search(r"\b(can't|cannot|can not|won't|until|kun je (pas|niet)|kunt u (pas|niet)|pas)\b",
                         sentence, re.I)


@check(
    "CONTACT-04",
    legal="DSA art. 28, art. 34-35",
    en=Texts(
        title="Control over who can reach you",
        criterion="Block, mute and 'who may contact me' controls: at least block and one more.",
        why=(
            "Victims, sex workers and dating users must be able to stop unwanted contact themselves, without waiting for a "
            "moderator. Without block and contact settings, persistent clients, exploiters and stalkers keep their access."
        ),
        fix=(
            "Offer \"Block\" on every profile and conversation, and at least one more control: mute, \"only verified members "
            "can contact me\" or \"no messages from new accounts\". Make a block take effect at once, without telling the "
            "blocked person."
        ),
    ),
    nl=Texts(
        title="Zelf bepalen wie je kan bereiken",
        criterion="Blokkeren, dempen en 'wie mag contact opnemen': minstens blokkeren en nog één.",
        why=(
            "Slachtoffers, sekswerkers en daters moeten ongewenst contact zelf kunnen stoppen, zonder op een moderator te "
            "wachten. Zonder blokkeren en contactinstellingen houden opdringerige klanten, uitbuiters en stalkers hun "
            "toegang."
        ),
        fix=(
            "Bied \"Blokkeren\" bij elk profiel en elk gesprek, en minstens nog één instelling: dempen, \"alleen "
            "geverifieerde leden mogen contact opnemen\" of \"geen berichten van nieuwe accounts\". Laat een blokkade direct "
            "ingaan, zonder dat de geblokkeerde dat te zien krijgt."
        ),
    ),
)
def control_who_reaches_you(bundle: Bundle) -> Finding:
    """Block, mute and "who may contact me" controls: at least block and one more."""
    cid = "CONTACT-04"
    pages = bundle.ok_pages()
    if not pages:
        return finding(cid, "not_assessed", msg(N_("No pages were collected.")))
    kinds = ("block", "mute", "who_contacts")
    seen: dict[str, tuple[str, PageRecord, str]] = {}
    card_for: dict[str, Popover] = {}  # the card a control or sentence was found in, per kind
    for page in pages:
        for el in page.elements:
            for kind in kinds:
                if kind not in seen and el.region not in SITE_WIDE_REGIONS and lexicon.has(el.name, "contact", kind):
                    seen[kind] = ("observed", page, el.name)
        for form in page.forms:  # a member setting on a signup or profile form ("Allow other users to e-mail you")
            for fld in (x for x in form.fields if x.visible):
                name = next((o for o in [fld.label, *fld.options] if lexicon.has(o, "contact", "who_contacts")), None)
                if "who_contacts" not in seen and name:
                    seen["who_contacts"] = ("observed", page, name)
    probe = bundle.probe("contact", ContactProbe)
    for found in (probe.menu_controls if probe else []):
        page = bundle.page_by_url(found.get("item_url", "")) or (bundle.item_pages() or pages)[0]
        for kind in kinds:
            if kind not in seen and lexicon.has(found.get("name"), "contact", kind):
                seen[kind] = ("observed", page, f"{found.get('menu') or 'menu'} → {found.get('name')}")
    cards = user_cards(bundle)
    for page, card in cards:  # the card an author's name opens: its buttons ("Mute", "Block this member")
        for el in card.controls:
            label = _control_label(el)
            for kind in kinds:
                if kind not in seen and lexicon.has(label, "contact", kind):
                    seen[kind], card_for[kind] = ("card", page, f"{card.opener.name or 'author'} → {el.name or label}"), card
            if ("block" not in seen and lexicon.has(label, "contact", "mute")
                    and (lexicon.has(label, "contact", "block_effect") or STOPS_REACHING_YOU.search(label))):
                seen["block"], card_for["block"] = ("card", page, f"{card.opener.name or 'author'} → {el.name or label}"), card
    for page, card in cards:  # and its words ("Ignore: they can't message you any more")
        said = _sentences(card.text)
        for i, sentence in enumerate(said):
            for kind in kinds:
                if kind not in seen and control_statement(said, i, kind):
                    seen[kind], card_for[kind] = ("card", page, sentence), card
    for page in bundle.ok_pages("help", "policy", "other", "signup"):
        said = _sentences(bundle.text(page))
        for i, sentence in enumerate(said):
            for kind in kinds:
                if kind not in seen and control_statement(said, i, kind):
                    seen[kind] = ("stated", page, sentence)
            # "choose Ignore (their posts are hidden and they can't message you)": an ignore or mute control that
            # stops the other person reaching you is a block, whatever the platform calls it
            if ("block" not in seen and control_statement(said, i, "mute")
                    and (lexicon.has(sentence, "contact", "block_effect") or STOPS_REACHING_YOU.search(sentence))):
                seen["block"] = ("stated", page, sentence)
    have: list[MessageParam] = [msg(CONTROL_WORDS[k]) for k in kinds if k in seen]
    quotes = [Quote(url=p.final_url or p.url, text=t) for b, p, t in seen.values() if b == "stated"]
    evidence = [_ev(p, None, msg(N_("control '{name}'"), name=t)) for b, p, t in seen.values() if b == "observed"]
    evidence += [_card_ev(p, card_for[k], msg(N_("user card: '{name}'"), name=t)) for k, (b, p, t) in seen.items() if b == "card"]
    if not have:
        return finding(cid, "fail", msg(N_("No block, mute or 'who may contact me' control was found, in the interface "
                                           "or in the help pages.")))
    status = "pass" if "block" in seen and len(seen) >= 2 else "partial"
    can: MessageParam = have[0]
    for more in have[1:]:  # "block and mute or ignore and choose ...": each joined with "and"
        can = msg(N_("{head} and {last}"), head=can, last=more)
    sentence = (msg(N_("People can {controls}."), controls=can) if status == "pass" else
                msg(N_("People can {controls}; blocking plus one more control is needed."), controls=can))
    return finding(cid, status, sentence, basis="observed" if evidence else "stated", quotes=quotes, evidence=evidence)

# The other person can no longer reach you, in any word order: "they cannot send you private messages",
# "ze kunnen je geen privéberichten sturen", "kan die persoon je niet meer bereiken" (a block, whatever it is called)
STOPS_REACHING_YOU = re.compile(
    r"\b(?:can[’']t|cannot|can not|can no longer|won[’']t be able to|will not be able to|(?:is|are) unable to)\s+"
    r"(?:\w+\s+){0,1}(?:message|contact|reach|send|write to|dm)\s+you\b"
    r"|\b(?:kan|kunnen)\s+(?:\w+\s+){0,2}(?:je|jou|u)\s+(?:geen\s+(?:\w+\s+){0,2}(?:meer\s+)?(?:sturen|versturen)"
    r"|niet\s+meer\s+(?:bereiken|benaderen|berichten|sturen|schrijven))\b", re.I)
IMPERATIVE = re.compile(r"(block|mute|ignore|restrict|silence|snooze|unmute|blokkeer|demp|negeer|zet)\b", re.I)
# "Blocking stops them contacting you", "Dempen betekent dat je ...": the control, as a noun, explained to the reader
GERUND = re.compile(r"(blocking|muting|ignoring|silencing|restricting|blokkeren|dempen|negeren)\b", re.I)
READER = re.compile(r"\b(you|your|je|jou|jouw|jij|u|uw)\b", re.I)


def control_statement(said: list[str], i: int, kind: str) -> bool:
    """Does sentence `i` tell people they can use a `kind` control (block, mute, who_contacts)?

    Read as help text is written: "You can block ...", imperatives ("Block someone from the ⋯
    menu", "Demp een gesprek"), and questions with their answer ("How do I stop ...? Open their
    profile and choose Block."). The platform blocking people ("we block accounts that ...") is not.
    """
    sentence = said[i]
    if not lexicon.has(sentence, "contact", kind):
        return False
    if re.search(r"\b(we|wij|our (team|moderators)|ons team|moderators?|moderatoren)\b\s+(\w+\s+){0,2}?"
                 r"(block|blocks|ban|blokkeren|blokkeert|blokkeer|verwijderen)\b", sentence, re.I):
        return False
    if re.search(r"\b(you|your account|je account|uw account|jij|je)\s+(\w+\s+){0,2}?(be|is|wordt|worden)\s+"
                 r"(blocked|geblokkeerd)\b", sentence, re.I):
        return False  # a sanction, not a control
    prev = said[i - 1] if i else ""
    opening = sentence.strip().lstrip("-•*·0123456789. ")
    imperative = bool(IMPERATIVE.match(opening)) or bool(
        GERUND.match(opening) and READER.search(sentence)
        and not re.search(r"\b(your|je|jouw|uw) account\b", sentence, re.I))  # "Blocking of your account ..." is a sanction
    question = prev.rstrip().endswith("?")
    # "Who can write to me?" answered by "Only people you have liked back can ... Under Settings ..."
    after = " ".join(said[i + 1: i + 3])
    answered = sentence.rstrip().endswith("?") and lexicon.has(after, "contact", "control_context")
    return (imperative or answered or lexicon.has(sentence, "contact", "control_context")
            or (question and lexicon.has(prev, "contact", "control_context")))


@check(
    "CONTACT-05",
    legal="DSA art. 34-35",
    en=Texts(
        title="Safety notice at the point of contact",
        criterion="A safety or deterrence notice stands where people make contact.",
        why=(
            "A short notice at the moment of contact reaches two groups where they are: buyers, who read that exploitation "
            "is reported to the police, and people who are being exploited, who read where to find help. On a separate "
            "safety page almost nobody reads it."
        ),
        fix=(
            "Show a brief safety and deterrence notice next to the contact button or at the top of every new conversation: "
            "what is not allowed, that suspected exploitation is reported to the police, and where help is available (link "
            "to the help page, see HELP-01)."
        ),
    ),
    nl=Texts(
        title="Veiligheidsmelding bij het contactpunt",
        criterion="Een veiligheids- of afschrikmelding staat waar mensen contact opnemen.",
        why=(
            "Een korte melding op het moment van contact bereikt twee groepen waar ze zijn: kopers, die lezen dat uitbuiting "
            "bij de politie wordt gemeld, en mensen die worden uitgebuit, die lezen waar ze hulp vinden. Op een aparte "
            "veiligheidspagina leest bijna niemand hem."
        ),
        fix=(
            "Toon een korte veiligheids- en afschrikmelding naast de contactknop of bovenaan elk nieuw gesprek: wat niet is "
            "toegestaan, dat vermoedens van uitbuiting bij de politie worden gemeld, en waar hulp te vinden is (link naar de "
            "hulppagina, zie HELP-01)."
        ),
    ),
)
def safety_notice_at_contact(bundle: Bundle) -> Finding:
    """A safety or deterrence notice stands at the point of contact (item pages)."""
    cid = "CONTACT-05"
    # The point of contact: the item pages, or where none were found, the pages with a write-to-a-member form.
    items = bundle.item_pages() or list({p.id: p for p in bundle.ok_pages() for f in p.forms
                                         if _is_member_message_form(f)}.values())
    if not items:
        return finding(cid, "not_assessed", msg(N_("No item pages were found to look for a safety notice at the contact "
                                                   "point.")))
    # A platform's notice is the same sentence on many item pages; a user's own words are not a notice.
    per_page = {p.id: _notices(_sentences(_main_text(bundle, p))) for p in items}
    counts: dict[str, int] = {}
    for sentences_ in per_page.values():
        for sentence in sentences_:
            counts[sentence] = counts.get(sentence, 0) + 1
    repeated = {s for s, n in counts.items() if n >= max(2, len(items) // 2) or len(items) == 1}
    at_contact = [(p, next(s for s in per_page[p.id] if s in repeated)) for p in items
                  if any(s in repeated for s in per_page[p.id])]
    if at_contact:
        page, sentence = at_contact[0]
        return finding(cid, "pass", msg(N_("A safety notice stands on {shown} of {items} item pages."),
                                        shown=len(at_contact), items=len(items)),
                       evidence=[_ev(page)], quotes=[Quote(url=page.final_url or page.url, text=sentence)])
    carded = _card_notice(bundle)
    if carded:
        page, card, sentence, shown, tried = carded
        return finding(cid, "pass", msg(N_("A safety notice stands in the user card that opens from an author's name "
                                           "({shown} of {tried} cards opened on item pages)."), shown=shown, tried=tried),
                       evidence=[_card_ev(page, card, msg(N_("user card opened by '{name}'"), name=card.opener.name))],
                       quotes=[Quote(url=page.final_url or page.url, text=sentence)])
    posters = _poster_message_pages(bundle, items)
    noted = _repeated_notice(bundle, posters)
    if noted:
        page, sentence, shown = noted
        return finding(cid, "pass", msg(N_("A safety notice stands beside the message button on {shown} of {pages} "
                                           "members' pages that item pages link to."), shown=shown, pages=len(posters)),
                       evidence=[_ev(page)], quotes=[Quote(url=page.final_url or page.url, text=sentence)])
    for page in bundle.ok_pages("help"):
        hit = next(iter(_notices(_sentences(bundle.text(page)))), None)
        if hit:
            return finding(cid, "partial", msg(N_("Safety advice exists only on a separate page ({url}), not where "
                                                  "people make contact."), url=page.final_url or page.url),
                           basis="stated", quotes=[Quote(url=page.final_url or page.url, text=hit)])
    return finding(cid, "fail", msg(N_("No safety or deterrence notice on {items} item pages or on a safety page."),
                                    items=len(items)))


# Pages that are no member's page, whatever message words they hold
_NOT_POSTER_ROLES = ("item", "policy", "help", "signup", "login", "report", "start")


def _poster_message_pages(bundle: Bundle, items: list[PageRecord]) -> list[PageRecord]:
    """The members' pages that item pages link to and that hold the button to message that member in their own body
    (not the header, menu or footer): a creator's page with "Bericht" beside its grid of videos is where people make
    contact on a platform whose item pages (the videos) carry no message button of their own."""
    linked = {e.href.split("#")[0] for p in items for e in p.elements if e.href}
    return [p for p in bundle.ok_pages() if p.role not in _NOT_POSTER_ROLES
            and {p.url, p.final_url} & linked
            and any(e.region not in SITE_WIDE_REGIONS and lexicon.has(e.name, "contact", "message") for e in p.elements)]


def _repeated_notice(bundle: Bundle, pages: list[PageRecord]) -> tuple[PageRecord, str, int] | None:
    """The notice sentence that the platform puts on these pages: (first page, sentence, pages with it). Like the item
    pages' notice it must stand on two pages or half of them (one page when only one was seen); a member's own bio
    is no notice."""
    per_page = {p.id: _notices(_sentences(_main_text(bundle, p))) for p in pages}
    counts: dict[str, int] = {}
    for said in per_page.values():
        for sentence in said:
            counts[sentence] = counts.get(sentence, 0) + 1
    repeated = [s for s, n in counts.items() if n >= max(2, len(pages) // 2) or len(pages) == 1]
    if not repeated:
        return None
    sentence = max(repeated, key=lambda s: counts[s])
    page = next(p for p in pages if sentence in per_page[p.id])
    return page, sentence, counts[sentence]


def _notices(said: list[str]) -> list[str]:
    """The sentences that are a safety notice, or a deterrence notice: a call to report or to ring a line, said of
    signs of exploitation or of a minor in the same sentence or the one before ("Lijkt ze bang of jonger dan 18?
    Meld de advertentie ..."; "Think someone is being forced? Report the ad ...")."""
    out: list[str] = []
    for i, sentence in enumerate(said):
        if lexicon.has(sentence, "contact", "safety_notice"):
            out.append(sentence)
            continue
        window = f"{said[i - 1] if i else ''} {sentence}"
        signs = lexicon.has(window, "report", "cat_trafficking") or lexicon.has(window, "report", "cat_minor")
        if signs and lexicon.has(sentence, "contact", "report_call") and len(sentence.split()) >= 5:
            out.append(sentence)
    return list(dict.fromkeys(out))


def _card_notice(bundle: Bundle) -> tuple[PageRecord, Popover, str, int, int] | None:
    """A safety notice in the user cards opened on item pages: (page, card, sentence, cards with it, cards opened).

    The platform's note is the same sentence in the cards of different members (a member's own bio is not a
    notice); where only one member's card could be opened, its note counts as the pages' single item does."""
    cards = user_cards(bundle)
    authors: dict[str, set[str]] = {}
    first: dict[str, tuple[PageRecord, Popover]] = {}
    for page, card in cards:
        for sentence in dict.fromkeys(_sentences(card.text)):
            if lexicon.has(sentence, "contact", "safety_notice"):
                authors.setdefault(sentence, set()).add(card.author or card.opener.name)
                first.setdefault(sentence, (page, card))
    members = {c.author or c.opener.name for _, c in cards}
    agreed = [s for s, who in authors.items() if len(who) >= 2 or len(members) == 1]
    if not agreed:
        return None
    sentence = max(agreed, key=lambda s: len(authors[s]))
    page, card = first[sentence]
    shown = sum(1 for _, c in cards if sentence in _sentences(c.text))
    return page, card, sentence, shown, len(cards)


def level(findings: dict[str, Finding]) -> int:
    """CONTACT ladder: 0 anyone can reach people; 1 account needed; 2 verified channel; 3 + controls; 4 + notice."""
    ok = {k for k, f in findings.items() if f.status == "pass"}
    # the catalogue's level 0: CONTACT-01 fails, or CONTACT-02 fails or is partial; details nobody could look for
    # (CONTACT-02 not assessed: every item page behind an age gate) do not make anyone reachable
    f02 = findings.get("CONTACT-02")
    if "CONTACT-01" not in ok or (f02 is not None and f02.status not in ("pass", "not_assessed")):
        return 0
    lv = 1
    for step, cid in enumerate(("CONTACT-03", "CONTACT-04", "CONTACT-05"), start=2):
        if cid not in ok:
            break
        lv = step
    return lv


# ---------------------------------------------------------------------- helpers


def user_cards(bundle: Bundle) -> list[tuple[PageRecord, Popover]]:
    """The user cards the contact probe opened by clicking an author's name or avatar, each with its item page:
    part of that page as a visitor sees it (older bundles have none)."""
    probe = bundle.probe("contact", ContactProbe)
    out = []
    for card in (probe.popovers if probe else []):
        page = bundle.page_by_url(card.item_url)
        if page is not None and page.ok:
            out.append((page, card))
    return out


def _control_label(el) -> str:
    """A control's accessible name with its title and aria-label (an icon button named only by its title)."""
    return " ".join(dict.fromkeys(x for x in (el.name, el.attrs.get("title", ""), el.attrs.get("aria-label", "")) if x))


def _card_ev(page: PageRecord, card: Popover, note: Message) -> Evidence:
    return Evidence(kind="screenshot", path=card.screenshot or page.files.get("screenshot"),
                    url=page.final_url or page.url, box=card.box_in_shot if card.screenshot else None, note_message=note)


def _address(href: str) -> str:
    return href.split("?")[0].removeprefix("mailto:").strip().lower()


def _platform_addresses(bundle: Bundle) -> set[str]:
    """E-mail addresses the platform itself publishes on its help, policy or contact pages."""
    cached = getattr(bundle, "_platform_addresses", None)
    if cached is not None:
        return cached
    found = set()
    for page in bundle.ok_pages("help", "policy", "report", "start"):
        found |= {m.lower() for m in EMAIL.findall(bundle.text(page))}
        found |= {_address(e.href) for e in page.elements if e.href and e.href.startswith("mailto:")}
    bundle._platform_addresses = found  # type: ignore[attr-defined]
    return found


def _main_text(bundle: Bundle, page: PageRecord) -> str:
    """The page's visible text without the lines that every page repeats (header, footer)."""
    text = bundle.text(page)
    common = _common_lines(bundle)
    return "\n".join(line for line in text.splitlines() if line.strip() not in common)


def _common_lines(bundle: Bundle) -> set[str]:
    cached = getattr(bundle, "_contact_common_lines", None)
    if cached is not None:
        return cached
    common = site_wide_lines([bundle.text(p) for p in bundle.ok_pages()])
    bundle._contact_common_lines = common  # type: ignore[attr-defined]
    return common


def _is_public_reply(form: Form) -> bool:
    """A reply posted in the open in a discussion (a forum's quick post form), not a message to a member."""
    label = " ".join([form.name, *form.submit_labels, *(f.value for f in form.fields if f.type == "submit")])
    query = urlsplit(form.action or "").query
    keys = {part.split("=", 1)[0].lower() for part in re.split(r"[&;]", query) if part}
    threads = set(lexicon.words("contact", "thread_query"))
    if lexicon.has(label, "contact", "public_reply") or keys & threads:
        return True
    # the topic it posts into carried in a hidden field ("topic_id", "forum_topic_id" = 18): a guest reply form of a
    # forum plugin, posting to the page itself, whose heading ("Reply To: <title>") says reply like a message form
    return any(f.type == "hidden" and f.value.strip() and _names_thread(f.name) for f in form.fields)


def _names_thread(name: str) -> bool:
    """A field name that is, or ends in, a thread key ("topic_id", "bbs_thread"); one-letter keys only whole."""
    threads = set(lexicon.words("contact", "thread_query"))
    tokens = [t for t in re.split(r"[^a-z0-9]+", (name or "").lower()) if t]
    if not tokens:
        return False
    tails = {"_".join(tokens), "_".join(tokens[-2:]), tokens[-1] if len(tokens[-1]) > 1 else ""}
    return bool(tails & threads)


def _is_message_form(form: Form) -> bool:
    if any(f.type == "password" for f in form.fields) or _is_public_reply(form) or _login_prompt(form):
        return False
    has_text = any(f.tag == "textarea" or f.type in ("text", "textarea") for f in form.fields if f.visible)
    label = " ".join([form.name, *form.submit_labels, *(f.label for f in form.fields)])
    is_report = lexicon.has(label, "report", "control")
    return has_text and lexicon.has(label, "contact", "message") and not is_report


def _login_prompt(form: Form) -> bool:
    """A chat box that only asks to log in ("Log in to chat" as its button or its field's placeholder, the field
    greyed out): a login wall in the form of a message box, not a form that works without an account."""
    submits = [s_ for s_ in form.submit_labels if s_.strip()]
    if submits and all(lexicon.has(s_, "roles", "login") for s_ in submits):
        return True
    return any(f.placeholder and lexicon.has(f.placeholder, "roles", "login") for f in form.fields
               if f.visible and (f.tag == "textarea" or f.type in ("text", "textarea")))


def _is_member_message_form(form: Form) -> bool:
    """A message form addressed to a member by a recipient field (not a contact form to the platform itself)."""
    if any(f.type == "password" for f in form.fields):
        return False
    visible = [f for f in form.fields if f.visible and f.type != "hidden"]
    body = any(f.tag == "textarea" for f in visible)
    # a short label ("To", "Ontvanger :"): "Wat is er aan de hand?" in a report form is a question, not a recipient
    recipient = any(f.type in ("text", "search", "") and len(f.label.split()) <= 3 and (
        lexicon.has(f.label, "contact", "recipient") or lexicon.has(f.name.replace("_", " "), "contact", "recipient"))
        for f in visible)
    label = " ".join([form.name, *form.submit_labels, *(f.label for f in form.fields)])
    return body and recipient and not lexicon.has(label, "report", "control")


def _messaging_behind_login(bundle: Bundle, items: list[PageRecord]) -> str:
    logins = {p.final_url or p.url for p in bundle.ok_pages("login", "signup")}
    ids = {p.id for p in items}
    card_controls = [(page, el) for page, card in user_cards(bundle) if page.id in ids for el in card.controls]
    # the item pages' own controls, then the "Message" button of the user cards opened on them
    for _page, el in [(p, e) for p in items for e in p.elements] + card_controls:
        if el.href and lexicon.has(el.name, "contact", "message"):
            target = bundle.page_by_url(el.href)
            if el.href in logins or (target and target.role in ("login", "signup")) or \
                    lexicon.has(urlsplit(el.href).path.replace("/", " "), "roles", "login"):
                return el.name
    return ""


def _field_label(f) -> str:
    return f"{f.label} {f.name} {f.placeholder}"


def _sentences(text: str) -> list[str]:
    return sentences(text)


def _attempt_ev(a: ContactAttempt) -> Evidence:
    return Evidence(kind="screenshot", path=a.screenshot, url=a.outcome_url or a.item_url, box=a.box_in_shot,
                    note_message=msg(N_("after clicking '{name}'"), name=a.control.name))


def _ev(page: PageRecord, box=None, note: Message | None = None) -> Evidence:
    return Evidence(kind="screenshot", path=page.files.get("screenshot"), url=page.final_url or page.url, box=box,
                    note_message=note)
