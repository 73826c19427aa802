"""Round thirteen's collector rules in a real Chromium: report controls that show only when their item is pointed at
or focused (a message toolbar), and a short link on a line asking whether something is wrong with the item."""

from __future__ import annotations

import pytest

from checks import report
from safehaven.bundle import Bundle
from safehaven.models import ReportProbe
from toolkit.collection.crawl import collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
async def corkboard(browser_session, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("hovertools") / "run"
    with serve_site("hovertools") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Corkboard"\nurl = "{url}"\nlanguage = "en"\n')
        await collect(defn, run_dir, browser_session)
        posts = list(server.posts)
    bundle = Bundle(run_dir)
    attempts = {a.item_url.rsplit("/", 1)[-1]: a for a in bundle.probe("report", ReportProbe).attempts}
    return bundle, attempts, posts


async def test_a_flag_shown_only_on_hover_is_reached_without_counting_the_hover(corkboard):
    _, attempts, _ = corkboard
    a = attempts["1.html"]
    assert a.control is not None and a.control.name == "Flag post", a.steps
    assert "pointed at the item, which shows its hidden toolbar (no click)" in a.steps
    assert (a.outcome, a.clicks) == ("login", 1), a.steps


async def test_a_hover_only_report_link_leads_to_its_form(corkboard):
    _, attempts, _ = corkboard
    a = attempts["2.html"]
    assert (a.outcome, a.clicks) == ("form", 1), a.steps


async def test_a_tell_us_link_on_a_something_wrong_line_is_the_items_mailto(corkboard):
    bundle, attempts, posts = corkboard
    a = attempts["3.html"]
    assert (a.outcome, a.mailto, a.clicks) == ("mailto", "mailto:desk@corkboard.test", 1), a.steps
    assert posts == []
    assert report.report_control_on_every_item(bundle).status == "pass"
    assert report.report_within_two_clicks(bundle).status == "pass"


async def test_a_header_link_named_18_plus_makes_no_page_a_gate(corkboard):
    """Every page's menu links "Adults 18+": that names a section, it is no button that lets the visitor in."""
    bundle, _, _ = corkboard
    from safehaven.models import AgeGateProbe
    probe = bundle.probe("age_gate", AgeGateProbe)
    assert probe.observations and not any(o.gate for o in probe.observations), probe.observations


def _section_platform(root) -> None:
    """A small Dutch board: an adult rubric whose address redirects to a gate page (server-side, cookie 'poort=ja');
    every page's header links 'Volwassenen 18+'. The crawl drops the gate's '?next=' and never reads the rubric."""
    menu = ('<header><nav><a href="/">Prikbord</a> <a href="/rubriek/volwassen">Volwassenen 18+</a></nav></header>')
    foot = '<footer><a href="/privacy.html">Privacy</a> <a href="/voorwaarden.html">Voorwaarden</a></footer>'

    def doc(title: str, body: str) -> str:
        return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title></head><body>{menu}'
                f'<main><h1>{title}</h1>{body}</main>{foot}</body></html>')

    site = root / "site"
    (site / "_templates" / "pages").mkdir(parents=True)
    (site / "advertentie").mkdir()
    (site / "rubriek" / "volwassen").mkdir(parents=True)
    (root / "audit.toml").write_text('[platform]\nname = "Prikbord"\nurl = "http://127.0.0.1/"\nlanguage = "nl"\n')
    (root / "serve.toml").write_text(
        '[site]\nlang = "nl"\n[[gate]]\nprefixes = ["/rubriek/volwassen"]\npage = "/poort"\ncookie = "poort"\n'
        'value = "ja"\naccept = "/poort/ja"\n')
    ads = {1: "Fiets te koop", 2: "Bank gratis af te halen", 3: "Kinderwagen te koop", 70: "Ontspanning bij kaarslicht",
           71: "Privé-ontvangst in Gent"}
    for n, title in ads.items():
        (site / "advertentie" / f"{n}.html").write_text(doc(title, "<p>Prijs in overleg. Reageer via het prikbord.</p>"))
    listing = lambda ns: "<ul>" + "".join(f'<li><a href="/advertentie/{n}.html">{ads[n]}</a></li>' for n in ns) + "</ul>"  # noqa: E731
    (site / "index.html").write_text(doc("Prikbord", listing([1, 2, 3])))
    (site / "rubriek" / "volwassen" / "index.html").write_text(doc("Volwassenen", listing([70, 71])))
    (site / "privacy.html").write_text(doc("Privacy", "<p>We bewaren weinig.</p>"))
    (site / "voorwaarden.html").write_text(doc("Voorwaarden", "<p>Wees aardig.</p>"))
    (site / "_templates" / "pages" / "poort.html").write_text(doc(
        "Alleen voor volwassenen", '<p>Deze rubriek is alleen voor volwassenen.</p><p><a href="/poort/ja?next='
        '{{ query.get(\'next\', \'/rubriek/volwassen\') | urlencode }}">Ik ben 18 jaar of ouder</a> <a href="/">Nee</a></p>'))


async def test_a_rubric_that_redirects_to_its_gate_page_is_judged_on_the_items_behind_it(browser_session, tmp_path):
    from audits.demo.server import DemoServer, platform_from_folder
    from checks import age
    from safehaven.models import AgeGateProbe

    _section_platform(tmp_path / "prikbord")
    with DemoServer(platform_from_folder(tmp_path / "prikbord")) as server:
        defn = parse_definition(f'[platform]\nname = "Prikbord"\nurl = "{server.url}"\nlanguage = "nl"\n')
        await collect(defn, tmp_path / "run", browser_session)
        posts = [m for m, _ in server.request_log if m not in ("GET", "HEAD")]
    bundle = Bundle(tmp_path / "run")
    probe = bundle.probe("age_gate", AgeGateProbe)
    entries = {o.entry: o for o in probe.observations}
    assert not entries["start"].gate and not entries["deep_link"].gate  # the header's "18+" link is no gate
    assert entries["section"].gate and entries["section"].url.endswith("/rubriek/volwassen")
    inside = [o for o in probe.observations if o.entry == "section_item"]
    assert inside and all(o.url.rsplit("/", 1)[-1] in ("70.html", "71.html") and not o.gate for o in inside)
    assert age.age_gate_before_content(bundle).status == "partial"
    assert age.gate_cannot_be_walked_around(bundle).status == "partial"  # a redirect, but 'poort=ja' opens it
    assert posts == []
