"""The platform's own contact routes, as several checks need them (REPORT level 1, EVIDENCE-05 partial).

An address or contact page counts when the platform offers it: in the site-wide header, navigation
or footer, or on its own contact, help, policy or report pages. An address in the body of a user's ad,
post or a listing is the user's, not the platform's.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from checks.pages import page_kinds
from safehaven.bundle import Bundle

# The page regions every page repeats: what sits there is the platform's own, not an item's.
SITE_WIDE_REGIONS = ("footer", "nav", "header")

CONTACT_WORDS = re.compile(r"\b(contact(?! (upload|sync|import|book|list))|contact us|contacteer|neem contact op|"
                           r"contactformulier|klantenservice|"
                           r"customer service|get in touch|mail ons|e-mail ons|email us|feedback|give feedback|"
                           r"geef feedback)\b", re.I)
# A link named for reporting ("file a report", "report it", "meld misbruik") is a report form, even when its address runs
# through the platform's /contact/ path; a name that also offers contact ("report or contact us") stays a contact page.
REPORT_WORDS = re.compile(r"\b(report\w*|flag\w*|meld(en|ing)?|melding\w*|rapporteer\w*)\b", re.I)


# Addresses that only show what an address looks like: a board's formatting help ("[email]myname@example.com[/email]"),
# the documentation domains of RFC 2606 and placeholder names are nobody's contact route.
PLACEHOLDER_LOCAL = {"myname", "yourname", "your.name", "your-name", "your_name", "name", "you", "someone", "user",
                     "username", "jouwnaam", "uwnaam", "naam", "iemand", "voornaam.achternaam", "firstname.lastname"}
PLACEHOLDER_DOMAINS = ("example.com", "example.org", "example.net")


def is_placeholder_address(address: str) -> bool:
    """An example address (myname@example.com, jouwnaam@provider.nl), not a real route."""
    local, _, domain = address.lower().removeprefix("mailto:").split("?")[0].strip().partition("@")
    domain = domain.rstrip(".")
    return local in PLACEHOLDER_LOCAL or domain in PLACEHOLDER_DOMAINS or domain.endswith(
        tuple("." + d for d in PLACEHOLDER_DOMAINS))


# The kinds of page a site writes about itself: its rules, terms, privacy policy, help.
OWN_PAGE_KINDS = frozenset({"rules", "terms", "privacy", "help", "law_enforcement"})
# A page title names the page, then the site ("Forumregels – Buurtforum", "House rules | Board")
LISTING_PATH = re.compile(r"/(tags?|search|zoeken|categor\w*|topics?|forums?|threads?)/", re.I)
TITLE_SITE_SEPARATOR = re.compile(r"\s[-–—|·»:]\s")


def _names_own_policy(page) -> bool:
    """A page the site keeps about itself (its house rules, terms, privacy, help) by its address or a short title: an
    address written there ("questions? mail the moderators at ...") is the site's own, whatever role the crawl gave it.
    A long title ("New parking rules in our street") is a post about rules, not the rules; the address is read only
    when the page has no title."""
    if page.role == "listing" or LISTING_PATH.search(urlsplit(page.final_url or page.url).path):
        return False  # a tag or search listing named for its topic ("/tag/verkeersregels/") holds users' posts
    head = TITLE_SITE_SEPARATOR.split(page.title or "")[0].strip()
    if head:  # a page with a title is named by it: a few words that name the rules, not a post's address
        return len(head.split()) <= 3 and bool(page_kinds("", head) & OWN_PAGE_KINDS)
    return bool(page_kinds(page.final_url or page.url) & OWN_PAGE_KINDS)


def general_contact(bundle: Bundle) -> dict[str, list[str]]:
    """The platform's general contact routes: its own e-mail addresses and its contact pages.

    A general address or contact page lifts the REPORT level to 1 (the check catalogue), even when no
    report control exists. Addresses in users' item pages are not the platform's.
    """
    own = (urlsplit(bundle.platform.url).hostname or "").removeprefix("www.")
    mails, pages = set(), set()
    for page in bundle.ok_pages():
        if page.role == "item":
            continue
        where = f"{page.title} {urlsplit(page.final_url or page.url).path.replace('/', ' ').replace('-', ' ')}"
        own_page = (page.role in ("help", "policy", "report", "contact") or bool(CONTACT_WORDS.search(where))
                    or _names_own_policy(page))
        for el in page.elements:
            href = (el.href or "").strip()
            if not own_page and el.region not in SITE_WIDE_REGIONS:
                continue  # in the body of a start or listing page an address is as likely a user's as the platform's
            if href.lower().startswith("mailto:"):
                mails.add(href.split("?")[0].lower())
            elif href and (CONTACT_WORDS.search(el.name or "") or (
                    CONTACT_WORDS.search(urlsplit(href).path.replace("/", " ").replace("-", " "))
                    and not REPORT_WORDS.search(el.name or ""))):
                host = (urlsplit(href).hostname or own).removeprefix("www.")
                if not own or host == own or host.endswith("." + own):  # help.site.com is the site's own
                    pages.add(href.split("?")[0].split("#")[0])
        if own_page:
            for m in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", bundle.text(page)):
                mails.add("mailto:" + m.lower().rstrip("."))
    mails = {m for m in mails if not is_placeholder_address(m)}
    return {"mailto": sorted(mails)[:10], "pages": sorted(pages)[:10]}
