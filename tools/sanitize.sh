#!/usr/bin/env bash
# The tests of the code where memory and undefined behaviour bite, under AddressSanitizer (leak
# checking included) + UndefinedBehaviorSanitizer, in their own build folder (default
# build-sanitize beside the sources): the readers of every file format, the job mechanism and
# Stop, training, the session and its window (RS_SANITIZED_TESTS in
# tests/CMakeLists.txt; docs/reliability.md says which and why). Only those tests and the
# programs they start are built. `run.sh test` (and so CI) runs it after the plain suite, which
# runs every test.
#
#   tools/sanitize.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-sanitize}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRETRAIN_SANITIZE=ON \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache > /dev/null
cmake --build "$build" --target sanitized_tests
# A sanitizer report ends the test with an error; the programs the tests start (retrain-cli)
# inherit these settings, and a report makes them exit non-zero.
export ASAN_OPTIONS=abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure --timeout 1800 -j "$(nproc)" -L '^sanitized$'
