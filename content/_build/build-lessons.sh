#!/usr/bin/env bash
# Build the sample lessons of the three topic packs from their sources in content/_build/lessons/.
#
#   video lesson  lessons/<topic>/<id>/s1.svg ... + script.txt
#                 -> content/<topic>/lessons/<id>.mp4          (H.264 1280x720 25 fps + AAC narration)
#                    content/<topic>/lessons/<id>-q1.ogg ...   (Opus, the cue questions read aloud)
#   picture story lessons/<topic>/<id>/p1.svg ... + pages.txt
#                 -> content/<topic>/stories/<id>/p1.png ...   (1280x720)
#                    content/<topic>/stories/<id>/p1.ogg ...   (Opus, the captions read aloud)
#
# Each scene of a video is one picture shown for a fixed number of seconds with a slow zoom and a
# short dip to black at both ends; its narration starts 0.6 s into the scene. A scene with a cue
# question gets a cue 1.5 s before its end (2.5 s before the end for the last scene), after its
# narration has finished; the build fails if a narration is too long for its scene. The cue times
# and texts go into the pack's topic.json by hand: this script prints them and warns when
# topic.json does not mention one of them.
#
# Needs: rsvg-convert (librsvg2-bin), espeak-ng with the Vietnamese voice, ffmpeg/ffprobe with
# libx264, aac and libopus.
# Usage: bash content/_build/build-lessons.sh [TOPIC/ID ...]   (from any directory; no argument
# builds every lesson, arguments build only those lessons, e.g. traffic-safety/helmet-story)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# topic               lesson id            type
LESSON_TABLE='
traffic-safety        crossing-the-road    video
traffic-safety        helmet-story         story
hand-washing          six-steps            video
hand-washing          bin-clean-day        story
public-behaviour      queue-and-quiet      video
public-behaviour      park-visit           story
'

VOICE=(espeak-ng -v vi -s 140)   # Northern Vietnamese, 140 words (syllables) a minute
FPS=25
LEAD=0.6                         # narration starts this long after its scene starts
ZOOM=0.06                        # a scene zooms by 6 % in or out over its length

source ./common.sh
require rsvg-convert espeak-ng ffmpeg ffprobe awk


build_video() {
  local topic="$1" id="$2" src="lessons/$1/$2"
  local out="../$topic/lessons"
  [ -f "$src/script.txt" ] || die "$src/script.txt is missing"
  mkdir -p "$out"
  rm -f "$out/$id".mp4 "$out/$id"-q*.ogg

  local -a inputs=() vfilters=() vlabels=() alabels=() keys=()
  local n=0 q=0 start=0 nrows
  nrows="$(table_rows "$src/script.txt" | wc -l)"
  while IFS='|' read -r scene secs fx fy dir text cue_vi cue_en; do
    scene="$(trim "$scene")"; secs="$(trim "$secs")"; fx="$(trim "$fx")"; fy="$(trim "$fy")"
    dir="$(trim "$dir")"; text="$(trim "$text")"; cue_vi="$(trim "${cue_vi:-}")"; cue_en="$(trim "${cue_en:-}")"
    [ -f "$src/$scene.svg" ] || die "$src/$scene.svg is missing"
    local frames
    frames="$(awk -v s="$secs" -v f="$FPS" 'BEGIN { x = s * f; if (x != int(x) || x < f) exit 1; print x }')" \
      || die "$src/script.txt: $scene: $secs s is not a whole number of frames"
    n=$((n + 1))
    keys+=("$start")
    local last=0; [ "$n" -eq "$nrows" ] && last=1

    # picture, rendered at 3x so that the slow zoom moves smoothly
    rsvg-convert -w 3840 -h 2160 -b white -o "$TMP/$scene.png" "$src/$scene.svg"
    local z
    if [ "$dir" = in ]; then z="1+$ZOOM*on/($frames-1)"; else z="1+$ZOOM-$ZOOM*on/($frames-1)"; fi
    inputs+=(-i "$TMP/$scene.png")
    vfilters+=("[$((2 * n - 2)):v]zoompan=z='$z':x='(iw-iw/zoom)*$fx':y='(ih-ih/zoom)*$fy':d=$frames:s=1280x720:fps=$FPS,fade=t=in:st=0:d=0.4,fade=t=out:st=$(awk -v s="$secs" 'BEGIN { print s - 0.4 }'):d=0.4,setsar=1[v$n]")
    vlabels+=("[v$n]")

    # narration, placed LEAD seconds into the scene and padded to the scene's length
    speak "$text" "$TMP/$scene-voice.wav"
    local said; said="$(duration "$TMP/$scene-voice.wav")"
    local hold=1.0 at=""
    if [ -n "$cue_vi" ]; then
      at="$(awk -v st="$start" -v s="$secs" -v l="$last" 'BEGIN { printf "%.1f", st + s - (l ? 2.5 : 1.5) }')"
      hold="$(awk -v s="$secs" -v l="$last" 'BEGIN { print (l ? 2.5 : 1.5) + 0.3 }')"
    fi
    awk -v l="$LEAD" -v d="$said" -v s="$secs" -v h="$hold" 'BEGIN { exit !(l + d + h <= s) }' \
      || die "$src/script.txt: $scene: the narration ($said s) is too long for a $secs s scene"
    "${FF[@]}" -i "$TMP/$scene-voice.wav" -af "adelay=$(awk -v l="$LEAD" 'BEGIN { print l * 1000 }'):all=1,apad" \
      -t "$secs" -ar 44100 -ac 1 "$TMP/$scene-audio.wav"
    inputs+=(-i "$TMP/$scene-audio.wav")
    alabels+=("[$((2 * n - 1)):a]")

    printf '  %-4s %5.1f s  starts %5.1f s  narration %4.1f s' "$scene" "$secs" "$start" "$said"
    if [ -n "$at" ]; then
      q=$((q + 1))
      speak "$cue_vi" "$TMP/q$q.wav"
      opus "$TMP/q$q.wav" "$out/$id-q$q.ogg"
      printf '  cue q%d at %s s: %s' "$q" "$at" "$cue_vi"
      check_manifest "$topic" "\"at\": $at,"
      check_manifest "$topic" "$cue_vi"
      check_manifest "$topic" "$cue_en"
      check_manifest "$topic" "lessons/$id-q$q.ogg"
    fi
    echo
    flush_warnings
    start="$(awk -v a="$start" -v b="$secs" 'BEGIN { print a + b }')"
  done < <(table_rows "$src/script.txt")
  [ "$n" -gt 0 ] || die "$src/script.txt has no scenes"

  local graph
  graph="$(IFS=';'; echo "${vfilters[*]}");$(IFS=; echo "${vlabels[*]}")concat=n=$n:v=1:a=0,format=yuv420p[v];$(IFS=; echo "${alabels[*]}")concat=n=$n:v=0:a=1[a]"
  "${FF[@]}" "${inputs[@]}" -filter_complex "$graph" -map '[v]' -map '[a]' \
    -c:v libx264 -preset slow -crf 30 -tune stillimage -g 250 -force_key_frames "$(IFS=,; echo "${keys[*]}")" \
    -pix_fmt yuv420p -r "$FPS" -c:a aac -b:a 48k -ar 44100 -ac 1 -movflags +faststart "${BITEXACT[@]}" "$out/$id.mp4"
  check_manifest "$topic" "lessons/$id.mp4"
  echo "  $out/$id.mp4  $(duration "$out/$id.mp4") s  $(size "$out/$id.mp4") bytes  ($q cue questions)"
  flush_warnings
}

