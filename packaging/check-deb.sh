#!/usr/bin/env bash
# Builds the .deb from a finished build, validates its desktop and AppStream files, installs
# it with apt, and runs a short headless training from the installed files.
#
#   packaging/check-deb.sh BUILD_DIR      (run as root, or as a user who may sudo)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "$1" && pwd)
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "==> Packaging"
(cd "$build_dir" && rm -f retrain-studio_*.deb && cpack -G DEB > /dev/null)
deb=$(ls "$build_dir"/retrain-studio_*.deb)
dpkg-deb --field "$deb" Package Version Depends Recommends
dpkg-deb --field "$deb" Recommends | grep -q 'fonts-noto-cjk | fonts-wqy-microhei' \
    || { echo "the package does not recommend a CJK font for the Chinese interface" >&2; exit 1; }

echo "==> Validating the desktop and AppStream files"
desktop-file-validate "$root/packaging/retrain-studio.desktop"
appstreamcli validate --no-net "$root/packaging/io.github.retrain_studio.RetrainStudio.metainfo.xml"

echo "==> Installing $deb with apt"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" > /dev/null
dpkg -L retrain-studio | grep -E '^/usr/(bin|share/(applications|metainfo|icons/hicolor/(48x48|scalable)/apps))/' 
test -f /usr/share/doc/retrain-studio/user-guide.md
test -f /usr/share/doc/retrain-studio/images/dataset.png
test -f /usr/share/doc/retrain-studio/cluster/extract.sbatch
test -f /usr/share/doc/retrain-studio/cluster/extract-job.yaml

echo "==> Running the installed retrain-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/retrain-cli --version
/usr/bin/retrain-cli sample-data --per-class 3 "$work/data" > /dev/null
/usr/bin/retrain-cli train --random-weights 0 --image_dir "$work/data" --how_many_training_steps 20 \
    --bottleneck_dir "$work/cache" --export "$work/model" | tail -n 3
test -f "$work/model/model.pt"
# The cluster commands, as a node with the package runs them.
/usr/bin/retrain-cli extract --random-weights 0 --image_dir "$work/data" --shard 0/2 --bottleneck_dir "$work/shard0" | tail -n 1
/usr/bin/retrain-cli cache merge "$work/merged" "$work/shard0" | tail -n 1
echo "==> The package works"
