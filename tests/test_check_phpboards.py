"""Classic PHP board software (one script per page, IDs in the query, rules at registration, "Report" links for
members only): discovery rules and check readings, on pages and bundles written by hand (milliseconds, no browser).
"""

from __future__ import annotations

import pytest

from checks import age, contact, evidence, report, routes
from safehaven.bundle import Bundle
from safehaven.models import ContactAttempt, ContactProbe, ControlSeen, Form, FormField
from toolkit.collection.classify import (
    agreement_step_url,
    classify_page,
    is_feed_url,
    is_item_url,
    is_member_profile,
    is_post_permalink,
    is_system_url,
)
from toolkit.collection.crawl import _digit_template, _wall_key, fold_key, fold_url

from .bundles import field, form, link, make_bundle, page

BOARD = "https://board.test/"


def bundle(tmp_path, *pages) -> Bundle:
    return Bundle(make_bundle(tmp_path, list(pages), url=BOARD))


def topic(n: int, *elements, text: str = "Wie weet een goede fietsenmaker in Gouda? Mijn achterwiel slingert.") -> dict:
    return page(f"{BOARD}showtopic.php?id={n}", role="item", text=text, elements=list(elements))


# ------------------------------------------------------------------------------------------------ discovery


@pytest.mark.parametrize("url", [
    "https://board.test/viewforum.php?id=3",
    "https://board.test/forumdisplay.php?fid=7",
    "https://board.test/forum.php?id=2",
    "https://board.test/category.php?id=12",
])
def test_a_forums_topic_list_with_an_id_in_the_query_is_not_an_item(url):
    assert not is_item_url(url), url


@pytest.mark.parametrize("url", [
    "https://board.test/viewtopic.php?id=9",
    "https://board.test/index.php?topic=12.0",  # an id with a start offset
    "https://board.test/profile.php?id=3",
    "https://board.test/showtopic.php?pid=44",
])
def test_single_script_items_stay_items(url):
    assert is_item_url(url), url


@pytest.mark.parametrize("url", ["https://board.test/profile.php?id=3", "https://board.test/member.php?id=7",
                                 "https://board.test/viewprofile.php?user=5"])
def test_a_members_profile_script_with_an_id_is_a_member_profile(url):
    assert is_member_profile(url), url


def test_topics_and_profile_scripts_without_an_id_are_not_member_profiles():
    assert not is_member_profile("https://board.test/viewtopic.php?id=9")
    assert not is_member_profile("https://board.test/profile.php")


def test_a_jump_to_one_post_comes_after_the_topics_own_url():
    assert is_post_permalink("https://board.test/viewtopic.php?pid=24")
    assert is_post_permalink("https://board.test/viewtopic.php?p=123")
    assert not is_post_permalink("https://board.test/viewtopic.php?id=9")
    assert not is_post_permalink("https://board.test/viewtopic.php?f=2&t=9&p=123")  # names its topic too


@pytest.mark.parametrize("url", [
    "https://board.test/extern.php?action=feed&type=atom",
    "https://board.test/extern.php?action=feed&tid=4&type=rss",
    "https://board.test/feed/",
    "https://board.test/rss.php?f=2",
    "https://board.test/topics.atom",
])
def test_feeds_are_recognised(url):
    assert is_feed_url(url), url


@pytest.mark.parametrize("url", ["https://board.test/viewtopic.php?id=9", "https://board.test/feedback.php",
                                 "https://board.test/forum/what-to-feed-a-cat-12/"])
def test_pages_that_only_mention_feeding_are_not_feeds(url):
    assert not is_feed_url(url), url


def _rules_form(method: str = "get", *extra: FormField) -> Form:
    return Form(action="join.php", method=method, name="Read the rules before you join",
                fields=[FormField(tag="input", type="hidden", name="step", value="2", visible=False),
                        FormField(tag="input", type="submit", name="ok", value="I agree"),
                        FormField(tag="input", type="submit", name="no", value="Cancel"), *extra],
                submit_labels=["I agree", "Cancel"])


def test_the_agree_button_under_the_rules_leads_to_the_signup_form():
    assert agreement_step_url(_rules_form(), BOARD + "join.php") == BOARD + "join.php?step=2&ok=I+agree"
    dutch = Form(action="", method="get", fields=[FormField(tag="button", type="submit", name="akkoord",
                                                            value="Ik ga akkoord")])
    assert agreement_step_url(dutch, BOARD + "aanmelden.php") == BOARD + "aanmelden.php?akkoord=Ik+ga+akkoord"


