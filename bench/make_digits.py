#!/usr/bin/python3
"""The quality benches' second dataset: scikit-learn's bundled copy of the UCI optical
handwritten digits (1 797 images of 8 x 8 pixels, 16 grey levels, ten classes of 174 to 183).

Handwriting at 8 x 8 is as far from Fashion-MNIST's clothes as the packages here allow, so a
default fitted to one set shows on the other. Writes each class's first PER_CLASS images to
DIR/train/DIGIT/ and the rest to DIR/holdout/DIGIT/, as 8-bit PNGs (grey level x 255 / 16);
the app scales them up to the network's input like any small image.

Usage: make_digits.py DIR PER_CLASS
"""
import pathlib
import sys

import numpy as np
from PIL import Image
from sklearn.datasets import load_digits


def main():
    out, per_class = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    digits = load_digits()
    seen = np.zeros(10, dtype=int)
    for index, (pixels, digit) in enumerate(zip(digits.images, digits.target)):
        part = "train" if seen[digit] < per_class else "holdout"
        seen[digit] += 1
        folder = out / part / str(digit)
        folder.mkdir(parents=True, exist_ok=True)
        grey = np.round(pixels * (255.0 / 16.0)).astype(np.uint8)
        Image.fromarray(grey, mode="L").save(folder / f"digit_{index:04d}.png")
    if seen.min() <= per_class:
        sys.exit(f"PER_CLASS {per_class} leaves no held-out image of some digit (smallest class: {seen.min()})")


if __name__ == "__main__":
    main()
