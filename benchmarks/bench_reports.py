"""Time and size of rendering scorecards.

    python benchmarks/bench_reports.py                   # two synthetic 23-finding runs, the 2nd vs the 1st
    python benchmarks/bench_reports.py RUN_DIR [RUN_DIR]  # stored runs (folders with result.json)
    python benchmarks/bench_reports.py --keep /tmp/sc    # keep the rendered files to look at

Prints one line per run, language and format: wall seconds, CPU seconds (this process's, so a busy
machine inflates them less) and bytes; `--repeat N` renders each N times and prints the fastest. The synthetic run has photo-like
screenshots (noise, gradients), which compress like real ad sites do, not like flat test images.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from checks import catalogue
from reports.render import render_report
from safehaven.catalogue import AREAS, SCORED_STATUSES
from safehaven.models import (
    AreaScore,
    Box,
    Evidence,
    Finding,
    PageSummary,
    PlatformSpec,
    Quote,
    Result,
    RunInfo,
    ScoreCard,
)

FORMATS = ("pdf", "html", "csv")
LANGS = ("en", "nl")
WEIGHTS = {"AGE": 25, "REPORT": 25, "CONTACT": 20, "EVIDENCE": 20, "HELP": 5, "TERMS": 5}
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def main(argv: list[str] | None = None) -> int:
    """Render each run in each language and format, and print the time and size of each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="*", type=Path, help="run folders with a result.json")
    parser.add_argument("--keep", type=Path, help="write the reports here instead of a temporary folder")
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--langs", nargs="+", default=list(LANGS), choices=LANGS)
    parser.add_argument("--repeat", type=int, default=1, help="render each this many times; print the fastest")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        out_dir = args.keep or Path(scratch) / "out"
        out_dir.mkdir(parents=True, exist_ok=True)
        runs = [(p, _load(p), None) for p in args.runs]
        if not runs:
            first, second = Path(scratch) / "runs" / "synthetic-1", Path(scratch) / "runs" / "synthetic-2"
            baseline = synthetic_run(first)
            runs = [(first, baseline, None), (second, synthetic_run(second, improved=True), baseline)]
        print(f"{'run':<28} {'lang':<4} {'format':<6} {'seconds':>8} {'cpu s':>6} {'bytes':>11} {'pages':>5}")
        for run_dir, result, before in runs:
            for lang in args.langs:
                for fmt in args.formats:
                    out = out_dir / f"{run_dir.name}.{lang}.{fmt}"
                    seconds = cpu = float("inf")
                    for _ in range(max(1, args.repeat)):
                        start, cpu_start = time.perf_counter(), time.process_time()
                        render_report(result, run_dir, out, catalogue=catalogue(), fmt=fmt, lang=lang,
                                      baseline=before)
                        seconds = min(seconds, time.perf_counter() - start)
                        cpu = min(cpu, time.process_time() - cpu_start)
                    pages = _pdf_pages(out) if fmt == "pdf" else ""
                    print(f"{run_dir.name[:28]:<28} {lang:<4} {fmt:<6} {seconds:>8.2f} {cpu:>6.2f} "
                          f"{out.stat().st_size:>11,} {pages:>5}")
        if args.keep:
            print(f"reports kept in {out_dir}")
    return 0


def _load(run_dir: Path) -> Result:
    return Result.model_validate_json((run_dir / "result.json").read_text("utf-8"))


def _pdf_pages(path: Path) -> int | str:
    try:
        from pypdf import PdfReader
    except ImportError:
        return "?"
    return len(PdfReader(path).pages)


# --------------------------------------------------------------------------- the synthetic run


