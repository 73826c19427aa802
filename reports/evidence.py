"""Screenshot crops for the scorecard: the element a finding is about, outlined, legible, and small.

A full-page screenshot is too tall to print and too heavy to embed. Around the element's box we cut
a window with some context, dim what is outside the box, outline the box, scale the window to at
most MAX_WIDTH pixels and store it as a JPEG data URI, so the HTML report is self-contained and the
PDF stays small. Without a box, the top of the page is shown.

Cheap on purpose (the crops were most of the time it took to build a scorecard's HTML): the window
is worked out from the screenshot's size before any pixel is decoded, a JPEG screenshot that is to
be halved or more is decoded at half (or a quarter) size by the JPEG decoder itself (`draft`),
only the window is converted and scaled, and a decoded screenshot is kept for the next crop of it.
"""

from __future__ import annotations

import base64
import io
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from reports.i18n import translations
from safehaven.i18n import render
from safehaven.models import Box, Evidence

# The widest a crop is printed is 108 mm (an evidence figure beside its caption): 640 px is about
# 150 dpi there, and on screen (the HTML version, zoomed 1.2) still more than one pixel per pixel.
MAX_WIDTH = 640
JPEG_QUALITY = 70
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")

# The window around an element, in screenshot pixels (= CSS pixels: screenshots are taken at scale 1).
PAD_X, PAD_Y = 180, 130
MIN_W, MIN_H = 760, 380
MAX_H = 820
TOP_W, TOP_RATIO = 1280, 0.6  # the top-of-page crop: full width, 60% as tall as wide
VIEWPORT_RATIO = 0.8  # screenshots no taller than this (times their width) are shown whole
WHOLE_VIEW = 0.5  # a box covering half the screenshot or more (a gate overlay) is not outlined
DECODED_KEPT = 3  # decoded screenshots kept for further crops of the same page

OUTLINE = (226, 0, 116)  # magenta: stands out on nearly every site's palette
HALO = (255, 255, 255)
DIM = 0.42  # how much the surroundings are darkened


@dataclass(frozen=True)
class EvidenceImage:
    """A crop ready to embed: a data URI with its pixel size, and whether an element is outlined."""

    data_uri: str
    width: int
    height: int
    outlined: bool
    size_bytes: int
    whole: bool = False  # the crop is the entire screenshot (a viewport shot), not the top of a long page


