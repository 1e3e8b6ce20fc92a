#!/usr/bin/env bash
# Data health on planted problems: a Fashion-MNIST folder (PER_CLASS images per class; with
# DATASET=digits scikit-learn's handwritten digits instead, bench/make_digits.py) with 5 %
# of its labels flipped, 30 re-encoded or resized copies (some across classes, some landing in
# another subset: leaks) and 20 blanks and noise images (bench/audit.py plants them, seeded),
# audited by retrain-cli audit with seeded, BatchNorm-calibrated random weights (BACKBONE=real: a
# real pretrained InceptionV3, ../shared/real-weights/get-inception-v3.sh). The first
# audit computes and caches the features; then each setting below audits from the cache. Prints
# one JSON object per setting: precision at N of the label issues (N = labels flipped), copies
# and leaks found, false duplicate groups, strays found among the outliers, the audit's seconds
# (after the features were read) and the whole command's wall-clock seconds.
# Last, whether the network's features could have told the copies apart instead of the images'
# signatures: the lowest feature cosine of a copy and its original, and the highest of two
# untouched images.
#
#   bench/audit.sh [BUILD_DIR]     (default ./build)
#
# Environment: BACKBONE (seeded, the default, or real), WORK (default /tmp/retrain-audit, with
# -real for the real backbone and -digits for the digits), PER_CLASS (default 300; digits: 170,
# nearly all of them), SIMILARITIES (the
# --duplicate-similarity values swept, default "0.995 0.997 0.9975 0.998 0.999").
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
case "${BACKBONE:-seeded}" in
    seeded) work=${WORK:-/tmp/retrain-audit}; weights_name=inception_zip.pth ;;
    real) work=${WORK:-/tmp/retrain-audit-real}; weights_name=inception_v3_nsfwjs.pth ;;
    *) echo "BACKBONE must be seeded or real" >&2; exit 2 ;;
esac
dataset=${DATASET:-fashion}
case "$dataset" in
    fashion) ;;
    digits) [[ -n "${WORK:-}" ]] || work=$work-digits ;;
    *) echo "DATASET must be fashion or digits" >&2; exit 2 ;;
esac
cli="$build/app/retrain-cli"
python=/usr/bin/python3
mkdir -p "$work"

if [[ ! -f "$work/planted.json" ]]; then
    echo "Planting problems in $work/dirty" >&2
    if [[ "${BACKBONE:-seeded}" == real ]]; then
        "$root/../shared/real-weights/get-inception-v3.sh" "$work/reference" > /dev/null
    else
        "$python" "$root/tests/python/make_reference.py" "$work/reference" > /dev/null
    fi
    rm -rf "$work/clean"
    if [[ "$dataset" == digits ]]; then
        "$python" "$root/bench/make_digits.py" "$work/clean" "${PER_CLASS:-170}"
    else
        "$cli" sample-data --per-class "${PER_CLASS:-300}" "$work/clean" > /dev/null
    fi
    "$python" "$root/bench/audit.py" plant "$work/clean" "$work/dirty" "$work/planted.json"
fi

audit() { # NAME OPTIONS...
    local name=$1 start end
    shift
    start=$(date +%s.%N)
    "$cli" audit --weights "$work/reference/$weights_name" --precision fp32 --image_dir "$work/dirty" \
        --bottleneck_dir "$work/cache" --json "$work/$name.json" "$@" > "$work/$name.txt" 2> "$work/$name.log"
    end=$(date +%s.%N)
    echo -n "{\"setting\": \"$name\", \"wall_seconds\": $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'), \"result\": "
    "$python" "$root/bench/audit.py" score "$work/planted.json" "$work/$name.json" | tr -d '\n'
    echo "}"
}

audit first-extraction > /dev/null
audit self-confidence --label-score self-confidence
audit margin --label-score margin
for s in ${SIMILARITIES:-0.995 0.997 0.9975 0.998 0.999}; do
    audit "similarity-$s" --duplicate-similarity "$s"
done
"$cli" features --weights "$work/reference/$weights_name" --precision fp32 --image_dir "$work/dirty" \
    --out "$work/features.npy" > /dev/null 2>&1
echo -n '{"setting": "feature cosine", "result": '
"$python" "$root/bench/audit.py" separation "$work/planted.json" "$work/features.npy" | tr -d '\n'
echo "}"
