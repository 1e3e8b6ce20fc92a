#!/usr/bin/env bash
# Benchmarks, ours and the reference side by side in one session, alternating, medians of
# RUNS runs. Whole-process wall time and peak RSS from GNU time. Prints a Markdown report.
#
#   bench/run.sh [BUILD_DIR]      (default ./build; build it first with tools/run.sh build)
#
# Environment: RUNS (default 3), THREADS (default: all cores), WORK (default /tmp/retrain-bench),
# SECTIONS (default all; or some of: extraction model memory scale head retrain finetune whole).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
runs=${RUNS:-3}
threads=${THREADS:-$(nproc)}
work=${WORK:-/tmp/retrain-bench}
cli="$build/app/retrain-cli"
python=/usr/bin/python3
mkdir -p "$work"
want() { [[ " ${SECTIONS:-all} " == *" all "* || " ${SECTIONS:-all} " == *" $1 "* ]]; }

# "seconds peak_kib" of a command; its own output goes to $work/last.log.
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/last.log" 2>&1
    cat "$work/time.txt"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Preparing data in $work" >&2
"$cli" sample-data --per-class 100 "$work/fashion" > /dev/null
"$python" "$root/bench/make_photos.py" "$work/photos" 300

echo "## Machine"
echo
bf16=$(grep -o -w -m1 -e avx512_bf16 -e amx_bf16 /proc/cpuinfo | sort -u | paste -sd, -)
echo "$(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; threads used: $threads; bfloat16 instructions: ${bf16:-none};"
echo "BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
echo

precisions=(fp32 bf16 int8)

if want extraction; then
echo "## Feature extraction, end to end from image files (random weights, same compute as pretrained)"
echo
echo "Whole-process images/s, medians of $runs alternating runs. torchvision: ImageFolder + DataLoader"
echo "(2 workers) + inception_v3 channels-last, inference mode; bf16 is PyTorch's autocast; int8 is"
echo "torchvision's quantizable InceptionV3, fused, post-training static quantization with the onednn"
echo "qconfig, calibrated on 16 of the images in the same process (ours calibrates on 16 too). Both"
echo "sides decode the same way (large JPEGs in draft mode, bench/torchvision_extract.py)."
echo
echo "| data | images | precision | torchvision img/s | ours img/s | ours ÷ torchvision | ours ÷ our model only | peak RSS MiB, torchvision / ours |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for precision in "${precisions[@]}"; do
    : > "$work/model-$precision.txt"
    for ((i = 0; i < runs; i++)); do
        "$build/bench/bench_model_throughput" "$precision" 8 12 "$threads" | sed -n 's/.*: \([0-9.]*\) img\/s, \([0-9]*\) GFLOP.*/\1 \2/p' >> "$work/model-$precision.txt"
    done
