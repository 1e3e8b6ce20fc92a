#pragma once

#include <cstdint>
#include <vector>

namespace rs {

// Row-major features, one row per image.
struct FeatureMatrix
{
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::vector<float> values;

    const float *row(std::int64_t r) const { return values.data() + r * cols; }
};

} // namespace rs
