#!/usr/bin/env bash
# One command: builds the one-folder Linux app and dist/TrustJournal-<version>-linux-x86_64.tar.gz
# (the app, install.sh, uninstall.sh, the desktop entry, AppStream metainfo and hicolor icons).
# Needs the `packaging` extra (pip install -e ".[packaging]"), and icu-devtools and binutils to
# rebuild Qt's ICU data smaller (packaging/trim_icu.py). PYTHON picks the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python=${PYTHON:-python3}
version=$("$python" -c 'import sys; sys.path.insert(0, "src"); import trustjournal; print(trustjournal.__version__)')
app_id=$("$python" -c 'import sys; sys.path.insert(0, "src"); import trustjournal; print(trustjournal.APP_ID)')
name="TrustJournal-$version-linux-$(uname -m)"
# the metainfo's newest release is this version (tests/packaging checks it against CHANGELOG.md)
grep -q "<release version=\"$version\"" "packaging/linux/$app_id.metainfo.xml" || {
  echo "packaging/linux/$app_id.metainfo.xml has no release $version: add it first" >&2; exit 1; }

rm -rf build/icons build/pyinstaller "dist/$name" "dist/$name.tar.gz" dist/TrustJournal
QT_QPA_PLATFORM=offscreen "$python" packaging/make_icons.py build/icons >/dev/null
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/trustjournal.spec

stage="dist/$name"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/icons"
mv dist/TrustJournal "$stage/TrustJournal"
cp "packaging/linux/$app_id.desktop" "$stage/share/applications/"
cp "packaging/linux/$app_id.metainfo.xml" "$stage/share/metainfo/"
cp -R build/icons/hicolor "$stage/share/icons/"
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$stage/"
tar -C dist -cf - "$name" | gzip -9 > "dist/$name.tar.gz"
echo "$root/dist/$name.tar.gz"
