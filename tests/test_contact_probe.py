"""The contact probe in a real Chromium: "show number" with and without login, message forms, phone links."""

from __future__ import annotations

import pytest

from checks import contact
from safehaven.bundle import Bundle
from safehaven.models import ContactProbe
from toolkit.collection.crawl import collect
from toolkit.definition import parse_definition

from .sitesrv import serve_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
async def contacted(browser_session, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("contact") / "run"
    with serve_site("contact") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Contacttest"\nurl = "{url}"\nlanguage = "nl"\nadult = false\n')
        await collect(defn, run_dir, browser_session)
        posts = list(server.posts)
    bundle = Bundle(run_dir)
    attempts = {(a.item_url.rsplit("/", 1)[-1], a.kind): a for a in bundle.probe("contact", ContactProbe).attempts}
    return bundle, attempts, posts


async def test_show_number_without_login_reveals_the_number(contacted):
    _, attempts, _ = contacted
    a = attempts[("1.html", "show_number")]
    assert a.outcome == "revealed" and a.revealed == ["06-12345678"] and a.control.name == "Toon nummer"


async def test_show_number_behind_login_is_a_login_wall(contacted):
    _, attempts, _ = contacted
    assert attempts[("2.html", "show_number")].outcome == "login"


async def test_message_button_opening_a_guest_form_and_one_behind_login(contacted):
    _, attempts, _ = contacted
    assert attempts[("3.html", "message")].outcome == "form"
    assert attempts[("4.html", "message")].outcome == "login"


async def test_the_probe_never_sends_a_message(contacted):
    _, _, posts = contacted
    assert posts == []


async def test_contact_checks_on_the_probed_platform(contacted):
    bundle, _, _ = contacted
    c01 = contact.no_messaging_without_account(bundle)
    assert c01.status == "fail" and "not sent" in c01.summary
    c02 = contact.no_contact_details_for_anonymous(bundle)
    assert c02.status == "fail" and c02.details["routes"]["WhatsApp link"] == 1
    assert "number behind 'Toon nummer'" in c02.details["routes"]
    assert "info@contacttest.test" not in " ".join(c02.details["examples"])  # the platform's own address
