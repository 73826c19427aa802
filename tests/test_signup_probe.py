"""The signup probe (active mode): an under-18 date of birth, sent once only where the page lets it go.

In passive mode nothing runs. In active mode a form whose own script refuses the date sends nothing; a
form that lets it go is sent once, to the platform's own origin (beacons and other hosts stay refused),
and the platform's answer decides."""

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


async def test_active_mode_sends_a_form_without_age_check_once_and_sees_it_accepted(browser_session, tmp_path):
    bundle, posts = await _run(browser_session, tmp_path, active=True, site="signup-open")
    trial = bundle.probe("signup", SignupTrial)
    assert posts == ["/register"]  # exactly the one submission, nothing else
    assert trial.sent and trial.outcome == "accepted" and trial.sent_requests[0].startswith("POST ")
    f = age.signup_turns_minors_away(bundle)
    assert f.status == "fail" and "accepted" in f.summary and "active mode" in f.summary


async def test_active_mode_sees_the_platform_refuse_the_date_after_sending_and_lets_nothing_else_out(
        browser_session, tmp_path):
    bundle, posts = await _run(browser_session, tmp_path, active=True, site="signup-server")
    trial = bundle.probe("signup", SignupTrial)
    assert posts == ["/register"]  # the beacon to /collect on submit stayed in the browser
    assert trial.sent and trial.outcome == "refused" and trial.refused_by == "platform"
    assert "18 or older" in trial.message
    assert any("/collect" in r for r in trial.blocked_requests)
    assert any("tracker.invalid" in r for r in trial.blocked_requests) or not any(
        "tracker.invalid" in r for r in trial.sent_requests)
    f = age.signup_turns_minors_away(bundle)
    assert f.status == "pass" and "refused" in f.summary and "18 or older" in f.summary
    info = bundle.info
    assert [w.url.rsplit("/", 1)[-1] for w in info.writes if w.allowed] == ["register"]


async def test_passive_mode_on_the_same_site_sends_nothing(browser_session, tmp_path):
    bundle, posts = await _run(browser_session, tmp_path, active=False, site="signup-server")
    assert posts == [] and bundle.probe("signup", SignupTrial) is None
    assert age.signup_turns_minors_away(bundle).status == "pass"  # asks a date of birth; refusal not tried


async def test_active_mode_fills_a_date_of_birth_split_over_three_selects_under_a_table_heading(browser_session, tmp_path):
    bundle, posts = await _run(browser_session, tmp_path, active=True, site="signup-split")
    signup = next(p for p in bundle.pages if p.role == "signup")
    parts = [f for form in signup.forms for f in form.fields if f.tag == "select"]
    assert len(parts) == 3 and all("Geboortedatum" in f.label for f in parts)
    trial = bundle.probe("signup", SignupTrial)
    assert trial.outcome == "refused" and "18 jaar of ouder" in trial.message and posts == []
