"""Policy documents published as PDF files ("Algemene voorwaarden (PDF)", "privacy-statement.pdf").

Many platforms, Dutch ones above all, publish their terms or privacy statement as a PDF. A browser does not
show it as a page (the audit's contexts refuse downloads), so the crawl would read nothing and the scorecard
would say the platform has no terms. The crawl therefore notes links to PDF files whose link text or file
name names a policy, and reads up to `MAX_DOCUMENTS` of them after the pages: one GET each (through the
context's request API, which shares its cookies; a GET, so the write guard has nothing to refuse), within
the same politeness limits, with the text taken out of the PDF by pypdf and the PDF itself kept as evidence.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from urllib.parse import unquote, urlsplit

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from checks import lexicon

log = logging.getLogger("safehaven.documents")

MAX_DOCUMENTS = 3
MAX_BYTES = 8 * 1024 * 1024
MAX_PAGES = 60
_PDF_PATH = re.compile(r"\.pdf$", re.IGNORECASE)
_WORDS = re.compile(r"[-_.+/]+")
_TERMINAL = re.compile(r"[.!?:)\]»”\"]$")
_HYPHENS = "-\u2010\u00ad"  # a hyphen, the typographic hyphen and the soft hyphen a PDF breaks words with


def is_pdf_url(url: str) -> bool:
    return bool(_PDF_PATH.search(urlsplit(url).path))


def policy_pdf(url: str, link_text: str) -> bool:
    """A link to a PDF that names a policy (terms, privacy, rules, law enforcement) in its text or file name."""
    if not is_pdf_url(url):
        return False
    name = _WORDS.sub(" ", unquote(urlsplit(url).path.rsplit("/", 1)[-1]))
    return lexicon.has(f"{link_text} {name}", "roles", "policy")


def pdf_title(data: bytes) -> str:
    try:
        meta = PdfReader(io.BytesIO(data)).metadata
    except (PyPdfError, ValueError, OSError):
        return ""
    return str(meta.title or "").strip() if meta else ""


def pdf_text(data: bytes) -> str:
    """The PDF's text as paragraphs: lines of one paragraph joined, words broken at a hyphen mended, headings and
    list items kept on lines of their own ("" when the file is no readable PDF, or has no text layer)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except (PyPdfError, ValueError, OSError, KeyError, TypeError) as exc:
        log.info("no text read from a PDF: %s", exc)
        return ""
    return "\n\n".join(t for t in (reflow(p) for p in pages) if t)


def reflow(text: str) -> str:
    """Join the lines a PDF breaks a paragraph into. A line runs on into the next when it is about as long as the
    page's full lines and does not end a sentence, or when the next line starts in lower case."""
    lines = [ln.strip() for ln in text.splitlines()]
    lengths = [len(ln) for ln in lines if len(ln) > 20]
    full = statistics.median(sorted(lengths)[len(lengths) // 2:]) if lengths else 80
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        prev = out[-1] if out else ""
        runs_on = prev and not _TERMINAL.search(prev) and (
            len(prev) >= 0.7 * full or line[:1].islower() or prev[-1] in _HYPHENS + ",;")
        if runs_on and not _list_item(line):
            if prev[-1] in _HYPHENS and prev[-2:-1].isalpha() and line[:1].islower():
                out[-1] = prev[:-1] + line  # "verwij-" + "derd"
            else:
                out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out).strip()


def _list_item(line: str) -> bool:
    return bool(re.match(r"^(?:[-•▪●◦*]|\(?[0-9a-z]{1,3}[.)])\s", line))
