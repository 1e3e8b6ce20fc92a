#include "health/embedding.h"

#include "health/tsne.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace rs {
namespace {

constexpr std::int64_t kTile = 2048;

// The centred rows projected on their top `dimensions` principal components, by a randomised
// range finder (Halko et al.) with two power iterations: the leading components of a feature
// matrix come out as an exact SVD's would, in a fraction of its time.
at::Tensor principalComponents(const at::Tensor &rows, int dimensions, std::uint64_t seed)
{
    const at::Tensor x = rows - rows.mean(0, true);
    const std::int64_t k = std::min<std::int64_t>({dimensions, x.size(0), x.size(1)});
    const std::int64_t sketch = std::min<std::int64_t>(k + 10, std::min(x.size(0), x.size(1)));
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    at::Tensor q = std::get<0>(at::linalg_qr(x.mm(at::randn({x.size(1), sketch}, generator, at::kFloat))));
    for (int power = 0; power < 2; ++power)
        q = std::get<0>(at::linalg_qr(x.mm(x.t().mm(q))));
    const at::Tensor v = std::get<2>(at::linalg_svd(q.t().mm(x), false)); // sketch x D, rows are components
    return x.mm(v.slice(0, 0, k).t());
}

// Each row's `k` nearest other rows and their squared distances, the pairs compared in tiles.
std::pair<at::Tensor, at::Tensor> nearestNeighbours(const at::Tensor &z, std::int64_t k)
{
    const std::int64_t n = z.size(0);
    const at::Tensor norms = z.pow(2).sum(1);
    at::Tensor distances = at::empty({n, k}, at::kFloat), indices = at::empty({n, k}, at::kLong);
    for (std::int64_t start = 0; start < n; start += kTile) {
        const std::int64_t end = std::min(n, start + kTile);
        at::Tensor d = (norms.slice(0, start, end).unsqueeze(1) + norms.unsqueeze(0) - 2 * z.slice(0, start, end).mm(z.t()))
                           .clamp_min(0);
        d.diagonal(start).fill_(std::numeric_limits<float>::infinity()); // not its own neighbour
        auto [values, where] = d.topk(k, 1, /*largest=*/false, /*sorted=*/true);
        distances.slice(0, start, end).copy_(values);
        indices.slice(0, start, end).copy_(where);
    }
    return {distances, indices};
}

// p(j|i) over i's neighbours with the Gaussian width whose perplexity is `perplexity`, found by
// bisection; then the symmetric p_ij = (p(j|i) + p(i|j)) / 2n.
SparseAffinities affinities(const at::Tensor &distances, const at::Tensor &indices, double perplexity)
{
    const std::int64_t n = distances.size(0), k = distances.size(1);
    const float *d = distances.data_ptr<float>();
    const std::int64_t *neighbour = indices.data_ptr<std::int64_t>();
    const double target = std::log(perplexity);
    // Row by row over LibTorch's threads, each row written to its own place: the same whatever
    // the number of threads.
    std::vector<double> conditional(static_cast<std::size_t>(n * k));
    at::parallel_for(0, n, 256, [&](std::int64_t begin, std::int64_t end) {
        std::vector<double> p(static_cast<std::size_t>(k));
        for (std::int64_t i = begin; i < end; ++i) {
            const float *row = d + i * k;
            double beta = 1, low = 0, high = std::numeric_limits<double>::infinity();
            for (int step = 0; step < 100; ++step) {
                double sum = 0, weighted = 0;
                for (std::int64_t j = 0; j < k; ++j) {
                    p[std::size_t(j)] = std::exp(-beta * (row[j] - row[0])); // shifted by the nearest: no underflow
                    sum += p[std::size_t(j)];
                    weighted += p[std::size_t(j)] * (row[j] - row[0]);
                }
                const double entropy = std::log(sum) + beta * weighted / sum;
                if (std::abs(entropy - target) < 1e-5)
                    break;
                if (entropy > target)
                    low = beta, beta = std::isinf(high) ? beta * 2 : (beta + high) / 2;
                else
                    high = beta, beta = (beta + low) / 2;
            }
            double sum = 0;
            for (double v : p)
                sum += v;
            for (std::int64_t j = 0; j < k; ++j)
                conditional[std::size_t(i * k + j)] = p[std::size_t(j)] / sum / (2.0 * double(n));
        }
    });
    std::vector<std::tuple<std::int32_t, std::int32_t, double>> entries;
    entries.reserve(std::size_t(2 * n * k));
    for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t j = 0; j < k; ++j) {
            const double value = conditional[std::size_t(i * k + j)];
            const auto other = std::int32_t(neighbour[i * k + j]);
            entries.emplace_back(std::int32_t(i), other, value);
            entries.emplace_back(other, std::int32_t(i), value);
        }
    std::sort(entries.begin(), entries.end());
    SparseAffinities out;
    out.rowStart.assign(std::size_t(n) + 1, 0);
    for (std::size_t e = 0; e < entries.size(); ++e) {
        const auto [i, j, value] = entries[e];
        if (!out.column.empty() && e > 0 && std::get<0>(entries[e - 1]) == i && std::get<1>(entries[e - 1]) == j) {
            out.value.back() += value;
            continue;
        }
        out.column.push_back(j);
        out.value.push_back(value);
        ++out.rowStart[std::size_t(i) + 1];
    }
    for (std::size_t i = 1; i < out.rowStart.size(); ++i)
        out.rowStart[i] += out.rowStart[i - 1];
    return out;
}

