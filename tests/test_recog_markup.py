"""Age questions and gates in real markup, read by extract.js and gate.js in one Chromium page (no crawl).

Split day/month/year fields whose label is a table heading, a fieldset legend or the text before
them; an age checkbox without a <label>; a gate whose page holds only header, navigation, footer
and a cookie banner (no content under it).
"""

from __future__ import annotations

import pytest

from checks import age
from toolkit.collection.age_probe import detect_gate, flags_in_script
from toolkit.collection.crawl import page_inventory

pytestmark = pytest.mark.browser

YEARS = "".join(f"<option>{y}</option>" for y in range(2010, 1930, -1))
DAYS = "".join(f"<option>{d}</option>" for d in range(1, 32))
MONTHS = "".join(f"<option>{m}</option>" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"))

SIGNUP_TABLE = f"""<form action="/join" method="post"><table>
<tr><th>E-mail</th><td><input type="email" name="email"></td></tr>
<tr><th>Date of birth</th><td><select name="d">{DAYS}</select><select name="m">{MONTHS}</select>
<select name="y">{YEARS}</select></td></tr></table><button>Join</button></form>"""
SIGNUP_FIELDSET = """<form action="/aanmelden" method="post"><label>Naam <input name="naam"></label>
<fieldset><legend>Geboortedatum</legend><input name="f1" placeholder="DD" size="2"><input name="f2" placeholder="MM"
size="2"><input name="f3" placeholder="JJJJ" size="4"></fieldset><button>Aanmelden</button></form>"""
SIGNUP_TEXT = """<form action="/s" method="post"><input name="user" placeholder="Username"><p>When were you born?</p>
<div class="row"><input name="bd_a" aria-label="Day"><input name="bd_b" aria-label="Month"><input name="bd_c"
aria-label="Year"></div><button>Sign up</button></form>"""
SIGNUP_CHECKBOX = """<form action="/s" method="post"><input name="user" placeholder="Gebruikersnaam">
<input type="password" name="pw"><input type="checkbox" name="c1"> Ik ben 18 jaar of ouder
<button>Aanmelden</button></form>"""


@pytest.fixture(scope="module")
async def page(browser_session):
    ctx, _ = await browser_session.new_context()
    p = await ctx.new_page()
    yield p
    await ctx.close()


async def _signup_form(page, html: str):
    await page.set_content(f"<html><body><main>{html}</main></body></html>")
    inv = await page_inventory(page, "test")
    return max(inv.forms, key=lambda f: len(f.fields))


@pytest.mark.parametrize("html,label", [(SIGNUP_TABLE, "Date of birth"), (SIGNUP_FIELDSET, "Geboortedatum"),
                                        (SIGNUP_TEXT, "When were you born?")])
async def test_split_date_of_birth_fields_take_their_label_from_the_row_legend_or_text(page, html, label):
    form = await _signup_form(page, html)
    parts = [f for f in form.fields if f.name not in ("email", "naam", "user")]
    assert len(parts) == 3 and all(label in f.label for f in parts), [f.label for f in parts]
    assert age._field_level(form) == 2


async def test_an_age_checkbox_without_label_takes_the_text_after_it(page):
    form = await _signup_form(page, SIGNUP_CHECKBOX)
    box = next(f for f in form.fields if f.type == "checkbox")
    assert "Ik ben 18 jaar of ouder" in box.label
    assert age._field_level(form) == 1


async def test_labelled_fields_keep_their_own_label(page):
    form = await _signup_form(page, '<form><label for="a">Your name</label><input id="a" name="a">'
                                    '<p>Tell us about you</p><textarea name="t"></textarea></form>')
    assert [f.label for f in form.fields][0] == "Your name"


GATE_PAGE = """<html><body><header><a href="/">Home</a> <nav>{nav}</nav></header>
<div role="dialog" aria-modal="true" style="position:fixed;inset:0;background:#000;color:#fff">
<h1>Adults only</h1><p>You must be 18 or older. Confirm your age to continue.</p><button>I am 18 or older</button></div>
<main>{main}</main>
<footer>{footer}</footer>
<div id="cookie-consent" style="position:fixed;bottom:0">We use cookies. {cookie} <button>Accept</button></div>
</body></html>"""


def _gate(main: str) -> str:
    nav = " ".join(f'<a href="/c/{n}">Category {n}</a>' for n in range(12))
    footer = " ".join(f'<a href="/about/{n}">About page number {n} with a long name</a>' for n in range(10))
    cookie = "Cookies help us understand how the site is used and keep you logged in. " * 6
    return GATE_PAGE.format(nav=nav, main=main, footer=footer, cookie=cookie)


async def test_a_gate_over_an_empty_view_with_only_header_footer_and_cookie_banner_holds_no_content(page):
    await page.set_content(_gate(""))
    found = await detect_gate(page)
    assert found["gate"] and found["kind"] == "modal"
    assert found["content_chars"] <= 400 and found["outside_links"] < 8


async def test_a_gate_over_loaded_listings_has_content_under_it(page):
    ads = "".join(f'<article><a href="/ad/{n}">Ad {n}</a><p>{"Lovely companion in the city centre. " * 3}</p></article>'
                  for n in range(12))
    await page.set_content(_gate(ads))
    found = await detect_gate(page)
    assert found["gate"] and found["content_chars"] > 400 and found["outside_links"] >= 8


def test_flags_the_gate_script_checks_are_read_with_the_value_it_wants():
    src = """if (document.cookie.includes('age_ok=1')) open();
      const ok = /(^|;\\s*)av_passed=yes/.test(document.cookie);
      if (getCookie("over18") === "true") {}
      if (localStorage.getItem('ageVerified') === 'verified') {}
      if (!sessionStorage.av) {}
      localStorage.setItem('x', 'y');"""
    got = {(f["kind"], f["name"]): f["value"] for f in flags_in_script(src)}
    assert got == {("cookie", "age_ok"): "1", ("cookie", "av_passed"): "yes", ("cookie", "over18"): "true",
                   ("local", "ageVerified"): "verified", ("session", "av"): ""}


async def test_a_gate_that_cannot_be_passed_is_walked_around_with_the_key_its_own_script_checks(browser_session,
                                                                                                  tmp_path):
    from safehaven.bundle import Bundle
    from safehaven.models import AgeGateProbe
    from toolkit.collection.crawl import collect
    from toolkit.definition import parse_definition

    from .sitesrv import serve_site

    with serve_site("camgate") as (url, server):
        defn = parse_definition(f'[platform]\nname = "Velvet"\nurl = "{url}"\n[pages]\nitems = ["{url}ads/31.html"]\n'
                                '[crawl]\nmax_pages = 6\n')
        await collect(defn, tmp_path / "run", browser_session)
        assert server.posts == []
    probe = Bundle(tmp_path / "run").probe("age_gate", AgeGateProbe)
    assert probe.observations[0].gate and not probe.passed_gate
    flag = next(f for f in probe.storage_set if f["name"] == "av_pass")
    assert flag["value"] == "ok" and flag["source"] == "script" and flag["unlocks"] == "true"
    f = age.gate_cannot_be_walked_around(Bundle(tmp_path / "run"))
    assert f.status in ("partial", "fail") and "av_pass=ok" in f.summary
