# Shared by build-lessons.sh and build-games.sh (sourced, not run): tool checks, a scratch folder,
# small helpers, and narration clips made the same way for both.
# Needs the caller to set VOICE (the espeak-ng command) before calling speak.

# require TOOL ...: stop with a clear message when one is missing
require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$(basename "$0"): $tool not found" >&2; exit 1; }
  done
}

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
trim() { local s="$1"; s="${s#"${s%%[![:space:]]*}"}"; s="${s%"${s##*[![:space:]]}"}"; printf '%s' "$s"; }
duration() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }
size() { stat -c %s "$1"; }
# the same input gives the same file: no random Ogg serial numbers, no encoder strings
FF=(ffmpeg -nostdin -hide_banner -loglevel error -y)
BITEXACT=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)

# speak TEXT WAV
speak() { "${VOICE[@]}" -w "$2" "$1"; }

# opus WAV OGG: a narration clip as Ogg Opus, mono, with a short silence at the end
opus() {
  "${FF[@]}" -i "$1" -af "apad=pad_dur=0.3" -ac 1 -c:a libopus -b:a 32k "${BITEXACT[@]}" "$2"
  local d; d="$(duration "$2")"
  awk -v d="$d" 'BEGIN { exit !(d > 0.5) }' || die "$2 is only $d s long"
}

# note when a text is not in the pack's manifest (the manifest is written by hand);
# the notes are printed by flush_warnings after the line that reports the file
WARNINGS=()
check_manifest() {
  local topic="$1" text="$2"
  grep -qF -- "$text" "../$topic/topic.json" \
    || WARNINGS+=("  WARNING: ../$topic/topic.json does not contain: $text")
}
flush_warnings() {
  if [ "${#WARNINGS[@]}" -gt 0 ]; then printf '%s\n' "${WARNINGS[@]}" >&2; fi
  WARNINGS=()
}

# read a '|'-separated table: drops comments and blank lines
table_rows() { grep -v '^[[:space:]]*#' "$1" | grep -v '^[[:space:]]*$' || true; }
