#!/usr/bin/python3
"""The reference for a fine-tuning step: torchvision's InceptionV3 in Python PyTorch, the
blocks from BLOCK on trained with BatchNorm in inference mode (Keras's advice, retrain-cli's
default), SGD, a step on a whole batch; from cached cut-point activations and with the
frozen part run again.

Usage: finetune_step.py [BLOCK=Mixed_7b] [BATCH=16] [STEPS=6] [THREADS=2] [PRECISION=fp32]

PRECISION is the frozen part's: fp32, or bf16 under torch.autocast("cpu", dtype=torch.bfloat16);
the frozen part runs channels-last (PyTorch's faster CPU layout), as ours does. The trained
blocks run in float32, contiguous, on both sides.
"""
import sys
import time

import torch
import torchvision

block, batch, steps, threads, precision = (sys.argv[1:] + ["Mixed_7b", "16", "6", "2", "fp32"][len(sys.argv) - 1:])[:5]
batch, steps, threads = int(batch), int(steps), int(threads)
torch.set_num_threads(threads)
torch.manual_seed(0)
model = torchvision.models.inception_v3(weights=None, aux_logits=True, init_weights=False).eval()
names = ["Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "maxpool1", "Conv2d_3b_1x1", "Conv2d_4a_3x3",
         "maxpool2", "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b", "Mixed_6c", "Mixed_6d",
         "Mixed_6e", "Mixed_7a", "Mixed_7b", "Mixed_7c"]
first = names.index(block)
frozen = torch.nn.Sequential(*[getattr(model, n) for n in names[:first]])
trained = torch.nn.Sequential(*[getattr(model, n) for n in names[first:]])
head = torch.nn.Linear(2048, 10)
optimizer = torch.optim.SGD(list(trained.parameters()) + list(head.parameters()), lr=0.01)
x = torch.rand(batch, 3, 299, 299) * 2 - 1
y = torch.arange(batch) % 10

frozen = frozen.to(memory_format=torch.channels_last)
with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
    for _ in range(2):  # the second batch is timed, as in the C++ benchmark
        start = time.perf_counter()
        cut = frozen(x.to(memory_format=torch.channels_last))
frozen_seconds = time.perf_counter() - start
cut = cut.float().contiguous()

trained.train()
for m in trained.modules():
    if isinstance(m, torch.nn.BatchNorm2d):
        m.eval()
for step in range(steps):
    if step == 1:  # the first step warms up, as in the C++ benchmark
        start = time.perf_counter()
    logits = head(torch.flatten(torch.nn.functional.adaptive_avg_pool2d(trained(cut), 1), 1))
    loss = torch.nn.functional.cross_entropy(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
step_seconds = (time.perf_counter() - start) / (steps - 1)
print("python fine-tuning from %s, batch %d, %d threads, frozen part in %s: cached cut %.1f ms/img, frozen part %.1f ms/img, "
      "without the cache %.1f ms/img" % (block, batch, threads, precision, 1000 * step_seconds / batch,
                                         1000 * frozen_seconds / batch, 1000 * (step_seconds + frozen_seconds) / batch))
