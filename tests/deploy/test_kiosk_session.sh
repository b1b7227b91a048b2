#!/bin/bash
# deploy/kiosk-session.sh: the admin's "Exit to desktop" (the kiosk exits with 10) opens the
# maintenance terminal, and the session then ends with 0 so systemd starts the kiosk again; any
# other exit code is passed on, with no terminal.
set -euo pipefail
session=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
printf '#!/bin/sh\necho "$@" > "%s/terminal-opened"\n' "$work" > "$work/bin/xterm"
printf '#!/bin/sh\nexit "$1"\n' > "$work/kiosk"
chmod +x "$work/bin/xterm" "$work/kiosk"
export PATH="$work/bin:$PATH"

status=0
"$session" "$work/kiosk" 10 || status=$?
[[ $status -eq 0 ]] || { echo "exit to desktop: session ended with $status, expected 0"; exit 1; }
grep -q -- "-e /bin/bash" "$work/terminal-opened" || { echo "exit to desktop: no maintenance terminal"; exit 1; }

rm -f "$work/terminal-opened"
status=0
"$session" "$work/kiosk" 3 || status=$?
[[ $status -eq 3 ]] || { echo "crash: session ended with $status, expected 3"; exit 1; }
[[ ! -e $work/terminal-opened ]] || { echo "crash: a terminal was opened"; exit 1; }
echo "ok"
