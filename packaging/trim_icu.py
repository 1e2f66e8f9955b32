"""Rebuild Qt's ICU data library (libicudata, 31 MB) with only the data Qt can ask it for.

Used by trustjournal.spec on Linux, the one platform whose PySide6 wheel ships ICU. Needs `icupkg`
(Debian/Ubuntu: icu-devtools; Fedora: icu) and binutils (`nm`, `objcopy`, `ld`).

Qt Core links ICU for four things only (packaging/smoke_test.py checks Qt imports nothing else):
collation (ucol_*: Qt's file dialog sorts names by the system language), time-zone names
(ucal_*), case mapping (u_strToUpper/Lower: code, no data) and named text encodings (ucnv_*). So:

- collation data is kept whole: any system language may sort the file dialog;
- locale data (names of zones, languages, regions, calendars …) is kept for the root locale and the
  app's own languages (with their regional variants); other languages fall back to those, as ICU
  does for a language it lacks;
- conversion tables for legacy encodings go: the app reads and writes only UTF-8, which ICU (like
  Latin-1, UTF-16 and UTF-32) converts in code without a table;
- break-iterator rules and dictionaries go: Qt splits text with its own tables, never ICU's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

LOCALE_ITEM = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]+)*")
KEPT_IN_EVERY_TREE = {"root", "pool", "res_index"}  # the fallback locale and each tree's index


def keeps(item: str, languages: Iterable[str]) -> bool:
    """Whether the trimmed data keeps `item` (a name such as "zone/de_AT.res" from icupkg -l)."""
    tree, _, name = item.rpartition("/")
    stem, _, ext = name.rpartition(".")
    if ext == "cnv" or tree == "brkitr":
        return False
    if tree == "coll" or ext != "res" or stem in KEPT_IN_EVERY_TREE:
        return True
    if not LOCALE_ITEM.fullmatch(stem):
        return True  # supplemental data (zoneinfo64, metaZones, likelySubtags …)
    return stem.split("_", maxsplit=1)[0] in set(languages)


def _run(*argv: str, cwd: Path | None = None) -> str:
    tool = shutil.which(argv[0])
    if tool is None:
        raise SystemExit(
            f"{argv[0]} is missing: packaging on Linux needs icu-devtools (icupkg) and binutils"
        )
    return subprocess.run(  # noqa: S603 - fixed build tools on our own files
        [tool, *argv[1:]], check=True, capture_output=True, text=True, cwd=cwd
    ).stdout


def trim(original: Path, languages: Iterable[str], workdir: Path) -> Path:
    """A copy of `original` (libicudata.so.NN) holding only what Qt uses; returns its path."""
    symbol = next(  # icudtNN_dat: the one symbol, where ICU's code finds its data
        line.split()[-1] for line in _run("nm", "-D", str(original)).splitlines() if "_dat" in line
    )
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: the items' path prefix inside
    shutil.rmtree(workdir, ignore_errors=True)
    (workdir / "full").mkdir(parents=True)
    full, trimmed = workdir / "full" / f"{package}.dat", workdir / f"{package}.dat"
    # the library is nothing but the data, in .rodata, starting at the symbol
    _run("objcopy", "-O", "binary", "--only-section=.rodata", str(original), str(full))
    items = _run("icupkg", "-l", str(full)).split()
    dropped = workdir / "dropped.txt"
    dropped.write_text("".join(f"{i}\n" for i in items if not keeps(i, languages)))
    # icupkg names the items after the output file's name (so it must be icudtNNl.dat), and
    # refuses to drop an item that a kept one still refers to
    _run("icupkg", "-r", str(dropped), str(full), str(trimmed))
    # back into a library exporting the same symbol; objcopy names its symbols after the file
    # name it is given, hence the relative names and cwd
    start = "_binary_" + re.sub(r"\W", "_", trimmed.name) + "_start"
    _run(
        "objcopy", "-I", "binary", "-O", "elf64-x86-64", "-B", "i386:x86-64",
        "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
        "--set-section-alignment", ".rodata=16", "--redefine-sym", f"{start}={symbol}",
        "--strip-symbol", start.replace("_start", "_end"),
        "--strip-symbol", start.replace("_start", "_size"),
        trimmed.name, "icudata.o",
        cwd=workdir,
    )  # fmt: skip
    library = workdir / original.name
    _run("ld", "-shared", "-soname", original.name, "-z", "noexecstack", "-o", library.name,
         "icudata.o", cwd=workdir)  # fmt: skip
    return library
