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
