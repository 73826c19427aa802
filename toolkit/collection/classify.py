"""Which role a page plays on the platform (start, item, listing, signup, login, report, policy, help)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from checks import lexicon
from safehaven.models import Form
from safehaven.urls import route_split

# 9, a hex id, a slug, or an id with a start offset or a jump (index.php?topic=12.0, topic=12.msg40, topic=12.new:
# the forms of Simple Machines Forum)
ID_VALUE = re.compile(r"^(?:\d{1,12}(?:\.(?:\d{1,6}|msg\d{1,12}|new))?|[0-9a-f]{8,}|[a-z0-9]+(?:-[a-z0-9]+)+)$", re.I)
# An item id with a start offset or a jump to one post in it: the same item as "<id>.0" (its first page)
ID_WITH_OFFSET = re.compile(r"^(\d{1,12})\.(?:\d{1,6}|msg\d{1,12}|new)$", re.I)
# The pretty address classifieds software gives one ad under its category: a title slug ending in the ad's number
# with a marker ("/fietsen/gazelle-stadsfiets-28-inch_i101", "/kamers/ruime-kamer-centrum-id4821.html")
TITLE_WITH_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+(?:_i|[-_]id)\d{1,12}(?:\.html?)?$", re.I)
ID_LIKE = re.compile(r"(?:^|[-_])(?:\d{1,12}|[0-9a-f]{8,})(?:$|[-_.])|^[a-z0-9]+(?:-[a-z0-9]+){1,}$", re.I)


def classify_page(url: str, *, title: str = "", link_text: str = "", text: str = "", forms: list[Form] | None = None,
                  item_links: int = 0, is_start: bool = False, hint: str | None = None,
                  signals: dict | None = None, link_names: list[str] | tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """Return (role, reasons). `item_links` is how many item-like links the page carries; `signals` is what
    extract.js saw of the page's content (structured data types, og:type, content shape)."""
    if is_start:
        return "start", ["the audit's start URL"]
    if hint:
        return hint, ["named in the audit definition"]
    # Forms hidden in closed dialogs or menus (a report form on an item page) do not make the page a form page, nor
    # does the site-wide search box.
    forms = [f for f in forms or [] if any(x.visible for x in f.fields) and not _is_search_form(f)]
    path = route_split(url).path.lower()
    label = f"{title} | {link_text}"
    words_in_path = " ".join(re.split(r"[/_\-.]+", path))

    if _is_report_form_page(forms, label, words_in_path):
        return "report", ["a form on a page named for reporting"]
    # Signup and login words of the path, not of a title slug ("how-do-i-register-my-child" is a question)
    short_words = " ".join(seg for seg in re.split(r"/+", path) if len(re.split(r"[_.\-]+", seg)) <= 3)
    short_words = " ".join(re.split(r"[/_\-.]+", short_words))
    signup_path = lexicon.has(short_words, "roles", "signup")
    login_path = lexicon.has(short_words, "roles", "login")
    # An item page that carries a signup or login box (askbot's answer form) is still an item page.
    item_page = is_item_url(url) and not signup_path and not login_path
    # An account page (resend the activation e-mail, a forgotten password) is not the signup, whatever its form asks
    query_words = " ".join(v for vals in query_dict(route_split(url).query).values() for v in vals)
    account_page = lexicon.has(f"{words_in_path} {query_words}", "roles", "account_pages")
    if any(_is_signup_form(f) for f in forms) and not item_page and not account_page or (signup_path and not login_path):
        return "signup", ["signup form" if forms else "signup words in the URL"]
    only_logins = bool(forms) and all(_is_login_form(f) for f in forms)
    if forms and not item_page and not only_logins and (
            lexicon.has(title, "roles", "signup") or lexicon.has(link_text, "roles", "signup")):
        return "signup", ["a form on a page named for signing up or placing an ad"]
    if any(_is_login_form(f) for f in forms) and not item_page or login_path:
        return "login", ["login form" if forms else "login words in the URL"]
    for role in ("policy", "help"):
        for where, value in (("URL", words_in_path), ("title", title), ("link text", link_text)):
            hit = lexicon.find(value, "roles", role)
            if hit:
                return role, [f"{where} names '{hit}'"]
    system = is_system_url(url)
    by_content = item_by_content(signals or {}, item_links)
    about = topics_in_text(text, link_names)
    if len(about) >= 3 and not by_content:
        # A page that explains report handling or law-enforcement requests is read as policy, whatever its URL.
        return "policy", [f"the text is about '{about[0]}'"]
    if not system and is_item_url(url):
        if item_links >= LISTING_LINKS and not by_content:
            return "listing", [f"an item-like URL, but the page links to {item_links} items and shows no single item"]
        return "item", ["URL of a single item"]
    if not system and by_content:
        return "item", [by_content]
    if item_links >= 5:
        return "listing", [f"links to {item_links} items"]
    if len(about) >= 2:
        return "policy", [f"the text is about '{about[0]}'"]
    return "other", []


