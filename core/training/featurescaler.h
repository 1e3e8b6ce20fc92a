#pragma once

// Internal to core/: the training loop's per-dimension standardisation.

#include "features/labelledfeatures.h"

#include <ATen/core/Tensor.h>
#include <torch/nn/modules/linear.h>

#include <vector>

namespace rs {

// Per-dimension standardisation with the training rows' mean and standard deviation, computed
// in float64. It makes training independent of the features' scale and offset: on ReLU-pooled
// features, which are all positive, scaling without centring leaves one large common direction
// that SGD crawls along (bench/quality.sh's bottleneck features, weight decay 1e-2: 74.7 %
// test accuracy scaled only, 79.5 % centred too). It folds into the first layer,
// W (s (x - m)) + b = (W s) x + (b - (W s) m), so exports still take raw features.
// Plain loops: Debian's LibTorch is slow at these element-wise double conversions (a 1-step
// head on 2 450 x 2 048 standardised features: 1.1 s with them, 0.1 s as loops), a cost
// --tune pays per trial.
struct FeatureScaler
{
    std::vector<double> mean, scale; // one per column

    // Rows kept on disk are read in blocks, twice, in the same order as rows in memory: the
    // same sums, so the same head either way.
    // A dimension spreading less than `floorShare` of the typical (root-mean-square) deviation
    // is scaled as if it spread that much (TrainingOptions::spreadFloor).
    static FeatureScaler of(const LabelledFeatures &set, double floorShare);
    at::Tensor apply(const FeatureMatrix &rows) const;
    void applyToRow(const float *row, float *to) const;
    // The layer that took standardised input takes raw input and gives the same outputs.
    void foldInto(torch::nn::Linear &layer) const;
};

// The rows `index` of a training set kept on disk, standardised when `scaler` is given.
at::Tensor readBatch(const PackRows &rows, const at::Tensor &index, const FeatureScaler *scaler);

} // namespace rs
