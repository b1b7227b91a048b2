#!/bin/bash
# kiosk set-admin-pin (what xem-va-noi-setup asks with): two equal PINs of 4 to 8 digits are stored
# as a hash, anything else changes nothing and exits 1.
set -euo pipefail
kiosk=$1
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

! printf '2468\n2469\n' | "$kiosk" set-admin-pin --data "$data" 2>/dev/null || { echo "two different PINs were taken"; exit 1; }
! printf '12a4\n12a4\n' | "$kiosk" set-admin-pin --data "$data" 2>/dev/null || { echo "a PIN with a letter was taken"; exit 1; }
[[ ! -e $data/admin-pin.json ]] || { echo "a refused PIN left admin-pin.json"; exit 1; }
printf '2468\n2468\n' | "$kiosk" set-admin-pin --data "$data" >/dev/null
grep -q '"hash": "\$argon2id\$' "$data/admin-pin.json" || { echo "no Argon2id hash in admin-pin.json"; exit 1; }
! grep -q 2468 "$data/admin-pin.json" || { echo "the PIN itself is in admin-pin.json"; exit 1; }
echo ok
