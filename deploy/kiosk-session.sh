#!/bin/bash
# X session of the Xem và Nói kiosk: xinit runs this as its only client, on the kiosk's X server.
#
#   kiosk-session.sh [KIOSK_PATH] [KIOSK_OPTIONS...]
#
# KIOSK_PATH defaults to /usr/bin/kiosk; every further argument goes to the kiosk, e.g.
#   xinit /usr/libexec/xem-va-noi/kiosk-session.sh /usr/bin/kiosk --data /var/lib/xem-va-noi -- /usr/bin/Xorg :0 vt7
# When this script's kiosk exits, xinit stops the X server and systemd restarts the whole unit;
# after the admin's "Exit to desktop" a maintenance terminal comes first.
set -euo pipefail

kiosk=/usr/bin/kiosk
if [[ $# -gt 0 && $1 != -* ]]; then
  kiosk=$1
  shift
fi
if [[ ! -x $kiosk ]]; then
  echo "kiosk-session: $kiosk is not an executable program" >&2
  exit 1
fi

# Keep the TV on: no screen saver, no blanking, no DPMS (xorg-kiosk.conf does the same at
# server level; x11-xserver-utils provides xset and xsetroot). Failures here are not fatal.
if command -v xset >/dev/null 2>&1; then
  xset s off s noblank -dpms || echo "kiosk-session: xset failed; screen blanking may stay on" >&2
fi
# An arrow instead of X's default cross while the kiosk starts, and a plain background.
if command -v xsetroot >/dev/null 2>&1; then
  xsetroot -cursor_name left_ptr -solid '#FFFFFF' || true
fi

# SDL: talk to X11 directly (there is no Wayland compositor here) and never let the kiosk
# window minimise itself or let the screen saver in.
export SDL_VIDEODRIVER=x11
export SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS=0
export SDL_VIDEO_ALLOW_SCREENSAVER=0

status=0
"$kiosk" "$@" || status=$?
# The admin's "Exit to desktop" (exit code 10): a terminal on the TV for maintenance, as user
# kiosk (`su - <admin>` for more). Closing it ends this session, and systemd starts the kiosk again.
if [[ $status -eq 10 ]]; then
  if command -v xterm >/dev/null 2>&1; then
    # The kiosk user's login shell is nologin: ask for bash.
    xterm -maximized -fa Monospace -fs 16 -title "Xem và Nói maintenance: close this window to go back to the kiosk" \
      -e /bin/bash || true
  else
    echo "kiosk-session: no xterm for maintenance; the kiosk starts again" >&2
  fi
  exit 0
fi
exit "$status"
