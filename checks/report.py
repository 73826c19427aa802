"""REPORT: reporting, notice and action (catalogue checks REPORT-01..06 and the REPORT ladder)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from checks import lexicon
from checks.base import check, finding
from checks.gated import unpassable_gate
from checks.pages import page_kinds
from checks.routes import SITE_WIDE_REGIONS, general_contact
from checks.text import sentences
from safehaven.bundle import Bundle
from safehaven.catalogue import Texts
from safehaven.i18n import N_, chain, msg, nmsg, pmsg
from safehaven.models import (
    MAX_CLICKS,
    ContactRoutes,
    Element,
    Evidence,
    Finding,
    Form,
    Message,
    MessageParam,
    PageRecord,
    Quote,
    ReportAttempt,
    ReportProbe,
    ReportRoutes,
)

# The words English sentences are built from, as message ids. A list of them reads "a, b, c" in English
# and "a, b en c" in Dutch (LIST_LAST), a list of what is lacking "a or b or c" and "a, b of c".
FORM_ELEMENTS = {"reason": N_("a reason"), "location": N_("the item's location"),
                 "contact_optional": N_("optional name and e-mail"), "good_faith": N_("a good-faith confirmation")}
# The item's location when the form filled it in (the Dutch says so beside the word, the English at the end).
LOCATION_PREFILLED = pmsg("prefilled", "the item's location")
GOALS = {"form": N_("the form"), "mailto": N_("an e-mail link"), "login": N_("the login wall")}
ROUTES = {"form": N_("a form"), "mailto": N_("an e-mail link")}
HANDLING = {"receipt": N_("a receipt confirmation"), "timeframe": N_("a timeframe"), "appeal": N_("a way to appeal")}
HANDLING_LACKING = {"receipt": pmsg("lacking", "a receipt confirmation"), "timeframe": pmsg("lacking", "a timeframe"),
                    "appeal": pmsg("lacking", "a way to appeal")}
LIST_ITEM, LIST_LAST = N_("{head}, {item}"), N_("{head}, {last}")
OR_ITEM, OR_LAST = N_("{head} or {item}"), N_("{head} or {last}")


@dataclass(frozen=True)
class ReportControl:
    """A control on an item page that starts a report about that item."""

    page: PageRecord
    element: Element
    how: str  # "name", "icon", "href"

    @property
    def hidden(self) -> bool:
        return not self.element.visible


def report_controls(page: PageRecord, text: str = "") -> list[ReportControl]:
    """Report controls tied to the item on this page (site-wide footer/nav links are not); with the page's `text`,
    also a short link on a line that asks whether something is wrong with the item."""
    found = []
    item_path = urlsplit(page.final_url or page.url).path.rstrip("/")
    cue_lines = _problem_lines(text)
    for el in page.elements:
        how = _why_report(el) or _cued(el, cue_lines)
        if not how:
            continue
        if el.region in SITE_WIDE_REGIONS and not _names_item(el, item_path):
            continue
        found.append(ReportControl(page=page, element=el, how=how))
    return found


def general_report_routes(bundle: Bundle) -> dict[str, list[str]]:
    """Site-wide routes to report: report pages/forms not tied to an item, and abuse/report mailto addresses."""
    forms, mails, pages = set(), set(), set()
    for page in bundle.ok_pages():
        if page.role == "report" and page.forms:
            forms.add(page.final_url or page.url)
        elif any(lexicon.has(" ".join([f.label, *f.options]), "report", "control") for form in page.forms
                 for f in form.fields if f.visible):
            forms.add(page.final_url or page.url)  # e.g. a contact form with the subject "report an ad"
        for el in page.elements:
            if not el.href:
                continue
            if el.href.startswith("mailto:") and (_why_report(el) or lexicon.has(el.href, "report", "control")
                                                  or "abuse" in el.href.lower()):
                mails.add(el.href.split("?")[0])
            elif el.region in SITE_WIDE_REGIONS and _why_report(el):
                pages.add(el.href)
    return {"forms": sorted(forms), "mailto": sorted(mails), "links": sorted(pages)}


@check(
    "REPORT-01",
    legal="DSA art. 16(1)",
    en=Texts(
        title="Report control on every item",
        criterion="A report control on every item page (ad, profile, post, listing).",
        why=(
            "The people most likely to recognise exploitation (a client, a visitor, a worried friend) see one ad or profile, "
            "not the platform's help pages. If that page has no report control, the signal is lost. DSA art. 16 requires "
            "notice mechanisms that are easy to access and user-friendly."
        ),
        fix=(
            "Put a visible \"Report\" control on every ad, profile, post and listing, in the same place on every template "
            "(for example next to the contact button), labelled in the visitor's language."
        ),
    ),
    nl=Texts(
        title="Meldknop bij elk item",
        criterion="Een meldknop op elke itempagina (advertentie, profiel, bericht, aanbieding).",
        why=(
            "Wie uitbuiting het eerst herkent (een klant, een bezoeker, een bezorgde vriendin), ziet één advertentie of "
            "profiel, niet de hulppagina's van het platform. Staat daar geen meldknop, dan gaat het signaal verloren. Art. "
            "16 DSA eist meldmechanismen die gemakkelijk toegankelijk en gebruiksvriendelijk zijn."
        ),
        fix=(
            "Zet een zichtbare knop \"Melden\" bij elke advertentie, elk profiel, bericht en aanbod, op dezelfde plek in elk "
            "sjabloon (bijvoorbeeld naast de contactknop) en in de taal van de bezoeker."
        ),
    ),
)
def report_control_on_every_item(bundle: Bundle) -> Finding:
    """A report control on every sampled item page."""
    cid = "REPORT-01"
    items = bundle.item_pages()
    if not items:
        if unpassable_gate(bundle) is not None:
            # the level still knows the public routes (a general form: level 2)
            routes = general_report_routes(bundle)
            return finding(cid, "not_assessed", msg(N_("No item page could be reached: an age gate the audit could not "
                                                       "pass stands before them, so no report control could be looked "
                                                       "for{general}."), general=_general_words(routes)),
                           general_routes=routes)
        return finding(cid, "not_assessed", msg(N_("No item pages (ads, profiles, posts) were found to look for a report "
                                                   "control on.")))
    with_control = {p.id: report_controls(p, bundle.text(p)) for p in items}
    probe = bundle.probe("report", ReportProbe)
    found_by_probe = {a.item_url: a for a in (probe.attempts if probe else []) if a.control}
    for p in items:  # controls that appear only after opening a menu are known from the probe
        attempt = found_by_probe.get(p.final_url or p.url) or found_by_probe.get(p.url)
        if attempt and not with_control[p.id]:
            c = attempt.control
            el = Element(tag=c.tag, name=c.name, href=c.href, in_shadow=c.in_shadow, visible=False, box=c.box)
            with_control[p.id] = [ReportControl(page=p, element=el, how=c.how)]
    have = [p for p in items if with_control[p.id]]
    # Honest sampling: an item without a control in its saved page counts as "no control" only when the probe
    # opened it (menus, late scripts); the others were not tried and are said to be so.
    # (Without a probe artifact at all, the saved pages, hidden menus included, are the only evidence.)
    tried = {a.item_url for a in (probe.attempts if probe else []) if a.outcome != "error"}
    untried = [p for p in items if probe is not None and not with_control[p.id] and not ({p.url, p.final_url} & tried)]
    judged = [p for p in items if p not in untried]
    routes = general_report_routes(bundle)
    evidence = [_control_ev(with_control[p.id][0]) for p in have[:3]] or [_page_ev(items[0])]
    not_tried = (msg(N_(" {n} more item page(s) without a visible control were not opened by the probe."),
                     n=len(untried)) if untried else "")
    if not judged:
        return finding(cid, "not_assessed", msg(N_("None of the {n} item pages shows a report control in the saved "
                                                   "page, and the report probe could open none of them to look in "
                                                   "menus."), n=len(items)),
                       items=len(items), evidence=evidence, untried=len(untried))
    if not have:
        return finding(cid, "fail", msg(N_("No report control on any of {n} item pages{general}.{not_tried}"),
                                        n=len(judged), general=_general_words(routes), not_tried=not_tried),
                       evidence=evidence, general_routes=routes, items=len(items), with_control=0,
                       untried=len(untried))
    hidden = sum(1 for p in have if all(c.hidden for c in with_control[p.id]))
    status = "pass" if len(have) == len(judged) else "partial"
    missing = [p.final_url or p.url for p in judged if not with_control[p.id]]
    sentence = msg(N_("Report control on {have} of {n} item pages{how}.{missing}{not_tried}"), have=len(have),
                   n=len(judged), how=_how_words(with_control, have, hidden, _pointed(found_by_probe, have)),
                   missing=msg(N_(" Missing on e.g. {url}."), url=missing[0]) if missing else "",
                   not_tried=not_tried)
    return finding(cid, status, sentence, evidence=evidence, general_routes=routes, items=len(items),
                   with_control=len(have), hidden_in_menu=hidden, missing=missing[:10], untried=len(untried))

@check(
    "REPORT-02",
    legal="DSA art. 16(1) (easy to access)",
    en=Texts(
        title="Report form within two clicks",
        criterion=(
            "The report form (or mailto, or login wall in front of it) is reachable from the item in at most two clicks."
        ),
        why=(
            "Every extra click loses reporters; a report that takes five steps is not made. Someone who suspects coercion or "
            "a minor often has little time and may not want to be seen searching for a way to report it."
        ),
        fix=(
            "Let the report control open the report form directly, or at most behind one menu (the \"...\" menu). Do not "
            "route reporters through a help centre, FAQ or general contact page first."
        ),
    ),
    nl=Texts(
        title="Meldformulier binnen twee klikken",
        criterion=(
            "Het meldformulier (of mailto, of de inlogmuur ervoor) is vanaf het item in hooguit twee klikken bereikbaar."
        ),
        why=(
            "Elke extra klik kost melders; een melding die vijf stappen vraagt, wordt niet gedaan. Wie dwang of een "
            "minderjarige vermoedt, heeft vaak weinig tijd en wil niet gezien worden terwijl hij zoekt hoe hij kan melden."
        ),
        fix=(
            "Laat de meldknop direct het meldformulier openen, of hooguit achter één menu (het \"...\"-menu). Stuur melders "
            "niet eerst langs een helpcentrum, veelgestelde vragen of een algemene contactpagina."
        ),
    ),
)
def report_within_two_clicks(bundle: Bundle) -> Finding:
    """The report form (or mailto, or the login wall before it) within two clicks of the item."""
    cid = "REPORT-02"
    probe = bundle.probe("report", ReportProbe)
    if probe is None or not _opened(probe):
        return _probe_missing(cid, bundle, probe)
    with_control = [a for a in probe.attempts if a.control]
    outcomes = {k: sum(1 for a in with_control if a.outcome == k) for k in ("form", "login", "mailto", "none")}
    if not with_control:
        return finding(cid, "fail", msg(N_("No report control found on {n} item pages."), n=len(_opened(probe))),
                       evidence=[_attempt_ev(a) for a in _opened(probe)[:1]], outcomes=outcomes)
    sent = [a for a in with_control if a.clicks is None and a.refused_writes and a.outcome != "error"]
    unreached = [a for a in with_control if a.clicks is None and a not in sent]
    if sent and not unreached and all(a.clicks is None for a in with_control):
        a = sent[0]
        return finding(cid, "pass", msg(N_("'{control}' sends a report at once on {sent} of {n} item pages (e.g. {url}): "
                                           "the report would have been sent; sending was refused ({writes})."),
                                        control=a.control.name, sent=len(sent), n=len(probe.attempts), url=a.item_url,
                                        writes="; ".join(a.refused_writes[:2])),
                       evidence=[_attempt_ev(a)], steps=a.steps, outcomes=outcomes, refused_writes=a.refused_writes[:5])
    worst = max([a for a in with_control if a not in sent] or with_control,
                key=lambda a: (a.clicks is None, a.clicks or 0))
    menu = (msg(N_("hidden in the '{menu}' menu, "), menu=worst.menu.name or "menu")
            if worst.menu else "")
    where = msg(N_("{menu}on {shown} of {n} item pages"), menu=menu, shown=len(with_control), n=len(probe.attempts))
    if unreached:
        return finding(cid, "fail", msg(N_("Report control {where}, but no report form, e-mail link or login wall within "
                                           "{clicks} clicks on {unreached} ({url})."), where=where, unreached=len(unreached),
                                        clicks=MAX_CLICKS, url=unreached[0].item_url),
                       evidence=[_attempt_ev(worst)], steps=worst.steps, outcomes=outcomes)
    one_click = [a for a in with_control if a.refused_writes and a.form and a.form.name.startswith("one-click report")]
    at_once: MessageParam = ""
    if one_click:  # the click itself would have sent the report: say so, with the refused write
        at_once = msg(N_(" '{control}' sends the report at once on {sent} item pages: the report would have been sent; "
                         "sending was refused ({writes})."), control=one_click[0].control.name, sent=len(one_click),
                      writes="; ".join(one_click[0].refused_writes[:2]))
    sentence = nmsg("Report control {where}: at worst {n} click(s) to {goal}.{at_once}",
                    "Report control {where}: at worst {n} click(s) to {goal}.{at_once}", n=worst.clicks, where=where,
                    goal=msg(GOALS[worst.outcome]), at_once=at_once)
    status = "pass" if worst.clicks <= 2 else "partial"
    return finding(cid, status, sentence, evidence=[_attempt_ev(worst)], steps=worst.steps, worst_clicks=worst.clicks,
                   outcomes=outcomes, refused_writes=[w for a in one_click for w in a.refused_writes][:5])

@check(
    "REPORT-03",
    legal="DSA art. 16(1)",
    en=Texts(
        title="Reporting without an account",
        criterion="A logged-out visitor can report (a form, or a mailto).",
        why=(
            "Most people who notice signs of trafficking (clients, neighbours, victims themselves) have no account or do not "
            "want to use one for this. A login wall in front of the report form stops exactly those reporters. DSA art. 16 "
            "requires that any individual or entity can submit a notice, not only account holders."
        ),
        fix=(
            "Keep the report form open to logged-out visitors, with an optional e-mail field for follow-up. Against abuse of "
            "the form, use rate limits or a CAPTCHA, not an account requirement."
        ),
    ),
    nl=Texts(
        title="Melden zonder account",
        criterion="Een niet-ingelogde bezoeker kan melden (via een formulier of een mailto).",
        why=(
            "De meeste mensen die signalen van mensenhandel zien (klanten, buren, slachtoffers zelf) hebben geen account of "
            "willen er hiervoor geen gebruiken. Een inlogmuur vóór het meldformulier houdt juist die melders tegen. Art. 16 "
            "DSA eist dat iedere persoon of organisatie kan melden, niet alleen accounthouders."
        ),
        fix=(
            "Houd het meldformulier open voor niet-ingelogde bezoekers, met een optioneel e-mailveld voor terugkoppeling. "
            "Bestrijd misbruik van het formulier met een limiet op het aantal meldingen of een CAPTCHA, niet met een "
            "accountverplichting."
        ),
    ),
)
def report_without_account(bundle: Bundle) -> Finding:
    """A logged-out visitor can report (a form or a mailto)."""
    cid = "REPORT-03"
    probe = bundle.probe("report", ReportProbe)
    if probe is None or not _opened(probe):
        public = _public_forms(bundle)
        if public:
            page, _form = public[0]
            return finding(cid, "pass", msg(N_("No item page could be reached behind the age gate; a logged-out visitor "
                                               "can report through the public report form at {url}."),
                                            url=page.final_url or page.url), evidence=[_page_ev(page)])
        return _probe_missing(cid, bundle, probe)
    with_control = [a for a in probe.attempts if a.control]
    if not with_control:
        return finding(cid, "fail", msg(N_("No report control found on any sampled item page.")))
    walled = [a for a in with_control if a.outcome == "login"]
    open_ = [a for a in with_control if a.outcome in ("form", "mailto") and not _did_nothing(a)]
    if not walled and not open_ and any(_did_nothing(a) for a in with_control):
        a = next(a for a in with_control if _did_nothing(a))
        return finding(cid, "fail", msg(N_("Clicking the flag control ('{control}') as a logged-out visitor sent nothing "
                                           "and showed no form: flagging needs an account."), control=a.control.name),
                       evidence=[_attempt_ev(a)])
    if walled:
        return finding(cid, "fail", msg(N_("A login wall stands before the report form on {walled} of {n} item pages "
                                           "with a report control."), walled=len(walled), n=len(with_control)),
                       evidence=[_attempt_ev(walled[0], True)])
    if not open_:
        return finding(cid, "fail", msg(N_("The report control leads to no form or e-mail link a logged-out visitor can "
                                           "use.")),
                       evidence=[_attempt_ev(with_control[0])])
    kinds = sorted({a.outcome for a in open_})
    how = chain([msg(ROUTES[k]) for k in kinds], N_("{head} and {item}"))
    return finding(cid, "pass", msg(N_("A logged-out visitor can report through {how} ({open} of {n} item pages "
                                       "checked)."), how=how, open=len(open_), n=len(with_control)),
                   evidence=[_attempt_ev(open_[0], True)])

@check(
    "REPORT-04",
    legal="DSA art. 16(2)",
    en=Texts(
        title="Report form carries what DSA art. 16(2) asks",
        criterion=(
            "A reason, the item's exact location (ideally prefilled), optional name and e-mail, and a good-faith "
            "confirmation."
        ),
        why=(
            "A notice with a reason, the exact location and a good-faith statement gives the platform actual knowledge (DSA "
            "art. 16(3)) and lets moderators act at once. Forms that insist on a name and e-mail address deter reporters who "
            "fear retaliation; art. 16(2)(c) explicitly allows reports of child sexual abuse without them."
        ),
        fix=(
            "Give the form a reason field with categories (see REPORT-05) and free text, the URL or ID of the item prefilled "
            "from the page the report came from, name and e-mail as optional fields, and a checkbox \"I declare in good "
            "faith that this information is accurate and complete\"."
        ),
    ),
    nl=Texts(
        title="Meldformulier volgens DSA art. 16(2)",
        criterion=(
            "Een reden, de exacte vindplaats (liefst vooraf ingevuld), naam en e-mail die leeg mogen blijven, en een "
            "verklaring te goeder trouw."
        ),
        why=(
            "Een melding met een reden, de exacte vindplaats en een verklaring te goeder trouw geeft het platform "
            "daadwerkelijke kennis (art. 16(3) DSA) en laat moderatoren meteen handelen. Formulieren die naam en e-mailadres "
            "verplicht stellen, schrikken melders af die represailles vrezen; art. 16(2)(c) staat meldingen van seksueel "
            "kindermisbruik uitdrukkelijk zonder die gegevens toe."
        ),
        fix=(
            "Geef het formulier een reden met categorieën (zie REPORT-05) en vrije tekst, de URL of het ID van het item, "
            "vooraf ingevuld vanaf de pagina waar de melding begon, naam en e-mail als optionele velden, en een vinkje \"Ik "
            "verklaar te goeder trouw dat deze informatie juist en volledig is\"."
        ),
    ),
)
def report_form_complete(bundle: Bundle) -> Finding:
    """The form asks what DSA art. 16(2) asks: reason, exact location, optional contact, good faith."""
    cid = "REPORT-04"
    forms, verdict = _reached_forms(cid, bundle)
    if verdict:
        return verdict
    best = max(forms, key=lambda af: sum(form_criteria(af[1], af[0].item_url).values()))
    attempt, form = best
    met = form_criteria(form, attempt.item_url)
    prefilled = location_prefilled(form, attempt.item_url)
    words = {k: LOCATION_PREFILLED if k == "location" and prefilled else msg(FORM_ELEMENTS[k]) for k in FORM_ELEMENTS}
    have = [words[k] for k, v in met.items() if v]
    lack = [words[k] for k, v in met.items() if not v]
    if not have:
        return finding(cid, "fail", msg(N_("The report form asks none of what DSA art. 16(2) needs.")),
                       evidence=[_attempt_ev(attempt, True)], criteria=met)
    params: dict[str, MessageParam] = {"have": chain(have, LIST_ITEM, LIST_LAST)}
    if lack:
        params["lack"] = chain(lack, LIST_ITEM, LIST_LAST)
    if prefilled and met["location"]:
        sentence = (msg(N_("The report form has {have} (filled in); it lacks {lack}."), **params) if lack else
                    msg(N_("The report form has {have} (filled in)."), **params))
    else:
        sentence = (msg(N_("The report form has {have}; it lacks {lack}."), **params) if lack else
                    msg(N_("The report form has {have}."), **params))
    status = "pass" if not lack else "partial"
    return finding(cid, status, sentence, evidence=[_attempt_ev(attempt, True)], criteria=met,
                   fields=[f"{f.label or f.name} ({f.type}{', required' if f.required else ''})" for f in form.fields][:20])

@check(
    "REPORT-05",
    legal="DSA art. 16; art. 18",
    en=Texts(
        title="Categories for trafficking and minors",
        criterion="The report categories name human trafficking / (sexual) exploitation and a suspected minor.",
        why=(
            "When \"human trafficking\" or \"minor\" is not a category, such reports end up under \"other\" or \"spam\", in "
            "the slowest queue. Named categories also tell reporters that the platform takes these signals seriously, and "
            "they let the platform prioritise and count them."
        ),
        fix=(
            "Add at least two categories, \"Human trafficking or (sexual) exploitation\" and \"This person may be under "
            "18\", and route both to a priority queue with trained moderators and a fixed response time."
        ),
    ),
    nl=Texts(
        title="Categorieën voor mensenhandel en minderjarigen",
        criterion="De meldcategorieën noemen mensenhandel / (seksuele) uitbuiting en een vermoedelijk minderjarige.",
        why=(
            "Als \"mensenhandel\" of \"minderjarig\" geen categorie is, belanden zulke meldingen onder \"overig\" of "
            "\"spam\", in de traagste wachtrij. Benoemde categorieën laten melders ook zien dat het platform deze signalen "
            "serieus neemt, en maken het mogelijk ze voorrang te geven en te tellen."
        ),
        fix=(
            "Voeg minstens twee categorieën toe, \"Mensenhandel of (seksuele) uitbuiting\" en \"Deze persoon is mogelijk "
            "jonger dan 18\", en leid beide naar een wachtrij met voorrang, getrainde moderatoren en een vaste "
            "reactietermijn."
        ),
    ),
)
def report_categories(bundle: Bundle) -> Finding:
    """The categories name human trafficking / (sexual) exploitation and a suspected minor."""
    cid = "REPORT-05"
    forms, verdict = _reached_forms(cid, bundle)
    if verdict:
        return verdict
    attempt, form = max(forms, key=lambda af: len(categories_of(af[1])))
    options = categories_of(form)
    if not options:
        return finding(cid, "fail", msg(N_("The report form offers no categories to choose from.")),
                       evidence=[_attempt_ev(attempt, True)])
    joined = " | ".join(options)
    traffic = lexicon.find(joined, "report", "cat_trafficking")
    minor = lexicon.find(joined, "report", "cat_minor")
    shown = "; ".join(options[:8])
    if traffic and minor:
        return finding(cid, "pass", msg(N_("Categories name trafficking/exploitation ('{traffic}') and a suspected minor "
                                           "('{minor}'): {shown}."), traffic=traffic, minor=minor, shown=shown),
                       evidence=[_attempt_ev(attempt, True)], categories=options)
    if traffic or minor:
        missing = (msg(N_("a suspected minor")) if traffic else
                   msg(N_("human trafficking or exploitation")))
        return finding(cid, "partial", msg(N_("Categories ({shown}) do not name {missing}."), shown=shown,
                                           missing=missing),
                       evidence=[_attempt_ev(attempt, True)], categories=options)
    return finding(cid, "fail", msg(N_("Categories ({shown}) name neither trafficking/exploitation nor a suspected "
                                       "minor."), shown=shown),
                   evidence=[_attempt_ev(attempt, True)], categories=options)

@check(
    "REPORT-06",
    legal="DSA art. 16(4)-(5), art. 17, art. 20",
    en=Texts(
        title="Handling of reports explained",
        criterion="Receipt confirmation, a timeframe, and a way to appeal or complain about the decision are stated.",
        why=(
            "Reporters and the people they report need to know what happens next: that the report arrived, when a decision "
            "follows and how to contest it. DSA art. 16(4)-(5) requires a confirmation of receipt and notice of the "
            "decision, art. 17 a statement of reasons, and art. 20 an internal complaint system."
        ),
        fix=(
            "Confirm every report automatically with a reference number, state in the help pages how quickly reports are "
            "handled (with a faster track for trafficking and minors), and explain how reporters and affected users can "
            "appeal a decision."
        ),
    ),
    nl=Texts(
        title="Afhandeling van meldingen uitgelegd",
        criterion="Ontvangstbevestiging, een termijn en een manier om bezwaar te maken tegen de beslissing worden genoemd.",
        why=(
            "Melders en de mensen over wie gemeld wordt, moeten weten wat er daarna gebeurt: dat de melding is aangekomen, "
            "wanneer er een besluit volgt en hoe ze het kunnen aanvechten. Art. 16(4)-(5) DSA eist een ontvangstbevestiging "
            "en bericht over het besluit, art. 17 een motivering en art. 20 een interne klachtenprocedure."
        ),
        fix=(
            "Bevestig elke melding automatisch met een referentienummer, vermeld op de hulppagina's hoe snel meldingen "
            "worden afgehandeld (met een snellere route voor mensenhandel en minderjarigen), en leg uit hoe melders en "
            "betrokken gebruikers bezwaar kunnen maken tegen een besluit."
        ),
    ),
)
def handling_explained(bundle: Bundle) -> Finding:
    """Receipt confirmation, a timeframe and a way to appeal are stated for reports."""
    cid = "REPORT-06"
    contact = general_contact(bundle)
    # a forum's rules are often a pinned topic ("Forumregels - eerst lezen"), whose own title names them
    # the pages about reporting first: a help page that explains what happens to a report is quoted before a policy
    # page whose receipt or answer time is about something else (requests from authorities) near a word on reports
    pages = bundle.ok_pages("report") + bundle.ok_pages("help") + bundle.ok_pages("policy") + rules_topics(bundle)
    dialogs = _report_dialog_texts(bundle)
    if not pages and not any(_statements(url, text, on_report_page=True) for url, text in dialogs):
        # no help or policy page, and no report dialog that says what happens next
        verdict = silent_platform(cid, bundle, msg(N_("how reports are handled")))
        verdict.facts.general_contact = ContactRoutes.model_validate(contact)
        return verdict
    # report-handling pages are read wherever the platform puts them (an "other" page, the start
    # page, the page a report form thanks you on); such a page must state two of the three, so one
    # stray sentence in users' posts ("the bank answered within a day") is not read as a promise
    pages = pages + [p for p in bundle.ok_pages("other", "start", "signup", "login")
                     if _speaks_of_handling(bundle, p) and len(handling_statements(bundle, [p])) >= 2]
    found = handling_statements(bundle, pages)
    # the page of the report form itself ("Tell us what is wrong. We reply within two working days.") speaks
    # of reports throughout, whether or not each sentence says so
    for key, quote in handling_statements(bundle, _report_form_pages(bundle), on_report_page=True).items():
        found.setdefault(key, quote)
    # and so does the dialog a report form opens in over the item page ("You get a reference number at once")
    for url, text in dialogs:
        for key, quote in _statements(url, text, on_report_page=True).items():
            found.setdefault(key, quote)
    have = [msg(HANDLING[k]) for k in HANDLING if k in found]
    lack = [HANDLING_LACKING[k] for k in HANDLING if k not in found]
    if not have:
        return finding(cid, "fail", msg(N_("None of {n} help and policy pages explains how reports are handled "
                                           "(receipt, timeframe, appeal)."), n=len(pages)),
                       basis="stated", general_contact=contact)
    sentence = (msg(N_("The platform states {have}, but not {lack}."), have=chain(have, LIST_ITEM, LIST_LAST),
                    lack=chain(lack, OR_ITEM, OR_LAST)) if lack else
                msg(N_("The platform states {have}."), have=chain(have, LIST_ITEM, LIST_LAST)))
    return finding(cid, "pass" if not lack else "partial", sentence, basis="stated", quotes=list(found.values()),
                   general_contact=contact)


def _speaks_of_handling(bundle: Bundle, page: PageRecord) -> bool:
    text = bundle.text(page)
    return lexicon.has(text, "report", "about_reports") and any(
        lexicon.has(text, topic, key) for topic in ("report", "handling") for key in ("receipt", "appeal", "timeframe"))


def rules_topics(bundle: Bundle) -> list[PageRecord]:
    """Item pages whose own title names the rules or terms: a forum's house rules pinned as a topic."""
    return [p for p in bundle.ok_pages("item") if page_kinds("", p.title) & {"rules", "terms"}]


