"""Policy documents published as PDF (toolkit/collection/documents.py): which links are read, and the text as
paragraphs. The crawl reading one in Chromium is tests/test_collect.py::test_terms_published_as_a_pdf_..."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.collection.documents import pdf_text, pdf_title, policy_pdf, reflow

SITE = Path(__file__).with_name("sites") / "pdfpolicy" / "docs"


@pytest.mark.parametrize("url, text, wanted", [
    ("https://x.test/docs/algemene-voorwaarden.pdf", "Algemene voorwaarden (PDF)", True),
    ("https://x.test/files/AV_2024.pdf", "Voorwaarden", True),
    ("https://x.test/download/privacy-statement-v3.PDF", "", True),
    ("https://x.test/static/Community%20Guidelines.pdf", "Download", True),
    ("https://x.test/docs/voorjaarsmarkt-folder.pdf", "Folder voorjaarsmarkt (PDF)", False),
    ("https://x.test/menu.pdf", "Our menu", False),
    ("https://x.test/privacy", "Privacy", False),  # a page, read by the crawl as any page
])
def test_a_pdf_is_read_when_its_link_or_name_names_a_policy(url, text, wanted):
    assert policy_pdf(url, text) is wanted


def test_a_paragraph_broken_over_lines_is_one_line_again_and_headings_and_items_stay_apart():
    raw = ("Article 7. Keeping data\n"
           "We keep messages between members for six months after the conversation has ended; after that\n"
           "they are deleted automatically. Data of closed accounts is wiped within thirty days of the clo-\n"
           "sure, unless the police ask us to keep it for an investigation.\n"
           "What we do not allow:\n"
           "- offering sexual services\n"
           "- contacting minors\n"
           "\n"
           "Article 8. Changes\n")
    assert reflow(raw).splitlines() == [
        "Article 7. Keeping data",
        "We keep messages between members for six months after the conversation has ended; after that they are "
        "deleted automatically. Data of closed accounts is wiped within thirty days of the closure, unless the police "
        "ask us to keep it for an investigation.",
        "What we do not allow:",
        "- offering sexual services",
        "- contacting minors",
        "",
        "Article 8. Changes",
    ]


def test_text_and_title_of_a_real_pdf_and_nothing_from_what_is_no_pdf():
    data = (SITE / "algemene-voorwaarden.pdf").read_bytes()
    assert pdf_title(data) == "Algemene voorwaarden Buurtbord"
    text = pdf_text(data)
    assert "Artikel 4. Wat niet mag" in text.splitlines()
    assert "waarbij mensen worden uitgebuit of gedwongen" in text  # the typographic hyphen at a line end mended
    assert pdf_text(b"<html>not a pdf</html>") == "" and pdf_title(b"") == ""
