#include "training/preliminaryheads.h"

#include <torch/nn/module.h>
#include <torch/utils.h>

#include <algorithm>

namespace rs {
namespace {

// The body's output on `rows` before training, as scoring sees it (evaluation mode).
FeatureMatrix bodyOutput(TrainableModel &model, const FeatureMatrix &rows)
{
    torch::NoGradGuard noGrad;
    model.setTraining(false);
    const at::Tensor in = featureTensor(rows);
    FeatureMatrix out;
    out.rows = rows.rows;
    for (std::int64_t start = 0; start < in.size(0); start += model.scoringChunk) {
        const at::Tensor b = model.body(in.slice(0, start, std::min(in.size(0), start + std::int64_t(model.scoringChunk)))).contiguous();
        out.cols = b.size(1);
        out.values.insert(out.values.end(), b.data_ptr<float>(), b.data_ptr<float>() + b.numel());
    }
    return out;
}

} // namespace

void startFromTrainedHead(TrainableModel &model, const std::vector<int> &labels, const LabelledFeatures &validation,
                          int classCount, const TrainingOptions &options, const CancelFlag *cancel)
{
    LabelledFeatures initial;
    initial.features = model.initialFeatures();
    initial.labels = labels;
    LabelledFeatures initialValidation;
    initialValidation.labels = validation.labels;
    if (validation.rows() > 0) {
        initialValidation.features = bodyOutput(model, validation.features);
    }
    TrainingOptions alone; // the head alone's defaults, with the run's choices of what to fit
    alone.seed = options.seed;
    alone.hiddenUnits = options.hiddenUnits;
    alone.dropout = options.dropout;
    alone.balancedSampling = options.balancedSampling;
    alone.classWeights = options.classWeights;
    alone.calibrate = false; // the fine-tuning run calibrates on its validation images
    HeadModule head(HeadShape{int(initial.features.cols), classCount, options.hiddenUnits});
    TrainableModel probe{*head, head, {}, {}, [&](bool training) { head->train(training); }};
    trainModel(probe, initial, initialValidation, classCount, alone, {}, {}, cancel);
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
