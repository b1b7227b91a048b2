#!/usr/bin/env bash
# Render the topic cover pictures: content/_build/art/*.svg -> content/<topic>/cover.png
# Needs: rsvg-convert (Debian: librsvg2-bin). Optional: ImageMagick `convert` (strips metadata).
# Usage: bash content/_build/build-art.sh   (from any directory)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# source (in art/)            destination (relative to content/_build)   width height
ART_TABLE='
traffic-safety.svg            ../traffic-safety/cover.png                 800   600
hand-washing.svg              ../hand-washing/cover.png                   800   600
public-behaviour.svg          ../public-behaviour/cover.png               800   600
'

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "build-art.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
  exit 1
fi
# only use a real ImageMagick (some machines have a stand-in that cannot do this)
HAVE_IM=0
if command -v convert >/dev/null 2>&1 && convert -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
  HAVE_IM=1
fi

# every SVG in art/ must have a row in the table
for svg in art/*.svg; do
  if ! grep -q "^$(basename "$svg")[[:space:]]" <<<"$ART_TABLE"; then
    echo "build-art.sh: $svg has no row in ART_TABLE" >&2
    exit 1
  fi
done

while read -r src dst w h; do
  [ -n "${src:-}" ] || continue
  mkdir -p "$(dirname "$dst")"
  # cover pictures are opaque: flatten onto white, no alpha channel needed
  rsvg-convert -w "$w" -h "$h" -b white -o "$dst" "art/$src"
  if [ "$HAVE_IM" = 1 ]; then
    convert "$dst" -strip -alpha off "PNG24:$dst"
  fi
  echo "$dst  ${w}x${h}  $(stat -c %s "$dst") bytes"
done <<<"$ART_TABLE"
