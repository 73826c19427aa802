"""A classic PHP-style board in a real Chromium (tests/sites/phpboard): rules with an "Agree" button before the
signup form, Atom/RSS feed links, a forum's topic list with an ID in the query, and a "Report" link per post that
answers a guest "You do not have permission to access this page"."""

from __future__ import annotations

import pytest

from checks import contact
from safehaven.bundle import Bundle
from safehaven.models import ReportProbe
from toolkit.collection.crawl import collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
async def board(browser_session, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("phpboard") / "run"
    with serve_site("phpboard") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Riverside"\nurl = "{url}"\nadult = false\n'
                                '[crawl]\nmax_pages = 16\nsettle_ms = 200\nrequests_per_second = 20\n')
        await collect(defn, run_dir, browser_session)
        requests = list(server.requests)
    return Bundle(run_dir), requests


async def test_the_agree_step_under_the_rules_leads_the_crawl_to_the_signup_form(board):
    bundle, _ = board
    signups = {p.final_url.rsplit("/", 1)[-1]: p for p in bundle.ok_pages("signup")}
    assert "join.html?agree=Agree" in signups
    fields = {f.name for form in signups["join.html?agree=Agree"].forms for f in form.fields}
    assert {"req_user", "req_email1"} <= fields
    assert contact.verified_channel(bundle).status == "pass"
    assert contact.control_who_reaches_you(bundle).status == "partial"


async def test_feeds_are_never_visited_and_the_topic_list_is_a_listing(board):
    bundle, requests = board
    assert not [r for r in requests if r.startswith("/extern.html")]
    roles = {p.final_url.rsplit("/", 1)[-1]: p.role for p in bundle.ok_pages()}
    assert roles["forum.html?id=1"] != "item" and roles["topic.html?id=1"] == "item"


async def test_a_no_permission_answer_to_the_report_link_is_a_login_wall(board):
    bundle, _ = board
    attempts = [a for a in bundle.probe("report", ReportProbe).attempts if a.control]
    assert attempts and all((a.outcome, a.clicks) == ("login", 1) for a in attempts), [a.steps for a in attempts]
