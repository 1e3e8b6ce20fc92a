#pragma once

#include "base/cancellation.h"

// InceptionV3 as torchvision.models.inception_v3(aux_logits=True) builds it. Every child is
// registered under torchvision's attribute name, so a torchvision state_dict maps one to one.

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace rs {

namespace inception {

// Conv (no bias) + BatchNorm (eps 0.001) + ReLU.
struct BasicConv2dImpl : torch::nn::Module
{
    BasicConv2dImpl(torch::nn::Conv2dOptions options);
    torch::Tensor forward(torch::Tensor x);

    // Merges the BatchNorm's inference-time affine map into the convolution's weight and a
    // new bias (computed in float64, rounded once), after which forward() skips the
    // BatchNorm. Only for inference copies: training would need the BatchNorm back, and the
    // bias is not a registered parameter (Module::to() leaves it alone).
    void foldBatchNorm();
    bool folded = false;
    // Training with frozen BatchNorm statistics (whole-network fine-tuning): the BatchNorm is
    // then an affine map per channel, applied through the convolution's weight and a bias, which
    // saves a pass over the activations forward and backward; its scale and shift still learn.
    // A BatchNorm in training mode runs as such, in float32 whatever the convolution computed in.
    bool batchNormThroughConvolution = false;
    // Set on inference copies that compute the layer another way (QuantizedModel: int8 in
    // and out); forward() then runs it instead of conv, BatchNorm and ReLU.
    std::function<torch::Tensor(const torch::Tensor &)> replacement;

    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(BasicConv2d);

struct InceptionAImpl : torch::nn::Module
{
    InceptionAImpl(std::int64_t inChannels, std::int64_t poolFeatures);
    torch::Tensor forward(torch::Tensor x);

    BasicConv2d branch1x1{nullptr}, branch5x5_1{nullptr}, branch5x5_2{nullptr},
        branch3x3dbl_1{nullptr}, branch3x3dbl_2{nullptr}, branch3x3dbl_3{nullptr},
        branch_pool{nullptr};
};
TORCH_MODULE(InceptionA);

struct InceptionBImpl : torch::nn::Module
{
    explicit InceptionBImpl(std::int64_t inChannels);
    torch::Tensor forward(torch::Tensor x);

    BasicConv2d branch3x3{nullptr}, branch3x3dbl_1{nullptr}, branch3x3dbl_2{nullptr},
        branch3x3dbl_3{nullptr};
};
TORCH_MODULE(InceptionB);

struct InceptionCImpl : torch::nn::Module
{
    InceptionCImpl(std::int64_t inChannels, std::int64_t channels7x7);
    torch::Tensor forward(torch::Tensor x);

    BasicConv2d branch1x1{nullptr}, branch7x7_1{nullptr}, branch7x7_2{nullptr},
        branch7x7_3{nullptr}, branch7x7dbl_1{nullptr}, branch7x7dbl_2{nullptr},
        branch7x7dbl_3{nullptr}, branch7x7dbl_4{nullptr}, branch7x7dbl_5{nullptr},
        branch_pool{nullptr};
};
TORCH_MODULE(InceptionC);

struct InceptionDImpl : torch::nn::Module
{
    explicit InceptionDImpl(std::int64_t inChannels);
    torch::Tensor forward(torch::Tensor x);

    BasicConv2d branch3x3_1{nullptr}, branch3x3_2{nullptr}, branch7x7x3_1{nullptr},
        branch7x7x3_2{nullptr}, branch7x7x3_3{nullptr}, branch7x7x3_4{nullptr};
};
TORCH_MODULE(InceptionD);

struct InceptionEImpl : torch::nn::Module
{
    explicit InceptionEImpl(std::int64_t inChannels);
    torch::Tensor forward(torch::Tensor x);

    BasicConv2d branch1x1{nullptr}, branch3x3_1{nullptr}, branch3x3_2a{nullptr},
        branch3x3_2b{nullptr}, branch3x3dbl_1{nullptr}, branch3x3dbl_2{nullptr},
        branch3x3dbl_3a{nullptr}, branch3x3dbl_3b{nullptr}, branch_pool{nullptr};
};
TORCH_MODULE(InceptionE);

struct InceptionAuxImpl : torch::nn::Module
{
    InceptionAuxImpl(std::int64_t inChannels, std::int64_t numClasses);
    torch::Tensor forward(torch::Tensor x);

    BasicConv2d conv0{nullptr}, conv1{nullptr};
    torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(InceptionAux);

} // namespace inception

struct InceptionV3Impl : torch::nn::Module
{
    explicit InceptionV3Impl(std::int64_t numClasses = 1000, bool transformInput = false);

    // Eval mode: the logits. The auxiliary classifier is not run (torchvision runs it only
    // to return a second output in training).
    torch::Tensor forward(torch::Tensor x);

    // Runs the network only as far as the deepest of `names` needs and returns those
    // activations. Names are the stages (stageNames()) plus "avgpool" (the N x 2048
    // bottleneck, flattened) and "fc" (the logits). With `cancel`, throws Cancelled between
    // stages once it is set, and so does the backward pass of activations that need a
    // gradient: a Stop need not wait for a whole batch to pass the network.
    std::map<std::string, torch::Tensor> activations(torch::Tensor x, const std::vector<std::string> &names,
                                                     const CancelFlag *cancel = nullptr);

    // The pooled N x 2048 bottleneck from the activation of `stage`: the stages after it, then
    // the average pool. What fine-tuning trains through.
    torch::Tensor bottleneckFrom(const std::string &stage, torch::Tensor activation);

    // Copies every parameter and buffer of `other`, a model of the same shape.
    void copyWeightsFrom(const InceptionV3Impl &other);

    // The computation's named steps in order, as torchvision's feature-extraction node names.
    static const std::vector<std::string> &stageNames();

    // Maps ImageNet-normalised input to the [-1, 1] scale the Google weights were trained on.
    bool transformInput;

    inception::BasicConv2d Conv2d_1a_3x3{nullptr}, Conv2d_2a_3x3{nullptr}, Conv2d_2b_3x3{nullptr},
        Conv2d_3b_1x1{nullptr}, Conv2d_4a_3x3{nullptr};
    inception::InceptionA Mixed_5b{nullptr}, Mixed_5c{nullptr}, Mixed_5d{nullptr};
    inception::InceptionB Mixed_6a{nullptr};
    inception::InceptionC Mixed_6b{nullptr}, Mixed_6c{nullptr}, Mixed_6d{nullptr}, Mixed_6e{nullptr};
    inception::InceptionAux AuxLogits{nullptr};
    inception::InceptionD Mixed_7a{nullptr};
    inception::InceptionE Mixed_7b{nullptr}, Mixed_7c{nullptr};
    torch::nn::Linear fc{nullptr};

private:
    torch::Tensor applyTransformInput(const torch::Tensor &x) const;
    std::vector<std::function<torch::Tensor(const torch::Tensor &)>> m_stages;
};
TORCH_MODULE(InceptionV3);

} // namespace rs
