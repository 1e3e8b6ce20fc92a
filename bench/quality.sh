#!/usr/bin/env bash
# Classifier quality: the app's default head, its --tune choice and the raw seed recipe against
# scikit-learn's LogisticRegression (C chosen on the same validation split), on features the
# bench makes itself: 3 000 Fashion-MNIST images (300 per class) through InceptionV3 with
# seeded, BatchNorm-calibrated random weights (tests/python/make_reference.py), at the
# bottleneck and at Mixed_6e, and the bottlenecks multiplied by 0.05 and by 20 (backbones
# whose features are much smaller or larger); with BACKBONE=real, through a real pretrained
# InceptionV3 instead (../shared/real-weights/get-inception-v3.sh: ImageNet-initialised, from
# the npm package nsfwjs; needs node and npm), whose features spread unevenly over their
# dimensions as real backbones' do and seeded ones' do not. Everyone trains on the same split of those 3 000
# and is scored on its test images plus HOLDOUT more per class (the dataset's next images),
# so that one test image weighs 0.04 points, not 0.4. With DATASET=digits the images are
# scikit-learn's 1 797 handwritten digits instead (bench/make_digits.py): PER_CLASS (default
# 100) of each digit split as the app splits them, every other one held out (about 800). Prints a
# Markdown table; docs/quality.md holds one run's.
#
#   bench/quality.sh [BUILD_DIR]     (default ./build; needs Debian's python3-sklearn)
#
# Environment: BACKBONE (seeded, the default, or real), DATASET (fashion, the default, or digits),
# WORK (default /tmp/retrain-quality-PRECISION, with -real for the real backbone and -digits for
# the digits), PER_CLASS (default 300), HOLDOUT (default 200; fashion only), CASES (default all four), SETTINGS (extra app variants: "name=JSON;name=JSON"),
# PRECISION (default fp32; int8 is calibrated by each features call on its own images, so the
# held-out images' sample is not the training images'), QUICK=1 (only the app's variants: no
# --tune, learning-rate sweep or scikit-learn).
#
# int8 against fp32, side by side: for p in fp32 int8; do QUICK=1 PRECISION=$p bench/quality.sh; done
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
precision=${PRECISION:-fp32}
backbone=${BACKBONE:-seeded}
case "$backbone" in
    seeded) work=${WORK:-/tmp/retrain-quality-$precision}; weights_name=inception_zip.pth ;;
    real) work=${WORK:-/tmp/retrain-quality-$precision-real}; weights_name=inception_v3_nsfwjs.pth ;;
    *) echo "BACKBONE must be seeded or real" >&2; exit 2 ;;
esac
dataset=${DATASET:-fashion}
case "$dataset" in
    fashion) per_class=${PER_CLASS:-300}; row_prefix= ;;
    digits) per_class=${PER_CLASS:-100}; row_prefix="digits, "; [[ -n "${WORK:-}" ]] || work=$work-digits ;;
    *) echo "DATASET must be fashion or digits" >&2; exit 2 ;;
esac
holdout=${HOLDOUT:-200}
images=$work/$dataset
holdout_images=$work/holdout
cli="$build/app/retrain-cli"
quality="$build/bench/bench_quality"
python=/usr/bin/python3
"$python" -c "import sklearn" 2> /dev/null || { echo "needs Debian's python3-sklearn (apt install python3-sklearn)" >&2; exit 1; }
mkdir -p "$work"

