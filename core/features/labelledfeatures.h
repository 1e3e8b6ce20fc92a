#pragma once

#include "model/featurematrix.h"

#include <vector>

namespace rs {

struct LabelledFeatures
{
    FeatureMatrix features;
    std::vector<int> labels;
};

} // namespace rs
