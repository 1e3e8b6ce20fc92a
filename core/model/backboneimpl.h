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
    // The int8 copy calibrated under `id`, or null.
    std::shared_ptr<const QuantizedModel> quantized(const QString &id) const;
    void keepQuantized(const QString &id, std::shared_ptr<const QuantizedModel> model) const;

private:
    mutable std::mutex m_inferenceMutex;
    mutable std::shared_ptr<const InferenceModel> m_inference[2]; // float32, bfloat16
    // The last calibrations, newest last: a run and the one before it (a model each, ~25 MB).
    mutable std::vector<std::pair<QString, std::shared_ptr<const QuantizedModel>>> m_quantized;
};

// Maps a layer name to the model's activation name and whether it is pooled by definition.
std::pair<std::string, bool> activationFor(const QString &layer);

} // namespace rs
