"""Item pages out of reach behind an age gate the passive audit cannot pass.

A strong gate (an age estimation or ID check at a partner, a random session key) keeps a passive audit away from
every ad, profile or stream. The checks that need an item page then say `not_assessed`; where the catalogue's
criterion can also be met by what stands in the open (a public report form, a stated "only members can message",
a help page in the footer of every page the gate included), these helpers say what that is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checks import lexicon
from checks.routes import SITE_WIDE_REGIONS
from checks.text import sentences
from safehaven.bundle import Bundle
from safehaven.models import AgeGateProbe, GateObservation, Quote


def unpassable_gate(bundle: Bundle) -> GateObservation | None:
    """The age gate that kept every item page out of reach: no item page in the bundle, and the age-gate probe met a
    gate on the start page or a deep link and could not pass it (None otherwise)."""
    if bundle.item_pages():
        return None
    probe = bundle.probe("age_gate", AgeGateProbe)
    if probe is None or probe.passed_gate:
        return None
    return next((o for o in probe.observations if o.gate and o.entry in ("start", "deep_link") and not o.error), None)


def site_wide_link(bundle: Bundle, is_target: Callable[[str], bool]) -> bool:
    """Every page visited links a target (`is_target(href)`) from its header, navigation or footer."""
    pages = bundle.ok_pages()
    return bool(pages) and all(any(el.href and el.region in SITE_WIDE_REGIONS and is_target(el.href)
                                   for el in p.elements) for p in pages)


def members_only_contact(bundle: Bundle) -> Quote | None:
    """A sentence on a help, policy, signup or safety page saying that only (verified) members can message, chat or
    contact people, or that visitors cannot ("Only verified members can chat, tip or send private messages")."""
    rules = [re.compile(p, re.I) for p in lexicon.words("contact", "members_only_rule")]
    for page in bundle.ok_pages("help", "policy", "signup", "other", "start"):
        for s in sentences(bundle.text(page)):
            if any(r.search(s) for r in rules):
                return Quote(url=page.final_url or page.url, text=s[:400])
    return None
