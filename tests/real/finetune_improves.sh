#!/usr/bin/env bash
# A short fine-tuning run on the real backbone, with the defaults a user gets (Adam from
# 0.001): five epochs of the blocks from Mixed_7b on the pool's 80 images per class must reach
# a lower validation loss than the head alone does on the same split, which is where
# fine-tuning starts (0.733 against 0.797 when written). ARGS (default none) adds train
# options, to see the check fail: ARGS='--optimizer sgd' diverges at the head's rates. On 24
# images per class (31 validation images) the first Adam steps raised the loss and it never
# came back below the head's within 30 steps.
#
#   finetune_improves.sh RETRAIN_CLI DATA_DIR
set -euo pipefail
cli=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
weights=$data/weights/inception_v3_nsfwjs.pth
train() { # REPORT OPTIONS...
    local report=$1
    shift
    "$cli" train --weights "$weights" --precision fp32 --image_dir "$data/pool" --bottleneck_dir "$work/cache" \
        --report "$report" "$@" > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }
}
train "$work/head.json"
read -r -a extra <<< "${ARGS:-}"
train "$work/tuned.json" --fine_tune_from Mixed_7b --epochs 5 --batch-size 32 --eval_step_interval 5 "${extra[@]}"
/usr/bin/python3 - "$work/head.json" "$work/tuned.json" <<'PY'
import json, sys
def lowest(path):
    curve = json.load(open(path))["training"]["curve"]
    return min(p["validation_loss"] for p in curve), len(curve)
head, _ = lowest(sys.argv[1])
tuned, steps = lowest(sys.argv[2])
print(f"lowest validation loss: head alone {head:.4f}, fine-tuned from Mixed_7b ({steps} steps) {tuned:.4f}")
sys.exit(0 if tuned < head else 1)
PY
