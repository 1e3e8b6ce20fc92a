#pragma once

// Internal to core/: what ClassifierHead::train needs to stop and carry on exactly where it
// was. Torch types, so only classifierhead.cpp and tests include this.

#include "base/cancellation.h"
#include "features/labelledfeatures.h"
#include "training/headmodule.h"

#include <QByteArray>

#include <limits>
#include <optional>
#include <vector>

namespace torch::optim {
class Optimizer;
}

namespace rs {

// Identifies a run: its settings (not where it checkpoints), class count and data. A
// checkpoint resumes only the run that wrote it.
QByteArray runSignature(const TrainingOptions &options, int classCount, const LabelledFeatures &train,
                        const LabelledFeatures &validation);

struct HeadCheckpointState
{
    int step = 0;                     // steps done
    std::vector<TrainingPoint> curve; // the points reported so far
    // The report with the lowest validation loss so far and the trained tensors then.
    int bestStep = 0;
    double bestLoss = std::numeric_limits<double>::infinity();
    std::vector<at::Tensor> best;
};

// Writes parameters, optimizer state, random generator state, step and curve, atomically.
void saveHeadCheckpoint(const QString &path, const QByteArray &signature, const HeadCheckpointState &state,
                        torch::nn::Module &module, torch::optim::Optimizer &optimizer, const at::Generator &generator);

// Restores what saveHeadCheckpoint wrote into the given module, optimizer and generator;
// nothing (and no change) when there is no file. Throws std::runtime_error naming the file
// when it is damaged or belongs to another run.
std::optional<HeadCheckpointState> loadHeadCheckpoint(const QString &path, const QByteArray &signature,
                                                      torch::nn::Module &module, torch::optim::Optimizer &optimizer,
                                                      at::Generator &generator);

} // namespace rs