def test_no_agreement_step_for_a_post_form_or_a_form_that_asks_something():
    assert agreement_step_url(_rules_form("post"), BOARD + "join.php") is None
    asks = _rules_form("get", FormField(tag="input", type="email", name="email", label="E-mail"))
    assert agreement_step_url(asks, BOARD + "join.php") is None
    search = Form(action="search.php", method="get", fields=[FormField(tag="input", type="submit", value="Search")])
    assert agreement_step_url(search, BOARD + "index.php") is None


# ------------------------------------------------------------------------------------------------ REPORT-01


def test_topic_titles_about_reporting_are_not_report_controls(tmp_path):
    # A list of topics beside a post: titles that speak of reporting lead to content, not to a report of this post.
    b = bundle(tmp_path,
               topic(1, link("Wie meld ik een verdacht bericht? / Who do I tell about a post?", BOARD + "showtopic.php?id=4"),
                     link("Our moderators explain the new reporting guidelines for the buy and sell section",
                          BOARD + "showtopic.php?id=5")),
               topic(2, link("Report post", BOARD + "misc.php?report=12"), link("How do I report?", BOARD + "faq.php")))
    f = report.report_control_on_every_item(b)
    assert f.status == "partial" and f.details["with_control"] == 1 and f"{BOARD}showtopic.php?id=1" in f.summary
    assert not report.reads_as_title("Report this post") and report.reads_as_title("How do I report?")


# ------------------------------------------------------------------------------------------------ EVIDENCE-01


def test_a_rules_link_in_the_menu_counts_as_the_terms(tmp_path):
    menu = [link("Index", BOARD + "index.php", region="nav"), link("Rules", BOARD + "misc.php?action=rules", region="nav")]
    f = evidence.privacy_and_terms_linked(bundle(tmp_path, topic(1, *menu), topic(2, *menu)))
    assert f.status == "partial" and "no link to the privacy policy" in f.summary


def test_a_topic_title_with_the_word_rules_is_not_a_link_to_the_terms(tmp_path):
    titles = [link("New parking rules in our street from May", BOARD + "showtopic.php?id=8")]
    f = evidence.privacy_and_terms_linked(bundle(tmp_path, topic(1, *titles),
                                                 page(BOARD + "showtopic.php?id=8", role="item",
                                                      title="New parking rules in our street from May")))
    assert f.status == "fail"


# ------------------------------------------------------------------------------------------------ CONTACT-03, -04


SIGNUP_FIELDS = [field("Username", name="req_user"), field("Email", type="email", name="req_email1"),
                 field("Confirm email", type="email", name="req_email2")]


def test_a_password_sent_to_the_address_at_signup_ties_the_account_to_it(tmp_path):
    text = ("Enter a valid email address\nWe generate a password for you; it will be e-mailed to you.\n"
            "Your randomly chosen password will be sent to that address, so use one you can read.")
    f = contact.verified_channel(bundle(tmp_path, page(BOARD + "join.php?step=2", role="signup", text=text,
                                                       forms=[form(*SIGNUP_FIELDS, submit="Register")])))
    assert f.status == "pass" and f.basis == "stated" and "will be sent to that address" in f.quotes[0].text


def test_a_dutch_activation_mail_at_signup_counts_and_a_reset_page_does_not(tmp_path):
    text = "Na het aanmelden ontvang je een activeringsmail op het opgegeven adres."
    signup = page(BOARD + "aanmelden.php", role="signup", text=text, forms=[form(*SIGNUP_FIELDS, submit="Aanmelden")])
    assert contact.verified_channel(bundle(tmp_path, signup)).status == "pass"
    reset = page(BOARD + "login.php?action=forget", role="login",
                 text="A new password will be sent to the address you registered with.")
    other = tmp_path / "reset"
    other.mkdir()
    b = bundle(other, reset, page(BOARD + "join.php", role="signup", text="Choose a name and a password.",
                                  forms=[form(*SIGNUP_FIELDS, submit="Register")]))
    assert contact.verified_channel(b).status == "fail"


