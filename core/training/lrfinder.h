#pragma once

#include "base/cancellation.h"
#include "features/labelledfeatures.h"
#include "training/options.h"

#include <QJsonObject>

#include <vector>

namespace rs {

// The learning-rate range test (L. Smith, 2017; fastai's lr_find): a fresh head trains with
// the given settings while the rate rises geometrically, one step at each rate, and the
// training loss is recorded. Where the loss falls fastest is a good base rate; where it blows
// up, too high. The head is thrown away.
struct RateProbe
{
    double rate = 0;
    double loss = 0; // the batch losses, exponentially smoothed (weight 0.98 on the past, bias-corrected)
};

struct LearningRateSweep
{
    std::vector<RateProbe> probes; // rising rates, until the smoothed loss passed 4 times its lowest
    double suggested = 0;          // where the smoothed loss falls fastest before its lowest point
    double lowest = 0;             // the rate at the lowest smoothed loss
    bool diverged = false;         // the loss blew up before the last rate
};

constexpr double kSweepFirstRate = 1e-6;
constexpr double kSweepLastRate = 10;
constexpr int kSweepSteps = 300;

// Throws std::invalid_argument for unusable options or no training images, Cancelled when
// `cancel` is set. Seeded by options.seed: the same data and settings give the same sweep.
LearningRateSweep sweepLearningRate(const LabelledFeatures &train, int classCount, const TrainingOptions &options,
                                    const CancelFlag *cancel = nullptr);

QJsonObject toJson(const LearningRateSweep &sweep);

} // namespace rs