def _report_form_pages(bundle: Bundle) -> list[PageRecord]:
    """The pages a report control led to a form on, when the form has a page of its own (not a dialog over the item,
    whose page holds other people's posts)."""
    probe = bundle.probe("report", ReportProbe)
    out: list[PageRecord] = []
    for a in probe.attempts if probe else []:
        if a.control and a.outcome == "form" and a.outcome_url and a.outcome_url != a.item_url:
            page = bundle.page_by_url(a.outcome_url)
            if page is not None and page.role not in ("item", "listing") and page not in out:
                out.append(page)
    return out


def handling_statements(bundle: Bundle, pages: list[PageRecord], *, on_report_page: bool = False) -> dict[str, Quote]:
    """The first sentence stating a receipt confirmation, a timeframe and an appeal, about reports.

    A sentence counts when it, one of the two before it or the one after it speaks of reports or
    decisions ("You see a reference code at once. Every report is read within a day."), or the page is the report
    form's own (`on_report_page`); an appeal to the data-protection authority about personal data is not an appeal
    against a decision.
    """
    found: dict[str, Quote] = {}
    for page in pages:
        for key, quote in _statements(page.final_url or page.url, bundle.text(page), on_report_page).items():
            found.setdefault(key, quote)
    return found


def _statements(url: str, text: str, on_report_page: bool) -> dict[str, Quote]:
    found: dict[str, Quote] = {}
    said = sentences(text)
    for i, sentence in enumerate(said):
        context = " ".join(said[max(0, i - 2): i + 2])
        if not on_report_page and not lexicon.has(context, "report", "about_reports"):
            continue
        for key in ("receipt", "timeframe", "appeal"):
            if key in found or not (lexicon.has(sentence, "report", key) or lexicon.has(sentence, "handling", key)
                                    or key == "appeal" and contests_moderation(sentence)):
                continue
            if key == "appeal" and lexicon.has(sentence, "report", "appeal_not"):
                continue
            if key == "timeframe" and not _is_handling_time(sentence):
                continue
            found[key] = Quote(url=url, text=sentence)
    return found


