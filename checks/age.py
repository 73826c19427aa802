"""AGE: age assurance (CATALOGUE.md AGE-01..05 and the AGE ladder)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from checks import lexicon
from checks.base import check, finding
from checks.policy import sentences
from safehaven.bundle import Bundle
from safehaven.catalogue import Texts
from safehaven.models import AgeGateProbe, Evidence, Finding, Form, GateObservation, PageRecord, Quote, SignupTrial
from safehaven.urls import origin

METHOD_LEVELS = {"button": 1, "checkbox": 1, "dob": 2, "card": 3, "document": 4, "provider": 4}
METHOD_WORDS = {1: "a click-through self-declaration", 2: "a date-of-birth entry", 3: "a card or payment check",
                4: "age estimation or an ID upload", 5: "age verification with ID and liveness or bank ID", 0: "nothing"}
METHOD_WORDS_NL = {1: "een zelfverklaring met één klik", 2: "het invullen van een geboortedatum",
                   3: "een controle van bankpas of betaling", 4: "leeftijdsschatting of het uploaden van een identiteitsbewijs",
                   5: "leeftijdsverificatie met identiteitsbewijs en liveness, of bank-ID", 0: "niets"}
# The gate kinds and methods of a GateObservation, in Dutch (the English summary names them as they are).
GATE_WORDS_NL = {"modal": "pop-up", "interstitial": "tussenpagina", "redirect": "doorverwijzing", "none": "geen",
                 "button": "knop", "checkbox": "vinkje", "dob": "geboortedatum", "card": "bankpas",
                 "document": "upload van identiteitsbewijs", "provider": "verificatieaanbieder",
                 "frame": "ingesloten frame"}
NOT_ADULT_NL = "Geen platform voor volwassenen (adult = false in de auditdefinitie)."


@check(
    "AGE-01",
    legal="DSA art. 28; AVMSD art. 28b",
    en=Texts(
        title="Age gate before adult content",
        criterion=(
            "An age gate stands before adult content, in a fresh browser (no cookies), on the start page and on a direct "
            "link to a content page."
        ),
        why=(
            "Without an age gate, minors reach explicit ads and profiles in one click. A gate that sits only on the start "
            "page is skipped by every direct link shared on social media or in chats, and those links are exactly how "
            "recruiters reach young people. DSA art. 28 requires platforms that minors can access to ensure a high level of "
            "safety for them."
        ),
        fix=(
            "Put the age gate in front of every page with adult content, including direct links to ads and profiles, not "
            "only on the home page. Send no adult text or images until the visitor has passed the gate, and enforce this on "
            "the server."
        ),
    ),
    nl=Texts(
        title="Leeftijdspoort vóór volwassen inhoud",
        criterion=(
            "Een leeftijdspoort staat vóór volwassen inhoud, in een schone browser (zonder cookies), op de startpagina én "
            "bij een directe link naar een inhoudspagina."
        ),
        why=(
            "Zonder leeftijdspoort komen minderjarigen met één klik bij expliciete advertenties en profielen. Een poort die "
            "alleen op de startpagina staat, wordt overgeslagen door elke directe link die via sociale media of chats wordt "
            "gedeeld, en juist zo bereiken ronselaars jongeren. Art. 28 DSA verplicht platforms die voor minderjarigen "
            "toegankelijk zijn om hun een hoog niveau van veiligheid te bieden."
        ),
        fix=(
            "Zet de leeftijdspoort vóór elke pagina met volwassen inhoud, ook bij directe links naar advertenties en "
            "profielen, niet alleen op de homepage. Stuur geen volwassen tekst of beeld mee voordat de bezoeker de poort is "
            "gepasseerd, en dwing dat af op de server."
        ),
    ),
)
def age_gate_before_content(bundle: Bundle) -> Finding:
    """A gate on the start page and on a direct link to a content page, in a fresh browser."""
    cid = "AGE-01"
    if not bundle.platform.adult:
        return finding(cid, "not_applicable", "Not an adult platform (adult = false in the audit definition).",
                       nl=NOT_ADULT_NL)
    probe = bundle.probe("age_gate", AgeGateProbe)
    if probe is None:
        return finding(cid, "not_assessed", "The age-gate probe did not run, so no fresh-browser visit was made.",
                       nl="De test van de leeftijdspoort is niet uitgevoerd, dus er is geen bezoek in een schone "
                          "browser gedaan.")
    start = _first(probe, "start")
    deep = [o for o in probe.observations if o.entry == "deep_link" and not o.error]
    if start is None or start.error:
        return finding(cid, "not_assessed", f"The start page could not be opened in a fresh browser"
                       f"{': ' + start.error if start and start.error else ''}.",
                       nl=f"De startpagina kon niet in een schone browser worden geopend"
                          f"{': ' + start.error if start and start.error else ''}.")
    evidence = [_shot(o) for o in [start, *deep] if o.screenshot]
    if not start.gate and not any(o.gate for o in deep):
        return finding(cid, "fail", f"No age gate: a fresh browser sees the content of {start.url} and "
                       f"{len(deep)} deep-linked page(s) straight away.", evidence=evidence,
                       nl=f"Geen leeftijdspoort: een schone browser ziet meteen de inhoud van {start.url} en van "
                          f"{len(deep)} via een directe link geopende {_pages_nl(len(deep))}.")
    if not deep:
        return finding(cid, "needs_review", "Age gate on the start page, but no content page was found to test "
                       "whether a direct link skips it.", evidence=evidence,
                       nl="Leeftijdspoort op de startpagina, maar er is geen inhoudspagina gevonden om te testen of "
                          "een directe link de poort overslaat.")
    skipped = [o for o in deep if not o.gate]
    if start.gate and not skipped:
        return finding(cid, "pass", f"Age gate ({_kind(start)}) on the start page and on "
                       f"{len(deep)} of {len(deep)} directly opened content page(s).", evidence=evidence,
                       nl=f"Leeftijdspoort ({_kind(start, 'nl')}) op de startpagina en op {len(deep)} van de "
                          f"{len(deep)} direct geopende inhoudspagina's.")
    if start.gate:
        return finding(cid, "partial", f"Age gate only on the start page: a direct link to {skipped[0].url} "
                       f"opens without it ({len(skipped)} of {len(deep)} deep link(s)).", evidence=evidence,
                       nl=f"Leeftijdspoort alleen op de startpagina: een directe link naar {skipped[0].url} opent "
                          f"zonder poort ({len(skipped)} van de {len(deep)} directe links).")
    return finding(cid, "partial", f"No age gate on the start page; a gate appears on {len(deep) - len(skipped)} of "
                   f"{len(deep)} directly opened content page(s).", evidence=evidence,
                   nl=f"Geen leeftijdspoort op de startpagina; een poort verschijnt op {len(deep) - len(skipped)} van "
                      f"de {len(deep)} direct geopende inhoudspagina's.")


@check(
    "AGE-02",
    legal="DSA art. 28",
    en=Texts(
        title="Strength of age assurance",
        criterion=(
            "The strongest age-assurance method that visitors or members meet reaches level 4 (estimation by a recognised "
            "method) or 5 (verification)."
        ),
        why=(
            "A button that says \"I am 18\" stops no one: a fourteen-year-old clicks it as easily as an adult, and a "
            "date-of-birth field is only a slower way of saying the same. The European Commission's guidelines under DSA "
            "art. 28 do not accept self-declaration as age assurance and expect verification for adult content. The weaker "
            "the method, the easier minors enter, as visitors and as profiles."
        ),
        fix=(
            "Move to age verification: an ID document with a liveness check, a bank-based check such as iDIN, Yivi, or the "
            "EU age-verification app, which confirm \"over 18\" without handing you the identity. Age estimation by a "
            "recognised provider is an acceptable interim step; use the method at the gate and at signup alike."
        ),
    ),
    nl=Texts(
        title="Sterkte van de leeftijdscontrole",
        criterion=(
            "De sterkste leeftijdscontrole die bezoekers of leden tegenkomen haalt niveau 4 (schatting met een erkende "
            "methode) of 5 (verificatie)."
        ),
        why=(
            "Een knop \"Ik ben 18\" houdt niemand tegen: een veertienjarige klikt er net zo makkelijk op als een volwassene, "
            "en een geboortedatumveld is alleen een tragere manier om hetzelfde te zeggen. De richtsnoeren van de Europese "
            "Commissie bij art. 28 DSA zien zelfverklaring niet als leeftijdscontrole en verwachten verificatie bij "
            "volwassen inhoud. Hoe zwakker de methode, hoe makkelijker minderjarigen binnenkomen, als bezoeker én als "
            "profiel."
        ),
        fix=(
            "Stap over op leeftijdsverificatie: een identiteitsbewijs met livenesscontrole, een bankcontrole zoals iDIN, "
            "Yivi of de EU-app voor leeftijdsverificatie, die \"18+\" bevestigen zonder dat u de identiteit in handen "
            "krijgt. Leeftijdsschatting door een erkende aanbieder is een aanvaardbare tussenstap; gebruik de methode bij de "
            "poort én bij aanmelden."
        ),
    ),
)
def age_assurance_strength(bundle: Bundle) -> Finding:
    """The strongest age-assurance method visitors or members meet, on the catalogue's 0-5 scale."""
    cid = "AGE-02"
    probe = bundle.probe("age_gate", AgeGateProbe)
    signups = _signup_forms(bundle)
    if probe is None and not signups:
        return finding(cid, "not_assessed", "Neither the age-gate probe nor a signup form was available.",
                       nl="Er was geen test van de leeftijdspoort en geen aanmeldformulier beschikbaar.")
    level, where, where_nl, evidence = 0, "", "", []
    for obs in (probe.observations if probe else []):
        if obs.gate:
            lv = _gate_level(obs)
            if lv > level:
                level, where, evidence = lv, f"the age gate on {obs.url}", [_shot(obs)] if obs.screenshot else []
                where_nl = f"de leeftijdspoort op {obs.url}"
    quotes: list[Quote] = []
    for page, form in signups:
        lv, said = signup_method(bundle, page, form)
        if lv > level:
            level, where, evidence = lv, f"the signup form on {page.final_url or page.url}", [_page_ev(page)]
            where_nl = f"het aanmeldformulier op {page.final_url or page.url}"
            quotes = [Quote(url=page.final_url or page.url, text=said)] if said else []
    status = "pass" if level >= 4 else "partial" if level >= 2 else "fail"
    if level == 0:
        summary = "No age assurance met: no age gate and no age question at signup."
        nl = "Geen leeftijdscontrole aangetroffen: geen leeftijdspoort en geen vraag naar leeftijd bij aanmelden."
    else:
        summary = f"Strongest age assurance is level {level}, {METHOD_WORDS[level]}, at {where}."
        nl = f"De sterkste leeftijdscontrole is niveau {level}, {METHOD_WORDS_NL[level]}, bij {where_nl}."
    return finding(cid, status, summary, level=level, evidence=evidence, quotes=quotes, nl=nl)


