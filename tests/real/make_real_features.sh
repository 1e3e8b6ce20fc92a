#!/usr/bin/env bash
# The real-backbone tests' data: a real pretrained InceptionV3 (../shared/real-weights'
# script, from npm), PER_CLASS Fashion-MNIST images per class split as the app splits them,
# HOLDOUT more per class never trained on, and both sets' bottleneck features in fp32.
# Kept in OUT between runs of the same build: each step is skipped once its output exists.
#
#   make_real_features.sh WEIGHTS_SCRIPT RETRAIN_CLI OUT
set -euo pipefail
script=$1 cli=$2 out=$3
per_class=80 holdout=60
[[ -f "$script" ]] || { echo "no real-weights script at $script (set RS_REAL_WEIGHTS_SCRIPT)" >&2; exit 1; }
mkdir -p "$out"
weights=$(sh "$script" "$out/weights")
if [[ ! -f "$out/done" ]]; then
    rm -rf "$out/pool" "$out/holdout"
    "$cli" sample-data --per-class "$per_class" "$out/pool" > /dev/null
    "$cli" sample-data --per-class "$((per_class + holdout))" "$out/holdout" > /dev/null
    for image in "$out"/pool/*/*; do # the pool's images are not held out
        rm "$out/holdout/${image#"$out/pool/"}"
    done
    "$cli" features --weights "$weights" --precision fp32 --image_dir "$out/pool" --out "$out/pool.npy" > /dev/null
    "$cli" features --weights "$weights" --precision fp32 --image_dir "$out/holdout" --out "$out/holdout.npy" > /dev/null
    touch "$out/done"
fi
