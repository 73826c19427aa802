"""Evidence integrity: verify a run folder against its manifest and its seal, and pack a run for handing over.

The manifest (bundle.py) lists the evidence files with their SHA-256. The seal (`seal.json`, written when
the audit ends) lists result.json, the reports rendered at audit time and the manifest with theirs; its
own hash is recorded in the run catalogue. So `verify` catches an edited verdict or grade as it catches
an edited screenshot.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from safehaven.bundle import BUNDLE_DIR, MANIFEST, sha256_bytes, sha256_file

SEAL = "seal.json"
SEALED = ("result.json", "scorecard.pdf", "scorecard.html", "findings.csv", MANIFEST)


def write_seal(folder: Path) -> str:
    """Hash result.json, the reports and the manifest into seal.json; returns the seal's own hash."""
    folder = Path(folder)
    files = {name: sha256_file(folder / name) for name in SEALED if (folder / name).is_file()}
    data = (json.dumps({"schema": "safehaven.seal/1", "files": files}, indent=2, sort_keys=True) + "\n").encode()
    tmp = folder / f".{SEAL}.tmp"
    tmp.write_bytes(data)
    tmp.replace(folder / SEAL)
    return sha256_bytes(data)


@dataclass
class Verification:
    """What `verify` found: changed, missing and unlisted files, and whether the manifest itself is intact."""

    folder: Path
    files_checked: int = 0
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    manifest_ok: bool | None = None  # None: no recorded manifest hash to compare with
    manifest_sha256: str = ""
    sealed: int = 0  # files checked against seal.json
    seal_ok: bool | None = None  # None: no recorded seal hash to compare with

    @property
    def ok(self) -> bool:
        return (not (self.changed or self.missing or self.unlisted) and self.manifest_ok is not False
                and self.seal_ok is not False)


def verify_run(folder: Path, recorded_manifest_sha256: str | None = None,
               recorded_seal_sha256: str | None = None) -> Verification:
    """Recompute every evidence hash; compare the manifest's own hash with the one recorded for the run;
    check result.json and the reports against the seal, and the seal against the catalogue's record."""
    folder = Path(folder)
    v = Verification(folder=folder)
    _verify_seal(folder, v, recorded_seal_sha256)
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        v.missing.append(MANIFEST)
        return v
    raw = manifest_path.read_bytes()
    v.manifest_sha256 = sha256_bytes(raw)
    recorded = recorded_manifest_sha256 or _recorded_in_result(folder)
    if recorded:
        v.manifest_ok = recorded == v.manifest_sha256
    files: dict[str, str] = json.loads(raw).get("files", {})
    for rel, digest in sorted(files.items()):
        path = folder / rel
        if not path.is_file():
            v.missing.append(rel)
            continue
        v.files_checked += 1
        if sha256_file(path) != digest:
            v.changed.append(rel)
    for path in sorted((folder / BUNDLE_DIR).rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in files:
            v.unlisted.append(rel)
    return v


def _verify_seal(folder: Path, v: Verification, recorded: str | None) -> None:
    seal = folder / SEAL
    if not seal.is_file():
        if recorded:
            v.missing.append(SEAL)
        return
    raw = seal.read_bytes()
    if recorded:
        v.seal_ok = sha256_bytes(raw) == recorded
    try:
        files: dict[str, str] = json.loads(raw).get("files", {})
    except ValueError:
        v.changed.append(SEAL)
        return
    for rel, digest in sorted(files.items()):
        path = folder / rel
        if not path.is_file():
            v.missing.append(rel)
        elif sha256_file(path) != digest:
            v.changed.append(rel)
        else:
            v.sealed += 1
    if (folder / "result.json").is_file() and "result.json" not in files:
        v.unlisted.append("result.json")


def _recorded_in_result(folder: Path) -> str | None:
    result = folder / "result.json"
    if not result.is_file():
        return None
    try:
        return json.loads(result.read_text("utf-8"))["run"].get("manifest_sha256")
    except (ValueError, KeyError):
        return None


def export_run(folder: Path, target: Path) -> Path:
    """Zip a run folder (evidence, manifest, result, reports, log) under a top folder named after the run."""
    folder = Path(folder)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    zf.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)  # never leave half a zip behind
        raise
    return target
