#!/bin/sh
# Installs TrustJournal for you alone, under ~/.local; no administrator rights needed.
# Run it from the unpacked folder: ./install.sh   (./uninstall.sh removes it again)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=io.github.trustjournal.TrustJournal
prefix=${TRUSTJOURNAL_PREFIX:-$HOME/.local}
app_dir="$prefix/lib/trustjournal"

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
rm -rf "$app_dir.new"
cp -R "$here/TrustJournal" "$app_dir.new"
rm -rf "$app_dir" && mv "$app_dir.new" "$app_dir"
ln -sf "$app_dir/trustjournal" "$prefix/bin/trustjournal"
sed "s|^Exec=trustjournal|Exec=$app_dir/trustjournal|" "$here/share/applications/$id.desktop" \
  > "$prefix/share/applications/$id.desktop"
cp "$here/share/metainfo/$id.metainfo.xml" "$prefix/share/metainfo/"
cp -R "$here/share/icons" "$prefix/share/"
command -v update-desktop-database >/dev/null 2>&1 && \
  update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && \
  gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "TrustJournal is installed. Open it from your applications menu, or run: $prefix/bin/trustjournal"
