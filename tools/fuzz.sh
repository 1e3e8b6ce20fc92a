#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and UndefinedBehaviorSanitizer,
# replays the inputs of earlier findings (fuzz/regressions/), then fuzzes each target for a fixed
# time from the seed corpus (fuzz/make_seeds.py) plus what earlier runs in the same folder found.
#
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60 s, fuzz_weights and fuzz_image
#
# Environment: FUZZ_DIR (default build-fuzz beside the sources). CI runs the default; a long
# run is e.g. `tools/fuzz.sh 3600`. A finding stops the run, keeps its input in
# FUZZ_DIR/findings/ and exits non-zero; fix it and copy the input to fuzz/regressions/<kind>/.
set -euo pipefail
shopt -s nullglob
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${FUZZ_DIR:-$root/build-fuzz}
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_weights fuzz_image)

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root/fuzz" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    "${launcher[@]}" > /dev/null
cmake --build "$dir"
[ -d "$dir/seeds" ] || /usr/bin/python3 "$root/fuzz/make_seeds.py" "$dir/seeds"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in "${targets[@]}"; do
    kind=${target#fuzz_}
    mkdir -p "$dir/corpus/$kind" "$dir/findings"
    log="$dir/$target.log"
    options=(-rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$dir/findings/$kind-")
    regressions=("$root/fuzz/regressions/$kind"/*)
    if [ ${#regressions[@]} -gt 0 ] && ! "$dir/$target" "${options[@]}" "${regressions[@]}" > "$log" 2>&1; then
        tail -n 40 "$log"
        echo "$target: an input of fuzz/regressions/$kind fails again (log: $log)" >&2
        exit 1
    fi
    if ! "$dir/$target" "${options[@]}" -max_total_time="$seconds" "$dir/corpus/$kind" "$dir/seeds/$kind" > "$log" 2>&1; then
        grep -v '^"' "$log" | tail -n 40
        echo "$target: a finding after fuzzing; its input is in $dir/findings (log: $log)" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
    echo "$target: $runs executions in $seconds s, ${#regressions[@]} regression inputs replayed," \
         "corpus $(ls "$dir/corpus/$kind" | wc -l) files, peak RSS $rss MB: no finding"
done