# Taking a disagreement with moderation to the moderators ("Disagree with a moderator's decision? Don't argue in
# the thread, send them a private message."; "Over moderatie wordt niet in het openbaar gediscussieerd; stuur de
# moderator een PB") is a way to contest a decision: a dispute word, moderation or a decision, and a private route.
_DISPUTE = re.compile(r"\b(disagree\w*|do(?:n't| not) agree|question(?:s|ing)? (?:about|a|the)|contest\w*|dispute\w*|"
                      r"oneens|niet eens|aanvechten|betwist\w*)", re.I)
# "not discussed in public, send a PM": moderation talked about elsewhere than in the open
_NOT_IN_PUBLIC = re.compile(r"\b(discuss\w*|argu\w*|discussi\w*|gediscussieerd|bespro?k\w*|bespre\w*)\b.{0,60}"
                            r"\b(public\w*|openbaar|in the (?:thread|topic|forum)|on the (?:forum|board)|"
                            r"in het (?:topic|forum|openbaar)|op het forum)\b|"
                            r"\b(public\w*|openbaar)\b.{0,60}\b(discuss\w*|discussi\w*|gediscussieerd|bespr\w*)", re.I)
_MODERATION = re.compile(r"\b(moderat\w*|decision\w*|beslissing\w*|besluit\w*|ban|bans|banned|warning|"
                         r"waarschuwing\w*|verbann\w*)", re.I)
