#pragma once

#include "images/image.h"

#include <vector>

namespace rs {

// Resizes with a triangle (bilinear) filter whose support widens with the reduction, i.e.
// antialiased, in the fixed-point arithmetic PIL uses: the result equals
// PIL.Image.resize(size, BILINEAR), which torchvision's Resize applies to PIL images.
RgbImage resizeBilinear(const RgbImage &image, int width, int height);

// The network input for one image: the whole image resized to size x size, as CHW floats
// scaled to [-1, 1] (v / 127.5 - 1), the range the Google InceptionV3 weights expect. This
// equals ImageNet normalisation followed by torchvision's transform_input.
std::vector<float> networkInput(const RgbImage &image, int size);

} // namespace rs
