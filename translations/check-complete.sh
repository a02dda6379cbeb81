#!/bin/sh
# The translations test: lupdate over today's sources and forms must leave the committed .ts files without an
# unfinished, vanished or obsolete entry (every user-visible string translated, none left over).
#   translations/check-complete.sh SOURCE_DIR LUPDATE
set -eu
src=$1
lupdate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
find model widgets app ui \( -name '*.cpp' -o -name '*.h' -o -name '*.ui' \) \
    | grep -v -E '/app/(cli|climain|clicommands|climaintenance|clihistory)' | sort > "$work/sources"
status=0
for ts in translations/snapscope_*.ts; do
    cp "$ts" "$work/"
    "$lupdate" -locations none @"$work/sources" -ts "$work/$(basename "$ts")" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
    for kind in unfinished vanished obsolete; do
        n=$(grep -c "type=\"$kind\"" "$work/$(basename "$ts")" || true)
        if [ "$n" -ne 0 ]; then
            echo "$ts: $n $kind entries after lupdate:"
            grep -B3 "type=\"$kind\"" "$work/$(basename "$ts")" | grep '<source>' | head -20
            status=1
        fi
    done
    echo "$ts: $(grep -c '<message' "$work/$(basename "$ts")") messages"
done
exit $status
