#!/usr/bin/env bash
# The default head on a real backbone's features against scikit-learn's LogisticRegression on
# the same features and split: its test accuracy, over the split's test images and the held-out
# ones, must be at most 1 point below. The reference is the model scikit-learn's own search
# picks on the bench's 2 450 training images of this backbone (raw features, C = 100;
# docs/quality.md): on this test's 86 validation images a search picks C by noise.
# SETTINGS (JSON, default {}) trains another head, to see the check fail: the previous
# default, '{"spread_floor":0.01}', is 1.3 points below.
#
#   head_vs_logistic_regression.sh BENCH_QUALITY SOURCE_DIR DATA_DIR
set -euo pipefail
quality=$1 source=$2 data=$3
settings='{}'
[[ -n "${SETTINGS:-}" ]] && settings=$SETTINGS
head=$("$quality" "$data/pool.npy" "$data/holdout.npy" 1 "$settings")
echo "head: $head"
/usr/bin/python3 - "$source/bench" "$data" "$head" <<'PY'
import json, sys
import numpy as np
sys.path.insert(0, sys.argv[1])
from quality import read  # the bench's reader: the same rows, labels and subsets
from sklearn.linear_model import LogisticRegression
data, head = sys.argv[2], json.loads(sys.argv[3])
parts = [read(data + "/pool.npy", 1.0, False), read(data + "/holdout.npy", 1.0, True)]
x, y, subset = (np.concatenate(column) for column in zip(*parts))
train, test = subset == "train", subset == "test"
model = LogisticRegression(C=100, max_iter=2000).fit(x[train], y[train])
reference = float((model.predict_proba(x[test]).argmax(1) == y[test]).mean())
assert int(test.sum()) == head["test"], "the head was scored on other images"
gap = 100 * (reference - head["accuracy"])
print("%d test images: head %.1f %%, logistic regression (C=100, raw features) %.1f %%: the head is %.1f points %s"
      % (head["test"], 100 * head["accuracy"], 100 * reference, abs(gap), "below" if gap > 0 else "above"))
sys.exit(0 if gap <= 1.0 else 1)
PY