class ScreenshotCropper:
    """Cuts evidence crops from screenshots inside one run folder (never outside it)."""

    def __init__(self, run_dir: Path, *, max_width: int = MAX_WIDTH, quality: int = JPEG_QUALITY):
        self.run_dir = Path(run_dir).resolve()
        self.max_width = max_width
        self.quality = quality
        self._cache: dict[tuple, EvidenceImage | None] = {}
        self._pages: OrderedDict[tuple[str, int], Image.Image] = OrderedDict()

    def crop(self, relpath: str, box: Box | None = None) -> EvidenceImage | None:
        """The crop around `box` of the screenshot at `relpath` (top of page without a box), or None."""
        key = (relpath, (box.x, box.y, box.width, box.height) if box else None)
        if key not in self._cache:
            self._cache[key] = self._make(relpath, box)
        return self._cache[key]

    def screenshot_path(self, relpath: str | None) -> Path | None:
        """The image file `relpath` names inside the run folder, or None (missing, outside, not an image)."""
        if not relpath:
            return None
        try:
            path = (self.run_dir / relpath).resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not path.is_relative_to(self.run_dir) or not path.is_file():
            return None
        return path if path.suffix.lower() in IMAGE_SUFFIXES else None

    def _make(self, relpath: str, box: Box | None) -> EvidenceImage | None:
        path = self.screenshot_path(relpath)
        if path is None:
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(path) as img:
                    width, height = img.size
                    rect, element = _window(width, height, box)
                    scale = min(1.0, self.max_width / (rect[2] - rect[0]))
                    page, shrink = self._decoded(path, img, scale)
        except (OSError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
            return None
        # The window in the decoded image's pixels (the same, or halved or quartered by the decoder).
        fx, fy = page.width / width, page.height / height
        window = page.crop((round(rect[0] * fx), round(rect[1] * fy), round(rect[2] * fx), round(rect[3] * fy)))
        if window.mode != "RGB":
            window = window.convert("RGB")
        if shrink > 1 and element is not None:
            element = (element[0] * fx, element[1] * fy, element[2] * fx, element[3] * fy)  # type: ignore[assignment]
        return self._encode(window, element, scale * shrink, whole=rect == (0, 0, width, height))

    def _decoded(self, path: Path, img: Image.Image, scale: float) -> tuple[Image.Image, int]:
        """The screenshot decoded (kept for the next crop of it), at 1/2, 1/4 or 1/8 size when a JPEG
        is to be scaled down that much anyway; with the factor it was shrunk by."""
        shrink = 1
        if img.format == "JPEG":
            while shrink < 8 and scale * shrink * 2 <= 1.0:
                shrink *= 2
        key = (str(path), shrink)
        if key in self._pages:
            self._pages.move_to_end(key)
            return self._pages[key], shrink
        if shrink > 1:
            full_width = img.width
            img.draft("RGB", (-(-img.width // shrink), -(-img.height // shrink)))
            shrink = round(full_width / img.width) if img.width else 1
        img.load()
        page = img if img.mode in ("RGB", "RGBA", "L", "P", "LA") else img.convert("RGB")
        self._pages[key] = page
        while len(self._pages) > DECODED_KEPT:
            self._pages.popitem(last=False)
        return page, shrink

    def _encode(self, window: Image.Image, element: tuple[float, float, float, float] | None, scale: float, *,
                whole: bool) -> EvidenceImage:
        """Scale the window by `scale` (relative to the decoded pixels), outline the element, encode."""
        if scale < 1.0:
            window = window.resize((max(1, round(window.width * scale)), max(1, round(window.height * scale))),
                                   Image.Resampling.LANCZOS)
        if element is not None:
            element = tuple(round(v * scale) for v in element)  # type: ignore[assignment]
            window = _highlight(window, element)  # type: ignore[arg-type]
        buffer = io.BytesIO()
        window.save(buffer, "JPEG", quality=self.quality, optimize=True, progressive=True)
        data = buffer.getvalue()
        uri = "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")
        return EvidenceImage(data_uri=uri, width=window.width, height=window.height,
                             outlined=element is not None, size_bytes=len(data), whole=whole)


def _window(width: int, height: int, box: Box | None
            ) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int] | None]:
    """The window to show (left, top, right, bottom) of a width x height screenshot, and the element's
    rectangle inside it (None for a top-of-page crop); worked out before any pixel is decoded."""
    element = _clip_box(box, width, height)
    if element is None:
        w = min(width, TOP_W)
        if height <= w * VIEWPORT_RATIO:
            return (0, 0, w, height), None  # a viewport shot: show all of it
        h = min(height, max(1, round(w * TOP_RATIO)))
        return (0, 0, w, h), None
    x0, y0, x1, y1 = element
    w = min(width, max(MIN_W, x1 - x0 + 2 * PAD_X))
    h = min(height, MAX_H, max(MIN_H, y1 - y0 + 2 * PAD_Y))
    left = _clamp((x0 + x1) / 2 - w / 2, 0, width - w)
    if y1 - y0 + 2 * PAD_Y > MAX_H:  # a tall element: show its top
        top = _clamp(y0 - PAD_Y, 0, height - h)
    else:
        top = _clamp((y0 + y1) / 2 - h / 2, 0, height - h)
    inside = (x0 - left, y0 - top, min(x1, left + w) - left, min(y1, top + h) - top)
    return (left, top, left + w, top + h), inside


def _clip_box(box: Box | None, width: int, height: int) -> tuple[int, int, int, int] | None:
    """The box as integer corners clipped to the image, or None when it is missing or off the image."""
    if box is None or box.width <= 0 or box.height <= 0:
        return None
    x0, y0 = max(0, round(box.x)), max(0, round(box.y))
    x1, y1 = min(width, round(box.x + box.width)), min(height, round(box.y + box.height))
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    if (x1 - x0) * (y1 - y0) >= WHOLE_VIEW * width * height:
        return None  # the element is (nearly) the whole view; an outline would only trace the edges
    return x0, y0, x1, y1


def _highlight(window: Image.Image, element: tuple[int, int, int, int]) -> Image.Image:
    """Dim everything but the element, then draw a white-haloed magenta outline around it."""
    x0, y0, x1, y1 = element
    dimmed = Image.blend(window, Image.new("RGB", window.size, (20, 24, 33)), DIM)
    dimmed.paste(window.crop(element), (x0, y0))
    draw = ImageDraw.Draw(dimmed)
    grow = 4
    draw.rectangle((x0 - grow - 2, y0 - grow - 2, x1 + grow + 2, y1 + grow + 2), outline=HALO, width=2)
    draw.rectangle((x0 - grow, y0 - grow, x1 + grow, y1 + grow), outline=OUTLINE, width=4)
    return dimmed


def _clamp(value: float, low: float, high: float) -> int:
    return round(max(low, min(value, high)))


# --------------------------------------------------------------------------- crops of a finding

MAX_SHOTS = 2


@dataclass
class EvidenceShot:
    """A screenshot crop with the page it shows and the collector's note."""

    image: EvidenceImage
    url: str | None
    note: str
    same_as: str | None = None  # the earlier check that already shows this very crop


def note_text(item: Evidence, lang: str) -> str:
    """The evidence's note in the report's language (a note stored only as a sentence, by a run from before notes
    were message ids, as it was stored)."""
    return render(item.note_message, translations(lang)) if item.note_message else item.note


def evidence_shots(evidence: list[Evidence], cropper: ScreenshotCropper, limit: int = MAX_SHOTS,
                   page_tops: bool = True, lang: str = "en") -> list[EvidenceShot]:
    """Up to `limit` crops: screenshots first, then the screenshot of a page evidence with a box.

    A page evidence without a box shows its page top only when nothing else can be shown and
    `page_tops` allows it (a finding that quotes its policy sentences is better served by those).
    """
    candidates: list[tuple[str, Evidence]] = []
    for item in evidence:
        if is_image(item):
            candidates.append((item.path or "", item))
    for item in evidence:
        if not is_image(item) and item.box is not None and (shot := _page_screenshot(item, cropper)):
            candidates.append((shot, item))
    if not candidates and page_tops:
        for item in evidence:
            if (shot := _page_screenshot(item, cropper)):
                candidates.append((shot, item))
                break
    shots: list[EvidenceShot] = []
    seen: set[str] = set()
    for path, item in candidates:
        if len(shots) >= limit:
            break
        image = cropper.crop(path, item.box)
        if image is None or image.data_uri in seen:
            continue
        seen.add(image.data_uri)
        shots.append(EvidenceShot(image=image, url=item.url, note=note_text(item, lang)))
    return shots


def is_image(item: Evidence) -> bool:
    return bool(item.path) and item.path.lower().endswith((".png", ".jpg", ".jpeg", ".webp"))


def _page_screenshot(item: Evidence, cropper: ScreenshotCropper) -> str | None:
    """The screenshot beside a page's files (bundle/pages/p001/...), if there is one."""
    if not item.path:
        return None
    folder = Path(item.path)
    folder = folder if not folder.suffix else folder.parent
    for name in ("screenshot.jpg", "screenshot.png", "screenshot.jpeg"):
        rel = (folder / name).as_posix()
        if cropper.screenshot_path(rel):
            return rel
    return None
