#include "health/outliers.h"

#include <ATen/Functions.h>

#include <algorithm>
#include <cmath>

namespace rs {
namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// Measured on the signatures of bench/audit.sh's 3 000 Fashion-MNIST images: spreads from 0.066
// up and neighbour correlations from 0.50 up; its planted blanks spread 0, its planted noise
// images (uniform random pixels) correlate at most 0.25.
constexpr double kBlankSpread = 0.02;
constexpr double kNoiseCorrelation = 0.35;

} // namespace

SignatureShape signatureShape(const float *signature, int side)
{
    const int size = side * side;
    double mean = 0;
    for (int i = 0; i < size; ++i)
        mean += signature[i];
    mean /= size;
    double variance = 0, neighbours = 0, pairsVariance = 0;
    const auto centred = [&](int y, int x) { return signature[y * side + x] - mean; };
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const double v = centred(y, x);
            variance += v * v;
            if (x + 1 < side) {
                neighbours += v * centred(y, x + 1);
                pairsVariance += v * v;
            }
            if (y + 1 < side) {
                neighbours += v * centred(y + 1, x);
                pairsVariance += v * v;
            }
        }
    SignatureShape shape;
    shape.spread = std::sqrt(variance / size);
    if (pairsVariance > 1e-12)
        shape.neighbourCorrelation = neighbours / pairsVariance;
    return shape;
}

std::vector<Outlier> findOutliers(const LabelledFeatures &all, int classCount, const FeatureMatrix &signatures,
                                  double spread)
{
    const std::int64_t n = all.features.rows;
    if (n < 2 || classCount < 1)
        return {};
    at::Tensor unit = at::from_blob(const_cast<float *>(all.features.values.data()), {n, all.features.cols}).clone();
    unit.sub_(unit.mean(0, /*keepdim=*/true));
    unit.div_(unit.norm(2, 1, /*keepdim=*/true).clamp_min(1e-12));
    const at::Tensor labels = at::tensor(std::vector<std::int64_t>(all.labels.begin(), all.labels.end()), at::kLong);
    at::Tensor centres = at::zeros({classCount, all.features.cols}, at::kFloat).index_add_(0, labels, unit);
    centres.div_(centres.norm(2, 1, /*keepdim=*/true).clamp_min(1e-12));
    const at::Tensor nearest = std::get<0>(at::mm(unit, centres.t()).max(1)).to(at::kDouble).contiguous();

    std::vector<double> scores(static_cast<std::size_t>(n));
    const double *similarity = nearest.data_ptr<double>();
    for (std::int64_t r = 0; r < n; ++r)
        scores[std::size_t(r)] = 1.0 - similarity[r];
    const double middle = median(scores);
    std::vector<double> deviations(scores.size());
    std::transform(scores.begin(), scores.end(), deviations.begin(), [&](double s) { return std::abs(s - middle); });
    const double limit = middle + spread * median(deviations);

    const int side = int(std::lround(std::sqrt(double(signatures.cols))));
    std::vector<Outlier> outliers;
    for (std::int64_t r = 0; r < n; ++r) {
        Outlier outlier{r, Outlier::Reason::UnlikeEveryClass, scores[std::size_t(r)]};
        if (signatures.rows == n && side > 1) {
            const SignatureShape shape = signatureShape(signatures.row(r), side);
            if (shape.spread < kBlankSpread)
                outlier.reason = Outlier::Reason::Blank;
            else if (shape.neighbourCorrelation < kNoiseCorrelation)
                outlier.reason = Outlier::Reason::Noise;
        }
        if (outlier.reason != Outlier::Reason::UnlikeEveryClass || outlier.score > limit)
            outliers.push_back(outlier);
    }
    std::sort(outliers.begin(), outliers.end(), [](const Outlier &a, const Outlier &b) {
        const bool aSeen = a.reason != Outlier::Reason::UnlikeEveryClass, bSeen = b.reason != Outlier::Reason::UnlikeEveryClass;
        if (aSeen != bSeen)
            return aSeen;
        return a.score != b.score ? a.score > b.score : a.row < b.row;
    });
    return outliers;
}

} // namespace rs
