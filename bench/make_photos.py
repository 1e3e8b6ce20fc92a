#!/usr/bin/python3
"""Writes COUNT camera-sized JPEG photos (1600x1200, quality 90) into three class folders.

Usage: make_photos.py OUT_DIR COUNT
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
from make_images import photo  # noqa: E402  (the tests' photo-like image generator)

out, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    folder = os.path.join(out, "class_%d" % (i % 3))
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "photo_%04d.jpg" % i)
    if not os.path.exists(path):
        photo(1600, 1200, 1000 + i).save(path, quality=90)
