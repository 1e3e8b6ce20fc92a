#pragma once

#include "io/statedict.h"

#include <torch/nn/module.h>

#include <string>

namespace rs {

struct LoadSummary
{
    int tensorCount = 0;
    std::int64_t parameterCount = 0;
};

// Copies `dict` into `model`'s parameters and buffers. Strict: a missing or unexpected key,
// a shape mismatch or an unusable dtype throws FormatError naming the key. A file of another
// network altogether (most of its keys foreign) is refused as not `network` weights, naming
// a few of the keys it holds. Floating-point tensors of other precisions are converted to the
// model's float32.
LoadSummary loadStrict(torch::nn::Module &model, const StateDict &dict, const std::string &network);

// SHA-256 (hex) over the names, shapes and values of the tensors that affect the outputs.
std::string fingerprint(const torch::nn::Module &model);

} // namespace rs
