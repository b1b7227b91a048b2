#!/bin/bash
# The whole road from source to a classroom TV, in one command (as root; minutes, not for CI):
#
#   tests/deploy/boot-vm.sh [WORK_DIR]     (default /var/tmp/xem-va-noi-boot-vm)
#
# 1. builds the Debian package from this tree (dpkg-buildpackage -b) and runs lintian on it;
# 2. makes a fresh Debian 12 root with mmdebstrap (a kernel, systemd, and QEMU's guest agent and
#    sqlite3 for the checks), installs the .deb there with apt as a school would, checks the unit
#    with systemd-analyze verify, and runs xem-va-noi-setup (admin PIN 2468);
# 3. boots it in QEMU (-accel tcg, software rendering) and checks the virtual TV's pixels and the
#    watchdog (tests/deploy/vm_checks.py).
# Needs: debhelper, lintian, mmdebstrap, qemu-system-x86, e2fsprogs, python3, and Debian's archive.
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
work=${1:-/var/tmp/xem-va-noi-boot-vm}
rm -rf "$work"
mkdir -p "$work/src"
t0=$(date +%s)
step() { printf '\n== %s (%d s)\n' "$*" $(($(date +%s) - t0)); }

step "1. The package"
# A copy of the tree (tracked and new files, not the build folder), so that the .deb and its
# .changes land in $work rather than next to the clone.
git -C "$repo" ls-files -z --cached --others --exclude-standard | grep -zv '^build/' |
  tar -C "$repo" --null -T - -cf - | tar -C "$work/src" -xf -
# ccache, when there is one, makes the next run's package build quick (CMake reads this variable).
if command -v ccache >/dev/null; then export CMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
(cd "$work/src" && dpkg-buildpackage -b -us -uc -j2 >"$work/build.log" 2>&1) ||
  { tail -40 "$work/build.log"; exit 1; }
deb=$(ls "$work"/xem-va-noi_*_amd64.deb)
echo "built $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"
lintian --fail-on error "$deb" | tee "$work/lintian.txt"
echo "lintian: $(grep -c '^E:' "$work/lintian.txt" || true) error(s), $(grep -c '^W:' "$work/lintian.txt" || true) warning(s)"

step "2. A fresh Debian 12 root, the package installed with apt, xem-va-noi-setup"
mmdebstrap --variant=important \
  --include=linux-image-amd64,systemd-sysv,udev,qemu-guest-agent,sqlite3 \
  --customize-hook="copy-in $deb /tmp" \
  --customize-hook='chroot "$1" env DEBIAN_FRONTEND=noninteractive apt-get install -y /tmp/'"$(basename "$deb")" \
  --customize-hook='chroot "$1" kiosk --version' \
  --customize-hook='chroot "$1" systemd-analyze verify xem-va-noi-kiosk.service' \
  --customize-hook='printf "2468\n2468\n" | chroot "$1" xem-va-noi-setup' \
  --customize-hook='echo "/dev/vda / ext4 defaults 0 1" > "$1/etc/fstab"; echo kiosk-vm > "$1/etc/hostname"' \
  --customize-hook='chroot "$1" dpkg-query -W -f="installed size of xem-va-noi: \${Installed-Size} KiB\n" xem-va-noi' \
  --customize-hook='chroot "$1" apt-get clean' \
  bookworm "$work/root" >"$work/mmdebstrap.log" 2>&1 || { tail -40 "$work/mmdebstrap.log"; exit 1; }
grep -E '^xem-va-noi |installed size of|admin PIN|Done\.' "$work/mmdebstrap.log" || true
echo "installed system: $(du -sm "$work/root" | cut -f1) MiB"
cp "$work"/root/boot/vmlinuz-* "$work/vmlinuz"
cp "$work"/root/boot/initrd.img-* "$work/initrd.img"
truncate -s 6G "$work/root.img"
mke2fs -q -t ext4 -d "$work/root" -F "$work/root.img"

step "3. Boot in QEMU and check the TV"
python3 "$repo/tests/deploy/vm_checks.py" "$work"
step "done"
