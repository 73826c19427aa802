"""The import graph says what the pipeline says: layers, no cycles, no late imports, no borrowed privates.

The layer contracts themselves are written in pyproject.toml ([tool.importlinter]); this test runs them,
so a module that imports upwards (a check reaching into the toolkit, the ground floor into a check,
a probe into the pipeline) fails the suite with import-linter's explanation.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("safehaven", "checks", "reports", "toolkit", "audits")
# Third-party modules that may be imported inside a function, because importing them is slow and only
# one path needs them. Each such import carries a comment saying so.
LATE_ALLOWED = {"weasyprint"}


def _modules() -> list[tuple[str, Path]]:
    out = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            out.append((name, path))
    return out


def test_the_layer_and_cycle_contracts_hold() -> None:
    # In a process of its own: import-linter configures logging, which would silence the run logs of later tests.
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--config", "pyproject.toml", "--no-cache"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    report = done.stdout + done.stderr
    assert "KEPT" in report, report  # the contracts really ran
    assert done.returncode == 0, report


@pytest.mark.parametrize(("name", "path"), _modules(), ids=[m for m, _ in _modules()])
def test_no_import_hides_inside_a_function(name: str, path: Path) -> None:
    source = path.read_text("utf-8")
    lines = source.splitlines()
    late = []
    inside = [n for f in ast.walk(ast.parse(source)) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
              for n in ast.walk(f)]
    for node in inside:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            top = (module or "").split(".")[0]
            commented = "#" in lines[node.lineno - 1]
            if not (top in LATE_ALLOWED and commented and not getattr(node, "level", 0)):
                late.append(f"{name}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert not late, "imports inside functions (move them to the top, or break the cycle they dodge):\n" + "\n".join(late)


def test_no_module_borrows_another_modules_private_names() -> None:
    borrowed = []
    for name, path in _modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in PACKAGES:
                private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                if private:
                    borrowed.append(f"{name}:{node.lineno}: from {node.module} import {', '.join(private)}")
    assert not borrowed, "private names used across modules (make them public in a shared module):\n" + "\n".join(borrowed)


def test_the_ground_floor_is_importable_without_the_rest() -> None:
    """safehaven/ stands on its own: importing it pulls in none of the floors above."""
    code = ("import sys, safehaven.models, safehaven.bundle, safehaven.score, safehaven.diff, safehaven.urls;"
            "above = sorted(m for m in sys.modules if m.split('.')[0] in ('checks', 'reports', 'toolkit', 'audits'));"
            "print(above)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout
