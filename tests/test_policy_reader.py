"""The policy reader: measured on a labelled corpus of policy passages, plus unit tests per clause type."""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from checks import pages, policy
from checks.policy import (
    AuthorityContact,
    Clause,
    CooperationClause,
    DeletionPromise,
    HelpResource,
    PreservationClause,
    Prohibition,
    RetentionClause,
    Sanction,
)
from checks.text import content_lines, detect_language, split_sentences

CORPUS = Path(__file__).parent / "corpus" / "policies"
CLAUSE_TYPES = ("retention", "preservation", "deletion_promise", "cooperation", "authority_contact",
                "prohibition", "sanction", "help_resource")
FLOOR = 0.8


# =============================================================================== corpus measurement


@dataclass(frozen=True)
class Passage:
    id: str
    lang: str
    url: str
    text: str
    expected: tuple[tuple[str, tuple], ...]


def load_corpus() -> list[Passage]:
    passages = []
    for path in sorted(CORPUS.glob("*.toml")):
        for p in tomllib.loads(path.read_text("utf-8"))["passage"]:
            expected = tuple(expected_signature(e) for e in p.get("expect", []))
            passages.append(Passage(p["id"], p["lang"], p["url"], p["text"], expected))
    return passages


def expected_signature(e: dict) -> tuple[str, tuple]:
    """The comparable form of one labelled clause."""
    t = e["type"]
    if t == "retention":
        return t, (e.get("days"), tuple(sorted(e["kinds"])))
    if t == "preservation":
        return t, (e["trigger"], e.get("days"))
    if t == "cooperation":
        return t, (e["mode"], tuple(sorted(e.get("crimes", []))))
    if t == "authority_contact":
        return t, (e["kind"],)
    if t == "prohibition":
        return t, (e["topic"], bool(e["sanction"]))
    if t == "help_resource":
        return t, (e["key"], e.get("phone"))
    return t, ()


def found_signature(c: Clause) -> tuple[str, tuple]:
    """The comparable form of one clause the reader found."""
    if isinstance(c, RetentionClause):
        return c.type, (c.duration.days if c.duration else None, tuple(sorted(c.data_kinds)))
    if isinstance(c, PreservationClause):
        return c.type, (c.trigger, c.period.days if c.period else None)
    if isinstance(c, CooperationClause):
        return c.type, (c.mode, tuple(sorted(set(c.crimes) & {"trafficking", "child_exploitation"})))
    if isinstance(c, AuthorityContact):
        return c.type, (c.kind,)
    if isinstance(c, Prohibition):
        return c.type, (c.topic, bool(c.sanctions))
    if isinstance(c, HelpResource):
        return c.type, (c.key, c.phone or None)
    return c.type, ()


def measure(passages: list[Passage]) -> tuple[dict[str, dict[str, int]], list[str]]:
    """True/false positives and false negatives per clause type, and a line per mistake."""
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in CLAUSE_TYPES}
    mistakes = []
    for p in passages:
        found = Counter(found_signature(c) for c in policy.read_policy(p.text, p.url, language=p.lang).clauses)
        wanted = Counter(p.expected)
        for t, sig in found | wanted:
            tp = min(found[(t, sig)], wanted[(t, sig)])
            counts[t]["tp"] += tp
            counts[t]["fp"] += found[(t, sig)] - tp
            counts[t]["fn"] += wanted[(t, sig)] - tp
            if found[(t, sig)] != wanted[(t, sig)]:
                mistakes.append(f"{p.id}: {t} {sig} found {found[(t, sig)]}, expected {wanted[(t, sig)]}")
    return counts, mistakes


def scores(c: dict[str, int]) -> tuple[float, float]:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return precision, recall


def table(counts: dict[str, dict[str, int]]) -> str:
    rows = [f"{'clause type':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}"]
    for t, c in counts.items():
        precision, recall = scores(c)
        rows.append(f"{t:<18} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {precision:>10.2f} {recall:>8.2f}")
    return "\n".join(rows)


def test_corpus_has_enough_labelled_passages_in_both_languages():
    passages = load_corpus()
    assert len(passages) >= 40
    assert {p.lang for p in passages} == {"nl", "en"}
    labelled = {t for p in passages for t, _ in p.expected}
    assert labelled == set(CLAUSE_TYPES)


def test_precision_and_recall_per_clause_type_meet_the_floor(capsys):
    counts, mistakes = measure(load_corpus())
    with capsys.disabled():
        print(f"\n\nPolicy reader on {len(load_corpus())} corpus passages\n{table(counts)}")
        if mistakes:
            print("\nDisagreements with the labels:\n  " + "\n  ".join(mistakes))
    for t, c in counts.items():
        precision, recall = scores(c)
        assert precision >= FLOOR, f"{t} precision {precision:.2f}"
        assert recall >= FLOOR, f"{t} recall {recall:.2f}"


# =============================================================================== unit tests per clause type


def clauses(text: str, kind: type, language: str | None = None, url: str = "https://site.test/privacy") -> list:
    return policy.read_policy(text, url, language=language).of(kind)


def periods(text: str, language: str | None = None) -> list[tuple[int | None, tuple[str, ...]]]:
    return [(c.duration.days if c.duration else None, c.data_kinds) for c in clauses(text, RetentionClause, language)]


# ------------------------------------------------------------------------------- retention


def test_durations_in_digits_and_words_are_normalised_to_days():
    assert [d.days for d in policy.find_durations("twaalf maanden, 90 dagen, zes maanden, een jaar", "nl")] == [
        365, 90, 183, 365]
    assert [d.days for d in policy.find_durations("anderhalf jaar of 6 weken", "nl")] == [548, 42]
    assert [d.days for d in policy.find_durations("two years or 48 hours or half a year", "en")] == [730, 2, 183]


def test_retention_clause_keeps_the_original_phrase_and_the_event():
    [c] = clauses("Je accountgegevens worden 90 dagen na opzegging verwijderd.", RetentionClause)
    assert c.duration == policy.Duration(days=90, phrase="90 dagen", event="na opzegging")
    assert c.data_kinds == ("account",) and c.language == "nl" and c.url == "https://site.test/privacy"


def test_deletion_within_days_of_a_request_is_a_concrete_period():
    assert periods("We will delete your account information within 30 days of your request.") == [(30, ("account",))]


def test_we_do_not_keep_for_six_months_is_not_a_retention_period():
    assert periods("We do not keep your chat messages for six months.") == []


def test_not_longer_than_bounds_a_period_instead_of_denying_it():
    assert periods("Wij bewaren logbestanden niet langer dan 90 dagen.") == [(90, ("logs",))]
    assert periods("Server logs are retained for no longer than 12 months.") == [(365, ("logs",))]


def test_age_limits_answer_times_and_cookie_lifetimes_are_not_retention():
    assert periods("You must be at least 18 years old. Children under 13 years may not register.") == []
    assert periods("We answer access requests within 30 days. Wij reageren binnen vier weken.") == []
    assert periods("The _ga cookie is stored for 2 years.") == []


def test_vague_periods_are_retention_without_a_duration():
    assert periods("Wij bewaren je gegevens zo lang als nodig is.") == [(None, ("general",))]
    assert periods("We retain profile information for the lifetime of your account.") == [(None, ("content",))]


def test_each_period_gets_the_kind_of_data_next_to_it():
    text = "We keep direct messages for 12 months and access logs for 30 days."
    assert periods(text) == [(365, ("messages",)), (30, ("logs",))]


def test_period_in_a_later_sentence_takes_the_kind_from_the_sentence_before():
    text = "We store the messages you send through our chat. These are automatically deleted after 90 days."
    assert periods(text) == [(90, ("messages",))]


def test_table_rows_take_retention_meaning_from_the_header():
    text = "Data category\tRetention period\nChat messages\t6 months\nIP logs\t90 days\n"
    assert periods(text) == [(183, ("messages",)), (90, ("logs",))]


def test_visibility_of_an_ad_is_not_its_retention():
    assert periods("Your ad remains visible for 30 days.") == []


# ------------------------------------------------------------------------------- preservation and deletion


def test_reported_content_kept_for_investigations_is_preservation_with_period():
    [c] = clauses("Reported messages are retained for 180 days for investigations by the police.", PreservationClause)
    assert (c.trigger, c.period.days) == ("default", 180)


def test_takedown_speed_is_not_the_preservation_period():
    text = "Reported ads are removed within 24 hours and kept for one year for police investigations."
    [c] = clauses(text, PreservationClause)
    assert c.period.days == 365


def test_preservation_at_the_request_of_the_police_is_on_request():
    text = "Op verzoek van de politie stellen wij gegevens over een gemeld profiel veilig totdat het onderzoek klaar is."
    [c] = clauses(text, PreservationClause)
    assert c.trigger == "on_request" and c.period is None


def test_request_named_only_for_handing_over_later_keeps_preservation_default():
    text = ("Verwijderde advertenties bewaren wij twee jaar, zodat wij deze op vordering aan de politie kunnen "
            "verstrekken.")
    [c] = clauses(text, PreservationClause)
    assert (c.trigger, c.period.days) == ("default", 730)


def test_ordinary_retention_is_not_preservation():
    assert clauses("Messages are kept for 6 months.", PreservationClause) == []


def test_immediate_permanent_deletion_of_removed_content_is_a_promise():
    assert len(clauses("Verwijderde advertenties worden direct en definitief verwijderd.", DeletionPromise)) == 1


def test_deletion_promise_with_an_exception_is_no_promise():
    text = "When you delete a post it is immediately and permanently deleted, unless we must preserve it by law."
    assert clauses(text, DeletionPromise) == []


def test_removing_violating_profiles_immediately_is_moderation_not_a_deletion_promise():
    assert clauses("Profielen van minderjarigen worden direct verwijderd.", DeletionPromise) == []


# ------------------------------------------------------------------------------- cooperation


def modes(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.mode, c.crimes) for c in clauses(text, CooperationClause)]


def test_reporting_suspected_trafficking_to_police_is_proactive_and_names_the_crime():
    assert modes("Bij signalen van mensenhandel doen wij altijd aangifte bij de politie.") == [
        ("proactive", ("trafficking",))]
    assert modes("We report apparent child sexual abuse material to NCMEC.") == [
        ("proactive", ("child_exploitation",))]


def test_disclosure_on_court_order_is_on_request():
    assert modes("We disclose data to law enforcement only in response to a court order.") == [("on_request", ())]
    assert modes("Wij verstrekken gegevens alleen aan de politie na een vordering.") == [("on_request", ())]


def test_may_share_to_protect_safety_is_discretionary():
    assert modes("We may share information with the police to protect the safety of our users.") == [
        ("discretionary", ())]


def test_refusal_to_cooperate():
    assert modes("We will not hand over any user data to police or other authorities.") == [("refusal", ())]


def test_child_exploitation_as_exception_is_not_a_promise_to_report():
    text = ("We do not share your data with third parties, with the exception of the police in cases of suspected "
            "child exploitation.")
    assert [m for m, _ in modes(text)] == ["discretionary"]
    assert modes("We never read your messages, except in cases involving child sexual exploitation.") == []


def test_advice_to_the_reader_to_go_to_the_police_is_not_cooperation():
    assert modes("Ben je slachtoffer? Doe dan aangifte bij de politie.") == []
    assert modes("If you suspect trafficking, you can report it to the police.") == []


def test_complaint_to_data_protection_authority_is_not_cooperation():
    assert modes("Je kunt een klacht indienen bij de Autoriteit Persoonsgegevens.") == []


# ------------------------------------------------------------------------------- contact for authorities


def test_address_for_law_enforcement_is_a_contact_for_authorities():
    [c] = clauses("Law enforcement officials may send requests to lerequests@site.test.", AuthorityContact)
    assert (c.kind, c.address) == ("authorities", "lerequests@site.test")


