#pragma once

#include "backbone.h"
#include "cancellation.h"
#include "schedule.h"

#include <QString>

#include <functional>
#include <memory>
#include <vector>

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

struct LabelledFeatures
{
    FeatureMatrix features;
    std::vector<int> labels;
};

// The trained classifier on top of the backbone's features.
class ClassifierHead
{
public:
    // Same options, seed and data give the same head. Throws std::invalid_argument for bad
    // options, std::runtime_error for a checkpoint that cannot be used, and Cancelled when
    // `cancel` is set (checked every step). A resumed run first reports the points of the
    // steps done before it.
    static ClassifierHead train(const LabelledFeatures &train, const LabelledFeatures &validation,
                                int classCount, const TrainingOptions &options,
                                const std::function<void(const TrainingPoint &)> &progress = {},
                                const CancelFlag *cancel = nullptr);

    // Reads a head saved by save(); throws WeightsError naming the file and the reason.
    static ClassifierHead load(const QString &path, const HeadShape &shape);

    ClassifierHead(ClassifierHead &&) noexcept;
    ClassifierHead &operator=(ClassifierHead &&) noexcept;
    ~ClassifierHead();

    const HeadShape &shape() const;

    // Softmax probabilities, one row per feature row.
    FeatureMatrix probabilities(const FeatureMatrix &features) const;

    // A state dict ("hidden.weight", "hidden.bias" when there is a hidden layer, "fc.weight",
    // "fc.bias") that Python's torch.load reads. Written atomically.
    void save(const QString &path) const;

    struct Impl;
    const Impl &impl() const { return *d; }
    // core/ internals (fine-tuning) build heads themselves.
    static ClassifierHead adopt(std::unique_ptr<Impl> impl);

private:
    explicit ClassifierHead(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace rs
