#!/usr/bin/env bash
# The default head on a real backbone's features against scikit-learn's LogisticRegression on
# the same features and split (C and scaling chosen on the validation images, bench/quality.py):
# its test accuracy must be at most 1 point below, over the split's test images and the
# held-out ones. SETTINGS (JSON, default {}) trains another head, to see the check fail.
#
#   head_vs_logistic_regression.sh BENCH_QUALITY SOURCE_DIR DATA_DIR
set -euo pipefail
quality=$1 source=$2 data=$3
settings='{}'
[[ -n "${SETTINGS:-}" ]] && settings=$SETTINGS
head=$("$quality" "$data/pool.npy" "$data/holdout.npy" 1 "$settings")
reference=$(/usr/bin/python3 "$source/bench/quality.py" "$data/pool.npy" "$data/holdout.npy" 1)
echo "head: $head"
echo "logistic regression: $reference"
/usr/bin/python3 - "$head" "$reference" <<'PY'
import json, sys
head, reference = (json.loads(a) for a in sys.argv[1:])
gap = 100 * (reference["accuracy"] - head["accuracy"])
print("test images: %d; head %.1f %%, logistic regression %.1f %% (C=%g, %s): %.1f points below"
      % (head["test"], 100 * head["accuracy"], 100 * reference["accuracy"], reference["C"], reference["scaling"], gap))
sys.exit(0 if gap <= 1.0 else 1)
PY