def query_pairs(query: str) -> list[tuple[str, str]]:
    """The key=value pairs of a URL query, split on "&" and on ";" (index.php?action=profile;u=3 of Simple Machines
    Forum and other PHP software)."""
    return [pair for part in re.split(r"[&;]", query or "") if part for pair in parse_qsl(part, keep_blank_values=True)]


def query_dict(query: str) -> dict[str, list[str]]:
    """query_pairs as {key: [values]} (like urllib's parse_qs, blank values kept)."""
    out: dict[str, list[str]] = {}
    for k, v in query_pairs(query):
        out.setdefault(k, []).append(v)
    return out


# A page with this many item links and no single-item content is a listing, whatever its URL.
LISTING_LINKS = 12
# schema.org / Open Graph types of a page that shows one ad, profile, post or listing.
ITEM_TYPES = {"discussionforumposting", "socialmediaposting", "product", "offer", "individualproduct", "vehicle", "car",
              "profilepage", "qapage", "question", "jobposting", "realestatelisting", "accommodation", "residence",
              "apartment", "house", "singlefamilyresidence", "person", "classified", "classifiedad"}
LIST_TYPES = {"itemlist", "collectionpage", "searchresultspage", "offercatalog", "blog", "website"}
OG_ITEM_TYPES = {"product", "profile", "product.item", "og:product", "article"}


def item_by_content(signals: dict, item_links: int = 0) -> str:
    """Why a page shows one item by its content (structured data, Open Graph, content shape), or ''."""
    if not signals:
        return ""
    types = {t.lower() for t in signals.get("types", [])}
    listing_types = types & LIST_TYPES - {"website"}
    hit = sorted(types & ITEM_TYPES)
    if hit and not listing_types and item_links < LISTING_LINKS:
        return f"structured data: schema.org {hit[0]}"
    micro = {t.lower(): n for t, n in (signals.get("microdata") or {}).items()}
    main_micro = [t for t, n in micro.items() if t in ITEM_TYPES - {"person"}
                  and (n == 1 or t in ("discussionforumposting", "socialmediaposting", "question"))]
    if main_micro and not listing_types and item_links < LISTING_LINKS:
        return f"microdata: schema.org {main_micro[0]}"
    og = (signals.get("og_type") or "").lower()
    if og in OG_ITEM_TYPES - {"article"} and item_links < LISTING_LINKS:
        return f"Open Graph type {og}"
    shape = signals.get("shape") or {}
    if item_links >= 5 or listing_types:
        return ""
    if shape.get("price") and shape.get("photos", 0) >= 1 and shape.get("contact", 0) >= 1 and \
            shape.get("main_chars", 0) >= 150:
        return "content shape: one offer with a price, photos and a contact block"
    if shape.get("authors", 0) >= 1 and shape.get("dates", 0) >= 1 and shape.get("posts", 0) >= 1 and \
            shape.get("main_chars", 0) >= 200 and (og == "article" or shape.get("posts", 0) >= 1):
        return "content shape: a post with its author, date and body"
    return ""


