"""Refresh the advisories kept in this directory from a clone of pypa/advisory-database.

    python advisories/vendor.py PATH-TO-A-CLONE [COMMIT]

Copies, at one commit, the advisories of every distribution installed in this virtual
environment (the portal's dependencies and the tools it is tested and checked with), the
database's licence, and a record of the commit and of which names were looked for. The copy
is what ``advisories/check.py`` reads; it asks no network. Run it in the project's virtual
environment after ``make test`` has installed everything, then commit the result.
"""

from __future__ import annotations

import shutil
import subprocess  # runs git on a clone the developer names
import sys
from importlib import metadata
from pathlib import Path

import yaml
from packaging.utils import canonicalize_name

# What the check reads, and what says which advisory it is; the prose and the links (details,
# references) are left out, and are found by the advisory's id.
KEPT = ("id", "aliases", "summary", "published", "modified", "withdrawn", "affected")
HERE = Path(__file__).resolve().parent
COPY = HERE / "pypa-advisory-database"
PROJECT = "parent-champions-portal"


def git(clone: str, *args: str) -> str:
    return subprocess.run(["git", "-C", clone, *args], check=True, capture_output=True,
                          text=True).stdout


def installed() -> list[str]:
    names = {canonicalize_name(dist.metadata["Name"]) for dist in metadata.distributions()}
    return sorted(names - {PROJECT})


def main(clone: str, commit: str = "HEAD") -> None:
    commit = git(clone, "rev-parse", commit).strip()
    date = git(clone, "show", "-s", "--format=%cI", commit).strip()
    if COPY.exists():
        shutil.rmtree(COPY)
    (COPY / "vulns").mkdir(parents=True)
    (COPY / "LICENSE").write_text(git(clone, "show", f"{commit}:LICENSE"))
    # The database names its folders by the package's name as published; match them loosely.
    folders = {canonicalize_name(name.split("/")[-1]): name
               for name in git(clone, "ls-tree", "--name-only", commit, "vulns/").split()}
    copied = 0
    for name in installed():
        folder = folders.get(name)
        if folder is None:
            continue
        for path in git(clone, "ls-tree", "--name-only", commit, f"{folder}/").split():
            target = COPY / "vulns" / name / Path(path).name
            target.parent.mkdir(exist_ok=True)
            advisory = yaml.safe_load(git(clone, "show", f"{commit}:{path}"))
            kept = {key: advisory[key] for key in KEPT if key in advisory}
            target.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False))
            copied += 1
    (COPY / "SOURCE").write_text(
        "pypa/advisory-database (Python Packaging Advisory Database), CC-BY-4.0\n"
        f"commit {commit}\ndate {date}\n"
        f"changes: each advisory keeps only {', '.join(KEPT)}\n")
    (COPY / "looked-for.txt").write_text("".join(f"{name}\n" for name in installed()))
    print(f"{copied} advisories for {len(installed())} distributions, at {commit[:12]} ({date})")


if __name__ == "__main__":
    if not 2 <= len(sys.argv) <= 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
