#pragma once

#include "model/backbone.h"
#include "model/inception.h"
#include "model/inferencemodel.h"
#include "model/quantizedmodel.h"

#include <memory>
#include <mutex>
#include <vector>

namespace rs {

struct Backbone::Impl
{
    InceptionV3 model{1000, /*transformInput=*/false}; // inputs arrive already in [-1, 1]
    WeightsInfo info;
    // The fast copy extract() runs in `precision`, made on first use (fine-tuning trains
    // `model` first) and kept: one per resolved precision.
    std::shared_ptr<const InferenceModel> inference(Precision precision) const;
    // The int8 copy calibrated under `id`, measured now if it was not yet; null for an id
    // never given to keepSample().
    std::shared_ptr<const QuantizedModel> quantized(const QString &id) const;
    bool keeps(const QString &id) const;
    void keepSample(const QString &id, const at::Tensor &sample) const;

private:
    struct Calibration
    {
        QString id;
        at::Tensor sample; // until measured
        std::shared_ptr<const QuantizedModel> model;
    };
    mutable std::mutex m_inferenceMutex;
    mutable std::shared_ptr<const InferenceModel> m_inference[2]; // float32, bfloat16
    // The last calibrations, newest last: a run and the one before it (a model each, ~25 MB).
    mutable std::vector<Calibration> m_calibrations;
};

// Maps a layer name to the model's activation name and whether it is pooled by definition.
std::pair<std::string, bool> activationFor(const QString &layer);

} // namespace rs
