#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (leak checking included) + UndefinedBehavior-
# Sanitizer, in its own build folder (default build-sanitize beside the sources). `run.sh
# test` (and so CI) runs it after the plain suite: ~6 minutes to build on 2 cores, ~6 to test.
#
#   tools/sanitize.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-sanitize}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRETRAIN_SANITIZE=ON \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache > /dev/null
cmake --build "$build"
# A sanitizer report ends the test with an error; the programs the tests start (retrain-cli)
# inherit these settings, and a report makes them exit non-zero.
export ASAN_OPTIONS=abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# test_clifailures limits the process's memory, which AddressSanitizer's shadow alone exceeds
# (and its allocator aborts on a failed allocation by design): the plain suite runs it. So do
# the real backbone's tests (label real): they extract 1 400 images' features, several times
# slower sanitized, through code the other tests run sanitized too.
ctest --test-dir "$build" --output-on-failure --timeout 1800 -j "$(nproc)" -E '^test_clifailures$' -LE '^real$'