@check(
    "AGE-03",
    legal="DSA art. 28",
    en=Texts(
        title="Age gate cannot be walked around",
        criterion="Content is not in the page behind the gate, and no forgeable client-side flag unlocks it.",
        why=(
            "A gate that only lays an overlay over content that is already in the page, or that opens when a cookie such as "
            "age_verified=1 is set by hand, is a gate in appearance only. Anyone who uses reader mode, views the source or "
            "runs a scraper sees everything. Such a gate also gives a false impression of compliance, to the platform itself "
            "as much as to a regulator."
        ),
        fix=(
            "Send the protected content only to sessions that have passed the gate, and decide that on the server. Keep the "
            "outcome on the server or in a signed, expiring token; never as a plain flag (1, true, yes, a date or an age) in "
            "a cookie or in local storage."
        ),
    ),
    nl=Texts(
        title="Leeftijdspoort niet te omzeilen",
        criterion=(
            "De inhoud zit niet al in de pagina achter de poort, en geen na te maken vlag in de browser ontgrendelt hem."
        ),
        why=(
            "Een poort die alleen een laag legt over inhoud die al in de pagina staat, of die opengaat als iemand met de "
            "hand een cookie als age_verified=1 zet, is alleen voor de schijn een poort. Wie de leesmodus gebruikt, de "
            "broncode bekijkt of een scraper draait, ziet alles. Zo'n poort wekt bovendien ten onrechte de indruk dat aan de "
            "regels is voldaan, bij het platform zelf net zo goed als bij een toezichthouder."
        ),
        fix=(
            "Stuur beschermde inhoud alleen naar sessies die de poort zijn gepasseerd, en beslis dat op de server. Bewaar de "
            "uitkomst op de server of in een ondertekend token dat verloopt; nooit als kale vlag (1, true, yes, een datum of "
            "een leeftijd) in een cookie of in local storage."
        ),
    ),
)
def gate_cannot_be_walked_around(bundle: Bundle) -> Finding:
    """Content is not under the gate, and no forgeable flag unlocks it."""
    cid = "AGE-03"
    if not bundle.platform.adult:
        return finding(cid, "not_applicable", "Not an adult platform (adult = false in the audit definition).",
                       nl=NOT_ADULT_NL)
    probe = bundle.probe("age_gate", AgeGateProbe)
    if probe is None:
        return finding(cid, "not_assessed", "The age-gate probe did not run.",
                       nl="De test van de leeftijdspoort is niet uitgevoerd.")
    gated = [o for o in probe.observations if o.gate]
    if not gated:
        # Nothing stands between a visitor and the content: worse than a gate that can be walked around.
        return finding(cid, "fail", "There is no age gate at all: the content is open to anyone (see AGE-01).",
                       evidence=[_shot(o) for o in probe.observations if o.screenshot][:1],
                       nl="Er is helemaal geen leeftijdspoort: de inhoud is voor iedereen toegankelijk (zie AGE-01).")
    under = [o for o in gated if o.content_under_overlay]
    forged = [f for f in [*probe.cookies_set, *probe.storage_set] if f.get("unlocks") == "true"]
    evidence = [_shot(o) for o in gated if o.screenshot]
    parts, parts_nl = [], []
    if under:
        parts.append(f"the content is already loaded under the gate on {len(under)} of {len(gated)} gated page(s)")
        parts_nl.append(f"de inhoud is al geladen onder de poort, op {len(under)} van de {len(gated)} "
                        "pagina's met een poort")
    else:
        parts.append("the content is not loaded behind the gate")
        parts_nl.append("de inhoud wordt niet achter de poort geladen")
    if forged:
        f = forged[0]
        where = "cookie" if "domain" in f else f"{f.get('store', '')}Storage key"
        where_nl = "cookie" if "domain" in f else f"{f.get('store', '')}Storage-sleutel"
        parts.append(f"setting the {where} {f['name']}={f['value']} by hand in a fresh browser unlocks it")
        parts_nl.append(f"wie in een schone browser de {where_nl} {f['name']}={f['value']} met de hand instelt, "
                        "krijgt de inhoud te zien")
    elif any(f.get("source") == "script" for f in [*probe.cookies_set, *probe.storage_set]):
        n = sum(1 for f in [*probe.cookies_set, *probe.storage_set] if f.get("source") == "script")
        parts.append(f"the gate could not be passed automatically, and none of {n} value(s) its own script checks "
                     "unlocks the content when set by hand")
        parts_nl.append(f"de poort kon niet automatisch worden gepasseerd, en geen van de {n} waarde(n) die het script "
                        "van de poort controleert, geeft de inhoud vrij als die met de hand wordt ingesteld")
    elif probe.passed_gate:
        parts.append("no value the gate stores unlocks the content when set by hand")
        parts_nl.append("geen waarde die de poort opslaat, geeft de inhoud vrij als die met de hand wordt ingesteld")
    else:
        parts.append("the gate could not be passed automatically, so no flag was replayed")
        parts_nl.append("de poort kon niet automatisch worden gepasseerd, dus er is geen vlag nagemaakt")
    summary = "; ".join(parts).capitalize() + "."
    nl = "; ".join(parts_nl)
    nl = nl[:1].upper() + nl[1:] + "."
    status = "fail" if under and forged else "partial" if under or forged else "pass"
    return finding(cid, status, summary, evidence=evidence, forgeable_flags=forged, nl=nl)


