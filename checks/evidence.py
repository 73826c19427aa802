"""EVIDENCE: evidence retention and police cooperation (EVIDENCE-01 to EVIDENCE-05) and the area level.

EVIDENCE-01 is observed (links on every sampled page); EVIDENCE-02 to 05 are stated: they read the
platform's own privacy, terms, community-rules, law-enforcement, cookie and help pages with the
policy reader and quote every sentence a verdict rests on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urldefrag, urlsplit

from checks import pages, policy
from checks.base import check, finding
from checks.partners import partner_pages
from checks.policy import (
    DATA_KINDS,
    AuthorityContact,
    Clause,
    CooperationClause,
    DeletionPromise,
    PolicyDocument,
    PolicyReading,
    PreservationClause,
    RetentionClause,
)
from checks.routes import general_contact
from checks.text import split_sentences
from safehaven.bundle import Bundle
from safehaven.catalogue import Texts
from safehaven.i18n import N_, chain, msg, nmsg
from safehaven.models import Element, Evidence, Finding, Message, MessageParam, PageRecord, Quote
from safehaven.urls import within_host

READ_KINDS = (*policy.POLICY_KINDS, "help")
READ_ROLES = ("policy", "help")
LOOKED_FOR = N_("privacy policy, terms, community rules, law-enforcement, cookie or help pages (role policy or "
                "help, or privacy/privacyverklaring/terms/voorwaarden/huisregels/law enforcement/politie/help/"
                "veiligheid in the URL, title or link text)")
PRESERVATION_FLOOR_DAYS = 90
LEVEL4_PRESERVATION_DAYS = 365
MAX_QUOTES = 12
KIND_LABELS = {"messages": N_("messages"), "content": N_("content"), "account": N_("account data"), "logs": N_("logs"),
               "verification": N_("verification data"), "payment": N_("payment data"),
               "general": N_("personal data in general")}
CRIME_WORDS = {"trafficking": N_("human trafficking"), "child_exploitation": N_("child exploitation")}

# =============================================================================== area level


def level(findings: dict[str, Finding]) -> int:
    """The EVIDENCE level 0-4 from the area's findings (see the catalogue ladder)."""
    retention, preservation = findings.get("EVIDENCE-02"), findings.get("EVIDENCE-03")
    cooperation, contact = findings.get("EVIDENCE-04"), findings.get("EVIDENCE-05")
    if _passed(preservation, "fail") and preservation.facts.deletion_promise:
        return 0
    if not (_passed(retention, "pass") or _passed(retention, "partial")):
        return 1 if retention and retention.facts.vague_statements else 0
    if not (_passed(preservation, "pass") and _passed(contact, "pass")):
        return 2
    names_crime = set(cooperation.facts.crimes_named or []) & set(policy.CRIMES) if cooperation else set()
    kept_a_year = (preservation.facts.max_default_preservation_days or 0) >= LEVEL4_PRESERVATION_DAYS
    if _passed(cooperation, "pass") and names_crime and kept_a_year:
        return 4
    return 3


def _passed(f: Finding | None, status: str) -> bool:
    return f is not None and f.status == status


# =============================================================================== EVIDENCE-01


