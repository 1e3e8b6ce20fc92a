#include "health/labelissues.h"

#include "health/logisticregression.h"
#include "training/folds.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

namespace rs {
namespace {

// The logistic regressions' C (inverse L2 strength) the out-of-fold log-loss chooses among.
// Planted flips on the real backbone ranked best near C = 10 to 100, on seeded weights at 1000
// (docs/data-health.md): no one C suits both.
constexpr double kInverseRegularizations[] = {10.0, 100.0, 1000.0};

double labelScore(const float *p, int classCount, int given, LabelScore score)
{
    if (score == LabelScore::SelfConfidence)
        return p[given];
    float other = 0;
    for (int c = 0; c < classCount; ++c)
        if (c != given)
            other = std::max(other, p[c]);
    return (double(p[given]) - other + 1.0) / 2.0;
}

bool moreSuspicious(const LabelIssue &a, const LabelIssue &b)
{
    return a.score != b.score ? a.score < b.score : a.row < b.row;
}

} // namespace

FeatureMatrix outOfSampleProbabilities(const LabelledFeatures &all, int classCount, int folds,
                                       const std::function<void(int, int)> &progress, const CancelFlag *cancel)
{
    const std::vector<std::vector<std::int64_t>> foldRows = stratifiedFolds(all.labels, classCount, folds);
    const int fits = int(foldRows.size() * std::size(kInverseRegularizations));
    // Each fold fits every C, weakest penalty last, each fit starting from the previous one.
    std::vector<FeatureMatrix> candidates(std::size(kInverseRegularizations));
    for (FeatureMatrix &p : candidates) {
        p.rows = all.features.rows;
        p.cols = classCount;
        p.values.assign(std::size_t(p.rows * p.cols), 0.0f);
    }
    for (int k = 0; k < int(foldRows.size()); ++k) {
        const std::vector<std::int64_t> &held = foldRows[std::size_t(k)];
        if (held.empty())
            continue;
        const LabelledFeatures rest = rowsOf(all, rowsOutside(foldRows, k));
        const FeatureMatrix heldFeatures = rowsOf(all, held).features;
        std::optional<UnitLogisticRegression> model;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            model = UnitLogisticRegression::fit(rest.features, rest.labels, classCount, kInverseRegularizations[c],
                                                model ? &*model : nullptr, cancel);
            const FeatureMatrix p = model->probabilities(heldFeatures);
            for (std::size_t i = 0; i < held.size(); ++i)
                std::copy(p.row(std::int64_t(i)), p.row(std::int64_t(i)) + classCount,
                          candidates[c].values.begin() + held[i] * classCount);
            if (progress)
                progress(int(std::size_t(k) * candidates.size() + c + 1), fits);
        }
    }
    // The given labels' out-of-fold log-loss chooses, as a validation loss would.
    std::vector<double> logLoss(candidates.size(), 0.0);
    for (std::size_t c = 0; c < candidates.size(); ++c)
        for (std::size_t r = 0; r < all.labels.size(); ++r)
            logLoss[c] -= std::log(std::max(double(candidates[c].row(std::int64_t(r))[all.labels[r]]), 1e-12));
    const auto best = std::size_t(std::min_element(logLoss.begin(), logLoss.end()) - logLoss.begin());
    return std::move(candidates[best]);
}

LabelAudit findLabelIssues(const FeatureMatrix &probabilities, const std::vector<int> &labels, int classCount,
                           LabelScore score)
{
    const auto classes = std::size_t(classCount);
    std::vector<double> threshold(classes, 0.0);
    std::vector<int> count(classes, 0);
    for (std::size_t r = 0; r < labels.size(); ++r) {
        threshold[std::size_t(labels[r])] += probabilities.row(std::int64_t(r))[labels[r]];
        ++count[std::size_t(labels[r])];
    }
    for (std::size_t c = 0; c < classes; ++c)
        threshold[c] = count[c] ? threshold[c] / count[c] : 1.0;

    LabelAudit audit;
    audit.confidentJoint.assign(classes, std::vector<double>(classes, 0.0));
    for (std::size_t r = 0; r < labels.size(); ++r) {
        const float *p = probabilities.row(std::int64_t(r));
        int looksLike = -1;
        for (int c = 0; c < classCount; ++c)
            if (p[c] >= threshold[std::size_t(c)] && (looksLike < 0 || p[c] > p[looksLike]))
                looksLike = c;
        if (looksLike >= 0)
            audit.confidentJoint[std::size_t(labels[r])][std::size_t(looksLike)] += 1;
    }
    std::vector<double> wrong(classes, 0.0);
    for (std::size_t g = 0; g < classes; ++g) {
        double counted = 0;
        for (double v : audit.confidentJoint[g])
            counted += v;
        for (std::size_t c = 0; c < classes; ++c) {
            double &cell = audit.confidentJoint[g][c];
            cell = counted > 0 ? cell * count[g] / counted : 0.0;
            if (c != g)
                wrong[g] += cell;
        }
        audit.estimatedWrong += wrong[g];
    }
    // Each class lists as many of its rows as the joint says are wrong, its lowest-scoring
    // ones: the rows the joint itself places off the diagonal missed a third of the flipped
    // labels on the real backbone (docs/data-health.md), whose thresholds are high.
    std::vector<std::vector<LabelIssue>> byClass(classes);
    for (const LabelIssue &issue : rankLabels(probabilities, labels, classCount, score))
        byClass[std::size_t(issue.given)].push_back(issue);
    for (std::size_t g = 0; g < classes; ++g) {
        const auto listed = std::min(byClass[g].size(), std::size_t(std::lround(wrong[g])));
        audit.issues.insert(audit.issues.end(), byClass[g].begin(), byClass[g].begin() + std::ptrdiff_t(listed));
    }
    std::sort(audit.issues.begin(), audit.issues.end(), moreSuspicious);
    return audit;
}

std::vector<LabelIssue> rankLabels(const FeatureMatrix &probabilities, const std::vector<int> &labels, int classCount,
                                   LabelScore score)
{
    std::vector<LabelIssue> ranked;
    ranked.reserve(labels.size());
    for (std::size_t r = 0; r < labels.size(); ++r) {
        const float *p = probabilities.row(std::int64_t(r));
        const int given = labels[r];
        int other = -1;
        for (int c = 0; c < classCount; ++c)
            if (c != given && (other < 0 || p[c] > p[other]))
                other = c;
        ranked.push_back({std::int64_t(r), given, other < 0 ? given : other, labelScore(p, classCount, given, score)});
    }
    std::sort(ranked.begin(), ranked.end(), moreSuspicious);
    return ranked;
}

} // namespace rs
