#pragma once

#include "base/cancellation.h"
#include "features/labelledfeatures.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace rs {

// Probabilities for every row from a model that never saw it: `folds` class-stratified folds,
// and for each UnitLogisticRegression fitted on the others with a few strengths of penalty; the
// strength whose probabilities give the given labels the lowest log-loss is kept. The finder's
// own model rather than the run's head: a head trained on a schedule ranks the flipped labels
// of a real backbone's features worse (docs/data-health.md). Same data, same result.
// Throws Cancelled when `cancel` is set; `progress` gets the fits done and their number.
FeatureMatrix outOfSampleProbabilities(const LabelledFeatures &all, int classCount, int folds,
                                       const std::function<void(int done, int total)> &progress = {},
                                       const CancelFlag *cancel = nullptr);

// How a row's label quality is scored from its out-of-sample probabilities, in [0, 1], lower
// meaning the given label is less likely: the probability of the given class itself, or its
// margin over the likeliest other class, (p_given - max p_other + 1) / 2.
enum class LabelScore { SelfConfidence, NormalizedMargin };

struct LabelIssue
{
    std::int64_t row = 0;
    int given = 0;
    int suggested = 0; // the likeliest class other than the given one
    double score = 0;  // LabelScore's: lower is more suspicious
};

// Every row, most suspicious first (lowest score; ties by row), suggesting the likeliest class
// other than the given one: the ranking that precision at N is measured on.
std::vector<LabelIssue> rankLabels(const FeatureMatrix &probabilities, const std::vector<int> &labels, int classCount,
                                   LabelScore score = LabelScore::SelfConfidence);

// Confident learning: per class, the threshold is the mean probability of that class over the
// rows labelled with it; a row counts towards (given, j) for the likeliest class j whose
// threshold it reaches. Those counts, each given class's row scaled to its number of rows, are
// the confident joint; its off-diagonal sum estimates how many labels are wrong. The issues are,
// per given class, as many of its lowest-scoring rows as its part of that sum (rounded), each
// suggesting its likeliest other class.
struct LabelAudit
{
    std::vector<LabelIssue> issues;                 // most suspicious first (lowest score; ties by row)
    double estimatedWrong = 0;                      // the calibrated joint's off-diagonal sum
    std::vector<std::vector<double>> confidentJoint; // [given][looks like], calibrated
};

LabelAudit findLabelIssues(const FeatureMatrix &probabilities, const std::vector<int> &labels, int classCount,
                           LabelScore score = LabelScore::SelfConfidence);

} // namespace rs
