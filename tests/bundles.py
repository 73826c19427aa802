"""Build saved evidence bundles by hand, so checks can be tested without a browser.

    run_dir = make_bundle(tmp_path, pages=[page("https://x.test/", role="start", text="...",
                                                elements=[link("Privacy", "/privacy")])])
    bundle = Bundle(run_dir)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from checks import registry
from checks.levels import LEVELS
from safehaven.bundle import Bundle, BundleWriter
from safehaven.catalogue import area_of
from safehaven.models import (
    AgeGateProbe,
    Box,
    BundleInfo,
    ControlSeen,
    Element,
    Form,
    FormField,
    GateObservation,
    PageRecord,
    PlatformSpec,
    ReportAttempt,
    ReportProbe,
    RequestRecord,
)


def link(name: str, href: str, *, region: str | None = None, visible: bool = True, **attrs: str) -> Element:
    return Element(tag="a", role="link", name=name, text=name, href=href, region=region, visible=visible,
                   attrs=dict(attrs), box=Box(x=10, y=10, width=80, height=20))


def button(name: str, *, text: str = "", region: str | None = None, in_shadow: bool = False,
           visible: bool = True, **attrs: str) -> Element:
    return Element(tag="button", role="button", name=name, text=text or name, region=region,
                   in_shadow=in_shadow, visible=visible, attrs=dict(attrs),
                   box=Box(x=10, y=40, width=80, height=20))


def field(label: str, *, type: str = "text", name: str = "", required: bool = False,
          options: list[str] | None = None, value: str = "", tag: str = "input") -> FormField:
    return FormField(tag=tag, label=label, type=type, name=name or label.lower().replace(" ", "_"),
                     required=required, options=options or [], value=value)


def form(*fields: FormField, action: str = "/submit", submit: str = "Send", name: str = "") -> Form:
    return Form(action=action, method="post", fields=list(fields), submit_labels=[submit], name=name)


def page(url: str, *, role: str = "other", text: str = "", status: int = 200, error: str | None = None,
         title: str = "", elements: list[Element] | None = None, forms: list[Form] | None = None,
         lang: str = "en", **extra: Any) -> dict[str, Any]:
    """A page description for make_bundle (text is written to text.txt)."""
    return dict(url=url, role=role, text=text, status=status, error=error, title=title,
                elements=elements or [], forms=forms or [], lang=lang, extra=extra)


def make_bundle(tmp_path: Path, pages: list[dict[str, Any]], *, name: str = "Testplatform",
                url: str = "https://platform.test/", adult: bool = True, language: str | None = None,
                active: bool = False, probes: dict[str, BaseModel] | None = None) -> Path:
    """Write a bundle into tmp_path/run and return the run folder."""
    run_dir = tmp_path / "run"
    writer = BundleWriter(run_dir)
    platform = PlatformSpec(name=name, url=url, adult=adult, language=language, active=active)
    info = BundleInfo(platform=platform, browser="test", started_at="2026-01-01T00:00:00+00:00")
    for n, spec in enumerate(pages, start=1):
        pid = f"p{n:03d}"
        extra = dict(spec["extra"])
        files = {"text": writer.write_text(f"pages/{pid}/text.txt", spec["text"]), **extra.pop("files", {})}
        record = PageRecord(id=pid, url=spec["url"], final_url=spec["url"], status=spec["status"],
                            error=spec["error"], title=spec["title"], lang=spec["lang"], role=spec["role"],
                            files=files, elements=spec["elements"], forms=spec["forms"], **extra)
        writer.write_model(f"pages/{pid}/page.json", record)
        info.pages.append(pid)
    for pname, model in (probes or {}).items():
        info.probes[pname] = writer.write_model(f"probes/{pname}.json", model)
    writer.write_model("bundle.json", info)
    writer.write_manifest()
    return run_dir


# =============================================================================== a Dutch adult-ads platform
# Start, item, privacy, terms and help pages with good texts, each linking them in the footer: the
# platform the EVIDENCE, HELP and TERMS tests vary.


SITE = "https://platform.test"


PRIVACY_GOOD = """Home
Advertenties
Inloggen
Privacyverklaring
Bewaartermijnen
Chatberichten bewaren wij zes maanden. IP-adressen en logbestanden worden na 90 dagen verwijderd.
Advertenties die wij verwijderen wegens een vermoeden van mensenhandel bewaren wij met de bijbehorende accountgegevens twee jaar.
Bij signalen van mensenhandel of seksueel misbruik van minderjarigen doen wij uit eigen beweging aangifte bij de politie.
Politie en justitie kunnen vorderingen richten aan ons juridisch team via justitie@platform.test.
© 2026 Platform B.V. Alle rechten voorbehouden."""


TERMS_GOOD = """Algemene voorwaarden
Het is verboden om:
- advertenties te plaatsen voor of namens een ander;
- advertenties te plaatsen van personen die jonger zijn dan 18 jaar;
- diensten aan te bieden van iemand die daartoe wordt gedwongen (mensenhandel, loverboys, pooiers).
Bij overtreding van deze regels verwijderen wij de advertentie en blokkeren wij je account."""


HELP_GOOD = """Hulp en veiligheid
Word je gedwongen tot sekswerk? Je staat er niet alleen voor.
In een noodsituatie: bel altijd 112.
Meld Misdaad Anoniem: 0800-7000
CoMensha, landelijk coördinatiecentrum tegen mensenhandel: 033 - 448 11 86"""


FOOTER = [link("Privacy", f"{SITE}/privacy", region="footer"), link("Algemene voorwaarden", f"{SITE}/voorwaarden",
          region="footer"), link("Hulp & veiligheid", f"{SITE}/hulp", region="footer")]


def bundle_of(tmp_path: Path, *pages: dict, probes: dict | None = None) -> Bundle:
    return Bundle(make_bundle(tmp_path, pages=list(pages), url=f"{SITE}/", probes=probes))


def signup_with_text(text: str, *, frames: list[str] | None = None, requests: list[RequestRecord] | None = None,
                     extra: list | None = None, lang: str = "en") -> dict:
    """A signup page with an e-mail and password form (plus `extra` fields) whose page text says `text`."""
    f = form(field("E-mail", type="email", name="email"), field("Password", type="password", name="pw"), *(extra or []))
    return page(f"{SITE}/signup", role="signup", text=text, forms=[f], frames=frames or [], requests=requests or [],
                lang=lang)


def item(n: int, elements: list | None = None, text: str = "Anna, 25, Amsterdam. Bel me!") -> dict:
    return page(f"{SITE}/advertentie/{n}", role="item", text=text, elements=FOOTER if elements is None else elements,
                lang="nl")


def privacy(text: str = PRIVACY_GOOD, *, role: str = "policy", url: str = f"{SITE}/privacy") -> dict:
    return page(url, role=role, title="Privacyverklaring", text=text, elements=FOOTER, lang="nl")


def terms_page(text: str = TERMS_GOOD) -> dict:
    return page(f"{SITE}/voorwaarden", role="policy", title="Algemene voorwaarden", text=text, elements=FOOTER,
                lang="nl")


def help_page(text: str = HELP_GOOD) -> dict:
    return page(f"{SITE}/hulp", role="help", title="Hulp en veiligheid", text=text, elements=FOOTER, lang="nl")


def start() -> dict:
    return page(f"{SITE}/", role="start", text="Home\nAdvertenties\nWelkom op Platform.", elements=FOOTER, lang="nl")


def good_platform(tmp_path: Path) -> Bundle:
    return bundle_of(tmp_path, start(), item(1), item(2), privacy(), terms_page(), help_page())


# =============================================================================== ladder cases
# Bundles that put an area exactly on a rung of its ladder, or just below it ("almost"), in English
# and Dutch: used by tests/test_check_<area>.py and tests/test_ladders.py.


LANGS = ("en", "nl")


class AreaLevels:
    """levels(...)[AREA]: the area's level as the scorecard computes it (the area's checks, then its ladder)."""

    def __init__(self, bundle: Bundle):
        self.bundle = bundle

    def __getitem__(self, area: str) -> int:
        checks = {cid: fn for cid, fn in registry().items() if area_of(cid) == area}
        return LEVELS[area]({cid: fn(self.bundle) for cid, fn in checks.items()})


def levels(tmp_path: Path, pages: list[dict], probes: dict | None = None, adult: bool = True) -> AreaLevels:
    return AreaLevels(Bundle(make_bundle(tmp_path, pages=pages, url=f"{SITE}/", adult=adult, probes=probes)))


def T(lang: str, en: str, nl: str) -> str:
    return en if lang == "en" else nl


def footer(lang: str, *extra) -> list:
    return [link(T(lang, "Privacy", "Privacy"), f"{SITE}/privacy", region="footer"),
            link(T(lang, "Terms", "Voorwaarden"), f"{SITE}/terms", region="footer"), *extra]


def ladder_start(lang: str) -> dict:
    return page(f"{SITE}/", role="start", text=T(lang, "Welcome to Platform.", "Welkom op Platform."),
                elements=footer(lang), lang=lang)


def ladder_item(lang: str, n: int, text: str = "", elements: list | None = None) -> dict:
    body = text or T(lang, "Anna, 25, Amsterdam. Looking forward to meeting you.",
                     "Anna, 25, Amsterdam. Leuk je te ontmoeten.")
    return page(f"{SITE}/ad/{n}", role="item", text=body, lang=lang,
                elements=[*(elements or []), *footer(lang)])


def text_page(lang: str, path: str, role: str, text: str, title: str = "", elements: list | None = None) -> dict:
    return page(f"{SITE}/{path}", role=role, text=text, title=title, lang=lang,
                elements=[*(elements or []), *footer(lang)])


def signup(lang: str, *fields, text: str = "", frames: list[str] | None = None) -> dict:
    base = [field(T(lang, "E-mail", "E-mailadres"), type="email", name="email"),
            field(T(lang, "Password", "Wachtwoord"), type="password", name="password")]
    return page(f"{SITE}/signup", role="signup", lang=lang, text=text or T(lang, "Create your account", "Maak je account"),
                forms=[form(*base, *fields, submit=T(lang, "Sign up", "Aanmelden"))], elements=footer(lang),
                frames=frames or [])


def age_checkbox(lang: str):
    return field(T(lang, "I am 18 or older", "Ik ben 18 jaar of ouder"), type="checkbox", name="adult")


def terms_checkbox(lang: str):
    return field(T(lang, "I accept the terms", "Ik ga akkoord met de voorwaarden"), type="checkbox", name="tos")


def dob(lang: str):
    return field(T(lang, "Date of birth", "Geboortedatum"), type="date", name="birth")


def card(lang: str):
    return field(T(lang, "Card number", "Kaartnummer"), name="card")


ESTIMATION = {"en": "Confirm your age. Look into the camera: our partner estimates your age from a face scan, "
                    "nothing is stored.",
              "nl": "Bevestig je leeftijd. Kijk in de camera: onze partner schat je leeftijd met een gezichtsscan, "
                    "er wordt niets bewaard."}


ESTIMATION_NEAR = {"en": "Confirm your age. Some websites estimate your age with a face scan; we don't.",
                   "nl": "Bevestig je leeftijd. Sommige sites schatten je leeftijd met een gezichtsscan; wij niet."}


ID_LIVE = {"en": "Step 2 of 3: verify who you are. Hold your passport or ID card up to the camera, then take a live "
                 "selfie so we can match your face.",
           "nl": "Stap 2 van 3: laat zien wie je bent. Houd je paspoort of identiteitskaart voor de camera en maak "
                 "daarna een live selfie, zodat we je gezicht kunnen vergelijken."}


ID_ONLY = {"en": "Step 2 of 3: verify who you are. Hold your passport or ID card up to the camera.",
           "nl": "Stap 2 van 3: laat zien wie je bent. Houd je paspoort of identiteitskaart voor de camera."}


VERIFIER = "https://session.checkpoint-id.example/embed/start"


def gate_probe(lang: str, text: str, frame: str | None = None) -> dict:
    enter = T(lang, "button: Continue", "button: Doorgaan")
    obs = [GateObservation(url=f"{SITE}/", entry="start", gate=True, kind="interstitial", methods=["button"],
                           text=text, controls=[enter, *([f"iframe: {frame}"] if frame else [])]),
           GateObservation(url=f"{SITE}/ad/1", entry="deep_link", gate=True, kind="interstitial", methods=["button"],
                           text=text, controls=[enter])]
    return {"age_gate": AgeGateProbe(observations=obs)}


def age_case(lang: str, rung: int, near: bool) -> tuple[list[dict], dict | None]:
    """AGE-02's ladder: 1 click-through, 2 date of birth, 3 card check, 4 estimation, 5 ID + liveness."""
    pages = [ladder_start(lang), ladder_item(lang, 1), ladder_item(lang, 2)]
    if rung == 0:
        return pages + [signup(lang)], None
    if rung == 1:
        return pages + [signup(lang, terms_checkbox(lang) if near else age_checkbox(lang))], None
    if rung == 2:
        return pages + [signup(lang, age_checkbox(lang) if near else dob(lang))], None
    if rung == 3:
        return pages + [signup(lang, dob(lang), *([] if near else [card(lang)]))], None
    if rung == 4:
        probes = gate_probe(lang, (ESTIMATION_NEAR if near else ESTIMATION)[lang], VERIFIER)
        return pages + [signup(lang, dob(lang) if near else age_checkbox(lang))], probes
    text = (ID_ONLY if near else ID_LIVE)[lang]
    return pages + [signup(lang, dob(lang), text=text, frames=[VERIFIER])], None


