#include "model/inception.h"

#include <ATen/Functions.h>

#include <algorithm>
#include <stdexcept>

namespace rs {
namespace inception {
namespace {

using torch::nn::Conv2dOptions;

Conv2dOptions conv(std::int64_t in, std::int64_t out, std::int64_t kernel)
{
    return Conv2dOptions(in, out, kernel);
}

// The factorised 1xN / Nx1 convolutions keep the spatial size.
Conv2dOptions conv(std::int64_t in, std::int64_t out, std::int64_t kh, std::int64_t kw)
{
    return Conv2dOptions(in, out, {kh, kw}).padding(torch::ExpandingArray<2>({kh / 2, kw / 2}));
}

torch::Tensor poolSameSize(const torch::Tensor &x)
{
    // Sizes spelled out per axis: the quantized kernels take no single-number shorthand.
    return at::avg_pool2d(x, {3, 3}, {1, 1}, {1, 1}); // count_include_pad, as torch's default
}

} // namespace

BasicConv2dImpl::BasicConv2dImpl(Conv2dOptions options)
{
    const std::int64_t out = options.out_channels();
    conv = register_module("conv", torch::nn::Conv2d(options.bias(false)));
    bn = register_module("bn", torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(out).eps(0.001)));
}

torch::Tensor BasicConv2dImpl::forward(torch::Tensor x)
{
    if (replacement)
        return replacement(x);
    if (batchNormThroughConvolution && !folded && !bn->is_training()) {
        const at::Tensor scale = bn->weight * (bn->running_var + bn->options.eps()).rsqrt();
        const at::Tensor shift = bn->bias - bn->running_mean * scale;
        const auto &o = conv->options;
        at::Tensor y = at::conv2d(x, conv->weight * scale.view({-1, 1, 1, 1}), shift, *o.stride(),
                                  *c10::get<torch::ExpandingArray<2>>(o.padding()), *o.dilation(), o.groups());
        return at::relu_(y);
    }
    auto y = conv->forward(x);
    if (!folded)
        y = bn->forward(bn->is_training() && y.scalar_type() != at::kFloat ? y.to(at::kFloat) : y);
    return at::relu_(y);
}

void BasicConv2dImpl::foldBatchNorm()
{
    if (folded)
        return;
    torch::NoGradGuard noGrad;
    const double eps = bn->options.eps();
    const at::Tensor scale = bn->weight.to(at::kDouble) / (bn->running_var.to(at::kDouble) + eps).sqrt();
    const at::Tensor shift = bn->bias.to(at::kDouble) - bn->running_mean.to(at::kDouble) * scale;
    conv->weight.set_data((conv->weight.to(at::kDouble) * scale.view({-1, 1, 1, 1})).to(at::kFloat));
    // Not registered: a bias-free Conv2d holds an undefined "bias" entry already, and this
    // copy is never trained or saved.
    conv->bias = shift.to(at::kFloat);
    folded = true;
}

InceptionAImpl::InceptionAImpl(std::int64_t in, std::int64_t poolFeatures)
{
    branch1x1 = register_module("branch1x1", BasicConv2d(conv(in, 64, 1)));
    branch5x5_1 = register_module("branch5x5_1", BasicConv2d(conv(in, 48, 1)));
    branch5x5_2 = register_module("branch5x5_2", BasicConv2d(conv(48, 64, 5).padding(2)));
    branch3x3dbl_1 = register_module("branch3x3dbl_1", BasicConv2d(conv(in, 64, 1)));
    branch3x3dbl_2 = register_module("branch3x3dbl_2", BasicConv2d(conv(64, 96, 3).padding(1)));
    branch3x3dbl_3 = register_module("branch3x3dbl_3", BasicConv2d(conv(96, 96, 3).padding(1)));
    branch_pool = register_module("branch_pool", BasicConv2d(conv(in, poolFeatures, 1)));
}

torch::Tensor InceptionAImpl::forward(torch::Tensor x)
{
    auto b1 = branch1x1->forward(x);
    auto b5 = branch5x5_2->forward(branch5x5_1->forward(x));
    auto b3 = branch3x3dbl_3->forward(branch3x3dbl_2->forward(branch3x3dbl_1->forward(x)));
    auto bp = branch_pool->forward(poolSameSize(x));
    return at::cat({b1, b5, b3, bp}, 1);
}

InceptionBImpl::InceptionBImpl(std::int64_t in)
{
    branch3x3 = register_module("branch3x3", BasicConv2d(conv(in, 384, 3).stride(2)));
    branch3x3dbl_1 = register_module("branch3x3dbl_1", BasicConv2d(conv(in, 64, 1)));
    branch3x3dbl_2 = register_module("branch3x3dbl_2", BasicConv2d(conv(64, 96, 3).padding(1)));
    branch3x3dbl_3 = register_module("branch3x3dbl_3", BasicConv2d(conv(96, 96, 3).stride(2)));
}

torch::Tensor InceptionBImpl::forward(torch::Tensor x)
{
    auto b3 = branch3x3->forward(x);
    auto b3dbl = branch3x3dbl_3->forward(branch3x3dbl_2->forward(branch3x3dbl_1->forward(x)));
    auto bp = at::max_pool2d(x, {3, 3}, {2, 2}, {0, 0}, {1, 1});
    return at::cat({b3, b3dbl, bp}, 1);
}

InceptionCImpl::InceptionCImpl(std::int64_t in, std::int64_t c7)
{
    branch1x1 = register_module("branch1x1", BasicConv2d(conv(in, 192, 1)));
    branch7x7_1 = register_module("branch7x7_1", BasicConv2d(conv(in, c7, 1)));
    branch7x7_2 = register_module("branch7x7_2", BasicConv2d(conv(c7, c7, 1, 7)));
    branch7x7_3 = register_module("branch7x7_3", BasicConv2d(conv(c7, 192, 7, 1)));
    branch7x7dbl_1 = register_module("branch7x7dbl_1", BasicConv2d(conv(in, c7, 1)));
    branch7x7dbl_2 = register_module("branch7x7dbl_2", BasicConv2d(conv(c7, c7, 7, 1)));
    branch7x7dbl_3 = register_module("branch7x7dbl_3", BasicConv2d(conv(c7, c7, 1, 7)));
    branch7x7dbl_4 = register_module("branch7x7dbl_4", BasicConv2d(conv(c7, c7, 7, 1)));
    branch7x7dbl_5 = register_module("branch7x7dbl_5", BasicConv2d(conv(c7, 192, 1, 7)));
    branch_pool = register_module("branch_pool", BasicConv2d(conv(in, 192, 1)));
}

torch::Tensor InceptionCImpl::forward(torch::Tensor x)
{
    auto b1 = branch1x1->forward(x);
    auto b7 = branch7x7_3->forward(branch7x7_2->forward(branch7x7_1->forward(x)));
    auto b7dbl = branch7x7dbl_1->forward(x);
    b7dbl = branch7x7dbl_3->forward(branch7x7dbl_2->forward(b7dbl));
    b7dbl = branch7x7dbl_5->forward(branch7x7dbl_4->forward(b7dbl));
    auto bp = branch_pool->forward(poolSameSize(x));
    return at::cat({b1, b7, b7dbl, bp}, 1);
}

InceptionDImpl::InceptionDImpl(std::int64_t in)
{
    branch3x3_1 = register_module("branch3x3_1", BasicConv2d(conv(in, 192, 1)));
    branch3x3_2 = register_module("branch3x3_2", BasicConv2d(conv(192, 320, 3).stride(2)));
    branch7x7x3_1 = register_module("branch7x7x3_1", BasicConv2d(conv(in, 192, 1)));
    branch7x7x3_2 = register_module("branch7x7x3_2", BasicConv2d(conv(192, 192, 1, 7)));
    branch7x7x3_3 = register_module("branch7x7x3_3", BasicConv2d(conv(192, 192, 7, 1)));
    branch7x7x3_4 = register_module("branch7x7x3_4", BasicConv2d(conv(192, 192, 3).stride(2)));
}

torch::Tensor InceptionDImpl::forward(torch::Tensor x)
{
    auto b3 = branch3x3_2->forward(branch3x3_1->forward(x));
    auto b7 = branch7x7x3_2->forward(branch7x7x3_1->forward(x));
    b7 = branch7x7x3_4->forward(branch7x7x3_3->forward(b7));
    auto bp = at::max_pool2d(x, {3, 3}, {2, 2}, {0, 0}, {1, 1});
    return at::cat({b3, b7, bp}, 1);
}

InceptionEImpl::InceptionEImpl(std::int64_t in)
{
    branch1x1 = register_module("branch1x1", BasicConv2d(conv(in, 320, 1)));
    branch3x3_1 = register_module("branch3x3_1", BasicConv2d(conv(in, 384, 1)));
    branch3x3_2a = register_module("branch3x3_2a", BasicConv2d(conv(384, 384, 1, 3)));
    branch3x3_2b = register_module("branch3x3_2b", BasicConv2d(conv(384, 384, 3, 1)));
    branch3x3dbl_1 = register_module("branch3x3dbl_1", BasicConv2d(conv(in, 448, 1)));
    branch3x3dbl_2 = register_module("branch3x3dbl_2", BasicConv2d(conv(448, 384, 3).padding(1)));
    branch3x3dbl_3a = register_module("branch3x3dbl_3a", BasicConv2d(conv(384, 384, 1, 3)));
    branch3x3dbl_3b = register_module("branch3x3dbl_3b", BasicConv2d(conv(384, 384, 3, 1)));
    branch_pool = register_module("branch_pool", BasicConv2d(conv(in, 192, 1)));
}

torch::Tensor InceptionEImpl::forward(torch::Tensor x)
{
    auto b1 = branch1x1->forward(x);
    auto b3 = branch3x3_1->forward(x);
    b3 = at::cat({branch3x3_2a->forward(b3), branch3x3_2b->forward(b3)}, 1);
    auto b3dbl = branch3x3dbl_2->forward(branch3x3dbl_1->forward(x));
    b3dbl = at::cat({branch3x3dbl_3a->forward(b3dbl), branch3x3dbl_3b->forward(b3dbl)}, 1);
    auto bp = branch_pool->forward(poolSameSize(x));
    return at::cat({b1, b3, b3dbl, bp}, 1);
}

InceptionAuxImpl::InceptionAuxImpl(std::int64_t in, std::int64_t numClasses)
{
    conv0 = register_module("conv0", BasicConv2d(conv(in, 128, 1)));
    conv1 = register_module("conv1", BasicConv2d(conv(128, 768, 5)));
    fc = register_module("fc", torch::nn::Linear(768, numClasses));
}

torch::Tensor InceptionAuxImpl::forward(torch::Tensor x)
{
    // N x 768 x 17 x 17
    x = at::avg_pool2d(x, 5, 3);
    // N x 768 x 5 x 5
    x = conv1->forward(conv0->forward(x));
    // N x 768 x 1 x 1
    x = at::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
    return fc->forward(x);
}

} // namespace inception