@check(
    "AGE-04",
    legal="DSA art. 28",
    en=Texts(
        title="Signup asks for age and turns minors away",
        criterion="Signup asks for a date of birth (or a stronger method) and refuses an under-18 date.",
        why=(
            "Accounts are where exploitation takes shape: a minor who can sign up can be contacted, groomed and advertised. "
            "A checkbox \"I am 18+\" is not a question about age, and a date-of-birth field that accepts an under-18 date is "
            "decoration."
        ),
        fix=(
            "Ask for the date of birth at signup (better: use a verification method from AGE-02) and refuse dates under 18 "
            "with a neutral message. Do not let the same device try again straight away with another date, and log refusals "
            "so that repeated attempts stand out."
        ),
    ),
    nl=Texts(
        title="Aanmelden vraagt leeftijd en weigert minderjarigen",
        criterion="Bij aanmelden wordt een geboortedatum (of sterker) gevraagd en een datum onder de 18 geweigerd.",
        why=(
            "In accounts krijgt uitbuiting vorm: een minderjarige die zich kan aanmelden, kan worden benaderd, ingepalmd en "
            "aangeboden. Een vinkje \"Ik ben 18+\" is geen vraag naar leeftijd, en een geboortedatumveld dat een datum onder "
            "de 18 accepteert, is versiering."
        ),
        fix=(
            "Vraag bij aanmelden de geboortedatum (beter: gebruik een verificatiemethode uit AGE-02) en weiger data onder de "
            "18 met een neutrale melding. Laat hetzelfde apparaat niet meteen opnieuw proberen met een andere datum, en leg "
            "weigeringen vast zodat herhaalde pogingen opvallen."
        ),
    ),
)
def signup_turns_minors_away(bundle: Bundle) -> Finding:
    """Signup asks for a date of birth (or stronger); in active mode an under-18 date is refused."""
    cid = "AGE-04"
    signups = _signup_forms(bundle)
    if not signups:
        return finding(cid, "not_assessed", "No signup form was found on the visited pages.",
                       nl="Op de bezochte pagina's is geen aanmeldformulier gevonden.")
    best_page, best = None, 0
    for page, form in signups:
        lv = _signup_level(bundle, page, form)
        if lv > best or best_page is None:
            best_page, best = page, lv
    ev = [_page_ev(best_page)]
    url = best_page.final_url or best_page.url
    trial = bundle.probe("signup", SignupTrial)
    if best >= 2 and trial and trial.outcome in ("refused", "accepted"):
        return _signup_trial_finding(cid, trial, url)
    if best >= 2:
        asked = "a date of birth" if best == 2 else METHOD_WORDS[best]
        asked_nl = "een geboortedatum" if best == 2 else METHOD_WORDS_NL[best]
        return finding(cid, "pass", f"The signup form on {url} asks for {asked}; the refusal of an under-18 date "
                       "was not tried (passive mode).", evidence=ev,
                       nl=f"Het aanmeldformulier op {url} vraagt om {asked_nl}; of een geboortedatum onder de 18 wordt "
                          "geweigerd, is niet geprobeerd (passieve modus).")
    if best == 1:
        return finding(cid, "partial", f"The signup form on {url} only asks to tick or state '18+'.", evidence=ev,
                       nl=f"Het aanmeldformulier op {url} vraagt alleen om '18+' aan te vinken of te verklaren.")
    return finding(cid, "fail", f"The signup form on {url} asks no age question.", evidence=ev,
                   nl=f"Het aanmeldformulier op {url} stelt geen vraag naar de leeftijd.")


