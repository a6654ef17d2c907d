"""Fixtures the signposting tests share."""

from .oruk_support import directory  # noqa: F401 - a fixture, found here by pytest
