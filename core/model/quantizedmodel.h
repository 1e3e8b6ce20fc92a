#pragma once

#include "base/cancellation.h"
#include "model/inception.h"
#include "model/precision.h"

namespace rs {

// An int8 inference copy of an InceptionV3: post-training static quantization of the frozen
// network. BatchNorm is folded into each convolution, whose weights are then quantized per
// output channel (symmetric int8) and whose input and ReLU output are quantized per tensor
// (uint8) with ranges measured on calibration inputs. Convolution and ReLU run as one oneDNN
// kernel, channels-last. The outputs a concatenation joins share one scale, so joining them
// copies bytes instead of requantizing. The source model is not touched.
class QuantizedModel
{
public:
    // `calibration`: float32 N x 3 x 299 x 299 inputs in [-1, 1] (a sample of the user's own
    // images); every activation's range is its largest value over them, as computed in
    // `measuring` (Float32 or BFloat16: a range moves by under 0.4 % between them).
    QuantizedModel(const InceptionV3Impl &source, const at::Tensor &calibration, Precision measuring);

    // As InferenceModel::activation: a float32 batch in, the named activation out in float32
    // (dequantized before the average pool, so the bottleneck's mean is taken in float).
    // Call under c10::InferenceMode.
    at::Tensor activation(const at::Tensor &input, const std::string &name, const CancelFlag *cancel) const;

    // Whether this build of LibTorch has a quantized engine for the CPU (oneDNN or QNNPACK).
    static bool available();

private:
    InceptionV3 m_model;
};

} // namespace rs