def _signup_trial_finding(cid: str, trial: SignupTrial, url: str) -> Finding:
    """Active mode: what the signup form did with an under-18 date of birth (nothing was sent)."""
    ev = [Evidence(kind="screenshot", path=trial.screenshot, url=trial.url, note="after submitting an under-18 date")]
    if trial.outcome == "refused":
        said = f": \u201c{trial.message[:120]}\u201d" if trial.message else ""
        return finding(cid, "pass", f"The signup form on {url} refused the under-18 date of birth {trial.birthdate}"
                       f"{said}.", evidence=ev,
                       nl=f"Het aanmeldformulier op {url} weigerde de geboortedatum {trial.birthdate} (jonger dan 18)"
                          f"{said}.")
    return finding(cid, "fail", f"The signup form on {url} accepted the under-18 date of birth {trial.birthdate} and "
                   "tried to send it (the request was stopped in the browser; nothing was sent).", evidence=ev,
                   nl=f"Het aanmeldformulier op {url} accepteerde de geboortedatum {trial.birthdate} (jonger dan 18) en "
                      "probeerde die te versturen (het verzoek is in de browser tegengehouden; er is niets verstuurd).")


@check(
    "AGE-05",
    legal="DSA art. 28; art. 30 (traceability of traders)",
    en=Texts(
        title="Advertisers verified before publishing",
        criterion=(
            "Advertisers and posters are age- and ID-verified (ID document with liveness, or bank ID) before their first ad "
            "is published."
        ),
        why=(
            "On ad and escort platforms the person in the ad is often not the person who places it. Without an ID and "
            "liveness check before the first ad, a trafficker can publish a victim or a minor under any name. A \"verified\" "
            "badge that is optional leaves the unverified ads online, and those are the ones that matter."
        ),
        fix=(
            "Require every advertiser to pass an ID document check with liveness, or a bank-ID check, before their first ad "
            "goes live, and compare the verified face with the photos in the ad. Verify again when the phone number, payment "
            "method or photos change, and keep the verification record (see EVIDENCE-03)."
        ),
    ),
    nl=Texts(
        title="Adverteerders geverifieerd vóór plaatsing",
        criterion=(
            "Adverteerders en plaatsers worden op leeftijd en identiteit gecontroleerd (identiteitsbewijs met liveness, of "
            "bank-ID) vóór hun eerste advertentie verschijnt."
        ),
        why=(
            "Op advertentie- en escortplatforms is de persoon in de advertentie vaak niet degene die haar plaatst. Zonder "
            "controle van identiteitsbewijs en liveness vóór de eerste advertentie kan een mensenhandelaar een slachtoffer "
            "of een minderjarige onder elke willekeurige naam aanbieden. Een vrijwillig \"geverifieerd\"-label laat de "
            "ongecontroleerde advertenties gewoon staan, en juist om die gaat het."
        ),
        fix=(
            "Laat elke adverteerder een controle van identiteitsbewijs met liveness, of een bank-ID-controle, doorlopen "
            "vóórdat de eerste advertentie online komt, en vergelijk het geverifieerde gezicht met de foto's in de "
            "advertentie. Controleer opnieuw bij een ander telefoonnummer, betaalmiddel of andere foto's, en bewaar het "
            "verificatieverslag (zie EVIDENCE-03)."
        ),
    ),
)
def advertisers_verified(bundle: Bundle) -> Finding:
    """Advertisers / posters are age- and ID-verified (ID + liveness, or bank ID) before publishing."""
    cid = "AGE-05"
    pages = bundle.ok_pages("policy", "help", "signup", "other")
    if not pages:
        return finding(cid, "not_assessed", "No policy, help or signup page was found to learn how advertisers are checked.",
                       nl="Er is geen beleids-, hulp- of aanmeldpagina gevonden waaruit blijkt hoe adverteerders worden "
                          "gecontroleerd.")
    required, optional, unclear, strong = [], [], [], []
    for page in pages:
        said = _sentences(bundle.text(page))
        for i, sentence in enumerate(said):
            quote = Quote(url=page.final_url or page.url, text=sentence)
            # a statement may run over neighbouring sentences: "Before your first ad goes live, we check
            # who you are. You show your passport and take a live selfie."
            window = " ".join(s_ for s_ in said[max(0, i - 1): i + 2] if s_ == sentence or not _negated(s_))
            kind = advertiser_verification(sentence, window)
            bucket = {"required": required, "optional": optional, "unclear": unclear}.get(kind)
            if bucket is not None and quote not in bucket:
                bucket.append(quote)
            if kind and strong_method(window) and quote not in strong:
                strong.append(quote)
    for bucket in (required, optional, unclear, strong):  # sentences that say it all by themselves first
        bucket.sort(key=lambda q: (not (lexicon.has(q.text, "age", "advertiser") and _verification(q.text)),
                                   -len(q.text)))
    observed = _observed_id_upload(bundle)
    if unclear and strong and not required:
        return finding(cid, "needs_review", "Advertisers are checked with an ID document and a liveness check (or bank "
                       "ID), but the platform does not say whether this happens before their content is published.",
                       basis="stated", quotes=(unclear + strong)[:3],
                       nl="Adverteerders worden gecontroleerd met een identiteitsbewijs en een livenesscontrole (of "
                          "bank-ID), maar het platform zegt niet of dat gebeurt voordat hun inhoud wordt gepubliceerd.")
    if required and strong:
        quotes = required[:2] + [q for q in strong[:2] if q not in required]
        return finding(cid, "pass", "Advertisers must prove their identity and age with an ID document and a liveness "
                       "check (or bank ID) before they can publish, as the platform states.", basis="stated", quotes=quotes,
                       nl="Adverteerders moeten hun identiteit en leeftijd aantonen met een identiteitsbewijs en een "
                          "livenesscontrole (of bank-ID) voordat ze kunnen publiceren, zo stelt het platform.")
    if required or optional or unclear or observed:
        what = ("an ID check without a liveness or bank-ID step" if required or unclear else
                "an ID check that is optional, only on doubt, or a badge" if optional else "an ID upload at signup")
        what_nl = ("een ID-controle zonder liveness- of bank-ID-stap" if required or unclear else
                   "een ID-controle die vrijwillig is of alleen bij twijfel plaatsvindt, of alleen een badge"
                   if optional else "het uploaden van een identiteitsbewijs bij aanmelden")
        return finding(cid, "partial", f"Advertisers meet {what}, not a required ID and liveness check before publishing.",
                       basis="stated" if required or optional or unclear else "observed",
                       quotes=(required or optional or unclear)[:3],
                       evidence=[_page_ev(observed)] if observed else [],
                       nl=f"Voor adverteerders geldt {what_nl}, geen verplichte controle van identiteitsbewijs en "
                          "liveness vóór publicatie.")
    return finding(cid, "fail", f"Nothing says advertisers are age- or ID-verified before publishing ({len(pages)} pages read).",
                   basis="stated",
                   nl="Nergens staat dat adverteerders vóór publicatie op leeftijd of identiteit worden gecontroleerd "
                      f"({len(pages)} {_pages_nl(len(pages))} gelezen).")


