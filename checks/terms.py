"""TERMS: the terms and community rules forbid trafficking, minors and third-party ads, with a sanction."""

from __future__ import annotations

from checks import policy
from checks.base import check, finding
from checks.evidence import policy_linked, quotes, text_evidence
from checks.policy import TOPICS, Clause, Prohibition, Sanction
from safehaven.bundle import Bundle
from safehaven.catalogue import Texts
from safehaven.i18n import N_, join, msg, nmsg
from safehaven.models import Finding, Message

LOOKED_FOR = N_("terms or community rules (role policy, or terms/voorwaarden/algemene voorwaarden/gebruiksvoorwaarden/"
              "community guidelines/huisregels in the URL, title or link text)")
TOPIC_WORDS = {"trafficking": N_("trafficking or exploitation"), "minors": N_("minors"),
               "third_party": N_("ads or profiles run by someone else")}
# The kinds of sanction, as the English sentence names them (the words are message ids).
SANCTION_WORDS = {"removal": N_("removal"), "ban": N_("ban"), "police": N_("police")}
LEVELS = {"pass": 4, "partial": 2}


def level(findings: dict[str, Finding]) -> int:
    """The TERMS level: 4 when TERMS-01 passes, 2 when partial, else 0."""
    f = findings.get("TERMS-01")
    return LEVELS.get(f.status, 0) if f else 0


@check(
    "TERMS-01",
    legal="DSA art. 14",
    en=Texts(
        title="Terms forbid exploitation, minors and third-party ads",
        criterion=(
            "The terms forbid trafficking or exploitation, minors, and ads or profiles run by someone other than the person "
            "shown, with a sanction."
        ),
        why=(
            "Explicit prohibitions give moderators the ground to remove ads and ban accounts quickly, and tell every user "
            "that exploitation is not tolerated. A generic \"no illegal content\" leaves room for argument; naming "
            "trafficking, minors and third-party ads does not. DSA art. 14 requires terms that are clear and applied with "
            "diligence."
        ),
        fix=(
            "Write into the terms or community rules, in so many words: no human trafficking, forced prostitution, coercion "
            "or pimping; no ads, profiles or sexual content of anyone under 18; no ads or profiles placed or run by anyone "
            "other than the person shown. Attach a sanction: removal, a permanent ban and a report to the police."
        ),
    ),
    nl=Texts(
        title="Voorwaarden verbieden uitbuiting, minderjarigen en plaatsing door derden",
        criterion=(
            "De voorwaarden verbieden mensenhandel of uitbuiting, minderjarigen, en advertenties of profielen beheerd door "
            "een ander dan de persoon zelf, met een sanctie."
        ),
        why=(
            "Uitdrukkelijke verboden geven moderatoren de grond om advertenties snel te verwijderen en accounts te "
            "blokkeren, en laten elke gebruiker weten dat uitbuiting niet wordt getolereerd. Een algemeen \"geen illegale "
            "inhoud\" laat ruimte voor discussie; mensenhandel, minderjarigen en plaatsing door derden bij naam noemen niet. "
            "Art. 14 DSA eist voorwaarden die duidelijk zijn en zorgvuldig worden toegepast."
        ),
        fix=(
            "Schrijf in de voorwaarden of huisregels met zoveel woorden: geen mensenhandel, gedwongen prostitutie, dwang of "
            "pooierschap; geen advertenties, profielen of seksuele inhoud van iemand onder de 18; geen advertenties of "
            "profielen die door een ander dan de getoonde persoon worden geplaatst of beheerd. Verbind er een sanctie aan: "
            "verwijdering, een permanente blokkade en aangifte bij de politie."
        ),
    ),
)
def terms_forbid_exploitation(bundle: Bundle) -> Finding:
    """The terms forbid (a) trafficking, (b) minors and (c) third-party ads or profiles, with a sanction."""
    docs, reading = policy.read_bundle(bundle, ("terms", "rules"), roles=("policy",))
    if not docs:
        return _no_terms(bundle)
    rules = reading.of(Prohibition)
    by_topic = {t: [p for p in rules if p.topic == t] for t in TOPICS}
    covered = [t for t in TOPICS if by_topic[t]]
    standalone = reading.of(Sanction)
    sanctions = sorted({k for p in rules for k in p.sanctions} | {k for s in standalone for k in s.kinds})
    used: list[Clause] = [by_topic[t][0] for t in covered]
    used += next(([p] for p in rules if p.sanctions), standalone[:1])
    details = {"forbids": covered, "missing": [t for t in TOPICS if t not in covered], "sanctions": sanctions,
               "pages_read": reading.urls}
    status, sentence = _verdict(covered, sanctions, len(docs))
    return finding("TERMS-01", status, sentence, basis="stated", quotes=quotes(used),
                   evidence=text_evidence(bundle, docs), **details)


def _no_terms(bundle: Bundle) -> Finding:
    """`fail` when no page links terms or rules at all; `not_assessed` when they exist but were not read."""
    pages = bundle.ok_pages()
    if pages and not policy_linked(bundle, ("terms", "rules")):
        return finding("TERMS-01", "fail", msg(N_("The platform has no terms or community rules: none of the {n} "
                       "sampled pages links them"), n=len(pages)), basis="stated", looked_for=LOOKED_FOR)
    return finding("TERMS-01", "not_assessed", msg(N_("No terms or community rules page was collected (looked for "
                   "{looked_for})"), looked_for=msg(LOOKED_FOR)),
                   basis="stated", looked_for=LOOKED_FOR)


def _verdict(covered: list[str], sanctions: list[str], pages: int) -> tuple[str, Message]:
    """Status and sentence."""
    if not covered:
        return "fail", nmsg("The terms ({n} page read) forbid none of trafficking, minors or ads run by someone else",
                            "The terms ({n} pages read) forbid none of trafficking, minors or ads run by someone else",
                            n=pages)
    forbidden = join([msg(TOPIC_WORDS[t]) for t in covered])
    missing = [msg(TOPIC_WORDS[t]) for t in TOPICS if t not in covered]
    sanction = (msg(N_("with sanctions ({sanctions})"), sanctions=[msg(SANCTION_WORDS[k]) if k in SANCTION_WORDS
                                                                   else k for k in sanctions]) if sanctions
                else msg(N_("but name no sanction")))
    if not missing and sanctions:
        return "pass", msg(N_("The terms forbid {forbidden}, {sanction}"), forbidden=forbidden, sanction=sanction)
    if missing:
        return "partial", msg(N_("The terms forbid {forbidden}, {sanction}; nothing against {missing}"),
                              forbidden=forbidden, sanction=sanction, missing=join(missing, "or"))
    return "partial", msg(N_("The terms forbid {forbidden}, {sanction}"), forbidden=forbidden, sanction=sanction)
