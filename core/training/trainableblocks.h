#pragma once

// Internal to core/: the part of InceptionV3 that fine-tuning trains, and a backbone to train.

#include "model/backboneimpl.h"
#include "training/finetuning.h"
#include "training/trainloop.h"

#include <cmath>
#include <memory>
#include <vector>

namespace rs {

// The blocks from `fromBlock` on under their torchvision names, as one module: what a
// fine-tuned model's blocks.pth holds. For the whole network every layer but the classifier
// (fc) and the auxiliary one, which a trained model does not keep.
struct TrainableBlocksImpl : torch::nn::Module
{
    TrainableBlocksImpl(InceptionV3 &model, const QString &fromBlock)
    {
        const bool whole = fromBlock == QLatin1String(FineTuning::kWholeNetwork);
        bool trainable = whole;
        for (const auto &child : model->named_children()) {
            trainable = trainable || child.key() == fromBlock.toStdString();
            if (trainable && child.key() != "fc" && !(whole && child.key() == "AuxLogits"))
                register_module(child.key(), child.value());
        }
    }
};
TORCH_MODULE(TrainableBlocks);

// The blocks' parameters by rate, bottom block first: the top block with parameters at
// `multiplier`, each one below at `decay` times the rate of the one above. Blocks of equal
// rate share a group, so without decay there is one, as before decay existed.
inline std::vector<RatedParameters> rateGroups(TrainableBlocks &blocks, double multiplier, double decay)
{
    std::vector<std::vector<at::Tensor>> perBlock;
    for (const auto &child : blocks->children())
        if (std::vector<at::Tensor> p = child->parameters(); !p.empty())
            perBlock.push_back(std::move(p));
    std::vector<RatedParameters> groups;
    for (std::size_t i = 0; i < perBlock.size(); ++i) {
        const double rate = multiplier * std::pow(decay, double(perBlock.size() - 1 - i));
        if (groups.empty() || groups.back().rateMultiplier != rate)
            groups.push_back({{}, rate});
        groups.back().parameters.insert(groups.back().parameters.end(), perBlock[i].begin(), perBlock[i].end());
    }
    return groups;
}

// A backbone of its own with the base's weights, in evaluation mode: training must not touch the base.
inline std::unique_ptr<Backbone::Impl> trainableCopy(const Backbone &base)
{
    auto impl = std::make_unique<Backbone::Impl>();
    impl->model->copyWeightsFrom(*base.impl().model);
    impl->model->eval();
    impl->info = base.weights();
    return impl;
}

} // namespace rs
