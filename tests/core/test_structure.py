"""The house's shape (DESIGN.md, Architecture), read from the code's own imports: a core that
imports no capability, capabilities that stand side by side on it, each plugged in one way.

A capability may import the core and, where it must, another capability's package, its
``services`` or its ``models``; never another's views, admin pages, forms or commands. The
factory (portal/__init__.py) is the one place that names the capabilities."""

from __future__ import annotations

import ast
from pathlib import Path

import portal
from portal import CAPABILITIES
from portal.capabilities import plugged_into

PORTAL = Path(portal.__file__).parent
NAMES = {capability.__name__.rsplit(".", 1)[1] for capability in CAPABILITIES}
# What one capability may import of another.
SHARED_MODULES = {None, "services", "models"}
TESTS = Path(__file__).resolve().parents[1]
# The folders of tests/ beside the capabilities' own: the core's tests, the fixture plugins, and
# the test-only routes and templates.
SHARED_TEST_FOLDERS = {"core", "fixtures", "support"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PORTAL.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """Every ``portal.*`` module that ``path`` imports, in any form (``from portal import
    events``, ``from portal.events.services import x``, ``import portal.events``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "portal":
                found |= {f"portal.{alias.name}" for alias in node.names}
            elif node.module.startswith("portal."):
                found.add(node.module)
                folder = PORTAL.parent / node.module.replace(".", "/")
                found |= {f"{node.module}.{alias.name}" for alias in node.names
                          if (folder / f"{alias.name}.py").exists()}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("portal.")}
    return found


def capability_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in NAMES else None


def python_files():
    return sorted(path for path in PORTAL.rglob("*.py"))


def test_the_core_imports_no_capability():
    wrong = []
    for path in python_files():
        module = module_name(path)
        if capability_of(module) or module == "portal":  # the factory names them all
            continue
        wrong += [f"{module} imports {target}" for target in sorted(imports(path))
                  if capability_of(target)]
    assert not wrong, wrong


def test_a_capability_imports_only_the_package_services_or_models_of_another():
    wrong = []
    for path in python_files():
        module = module_name(path)
        mine = capability_of(module)
        if mine is None:
            continue
        for target in sorted(imports(path)):
            theirs = capability_of(target)
            if theirs is None or theirs == mine:
                continue
            part = target.split(".")[2] if target.count(".") >= 2 else None
            if part not in SHARED_MODULES:
                wrong.append(f"{module} imports {target}")
    assert not wrong, wrong


def test_a_capability_package_imports_no_other_capability_when_it_is_imported():
    """Importing ``portal.audit`` for ``audit.record`` must not bring in another's views."""
    wrong = []
    for name in sorted(NAMES):
        path = PORTAL / name / "__init__.py"
        wrong += [f"portal.{name} imports {target}" for target in
                  sorted(imports(path, top_level_only=True))
                  if capability_of(target) not in (None, name)]
    assert not wrong, wrong


def test_every_package_is_a_capability_plugged_in_from_the_one_tuple(app):
    packages = {path.parent.name for path in PORTAL.glob("*/__init__.py")}
    assert packages == NAMES, "each package under portal/ is a capability in CAPABILITIES"
    for capability in CAPABILITIES:
        assert callable(getattr(capability, "init_app", None)), capability.__name__
    assert plugged_into(app).capabilities == [
        capability.__name__.rsplit(".", 1)[1] for capability in CAPABILITIES]


def test_the_tests_mirror_the_packages():
    """A capability's tests are in tests/<capability>/, the core's in tests/core/; beside them
    only tests/fixtures/ and tests/support/, and any data folder sits inside one of these. None
    is left in tests/ itself, each folder is a package, and no two test modules share a name."""
    folders = sorted(path for path in TESTS.iterdir()
                     if path.is_dir() and not path.name.startswith((".", "__")))
    strays = [path.name for path in folders if path.name not in NAMES | SHARED_TEST_FOLDERS]
    assert not strays, f"in tests/, neither a capability nor core, fixtures or support: {strays}"
    loose = sorted(path.name for path in TESTS.glob("test_*.py"))
    assert not loose, f"tests directly in tests/, not in the folder of what they test: {loose}"
    assert [path.name for path in folders if not (path / "__init__.py").is_file()] == []
    names = [path.name for path in TESTS.rglob("test_*.py")]
    assert sorted({name for name in names if names.count(name) > 1}) == []


def test_the_checks_above_can_fail(tmp_path, monkeypatch):
    """The import reader sees each form of import (a check that reads nothing passes)."""
    sample = tmp_path / "sample.py"
    sample.write_text("from portal import events\nfrom portal.feedback.views import x\n"
                      "import portal.signposting.admin\n\ndef f():\n"
                      "    from portal.staff import views\n", encoding="utf-8")
    assert {"portal.events", "portal.feedback.views", "portal.signposting.admin",
            "portal.staff", "portal.staff.views"} <= imports(sample)
    assert imports(sample, top_level_only=True) >= {"portal.events", "portal.feedback.views"}
    assert "portal.staff.views" not in imports(sample, top_level_only=True)
