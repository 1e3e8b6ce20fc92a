#pragma once

#include "base/cancellation.h"
#include "model/inception.h"
#include "model/precision.h"

namespace rs {

// An inference-only copy of an InceptionV3, laid out for speed on the CPU: BatchNorm folded
// into the convolutions, every tensor channels-last (oneDNN's native layout, so no reorder
// between layers) and, in bfloat16 mode, weights and activations in bfloat16. The source
// model is not touched: training, export and the fingerprint keep using it.
class InferenceModel
{
public:
    // `precision` must be resolved (Float32 or BFloat16).
    InferenceModel(const InceptionV3Impl &source, Precision precision);

    Precision precision() const { return m_precision; }

    // The activation `name` (as InceptionV3Impl::activations names it) of a float32 N x 3 x H x W
    // batch, returned in float32. Call under c10::InferenceMode.
    at::Tensor activation(const at::Tensor &input, const std::string &name, const CancelFlag *cancel) const;

private:
    InceptionV3 m_model;
    Precision m_precision;
};

} // namespace rs
