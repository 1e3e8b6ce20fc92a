#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs what is missing, builds, then runs
# the demo or the tests. Safe to run again: every step skips what is already done.
#
#   tools/run.sh demo    install, build, and train a classifier on the built-in sample data
#   tools/run.sh test    install, build, run every test, build, install and try the .deb, fuzz
#                        each input reader for 60 s, then run the tests again under ASan+UBSan
#   tools/run.sh build   install and build only
#
# Environment: BUILD_DIR (default ./build), JOBS (default: number of cores).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
# ccache keys on the compiler's arguments, which hold absolute paths: relative to the checkout,
# a second clone (CI's is a fresh one each time) reuses what the first compiled.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
jobs=${JOBS:-$(nproc)}

say() { printf '\n==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "error: installing packages needs root; run as root or install sudo" >&2
        exit 1
    fi
}

# Build and run-time dependencies; the tests also need Python's torchvision for reference
# outputs, and the demo needs the Fashion-MNIST images. Debian's libtorch calls BLAS through
# the libblas.so.3 alternative, which is the slow reference BLAS until OpenBLAS is installed
# (head training: 1.5 ms a step with it, 0.3 ms with OpenBLAS).
build_packages=(cmake ninja-build g++ ccache pkgconf libtorch-dev libopencv-dev zlib1g-dev
                qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev libopenblas0-pthread
                libonnx-dev libprotobuf-dev libssl-dev)
data_packages=(dataset-fashion-mnist)
# Headless chromium opens the HTML report in its test; clang and its runtime build the
# libFuzzer targets (tools/fuzz.sh).
# A real single-node Slurm (munge, slurm-wlm) and kubectl run the cluster recipes' tests; a
# kubectl that came from elsewhere (Google's packages) is used as it is.
# The real backbone's tests fetch it from npm (a node that came with its own npm is used as it
# is) and compare the head with scikit-learn's logistic regression.
test_packages=(python3-torch python3-torchvision python3-numpy python3-pil python3-yaml python3-sklearn desktop-file-utils
               appstream chromium clang-14 libclang-rt-14-dev munge slurm-wlm)
command -v kubectl >/dev/null || test_packages+=(kubernetes-client)
command -v npm >/dev/null || test_packages+=(nodejs npm)

install_packages() {
    local wanted=("$@") missing=()
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "Debian packages: all ${#wanted[@]} present"
        return
    fi
    say "Installing ${#missing[@]} Debian packages: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    phase "the build"
    say "Configuring in $build_dir (Release)"
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRETRAIN_WERROR=ON
    say "Building with $jobs jobs"
    cmake --build "$build_dir" -j "$jobs"
}

demo() {
    local cli="$build_dir/app/retrain-cli"
    local demo_dir="$build_dir/demo"
    say "Writing the built-in sample dataset (Fashion-MNIST, 10 classes x 60 images) to $demo_dir/samples"
    "$cli" sample-data --per-class 60 "$demo_dir/samples"

    local torch_home=${TORCH_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/torch}
    local weights="$torch_home/hub/checkpoints/inception_v3_google-0cc3c7bd.pth"
    local source=()
    if [ -f "$weights" ]; then
        say "Using the ImageNet weights at $weights"
    else
        say "No ImageNet weights at $weights: using UNTRAINED random weights (expect a weak classifier)"
        source=(--random-weights 0)
    fi
    say "Training: features (cached in $demo_dir/cache), 10 000 steps, test-set evaluation, export"
    "$cli" train "${source[@]}" --image_dir "$demo_dir/samples" --bottleneck_dir "$demo_dir/cache" \
        --eval-interval 2000 --export "$demo_dir/model" --report "$demo_dir/report.json"
    say "Predicting two images with the exported model"
    "$cli" predict "$demo_dir/model" "$demo_dir/samples/Bag/fmnist_00018.png" "$demo_dir/samples/Sneaker/fmnist_00009.png"
    say "Done: report in $demo_dir/report.json, model in $demo_dir/model"
}

# Each phase's wall time, printed at the end of the run (and at a failure).
phase_times=()
phase_start=$SECONDS
phase() { # NAME: ends the running phase and starts NAME
    phase_times+=("$(printf '%6d s  %s' $((SECONDS - phase_start)) "$phase_name")")
    phase_name=$1
    phase_start=$SECONDS
}
phase_name="installing packages"
print_phases() {
    phase "" && say "Time per phase" && printf '%s\n' "${phase_times[@]}" && printf '%6d s  in all\n' "$SECONDS"
}

run_tests() {
    phase "the tests"
    say "Running the tests"
    (cd "$build_dir" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -j "$jobs")
    # The .deb too: built, validated, installed with apt, and run from /usr/bin.
    phase "the .deb"
    "$root/packaging/check-deb.sh" "$build_dir"
    phase "fuzzing"
    say "Fuzzing the weights reader and the image decoder, 60 s each (tools/fuzz.sh)"
    FUZZ_DIR="$build_dir-fuzz" "$root/tools/fuzz.sh" 60
    phase "the sanitized build and tests"
    say "The tests again, under AddressSanitizer + UndefinedBehaviorSanitizer (tools/sanitize.sh)"
    QT_QPA_PLATFORM=offscreen "$root/tools/sanitize.sh" "$build_dir-sanitize"
}

case "${1:-}" in
    demo) install_packages "${build_packages[@]}" "${data_packages[@]}"; build; demo ;;
    test)
        trap print_phases EXIT
        install_packages "${build_packages[@]}" "${data_packages[@]}" "${test_packages[@]}"; build; run_tests ;;
    build) install_packages "${build_packages[@]}"; build ;;
    *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
