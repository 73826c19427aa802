"""AGE: age assurance (CATALOGUE.md AGE-01..05 and the AGE ladder)."""

from __future__ import annotations

from safehaven.toolkit.bundle import Bundle
from safehaven.toolkit.models import AgeGateProbe, Evidence, Finding, Form, GateObservation, PageRecord, Quote, SignupTrial

from . import lexicon
from .base import check, finding

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


@check("AGE-01")
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


@check("AGE-02")
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
    for page, form in signups:
        lv = _signup_level(bundle, page, form)
        if lv > level:
            level, where, evidence = lv, f"the signup form on {page.final_url or page.url}", [_page_ev(page)]
            where_nl = f"het aanmeldformulier op {page.final_url or page.url}"
    status = "pass" if level >= 4 else "partial" if level >= 2 else "fail"
    if level == 0:
        summary = "No age assurance met: no age gate and no age question at signup."
        nl = "Geen leeftijdscontrole aangetroffen: geen leeftijdspoort en geen vraag naar leeftijd bij aanmelden."
    else:
        summary = f"Strongest age assurance is level {level}, {METHOD_WORDS[level]}, at {where}."
        nl = f"De sterkste leeftijdscontrole is niveau {level}, {METHOD_WORDS_NL[level]}, bij {where_nl}."
    return finding(cid, status, summary, level=level, evidence=evidence, nl=nl)


@check("AGE-03")
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


@check("AGE-04")
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


@check("AGE-05")
def advertisers_verified(bundle: Bundle) -> Finding:
    """Advertisers / posters are age- and ID-verified (ID + liveness, or bank ID) before publishing."""
    cid = "AGE-05"
    pages = bundle.ok_pages("policy", "help", "signup", "other")
    if not pages:
        return finding(cid, "not_assessed", "No policy, help or signup page was found to learn how advertisers are checked.",
                       nl="Er is geen beleids-, hulp- of aanmeldpagina gevonden waaruit blijkt hoe adverteerders worden "
                          "gecontroleerd.")
    required, optional, strong = [], [], []
    for page in pages:
        for sentence in _sentences(bundle.text(page)):
            quote = Quote(url=page.final_url or page.url, text=sentence)
            kind = advertiser_verification(sentence)
            if kind == "required":
                required.append(quote)
            elif kind == "optional":
                optional.append(quote)
            if strong_method(sentence):
                strong.append(quote)
    observed = _observed_id_upload(bundle)
    if required and strong:
        quotes = required[:2] + [q for q in strong[:2] if q not in required]
        return finding(cid, "pass", "Advertisers must prove their identity and age with an ID document and a liveness "
                       "check (or bank ID) before they can publish, as the platform states.", basis="stated", quotes=quotes,
                       nl="Adverteerders moeten hun identiteit en leeftijd aantonen met een identiteitsbewijs en een "
                          "livenesscontrole (of bank-ID) voordat ze kunnen publiceren, zo stelt het platform.")
    if required or optional or observed:
        what = ("an ID check without a liveness or bank-ID step" if required else
                "an ID check that is optional, only on doubt, or a badge" if optional else "an ID upload at signup")
        what_nl = ("een ID-controle zonder liveness- of bank-ID-stap" if required else
                   "een ID-controle die vrijwillig is of alleen bij twijfel plaatsvindt, of alleen een badge"
                   if optional else "het uploaden van een identiteitsbewijs bij aanmelden")
        return finding(cid, "partial", f"Advertisers meet {what}, not a required ID and liveness check before publishing.",
                       basis="stated" if required or optional else "observed", quotes=(required or optional)[:3],
                       evidence=[_page_ev(observed)] if observed else [],
                       nl=f"Voor adverteerders geldt {what_nl}, geen verplichte controle van identiteitsbewijs en "
                          "liveness vóór publicatie.")
    return finding(cid, "fail", f"Nothing says advertisers are age- or ID-verified before publishing ({len(pages)} pages read).",
                   basis="stated",
                   nl="Nergens staat dat adverteerders vóór publicatie op leeftijd of identiteit worden gecontroleerd "
                      f"({len(pages)} {_pages_nl(len(pages))} gelezen).")


def advertiser_verification(sentence: str) -> str:
    """'required' (posting needs an ID or age check), 'optional' (optional, on doubt, a badge) or ''."""
    about_posting = lexicon.has(sentence, "age", "advertiser")
    verification = (lexicon.has(sentence, "age", "document") or lexicon.has(sentence, "age", "verify_words")
                    or bool(lexicon.providers_in(sentence)))
    if not (about_posting and verification) or _negated(sentence):
        return ""
    if lexicon.has(sentence, "age", "optional_verification"):
        return "optional"
    return "required" if lexicon.has(sentence, "age", "before_publish") else "optional"


def strong_method(sentence: str) -> bool:
    """An ID document with a liveness check, bank ID, or a verification provider of level 5."""
    if _negated(sentence):
        return False
    if any(lexicon.provider_level(p) >= 5 for p in lexicon.providers_in(sentence)):
        return True
    return lexicon.has(sentence, "age", "document") and lexicon.has(sentence, "age", "liveness")


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
    from .report import sentences

    return sentences(text)


def _negated(sentence: str) -> bool:
    import re

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
    return level


def _signup_forms(bundle: Bundle) -> list[tuple[PageRecord, Form]]:
    out = []
    for page in bundle.ok_pages("signup"):
        forms = [f for f in page.forms if sum(1 for x in f.fields if x.visible and x.type not in ("hidden",)) >= 2]
        if forms:
            out.append((page, max(forms, key=lambda f: len(f.fields))))
    return out


def _signup_level(bundle: Bundle, page: PageRecord, form: Form) -> int:
    providers = lexicon.providers_in(" ".join([*page.frames, *(r.url for r in page.requests)]))
    level = max((lexicon.provider_level(p) for p in providers), default=0)
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
    return level


def _shot(obs: GateObservation) -> Evidence:
    return Evidence(kind="screenshot", path=obs.screenshot, url=obs.final_url or obs.url, box=obs.box,
                    note=f"fresh browser, {obs.entry.replace('_', ' ')}")


def _page_ev(page: PageRecord) -> Evidence:
    return Evidence(kind="screenshot", path=page.files.get("screenshot"), url=page.final_url or page.url)