_PRIVATE_ROUTE = re.compile(r"\b(pm|pb|dm|private(?:ly)?|privé\w*|priv[eé]bericht\w*|e-?mail\w*|mail|contact\w*|"
                            r"message|bericht|stuur|send|write to|schrijf)\b", re.I)


def contests_moderation(sentence: str) -> bool:
    """The sentence tells people how to take a disagreement with moderation to the moderators."""
    return bool((_DISPUTE.search(sentence) or _NOT_IN_PUBLIC.search(sentence)) and _MODERATION.search(sentence)
                and _PRIVATE_ROUTE.search(sentence))


def _report_dialog_texts(bundle: Bundle) -> list[tuple[str, str]]:
    """What the dialogs report forms opened in said, once per distinct text (the report probe's `outcome_text`)."""
    probe = bundle.probe("report", ReportProbe)
    out: dict[str, str] = {}
    for a in probe.attempts if probe else []:
        if a.outcome == "form" and a.outcome_text and a.outcome_text not in out:
            out[a.outcome_text] = a.outcome_url or a.item_url
    return [(url, text) for text, url in out.items()]


def silent_platform(cid: str, bundle: Bundle, what: Message) -> Finding:
    """No help or policy page at all: a platform that says nothing fails, unless the crawl itself came up short.
    `what` is what the pages would have said ("how reports are handled"), as a message id."""
    seen = len(bundle.ok_pages())
    if seen >= 5:
        return finding(cid, "fail", msg(N_("The platform has no help, policy or report page saying {what} ({seen} pages "
                                           "visited)."), what=what, seen=seen), basis="stated")
    return finding(cid, "not_assessed", nmsg("Only {n} page(s) could be visited; no help or policy page was found to "
                                             "read {what}.", "Only {n} page(s) could be visited; no help or policy page "
                                             "was found to read {what}.", n=seen, what=what), basis="stated")