AGE_NEAR = {1: 0, 2: 1, 3: 2, 4: 2, 5: 4}


def report_button(lang: str):
    return button(T(lang, "Report this ad", "Advertentie melden"))


def report_form(lang: str, item_url: str, minor: bool = True):
    cats = [T(lang, "Human trafficking or exploitation", "Mensenhandel of uitbuiting"), T(lang, "Spam", "Spam")]
    if minor:
        cats.insert(1, T(lang, "Someone may be under 18", "Iemand is mogelijk minderjarig (onder de 18)"))
    return form(field(T(lang, "Reason", "Reden"), tag="select", type="select", name="reason", options=cats),
                field(T(lang, "Link to the ad", "Link naar de advertentie"), type="url", name="url", value=item_url),
                field(T(lang, "Your name (optional)", "Je naam (niet verplicht)"), name="name"),
                field(T(lang, "Your e-mail (optional)", "Je e-mailadres (niet verplicht)"), type="email", name="email"),
                field(T(lang, "I declare in good faith that this is accurate",
                        "Ik verklaar te goeder trouw dat dit klopt"), type="checkbox", name="faith"),
                submit=T(lang, "Send report", "Melding versturen"))


def attempt(lang: str, n: int, outcome: str, minor: bool = True) -> ReportAttempt:
    url = f"{SITE}/ad/{n}"
    a = ReportAttempt(item_url=url, control=ControlSeen(name=T(lang, "Report this ad", "Advertentie melden"),
                                                        tag="button", how="name"), clicks=1, outcome=outcome)
    if outcome == "form":
        a.form = report_form(lang, url, minor)
    elif outcome == "mailto":
        a.mailto = "mailto:abuse@platform.test"
    return a


