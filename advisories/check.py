"""Known vulnerabilities in what is installed, from the advisories kept beside this file.

    python advisories/check.py            # every distribution installed in this environment
    python advisories/check.py NAME==VER  # the named versions instead (to try the checker)

pip-audit asks PyPI's or OSV's service over the network, which the portal's CI cannot reach, and
no advisory database that works offline is published on PyPI. So the Python Packaging Advisory
Database (the data pip-audit's PyPI service serves) is kept here at one commit
(``pypa-advisory-database/SOURCE``), and this reads its OSV entries: a version is affected when
an entry lists it, or when it falls in a range from "introduced" to before "fixed" (or up to
"last_affected"). Withdrawn entries are left out. Exits 1 when anything installed is affected,
or when a distribution is installed that the kept copy was not made for (refresh it with
``advisories/vendor.py`` after adding a dependency).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

COPY = Path(__file__).resolve().parent / "pypa-advisory-database"
PROJECT = "parent-champions-portal"


@dataclass(frozen=True)
class Finding:
    name: str
    version: str
    advisory: str
    fixed: tuple[str, ...]

    def __str__(self) -> str:
        fix = f"fixed in {', '.join(self.fixed)}" if self.fixed else "no fixed release"
        return f"{self.name} {self.version}: {self.advisory} ({fix})"


def _version(text: str) -> Version | None:
    try:
        return Version(str(text))
    except InvalidVersion:
        return None


def _in_range(version: Version, events: list[dict]) -> bool:
    """OSV's ECOSYSTEM range: the events in order, each opening or closing the affected span."""
    affected = False
    for event in sorted(events, key=lambda e: _version(next(iter(e.values()))) or Version("0")):
        (kind, value), = event.items()
        bound = _version(value)
        if bound is None:
            continue
        if kind == "introduced" and version >= bound:
            affected = True
        elif (kind == "fixed" and version >= bound) or (
                kind == "last_affected" and version > bound):
            affected = False
    return affected


def affects(entry: dict, name: str, version: str) -> tuple[bool, tuple[str, ...]]:
    """Whether an OSV entry affects this version of the named package, and its fixed releases."""
    if entry.get("withdrawn"):
        return False, ()
    parsed = _version(version)
    hit, fixed = False, []
    for affected in entry.get("affected", []):
        package = affected.get("package", {})
        if package.get("ecosystem") != "PyPI" or canonicalize_name(package.get("name", "")) != name:
            continue
        if version in (str(v) for v in affected.get("versions", [])):
            hit = True
        for span in affected.get("ranges", []):
            if span.get("type") != "ECOSYSTEM":
                continue
            fixed += [str(e["fixed"]) for e in span.get("events", []) if "fixed" in e]
            if parsed is not None and _in_range(parsed, span.get("events", [])):
                hit = True
    return hit, tuple(fixed)


def advisories(name: str) -> Iterable[dict]:
    for path in sorted((COPY / "vulns" / name).glob("*.yaml")):
        yield yaml.safe_load(path.read_text())


def audit(packages: Iterable[tuple[str, str]]) -> list[Finding]:
    findings = []
    for raw_name, version in packages:
        name = canonicalize_name(raw_name)
        for entry in advisories(name):
            hit, fixed = affects(entry, name, version)
            if hit:
                findings.append(Finding(name, version, entry["id"], fixed))
    return findings


def installed() -> list[tuple[str, str]]:
    found = {(canonicalize_name(d.metadata["Name"]), d.version) for d in metadata.distributions()}
    return sorted((name, version) for name, version in found if name != PROJECT)


def looked_for() -> set[str]:
    return set((COPY / "looked-for.txt").read_text().split())


def main(argv: list[str]) -> int:
    packages = [tuple(arg.split("==", 1)) for arg in argv] if argv else installed()
    source = (COPY / "SOURCE").read_text().splitlines()
    unknown = sorted({name for name, _ in packages} - looked_for()) if not argv else []
    findings = audit(packages)
    for finding in findings:
        print(f"VULNERABLE {finding}")
    for name in unknown:
        print(f"NOT COVERED {name}: the kept advisories were not copied for it; "
              "run advisories/vendor.py")
    print(f"{len(packages)} distributions checked against {source[0].split(' (')[0]} "
          f"{source[1]}, {source[2]}: {len(findings)} known vulnerabilities")
    return 1 if findings or unknown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
