"""One-off migration (issue 15): move each check's texts from checks/catalogue.toml and
checks/remediation.toml into its `@check(...)` decorator in checks/<area>.py, strings unchanged.

    python scripts/move_check_texts.py          # rewrite the decorators
    python scripts/move_check_texts.py --verify # compare checks.catalogue() with the two files
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKS = ROOT / "checks"
INDENT = " " * 8
WIDTH = 126  # ruff's 130 less a margin


def load() -> dict[str, dict]:
    cat = tomllib.loads((CHECKS / "catalogue.toml").read_text("utf-8"))["checks"]
    rem = tomllib.loads((CHECKS / "remediation.toml").read_text("utf-8"))
    out = {}
    for cid, entry in cat.items():
        texts = {}
        for lang in ("en", "nl"):
            texts[lang] = {"title": entry[lang]["title"], "criterion": entry[lang]["criterion"],
                           "why": rem[cid][lang]["why"], "fix": rem[cid][lang]["fix"]}
            extra = set(entry[lang]) - {"title", "criterion"} | set(rem[cid][lang]) - {"why", "fix"}
            assert not extra, (cid, lang, extra)
        out[cid] = {"legal": entry.get("legal", ""), "texts": texts}
    assert set(rem) == set(cat), set(rem) ^ set(cat)
    return out


def literal(text: str) -> str:
    assert "\n" not in text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def field(name: str, text: str, indent: str) -> list[str]:
    one = f"{indent}{name}={literal(text)},"
    if len(one) <= WIDTH:
        return [one]
    inner = indent + "    "
    room = WIDTH - len(inner) - 2
    chunks, current = [], ""
    for word in re.split(r"(?<= )", text):  # words with their trailing space
        if current and len(literal(current + word)) - 2 > room:
            chunks.append(current)
            current = ""
        current += word
    chunks.append(current)
    assert "".join(chunks) == text
    return [f"{indent}{name}=("] + [inner + literal(c) for c in chunks] + [f"{indent}),"]


def decorator(cid: str, entry: dict) -> str:
    lines = ["@check(", f'    "{cid}",']
    if entry["legal"]:
        lines.append(f"    legal={literal(entry['legal'])},")
    for lang in ("en", "nl"):
        lines.append(f"    {lang}=Texts(")
        for key in ("title", "criterion", "why", "fix"):
            lines += field(key, entry["texts"][lang][key], INDENT)
        lines.append("    ),")
    lines.append(")")
    return "\n".join(lines)


def rewrite() -> None:
    data = load()
    done = set()
    for path in sorted(CHECKS.glob("*.py")):
        src = path.read_text("utf-8")

        def sub(m: re.Match) -> str:
            done.add(m.group(1))
            return decorator(m.group(1), data[m.group(1)])

        new = re.sub(r'^@check\("([A-Z]+-\d\d)"\)$', sub, src, flags=re.M)
        if new != src:
            new = new.replace("from checks.base import check, finding\n",
                              "from checks.base import check, finding\nfrom safehaven.catalogue import Texts\n")
            path.write_text(new, "utf-8")
    assert done == set(data), set(data) ^ done


def verify() -> None:
    sys.path.insert(0, str(ROOT))
    import checks

    data = load()
    cat = checks.catalogue()
    assert list(cat) == list(data), "order"
    for cid, entry in data.items():
        meta = cat[cid]
        assert meta.legal == entry["legal"], cid
        assert set(meta.texts) == {"en", "nl"}, cid
        for lang in ("en", "nl"):
            for key, text in entry["texts"][lang].items():
                assert getattr(meta.texts[lang], key) == text, (cid, lang, key)
    print(f"{len(data)} checks: every legal reference and every text (title, criterion, why, fix; en, nl) identical")


if __name__ == "__main__":
    verify() if "--verify" in sys.argv else rewrite()
