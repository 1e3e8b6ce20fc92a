#include "images/signature.h"

#include <algorithm>
#include <cstdint>

namespace rs {
namespace {

// How much of one pixel falls in each of kSignatureSide equal boxes over `length` pixels, as an
// area resize weighs them: fractions at the boxes' edges.
struct Share
{
    int box;
    double weight;
};

std::vector<std::vector<Share>> boxShares(int length)
{
    std::vector<std::vector<Share>> shares(static_cast<std::size_t>(length));
    const double perBox = double(length) / kSignatureSide;
    for (int b = 0; b < kSignatureSide; ++b) {
        const double first = b * perBox, last = (b + 1) * perBox;
        for (int p = int(first); p < length && p < last; ++p)
            shares[std::size_t(p)].push_back({b, (std::min(last, p + 1.0) - std::max(first, double(p))) / perBox});
    }
    return shares;
}

} // namespace

std::vector<float> imageSignature(const float *input, int size)
{
    std::vector<float> signature(std::size_t(kSignatureSize), 0.0f);
    if (size <= 0)
        return signature;
    const std::vector<std::vector<Share>> shares = boxShares(size);
    const std::size_t plane = std::size_t(size) * std::size_t(size);
    // Rows first: each input row reduced to the grid's columns, then the rows weighed into boxes.
    std::vector<double> columns(static_cast<std::size_t>(kSignatureSide));
    std::vector<double> sums(std::size_t(kSignatureSize), 0.0);
    for (int y = 0; y < size; ++y) {
        std::fill(columns.begin(), columns.end(), 0.0);
        const float *red = input + std::size_t(y) * std::size_t(size);
        for (int x = 0; x < size; ++x) {
            const double luma = (0.299 * red[x] + 0.587 * red[plane + std::size_t(x)] + 0.114 * red[2 * plane + std::size_t(x)] + 1.0) / 2.0;
            for (const Share &share : shares[std::size_t(x)])
                columns[std::size_t(share.box)] += luma * share.weight;
        }
        for (const Share &share : shares[std::size_t(y)])
            for (int c = 0; c < kSignatureSide; ++c)
                sums[std::size_t(share.box * kSignatureSide + c)] += share.weight * columns[std::size_t(c)];
    }
    std::copy(sums.begin(), sums.end(), signature.begin());
    return signature;
}

} // namespace rs
