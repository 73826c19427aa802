"""The policy reader on real published policies: verdict agreement and precision / recall per clause type.

    python benchmarks/bench_policies.py                 # every labelled document, per split (tune, holdout, holdout2..18) and all
    python benchmarks/bench_policies.py --show FILE     # one document: the reader's verdicts, quotes and labels
    python benchmarks/bench_policies.py --candidates FILE  # sentences a labeller should read (keyword hits)

The corpus is benchmarks/policies/docs/*.md (privacy policies, terms, community rules and law-enforcement
pages copied from public archives of terms, each with its source repository, path, commit and date in a
front-matter block) and benchmarks/policies/labels.toml (per document and check: the verdict a careful
reader gives following the check catalogue, the sentences that decide it and why). Each document is read on its
own, as a one-page bundle whose URL says what kind of page it is, by the real checks (EVIDENCE-02..05,
TERMS-01 on terms and rules pages).

Clause types are scored per (document, item) pair: `retention` items are the kinds of data given a concrete
period, `preservation`, `cooperation` (own-initiative reporting), `authority_contact` (a route meant for
authorities) and `prohibition` items are the topics forbidden (trafficking, minors, third_party).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from checks import registry  # noqa: E402
from checks.text import split_sentences  # noqa: E402
from safehaven.bundle import Bundle  # noqa: E402
from tests.bundles import link, make_bundle, page  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "policies"
DOCS = CORPUS / "docs"
LABELS = CORPUS / "labels.toml"
EVIDENCE_CHECKS = ("EVIDENCE-02", "EVIDENCE-03", "EVIDENCE-04", "EVIDENCE-05")
TERMS_KINDS = ("terms", "rules")
CLAUSE_TYPES = ("retention", "preservation", "cooperation", "authority_contact", "prohibition")
URL_SLUGS = {"privacy policy": "privacy-policy", "privacybeleid": "privacybeleid", "terms of service": "terms-of-service",
             "community guidelines": "community-guidelines", "law enforcement guidelines": "law-enforcement",
             "acceptable use policy": "acceptable-use-policy", "marketplace sellers conditions": "voorwaarden-vraag-aanbod",
             "transparency report": "transparency"}
KIND_OF_DOC = {"privacy-policy": "privacy", "privacybeleid": "privacy", "terms-of-service": "terms",
               "community-guidelines": "rules", "law-enforcement": "law_enforcement", "acceptable-use-policy": "rules",
               "voorwaarden-vraag-aanbod": "terms",
               # a DSA transparency page: read for EVIDENCE like any policy page, but it is no terms or rules page
               "transparency": "transparency"}


@dataclass
class Document:
    file: str
    meta: dict[str, str]
    markdown: str
    label: dict = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return URL_SLUGS[self.meta["document"].lower()]

    @property
    def kind(self) -> str:
        return KIND_OF_DOC[self.slug]

    @cached_property
    def url(self) -> str:
        """The page's address on the service's own domain when its links show it (a policy served from wechat.com
        links wechat.com's law-enforcement page as its own site's), else a made-up host for the service."""
        name = re.sub(r"[^a-z0-9]+", "", self.meta["service"].lower())
        return f"https://www.{own_domain(name, self.links) or name + '.example'}/legal/{self.slug}"

    @property
    def language(self) -> str:
        if "language" in self.meta:  # an English document from a collection of mostly Dutch ones says so
            return self.meta["language"]
        return "nl" if self.file.endswith("-nl.md") or self.meta["source_repo"].endswith("p2b-compliance-versions") else "en"

    @property
    def checks(self) -> tuple[str, ...]:
        return EVIDENCE_CHECKS + (("TERMS-01",) if self.kind in TERMS_KINDS else ())

    @cached_property
    def _rendered(self) -> tuple[str, list[tuple[str, str]]]:
        soup = _soup(self.markdown)  # parsed once for both: the links first, as the text is taken apart
        links = soup_links(soup)
        return soup_text(soup), links

    @property
    def text(self) -> str:
        return self._rendered[0]

    @property
    def links(self) -> list[tuple[str, str]]:
        return self._rendered[1]


def own_domain(name: str, links: list[tuple[str, str]]) -> str:
    """The most linked domain (its last two labels) whose first label is the service's name ("help.xanga.com" for
    Xanga: xanga.com), or ""."""
    domains = Counter()
    for _, href in links:
        host = (urlsplit(href).hostname or "").lower()
        labels = host.split(".")
        if len(labels) >= 2 and labels[-2] == name:
            domains[".".join(labels[-2:])] += 1
    return domains.most_common(1)[0][0] if domains else ""


def load(path: Path) -> Document:
    raw = path.read_text("utf-8")
    _, front, body = raw.split("---\n", 2)
    meta = dict(line.split(": ", 1) for line in front.strip().splitlines())
    return Document(file=path.name, meta=meta, markdown=body)


@cache
def labels() -> dict[str, dict]:
    if not LABELS.exists():
        return {}
    return {d["file"]: d for d in tomllib.loads(LABELS.read_text("utf-8"))["doc"]}


def corpus() -> list[Document]:
    """Every document with its labels; loaded once per process, so each page's markdown is parsed once however often
    the corpus is asked for (the corpus test checks the sources and then judges the same documents)."""
    return list(_corpus())


@cache
def _corpus() -> tuple[Document, ...]:
    out = []
    for path in sorted(DOCS.glob("*.md")):
        doc = load(path)
        doc.label = labels().get(doc.file, {})
        out.append(doc)
    return tuple(out)


_MD = MarkdownIt("commonmark").enable("table")


def _soup(md: str) -> BeautifulSoup:
    return BeautifulSoup(_MD.render(md), "html.parser")


def markdown_text(md: str) -> str:
    return soup_text(_soup(md))


def markdown_links(md: str) -> list[tuple[str, str]]:
    return soup_links(_soup(md))


def soup_text(soup: BeautifulSoup) -> str:
    """The text a browser's innerText gives for the rendered page: blocks on their own lines, list items
    with a bullet, table cells separated by tabs (takes the soup apart)."""
    # A browser collapses the line breaks inside a paragraph (a soft break in the source is a space).
    for node in soup.find_all(string=True):
        if "\n" in node and node.parent.name != "pre":
            node.replace_with(node.replace("\n", " "))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for row in soup.find_all("tr"):
        row.replace_with("\t".join(c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])) + "\n")
    for li in soup.find_all("li"):
        li.insert(0, "\n- ")
    for block in soup.find_all(["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table"]):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = [re.sub(r"[ \t]*\n[ \t]*", " ", ln).strip() if "\t" not in ln else ln.strip()
             for ln in soup.get_text().split("\n")]
    return "\n".join(ln for ln in lines if ln)


def soup_links(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """The (name, href) of the page's links, as the collector records a page's anchors: a policy that gives an
    address only as a link ("contact [Nami](mailto:...)") offers it to a reader all the same."""
    return [(a.get_text(" ", strip=True), a["href"]) for a in soup.find_all("a", href=True)]


def judge(doc: Document, workdir: Path) -> dict[str, object]:
    """The real checks' findings for one document read as a one-page bundle (its text and its links)."""
    elements = [link(name, href) for name, href in doc.links]
    run = make_bundle(workdir, pages=[page(doc.url, role="policy", text=doc.text, lang=doc.language,
                                           title=doc.meta["document"], elements=elements)],
                      url=doc.url.split("/legal")[0] + "/")
    bundle = Bundle(run)
    checks = registry()
    return {cid: checks[cid](bundle) for cid in doc.checks}


