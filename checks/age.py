"""AGE: age assurance (catalogue checks AGE-01..05 and the AGE ladder)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from checks import lexicon
from checks.base import check, finding
from checks.routes import SITE_WIDE_REGIONS
from checks.text import sentences
from safehaven.bundle import Bundle
from safehaven.catalogue import Texts
from safehaven.i18n import N_, msg, nmsg
from safehaven.models import AgeGateProbe, Evidence, Finding, Form, GateObservation, Message, PageRecord, Quote, SignupTrial
from safehaven.urls import origin

METHOD_LEVELS = {"button": 1, "checkbox": 1, "dob": 2, "card": 3, "document": 4, "provider": 4}
METHOD_WORDS = {1: N_("a click-through self-declaration"), 2: N_("a date-of-birth entry"),
                3: N_("a card or payment check"), 4: N_("age estimation or an ID upload"),
                5: N_("age verification with ID and liveness or bank ID"), 0: N_("nothing")}
# The gate kinds and methods of a GateObservation as words of a sentence (the English names them as they are).
GATE_WORDS = {"modal": N_("modal"), "interstitial": N_("interstitial"), "redirect": N_("redirect"), "none": N_("none"),
              "button": N_("button"), "checkbox": N_("checkbox"), "dob": N_("dob"), "card": N_("card"),
              "document": N_("document"), "provider": N_("provider"), "frame": N_("frame")}
NOT_ADULT = N_("Not an adult platform (adult = false in the audit definition).")


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
        return finding(cid, "not_applicable", msg(NOT_ADULT))
    probe = bundle.probe("age_gate", AgeGateProbe)
    if probe is None:
        return finding(cid, "not_assessed", msg(N_("The age-gate probe did not run, so no fresh-browser visit was "
                                                   "made.")))
    start = _first(probe, "start")
    deep = [o for o in probe.observations if o.entry == "deep_link" and not o.error]
    if start is None or start.error:
        return finding(cid, "not_assessed", msg(N_("The start page could not be opened in a fresh browser{error}."),
                                                error=": " + start.error if start and start.error else ""))
    evidence = [_shot(o) for o in [start, *deep] if o.screenshot]
    section = _first(probe, "section")
    if not start.gate and not any(o.gate for o in deep) and section is not None and section.gate:
        return _section_gate(cid, probe, section, evidence)
    if not start.gate and not any(o.gate for o in deep):
        return finding(cid, "fail", nmsg("No age gate: a fresh browser sees the content of {url} and {n} deep-linked "
                                         "page(s) straight away.", "No age gate: a fresh browser sees the content of "
                                         "{url} and {n} deep-linked page(s) straight away.", n=len(deep), url=start.url),
                       evidence=evidence)
    if not deep:
        return finding(cid, "needs_review", msg(N_("Age gate on the start page, but no content page was found to test "
                                                   "whether a direct link skips it.")),
                       evidence=evidence)
    skipped = [o for o in deep if not o.gate]
    if start.gate and not skipped:
        return finding(cid, "pass", msg(N_("Age gate ({kind}) on the start page and on {n} of {n} directly opened "
                                           "content page(s)."), kind=_kind(start), n=len(deep)), evidence=evidence)
    if start.gate:
        return finding(cid, "partial", msg(N_("Age gate only on the start page: a direct link to {url} opens without it "
                                              "({skipped} of {n} deep link(s))."), url=skipped[0].url,
                                           skipped=len(skipped), n=len(deep)),
                       evidence=evidence)
    return finding(cid, "partial", msg(N_("No age gate on the start page; a gate appears on {gated} of {n} directly "
                                          "opened content page(s)."), gated=len(deep) - len(skipped), n=len(deep)),
                   evidence=evidence)


def _section_gate(cid: str, probe: AgeGateProbe, section: GateObservation, evidence: list[Evidence]) -> Finding:
    """No gate at the entrance, but one before an age-restricted section: judged like a start-page gate, on the
    section's own items (a direct link to one of them must meet the gate too)."""
    inside = [o for o in probe.observations if o.entry == "section_item" and not o.error]
    evidence = [*evidence, *(_shot(o) for o in [section, *inside] if o.screenshot)]
    if not inside:
        return finding(cid, "needs_review", msg(N_("No age gate on the start page; an age-restricted section has one "
                                                   "({url}), but none of its items was found to test whether a direct "
                                                   "link skips it."), url=section.url), evidence=evidence)
    skipped = [o for o in inside if not o.gate]
    if not skipped:
        return finding(cid, "pass", msg(N_("Age gate ({kind}) before the age-restricted section {url} and on {n} of {n} "
                                           "directly opened item(s) in it."), kind=_kind(section), url=section.url,
                                        n=len(inside)), evidence=evidence)
    return finding(cid, "partial", msg(N_("Age gate only on the age-restricted section's own page ({section}): a direct "
                                          "link to its item {url} opens without it ({skipped} of {n})."),
                                       section=section.url, url=skipped[0].url, skipped=len(skipped), n=len(inside)),
                   evidence=evidence)


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
        return finding(cid, "not_assessed", msg(N_("Neither the age-gate probe nor a signup form was available.")))
    level, evidence = 0, []
    where: Message | None = None
    for obs in (probe.observations if probe else []):
        if obs.gate:
            lv = _gate_level(obs)
            if lv > level:
                level, evidence = lv, [_shot(obs)] if obs.screenshot else []
                where = msg(N_("the age gate on {url}"), url=obs.url)
    quotes: list[Quote] = []
    for page, form in signups:
        lv, said = signup_method(bundle, page, form)
        if lv > level:
            level, evidence = lv, [_page_ev(page)]
            where = msg(N_("the signup form on {url}"), url=page.final_url or page.url)
            quotes = [Quote(url=page.final_url or page.url, text=said)] if said else []
    status = "pass" if level >= 4 else "partial" if level >= 2 else "fail"
    if level == 0 or where is None:
        sentence = msg(N_("No age assurance met: no age gate and no age question at signup."))
    else:
        sentence = msg(N_("Strongest age assurance is level {level}, {method}, at {where}."), level=level,
                       method=msg(METHOD_WORDS[level]), where=where)
    return finding(cid, status, sentence, level=level, evidence=evidence, quotes=quotes)


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
        return finding(cid, "not_applicable", msg(NOT_ADULT))
    probe = bundle.probe("age_gate", AgeGateProbe)
    if probe is None:
        return finding(cid, "not_assessed", msg(N_("The age-gate probe did not run.")))
    gated = [o for o in probe.observations if o.gate]
    if not gated:
        # Nothing stands between a visitor and the content: worse than a gate that can be walked around.
        return finding(cid, "fail", msg(N_("There is no age gate at all: the content is open to anyone (see AGE-01).")),
                       evidence=[_shot(o) for o in probe.observations if o.screenshot][:1])
    under = [o for o in gated if o.content_under_overlay]
    forged = [f for f in [*probe.cookies_set, *probe.storage_set] if f.get("unlocks") == "true"]
    evidence = [_shot(o) for o in gated if o.screenshot]
    if under:
        loaded = msg(N_("The content is already loaded under the gate on {under} of {gated} gated page(s)"),
                     under=len(under), gated=len(gated))
    else:
        loaded = msg(N_("The content is not loaded behind the gate"))
    if forged:
        f = forged[0]
        where = (msg(N_("cookie")) if "domain" in f else
                 msg(N_("{store}Storage key"), store=f.get("store", "")))
        flag = msg(N_("setting the {where} {name}={value} by hand in a fresh browser unlocks it"), where=where,
                   name=f["name"], value=f["value"])
    elif any(f.get("source") == "script" for f in [*probe.cookies_set, *probe.storage_set]):
        n = sum(1 for f in [*probe.cookies_set, *probe.storage_set] if f.get("source") == "script")
        flag = msg(N_("the gate could not be passed automatically, and none of {n} value(s) its own script checks "
                      "unlocks the content when set by hand"), n=n)
    elif probe.passed_gate:
        flag = msg(N_("no value the gate stores unlocks the content when set by hand"))
    else:
        flag = msg(N_("the gate could not be passed automatically, so no flag was replayed"))
    status = "fail" if under and forged else "partial" if under or forged else "pass"
    return finding(cid, status, msg(N_("{loaded}; {flag}."), loaded=loaded, flag=flag),
                   evidence=evidence, forgeable_flags=forged)


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
        step = _agreement_step_that_posts(bundle)
        if step:  # the signup form stands behind an "I accept" button that sends a form: never pressed passively
            return finding(cid, "not_assessed", msg(N_("The signup form on {url} stands behind an agreement button "
                                                       "that sends a form ('{button}'); in passive mode it is not "
                                                       "pressed, so the form's questions were not seen."),
                                                    url=step[0].final_url or step[0].url, button=step[1]),
                           evidence=[_page_ev(step[0])])
        by_mail = _posting_by_email(bundle)
        if by_mail is not None:
            return finding(cid, "fail", msg(N_("There is no signup form: ads or profiles are sent in by e-mail, as {url} "
                                               "explains, and nothing there asks for a date of birth or an 18+ "
                                               "statement."), url=by_mail.final_url or by_mail.url),
                           evidence=[_page_ev(by_mail)])
        return finding(cid, "not_assessed", msg(N_("No signup form was found on the visited pages.")))
    best_page, best, best_form = None, 0, None
    for page, form in signups:
        lv = _signup_level(bundle, page, form)
        if lv > best or best_page is None:
            best_page, best, best_form = page, lv, form
    ev = [_page_ev(best_page)]
    url = best_page.final_url or best_page.url
    trial = bundle.probe("signup", SignupTrial)
    if best >= 2 and trial and trial.outcome in ("refused", "accepted"):
        return _signup_trial_finding(cid, trial, url)
    if best >= 2:
        # a card check stated for a later step: the form itself asks the date of birth
        dob_form = best == 3 and best_form is not None and _field_level(best_form) == 2
        asked = msg(N_("a date of birth")) if best == 2 or dob_form else msg(METHOD_WORDS[best])
        return finding(cid, "pass", msg(N_("The signup form on {url} asks for {asked}; the refusal of an under-18 date "
                                           "was not tried (passive mode)."), url=url, asked=asked),
                       evidence=ev)
    if best == 1:
        return finding(cid, "partial", msg(N_("The signup form on {url} only asks to tick or state '18+'."), url=url),
                       evidence=ev)
    floor = _younger_floor(best_form) if best_form is not None else None
    if floor:  # "Are you 13 or older?": an age question, but one that lets 13- to 17-year-olds in
        return finding(cid, "fail", msg(N_("The signup form on {url} asks only whether the visitor is {age} or older "
                                           "('{label}'), which lets minors in."), url=url, age=floor[0], label=floor[1]),
                       evidence=ev)
    return finding(cid, "fail", msg(N_("The signup form on {url} asks no age question."), url=url), evidence=ev)


