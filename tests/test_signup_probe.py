"""The signup probe (active mode): an under-18 date of birth, nothing ever sent."""

from __future__ import annotations

import pytest

from checks import age
from safehaven.bundle import Bundle
from safehaven.models import SignupTrial
from toolkit.collection.crawl import collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


async def _run(browser_session, tmp_path, active: bool, site: str = "signup"):
    with serve_site(site) as (url, server):
        defn = parse_definition(f'[platform]\nname = "S"\nurl = "{url}"\nactive = {str(active).lower()}\n'
                                '[test_data]\nemail = "tester@example.invalid"\n')
        await collect(defn, tmp_path / "run", browser_session)
        return Bundle(tmp_path / "run"), list(server.posts)


async def test_passive_mode_never_tries_the_signup_form(browser_session, tmp_path):
    bundle, posts = await _run(browser_session, tmp_path, active=False)
    assert bundle.probe("signup", SignupTrial) is None and posts == []


async def test_active_mode_sees_the_under_18_date_refused_and_sends_nothing(browser_session, tmp_path):
    bundle, posts = await _run(browser_session, tmp_path, active=True)
    trial = bundle.probe("signup", SignupTrial)
    assert trial.outcome == "refused" and "18 or older" in trial.message
    assert trial.blocked_requests == [] and posts == []
    f = age.signup_turns_minors_away(bundle)
    assert f.status == "pass" and "refused the under-18 date" in f.summary


async def test_active_mode_sees_a_form_without_age_check_try_to_send_and_stops_it(browser_session, tmp_path):
    bundle, posts = await _run(browser_session, tmp_path, active=True, site="signup-open")
    trial = bundle.probe("signup", SignupTrial)
    assert trial.outcome == "accepted" and trial.blocked_requests[0].startswith("POST ")
    assert posts == []  # the request was stopped in the browser
    assert age.signup_turns_minors_away(bundle).status == "fail"


async def test_active_mode_fills_a_date_of_birth_split_over_three_selects_under_a_table_heading(browser_session, tmp_path):
    bundle, posts = await _run(browser_session, tmp_path, active=True, site="signup-split")
    signup = next(p for p in bundle.pages if p.role == "signup")
    parts = [f for form in signup.forms for f in form.fields if f.tag == "select"]
    assert len(parts) == 3 and all("Geboortedatum" in f.label for f in parts)
    trial = bundle.probe("signup", SignupTrial)
    assert trial.outcome == "refused" and "18 jaar of ouder" in trial.message and posts == []
