#pragma once

// What a head is trained with and what its training reports: plain values, no torch.

#include "training/schedule.h"

#include <QString>

#include <cstdint>

namespace rs {

struct HeadShape
{
    int inputSize = 2048;
    int classCount = 2;
    int hiddenUnits = 0; // 0: one fully-connected layer; else a ReLU hidden layer first
};

struct TrainingOptions
{
    enum class Optimizer { Sgd, Adam };

    int steps = 10000;
    int batchSize = 100;   // 0: every training image in every step (full batch)
    LearningRateSchedule schedule; // its `steps` is taken from `steps`
    Optimizer optimizer = Optimizer::Sgd;
    double momentum = 0.0; // SGD only
    int hiddenUnits = 0;
    double dropout = 0.0;  // on the head's input (and hidden layer), during training only
    std::uint64_t seed = 0;
    bool balancedSampling = false; // draw each class equally often
    bool classWeights = false;     // weight each class's loss by the inverse of its share
    int evalInterval = 100;        // steps between progress reports
    // Trains on features standardised per dimension (mean 0, standard deviation 1 over the
    // training set), so one learning rate suits a backbone whose features are tiny or huge; the
    // standardisation is folded into the head's first layer afterwards, which therefore takes
    // raw features like an unstandardised head. The head alone: fine-tuning's features move as it trains.
    bool standardize = true;
    // With `standardize`: a dimension whose deviation is below this share of the typical one
    // (their root mean square) is scaled as if it had that share. 0.1 lets each dimension be
    // scaled by its own deviation; 1 scales only the dimensions that spread more than the
    // typical one down to it, keeping the narrower ones' relative sizes. Neither suits every
    // backbone (docs/quality.md: 0.1 on seeded weights, 1 on a real pretrained network), so 0,
    // the default, trains the head with each and keeps the lower validation loss (with
    // keepBest and validation images; else 0.1).
    double spreadFloor = 0;
    static constexpr double kOwnSpread = 0.1, kTypicalSpread = 1.0;
    // L2 penalty, as torch's optimizers apply it (weights and biases). Of 1e-3, 3e-3, 1e-2 and
    // 3e-2, 1e-2 gave the lowest test NLL and the highest accuracy (tied with 3e-3 on two) on all
    // four feature sets of bench/quality.sh (docs/quality.md).
    double weightDecay = 1e-2;
    // Ends with the weights of the report with the lowest validation loss (the later one on a
    // tie) instead of the last step's; without a validation set, the last step's.
    bool keepBest = true;
    // Fits a temperature on the validation images after training and divides the logits by it
    // (folded into the last layer), so that the probabilities mean what they say.
    bool calibrate = true;

    // With a file: the run's state is written there atomically every `checkpointInterval`
    // steps and when it is cancelled; with `resume`, a run starts from the file when it holds
    // this run (same settings and data) and ends with the weights an uninterrupted run has.
    QString checkpointFile;
    int checkpointInterval = 1000;
    bool resume = false;

    // Empty when the options are usable, else the first problem in words.
    QString validate() const;
};

// What the progress callback gets every `evalInterval` steps and after the last one.
struct TrainingPoint
{
    int step = 0; // steps done
    int totalSteps = 0;
    double learningRate = 0;
    double trainLoss = 0;          // on the step's batch
    double trainAccuracy = 0;      // on the step's batch, 0..1
    double validationLoss = 0;     // on the whole validation set; NaN without one
    double validationAccuracy = 0;
    int resumedFrom = 0; // the step this run carried on from a checkpoint; 0: started afresh
};

} // namespace rs
