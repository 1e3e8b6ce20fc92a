#!/usr/bin/python3
"""Loads an export the way a Python user would and writes what it computes.

Usage: check_export.py EXPORT_DIR INPUT.npy OUT_DIR

Writes OUT_DIR/torchscript.npy (model.pt's probabilities for INPUT) and one .npy per tensor of
head.pth, named after its key.
"""
import os
import sys

import numpy as np
import torch

export, inputs, out = sys.argv[1:4]
model = torch.jit.load(os.path.join(export, "model.pt"))
with torch.no_grad():
    probabilities = model(torch.from_numpy(np.load(inputs)))
np.save(os.path.join(out, "torchscript.npy"), probabilities.numpy())
for key, tensor in torch.load(os.path.join(export, "head.pth")).items():
    np.save(os.path.join(out, key + ".npy"), tensor.numpy())
