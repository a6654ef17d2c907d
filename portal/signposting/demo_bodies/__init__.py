"""Whole demo guides translated into every language (fictional demo content, machine-assisted
drafts awaiting review by native speakers): ``BODIES[language][slug]`` is the Markdown."""

from __future__ import annotations

import importlib

LANGUAGES = ("pl", "ro", "pa", "ur", "so", "ar")


def bodies() -> dict[str, dict[str, str]]:
    found = {}
    for language in LANGUAGES:
        try:
            module = importlib.import_module(f"{__name__}.{language}")
        except ModuleNotFoundError:
            continue
        found[language] = module.BODIES
    return found
