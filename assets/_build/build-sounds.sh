#!/usr/bin/env bash
# Builds the game's sound effects (assets/sounds/*.wav) from tone recipes: short, soft, cheerful.
# Needs ffmpeg. Each note: a sine with a quick attack and an exponential fade.
set -euo pipefail
cd "$(dirname "$0")"
out=../sounds
mkdir -p "$out"

# note FREQ SECONDS VOLUME -> an aevalsrc expression for one note
note() { echo "$3*sin(2*PI*$1*t)*min(1,t*80)*exp(-t*6/$2)"; }

# make NAME "FREQ:SECONDS:VOLUME ..." : the notes one after another
make() {
  local name=$1 parts=() i=0
  for n in $2; do
    IFS=: read -r f d v <<<"$n"
    ffmpeg -nostdin -loglevel error -y -f lavfi -i "aevalsrc='$(note "$f" "$d" "$v")':s=44100:d=$d" "/tmp/xvn-note-$i.wav"
    parts+=("/tmp/xvn-note-$i.wav")
    i=$((i + 1))
  done
  local inputs=() filter=""
  for ((k = 0; k < ${#parts[@]}; k++)); do inputs+=(-i "${parts[$k]}"); filter+="[$k:a]"; done
  ffmpeg -nostdin -loglevel error -y "${inputs[@]}" -filter_complex "${filter}concat=n=${#parts[@]}:v=0:a=1" \
    -ac 1 -ar 44100 -c:a pcm_s16le "$out/$name.wav"
  rm -f "${parts[@]}"
  echo "built $out/$name.wav"
}

make right "1046.5:0.09:0.5 1318.5:0.09:0.5 1568:0.16:0.5"           # C6 E6 G6, quick and bright
make wrong "392:0.14:0.3 329.6:0.22:0.3"                              # G4 E4, soft and low: "try again"
make cheer "523.3:0.12:0.5 659.3:0.12:0.5 784:0.12:0.5 1046.5:0.45:0.55"  # C5 E5 G5 C6