# An age floor under 18 in a field's label: "I am 13 or older", "16+", "ik ben 16 jaar of ouder".
YOUNGER_FLOOR = re.compile(r"\b(1[0-7])\s*(?:\+|(?:years?|jaar)?\s*(?:or|of)\s*(?:older|ouder|over)|(?:and|en)\s*(?:over|ouder))",
                           re.I)


def _younger_floor(form: Form) -> tuple[str, str] | None:
    """The age under 18 that a signup field asks about, and the field's label; None when no field does."""
    for f in form.fields:
        label = " ".join(f"{f.label} {f.placeholder}".split())
        m = YOUNGER_FLOOR.search(label)
        if m:
            return m.group(1), label[:120]
    return None


def _posting_by_email(bundle: Bundle) -> PageRecord | None:
    """The page that tells people to place an ad, profile or "oproepje" by sending an e-mail: named as a posting page
    (its address or title), no form to fill in, an e-mail link in its body, and no age question in its text (a date
    of birth, "18+"). None when there is no such page."""
    for page in bundle.ok_pages():
        label = f"{page.title} {' '.join(re.split(r'[/_.-]+', urlsplit(page.final_url or page.url).path))}"
        if not lexicon.has(label, "roles", "post_listing"):
            continue
        if any(f.visible and f.type not in ("hidden", "submit", "button", "search") for form in page.forms
               for f in form.fields):
            continue  # a form of its own: the signup checks read it
        mails = [el for el in page.elements if el.href and el.href.lower().startswith("mailto:")
                 and el.region not in SITE_WIDE_REGIONS]
        text = bundle.text(page)
        if mails and not lexicon.has(text, "age", "dob") and not lexicon.has(text, "age", "gate"):
            return page
    return None