def synthetic_run(run_dir: Path, *, seed: int = 7, improved: bool = False) -> Result:
    """Write a run folder with photo-like screenshots and return a Result with all 23 checks.

    `improved` gives a later audit of the same platform in which several gaps were fixed.
    """
    rng = random.Random(seed)
    pages = {
        "p001": ("start", "https://escort-demo.test/", "Escort Demo: adverts in your region"),
        "p002": ("item", "https://escort-demo.test/ad/48213-lisa-amsterdam", "Lisa (21), Amsterdam"),
        "p003": ("item", "https://escort-demo.test/ad/51877-nina-rotterdam", "Nina (19), Rotterdam"),
        "p004": ("policy", "https://escort-demo.test/privacy", "Privacy statement"),
        "p005": ("signup", "https://escort-demo.test/account/register", "Create an account"),
    }
    boxes: dict[str, dict[str, Box]] = {}
    for pid, (role, _url, title) in pages.items():
        rel = f"bundle/pages/{pid}/screenshot.jpg"
        boxes[pid] = fake_screenshot(run_dir / rel, role=role, title=title, rng=rng, improved=improved)
    statuses = IMPROVED if improved else BASELINE
    findings = [_finding(cid, statuses[cid], boxes) for cid in statuses]
    started = "2026-03-12T13:05:41+00:00" if not improved else "2026-06-18T09:12:03+00:00"
    manifest = run_dir / "manifest.json"
    manifest.write_text('{"files": {}}', "utf-8")
    result = Result(
        platform=PlatformSpec(name="Escort Demo", url="https://escort-demo.test/", language="nl"),
        run=RunInfo(id=run_dir.name, started_at=started,
                    finished_at=started.replace(":05:", ":17:").replace(":12:", ":21:"),
                    tool_version="0.1.0", browser="Chromium 131.0.6778.33",
                    manifest_sha256=hashlib.sha256(manifest.read_bytes()).hexdigest()),
        score=_score(findings, LEVELS_AFTER if improved else LEVELS_BEFORE),
        findings=findings,
        pages=[PageSummary(url=url, role=role, status=200, title=title) for role, url, title in pages.values()]
        + [PageSummary(url="https://escort-demo.test/contact", role="help", status=None, title="",
                       error="Timeout 30000ms exceeded while loading the page")],
    )
    (run_dir / "result.json").write_text(result.to_json(), "utf-8")
    return result


BASELINE = {
    "AGE-01": "partial", "AGE-02": "fail", "AGE-03": "fail", "AGE-04": "partial", "AGE-05": "not_assessed",
    "REPORT-01": "partial", "REPORT-02": "pass", "REPORT-03": "fail", "REPORT-04": "not_assessed",
    "REPORT-05": "fail", "REPORT-06": "partial",
    "CONTACT-01": "pass", "CONTACT-02": "fail", "CONTACT-03": "pass", "CONTACT-04": "needs_review",
    "CONTACT-05": "fail",
    "EVIDENCE-01": "pass", "EVIDENCE-02": "partial", "EVIDENCE-03": "fail", "EVIDENCE-04": "partial",
    "EVIDENCE-05": "error", "HELP-01": "partial", "TERMS-01": "pass",
}
IMPROVED = {**BASELINE, "REPORT-01": "pass", "REPORT-03": "pass", "REPORT-04": "partial", "REPORT-05": "pass",
            "CONTACT-05": "partial", "EVIDENCE-05": "pass", "EVIDENCE-01": "partial", "AGE-05": "fail"}

SUMMARIES = {
    "AGE-01": "An age gate stands on the start page, but a direct link to an ad opens without it.",
    "AGE-02": "The strongest method is a click-through \"I am 18+\" button (level 1).",
    "AGE-03": "The ads are in the page under the gate's overlay, and the cookie age_ok=1 unlocks the site.",
    "AGE-04": "Signup asks only to tick \"I am 18 or older\"; no date of birth is asked.",
    "AGE-05": "The advertiser signup sits behind a paid plan; it could not be reached without an account.",
    "REPORT-01": "A report control was found on 1 of 2 sampled item pages.",
    "REPORT-02": "The report form opens one click from the item (the \"...\" menu, then \"Report\").",
    "REPORT-03": "The report control leads to a login wall: only members can report.",
    "REPORT-04": "The form sits behind the login wall and no login is configured.",
    "REPORT-05": "No report category names trafficking, exploitation or a suspected minor.",
    "REPORT-06": "The help pages promise a receipt confirmation, but give no timeframe and no way to appeal.",
    "CONTACT-01": "Messaging an advertiser asks for login.",
    "CONTACT-02": "Phone numbers and wa.me links are shown on item pages to logged-out visitors.",
    "CONTACT-03": "The terms state that accounts are activated by a link sent to the e-mail address.",
    "CONTACT-04": "A \"block\" control is mentioned in the help pages but was not seen on profiles.",
    "CONTACT-05": "No safety or deterrence notice was seen near the contact buttons.",
    "EVIDENCE-01": "Privacy policy and terms are linked from all 5 sampled pages.",
    "EVIDENCE-02": "Only account data has a concrete period (\"deleted 30 days after you close your account\").",
    "EVIDENCE-03": "The privacy policy says removed ads are deleted immediately and permanently.",
    "EVIDENCE-04": "Data is given to the police only on a court order.",
    "EVIDENCE-05": "The check broke while reading the law-enforcement page: UnicodeDecodeError.",
    "HELP-01": "A safety page names 112 and the police, but it is not linked from item pages.",
    "TERMS-01": "The terms forbid trafficking, minors and third-party ads, and announce removal and a ban.",
}
QUOTES = {
    "REPORT-06": ["You will receive a confirmation of your report by e-mail.",
                  "We review reports as soon as possible."],
    "CONTACT-03": ["Your account is activated once you click the link in the confirmation e-mail."],
    "EVIDENCE-02": ["Your account data is deleted 30 days after you close your account.",
                    "We keep other data as long as necessary for the purposes described."],
    "EVIDENCE-03": ["Removed advertisements are deleted immediately and permanently from our systems."],
    "EVIDENCE-04": ["We only disclose personal data to the police or judicial authorities on the basis of "
                    "a court order or a legal obligation."],
    "TERMS-01": ["Advertisements of persons under 18 years of age, or ads involving coercion, human trafficking "
                 "or exploitation, are strictly forbidden and will be removed; the account will be blocked.",
                 "You may only place advertisements about yourself."],
}
EVIDENCE_AT = {  # check -> (page, element) whose box the finding outlines
    "AGE-01": ("p001", "gate"), "AGE-02": ("p001", "gate"), "AGE-03": ("p001", "gate"),
    "AGE-04": ("p005", "form"), "REPORT-01": ("p002", "report"), "REPORT-02": ("p002", "report"),
    "REPORT-03": ("p002", "report"), "REPORT-05": ("p002", "report"), "CONTACT-01": ("p002", "contact"),
    "CONTACT-02": ("p003", "phone"), "CONTACT-05": ("p003", "contact"), "EVIDENCE-01": ("p001", "footer"),
    "HELP-01": ("p002", "footer"), "REPORT-06": ("p004", None), "EVIDENCE-03": ("p004", None),
}
PAGE_URLS = {"p001": "https://escort-demo.test/", "p002": "https://escort-demo.test/ad/48213-lisa-amsterdam",
             "p003": "https://escort-demo.test/ad/51877-nina-rotterdam", "p004": "https://escort-demo.test/privacy",
             "p005": "https://escort-demo.test/account/register"}


