"""While the key is derived, the main window's modules are imported, so unlocking waits for less."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from trustjournal.ui.controller import MAIN_MODULES

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from trustjournal.app import build_shell
    from trustjournal.store.keyfile import KdfParams
    from trustjournal.store.vault import Vault
    from trustjournal.ui.tasks import BackgroundTasks

    folder, modules = Path(sys.argv[1]), sys.argv[2].split(",")
    # Slow on purpose (about a second): the imports must be done well before it ends.
    kdf = KdfParams(memory_kib=262144, iterations=6, lanes=4)
    Vault.create(folder / "journal", "a long enough passphrase", kdf=kdf)[0].lock()
    assert not any(name in sys.modules for name in modules), "already imported"
    app = QApplication([])
    tasks = BackgroundTasks(parent=app)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    shell = build_shell(app=app, vault_dir=folder / "journal", qsettings=settings, tasks=tasks)
    seen = []
    shell.controller.vault_opened.connect(
        lambda: seen.append([name for name in modules if name not in sys.modules])
    )
    shell.controller.unlocked.connect(app.quit)
    shell.controller.start()
    screen = shell.controller.screen()
    screen.field.setText("a long enough passphrase")
    QTimer.singleShot(0, screen.unlock_button.click)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    tasks.finish()
    print("missing when the journal opened:", seen)
    """
)


def test_the_main_modules_are_imported_while_the_key_is_derived(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path), ",".join(MAIN_MODULES)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "missing when the journal opened: [[]]"