def _signup_trial_finding(cid: str, trial: SignupTrial, url: str) -> Finding:
    """Active mode: what the signup form, or the platform after it was sent, did with an under-18 date of birth."""
    ev = [Evidence(kind="screenshot", path=trial.screenshot, url=trial.url,
                   note_message=msg(N_("after submitting an under-18 date")))]
    said = f": \u201c{trial.message[:120]}\u201d" if trial.message else ""
    if trial.outcome == "refused" and trial.sent:
        return finding(cid, "pass", msg(N_("The platform refused the under-18 date of birth {birthdate} after the signup "
                                           "form on {url} was sent (active mode, with the definition's test data){said}."),
                                        url=url, birthdate=trial.birthdate, said=said), evidence=ev)
    if trial.outcome == "refused":
        return finding(cid, "pass", msg(N_("The signup form on {url} refused the under-18 date of birth {birthdate}"
                                           "{said}."), url=url, birthdate=trial.birthdate, said=said), evidence=ev)
    if trial.sent:
        return finding(cid, "fail", msg(N_("The platform accepted a signup on {url} with the under-18 date of birth "
                                           "{birthdate} (active mode, with the definition's test data): no refusal was "
                                           "shown."), url=url, birthdate=trial.birthdate), evidence=ev)
    return finding(cid, "fail", msg(N_("The signup form on {url} accepted the under-18 date of birth {birthdate} and "
                                       "tried to send it (the request was stopped in the browser; nothing was sent)."),
                                    url=url, birthdate=trial.birthdate), evidence=ev)


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
        return finding(cid, "not_assessed", msg(N_("No policy, help or signup page was found to learn how advertisers "
                                                   "are checked.")))
    required, optional, unclear, strong, optional_strong = [], [], [], [], []
    for page in pages:
        said = _sentences(bundle.text(page))
        for i, sentence in enumerate(said):
            quote = Quote(url=page.final_url or page.url, text=sentence)
            # a statement may run over neighbouring sentences: "Before your first ad goes live, we check
            # who you are. You show your passport and take a live selfie."
            window = " ".join(s_ for s_ in said[max(0, i - 1): i + 2] if s_ == sentence or not _negated(s_))
            kind = advertiser_verification(sentence, window)
            if kind in ("", "unclear") and strong_method(sentence):
                # a numbered onboarding: "1. Create your creator account. 2. Show us who you are. Upload your passport
                # and take a live selfie. 3. Wait for approval." The ID-and-liveness step names neither the
                # advertiser nor the timing; the steps around it (two on either side) do.
                wide = " ".join(s_ for s_ in said[max(0, i - 2): i + 3] if s_ == sentence or not _negated(s_))
                kind = advertiser_verification(sentence, wide) or kind
            step = _strong_step_before(said, i) if not kind else None
            if step is not None:
                # "Only when those three steps are done does your profile become visible": the steps listed above,
                # one of them a bank-ID or ID-and-liveness check, all come before publishing
                required.append(quote)
                strong.append(Quote(url=quote.url, text=step))
                continue
            bucket = {"required": required, "optional": optional, "unclear": unclear}.get(kind)
            if bucket is not None and quote not in bucket:
                bucket.append(quote)
            if kind and strong_method(window):
                # a strong method named only where the check is optional or a badge ("Get the Verified badge: record
                # a selfie video") does not make another statement's required step strong
                target = optional_strong if kind == "optional" else strong
                if quote not in target:
                    target.append(quote)
    for bucket in (required, optional, unclear, strong):  # sentences that say it all by themselves first
        bucket.sort(key=lambda q: (not (lexicon.has(q.text, "age", "advertiser") and _verification(q.text)),
                                   -len(q.text)))
    observed = _observed_id_upload(bundle)
    if unclear and strong and not required:
        return finding(cid, "needs_review", msg(N_("Advertisers are checked with an ID document and a liveness check (or "
                                                   "bank ID), but the platform does not say whether this happens "
                                                   "before their content is published.")),
                       basis="stated", quotes=(unclear + strong)[:3])
    if required and strong:
        quotes = required[:2] + [q for q in strong[:2] if q not in required]
        return finding(cid, "pass", msg(N_("Advertisers must prove their identity and age with an ID document and a "
                                           "liveness check (or bank ID) before they can publish, as the platform "
                                           "states.")), basis="stated", quotes=quotes)
    if required or optional or unclear or observed:
        what = (msg(N_("an ID check without a liveness or bank-ID step")) if (required or unclear) and not optional_strong
                else msg(N_("an ID check that is optional, only on doubt, or a badge"))
                if optional else
                msg(N_("an ID check without a liveness or bank-ID step")) if required or unclear else
                msg(N_("an ID upload at signup")))
        return finding(cid, "partial", msg(N_("Advertisers meet {what}, not a required ID and liveness check before "
                                              "publishing."), what=what),
                       basis="stated" if required or optional or unclear else "observed",
                       quotes=((optional_strong + optional) if optional_strong else (required or optional or unclear))[:3],
                       evidence=[_page_ev(observed)] if observed else [])
    # Nothing said of ID checks, but every member meets an age estimation (or stronger) at signup before they can
    # post: their age is checked, their identity is not.
    checked = max(((lv, page) for page, form in _signup_forms(bundle) if (lv := _signup_level(bundle, page, form)) >= 4),
                  key=lambda t: t[0], default=None)
    if checked:
        return finding(cid, "partial", msg(N_("Advertisers meet {what}, not a required ID and liveness check before "
                                              "publishing."), what=msg(N_("an age check at signup without an ID check"))),
                       basis="observed", evidence=[_page_ev(checked[1])])
    return finding(cid, "fail", nmsg("Nothing says advertisers are age- or ID-verified before publishing ({n} pages "
                                     "read).", "Nothing says advertisers are age- or ID-verified before publishing ({n} "
                                     "pages read).", n=len(pages)),
                   basis="stated")