HANDLING = {"en": "What happens after you report. You get an e-mail confirming that we received your report. "
                  "Our moderators look at every report within a day.\n"
                  "Don't agree with what we decided about a report? Ask us to look again and a second moderator "
                  "will review it.",
            "nl": "Wat er gebeurt na je melding. Je krijgt een mail waarin we bevestigen dat we je melding hebben "
                  "ontvangen. Onze moderatoren bekijken elke melding binnen een dag.\n"
                  "Ben je het niet eens met ons besluit over een melding? Vraag ons het opnieuw te bekijken, dan "
                  "beoordeelt een tweede moderator het."}


def report_case(lang: str, rung: int, near: bool) -> tuple[list[dict], dict | None]:
    """0 no route; 1 only e-mail or a contact page; 2 a general report form; 3 a per-item control to a
    form behind a login (or lacking); 4 REPORT-01..05 pass; 5 and REPORT-06 passes."""
    pages = [ladder_start(lang)]
    about = text_page(lang, "about", "other", T(lang, "About us. We are a small team from Utrecht.",
                                                 "Over ons. We zijn een klein team uit Utrecht."))
    if rung == 0:
        return pages + [ladder_item(lang, 1), ladder_item(lang, 2), about], {"report": ReportProbe(attempts=[
            ReportAttempt(item_url=f"{SITE}/ad/{n}") for n in (1, 2)])}
    if rung == 1:
        contact = text_page(lang, "contact", "other", T(lang, "Contact us: hello@platform.test", "Mail ons: hallo@platform.test"),
                            elements=[link("hello@platform.test", "mailto:hello@platform.test")])
        return pages + [ladder_item(lang, 1), ladder_item(lang, 2), about if near else contact], {"report": ReportProbe(attempts=[
            ReportAttempt(item_url=f"{SITE}/ad/{n}") for n in (1, 2)])}
    if rung == 2:
        general = text_page(lang, "report", "report", T(lang, "Report illegal content", "Meld illegale inhoud"),
                            elements=[link("abuse@platform.test", "mailto:abuse@platform.test")])
        if not near:
            general["forms"] = [report_form(lang, "")]
        return pages + [ladder_item(lang, 1), ladder_item(lang, 2), general], {"report": ReportProbe(attempts=[
            ReportAttempt(item_url=f"{SITE}/ad/{n}") for n in (1, 2)])}
    items = [ladder_item(lang, 1, elements=[report_button(lang)]), ladder_item(lang, 2, elements=[report_button(lang)])]
    if rung == 3:
        outcome = "mailto" if near else "login"
        return pages + items, {"report": ReportProbe(attempts=[attempt(lang, n, outcome) for n in (1, 2)])}
    if rung == 4:
        return pages + items, {"report": ReportProbe(attempts=[attempt(lang, n, "form", minor=not near) for n in (1, 2)])}
    handling = HANDLING[lang].rsplit("\n", 1)[0] if near else HANDLING[lang]
    help_ = text_page(lang, "help/reports", "help", handling, title=T(lang, "Reports", "Meldingen"))
    return pages + items + [help_], {"report": ReportProbe(attempts=[attempt(lang, n, "form") for n in (1, 2)])}


