"""The collector on a small app built from web components (tests/sites/components): links to members named by a
handle (/m/anna.v.html), rendered inside a shadow root, are learned as item pages from their siblings, and the text of
collapsed accordion answers and closed <details> is read into the page text."""

from __future__ import annotations

import pytest

from safehaven.bundle import Bundle
from toolkit.collection.crawl import collect
from toolkit.collection.interact import name_template
from toolkit.definition import parse_definition

from .sitesrv import serve_site


def test_name_templates_group_handles_and_short_slugs_but_not_ids_or_deep_paths():
    assert name_template("https://x.test/m/robin.k") == name_template("https://x.test/m/ayesha_m") == "x.test/m/{name}"
    assert name_template("https://x.test/rooms/book-club") == "x.test/rooms/{name}"
    assert name_template("https://x.test/@jonno") == "x.test/@{name}"
    assert name_template("https://x.test/ads/12") == ""  # an ID: item_template's business
    assert name_template("https://x.test/rooms/book-club/join") == ""
    assert name_template("https://x.test/about") == ""
    assert name_template("https://x.test/m/robin.k?tab=posts") == ""
    assert name_template("https://x.test/page/2") == ""


@pytest.fixture(scope="module")
async def components_bundle(browser_session, tmp_path_factory) -> Bundle:
    with serve_site("components") as (url, _server):
        run_dir = tmp_path_factory.mktemp("components") / "run"
        defn = parse_definition(f'[platform]\nname = "Chatterbox"\nurl = "{url}"\nadult = false\n')
        await collect(defn, run_dir, browser_session)
    return Bundle(run_dir)


@pytest.mark.browser
async def test_member_links_in_a_shadow_root_become_item_pages(components_bundle: Bundle):
    roles = {p.url.split("/", 3)[-1]: p.role for p in components_bundle.pages}
    members = {k: v for k, v in roles.items() if k.startswith("m/")}
    assert len(members) >= 4 and set(members.values()) == {"item"}, roles
    assert roles["privacy.html"] == "policy"


@pytest.mark.browser
async def test_collapsed_accordion_answers_and_closed_details_are_read(components_bundle: Bundle):
    privacy = next(p for p in components_bundle.pages if p.url.endswith("/privacy.html"))
    text = components_bundle.text(privacy)
    assert "Messages are deleted 60 days after you remove them." in text
    assert "Login records are kept for 6 months." in text.split("Messages are deleted")[1]  # list items kept apart
    assert "We answer court orders from the police." in text
    assert text.count("Do you work with the police?") == 1  # the <summary> is visible text already
