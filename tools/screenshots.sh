#!/usr/bin/env bash
# Saves screenshots of every page of retrain-studio, during and after training on the
# built-in sample data, to docs/images/ (or the folder given), in English and, under zh_CN/,
# in Simplified Chinese. Runs the real window under
# Xvfb; installs xvfb and xauth when they are missing.
#
#   tools/screenshots.sh [OUTPUT_DIR]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
out=${1:-$root/docs/images}

"$root/tools/run.sh" build
if ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null || ! fc-list :lang=zh | grep -q .; then
    echo "==> Installing xvfb, xauth and a Chinese font"
    sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends xvfb xauth fonts-wqy-microhei
fi
xvfb-run -a -s "-screen 0 1280x900x24 -dpi 96" "$build_dir/tools/retrain-screenshots" "$out"
xvfb-run -a -s "-screen 0 1280x900x24 -dpi 96" "$build_dir/tools/retrain-screenshots" "$out/zh_CN" zh_CN