def topics_in_text(text: str, link_names: list[str] | tuple[str, ...] = ()) -> list[str]:
    """What a page says about handling reports, contact or law-enforcement requests (distinct phrases), in its own
    text: the names of its links (menus, footers: "Law enforcement", "Contact us") are left out first."""
    body = (text or "")[:8000]
    for name in sorted({n.strip() for n in link_names if n and len(n.strip()) > 2}, key=len, reverse=True):
        body = body.replace(name, " ")
    hits = lexicon.find_all(body, "roles", "handling_content")
    if hits:  # a page that names report handling once and then explains receipt, timeframe or appeal
        hits += [w for key in ("receipt", "timeframe", "appeal") for w in lexicon.find_all(body, "report", key)[:1]
                 if key != "timeframe" or re.search(r"\d", w)]
    return hits


def _query_words(query: str) -> str:
    return " ".join(f"{k} {' '.join(v)}" for k, v in query_dict(query).items())


def is_system_url(url: str) -> bool:
    """Account and system pages (login, register, password reset, search, member lists, print views, "last post"
    jumps, posting and reply forms, sort and filter variants) are never items."""
    parts = route_split(url)
    query = query_dict(parts.query)
    # Whole path segments and query values ("memberlist.php", "lost-password", mode=login), and the words of short
    # ones ("password_reset"); never the words of a long slug ("red-bike-as-new" is an item, not a "new" page).
    pieces = [re.sub(r"\.(php|html?|aspx?|jsp|cgi|pl)$", "", seg) for seg in parts.path.lower().split("/") if seg]
    pieces += [v.lower() for vals in query.values() for v in vals if not v.isdigit()]
    pieces += [k.lower() for k in query]
    words = set()
    for piece in pieces:
        split = [w for w in re.split(r"[_.\-+ :=,;]+", piece) if w]
        words.add(piece)
        if len(split) <= 3:
            words.update(split)
    if any(k.lower() in ("sort", "sortby", "sort_by", "order", "orderby", "filter", "q", "query", "search", "keywords",
                        "print", "view") for k in query):
        return True
    if any(k.lower() in lexicon.words("roles", "list_view_query") for k in query):
        return True  # ?items_per_page=20, ?layout=grid: the same list shown another way
    if parts.fragment.lower() in ("lastpost", "unread", "latest", "last"):
        return True
    system = set(lexicon.words("roles", "system"))
    # The action of a single-script site, one token that starts with a system word: action=reporttm, do=printthread,
    # mode=loginform (index.php?action=... of PHP software)
    actions = [v.lower() for k, vals in query.items() if k.lower() in ACTION_KEYS
               for v in vals if re.fullmatch(r"[a-z]+\d*", v.lower())]
    if any(a.startswith(w) for a in actions for w in system if len(w) >= 5):
        return True
    return bool(words & system)


ACTION_KEYS = ("action", "act", "do", "mode", "op", "task", "cmd", "sa", "area", "func")


def is_item_url(url: str) -> bool:
    """A URL that most likely shows one ad, profile, post or listing (never an account or system page)."""
    if is_system_url(url):
        return False
    parts = route_split(url)
    segs = [s for s in parts.path.lower().split("/") if s]
    query = query_dict(parts.query)
    item_keys = set(lexicon.words("roles", "item_query"))
    if any(k.lower() in item_keys and any(ID_VALUE.match(v) for v in vals) for k, vals in query.items()):
        return not _names_a_listing(segs)
    if len(segs) < 2:
        return False
    if TITLE_WITH_ID.match(segs[-1]):
        return True
    item_words = set(lexicon.words("roles", "item_path"))
    last = segs[-1].removesuffix(".html").removesuffix(".htm").removesuffix(".php")
    for i, seg in enumerate(segs[:-1]):
        if seg in item_words and ID_LIKE.search(segs[-1] if i == len(segs) - 2 else last):
            return True
    return bool(re.search(r"\d{2,}", last)) and segs[-2] in item_words


def _names_a_listing(segs: list[str]) -> bool:
    """The script or last path segment names a list of items (viewforum.php, /board/, category.php)."""
    last = re.sub(r"\.(php\d?|html?|aspx?|jsp|cgi|pl)$", "", segs[-1]) if segs else ""
    return last in set(lexicon.words("roles", "listing_path"))