@check(
    "EVIDENCE-01",
    legal="GDPR art. 12-13; DSA art. 14",
    en=Texts(
        title="Privacy policy and terms linked everywhere",
        criterion="A privacy policy and terms are linked from every sampled page.",
        why=(
            "Users, reporters and authorities must be able to find the rules and the privacy terms from wherever they are on "
            "the platform. GDPR art. 12-13 requires privacy information to be easy to access, and DSA art. 14 requires "
            "clear, accessible terms."
        ),
        fix=(
            "Link both the privacy policy and the terms (with the community rules) in the footer of every page, including ad "
            "and profile pages and the signup and report forms."
        ),
    ),
    nl=Texts(
        title="Privacybeleid en voorwaarden overal gelinkt",
        criterion="Een privacybeleid en voorwaarden zijn vanaf elke bekeken pagina gelinkt.",
        why=(
            "Gebruikers, melders en autoriteiten moeten de regels en het privacybeleid kunnen vinden, waar ze zich op het "
            "platform ook bevinden. Art. 12-13 AVG eist dat privacy-informatie gemakkelijk toegankelijk is, en art. 14 DSA "
            "eist duidelijke, toegankelijke voorwaarden."
        ),
        fix=(
            "Link het privacybeleid én de voorwaarden (met de huisregels) in de voettekst van elke pagina, ook op "
            "advertentie- en profielpagina's en bij het aanmeld- en meldformulier."
        ),
    ),
)
def privacy_and_terms_linked(bundle: Bundle) -> Finding:
    """A privacy policy and terms are linked from every sampled page."""
    pages = bundle.ok_pages()
    if not pages:
        return finding("EVIDENCE-01", "not_assessed",
                       msg(N_("No page loaded, so links to a privacy policy and terms could not be looked for")))
    # A page that another sampled page shows in a frame (a policy embedded in a page with the site's footer) is part
    # of that page, not a page of its own: its host is judged, the bare document is not.
    framed = _framed_elsewhere(pages)
    pages = [p for p in pages if _page_key(p) not in framed] or pages
    # A policy read from a PDF is a document the pages link to, not a page of the site: it has no header or footer
    # that could carry links, so it is no sampled page.
    pages = [p for p in pages if "document" not in p.files] or pages
    # A page of a verification partner's site that links nowhere on the platform (the partner's check and its own
    # privacy notice) is that party's page, not one of the platform's; a help centre on another site stays in.
    partners = partner_pages(pages, bundle.platform.url)
    pages = [p for p in pages if p.id not in partners] or pages
    privacy = [p for p in pages if _links_to(p, "privacy")]
    # Forum and house rules are the terms of many boards (PHP forums show them at registration): a link that
    # names them counts as a link to the terms.
    terms = [p for p in pages if _links_to(p, "terms") or _links_to(p, "rules")]
    both = [p for p in privacy if p in terms]
    missing = [p for p in pages if p not in both]
    n = len(pages)
    evidence = [Evidence(kind="page", url=p.url, note_message=_missing_note(p in privacy, p in terms)) for p in missing[:10]]
    details = {"pages": n, "privacy_pages": len(privacy), "terms_pages": len(terms), "both_pages": len(both),
               "missing": [p.url for p in missing]}
    status, sentence = _linked_verdict(n, len(privacy), len(terms), len(both))
    return finding("EVIDENCE-01", status, sentence, evidence=evidence, **details)


def _page_key(p: PageRecord) -> str:
    return urldefrag(p.final_url or p.url)[0].rstrip("/")


def _framed_elsewhere(pages: list[PageRecord]) -> set[str]:
    """The pages that another sampled page shows in an iframe (by final URL, without fragment)."""
    out: set[str] = set()
    for p in pages:
        own = _page_key(p)
        out.update(k for k in (urldefrag(u)[0].rstrip("/") for u in p.frames) if k != own)
    return out


def _linked_verdict(n: int, privacy: int, terms: int, both: int) -> tuple[str, Message]:
    """Status and sentence."""
    if both == n:
        return "pass", msg(N_("Privacy policy and terms linked from all {n} sampled pages"), n=n)
    if both:
        return "partial", msg(N_("Privacy policy and terms linked from {both} of {n} pages"), both=both, n=n)
    if privacy:
        return "partial", msg(N_("Privacy policy linked from {count} of {n} pages; no link to the terms found"),
                              count=privacy, n=n)
    if terms:
        return "partial", msg(N_("Terms linked from {count} of {n} pages; no link to the privacy policy found"),
                              count=terms, n=n)
    return "fail", msg(N_("No link to a privacy policy or terms found on any of the {n} sampled pages"), n=n)


def _missing_note(has_privacy: bool, has_terms: bool) -> Message:
    if not has_privacy and not has_terms:
        return msg(N_("no link to a privacy policy or terms"))
    return msg(N_("no link to the terms")) if has_privacy else msg(N_("no link to the privacy policy"))


def _links_to(page: PageRecord, kind: str) -> bool:
    """The page links to a page of `kind` (by the link's name or its URL), or is that page itself."""
    title = page.title if kind != "rules" or len(page.title.split()) <= MAX_RULES_LINK_WORDS else ""
    if kind in pages.page_kinds(page.final_url or page.url, title):
        return True
    return any(_names_kind(el, kind) for el in page.elements if el.href)


