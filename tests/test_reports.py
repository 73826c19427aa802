"""The scorecard: PDF, HTML, CSV and JSON in English and Dutch, built from hand-made results.

Rendering a PDF takes a couple of seconds, so the documents are rendered once per module and read
by many tests.
"""

from __future__ import annotations

import base64
import csv
import io
import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from PIL import Image, ImageChops, ImageDraw, ImageStat
from pypdf import PdfReader
from weasyprint import HTML

from checks import catalogue
from reports import paper as render_module
from reports.evidence import MAX_WIDTH, ScreenshotCropper
from reports.fetcher import STATIC_DIR, RefusedResource, RunFolderFetcher
from reports.i18n import LOCALE_DIR, UnsupportedLanguage
from reports.render import findings_csv, html_to_pdf, render_html, render_report
from reports.texts import ladder, remediation
from safehaven.catalogue import AREAS, SCORED_STATUSES
from safehaven.models import (
    AreaScore,
    Box,
    BundleInfo,
    Evidence,
    Finding,
    PageSummary,
    PlatformSpec,
    Quote,
    Result,
    RunInfo,
    ScoreCard,
    WriteRecord,
)

STATUSES = ("pass", "partial", "fail", "needs_review", "not_applicable", "not_assessed", "error")
HOSTILE = ('<script>alert(1)</script> <img src="http://evil.test/x.png"> '
           '<link rel=stylesheet href="file:///etc/passwd">')
REPORTS_DIR = Path(render_module.__file__).parent


# --------------------------------------------------------------------------- building runs by hand