REPORT_NEAR = {1: 0, 2: 1, 3: 1, 4: 3, 5: 4}


CONFIRM = {"en": "We'll send you a link. You can't post until you've confirmed it.",
           "nl": "We sturen je een mailtje met een link. Pas als je daarop klikt, kun je berichten sturen."}


CONFIRM_NOT = {"en": "You don't need to confirm your address. Just sign up and start chatting.",
               "nl": "Je hoeft je e-mailadres niet te bevestigen. Meld je aan en begin meteen met chatten."}


CONTROLS = {"en": "How do I stop someone from messaging me? Open their profile, tap ⋯ and choose Block.\n"
                  "Mute a conversation when you want a break from its notifications.",
            "nl": "Hoe houd ik iemand tegen die me berichten stuurt? Open het profiel, tik op ⋯ en kies Blokkeren.\n"
                  "Demp een gesprek als je er even geen meldingen van wilt."}


NOTICE = {"en": "Never send money to someone you have not met.", "nl": "Stuur nooit geld naar iemand die je niet kent."}


def contact_case(lang: str, rung: int, near: bool) -> list[dict]:
    """0 anyone can reach people; 1 an account is needed; 2 a verified channel; 3 block + one more; 4 a notice."""
    message = link(T(lang, "Send message", "Stuur bericht"), f"{SITE}/login?next=/messages")
    login = text_page(lang, "login", "login", T(lang, "Log in", "Inloggen"))
    item_text = T(lang, "Anna, 25, Amsterdam.", "Anna, 25, Amsterdam.")
    if rung == 4 and not near:
        item_text += "\n" + NOTICE[lang]
    if rung == 0:
        item_text += T(lang, "\nCall me on 06-1234 5678", "\nBel me op 06-1234 5678")
    items = [ladder_item(lang, n, item_text, [message]) for n in (1, 2)]
    help_lines = [T(lang, "Help. How do I change my password? Go to your settings.",
                    "Hulp. Hoe wijzig ik mijn wachtwoord? Ga naar je instellingen.")]
    signup_text = T(lang, "Create your account.", "Maak je account aan.")
    if rung >= 2:
        signup_text += " " + (CONFIRM_NOT if near and rung == 2 else CONFIRM)[lang]
    if rung >= 3:
        help_lines.append(CONTROLS[lang].split("\n")[0] if near and rung == 3 else CONTROLS[lang])
    if rung == 4 and near:
        help_lines.append(NOTICE[lang])
    su = page(f"{SITE}/signup", role="signup", text=signup_text, lang=lang, elements=footer(lang),
              forms=[form(field("E-mail", type="email"), field(T(lang, "Password", "Wachtwoord"), type="password"))])
    help_ = text_page(lang, "help", "help", "\n".join(help_lines), title=T(lang, "Help", "Hulp"))
    return [ladder_start(lang), *items, login, su, help_]