def _is_handling_time(sentence: str) -> bool:
    """'within 24 hours' about reviewing, not 'you can edit your ad for 30 days' or 'reports are kept 90 days'."""
    if re.search(r"\b(keep|kept|keeps|retain|retained|store|stored|delete|deleted|bewaren|bewaard|bewaart|"
                 r"verwijderd|verwijderen|opgeslagen)\b", sentence, re.I):
        return False
    return (bool(re.search(r"\b(within|inside|binnen|in|no later than|at the latest|at most|uiterlijk|hooguit|"
                           r"same day|dezelfde dag|24/7|round the clock|dag en nacht)\b", sentence, re.I))
            or lexicon.has(sentence, "report", "receipt") or lexicon.has(sentence, "handling", "receipt"))


def level(findings: dict[str, Finding]) -> int:
    """REPORT ladder: 0 no route, 1 e-mail only, 2 general form, 3 per-item control to a form, 4 R01-05 pass, 5 + R06."""
    status = {k: f.status for k, f in findings.items()}
    if all(status.get(f"REPORT-0{i}") == "pass" for i in range(1, 6)):
        return 5 if status.get("REPORT-06") == "pass" else 4
    f01, f02 = findings.get("REPORT-01"), findings.get("REPORT-02")
    outcomes = f02.facts.outcomes if f02 else None
    per_item = f01 is not None and f01.status in ("pass", "partial")
    if per_item and outcomes and (outcomes.form or outcomes.login):
        return 3
    routes = (f01.facts.general_routes if f01 else None) or ReportRoutes()
    if routes.forms or (per_item and not outcomes):
        return 2
    if routes.mailto or routes.links or (outcomes and outcomes.mailto) or per_item:
        return 1
    f06 = findings.get("REPORT-06")
    contact = (f06.facts.general_contact if f06 else None) or ContactRoutes()
    if contact.mailto or contact.pages:
        return 1  # a general contact address or contact page (the catalogue: "only e-mail")
    return 0


