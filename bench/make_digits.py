#!/usr/bin/python3
"""The quality benches' second dataset: scikit-learn's bundled copy of the UCI optical
handwritten digits (1 797 images of 8 x 8 pixels, 16 grey levels, ten classes of 174 to 183).

Handwriting at 8 x 8 is as far from Fashion-MNIST's clothes as the packages here allow, so a
default fitted to one set shows on the other. Writes each class's first PER_CLASS images to
TRAIN_DIR/DIGIT/ and, given HOLDOUT_DIR, the rest to HOLDOUT_DIR/DIGIT/, as 8-bit PNGs (grey
level x 255 / 16); the app scales them up to the network's input like any small image.

Usage: make_digits.py TRAIN_DIR PER_CLASS [HOLDOUT_DIR]
"""
import pathlib
import sys

import numpy as np
from PIL import Image
from sklearn.datasets import load_digits


def main():
    train, per_class = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    holdout = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else None
    digits = load_digits()
    seen = np.zeros(10, dtype=int)
    for index, (pixels, digit) in enumerate(zip(digits.images, digits.target)):
        root = train if seen[digit] < per_class else holdout
        seen[digit] += 1
        if root is None:
            continue
        folder = root / str(digit)
        folder.mkdir(parents=True, exist_ok=True)
        grey = np.round(pixels * (255.0 / 16.0)).astype(np.uint8)
        Image.fromarray(grey, mode="L").save(folder / f"digit_{index:04d}.png")
    if seen.min() <= per_class:
        sys.exit(f"PER_CLASS {per_class} leaves no held-out image of some digit (smallest class: {seen.min()})")


if __name__ == "__main__":
    main()
