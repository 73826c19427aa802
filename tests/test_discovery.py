"""Item discovery and page roles on real software: URLs, content shape, structured data, folding, honest sampling.

All on hand-built bundles and plain URLs (milliseconds, no browser).
"""

from __future__ import annotations

import pytest

from checks import report
from reports.scorecard import localized_summary
from safehaven.bundle import Bundle
from safehaven.models import ControlSeen, Form, FormField, PageRecord, ReportAttempt, ReportProbe
from toolkit.collection.classify import classify_page, is_item_url, is_system_url, item_by_content
from toolkit.collection.context import REVISIT_SETTLE_MS
from toolkit.collection.crawl import Collector, fold_key, fold_url, listed_items
from toolkit.collection.interact import item_template
from toolkit.definition import parse_definition

from .bundles import button, field, form, link, make_bundle, page

ITEMS = [
    "https://forum.test/viewtopic.php?t=9",
    "https://forum.test/viewtopic.php?f=2&t=9",
    "https://forum.test/topic.php?topic_id=12",
    "https://ads.test/ad.php?nr=4",
    "https://ads.test/index.php?page=item&id=4",
    "https://forum.test/forum/topic/how-to-stay-safe-online/",
    "https://ads.test/ads/red-city-bike-as-new/",
    "https://qa.test/questions/12/how-do-i-report-a-user/",
    "https://forum.test/t/welcome-to-the-board/12",
    # a classifieds ad's pretty address: category, then the title slug with the ad number behind a marker
    "https://ads.test/stadsfietsen/gazelle-stadsfiets-28-inch_i101",
    "https://ads.test/kamers/ruime-kamer-in-het-centrum-id4821.html",
]
NEVER_ITEMS = [
    "https://forum.test/ucp.php?mode=register",
    "https://forum.test/ucp.php?mode=login",
    "https://forum.test/ucp.php?mode=sendpassword",
    "https://forum.test/ucp.php?mode=resend_act",
    "https://forum.test/memberlist.php?mode=viewprofile&u=2",
    "https://forum.test/search.php?keywords=bike",
    "https://forum.test/viewtopic.php?t=9&view=print",
    "https://forum.test/viewtopic.php?t=9&view=unread",
    "https://forum.test/t/welcome-to-the-board/12/last",
    "https://ads.test/ads/?sort=price",
    "https://ads.test/user/password-reset/",
    "https://ads.test/accounts/login/?next=/ads/1",
    "https://ads.test/ad/12/report/",
    "https://ads.test/posting.php?mode=reply&t=9",
    "https://ads.test/stadsfietsen/?sort=price_i101",
]


@pytest.mark.parametrize("url", ITEMS)
def test_item_urls_by_query_id_and_name_slug(url):
    assert is_item_url(url), url


def test_a_title_slug_is_an_item_only_with_the_number_behind_its_marker():
    assert not is_item_url("https://ads.test/laptops/intel-core-i7")  # a model name, not "_i<number>"
    assert not is_item_url("https://ads.test/laptops/core_i7")  # no title slug before it
    assert is_item_url("https://ads.test/laptops/thinkpad-t480-met-oplader_i3321")


@pytest.mark.parametrize("url", NEVER_ITEMS)
def test_account_and_system_pages_are_never_items(url):
    assert is_system_url(url) and not is_item_url(url), url


def test_a_slug_word_does_not_make_an_item_a_system_page():
    # "new" and "report" inside a long name slug are words of the title, not a system page.
    assert is_item_url("https://ads.test/ads/nearly-new-bike-report-included/")


def test_item_templates_group_siblings_and_skip_pagination():
    assert item_template("https://x.test/ads/red-city-bike/") == item_template("https://x.test/ads/blue-sofa-cheap/")
    assert item_template("https://x.test/show.php?f=3&ann=12") == "x.test/show.php?f={n}&ann={id}"
    assert item_template("https://x.test/show.php?f=3&ann=12") == item_template("https://x.test/show.php?f=4&ann=99")
    assert item_template("https://x.test/ads/page/2") == ""
    assert item_template("https://x.test/ads?page=2") == ""


