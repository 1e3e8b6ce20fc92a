#!/usr/bin/python3
"""Writes test images of many kinds and, for each, the network input torchvision computes.

Usage: make_images.py OUT_DIR

The reference is torchvision's preprocessing of a PIL image: Resize((299, 299)) (PIL's
antialiased bilinear), ToTensor, ImageNet Normalize, then InceptionV3's transform_input,
which together map a pixel value v to v / 127.5 - 1. Images are first turned upright by their
EXIF orientation (torchvision's loader does not do that, but a user expects it), and JPEGs
at least twice 299 pixels on both sides are opened in PIL's draft mode (the decoder's own
downscaling), as the application decodes them.
"""
import io
import os
import sys

import numpy as np
import torch
from PIL import Image, ImageOps
from torchvision import transforms

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
TO_INPUT = transforms.Compose([transforms.Resize((299, 299)), transforms.ToTensor(),
                               transforms.Normalize(MEAN, STD)])


def transform_input(x):
    """torchvision's Inception3._transform_input for one CHW image."""
    return torch.stack([x[c] * (STD[c] / 0.5) + (MEAN[c] - 0.5) / 0.5 for c in range(3)])


def reference(image):
    return transform_input(TO_INPUT(image.convert("RGB"))).numpy().astype(np.float32)


def photo(width, height, seed):
    """Smooth colour fields with texture: compresses like a photograph, unlike noise."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    channels = [127 + 100 * np.sin(x / (17 + 9 * c) + c) * np.cos(y / (23 + 5 * c)) for c in range(3)]
    pixels = np.stack(channels, axis=-1) + rng.normal(0, 12, (height, width, 3))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    written = {}

    def save(name, image, **options):
        image.save(os.path.join(out, name), **options)
        opened = Image.open(os.path.join(out, name))
        # Large JPEGs come from the decoder's own 1/2, 1/4 or 1/8 scaling, as PIL's draft mode
        # gives it; draft() leaves other files alone.
        opened.draft("RGB", (299, 299))
        written[name] = reference(ImageOps.exif_transpose(opened))

    save("photo.jpg", photo(640, 480, 1), quality=90)
    save("wide_photo.png", photo(1200, 300, 2))
    save("small.bmp", photo(50, 40, 3))
    save("gray.png", photo(300, 200, 4).convert("L"))
    rgba = photo(320, 240, 5)
    rgba.putalpha(Image.linear_gradient("L").resize((320, 240)))
    save("alpha.png", rgba)
    save("palette.png", photo(200, 260, 6).quantize(64))
    save("cmyk.jpg", photo(240, 180, 7).convert("CMYK"), quality=95)
    save("lossless.webp", photo(330, 310, 8), lossless=True)
    save("tiff_image.tif", photo(160, 120, 9))
    save("猫 の写真.png", photo(310, 305, 10))

    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned; rotate 90 degrees clockwise to view
    save("rotated.jpg", photo(400, 300, 11), quality=92, exif=exif.tobytes())

    save("multipage.tif", photo(200, 150, 16), save_all=True, append_images=[photo(120, 90, 17)])
    photo(64, 48, 18).save(os.path.join(out, "animated.gif"), save_all=True, append_images=[photo(64, 48, 19)])
    save("large_photo.jpg", photo(1600, 1200, 13), quality=90)
    save("huge_photo.jpg", photo(2600, 2500, 14), quality=85)
    save("large_rotated.jpg", photo(1300, 700, 15), quality=90, exif=exif.tobytes())
    # 16-bit grey: PIL's convert("RGB") clips such data to 255. The application keeps the
    # high byte instead, so the reference is built from that 8-bit image.
    deep = (np.asarray(photo(280, 210, 12).convert("L"), dtype=np.uint16) * 257
            + np.random.default_rng(12).integers(0, 257, (210, 280), dtype=np.uint16))
    Image.fromarray(deep, "I;16").save(os.path.join(out, "deep16.png"))
    written["deep16.png"] = reference(Image.fromarray((deep >> 8).astype(np.uint8), "L"))

    for name, data in written.items():
        np.save(os.path.join(out, name + ".npy"), data)

    # Files that must be refused, each for its own reason.
    with open(os.path.join(out, "photo.jpg"), "rb") as f:
        jpeg = f.read()
    with open(os.path.join(out, "wide_photo.png"), "rb") as f:
        png = f.read()
    bad = {
        "empty.jpg": b"",
        "truncated.jpg": jpeg[: len(jpeg) // 2],
        "truncated.png": png[: len(png) // 2],
        "notes.png": b"these are not the pixels you are looking for\n" * 20,
    }
    for name, data in bad.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
