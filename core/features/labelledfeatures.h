#pragma once

#include "features/packrows.h"
#include "model/featurematrix.h"

#include <memory>
#include <vector>

namespace rs {

// Rows of features with their labels: in memory, or, for a training set too large for it,
// left in the cache on disk (`packed`; `features` is then empty).
struct LabelledFeatures
{
    FeatureMatrix features;
    std::vector<int> labels;
    std::shared_ptr<const PackRows> packed;

    std::int64_t rows() const { return packed ? packed->rows() : features.rows; }
    std::int64_t cols() const { return packed ? packed->cols() : features.cols; }
};

} // namespace rs
