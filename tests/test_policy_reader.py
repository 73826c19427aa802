"""The policy reader: measured on a labelled corpus of policy passages, plus unit tests per clause type."""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from safehaven.checks import policy
from safehaven.checks.policy import (
    AuthorityContact,
    Clause,
    CooperationClause,
    DeletionPromise,
    HelpResource,
    PreservationClause,
    Prohibition,
    RetentionClause,
    Sanction,
)

CORPUS = Path(__file__).parent / "corpus" / "policies"
CLAUSE_TYPES = ("retention", "preservation", "deletion_promise", "cooperation", "authority_contact",
                "prohibition", "sanction", "help_resource")
FLOOR = 0.8


# =============================================================================== corpus measurement


@dataclass(frozen=True)
class Passage:
    id: str
    lang: str
    url: str
    text: str
    expected: tuple[tuple[str, tuple], ...]


def load_corpus() -> list[Passage]:
    passages = []
    for path in sorted(CORPUS.glob("*.toml")):
        for p in tomllib.loads(path.read_text("utf-8"))["passage"]:
            expected = tuple(expected_signature(e) for e in p.get("expect", []))
            passages.append(Passage(p["id"], p["lang"], p["url"], p["text"], expected))
    return passages


def expected_signature(e: dict) -> tuple[str, tuple]:
    """The comparable form of one labelled clause."""
    t = e["type"]
    if t == "retention":
        return t, (e.get("days"), tuple(sorted(e["kinds"])))
    if t == "preservation":
        return t, (e["trigger"], e.get("days"))
    if t == "cooperation":
        return t, (e["mode"], tuple(sorted(e.get("crimes", []))))
    if t == "authority_contact":
        return t, (e["kind"],)
    if t == "prohibition":
        return t, (e["topic"], bool(e["sanction"]))
    if t == "help_resource":
        return t, (e["key"], e.get("phone"))
    return t, ()


def found_signature(c: Clause) -> tuple[str, tuple]:
    """The comparable form of one clause the reader found."""
    if isinstance(c, RetentionClause):
        return c.type, (c.duration.days if c.duration else None, tuple(sorted(c.data_kinds)))
    if isinstance(c, PreservationClause):
        return c.type, (c.trigger, c.period.days if c.period else None)
    if isinstance(c, CooperationClause):
        return c.type, (c.mode, tuple(sorted(set(c.crimes) & {"trafficking", "child_exploitation"})))
    if isinstance(c, AuthorityContact):
        return c.type, (c.kind,)
    if isinstance(c, Prohibition):
        return c.type, (c.topic, bool(c.sanctions))
    if isinstance(c, HelpResource):
        return c.type, (c.key, c.phone or None)
    return c.type, ()


def measure(passages: list[Passage]) -> tuple[dict[str, dict[str, int]], list[str]]:
    """True/false positives and false negatives per clause type, and a line per mistake."""
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in CLAUSE_TYPES}
    mistakes = []
    for p in passages:
        found = Counter(found_signature(c) for c in policy.read_policy(p.text, p.url, language=p.lang).clauses)
        wanted = Counter(p.expected)
        for (t, sig), n in (found | wanted).items():
            tp = min(found[(t, sig)], wanted[(t, sig)])
            counts[t]["tp"] += tp
            counts[t]["fp"] += found[(t, sig)] - tp
            counts[t]["fn"] += wanted[(t, sig)] - tp
            if found[(t, sig)] != wanted[(t, sig)]:
                mistakes.append(f"{p.id}: {t} {sig} found {found[(t, sig)]}, expected {wanted[(t, sig)]}")
    return counts, mistakes


def scores(c: dict[str, int]) -> tuple[float, float]:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return precision, recall


def table(counts: dict[str, dict[str, int]]) -> str:
    rows = [f"{'clause type':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}"]
    for t, c in counts.items():
        precision, recall = scores(c)
        rows.append(f"{t:<18} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {precision:>10.2f} {recall:>8.2f}")
    return "\n".join(rows)


def test_corpus_has_enough_labelled_passages_in_both_languages():
    passages = load_corpus()
    assert len(passages) >= 40
    assert {p.lang for p in passages} == {"nl", "en"}
    labelled = {t for p in passages for t, _ in p.expected}
    assert labelled == set(CLAUSE_TYPES)


def test_precision_and_recall_per_clause_type_meet_the_floor(capsys):
    counts, mistakes = measure(load_corpus())
    with capsys.disabled():
        print(f"\n\nPolicy reader on {len(load_corpus())} corpus passages\n{table(counts)}")
        if mistakes:
            print("\nDisagreements with the labels:\n  " + "\n  ".join(mistakes))
    for t, c in counts.items():
        precision, recall = scores(c)
        assert precision >= FLOOR, f"{t} precision {precision:.2f}"
        assert recall >= FLOOR, f"{t} recall {recall:.2f}"
