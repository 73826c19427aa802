"""Independently built platforms: written blind (without reading the checks), audited, judged against truth.

    python benchmarks/independent/independent.py audit [SLUG ...] [--store DIR]   # serve on 127.0.0.1 + audit
    python benchmarks/independent/independent.py table [SLUG ...] [--store DIR] [--saved]
    python benchmarks/independent/independent.py save  [SLUG ...] [--store DIR]   # trimmed bundles into the repo
    python benchmarks/independent/independent.py all   [SLUG ...]                 # audit, table, save

Each platform is a folder beside this file in the demo-server format (audits/demo/server.py: audit.toml,
serve.toml, site/, truth.toml); the demo server serves it in this process (and its partner origin, if
it has one). The audit definition is the folder's audit.toml (name, url, language, adult), nothing
more: no page hints. The truth files were written before the first audit; see README.md for the
before and after figures. Runs live OUTSIDE git in $INDEPENDENT_STORE (default
benchmarks/independent/.store, gitignored); `save` keeps a trimmed bundle (bundle.tar.xz) in each
platform folder, and `table --saved` (like tests/test_independent.py) judges those.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from audits.demo.server import DemoPlatform, definition_text, demo_platforms, serve
from toolkit.audit import audit_platform
from toolkit.collection.browser import BrowserSession
from toolkit.definition import parse_definition
from toolkit.store import Store

HERE = Path(__file__).resolve().parent
STORE = Path(os.environ.get("INDEPENDENT_STORE", HERE / ".store"))
SAVED = "bundle.tar.xz"


def _load_realworld():
    """The real-software runner's judging, table and bundle trimming, shared rather than copied."""
    name = "realworld"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE.parent / "realworld" / "realworld.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


rw = _load_realworld()


@dataclass(frozen=True)
class IndependentPlatform:
    demo: DemoPlatform

    @property
    def slug(self) -> str:
        return self.demo.slug

    @property
    def name(self) -> str:
        return self.demo.name

    @property
    def folder(self) -> Path:
        return self.demo.folder

    @property
    def truth_path(self) -> Path:
        return self.demo.truth_path

    @property
    def saved_path(self) -> Path:
        return self.demo.folder / SAVED


def platforms(only: list[str] | None = None) -> list[IndependentPlatform]:
    out = [IndependentPlatform(d) for d in demo_platforms(HERE) if not only or d.slug in only]
    if only and (unknown := set(only) - {p.slug for p in out}):
        raise SystemExit(f"unknown platform(s): {', '.join(sorted(unknown))}")
    return out


async def _audit(ps: list[IndependentPlatform], store_dir: Path) -> None:
    store = Store(store_dir)
    async with BrowserSession() as session:
        for p in ps:
            with serve(p.demo) as url:
                text = definition_text(p.demo, url)
                defn = parse_definition(text, str(p.demo.audit_path))
                t0 = time.monotonic()
                row, _ = await audit_platform(defn, store, session, definition_text=text, reports=False)
                print(f"{p.slug}: {row.status} in {time.monotonic() - t0:.0f} s -> {row.folder}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["audit", "table", "save", "all"])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--store", type=Path, default=STORE)
    ap.add_argument("--saved", action="store_true", help="table: judge the bundles saved in the repo")
    a = ap.parse_args()
    ps = platforms(a.names or None)
    if a.mode in ("audit", "all"):
        asyncio.run(_audit(ps, a.store))
    rc = 0
    if a.mode in ("table", "all"):
        rc = rw.table(ps, a.store, a.saved)
    if a.mode in ("save", "all"):
        for p in ps:
            rw.save(p, a.store)
    sys.exit(rc if a.mode == "table" else 0)


if __name__ == "__main__":
    main()
