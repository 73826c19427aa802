"""Forums run as a plugin of a site builder (a blog engine with a forum add-on): the site's own pages (house rules,
privacy) are ordinary pages of the site, and its sign-up screen mails the way in instead of asking a password.
Pages and bundles written by hand (milliseconds, no browser)."""

from __future__ import annotations

from checks import contact, routes
from safehaven.bundle import Bundle
from toolkit.evaluate import evaluate, score

from .bundles import field, form, make_bundle, page

SITE = "https://wijkplein.test/"


def bundle(tmp_path, *pages) -> Bundle:
    return Bundle(make_bundle(tmp_path, list(pages), url=SITE))


def signup(text: str) -> dict:
    # a user name and an e-mail address, no password field: the password (or the link to set one) comes by mail
    return page(SITE + "account.php?step=join", role="signup", text=text,
                forms=[form(field("Gebruikersnaam", name="login"), field("E-mailadres", type="email", name="mail"),
                            submit="Aanmelden")])


def test_a_confirmation_mailed_after_signup_ties_the_account_to_the_mailbox(tmp_path):
    f = contact.verified_channel(bundle(tmp_path, signup(
        "Join the neighbourhood board\nUsername\nEmail\nA registration confirmation will be e-mailed to you.")))
    assert f.status == "pass" and f.basis == "stated" and "will be e-mailed to you" in f.quotes[0].text


def test_a_dutch_link_to_set_the_password_counts_too(tmp_path):
    f = contact.verified_channel(bundle(tmp_path, signup(
        "Meld je aan\nNa het aanmelden sturen we je een link om je wachtwoord in te stellen.")))
    assert f.status == "pass"


def test_a_mailed_confirmation_of_something_else_on_another_page_is_not_signup(tmp_path):
    # an order or report confirmation on an ordinary page says nothing about how accounts are made
    other = page(SITE + "winkel/bestellen", role="other", text="Your order confirmation will be e-mailed to you.")
    f = contact.verified_channel(bundle(tmp_path, other, signup("Choose a user name and enter your e-mail address.")))
    assert f.status == "fail"


RULES = ("Be kind to your neighbours. No spam.\nModerators may remove posts.\n"
         "Questions or complaints? Write to the moderators at moderatie@wijkplein.test.")


def test_an_address_on_the_house_rules_page_is_the_sites_own_contact(tmp_path):
    # the rules are an ordinary page of the site builder (the crawl saw no policy role), named by address and title
    rules = page(SITE + "huisregels/", role="other", title="Huisregels – Wijkplein", text=RULES)
    b = bundle(tmp_path, rules)
    assert routes.general_contact(b)["mailto"] == ["mailto:moderatie@wijkplein.test"]
    topics = [page(f"{SITE}onderwerp/{n}/", role="item", text="Wie leent me een ladder?") for n in range(3)]
    card = score(evaluate(bundle(tmp_path / "with-topics", rules, *topics)))
    assert card.areas["REPORT"].level == 1  # no report control, but a general address: "only e-mail"


def test_an_address_on_a_long_titled_page_about_rules_stays_a_users(tmp_path):
    # a member's post about new parking rules is not the site's rules page, and its address is the member's
    post = page(SITE + "nieuws/nieuwe-parkeerregels/", role="other",
                title="Nieuwe parkeerregels in onze straat vanaf mei – Wijkplein",
                text="Mail me if you want a permit form: jan.buur@wijkplein.test")
    assert routes.general_contact(bundle(tmp_path, post))["mailto"] == []


def test_a_tag_listing_named_for_rules_is_not_the_rules_page(tmp_path):
    tag = page(SITE + "tag/verkeersregels/", role="other", title="Verkeersregels",
               text="Parking questions? jan.buur@wijkplein.test")
    assert routes.general_contact(bundle(tmp_path, tag))["mailto"] == []


def _guest_reply_form(*hidden):
    # a forum plugin's form for guests under a topic: name, e-mail and website, the text, a plain "Submit", posted to
    # the page itself; its heading "Reply to: <topic title>" is all that names it
    return form(field("Name (required):", name="guest_name"), field("E-mail (not shown) (required):", name="guest_mail"),
                field("Website:", name="guest_site"),
                field("Reply to: Wie leent me een ladder?", tag="textarea", type="textarea", name="post_body"),
                *hidden, action="", submit="Submit", name="Reply to: Wie leent me een ladder?")


def test_a_guest_reply_form_that_carries_its_topic_is_a_public_post_not_a_message(tmp_path):
    topic_field = field("", type="hidden", name="forum_topic_id", value="18")
    topics = [page(f"{SITE}onderwerp/{n}/", role="item", text="Wie leent me een ladder?",
                   forms=[_guest_reply_form(topic_field)]) for n in range(3)]
    f = contact.no_messaging_without_account(bundle(tmp_path, *topics))
    assert f.status == "pass", f.summary


def test_the_same_form_without_a_topic_field_still_counts_as_a_message_form(tmp_path):
    # nothing says it posts into a topic: a form headed "Reply to" on an ad is a message to the poster
    ads = [page(f"{SITE}advertentie/{n}/", role="item", text="Ladder te koop, 4 meter.",
                forms=[_guest_reply_form(field("", type="hidden", name="ad_ref", value="18"))]) for n in range(3)]
    f = contact.no_messaging_without_account(bundle(tmp_path, *ads))
    assert f.status == "fail"


def test_a_one_letter_key_counts_only_as_the_whole_field_name():
    assert contact._names_thread("topic_id") and contact._names_thread("bbs_thread") and contact._names_thread("t")
    assert not contact._names_thread("ad_t") and not contact._names_thread("format")