def test_dsa_point_of_contact_is_for_authorities():
    text = "Contactpunt voor autoriteiten (art. 11 DSA)\nAutoriteiten kunnen ons bereiken via dsa@site.test."
    [c] = clauses(text, AuthorityContact)
    assert c.kind == "authorities" and c.point_of_contact


def test_authorities_sent_to_privacy_address_is_only_general():
    [c] = clauses("Requests from authorities can be sent to our privacy team at privacy@site.test.", AuthorityContact)
    assert (c.kind, c.for_authorities) == ("general", True)


def test_customer_service_address_is_a_general_contact():
    [c] = clauses("Neem contact met ons op via info@site.test.", AuthorityContact)
    assert (c.kind, c.for_authorities) == ("general", False)


# ------------------------------------------------------------------------------- prohibitions and sanctions


def topics(text: str) -> list[tuple[str, bool]]:
    return [(c.topic, bool(c.sanctions)) for c in clauses(text, Prohibition)]


def test_each_forbidden_topic_is_a_prohibition():
    assert topics("It is prohibited to advertise forced prostitution or pimping.") == [("trafficking", False)]
    assert topics("Het is niet toegestaan advertenties te plaatsen namens een ander.") == [("third_party", False)]
    assert topics("Persons under the age of 18 may not register.") == [("minors", False)]


def test_list_items_are_read_with_their_lead_in():
    text = ("Het is verboden om:\n- advertenties te plaatsen van personen jonger dan 18 jaar;\n"
            "- je voor te doen als iemand anders.")
    assert topics(text) == [("minors", False), ("third_party", False)]


def test_a_thirteen_plus_age_floor_is_not_a_rule_against_minors():
    assert topics("You must be at least 13 years old. Our service is not intended for children under 16.") == []


def test_generic_illegal_content_rule_is_no_prohibition_of_any_topic():
    assert topics("You may not post content that is illegal or harmful.") == []


def test_sanction_in_the_same_sentence_is_recorded():
    [p] = clauses("Profielen van minderjarigen worden direct verwijderd en het account wordt geblokkeerd.", Prohibition)
    assert p.topic == "minors" and set(p.sanctions) == {"removal", "ban"}


def test_general_termination_clause_is_a_sanction():
    [s] = clauses("We may terminate your account at any time if you breach these Terms.", Sanction)
    assert s.kinds == ("ban",)


@pytest.mark.parametrize(("sentence", "kinds"), [
    # the rule named by "such content" in the sentence before; a ban and a report to the police
    ("Accounts that post such content will be banned and we will report them to the police.", ("ban", "police")),
    ("Breaking these rules gets your account banned.", ("ban",)),  # "breaking", not only "breaks"
    ("Anyone caught doing this will have their account closed.", ("ban",)),  # the account closed, as a sanction
    ("Wie zich hier niet aan houdt, wordt geblokkeerd.", ("ban",)),  # "niet aan houdt": the verb after "aan"
])
def test_sanctions_in_the_words_terms_use(sentence, kinds):
    [s] = clauses(sentence, Sanction, url="https://site.test/terms")
    assert s.kinds == kinds


@pytest.mark.parametrize("sentence", [
    "You can close your account at any time in the settings.",  # the user's own choice
    "We may suspend the service for maintenance.",
    "Your account is closed when you delete it.",
])
def test_closing_or_suspending_without_a_breach_is_no_sanction(sentence):
    assert clauses(sentence, Sanction, url="https://site.test/terms") == []


# ------------------------------------------------------------------------------- help resources


def resources(text: str) -> list[tuple[str, str]]:
    return [(r.key, r.phone) for r in clauses(text, HelpResource)]


def test_named_resources_with_their_numbers():
    text = "Bel Meld Misdaad Anoniem via 0800-7000 of Veilig Thuis op 0800-2000. Chat met Fier via chatmetfier.nl."
    assert resources(text) == [("meld_misdaad_anoniem", "08007000"), ("veilig_thuis", "08002000"), ("fier", "")]


def test_112_counts_only_as_an_emergency_number():
    assert resources("In an emergency, call 112.") == [("emergency", "112")]
    assert resources("Article 112 applies. We are at Keizersgracht 112.") == []


def test_police_without_number_counts_only_as_advice_to_the_reader():
    assert resources("If you are a victim, you can contact the police.") == [("police", "")]
    assert resources("We report every suspicion to the police.") == []


# =============================================================================== text handling


def test_menus_cookie_banners_and_footers_are_dropped():
    text = ("Home\nAdvertenties\nZoeken\nInloggen\nPrivacyverklaring\nWij bewaren alle berichten die je stuurt zes maanden.\n"
            "Wij gebruiken cookies om de site te verbeteren.\nAccepteren\n© 2026 Site B.V. Alle rechten voorbehouden.")
    assert content_lines(text) == ["Privacyverklaring", "Wij bewaren alle berichten die je stuurt zes maanden."]


def test_lines_repeated_on_most_other_pages_are_boilerplate():
    chrome = "Volg ons op sociale media en blijf op de hoogte van nieuwe advertenties in jouw regio"
    others = [f"Pagina {n}\n{chrome}" for n in range(4)]
    lines = content_lines(f"Berichten bewaren wij zes maanden.\n{chrome}", boilerplate_from=others)
    assert lines == ["Berichten bewaren wij zes maanden."]


def test_sentences_split_but_not_at_abbreviations():
    text = "Wij bewaren o.a. berichten, bijv. chats. Zie art. 6 AVG. We keep logs, e.g. IP addresses. Done"
    assert [s.text for s in split_sentences(text)] == [
        "Wij bewaren o.a. berichten, bijv. chats.", "Zie art. 6 AVG.", "We keep logs, e.g. IP addresses.", "Done"]


def test_language_is_read_from_the_text_not_trusted_from_the_page():
    assert detect_language("Wij bewaren je berichten zes maanden en daarna worden ze verwijderd.") == "nl"
    [c] = clauses("We keep your messages for 6 months.", RetentionClause, language="nl")
    assert c.language == "en"


def test_page_kinds_from_url_and_title():
    assert pages.page_kinds("https://x.test/algemene-voorwaarden") == {"terms"}
    assert "privacy" in pages.page_kinds("https://x.test/p/1", title="Privacyverklaring")
    assert "law_enforcement" in pages.page_kinds("https://x.test/law-enforcement")


# =============================================================================== issue 13: real-policy failure classes
# Each class seen on published policies, fixed as a rule over sentences; the sentences are written here.


def test_immediate_or_as_soon_as_possible_deletion_is_no_zero_day_period():
    assert periods("We will delete your data as soon as we reasonably can.") == []
    assert periods("Wij verwijderen je gegevens zodra dat redelijkerwijs mogelijk is.") == []
    assert periods("We delete your messages right away when you ask us to.") == []
    # ... while a deletion tied to an event is still a concrete time after that event (the check catalogue)
    assert periods("We delete payment card details as soon as the transaction is complete.") == [(0, ("payment",))]


def test_processing_delay_is_not_retention():
    assert periods("It can take up to 30 days to process your opt-out request, after which we stop using your data.") == []
    assert periods("The deletion of your account may take up to 14 days to complete.") == []
    assert periods("Het verwerken van je verwijderverzoek duurt tot 30 dagen.") == []
    assert periods("We delete inactive accounts after 14 days.") == [(14, ("account",))]


def test_ages_written_with_hyphens_are_not_durations():
    assert policy.find_durations("children under-16-years-old", "en") == []
    assert periods("We do not keep accounts of children under-16-years-old.") == []


def test_calendar_months_and_compound_number_words():
    assert periods("Chat logs are stored for two calendar months.") == [(61, ("messages",))]
    assert [d.days for d in policy.find_durations("twenty-one days, one hundred and twenty days", "en")] == [21, 120]
    assert [d.days for d in policy.find_durations("vijfenveertig dagen of 30 kalenderdagen", "nl")] == [45, 30]


def test_cookie_sentence_can_state_periods_for_other_data():
    assert periods("Cookies expire after 13 months, and we keep your messages for 6 months.") == [(183, ("messages",))]
    assert periods("Our cookies are stored for 13 months.") == []
    assert periods("Analytische cookies verlopen na 2 jaar; je chatberichten bewaren wij 30 dagen.") == [(30, ("messages",))]


def test_device_identifiers_and_log_data_are_logs_and_kinds_stay_apart():
    assert periods("We keep device identifiers and log data for 90 days, and copies of your ID document for "
                   "30 days.") == [(90, ("logs",)), (30, ("verification",))]


def preserved(text: str) -> list[tuple[str, int | None]]:
    return [(c.trigger, c.period.days if c.period else None) for c in clauses(text, PreservationClause)]


def test_keeping_for_investigations_is_preservation_whatever_the_verb():
    assert preserved("We retain the content of banned accounts for one year to answer a judicial request.") == [
        ("default", 365)]
    assert preserved("After a ban, we store your account details for 12 months for safety.") == [("default", 365)]
    assert preserved("Na een blokkade bewaren wij je gegevens 12 maanden voor onderzoek door de politie.") == [
        ("default", 365)]
    assert preserved("We keep reported messages for investigations.") == [("default", None)]


def test_negation_inside_the_sentence_does_not_undo_preservation():
    assert preserved("We keep, without sharing it, a copy of the removed post for six months.") == [("default", 183)]


def test_keeping_deleted_messages_for_admins_or_keeping_the_site_safe_is_not_preservation():
    assert preserved("Deleted messages are stored for 48 hours in order to be shown in the admins' log.") == []
    assert preserved("Thank you for reporting content and keeping our community safe.") == []


def test_non_police_third_parties_are_not_the_police():
    assert modes("We do not respond to requests by non-police third parties.") == []
    assert modes("You confirm that you have the right and authority to provide the content to us.") == []


def test_refusal_needs_something_withheld():
    assert modes("Our service does not provide access to emergency services, including the police.") == []
    assert modes("We will not hand over any user data to police or other authorities.") == [("refusal", ())]


def test_notifying_users_about_a_disclosure_is_not_reporting():
    assert modes("Where required by law, we notify users if we disclose their data to law enforcement.") != [
        ("proactive", ())]


def test_proactive_reporting_as_a_list_item_without_actor():
    text = "How we enforce our rules:\n- Removing the content\n- Reporting illegal content to law enforcement"
    assert modes(text) == [("proactive", ())]


def test_recipient_far_from_the_verb():
    text = ("When we find child sexual abuse material, we report it, together with the account details of the "
            "uploader and the time it was uploaded, to the police.")
    assert modes(text) == [("proactive", ("child_exploitation",))]


def test_child_protection_hotline_is_a_recipient():
    assert modes("We report apparent child sexual abuse material to the Internet Watch Foundation hotline.") == [
        ("proactive", ("child_exploitation",))]
    assert modes("Wij melden kinderpornografisch materiaal bij Offlimits.") == [("proactive", ("child_exploitation",))]


def test_escalation_is_proactive_even_next_to_answering_requests():
    text = ("We may share your information to cooperate with law enforcement requests, escalate safety issues to "
            "law enforcement, or comply with our legal obligations.")
    assert [m for m, _ in modes(text)] == ["proactive"]
    assert [m for m, _ in modes("We engage with law enforcement through proactive notifications.")] == ["proactive"]


def test_authorities_named_indirectly():
    assert [m for m, _ in modes("We share data when we receive a legal request from competent authorities.")] == [
        "on_request"]
    assert [m for m, _ in modes("We may disclose information to respond to a court order or subpoena.")] == [
        "on_request"]
    assert [m for m, _ in modes("We may provide information to support a judicial investigation.")] != []


