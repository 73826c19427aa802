"""The evidence bundle: written once by the collector, read by the checks.

Layout inside a run folder::

    bundle/bundle.json            index (BundleInfo)
    bundle/pages/p001/page.json   PageRecord
    bundle/pages/p001/dom.html    the DOM after rendering (shadow roots flattened in a comment-free copy)
    bundle/pages/p001/text.txt    visible text
    bundle/pages/p001/screenshot.png
    bundle/probes/<name>.json     probe artifacts (age gate, report, contact, ...)
    manifest.json                 sha256 of every bundle file

Evidence files are written once: writing a path twice is a programming error and raises.
"""

from __future__ import annotations

import hashlib
import json
import threading
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from safehaven.models import BundleInfo, PageRecord, PlatformSpec

MANIFEST = "manifest.json"
BUNDLE_DIR = "bundle"

M = TypeVar("M", bound=BaseModel)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class BundleWriter:
    """Writes evidence files into a run folder and keeps their hashes for the manifest."""

    def __init__(self, run_dir: Path):
        self.run_dir = Path(run_dir)
        self.root = self.run_dir / BUNDLE_DIR
        self.root.mkdir(parents=True, exist_ok=True)
        self.hashes: dict[str, str] = {}
        self._lock = threading.Lock()

    def write_bytes(self, relpath: str, data: bytes) -> str:
        """Write one evidence file (path relative to the bundle); returns its path relative to the run."""
        target = self.root / relpath
        rel = target.relative_to(self.run_dir).as_posix()
        with self._lock:
            if rel in self.hashes or target.exists():
                raise FileExistsError(f"evidence file {rel} is already written; evidence is never rewritten")
            self.hashes[rel] = sha256_bytes(data)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(target)
        return rel

    def write_text(self, relpath: str, text: str) -> str:
        return self.write_bytes(relpath, text.encode("utf-8"))

    def write_model(self, relpath: str, model: BaseModel) -> str:
        return self.write_text(relpath, model.model_dump_json(by_alias=True, indent=1, exclude_none=False))

    def sha256(self, rel: str) -> str | None:
        return self.hashes.get(rel)

    def write_manifest(self) -> str:
        """Write manifest.json (sorted, stable) and return its own sha256."""
        body = json.dumps({"files": dict(sorted(self.hashes.items()))}, indent=1).encode("utf-8")
        (self.run_dir / MANIFEST).write_bytes(body)
        return sha256_bytes(body)


def read_info(run_dir: Path) -> BundleInfo | None:
    """The bundle index of a run folder, or None when the folder holds no bundle (a result alone)."""
    index = Path(run_dir) / BUNDLE_DIR / "bundle.json"
    if not index.is_file():
        return None
    return BundleInfo.model_validate_json(index.read_text("utf-8"))


class Bundle:
    """A saved evidence bundle, read-only, as the checks see it."""

    def __init__(self, run_dir: Path):
        self.run_dir = Path(run_dir)
        self.root = self.run_dir / BUNDLE_DIR
        index = self.root / "bundle.json"
        if not index.is_file():
            raise FileNotFoundError(f"{index} is missing: {self.run_dir} holds no evidence bundle")
        self.info = BundleInfo.model_validate_json(index.read_text("utf-8"))
        self.pages: list[PageRecord] = [
            PageRecord.model_validate_json((self.root / "pages" / pid / "page.json").read_text("utf-8"))
            for pid in self.info.pages
        ]
        self._text_cache: dict[str, str] = {}

    @property
    def platform(self) -> PlatformSpec:
        return self.info.platform

    @cached_property
    def manifest(self) -> dict[str, str]:
        path = self.run_dir / MANIFEST
        if not path.is_file():
            return {}
        return json.loads(path.read_text("utf-8")).get("files", {})

    def ok_pages(self, *roles: str) -> list[PageRecord]:
        """Pages that loaded, optionally only those with one of the given roles."""
        return [p for p in self.pages if p.ok and (not roles or p.role in roles)]

    def item_pages(self) -> list[PageRecord]:
        return self.ok_pages("item")

    def text(self, page: PageRecord) -> str:
        """The visible text of a page ('' when none was saved)."""
        rel = page.files.get("text")
        if not rel:
            return ""
        if rel not in self._text_cache:
            self._text_cache[rel] = (self.run_dir / rel).read_text("utf-8", errors="replace")
        return self._text_cache[rel]

    def dom(self, page: PageRecord) -> str:
        rel = page.files.get("dom")
        return (self.run_dir / rel).read_text("utf-8", errors="replace") if rel else ""

    def probe(self, name: str, model: type[M]) -> M | None:
        """Load a probe artifact, or None when the collector did not run that probe."""
        rel = self.info.probes.get(name)
        if not rel:
            return None
        return model.model_validate_json((self.run_dir / rel).read_text("utf-8"))

    def page_by_url(self, url: str) -> PageRecord | None:
        for p in self.pages:
            if url in (p.url, p.final_url):
                return p
        return None
