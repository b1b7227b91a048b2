#!/usr/bin/env bash
# Builds assets/probe/decoder-probe.mp4: 0.4 s of H.264 (yuv420p, main profile, 320x180,
# 25 fps), the format most classroom videos use and hardware decoders take. The kiosk plays it once,
# unseen, to learn whether mpv decodes video in hardware on this machine (app/decoder_probe.h).
# Needs ffmpeg with libx264.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p ../probe
ffmpeg -nostdin -loglevel error -y -f lavfi -i "testsrc2=size=320x180:rate=25:duration=0.4" \
  -c:v libx264 -profile:v main -pix_fmt yuv420p -preset veryslow -crf 45 -an -movflags +faststart \
  ../probe/decoder-probe.mp4
echo "built ../probe/decoder-probe.mp4 ($(stat -c %s ../probe/decoder-probe.mp4) bytes)"
