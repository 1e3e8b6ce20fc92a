#include "training/preliminaryheads.h"

#include <torch/nn/module.h>

namespace rs {

void startFromTrainedHead(TrainableModel &model, const std::vector<int> &labels, int classCount,
                          const TrainingOptions &options, const CancelFlag *cancel)
{
    LabelledFeatures initial;
    initial.features = model.initialFeatures();
    initial.labels = labels;
    TrainingOptions alone; // the head alone's defaults, with the run's choices of what to fit
    alone.seed = options.seed;
    alone.hiddenUnits = options.hiddenUnits;
    alone.dropout = options.dropout;
    alone.balancedSampling = options.balancedSampling;
    alone.classWeights = options.classWeights;
    alone.keepBest = alone.calibrate = false; // the fine-tuning run does both on its validation images
    HeadModule head(HeadShape{int(initial.features.cols), classCount, options.hiddenUnits});
    TrainableModel probe{*head, head, {}, {}, [&](bool training) { head->train(training); }};
    trainModel(probe, initial, {}, classCount, alone, {}, {}, cancel);
    torch::NoGradGuard noGrad;
    const std::vector<at::Tensor> from = head->parameters(), to = model.head->parameters();
    for (std::size_t i = 0; i < to.size(); ++i)
        to[i].copy_(from.at(i));
}

SpreadChoice chooseSpreadFloor(const LabelledFeatures &train, const LabelledFeatures &validation, int classCount,
                               const TrainingOptions &options, const CancelFlag *cancel)
{
    SpreadChoice best;
    for (const double floor : {TrainingOptions::kOwnSpread, TrainingOptions::kTypicalSpread}) {
        TrainingOptions trial = options;
        trial.spreadFloor = floor;
        trial.checkpointFile.clear();
        trial.resume = false;
        SpreadChoice candidate{floor, std::make_unique<HeadModule>(HeadShape{int(train.cols()), classCount, options.hiddenUnits}), {}, {}};
        HeadModule &head = *candidate.head;
        TrainableModel probe{*head, head, {}, {}, [&](bool training) { head->train(training); }};
        candidate.outcome = trainModel(probe, train, validation, classCount, trial, {},
                                       [&](const TrainingPoint &p) { candidate.curve.push_back(p); }, cancel);
        if (!best.head || candidate.outcome.bestValidationLoss < best.outcome.bestValidationLoss)
            best = std::move(candidate);
    }
    return best;
}

} // namespace rs
