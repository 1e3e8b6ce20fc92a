#!/bin/bash
# core/ is built in stages, lowest first. A file may include its own stage and the stages
# below it, never one above: the order below is the architecture (docs/architecture.md).
# Prints every include that runs upward and exits 1 if there is one.
set -euo pipefail
core=${1:-$(dirname "$0")/../core}
stages=(base io images data model features evaluation training health export project)

rank() {
    local i
    for i in "${!stages[@]}"; do
        [[ ${stages[$i]} == "$1" ]] && { echo "$i"; return; }
    done
    echo "unknown"
}

status=0
found=0
for dir in "$core"/*/; do
    stage=$(basename "$dir")
    own=$(rank "$stage")
    if [[ $own == unknown ]]; then
        echo "core/$stage: a folder that is not a stage in the list" >&2
        status=1
        continue
    fi
    while IFS=: read -r file included; do
        found=1
        target=${included%%/*}
        their=$(rank "$target")
        if [[ $their == unknown || $their -gt $own ]]; then
            echo "${file#"$core"/}: includes $included, which is not below $stage" >&2
            status=1
        fi
    done < <(grep -oHE '^#include "[a-z]+/[a-z]+\.h"' "$dir"*.h "$dir"*.cpp | sed -E 's/:#include "(.*)"$/:\1/')
done
if grep -HnE '^#include "[^/"]+"' "$core"/*/*.h "$core"/*/*.cpp >&2; then
    echo "core/ includes its own headers by stage/name.h" >&2
    status=1
fi
if [[ $found == 0 ]]; then
    echo "no includes found under $core" >&2
    exit 1
fi
if ls "$core"/*.h "$core"/*.cpp >/dev/null 2>&1; then
    echo "core/ has sources outside the stage folders" >&2
    status=1
fi
exit $status
