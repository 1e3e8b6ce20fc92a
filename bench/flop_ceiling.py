#!/usr/bin/python3
"""The compute ceiling extraction is measured against: the fastest this machine runs a large,
compute-bound convolution (8 x 256 x 56 x 56 input, 256 3x3 filters, channels-last, oneDNN
through PyTorch), in float32 and bfloat16. Prints "fp32 GFLOP/s bf16 GFLOP/s", medians of 5.

Usage: flop_ceiling.py THREADS
"""
import statistics
import sys
import time

import torch

torch.set_num_threads(int(sys.argv[1]))
n, c, size = 8, 256, 56
flop = 2 * n * c * size * size * c * 9
results = []
for dtype in (torch.float32, torch.bfloat16):
    x = torch.randn(n, c, size, size).to(dtype).contiguous(memory_format=torch.channels_last)
    w = torch.randn(c, c, 3, 3).to(dtype).contiguous(memory_format=torch.channels_last)
    with torch.inference_mode():
        torch.nn.functional.conv2d(x, w, padding=1)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            torch.nn.functional.conv2d(x, w, padding=1)
            times.append(time.perf_counter() - start)
    results.append(flop / statistics.median(times) / 1e9)
print(f"{results[0]:.0f} {results[1]:.0f}")
