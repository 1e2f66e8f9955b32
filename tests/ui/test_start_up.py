"""Start-up shortcuts that must not change what the person gets: the Fusion style, the collector."""

from __future__ import annotations

import os
import subprocess
import sys

FUSION_PROBE = """
from trustjournal.ui.theme import ThemeManager, make_application
app = make_application("trustjournal")
ThemeManager(app=app)
print(app.style().name())
"""

COLLECTOR_PROBE = """
import gc
gc.disable()
from trustjournal.ui.process_arming import _resume_collecting
_resume_collecting()
print(gc.isenabled(), gc.get_freeze_count() > 0)
"""


def _run(code: str, **env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def test_the_app_is_fusion_from_its_creation_whatever_the_environment_asks() -> None:
    assert _run(FUSION_PROBE) == "fusion"
    assert _run(FUSION_PROBE, QT_STYLE_OVERRIDE="windows") == "fusion"


def test_the_collector_is_back_on_after_start_up_with_start_up_objects_frozen() -> None:
    assert _run(COLLECTOR_PROBE) == "True True"
