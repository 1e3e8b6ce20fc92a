#!/usr/bin/env bash
# Benchmarks, ours and the reference side by side in one session, alternating, medians of
# RUNS runs. Whole-process wall time and peak RSS from GNU time. Prints a Markdown report.
#
#   bench/run.sh [BUILD_DIR]      (default ./build; build it first with tools/run.sh build)
#
# Environment: RUNS (default 3), THREADS (default: all cores), WORK (default /tmp/retrain-bench).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
runs=${RUNS:-3}
threads=${THREADS:-$(nproc)}
work=${WORK:-/tmp/retrain-bench}
cli="$build/app/retrain-cli"
python=/usr/bin/python3
mkdir -p "$work"

# "seconds peak_kib" of a command; its own output goes to $work/last.log.
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/last.log" 2>&1
    cat "$work/time.txt"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Preparing data in $work" >&2
"$cli" sample-data --per-class 60 "$work/fashion" > /dev/null
"$python" "$root/bench/make_photos.py" "$work/photos" 300

echo "## Machine"
echo
echo "$(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; threads used: $threads;"
echo "BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
echo

echo "## Feature extraction, end to end from image files (random weights, same compute as pretrained)"
echo
echo "| data | images | ours: s | ours: img/s | ours: peak RSS MiB | torchvision: s | torchvision: img/s | torchvision: peak RSS MiB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for data in fashion photos; do
    mapfile -t images < <(find "$work/$data" -type f \( -name '*.png' -o -name '*.jpg' \) | sort)
    : > "$work/ours.txt"; : > "$work/theirs.txt"
    for ((i = 0; i < runs; i++)); do
        echo "  $data run $((i + 1))/$runs" >&2
        measure "$cli" features --random-weights 0 --threads "$threads" --out "$work/features.npy" "${images[@]}" >> "$work/ours.txt"
        measure "$python" "$root/bench/torchvision_extract.py" "$work/$data" "$threads" >> "$work/theirs.txt"
    done
    n=${#images[@]}
    os=$(cut -d' ' -f1 "$work/ours.txt" | median); om=$(cut -d' ' -f2 "$work/ours.txt" | median)
    ts=$(cut -d' ' -f1 "$work/theirs.txt" | median); tm=$(cut -d' ' -f2 "$work/theirs.txt" | median)
    printf '| %s | %d | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f |\n' "$data" "$n" "$os" "$(echo "$n / $os" | bc -l)" \
        "$(echo "$om / 1024" | bc -l)" "$ts" "$(echo "$n / $ts" | bc -l)" "$(echo "$tm / 1024" | bc -l)"
done
echo

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
echo

echo "## Training again on an unchanged folder (600 images, default 10 000 steps)"
echo
rm -rf "$work/cache"
echo "| run | extraction | whole process, s |"
echo "| --- | --- | --- |"
for label in first second; do
    t=$(measure "$cli" train --random-weights 0 --threads "$threads" --bottleneck-dir "$work/cache" "$work/fashion" | cut -d' ' -f1)
    echo "| $label | $(grep -o 'features: .* s;' "$work/last.log" | sed 's/;$//') | $t |"
done
echo

echo "## One fine-tuning step, per image (batch 16, BatchNorm frozen, SGD; medians of $runs runs)"
echo
echo "| trained from | ours: cached cut, ms/img | ours: frozen part, ms/img | PyTorch: cached cut, ms/img | PyTorch: frozen part, ms/img | ours: peak RSS MiB | PyTorch: peak RSS MiB |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
# "cached frozen" in ms/img from a benchmark's line.
field() { sed -n 's/.*cached cut \([0-9.]*\) ms\/img, frozen part \([0-9.]*\) ms\/img.*/\1 \2/p' "$work/last.log"; }
for block in Mixed_7b Mixed_7a; do
    : > "$work/ours.txt"; : > "$work/theirs.txt"; : > "$work/ours_rss.txt"; : > "$work/theirs_rss.txt"
    for ((i = 0; i < runs; i++)); do
        echo "  fine-tuning step from $block, run $((i + 1))/$runs" >&2
        measure "$build/bench/bench_finetune_step" "$block" 16 6 "$threads" | cut -d' ' -f2 >> "$work/ours_rss.txt"
        field >> "$work/ours.txt"
        measure "$python" "$root/bench/finetune_step.py" "$block" 16 6 "$threads" | cut -d' ' -f2 >> "$work/theirs_rss.txt"
        field >> "$work/theirs.txt"
    done
    printf '| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |\n' "$block" \
        "$(cut -d' ' -f1 "$work/ours.txt" | median)" "$(cut -d' ' -f2 "$work/ours.txt" | median)" \
        "$(cut -d' ' -f1 "$work/theirs.txt" | median)" "$(cut -d' ' -f2 "$work/theirs.txt" | median)" \
        "$(echo "$(median < "$work/ours_rss.txt") / 1024" | bc -l)" "$(echo "$(median < "$work/theirs_rss.txt") / 1024" | bc -l)"
done
echo
echo "Without the cache a step costs the frozen part plus the cached-cut step."