# Tag, category and search listings name their topic, not a policy ("verkeersregels" is a tag, not house rules).
LISTING_URL = re.compile(r"(/tags?[/:]|[/?&](tags?|q|query|search|zoek)[=:]|/search\b|/zoeken\b|/categor)", re.I)


# A link that names the rules in a few words ("Rules", "Forumregels"), not a topic title ("New parking rules in Delft").
MAX_RULES_LINK_WORDS = 3


def _names_kind(el: Element, kind: str) -> bool:
    if el.href and LISTING_URL.search(el.href):
        return False
    labels = (el.name, el.text, el.attrs.get("aria-label", ""), el.attrs.get("title", ""))
    if kind == "rules":
        labels = tuple(x for x in labels if x and len(x.split()) <= MAX_RULES_LINK_WORDS)
    if any(label and pages.names_page_kind(label, kind) for label in labels):
        return True
    return el.href is not None and kind in pages.page_kinds(el.href)


# =============================================================================== EVIDENCE-02


@check(
    "EVIDENCE-02",
    legal="GDPR art. 13(2)(a)",
    en=Texts(
        title="Concrete retention periods",
        criterion="Concrete retention periods for two or more kinds of data.",
        why=(
            "Investigations into trafficking often start months after the fact. If it is unclear how long messages, ads, "
            "logs and account data are kept, investigators do not know what to ask for, and the data may already be gone. "
            "GDPR art. 13(2)(a) requires the retention period, or the criteria for it, to be stated."
        ),
        fix=(
            "State a concrete period for each kind of data: ads and profiles, messages, account data, IP and access logs, "
            "verification data and payment data (for example \"access logs: 6 months\", \"messages: 12 months after the "
            "conversation ends\"). Avoid \"as long as necessary\" without criteria."
        ),
    ),
    nl=Texts(
        title="Concrete bewaartermijnen",
        criterion="Concrete bewaartermijnen voor twee of meer soorten gegevens.",
        why=(
            "Onderzoeken naar mensenhandel beginnen vaak maanden na de feiten. Als onduidelijk is hoe lang berichten, "
            "advertenties, logs en accountgegevens worden bewaard, weet de recherche niet waar ze om moet vragen, en zijn de "
            "gegevens misschien al weg. Art. 13(2)(a) AVG eist dat de bewaartermijn, of de criteria daarvoor, wordt vermeld."
        ),
        fix=(
            "Noem per soort gegevens een concrete termijn: advertenties en profielen, berichten, accountgegevens, IP- en "
            "toegangslogs, verificatiegegevens en betaalgegevens (bijvoorbeeld \"toegangslogs: 6 maanden\", \"berichten: 12 "
            "maanden na het einde van het gesprek\"). Vermijd \"zo lang als nodig\" zonder criteria."
        ),
    ),
)
def retention_periods(bundle: Bundle) -> Finding:
    """Concrete retention periods per kind of data, read in the platform's policies."""
    docs, reading = _read(bundle)
    if not docs:
        return _not_assessed("EVIDENCE-02", msg(N_("retention periods")), bundle)
    clauses = reading.of(RetentionClause)
    per_kind = _longest_per_kind(c for c in clauses if c.concrete)
    general = [c for c in clauses if c.concrete and c.data_kinds == ("general",)]
    vague = [c for c in clauses if not c.concrete]
    details = {"kinds": {k: c.duration.days for k, c in per_kind.items() if c.duration},
               "periods": {k: c.duration.describe() for k, c in per_kind.items() if c.duration},
               "general_days": max((c.duration.days for c in general if c.duration), default=None),
               "vague_statements": len(vague), "pages_read": reading.urls}
    listed: list[MessageParam] = [msg(N_("{kind} {period}"), kind=msg(KIND_LABELS[k]), period=period_words(c.duration.days))
                                  for k, c in per_kind.items() if c.duration]
    if len(per_kind) >= 2:
        return _stated("EVIDENCE-02", "pass", msg(N_("Retention periods for {n} kinds of data: {listed}"),
                                                  n=len(per_kind), listed=listed),
                       per_kind.values(), bundle, docs, details)
    if per_kind:
        return _stated("EVIDENCE-02", "partial",
                       msg(N_("Retention period for 1 kind of data: {listed}; no concrete period for other kinds"),
                           listed=listed),
                       per_kind.values(), bundle, docs, details)
    if general:
        period = max(general, key=lambda c: c.duration.days if c.duration else 0)
        days = period.duration.days if period.duration else 0
        return _stated("EVIDENCE-02", "partial",
                       msg(N_("One concrete retention period ({period}) for personal data in general, none per kind "
                              "of data"), period=period_words(days)), [period], bundle, docs, details)
    if vague:
        return _stated("EVIDENCE-02", "fail",
                       msg(N_("Only vague retention statements (such as \"{phrase}\") in {pages}"),
                           phrase=vague[0].vague_phrase, pages=_pages(docs)),
                       vague[:3], bundle, docs, details)
    return _stated("EVIDENCE-02", "fail", msg(N_("No retention period found in {pages}"), pages=_pages(docs)),
                   [], bundle, docs, details)


