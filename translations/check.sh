#!/usr/bin/env bash
# Fails when a translation catalogue is not complete and current: an entry unfinished,
# obsolete or vanished in the committed file, or a string in the code that it lacks.
# The English catalogue is the source catalogue: its entries are untranslated by design.
#
#   translations/check.sh LUPDATE
set -euo pipefail
lupdate=$1
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$root"/translations/retrain-studio_*.ts; do
    case "$ts" in *_en.ts) continue ;; esac
    name=$(basename "$ts")
    stale=$(grep -c 'type="unfinished"\|type="obsolete"\|type="vanished"' "$ts" || true)
    cp "$ts" "$work/$name"
    (cd "$root" && "$lupdate" -silent ui app/studio_main.cpp core/training/settingrules.cpp -ts "$work/$name")
    missing=$(grep -c 'type="unfinished"\|type="vanished"' "$work/$name" || true)
    messages=$(grep -c '<message' "$ts")
    echo "$name: $messages messages, $stale unfinished or obsolete, $missing out of date with the code"
    [ "$stale" -eq 0 ] && [ "$missing" -eq 0 ] || status=1
done
exit $status
