"""HELP: a help or safety page with support for (possible) victims, linked from item pages (HELP-01)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from checks import policy
from checks.base import check, finding
from checks.evidence import quotes, text_evidence
from checks.gated import site_wide_link, unpassable_gate
from checks.policy import HelpResource, PolicyDocument
from safehaven.bundle import Bundle
from safehaven.catalogue import Texts
from safehaven.i18n import N_, msg, nmsg
from safehaven.models import Evidence, Finding, Message, MessageParam, PageRecord

LOOKED_FOR = N_("help or safety pages (role help, or help/hulp/safety/veiligheid/support/slachtoffer in the URL, "
              "title or link text)")
# The resources whose lexicon name is a description rather than a proper name: translated as message ids.
RESOURCE_NAMES = {"emergency": N_("Emergency number"), "police": N_("Police"),
                  "victim_support_116006": N_("Victim support line 116 006"),
                  "child_helpline_116111": N_("Child helpline 116 111")}
LEVELS = {"pass": 4, "partial": 2}


def level(findings: dict[str, Finding]) -> int:
    """The HELP level: 4 when HELP-01 passes, 2 when partial, else 0."""
    f = findings.get("HELP-01")
    return LEVELS.get(f.status, 0) if f else 0


@check(
    "HELP-01",
    legal="DSA art. 34-35",
    en=Texts(
        title="Help for (possible) victims",
        criterion="A help or safety page naming at least two support resources, linked directly from item pages.",
        why=(
            "People who are exploited through a platform rarely look for help on a government website; they are on the "
            "platform. A help page linked from every ad or profile, naming concrete organisations and numbers, may be the "
            "only way out they ever see."
        ),
        fix=(
            "Create a help and safety page that names at least 112 for emergencies, the police (0900-8844), Meld Misdaad "
            "Anoniem (0800-7000) and specialised help such as Fier (chatmetfier.nl) and CoMensha, and for minors the "
            "Kindertelefoon (0800-0432). Link it from the footer or body of every item page."
        ),
    ),
    nl=Texts(
        title="Hulp voor (mogelijke) slachtoffers",
        criterion="Een hulp- of veiligheidspagina met minstens twee hulpbronnen, direct gelinkt vanaf itempagina's.",
        why=(
            "Mensen die via een platform worden uitgebuit, zoeken zelden hulp op een overheidswebsite; ze zijn op het "
            "platform. Een hulppagina die vanaf elke advertentie of elk profiel is gelinkt en concrete organisaties en "
            "nummers noemt, is misschien de enige uitweg die ze ooit zien."
        ),
        fix=(
            "Maak een hulp- en veiligheidspagina die minstens 112 voor noodgevallen noemt, de politie (0900-8844), Meld "
            "Misdaad Anoniem (0800-7000) en gespecialiseerde hulp zoals Fier (chatmetfier.nl) en CoMensha, en voor "
            "minderjarigen de Kindertelefoon (0800-0432). Link hem vanuit de voettekst of de inhoud van elke itempagina."
        ),
    ),
)
def victim_support_linked_from_items(bundle: Bundle) -> Finding:
    """A help or safety page naming support resources for victims, linked directly from item pages."""
    docs = policy.policy_documents(bundle, ("help",), roles=("help",))
    support = {doc.url: found for doc in docs if (found := _resources(doc))}
    items = item_pages(bundle)
    seen = len(bundle.ok_pages())
    if not items and not support and seen >= 5:
        # No support page anywhere on the pages visited: "none" is a fact whether or not items were found.
        return finding("HELP-01", "fail", msg(N_("No help or safety page naming support for victims was found on the "
                       "{seen} pages visited (help pages read: {read})."), seen=seen, read=len(docs)),
                       basis="stated", looked_for=LOOKED_FOR, help_pages_read=[d.url for d in docs])
    if not items and support and unpassable_gate(bundle) is not None and \
            site_wide_link(bundle, lambda href, t=_support_targets(bundle, support): _normal(href) in t):
        # what a visitor meets at every item's address is the gate, and it carries the site's footer with the link
        every = _name_params(r for rs in support.values() for r in rs)
        named = nmsg("{n} support resource ({names})", "{n} support resources ({names})", n=len(every), names=every)
        return finding("HELP-01", "pass", msg(N_("No item page could be reached behind the age gate; every page visited, "
                       "the gate included, links the help page {url} in its header or footer, which names {named}."),
                       url=next(iter(support)), named=named), basis="stated",
                       quotes=quotes(r for rs in support.values() for r in rs), support_pages=list(support),
                       evidence=text_evidence(bundle, [d for d in docs if d.url in support]))
    if not items:
        return finding("HELP-01", "not_assessed", msg(N_("No item page was collected, so links from item pages to a "
                       "help page could not be checked{note}"), note=_found_note(support)), basis="stated",
                       quotes=quotes(r for rs in support.values() for r in rs), looked_for=LOOKED_FOR,
                       support_pages=list(support))
    on_items = {p.url: policy.read_policy(bundle.text(p), p.url, language=p.lang or None).of(HelpResource)
                for p in items}
    targets = _support_targets(bundle, support)
    linked = [p for p in items if on_items[p.url] or _links_to_support(p, targets)]
    reached = _reached_resources(items, on_items, support, targets)
    every = _names(r for rs in (*support.values(), *on_items.values()) for r in rs)
    details = {"resources": every, "resources_linked": _names(reached), "support_pages": list(support),
               "items_linked": len(linked), "items_total": len(items), "help_pages_read": [d.url for d in docs]}
    used = [*reached, *(r for rs in support.values() for r in rs)]
    evidence = text_evidence(bundle, [d for d in docs if d.url in support]) + [
        Evidence(kind="page", url=p.url, note_message=msg(N_("no link to a help page with support resources")))
        for p in items if p not in linked][:10]
    names = {"every": _name_params(r for rs in (*support.values(), *on_items.values()) for r in rs),
             "reached": _name_params(reached)}
    status, sentence = _verdict(docs, support, items, linked, names)
    return finding("HELP-01", status, sentence, basis="stated", quotes=quotes(used), evidence=evidence, **details)


def item_pages(bundle: Bundle) -> list[PageRecord]:
    """The item pages; when the collector marked none, a family of three or more pages whose URLs differ
    only in an ID-like last part (/companion/1, /companion/2, ...) is taken for them."""
    items = bundle.item_pages()
    if items:
        return items
    families: dict[str, list[PageRecord]] = defaultdict(list)
    for page in bundle.ok_pages("other", "listing"):
        head, _, last = urlsplit(page.final_url or page.url).path.rstrip("/").rpartition("/")
        if head and re.search(r"\d", last):
            families[head].append(page)
    best = max(families.values(), key=len, default=[])
    return best if len(best) >= 3 else []


def _verdict(docs: list[PolicyDocument], support: dict[str, list[HelpResource]], items: list[PageRecord],
             linked: list[PageRecord], names: dict[str, list[MessageParam]]) -> tuple[str, Message]:
    """Status and sentence (`names`: every resource named, and those reached from the item pages)."""
    every, reached = names["every"], names["reached"]
    n = len(items)
    if not every:
        if docs:
            return "fail", nmsg("No help or safety page naming support resources for victims found ({n} help page "
                                "read, none names one)", "No help or safety page naming support resources for victims "
                                "found ({n} help pages read, none names one)", n=len(docs))
        return "fail", msg(N_("No help or safety page naming support resources for victims found"))
    subject = (msg(N_("Help page {url}"), url=next(iter(support))) if support
               else msg(N_("Help page item pages")))
    named = nmsg("{n} support resource ({names})", "{n} support resources ({names})", n=len(every), names=every)
    if len(linked) == len(items) and len(reached) >= 2:
        return "pass", msg(N_("{subject} names {named} and is linked from all {n} item pages"), subject=subject,
                           named=named, n=n)
    if not linked:
        return "partial", msg(N_("{subject} names {named} but is not linked from any of the {n} item pages"),
                              subject=subject, named=named, n=n)
    if len(linked) < len(items):
        return "partial", msg(N_("{subject} names {named} but is linked from only {linked} of {n} item pages"),
                              subject=subject, named=named, linked=len(linked), n=n)
    return "partial", msg(N_("Help linked from all {n} item pages names only one support resource ({names})"), n=n,
                          names=reached)


def _found_note(support: dict[str, list[HelpResource]]) -> Message:
    if not support:
        return msg(N_("; no help page with support resources was found either (looked for {looked_for})"),
                   looked_for=msg(LOOKED_FOR))
    every = _name_params(r for rs in support.values() for r in rs)
    return nmsg("; help page {url} names {n} support resources ({names})",
                "; help page {url} names {n} support resources ({names})", n=len(every), url=next(iter(support)),
                names=every)


def _resources(doc: PolicyDocument) -> list[HelpResource]:
    # No cross-page boilerplate removal: a support line in the site-wide footer is support all the same.
    return policy.read_documents([doc]).of(HelpResource)


def _names(resources: Iterable[HelpResource]) -> list[str]:
    """Resource names for a reader; the emergency number is named by its number (112, 999, 911)."""
    return list(dict.fromkeys(r.phone if r.key == "emergency" and r.phone else r.name for r in resources))


def _name_params(resources: Iterable[HelpResource]) -> list[MessageParam]:
    """The names of `_names` as sentence parameters: a descriptive name (RESOURCE_NAMES) is a message id."""
    out: dict[str, MessageParam] = {}
    for r in resources:
        name = r.phone if r.key == "emergency" and r.phone else r.name
        out.setdefault(name, msg(name) if name == RESOURCE_NAMES.get(r.key) else name)
    return list(out.values())


def _normal(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), (parts.hostname or "").removeprefix("www."), parts.path.rstrip("/"),
                       parts.query, ""))


def _support_targets(bundle: Bundle, support: dict[str, list[HelpResource]]) -> dict[str, str]:
    """Every URL under which a support page was seen (requested and final), mapped to the page read."""
    targets = {}
    for url in support:
        page = bundle.page_by_url(url)
        for u in filter(None, (url, page.url if page else None, page.final_url if page else None)):
            targets[_normal(u)] = url
    return targets


def _links_to_support(page: PageRecord, targets: dict[str, str]) -> bool:
    return any(el.href and _normal(el.href) in targets for el in page.elements)


def _reached_resources(items: list[PageRecord], on_items: dict[str, list[HelpResource]],
                       support: dict[str, list[HelpResource]], targets: dict[str, str]) -> list[HelpResource]:
    """The resources a visitor reaches from the item pages: in their own text or on a linked help page."""
    reached: list[HelpResource] = []
    for p in items:
        reached.extend(on_items[p.url])
        for el in p.elements:
            if el.href and _normal(el.href) in targets:
                reached.extend(support[targets[_normal(el.href)]])
    unique: dict[str, HelpResource] = {}
    for r in reached:
        unique.setdefault(r.key, r)
    return list(unique.values())
