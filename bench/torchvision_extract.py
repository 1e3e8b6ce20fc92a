#!/usr/bin/python3
"""The reference for feature extraction: Python torchvision doing the same work as
`retrain-cli features` on a folder of class folders.

Usage: torchvision_extract.py IMAGE_ROOT THREADS [PRECISION=fp32]

ImageFolder + DataLoader (2 worker processes, batch 16) + inception_v3 with fc = Identity in
inference mode, channels-last (PyTorch's faster CPU layout for convolutions), seeded random
weights (the same compute as pretrained ones). PRECISION fp32, or bf16 under
torch.autocast("cpu", dtype=torch.bfloat16), PyTorch's own bfloat16 path, or int8:
torchvision's quantizable InceptionV3 (torchvision.models.quantization) as its recipe has it,
fuse_model(), then post-training static quantization with the onednn engine's default qconfig
(weights per channel, activations by histogram), calibrated on the first 16 images, in the
same process and counted in its time, as ours calibrates on 16.

Decoding does the same work as ours: a JPEG is opened in PIL's draft mode for 299 x 299, so
the decoder itself scales a large one by 1/2, 1/4 or 1/8 while both sides stay >= 299, as
retrain-cli's decoder does (other files are decoded whole on both sides). The resize is
PIL's antialiased bilinear to 299 x 299, as ours.

Prints the number of images and the feature shape.
"""
import sys

import torch
import torchvision
from PIL import Image
from torchvision import transforms


def load(path):
    with open(path, "rb") as f:
        image = Image.open(f)
        image.draft("RGB", (299, 299))
        return image.convert("RGB")


root, threads = sys.argv[1], int(sys.argv[2])
precision = sys.argv[3] if len(sys.argv) > 3 else "fp32"
if precision not in ("fp32", "bf16", "int8"):
    sys.exit("PRECISION must be fp32, bf16 or int8")
torch.set_num_threads(threads)
torch.manual_seed(0)
preprocess = transforms.Compose([
    transforms.Resize((299, 299)),
    transforms.ToTensor(),
    transforms.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225)),
])
loader = torch.utils.data.DataLoader(torchvision.datasets.ImageFolder(root, preprocess, loader=load),
                                     batch_size=16, num_workers=2)
if precision == "int8":
    torch.backends.quantized.engine = "onednn"
    model = torchvision.models.quantization.inception_v3(weights=None, quantize=False, aux_logits=True,
                                                         init_weights=False, transform_input=True)
    model.fc = torch.nn.Identity()
    model.eval()
    model.fuse_model()
    model.qconfig = torch.ao.quantization.get_default_qconfig("onednn")
    torch.ao.quantization.prepare(model, inplace=True)
    with torch.inference_mode():
        model(next(iter(loader))[0])
    torch.ao.quantization.convert(model, inplace=True)
else:
    model = torchvision.models.inception_v3(weights=None, aux_logits=True, init_weights=False,
                                            transform_input=True)
    model.fc = torch.nn.Identity()
    model.eval()
model = model.to(memory_format=torch.channels_last)
features = []
with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
    for images, _ in loader:
        features.append(model(images.to(memory_format=torch.channels_last)).float())
features = torch.cat(features)
print(len(features), tuple(features.shape))
