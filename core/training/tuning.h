#pragma once

#include "base/cancellation.h"
#include "features/labelledfeatures.h"
#include "training/options.h"

#include <QJsonObject>

#include <functional>
#include <vector>

namespace rs {

// "Find good settings": a fixed list of head settings tried on the cached features, each
// scored on held-out images, the best one returned. Same data, base settings and seed give
// the same trials, scores and choice.
struct TuningTrial
{
    TrainingOptions options;
    double accuracy = 0; // on the held-out images (all folds' together with cross-validation)
    double loss = 0;     // their mean negative log-likelihood
    double seconds = 0;
};

struct Tuning
{
    std::vector<TuningTrial> trials; // in the order tried
    // Index into trials: lowest loss, then highest accuracy, then first. The loss, not the
    // accuracy: among settings a point apart, the held-out images' accuracy picks noise (on
    // bench/quality.sh's features the most accurate trial in cross-validation was among the
    // least accurate on the 2 251 test images); their loss weighs every image's probability.
    int best = -1;
    int folds = 0;                   // 0: scored on the validation set; else k-fold over training + validation
    int heldOut = 0;                 // images scored per trial

    const TrainingOptions &bestOptions() const { return trials.at(std::size_t(best)).options; }
};

// Below this many validation images in some class, trials are scored by cross-validation.
constexpr int kTuningMinValidationPerClass = 30;
constexpr int kTuningFolds = 3;

// The settings tried: `base` itself, then variations of it (its seed, batch size, sampling and
// class balance kept) in optimizer and learning rate, weight decay, hidden units 0 / 256,
// length, and standardised or raw features.
std::vector<TrainingOptions> tuningCandidates(const TrainingOptions &base);

// Throws Cancelled when `cancel` is set (checked at every training step); `progress` gets
// each trial as it finishes and how many there are.
Tuning tuneHead(const LabelledFeatures &train, const LabelledFeatures &validation, int classCount,
                const TrainingOptions &base, const std::function<void(const TuningTrial &, int total)> &progress = {},
                const CancelFlag *cancel = nullptr);

// What a trial varies, in a line: "Adam 0.01 -> 0.0001, weight decay 0.001, 256 hidden units,
// 4000 steps, standardised".
QString describeTrial(const TrainingOptions &options);

// The report's "tuning": how trials were scored and each trial's settings and scores.
QJsonObject toJson(const Tuning &tuning);

} // namespace rs