def test_url_variants_fold_to_one_page():
    assert fold_url("https://f.test/viewtopic.php?t=9&sid=abc123&hilit=bike&utm_source=x") == \
        "https://f.test/viewtopic.php?t=9"
    assert fold_key("https://f.test/ads/1/?b=2&a=1") == fold_key("https://f.test/ads/1?a=1&b=2&sort=price")
    assert fold_key("https://f.test/ads/1") != fold_key("https://f.test/ads/2")


def test_a_list_shown_with_another_page_size_or_layout_is_the_same_list():
    # A classifieds list offers "5 / 10 / 20 / 50 per page" and "grid / rows" links: each is the list again, so it
    # folds into the list already read, is never an item, and its siblings teach no item pattern.
    for variant in ("https://ads.test/fietsen?items_per_page=20", "https://ads.test/fietsen?per_page=50",
                    "https://ads.test/fietsen/?layout=grid", "https://ads.test/fietsen?aantal=10"):
        assert fold_key(variant) == fold_key("https://ads.test/fietsen"), variant
        assert is_system_url(variant) and not is_item_url(variant), variant
    assert fold_key("https://ads.test/fietsen?page=2&limit=50") == fold_key("https://ads.test/fietsen?page=2")
    assert fold_key("https://ads.test/fietsen?page=2") != fold_key("https://ads.test/fietsen")


def test_page_size_links_teach_no_item_pattern(tmp_path):
    sizes = [f"https://x.test/fietsen?items_per_page={n}" for n in (5, 10, 20, 50, 100)]
    c = _collector(tmp_path, [("https://x.test/fietsen", "listing", {}, sizes)])
    c._learn_item_patterns(c.pages[0])
    assert not c._item_patterns
    assert not any(c.is_item(u) for u in sizes)
    ads = [f"https://x.test/ad.php?ad={n}" for n in (11, 12, 13, 14)]
    c = _collector(tmp_path, [("https://x.test/fietsen", "listing", {}, sizes + ads)])
    c._learn_item_patterns(c.pages[0])
    assert all(c.is_item(u) for u in ads) and not any(c.is_item(u) for u in sizes)


def test_a_title_slug_with_a_page_suffix_is_a_slug_and_ads_across_categories_teach_one_pattern(tmp_path):
    # Classifieds software names an ad /<category>/<title-slug>.html; each category lists only a few ads, so the
    # pattern is learned from the ads of several categories on one list, and then holds for every category.
    assert item_template("https://x.test/fietsen/blue-city-bike-as-new.html") == "x.test/fietsen/{slug}"
    ads = ["https://x.test/fietsen/blue-city-bike-as-new.html", "https://x.test/fietsen/kids-bike-with-stabilisers.html",
           "https://x.test/kamers/sunny-room-near-the-station.html", "https://x.test/lessen/piano-lessons-at-home.html"]
    c = _collector(tmp_path, [("https://x.test/all", "other", {}, ads)])
    c._learn_item_patterns(c.pages[0])
    assert all(c.is_item(u) for u in ads)
    assert c.is_item("https://x.test/banen/weekend-job-in-a-bakery.html")  # a category not on that list
    assert not c.is_item("https://x.test/fietsen/amsterdam")  # a category's list by place: no title slug
    assert not c.is_item("https://x.test/zoeken.html") and not c.is_item("https://x.test/fietsen?page=2")
    # four title slugs in ONE category teach that category's own pattern only
    one = [f"https://y.test/help/how-to-{w}-an-ad.html" for w in ("post", "edit", "renew", "remove")]
    c = _collector(tmp_path, [("https://y.test/help", "other", {}, one)])
    c._learn_item_patterns(c.pages[0])
    assert "y.test/{category}/{slug}.html" not in c._item_patterns