CONTACT_NEAR = {1: 0, 2: 1, 3: 2, 4: 3}


EVIDENCE_TEXT = {
    "en": ["Chat messages are kept for six months. IP addresses and logs are deleted after 90 days.",
           "Ads that we remove on suspicion of human trafficking, and the account data behind them, are preserved for "
           "two years.",
           "When we see signs of human trafficking or sexual abuse of minors, we report it to the police on our own "
           "initiative.",
           "Police and judicial authorities can send orders to our legal team at police@platform.test."],
    "nl": ["Chatberichten bewaren wij zes maanden. IP-adressen en logbestanden worden na 90 dagen verwijderd.",
           "Advertenties die wij verwijderen wegens een vermoeden van mensenhandel bewaren wij met de bijbehorende "
           "accountgegevens twee jaar.",
           "Bij signalen van mensenhandel of seksueel misbruik van minderjarigen doen wij uit eigen beweging aangifte "
           "bij de politie.",
           "Politie en justitie kunnen vorderingen richten aan ons juridisch team via justitie@platform.test."],
}


VAGUE = {"en": "We keep your personal data as long as necessary.",
         "nl": "Wij bewaren jouw persoonsgegevens zo lang als nodig is."}


SILENT = {"en": "We care about your privacy and never sell your data.",
          "nl": "Wij gaan zorgvuldig om met je privacy en verkopen je gegevens nooit."}


