#!/usr/bin/env bash
# Render the program's UI icons: assets/_build/icons/NAME.svg -> assets/icons/NAME.png
# Needs: rsvg-convert (Debian: librsvg2-bin). Optional: ImageMagick `convert` (strips metadata).
# Usage: bash assets/_build/build-icons.sh   (from any directory)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

SRC=icons
OUT=../icons
mkdir -p "$OUT"

# size of each icon in px (square); anything not listed is 256
declare -A SIZE=( [logo]=512 )

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "build-icons.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
  exit 1
fi
# only use a real ImageMagick (some machines have a stand-in that cannot do this)
HAVE_IM=0
if command -v convert >/dev/null 2>&1 && convert -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
  HAVE_IM=1
fi

for svg in "$SRC"/*.svg; do
  name=$(basename "$svg" .svg)
  px=${SIZE[$name]:-256}
  png="$OUT/$name.png"
  rsvg-convert -w "$px" -h "$px" -o "$png" "$svg"
  if [ "$HAVE_IM" = 1 ]; then
    convert "$png" -strip "PNG32:$png"
  fi
  echo "$png  ${px}x${px}  $(stat -c %s "$png") bytes"
done
