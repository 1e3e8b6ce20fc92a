#pragma once

#include "model/backbone.h"
#include "model/inception.h"
#include "model/inferencemodel.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace rs {

struct Backbone::Impl
{
    InceptionV3 model{1000, /*transformInput=*/false}; // inputs arrive already in [-1, 1]
    WeightsInfo info;
    // Atomic: the GUI may change it while a prediction on the thread pool reads it.
    std::atomic<Precision> precision{Precision::Auto};

    // The fast copy extract() runs, made on first use: fine-tuning trains `model` first.
    std::shared_ptr<const InferenceModel> inference() const;

private:
    mutable std::mutex m_inferenceMutex;
    mutable std::shared_ptr<const InferenceModel> m_inference;
};

// Maps a layer name to the model's activation name and whether it is pooled by definition.
std::pair<std::string, bool> activationFor(const QString &layer);

} // namespace rs