def _longest_per_kind(clauses: Iterable[RetentionClause]) -> dict[str, RetentionClause]:
    best: dict[str, RetentionClause] = {}
    for c in clauses:
        for kind in c.data_kinds:
            if kind in DATA_KINDS and c.duration and (kind not in best or c.duration.days > best[kind].duration.days):
                best[kind] = c
    return {k: best[k] for k in DATA_KINDS if k in best}


# =============================================================================== EVIDENCE-03


@check(
    "EVIDENCE-03",
    legal="DSA art. 18; e-Evidence Regulation (EU) 2023/1543",
    en=Texts(
        title="Removed or reported content preserved",
        criterion=(
            "Removed or reported content and the account data behind it are preserved for investigations for 90 days or more."
        ),
        why=(
            "When a reported ad is deleted immediately and permanently, the evidence that could identify a trafficker or a "
            "victim disappears with it. The DSA (art. 18) and the e-Evidence Regulation expect platforms to secure the data "
            "an investigation needs, and a preservation order only works if the data still exists."
        ),
        fix=(
            "Preserve removed and reported content, with the account data, IP logs and payment data behind it, for at least "
            "90 days (better: twelve months for trafficking and child exploitation), with restricted access. Say so in the "
            "privacy policy, and honour preservation requests from authorities."
        ),
    ),
    nl=Texts(
        title="Verwijderde of gemelde inhoud bewaard",
        criterion=(
            "Verwijderde of gemelde inhoud en de accountgegevens erachter worden voor onderzoek minstens 90 dagen bewaard."
        ),
        why=(
            "Als een gemelde advertentie direct en definitief wordt verwijderd, verdwijnt het bewijs dat een mensenhandelaar "
            "of een slachtoffer kan identificeren mee. De DSA (art. 18) en de e-Evidence-verordening verwachten dat "
            "platforms de gegevens veiligstellen die een onderzoek nodig heeft, en een bewaarbevel werkt alleen als de "
            "gegevens er nog zijn."
        ),
        fix=(
            "Bewaar verwijderde en gemelde inhoud, met de accountgegevens, IP-logs en betaalgegevens erachter, minstens 90 "
            "dagen (beter: twaalf maanden bij mensenhandel en kinderuitbuiting), met beperkte toegang. Vermeld dat in het "
            "privacybeleid en geef gehoor aan bewaarverzoeken van autoriteiten."
        ),
    ),
)
def removed_content_preserved(bundle: Bundle) -> Finding:
    """Removed or reported content, and the account data behind it, is preserved for investigations."""
    docs, reading = _read(bundle)
    if not docs:
        return _not_assessed("EVIDENCE-03", msg(N_("a statement on preserving removed or reported content")), bundle)
    kept = reading.of(PreservationClause)
    promises = reading.of(DeletionPromise)
    timed = [c for c in kept if c.period]
    longest = max(timed, key=lambda c: c.period.days if c.period else 0, default=None)
    defaults = [c.period.days for c in timed if c.period and c.trigger == "default"]
    details = {"max_preservation_days": longest.period.days if longest and longest.period else None,
               "max_default_preservation_days": max(defaults, default=None),
               "preservation_on_request": any(c.trigger == "on_request" for c in kept),
               "deletion_promise": bool(promises) and not kept, "pages_read": reading.urls}
    if longest and longest.period and longest.period.days >= PRESERVATION_FLOOR_DAYS:
        how = (msg(N_("Removed or reported content is preserved for {period} at an authority's request"),
                   period=period_words(longest.period.days))
               if longest.trigger == "on_request" else
               msg(N_("Removed or reported content is preserved for {period} by default"),
                   period=period_words(longest.period.days)))
        return _stated("EVIDENCE-03", "pass", how, [longest], bundle, docs, details)
    if kept:
        return _stated("EVIDENCE-03", "partial", _partial_preservation(kept, longest), kept[:3], bundle, docs, details)
    if promises:
        return _stated("EVIDENCE-03", "fail", msg(N_("Removed content is deleted immediately and permanently, with no "
                                                     "exception for investigations")), promises[:3], bundle, docs, details)
    return _stated("EVIDENCE-03", "fail", msg(N_("Nothing about preserving removed or reported content in {pages}"),
                                              pages=_pages(docs)),
                   [], bundle, docs, details)


