#!/usr/bin/python3
"""scikit-learn's side of bench/quality.sh: LogisticRegression on the same features and split.

Usage: quality.py F.npy HOLDOUT.npy FACTOR

HOLDOUT's rows (more images of the same classes, never trained on) join F's test rows.

C runs over a grid, on the raw features and on StandardScaler's (fitted on the training rows);
the model with the best validation accuracy (ties: lower validation NLL) is scored on the test
rows. Prints one JSON object: test accuracy, NLL, ECE (15 equal-width bins of the top
probability, as the app computes it), the chosen C and scaling, the chosen fit's seconds and
the whole search's.
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

GRID = [10.0 ** k for k in range(-3, 4)]
BINS = 15


def scores(p, y):
    top = p.max(1)
    nll = float(np.mean(-np.log(np.maximum(p[np.arange(len(y)), y], 1e-30))))
    right = p.argmax(1) == y
    bins = np.clip(np.ceil(top * BINS).astype(int) - 1, 0, BINS - 1)
    ece = 0.0
    for b in range(BINS):
        inside = bins == b
        if inside.any():
            ece += inside.mean() * abs(right[inside].mean() - top[inside].mean())
    return float(right.mean()), nll, float(ece)


def read(path, factor, all_test):
    x = np.load(path).astype(np.float64) * factor
    rows = [line.rstrip("\n").split("\t") for line in open(path[:-4] + ".tsv", encoding="utf-8")][1:]
    return x, np.array([int(r[1]) for r in rows]), np.array(["test" if all_test else r[3] for r in rows])


def main():
    factor = float(sys.argv[3])
    parts = [read(sys.argv[1], factor, False), read(sys.argv[2], factor, True)]
    x, y, subset = (np.concatenate(column) for column in zip(*parts))
    part = {name: subset == name for name in ("train", "validation", "test")}
    scaler = StandardScaler().fit(x[part["train"]])
    inputs = {"raw": x, "standardised": scaler.transform(x)}

    best, started, unconverged = None, time.perf_counter(), 0
    for scaling, features in inputs.items():
        for c in GRID:
            model = LogisticRegression(C=c, max_iter=2000)
            t = time.perf_counter()
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ConvergenceWarning)
                model.fit(features[part["train"]], y[part["train"]])
            unconverged += any(issubclass(w.category, ConvergenceWarning) for w in caught)
            fit_seconds = time.perf_counter() - t
            accuracy, nll, _ = scores(model.predict_proba(features[part["validation"]]), y[part["validation"]])
            key = (accuracy, -nll)
            if best is None or key > best[0]:
                best = (key, scaling, c, model, fit_seconds)
    search_seconds = time.perf_counter() - started
    _, scaling, c, model, fit_seconds = best
    features = inputs[scaling]
    accuracy, nll, ece = scores(model.predict_proba(features[part["test"]]), y[part["test"]])
    print(json.dumps({"accuracy": accuracy, "nll": nll, "ece": ece, "C": c, "scaling": scaling,
                      "seconds": fit_seconds, "search_seconds": search_seconds,
                      "fits": 2 * len(GRID), "unconverged_fits": unconverged}))


if __name__ == "__main__":
    main()
