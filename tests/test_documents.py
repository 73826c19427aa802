"""Policy documents published as PDF (toolkit/collection/documents.py): which links are read, and the text as
paragraphs. The crawl reading one in Chromium is tests/test_collect.py::test_terms_published_as_a_pdf_..."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from toolkit.collection.documents import fetch_document, pdf_text, pdf_title, policy_pdf, read_pdf, reflow

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


# ---------------------------------------------------------------------- bounded download and reading


class _Stranger(BaseHTTPRequestHandler):
    """A server that sends PDFs the way a hostile or broken platform could."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/endless.pdf":  # an endless body, no Content-Length
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            try:
                self.wfile.write(b"%PDF-1.7\n")
                while True:
                    self.wfile.write(b"0" * 65536)
            except OSError:
                return
        if self.path == "/away.pdf":
            self.send_response(302)
            self.send_header("Location", "http://elsewhere.test/terms.pdf")
            self.end_headers()
            return
        if self.path == "/moved.pdf":
            self.send_response(301)
            self.send_header("Location", "/docs/algemene-voorwaarden.pdf")
            self.end_headers()
            return
        if self.path == "/docs/algemene-voorwaarden.pdf":
            body = (SITE / "algemene-voorwaarden.pdf").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(404)
        self.end_headers()


@pytest.fixture(scope="module")
def stranger():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stranger)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _local(url: str) -> bool:
    return url.startswith("http://127.0.0.1:")


def test_an_endless_pdf_is_cut_off_at_the_size_limit(stranger):
    t0 = time.monotonic()
    got = fetch_document(f"{stranger}/endless.pdf", headers={}, timeout=20, allowed=_local, max_bytes=2_000_000)
    assert got.data == b"" and got.error == "PDF too large to read" and got.status == 200
    assert time.monotonic() - t0 < 10


def test_a_pdf_redirect_is_followed_on_the_platform_only(stranger):
    moved = fetch_document(f"{stranger}/moved.pdf", headers={}, timeout=10, allowed=_local)
    assert moved.data.startswith(b"%PDF") and moved.final_url.endswith("/docs/algemene-voorwaarden.pdf")
    away = fetch_document(f"{stranger}/away.pdf", headers={}, timeout=10, allowed=_local)
    assert away.data == b"" and "off the platform" in away.error
    missing = fetch_document(f"{stranger}/gone.pdf", headers={}, timeout=10, allowed=_local)
    assert missing.status == 404 and missing.data == b""


async def test_the_pdf_is_read_in_a_child_process_that_is_stopped_at_its_time_limit():
    data = (SITE / "algemene-voorwaarden.pdf").read_bytes()
    title, text, error = await read_pdf(data)
    assert error == "" and title == "Algemene voorwaarden Buurtbord" and "Artikel 4. Wat niet mag" in text
    t0 = time.monotonic()
    title, text, error = await read_pdf(data, timeout=0.01)
    assert (title, text) == ("", "") and "took longer than" in error and time.monotonic() - t0 < 5
    title, text, error = await read_pdf(b"%PDF-1.4 garbage \x00\xff" * 1000)  # no PDF inside: no text, no crash
    assert (title, text) == ("", "")
