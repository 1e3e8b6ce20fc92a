#pragma once

// Internal to core/: the training loop shared by the head alone (ClassifierHead::train) and
// by fine-tuning (fineTune), so both get the same batches, schedules, class balancing,
// progress, cancellation and bit-exact checkpoint/resume.

#include "base/cancellation.h"
#include "evaluation/calibration.h"
#include "features/labelledfeatures.h"
#include "training/headmodule.h"

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

#include <functional>
#include <limits>
#include <stdexcept>
#include <vector>

namespace rs {

at::Tensor featureTensor(const FeatureMatrix &m); // a view of the values, rows x cols
at::Tensor labelTensor(const std::vector<int> &labels);

// Parameters of the body trained at `rateMultiplier` times the schedule's rate.
struct RatedParameters
{
    std::vector<at::Tensor> parameters;
    double rateMultiplier = 1.0;
};

struct TrainableModel
{
    torch::nn::Module &module; // everything trained, as one module: what a checkpoint saves
    HeadModule head;           // initialised by the loop, retrain.py's near-zero start
    // Turns rows of training input into the head's features; none: the rows are the features.
    std::function<at::Tensor(const at::Tensor &rows)> body;
    std::vector<RatedParameters> bodyParameters; // the head's are trained at the schedule's rate
    // Sets training or evaluation mode; a body may keep parts (BatchNorm) in evaluation mode.
    std::function<void(bool training)> setTraining;
    int scoringChunk = 1 << 30; // rows per forward pass when scoring the validation set
    // The body's output on every training row before training, undistorted. Given, the head
    // starts as the classifier the head alone trains on it with its defaults, not near zero.
    std::function<FeatureMatrix()> initialFeatures = {};

    // Whole-network fine-tuning: `batchInput` makes each step's input from the rows drawn
    // (distorted images), and `prepareBatch` is told the next step's rows so that it can make
    // them meanwhile; a step's rows are then drawn from the seed and the step alone. None:
    // the training set's rows are the input.
    std::function<at::Tensor(int step, const at::Tensor &index)> batchInput = {};
    std::function<void(int step, const at::Tensor &index)> prepareBatch = {};
    // The logits of another output of the last training pass (the auxiliary classifier's),
    // whose loss is added to the head's times `auxiliaryWeight`.
    std::function<at::Tensor()> auxiliaryLogits = {};
    double auxiliaryWeight = 0;
    // Rows per forward and backward pass; a batch's parts' gradients add up to the batch's
    // (BatchNorm statistics, when they train, are then the parts'). 0: the batch at once.
    int microBatch = 0;
};

// Thrown when a step's loss is no longer a finite number: every later step would only carry
// the NaN on. Its message names the step and what to lower.
class TrainingDiverged : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Throws std::invalid_argument for unusable options or an empty training set.
void checkTrainingInput(const TrainingOptions &options, const LabelledFeatures &train);

struct TrainingOutcome
{
    int keptStep = 0;        // whose weights the model ends with (the best validation point's with options.keepBest)
    Calibration calibration; // with options.calibrate and validation images: folded into the head's last layer
    double bestValidationLoss = std::numeric_limits<double>::infinity(); // of the kept point, with options.keepBest
    double spreadFloor = 0; // the standardisation's (TrainingOptions::spreadFloor, as chosen); 0 on raw features
};

// Trains `model` on rows of `train` as ClassifierHead::train documents. With
// options.standardize the head ends folded to take raw features. `signatureSalt` names what
// else a checkpoint must match (the fine-tuning settings). `rateAt`, when given, replaces the
// schedule's rate at each step (the learning-rate sweep's rising rates).
TrainingOutcome trainModel(TrainableModel &model, const LabelledFeatures &train, const LabelledFeatures &validation,
               int classCount, const TrainingOptions &options, const QByteArray &signatureSalt,
               const std::function<void(const TrainingPoint &)> &progress, const CancelFlag *cancel,
               const std::function<double(int step)> &rateAt = {});

// Logits of `rows` in evaluation mode, `chunk` rows at a time.
at::Tensor evaluationLogits(TrainableModel &model, const at::Tensor &rows, int chunk);

} // namespace rs
