#!/usr/bin/python3
"""The reference for a whole-network fine-tuning step: PyTorch's transfer-learning recipe
with torchvision.models.inception_v3 in eager mode. Every layer trains, BatchNorm keeps its
statistics (inference mode, scale and shift learn: retrain-cli's default), the auxiliary
classifier's loss is added with weight 0.4, SGD, one step on a whole batch of 299 x 299 images.

Usage: finetune_whole.py [BATCH=32] [STEPS=5] [THREADS=2] [PRECISION=fp32] [LAYOUT=channels_last]

PRECISION: fp32, or bf16 under torch.autocast("cpu", dtype=torch.bfloat16). LAYOUT:
channels_last (PyTorch's faster CPU layout, as ours) or contiguous (its default). The input is
a fixed random batch: the time is the network's alone (ours makes its distorted batches on
another thread meanwhile). Prints ms per image per step; the first step warms up.
"""
import resource
import sys
import time

import torch
import torchvision

batch, steps, threads, precision, layout = (sys.argv[1:] + ["32", "5", "2", "fp32", "channels_last"][len(sys.argv) - 1:])[:5]
batch, steps, threads = int(batch), max(2, int(steps)), int(threads)
torch.set_num_threads(threads)
torch.manual_seed(0)
model = torchvision.models.inception_v3(weights=None, aux_logits=True, init_weights=False)
model.fc = torch.nn.Linear(2048, 10)
model.AuxLogits.fc = torch.nn.Linear(768, 10)
fmt = torch.channels_last if layout == "channels_last" else torch.contiguous_format
model = model.to(memory_format=fmt)
model.train()
for m in model.modules():
    if isinstance(m, torch.nn.BatchNorm2d):
        m.eval()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
x = (torch.rand(batch, 3, 299, 299) * 2 - 1).to(memory_format=fmt)
y = torch.arange(batch) % 10

for step in range(steps):
    if step == 1:
        start = time.perf_counter()
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
        logits, aux = model(x)
        loss = torch.nn.functional.cross_entropy(logits.float(), y) + 0.4 * torch.nn.functional.cross_entropy(aux.float(), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
seconds = (time.perf_counter() - start) / (steps - 1)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("pytorch whole network, batch %d, %d threads, %s, %s: %.1f ms/img per step, peak RSS %.0f MiB"
      % (batch, threads, precision, layout, 1000 * seconds / batch, peak))