def test_an_ad_whose_related_ads_follow_its_own_pattern_stays_an_item(tmp_path):
    # "More like this" under an ad links to other ads, one of them an item by its URL words alone (a number in its
    # title): the ad is still one item, not a list of them.
    ads = ["https://x.test/fietsen/blue-city-bike-as-new.html", "https://x.test/te-koop/kids-bike-20-inch.html",
           "https://x.test/kamers/sunny-room-near-the-station.html", "https://x.test/lessen/piano-lessons-at-home.html"]
    pages = [("https://x.test/all", "other", {}, ads)]
    pages += [(u, "other", {}, [a for a in ads if a != u]) for u in ads]
    c = _collector(tmp_path, pages)
    c._learn_item_patterns(c.pages[0])
    c._reclassify_items()
    assert [p.role for p in c.pages[1:]] == ["item"] * 4
    # each ad also links to its poster's profile (/user/<name>, an item by its URL words until profiles beside ads
    # are set aside): that link does not make the ad a list either
    pages = [("https://x.test/all", "other", {}, ads)]
    pages += [(u, "other", {}, ["https://x.test/user/anna-de-boer"]) for u in ads]
    pages += [("https://x.test/user/anna-de-boer", "item", {}, ads)]
    c = _collector(tmp_path, pages)
    c._learn_item_patterns(c.pages[0])
    c._reclassify_items()
    assert [p.role for p in c.pages[1:5]] == ["item"] * 4 and c.pages[5].role == "other"


def _signals(**kw):
    shape = {"authors": 0, "dates": 0, "posts": 0, "photos": 0, "price": False, "contact": 0, "main_chars": 900}
    shape.update(kw.pop("shape", {}))
    return {"types": [], "microdata": {}, "og_type": "", "canonical": "", "shape": shape, **kw}


def test_structured_data_makes_an_item_whatever_the_url():
    role, reasons = classify_page("https://x.test/rode-fiets", signals=_signals(types=["Product", "Offer"]))
    assert role == "item" and "schema.org offer" in reasons[0]
    role, _ = classify_page("https://x.test/c/welcome", signals=_signals(microdata={"DiscussionForumPosting": 7}))
    assert role == "item"
    assert classify_page("https://x.test/anna", signals=_signals(og_type="profile"))[0] == "item"


def test_a_listing_of_products_is_not_an_item():
    sig = _signals(types=["ItemList", "Product"])
    assert classify_page("https://x.test/bikes", signals=sig, item_links=20)[0] == "listing"
    assert item_by_content(_signals(microdata={"Product": 20})) == ""


def test_content_shape_offer_and_post():
    offer = _signals(shape={"price": True, "photos": 3, "contact": 1})
    assert "price" in item_by_content(offer)
    post = _signals(shape={"authors": 2, "dates": 2, "posts": 2})
    assert "author" in item_by_content(post)
    assert item_by_content(post, item_links=8) == ""  # a board listing: many item links
    assert classify_page("https://x.test/login", signals=offer)[0] == "login"  # an account page stays one


def test_page_roles_by_what_the_text_says():
    text = ("Hoe wij meldingen behandelen\nWij beoordelen elke melding binnen 24 uur. Je ontvangt een "
            "ontvangstbevestiging.")
    role, reasons = classify_page("https://x.test/info/procedure", text=text)
    assert role == "policy" and "meldingen" in reasons[0]
    le = "Requests from law enforcement\nLaw enforcement agencies can reach us at legal@x.test."
    assert classify_page("https://x.test/page/42", text=le)[0] == "policy"
    # A footer link "Law enforcement" and "Contact us" on every page does not make a page about them
    footer = "Anna, 24, Amsterdam. Photos and rates.\nLaw enforcement\nContact us\nHow we handle reports"
    assert classify_page("https://x.test/escorts/anna-24", text=footer, link_names=["Law enforcement", "Contact us",
                                                                               "How we handle reports"])[0] == "item"
    assert classify_page("https://x.test/about", text=footer, link_names=["Law enforcement", "Contact us"])[0] == "other"
    assert classify_page("https://x.test/page/43", text="Bikes for sale. Cheap and cheerful.")[0] == "other"


