#include "training/lrfinder.h"

#include "training/headmodule.h"
#include "training/trainloop.h"

#include <QJsonArray>

#include <cmath>

namespace rs {
namespace {

constexpr double kSmoothing = 0.98;
constexpr double kBlowUp = 4;

double rateAtStep(int step)
{
    return kSweepFirstRate * std::pow(kSweepLastRate / kSweepFirstRate, double(step) / (kSweepSteps - 1));
}

// The steepest fall of the smoothed loss against log(rate), up to its lowest point: a rate
// still well below the one that minimises the loss, which would already be too high for a
// whole run. With too few points before the lowest, a tenth of the lowest's rate.
double steepestFall(const std::vector<RateProbe> &probes, std::size_t lowest)
{
    double suggested = probes[lowest].rate / 10, steepest = 0;
    for (std::size_t i = 1; i + 1 <= lowest; ++i) {
        const double slope = (probes[i + 1].loss - probes[i - 1].loss) / std::log(probes[i + 1].rate / probes[i - 1].rate);
        if (slope < steepest) {
            steepest = slope;
            suggested = probes[i].rate;
        }
    }
    return suggested;
}

} // namespace

LearningRateSweep sweepLearningRate(const LabelledFeatures &train, int classCount, const TrainingOptions &options,
                                    const CancelFlag *cancel)
{
    TrainingOptions sweep = options;
    sweep.steps = kSweepSteps;
    sweep.evalInterval = 1;
    sweep.keepBest = false;
    sweep.calibrate = false;
    sweep.checkpointFile.clear();
    sweep.resume = false;
    checkTrainingInput(sweep, train);

    const HeadShape shape{int(train.features.cols), classCount, sweep.hiddenUnits};
    HeadModule head(shape);
    TrainableModel model{*head, head, {}, {}, [&](bool training) { head->train(training); }};

    LearningRateSweep result;
    double average = 0, lowestLoss = INFINITY;
    std::size_t lowest = 0;
    // Set when the loss has blown up (or the caller cancels): the rest of the sweep says nothing.
    CancelFlag enough{false};
    const auto record = [&](const TrainingPoint &p) {
        if (cancel && cancel->load()) {
            enough = true;
            return;
        }
        average = kSmoothing * average + (1 - kSmoothing) * p.trainLoss;
        const double smoothed = average / (1 - std::pow(kSmoothing, p.step));
        if (!std::isfinite(smoothed) || smoothed > kBlowUp * lowestLoss) {
            result.diverged = true;
            enough = true;
            return;
        }
        result.probes.push_back({p.learningRate, smoothed});
        if (smoothed < lowestLoss) {
            lowestLoss = smoothed;
            lowest = result.probes.size() - 1;
        }
    };
    try {
        trainModel(model, train, {}, classCount, sweep, {}, record, &enough, rateAtStep);
    } catch (const Cancelled &) {
        if (cancel && cancel->load())
            throw;
    } catch (const TrainingDiverged &) {
        result.diverged = true; // the sweep's expected end, at rates too high
    }
    if (result.probes.empty())
        throw std::runtime_error("the training loss was not finite even at the lowest learning rate");
    result.lowest = result.probes[lowest].rate;
    result.suggested = steepestFall(result.probes, lowest);
    return result;
}

QJsonObject toJson(const LearningRateSweep &sweep)
{
    QJsonArray rates, losses;
    for (const RateProbe &p : sweep.probes) {
        rates.append(p.rate);
        losses.append(p.loss);
    }
    return {{QStringLiteral("suggested_learning_rate"), sweep.suggested},
            {QStringLiteral("lowest_loss_learning_rate"), sweep.lowest},
            {QStringLiteral("diverged"), sweep.diverged},
            {QStringLiteral("learning_rates"), rates},
            {QStringLiteral("smoothed_losses"), losses}};
}

} // namespace rs
