"""Policy documents published as PDF files ("Algemene voorwaarden (PDF)", "privacy-statement.pdf").

Many platforms, Dutch ones above all, publish their terms or privacy statement as a PDF. A browser does not
show it as a page (the audit's contexts refuse downloads), so the crawl would read nothing and the scorecard
would say the platform has no terms. The crawl therefore notes links to PDF files whose link text or file
name names a policy, and reads up to `MAX_DOCUMENTS` of them after the pages: one GET each (through the
context's cookies; a GET, so the write guard has nothing to refuse), within the same politeness limits, with
the text taken out of the PDF by pypdf and the PDF itself kept as evidence.

A PDF is input from a stranger, so both steps are bounded: the download is streamed and stopped at
`MAX_BYTES` or at the page timeout (`fetch_document`), and pypdf reads it in a child process with a time and
memory limit (`read_pdf`), so that no file, however made, can hang the audit, exhaust the machine or keep
the program from ending.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import resource
import statistics
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from checks import lexicon

log = logging.getLogger("safehaven.documents")

MAX_DOCUMENTS = 3
MAX_BYTES = 8 * 1024 * 1024
MAX_PAGES = 60
MAX_REDIRECTS = 5
READ_SECONDS = 30  # pypdf's time for one file, in its child process
READ_MEMORY = 1536 * 1024 * 1024  # and its address space
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


# ---------------------------------------------------------------------- bounded download and reading


@dataclass
class Download:
    status: int = 0
    final_url: str = ""
    content_type: str = ""
    data: bytes = b""
    error: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # redirects are followed by fetch_document, hop by hop
        return None


def fetch_document(url: str, *, headers: dict[str, str], timeout: float, allowed: Callable[[str], bool],
                   max_bytes: int = MAX_BYTES) -> Download:
    """One GET of `url`, streamed: stopped when the body passes `max_bytes` or the whole exchange `timeout`
    seconds, redirects followed only to addresses `allowed` (the platform's, http(s)), at most MAX_REDIRECTS.
    No proxy from the environment (the browser uses none either). Blocking: run it in a thread."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
    deadline = time.monotonic() + timeout
    out = Download(final_url=url)
    for _ in range(MAX_REDIRECTS + 1):
        if urlsplit(url).scheme not in ("http", "https") or not allowed(url):
            out.error = "the PDF's address leads off the platform"
            return out
        request = urllib.request.Request(url, headers=headers, method="GET")
        try:
            response = opener.open(request, timeout=max(1.0, deadline - time.monotonic()))
        except urllib.error.HTTPError as exc:  # 3xx (not followed by urllib) and 4xx/5xx
            location = exc.headers.get("Location") if 300 <= exc.code < 400 else None
            if location:
                url = urljoin(url, location)
                out.final_url = url
                exc.close()
                continue
            out.status = exc.code
            exc.close()
            return out
        except (urllib.error.URLError, OSError, ValueError) as exc:
            out.error = f"the PDF could not be fetched: {getattr(exc, 'reason', exc)}"[:200]
            return out
        with response:
            out.status = response.status
            out.final_url = response.geturl()
            out.content_type = response.headers.get("Content-Type", "")[:100]
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                out.error = "PDF too large to read"
                return out
            chunks: list[bytes] = []
            size = 0
            try:
                while True:
                    if time.monotonic() > deadline:
                        out.error = f"the PDF did not arrive within {timeout:.0f} s"
                        return out
                    chunk = response.read(64 * 1024)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > max_bytes:
                        out.error = "PDF too large to read"
                        return out
                    chunks.append(chunk)
            except (OSError, ValueError) as exc:
                out.error = f"the PDF could not be fetched: {exc}"[:200]
                return out
            out.data = b"".join(chunks)
            return out
    out.error = "the PDF's address redirects too often"
    return out


def _limit_child() -> None:  # pragma: no cover - runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (READ_MEMORY, READ_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (READ_SECONDS + 5, READ_SECONDS + 10))


async def read_pdf(data: bytes, timeout: float = READ_SECONDS) -> tuple[str, str, str]:
    """(title, text, error) of a PDF, read by pypdf in a child process that is killed after `timeout` seconds
    and may not use more than READ_MEMORY: a malformed or hostile file costs at most that, never the audit."""
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "toolkit.collection.documents", stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL, preexec_fn=_limit_child)
    except OSError as exc:
        return "", "", f"the PDF reader could not start: {exc}"
    try:
        out, _ = await asyncio.wait_for(proc.communicate(data), timeout)
    except (TimeoutError, asyncio.CancelledError) as exc:
        proc.kill()
        await proc.wait()
        if isinstance(exc, asyncio.CancelledError):
            raise
        return "", "", f"reading the PDF took longer than {timeout:.0f} s"
    if proc.returncode != 0:
        return "", "", "the PDF could not be read (the reader failed on it)"
    try:
        got = json.loads(out)
        return str(got["title"]), str(got["text"]), ""
    except (ValueError, KeyError, TypeError):
        return "", "", "the PDF could not be read (the reader failed on it)"


def _main() -> None:  # the child process of read_pdf: PDF bytes on stdin, {"title", "text"} as JSON on stdout
    logging.disable(logging.CRITICAL)
    data = sys.stdin.buffer.read()
    json.dump({"title": pdf_title(data), "text": pdf_text(data)}, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    _main()
