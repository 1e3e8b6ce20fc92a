#pragma once

#include "features/labelledfeatures.h"

#include <cstdint>
#include <vector>

namespace rs {

// Rows of `all`, in the order given.
LabelledFeatures rowsOf(const LabelledFeatures &all, const std::vector<std::int64_t> &rows);

// `a`'s rows, then `b`'s.
LabelledFeatures joined(const LabelledFeatures &a, const LabelledFeatures &b);

// k folds over rows labelled `labels`: each class's rows dealt round-robin in row order, so
// every fold holds its share of every class. Each fold's rows are ascending.
std::vector<std::vector<std::int64_t>> stratifiedFolds(const std::vector<int> &labels, int classCount, int folds);

// The rows outside fold `k`, ascending.
std::vector<std::int64_t> rowsOutside(const std::vector<std::vector<std::int64_t>> &folds, int k);

} // namespace rs