def advertiser_verification(sentence: str, context: str = "") -> str:
    """How a statement says advertisers are verified: 'required' (before publishing, or for every
    advertiser), 'optional' (optional, on doubt, a badge), 'unclear' (a check whose timing is not said)
    or '' (no statement). `context` is the sentence with its neighbours; the sentence itself must
    speak of verification or of posting, and the two together of both.
    """
    context = context or sentence
    own_verification = _verification(sentence)
    if not (own_verification or lexicon.has(sentence, "age", "advertiser")) or _negated(sentence):
        return ""
    if not (lexicon.has(context, "age", "advertiser") and (own_verification or _verification(context))):
        return ""
    if lexicon.has(context, "age", "optional_verification"):
        return "optional"
    if lexicon.has(context, "age", "before_publish"):
        return "required"
    # a statement whose timing is not said: only when the sentence itself speaks of both
    return "unclear" if own_verification and lexicon.has(sentence, "age", "advertiser") else ""


def _verification(text: str) -> bool:
    return (lexicon.has(text, "age", "document") or lexicon.has(text, "age", "verify_words")
            or lexicon.has(text, "age", "method_id_document") or lexicon.has(text, "age", "method_eid")
            or bool(lexicon.providers_in(text)))


def strong_method(sentence: str) -> bool:
    """An ID document with a liveness check, bank ID, or a verification provider of level 5."""
    if _negated(sentence):
        return False
    if any(lexicon.provider_level(p) >= 5 for p in lexicon.providers_in(sentence)):
        return True
    if lexicon.has(sentence, "age", "method_eid"):
        return True
    document = lexicon.has(sentence, "age", "document") or lexicon.has(sentence, "age", "method_id_document")
    return document and (lexicon.has(sentence, "age", "liveness") or lexicon.has(sentence, "age", "method_live"))


