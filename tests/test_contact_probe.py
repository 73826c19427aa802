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


def test_a_link_every_page_carries_is_the_sites_own_even_without_header_or_nav_elements():
    """A dated layout (a table whose first row is the menu) has no header or nav element: the crawl's own pages tell
    that its "Contact Us" is the platform's contact form, not a way to message the person on an item page."""
    from types import SimpleNamespace

    from safehaven.models import PageRecord
    from tests.bundles import link
    from toolkit.collection.contact_probe import _link_key, site_wide_links

    def rec(n: int, url: str, role: str, *links) -> PageRecord:
        return PageRecord(id=f"p{n:03d}", url=url, role=role, status=200, elements=list(links))

    menu = [link("Home", "/home.php"), link("Contact Us", "/contact.php")]
    pages = [rec(1, "http://x.test/home.php", "start", *menu), rec(2, "http://x.test/list.php?page=2", "listing", *menu),
             rec(3, "http://x.test/terms.php", "policy", *menu),
             rec(4, "http://x.test/profile.php?id=amber", "item", *menu, link("Message Amber", "/message.php?to=amber"))]
    shared = site_wide_links(SimpleNamespace(pages=pages))
    item = "http://x.test/profile.php?id=amber"
    assert _link_key(item, "/contact.php", "Contact Us") in shared
    assert _link_key(item, "/message.php?to=amber", "Message Amber") not in shared
    # the same words to another page (a per-item contact route) are not the menu's
    assert _link_key(item, "/contact.php?ad=amber", "Contact Us") not in shared
    # too few pages to tell a menu from content: nothing is set aside
    assert site_wide_links(SimpleNamespace(pages=pages[:2] + pages[3:])) == set()