# ---------------------------------------------------------------------- helpers


def form_criteria(form: Form, item_url: str) -> dict[str, bool]:
    """Which of the four DSA art. 16(2) elements a report form carries."""
    visible = [f for f in form.fields if f.visible]
    reason = any(lexicon.has(_label(f), "report", "reason") or f.tag in ("textarea", "select") or f.type == "radio"
                 for f in visible)
    location = location_prefilled(form, item_url) or any(
        lexicon.has(_label(f), "report", "location") for f in visible if f.type not in ("checkbox", "radio"))
    emails = [f for f in visible if f.type == "email" or lexicon.has(_label(f), "report", "email")]
    names = [f for f in visible if f not in emails and lexicon.has(_label(f), "report", "name")
             and f.type not in ("checkbox", "radio")]
    contact_optional = bool(emails) and not any(f.required for f in emails + names)
    good_faith = any(f.type == "checkbox" and lexicon.has(_label(f), "report", "good_faith") for f in visible)
    return {"reason": reason, "location": location, "contact_optional": contact_optional, "good_faith": good_faith}


def location_prefilled(form: Form, item_url: str) -> bool:
    """A field (visible or hidden) already holds the item's URL or its ID."""
    parts = urlsplit(item_url)
    path = parts.path.rstrip("/")
    ident = path.split("/")[-1].removesuffix(".html") if path else ""
    digits = "".join(re.findall(r"\d+", ident))
    # a slug without digits ("/ad/sunny-flat-by-the-quay", "/view?ad=sunny-flat-by-the-quay") names the item too
    slugs = [s for s in [ident, *(v for _k, v in parse_qsl(parts.query))] if len(s) >= 5 and "-" in s]
    # an ID in the item's query (advertentie.php?id=12): a field of the same name holding it, or "id=12" in a value
    query_ids = [(k.lower(), v) for k, v in parse_qsl(parts.query) if re.fullmatch(r"\d{1,12}", v)]
    for f in form.fields:
        v = f.value.strip()
        if not v or f.type in ("checkbox", "radio", "submit", "button"):
            continue
        if any((f.name or "").lower() == k and v == i or re.search(rf"(?<![\w]){re.escape(k)}={i}(?!\d)", v, re.I)
               for k, i in query_ids):
            return True
        # a field holding exactly the item's number, under a name of its own ("advertentie" = 48211 for ?id=48211)
        if any(v == i and len(i) >= 4 for _k, i in query_ids):
            return True
        # a script path shared by every item (/advertentie.php?id=...) names none of them by itself
        path_names_item = path and not (query_ids and not digits)
        if item_url.rstrip("/") in v or (path_names_item and path in v) or (
                digits and re.search(rf"(?<!\d){digits}(?!\d)", v)):
            return True
        if any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", v, re.I) for s in slugs):
            return True
    return False


