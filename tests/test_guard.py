"""The write guard: a full passive audit of a site that tries every write channel delivers zero writes.

tests/sites/writeguard is a small classifieds site whose pages write on load, on a timer and on the
way out (fetch PUT/DELETE/POST keepalive, XHR PATCH, sendBeacon, a self-submitting form, a form post in
an iframe, a worker's fetch, a WebSocket, WebRTC), and whose ad pages have "Show number" (fetch POST),
"Send message" (XHR POST + sendBeacon) and "Report this ad" (fetch POST). Its server counts every
write it receives: there must be none, in the crawl and in every probe.
"""

from __future__ import annotations

import pytest

from checks import contact, report
from reports.scorecard import localized_summary
from safehaven.bundle import Bundle
from safehaven.models import ContactProbe, ReportProbe
from toolkit.collection.crawl import collect
from toolkit.collection.guard import acting_link
from toolkit.definition import parse_definition

from .faultsrv import serve_faults

pytestmark = pytest.mark.browser


async def _audit(site: str, browser_session, tmp_path_factory, max_pages: int = 6):
    """A full passive audit of tests/sites/<site> served with the fault routes: (info, bundle, server)."""
    run = tmp_path_factory.mktemp(site) / "run"
    with serve_faults(site) as (url, server):
        defn = parse_definition(f'[platform]\nname = "{site}"\nurl = "{url}"\n'
                                f'[crawl]\nmax_pages = {max_pages}\nsettle_ms = 100\nconcurrency = 2\n')
        info = await collect(defn, run, browser_session)
    return info, Bundle(run), server


@pytest.fixture(scope="module")
async def guarded_audit(browser_session, tmp_path_factory):
    return await _audit("writeguard", browser_session, tmp_path_factory)


async def test_the_site_receives_no_write_in_a_full_passive_audit(guarded_audit):
    info, bundle, server = guarded_audit
    assert server.writes == []
    assert server.ws_opened >= 1  # the WebSocket itself was allowed (a GET); only the page's messages were dropped
    assert {"crawl", "age_gate", "report", "contact"} <= {w.probe for w in info.writes}


async def test_every_channel_is_refused_and_recorded(guarded_audit):
    info, _, _ = guarded_audit
    methods = {w.method for w in info.writes}
    assert {"POST", "PUT", "DELETE", "PATCH", "WEBSOCKET"} <= methods
    paths = {w.url.split("/", 3)[-1] for w in info.writes}
    for path in ("api/beacon", "api/keepalive", "api/autosubmit", "api/frame-post", "api/worker", "api/view",
                 "api/messages", "api/messages/beacon", "api/reveal/1", "api/report"):
        assert path in paths, path
    assert all(not w.allowed for w in info.writes)
    assert {"form", "fetch", "xhr", "websocket"} <= {w.resource_type for w in info.writes}


async def test_refused_writes_name_the_click_that_caused_them(guarded_audit):
    info, bundle, _ = guarded_audit
    message = [w for w in info.writes if w.url.endswith("/api/messages") and w.probe == "contact"]
    # items are tried side by side (probe lanes): each write names the click and the page it came from
    assert message and all('Send message' in w.action and "/ads/" in w.page_url for w in message)
    assert any(w.page_url.endswith("/ads/1.html") for w in message)
    probe = bundle.probe("contact", ContactProbe)
    sent = [a for a in probe.attempts if a.kind == "message"]
    assert sent and all(any("/api/messages" in r for r in a.refused_writes) for a in sent)
    report = bundle.probe("report", ReportProbe)
    assert any("/api/report" in r for r in report.refused_requests)
    assert any(any("/api/report" in r for r in a.refused_writes) for a in report.attempts)


async def test_contact_checks_say_the_message_would_have_been_sent(guarded_audit):
    _, bundle, _ = guarded_audit
    f = contact.no_messaging_without_account(bundle)
    assert f.status == "fail" and "would have sent; sending was refused" in f.summary
    assert "/api/messages" in f.summary and "verzenden" not in f.summary
    assert "versturen is geweigerd" in localized_summary(f, "nl")
    g = contact.no_contact_details_for_anonymous(bundle)
    assert g.status == "needs_review" and "refused" in g.summary and "/api/reveal/" in g.summary


async def test_the_page_keeps_its_content_when_it_posts_a_form_by_itself(guarded_audit):
    _, bundle, _ = guarded_audit
    start = bundle.pages[0]
    assert start.ok and start.title == "Swapboard classifieds"
    assert any(p.role == "item" for p in bundle.pages)


