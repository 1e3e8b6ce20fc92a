#pragma once

#include "base/cancellation.h"
#include "evaluation/calibration.h"
#include "features/labelledfeatures.h"
#include "training/options.h"

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace rs {

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
    // The training step whose weights the head holds: the best validation point's with
    // TrainingOptions::keepBest, else the last; 0 for a head loaded from a file.
    int keptStep() const;
    // The temperature its probabilities were calibrated with on the validation images (already
    // in its weights), with the scores before and after; images == 0 when it was not.
    const Calibration &calibration() const;
    // The TrainingOptions::spreadFloor it was trained with (the chosen one when the options left
    // it to the validation images); 0 when it was trained on raw features or loaded from a file.
    double spreadFloor() const;

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
