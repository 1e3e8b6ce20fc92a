#!/usr/bin/python3
"""Writes the reference data the C++ tests compare against, using Debian's python3-torchvision.

Usage: make_reference.py OUT_DIR

Everything is seeded, so the files are the same on every run. The model's weights are
torchvision's random initialisation with BatchNorm running statistics calibrated on random data:
with the initial statistics (mean 0, variance 1) eval-mode activations grow to ~1e12.
"""
import collections
import os
import sys

import numpy as np
import torch
import torchvision

SEED = 20261128


def calibrated_inception():
    torch.manual_seed(SEED)
    model = torchvision.models.inception_v3(weights=None, aux_logits=True, init_weights=True)
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.momentum = None  # cumulative average over the calibration passes
    model.train()
    with torch.no_grad():
        for _ in range(3):
            model(torch.rand(4, 3, 299, 299) * 2 - 1)
    return model.eval()


def activations(model, x):
    """Logits, the pooled bottleneck and Mixed_6e's output for input x."""
    seen = {}
    hooks = [model.avgpool.register_forward_hook(lambda m, i, o: seen.__setitem__("pool", o.flatten(1))),
             model.Mixed_6e.register_forward_hook(lambda m, i, o: seen.__setitem__("mixed_6e", o))]
    with torch.no_grad():
        logits = model(x)
    for h in hooks:
        h.remove()
    return logits, seen["pool"], seen["mixed_6e"]


def save_npy(out, name, tensor):
    np.save(os.path.join(out, name), np.array(tensor.detach().numpy(), dtype=np.float32, order="C"))


class RunsACommand:
    """What an attacker's .pth holds: unpickling it would call os.system."""

    def __reduce__(self):
        return (os.system, ("touch pwned-by-pickle",))


def write_model_files(out):
    model = calibrated_inception()
    state = model.state_dict()
    torch.save(state, os.path.join(out, "inception_zip.pth"))
    torch.save(state, os.path.join(out, "inception_legacy.pth"), _use_new_zipfile_serialization=False)

    mixed = collections.OrderedDict(state)
    mixed["fc.weight"] = mixed["fc.weight"].half()
    mixed["Conv2d_1a_3x3.conv.weight"] = mixed["Conv2d_1a_3x3.conv.weight"].double()
    torch.save(mixed, os.path.join(out, "inception_mixed_dtypes.pth"))

    with open(os.path.join(out, "inception_keys.txt"), "w") as f:
        for key, tensor in state.items():
            f.write("%s %s\n" % (key, "x".join(str(n) for n in tensor.shape) or "scalar"))

    torch.manual_seed(SEED + 1)
    x = torch.rand(2, 3, 299, 299) * 2 - 1
    save_npy(out, "input.npy", x)
    for transform in (False, True):
        model.transform_input = transform
        logits, pool, mixed_6e = activations(model, x)
        suffix = "_transform" if transform else ""
        save_npy(out, "logits%s.npy" % suffix, logits)
        save_npy(out, "pool%s.npy" % suffix, pool)
        save_npy(out, "mixed_6e%s.npy" % suffix, mixed_6e)


def write_small_files(out):
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    tiny = collections.OrderedDict()
    tiny["matrix"] = base
    tiny["row_view"] = base[1]           # shares the storage, with an offset
    tiny["transposed"] = base.t()        # shares the storage, not contiguous
    tiny["half"] = torch.linspace(-2, 2, 5).half()
    tiny["double"] = torch.tensor([0.1, 1e-30, 3.0], dtype=torch.float64)
    tiny["counter"] = torch.tensor(7)
    tiny["empty"] = torch.zeros(0, 3)
    torch.save(tiny, os.path.join(out, "tiny_zip.pth"))
    torch.save(tiny, os.path.join(out, "tiny_legacy.pth"), _use_new_zipfile_serialization=False)
    for key, tensor in tiny.items():
        np.save(os.path.join(out, "tiny_%s.npy" % key), np.array(tensor.to(torch.float32).numpy(), order="C"))

    torch.save(RunsACommand(), os.path.join(out, "evil_zip.pth"))
    torch.save(RunsACommand(), os.path.join(out, "evil_legacy.pth"), _use_new_zipfile_serialization=False)
    torch.save([torch.zeros(2)], os.path.join(out, "not_a_dict.pth"))
    torch.save(torch.nn.Linear(3, 2).state_dict(), os.path.join(out, "wrong_model.pth"))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.set_num_threads(1)  # the exact arithmetic the tolerance was set against
    write_small_files(out)
    write_model_files(out)


if __name__ == "__main__":
    main()