def _finding(cid: str, status: str, boxes: dict[str, dict[str, Box]]) -> Finding:
    area = cid.split("-")[0]
    evidence: list[Evidence] = []
    if cid in EVIDENCE_AT:
        pid, element = EVIDENCE_AT[cid]
        evidence.append(Evidence(kind="screenshot", path=f"bundle/pages/{pid}/screenshot.jpg", url=PAGE_URLS[pid],
                                 box=boxes[pid].get(element) if element else None))
        if cid == "REPORT-01":
            evidence.append(Evidence(kind="screenshot", path="bundle/pages/p003/screenshot.jpg",
                                     url=PAGE_URLS["p003"], note="no report control on this item page"))
    quotes = [Quote(url=PAGE_URLS["p004"], text=t) for t in QUOTES.get(cid, [])]
    return Finding(check=cid, area=area, status=status, score=SCORED_STATUSES.get(status),
                   basis="stated" if quotes else "observed", summary=SUMMARIES[cid],
                   level=1 if cid == "AGE-02" else None, evidence=evidence, quotes=quotes)


LEVELS_BEFORE = {"AGE": 1, "REPORT": 3, "CONTACT": 0, "EVIDENCE": 2, "HELP": 2, "TERMS": 4}
LEVELS_AFTER = {**LEVELS_BEFORE, "REPORT": 3, "EVIDENCE": 2, "CONTACT": 0}


def _score(findings: list[Finding], levels: dict[str, int]) -> ScoreCard:
    """A simplified scoring for the synthetic run (levels fixed by hand; the real one is safehaven.score)."""
    card = ScoreCard(areas={})
    weighted = total = 0.0
    for area in AREAS:
        scored = [f.score for f in findings if f.area == area and f.score is not None]
        mine = [f for f in findings if f.area == area]
        value = round(100 * sum(scored) / len(scored), 1) if scored else None
        card.areas[area] = AreaScore(score=value, level=levels[area], scored=len(scored), total=len(mine))
        if value is not None:
            weighted += WEIGHTS[area] * value
            total += WEIGHTS[area]
    card.overall = round(weighted / total, 1) if total else None
    applicable = [f for f in findings if f.status != "not_applicable"]
    card.coverage = round(sum(1 for f in applicable if f.score is not None) / len(applicable), 3)
    card.provisional = card.coverage < 0.75
    card.grade = next((g for g, floor in (("A", 85), ("B", 70), ("C", 55), ("D", 40))
                       if (card.overall or 0) >= floor), "E")
    return card


