#!/usr/bin/python3
"""The model-only reference: torchvision's InceptionV3 on random 299 x 299 inputs, no decoding,
as bench_model_throughput times ours (one warm-up batch, then BATCHES timed ones).

Usage: torchvision_model.py PRECISION(fp32|bf16|int8) BATCH BATCHES THREADS

The models are built as bench/torchvision_extract.py builds them (channels-last, fc =
Identity, inference mode; bf16 under autocast; int8 the quantizable model, fused and
calibrated on one batch of random inputs with the onednn qconfig). Prints
"PRECISION img/s" and, for int8, the cosine of its features to the float model's on the
timed batch, whose weights it shares.
"""
import sys
import time

import torch
import torchvision

precision, batch, batches, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(threads)
torch.manual_seed(0)
x = (torch.rand(batch, 3, 299, 299) * 2 - 1).contiguous(memory_format=torch.channels_last)


def float_model():
    model = torchvision.models.quantization.inception_v3(weights=None, quantize=False, aux_logits=True,
                                                         init_weights=True, transform_input=False)
    model.fc = torch.nn.Identity()
    return model.eval()


model = float_model()
reference = None
if precision == "int8":
    torch.backends.quantized.engine = "onednn"
    with torch.inference_mode():
        reference = model(x)
    model.fuse_model()
    model.qconfig = torch.ao.quantization.get_default_qconfig("onednn")
    torch.ao.quantization.prepare(model, inplace=True)
    with torch.inference_mode():
        model(x)
    torch.ao.quantization.convert(model, inplace=True)
model = model.to(memory_format=torch.channels_last)
with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
    out = model(x)
    start = time.perf_counter()
    for _ in range(batches):
        out = model(x)
    seconds = time.perf_counter() - start
line = f"{precision} {batch * batches / seconds:.1f}"
if reference is not None:
    line += f" cosine {torch.nn.functional.cosine_similarity(out.float(), reference, dim=1).min().item():.5f}"
print(line)
