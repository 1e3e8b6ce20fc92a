#!/usr/bin/python3
"""A backbone for bench/quality_finetune.sh: make_reference.py's seeded InceptionV3 weights
with the BatchNorm running statistics measured on the bench's own images instead of random
data. Random-data statistics leave Fashion-MNIST images far from every layer's calibration
(bottleneck features average about 100), and with the statistics frozen such a network
multiplies gradients several hundredfold on the way back: fine-tuning it diverges at any
rate. Measured on the images, each BatchNorm normalises what it sees, as a pretrained
network's does on photos like its training set's.

Usage: calibrate_on_images.py OUT.pth IMAGE_DIR   (every image under IMAGE_DIR, once)
"""
import os
import sys

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
import make_reference  # noqa: E402


def network_input(path):
    """As retrain-cli's networkInput: RGB, bilinear to 299 x 299, pixels / 127.5 - 1."""
    image = Image.open(path).convert("RGB").resize((299, 299), Image.BILINEAR)
    return torch.from_numpy(np.asarray(image, dtype=np.float32) / 127.5 - 1).permute(2, 0, 1)


def main():
    out, image_dir = sys.argv[1], sys.argv[2]
    paths = sorted(os.path.join(d, f) for d, _, files in os.walk(image_dir) for f in files)
    model = make_reference.calibrated_inception()
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.reset_running_stats()
            module.momentum = None  # cumulative average over every batch
    model.train()
    with torch.no_grad():
        for start in range(0, len(paths), 25):
            model(torch.stack([network_input(p) for p in paths[start:start + 25]]))
    torch.save(model.eval().state_dict(), out)


if __name__ == "__main__":
    main()