def level(findings: dict[str, Finding]) -> int:
    """AGE level: AGE-02's level, capped at 2 when AGE-03 fails."""
    f02 = findings.get("AGE-02")
    lv = (f02.level or 0) if f02 else 0
    f03 = findings.get("AGE-03")
    if f03 and f03.status == "fail":
        lv = min(lv, 2)
    return lv


# ---------------------------------------------------------------------- helpers


def _sentences(text: str) -> list[str]:
    return sentences(text)


def _negated(sentence: str) -> bool:
    return bool(re.search(r"\b(not|no|never|niet|geen|nooit)\b", sentence, re.I)) and not re.search(
        r"\b(not (be )?published|niet (ge)?publiceerd|niet online|no ad|geen advertentie)", sentence, re.I)


def _observed_id_upload(bundle: Bundle) -> PageRecord | None:
    for page in bundle.ok_pages("signup"):
        for f in page.forms:
            if any(x.type == "file" and lexicon.has(f"{x.label} {x.name}", "age", "document") for x in f.fields):
                return page
    return None


def _first(probe: AgeGateProbe, entry: str) -> GateObservation | None:
    return next((o for o in probe.observations if o.entry == entry), None)


def _kind(obs: GateObservation, lang: str = "en") -> str:
    if lang == "nl":
        methods = ", ".join(GATE_WORDS_NL.get(m, m) for m in obs.methods if m != "document-words")
        return f"{GATE_WORDS_NL.get(obs.kind, obs.kind)}: {methods or 'geen bediening gevonden'}"
    methods = ", ".join(m for m in obs.methods if m != "document-words") or "no control found"
    return f"{obs.kind}: {methods}"