def draw_screenshot(path: Path, *, size: tuple[int, int] = (1280, 2000), button: Box | None = None) -> None:
    """A plain page with a header, lines of 'text' and, optionally, a red button at `button`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new("RGB", size, (248, 248, 250))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, size[0], 80), fill=(30, 40, 90))
    for n in range(40):
        draw.rectangle((60, 120 + n * 40, 60 + (n * 37) % 700 + 200, 132 + n * 40), fill=(120, 120, 130))
    if button:
        draw.rectangle((button.x, button.y, button.x + button.width, button.y + button.height), fill=(200, 0, 0))
    img.save(path)


def quote_for(check_id: str) -> str:
    return f"Our policy for {check_id} keeps reported ads for ninety days."


def build_result(run_dir: Path, *, statuses: dict[str, str] | None = None, run_id: str = "run-b",
                 started: str = "2026-03-12T14:05:00+01:00") -> Result:
    """A result with every catalogue check, every status, quotes, screenshots and hostile page text."""
    button = Box(x=1100, y=300, width=120, height=40)
    draw_screenshot(run_dir / "bundle/pages/p001/screenshot.png", button=button)
    draw_screenshot(run_dir / "bundle/pages/p002/screenshot.png")
    findings = []
    for n, cid in enumerate(catalogue()):
        status = (statuses or {}).get(cid, STATUSES[n % len(STATUSES)])
        evidence = [Evidence(kind="screenshot", path="bundle/pages/p001/screenshot.png", box=button,
                             url=f"https://platform.test/item/{n}", note="report link in the header")]
        if n % 2:
            evidence = [Evidence(kind="page", path="bundle/pages/p002/page.json",
                                 url="https://platform.test/a/very/long/path/" + "segment-" * 30)]
        findings.append(Finding(
            check=cid, area=cid.split("-")[0], status=status, score=SCORED_STATUSES.get(status),
            basis="stated" if n % 3 == 0 else "observed",
            summary=f"Finding text for {cid}.", level=1 if cid == "AGE-02" else None,
            evidence=evidence, quotes=[Quote(url="https://platform.test/privacy", text=quote_for(cid))],
        ))
    hostile = next(f for f in findings if f.check == "REPORT-01")
    hostile.summary = HOSTILE
    hostile.quotes.append(Quote(url="javascript:alert(2)", text=HOSTILE))
    hostile.evidence.append(Evidence(kind="screenshot", path="../../../../etc/passwd", url=HOSTILE))
    hostile.evidence.append(Evidence(kind="screenshot", path="/etc/hostname"))
    score = ScoreCard(overall=47.5, grade="D", provisional=True, coverage=0.6, caps=["REPORT-01"],
                      areas={a: AreaScore(score=50.0, level=2 if a != "CONTACT" else 0, scored=2, total=3)
                             for a in AREAS})
    return Result(
        platform=PlatformSpec(name="Testplatform", url="https://platform.test/"),
        run=RunInfo(id=run_id, started_at=started, finished_at="2026-03-12T14:19:00+01:00",
                    tool_version="0.1.0", browser="Chromium 131", manifest_sha256="ab" * 32),
        score=score,
        findings=findings,
        pages=[PageSummary(url="https://platform.test/", role="start", status=200, title="Home"),
               PageSummary(url="https://platform.test/item/1", role="item", status=200, title=HOSTILE),
               PageSummary(url="https://platform.test/help", role="help", status=None, error="net::ERR_TIMED_OUT")],
    )


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    run_dir = tmp_path_factory.mktemp("runs") / "run-b"
    result = build_result(run_dir)
    write_bundle_info(run_dir, WRITES)
    return run_dir, result


WRITES = [
    WriteRecord(method="POST", url="https://platform.test/api/messages", resource_type="xhr", probe="contact",
                action="Send message", page_url="https://platform.test/item/1"),
    WriteRecord(method="POST", url="https://platform.test/api/messages", resource_type="xhr", probe="contact",
                action="Send message", page_url="https://platform.test/item/2", count=2),
    WriteRecord(method="POST", url="https://platform.test/collect", resource_type="ping", probe="crawl"),
    WriteRecord(method="POST", url="https://platform.test/enter", resource_type="form", probe="crawl",
                action='submit form "I am 18"', during="passing the age gate"),
    WriteRecord(method="POST", url="https://platform.test/login", resource_type="document", probe="login",
                allowed=True),
]


def write_bundle_info(run_dir: Path, writes: list[WriteRecord]) -> None:
    info = BundleInfo(platform=PlatformSpec(name="Testplatform", url="https://platform.test/"), writes=writes)
    (run_dir / "bundle").mkdir(parents=True, exist_ok=True)
    (run_dir / "bundle" / "bundle.json").write_text(info.model_dump_json(by_alias=True), "utf-8")


@pytest.fixture(scope="module")
def rendered(run: tuple[Path, Result], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The PDF in both languages and the HTML, rendered once with the network switched off."""
    run_dir, result = run
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _no_network)
        return {
            "en.pdf": render_report(result, run_dir, out / "scorecard.en.pdf", fmt="pdf", lang="en", catalogue=catalogue()),
            "nl.pdf": render_report(result, run_dir, out / "scorecard.nl.pdf", fmt="pdf", lang="nl", catalogue=catalogue()),
            "en.html": render_report(result, run_dir, out / "scorecard.en.html", fmt="html", lang="en", catalogue=catalogue()),
        }


def _no_network(*args: object, **kwargs: object) -> None:
    raise AssertionError("the scorecard tried to open a network connection")


# --------------------------------------------------------------------------- PDF content


def test_english_pdf_shows_grade_every_check_and_every_quote(rendered: dict[str, Path]) -> None:
    text = flat(pdf_text(rendered["en.pdf"]))
    assert "receives grade D" in text
    assert "PROVISIONAL" in text.upper()
    for cid in catalogue():
        assert cid in text
        assert quote_for(cid) in text
    assert "Summary" in text
    assert "WHY IT MATTERS" in text.upper() and "WHAT TO CHANGE" in text.upper()


def test_dutch_pdf_speaks_dutch(rendered: dict[str, Path]) -> None:
    text = flat(pdf_text(rendered["nl.pdf"]))
    assert "Samenvatting" in text and "WAAROM DIT ERTOE DOET" in text.upper() and "KLASSE" in text.upper()
    for cid, meta in catalogue().items():
        assert cid in text
        assert meta.text("title", "nl") in text
        assert meta.text("title", "en") not in text
    assert "Summary" not in text and "WHY IT MATTERS" not in text.upper()
    assert remediation(catalogue()["REPORT-03"], "nl").why.split(".")[0] in text
    assert "maart 2026" in text
    assert "AVG art. 13(2)(a)" in text and "GDPR" not in text


