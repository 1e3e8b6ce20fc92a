#!/usr/bin/python3
"""Writes the reference data the C++ tests compare against, using Debian's python3-torchvision.

Usage: make_reference.py OUT_DIR

Everything is seeded, so the files are the same on every run. The model's weights are
torchvision's random initialisation with BatchNorm running statistics calibrated on random data:
with the initial statistics (mean 0, variance 1) eval-mode activations grow to ~1e12.
"""
import collections
import copy
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
    write_gradients(model, x, out)


# Parameters whose gradients test_wholenetwork compares, from the first layer to the last.
GRADIENT_PARAMETERS = ["Conv2d_1a_3x3.conv.weight", "Conv2d_1a_3x3.bn.weight", "Mixed_5b.branch5x5_2.conv.weight",
                       "Mixed_6e.branch7x7_1.bn.bias", "Mixed_7c.branch_pool.conv.weight",
                       "AuxLogits.conv0.conv.weight", "AuxLogits.fc.weight", "fc.weight"]


def write_gradients(model, x, out):
    """Whole-network fine-tuning's gradients as PyTorch's recipe computes them: training mode
    with BatchNorm statistics frozen, loss = main + 0.4 * auxiliary, the main classifier on the
    pooled bottleneck (no dropout, which would make them random). In float64, the exact ones to
    compare with, and in float32: these weights' gradients grow about 250-fold from the
    classifier to the first layer, and PyTorch's own float32 rounding moves the early layers'
    by about 2 %, the yardstick for ours."""
    for dtype, suffix in ((torch.float64, "64"), (torch.float32, "32")):
        net = copy.deepcopy(model).to(dtype)
        net.transform_input = False
        net.train()
        for module in net.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.eval()
        seen = {}
        hook = net.avgpool.register_forward_hook(lambda m, i, o: seen.__setitem__("pool", o.flatten(1)))
        _, aux = net(x.to(dtype))
        hook.remove()
        y = torch.tensor([3, 7])
        loss = torch.nn.functional.cross_entropy(net.fc(seen["pool"]), y) + 0.4 * torch.nn.functional.cross_entropy(aux, y)
        loss.backward()
        parameters = dict(net.named_parameters())
        for name in GRADIENT_PARAMETERS:
            save_npy(out, "grad%s_%s.npy" % (suffix, name), parameters[name].grad.float())


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
