"""Which role a page plays on the platform (start, item, listing, signup, login, report, policy, help)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from safehaven.checks import lexicon

from .models import Form

ID_LIKE = re.compile(r"(?:^|[-_])(?:\d{1,12}|[0-9a-f]{8,})(?:$|[-_.])|^[a-z0-9]+(?:-[a-z0-9]+){1,}$", re.I)


def classify_page(url: str, *, title: str = "", link_text: str = "", text: str = "", forms: list[Form] | None = None,
                  item_links: int = 0, is_start: bool = False, hint: str | None = None) -> tuple[str, list[str]]:
    """Return (role, reasons). `item_links` is how many item-like links the page carries."""
    if is_start:
        return "start", ["the audit's start URL"]
    if hint:
        return hint, ["named in the audit definition"]
    # Forms hidden in closed dialogs or menus (a report form on an item page) do not make the page a form page.
    forms = [f for f in forms or [] if any(x.visible for x in f.fields)]
    path = urlsplit(url).path.lower()
    label = f"{title} | {link_text}"
    words_in_path = " ".join(re.split(r"[/_\-.]+", path))

    if _is_report_form_page(forms, label, words_in_path):
        return "report", ["a form on a page named for reporting"]
    if any(_is_signup_form(f) for f in forms) or (lexicon.has(words_in_path, "roles", "signup")
                                                   and not lexicon.has(words_in_path, "roles", "login")):
        return "signup", ["signup form" if forms else "signup words in the URL"]
    if forms and (lexicon.has(title, "roles", "signup") or lexicon.has(link_text, "roles", "signup")):
        return "signup", ["a form on a page named for signing up or placing an ad"]
    if any(_is_login_form(f) for f in forms) or lexicon.has(words_in_path, "roles", "login"):
        return "login", ["login form" if forms else "login words in the URL"]
    for role in ("policy", "help"):
        for where, value in (("URL", words_in_path), ("title", title), ("link text", link_text)):
            hit = lexicon.find(value, "roles", role)
            if hit:
                return role, [f"{where} names '{hit}'"]
    if is_item_url(url):
        return "item", ["URL of a single item"]
    if item_links >= 5:
        return "listing", [f"links to {item_links} items"]
    return "other", []


def is_item_url(url: str) -> bool:
    """A URL that most likely shows one ad, profile, post or listing."""
    parts = urlsplit(url)
    segs = [s for s in parts.path.lower().split("/") if s]
    query = parse_qs(parts.query)
    if any(k in query for k in ("id", "ad", "profile", "item", "advertentie", "profiel", "p", "t")):
        return True
    if len(segs) < 2:
        return False
    item_words = set(lexicon.words("roles", "item_path"))
    last = segs[-1].removesuffix(".html").removesuffix(".htm").removesuffix(".php")
    for i, seg in enumerate(segs[:-1]):
        if seg in item_words and ID_LIKE.search(segs[-1] if i == len(segs) - 2 else last):
            return True
    return bool(re.search(r"\d{2,}", last)) and segs[-2] in item_words


def _field_text(form: Form) -> str:
    return " ".join(f"{f.name} {f.label} {f.placeholder} {f.type}" for f in form.fields).lower()


def _is_login_form(form: Form) -> bool:
    pw = sum(1 for f in form.fields if f.type == "password")
    visible = [f for f in form.fields if f.visible and f.type not in ("hidden", "submit", "button")]
    return pw == 1 and len(visible) <= 4


def _is_signup_form(form: Form) -> bool:
    text = _field_text(form)
    pw = sum(1 for f in form.fields if f.type == "password")
    visible = [f for f in form.fields if f.visible and f.type not in ("hidden", "submit", "button")]
    signup_words = lexicon.has(" ".join(form.submit_labels) + " " + form.name, "roles", "signup")
    return (pw >= 1 and (pw >= 2 or len(visible) >= 4 or signup_words)) or (
        signup_words and ("mail" in text or lexicon.has(text, "age", "dob")))


def _is_report_form_page(forms: list[Form], label: str, path_words: str) -> bool:
    if not forms:
        return False
    named = lexicon.has(label, "report", "control") or lexicon.has(path_words, "roles", "report")
    for f in forms:
        text = _field_text(f) + " " + " ".join(f.submit_labels) + " " + f.name
        if lexicon.has(text, "report", "control") or (named and lexicon.has(text, "report", "reason")):
            return True
    return False
