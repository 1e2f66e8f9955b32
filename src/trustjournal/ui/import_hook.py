"""A faster answer to the question PySide6 asks of every module the app imports.

PySide6 replaces `__import__` to support its opt-in `from __feature__ import ...` syntax. After
each import it asks whether the module uses PySide6, by reading the module's source with
`inspect.getsource` (tokenised and split into lines by `linecache`) and looking for the word
"PySide6". Before the unlock screen first paints, the app imports about forty modules (`typing`,
`inspect` and `pathlib` among them, thousands of lines each), and those readings add up to
about 4 ms of a 110 ms start.

`speed_up_pyside_import_hook` gives PySide6 the same answer, read straight from the file's
bytes. Modules without a `.py` file (built in, compiled, frozen) still go to PySide's own check,
which returns at once for them. If a later PySide6 works differently, nothing is changed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"  # PySide6's own, importable once QtCore is


def speed_up_pyside_import_hook() -> bool:
    """Swap PySide6's per-import source check for a quicker one with the same answers.

    Returns:
        Whether the check was swapped (False when this PySide6 has no such check).
    """
    import PySide6.QtCore  # noqa: F401  - the hook and its module exist from here on

    try:
        feature = importlib.import_module(_FEATURE_MODULE)
    except ImportError:
        return False
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original) or getattr(original, "_reads_bytes", False):
        return False
    setattr(feature, "_mod_uses_pyside", _reading_bytes(original))  # noqa: B010 - not typed
    return True


def _reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside._reads_bytes = True  # type: ignore[attr-defined]
    return uses_pyside
