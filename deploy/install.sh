#!/bin/bash
# Turn a fresh Debian 12 mini-PC into a Xem và Nói kiosk.
#
# Run as root, after the program itself is installed with
#   cmake --install build --prefix /usr
# then:
#   sudo deploy/install.sh            # set everything up (safe to run again)
#   sudo deploy/install.sh --dry-run  # only print what it would do
#
# What it does:
#   - installs the Debian packages of a bare X server (Xorg, xinit, xset, Mesa, libinput, logind's PAM
#     module) and of the kiosk's libraries and font, if any is missing (--no-apt skips this);
#   - creates the unprivileged user `kiosk` (no password, no login shell) in the groups
#     video, audio, input, render, plugdev;
#   - installs kiosk-session.sh, the Xorg config that disables VT switching, zapping and blanking,
#     the udev rule that mounts USB sticks, the systemd unit and this folder's README;
#   - disables any display manager (it would fight the kiosk for the screen), makes
#     graphical.target the default and enables xem-va-noi-kiosk.service;
#   - sets the time zone to Asia/Ho_Chi_Minh when it is still UTC (--timezone=TZ for another), and
#     shows the date and time to check: sessions are dated by this clock, offline.
# It does not start the kiosk: once running, the X server keeps the keyboard from every other
# console, so reboot (or `systemctl start xem-va-noi-kiosk` from an ssh session) when ready.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
unit=xem-va-noi-kiosk.service
kiosk_bin=/usr/bin/kiosk
session_dest=/usr/local/libexec/xem-va-noi/kiosk-session.sh
xorg_dest=/etc/X11/xorg.conf.d/50-xem-va-noi-kiosk.conf
unit_dest=/etc/systemd/system/$unit
doc_dest=/usr/local/share/doc/xem-va-noi/README.md
udev_dest=/etc/udev/rules.d/99-xem-va-noi-usb.rules
# A bare X server, xinit, xset/xsetroot, Mesa's GL drivers, libinput for mouse and touch,
# pam_systemd (so the service's login session lets Xorg run without root), and xterm (the
# admin's "Exit to desktop" opens one for maintenance).
x_packages=(xserver-xorg-core xserver-xorg-input-libinput xinit x11-xserver-utils libgl1-mesa-dri libpam-systemd xterm)
# What the kiosk itself needs at run time on Debian 12: its shared libraries (ldd below warns
# about any this list misses) and a font with Vietnamese.
kiosk_packages=(libsdl2-2.0-0 libsdl2-image-2.0-0 libsqlite3-0 libstb0 libfontconfig1 libopengl0 libunistring2
  libuuid1 libmpv2 libexif12 libsodium23 libxlsxwriter4 libzip4 libpugixml1v5 fonts-sil-andika)
packages=("${x_packages[@]}" "${kiosk_packages[@]}")
groups=(video audio input render plugdev)

dry_run=0
use_apt=1
timezone=Asia/Ho_Chi_Minh
for arg in "$@"; do
  case $arg in
    --dry-run) dry_run=1 ;;
    --timezone=*) timezone=${arg#--timezone=} ;;
    --no-apt) use_apt=0 ;;
    -h | --help)
      sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
      exit 0
      ;;
    *)
      echo "install.sh: unknown option $arg (try --help)" >&2
      exit 2
      ;;
  esac
done

say() { printf '%s\n' "$*"; }
# Print a command, then run it (or only print it with --dry-run).
run() {
  local shown="" word
  for word in "$@"; do
    if [[ $word =~ ^[A-Za-z0-9_./,:=+@%-]+$ ]]; then shown+="$word "; else shown+="'$word' "; fi
  done
  if ((dry_run)); then
    say "  would run: ${shown% }"
  else
    say "  running: ${shown% }"
    "$@"
  fi
}
# Copy a file into place with the given mode, saying whether anything changed.
put() {
  local src=$1 dest=$2 mode=$3
  if [[ -f $dest ]] && cmp -s "$src" "$dest" && [[ $(stat -c %a "$dest") == "${mode#0}" ]]; then
    say "  unchanged: $dest"
  elif ((dry_run)); then
    say "  would install: $dest (from $src, mode $mode)"
  else
    install -D -m "$mode" "$src" "$dest"
    say "  installed: $dest"
  fi
}

if ((EUID != 0)) && ((!dry_run)); then
  echo "install.sh: run me as root (sudo $0)" >&2
  exit 1
