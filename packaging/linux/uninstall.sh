#!/bin/sh
# Removes what install.sh put under ~/.local. Your journal is NOT touched: it stays in its
# folder (by default ~/.local/share/TrustJournal) until you delete it yourself.
set -eu
id=io.github.trustjournal.TrustJournal
prefix=${TRUSTJOURNAL_PREFIX:-$HOME/.local}
rm -rf "$prefix/lib/trustjournal"
[ -L "$prefix/bin/trustjournal" ] && rm -f "$prefix/bin/trustjournal"
rm -f "$prefix/share/applications/$id.desktop" "$prefix/share/metainfo/$id.metainfo.xml"
for icon in "$prefix"/share/icons/hicolor/*/apps/"$id".png "$prefix"/share/icons/hicolor/scalable/apps/"$id".svg; do
  rm -f "$icon"
done
command -v update-desktop-database >/dev/null 2>&1 && \
  update-desktop-database -q "$prefix/share/applications" || true
echo "TrustJournal is removed. Your journal folder was left as it was."
