#pragma once

#include "base/cancellation.h"
#include "model/featurematrix.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace rs {

struct EmbeddingOptions
{
    int pcaDimensions = 50; // the features are first projected on this many principal components
    double perplexity = 30; // about how many neighbours each point keeps close (lowered for few points)
    // Of which the first third (at most 250) exaggerate the attraction. 500 keeps 10 000 images
    // under 10 s on 2 cores (bench_embedding_scale: 8.4 s; 750 took 12.1 s for the same map quality
    // by that bench's measure).
    int iterations = 500;
    std::uint64_t seed = 0; // of the randomised PCA; same features, options and seed give the same map
};

// A 2-D map of feature rows in which images the features find alike lie close: the rows'
// principal components (a seeded randomised PCA), then t-SNE (van der Maaten) on them with
// affinities over each point's 3 x perplexity nearest neighbours and Barnes-Hut repulsion
// (theta 0.5), started from the first two components. Returns x0, y0, x1, y1, ... The work is
// split over LibTorch's threads without changing the result. `progress` gets the iterations
// done and their number; throws Cancelled when `cancel` is set, std::invalid_argument for fewer
// than 3 rows.
std::vector<float> embedFeatures(const FeatureMatrix &features, const EmbeddingOptions &options = {},
                                 const std::function<void(int done, int total)> &progress = {},
                                 const CancelFlag *cancel = nullptr);

} // namespace rs
