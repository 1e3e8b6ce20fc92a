#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, in its own build
# folder (default build-sanitize beside the sources). Not part of CI's time budget: a
# sanitized build of the LibTorch-heavy sources takes ~15 minutes on 2 cores.
#
#   tools/sanitize.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-sanitize}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRETRAIN_SANITIZE=ON \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache > /dev/null
cmake --build "$build"
# Leak checking is off: LibTorch and Qt keep process-lifetime allocations the uninstrumented
# libraries never free. A sanitizer report ends the test with an error.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_odr_violation=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure --timeout 1800 -j "$(nproc)"