def test_pdf_has_pages_with_header_and_page_numbers(rendered: dict[str, Path]) -> None:
    reader = PdfReader(rendered["en.pdf"])
    assert len(reader.pages) >= 2
    second = reader.pages[1].extract_text()
    assert "Testplatform" in second and "12 March 2026" in second
    assert f"Page 2 of {len(reader.pages)}" in second
    dutch = PdfReader(rendered["nl.pdf"])
    assert f"Pagina 2 van {len(dutch.pages)}" in dutch.pages[1].extract_text()


def test_pdf_has_no_empty_page(rendered: dict[str, Path]) -> None:
    for page in PdfReader(rendered["en.pdf"]).pages[1:]:
        body = [line for line in page.extract_text().splitlines() if line.strip()]
        assert len(body) > 4, body  # more than the header and footer


def test_cover_shows_platform_time_zone_run_and_methodology(rendered: dict[str, Path]) -> None:
    cover = flat(PdfReader(rendered["en.pdf"]).pages[0].extract_text())
    assert "Testplatform" in cover and "https://platform.test/" in cover
    assert "12 March 2026, 14:05 UTC+01:00" in cover
    assert "run-b" in cover and "version 1" in cover


def test_method_page_shows_manifest_hash_and_weights(rendered: dict[str, Path]) -> None:
    text = flat(pdf_text(rendered["en.pdf"]))
    assert "ab" * 32 in text.replace(" ", "")
    assert "never sends a real report" in text
    for area in catalogue().areas.values():
        assert f"{area.weight}%" in text


def test_method_page_lists_the_writes_the_browser_refused(rendered: dict[str, Path]) -> None:
    text = flat(pdf_text(rendered["en.pdf"]))
    assert "Writes refused in this run" in text
    assert "tried to send 5 requests" in text  # 1 + 2 (grouped as one row, x3) + beacon + gate; the login is ours
    assert "×3" in text and "Send message" in text and "contact controls" in text
    assert "while reading pages" in text
    assert "platform.test/login" not in text.replace(" ", "")  # the audit's own allowed login write
    dutch = flat(pdf_text(rendered["nl.pdf"]))
    assert "Geweigerde schrijfverzoeken in deze audit" in dutch and "contactknoppen" in dutch
    assert "passing the age gate" in text and "bij het passeren van de leeftijdspoort" in dutch