def test_report_handling_page_found_by_content_is_read_by_report_06(tmp_path):
    text = ("How we handle reports\nWe confirm every report with a reference number. We decide within 24 hours. "
            "You can appeal the decision through our internal complaint form.")
    role, _ = classify_page("https://x.test/info/7", text=text)
    run = make_bundle(tmp_path, [page("https://x.test/", role="start", text="Welcome"),
                                 page("https://x.test/info/7", role=role, text=text)])
    assert report.handling_explained(Bundle(run)).status == "pass"


# ---------------------------------------------------------------------- report controls beyond "report"


@pytest.mark.parametrize("control", [
    button("Flag as prohibited"), button("This is spam"), button("Inappropriate"), button("Misbruik melden"),
    button("Ongepast"), button("", text="", **{"aria-label": "Markeer als ongepast"}),
    button("", text="", title="Flag offensive"), link("spam", "/ads/4/flag"),
])
def test_flag_controls_count_as_report_controls(tmp_path, control):
    run = make_bundle(tmp_path, [page("https://x.test/ads/4", role="item", elements=[control])])
    assert report.report_control_on_every_item(Bundle(run)).status == "pass"


def test_a_prose_sentence_is_not_a_flag_control(tmp_path):
    long_text = "Read our rules: spam and inappropriate content are not allowed and will be removed by moderators."
    run = make_bundle(tmp_path, [page("https://x.test/ads/4", role="item", elements=[link(long_text, "/rules")]),
                                 page("https://x.test/ads/5", role="item")],
                      probes={"report": ReportProbe(attempts=[ReportAttempt(item_url="https://x.test/ads/4"),
                                                              ReportAttempt(item_url="https://x.test/ads/5")])})
    assert report.report_control_on_every_item(Bundle(run)).status == "fail"


# ---------------------------------------------------------------------- honest sampling


def _items(n: int, with_control: int) -> list[dict]:
    out = [page("https://x.test/", role="start")]
    for i in range(n):
        elements = [button("Report this ad")] if i < with_control else []
        out.append(page(f"https://x.test/ads/{i}", role="item", elements=elements))
    return out


def test_items_the_probe_did_not_open_are_not_counted_as_without_a_control(tmp_path):
    # 10 items; the saved pages of 3 show a control; the probe opened 5 of the other 7 and found it in a menu.
    attempts = [ReportAttempt(item_url=f"https://x.test/ads/{i}", control=ControlSeen(name="Report", how="name"),
                              menu=ControlSeen(name="More"), outcome="form", clicks=2) for i in range(3, 8)]
    run = make_bundle(tmp_path, _items(10, 3), probes={"report": ReportProbe(attempts=attempts)})
    f = report.report_control_on_every_item(Bundle(run))
    assert f.status == "pass", f.summary
    assert "8 of 8" in f.summary and "2 more item page(s)" in f.summary and f.details["untried"] == 2
    assert "niet door de test geopend" in localized_summary(f, "nl")


def test_an_opened_item_without_a_control_still_counts(tmp_path):
    attempts = [ReportAttempt(item_url="https://x.test/ads/1", outcome="none"),
                ReportAttempt(item_url="https://x.test/ads/2", outcome="error")]
    run = make_bundle(tmp_path, _items(4, 1), probes={"report": ReportProbe(attempts=attempts)})
    f = report.report_control_on_every_item(Bundle(run))
    assert f.status == "partial" and "1 of 2" in f.summary and f.details["untried"] == 2


def test_no_item_opened_and_none_showing_a_control_is_not_assessed(tmp_path):
    attempts = [ReportAttempt(item_url="https://x.test/ads/0", outcome="error", error="timeout")]
    run = make_bundle(tmp_path, _items(3, 0), probes={"report": ReportProbe(attempts=attempts)})
    f = report.report_control_on_every_item(Bundle(run))
    assert f.status == "not_assessed" and localized_summary(f, "nl")


# ---------------------------------------------------------------------- roles after the crawl


def _collector(tmp_path, pages, definition: str = ""):
    c = Collector(parse_definition('[platform]\nname = "X"\nurl = "https://x.test/"\n' + definition), tmp_path / "run",
                  None)
    for n, (url, role, signals, hrefs) in enumerate(pages):
        c.pages.append(PageRecord(id=f"p{n}", url=url, final_url=url, status=200, role=role, signals=signals,
                                  elements=[link(h, h) for h in hrefs]))
    return c


