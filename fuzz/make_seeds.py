#!/usr/bin/python3
"""Writes the seed corpora of the fuzz targets: small valid inputs of every kind the readers
accept, so the fuzzer starts from deep inside each format rather than from random bytes.

Usage: make_seeds.py OUT_DIR   (writes OUT_DIR/weights and OUT_DIR/image)
The weight seeds also include the crafted files of tests/python/make_hostile_weights.py.
"""
import collections
import io
import os
import subprocess
import sys

import numpy as np
import torch
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def weight_seeds(out):
    torch.manual_seed(0)
    base = torch.randn(3, 4)
    dicts = {
        "float32": collections.OrderedDict(w=base, b=torch.randn(3)),
        "views": collections.OrderedDict(t=base.t(), row=base[1], tail=base.flatten()[5:], empty=base[:0]),
        "dtypes": collections.OrderedDict(h=base.half(), bf=base.bfloat16(), d=base.double(),
                                          i=torch.arange(6), b=torch.tensor([True, False]),
                                          u=torch.arange(4, dtype=torch.uint8), s=torch.tensor(2.5)),
        "parameter": collections.OrderedDict(p=torch.nn.Parameter(base)),
        "module": torch.nn.Sequential(torch.nn.Conv2d(2, 3, 3), torch.nn.BatchNorm2d(3)).state_dict(),
    }
    for name, state in dicts.items():
        torch.save(state, os.path.join(out, name + ".pth"))
        torch.save(state, os.path.join(out, name + "-legacy.pth"), _use_new_zipfile_serialization=False)
    subprocess.run([sys.executable, os.path.join(HERE, "..", "tests", "python", "make_hostile_weights.py"), out],
                   check=True, stdout=subprocess.DEVNULL)


def pattern(width, height, seed):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack([x * 7 % 256, y * 5 % 256, (x + y) * 3 % 256], axis=-1) + rng.integers(0, 16, (height, width, 3))
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")


def image_seeds(out):
    rgb = pattern(24, 20, 1)

    def save(name, image, **options):
        image.save(os.path.join(out, name), **options)

    save("baseline.jpg", rgb, quality=80)
    save("progressive.jpg", rgb, progressive=True)
    save("grey.jpg", rgb.convert("L"))
    save("cmyk.jpg", rgb.convert("CMYK"))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise
    save("rotated.jpg", rgb, exif=exif.tobytes())
    save("draft.jpg", pattern(160, 136, 2), quality=70)  # decoded at 1/2 to 1/8 for small targets
    save("rgb.png", rgb)
    save("grey-alpha.png", rgb.convert("LA"))
    save("palette.png", rgb.convert("P"))
    save("interlaced.png", rgb, interlace=1)
    sixteen = Image.fromarray((np.asarray(rgb.convert("L"), dtype=np.uint16) * 257), "I;16")
    save("sixteen.png", sixteen)
    save("rgb.bmp", rgb)
    save("palette.bmp", rgb.convert("P"))
    save("lossy.webp", rgb, quality=60)
    save("lossless.webp", rgb.convert("RGBA"), lossless=True)
    save("plain.tif", rgb)
    save("lzw.tif", rgb, compression="tiff_lzw")
    save("pages.tif", rgb, save_all=True, append_images=[rgb.convert("L")])
    save("animated.gif", rgb.convert("P"), save_all=True, append_images=[rgb.rotate(90).convert("P")])
    buffer = io.BytesIO()
    rgb.save(buffer, "PPM")  # a format OpenCV reads but the application does not
    with open(os.path.join(out, "image.ppm"), "wb") as f:
        f.write(buffer.getvalue())


def main():
    out = sys.argv[1]
    for kind, write in (("weights", weight_seeds), ("image", image_seeds)):
        folder = os.path.join(out, kind)
        os.makedirs(folder, exist_ok=True)
        write(folder)


if __name__ == "__main__":
    main()
