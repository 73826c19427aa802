"""REPORT: reporting, notice and action (CATALOGUE.md REPORT-01..06 and the REPORT ladder)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from safehaven.toolkit.bundle import Bundle
from safehaven.toolkit.models import Element, Evidence, Finding, PageRecord

from . import lexicon
from .base import check, finding

SITE_WIDE_REGIONS = ("footer", "nav", "header")


@dataclass(frozen=True)
class ReportControl:
    """A control on an item page that starts a report about that item."""

    page: PageRecord
    element: Element
    how: str  # "name", "icon", "href"

    @property
    def hidden(self) -> bool:
        return not self.element.visible


def report_controls(page: PageRecord) -> list[ReportControl]:
    """Report controls tied to the item on this page (site-wide footer/nav links are not)."""
    found = []
    item_path = urlsplit(page.final_url or page.url).path.rstrip("/")
    for el in page.elements:
        how = _why_report(el)
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
        for el in page.elements:
            if not el.href:
                continue
            if el.href.startswith("mailto:") and (_why_report(el) or lexicon.has(el.href, "report", "control")
                                                  or "abuse" in el.href.lower()):
                mails.add(el.href.split("?")[0])
            elif el.region in SITE_WIDE_REGIONS and _why_report(el):
                pages.add(el.href)
    return {"forms": sorted(forms), "mailto": sorted(mails), "links": sorted(pages)}


@check("REPORT-01")
def report_control_on_every_item(bundle: Bundle) -> Finding:
    """A report control on every sampled item page."""
    cid = "REPORT-01"
    items = bundle.item_pages()
    if not items:
        return finding(cid, "not_assessed", "No item pages (ads, profiles, posts) were found to look for a report "
                       "control on.")
    with_control = {p.id: report_controls(p) for p in items}
    have = [p for p in items if with_control[p.id]]
    routes = general_report_routes(bundle)
    evidence = [_control_ev(with_control[p.id][0]) for p in have[:3]] or [_page_ev(items[0])]
    if not have:
        general = _general_words(routes)
        return finding(cid, "fail", f"No report control on any of {len(items)} item pages{general}.",
                       evidence=evidence, general_routes=routes, items=len(items), with_control=0)
    hidden = sum(1 for p in have if all(c.hidden for c in with_control[p.id]))
    how = _how_words(with_control, have, hidden)
    status = "pass" if len(have) == len(items) else "partial"
    missing = [p.final_url or p.url for p in items if not with_control[p.id]]
    summary = f"Report control on {len(have)} of {len(items)} item pages{how}."
    if missing:
        summary += f" Missing on e.g. {missing[0]}."
    return finding(cid, status, summary, evidence=evidence, general_routes=routes, items=len(items),
                   with_control=len(have), hidden_in_menu=hidden, missing=missing[:10])


def level(findings: dict[str, Finding]) -> int:
    """REPORT ladder: 0 no route, 1 e-mail only, 2 general form, 3 per-item control, 4 R01-05 pass, 5 + R06."""
    status = {k: f.status for k, f in findings.items()}
    if all(status.get(f"REPORT-0{i}") == "pass" for i in range(1, 6)):
        return 5 if status.get("REPORT-06") == "pass" else 4
    f01 = findings.get("REPORT-01")
    if f01 and f01.status in ("pass", "partial"):
        return 3
    routes = (f01.details.get("general_routes") if f01 else None) or {}
    if routes.get("forms"):
        return 2
    if routes.get("mailto") or routes.get("links"):
        return 1
    return 0


# ---------------------------------------------------------------------- helpers


def _why_report(el: Element) -> str:
    label = " ".join(filter(None, [el.name, el.text, el.attrs.get("title"), el.attrs.get("aria-label")]))
    if lexicon.has(label, "report", "control"):
        return "name"
    if el.href and lexicon.has(" ".join(urlsplit(el.href).path.split("/")), "roles", "report"):
        return "href"
    icon = " ".join(filter(None, [el.attrs.get("icon"), el.attrs.get("class")]))
    if el.tag in ("button", "a") and not el.text.strip() and lexicon.has(icon, "report", "icon"):
        return "icon"
    return ""


def _names_item(el: Element, item_path: str) -> bool:
    return bool(el.href and item_path and item_path.split("/")[-1] in el.href)


def _general_words(routes: dict[str, list[str]]) -> str:
    if routes["forms"]:
        return f"; only a general report form at {routes['forms'][0]}"
    if routes["mailto"]:
        return f"; only the e-mail address {routes['mailto'][0].removeprefix('mailto:')}"
    if routes["links"]:
        return f"; only a site-wide link to {routes['links'][0]}"
    return ""


def _how_words(controls: dict[str, list[ReportControl]], have: list[PageRecord], hidden: int) -> str:
    kinds = {c.how for p in have for c in controls[p.id]}
    bits = []
    if "icon" in kinds or any(not c.element.text.strip() for p in have for c in controls[p.id]):
        bits.append("icon-only on some")
    if hidden:
        bits.append(f"hidden in a menu on {hidden}")
    if any(c.element.in_shadow for p in have for c in controls[p.id]):
        bits.append("inside a web component")
    return f" ({'; '.join(bits)})" if bits else ""


def _control_ev(control: ReportControl) -> Evidence:
    page = control.page
    return Evidence(kind="screenshot", path=page.files.get("screenshot"), url=page.final_url or page.url,
                    box=control.element.box if control.element.visible else None,
                    note=f"report control: '{control.element.name or control.element.text}'")


def _page_ev(page: PageRecord) -> Evidence:
    return Evidence(kind="screenshot", path=page.files.get("screenshot"), url=page.final_url or page.url)
