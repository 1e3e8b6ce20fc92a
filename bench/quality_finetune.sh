#!/usr/bin/env bash
# Fine-tuning's quality on a small set, side by side with the head alone: PER_CLASS (default
# 60) Fashion-MNIST images per class, split by retrain-cli train as the app splits them, through
# InceptionV3 with tests/python/make_reference.py's seeded weights whose BatchNorm statistics are
# measured on these images (bench/calibrate_on_images.py: with bench/quality.sh's random-data
# statistics the network is too far from calibration to fine-tune at all), or with BACKBONE=real
# through the real pretrained one of ../shared/real-weights (nsfwjs's). Each variant trains
# with retrain-cli train and exports; the export is scored by retrain-cli evaluate on HOLDOUT
# (default 200) more images per class, the dataset's next, which nobody trains or validates on.
# A variant whose loss stops being finite gets the run's message instead of a score. Prints a
# Markdown table; docs/quality.md holds one run's.
#
#   bench/quality_finetune.sh [BUILD_DIR]     (default ./build)
#
# Environment: BACKBONE (seeded, the default, or real), WORK (default /tmp/retrain-quality-finetune
# or, for the real backbone, /tmp/retrain-quality-finetune-real), PER_CLASS, HOLDOUT, EPOCHS (of the
# fine-tuning variants, default 5), VARIANTS (replaces the list below: "name=ARGS;name=ARGS").
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
case "${BACKBONE:-seeded}" in
    seeded) work=${WORK:-/tmp/retrain-quality-finetune} ;;
    real) work=${WORK:-/tmp/retrain-quality-finetune-real} ;;
    *) echo "BACKBONE must be seeded or real" >&2; exit 2 ;;
esac
per_class=${PER_CLASS:-60}
holdout=${HOLDOUT:-200}
epochs=${EPOCHS:-5}
cli="$build/app/retrain-cli"
mkdir -p "$work"

if [[ ! -f "$work/data-done" ]]; then
    echo "Preparing weights and images in $work" >&2
    rm -rf "$work/fashion" "$work/holdout"
    "$cli" sample-data --per-class "$per_class" "$work/fashion" > /dev/null
    if [[ "${BACKBONE:-seeded}" == real ]]; then
        ln -sf "$("$root/../shared/real-weights/get-inception-v3.sh" "$work/real")" "$work/weights.pth"
    else
        /usr/bin/python3 "$root/bench/calibrate_on_images.py" "$work/weights.pth" "$work/fashion"
    fi
    "$cli" sample-data --per-class "$((per_class + holdout))" "$work/holdout" > /dev/null
    for image in "$work"/fashion/*/*; do # the images trained and validated on
        rm "$work/holdout/${image#"$work/fashion/"}"
    done
    touch "$work/data-done"
fi
weights="$work/weights.pth"

tuned="--batch-size 32 --eval_step_interval 5"
# Fine-tuning's own default optimizer (Adam from 0.001) except in the last row, which gives the
# head's SGD from 0.1 by name.
default_variants="head only, defaults (10 000 steps of 100)=;\
blocks from Mixed_7b, $epochs epochs of 32=--fine_tune_from Mixed_7b --epochs $epochs $tuned;\
blocks from Mixed_7a, $epochs epochs of 32=--fine_tune_from Mixed_7a --epochs $epochs $tuned;\
whole network, $epochs epochs of 32=--fine_tune_from input --epochs $epochs $tuned;\
whole network, $((2 * epochs)) epochs of 32=--fine_tune_from input --epochs $((2 * epochs)) $tuned;\
blocks from Mixed_7b, $epochs epochs of 32, SGD from 0.1=--fine_tune_from Mixed_7b --epochs $epochs $tuned --optimizer sgd"
IFS=';' read -r -a variants <<< "${VARIANTS:-$default_variants}"

echo "| classifier | holdout accuracy % | holdout images | training s | peak RSS MiB |"
echo "| --- | --- | --- | --- | --- |"
for variant in "${variants[@]}"; do
    name=${variant%%=*}
    read -r -a args <<< "${variant#*=}"
    echo "  $name" >&2
    model="$work/model"
    rm -rf "$model" "$work/report.json" "$work/bottlenecks"
    # Each variant computes what it needs afresh: no cache is shared, so the times compare.
    if /usr/bin/time -f %M -o "$work/rss" "$cli" train --weights "$weights" --image_dir "$work/fashion" \
        --bottleneck_dir "$work/bottlenecks" --export "$model" --report "$work/report.json" "${args[@]}" \
        > "$work/train.log" 2>&1; then
        "$cli" evaluate --weights "$weights" --image_dir "$work/holdout" --report "$work/evaluation.json" "$model" > /dev/null
        printf '| %s | %.1f | %d | %.0f | %.0f |\n' "$name" \
            "$(jq -r '.accuracy * 100' "$work/evaluation.json")" "$(jq -r '.images' "$work/evaluation.json")" \
            "$(jq -r '.training.seconds + .extraction.seconds' "$work/report.json")" "$(($(tail -1 "$work/rss") / 1024))"
    else
        printf '| %s | %s | | | |\n' "$name" "$(grep -o 'training diverged.*' "$work/train.log" || tail -1 "$work/train.log")"
    fi
done
