#!/usr/bin/env bash
# The Exodus Privacy static-analysis method, as a reference for bench/inventory-vs-reference.sh.
#
# Usage: exodus_inventory.sh DIR SIGNATURES OUT
#
# For every *.apk directly in DIR (sorted): unzip its classes*.dex to a temporary folder, run
# Debian's dexdump over them and keep the first slash-separated path of each output line (the
# perl | sort | uniq pipeline of exodus-core's StaticAnalysis.get_embedded_classes), then match
# that class list against SIGNATURES (one extended regex per line, tracker code signatures with
# '/' separators) as Exodus does, and read the requested permissions (uses-permission and
# uses-permission-sdk-23) with aapt. Writes, per APK, OUT/NAME.classes (the path list),
# OUT/NAME.trackers (the matching paths) and OUT/NAME.permissions.
set -euo pipefail
dir=$1 signatures=$2 out=$3
export LC_ALL=C
mkdir -p "$out"
for apk in "$dir"/*.apk; do
  name=$(basename "$apk")
  tmp=$(mktemp -d)
  unzip -qq -o "$apk" 'classes*.dex' -d "$tmp" 2>/dev/null || true
  if compgen -G "$tmp/classes*.dex" >/dev/null; then
    dexdump "$tmp"/classes*.dex 2>/dev/null | perl -n -e'/[A-Z]+((?:\w+\/)+\w+)/ && print "$1\n"' | sort | uniq \
      > "$out/$name.classes" || true
  else
    : > "$out/$name.classes"
  fi
  grep -E -f "$signatures" "$out/$name.classes" > "$out/$name.trackers" || true
  aapt dump permissions "$apk" 2>/dev/null | sed -n "s/^uses-permission\(-sdk-23\)\{0,1\}: name='\([^']*\)'.*/\2/p" | sort -u \
    > "$out/$name.permissions" || true
  rm -rf "$tmp"
done