def test_a_who_may_email_me_setting_on_the_signup_form_is_a_contact_control(tmp_path):
    choices = form(*SIGNUP_FIELDS,
                   field("Show my e-mail address to other members", type="radio", name="privacy"),
                   field("Hide my address but allow other members to e-mail me through the board", type="radio",
                         name="privacy"),
                   field("Hide my address and disallow form email", type="radio", name="privacy"), submit="Register")
    f = contact.control_who_reaches_you(bundle(tmp_path, page(BOARD + "join.php", role="signup", forms=[choices])))
    assert f.status == "partial" and f.basis == "observed" and "choose who may contact them" in f.summary


def test_a_hide_profile_field_alone_is_not_a_contact_control(tmp_path):
    f = contact.control_who_reaches_you(bundle(tmp_path, page(
        BOARD + "join.php", role="signup", forms=[form(*SIGNUP_FIELDS, field("Hide my online status", type="checkbox"))])))
    assert f.status == "fail"


# ------------------------------------------------------------------------------------------------ AGE-04


def test_the_agree_buttons_under_the_rules_are_not_the_signup_form(tmp_path):
    rules = page(BOARD + "join.php", role="signup", text="Rules: be kind.",
                 forms=[Form(action="join.php", method="get", fields=[
                     FormField(tag="input", type="submit", name="ok", value="I agree"),
                     FormField(tag="input", type="submit", name="no", value="Cancel")])])
    real = page(BOARD + "join.php?ok=I+agree", role="signup", forms=[form(*SIGNUP_FIELDS, submit="Register")])
    f = age.signup_turns_minors_away(bundle(tmp_path, rules, real))
    assert f.status == "fail" and "join.php?ok=I+agree asks no age question" in f.summary


# ------------------------------------------------------------------------------------------------ one script, many pages


def test_semicolon_queries_survive_folding_and_offsets_fold_to_the_first_page():
    assert fold_url("https://board.test/index.php?PHPSESSID=ab12&action=profile;u=8") == \
        "https://board.test/index.php?action=profile;u=8"
    assert fold_url("https://board.test/index.php?topic=3.msg5#new") == "https://board.test/index.php?topic=3.0"
    assert fold_key("https://board.test/index.php?topic=8.20") == fold_key("https://board.test/index.php?topic=8.0")
    assert fold_key("https://board.test/index.php?board=2.0") != fold_key("https://board.test/index.php?board=3.0")


def test_a_login_wall_on_a_single_script_site_is_one_query_not_the_whole_script():
    login, profile = _wall_key(BOARD + "index.php?action=login"), _wall_key(BOARD + "index.php?action=profile;u=8")
    assert login == ("/index.php", frozenset({("action", "login")}))
    assert profile[1] == _wall_key(BOARD + "index.php?action=profile;u=11")[1]  # every member's profile, one wall
    topic = _wall_key(BOARD + "index.php?topic=3.0")
    assert not login[1] <= topic[1] and not profile[1] <= topic[1]
    assert _wall_key(BOARD + "login/?next=/ads/3")[1] == frozenset()  # ?next= is a variant: any query on /login/
    assert _digit_template(BOARD + "misc.php?email=3") != _digit_template(BOARD + "misc.php?action=rules")


def test_semicolon_pairs_are_read_as_query_pairs():
    assert fold_url("https://board.test/index.php?topic=3.0;prev_next=prev") == "https://board.test/index.php?topic=3.0"
    assert is_system_url("https://board.test/index.php?action=printpage;topic=3.0")
    assert is_item_url("https://board.test/index.php?topic=3.0;all") and is_post_permalink("https://board.test/index.php?msg=4")


def test_a_search_box_on_a_page_named_for_registration_does_not_make_it_a_signup_page():
    search = Form(action="index.php?action=search2", method="post", fields=[
        FormField(tag="input", type="search", name="search"),
        FormField(tag="select", type="select", name="search_selection", options=["Entire forum", "This board"]),
        FormField(tag="input", type="submit", name="search2", value="Search")], submit_labels=["Search"])
    role, _ = classify_page(BOARD + "index.php?action=agreement", title="Registration Agreement and Privacy Policy",
                            link_text="Terms and Rules", forms=[search])
    assert role == "policy"
    signup = Form(action="join.php", method="post", fields=[FormField(tag="input", type="text", name="user"),
                                                             FormField(tag="input", type="email", name="email")],
                  submit_labels=["Register"])
    assert classify_page(BOARD + "index.php?action=register", title="Registration", forms=[signup])[0] == "signup"


