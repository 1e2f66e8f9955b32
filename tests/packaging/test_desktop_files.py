"""One reverse-DNS id and one version everywhere: desktop entry, metainfo, icons, Flatpak."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from trustjournal import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()  # noqa: S314 - our own file in the checkout


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_app_id_is_reverse_dns_under_a_name_we_hold() -> None:
    assert re.fullmatch(r"io\.github\.[a-z0-9-]+\.[A-Za-z][A-Za-z0-9]*", APP_ID)


def test_the_desktop_entry_names_the_app_id_icon_and_keywords() -> None:
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "trustjournal"
    assert entry["Type"] == "Application"
    assert "journal" in entry["Keywords"].split(";")


def test_the_metainfo_uses_the_same_id_and_launches_the_desktop_entry() -> None:
    root = _metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == APP_ID
    assert root.find("content_rating").get("type", "").startswith("oars-")
    assert root.findall("keywords/keyword")
    assert root.findall("screenshots/screenshot/image")


def test_the_newest_release_is_the_package_version_as_the_changelog_dates_it() -> None:
    release = _metainfo().find("releases/release")
    assert release is not None
    assert release.get("version") == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}] - {release.get('date')}" in changelog


def test_screenshots_name_pictures_the_readme_has() -> None:
    for image in _metainfo().iterfind("screenshots/screenshot/image"):
        assert (ROOT / "docs" / "screenshots" / Path(image.text or "").name).is_file()


def test_install_scripts_and_flatpak_use_the_same_id() -> None:
    for script in ("install.sh", "uninstall.sh"):
        assert f"id={APP_ID}\n" in (LINUX / script).read_text(encoding="utf-8")
    manifest = ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml"
    text = manifest.read_text(encoding="utf-8")
    assert f"app-id: {APP_ID}\n" in text
    assert "--share=network" not in text.replace("No --share=network", "")
    assert "--filesystem" not in text.replace("No --filesystem", "")


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", [], DESKTOP),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
    ],
)
def test_the_freedesktop_validators_accept_the_files(tool: str, args: list[str], path: Path):
    program = shutil.which(tool)
    if program is None:
        pytest.skip(f"{tool} is not installed (.ci/run installs it)")
    done = subprocess.run([program, *args, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