done
for data in fashion photos; do
    mapfile -t images < <(find "$work/$data" -type f \( -name '*.png' -o -name '*.jpg' \) | sort)
    for side in ours theirs; do for precision in "${precisions[@]}"; do : > "$work/$side-$precision.txt"; done; done
    for ((i = 0; i < runs; i++)); do
        echo "  $data run $((i + 1))/$runs" >&2
        for precision in "${precisions[@]}"; do
            measure "$cli" features --random-weights 0 --threads "$threads" --precision "$precision" \
                --out "$work/features.npy" "${images[@]}" >> "$work/ours-$precision.txt"
            measure "$python" "$root/bench/torchvision_extract.py" "$work/$data" "$threads" "$precision" \
                >> "$work/theirs-$precision.txt"
        done
    done
    n=${#images[@]}
    rate() { echo "$n / $(cut -d' ' -f1 "$work/$1.txt" | median)" | bc -l; }
    mib() { printf '%.0f' "$(echo "$(cut -d' ' -f2 "$work/$1.txt" | median) / 1024" | bc -l)"; }
    for precision in "${precisions[@]}"; do
        theirs=$(rate "theirs-$precision"); ours=$(rate "ours-$precision")
        model=$(cut -d' ' -f1 "$work/model-$precision.txt" | median)
        printf '| %s | %d | %s | %.1f | %.1f | %.2f | %.0f %% | %s / %s |\n' "$data" "$n" "$precision" "$theirs" "$ours" \
            "$(echo "$ours / $theirs" | bc -l)" "$(echo "100 * $ours / $model" | bc -l)" \
            "$(mib "theirs-$precision")" "$(mib "ours-$precision")"
    done
done
echo
fi

if want model; then
echo "## Model only, against the machine's ceiling"
echo
echo "The network alone on random 299 x 299 inputs, batch 8, one warm-up batch then 12 timed ones, medians"
echo "of $runs runs: ours bench_model_throughput (int8 calibrated on the timed batch), torchvision"
echo "bench/torchvision_model.py (the same models as above). 11.46 G operations per image (a multiply"
echo "and an add are two). Ceiling: the instruction-level peak of this CPU for the format"
echo "(bench_instruction_peak: every core running nothing but that multiply-accumulate instruction;"
echo "oneDNN uses the fastest, AMX where the CPU has it)."
echo
peaks=$("$build/bench/bench_instruction_peak" "$threads")
echo "Instruction peaks, GOP/s: $(awk '{ printf "%s%s %s %s", sep, $1, $2, $3; sep = "; " }' <<< "$peaks")."
echo
echo "| precision | torchvision img/s | ours img/s | ours ÷ torchvision | ours GOP/s | ceiling GOP/s | share of the ceiling |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for precision in "${precisions[@]}"; do
    if [[ ! -s "$work/model-$precision.txt" ]]; then
        for ((i = 0; i < runs; i++)); do
            "$build/bench/bench_model_throughput" "$precision" 8 12 "$threads" | sed -n 's/.*: \([0-9.]*\) img\/s, \([0-9]*\) GFLOP.*/\1 \2/p' >> "$work/model-$precision.txt"
        done
    fi
    : > "$work/theirs-model.txt"
    for ((i = 0; i < runs; i++)); do
        "$python" "$root/bench/torchvision_model.py" "$precision" 8 12 "$threads" 2> /dev/null | cut -d' ' -f2 >> "$work/theirs-model.txt"
    done
    ceiling=$(awk -v p="$precision" '$1 == p && $3 > best { best = $3 } END { print best }' <<< "$peaks")
    ours=$(cut -d' ' -f1 "$work/model-$precision.txt" | median); g=$(cut -d' ' -f2 "$work/model-$precision.txt" | median)
    theirs=$(median < "$work/theirs-model.txt")
    printf '| %s | %.1f | %.1f | %.2f | %.0f | %.0f | %.0f %% |\n' "$precision" "$theirs" "$ours" "$(echo "$ours / $theirs" | bc -l)" \
        "$g" "$ceiling" "$(echo "100 * $g / $ceiling" | bc -l)"
done
echo
fi

if want memory; then
echo "## Peak memory while computing the features of 10 000 images"
echo
"$cli" sample-data --per-class 1000 "$work/fashion10k" > /dev/null
rm -rf "$work/cache10k"
echo "  10 000 images" >&2
read -r s k < <(measure "$cli" train --random-weights 0 --threads "$threads" --steps 100 --bottleneck-dir "$work/cache10k" "$work/fashion10k")
echo "retrain-cli train on 10 000 Fashion-MNIST images ($(grep -o '[0-9.]* img/s, [a-z0-9]*' "$work/last.log")): whole process"
printf '%.0f s, peak RSS %.0f MiB.\n' "$s" "$(echo "$k / 1024" | bc -l)"
echo
fi

if want scale; then
echo "## A folder of 100 000 images, before any network work"
echo
echo "Tiny files (64 bytes) in 100 class folders, every one already in the bottleneck cache (bench_cache_scale)."
echo
rm -rf "$work/scale"
"$build/bench/bench_cache_scale" "$work/scale" fill 100000 > /dev/null
echo '```'
"$build/bench/bench_cache_scale" "$work/scale" lookup
echo '```'
rm -rf "$work/scale"
echo
fi

if want head; then
echo "## Head training: 10 000 steps, batch 100, 1 000 cached 2048-d features, 10 classes"
echo
: > "$work/ours.txt"; : > "$work/theirs.txt"
for ((i = 0; i < runs; i++)); do
    echo "  head training run $((i + 1))/$runs" >&2
    measure "$build/bench/bench_head_training" 1000 10000 100 "$threads" >> "$work/ours.txt"
    measure "$python" "$root/bench/head_training.py" 1000 10000 100 "$threads" >> "$work/theirs.txt"
done
echo "| | whole process, s (median) | peak RSS MiB |"
echo "| --- | --- | --- |"
printf '| ours | %.2f | %.0f |\n' "$(cut -d' ' -f1 "$work/ours.txt" | median)" "$(echo "$(cut -d' ' -f2 "$work/ours.txt" | median) / 1024" | bc -l)"
printf '| Python PyTorch loop | %.2f | %.0f |\n' "$(cut -d' ' -f1 "$work/theirs.txt" | median)" "$(echo "$(cut -d' ' -f2 "$work/theirs.txt" | median) / 1024" | bc -l)"
: > "$work/ours.txt"
for ((i = 0; i < runs; i++)); do
    measure "$build/bench/bench_head_training" 400 10000 0 "$threads" >> "$work/ours.txt"
done
printf '| ours, full batch of 400 images | %.2f | %.0f |\n' "$(cut -d' ' -f1 "$work/ours.txt" | median)" "$(echo "$(cut -d' ' -f2 "$work/ours.txt" | median) / 1024" | bc -l)"
echo
fi

if want retrain; then
echo "## Training again on an unchanged folder (1 000 images, default 10 000 steps)"
echo
rm -rf "$work/cache"
echo "| run | extraction | whole process, s |"
echo "| --- | --- | --- |"
for label in first second; do
    t=$(measure "$cli" train --random-weights 0 --threads "$threads" --bottleneck-dir "$work/cache" "$work/fashion" | cut -d' ' -f1)
    echo "| $label | $(grep -o 'features: [^;]*' "$work/last.log") | $t |"
done
echo
fi

if want finetune; then
echo "## One fine-tuning step, per image (batch 16, BatchNorm frozen, SGD; medians of $runs runs)"
echo
echo "The frozen part in the precision named, channels-last on both sides (PyTorch: autocast for bf16);"
echo "the trained blocks in float32 on both sides."
echo
echo "| trained from | frozen part in | ours: cached cut, ms/img | PyTorch: cached cut, ms/img | ours: frozen part, ms/img | PyTorch: frozen part, ms/img | ours: peak RSS MiB | PyTorch: peak RSS MiB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
# "cached frozen" in ms/img from a benchmark's line.
field() { sed -n 's/.*cached cut \([0-9.]*\) ms\/img, frozen part \([0-9.]*\) ms\/img.*/\1 \2/p' "$work/last.log"; }
for block in Mixed_7b Mixed_7a; do
    for precision in fp32 bf16; do
        : > "$work/ours.txt"; : > "$work/theirs.txt"; : > "$work/ours_rss.txt"; : > "$work/theirs_rss.txt"
        for ((i = 0; i < runs; i++)); do
            echo "  fine-tuning step from $block, frozen part in $precision, run $((i + 1))/$runs" >&2
            measure "$build/bench/bench_finetune_step" "$block" 16 6 "$threads" "$precision" | cut -d' ' -f2 >> "$work/ours_rss.txt"
            field >> "$work/ours.txt"
            measure "$python" "$root/bench/finetune_step.py" "$block" 16 6 "$threads" "$precision" | cut -d' ' -f2 >> "$work/theirs_rss.txt"
            field >> "$work/theirs.txt"
        done
        printf '| %s | %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |\n' "$block" "$precision" \
            "$(cut -d' ' -f1 "$work/ours.txt" | median)" "$(cut -d' ' -f1 "$work/theirs.txt" | median)" \
            "$(cut -d' ' -f2 "$work/ours.txt" | median)" "$(cut -d' ' -f2 "$work/theirs.txt" | median)" \
            "$(echo "$(median < "$work/ours_rss.txt") / 1024" | bc -l)" "$(echo "$(median < "$work/theirs_rss.txt") / 1024" | bc -l)"
    done
done
echo
echo "Without the cache a step costs the frozen part plus the cached-cut step."
fi

if want whole; then
echo "## One whole-network fine-tuning step, per image (batch 32, BatchNorm frozen, SGD; medians of $runs runs)"
echo
echo "Every layer trains, the auxiliary classifier's loss added at 0.4. PyTorch: torchvision's"
echo "inception_v3 in eager mode, bf16 under torch.autocast, in its faster channels-last layout and"
echo "in its default one (bench/finetune_whole.py, on a fixed random batch); ours: retrain-cli's"
echo "--fine_tune_from input (bench_finetune_whole, on the sample images, each step's batch cropped"
echo "and flipped on another thread meanwhile). Steps after the first, which warms up."
echo
echo "| precision | ours ms/img | PyTorch channels-last ms/img | PyTorch default layout ms/img | ours ÷ PyTorch's faster | peak RSS MiB: ours / PyTorch channels-last |"
echo "| --- | --- | --- | --- | --- | --- |"
# "ms/img rss_mib" from a whole-network benchmark's line.
step() { sed -n 's/.*: \([0-9.]*\) ms\/img per step, peak RSS \([0-9]*\) MiB.*/\1 \2/p' "$work/last.log"; }
for precision in fp32 bf16; do
    : > "$work/ours.txt"; : > "$work/last.txt"; : > "$work/contiguous.txt"
    for ((i = 0; i < runs; i++)); do
        echo "  whole-network step in $precision, run $((i + 1))/$runs" >&2
        measure "$build/bench/bench_finetune_whole" 32 5 "$threads" "$precision" > /dev/null
        step >> "$work/ours.txt"
        measure "$python" "$root/bench/finetune_whole.py" 32 5 "$threads" "$precision" channels_last > /dev/null
        step >> "$work/last.txt"
        measure "$python" "$root/bench/finetune_whole.py" 32 5 "$threads" "$precision" contiguous > /dev/null
        step >> "$work/contiguous.txt"
    done
    ours=$(cut -d' ' -f1 "$work/ours.txt" | median)
    last=$(cut -d' ' -f1 "$work/last.txt" | median)
    contiguous=$(cut -d' ' -f1 "$work/contiguous.txt" | median)
    faster=$(printf '%s\n%s\n' "$last" "$contiguous" | sort -g | head -1)
    printf '| %s | %.1f | %.1f | %.1f | %.2f× | %.0f / %.0f |\n' "$precision" "$ours" "$last" "$contiguous" \
        "$(echo "$faster / $ours" | bc -l)" "$(cut -d' ' -f2 "$work/ours.txt" | median)" "$(cut -d' ' -f2 "$work/last.txt" | median)"
done
echo
fi