def test_inflections_of_prohibiting_words():
    assert topics("The platform prohibits human trafficking and will remove such ads and ban the account.") == [
        ("trafficking", True)]
    # too few function words to tell the language: the n-gram model (py3langid) says Dutch
    assert topics("Tweeklank verbiedt mensenhandel; zulke advertenties verwijderen wij.") == [("trafficking", True)]
    assert topics("We remove exploitative content involving minors and ban the account.") == [("minors", True)]


def test_sentences_glued_without_a_space_are_split():
    split = [s.text for s in split_sentences("We keep logs for 90 days.Messages are kept for 6 months.")]
    assert split == ["We keep logs for 90 days.", "Messages are kept for 6 months."]
    split = [s.text for s in split_sentences("Wij bewaren logs 90 dagen.Berichten bewaren we bijv. 6 maanden.")]
    assert split == ["Wij bewaren logs 90 dagen.", "Berichten bewaren we bijv. 6 maanden."]
    assert len(split_sentences("Visit tweakers.net.Or write to us.")) == 1  # a domain, not a stop


def test_first_table_row_in_prose_is_a_row_not_a_header():
    text = ("Logs data\tWe collect your IP address when you use the service. We delete IP addresses after 100 days.\n"
            "Usage data\tWe collect which pages you visit.")
    assert periods(text) == [(100, ("logs",))]


def test_creating_an_account_is_an_event_not_account_data():
    assert periods("Except for the IP address used to create your account, we delete IP addresses after 100 days.") == [
        (100, ("logs",))]


def test_standard_contractual_clauses_are_not_the_platform_refusing():
    text = ("The data importer agrees not to disclose the personal data requested by a public authority until "
            "required to do so under the applicable procedural rules.")
    assert modes(text) == []


def test_signing_up_for_something_is_not_posing_as_someone():
    assert topics("Wil je een vacature plaatsen, dan dien je je op te geven voor een plaatsingscontract.") == []
    assert [t for t, _ in topics("Het is verboden je uit te geven voor een ander.")] == ["third_party"]


def test_authority_named_by_its_order_far_from_the_verb():
    text = ("We access, preserve, and share your information described in this policy if we have a good-faith "
            "belief that it is necessary to: (a) respond pursuant to applicable law or regulations, legal process, "
            "or government requests; (b) enforce our terms.")
    assert [m for m, _ in modes(text)] == ["on_request"]


# =============================================================================== issue 13, second held-out set

def leads(text: str) -> list[tuple[str, str]]:
    return [(s.lead, s.text) for s in split_sentences(text)]


def test_a_bulleted_list_ends_at_the_first_line_without_a_bullet():
    text = ("You must not post any of the following:\n- adverts for weapons;\n- spam\nReporting\n"
            "- Use the report button under every post.")
    assert leads(text)[-1] == ("", "Use the report button under every post.")
    assert leads(text)[1][0] == "You must not post any of the following:"


def test_a_list_item_of_several_sentences_is_split_and_only_the_first_has_the_lead_in():
    text = "What we keep:\n- Access logs for 90 days. Messages are deleted once they are read."
    assert leads(text)[1:] == [("What we keep:", "Access logs for 90 days."), ("", "Messages are deleted once they are read.")]


def test_a_bullet_on_a_line_of_its_own_marks_the_next_line_as_an_item():
    text = ("Do not upload content that:\n-\nshows anyone under 18 years old;\n-\npromotes sex trafficking;\n"
            "Other rules apply to live streams.")
    assert sorted(t for t, _ in topics(text)) == ["minors", "trafficking"]


def test_a_list_announced_a_sentence_before_the_colon_keeps_the_rule():
    text = ("Users in the UK must not post the following types of content. These rules reflect our duties under the "
            "Online Safety Act:\n- content that facilitates human trafficking or modern slavery;")
    assert [t for t, _ in topics(text)] == ["trafficking"]


def test_warrant_the_verb_is_no_authority():
    assert modes("We do not warrant that any information provided by us is accurate or complete.") == []
    assert modes("You represent and warrant that the information you provide to us is true.") == []
    assert modes("We disclose the contents of messages only in response to a valid search warrant.") == [("on_request", ())]


def test_a_civil_claim_is_no_order_from_the_police():
    civil = "Een extra garantie die door de verkoper wordt verstrekt, beperkt nooit de rechten en vorderingen van de koper."
    assert [c.mode for c in clauses(civil, CooperationClause, "nl")] == []
    police = "Wij verstrekken gegevens alleen op een vordering van de officier van justitie."
    assert [c.mode for c in clauses(police, CooperationClause, "nl")] == ["on_request"]


def test_reporting_duties_and_false_reports_are_not_the_platform_reporting():
    assert [m for m, _ in modes("We disclose records to meet our tax reporting requirements or when served with a "
                                "valid search warrant.")] == ["on_request"]
    assert modes("We may ban users who make false reports to the police about other members.") == []


def test_a_reserved_right_to_contact_the_authorities_is_discretionary():
    assert modes("We reserve the right to contact the relevant authorities about credible threats of violence.") == [
        ("discretionary", ())]


def test_a_disclaimer_of_liability_is_no_refusal():
    text = ("We shall not be liable for sharing your information with law enforcement authorities in the fight "
            "against child sexual abuse material.")
    assert "refusal" not in [m for m, _ in modes(text)]


def test_a_negation_after_a_comma_belongs_to_the_next_verb():
    text = "We will preserve, but not disclose, a snapshot of the account records for 90 days pending legal process."
    found = clauses(text, PreservationClause)
    assert [(c.trigger, c.period.days if c.period else None) for c in found] == [("on_request", 90)]


def test_a_negation_in_another_part_of_the_sentence_is_no_refusal():
    text = "Your data is not shared with advertisers, but we may disclose it to comply with a valid legal process."
    assert modes(text) == [("on_request", ())]


def test_a_list_item_without_a_verb_takes_it_from_the_heading():
    text = ("Other cases where we may need to share your data\n"
            "- To meet any applicable law, legal process or enforceable government request.")
    assert [m for m, _ in modes(text)] == ["on_request"]


def test_an_authority_in_a_list_of_recipients_is_disclosure_on_a_legal_duty():
    text = "Other recipients\n- Regulators and public authorities, including law enforcement agencies, where required by law."
    assert [m for m, _ in modes(text)] == ["on_request"]


def test_a_list_of_what_users_do_is_not_the_platform_reporting():
    text = ("We may take action against users who:\n- report other members to the police to harass them;\n"
            "- share private photos of others.")
    assert modes(text) == []


def test_a_contact_route_offered_only_to_law_enforcement_is_for_authorities():
    text = "If you work for a law enforcement agency, please contact us using the form below to request user data."
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["authorities"]
    general = "If you have questions, please contact Imgur Help for assistance at any time."
    assert [c.kind for c in clauses(general, AuthorityContact)] == ["general"]


def test_a_period_covers_the_kinds_between_its_verb_and_itself():
    text = ("We display your profile photo, deliver your messages, and store undelivered messages on our servers for up "
            "to 30 days.")
    assert periods(text) == [(30, ("messages",))]
    assert periods("Your messages, photos and access logs are kept for 6 months.") == [(183, ("messages", "content", "logs"))]


def test_data_logged_is_log_data_and_dutch_communication_through_a_tool_is_messages():
    assert periods("All personal information logged this way is deleted after 30 days.") == [(30, ("logs",))]
    assert periods("De communicatie die via ons berichtensysteem verloopt wordt maximaal twee jaar bewaard.", "nl") == [
        (730, ("messages",))]


def test_the_term_of_a_contract_is_no_retention_period():
    text = ("Wij sturen deze informatie mee op een duurzame gegevensdrager die kan worden opgeslagen, met de vereisten "
            "voor opzegging als de overeenkomst een duur heeft van meer dan één jaar.")
    assert periods(text, "nl") == []


def test_removing_such_content_once_aware_leans_on_the_rule_before_it():
    text = ("Reviews that break the law or contain personal data are not allowed. Such reviews may be deleted as soon "
            "as we become aware of them.")
    assert periods(text) == []


def test_exploiting_minors_is_about_minors_not_trafficking():
    assert topics("Any content found to be sexualizing and exploiting minors will be removed.") == [("minors", True)]


def test_a_weak_sign_of_a_third_party_needs_a_rule_not_only_an_obligation_word():
    text = "Wij bieden digitale artikelen alleen aan via een systeem dat niet voor derden toegankelijk is."
    assert [c.topic for c in clauses(text, Prohibition, "nl")] == []
    rule = "Het is verboden advertenties te plaatsen voor derden."
    assert [c.topic for c in clauses(rule, Prohibition, "nl")] == ["third_party"]


def test_verband_is_no_ban_and_keeping_records_updated_is_no_preservation():
    assert not policy.lexicon("nl").has("sanction.ban", "in verband met de overeenkomst")
    assert policy.lexicon("nl").has("sanction.ban", "het account wordt verbannen")
    assert clauses("We investigate complaints and keep our records updated.", PreservationClause) == []
    assert clauses("We do not investigate disputes and do not receive, transfer or store any funds.",
                   PreservationClause) == []


def test_reporting_the_user_to_the_authorities_is_the_platform_reporting():
    text = "If you upload anything illegal, we will ban you, delete your images and report you to the authorities."
    assert [m for m, _ in modes(text)] == ["proactive"]
    assert modes("The arbitrator decides, except that a court has exclusive authority to enjoin an arbitration.") == []


def test_an_authority_as_the_subject_filing_requests_is_no_disclosure():
    assert modes("Competent authorities may file requests by following the instructions on our legal page.") == []


def test_data_of_a_terminated_account_kept_for_trust_and_safety_is_preservation():
    text = ("If your account is suspended or terminated, we will retain your personal data only as necessary for trust "
            "and safety and legal compliance.")
    assert [c.trigger for c in clauses(text, PreservationClause)] == ["default"]
    assert clauses("If you delete your account, we keep your e-mail address for 30 days.", PreservationClause) == []


def test_authorities_told_where_to_find_the_contact_details_have_a_route_of_their_own():
    text = ("Competent authorities of EU Member States that want to contact us under the Digital Services Act can "
            "obtain the necessary contact details from our legal representative.")
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["authorities"]


def test_sharing_your_account_with_others_is_a_third_party_rule():
    assert [t for t, _ in topics("Do not share your account with others, or sell or transfer access to it.")] == [
        "third_party"]
    assert [c.topic for c in clauses("Je mag je account niet delen met anderen.", Prohibition, "nl")] == ["third_party"]
    # "any third party" in a liability clause is no rule about who runs a profile
    assert topics("We will not be liable to you or any third party for any change to the service.") == []


def test_only_ads_about_yourself_is_the_third_party_rule_but_telling_about_yourself_is_not():
    rule = "In de rubriek Ontmoetingen zet je uitsluitend advertenties over jezelf."
    assert [c.topic for c in clauses(rule, Prohibition, "nl")] == ["third_party"]
    assert [c.topic for c in clauses("Only place personal ads about yourself.", Prohibition)] == ["third_party"]
    # an invitation to describe yourself in a profile is no rule about who runs it
    assert clauses("Je moet in je profiel iets over jezelf vertellen.", Prohibition, "nl") == []
    assert clauses("You must write a few lines about yourself when you sign up.", Prohibition) == []


def test_a_lead_in_that_says_nothing_by_itself_takes_the_sentence_before_it():
    text = ("The law requires us to remove such content, and we would remove it anyway. Examples include:\n"
            "child sexual abuse material, and content posted on behalf of terrorist organisations.")
    assert [t for t, _ in topics(text)] == ["minors"]


def test_disclosure_if_required_by_law_implies_the_authority():
    assert modes("We may disclose your personal data if required by law or to protect the safety of our users.") == [
        ("on_request", ())]
    assert modes("We share market figures with research firms as required by law or for commercial reasons.") == []
    assert modes("We may share your information with our partners as required by law.") == []


