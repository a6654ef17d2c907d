"""The offline audit of what is installed (``advisories/check.py``, run by ``make lint`` in CI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from advisories import check

ROOT = Path(__file__).resolve().parents[2]


def entry(*ranges, versions=(), name="example", ecosystem="PyPI", **extra) -> dict:
    return {"id": "PYSEC-0000-1", **extra, "affected": [{
        "package": {"name": name, "ecosystem": ecosystem},
        "ranges": [{"type": "ECOSYSTEM", "events": list(events)} for events in ranges],
        "versions": list(versions)}]}


@pytest.mark.parametrize(("version", "expected"), [
    ("0.9", False), ("1.0", True), ("1.4.2", True), ("2.0", False), ("2.0.1", False),
])
def test_a_version_from_introduced_to_before_fixed_is_affected(version, expected):
    advisory = entry([{"introduced": "1.0"}, {"fixed": "2.0"}])
    assert check.affects(advisory, "example", version) == (expected, ("2.0",))


@pytest.mark.parametrize(("version", "expected"), [("3.1", True), ("3.1.1", False)])
def test_last_affected_is_the_last_version_affected(version, expected):
    advisory = entry([{"introduced": "0"}, {"last_affected": "3.1"}])
    assert check.affects(advisory, "example", version)[0] is expected


def test_two_spans_are_each_affected_and_the_gap_between_is_not():
    advisory = entry([{"introduced": "0"}, {"fixed": "1.2"}, {"introduced": "2.0"},
                      {"fixed": "2.3"}])
    hits = {v: check.affects(advisory, "example", v)[0] for v in ("1.1", "1.5", "2.2", "2.3")}
    assert hits == {"1.1": True, "1.5": False, "2.2": True, "2.3": False}


def test_a_listed_version_is_affected_even_without_a_range():
    assert check.affects(entry(versions=["0.4rc1"]), "example", "0.4rc1")[0]


def test_withdrawn_entries_other_packages_and_other_ecosystems_affect_nothing():
    assert not check.affects(entry([{"introduced": "0"}], withdrawn="2024-01-01T00:00:00Z"),
                             "example", "1.0")[0]
    assert not check.affects(entry([{"introduced": "0"}], name="other"), "example", "1.0")[0]
    assert not check.affects(entry([{"introduced": "0"}], ecosystem="npm"), "example", "1.0")[0]


def test_the_kept_advisories_find_known_vulnerabilities_in_old_releases():
    findings = check.audit([("Flask", "0.12.2"), ("flask", "3.1.3"), ("Werkzeug", "2.2.2")])
    ids = {(f.name, f.advisory) for f in findings}
    assert ("flask", "PYSEC-2018-66") in ids  # CVE-2018-1000656, fixed in 0.12.3
    assert ("werkzeug", "PYSEC-2023-57") in ids
    assert not [f for f in findings if f.version == "3.1.3"]
    assert "fixed in 0.12.3" in str(next(f for f in findings if f.advisory == "PYSEC-2018-66"))


def test_the_kept_copy_names_its_source_commit_and_keeps_its_licence():
    source = (check.COPY / "SOURCE").read_text()
    assert "pypa/advisory-database" in source and "CC-BY-4.0" in source
    assert len(source.split("commit ")[1].split()[0]) == 40
    assert "Attribution 4.0 International" in (check.COPY / "LICENSE").read_text()


def test_the_kept_copy_was_made_for_every_installed_distribution():
    # A new dependency (or a new dependency of one) needs advisories/vendor.py run again.
    missing = sorted({name for name, _ in check.installed()} - check.looked_for())
    assert not missing, f"advisories not copied for {missing}: run advisories/vendor.py"


def test_nothing_installed_has_a_known_vulnerability():
    result = subprocess.run([sys.executable, "advisories/check.py"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 known vulnerabilities" in result.stdout


def test_the_checker_says_which_release_fixes_what_it_finds():
    result = subprocess.run([sys.executable, "advisories/check.py", "flask==0.12.2"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "VULNERABLE flask 0.12.2: PYSEC-2018-66 (fixed in 0.12.3)" in result.stdout