PRODUCT = {"types": ["Product", "Offer"]}


def test_a_group_page_that_links_to_content_items_is_a_listing(tmp_path):
    ads = [f"https://x.test/{i}-bike-for-sale/" for i in range(1, 5)]
    c = _collector(tmp_path, [(u, "item", PRODUCT, []) for u in ads] +
                   [("https://x.test/group/3-fietsen/", "item", {}, ads)])
    c._reclassify_items()
    assert c.pages[-1].role == "listing" and "4 page(s)" in c.pages[-1].role_reasons[0]
    assert all(p.role == "item" for p in c.pages[:4])


def test_member_profiles_beside_posts_are_not_items_but_stay_items_on_a_profile_site(tmp_path):
    topics = [(f"https://x.test/forum/f-1/topic/t-{i}/", "item", {}, []) for i in range(3)]
    profiles = [(f"https://x.test/member/profile/{i}/", "item", {}, []) for i in range(2)]
    c = _collector(tmp_path, topics + profiles)
    c._reclassify_items()
    assert [p.role for p in c.pages] == ["item"] * 3 + ["other"] * 2
    c = _collector(tmp_path, [(f"https://x.test/profile/anna-{i}", "item", {}, []) for i in range(4)])
    c._reclassify_items()
    assert all(p.role == "item" for p in c.pages)


def test_item_urls_are_distinct_by_canonical(tmp_path):
    c = _collector(tmp_path, [("https://x.test/viewtopic.php?t=9", "item", {}, []),
                              ("https://x.test/viewtopic.php?p=31", "item", {}, []),
                              ("https://x.test/viewtopic.php?t=10", "item", {}, [])])
    c._canonical[fold_key("https://x.test/viewtopic.php?p=31")] = fold_key("https://x.test/viewtopic.php?t=9")
    assert c.item_urls(10) == ["https://x.test/viewtopic.php?t=9", "https://x.test/viewtopic.php?t=10"]


def test_the_probes_get_the_crawls_items_and_the_definitions_settings_not_the_collector(tmp_path):
    c = _collector(tmp_path, [("https://x.test/viewtopic.php?t=9", "item", {}, []),
                              ("https://x.test/viewtopic.php?p=31", "item", {}, []),
                              ("https://x.test/forum", "listing", {}, []),
                              ("https://x.test/viewtopic.php?t=10", "item", {}, [])],
                   '[crawl]\nsettle_ms = 1500\n[login]\nsteps = [{action = "goto", target = "/login"}]\n')
    c._canonical[fold_key("https://x.test/viewtopic.php?p=31")] = fold_key("https://x.test/viewtopic.php?t=9")
    context = c.probe_context()
    assert list(context.item_urls) == ["https://x.test/viewtopic.php?t=9", "https://x.test/viewtopic.php?t=10"]
    assert [p.role for p in context.pages] == ["item", "item", "listing", "item"]
    assert context.site == "x.test" and context.start_url == "https://x.test/"
    assert context.settle_ms == 1500 and context.revisit_settle_ms == REVISIT_SETTLE_MS < 1500
    assert context.login_defined and not context.active
    c.pages.append(PageRecord(id="late", url="https://x.test/late"))
    assert len(context.pages) == 4  # what the probes see does not move under them
    assert _collector(tmp_path, []).probe_context().revisit_settle_ms == 600  # the default, below the cap


def test_probe_errors_are_not_assessed_not_no_control(tmp_path):
    attempts = [ReportAttempt(item_url=f"https://x.test/ads/{i}", outcome="error", error="net::ERR_CONNECTION_REFUSED")
                for i in range(3)]
    run = make_bundle(tmp_path, _items(3, 0), probes={"report": ReportProbe(attempts=attempts)})
    bundle = Bundle(run)
    for check in (report.report_within_two_clicks, report.report_without_account, report.report_form_complete,
                  report.report_categories):
        f = check(bundle)
        assert f.status == "not_assessed" and "could not open" in f.summary and localized_summary(f, "nl"), check