build_story() {
  local topic="$1" id="$2" src="lessons/$1/$2"
  local out="../$topic/stories/$id"
  [ -f "$src/pages.txt" ] || die "$src/pages.txt is missing"
  mkdir -p "$out"
  rm -f "$out"/p*.png "$out"/p*.ogg
  local n=0
  while IFS='|' read -r page text_vi text_en; do
    page="$(trim "$page")"; text_vi="$(trim "$text_vi")"; text_en="$(trim "${text_en:-}")"
    [ -f "$src/$page.svg" ] || die "$src/$page.svg is missing"
    n=$((n + 1))
    rsvg-convert -w 1280 -h 720 -b white -o "$TMP/$page.png" "$src/$page.svg"
    # re-encode without an alpha channel, at the best PNG compression
    "${FF[@]}" -i "$TMP/$page.png" -pix_fmt rgb24 -compression_level 9 -pred mixed "${BITEXACT[@]}" "$out/$page.png"
    speak "$text_vi" "$TMP/$page.wav"
    opus "$TMP/$page.wav" "$out/$page.ogg"
    check_manifest "$topic" "stories/$id/$page.png"
    check_manifest "$topic" "$text_vi"
    check_manifest "$topic" "$text_en"
    echo "  $out/$page.png $(size "$out/$page.png") bytes, $page.ogg $(duration "$out/$page.ogg") s: $text_vi"
    flush_warnings
  done < <(table_rows "$src/pages.txt")
  [ "$n" -gt 0 ] || die "$src/pages.txt has no pages"
}

# every lesson folder must have a row in the table
for dir in lessons/*/*/; do
  t="$(basename "$(dirname "$dir")")"; l="$(basename "$dir")"
  grep -Eq "^${t}[[:space:]]+${l}[[:space:]]" <<<"$LESSON_TABLE" || die "$dir has no row in LESSON_TABLE"
done

while read -r topic id type; do
  [ -n "${topic:-}" ] || continue
  if [ "$#" -gt 0 ] && ! printf '%s\n' "$@" | grep -qxF "$topic/$id"; then continue; fi
  echo "$topic/$id ($type)"
  case "$type" in
    video) build_video "$topic" "$id" ;;
    story) build_story "$topic" "$id" ;;
    *) die "unknown lesson type $type" ;;
  esac
done <<<"$LESSON_TABLE"