async def test_a_one_click_report_is_named_as_refused_not_as_missing(guarded_audit):
    _, bundle, _ = guarded_audit
    f = report.report_within_two_clicks(bundle)
    assert f.status == "pass" and "would have been sent; sending was refused" in f.summary
    assert "/api/report" in f.summary and "versturen is geweigerd" in localized_summary(f, "nl")


# ---------------------------------------------------------------------------- GET links that act

@pytest.mark.parametrize("url", [
    "http://x.test/logout", "http://x.test/log-out?sid=3", "http://x.test/member.php?action=logout",
    "http://x.test/index.php?page=item&action=mark&as=spam&id=5", "http://x.test/ad/5?flag=offensive",
    "http://x.test/posts/5/delete/", "http://x.test/?do=vote&id=3", "http://x.test/t/9?like=1",
    "http://x.test/advertentie/4?actie=volgen", "http://x.test/melden?reden=oplichting&id=4",
    "http://x.test/item/5/mark/spam", "http://x.test/ads.php?act=flag&id=2", "http://x.test/flag/offensive/12",
    # a mark whose reason is no report word ("expired", "wrong category") still marks the ad
    "http://x.test/index.php?page=item&action=mark&as=expired&id=7&token=ab12", "http://x.test/?actie=markeer&als=verlopen&id=3",
])
def test_a_get_that_acts_is_known_by_its_address(url):
    assert acting_link(url)


@pytest.mark.parametrize("url", [
    "http://x.test/viewtopic.php?id=3", "http://x.test/misc.php?report=12", "http://x.test/search?q=spam",
    "http://x.test/help/how-to-delete-your-account", "http://x.test/help/block", "http://x.test/comment/flag/3/create/",
    "http://x.test/misc.php?action=markread", "http://x.test/list?sort=like", "http://x.test/profile.php?id=2&section=about",
    "http://x.test/hotels?star=4&rate=eur", "http://x.test/kaart?pin=3521",
    "http://x.test/flag/3/", "http://x.test/help/spam", "http://x.test/report/5/",
])
def test_a_get_that_reads_is_left_alone(url):
    assert acting_link(url) == ""


@pytest.fixture(scope="module")
async def get_links_audit(browser_session, tmp_path_factory):
    return await _audit("getwrites", browser_session, tmp_path_factory, max_pages=8)


async def test_links_that_act_are_never_followed(get_links_audit):
    """Log-out, vote, like and "mark as spam" links are GETs that write: the platform receives none of them."""
    info, bundle, server = get_links_audit
    assert bundle.item_pages(), "the ads were read"
    acted = [path for method, path in server.requests if acting_link("http://x.test" + path)]
    assert acted == []
    assert any(path.startswith("/ads/") for _, path in server.requests)
    refused = [w for w in info.writes if w.method == "GET"]
    assert any("as=spam" in w.url and w.probe == "report" and w.detail for w in refused)
    assert any("action=vote" in w.url for w in refused)  # the ad pages' own fetch on load


async def test_a_report_link_that_files_at_once_counts_as_a_control_and_says_it_was_refused(get_links_audit):
    _, bundle, _ = get_links_audit
    assert report.report_control_on_every_item(bundle).status == "pass"
    f = report.report_within_two_clicks(bundle)
    assert f.status == "pass" and "sending was refused" in f.summary and "as=spam" in f.summary


# ---------------------------------------------------------------------------- a gate passed by a form post

@pytest.fixture(scope="module")
async def post_gate_audit(browser_session, tmp_path_factory):
    """tests/sites/postgate: an adult site whose age gate lets a visitor in only by posting a form."""
    return await _audit("postgate", browser_session, tmp_path_factory)


async def test_a_gate_that_posts_stays_shut_and_the_notes_say_why(post_gate_audit):
    info, _, server = post_gate_audit
    assert server.writes == []
    gate_posts = [w for w in info.writes if w.url.endswith("/enter")]
    assert gate_posts and all(w.during == "passing the age gate" for w in gate_posts)
    assert {w.url.rsplit("/", 1)[-1] for w in info.writes} == {"enter"}  # the form's own action, not the page
    assert any("passive mode refuses" in n for n in info.notes)
    assert not any("came back" in n for n in info.notes)  # not re-tried (and re-posted) on every page


async def test_the_gates_post_is_not_taken_for_what_a_probed_control_sent(post_gate_audit):
    _, bundle, _ = post_gate_audit
    reporting = bundle.probe("report", ReportProbe)
    assert reporting.attempts and all(a.refused_writes == [] for a in reporting.attempts)
    assert "sending was refused" not in report.report_within_two_clicks(bundle).summary
    contacting = bundle.probe("contact", ContactProbe)
    assert all(a.refused_writes == [] for a in contacting.attempts)