def fake_screenshot(path: Path, *, role: str, title: str, rng: random.Random, improved: bool = False,
                    width: int = 1280, height: int = 2600) -> dict[str, Box]:
    """Draw a plausible ad-site page (header, photos, text, buttons, footer); return element boxes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new("RGB", (width, height), (250, 247, 248))
    draw = ImageDraw.Draw(img)
    font = _font(15)
    big = _font(30)
    draw.rectangle((0, 0, width, 70), fill=(120, 16, 60))
    draw.text((40, 20), "EscortDemo", font=big, fill="white")
    for n, label in enumerate(("Ladies", "Men", "Trans", "Couples", "Place an ad", "Log in")):
        draw.text((520 + n * 115, 27), label, font=font, fill=(255, 225, 235))
    draw.text((40, 100), title, font=big, fill=(40, 30, 35))
    boxes: dict[str, Box] = {}
    if role in ("start", "listing"):
        for n in range(12):
            x, y = 40 + (n % 4) * 305, 170 + (n // 4) * 420
            _photo(img, (x, y, x + 280, y + 330), rng)
            draw.text((x, y + 345), f"Ad {n + 1}, {rng.choice(['Amsterdam', 'Utrecht', 'Den Haag'])}",
                      font=font, fill=(40, 30, 35))
        draw.rectangle((340, 700, 940, 1020), fill="white", outline=(120, 16, 60), width=3)
        draw.text((400, 740), "Are you 18 or older?", font=big, fill=(40, 30, 35))
        draw.rounded_rectangle((420, 900, 620, 960), 8, fill=(120, 16, 60))
        draw.text((445, 918), "I am 18+", font=font, fill="white")
        boxes["gate"] = Box(x=340, y=700, width=600, height=320)
    elif role == "item":
        _photo(img, (40, 170, 640, 970), rng)
        for n in range(3):
            _photo(img, (40 + n * 205, 990, 230 + n * 205, 1180), rng)
        for n in range(14):
            draw.text((690, 190 + n * 30), _words(rng, 9), font=font, fill=(60, 50, 55))
        draw.rounded_rectangle((690, 680, 930, 740), 8, fill=(30, 120, 80))
        draw.text((720, 698), "Send a message", font=font, fill="white")
        boxes["contact"] = Box(x=690, y=680, width=240, height=60)
        draw.text((690, 770), "Tel: 06 12 34 56 78  ·  WhatsApp", font=_font(20), fill=(30, 90, 160))
        boxes["phone"] = Box(x=688, y=766, width=380, height=32)
        if improved:
            draw.rounded_rectangle((960, 680, 1230, 740), 8, fill=(190, 20, 30))
            draw.text((990, 698), "Report this ad", font=font, fill="white")
            boxes["report"] = Box(x=960, y=680, width=270, height=60)
        else:
            draw.text((1150, 180), "...  Report", font=font, fill=(150, 150, 150))
            boxes["report"] = Box(x=1140, y=172, width=110, height=30)
    else:
        draw.rectangle((40, 170, 900, 2000), fill="white")
        for n in range(55):
            draw.text((70, 200 + n * 32), _words(rng, 12), font=font, fill=(60, 50, 55))
        if role == "signup":
            draw.rectangle((60, 300, 700, 700), outline=(180, 180, 180), width=2)
            boxes["form"] = Box(x=60, y=300, width=640, height=400)
    draw.rectangle((0, height - 260, width, height), fill=(45, 35, 40))
    for n, label in enumerate(("Privacy", "Terms", "Safety & help", "Contact", "Cookies")):
        draw.text((40 + n * 170, height - 200), label, font=font, fill=(230, 220, 225))
    boxes["footer"] = Box(x=30, y=height - 215, width=820, height=50)
    img.save(path, "JPEG", quality=80)
    return boxes


def _photo(img: Image.Image, rect: tuple[int, int, int, int], rng: random.Random) -> None:
    """A photo-like patch: a smooth gradient with noise, which compresses like a real photo."""
    x0, y0, x1, y1 = rect
    w, h = x1 - x0, y1 - y0
    base = (rng.randint(120, 230), rng.randint(90, 190), rng.randint(90, 200))
    patch = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    tint = Image.new("RGB", (w, h), base)
    noise = Image.effect_noise((w, h), 40).convert("RGB")
    img.paste(Image.blend(Image.blend(patch, tint, 0.6), noise, 0.25), (x0, y0))


def _words(rng: random.Random, n: int) -> str:
    vocab = "discreet service available evenings weekends call book photos real verified new visit city".split()
    return " ".join(rng.choice(vocab) for _ in range(n))


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if FONT_FILE.exists():
        return ImageFont.truetype(str(FONT_FILE), size)
    return ImageFont.load_default(size=size)


if __name__ == "__main__":
    sys.exit(main())