def evidence_case(lang: str, rung: int, near: bool) -> list[dict]:
    """0 nothing; 1 vague; 2 a concrete period; 3 + preservation 90 days and an authorities contact; 4 + own
    reporting naming trafficking or child exploitation, and reported content kept a year."""
    retention, preserve, police, authorities = EVIDENCE_TEXT[lang]
    if rung == 0 or (rung == 1 and near):
        lines = [SILENT[lang]]
    elif rung == 1 or (rung == 2 and near):
        lines = [VAGUE[lang]]
    elif rung == 2 or (rung == 3 and near):
        lines = [retention]
        if near:  # preservation without a period, and an authorities contact
            lines += [T(lang, "Removed ads are preserved for investigations.",
                        "Verwijderde advertenties bewaren wij voor onderzoek."), authorities]
    elif rung == 3 or (rung == 4 and near):
        lines = [retention, preserve.replace("two years", "six months").replace("twee jaar", "zes maanden"),
                 authorities]
        if near:
            lines.insert(2, police)
    else:
        lines = [retention, preserve, police, authorities]
    privacy = page(f"{SITE}/privacy", role="policy", title=T(lang, "Privacy policy", "Privacyverklaring"),
                   text="\n".join(lines), lang=lang, elements=footer(lang))
    return [ladder_start(lang), ladder_item(lang, 1), ladder_item(lang, 2), privacy]


