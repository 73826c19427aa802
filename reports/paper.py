"""Paper: the templates' environment, the stylesheet, and the one way HTML becomes PDF.

Shared by the scorecard and the portfolio so both look the same and load nothing from outside.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from reports.fetcher import RunFolderFetcher
from reports.i18n import duration_minutes, format_day, format_moment, format_number, format_share, translations
from reports.texts import STATIC_DIR
from safehaven.score import BOTH_CAPPED_AT, CAPPED_AT, CAPPING_CHECKS, GRADES

TEMPLATES_DIR = Path(__file__).with_name("templates")
GRADE_COLOURS = {"A": "#0b8a45", "B": "#5fae3c", "C": "#f0c000", "D": "#ef8a1a", "E": "#d7262b"}


def html_to_pdf(html: str, run_dir: Path, fetcher: RunFolderFetcher | None = None) -> bytes:
    """Lay out scorecard HTML as PDF with WeasyPrint, loading resources only through a confined fetcher."""
    from weasyprint import HTML  # imported here: WeasyPrint is slow to import and only PDF needs it

    run_dir = Path(run_dir).resolve()
    fetcher = fetcher or RunFolderFetcher(run_dir)
    sheets = []
    own_style = f"<style>\n{stylesheet()}\n</style>"
    if own_style in html:  # the scorecard's own stylesheet, alone in its <style>: parsed once per process
        html = html.replace(own_style, "", 1)
        sheets.append(_parsed_stylesheet())
    document = HTML(string=html, base_url=run_dir.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=sheets)


@cache
def _parsed_stylesheet():  # a weasyprint.CSS (WeasyPrint is imported only when a PDF is made)
    """The stylesheet as WeasyPrint parses it (about 0.1 s), kept for every later PDF of this process.

    Given as a user stylesheet instead of the page's <style>: with no author stylesheet left, the
    cascade is the same (user rules beat the user-agent's as author rules did, and the elements'
    own style attributes still beat both), and the pages come out pixel for pixel the same.
    """
    from weasyprint import CSS  # imported here, like HTML above

    return CSS(string=str(stylesheet()))


def csv_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: page text starting with = + - @ would otherwise run in Excel."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@cache
def stylesheet() -> Markup:
    return Markup(inline_custom_properties((STATIC_DIR / "scorecard.css").read_text("utf-8")))


_ROOT_PROPERTY = re.compile(r"^\s*(--[\w-]+)\s*:\s*([^;]+);", re.MULTILINE)


def inline_custom_properties(css: str) -> str:
    """`var(--name)` replaced by the value `:root` gives it (the :root block itself is kept).

    WeasyPrint resolves custom properties anew for every element that uses one (about 0.15 s of a
    scorecard PDF); the stylesheet stays readable with them and the PDF is laid out without.
    """
    root = re.search(r":root\s*\{([^}]*)\}", css)
    if not root:
        return css
    values = dict(_ROOT_PROPERTY.findall(root.group(1)))
    head, rest = css[:root.end()], css[root.end():]
    return head + re.sub(r"var\((--[\w-]+)\)", lambda m: values.get(m.group(1), m.group(0)).strip(), rest)


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        moment=lambda v: format_moment(v, lang),
        day=lambda v: format_day(v, lang),
        num=lambda v, digits=0: format_number(v, lang, digits),
        share=lambda v: format_share(v, lang),
    )
    env.globals.update(
        grade_colours=GRADE_COLOURS,
        grade_floors=GRADES,
        capped_at=CAPPED_AT,
        both_capped_at=BOTH_CAPPED_AT,
        capping_checks=CAPPING_CHECKS,
        duration_minutes=duration_minutes,
    )
    return env