def test_statistics_of_deletion_requests_and_app_stores_are_no_retention():
    assert periods("Requests to delete: received 1,175, complied with 1,175, median response time 0.83 days.") == []
    assert periods("The subscription is bought through the stores or directly from us, whatever the method.") == []
    assert periods("Verification images are deleted directly after the check.") == [(0, ("verification",))]


def test_authorities_directed_to_a_law_enforcement_page_have_a_route_of_their_own():
    text = "We direct law enforcement agencies to our Law Enforcement Guidelines page."
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["authorities"]


def test_deactivation_after_inactivity_is_no_retention_and_crash_traces_are_logs():
    assert periods("Data retention\nWe may de-activate your account if you have not logged in for six months or more.") == []
    assert periods("Our crash reporter retains crash stack traces and device identifiers for 90 days.") == [(90, ("logs",))]


def test_deleted_content_lingering_in_backups_is_no_preservation():
    text = ("When you delete a post we delete it unless the law requires us to keep it; deleted content may persist in "
            "caches or backups for a reasonable period.")
    assert clauses(text, PreservationClause) == []


def test_reporting_a_named_crime_with_the_authority_implied_is_proactive():
    text = "If we become aware of apparent child exploitation, we will report it in compliance with applicable law."
    assert modes(text) == [("proactive", ("child_exploitation",))]
    assert modes("If you see apparent child exploitation, please report it to us right away.") == []


def test_requests_for_information_made_through_legal_process_are_disclosure_on_request():
    text = ("All requests for information or documents related to investigations must be made using the appropriate "
            "level of legal process.")
    assert [m for m, _ in modes(text)] == ["on_request"]


def test_a_service_of_process_page_under_a_heading_for_subpoenas_is_for_authorities():
    text = "Requests for Information and Subpoenas\nPlease see our Service of Process page for more information."
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["authorities"]


# =============================================================================== issue 13, eighth held-out set


def test_an_item_ending_in_a_colon_opens_a_list_of_its_own():
    text = ("To run the service we need to:\n- send you notices;\n- Members may not:\n- run a profile on behalf of "
            "another person;\n- shows, offers or promotes:\n- forced prostitution;")
    assert leads(text)[3] == ("Members may not:", "run a profile on behalf of another person;")
    assert leads(text)[-1] == ("Members may not: shows, offers or promotes:", "forced prostitution;")
    assert sorted(t for t, _ in topics(text)) == ["third_party", "trafficking"]


def test_a_heading_over_numbered_items_ends_the_list_above_it():
    text = "Members agree to:\n- keep their password secret;\n-\nClosing your account\n- You may close it at any time."
    assert leads(text)[-1] == ("", "You may close it at any time.")
    assert split_sentences(text)[-1].heading == "Closing your account"


def test_keeping_data_to_give_it_at_the_request_of_competent_authorities_is_preservation_with_its_period():
    text = ("As the law requires, we store the following and hand it over only upon the lawful request of the competent "
            "authorities:\n- the messages of users and who sent them, for one year after sending;")
    assert ("on_request", 365) in preserved(text)
    assert (365, ("messages",)) in periods(text)


def test_keeping_only_for_the_minimum_time_or_for_a_purpose_named_before_is_no_preservation():
    assert preserved("Fraud signals are used to detect and investigate cheating and kept only for the minimum amount of "
                     "time needed for that.") == []
    text = ("We keep billing records for tax purposes. The records stored for this purpose are not shown to you if "
            "that would hamper how we investigate abuse.")
    assert preserved(text) == []
    assert preserved("Reported messages are kept for investigations by the police for 90 days.") == [("default", 90)]


def test_what_someone_watched_is_activity_data_not_content_and_a_receipt_of_messages_is_no_payment():
    assert periods("We keep your video viewing history for up to two years.") == [(730, ("logs",))]
    assert periods("We keep records of the receipt and delivery of messages for six months.") == [(183, ("messages",))]
    assert periods("We keep purchase receipts for seven years.") == [(2555, ("payment",))]


def test_an_address_in_a_url_is_no_audience():
    text = "You can look up your data protection authority here: https://example.eu/justice/authorities/list.htm"
    assert clauses(text, AuthorityContact) == []  # the words of the URL named authorities and a 'justice' address
    text = "Law enforcement agencies can send requests to https://example.com/lawenforcement."
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["authorities"]


def test_misrepresenting_oneself_as_another_person_is_the_third_party_rule_but_acting_for_a_company_is_not():
    assert [t for t, _ in topics("You may not falsely represent yourself as a person you are not.")] == ["third_party"]
    assert [t for t, _ in topics("Members must not mislead others as to their identity.")] == ["third_party"]
    assert topics("You must not accept these terms on behalf of any other entity, such as a company, unless you may "
                  "bind it.") == []
    assert [t for t, _ in topics("You must not register on behalf of another person.")] == ["third_party"]


def test_a_disclaimer_of_oversight_is_no_rule_against_third_party_content():
    assert topics("We do not and cannot control all content published by third parties on the site.") == []
    assert [t for t, _ in topics("Do not post photos published by third parties without their consent.")] == ["third_party"]


def test_eligibility_stated_of_the_user_and_prohibitions_as_a_noun_are_rules():
    assert [t for t, _ in topics("By joining you affirm the following:\n- You are at least 18 years old;")] == ["minors"]
    assert [t for t, _ in topics("Our prohibitions against illegal content, including child sexual abuse material, "
                                 "also apply to direct messages.")] == ["minors"]
    assert [t for t, _ in topics("We have a zero-tolerance policy for human trafficking.")] == ["trafficking"]


def test_a_deletion_the_user_must_carry_out_is_no_retention_and_promptly_is_no_time():
    assert periods("Hosts must delete guest lists within 30 days after the event.") == []
    assert periods("You must erase such contact details once they are no longer needed, and you will confirm the "
                   "erasure within 10 days.") == []
    assert [d for d, _ in periods("We delete your guest list 30 days after the event.")] == [30]
    assert periods("We will promptly delete your profile after a request.") == []
    assert periods("We delete verification images immediately after the check.") == [(0, ("verification",))]


def test_a_forum_clause_names_no_authority_to_share_with():
    text = ("If arbitration does not apply, any judicial proceedings (other than small claims) must be brought in the "
            "courts of Utrecht, and both parties consent to venue there.")
    assert modes(text) == []
    assert [m for m, _ in modes("We do not share your data, except with judicial authorities under a court order.")] == [
        "on_request"]


def test_gaining_access_to_another_users_account_is_hacking_not_the_third_party_rule():
    assert topics("You will not gain access to (or attempt to gain access to) another user's account.") == []
    assert topics("Do not hack into someone else's account.") == []
    assert [t for t, _ in topics("Do not use another user's account.")] == ["third_party"]


def test_an_agency_relationship_disclaimer_is_no_sign_of_a_third_party():
    assert topics("These terms do not create any agency, partnership or joint venture; we may remove accounts that "
                  "break them.") == []
    assert [t for t, _ in topics("Ads placed by agencies are not allowed.")] == ["third_party"]


def test_a_bare_contact_us_with_no_route_is_no_contact():
    assert clauses("If you have any questions, please contact us.", AuthorityContact) == []
    assert [c.kind for c in clauses("You may contact us as follows: by letter or through the form below.",
                                    AuthorityContact)] == ["general"]


def test_hacking_words_bind_only_the_account_right_after_them():
    assert [t for t, _ in topics("Prohibited: doxing; stealing; impersonating; stalking.")] == ["third_party"]


def test_a_preservation_for_this_period_takes_the_period_of_the_sentence_before():
    text = ("After you close your account we keep your data for up to 6 months. We retain it for this short period so "
            "that we can help with police investigations.")
    assert preserved(text) == [("default", 183)]


def test_a_restorable_account_is_kept_for_its_grace_period_and_photo_id_is_verification_data():
    assert periods("You can restore your account within 12 months of deactivating it.") == [(365, ("account",))]
    assert periods("You can restore your account at any time.") == []
    assert periods("Photo identification is deleted as soon as the verification is complete.") == [(0, ("verification",))]


def test_sharing_to_investigate_illegal_activities_or_as_required_by_law_is_disclosure_to_unnamed_authorities():
    text = ("We may share information when needed to investigate, prevent or take action regarding illegal activities, "
            "suspected fraud or threats to anyone's safety, or as required by law.")
    assert [m for m, _ in modes(text)] == ["discretionary"]
    assert modes("We share information with our hosting provider to investigate outages, as required by our contract.") == []


def test_exploiting_distress_or_bugs_is_no_trafficking_and_third_party_software_is_no_third_party_ad():
    assert topics("We do not allow asking for donations through the exploitation of personal distress.") == []
    assert topics("Do not profit from the exploitation of bugs in the game.") == []
    assert [t for t, _ in topics("We do not allow trafficking, exploitation or forced labour.")] == ["trafficking"]
    assert topics("You will not scrape data, whether with software operated by a third party or otherwise.") == []
    assert topics("Some apps made by third parties may not offer every feature.") == []
    assert [t for t, _ in topics("Ads may not be placed by a third party.")] == ["third_party"]


def test_an_age_limit_for_viewing_and_a_heading_are_no_rules_on_minors():
    assert topics("For example, you must be at least 18 years old to view mature content.") == []
    assert [t for t, _ in topics("You must be at least 18 years old to use the service.")] == ["minors"]
    assert topics("Use of the Service by Minors and Blocked Persons") == []
    assert [t for t, _ in topics("Minors are not allowed")] == ["minors"]


def test_a_row_of_a_retention_table_is_about_the_data_its_first_cell_names():
    text = ("Data\tPurpose\tRetention\n"
            "IP address\tsend you messages and protect the content of the site\t6 months\n"
            "Chat messages\tlet you talk to other users\t30 days")
    assert periods(text) == [(183, ("logs",)), (30, ("messages",))]
    text = "Data\tPurpose\tRetention\nDate of birth\tverify your age and let you chat\taccount duration + 3 months"
    assert periods(text) == [(91, ("account",))]


def test_copies_others_make_once_something_is_shared_and_removing_empty_accounts_are_no_retention():
    assert periods("The moment you share your photos with anyone, copies of them can be made, stored and shared "
                   "outside of our service.") == []
    assert periods("Once you post a message, other users may copy or save it for 30 days.") == []
    assert periods("We delete your messages the moment you close your account.") == [(0, ("messages",))]
    assert periods("We may remove accounts with no posts after six months.") == []
    assert periods("We delete empty profiles after 90 days.") == []
    assert periods("We delete the accounts of members after six months.") == [(183, ("account",))]


def test_a_reserved_right_to_refer_a_named_crime_to_the_police_is_the_platforms_own_referral():
    text = ("The Company reserves the right to remove content, close accounts and refer violations, especially those involving "
            "child sexual abuse material, to the appropriate law enforcement authorities.")
    assert [m for m, _ in modes(text)] == ["proactive"]
    assert [m for m, _ in modes("We reserve the right to contact the police.")] == ["discretionary"]


def test_a_bare_or_conditional_contact_us_is_no_route_and_a_cloudflare_obfuscated_address_is_one():
    assert clauses("If you contact us directly, we may receive your name and e-mail address.", AuthorityContact) == []
    assert clauses("Please contact us immediately and we will remove the information.", AuthorityContact) == []
    assert [c.kind for c in clauses("By email: [email protected].", AuthorityContact)] == ["general"]
    assert [c.kind for c in clauses("Please contact us via the form on our website.", AuthorityContact)] == ["general"]


