"""The real-software corpus: verdicts on saved bundles of open-source platform software vs hand-verified truth.

`benchmarks/realworld/realworld.py` installs, seeds, serves and audits real platform software from PyPI
(django-classified, askbot, django-machina, django-postman, pybbm, Misago), NodeBB (Node.js, from its
git release tag and npm), Yclas (PHP classifieds on MariaDB, from its git release tag) and WordPress with the
bbPress forum plugin (WordPress from Debian's packages, bbPress from its git release tag) with a minimal
audit definition, and `save` keeps trimmed copies of the bundles in the repo
(benchmarks/realworld/<name>/bundle.tar.xz). This test evaluates those saved bundles (no browser, no server)
and compares every verdict and area level with the platform's truth.toml. Mismatches that are known and not
yet fixed are listed in KNOWN_GAPS with the reason; any other mismatch fails, and a known gap that has been
fixed fails too, so the list stays honest.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from audits.demo.server import read_truth
from checks import catalogue
from safehaven.models import AREAS

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("realworld", ROOT / "benchmarks" / "realworld" / "realworld.py")
rw = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("realworld", rw)
_spec.loader.exec_module(rw)

PLATFORMS = rw.platforms()

# (platform, check or area) -> why the saved bundle's verdict still differs from the truth
KNOWN_GAPS: dict[tuple[str, str], str] = {}  # none: every hand-verified verdict is right on the saved bundles


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    out = {}
    tmp = tmp_path_factory.mktemp("realworld")
    for p in PLATFORMS:
        truth = read_truth(p.truth_path)
        run_dir = rw.unpack_saved(p, tmp)
        out[p.slug] = (truth, *rw.judge(run_dir, truth))
    return out


def test_corpus_has_four_real_platforms_with_truth_and_saved_bundles():
    kinds = {p.kind for p in PLATFORMS}
    assert len(PLATFORMS) >= 4
    assert {"classified ads", "forum", "member messaging"} <= kinds
    for p in PLATFORMS:
        assert p.saved_path.is_file(), f"{p.slug}: no saved bundle; run realworld.py save"
        assert p.port in range(18101, 18200) or p.port in range(18500, 18800)
        assert p.definition_text().count("\n") == 3  # [platform] name url: what a new user writes
    assert sum(p.saved_path.stat().st_size for p in PLATFORMS) < 3_000_000


def test_nodebb_is_built_from_a_release_tag_with_its_own_redis_and_owner_settings():
    nodebb = {p.slug: p for p in PLATFORMS}["nodebb"]
    assert nodebb.stack == "nodebb" and nodebb.source == "NodeBB/NodeBB" and nodebb.tag.startswith("v4.")
    assert nodebb.service == "redis" and nodebb.service_port != nodebb.port
    assert nodebb.build_dir.is_relative_to(rw.BUILD)  # outside git, like the Django platforms
    assert dict(nodebb.config)["requireEmailAddress"] == "1"
    for name in ("seed.py", "terms.md", "footer.html"):
        assert (nodebb.folder / name).is_file(), name
    # the Django platforms keep their defaults
    assert all(p.stack == "django" and not p.config for p in PLATFORMS if p.slug not in ("nodebb", "yclas", "bbpress"))


def test_yclas_is_php_from_a_release_tag_with_its_own_mariadb_listed_patches_and_owner_settings():
    yclas = {p.slug: p for p in PLATFORMS}["yclas"]
    assert yclas.stack == "php" and yclas.source == "yclas/yclas" and yclas.tag == "4.1.0"
    assert yclas.service == "mariadb" and yclas.service_port != yclas.port
    assert yclas.build_dir.is_relative_to(rw.BUILD)
    settings = dict(yclas.config)
    assert settings["i18n.locale"] == "nl_NL" and settings["general.alert_terms"] and settings["advertisement.tos"]
    for name in ("seed.sql", "router.php"):
        assert (yclas.folder / name).is_file(), name
    # the notice and terms pages the settings name are in the seed
    seed = (yclas.folder / "seed.sql").read_text("utf-8")
    assert f"'{settings['general.alert_terms']}'" in seed and f"'{settings['advertisement.tos']}'" in seed
    # each patch names its file and replaces one exact text; none points anywhere off the machine
    assert len(rw.YCLAS_PATCHES) == 3
    for rel, old, new in rw.YCLAS_PATCHES:
        assert rel and old and new and old != new and "://" not in new


def test_bbpress_is_wordpress_from_debian_with_the_plugin_from_a_release_tag_and_an_open_signup():
    bb = {p.slug: p for p in PLATFORMS}["bbpress"]
    assert bb.stack == "wordpress" and bb.source == "bbpress/bbPress" and bb.tag.startswith("2.6.")
    assert bb.service == "mariadb" and bb.service_port != bb.port and bb.build_dir.is_relative_to(rw.BUILD)
    assert "wordpress" in rw.WP_DEBS and "wordpress-l10n" in rw.WP_DEBS
    settings = dict(bb.config)
    # what a forum owner turns on: anyone can register, pretty permalinks, guests read but do not post
    assert settings["users_can_register"] == "1" and settings["permalink_structure"] == "/%postname%/"
    assert settings["_bbp_allow_anonymous"] == "0"
    for name in ("setup.php", "router.php", "forumregels.html"):
        assert (bb.folder / name).is_file(), name
    # WordPress is told to call nothing outside the machine, and the rules page the seed publishes is its own text
    assert "define('WP_HTTP_BLOCK_EXTERNAL', true);" in rw.WP_CONFIG
    assert "forumregels.html" in (bb.folder / "setup.php").read_text("utf-8")


def test_every_truth_gives_every_check_and_area_a_reason():
    for p in PLATFORMS:
        truth = read_truth(p.truth_path)
        assert sorted(truth.checks) == sorted(catalogue()), p.slug
        assert set(truth.levels) == set(AREAS), p.slug
        assert all(reason.strip() for _, reason in truth.checks.values())


def test_truth_loader_refuses_a_verdict_without_reason(tmp_path):
    p = PLATFORMS[0]
    text = p.truth_path.read_text("utf-8")
    broken = tmp_path / "truth.toml"
    broken.write_text(text.replace('reason = "', 'reason = "" # ', 1), "utf-8")
    with pytest.raises(ValueError, match="no reason"):
        read_truth(broken)


def test_saved_bundles_match_the_hand_verified_truth(judged, capsys):
    mismatches = {(slug, key): why for slug, (_t, _f, _c, bad) in judged.items() for key, why in bad.items()}
    right = sum(f.status == t.status(f.check) for t, fs, _c, _b in judged.values() for f in fs)
    total = sum(len(fs) for _t, fs, _c, _b in judged.values())
    with capsys.disabled():
        print(f"\n\nReal-software corpus: {right} of {total} verdicts right ({100 * right / total:.0f}%)")
        for key, why in sorted(mismatches.items()):
            print(f"  {'known gap' if key in KNOWN_GAPS else 'MISMATCH'}: {key[0]} {key[1]}: {why[:160]}")
    unexpected = {k: v for k, v in mismatches.items() if k not in KNOWN_GAPS}
    fixed = [k for k in KNOWN_GAPS if k not in mismatches]
    assert not unexpected, f"{len(unexpected)} verdicts differ from the truth: {sorted(unexpected)}"
    assert not fixed, f"known gaps that are fixed now (remove them from KNOWN_GAPS): {fixed}"


def test_every_platform_gets_every_check_once(judged):
    for slug, (_t, findings, _c, _b) in judged.items():
        assert sorted(f.check for f in findings) == sorted(catalogue()), slug