# ------------------------------------------------------------------------------------------------ EVIDENCE-05


@pytest.mark.parametrize("sentence", [
    "Vragen over je gegevens? Stuur een persoonlijk bericht naar de beheerder van het forum.",
    "Questions about your data? Send a private message to the forum administrator.",
])
def test_a_policy_that_sends_people_to_the_administrator_names_a_general_contact(tmp_path, sentence):
    text = f"Privacy\nWe store your e-mail address and your posts.\n{sentence}"
    b = bundle(tmp_path, page(BOARD + "index.php", role="start", elements=[link("Privacy", BOARD + "privacy.php")]),
               page(BOARD + "privacy.php", role="policy", title="Privacy", text=text))
    f = evidence.authorities_have_contact_point(b)
    assert f.status == "partial" and any(q.text in sentence and len(q.text) > 20 for q in f.quotes)


def test_a_policy_without_any_route_still_fails(tmp_path):
    b = bundle(tmp_path, page(BOARD + "privacy.php", role="policy", title="Privacy",
                              text="Privacy\nWe store your e-mail address and your posts. Admins can see your IP address."))
    assert evidence.authorities_have_contact_point(b).status == "fail"


# ------------------------------------------------------------------------------------------------ AGE-04 behind a POST


SEARCH_BOX = Form(action="index.php?action=search2", method="post", fields=[
    FormField(tag="input", type="search", name="search"),
    FormField(tag="select", type="select", name="search_selection", options=["Entire forum", "This board"]),
    FormField(tag="input", type="submit", name="search2", value="Search")], submit_labels=["Search"])


def test_a_signup_behind_an_accept_button_that_posts_is_not_assessed_and_says_why(tmp_path):
    accept = Form(action="index.php?action=signup", method="post", fields=[
        FormField(tag="input", type="submit", name="accept_agreement", value="I accept the terms of the agreement."),
        FormField(tag="input", type="hidden", name="step", value="1", visible=False)])
    b = bundle(tmp_path, page(BOARD + "index.php?action=signup", role="signup", text="Registration Agreement ...",
                              forms=[SEARCH_BOX, accept]))
    f = age.signup_turns_minors_away(b)
    assert f.status == "not_assessed" and "I accept the terms of the agreement." in f.summary
    assert "passive mode" in f.summary


def test_a_search_box_alone_is_not_read_as_a_signup_form(tmp_path):
    b = bundle(tmp_path, page(BOARD + "join.php", role="signup", forms=[SEARCH_BOX]))
    assert age.signup_turns_minors_away(b).summary == "No signup form was found on the visited pages."


# ------------------------------------------------------------------------------------------------ activation pages


def test_a_resend_activation_page_is_not_the_signup():
    resend = Form(action="index.php?action=activate;sa=resend", method="post", fields=[
        FormField(tag="input", type="text", name="user", label="Username or email"),
        FormField(tag="input", type="text", name="new_email", label="New email address"),
        FormField(tag="input", type="password", name="passwd", label="Old password"),
        FormField(tag="input", type="text", name="code", label="Activation code"),
        FormField(tag="input", type="submit", value="Resend")])
    assert classify_page(BOARD + "index.php?action=activate", title="Resend activation code", forms=[resend])[0] != "signup"
    assert classify_page(BOARD + "member.php?action=register", title="Register", forms=[
        Form(action="member.php", method="post", fields=[FormField(tag="input", type="text", name="username"),
                                                         FormField(tag="input", type="email", name="email"),
                                                         FormField(tag="input", type="password", name="password"),
                                                         FormField(tag="input", type="password", name="password2")])])[0] \
        == "signup"


def test_an_offer_to_resend_the_activation_email_shows_accounts_are_activated_by_email(tmp_path):
    login = page(BOARD + "index.php?action=login", role="login", elements=[
        link("Forgot your password?", BOARD + "index.php?action=reminder"),
        link("Did you miss your activation email?", BOARD + "index.php?action=activate")])
    f = contact.verified_channel(bundle(tmp_path, login, page(BOARD + "help.php", role="help", text="Help")))
    assert f.status == "pass" and f.basis == "observed" and "Did you miss your activation email?" in f.summary