def is_post_permalink(url: str) -> bool:
    """A jump to one post inside a topic (viewtopic.php?pid=24, ?p=123): an item page, but the topic's own URL is better."""
    query = query_dict(route_split(url).query)
    keys = {k.lower() for k in query}
    return bool(keys & set(lexicon.words("roles", "post_query"))) and not keys & (
        set(lexicon.words("roles", "item_query")) - set(lexicon.words("roles", "post_query")))


def is_feed_url(url: str) -> bool:
    """An Atom or RSS feed (extern.php?action=feed&type=atom, /feed/, /rss.php, index.xml): not a page to read."""
    parts = route_split(url)
    feed = set(lexicon.words("roles", "feed"))
    pieces = [re.sub(r"\.(php\d?|xml|aspx?|cgi|pl)$", "", seg) for seg in parts.path.lower().split("/") if seg]
    values = [v.lower() for vals in query_dict(parts.query).values() for v in vals]
    keys = [k.lower() for k in query_dict(parts.query)]
    return bool(set(pieces + values + keys) & feed) or parts.path.lower().endswith((".rss", ".atom", ".rdf"))


def _is_search_form(form: Form) -> bool:
    """A search box: one visible text field that is a search field (type search, or named q/search/keywords/zoek),
    perhaps with a scope select and its button."""
    inputs = [f for f in form.fields if f.visible and f.type not in ("hidden", "submit", "button", "image", "select")
              and f.tag != "select"]
    return len(inputs) == 1 and (inputs[0].type == "search" or bool(re.fullmatch(
        r"q|s|query|search|keywords?|terms?|zoek\w*|search\w*", (inputs[0].name or "").lower())))


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
    if pw == 1 and len(visible) <= 2 and "mail" not in text:
        # A name and a password only: a login, also when it says "Aanmelden" (Dutch for both signing in and up)
        return False
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


PROFILE_SEGMENTS = {"user", "users", "member", "members", "profile", "profiles", "u", "people", "gebruiker", "gebruikers",
                    "leden", "lid", "profiel", "profielen", "author", "seller", "verkoper", "memberlist"}


def is_member_profile(url: str, signals: dict | None = None) -> bool:
    """A member's profile page (/member/profile/3/, /users/joost, ProfilePage or Person structured data)."""
    types = {t.lower() for t in (signals or {}).get("types", [])}
    if types & {"profilepage", "person"} and not types & (ITEM_TYPES - {"profilepage", "person"}):
        return True
    parts = route_split(url)
    segs = [s for s in parts.path.lower().split("/") if s]
    query = query_dict(parts.query)
    # profile.php?id=3, member.php?u=5: one script per page, the member's ID in the query
    script = re.sub(r"\.(php\d?|html?|aspx?|jsp|cgi|pl)$", "", segs[-1]) if segs else ""
    return bool(set(segs[:-1]) & PROFILE_SEGMENTS) or "u" in query or (
        bool(query) and script in PROFILE_SEGMENTS | {"viewprofile", "userinfo", "showuser", "userprofile"})


def agreement_step_url(form: Form, page_url: str) -> str | None:
    """The URL a GET form under the rules leads to ("Agree" on register.php -> register.php?agree=Agree): the signup
    form behind the rules. Only a GET form of buttons and hidden fields (reading it writes nothing); None otherwise."""
    if (form.method or "get").lower() != "get":
        return None
    if any(f.visible and f.type not in ("hidden", "submit", "button", "image") for f in form.fields):
        return None
    agree = next((f for f in form.fields if f.type in ("submit", "image", "button") and f.visible
                  and lexicon.has(f.value or f.label, "roles", "agree")), None)
    if agree is None:
        return None
    params = [(f.name, f.value) for f in form.fields if f.type == "hidden" and f.name]
    if agree.name:
        params.append((agree.name, agree.value))
    parts = urlsplit(urljoin(page_url, form.action or page_url))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))