// The rows with their duplicates left out, in order; `slot[r]` is row r's row among them.
FeatureMatrix distinctRows(const FeatureMatrix &features, std::vector<std::int64_t> &slot)
{
    FeatureMatrix distinct;
    distinct.cols = features.cols;
    std::unordered_map<std::string_view, std::int64_t> seen;
    slot.resize(std::size_t(features.rows));
    for (std::int64_t r = 0; r < features.rows; ++r) {
        const std::string_view bytes(reinterpret_cast<const char *>(features.row(r)), std::size_t(features.cols) * sizeof(float));
        const auto [where, added] = seen.emplace(bytes, distinct.rows);
        slot[std::size_t(r)] = where->second;
        if (added) {
            distinct.values.insert(distinct.values.end(), features.row(r), features.row(r) + features.cols);
            ++distinct.rows;
        }
    }
    return distinct;
}

} // namespace

std::vector<float> embedFeatures(const FeatureMatrix &features, const EmbeddingOptions &options,
                                 const std::function<void(int, int)> &progress, const CancelFlag *cancel)
{
    if (features.rows < 3)
        throw std::invalid_argument("a map needs at least 3 images; got " + std::to_string(features.rows));
    // Identical rows (one image twice) are mapped once and share its place. Kept apart, their
    // places in the matrix can make the BLAS round their projections differently (seen with
    // OpenBLAS on an AMD EPYC), and t-SNE carries that difference apart.
    std::vector<std::int64_t> slot;
    if (const FeatureMatrix distinct = distinctRows(features, slot); distinct.rows < features.rows && distinct.rows >= 3) {
        const std::vector<float> once = embedFeatures(distinct, options, progress, cancel);
        std::vector<float> map(std::size_t(2 * features.rows));
        for (std::size_t r = 0; r < slot.size(); ++r)
            for (std::size_t c = 0; c < 2; ++c)
                map[2 * r + c] = once[std::size_t(2 * slot[r]) + c];
        return map;
    }
    const std::int64_t n = features.rows;
    // Perplexity above a third of the other points leaves too few neighbours to choose from.
    const double perplexity = std::min(options.perplexity, double(n - 1) / 3);
    const std::int64_t k = std::min<std::int64_t>(n - 1, std::int64_t(3 * perplexity) + 1);
    SparseAffinities p;
    // Started from the first two components, scaled to a small spread, so the global layout
    // follows the data's main directions and the same input gives the same map.
    std::vector<double> map(std::size_t(2 * n), 0.0);
    {
        c10::InferenceMode inference;
        const at::Tensor rows = at::from_blob(const_cast<float *>(features.values.data()), {features.rows, features.cols},
                                              at::kFloat);
        const at::Tensor z = principalComponents(rows, std::max(2, options.pcaDimensions), options.seed);
        throwIfCancelled(cancel);
        auto [distances, indices] = nearestNeighbours(z, k);
        p = affinities(distances.contiguous(), indices.contiguous(), std::max(perplexity, 1.0));
        const at::Tensor start = z.slice(1, 0, 2).to(at::kDouble).contiguous();
        const double spread = std::max(1e-12, start.select(1, 0).std().item<double>());
        const double *s = start.data_ptr<double>();
        for (std::int64_t i = 0; i < n; ++i)
            for (std::int64_t c = 0; c < start.size(1); ++c)
                map[std::size_t(2 * i + c)] = 1e-4 * s[i * start.size(1) + c] / spread;
    }
    throwIfCancelled(cancel);
    optimiseMap(p, map, std::max(1, options.iterations), progress, cancel);
    return std::vector<float>(map.begin(), map.end());
}

} // namespace rs