def test_a_password_reminder_link_alone_is_no_activation(tmp_path):
    login = page(BOARD + "login.php", role="login", elements=[link("Forgot your password?", BOARD + "login.php?action=forget")])
    assert contact.verified_channel(bundle(tmp_path, login, page(BOARD + "help.php", role="help", text="Help"))).status \
        == "fail"


# ------------------------------------------------------------------------------------------------ guests may post


def _quick_post(action: str = "post.php?tid=11", name: str = "Write your message and submit") -> Form:
    return Form(action=BOARD + action, method="post", name=name, submit_labels=["Submit", "Preview"], fields=[
        FormField(tag="input", type="text", name="req_username", label="Name (Required)"),
        FormField(tag="input", type="text", name="req_email", label="Email (Required)"),
        FormField(tag="textarea", type="textarea", name="req_message", label="Message (Required)"),
        FormField(tag="input", type="submit", name="submit", value="Submit")])


def test_a_guests_quick_post_in_a_topic_is_not_a_message_to_a_member(tmp_path):
    b = bundle(tmp_path, page(BOARD + "showtopic.php?id=11", role="item", text="A post.", forms=[_quick_post()]),
               page(BOARD + "showtopic.php?id=12", role="item", text="A post.",
                    forms=[_quick_post("index.php?action=post2", name="Snel reageren")]))
    assert contact.no_messaging_without_account(b).status == "pass"


def test_a_contact_the_seller_form_without_an_account_still_fails(tmp_path):
    seller = Form(action=BOARD + "contact.php?ad=4", method="post", name="Contact the seller", submit_labels=["Send message"],
                  fields=[FormField(tag="input", type="text", name="name", label="Your name"),
                          FormField(tag="textarea", type="textarea", name="body", label="Message")])
    b = bundle(tmp_path, page(BOARD + "ad.php?id=4", role="item", text="Bike for sale.", forms=[seller]))
    assert contact.no_messaging_without_account(b).status == "fail"


def test_a_post_reply_button_tried_by_the_probe_is_not_messaging(tmp_path):
    reply = ContactAttempt(item_url=BOARD + "showtopic.php?id=11", kind="message", control=ControlSeen(name="Post reply"),
                           outcome="form", outcome_url=BOARD + "post.php?tid=11")
    b = Bundle(make_bundle(tmp_path, [page(BOARD + "showtopic.php?id=11", role="item", text="A post.")], url=BOARD,
                           probes={"contact": ContactProbe(attempts=[reply])}))
    assert contact.no_messaging_without_account(b).status == "pass"


@pytest.mark.parametrize("address", ["myname@example.com", "mailto:someone@example.org", "jouwnaam@provider.nl",
                                     "info@mail.example.net"])
def test_example_addresses_are_nobodys_contact_route(address):
    assert routes.is_placeholder_address(address)


@pytest.mark.parametrize("address", ["beheer@groenplaats.nl", "mailto:privacy@board.test", "abuse@example.co.uk"])
def test_real_looking_addresses_stay_contact_routes(address):
    assert not routes.is_placeholder_address(address)


def test_a_formatting_help_page_with_an_example_address_gives_no_contact_route(tmp_path):
    help_text = "BBCode\n[email]myname@example.com[/email] produces myname@example.com\n[b]Bold[/b] produces Bold"
    b = bundle(tmp_path, page(BOARD + "help.php", role="help", title="Help", text=help_text),
               page(BOARD + "rules.php", role="policy", title="Forum rules", text="Forum rules\nBe kind. No spam."))
    assert routes.general_contact(b) == {"mailto": [], "pages": []}
    assert evidence.authorities_have_contact_point(b).status == "fail"


@pytest.mark.parametrize("url", ["https://board.test/index.php?action=reporttm;topic=3.0;msg=4",
                                 "https://board.test/showthread.php?do=newreply&t=5",
                                 "https://board.test/index.php?action=printpage;topic=3.0"])
def test_a_single_script_action_named_for_reporting_printing_or_replying_is_a_system_page(url):
    assert is_system_url(url) and not is_item_url(url), url


@pytest.mark.parametrize("url", ["https://board.test/index.php?action=display;topic=5",
                                 "https://board.test/index.php?mode=editorial&id=3"])
def test_other_actions_leave_the_item_alone(url):
    assert is_item_url(url), url
