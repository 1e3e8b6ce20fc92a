#pragma once

// Internal to core/health: the t-SNE optimisation behind embedFeatures.

#include "base/cancellation.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace rs {

// Symmetric affinities between points, summing to 1, row by row (compressed sparse rows).
struct SparseAffinities
{
    std::vector<std::int64_t> rowStart; // points + 1 entries
    std::vector<std::int32_t> column;
    std::vector<double> value;
};

// Moves the points of `map` (x0, y0, x1, y1, ...) by gradient descent on t-SNE's cost: the first
// third of the iterations (at most 250) with the attraction exaggerated 12 times and momentum
// 0.5, the rest with momentum 0.8, per-coordinate gains, and Barnes-Hut repulsion (theta 0.5)
// computed point by point over LibTorch's threads, so the result does not depend on their number.
void optimiseMap(const SparseAffinities &affinities, std::vector<double> &map, int iterations,
                 const std::function<void(int done, int total)> &progress, const CancelFlag *cancel);

} // namespace rs
