#pragma once

// Internal to core/: heads trained through the training loop before a run, for it.

#include "training/trainloop.h"

#include <memory>
#include <vector>

namespace rs {

// Fine-tuning starts from the classifier the head alone would train on the body's output
// before training (linear probing, then fine-tuning: Kumar et al., 2022). From a near-zero head
// the first large gradients go into the pretrained layers, and a few epochs are far fewer steps
// than the head alone needs (bench/quality_finetune.sh's set: 5 epochs from Mixed_7b ended below
// the head alone from a near-zero head, above it from the trained one; docs/quality.md). The
// head is the one such a run keeps, at its lowest loss on `validation` (the body's output on
// it): its last step had overfitted the real backbone's features, and fine-tuning from it
// ended 1.5 to 2.5 points lower.
void startFromTrainedHead(TrainableModel &model, const std::vector<int> &labels, const LabelledFeatures &validation,
                          int classCount, const TrainingOptions &options, const CancelFlag *cancel);

// A head trained with each spread floor and the run's other settings, silently: the floor
// whose head ended with the lower validation loss, that head, its outcome and its curve.
// Only whole runs tell them apart: on bench/quality.sh's seeded bottlenecks, runs of 1 000 and
// 2 500 steps (in a re-implementation in Python) favoured the typical floor, which ends 2.4
// points behind after 10 000 (docs/quality.md).
struct SpreadChoice
{
    double floor = TrainingOptions::kOwnSpread;
    std::unique_ptr<HeadModule> head;
    TrainingOutcome outcome;
    std::vector<TrainingPoint> curve;
};

SpreadChoice chooseSpreadFloor(const LabelledFeatures &train, const LabelledFeatures &validation, int classCount,
                               const TrainingOptions &options, const CancelFlag *cancel);

} // namespace rs