def test_an_item_page_with_a_signup_box_stays_an_item():
    box = form(field("Screen name"), field("E-mail", type="email"), field("Password", type="password"),
               field("Password again", type="password"), submit="Sign up")
    url = "https://qa.test/question/10/how-do-i-register-my-child-for-school/"
    assert classify_page(url, forms=[box])[0] == "item"
    assert classify_page("https://qa.test/account/signup/", forms=[box])[0] == "signup"


def test_a_one_click_flag_that_does_nothing_logged_out_is_one_click_but_needs_an_account(tmp_path):
    attempts = [ReportAttempt(item_url=f"https://x.test/question/{i}/q/", outcome="form", clicks=1,
                              control=ControlSeen(name="flag offensive", tag="span", how="name"),
                              form=Form(name="one-click report: 'flag offensive'", method="none")) for i in (1, 2)]
    run = make_bundle(tmp_path, [page(f"https://x.test/question/{i}/q/", role="item") for i in (1, 2)],
                      probes={"report": ReportProbe(attempts=attempts)})
    bundle = Bundle(run)
    assert report.report_within_two_clicks(bundle).status == "pass"
    r03 = report.report_without_account(bundle)
    assert r03.status == "fail" and "flag offensive" in r03.summary and localized_summary(r03, "nl")
    assert report.report_form_complete(bundle).status == "fail"
    assert report.report_categories(bundle).status == "fail"


def test_a_name_and_password_form_saying_aanmelden_is_a_login_not_a_signup():
    login = Form(name="login-form", method="post", submit_labels=["Aanmelden"], fields=[
        FormField(tag="input", type="text", name="username", label="Gebruikersnaam :"),
        FormField(tag="input", type="password", name="password", label="Wachtwoord :")])
    signup = Form(name="", method="post", submit_labels=["Aanmelden"], fields=[
        FormField(tag="input", type="text", name="username", label="Gebruikersnaam"),
        FormField(tag="input", type="email", name="email", label="E-mailadres"),
        FormField(tag="input", type="password", name="password", label="Wachtwoord")])
    admin = "http://127.0.0.1:1/admin/login/?next=/messages/write/"
    assert classify_page(admin, title="Aanmelden", forms=[login])[0] == "login"
    assert classify_page("http://127.0.0.1:1/account/new/", title="Aanmelden", forms=[signup])[0] == "signup"


# ------------------------------------- round two (benchmarks/independent: pulsechat, a web-component chat app)

HANDLES = ["robin.k", "ayesha_m", "tomasz", "lieke.v", "jonno"]


def test_many_sibling_links_named_by_handle_mark_member_pages_as_items(tmp_path):
    people = [f"https://x.test/m/{h}" for h in HANDLES]
    c = _collector(tmp_path, [("https://x.test/people", "other", {}, people)] +
                   [(u, "other", {}, []) for u in people])
    c._learn_item_patterns(c.pages[0])
    assert c.is_item("https://x.test/m/mei.lin") and not c.is_item("https://x.test/about")
    c._reclassify_items()
    assert [p.role for p in c.pages] == ["other"] + ["item"] * 5


def test_handle_links_in_the_header_or_too_few_teach_nothing(tmp_path):
    nav = [link(h, f"https://x.test/m/{h}", region="nav") for h in HANDLES]
    c = _collector(tmp_path, [("https://x.test/", "start", {}, [f"https://x.test/m/{h}" for h in HANDLES[:3]])])
    c.pages[0].elements += nav
    c._learn_item_patterns(c.pages[0])
    assert not c.is_item("https://x.test/m/robin.k")


def test_a_page_named_like_its_siblings_that_links_to_items_by_id_is_a_listing(tmp_path):
    ads = [f"https://x.test/companion/{i}" for i in range(11, 16)]
    cities = [f"https://x.test/area/{c}" for c in ("amsterdam", "utrecht", "leiden", "delft")]
    c = _collector(tmp_path, [("https://x.test/", "start", {}, ads + cities)] + [(u, "other", {}, []) for u in ads] +
                   [(u, "other", {}, ads[:2]) for u in cities])
    c._learn_item_patterns(c.pages[0])
    c._reclassify_items()
    roles = {p.url: p.role for p in c.pages}
    assert {roles[u] for u in ads} == {"item"} and {roles[u] for u in cities} == {"listing"}