def _pages_nl(n: int) -> str:
    """'pagina' or 'pagina's', as the number `n` asks."""
    return "pagina" if n == 1 else "pagina's"


def _gate_level(obs: GateObservation) -> int:
    level = max((METHOD_LEVELS.get(m, 0) for m in obs.methods), default=0)
    level = max([level, *(lexicon.provider_level(p) for p in obs.providers)])
    if "document" in obs.methods and lexicon.has(obs.text, "age", "document") and "liveness" in obs.text.lower():
        level = max(level, 5)
    frames = [c.split(": ", 1)[1] for c in obs.controls if c.startswith("iframe: ") and ": " in c]
    foreign = foreign_verifiers([*frames, *obs.foreign], obs.final_url or obs.url, frames=len(frames))
    used = bool(foreign or obs.providers or "document" in obs.methods or "frame" in obs.methods)
    described, _ = described_method(obs.text)
    if described and used:
        level = max(level, described)
    return level


# ------------------------------------------------------------ the general recogniser (AGE-02)

# Frames that are never an age check (video, maps, captchas, social widgets).
NOT_VERIFIERS = ("youtube", "youtu.be", "vimeo", "google.com/maps", "maps.google", "openstreetmap", "recaptcha",
                 "hcaptcha", "turnstile", "facebook.com/plugins", "twitter.com", "x.com/", "instagram", "doubleclick",
                 "googletagmanager", "google-analytics", "gstatic", "fonts.googleapis", "cdnjs", "jsdelivr", "unpkg",
                 "cloudflareinsights", "hotjar", "matomo", "plausible", "stripe", "paypal", "mollie")
VERIFIER_URL = re.compile(r"verif|kyc|idv|ident|liveness|selfie|age[-_./]?(check|gate|assur|estimat)|leeftijd|"
                          r"onboard|passport|document|facecheck|biometr", re.I)


def foreign_verifiers(urls: list[str], own_url: str, frames: int = 0) -> list[str]:
    """Frames or scripts of another origin that look like a verification step.

    An iframe of another origin counts unless it is a known non-verifier (video, map, captcha); a
    script of another origin counts when its URL speaks of verification. `frames` says how many of
    `urls` (the first ones) are frames.
    """
    own = origin(own_url)
    out = []
    for n, url in enumerate(urls):
        if not url.startswith(("http://", "https://")) or origin(url) == own:
            continue
        low = url.lower()
        if any(x in low for x in NOT_VERIFIERS):
            continue
        if n < frames or VERIFIER_URL.search(urlsplit(url).netloc + urlsplit(url).path):
            out.append(url)
    return list(dict.fromkeys(out))


def described_method(text: str) -> tuple[int, str]:
    """The strongest age-assurance method a text says the step uses, by what it does, and the sentence.

    5: an ID document together with a live selfie / liveness (in the same or the next sentence), or a
    bank or eID check (iDIN, itsme, the EU age app, an EUDI wallet); 4: facial or e-mail-based age
    estimation, or an ID document alone; 3: a card check. Sentences that deny or soften the method
    ("we never ask for ...", "optional") do not count.
    """
    said = _sentences(text) or ([text] if text.strip() else [])
    best, quote = 0, ""
    for i, sentence in enumerate(said):
        after = said[i + 1] if i + 1 < len(said) else ""
        if _denied(sentence) or (after and len(after) < 80 and _denied(after) and not _method_words(after)):
            continue  # "Some sites ask for your passport. We never do."
        nxt = after if after and not _denied(after) else ""
        prev = said[i - 1] if i and not _denied(said[i - 1]) else ""
        level = 0
        if lexicon.has(sentence, "age", "method_eid") or any(
                lexicon.provider_level(p) >= 5 for p in lexicon.providers_in(sentence)):
            level = 5
        elif lexicon.has(sentence, "age", "method_id_document") and (
                lexicon.has(f"{prev} {sentence} {nxt}", "age", "method_live")):
            level = 5
        elif lexicon.has(sentence, "age", "method_live") and lexicon.has(f"{prev} {nxt}", "age", "method_id_document"):
            level = 5
        elif lexicon.has(sentence, "age", "method_estimation") or lexicon.has(sentence, "age", "method_id_document"):
            level = 4
        elif lexicon.has(sentence, "age", "method_card"):
            level = 3
        if level > best:
            best, quote = level, sentence
    return best, quote