# =============================================================================== scoring


def predicted_items(findings: dict[str, object]) -> dict[str, set[str]]:
    """Per clause type, the items the reader found in one document."""
    out: dict[str, set[str]] = {t: set() for t in CLAUSE_TYPES}
    e2, e3, e4, e5 = (findings[c] for c in EVIDENCE_CHECKS)
    out["retention"] = set(e2.details.get("kinds", {}))
    if e3.status in ("pass", "partial"):
        out["preservation"] = {"stated"}
    if e4.status == "pass":
        out["cooperation"] = {"proactive"}
    if e5.status == "pass":
        out["authority_contact"] = {"authorities"}
    if "TERMS-01" in findings:
        out["prohibition"] = set(findings["TERMS-01"].details.get("forbids", []))
    return out


def expected_items(doc: Document) -> dict[str, set[str]]:
    lab = doc.label
    out: dict[str, set[str]] = {t: set() for t in CLAUSE_TYPES}
    out["retention"] = set(lab.get("EVIDENCE-02", {}).get("kinds", {}))
    if lab.get("EVIDENCE-03", {}).get("verdict") in ("pass", "partial"):
        out["preservation"] = {"stated"}
    if lab.get("EVIDENCE-04", {}).get("verdict") == "pass":
        out["cooperation"] = {"proactive"}
    if lab.get("EVIDENCE-05", {}).get("verdict") == "pass":
        out["authority_contact"] = {"authorities"}
    if "TERMS-01" in lab:
        out["prohibition"] = set(lab["TERMS-01"].get("topics", []))
    return out


@dataclass
class Score:
    verdicts: int = 0
    agree: int = 0
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLAUSE_TYPES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLAUSE_TYPES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLAUSE_TYPES, 0))
    misses: list[str] = field(default_factory=list)
    no_period_docs: int = 0
    no_period_flagged: int = 0

    @property
    def agreement(self) -> float:
        return self.agree / self.verdicts if self.verdicts else 1.0

    def precision(self, t: str) -> float:
        n = self.tp[t] + self.fp[t]
        return self.tp[t] / n if n else 1.0

    def recall(self, t: str) -> float:
        n = self.tp[t] + self.fn[t]
        return self.tp[t] / n if n else 1.0


