#!/usr/bin/env bash
# Build the sample games of the three topic packs from their sources in content/_build/games/.
#
#   games/<topic>/<id>/*.svg        -> content/<topic>/games/<id>/*.png
#                                      scene.svg (spot-it) 1280x720, every other picture 512x512
#   games/<topic>/<id>/prompts.txt  -> content/<topic>/games/<id>/<clip>.ogg
#                                      (Opus, each prompt read aloud by espeak-ng's Vietnamese voice)
#
# Pictures are opaque RGB PNGs without metadata. One that comes out larger than MAX_PNG bytes is
# reduced to 256 colours, then to 128 (flat cartoons lose nothing visible); the build fails if it is
# still too large. The game entries (rounds and answers, pairs, groups, steps, spots) go into the
# pack's topic.json by hand: this script warns when topic.json does not mention a picture, a
# narration clip, a prompt text or the game's id and template.
#
# Needs: rsvg-convert (librsvg2-bin), ImageMagick `convert`, espeak-ng with the Vietnamese voice,
# ffmpeg/ffprobe with libopus.
# Usage: bash content/_build/build-games.sh [TOPIC/ID ...]   (from any directory; no argument
# builds every game, arguments build only those games, e.g. hand-washing/six-steps-order)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# topic               game id              template
GAME_TABLE='
traffic-safety        who-is-right         choose-picture
traffic-safety        safe-or-not          sort-groups
traffic-safety        find-no-helmet       spot-it
hand-washing          six-steps-order      put-in-order
hand-washing          hygiene-pairs        memory-pairs
hand-washing          when-to-wash         choose-picture
public-behaviour      good-or-not          sort-groups
public-behaviour      banana-peel          put-in-order
public-behaviour      find-litter          spot-it
'

VOICE=(espeak-ng -v vi -s 130)   # Northern Vietnamese, a little slower than the lessons for prompts
MAX_PNG=81920                    # bytes (80 KB)

source ./common.sh
require rsvg-convert convert espeak-ng ffmpeg ffprobe awk
if ! convert -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
  echo "build-games.sh: convert is not ImageMagick" >&2
  exit 1
fi

# PNG without metadata or time stamps
PNGOPT=(-strip -alpha off -define png:exclude-chunks=date,time)

# picture SVG PNG W H: render, then keep it under MAX_PNG bytes; prints how it was stored
picture() {
  rsvg-convert -w "$3" -h "$4" -b white -o "$TMP/raw.png" "$1"
  convert "$TMP/raw.png" "${PNGOPT[@]}" "PNG24:$2"
  local how="rgb"
  for colours in 256 128; do
    [ "$(size "$2")" -gt "$MAX_PNG" ] || break
    convert "$TMP/raw.png" "${PNGOPT[@]}" -dither None -colors "$colours" "PNG8:$2"
    how="$colours colours"
  done
  [ "$(size "$2")" -le "$MAX_PNG" ] || die "$2 is $(size "$2") bytes, more than $MAX_PNG"
  printf '%s' "$how"
}

TOTAL=0
build_game() {
  local topic="$1" id="$2" template="$3" src="games/$1/$2"
  local out="../$topic/games/$id"
  [ -f "$src/prompts.txt" ] || die "$src/prompts.txt is missing"
  mkdir -p "$out"
  rm -f "$out"/*.png "$out"/*.ogg
  check_manifest "$topic" "\"id\": \"$id\", \"template\": \"$template\""
  flush_warnings

  local svg name w h how n=0 bytes=0
  for svg in "$src"/*.svg; do
    [ -f "$svg" ] || die "$src has no pictures"
    name="$(basename "$svg" .svg)"
    if [ "$name" = scene ]; then w=1280; h=720; else w=512; h=512; fi
    how="$(picture "$svg" "$out/$name.png" "$w" "$h")"
    n=$((n + 1)); bytes=$((bytes + $(size "$out/$name.png")))
    check_manifest "$topic" "\"games/$id/$name.png\""
    printf '  %-28s %4dx%-4d %6d bytes (%s)\n' "$name.png" "$w" "$h" "$(size "$out/$name.png")" "$how"
    flush_warnings
  done
  [ "$template" != spot-it ] || [ -f "$out/scene.png" ] || die "$src: a spot-it game needs scene.svg"

  local clip text_vi text_en q=0
  while IFS='|' read -r clip text_vi text_en; do
    clip="$(trim "$clip")"; text_vi="$(trim "$text_vi")"; text_en="$(trim "${text_en:-}")"
    [ -n "$text_vi" ] || die "$src/prompts.txt: $clip has no Vietnamese prompt"
    speak "$text_vi" "$TMP/$clip.wav"
    opus "$TMP/$clip.wav" "$out/$clip.ogg"
    q=$((q + 1)); bytes=$((bytes + $(size "$out/$clip.ogg")))
    check_manifest "$topic" "\"games/$id/$clip.ogg\""
    check_manifest "$topic" "$text_vi"
    [ -z "$text_en" ] || check_manifest "$topic" "$text_en"
    printf '  %-28s %5.1f s  %6d bytes  %s\n' "$clip.ogg" "$(duration "$out/$clip.ogg")" "$(size "$out/$clip.ogg")" "$text_vi"
    flush_warnings
  done < <(table_rows "$src/prompts.txt")
  [ "$q" -gt 0 ] || die "$src/prompts.txt has no prompts"
  echo "  $out: $n pictures, $q narration clips, $bytes bytes"
  TOTAL=$((TOTAL + bytes))
}

# every game folder must have a row in the table
for dir in games/*/*/; do
  t="$(basename "$(dirname "$dir")")"; g="$(basename "$dir")"
  grep -Eq "^${t}[[:space:]]+${g}[[:space:]]" <<<"$GAME_TABLE" || die "$dir has no row in GAME_TABLE"
done

while read -r topic id template; do
  [ -n "${topic:-}" ] || continue
  if [ "$#" -gt 0 ] && ! printf '%s\n' "$@" | grep -qxF "$topic/$id"; then continue; fi
  echo "$topic/$id ($template)"
  build_game "$topic" "$id" "$template"
done <<<"$GAME_TABLE"
echo "games built: $TOTAL bytes"
