#pragma once

#include "training/options.h"

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

namespace rs {

// The head as a torch module: [hidden Linear + ReLU] + fc Linear, producing logits.
struct HeadModuleImpl : torch::nn::Module
{
    explicit HeadModuleImpl(const HeadShape &shape);
    // Dropout masks come from `generator` so a seeded run repeats exactly.
    torch::Tensor forward(torch::Tensor x, double dropout = 0.0, at::Generator *generator = nullptr);

    torch::nn::Linear hidden{nullptr};
    torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(HeadModule);

} // namespace rs
