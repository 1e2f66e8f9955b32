"""The app's language: the person's stored choice, else the system's, applied before any window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from trustjournal.core import i18n

_qt_words: list[QTranslator] = []  # Qt's own words in the app's language, while installed


def stored_choice(qsettings: QSettings) -> str | None:
    """The language the person chose, or None to follow the system (also for a bad value)."""
    return i18n.parse_language_setting(qsettings.value(i18n.LANGUAGE_SETTING_KEY))


def system_choice() -> list[str]:
    """The system's languages, most wanted first (Qt knows macOS and Windows; on Linux it
    reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG as gettext does)."""
    return [str(code) for code in QLocale.system().uiLanguages()]


def apply_language(qsettings: QSettings) -> str:
    """Speak the stored choice, else the system's language; returns the language used.

    Call before building any widget: widgets read their words when they are built. Needs no
    Babel and opens only the chosen language's compiled catalogues, so start-up stays fast.
    """
    choice = stored_choice(qsettings)
    if choice is not None:
        return i18n.set_language(choice)
    return i18n.set_language(system_choice() or None)


def choose_language(qsettings: QSettings, code: str | None) -> str:
    """Store the person's choice (None: follow the system) and speak it from now on.

    Returns the language now in use. An invalid code is not stored (the system is followed),
    so the settings file only ever holds a language code. Windows already built keep their
    words until they are built again (or the app starts again).
    """
    valid = i18n.normalise(code) if code else None
    if valid is None or valid == i18n.PSEUDO:
        qsettings.remove(i18n.LANGUAGE_SETTING_KEY)
    else:
        qsettings.setValue(i18n.LANGUAGE_SETTING_KEY, valid)
    qsettings.sync()
    return apply_language(qsettings)


def language_choices() -> list[tuple[str, str]]:
    """(code, name in that language) for every language the app speaks, for a Settings list.

    Loads Babel, so call it when Settings is built, never before the unlock screen paints.
    The "follow the system" entry is the page's to add, in its own words.
    """
    from babel import Locale

    return [
        (code, Locale.parse(code).get_display_name(code) or code)
        for code in i18n.available_languages()
    ]


def _speak_qt_words(language: str) -> None:
    """Qt's own words in the app's language: standard buttons (Cancel, OK), a text box's
    context menu (Undo … Select All), Qt's file dialog. Windows already built keep theirs.

    Loading qtbase_<language>.qm takes about 0.1 ms (it is mapped, not read), so the unlock
    screen speaks it from the start; English needs none, and the pseudo-locale tests only the
    app's own words. Without a QApplication (the CLI) there is nothing to translate.
    """
    app = QCoreApplication.instance()
    while _qt_words:
        installed = _qt_words.pop()
        if app is not None:
            app.removeTranslator(installed)
    if app is None or language in (i18n.DEFAULT_LANGUAGE, i18n.PSEUDO):
        return
    words = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if words.load(f"qtbase_{language}", folder):  # pt_BR falls back to qtbase_pt; none: English
        app.installTranslator(words)
        _qt_words.append(words)


i18n.on_language_change(_speak_qt_words)  # whoever sets the language, Qt's words follow