def test_the_bare_verb_prohibit_in_a_lead_in_forbids_the_items_under_it():
    text = ("To that end, we prohibit any content or behaviour relating to any of the following:\n"
            "- a. Spam and scams.\n"
            "- b. Human exploitation - e.g., human trafficking, with or without coercion.")
    assert [t for t, _ in topics(text)] == ["trafficking"]


def test_registration_data_of_a_banned_account_kept_against_re_registration_is_preservation():
    text = ("If your account is being terminated for violations of these terms, we may keep some of your registration "
            "information to prevent re-registration.")
    assert preserved(text) == [("default", None)]
    assert preserved("We may keep some of your registration information to improve the sign-up form.") == []


def test_turning_information_over_to_the_government_is_disclosure_to_authorities():
    text = "We can turn over information about you to the government if we believe such disclosure to be appropriate."
    assert [m for m, _ in modes(text)] == ["discretionary"]
    assert modes("Please bring a government-issued ID; we turn over the keys at check-in.") == []
    assert modes("We may suspend a payment to comply with any lawful order served on us by any government.") == []


def test_a_breach_notice_about_electronically_stored_data_is_no_preservation():
    text = ("We will disclose any breach of your electronically stored personal data to you without unreasonable delay, "
            "consistent with the legitimate needs of law enforcement.")
    assert preserved(text) == []
    assert preserved("Removed posts are stored for the needs of law enforcement.") == [("default", None)]


def test_use_under_18_with_parental_consent_and_content_otherwise_exploited_are_no_rules_on_minors_or_trafficking():
    text = ("If you are under 18 years of age you may use the Service only if you are an emancipated minor or possess "
            "legal parental or guardian consent.")
    assert topics(text) == []
    assert [t for t, _ in topics("If you are under 18 you may not use the Service.")] == ["minors"]
    text = ("Content on the site may not be copied, sold, licensed or otherwise exploited for any other purposes "
            "without our consent.")
    assert topics(text) == []
    assert [t for t, _ in topics("Do not post content in which people are exploited.")] == ["trafficking"]


def test_keeping_for_at_least_a_period_is_a_floor_not_a_retention_period():
    assert periods("We will keep personal information used to make a decision for at least one year.") == []
    assert periods("If you do not come online for at least 18 months, your account will be deleted.") == [(548, ("account",))]
    assert periods("We keep your messages for one year.") == [(365, ("messages",))]


def test_a_rule_to_use_your_true_identity_is_the_third_party_rule():
    text = "We want everyone to know who they are talking to, and therefore require you to use your true identity."
    assert [t for t, _ in topics(text)] == ["third_party"]
    assert topics("You can use your real name or a nickname.") == []


def test_a_floor_under_a_retention_heading_and_deletion_once_a_purpose_is_judged_spent_are_no_periods():
    text = ("Limits on Retaining Personal Information\n"
            "We will keep personal information used to make a decision affecting you for at least one year after using "
            "it to make the decision.\n"
            "We will destroy records containing personal information as soon as it is reasonable to assume that the "
            "original purpose is no longer served by retention of the information.")
    assert periods(text) == [] or all(d is None for d, _ in periods(text))
    assert periods("We delete your messages as soon as the chat is closed.") == [(0, ("messages",))]


def test_a_verb_inside_a_proper_name_is_no_report_to_the_police():
    text = ("Legal matters: we may disclose information about you if we believe in good faith that this is needed to "
            "comply with a subpoena or a law enforcement request, or to protect our members, for example through "
            "our Scam Alerts service.")
    assert [c.mode for c in clauses(text, CooperationClause)] == ["on_request"]
    assert [c.mode for c in clauses("When we find child abuse material, we Report it to the police.",
                                    CooperationClause)] == ["proactive"]
    assert [c.mode for c in clauses("How We Report Child Abuse To The Police", CooperationClause)] == ["proactive"]


def test_responding_to_a_court_order_is_cooperation_on_request():
    text = ("We may use these identifiers for purposes such as:\n\n* Measuring visits to the website\n"
            "* Meeting our legal duties, for instance answering a subpoena or responding to a court order.")
    assert [c.mode for c in clauses(text, CooperationClause)] == ["on_request"]
    assert clauses("We respond to your request within one month.", CooperationClause) == []


def test_keeping_a_service_fair_is_no_preservation():
    text = ("Why we use your data:\n\n* To keep the game fair, detect cheating and investigate fraud and illegal "
            "behaviour")
    assert clauses(text, PreservationClause) == []
    assert clauses("We keep banned accounts' data to investigate fraud.", PreservationClause) != []


def test_an_account_named_as_an_event_is_not_the_kind_kept_and_purchase_history_and_traffic_are_kinds():
    text = "Videos in an account that has been deleted are removed from our backups 60 days later."
    assert periods(text) == [(60, ("content",))]
    assert periods("Account data and order history are kept for 2 years after you close your account.") == [
        (730, ("account", "payment"))]
    assert periods("Data about internet traffic is kept for no more than 12 months.") == [(365, ("logs",))]
    assert periods("We keep your account details for 2 years.") == [(730, ("account",))]


def test_an_inquiry_form_offered_to_write_to_the_platform_is_a_general_contact():
    found = clauses("Questions about this policy can be sent to us through the following inquiry form.", AuthorityContact)
    assert [(c.kind, c.for_authorities) for c in found] == [("general", False)]
    assert clauses("This form collects your name and e-mail address.", AuthorityContact) == []
    assert clauses("We may fill in the request form on your behalf with the data you give us.", AuthorityContact) == []


def test_an_exception_to_deletion_for_preventing_violations_is_preservation_without_a_period():
    text = ("Server logs are erased after 14 days, except where:\n\n"
            "*   we need them to investigate abuse of the forum or breaches of the law.")
    found = clauses(text, PreservationClause)
    assert [(c.trigger, c.period) for c in found] == [("default", None)]
    assert clauses("Chats are deleted after 7 days, unless you pin them.", PreservationClause) == []
    assert clauses("We remove inactive listings after 60 days unless you renew them.", PreservationClause) == []
    nl = ("Logbestanden worden na 14 dagen verwijderd, tenzij we ze nodig hebben om misbruik van het platform te "
          "onderzoeken.")
    assert [c.trigger for c in clauses(nl, PreservationClause)] == ["default"]


def test_material_kept_for_authorities_to_download_is_preservation():
    text = ("Our reporting tool lets law enforcement officers download the reported images, together with the "
            "uploader's IP address.")
    assert [(c.trigger, c.period) for c in clauses(text, PreservationClause)] == [("default", None)]
    assert clauses("Users can download their own videos from the settings page.", PreservationClause) == []
    assert clauses("We help the police to find missing persons.", PreservationClause) == []
    nl = "Via dit systeem kan de politie de verwijderde foto's downloaden."
    assert [c.trigger for c in clauses(nl, PreservationClause)] == ["default"]


def test_a_sentence_announcing_the_following_cases_is_the_lead_in_of_the_items_below():
    text = ("We do not hand personal data to third parties, except in the following cases.\n\n"
            "1. When you agree to it beforehand;\n"
            "2. When the police or a court asks for it under the law.")
    items = [s for s in split_sentences(text, "en") if s.text.startswith("When")]
    assert [s.lead for s in items] == ["We do not hand personal data to third parties, except in the following cases."] * 2
    assert [c.mode for c in clauses(text, CooperationClause)] != []
    plain = "We do not hand personal data to third parties.\n\n1. When you agree to it beforehand;"
    assert [s.lead for s in split_sentences(plain, "en") if s.text.startswith("When")] == [""]


def test_information_on_the_users_who_acted_is_account_data():
    text = ("The operator keeps the texts and images users send, and information on the users who sent them, for "
            "six months after sending.")
    assert [sorted(k) for _, k in periods(text)] == [["account", "content"]]
    assert [k for _, k in periods("We keep the images users send for six months.")] == [("content",)]


# ------------------------------------------------------------------------------- round 12: classes of first-run misses
# The misses of the eleven first runs on new sets fall into a few classes; the three largest are written out here as
# sentences of our own, in the ways real policies phrase them, English and Dutch, each with sentences that must stay
# silent. Each class is handled by a rule over the sentence's structure, not by one phrase per miss.


DISCLOSED_ON_A_LEGAL_DUTY = [  # class 1: data handed over on a legal duty or legal process, the authority left unsaid
    "Your personal information may be disclosed where the law requires it.",
    "Account details may be accessed and disclosed if and as required by legal procedures.",
    "We release personal information when we believe release is appropriate to comply with the law.",
    "We will hand over your data if we are legally obliged to.",
    "We never share your information with anyone, except where the law requires us to.",
    "Information about you may be released in response to a subpoena.",
    "We may provide your account records when we must do so to comply with a court order.",
    "We will not pass on your personal data unless we are legally required to do so.",
    "We delen je gegevens niet met derden, behalve als de wet dit vereist.",
    "We delen jouw gegevens niet met anderen, behalve wanneer dat technisch nodig is of wanneer de wet dat vereist.",
    "Uw persoonsgegevens kunnen worden verstrekt wanneer wij daartoe wettelijk verplicht zijn.",
    "Wij geven je gegevens alleen door als een gerechtelijk bevel ons daartoe verplicht.",
]
NOT_DISCLOSED_ON_A_LEGAL_DUTY = [
    "We share your personal data with our advertising partners as permitted by law.",
    "We keep your data as long as the law requires.",
    "We do not disclose your personal information to third parties.",
    "We provide the service as required by law.",
    "If you are legally required to disclose your password, tell us first.",
    "We delen je gegevens met onze hostingpartij, zoals de wet toestaat.",
    "Wij bewaren je gegevens zo lang de wet dat vereist.",
    "We will transfer your personal information to our affiliates where the law allows it.",
]


@pytest.mark.parametrize("text", DISCLOSED_ON_A_LEGAL_DUTY)
def test_data_handed_over_on_a_legal_duty_is_disclosure_on_request_to_authorities_left_unsaid(text):
    assert [m for m, _ in modes(text)] == ["on_request"], text


@pytest.mark.parametrize("text", NOT_DISCLOSED_ON_A_LEGAL_DUTY)
def test_sharing_with_named_others_keeping_and_refusing_are_no_disclosure_on_a_legal_duty(text):
    assert modes(text) == [], text


PRESERVED_BY_IMPLICATION = [  # class 2: removed content kept out of sight (or after a ban)
    "Removing a post from a thread does not permanently delete it.",
    "When moderators remove a post, it is hidden from other members but kept on our servers.",
    "Deleted messages are not permanently erased, and our staff can still see them.",
    "Even if a listing is \"deleted\", our moderators may still see what was removed from public view.",
    "We may remove posts that break the rules; the post is kept, but hidden from all members.",
    "Removed comments are hidden from public view rather than deleted.",
    "We may retain your information after the termination of your account where needed to detect and deter fraud or "
    "abuse of the service.",
    "Deleted listings stay visible to our moderators.",
    "Wij mogen berichten die tegen de regels ingaan verwijderen; het bericht wordt bewaard, maar verborgen voor alle leden.",
    "Een verwijderd bericht wordt niet definitief gewist; moderators kunnen het nog inzien.",
    "Verwijderde reacties blijven bewaard, maar zijn niet meer zichtbaar voor andere leden.",
    "Een verwijderde advertentie blijft zichtbaar voor onze moderators.",
]
NOT_PRESERVED_BY_IMPLICATION = [
    "You can delete your posts at any time; we store your posts on servers in the EU.",
    "Removed content is deleted immediately and permanently.",
    "When you delete a post, it may persist in backups for a short time.",
    "After the termination of your account we keep invoices for tax purposes.",
    "We keep logs to detect and prevent fraud.",
    "You can hide a post from other members, and you can still see it in your archive.",
    "Verwijderde berichten worden direct en definitief gewist.",
    "Je kunt je berichten verbergen voor andere leden.",
    # a user's own closure and the common list of purposes ("disputes, fraud and abuse") are retention, not preservation
    "Following the closure of your account, we keep some of your data to prevent abuse of our services.",
    "Na het opzeggen van je account bewaren we sommige gegevens om misbruik van de dienst te voorkomen.",
]