def categories_of(form: Form) -> list[str]:
    """The report categories a form offers (select options, radio and checkbox labels), good-faith boxes left out."""
    out: list[str] = []
    for f in form.fields:
        if f.tag == "select":
            out += [o for o in f.options if o and not re.fullmatch(r"[-–—\s]*|(kies|choose|select)\b.*", o, re.I)]
        elif f.type in ("radio", "checkbox") and not lexicon.has(_label(f), "report", "good_faith"):
            out += [o for o in (f.options or [f.label]) if o]
    return list(dict.fromkeys(o.strip() for o in out if o.strip()))


def _label(f) -> str:
    return f"{f.label} {f.name} {f.placeholder}"


def _reached_forms(cid: str, bundle: Bundle) -> tuple[list[tuple[ReportAttempt, Form]], Finding | None]:
    """The report forms the probe reached, or the finding that says why there is none to judge."""
    probe = bundle.probe("report", ReportProbe)
    if probe is None or not _opened(probe):
        public = _public_forms(bundle)
        if public:
            # no item reachable behind the age gate: the public report form is the one a visitor can use
            return [(ReportAttempt(item_url=p.final_url or p.url, outcome="form", outcome_url=p.final_url or p.url,
                                   form=f, steps=["the public report form (no item page reachable behind the age gate)"]), f)
                    for p, f in public], None
        return [], _probe_missing(cid, bundle, probe)
    with_control = [a for a in probe.attempts if a.control]
    if not with_control:
        return [], finding(cid, "fail", msg(N_("No report control found on any sampled item page, so no report form.")))
    forms = [(a, a.form) for a in with_control if a.outcome == "form" and a.form]
    forms += [(a, a.form_behind_login) for a in with_control if a.outcome == "login" and a.form_behind_login]
    if forms:
        return forms, None
    if any(a.outcome == "login" for a in with_control):
        return [], finding(cid, "not_assessed", msg(N_("The report form sits behind a login wall and no login is "
                                                       "configured.")),
                           evidence=[_attempt_ev(with_control[0], True)])
    mails = [a.mailto for a in with_control if a.outcome == "mailto"]
    if mails:
        return [], finding(cid, "fail", msg(N_("No report form: reporting goes by e-mail to {address}."),
                                            address=mails[0].removeprefix("mailto:")))
    return [], finding(cid, "fail", msg(N_("The report control leads to no report form.")),
                       evidence=[_attempt_ev(with_control[0])])


def _public_forms(bundle: Bundle) -> list[tuple[PageRecord, Form]]:
    """When an age gate the audit cannot pass keeps every item page out of reach: the report forms on the platform's
    own report pages that a logged-out visitor can fill in (a reason or categories, no password)."""
    if unpassable_gate(bundle) is None:
        return []
    out = []
    for page in bundle.ok_pages("report"):
        for form in page.forms:
            visible = [f for f in form.fields if f.visible]
            if any(f.type == "password" for f in form.fields) or not visible:
                continue
            if categories_of(form) or any(lexicon.has(_label(f), "report", "reason") for f in visible):
                out.append((page, form))
    return out


def _did_nothing(attempt: ReportAttempt) -> bool:
    """A one-click flag that, clicked logged out, sent nothing and showed nothing (the probe's method 'none')."""
    return attempt.outcome == "form" and attempt.form is not None and attempt.form.method == "none"


def _opened(probe: ReportProbe) -> list[ReportAttempt]:
    """The attempts where the probe could open the item page (an error is not "no control")."""
    return [a for a in probe.attempts if a.outcome != "error" or a.control]


def _probe_missing(cid: str, bundle: Bundle, probe: ReportProbe | None = None) -> Finding:
    if probe is not None and probe.attempts:
        n = len(probe.attempts)
        # The Dutch sentence leaves the technical error out.
        return finding(cid, "not_assessed", msg(N_("The report probe could not open any of the {n} item pages it tried "
                                                   "({error})."), n=n, error=probe.attempts[0].error or "error"))
    if not bundle.item_pages():
        return finding(cid, "not_assessed", msg(N_("No item pages were found, so no report control could be followed.")))
    return finding(cid, "not_assessed", msg(N_("The report probe did not run on the item pages.")))


# The report probe's steps (ReportAttempt.steps, written by the collector in English) as message ids, so that a
# caption reads in the report's language; a step not listed here is shown as it was written.
_STEPS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the age gate came back and was passed again$"), N_("the age gate came back and was passed again")),
    (re.compile(r"^opened the menu '(?P<name>.*)'$"), N_("opened the menu '{name}'")),
    (re.compile(r"^chose '(?P<option>.*)' in the list '(?P<name>.*)'$"), N_("chose '{option}' in the list '{name}'")),
    (re.compile(r"^pressed the list's button \(a GET form: a link, nothing written\)$"),
     N_("pressed the list's button (a GET form: a link, nothing written)")),
    (re.compile(r"^pointed at the item, which shows its hidden toolbar \(no click\)$"),
     N_("pointed at the item, which shows its hidden toolbar (no click)")),
    (re.compile(r"^no report control found$"), N_("no report control found")),
    (re.compile(r"^the public report form \(no item page reachable behind the age gate\)$"),
     N_("the public report form (no item page reachable behind the age gate)")),
    (re.compile(r"^'(?P<name>.*)' belongs to an inline report form on the item page \(inspected, not submitted\)$"),
     N_("'{name}' belongs to an inline report form on the item page (inspected, not submitted)")),
    (re.compile(r"^'(?P<name>.*)' is an e-mail link to (?P<address>\S*)$"), N_("'{name}' is an e-mail link to {address}")),
    (re.compile(r"^clicked '(?P<name>.*)'$"), N_("clicked '{name}'")),
    (re.compile(r"^the click tried to send a report at once \(a one-click flag\); the write guard refused it$"),
     N_("the click tried to send a report at once (a one-click flag); the write guard refused it")),
    (re.compile(r"^its address names the reason \((?P<url>.*)\), which passive mode does not follow; the same page "
                r"without the reason holds a report form$"),
     N_("its address names the reason ({url}), which passive mode does not follow; the same page without the reason "
        "holds a report form")),
    (re.compile(r"^a report form opened$"), N_("a report form opened")),
    (re.compile(r"^a login wall stands before the form$"), N_("a login wall stands before the form")),
    (re.compile(r"^clicking it sent nothing and showed no form: a one-click flag that did nothing for a logged-out "
                r"visitor$"),
     N_("clicking it sent nothing and showed no form: a one-click flag that did nothing for a logged-out visitor")),
    (re.compile(r"^no report form within (?P<n>\d+) clicks$"), N_("no report form within {n} clicks")),
]


def step_message(step: str) -> Message:
    for pattern, message in _STEPS:
        m = pattern.match(step)
        if m:
            params = {k: int(v) if k == "n" else v for k, v in m.groupdict().items()}
            return msg(message, **params)
    return msg(N_("{step}"), step=step)


