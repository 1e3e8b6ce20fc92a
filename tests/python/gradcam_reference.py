#!/usr/bin/env python3
"""Grad-CAM as pytorch-grad-cam computes it, with torchvision's InceptionV3 and hooks on a stage.

    gradcam_reference.py WEIGHTS HEAD|- INPUT.npy STAGE LABEL OUT.npy

WEIGHTS: a torchvision InceptionV3 state dict. HEAD: a Retrain Studio head.pth (fc, and hidden
when it has one), applied to the pooled bottleneck; "-" for the network's own ImageNet logits. INPUT: N x 3 x 299 x 299 network inputs. Writes N maps (N x side x side):
ReLU(sum_k w_k A_k) / max, w_k the grid mean of d score / d A_k.
"""
import sys

import numpy as np
import torch
import torchvision


def head_from(path):
    state = torch.load(path)
    fc = torch.nn.Linear(state["fc.weight"].shape[1], state["fc.weight"].shape[0])
    fc.load_state_dict({"weight": state["fc.weight"], "bias": state["fc.bias"]})
    if "hidden.weight" not in state:
        return fc
    hidden = torch.nn.Linear(state["hidden.weight"].shape[1], state["hidden.weight"].shape[0])
    hidden.load_state_dict({"weight": state["hidden.weight"], "bias": state["hidden.bias"]})
    return torch.nn.Sequential(hidden, torch.nn.ReLU(), fc)


def main():
    weights, head_path, input_path, stage, label, out = sys.argv[1:7]
    model = torchvision.models.inception_v3(weights=None, aux_logits=True, init_weights=False)
    model.load_state_dict(torch.load(weights))
    model.transform_input = False
    model.eval()
    head = None if head_path == "-" else head_from(head_path)

    seen = {}

    def keep(module, inputs, output):
        output.register_hook(lambda grad: seen.__setitem__("gradient", grad))
        seen["activation"] = output

    getattr(model, stage).register_forward_hook(keep)
    maps = []
    for image in torch.from_numpy(np.load(input_path)):
        x = image.unsqueeze(0)
        if head is None:
            logits = model(x)
        else:
            pooled = {}
            model.avgpool.register_forward_hook(lambda m, i, o: pooled.__setitem__("features", o.flatten(1)))
            model(x)
            model.avgpool._forward_hooks.clear()
            logits = head(pooled["features"])
        model.zero_grad()
        logits[0, int(label)].backward()
        weights_k = seen["gradient"].mean(dim=(2, 3), keepdim=True)
        cam = torch.relu((weights_k * seen["activation"]).sum(1))[0].detach()
        if cam.max() > 0:
            cam = cam / cam.max()
        maps.append(cam.numpy())
    np.save(out, np.stack(maps).astype(np.float32))


if __name__ == "__main__":
    main()
