#include "images/preprocess.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace rs {
namespace {

// PIL's fixed-point precision for 8-bit images: 32 bits minus 8 for the pixel, minus 2 spare.
// Sums fit 32 bits as in PIL: the (non-negative) weights add up to 2^22 give or take rounding,
// so 255 times them plus the rounding half stays below 2^31.
constexpr int kPrecisionBits = 32 - 8 - 2;

// For each output position, the first input index and the integer weights of its window.
struct Taps
{
    std::vector<int> first;
    std::vector<int> count;
    std::vector<std::int32_t> weights; // `window` per output position
    int window = 0;
};

Taps computeTaps(int inSize, int outSize)
{
    const double scale = double(inSize) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = 1.0 * filterScale; // the triangle filter reaches 1 unit each side
    Taps taps;
    taps.window = int(std::ceil(support)) * 2 + 1;
    taps.first.resize(outSize);
    taps.count.resize(outSize);
    taps.weights.assign(std::size_t(outSize) * taps.window, 0);
    std::vector<double> w(taps.window);
    for (int o = 0; o < outSize; ++o) {
        const double center = (o + 0.5) * scale;
        const int lo = std::max(0, int(center - support + 0.5));
        const int hi = std::min(inSize, int(center + support + 0.5));
        const int n = hi - lo;
        double total = 0.0;
        for (int k = 0; k < n; ++k) {
            const double x = std::abs((k + lo - center + 0.5) / filterScale);
            w[k] = x < 1.0 ? 1.0 - x : 0.0;
            total += w[k];
        }
        for (int k = 0; k < n; ++k) {
            const double normalised = total != 0.0 ? w[k] / total : 0.0;
            const double fixed = normalised * (1 << kPrecisionBits);
            taps.weights[std::size_t(o) * taps.window + k] = std::int32_t(fixed < 0 ? fixed - 0.5 : fixed + 0.5);
        }
        taps.first[o] = lo;
        taps.count[o] = n;
    }
    return taps;
}

std::uint8_t clip8(std::int32_t accumulated)
{
    const std::int32_t v = accumulated >> kPrecisionBits;
    return std::uint8_t(std::clamp<std::int32_t>(v, 0, 255));
}

RgbImage resizeHorizontal(const RgbImage &in, int width)
{
    const Taps taps = computeTaps(in.width, width);
    RgbImage out{width, in.height, std::vector<std::uint8_t>(std::size_t(width) * in.height * 3)};
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t *row = in.pixels.data() + std::size_t(y) * in.width * 3;
        std::uint8_t *dst = out.pixels.data() + std::size_t(y) * width * 3;
        for (int x = 0; x < width; ++x) {
            const std::int32_t *k = taps.weights.data() + std::size_t(x) * taps.window;
            std::int32_t acc[3] = {1 << (kPrecisionBits - 1), 1 << (kPrecisionBits - 1), 1 << (kPrecisionBits - 1)};
            const std::uint8_t *px = row + std::size_t(taps.first[x]) * 3;
            for (int i = 0; i < taps.count[x]; ++i, px += 3) {
                acc[0] += std::int32_t(px[0]) * k[i];
                acc[1] += std::int32_t(px[1]) * k[i];
                acc[2] += std::int32_t(px[2]) * k[i];
            }
            for (int c = 0; c < 3; ++c)
                dst[x * 3 + c] = clip8(acc[c]);
        }
    }
    return out;
}

RgbImage resizeVertical(const RgbImage &in, int height)
{
    const Taps taps = computeTaps(in.height, height);
    const std::size_t rowLength = std::size_t(in.width) * 3;
    RgbImage out{in.width, height, std::vector<std::uint8_t>(rowLength * height)};
    std::vector<std::int32_t> acc(rowLength);
    for (int y = 0; y < height; ++y) {
        std::fill(acc.begin(), acc.end(), std::int32_t(1) << (kPrecisionBits - 1));
        const std::int32_t *k = taps.weights.data() + std::size_t(y) * taps.window;
        for (int i = 0; i < taps.count[y]; ++i) {
            const std::uint8_t *src = in.pixels.data() + std::size_t(taps.first[y] + i) * rowLength;
            for (std::size_t j = 0; j < rowLength; ++j)
                acc[j] += std::int32_t(src[j]) * k[i];
        }
        std::uint8_t *dst = out.pixels.data() + std::size_t(y) * rowLength;
        for (std::size_t j = 0; j < rowLength; ++j)
            dst[j] = clip8(acc[j]);
    }
    return out;
}

} // namespace

RgbImage resizeBilinear(const RgbImage &image, int width, int height)
{
    // PIL resamples horizontally first, rounding to 8 bits between the passes.
    RgbImage out = image.width == width ? image : resizeHorizontal(image, width);
    if (out.height != height)
        out = resizeVertical(out, height);
    return out;
}

std::vector<float> networkInput(const RgbImage &image, int size)
{
    const RgbImage resized = resizeBilinear(image, size, size);
    const std::size_t plane = std::size_t(size) * size;
    std::vector<float> chw(plane * 3);
    for (std::size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c)
            chw[c * plane + i] = float(resized.pixels[i * 3 + c]) / 127.5f - 1.0f;
    return chw;
}

} // namespace rs