# A sentence that points back at the steps of a list: "once all three steps are done", "pas als die stappen klaar zijn"
_THE_STEPS = re.compile(r"\b(?:these|those|the|all|both|die|deze|de|alle|beide)"
                        r"(?:\s+(?:the|these|those|two|three|four|five|twee|drie|vier|vijf))?\s+(?:steps|stages|stappen)\b",
                        re.I)
STEPS_BACK = 8  # how many sentences before such a sentence the listed steps may stand


def _strong_step_before(said: list[str], i: int) -> str | None:
    """When sentence `i` says an advertiser's content is published only after "the steps" listed before it, the step
    among the STEPS_BACK sentences before it that is a strong check (ID and liveness, bank ID); None otherwise."""
    sentence = said[i]
    if not (_THE_STEPS.search(sentence) and lexicon.has(sentence, "age", "advertiser")
            and lexicon.has(sentence, "age", "before_publish")) or _negated(sentence):
        return None
    before = said[max(0, i - STEPS_BACK): i]
    return next((s_ for s_ in reversed(before) if strong_method(s_)), None)


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
    # "a verified e-mail address" verifies a channel, not a person (CATALOGUE: not age assurance)
    words = lexicon.pattern("age", "channel_verification").sub(" ", text)
    return (lexicon.has(words, "age", "document") or lexicon.has(words, "age", "verify_words")
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


def _kind(obs: GateObservation) -> Message:
    """'modal: button, checkbox': the kind of gate and the controls it asks for, as words of a sentence."""
    methods = [msg(GATE_WORDS[m]) if m in GATE_WORDS else m for m in obs.methods if m != "document-words"]
    return msg(N_("{kind}: {methods}"), kind=msg(GATE_WORDS[obs.kind]) if obs.kind in GATE_WORDS else obs.kind,
               methods=methods or msg(N_("no control found")))



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
        # "a debit card ... we check it with your bank" is a card check, not bank ID, unless a scheme is named
        card_only = lexicon.has(sentence, "age", "method_card") and not lexicon.has(sentence, "age", "method_eid_scheme")
        if (lexicon.has(sentence, "age", "method_eid") and not card_only) or any(
                lexicon.provider_level(p) >= 5 for p in lexicon.providers_in(sentence)):
            level = 5
        elif lexicon.has(sentence, "age", "method_id_document") and (
                lexicon.has(f"{prev} {sentence} {nxt}", "age", "method_live")):
            level = 5
        elif lexicon.has(sentence, "age", "method_live") and lexicon.has(f"{prev} {nxt}", "age", "method_id_document"):
            level = 5
        elif lexicon.has(sentence, "age", "method_estimation") or lexicon.has(sentence, "age", "method_id_document") or (
                lexicon.has(sentence, "age", "estimate_verb") and lexicon.has(sentence, "age", "face_words")) or (
                _age_judged_from_face(sentence)):
            level = 4
        elif lexicon.has(sentence, "age", "method_card"):
            level = 3
        if level > best:
            best, quote = level, sentence
    return best, quote


def stated_card_check(text: str) -> str:
    """The sentence in which a signup page says it checks the member's bank card, for age ('' when none).

    The card sentence itself says the card is checked ("we ask for a debit card and check it with your bank"), is
    not denied, and it or one of the two sentences on either side says what for (adults, children, 18, age): a
    "pay for Premium by credit card" line is not an age check.
    """
    said = _sentences(text)
    for i, sentence in enumerate(said):
        if not lexicon.has(sentence, "age", "method_card") or _denied(sentence):
            continue
        if not lexicon.has(sentence, "age", "card_checked"):
            continue
        near = " ".join(said[max(0, i - 2): i + 3])
        if lexicon.has(near, "age", "card_for_age"):
            return sentence
    return ""


def _age_judged_from_face(sentence: str) -> bool:
    """Someone judges the age from a face or selfie: "our partner works out from a selfie whether you're over 18",
    "bepaalt aan de hand van een selfie je leeftijd"; not an instruction to the reader ("Check that your face is
    visible and that you are over 18": the verb opens the sentence)."""
    verb = lexicon.pattern("age", "age_judged").search(sentence)
    return bool(verb and verb.start() > 0 and not re.match(r"\W*$", sentence[:verb.start()])
                and lexicon.has(sentence, "age", "age_target") and lexicon.has(sentence, "age", "face_capture"))


def _method_words(text: str) -> bool:
    return any(lexicon.has(text, "age", k) for k in ("method_eid", "method_id_document", "method_live",
                                                      "method_estimation", "method_card"))


def _denied(sentence: str) -> bool:
    sentence = re.sub(r"\b(don't|do not) worry\b|\bno worries\b|\bgeen zorgen\b|\bmaak je geen zorgen\b|"
                      r"\b(we|wij) (bewaren|slaan) (er )?(niets|geen)\b|\bnothing is (stored|kept|saved)\b|"
                      r"\bwe (don't|do not|never) (store|keep|save)\b|"
                      # who never gets to see the face or the document is a privacy promise, not a denied method
                      # ("The site never sees your face or your document", "De site ziet je document nooit")
                      r"\b(never|does not|doesn't|do not|don't|will not|won't) (see|sees|receive|receives|get to see|"
                      r"view|views|have access to|has access to)\b|"
                      r"\b(ziet|zien|ontvangt|ontvangen)\b[^.]{0,60}?\b(nooit|niet)\b", " ", sentence, flags=re.I)
    if not lexicon.has(sentence, "age", "method_not"):
        return False
    # "you can't post until ...", "niet zichtbaar voordat ...", "zonder die stap kun je geen account maken":
    # a requirement, not a denial
    return not re.search(r"\b(can't|cannot|can not|won't be (published|visible|shown)|not (be )?(published|visible|"
                         r"shown|online)|until|without (it|this|that)|niet (ge)?publiceerd|niet zichtbaar|niet online|"
                         r"kun je (nog )?(niet|geen)|kunt u (nog )?(niet|geen)|zonder (die|deze|dat|dit|de|het)|totdat|"
                         r"tot je|pas)\b", sentence, re.I)


def _is_search_box(form: Form) -> bool:
    """The site-wide search box (a search field, perhaps a scope select): not a signup form."""
    return any(f.type == "search" for f in form.fields) or any(
        re.fullmatch(r"search\w*|zoek\w*", (f.name or "").lower()) for f in form.fields if f.type in ("submit", "text"))


def _agreement_step_that_posts(bundle: Bundle) -> tuple[PageRecord, str] | None:
    """A signup page whose only form is a POST of buttons under the rules ("I accept the terms"), and its button."""
    for page in bundle.ok_pages("signup"):
        for f in page.forms:
            asks = [x for x in f.fields if x.visible and x.type not in ("hidden", "submit", "button", "reset", "image")]
            buttons = [x.value or x.label for x in f.fields if x.visible and x.type in ("submit", "button", "image")]
            if f.method.lower() == "post" and not asks and buttons and not _is_search_box(f):
                return page, buttons[0]
    return None


def _signup_forms(bundle: Bundle) -> list[tuple[PageRecord, Form]]:
    out = _fill_in_forms(bundle.ok_pages("signup"))
    if out:
        return out
    # No account to make: where an ad is placed with a form that asks the advertiser's e-mail address, that form is
    # where advertisers sign up (their details, the statements they must tick before the ad goes online).
    posting = [p for p in bundle.ok_pages() if p.role not in ("policy", "help", "login", "item")
               and lexicon.has(f"{p.title} {' '.join(re.split(r'[/_.-]+', urlsplit(p.final_url or p.url).path))}",
                               "roles", "post_listing")]
    return [(page, form) for page, form in _fill_in_forms(posting)
            if any(f.visible and (f.type == "email" or re.search(r"e-?mail", f"{f.name} {f.label}", re.I))
                   for f in form.fields)]


def _fill_in_forms(pages: list[PageRecord]) -> list[tuple[PageRecord, Form]]:
    """Per page, its largest form that asks at least two things."""
    out = []
    for page in pages:
        # Fields a person fills in: a form of buttons only ("Agree" / "Cancel" under the rules) asks nothing, and the
        # site-wide search box is no signup form.
        forms = [f for f in page.forms if not _is_search_box(f)
                 and sum(1 for x in f.fields if x.visible and x.type not in ("hidden", "submit", "button", "reset")) >= 2]
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
    urls = [*page.frames, *(r.url for r in page.requests if r.resource_type in ("script", "document", "sub_frame")),
            *_step_links(page)]
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
    if level < 3 and stated_card_check(text):
        level = 3  # a card check as a later step of the signup, stated in plain words: nothing to observe passively
    level = max(level, _field_level(form))
    return level, quote


def _step_links(page: PageRecord) -> list[str]:
    """Where the signup page's own links lead (not the site's header, navigation or footer): a link to a partner's
    verification page ("Continue to the age check", "See how the check works") is that partner's step."""
    return [e.href for e in page.elements if e.tag == "a" and e.href and e.region not in ("header", "nav", "footer")]


def _field_level(form: Form) -> int:
    level = 0
    parts = sum(1 for f in form.fields if DATE_PART.search(f"{f.label} {f.name} {f.placeholder}"))
    # A form that marks its required fields: one it leaves unmarked may be skipped
    marks_required = any(f.required for f in form.fields if f.type not in ("hidden", "submit", "checkbox"))
    for f in form.fields:
        label = f"{f.label} {f.name} {f.placeholder}"
        if lexicon.has(label, "age", "optional_field"):
            continue  # "Photo of your ID (optional)": a step a member may skip is not one every member meets
        if lexicon.has(label, "age", "document") and not (marks_required and not f.required):
            level = max(level, 4)  # a photo upload is not an ID check
        if f.type == "date" or lexicon.has(label, "age", "dob"):
            level = max(level, 2)
        if f.type == "checkbox" and lexicon.has(label + " " + " ".join(f.options), "age", "checkbox"):
            level = max(level, 1)
        if lexicon.has(label, "age", "dob") is False and any(w in label.lower() for w in ("card number", "kaartnummer")):
            level = max(level, 3)
        if f.type == "number" and AGE_FIELD.search(label) and not (marks_required and not f.required):
            level = max(level, 2)  # an age the form requires; one it lets be skipped asks nothing
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


# What a fresh browser opened, as the caption of its screenshot.
ENTRY_NOTES = {"start": N_("fresh browser, start page"), "deep_link": N_("fresh browser, deep link"),
               "section": N_("fresh browser, age-restricted section"),
               "section_item": N_("fresh browser, deep link into the section")}


def _shot(obs: GateObservation) -> Evidence:
    return Evidence(kind="screenshot", path=obs.screenshot, url=obs.final_url or obs.url, box=obs.box,
                    note_message=msg(ENTRY_NOTES.get(obs.entry, N_("fresh browser"))))


def _page_ev(page: PageRecord) -> Evidence:
    return Evidence(kind="screenshot", path=page.files.get("screenshot"), url=page.final_url or page.url)