def _partial_preservation(kept: list[PreservationClause], longest: PreservationClause | None) -> Message:
    if longest and longest.period:
        if longest.trigger == "on_request":
            return msg(N_("Removed or reported content is preserved for only {period} (less than {floor} days) at an "
                          "authority's request"), period=period_words(longest.period.days), floor=PRESERVATION_FLOOR_DAYS)
        return msg(N_("Removed or reported content is preserved for only {period} (less than {floor} days) by default"),
                   period=period_words(longest.period.days), floor=PRESERVATION_FLOOR_DAYS)
    if kept[0].trigger == "on_request":
        return msg(N_("Removed or reported content is preserved at an authority's request, but no period is stated"))
    return msg(N_("Removed or reported content is preserved by default, but no period is stated"))

# =============================================================================== EVIDENCE-04


@check(
    "EVIDENCE-04",
    legal="DSA art. 18",
    en=Texts(
        title="Suspected crimes reported on own initiative",
        criterion=(
            "The platform reports suspected trafficking or child exploitation to police or a legal reporting centre itself."
        ),
        why=(
            "DSA art. 18 obliges a platform that becomes aware of a suspected criminal offence involving a threat to "
            "someone's life or safety to inform the police or judicial authorities promptly. Trafficking and child sexual "
            "exploitation are such offences. A policy that hands over data only \"on a court order\" leaves victims waiting "
            "for an investigation that may never start."
        ),
        fix=(
            "State in the policy that you report suspected human trafficking and child sexual exploitation to the police on "
            "your own initiative (and child sexual abuse material also to a hotline such as the EOKM or NCMEC), and set up "
            "the internal route: who decides, how fast, and what is sent."
        ),
    ),
    nl=Texts(
        title="Vermoedens van misdrijven zelf gemeld",
        criterion=(
            "Het platform meldt vermoedens van mensenhandel of kinderuitbuiting uit zichzelf bij politie of een wettelijk "
            "meldpunt."
        ),
        why=(
            "Art. 18 DSA verplicht een platform dat kennis krijgt van een vermoedelijk strafbaar feit dat iemands leven of "
            "veiligheid bedreigt, om politie of justitie onverwijld te informeren. Mensenhandel en seksuele uitbuiting van "
            "kinderen zijn zulke feiten. Een beleid dat alleen gegevens afgeeft \"op bevel van de rechter\", laat "
            "slachtoffers wachten op een onderzoek dat misschien nooit begint."
        ),
        fix=(
            "Vermeld in het beleid dat u vermoedens van mensenhandel en seksuele uitbuiting van kinderen uit eigen beweging "
            "bij de politie meldt (en beeldmateriaal van seksueel kindermisbruik ook bij een meldpunt zoals het EOKM), en "
            "richt de interne route in: wie beslist, hoe snel, en wat er wordt doorgegeven."
        ),
    ),
)
def crimes_reported_to_police(bundle: Bundle) -> Finding:
    """Suspected crimes are reported to the police on the platform's own initiative (DSA art. 18)."""
    docs, reading = _read(bundle)
    if not docs:
        return _not_assessed("EVIDENCE-04", msg(N_("a statement on reporting suspected crimes to the police")), bundle)
    clauses = reading.of(CooperationClause)
    by_mode = {m: [c for c in clauses if c.mode == m] for m in ("proactive", "on_request", "discretionary", "refusal")}
    crimes = sorted({crime for c in by_mode["proactive"] for crime in c.crimes})
    details = {"modes": sorted(m for m, cs in by_mode.items() if cs), "crimes_named": crimes,
               "recipients": sorted({r for c in clauses for r in c.recipients}), "pages_read": reading.urls}
    proactive, refusal = by_mode["proactive"], by_mode["refusal"]
    if proactive and refusal:
        return _stated("EVIDENCE-04", "needs_review", msg(N_("The policies both promise to report suspected crimes to "
                                                             "the authorities and refuse to hand data to them")),
                       proactive[:2] + refusal[:2], bundle, docs, details)
    if proactive:
        sentence = (msg(N_("The platform says it reports suspected crimes to the authorities on its own initiative, "
                           "naming {crimes}"), crimes=_crime_words(crimes)) if crimes else
                    msg(N_("The platform says it reports suspected crimes to the authorities on its own initiative")))
        return _stated("EVIDENCE-04", "pass", sentence, proactive, bundle, docs, details)
    if by_mode["on_request"]:
        return _stated("EVIDENCE-04", "partial", msg(N_("Data is given to authorities only on an order or request; no "
                                                        "reporting on the platform's own initiative")),
                       by_mode["on_request"], bundle, docs, details)
    if by_mode["discretionary"]:
        return _stated("EVIDENCE-04", "partial", msg(N_("Data may be disclosed to authorities (for example to protect "
                                                        "safety); no reporting of suspected crimes on the platform's "
                                                        "own initiative")),
                       by_mode["discretionary"], bundle, docs, details)
    if refusal:
        return _stated("EVIDENCE-04", "fail", msg(N_("The policy refuses to hand data to the police or other "
                                                     "authorities")), refusal, bundle, docs, details)
    return _stated("EVIDENCE-04", "fail", msg(N_("Nothing about reporting suspected crimes to authorities in {pages}"),
                                              pages=_pages(docs)),
                   [], bundle, docs, details)