using namespace inception;

InceptionV3Impl::InceptionV3Impl(std::int64_t numClasses, bool transformInput)
    : transformInput(transformInput)
{
    Conv2d_1a_3x3 = register_module("Conv2d_1a_3x3", BasicConv2d(conv(3, 32, 3).stride(2)));
    Conv2d_2a_3x3 = register_module("Conv2d_2a_3x3", BasicConv2d(conv(32, 32, 3)));
    Conv2d_2b_3x3 = register_module("Conv2d_2b_3x3", BasicConv2d(conv(32, 64, 3).padding(1)));
    Conv2d_3b_1x1 = register_module("Conv2d_3b_1x1", BasicConv2d(conv(64, 80, 1)));
    Conv2d_4a_3x3 = register_module("Conv2d_4a_3x3", BasicConv2d(conv(80, 192, 3)));
    Mixed_5b = register_module("Mixed_5b", InceptionA(192, 32));
    Mixed_5c = register_module("Mixed_5c", InceptionA(256, 64));
    Mixed_5d = register_module("Mixed_5d", InceptionA(288, 64));
    Mixed_6a = register_module("Mixed_6a", InceptionB(288));
    Mixed_6b = register_module("Mixed_6b", InceptionC(768, 128));
    Mixed_6c = register_module("Mixed_6c", InceptionC(768, 160));
    Mixed_6d = register_module("Mixed_6d", InceptionC(768, 160));
    Mixed_6e = register_module("Mixed_6e", InceptionC(768, 192));
    AuxLogits = register_module("AuxLogits", InceptionAux(768, numClasses));
    Mixed_7a = register_module("Mixed_7a", InceptionD(768));
    Mixed_7b = register_module("Mixed_7b", InceptionE(1280));
    Mixed_7c = register_module("Mixed_7c", InceptionE(2048));
    fc = register_module("fc", torch::nn::Linear(2048, numClasses));

    auto maxPool = [](const torch::Tensor &x) { return at::max_pool2d(x, {3, 3}, {2, 2}, {0, 0}, {1, 1}); };
    // One entry per name in stageNames(), same order; shapes for a 299 x 299 input.
    m_stages = {
        [m = Conv2d_1a_3x3.ptr()](const torch::Tensor &x) { return m->forward(x); }, // N x 32 x 149 x 149
        [m = Conv2d_2a_3x3.ptr()](const torch::Tensor &x) { return m->forward(x); }, // N x 32 x 147 x 147
        [m = Conv2d_2b_3x3.ptr()](const torch::Tensor &x) { return m->forward(x); }, // N x 64 x 147 x 147
        maxPool,                                                               // N x 64 x 73 x 73
        [m = Conv2d_3b_1x1.ptr()](const torch::Tensor &x) { return m->forward(x); }, // N x 80 x 73 x 73
        [m = Conv2d_4a_3x3.ptr()](const torch::Tensor &x) { return m->forward(x); }, // N x 192 x 71 x 71
        maxPool,                                                               // N x 192 x 35 x 35
        [m = Mixed_5b.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 256 x 35 x 35
        [m = Mixed_5c.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 288 x 35 x 35
        [m = Mixed_5d.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 288 x 35 x 35
        [m = Mixed_6a.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 768 x 17 x 17
        [m = Mixed_6b.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 768 x 17 x 17
        [m = Mixed_6c.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 768 x 17 x 17
        [m = Mixed_6d.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 768 x 17 x 17
        [m = Mixed_6e.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 768 x 17 x 17
        [m = Mixed_7a.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 1280 x 8 x 8
        [m = Mixed_7b.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 2048 x 8 x 8
        [m = Mixed_7c.ptr()](const torch::Tensor &x) { return m->forward(x); },      // N x 2048 x 8 x 8
    };
}

const std::vector<std::string> &InceptionV3Impl::stageNames()
{
    static const std::vector<std::string> names = {
        "Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "maxpool1", "Conv2d_3b_1x1",
        "Conv2d_4a_3x3", "maxpool2", "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a",
        "Mixed_6b", "Mixed_6c", "Mixed_6d", "Mixed_6e", "Mixed_7a", "Mixed_7b", "Mixed_7c"};
    return names;
}

torch::Tensor InceptionV3Impl::applyTransformInput(const torch::Tensor &x) const
{
    if (!transformInput)
        return x;
    auto channel = [&](std::int64_t c, double std, double mean) {
        return x.select(1, c).unsqueeze(1) * (std / 0.5) + (mean - 0.5) / 0.5;
    };
    return at::cat({channel(0, 0.229, 0.485), channel(1, 0.224, 0.456), channel(2, 0.225, 0.406)}, 1);
}

std::map<std::string, torch::Tensor> InceptionV3Impl::activations(torch::Tensor x, const std::vector<std::string> &names,
                                                                  const CancelFlag *cancel)
{
    const auto &stages = stageNames();
    const std::size_t pooled = stages.size();  // position of "avgpool"
    const std::size_t logits = stages.size() + 1; // position of "fc"
    auto positionOf = [&](const std::string &name) -> std::size_t {
        if (name == "avgpool")
            return pooled;
        if (name == "fc")
            return logits;
        auto it = std::find(stages.begin(), stages.end(), name);
        if (it == stages.end())
            throw std::invalid_argument("InceptionV3 has no layer named '" + name + "'");
        return std::size_t(it - stages.begin());
    };
    std::size_t last = 0;
    for (const auto &name : names)
        last = std::max(last, positionOf(name));

    std::map<std::string, torch::Tensor> out;
    auto keep = [&](const std::string &name, const torch::Tensor &t) {
        if (std::find(names.begin(), names.end(), name) != names.end())
            out[name] = t;
    };
    x = applyTransformInput(x);
    for (std::size_t i = 0; i < stages.size() && i <= last; ++i) {
        throwIfCancelled(cancel);
        x = m_stages[i](x);
        // Training spends most of a step in the backward pass: it is stopped between stages
        // too (autograd hands the exception to backward()'s caller as it was thrown).
        if (cancel && x.requires_grad())
            x.register_hook([cancel](const torch::Tensor &) { throwIfCancelled(cancel); });
        keep(stages[i], x);
    }
    if (last < pooled)
        return out;
    // N x 2048 x 8 x 8 -> N x 2048
    x = at::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
    keep("avgpool", x);
    if (last == logits)
        keep("fc", fc->forward(at::dropout(x, 0.5, is_training())));
    return out;
}

torch::Tensor InceptionV3Impl::bottleneckFrom(const std::string &stage, torch::Tensor x)
{
    const auto &stages = stageNames();
    const auto it = std::find(stages.begin(), stages.end(), stage);
    if (it == stages.end())
        throw std::invalid_argument("InceptionV3 has no stage named '" + stage + "'");
    for (auto i = std::size_t(it - stages.begin()) + 1; i < stages.size(); ++i)
        x = m_stages[i](x);
    return at::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
}

void InceptionV3Impl::copyWeightsFrom(const InceptionV3Impl &other)
{
    torch::NoGradGuard noGrad;
    const auto parameters = other.named_parameters();
    for (auto &p : named_parameters())
        p.value().copy_(parameters[p.key()]);
    const auto buffers = other.named_buffers();
    for (auto &b : named_buffers())
        b.value().copy_(buffers[b.key()]);
}

torch::Tensor InceptionV3Impl::forward(torch::Tensor x)
{
    return activations(std::move(x), {"fc"}).at("fc");
}

} // namespace rs