def test_sibling_links_under_a_tag_or_city_path_teach_no_item_pattern(tmp_path):
    for parent in ("tag", "city", "rubriek"):
        urls = [f"https://x.test/{parent}/{w}" for w in ("amsterdam", "utrecht", "leiden", "delft", "breda")]
        c = _collector(tmp_path, [("https://x.test/", "start", {}, urls)])
        c._learn_item_patterns(c.pages[0])
        assert not c.is_item(urls[0]), parent


def test_an_item_with_more_like_this_cards_lists_no_items_but_its_list_does():
    """A profile, ad or topic that shows related cards of its own pattern is one item; the city page that links to the
    same profiles lists them. Either way round: whether the crawl met the list first or the item."""
    slugs = ["amber-rose", "ruby-lane", "isla-marie", "nadia-k", "jade-monroe", "grace-ellis", "mila-de-vries"]
    profiles = [f"https://x.test/companions/{s}" for s in slugs]

    def is_item(url: str) -> bool:
        return url.startswith("https://x.test/companions/") or "/ads/" in url

    profile = profiles[0]
    assert listed_items(profile, profile, profiles + ["/escorts/london", "/contact?profile=amber-rose"], is_item) == 0
    assert listed_items("https://x.test/escorts/london", "https://x.test/escorts/london", profiles, is_item) == 7
    # an ad by ID with seven similar ads lists none; a category page with them lists seven
    ads = [f"https://x.test/ads/{n}" for n in range(100, 108)]
    assert listed_items(ads[0], ads[0], ads, is_item) == 0
    assert listed_items("https://x.test/category/bikes", "https://x.test/category/bikes", ads, is_item) == 8
    # the same profile asked under another name (a redirect) does not count itself
    assert listed_items("https://x.test/companions/amber-rose?ref=home", profile, [profile], is_item) == 0


def test_a_city_page_of_one_name_pattern_listing_profiles_of_another_is_a_listing(tmp_path):
    """Both patterns learned (a city menu on the home page, profile cards): the city pages list profiles, the
    profiles show related profiles of their own pattern and link back to their city only in the breadcrumb."""
    profiles = [f"https://x.test/companions/{s}" for s in ("amber-rose", "ruby-lane", "isla-marie", "nadia-k")]
    cities = [f"https://x.test/escorts/{c}" for c in ("london", "leeds", "york", "bath")]
    c = _collector(tmp_path, [("https://x.test/", "start", {}, cities + profiles)] +
                   [(u, "other", {}, cities[:2] + profiles) for u in cities[:3]] +
                   [(cities[3], "other", {}, cities[:2] + profiles[:1])] +  # a city with one profile
                   [(u, "other", {}, profiles) for u in profiles])
    for p in c.pages[5:]:  # the profile's breadcrumb to its city
        p.elements.append(link("London", cities[0], region="nav"))
    c._learn_item_patterns(c.pages[0])
    c._reclassify_items()
    roles = {p.url: p.role for p in c.pages}
    assert {roles[u] for u in profiles} == {"item"} and {roles[u] for u in cities} == {"listing"}


def test_name_patterns_that_list_each_other_stay_items(tmp_path):
    """Members list their groups and groups list their members: neither is made the other's list."""
    members = [f"https://x.test/m/{h}" for h in HANDLES[:4]]
    groups = [f"https://x.test/g/{g}" for g in ("knitting", "hiking", "chess", "cooking")]
    c = _collector(tmp_path, [("https://x.test/", "start", {}, members + groups)] +
                   [(u, "other", {}, groups[:3]) for u in members] + [(u, "other", {}, members[:3]) for u in groups])
    c._learn_item_patterns(c.pages[0])
    c._reclassify_items()
    assert all(p.role == "item" for p in c.pages[1:])