cases=(${CASES:-"bottleneck:1" "Mixed_6e:1" "bottleneck:0.05" "bottleneck:20"})
layers=$(printf '%s\n' "${cases[@]%%:*}" | sort -u)
if [[ ! -f "$work/images-done" ]]; then
    echo "Preparing weights and images in $work" >&2
    if [[ "$backbone" == real ]]; then
        "$root/../shared/real-weights/get-inception-v3.sh" "$work/reference" > /dev/null
    else
        "$python" "$root/tests/python/make_reference.py" "$work/reference" > /dev/null
    fi
    rm -rf "$images" "$holdout_images"
    if [[ "$dataset" == digits ]]; then
        "$python" "$root/bench/make_digits.py" "$images" "$per_class" "$holdout_images"
    else
        "$cli" sample-data --per-class "$per_class" "$images" > /dev/null
        echo "Preparing $holdout more test images per class in $holdout_images" >&2
        "$cli" sample-data --per-class "$((per_class + holdout))" "$holdout_images" > /dev/null
        for image in "$images"/*/*; do # the images trained and validated on
            rm "$holdout_images/${image#"$images/"}"
        done
    fi
    touch "$work/images-done"
fi
# Each layer's features once, only for the layers the cases use.
for layer in $layers; do
    for set in "$layer:$images" "$layer-holdout:$holdout_images"; do
        [[ -f "$work/${set%%:*}.npy" ]] && continue
        echo "Computing $work/${set%%:*}.npy" >&2
        "$cli" features --weights "$work/reference/$weights_name" --precision "$precision" --layer "$layer" \
            --image_dir "${set#*:}" --out "$work/${set%%:*}.npy" > /dev/null
    done
done

# name=JSON over the defaults, as a project file holds training settings.
variants=("default={}"
          "raw seed recipe={\"standardize\":false,\"weight_decay\":0,\"keep_best\":false,\"calibrate\":false}")
IFS=';' read -r -a extra <<< "${SETTINGS:-}"
variants+=("${extra[@]}")

sweeps=()
echo "| features | classifier | test accuracy % | test NLL | ECE % | training s |"
echo "| --- | --- | --- | --- | --- | --- |"
for case in "${cases[@]}"; do
    layer=${case%%:*}
    factor=${case##*:}
    label="$row_prefix$layer ×$factor"
    row() { printf '| %s | %s | %.1f | %.3f | %.1f | %.1f |\n' "$label" "$1" \
        "$(jq -r '.accuracy * 100' <<< "$2")" "$(jq -r '.nll' <<< "$2")" "$(jq -r '.ece * 100' <<< "$2")" "$(jq -r '.seconds' <<< "$2")"; }
    for variant in "${variants[@]}"; do
        [[ -z "$variant" ]] && continue
        echo "  $label: ${variant%%=*}" >&2
        row "${variant%%=*}" "$("$quality" "$work/$layer.npy" "$work/$layer-holdout.npy" "$factor" "${variant#*=}")"
    done
    [[ -n "${QUICK:-}" ]] && continue
    echo "  $label: --tune" >&2
    tuned=$("$quality" "$work/$layer.npy" "$work/$layer-holdout.npy" "$factor" '{}' tune)
    row "--tune from the defaults: $(jq -r .tuning.trials <<< "$tuned") trials $(jq -r 'if .tuning.folds == 0 then "on validation" else "by \(.tuning.folds)-fold cross-validation" end' <<< "$tuned") in $(printf %.0f "$(jq -r .tuning.seconds <<< "$tuned")") s, chose $(jq -r .tuning.chose <<< "$tuned")" "$tuned"
    sweep=$("$quality" "$work/$layer.npy" "$work/$layer-holdout.npy" "$factor" '{}' lr-find)
    sweeps+=("$label: suggested $(jq -r .suggested <<< "$sweep") after $(jq -r .steps <<< "$sweep") steps in $(jq -r .seconds <<< "$sweep") s")
    echo "  $label: scikit-learn" >&2
    sk=$("$python" "$root/bench/quality.py" "$work/$layer.npy" "$work/$layer-holdout.npy" "$factor")
    row "scikit-learn LogisticRegression, C=$(jq -r .C <<< "$sk") on $(jq -r .scaling <<< "$sk") features (search: $(jq -r .fits <<< "$sk") fits in $(printf %.0f "$(jq -r .search_seconds <<< "$sk")") s, $(jq -r .unconverged_fits <<< "$sk") stopped at 2000 iterations)" "$sk"
done

[[ -n "${QUICK:-}" ]] && exit 0
echo
echo "Learning-rate sweep (retrain-cli lr-find's, default settings, on the $(jq -r .train <<< "$sweep") training rows):"
printf -- '- %s\n' "${sweeps[@]}"