def test_a_run_without_refused_writes_has_no_writes_table(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    result = build_result(run_dir)
    write_bundle_info(run_dir, WRITES[-1:])  # only the allowed login write
    html = render_html(result, run_dir, catalogue=catalogue(), lang="en")
    assert "Writes refused in this run" not in html
    assert "nothing was submitted to the platform" in html


def test_coverage_lists_pages_roles_and_what_was_not_assessed(rendered: dict[str, Path]) -> None:
    text = flat(pdf_text(rendered["en.pdf"]))
    assert "Pages visited" in text and "Start page" in text and "Item page" in text
    assert "net::ERR_TIMED_OUT" in text
    assert "What could not be assessed" in text


def test_pdftoppm_renders_every_page(rendered: dict[str, Path], tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(rendered["en.pdf"]), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(PdfReader(rendered["en.pdf"]).pages)
    with Image.open(pngs[0]) as first:
        assert first.getextrema() != ((255, 255), (255, 255), (255, 255))  # the cover is not blank


# --------------------------------------------------------------------------- hostile content


def test_hostile_page_text_is_escaped_in_html(rendered: dict[str, Path]) -> None:
    html = rendered["en.html"].read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()
    assert "<img src=\"http" not in html and "<link" not in html.lower()
    assert "javascript:alert(2)" in html and 'href="javascript' not in html


def test_hostile_page_text_is_literal_in_pdf(rendered: dict[str, Path]) -> None:
    text = flat(pdf_text(rendered["en.pdf"]))
    assert "<script>alert(1)</script>" in text
    assert '<img src="http://evil.test/x.png">' in text


def test_html_is_self_contained_without_scripts(rendered: dict[str, Path]) -> None:
    html = rendered["en.html"].read_text("utf-8")
    assert "Content-Security-Policy" in html
    sources = re.findall(r"<img[^>]*\ssrc=\"([^\"]*)\"", html)
    assert sources and all(s.startswith("data:image/jpeg;base64,") for s in sources)
    assert not re.search(r"<(script|iframe|object|embed|link)\b", html, re.I)
    assert not re.search(r"\s(src|href)=\"(?!data:|#)", html)


def test_evidence_paths_outside_the_run_folder_are_not_read(run: tuple[Path, Result]) -> None:
    run_dir, _ = run
    cropper = ScreenshotCropper(run_dir)
    assert cropper.crop("../../../../etc/passwd") is None
    assert cropper.crop("/etc/hostname") is None
    assert cropper.crop("bundle/pages/p001/screenshot.png") is not None


def test_fetcher_serves_run_folder_static_folder_and_data_urls(run: tuple[Path, Result]) -> None:
    run_dir, _ = run
    fetcher = RunFolderFetcher(run_dir)
    inside = fetcher.fetch((run_dir / "bundle/pages/p001/screenshot.png").resolve().as_uri())
    assert inside.read()[:4] == b"\x89PNG"
    assert fetcher.fetch((STATIC_DIR / "scorecard.css").resolve().as_uri()).read()
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"


@pytest.mark.parametrize("url", [
    "http://evil.test/x.png",
    "https://evil.test/x.png",
    "ftp://evil.test/x.png",
    "file:///etc/passwd",
    "file://evil.test/share/x.png",
    "//evil.test/x.png",
    "gopher://evil.test/",
])
def test_fetcher_refuses_everything_else(run: tuple[Path, Result], url: str) -> None:
    fetcher = RunFolderFetcher(run[0])
    with pytest.raises(RefusedResource):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_refuses_escapes_by_dot_dot_and_symlink(run: tuple[Path, Result], tmp_path: Path) -> None:
    run_dir, _ = run
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    link = run_dir / "bundle" / "escape.txt"
    link.symlink_to(secret)
    try:
        fetcher = RunFolderFetcher(run_dir)
        with pytest.raises(RefusedResource):
            fetcher.fetch(link.as_uri())
        with pytest.raises(RefusedResource):
            fetcher.fetch((run_dir / "bundle" / ".." / ".." / secret.name).as_uri())
    finally:
        link.unlink()


def test_rendering_hostile_content_fetches_nothing_outside(run: tuple[Path, Result], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    run_dir, result = run
    fetchers: list[RunFolderFetcher] = []

    class RecordingFetcher(RunFolderFetcher):
        def __init__(self, *folders: Path):
            super().__init__(*folders)
            fetchers.append(self)

    monkeypatch.setattr(render_module, "RunFolderFetcher", RecordingFetcher)
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    render_report(result, run_dir, tmp_path / "x.pdf", fmt="pdf", catalogue=catalogue())
    assert len(fetchers) == 1
    assert fetchers[0].refused == []
    assert all(u.startswith("data:") for u in fetchers[0].served)


def test_markup_that_reached_weasyprint_would_still_be_refused(run: tuple[Path, Result],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: even unescaped markup cannot make WeasyPrint load from outside the run."""
    run_dir, _ = run
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    fetcher = RunFolderFetcher(run_dir)
    raw = ("<html><head><link rel=stylesheet href='file:///etc/passwd'>"
           "<link rel=stylesheet href='http://evil.test/x.css'></head>"
           "<body><p>x</p><img src='http://evil.test/x.png'><img src='../../../etc/hostname'>"
           "<img src='bundle/pages/p001/screenshot.png'></body></html>")
    pdf = html_to_pdf(raw, run_dir, fetcher)
    assert pdf.startswith(b"%PDF")
    assert "file:///etc/passwd" in fetcher.refused
    assert "http://evil.test/x.css" in fetcher.refused and "http://evil.test/x.png" in fetcher.refused
    assert any(u.endswith("/etc/hostname") for u in fetcher.refused)
    assert any(u.endswith("bundle/pages/p001/screenshot.png") for u in fetcher.served)


# --------------------------------------------------------------------------- CSV and JSON


def test_csv_has_one_row_per_finding_with_url_and_quotes(run: tuple[Path, Result], tmp_path: Path) -> None:
    run_dir, result = run
    out = render_report(result, run_dir, tmp_path / "findings.csv", fmt="csv", catalogue=catalogue())
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert len(rows) == len(result.findings) == len(catalogue())
    assert list(rows[0])[:8] == ["check", "area", "status", "score", "basis", "summary", "evidence_url", "quotes"]
    first = rows[0]
    assert first["check"] == "AGE-01" and first["status"] == "pass" and first["score"] == "1"
    assert first["evidence_url"] == "https://platform.test/item/0"
    assert quote_for("AGE-01") in first["quotes"]
    assert {r["status"] for r in rows} == set(STATUSES)


def test_csv_neutralises_spreadsheet_formulas(run: tuple[Path, Result]) -> None:
    _, result = run
    evil = result.model_copy(deep=True)
    evil.findings[0].summary = "=HYPERLINK(\"http://evil.test\",\"click\")"
    rows = list(csv.reader(io.StringIO(findings_csv(evil, catalogue=catalogue()))))
    assert rows[1][5].startswith("'=")


def test_json_is_the_result_itself(run: tuple[Path, Result], tmp_path: Path) -> None:
    run_dir, result = run
    out = render_report(result, run_dir, tmp_path / "result.json", fmt="json", catalogue=catalogue())
    assert Result.model_validate_json(out.read_text("utf-8")) == result


def test_unknown_language_or_format_is_refused(run: tuple[Path, Result], tmp_path: Path) -> None:
    run_dir, result = run
    with pytest.raises(UnsupportedLanguage):
        render_report(result, run_dir, tmp_path / "x.pdf", lang="de", catalogue=catalogue())
    with pytest.raises(ValueError):
        render_report(result, run_dir, tmp_path / "x.docx", fmt="docx", catalogue=catalogue())


# --------------------------------------------------------------------------- evidence crops and size


def test_crop_outlines_the_box_and_stays_small(run: tuple[Path, Result]) -> None:
    run_dir, _ = run
    cropper = ScreenshotCropper(run_dir)
    crop = cropper.crop("bundle/pages/p001/screenshot.png", Box(x=1100, y=300, width=120, height=40))
    assert crop is not None and crop.outlined
    assert crop.width <= MAX_WIDTH and crop.data_uri.startswith("data:image/jpeg;base64,")
    top = cropper.crop("bundle/pages/p002/screenshot.png")
    assert top is not None and not top.outlined and top.width <= MAX_WIDTH and top.height < top.width


def test_box_off_the_screenshot_falls_back_to_the_top(run: tuple[Path, Result]) -> None:
    run_dir, _ = run
    crop = ScreenshotCropper(run_dir).crop("bundle/pages/p001/screenshot.png", Box(x=5000, y=9000, width=10, height=10))
    assert crop is not None and not crop.outlined


def test_the_stylesheet_parsed_once_gives_the_very_same_pdf(tmp_path: Path) -> None:
    """html_to_pdf hands WeasyPrint the stylesheet it parsed before instead of the page's <style>: same bytes."""
    body = ('<section class="area first"><div class="area-intro"><header class="area-head"><div><p class="kicker">'
            'Area</p><h1>Report</h1></div><div class="area-figures"><p class="af-score" style="color: #d7262b">50'
            '<span class="of">/100</span></p></div></header></div><article class="check st-fail"><header '
            'class="check-head"><span class="badge st-fail"><span class="icon">✗</span> Fail</span><span class="cid">'
            'REPORT-01</span><h2>A title long enough to wrap beside the badge and the basis</h2><span class="basis">'
            'observed</span></header><p class="finding"><span class="label">Finding</span> text</p><div class="why-fix">'
            '<div class="why"><h3>Why</h3><p class="legal">DSA art. 16</p></div></div></article></section>')
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>\n{render_module.stylesheet()}'
            f'\n</style></head><body>{body}</body></html>')
    before = render_module._parsed_stylesheet.cache_info().hits
    first, second = html_to_pdf(html, tmp_path), html_to_pdf(html, tmp_path)
    assert render_module._parsed_stylesheet.cache_info().hits > before  # parsed once, then reused
    assert first == second == HTML(string=html, base_url=tmp_path.resolve().as_uri() + "/").write_pdf()


def test_a_jpeg_screenshot_halved_anyway_is_decoded_at_half_size_and_looks_the_same(tmp_path: Path) -> None:
    """The decoder's own half-size decode (draft) gives the crop a full decode and a resize would give."""
    shot = tmp_path / "bundle/pages/p001/screenshot.jpg"
    shot.parent.mkdir(parents=True)
    photo = Image.blend(Image.effect_noise((1280, 1800), 30).convert("RGB"),
                        Image.linear_gradient("L").resize((1280, 1800)).convert("RGB"), 0.7)
    ImageDraw.Draw(photo).rectangle((200, 300, 700, 520), fill=(20, 120, 220))
    photo.save(shot, quality=90)
    cropper = ScreenshotCropper(tmp_path)
    top = cropper.crop("bundle/pages/p001/screenshot.jpg")
    assert top is not None and (top.width, top.height) == (MAX_WIDTH, round(1280 * 0.6 * MAX_WIDTH / 1280))
    got = Image.open(io.BytesIO(base64.b64decode(top.data_uri.split(",", 1)[1]))).convert("RGB")
    with Image.open(shot) as full:
        want = full.convert("RGB").crop((0, 0, 1280, 768)).resize(got.size, Image.Resampling.LANCZOS)
    diff = ImageChops.difference(got, want).convert("L")
    assert ImageStat.Stat(diff).mean[0] < 8  # JPEG noise, not a shifted or wrong window
    assert got.getpixel((225, 205)) == pytest.approx((20, 120, 220), abs=40)  # the blue block, halved: 100..350
    # A second crop of the same screenshot: an outlined element where the box is, at the same scale.
    boxed = cropper.crop("bundle/pages/p001/screenshot.jpg", Box(x=300, y=1400, width=200, height=60))
    assert boxed is not None and boxed.outlined and boxed.width <= MAX_WIDTH
    img = Image.open(io.BytesIO(base64.b64decode(boxed.data_uri.split(",", 1)[1]))).convert("RGB")
    magenta = [x for x in range(img.width) if (lambda p: p[0] > 180 and p[1] < 90 and p[2] > 70)(
        img.getpixel((x, img.height // 2)))]
    assert magenta, "the outline crosses the middle row of the crop"


def test_a_25_finding_report_with_photo_screenshots_stays_under_5_mb(tmp_path: Path) -> None:
    run_dir = tmp_path / "big"
    result = build_result(run_dir, run_id="big")
    extra = []
    for n in range(25):
        rel = f"bundle/pages/x{n:02d}/screenshot.png"
        photo = Image.effect_noise((1280, 1600), 35).convert("RGB")
        photo = Image.blend(photo, Image.linear_gradient("L").resize((1280, 1600)).convert("RGB"), 0.6)
        (run_dir / rel).parent.mkdir(parents=True)
        photo.save(run_dir / rel)
        extra.append(Evidence(kind="screenshot", path=rel, box=Box(x=100, y=400 + n, width=300, height=80)))
    for n, finding in enumerate(result.findings):
        finding.status = "fail"
        finding.evidence = [extra[n], extra[(n + 1) % 25]]
    out = render_report(result, run_dir, tmp_path / "big.pdf", fmt="pdf", catalogue=catalogue())
    assert out.stat().st_size < 5 * 1024 * 1024


def test_a_bare_result_still_renders(tmp_path: Path) -> None:
    """No pages, no scores, an unknown check and evidence files that do not exist: still a scorecard."""
    bare = Result(
        platform=PlatformSpec(name="Bare", url="https://bare.test/"),
        run=RunInfo(id="bare", started_at="not a date", tool_version="0.1.0"),
        score=ScoreCard(overall=None, grade="E", provisional=True, coverage=0.0),
        findings=[Finding(check="XYZ-99", area="XYZ", status="error", summary="",
                          evidence=[Evidence(kind="screenshot", path="bundle/missing.png")])],
    )
    for lang in ("en", "nl"):
        out = render_report(bare, tmp_path, tmp_path / f"bare.{lang}.pdf", lang=lang, catalogue=catalogue())
        text = flat(pdf_text(out))
        assert "XYZ-99" in text and "Bare" in text


# --------------------------------------------------------------------------- since the last audit


def test_since_the_last_audit_lists_fixed_and_regressed_checks(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    before = build_result(runs / "run-a", run_id="run-a", started="2026-01-05T10:00:00+01:00",
                          statuses={"REPORT-01": "fail", "CONTACT-02": "pass", "EVIDENCE-03": "partial"})
    before.score.grade = "E"
    (runs / "run-a" / "result.json").write_text(before.to_json(), "utf-8")
    after = build_result(runs / "run-b", run_id="run-b",
                         statuses={"REPORT-01": "pass", "CONTACT-02": "fail", "EVIDENCE-03": "pass"})
    html = render_html(after, runs / "run-b", lang="en", baseline=before, catalogue=catalogue())
    section = html[html.index('id="changes"'):html.index('id="area-AGE"')]
    assert "Since the last audit" in section and "5 January 2026" in section
    fixed = section[section.index("Fixed or improved"):section.index("Got worse")]
    assert "REPORT-01" in fixed and "EVIDENCE-03" in fixed and "CONTACT-02" not in fixed
    assert "CONTACT-02" in section[section.index("Got worse"):]
    assert "Then" in section and section.count("data:image/jpeg") >= 2  # screenshots side by side
    dutch = render_html(after, runs / "run-b", lang="nl", baseline=before, catalogue=catalogue())
    assert "Sinds de vorige audit" in dutch and "Opgelost of verbeterd" in dutch
    elsewhere = before.model_copy(deep=True)
    elsewhere.run.id = "not-on-this-machine"
    lists_only = render_html(after, runs / "run-b", lang="en", baseline=elsewhere, catalogue=catalogue())
    section = lists_only[lists_only.index('id="changes"'):lists_only.index('id="area-AGE"')]
    assert "REPORT-01" in section and "data:image" not in section


# --------------------------------------------------------------------------- texts as data


def test_every_template_string_has_a_dutch_translation() -> None:
    method_map = [("templates/**.j2", "jinja2")]
    options = {"templates/**.j2": {"extensions": "jinja2.ext.i18n"}}
    ids = {msg[2] if isinstance(msg[2], str) else msg[2][0]
           for msg in extract_from_dir(str(REPORTS_DIR), method_map, options_map=options)}
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh)
    translated = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    missing = sorted(i for i in ids if i not in translated or not translated[i].string
                     or translated[i].fuzzy)
    assert not missing, missing


def test_remediation_explains_every_check_in_both_languages() -> None:
    assert all(set(meta.texts) == {"en", "nl"} for meta in catalogue().values())
    for cid in catalogue():
        for lang in ("en", "nl"):
            texts = remediation(catalogue()[cid], lang)
            assert len(texts.why) > 80 and len(texts.fix) > 80, (cid, lang)
        assert remediation(catalogue()[cid], "nl").why != remediation(catalogue()[cid], "en").why


def test_ladders_cover_every_area_and_level_in_both_languages() -> None:
    for area in AREAS:
        en, nl = ladder(area, "en"), ladder(area, "nl")
        assert [r.level for r in en.rungs] == [r.level for r in nl.rungs]
        assert en.rungs[0].level == 0 and en.max_level in (4, 5)
        assert all(r.label and (r.step or r.level == 0) for r in (*en.rungs, *nl.rungs))
        assert all(a.label != b.label for a, b in zip(en.rungs, nl.rungs, strict=True))


def test_stylesheet_custom_properties_are_filled_in_for_weasyprint():
    """WeasyPrint resolves var() anew for every element: the stylesheet reaches it with the values filled in."""
    css = str(render_module.stylesheet())
    assert "var(--" not in css
    assert ".cover-band { background: #16264a;" in css  # var(--navy) from :root
    assert render_module.inline_custom_properties(
        ":root {\n  --a: #123456;\n  --b: 2mm;\n}\np { color: var(--a); margin: var(--b) var(--c); }"
    ) == ":root {\n  --a: #123456;\n  --b: 2mm;\n}\np { color: #123456; margin: 2mm var(--c); }"


def test_a_note_written_for_many_pages_is_shown_once_with_its_count() -> None:
    """HELP-01 writes "no link to a help page" once per item page: the card lists it once, "(×3)", not three times,
    and keeps distinct notes apart in the order they were first seen."""
    from reports.scorecard import distinct_notes

    notes = ["no link to a help page", "help page read: /help", "no link to a help page", "",
             "no link to a help page"]
    assert distinct_notes(notes) == ["no link to a help page (×3)", "help page read: /help"]
    assert distinct_notes(["a", "b"]) == ["a", "b"]
    assert distinct_notes([]) == []
