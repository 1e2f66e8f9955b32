"""Smoke-test a built one-folder app from outside the source tree (CI runs it with the tree away).

Usage: python3 packaging/smoke_test.py BUNDLE_DIR   (the folder holding the `trustjournal` program)

Needs only the standard library (and binutils' `nm`), so it runs with no checkout and no virtual
environment: the frozen CLI prints its version, creates a journal, adds a check-in, lists it as
JSON and exports a PDF; it answers in German with German dates and numbers (the trimmed Babel
data); Qt's trimmed ICU data answers every kind of question the bundle's Qt asks it; then the
frozen app, offscreen, paints its unlock screen over that journal, in English and in German, and
quits cleanly on SIGTERM (as it does on Ctrl+C or logout).
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "smoke test passphrase for the bundle\n"  # noqa: S105 - a throwaway journal


GERMAN = {"LANGUAGE": "de", "LANG": "C.UTF-8", "TZ": "UTC"}


def _cli(program: Path, *args: str, env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(  # noqa: S603 - the program under test
        [str(program), *args],
        input=PASSPHRASE,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"trustjournal {args[0]} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def _paints_and_quits(program: Path, vault: Path, env: dict[str, str], cwd: Path) -> float:
    """Seconds to the painted unlock screen; fails unless the app then quits with status 0."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "TRUSTJOURNAL_REPORT_PAINT": "1"}
    started = time.monotonic()
    proc = subprocess.Popen(  # noqa: S603 - the program under test
        [str(program), "--vault", str(vault)],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    painted = None
    for line in proc.stderr:
        parts = line.split()
        if parts[:2] == ["painted", "unlock"]:
            painted = float(parts[3]) - started
            break
        sys.stderr.write(line)
    if painted is None:
        raise SystemExit(f"the app ended ({proc.wait()}) without painting its unlock screen")
    time.sleep(2)  # its SIGTERM handler is set up in the event loop's turn after the paint
    proc.send_signal(signal.SIGTERM)
    rest = proc.stderr.read()
    code = proc.wait(timeout=60)
    if code != 0 or "Traceback" in rest:
        raise SystemExit(f"the app did not quit cleanly ({code}):\n{rest}")
    return painted


def _speaks_german(program: Path, vault: Path, env: dict[str, str], cwd: Path) -> None:
    """German words from the catalogues, German dates and decimals from Babel's trimmed data."""
    env = {**env, **GERMAN}
    journal = ("--vault", str(vault), "--passphrase-stdin")
    for mood, connection, when in (("7", "4", "2026-03-03T09:00"), ("8", "5", "2026-03-04T21:30")):
        said = _cli(program, "add", "mood", "--mood", mood, "--connection", connection, "--at",
                    when, *journal, env=env, cwd=cwd)  # fmt: skip
        if not said.startswith("Als Eintrag "):
            raise SystemExit(f"add did not answer in German: {said!r}")
    listed = _cli(program, "list", "--kind", "mood", *journal, env=env, cwd=cwd)
    if "04.03.2026 21:30" not in listed or "Stimmung 8 von 10" not in listed:
        raise SystemExit(f"list did not show German dates and words:\n{listed}")
    period = ("--from", "2026-03-01", "--to", "2026-03-10")
    figures = _cli(program, "insights", *period, *journal, env=env, cwd=cwd).splitlines()
    if figures[:2] != [
        "Vom 01.03.2026 bis 10.03.2026",
        "2 Check-ins an 2 Tagen: Stimmung 7,5, Nähe 4,5, Vertrauen nicht beantwortet",
    ]:
        raise SystemExit(f"insights did not answer in German with German decimals: {figures}")
    if "Aufruf: trustjournal" not in _cli(program, "--help", env=env, cwd=cwd):
        raise SystemExit("--help is not German")


# What the bundle's Qt may ask ICU, by function family, and a question of each kind whose answer
# needs the data packaging/trim_icu.py keeps. A Qt that imports anything else fails this check.
ICU_FAMILIES = ("u_strToUpper", "u_strToLower", "ucal_", "ucol_", "ucnv_", "UCNV_")


def _icu_answers_what_qt_asks(internal: Path) -> None:
    """The trimmed ICU still sorts, names time zones, maps case and converts as Qt needs."""
    libs = internal / "PySide6" / "Qt" / "lib"
    core = libs / "libQt6Core.so.6"
    nm = shutil.which("nm")
    if nm is None:
        raise SystemExit("nm (binutils) is needed to see what the bundle's Qt asks ICU")
    imported = subprocess.run(  # noqa: S603 - binutils, on the bundle's own file
        [nm, "-D", "--undefined-only", str(core)], capture_output=True, text=True, check=True
    ).stdout
    version = re.search(r"_(\d+)$", next(s for s in imported.split() if s.startswith("ucol_")))
    assert version is not None
    asked = {s for s in imported.split() if s.endswith(f"_{version[1]}")}
    unchecked = sorted(s for s in asked if not s.startswith(ICU_FAMILIES))
    if unchecked:
        raise SystemExit(f"Qt now asks ICU for {unchecked}: check packaging/trim_icu.py keeps it")

    def fn(lib: ctypes.CDLL, name: str, restype: type = ctypes.c_int32) -> ctypes._NamedFuncPointer:
        found = getattr(lib, f"{name}_{version[1]}")
        found.restype = restype
        return found

    def uchars(text: str) -> ctypes.Array[ctypes.c_char]:
        return ctypes.create_string_buffer(text.encode("utf-16-le") + b"\0\0")

    uc = ctypes.CDLL(str(libs / f"libicuuc.so.{version[1]}"))
    i18n = ctypes.CDLL(str(libs / f"libicui18n.so.{version[1]}"))
    status, out = ctypes.c_int(0), ctypes.create_string_buffer(512)

    def answer(length: int) -> str:
        if status.value > 0:  # an ICU error (warnings are negative)
            raise SystemExit(f"ICU failed ({status.value}): the trimmed data lacks something")
        return out.raw[: 2 * length].decode("utf-16-le")

    # collation: Swedish (its own rules, kept for every language) puts ö after z
    collator = fn(i18n, "ucol_open", ctypes.c_void_p)(b"sv", ctypes.byref(status))
    order = fn(i18n, "ucol_strcoll")(ctypes.c_void_p(collator), uchars("ö"), -1, uchars("z"), -1)
    answer(0)
    if order != 1:
        raise SystemExit("ICU no longer sorts by a language's own rules")
    # time-zone names in the app's languages, and canonical ids
    for language, name in (
        (b"de", "Mitteleuropäische Normalzeit"),
        (b"en", "Central European Standard Time"),
    ):
        calendar = fn(i18n, "ucal_open", ctypes.c_void_p)(
            uchars("Europe/Berlin"), -1, language, 0, ctypes.byref(status)
        )
        shown = answer(fn(i18n, "ucal_getTimeZoneDisplayName")(
            ctypes.c_void_p(calendar), 0, language, out, 256, ctypes.byref(status)
        ))  # fmt: skip
        fn(i18n, "ucal_close", None)(ctypes.c_void_p(calendar))
        if shown != name:
            raise SystemExit(f"ICU names Europe/Berlin {shown!r} in {language.decode()}")
    system = ctypes.c_int8()
    canonical = answer(fn(i18n, "ucal_getCanonicalTimeZoneID")(
        uchars("US/Pacific"), -1, out, 256, ctypes.byref(system), ctypes.byref(status)
    ))  # fmt: skip
    if canonical != "America/Los_Angeles":
        raise SystemExit(f"ICU's canonical id for US/Pacific is {canonical!r}")
    upper = answer(
        fn(uc, "u_strToUpper")(out, 256, uchars("straße"), -1, b"de", ctypes.byref(status))
    )
    if upper != "STRASSE":
        raise SystemExit(f"ICU upper-cases straße as {upper!r}")
    for encoding in (b"UTF-8", b"UTF-16LE", b"ISO-8859-1"):  # converted in code, no tables
        converter = fn(uc, "ucnv_open", ctypes.c_void_p)(encoding, ctypes.byref(status))
        answer(0)
        fn(uc, "ucnv_close", None)(ctypes.c_void_p(converter))


def main(argv: list[str]) -> int:
    """Run every check against the bundle in argv[0]; exit status 0 when all pass."""
    program = Path(argv[0]).resolve() / "trustjournal"
    # where core/resources.py looks in a frozen app (sys._MEIPASS is the _internal folder)
    internal = program.parent / "_internal"
    bundled = internal / "trustjournal" / "resources"
    if not (bundled / "vocabulary").is_dir() or not (bundled / "icons" / "app.svg").is_file():
        raise SystemExit(f"the bundle has no complete resources folder at {bundled}")
    german = {p.stem for p in (bundled / "locale" / "de" / "LC_MESSAGES").glob("*.mo")}
    if not {"screens", "core"} <= german:  # the unlock screen's words (core/i18n.FIRST_AREAS)
        raise SystemExit(f"the bundle lacks the German catalogues: has {sorted(german)}")
    with tempfile.TemporaryDirectory(prefix="tj-bundle-smoke-") as tmp:
        home = Path(tmp)
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_RUNTIME_DIR=str(home / "run"),
        )
        (home / "run").mkdir(mode=0o700)
        print(_cli(program, "--version", env=env, cwd=home).strip())
        vault = home / "journal"
        journal = ("--vault", str(vault), "--passphrase-stdin")
        _cli(program, "init", *journal, env=env, cwd=home)
        _cli(
            program, "add", "mood", "--mood", "7", "--emotions", "calm", *journal, env=env, cwd=home
        )
        listed = json.loads(_cli(program, "list", "--json", *journal, env=env, cwd=home))
        if [entry.get("mood") for entry in listed] != [7]:
            raise SystemExit(f"list --json did not return the check-in: {listed}")
        pdf = home / "summary.pdf"
        _cli(
            program, "export", "--out", str(pdf), "--audience", "self", *journal, env=env, cwd=home
        )
        if not pdf.read_bytes().startswith(b"%PDF-"):
            raise SystemExit("export did not write a PDF")
        print(f"CLI round trip ok: init, add, list --json, export ({pdf.stat().st_size} bytes)")
        _speaks_german(program, vault, env, home)
        german_pdf = home / "zusammenfassung.pdf"
        _cli(program, "export", "--out", str(german_pdf), "--audience", "therapist",
             "--language", "de", *journal, env=env, cwd=home)  # fmt: skip
        if not german_pdf.read_bytes().startswith(b"%PDF-"):
            raise SystemExit("export --language de did not write a PDF")
        print("German ok: add, list, insights, --help and a German PDF summary")
        _icu_answers_what_qt_asks(internal)
        print("ICU ok: collation, time-zone names, case mapping and UTF-8, as Qt asks them")
        seconds = _paints_and_quits(program, vault, env, home)
        print(f"app painted its unlock screen in {seconds:.2f} s and quit cleanly")
        seconds = _paints_and_quits(program, vault, {**env, **GERMAN}, home)
        print(f"in German too ({seconds:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