EVIDENCE_NEAR = {1: 0, 2: 1, 3: 2, 4: 3}


HELP_TEXT = {"en": "Are you being forced into sex work? You are not alone.\nIn an emergency, always call 112.\n"
                   "Report a crime anonymously to Meld Misdaad Anoniem: 0800-7000.\n"
                   "CoMensha, the national coordination centre against human trafficking, can help you.",
             "nl": "Word je gedwongen tot sekswerk? Je staat er niet alleen voor.\nIn een noodsituatie: bel altijd 112.\n"
                   "Meld Misdaad Anoniem: 0800-7000\n"
                   "CoMensha, landelijk coördinatiecentrum tegen mensenhandel, helpt je verder."}


HELP_NONE = {"en": "Help. How do I change my password? Go to your settings.",
             "nl": "Hulp. Hoe wijzig ik mijn wachtwoord? Ga naar je instellingen."}


def help_case(lang: str, rung: int, near: bool) -> list[dict]:
    """0 none; 2 a help page not linked from items, or one resource; 4 linked from items with two or more."""
    linked = link(T(lang, "Help & safety", "Hulp & veiligheid"), f"{SITE}/help", region="footer")
    if rung == 4:
        text = "\n".join(HELP_TEXT[lang].split("\n")[:2]) if near else HELP_TEXT[lang]
        items = [ladder_item(lang, n, elements=[linked]) for n in (1, 2)]
    elif rung == 2:
        text = HELP_NONE[lang] if near else HELP_TEXT[lang]
        items = [ladder_item(lang, n) for n in (1, 2)]
    else:
        text, items = HELP_NONE[lang], [ladder_item(lang, n) for n in (1, 2)]
    return [ladder_start(lang), *items, text_page(lang, "help", "help", text, title=T(lang, "Help", "Hulp"))]


TERMS_TEXT = {"en": "Terms of use\nIt is forbidden to:\n- place ads for or on behalf of someone else;\n"
                    "- place ads of people who are under 18;\n"
                    "- offer services of someone who is forced to do so (human trafficking, pimps).\n"
                    "If you break these rules we remove the ad and ban your account.",
              "nl": "Algemene voorwaarden\nHet is verboden om:\n- advertenties te plaatsen voor of namens een ander;\n"
                    "- advertenties te plaatsen van personen die jonger zijn dan 18 jaar;\n"
                    "- diensten aan te bieden van iemand die daartoe wordt gedwongen (mensenhandel, loverboys, pooiers).\n"
                    "Bij overtreding van deze regels verwijderen wij de advertentie en blokkeren wij je account."}


TERMS_GENERIC = {"en": "You agree not to post any content that is illegal, harmful or otherwise objectionable.",
                 "nl": "Je plaatst geen inhoud die onrechtmatig, schadelijk of anderszins ongepast is."}


def terms_case(lang: str, rung: int, near: bool) -> list[dict]:
    """0 nothing specific; 2 one or two prohibitions, or no sanction; 4 all three with a sanction."""
    if rung == 4:
        text = TERMS_TEXT[lang].rsplit("\n", 1)[0] if near else TERMS_TEXT[lang]
    elif rung == 2:
        text = TERMS_GENERIC[lang] if near else TERMS_TEXT[lang].rsplit("\n", 1)[0]
    else:
        text = TERMS_GENERIC[lang]
    terms = page(f"{SITE}/terms", role="policy", title=T(lang, "Terms of use", "Algemene voorwaarden"), text=text,
                 lang=lang, elements=footer(lang))
    return [ladder_start(lang), ladder_item(lang, 1), terms]