@pytest.mark.parametrize("text", PRESERVED_BY_IMPLICATION)
def test_removed_content_kept_out_of_sight_is_preservation(text):
    assert [p for _, p in preserved(text)] == [None], text


@pytest.mark.parametrize("text", NOT_PRESERVED_BY_IMPLICATION)
def test_deleting_for_good_backups_tax_records_and_the_users_own_hiding_are_no_preservation(text):
    assert preserved(text) == [], text


ROUTES = [  # class 3: a route given in a form the address patterns missed
    "By email at the following address: contact [at] example.net",
    "Write to privacy (at) example (dot) com with any questions.",
    "Questions? Mail info[at]voorbeeld[dot]nl.",
    "Contact us on Telegram at @examplesupport.",
    "You can reach the moderators on Discord via @modteam.",
    "Je kunt in het Nederlands of Engels contact opnemen met @beheerder.",
    "Vragen? Stuur een bericht naar @forumbeheer.",
    "Mail ons op info@voorbeeld.nl.",
    "Neem contact met ons op via het contactformulier.",
    "Please contact us via the form on our website.",
]
NO_ROUTES = [
    "If you have any questions, please contact us.",
    "Heb je vragen, neem dan contact met ons op.",
    "Follow us @example for news and updates.",
    "Users can mention each other with @username in comments.",
    "The sender's address is shown as name [at] domain to other users.",
    "Als je vragen hebt, neem contact met ons op.",
]


@pytest.mark.parametrize("text", ROUTES)
def test_obfuscated_addresses_and_messenger_handles_to_contact_are_general_routes(text):
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["general"], text


@pytest.mark.parametrize("text", NO_ROUTES)
def test_a_bare_contact_us_a_follow_handle_and_a_mention_are_no_routes(text):
    assert clauses(text, AuthorityContact) == [], text


def test_anonymous_and_usage_data_are_log_data_not_data_in_general():
    assert periods("We may retain the anonymous user data we collect on the site for up to nine (9) months.") == [
        (274, ("logs",))]
    assert periods("Usage statistics are kept for 14 months.") == [(426, ("logs",))]
    assert periods("Anonieme gebruiksgegevens bewaren we 26 maanden.", "nl") == [(791, ("logs",))]
    assert periods("We keep your data for nine months.") == [(274, ("general",))]
    # a two-cell row whose first cell only heads it ("DATA RETENTION") is about the data its text names
    text = ("Topic\tOur practice\nDATA RETENTION\tWe may retain the anonymous user data we collect on the Site for up to "
            "nine (9) months from the date of its collection.")
    assert periods(text) == [(274, ("logs",))]


# ------------------------------------------------------------------ holdout13 classes (sentences of our own)


def test_sharing_another_persons_personal_data_is_a_privacy_rule_not_the_third_party_rule():
    assert topics("Do not post personal information of yourself or others without consent.") == []
    assert topics("Never share private details about other people, such as their home address.") == []
    assert topics("Zet geen telefoonnummers of andere persoonsgegevens van jezelf of anderen op het forum.") == []
    assert topics("Plaats geen privégegevens van anderen zonder hun toestemming.") == []
    # the third-party rule itself stays
    assert [t for t, _ in topics("Plaats alleen advertenties van jezelf.")] == ["third_party"]
    assert [t for t, _ in topics("Do not post personal information of others or impersonate them.")] == ["third_party"]
    assert [t for t, _ in topics("Advertise only yourself; ads for other people are removed.")] == ["third_party"]
    assert [t for t, _ in topics("Do not fill in profiles with personal details for someone else.")] == ["third_party"]


def test_an_adult_area_open_only_to_members_of_eighteen_or_older_is_an_age_limit_for_viewing():
    assert topics("Expliciete content mag alleen in het daarvoor bestemde kanaal en uitsluitend voor leden van 18 jaar "
                  "of ouder.") == []
    assert topics("NSFW posts are only allowed in the marked channel, which is open only to members aged 18 or over.") == []
    assert topics("Geen schokkende content die ongeschikt is voor minderjarigen.") == []
    assert topics("Do not share content that is unsuitable for children or minors.") == []
    # a rule on minors themselves stays
    assert [t for t, _ in topics("Leden moeten 18 jaar of ouder zijn; profielen van minderjarigen worden verwijderd.")] == [
        "minors"]
    assert [t for t, _ in topics("Sexual content involving anyone under 18 is not allowed.")] == ["minors"]
    assert [t for t, _ in topics("The service is only for users of 18 or older.")] == ["minors"]


def test_keeping_a_community_strong_or_maintaining_the_service_is_no_keeping_of_data():
    text = "Help us keep the community strong:\n\n* We may work with the police when someone is in danger."
    assert clauses(text, PreservationClause) == []
    assert clauses("Houd de community positief: wij werken samen met de politie bij gevaar.", PreservationClause, "nl") == []
    assert clauses("We use data to run and maintain the platform; and to investigate conduct that breaks our rules.",
                   PreservationClause) == []
    # keeping data for investigations stays preservation
    assert clauses("We maintain records of removed posts to investigate abuse.", PreservationClause) != []
    assert clauses("We keep the community's reports to investigate abuse.", PreservationClause) != []


def test_a_rule_telling_users_what_not_to_share_is_no_refusal_to_cooperate():
    text = ("Do not share claims that contradict advice from public health authorities. When we find child abuse "
            "material, we report it to the police.")
    assert [m for m, _ in modes(text)] == ["proactive"]
    assert [m for m, _ in modes("You may not share content that misrepresents statements of government authorities.")] == []
    assert [m for m, _ in modes("Deel geen berichten die adviezen van de autoriteiten tegenspreken.")] == []
    # the platform refusing stays a refusal
    assert [m for m, _ in modes("We do not share your data with the police.")] == ["refusal"]
    assert [m for m, _ in modes("Wij geven geen gegevens aan de politie.")] in (["refusal"], [])


def test_minors_named_as_the_audience_of_a_porn_ban_are_no_rule_on_minors():
    assert topics("Nudity is not allowed here (young players use this site too).") == []
    assert topics("Geen naaktfoto's: ook kinderen bezoeken dit forum.") == []
    assert topics("Explicit material is forbidden because minors use the chat.") == []
    assert [t for t, _ in topics("Explicit material showing minors is forbidden.")] == ["minors"]
    assert [t for t, _ in topics("Profielen van minderjarigen zijn niet toegestaan.")] == ["minors"]


def test_stored_chats_read_to_help_enforce_the_law_are_kept_for_investigations_and_shared_on_request():
    text = "We store chat logs and will only read them when someone reports a message or to help enforce the law."
    assert preserved(text) == [("default", None)]
    assert [m for m, _ in modes(text)] == ["on_request"]
    assert [m for m, _ in modes("Berichten worden alleen ingezien om te helpen bij de handhaving van de wet.")] == [
        "on_request"]
    # enforcing the platform's own rules is no help to the authorities
    assert modes("Moderators help enforce our community rules and keep the chat friendly.") == []
    assert preserved("Moderators help enforce our community rules and keep the chat friendly.") == []
    assert preserved("We keep chat logs.") == []


def test_the_companys_street_address_given_with_the_contract_is_a_general_route():
    text = ("This agreement is made between you and Example Chat, Inc., a company located at 120 Harbour Way, Springfield, "
            "Oregon 97477.")
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["general"]
    nl = "Deze voorwaarden gelden tussen jou en Voorbeeld B.V., gevestigd aan de Stationsstraat 12, 3511 AB Utrecht."
    assert [c.kind for c in clauses(nl, AuthorityContact, "nl")] == ["general"]
    # a place without a street, or an age, a date or a count, is no address
    assert clauses("The company is located in Oregon and founded in 2001.", AuthorityContact) == []
    assert clauses("Our servers are located at 3 data centres in Europe.", AuthorityContact) == []


def test_a_user_rule_elsewhere_in_the_sentence_does_not_undo_the_platforms_refusal():
    assert [m for m, _ in modes("You may not post spam, and we will not share your messages with the police.")] == [
        "refusal"]


def test_rates_counts_within_a_window_and_look_back_windows_are_no_retention():
    # a rate: how often or how long per day or week, not how long anything is kept
    assert periods("Our moderators work 24 hours a day, 7 days a week to review and remove flagged posts.") == []
    assert periods("Het team werkt 24 uur per dag, 7 dagen per week aan het verwijderen van meldingen.", "nl") == []
    # a count of times within a window, under a heading about deleting
    assert periods("Your rights to access or delete\nYou can ask for a copy at most twice within any 12-month period.") == []
    assert periods("Je kunt tweemaal binnen een jaar om verwijdering van je gegevens vragen.", "nl") == []
    # a look-back window: what a post may be about, not how long it is kept
    assert periods("Reviews may only describe jobs you have held within the last five years.") == []
    assert periods("Bewaar alleen berichten over banen in de afgelopen twee jaar.", "nl") == []
    # a job or an event someone held is no data held
    assert periods("Tell us about the positions held by you in the previous 3 years.") == []
    # real periods stay
    assert periods("We keep chat messages for 30 days and delete access logs after 12 months.") == [
        (30, ("messages",)), (365, ("logs",))]
    assert periods("Berichten bewaren we 90 dagen.", "nl") == [(90, ("messages",))]
    assert periods("We hold your account details for two years after you close your account.") == [(730, ("account",))]


def test_exploiting_a_work_or_coercing_a_review_is_no_trafficking():
    assert topics("You may not copy, resell or make any other unauthorized exploitation of the materials on this site.") == []
    assert topics("We take down reviews when members were paid or coerced into posting the review.") == []
    assert topics("Coerced ratings are not allowed and will be removed.") == []
    assert topics("Recensies die onder druk zijn geschreven, verwijderen we.") == []
    # people exploited or coerced stay trafficking
    assert [t for t, _ in topics("Do not coerce anyone into sex work; we ban such accounts.")] == ["trafficking"]
    assert [t for t, _ in topics("The exploitation of people and forced labour are prohibited.")] == ["trafficking"]
    assert [t for t, _ in topics("Gedwongen prostitutie is verboden.")] == ["trafficking"]


def test_childrens_privacy_is_no_rule_on_minors():
    assert topics("Do not share identifiable photos of children (yours or others').") == []
    assert topics("Plaats geen herkenbare foto's of persoonlijke informatie van kinderen (van jezelf of anderen).") == []
    assert topics("Niet toegestaan: foto's van kinderen (van jezelf of anderen).") == []
    # sexual content of minors stays a rule on minors, however it is worded
    assert [t for t, _ in topics("Do not post identifiable sexual images of children.")] == ["minors"]
    assert [t for t, _ in topics("Naaktfoto's van minderjarigen zijn verboden.")] == ["minors"]


def test_a_rule_that_opens_a_list_item_carries_to_the_sentence_that_spells_it_out():
    text = ("We may remove channels that break these rules:\n"
            "- Do not scam people. This covers content that deceives, impersonates or misrepresents who you are.")
    assert [t for t, _ in topics(text)] == ["third_party"]
    # an item that opens with no rule gives the sentence after it none to spell out
    assert topics("Channels can share the following:\n- Parody accounts. This covers content that impersonates "
                  "famous voices for fun.") == []


def test_a_sub_heading_between_bulleted_items_keeps_the_lists_lead_in():
    text = ("We remove content that offers or promotes:\n- Stolen goods\n- Weapons\n"
            "Exploitative labour practices\n- Human trafficking and forced labour")
    assert [t for t, _ in topics(text)] == ["trafficking"]
    # a paragraph under the heading ends the list: its items have their own lead-in or none
    text = ("We remove content that offers or promotes:\n- Stolen goods\nAbout us\nWe are a small team.\n"
            "- Human trafficking research")
    assert topics(text) == []