fi
if ! grep -qs '^VERSION_ID="12"' /etc/os-release; then
  say "warning: this is not Debian 12; carrying on, but only Debian 12 is tested"
fi
for f in kiosk-session.sh xorg-kiosk.conf "$unit" README.md; do
  [[ -f $here/$f ]] || { echo "install.sh: $here/$f is missing" >&2; exit 1; }
done

say "1. The program"
if [[ -x $kiosk_bin ]]; then
  say "  found: $kiosk_bin"
else
  echo "install.sh: $kiosk_bin is missing; first run: cmake --install build --prefix /usr" >&2
  ((dry_run)) || exit 1
fi

say "2. Debian packages (X server, the kiosk's libraries and font)"
missing_pkgs=()
for p in "${packages[@]}"; do
  if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) != "install ok installed" ]]; then
    missing_pkgs+=("$p")
  fi
done
if ((${#missing_pkgs[@]} == 0)); then
  say "  all present: ${packages[*]}"
elif ((use_apt)); then
  run apt-get update
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing_pkgs[@]}"
else
  say "  warning: missing ${missing_pkgs[*]} (--no-apt given: install them yourself)"
fi

if [[ -x $kiosk_bin ]] && missing=$(ldd "$kiosk_bin" 2>/dev/null | grep 'not found'); then
  say "  warning: $kiosk_bin still lacks shared libraries (install their Debian packages):"
  say "$missing"
fi

say "3. The user 'kiosk'"
wanted_groups=()
for g in "${groups[@]}"; do
  if getent group "$g" >/dev/null; then
    wanted_groups+=("$g")
  else
    say "  note: group $g does not exist here; skipped"
  fi
done
group_list=$(IFS=,; echo "${wanted_groups[*]}")
if id kiosk >/dev/null 2>&1; then
  say "  exists: $(id kiosk)"
  current=" $(id -nG kiosk) "
  new_groups=()
  for g in "${wanted_groups[@]}"; do
    [[ $current == *" $g "* ]] || new_groups+=("$g")
  done
  if ((${#new_groups[@]} > 0)); then
    run usermod --append --groups "$(IFS=,; echo "${new_groups[*]}")" kiosk
  else
    say "  groups: already in ${wanted_groups[*]}"
  fi
else
  # useradd leaves the password locked: nobody can log in as kiosk, the service runs as it.
  run useradd --create-home --user-group --shell /usr/sbin/nologin \
    --comment "Xem va Noi kiosk" ${group_list:+--groups "$group_list"} kiosk
fi

say "4. Files"
put "$here/kiosk-session.sh" "$session_dest" 0755
put "$here/xorg-kiosk.conf" "$xorg_dest" 0644
put "$here/$unit" "$unit_dest" 0644
put "$here/README.md" "$doc_dest" 0644
put "$here/99-xem-va-noi-usb.rules" "$udev_dest" 0644
run udevadm control --reload

say "5. systemd"
dm_link=/etc/systemd/system/display-manager.service
if [[ -L $dm_link ]]; then
  dm=$(basename -- "$(readlink -f -- "$dm_link")")
  say "  a display manager ($dm) would take the screen from the kiosk:"
  run systemctl disable "$dm"
fi
if [[ $(systemctl get-default 2>/dev/null || true) != graphical.target ]]; then
  run systemctl set-default graphical.target
else
  say "  default target: graphical.target already"
fi
run systemctl daemon-reload
if systemctl is-enabled --quiet "$unit" 2>/dev/null; then
  say "  enabled: $unit already"
else
  run systemctl enable "$unit"
fi

say "6. Date, time and time zone"
current_tz=$(timedatectl show --property=Timezone --value 2>/dev/null || cat /etc/timezone 2>/dev/null || echo UTC)
if [[ $current_tz == UTC || $current_tz == Etc/UTC ]]; then
  run timedatectl set-timezone "$timezone"
else
  say "  time zone: $current_tz already"
fi
say "  the clock says $(date '+%d/%m/%Y %H:%M %Z'): if that is wrong, set it now"
say "    (timedatectl set-time 'YYYY-MM-DD HH:MM'); with no network, sessions are dated by this clock."

say ""
if ((dry_run)); then
  say "Dry run: nothing was changed."
else
  say "Done. The kiosk starts at the next boot: reboot now (or, from an ssh session,"
  say "  systemctl start $unit)."
  say "Its journal and settings live in /var/lib/xem-va-noi; its log: journalctl -u $unit"
fi
