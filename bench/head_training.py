#!/usr/bin/python3
"""The reference for head training: the same loop as retrain-cli's in Python PyTorch.

Usage: head_training.py [IMAGES=1000] [STEPS=10000] [BATCH=100] [THREADS=2]

Synthetic 2048-d features of ten classes, a Linear head, cross-entropy, SGD with
retrain-cli's default exponential learning-rate decay, random batches with replacement and a
validation pass every 100 steps.
"""
import math
import sys
import time

import torch

images, steps, batch, threads = (int(a) for a in (sys.argv[1:] + ["1000", "10000", "100", "2"][len(sys.argv) - 1:]))
torch.set_num_threads(threads)
torch.manual_seed(1)
classes, size = 10, 2048
labels = torch.arange(images) % classes
x = torch.rand(images, size) + 0.5 * (torch.arange(size)[None, :] % classes == labels[:, None])
vx, vy = x[: images // 8], labels[: images // 8]
head = torch.nn.Linear(size, classes)
optimizer = torch.optim.SGD(head.parameters(), lr=0.1)
start = time.perf_counter()
for step in range(steps):
    for group in optimizer.param_groups:
        group["lr"] = 0.001 + (0.1 - 0.001) * math.exp(-step / steps)
    index = torch.randint(images, (batch,))
    loss = torch.nn.functional.cross_entropy(head(x[index]), labels[index])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if (step + 1) % 100 == 0:
        with torch.no_grad():
            torch.nn.functional.cross_entropy(head(vx), vy).item()
seconds = time.perf_counter() - start
print("python head training: %d steps, batch %d, %d images, %d threads: %.2f s (%.0f us/step)"
      % (steps, batch, images, threads, seconds, 1e6 * seconds / steps))
