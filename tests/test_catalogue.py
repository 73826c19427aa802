"""The catalogue: the ground-floor skeleton (areas, IDs, statuses) and each check's texts beside its function."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import checks
from checks.base import check, registered
from safehaven.catalogue import (
    AREAS,
    CHECK_IDS,
    LANGUAGES,
    SCORED_STATUSES,
    STATUSES,
    TEXT_KEYS,
    Catalogue,
    CheckMeta,
    Texts,
    skeleton,
)
from safehaven.models import Finding


def test_every_skeleton_id_has_exactly_one_function_with_texts_in_every_language():
    functions, metas = registered()
    assert list(checks.registry()) == list(CHECK_IDS)  # none missing, none outside the skeleton
    assert set(functions) == set(metas) == set(skeleton())
    for cid in CHECK_IDS:
        fn, meta = functions[cid], metas[cid]
        area = skeleton()[cid].area
        assert fn.__module__ == f"checks.{area.lower()}", (cid, fn.__module__)  # in its area's module
        assert meta.area == area
        assert meta.legal, cid
        assert set(meta.texts) == set(LANGUAGES), cid
        for lang in LANGUAGES:
            for key in TEXT_KEYS:
                assert getattr(meta.texts[lang], key).strip(), (cid, lang, key)
        # the languages are written, not copied
        assert meta.texts["nl"].title != meta.texts["en"].title and meta.texts["nl"].why != meta.texts["en"].why


def test_the_filled_catalogue_keeps_the_skeleton_order_and_names_the_function_texts():
    cat = checks.catalogue()
    assert list(cat) == list(skeleton()) == list(CHECK_IDS)
    assert list(cat.areas) == list(AREAS) == ["AGE", "REPORT", "CONTACT", "EVIDENCE", "HELP", "TERMS"]
    assert sum(a.weight for a in cat.areas.values()) == 100
    assert [m.id for m in cat.area_checks("REPORT")] == [f"REPORT-0{i}" for i in range(1, 7)]
    meta = cat["REPORT-01"]
    assert meta.text("title", "en") == "Report control on every item"
    assert meta.text("title", "nl") == "Meldknop bij elk item"
    assert meta.legal == "DSA art. 16(1)"
    assert cat.areas["REPORT"].name("nl") == "Melden"


def test_a_missing_language_falls_back_to_english_and_unknown_keys_are_refused():
    meta = CheckMeta(id="HELP-01", area="HELP", texts={"en": Texts(title="Help", why="Because")})
    assert meta.text("title", "nl") == "Help" and meta.text("criterion", "nl") == ""
    with pytest.raises(KeyError):
        meta.text("titel", "nl")


def test_the_catalogue_refuses_checks_outside_the_skeleton_or_in_another_area():
    with pytest.raises(ValueError, match="not in the catalogue"):
        skeleton().filled([CheckMeta(id="AGE-99", area="AGE")])
    with pytest.raises(ValueError, match="belongs to area AGE"):
        skeleton().filled([CheckMeta(id="AGE-01", area="HELP")])
    with pytest.raises(ValueError):
        Catalogue(skeleton().areas, list(skeleton().values())[1:])  # one check missing


def test_a_check_id_cannot_be_registered_twice_and_texts_must_be_texts():
    with pytest.raises(ValueError, match="registered twice"):
        check("AGE-01", en=Texts(title="again"))(lambda bundle: Finding(check="AGE-01", area="AGE", status="pass"))
    with pytest.raises(TypeError):
        check("AGE-01", en={"title": "a dict"})  # type: ignore[arg-type]
    assert registered()[0]["AGE-01"].__name__ == "age_gate_before_content"


def test_statuses_are_one_fact():
    assert set(SCORED_STATUSES) < set(STATUSES)
    assert STATUSES == ("pass", "partial", "fail", "needs_review", "not_applicable", "not_assessed", "error")


def test_reports_and_the_ground_floor_do_not_import_checks():
    root = Path(__file__).resolve().parents[1]
    for folder in ("reports", "safehaven"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                assert not any(n == "checks" or n.startswith("checks.") for n in names), path
