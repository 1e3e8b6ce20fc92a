#include "training/featurescaler.h"

#include <ATen/Functions.h>
#include <torch/nn/module.h>

#include <algorithm>
#include <cmath>

namespace rs {

FeatureScaler FeatureScaler::of(const LabelledFeatures &set, double floorShare)
{
    const std::int64_t rows = set.rows(), cols = set.cols();
    const double count = double(std::max<std::int64_t>(rows, 1));
    constexpr std::int64_t kBlock = 1024;
    std::vector<float> block;
    std::vector<std::int64_t> indices;
    const auto forEachRow = [&](const auto &visit) {
        if (!set.packed) {
            for (std::int64_t r = 0; r < rows; ++r)
                visit(set.features.row(r));
            return;
        }
        block.resize(std::size_t(kBlock * cols));
        for (std::int64_t first = 0; first < rows; first += kBlock) {
            const int n = int(std::min(kBlock, rows - first));
            indices.resize(std::size_t(n));
            for (int i = 0; i < n; ++i)
                indices[std::size_t(i)] = first + i;
            set.packed->read(indices.data(), n, block.data());
            for (int i = 0; i < n; ++i)
                visit(block.data() + i * cols);
        }
    };
    FeatureScaler scaler;
    scaler.mean.assign(std::size_t(cols), 0.0);
    forEachRow([&](const float *row) {
        for (std::int64_t c = 0; c < cols; ++c)
            scaler.mean[std::size_t(c)] += row[c];
    });
    for (double &m : scaler.mean)
        m /= count;
    std::vector<double> variance(std::size_t(cols), 0.0);
    forEachRow([&](const float *row) {
        for (std::int64_t c = 0; c < cols; ++c) {
            const double d = row[c] - scaler.mean[std::size_t(c)];
            variance[std::size_t(c)] += d * d;
        }
    });
    double total = 0;
    for (double &v : variance) {
        v /= count;
        total += v;
    }
    // A nearly constant dimension is not blown up: its rounding noise, or a test image's slight
    // difference, would otherwise dominate. The floor scales with the features, so the scaling
    // stays scale-free.
    const double floor = std::max(floorShare * std::sqrt(total / double(std::max<std::int64_t>(cols, 1))), 1e-30);
    for (double v : variance)
        scaler.scale.push_back(1.0 / std::max(std::sqrt(v), floor));
    return scaler;
}

at::Tensor FeatureScaler::apply(const FeatureMatrix &rows) const
{
    at::Tensor out = at::empty({rows.rows, rows.cols}, at::kFloat);
    float *to = out.data_ptr<float>();
    for (std::int64_t r = 0; r < rows.rows; ++r)
        applyToRow(rows.row(r), to + r * rows.cols);
    return out;
}

void FeatureScaler::applyToRow(const float *row, float *to) const
{
    for (std::size_t c = 0; c < mean.size(); ++c)
        to[c] = float((row[c] - mean[c]) * scale[c]);
}

void FeatureScaler::foldInto(torch::nn::Linear &layer) const
{
    torch::NoGradGuard noGrad;
    const at::Tensor weight = layer->weight.contiguous(), bias = layer->bias.contiguous();
    float *w = weight.data_ptr<float>(), *b = bias.data_ptr<float>();
    const std::int64_t cols = weight.size(1);
    for (std::int64_t out = 0; out < weight.size(0); ++out) {
        double shift = 0;
        for (std::int64_t c = 0; c < cols; ++c) {
            const double folded = w[out * cols + c] * scale[std::size_t(c)];
            shift += folded * mean[std::size_t(c)];
            w[out * cols + c] = float(folded);
        }
        b[out] = float(b[out] - shift);
    }
    layer->weight.copy_(weight);
    layer->bias.copy_(bias);
}

// The rows `index` of a training set kept on disk, standardised when `scaler` is given.
at::Tensor readBatch(const PackRows &rows, const at::Tensor &index, const FeatureScaler *scaler)
{
    at::Tensor batch = at::empty({index.size(0), rows.cols()}, at::kFloat);
    float *values = batch.data_ptr<float>();
    rows.read(index.data_ptr<std::int64_t>(), int(index.size(0)), values);
    if (scaler)
        for (std::int64_t r = 0; r < index.size(0); ++r)
            scaler->applyToRow(values + r * rows.cols(), values + r * rows.cols());
    return batch;
}

} // namespace rs
