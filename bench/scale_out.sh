#!/usr/bin/env bash
# Scale-out figures for docs/scale-out.md, in one session:
#  1. extraction as one N-thread process vs N one-thread processes, each taking a shard (as N
#     array tasks on one node would), whole-process images/s over the same images, fresh caches,
#     alternating, medians of RUNS runs; and the merge of the N shards' folders;
#  2. bench_scale_training: a synthetic pack of ROWS x 2048 float16 features, 10 000 steps of the
#     default head read from disk, and the merge of that pack.
#
#   bench/scale_out.sh [BUILD_DIR]     (default ./build)
#
# Environment: RUNS (default 3), IMAGES_PER_CLASS (default 100: 1 000 Fashion-MNIST images),
# ROWS (default 1000000), WORK (default /tmp/retrain-scale-out; needs about 9 GB free).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
cli=$build/app/retrain-cli
runs=${RUNS:-3}
rows=${ROWS:-1000000}
work=${WORK:-/tmp/retrain-scale-out}
shards=$(nproc)
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }

rm -rf "$work"
mkdir -p "$work"
"$cli" sample-data --per-class "${IMAGES_PER_CLASS:-100}" "$work/images" >/dev/null
images=$(find "$work/images" -type f | wc -l)

echo "## Machine"
echo
echo "$(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo
echo "## Extraction: one $shards-thread process vs $shards one-thread shard processes ($images images, random weights, default precision)"
echo
one=() many=()
for run in $(seq "$runs"); do
    rm -rf "$work/one" "$work/shard"*
    start=$(now)
    "$cli" extract --random-weights 0 --threads "$shards" --image_dir "$work/images" --bottleneck_dir "$work/one" >/dev/null 2>&1
    one+=("$(echo "$(now) - $start" | bc)")
    start=$(now)
    for k in $(seq 0 $((shards - 1))); do
        "$cli" extract --random-weights 0 --threads 1 --shard "$k/$shards" --image_dir "$work/images" \
            --bottleneck_dir "$work/shard$k" >/dev/null 2>&1 &
    done
    wait
    many+=("$(echo "$(now) - $start" | bc)")
done
t_one=$(printf '%s\n' "${one[@]}" | median)
t_many=$(printf '%s\n' "${many[@]}" | median)
start=$(now)
"$cli" cache merge "$work/merged" "$work"/shard* >/dev/null 2>&1
t_merge=$(echo "$(now) - $start" | bc)
echo "| layout | seconds (median of $runs) | images/s |"
echo "| --- | --- | --- |"
printf '| one process, %d threads | %.1f | %.1f |\n' "$shards" "$t_one" "$(echo "$images / $t_one" | bc -l)"
printf '| %d processes, 1 thread each, one shard each | %.1f | %.1f |\n' "$shards" "$t_many" "$(echo "$images / $t_many" | bc -l)"
echo
printf 'Merging the %d shard folders (%d images and their signatures): %.2f s.\n' "$shards" "$images" "$t_merge"
echo
echo "## Training on $rows cached features read from disk (bench_scale_training)"
echo
echo '```'
/usr/bin/time -f "whole process: %e s, peak RSS %M KiB" "$build/bench/bench_scale_training" "$work/pack" "$rows" 10000 2>&1
echo '```'
rm -rf "$work/pack"