def _crime_words(crimes: list[str]) -> MessageParam:
    return chain([msg(CRIME_WORDS[c]) if c in CRIME_WORDS else c for c in crimes], N_("{head} and {item}"))

# =============================================================================== EVIDENCE-05


@check(
    "EVIDENCE-05",
    legal="DSA art. 11",
    en=Texts(
        title="Point of contact for authorities",
        criterion="A page or address meant for authorities (law enforcement).",
        why=(
            "When the police need data urgently (a missing minor, a victim in danger) they should not have to go through the "
            "customer-service form. DSA art. 11 requires every platform to designate a single point of contact for "
            "authorities and to publish how to reach it."
        ),
        fix=(
            "Publish a law-enforcement page or a dedicated address (for example lawenforcement@...) that says which "
            "languages you accept, what a request should contain, and how to reach you around the clock in an emergency."
        ),
    ),
    nl=Texts(
        title="Contactpunt voor autoriteiten",
        criterion="Een pagina of adres bedoeld voor autoriteiten (politie en justitie).",
        why=(
            "Als de politie dringend gegevens nodig heeft (een vermiste minderjarige, een slachtoffer in gevaar), hoort ze "
            "niet via het klantenserviceformulier te moeten. Art. 11 DSA verplicht elk platform één contactpunt voor "
            "autoriteiten aan te wijzen en bekend te maken hoe dat te bereiken is."
        ),
        fix=(
            "Publiceer een pagina of een apart adres voor politie en justitie (bijvoorbeeld politie@...) met de talen die u "
            "accepteert, wat een verzoek moet bevatten, en hoe u bij spoed dag en nacht bereikbaar bent."
        ),
    ),
)
def authorities_have_contact_point(bundle: Bundle) -> Finding:
    """Authorities have a point of contact: a law-enforcement page or an address meant for them."""
    docs, reading = _read(bundle)
    if not docs:
        return _not_assessed("EVIDENCE-05", msg(N_("a contact point for authorities")), bundle)
    contacts = reading.of(AuthorityContact)
    dedicated = [c for c in contacts if c.kind == "authorities"]
    pages = [d for d in docs if "law_enforcement" in d.kinds and "help" not in d.kinds]
    links = _law_enforcement_links(bundle)
    details = {"addresses": sorted({c.address for c in dedicated if c.address}),
               "pages": [d.url for d in pages], "links": [href for href, _, _ in links], "pages_read": reading.urls}
    if dedicated:
        address = next((c.address for c in dedicated if c.address), "")
        where = address or msg(N_("a contact point"))
        return _stated("EVIDENCE-05", "pass", msg(N_("Authorities have their own contact route: {where}"), where=where),
                       dedicated, bundle, docs, details)
    if pages:
        first = split_sentences(pages[0].text, pages[0].language)
        quote = Quote(url=pages[0].url, text=pages[0].title or (first[0].quote if first else pages[0].url))
        return _stated("EVIDENCE-05", "pass", msg(N_("A page meant for authorities: {url}"), url=pages[0].url),
                       [], bundle, docs, details, extra_quotes=[quote])
    if links:
        href, name, where_ = links[0]
        return _stated("EVIDENCE-05", "pass", msg(N_("A page meant for authorities is linked: \"{name}\" ({href})"),
                                                  name=name, href=href),
                       [], bundle, docs, details, extra_quotes=[Quote(url=where_, text=name or href)])
    general = [c for c in contacts if c.kind == "general"]
    addressed = [c for c in general if c.for_authorities]
    if addressed:
        where = addressed[0].address or msg(N_("a general contact"))
        return _stated("EVIDENCE-05", "partial", msg(N_("Authorities are only pointed to a general or privacy contact "
                                                        "({where})"), where=where),
                       addressed, bundle, docs, details)
    if general:  # the catalogue: partial "whether or not the text points authorities to it"
        address = next((c.address for c in general if c.address), "")
        where = address or msg(N_("a contact form"))
        return _stated("EVIDENCE-05", "partial", msg(N_("No contact route meant for authorities; only a general contact "
                                                        "({where}) that an authority could use"), where=where),
                       general[:2], bundle, docs, details)
    routes = general_contact(bundle)
    if routes["mailto"] or routes["pages"]:  # a contact page or address the site offers, not named in the policy
        route = (routes["mailto"] or routes["pages"])[0].removeprefix("mailto:")
        return finding("EVIDENCE-05", "partial", msg(N_("No contact route meant for authorities; only the platform's "
                                                        "general contact ({where}) that an authority could use"),
                                                     where=route),
                       basis="observed", general_contact=routes,
                       evidence=[Evidence(kind="page", url=u, note_message=msg(N_("general contact route")))
                                 for u in routes["pages"][:2]])
    return _stated("EVIDENCE-05", "fail", msg(N_("No contact route for authorities in {pages}"), pages=_pages(docs)),
                   [], bundle, docs, details)