def test_a_companys_ethics_or_whistleblower_hotline_is_no_reporting_centre():
    assert modes("Hosts may link to their ethics and compliance hotline in a reply.") == []
    assert modes("Staff can raise concerns through our whistleblower hotline.") == []
    assert modes("Medewerkers kunnen de integriteitshotline bellen.") == []
    # a child-protection hotline stays a recipient of reports
    assert [m for m, _ in modes("We report child sexual abuse material to the national hotline.")] == ["proactive"]


def test_a_sentence_broken_over_lines_is_read_whole():
    text = ("We may keep, preserve and hand over your\nAccount details when the police send us\n"
            "a court order or a subpoena.")
    assert [s.text for s in split_sentences(text, "en")] == [
        "We may keep, preserve and hand over your Account details when the police send us a court order or a subpoena."]
    assert preserved(text) == [("on_request", None)]
    text = "Find the contact details of the data\nprotection authorities of your country here: https://dpa.example/list"
    assert not any(c.for_authorities for c in clauses(text, AuthorityContact))  # the regulators' own list, no route to us
    assert [s.text for s in split_sentences("Wij bewaren je berichten voor\nde duur van 30 dagen.", "nl")] == [
        "Wij bewaren je berichten voor de duur van 30 dagen."]
    # headings, items and finished sentences stay lines of their own
    assert [s.text for s in split_sentences("Our rules\nBe kind.\n- no spam\n- no scams", "en")] == [
        "Our rules", "Be kind.", "no spam", "no scams"]


def test_accounts_a_check_keeps_out_are_no_account_data():
    text = ("We may ask for a selfie to keep out impostor accounts. The selfies are deleted as soon as they are "
            "reviewed.")
    assert periods(text) == [(0, ("verification",))]
    assert periods("We delete fake accounts and spam accounts within 24 hours of detection.") in ([], [(1, ("general",))])
    assert periods("We delete your account data 30 days after you close your account.") == [(30, ("account",))]


def test_data_in_general_wiped_at_the_accounts_end_is_account_data():
    assert periods("Bij opheffing van je account worden al je gegevens binnen 30 dagen gewist.", "nl") == [
        (30, ("account",))]
    assert periods("Everything we hold about you is erased within 60 days of closing your account.") == [(60, ("account",))]
    # a period that does not run from the account's end stays a period for data in general
    assert periods("We erase your personal data within 30 days of your request.") == [(30, ("general",))]
    assert periods("We keep your information for two years.") == [(730, ("general",))]


def test_lower_case_items_of_a_list_without_bullets_stay_apart():
    # a page's text has no bullets: the items after a lead-in are lines of their own
    text = "You must not post content that:\nis unlawful or harmful to anyone in any way\npromotes forced prostitution"
    assert [s.text for s in split_sentences(text, "en")] == [
        "You must not post content that:", "is unlawful or harmful to anyone in any way", "promotes forced prostitution"]


def test_as_soon_as_reasonably_anything_is_a_manner_not_an_event():
    # an adverb of judgement right after "as soon as" names no event, however the phrase goes on (or is misspelt)
    for text, lang in (("Data of closed profiles is erased as soon as reasonably possibly after the profile is closed.", "en"),
                       ("We remove your listings as soon as reasonably practicable after you leave.", "en"),
                       ("Je gegevens wissen we zodra redelijkerwijs mogelijk na opzegging.", "nl")):
        assert all(days is None for days, _ in periods(text, lang)), text
    # a real event after "as soon as" stays a period at that event
    assert periods("Scans of your ID card are deleted as soon as the check is complete.") == [(0, ("verification",))]


def test_a_report_named_as_what_a_users_act_brings_about_is_the_platforms_own():
    text = ("Trading sexual images of minors will result in a permanent ban, removal of the images, and reporting to the "
            "authorities.")
    assert [m for m, _ in modes(text)] == ["proactive"]
    assert [m for m, _ in modes("Grooming children leads to account closure and referral to law enforcement.")] == [
        "proactive"]
    assert [m for m, _ in modes("Kinderporno delen leidt tot een ban en aangifte bij de politie.")] == ["proactive"]
    # a consequence with no report in it, or the user told to report, is none
    assert modes("Scamming other buyers leads to a ban.") == []
    assert modes("Late payment can result in a closed account; you may report fraud to the police.") == []


def test_handing_over_an_accounts_login_is_the_account_rule():
    assert [t for t, _ in topics("You must not share your username and password with any other person.")] == [
        "third_party"]
    assert [t for t, _ in topics("Never give your login details to anyone else; we close accounts that do.")] == [
        "third_party"]
    assert [t for t, _ in topics("Deel je wachtwoord nooit met anderen, anders blokkeren we je account.")] == ["third_party"]
    # the platform sharing a user name, or advice on a strong password, is no rule
    assert topics("We share your login details with third parties to verify your identity.") == []
    assert topics("Keep your password safe and choose a strong one.") == []


def test_data_kept_past_a_deletion_to_investigate_violations_or_of_suspended_accounts_is_preservation():
    # an exception to a deletion, "except for" what an investigation of rule breaking needs
    text = ("When you close your profile we erase everything we hold, except for records needed to investigate "
            "cheating and breaches of our game rules.")
    assert preserved(text) == [("default", None)]
    # sanctioned accounts named with another adjective ("suspended or inactive accounts")
    assert preserved("We may keep data of suspended or inactive accounts to enforce our terms.") == [("default", None)]
    # an exception for tax records, or accounts that are merely inactive, keeps nothing for investigations
    assert preserved("We delete all your data after 30 days, except for invoices we must keep for tax purposes.") == []
    assert preserved("We may keep data of active or inactive accounts for analytics.") == []
    # keeping illegal and abusive content off the site is taking it down, not keeping it
    assert preserved("Our moderators protect users by keeping unlawful, hateful and abusive content off the platform.") == []
    assert preserved("We keep removed or reported content for 90 days.") == [("default", 90)]


def test_the_authorities_request_route_under_a_preservation_heading_is_preservation_on_request():
    text = "Requests for user data or preservation\n\nPolice may send legal requests to legal@chat.test."
    assert preserved(text) == [("on_request", None)]
    assert preserved("Verzoeken om gegevens of veiligstelling\n\nDe politie kan een vordering sturen naar "
                     "juridisch@chat.test.") == [("on_request", None)]
    # a request route under a heading without preservation, or a heading with it over no request, is none
    assert preserved("Requests for account data\n\nPolice may send legal requests to legal@chat.test.") == []
    assert preserved("Preserving the community\n\nPlease be kind to each other.") == []


def test_traffic_between_machines_is_logs_and_tax_related_data_is_payment_data():
    assert periods("We delete technical logs such as records of communication between products within 45 days.") == [
        (45, ("logs",))]
    assert periods("Tax-related data is kept for ten years.") == [(3650, ("payment",))]
    # people's communication stays messages
    assert periods("We delete records of communications between users after 45 days.") == [(45, ("messages",))]


def test_contacting_customer_service_named_without_an_article_is_a_general_route():
    text = "No report button? Click here to open our support centre and contact customer service."
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["general"]
    assert [c.kind for c in clauses("Vragen? Neem contact op met de klantenservice.", AuthorityContact, "nl")] == ["general"]
    # staff the platform contacts, or a bare "contact us", is no route
    assert clauses("We contact support staff in other countries.", AuthorityContact) == []
    assert clauses("Please contact us.", AuthorityContact) == []


# ------------------------------------------------------------------------------- round ten: tables, headings, duties


def test_a_retention_table_row_for_removed_or_reported_material_is_its_preservation():
    row = ("Door ons verwijderde of gemelde berichten, en het account dat ze plaatste: 9 maanden na ons besluit; "
           "langer als de politie erom vraagt")
    [kept] = clauses(row, PreservationClause, "nl")
    assert kept.period.days >= 270 and kept.trigger == "default"
    # a row about other data that only mentions abuse material in its purpose column preserves nothing
    other = ("E-mail address: to comply with our legal obligations, such as blocking illegal material and helping "
             "the police; 2 years from account closure")
    assert clauses(other, PreservationClause, "en") == []


def test_a_sanction_under_a_heading_that_names_the_breach_counts():
    text = "What we do if you break these rules\n\nWe take the post down, and we may close your account for good."
    [s] = clauses(text, Sanction, "en", url="https://site.test/terms")
    assert set(s.kinds) == {"removal", "ban"}
    assert clauses("Opening hours\n\nWe take the post down, and we may close your account for good.", Sanction, "en",
                   url="https://site.test/terms") == []


def test_closing_an_account_and_making_a_police_report_in_dutch_word_order_are_sanctions():
    text = ("Wie een minderjarige benadert met seksuele bedoelingen: daarvan sluiten we het account en doen we melding "
            "bij de politie.")
    [p] = clauses(text, Prohibition, "nl", url="https://site.test/voorwaarden")
    assert p.topic == "minors" and {"ban", "police"} <= set(p.sanctions)


def test_disclosure_to_third_parties_on_a_legal_duty_is_disclosure_to_the_authorities_on_request():
    assert modes("We may pass information to third parties when the law requires us to do so.") == [("on_request", ())]
    # partners chosen by the platform, or a permission rather than a duty, are not authorities
    assert modes("We may pass your data to third parties and partners as permitted by law.") == []
    assert modes("We may pass your data to our advertising partners when the law requires us to do so.") == []


def test_another_companys_transfers_to_third_parties_are_not_the_platforms_disclosure():
    assert modes("An analytics company may pass this information to third parties when the law requires it.") == []


# Round eleven (indie11): handing over restricted to third parties, one of the conditions a legal duty, the object
# left to the section heading (a sentence privacy-policy generators write for many small Dutch sites).
ONLY_TO_THIRD_PARTIES_ON_A_LEGAL_DUTY = [
    "De vereniging verstrekt uitsluitend aan derden en alleen als dit nodig is voor het uitvoeren van het lidmaatschap "
    "of om te voldoen aan een wettelijke verplichting.",
    "Wij geven alleen aan derden door wanneer dat nodig is voor onze dienst of als de wet dat vereist.",
    "The club provides only to third parties where needed to run your membership or to meet a legal obligation.",
]
NOT_ONLY_TO_THIRD_PARTIES_ON_A_LEGAL_DUTY = [
    "De vereniging verstrekt uitsluitend aan derden als dit nodig is voor het uitvoeren van het lidmaatschap.",
    "Wij verstrekken nooit gegevens aan derden.",
    "We share only with third parties that help us run the website.",
]


@pytest.mark.parametrize("text", ONLY_TO_THIRD_PARTIES_ON_A_LEGAL_DUTY)
def test_handing_over_only_to_third_parties_with_a_legal_duty_among_the_conditions_is_disclosure_on_request(text):
    assert [m for m, _ in modes(text)] == ["on_request"], text


@pytest.mark.parametrize("text", NOT_ONLY_TO_THIRD_PARTIES_ON_A_LEGAL_DUTY)
def test_handing_over_to_third_parties_without_a_legal_duty_is_no_disclosure_on_request(text):
    assert modes(text) == [], text


# holdout16: a report made by someone else, a report named as a noun, a court's order as the condition of a disclosure,
# and the platform's own page for law enforcement named in a sentence.
REPORTED_BY_SOMEONE_ELSE = [
    "If a buyer has been defrauded and the buyer reports it to the police, we will share the seller's details with the "
    "police upon request.",
    "When you report a stolen bike to the police, we give the officers the listing data on request.",
    "Als het slachtoffer aangifte doet bij de politie, verstrekken wij de gegevens van de verhuurder op verzoek.",
]


