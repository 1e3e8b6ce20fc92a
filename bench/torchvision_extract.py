#!/usr/bin/python3
"""The reference for feature extraction: Python torchvision doing the same work as
`retrain-cli features` on a folder of class folders.

Usage: torchvision_extract.py IMAGE_ROOT THREADS

ImageFolder + DataLoader (2 worker processes, batch 16) + inception_v3 with fc = Identity in
inference mode, channels-last (PyTorch's faster CPU layout for convolutions), float32,
seeded random weights (the same compute as pretrained ones). Prints the number of images and
the feature shape.
"""
import sys

import torch
import torchvision
from torchvision import transforms

root, threads = sys.argv[1], int(sys.argv[2])
torch.set_num_threads(threads)
torch.manual_seed(0)
preprocess = transforms.Compose([
    transforms.Resize((299, 299)),
    transforms.ToTensor(),
    transforms.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225)),
])
loader = torch.utils.data.DataLoader(torchvision.datasets.ImageFolder(root, preprocess),
                                     batch_size=16, num_workers=2)
model = torchvision.models.inception_v3(weights=None, aux_logits=True, init_weights=False,
                                        transform_input=True)
model.fc = torch.nn.Identity()
model.eval()
model = model.to(memory_format=torch.channels_last)
features = []
with torch.inference_mode():
    for images, _ in loader:
        features.append(model(images.to(memory_format=torch.channels_last)))
features = torch.cat(features)
print(len(features), tuple(features.shape))