def steps_message(steps: list[str]) -> Message | None:
    """The steps of one report attempt as one caption ("opened the menu '⋯' → clicked 'Report'")."""
    if not steps:
        return None
    return msg(N_("{head} → {item}"), head=steps_message(steps[:-1]), item=step_message(steps[-1])) \
        if len(steps) > 1 else step_message(steps[0])


def _attempt_ev(attempt: ReportAttempt, outcome: bool = False) -> Evidence:
    if outcome and attempt.outcome_screenshot:
        return Evidence(kind="screenshot", path=attempt.outcome_screenshot, url=attempt.outcome_url or attempt.item_url,
                        note_message=steps_message(attempt.steps))
    return Evidence(kind="screenshot", path=attempt.control_screenshot, url=attempt.item_url,
                    box=attempt.control_box_in_shot, note_message=steps_message(attempt.steps))


# A report control names an action in a few words ("Report", "Report this post", "Misbruik melden"). A link named
# like a question or a whole title ("How do I report a post?", a topic "Hoe meld ik een bericht? / How to report a
# post") leads to content about reporting, not to a report about this item.
MAX_CONTROL_WORDS = 8


def reads_as_title(name: str) -> bool:
    """Whether a link's name reads as a question or a title (content), not as a short action.

    A single word with a question mark ("Misbruik?", "Abuse?") is a label that asks the reader, not a topic's title;
    nor is a short question whether something is wrong with the item ("Something wrong with this listing?")."""
    words = (name or "").split()
    if asks_about_item(name or ""):
        return False
    return ("?" in name and len(words) > 1) or len(words) > MAX_CONTROL_WORDS


def asks_about_item(name: str) -> bool:
    """A short question to the visitor whether something is wrong with this item ("Something off about this job?",
    "Klopt er iets niet aan deze advertentie?"): a report link worded as a question, not a title."""
    return len(name.split()) <= MAX_CONTROL_WORDS and lexicon.has(name, "report", "asks")


# Dutch "aanmelden" (sign up) and "afmelden" split around the person: "Meld je aan", "Meld u nu gratis aan om ...",
# "meld je af": the verb "meld" there is no report.
_SIGNUP_MELD = re.compile(r"\bmeld\s+(?:je|u|jezelf|uzelf|jullie)\b(?:\s+[\w-]+){0,3}?\s+(?:aan|af)\b", re.I)


def report_words(label: str) -> str:
    """A control's name without the Dutch sign-up verb "meld je aan" (so its "meld" is not read as "report")."""
    return _SIGNUP_MELD.sub(" ", label or "")


def _why_report(el: Element) -> str:
    labels = [x for x in (el.name, el.text, el.attrs.get("title"), el.attrs.get("aria-label"))
              if x and not (el.tag == "a" and reads_as_title(x))]  # a link named like a title; a select lists reasons
    label = report_words(" ".join(labels))
    if lexicon.has(label, "report", "control") or (len(label) <= 80 and lexicon.has(label, "report", "flag")) \
            or any(asks_about_item(x) for x in labels):
        return "name"
    if el.href and lexicon.has(" ".join(urlsplit(el.href).path.split("/")), "roles", "report"):
        return "href"
    icon = " ".join(filter(None, [el.attrs.get("icon"), el.attrs.get("class")]))
    if el.tag in ("button", "a") and not el.text.strip() and lexicon.has(icon, "report", "icon"):
        return "icon"
    return ""


MAX_CUE_LINE = 160  # characters: a line that asks, not a paragraph of the ad that happens to hold the words


def _problem_lines(text: str) -> list[str]:
    """Short lines of a page's text that ask whether something is wrong ("Er klopt iets niet? Laat het ons weten")."""
    return [line.strip() for line in (text or "").splitlines()
            if 0 < len(line.strip()) <= MAX_CUE_LINE and lexicon.has(line, "report", "problem_cue")]


def _cued(el: Element, lines: list[str]) -> str:
    """A short link whose words stand on one of those lines: the way to say so, a report route for the item."""
    words = " ".join((el.text or el.name or "").split())
    if el.tag != "a" or not el.href or not words or len(words.split()) > 6:
        return ""
    return "cue" if any(words in " ".join(line.split()) for line in lines) else ""


def _names_item(el: Element, item_path: str) -> bool:
    return bool(el.href and item_path and item_path.split("/")[-1] in el.href)


def _general_words(routes: dict[str, list[str]]) -> MessageParam:
    if routes["forms"]:
        return msg(N_("; only a general report form at {url}"), url=routes["forms"][0])
    if routes["mailto"]:
        return msg(N_("; only the e-mail address {url}"), url=routes["mailto"][0].removeprefix("mailto:"))
    if routes["links"]:
        return msg(N_("; only a site-wide link to {url}"), url=routes["links"][0])
    return ""


POINTED_STEP = "pointed at the item, which shows its hidden toolbar (no click)"


def _pointed(found_by_probe: dict, have: list[PageRecord]) -> int:
    """Item pages whose control the probe saw only after pointing at the item (a toolbar shown on hover or focus)."""
    return sum(1 for p in have if POINTED_STEP in getattr(
        found_by_probe.get(p.final_url or p.url) or found_by_probe.get(p.url), "steps", []))


def _how_words(controls: dict[str, list[ReportControl]], have: list[PageRecord], hidden: int,
               pointed: int = 0) -> MessageParam:
    kinds = {c.how for p in have for c in controls[p.id]}
    bits: list[MessageParam] = []
    if "icon" in kinds or any(not c.element.text.strip() for p in have for c in controls[p.id]):
        bits.append(msg(N_("icon-only on some")))
    if pointed:
        bits.append(msg(N_("shown only when the item is pointed at or focused on {n}"), n=pointed))
    if hidden - pointed > 0:
        bits.append(msg(N_("hidden in a menu on {n}"), n=hidden - pointed))
    if any(c.element.in_shadow for p in have for c in controls[p.id]):
        bits.append(msg(N_("inside a web component")))
    return msg(N_(" ({bits})"), bits=chain(bits, N_("{head}; {item}"))) if bits else ""

def _control_ev(control: ReportControl) -> Evidence:
    page = control.page
    return Evidence(kind="screenshot", path=page.files.get("screenshot"), url=page.final_url or page.url,
                    box=control.element.box if control.element.visible else None,
                    note_message=msg(N_("report control: '{name}'"), name=control.element.name or control.element.text))


def _page_ev(page: PageRecord) -> Evidence:
    return Evidence(kind="screenshot", path=page.files.get("screenshot"), url=page.final_url or page.url)