@pytest.mark.parametrize("text", REPORTED_BY_SOMEONE_ELSE)
def test_a_report_to_the_police_made_by_someone_else_is_not_the_platforms_own_report(text):
    assert [m for m, _ in modes(text)] == ["on_request"], text


def test_the_platform_reporting_after_a_users_complaint_is_still_its_own_report():
    # the subject of the report is the platform; a user only appears as the one who complained
    text = "After a member complains, we report suspected grooming of minors to the police."
    assert [m for m, _ in modes(text)] == ["proactive"]


def test_reports_named_as_documents_are_no_reporting_to_authorities():
    text = ("These reports list the measures we take on our own initiative or in response to requests from the police "
            "and other authorities.")
    assert "proactive" not in [m for m, _ in modes(text)]


def test_data_provided_on_a_lawful_order_from_a_court_is_disclosure_on_request():
    text = "We can be required to hand over your account details upon a valid order from a competent court."
    assert [m for m, _ in modes(text)] == ["on_request"]
    # an order the user places in a shop is no legal process
    assert modes("We provide your account details to the courier after you place an order.") == []


def test_the_platforms_law_enforcement_guidelines_named_in_a_sentence_are_a_route_for_authorities():
    text = ("Police officers may ask us for data in an emergency, following the steps set out in our Law Enforcement "
            "Guidelines.")
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["authorities"]
    # guidelines on a subject other than law enforcement are no route
    assert clauses("Police officers may read our Community Guidelines like anyone else.", AuthorityContact) == []


def test_a_period_in_a_list_lead_in_holds_for_the_kinds_its_items_name():
    text = ("When you visit, we record a few details from your browser and hold them for up to 14 days:\n\n"
            "* the IP address you connect from\n* the pages you opened\n\nNone of it is sold.")
    found = {(c.duration.days, k) for c in clauses(text, RetentionClause) if c.duration.days for k in c.data_kinds}
    assert (14, "logs") in found
    # a lead-in with no keeping verb gives no period to its items
    text = "Within the first 14 days of signing up we ask for:\n\n* the IP address you connect from\n"
    assert [c for c in clauses(text, RetentionClause) if c.duration.days] == []


def test_an_item_of_what_a_rules_pages_ban_covers_is_a_prohibition():
    text = ("You may not trade anything unlawful here. Services covered by this policy include, among others:\n\n"
            "* escort services\n* sex trafficking\n* fake passports\n")
    assert "trafficking" in [t for t, _ in topics(text)]
    # a list of what a policy covers that names no conduct is no ban
    assert topics("Accounts covered by this policy include those of people helping sex trafficking victims.") == []


def test_a_copy_deleted_once_it_has_been_checked_is_kept_until_that_check():
    text = "Once our team has checked your passport photo, we mark your profile as verified and the photo is deleted."
    found = [(c.duration.days, c.data_kinds) for c in clauses(text, RetentionClause) if c.duration.days is not None]
    assert found and found[0][0] == 0 and "verification" in found[0][1]
    # "once" before an event that is no check gives no period ("once you close your account" is the usual opener of a
    # retention sentence, and the period is the one it states)
    text = "Once you close your account, we keep your messages for 30 days."
    assert [c.duration.days for c in clauses(text, RetentionClause) if c.duration.days is not None] == [30]


# ------------------------------------------------------------------------------- holdout17 classes (sentences of our own)


@pytest.mark.parametrize("text", [
    "Please be aware that you cannot contact the police or other emergency services through our app.",
    "Keep in mind that you cannot reach the police or an ambulance through the chat.",
    "You can't call emergency services or law enforcement from inside the game.",
    "Je kunt de politie niet via onze app bellen.",
])
def test_what_the_reader_cannot_do_with_the_police_is_no_report_by_the_platform(text):
    assert [m for m, _ in modes(text) if m == "proactive"] == [], text


def test_the_platform_still_reports_when_it_says_so():
    assert [m for m, _ in modes("We report suspected grooming of minors to the police ourselves.")] == ["proactive"]


@pytest.mark.parametrize("text", [
    "If we delete your listing after the sale has started, you will compensate us for any claims from a third party "
    "that result.",
    "We may remove the item, and you hold us harmless against all damages and complaints by third parties.",
])
def test_claims_of_a_third_party_are_liability_not_ads_placed_by_someone_else(text):
    assert [t for t, _ in topics(text) if t == "third_party"] == [], text


def test_listings_placed_by_a_third_party_are_still_the_third_party_rule():
    assert "third_party" in [t for t, _ in topics("Listings placed by a third party will be removed.")]


@pytest.mark.parametrize("text", [
    "If you are a police officer, please follow the instructions outlined here.",
    "If you work for a law enforcement agency, see the procedure described on this page.",
])
def test_authorities_sent_to_the_steps_of_a_page_have_a_route_of_their_own(text):
    assert [c.kind for c in clauses(text, AuthorityContact)] == ["authorities"], text


def test_steps_for_anyone_else_are_no_route_for_authorities():
    assert [c.kind for c in clauses("If you are a new member, please follow the steps outlined here.",
                                    AuthorityContact) if c.kind == "authorities"] == []


@pytest.mark.parametrize("text", [
    "For safety and security purposes, such as stopping spam bots, we may keep device identifiers for up to a year after "
    "you delete your account.",
    "Selfies are stored for troubleshooting and for anti-fraud and safety purposes for up to 5 days.",
    "We may keep your data after a deletion request to exercise our rights, including in judicial or arbitration "
    "proceedings.",
])
def test_safety_as_a_common_purpose_and_legal_claims_are_no_preservation(text):
    assert preserved(text) == [], text


@pytest.mark.parametrize("text", [
    "If we suspend an account for safety reasons, we may keep some of its data to stop the person from signing up "
    "again.",
    "Names of people who registered for a meetup are kept without end so that we can respond to harassment reports.",
])
def test_data_of_a_sanctioned_account_kept_for_safety_or_kept_to_handle_reports_is_preservation(text):
    assert preserved(text), text


def test_personally_identifying_information_handed_over_only_when_the_law_requires_is_disclosure_on_request():
    text = ("Apart from our volunteers and contractors, the association discloses personally identifiable information "
            "only when required to do so by law.")
    assert [m for m, _ in modes(text)] == ["on_request"]


@pytest.mark.parametrize("text, days, kind", [
    ("Persistent identifiers are kept for up to 18 months after your last visit.", 548, "logs"),
    ("We keep conference attendee data for two years to plan future events.", 730, "account"),
    ("Your guardian's email address is erased within 48 hours if the guardian does not confirm the link.", 2, "account"),
    ("Photos taken for an age check are deleted once the age estimation process is complete.", 0, "verification"),
])
def test_identifiers_attendees_a_guardians_address_and_age_check_photos_are_kinds_of_data(text, days, kind):
    found = [(c.duration.days, c.data_kinds) for c in clauses(text, RetentionClause) if c.duration]
    assert any(d == days and kind in kinds for d, kinds in found), (text, found)


def test_keeping_once_a_check_is_complete_starts_keeping_and_gives_no_period():
    text = "We store your photos once the review is complete, for as long as your account exists."
    assert [c.duration.days for c in clauses(text, RetentionClause) if c.duration] == []


def test_passing_data_to_the_police_only_if_the_law_obliges_it_is_no_own_initiative():
    # Dutch "doorgeven" reads as reporting; with "only if the law makes us" it is a hand-over on a legal duty.
    assert [m for m, _ in modes("Wij geven uw gegevens door aan de politie wanneer de wet ons dat verplicht.")] == ["on_request"]
    duty = "Persoonsgegevens geven we aan justitie door indien wij daartoe wettelijk verplicht zijn."
    assert [m for m, _ in modes(duty)] == ["on_request"]
    assert [m for m, _ in modes("We pass user details on to the police if we are legally obliged to.")] == ["on_request"]
    # A report about a named crime stays the platform's practice, and so does "zoals de wet voorschrijft".
    assert [m for m, _ in modes("Waar de wet dat vereist, melden wij mensenhandel bij de politie.")] == ["proactive"]
    practice = "Vermoedens van uitbuiting melden wij bij de politie, zoals de wet voorschrijft."
    assert [m for m, _ in modes(practice)] == ["proactive"]


# ------------------------------------------------------------------------------- holdout18 classes


@pytest.mark.parametrize("text", [
    "Within any twenty-four (24) hour period, the credit stored on your balance may not exceed 500 euros.",
    "In any 30-day period you may keep no more than ten listings stored as drafts.",
])
def test_a_rolling_window_a_limit_is_counted_over_is_no_retention_period(text):
    assert [d for d, _ in periods(text) if d is not None] == [], text


def test_a_period_kept_after_a_window_word_is_still_a_period():
    assert (365, ("logs",)) in periods("We keep IP addresses for one year, and within that year they are not shared.")


def test_content_restored_after_a_copyright_counter_notice_is_no_retention_or_preservation():
    text = ("The removed video may be put back, or access to it restored, 14 business days after we receive the counter "
            "notice, unless the rights holder goes to court.")
    assert [d for d, _ in periods(text) if d is not None] == []
    assert preserved(text) == []


def test_a_ground_for_a_sanction_under_a_heading_that_names_deletion_among_sanctions_is_no_period():
    text = ("12. Removal of posts, suspension of use and deletion of accounts\n\n"
            "We may take measures such as the following in these cases:\n\n"
            "(1) when you break these terms;\n\n(2) when you have not signed in to your profile for 2 years or more.")
    assert [d for d, _ in periods(text) if d is not None] == []


def test_inactivity_under_a_heading_about_deletion_alone_is_still_a_period():
    text = ("Deleting inactive accounts\n\n"
            "(1) when you have not signed in to your profile for 2 years or more, your profile is erased.")
    assert [d for d, _ in periods(text) if d is not None] == [730]


def test_the_platform_named_as_the_one_who_reports_is_reporting_on_its_own_initiative():
    text = ("Hearthly has a zero-tolerance policy against child abuse images and will close the account and make reports "
            "to the competent police authorities about any member who uploads or spreads them.")
    found = [(c.mode, c.crimes) for c in clauses(text, CooperationClause, url="https://www.hearthly.example/terms")]
    assert found == [("proactive", ("child_exploitation",))]


def test_the_platform_name_after_a_preposition_is_not_the_one_who_reports():
    text = "Members of Hearthly can report threats they receive to the police."
    assert [c.mode for c in clauses(text, CooperationClause, url="https://www.hearthly.example/terms")
            if c.mode == "proactive"] == []


def test_passing_data_to_investigators_because_the_law_obliges_is_disclosure_on_a_legal_duty():
    text = "Sometimes we are legally obliged to hand over data (for example, to pass it on to investigating authorities)."
    assert [m for m, _ in modes(text)] == ["on_request"]


def test_a_legal_duty_to_report_a_named_crime_is_still_reporting():
    assert [m for m, _ in modes("We are legally required to report child sexual abuse material to NCMEC.")] == [
        "proactive"]


def test_a_heading_line_under_a_heading_about_sharing_is_no_list_item_that_shares():
    text = ("ii. Posts about you that are shared or forwarded by others\n\n"
            "People who see your posts can forward them to others.\n\n"
            "C. Public Authorities\n\n"
            "We may hand some of your data to public bodies when the law requires it.")
    assert [m for m, _ in modes(text) if m == "proactive"] == []


@pytest.mark.parametrize("text", [
    "Either party may ask a court for interim relief to preserve the status quo while the arbitration runs.",
    "Protecting the files you store with us shapes how we answer requests from the police.",
])
def test_an_injunction_for_the_status_quo_and_data_the_user_stores_are_no_preservation(text):
    assert preserved(text) == [], text
