#pragma once

#include <vector>

namespace rs {

// A tiny grey picture of an image, for comparing images with one another rather than with
// classes: luma (ITU-R 601, 0..1) averaged over a kSignatureSide x kSignatureSide grid of boxes
// (fractions of a pixel at their edges, as an area resize weighs them), row by row. It is taken
// from networkInput()'s size x size CHW values in [-1, 1], not from the decoded pixels: that
// resize brings every copy of a photo to one size first, and a copy enlarged by 1.5 then
// differs from its original by rounding only (docs/data-health.md has the measurement). It
// also shows a blank (flat) or noise (no correlation between neighbouring boxes) image for
// what it is.
constexpr int kSignatureSide = 16;
constexpr int kSignatureSize = kSignatureSide * kSignatureSide;
std::vector<float> imageSignature(const float *input, int size);

} // namespace rs