def judge_all(docs: list[Document]) -> dict[str, dict[str, object]]:
    """Every document's findings, by file name."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, doc in enumerate(docs):
            workdir = Path(tmp) / str(n)
            workdir.mkdir()
            out[doc.file] = judge(doc, workdir)
    return out


def evaluate(docs: list[Document], judged: dict[str, dict[str, object]] | None = None) -> Score:
    judged = judged if judged is not None else judge_all(docs)
    score = Score()
    for doc in docs:
        findings = judged[doc.file]
        for cid in doc.checks:
            want = doc.label.get(cid, {}).get("verdict")
            if want is None:
                continue
            score.verdicts += 1
            got = findings[cid].status
            if got == want:
                score.agree += 1
            else:
                score.misses.append(f"{doc.file} {cid}: reader {got}, label {want}")
        got_items, want_items = predicted_items(findings), expected_items(doc)
        for t in CLAUSE_TYPES:
            score.tp[t] += len(got_items[t] & want_items[t])
            score.fp[t] += len(got_items[t] - want_items[t])
            score.fn[t] += len(want_items[t] - got_items[t])
            if t == "retention" and got_items[t] != want_items[t]:
                score.misses.append(f"{doc.file} retention kinds: reader {sorted(got_items[t])}, "
                                    f"label {sorted(want_items[t])}")
        # a document states no period when its label gives none: no kind, and EVIDENCE-02 fail (a label may be partial
        # with no kind when the one period it states is for data outside the six kinds, as an enquiry form's data)
        if not want_items["retention"] and doc.label["EVIDENCE-02"]["verdict"] == "fail":
            score.no_period_docs += 1
            # a period for "personal data in general" is a period too, though it names no kind
            general = findings["EVIDENCE-02"].details.get("general_days") is not None
            score.no_period_flagged += bool(got_items["retention"]) or general
    return score


def report(name: str, docs: list[Document], score: Score, seconds: float) -> None:
    print(f"\n== {name}: {len(docs)} documents, {score.verdicts} verdicts, {seconds:.1f} s")
    print(f"verdict agreement {score.agree}/{score.verdicts} = {score.agreement:.0%}")
    print(f"{'clause type':<18} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for t in CLAUSE_TYPES:
        print(f"{t:<18} {score.precision(t):>9.2f} {score.recall(t):>7.2f} {score.tp[t]:>4} {score.fp[t]:>4} {score.fn[t]:>4}")
    print(f"documents stating no retention period: {score.no_period_docs}, "
          f"of which the reader gave a period: {score.no_period_flagged}")
    for miss in score.misses:
        print("  miss:", miss)


def show(file: str) -> None:
    doc = next(d for d in corpus() if d.file == file or d.file.startswith(file))
    with tempfile.TemporaryDirectory() as tmp:
        findings = judge(doc, Path(tmp))
    print(doc.file, doc.url, doc.language)
    for cid, f in findings.items():
        want = doc.label.get(cid, {}).get("verdict", "?")
        print(f"\n{cid}: {f.status} (label {want}) {f.summary}")
        for q in f.quotes[:6]:
            print("   >", q.text[:300])


def candidates(file: str) -> None:
    doc = next(d for d in corpus() if d.file == file or d.file.startswith(file))
    words = {
        "E02": r"\b(\d+|one|two|three|six|twelve|thirty|ninety)\s+(days?|weeks?|months?|years?|dagen|maanden|jaar)\b"
               r"|retain|retention|bewaar",
        "E03": r"preserv|legal hold|removed content|deleted content|investigat|bewaar.*(onderzoek|politie)",
        "E04": r"ncmec|law enforcement|police|politie|authorit|justitie|report(ing)? (to|it to)|europol"
               r"|hotline",
        "E05": r"@|contact|law enforcement|legal process|subpoena|portal",
        "T01": r"traffick|exploit|minor|under (the age of )?18|child|impersonat|someone else|another person"
               r"|other person|uitbuit|minderjarig",
    }
    for s in split_sentences(doc.text, doc.language):
        hits = [k for k, rx in words.items() if re.search(rx, s.quote, re.IGNORECASE)]
        if hits:
            print(f"[{','.join(hits)}] {s.quote[:400]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show")
    ap.add_argument("--candidates")
    args = ap.parse_args()
    if args.show:
        show(args.show)
        return
    if args.candidates:
        candidates(args.candidates)
        return
    docs = [d for d in corpus() if d.label]
    start = time.perf_counter()
    judged = judge_all(docs)
    seconds = time.perf_counter() - start
    for name in dict.fromkeys(d.label.get("split", "tune") for d in docs):
        part = [d for d in docs if d.label.get("split", "tune") == name]
        report(name, part, evaluate(part, judged), seconds * len(part) / len(docs))
    report("all", docs, evaluate(docs, judged), seconds)

if __name__ == "__main__":
    main()
