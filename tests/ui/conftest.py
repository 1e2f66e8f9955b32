"""UI test fixtures: the export tests share the services' journal fixtures."""

from __future__ import annotations

from tests.services.conftest import clock, db, journal, repo  # noqa: F401 - shared fixtures