def _method_words(text: str) -> bool:
    return any(lexicon.has(text, "age", k) for k in ("method_eid", "method_id_document", "method_live",
                                                      "method_estimation", "method_card"))


def _denied(sentence: str) -> bool:
    sentence = re.sub(r"\b(don't|do not) worry\b|\bno worries\b|\bgeen zorgen\b|\bmaak je geen zorgen\b|"
                      r"\b(we|wij) (bewaren|slaan) (er )?(niets|geen)\b|\bnothing is (stored|kept|saved)\b|"
                      r"\bwe (don't|do not|never) (store|keep|save)\b", " ", sentence, flags=re.I)
    if not lexicon.has(sentence, "age", "method_not"):
        return False
    # "you can't post until ...", "niet zichtbaar voordat ...": a requirement, not a denial
    return not re.search(r"\b(can't|cannot|can not|won't be (published|visible|shown)|not (be )?(published|visible|"
                         r"shown|online)|until|niet (ge)?publiceerd|niet zichtbaar|niet online|kun je (nog )?niet|"
                         r"kunt u (nog )?niet|totdat|tot je|pas)\b", sentence, re.I)


def _signup_forms(bundle: Bundle) -> list[tuple[PageRecord, Form]]:
    out = []
    for page in bundle.ok_pages("signup"):
        forms = [f for f in page.forms if sum(1 for x in f.fields if x.visible and x.type not in ("hidden",)) >= 2]
        if forms:
            out.append((page, max(forms, key=lambda f: len(f.fields))))
    return out


def _signup_level(bundle: Bundle, page: PageRecord, form: Form) -> int:
    return signup_method(bundle, page, form)[0]


def signup_method(bundle: Bundle, page: PageRecord, form: Form) -> tuple[int, str]:
    """The age-assurance level of a signup step, and the sentence that describes a strong method ('')."""
    providers = lexicon.providers_in(" ".join([*page.frames, *(r.url for r in page.requests)]))
    level = max((lexicon.provider_level(p) for p in providers), default=0)
    own = page.final_url or page.url
    urls = [*page.frames, *(r.url for r in page.requests if r.resource_type in ("script", "document", "sub_frame"))]
    foreign = foreign_verifiers(urls, own, frames=len(page.frames))
    controls = any(f.type == "file" for f in form.fields) or any(
        lexicon.has(" ".join(filter(None, [e.name, e.text])), "age", "verify_words") for e in page.elements
        if e.tag in ("button", "a") or e.role == "button")
    text = bundle.text(page)
    described, quote = described_method(text)
    if described and (foreign or providers or controls):
        level = max(level, described)
    else:
        quote = ""
    level = max(level, _field_level(form))
    return level, quote


def _field_level(form: Form) -> int:
    level = 0
    parts = sum(1 for f in form.fields if DATE_PART.search(f"{f.label} {f.name} {f.placeholder}"))
    for f in form.fields:
        label = f"{f.label} {f.name} {f.placeholder}"
        if lexicon.has(label, "age", "document"):  # a photo upload is not an ID check
            level = max(level, 4)
        if f.type == "date" or lexicon.has(label, "age", "dob"):
            level = max(level, 2)
        if f.type == "checkbox" and lexicon.has(label + " " + " ".join(f.options), "age", "checkbox"):
            level = max(level, 1)
        if lexicon.has(label, "age", "dob") is False and any(w in label.lower() for w in ("card number", "kaartnummer")):
            level = max(level, 3)
        if f.type == "number" and AGE_FIELD.search(label):
            level = max(level, 2)
        if f.tag == "select" and parts >= 2 and DATE_PART.search(label) and _years(f.options):
            level = max(level, 2)  # day / month / year selects with no word for "birth" near them
    if parts >= 3:
        level = max(level, 2)  # day, month and year fields: a date, and a card's expiry has no day
    return level


DATE_PART = re.compile(r"\b(day|month|year|dag|maand|jaar|dd|mm|yyyy|jjjj)\b", re.I)
AGE_FIELD = re.compile(r"\b(age|your age|leeftijd|je leeftijd|uw leeftijd)\b", re.I)


def _years(options: list[str]) -> bool:
    years = [int(o) for o in options if re.fullmatch(r"(19|20)\d\d", o.strip())]
    return len(years) >= 10


def _shot(obs: GateObservation) -> Evidence:
    return Evidence(kind="screenshot", path=obs.screenshot, url=obs.final_url or obs.url, box=obs.box,
                    note=f"fresh browser, {obs.entry.replace('_', ' ')}")


def _page_ev(page: PageRecord) -> Evidence:
    return Evidence(kind="screenshot", path=page.files.get("screenshot"), url=page.final_url or page.url)