def _law_enforcement_links(bundle: Bundle) -> list[tuple[str, str, str]]:
    """Links (href, name, page) on the platform's own site whose name or URL marks them as meant for authorities."""
    host = urlsplit(bundle.platform.url).hostname or ""
    found: dict[str, tuple[str, str, str]] = {}
    for page in bundle.ok_pages():
        for el in page.elements:
            if not el.href or not within_host(el.href, host) or el.href in found:
                continue
            if _names_kind(el, "law_enforcement") and not _names_kind(el, "help"):
                found[el.href] = (el.href, el.name or el.text, page.url)
    return list(found.values())


# =============================================================================== shared helpers


def period_words(days: int) -> Message:
    """A period in days as a reader says it, as words of a sentence: '6 months', '2 years', '90 days',
    'immediately' (Dutch '6 maanden' from the catalogue)."""
    if days == 0:
        return msg(N_("immediately"))
    if days % 365 == 0:
        return nmsg("{n} year", "{n} years", n=days // 365)
    months = round(days * 12 / 365)
    if days >= 28 and months and int(months * 365 / 12 + 0.5) == days:
        return nmsg("{n} month", "{n} months", n=months)
    return nmsg("{n} day", "{n} days", n=days)


def _read(bundle: Bundle) -> tuple[list[PolicyDocument], PolicyReading]:
    return policy.read_bundle(bundle, READ_KINDS, roles=READ_ROLES)


def _pages(docs: list[PolicyDocument]) -> Message:
    urls = f"({', '.join(d.url for d in docs[:3])}" + (", ...)" if len(docs) > 3 else ")")
    return nmsg("{n} policy page {urls}", "{n} policy pages {urls}", n=len(docs), urls=urls)


def _not_assessed(check_id: str, what: Message, bundle: Bundle) -> Finding:
    """No policy page read: `fail` when the site links none at all (its absence is the evidence),
    `not_assessed` when pages were linked or failed to load but could not be read."""
    pages = bundle.ok_pages()
    if pages and not policy_linked(bundle, policy.POLICY_KINDS):
        return finding(check_id, "fail", msg(N_("The platform has no policy page: none of the {n} sampled pages links a "
                                                "privacy policy, terms or other policy, so nothing is stated about "
                                                "{what}"), n=len(pages), what=what),
                       basis="stated", looked_for=LOOKED_FOR, pages_seen=len(pages))
    return finding(check_id, "not_assessed", msg(N_("No policy page was collected, so {what} could not be read (looked "
                                                    "for {looked_for})"), what=what, looked_for=msg(LOOKED_FOR)),
                   basis="stated", looked_for=LOOKED_FOR, pages_seen=len(pages))

def policy_linked(bundle: Bundle, kinds: Iterable[str]) -> bool:
    """Whether any page links (or any page, loaded or not, is) a policy page of one of `kinds`."""
    kinds = tuple(kinds)
    if any(pages.page_kinds(p.url, p.title, p.link_text) & set(kinds) for p in bundle.pages):
        return True
    return any(_links_to(p, k) for p in bundle.ok_pages() for k in kinds)


def _stated(check_id: str, status: str, sentence: Message, clauses: Iterable[Clause], bundle: Bundle,
            docs: list[PolicyDocument], details: dict, extra_quotes: list[Quote] | None = None) -> Finding:
    """A finding read in the policies: quotes of every clause used, and the policy texts as evidence."""
    return finding(check_id, status, sentence, basis="stated", quotes=(extra_quotes or []) + quotes(clauses),
                   evidence=text_evidence(bundle, docs), **details)


QUOTE_CHARS = 320  # a quote longer than this is cut at a word boundary, with an ellipsis


def quotes(clauses: Iterable[Clause]) -> list[Quote]:
    """One quote per distinct sentence the verdict rests on, with its page URL, shortened cleanly: a list
    lead-in shared with the quote before it is given once, a phrase repeated back to back once, and a long
    sentence is cut at a word boundary."""
    out: list[Quote] = []
    leads: set[tuple[str, str]] = set()
    for c in clauses:
        text = clean_quote(c.sentence)
        lead, sep, item = text.partition(": ")
        if sep and item and len(lead) < len(text) // 2 + 80:
            if (c.url, lead) in leads:
                text = f"... {item}"
            leads.add((c.url, lead))
        q = Quote(url=c.url, text=shorten(text))
        if q not in out:
            out.append(q)
    return out[:MAX_QUOTES]


_REPEAT = re.compile(r"\b((?:\S+\s+)+?\S+)(?:\s*[:;]?\s+\1(?!\w))+", re.IGNORECASE)


def clean_quote(text: str) -> str:
    """Whitespace collapsed and a phrase of two or more words repeated back to back kept once."""
    text = re.sub(r"\s+", " ", text).strip()
    return _REPEAT.sub(r"\1", text)


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-")
    return f"{cut} ..."


def text_evidence(bundle: Bundle, docs: list[PolicyDocument]) -> list[Evidence]:
    """The saved visible text of each page that was read."""
    out = []
    for doc in docs:
        page = bundle.page_by_url(doc.url)
        path = page.files.get("text") if page else None
        out.append(Evidence(kind="text", path=path, sha256=bundle.manifest.get(path) if path else None, url=doc.url))
    return out
