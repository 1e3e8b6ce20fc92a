#include "model/quantizedmodel.h"

#include "model/precision.h"

#include <ATen/Functions.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/native/quantized/PackedParams.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <map>
#include <mutex>
#include <numeric>

namespace rs {
namespace {

using inception::BasicConv2dImpl;
using PackedConv = c10::intrusive_ptr<ConvPackedParamsBase<2>>;

// Inputs arrive in [-1, 1]: 255 steps across it, zero at 128.
constexpr double kInputScale = 1.0 / 127.5;
constexpr std::int64_t kInputZeroPoint = 128;

bool chooseEngine()
{
    const auto &engines = at::globalContext().supportedQEngines();
    for (at::QEngine wanted : {at::QEngine::ONEDNN, at::QEngine::QNNPACK})
        if (std::find(engines.begin(), engines.end(), wanted) != engines.end()) {
            // Process-wide; every caller wants the same one.
            at::globalContext().setQEngine(wanted);
            return true;
        }
    return false;
}

bool engineReady()
{
    static const bool ready = chooseEngine();
    return ready;
}

c10::List<std::int64_t> listOf(at::IntArrayRef values)
{
    return c10::List<std::int64_t>(std::vector<std::int64_t>(values.begin(), values.end()));
}

PackedConv packConvolution(const torch::nn::Conv2dImpl &conv)
{
    static const auto prepack = c10::Dispatcher::singleton()
                                    .findSchemaOrThrow("quantized::conv2d_prepack", "")
                                    .typed<PackedConv(at::Tensor, c10::optional<at::Tensor>, c10::List<std::int64_t>,
                                                      c10::List<std::int64_t>, c10::List<std::int64_t>, std::int64_t)>();
    const at::Tensor weight = conv.weight.contiguous();
    // Symmetric per output channel: the int8 range is [-127, 127] around zero.
    const at::Tensor scales = (weight.abs().amax({1, 2, 3}).to(at::kDouble) / 127.0).clamp_min(1e-12);
    const at::Tensor zeros = at::zeros({weight.size(0)}, at::kLong);
    const at::Tensor qweight = at::quantize_per_channel(weight, scales, zeros, 0, at::kQInt8);
    const auto &options = conv.options;
    const auto padding = c10::get<torch::ExpandingArray<2>>(options.padding());
    return prepack.call(qweight, conv.bias, listOf(*options.stride()), listOf(*padding), listOf(*options.dilation()),
                        options.groups());
}

at::Tensor convolveInt8(const at::Tensor &x, const PackedConv &packed, double scale)
{
    static const auto run = c10::Dispatcher::singleton()
                                .findSchemaOrThrow("quantized::conv2d_relu", "new")
                                .typed<at::Tensor(at::Tensor, const PackedConv &, double, std::int64_t)>();
    return run.call(x, packed, scale, 0); // after the ReLU nothing is negative: zero at 0
}

// Convolutions whose outputs must share a scale: at::cat joins quantized tensors only when
// their scales agree. A block that passes its input through a max pool into its
// concatenation (Mixed_6a, Mixed_7a) ties its scale to the block before it.
class ScaleGroups
{
public:
    void join(const std::vector<BasicConv2dImpl *> &convs)
    {
        for (std::size_t i = 1; i < convs.size(); ++i)
            m_parent[find(convs[i])] = find(convs[0]);
    }
    BasicConv2dImpl *find(BasicConv2dImpl *conv)
    {
        auto it = m_parent.find(conv);
        if (it == m_parent.end())
            return m_parent[conv] = conv;
        if (it->second != conv)
            it->second = find(it->second);
        return it->second;
    }

private:
    std::map<BasicConv2dImpl *, BasicConv2dImpl *> m_parent;
};

void joinConcatenations(InceptionV3Impl &m, ScaleGroups &groups)
{
    for (auto *a : {m.Mixed_5b.get(), m.Mixed_5c.get(), m.Mixed_5d.get()})
        groups.join({a->branch1x1.get(), a->branch5x5_2.get(), a->branch3x3dbl_3.get(), a->branch_pool.get()});
    groups.join({m.Mixed_6a->branch3x3.get(), m.Mixed_6a->branch3x3dbl_3.get(), m.Mixed_5d->branch1x1.get()});
    for (auto *c : {m.Mixed_6b.get(), m.Mixed_6c.get(), m.Mixed_6d.get(), m.Mixed_6e.get()})
        groups.join({c->branch1x1.get(), c->branch7x7_3.get(), c->branch7x7dbl_5.get(), c->branch_pool.get()});
    groups.join({m.Mixed_7a->branch3x3_2.get(), m.Mixed_7a->branch7x7x3_4.get(), m.Mixed_6e->branch1x1.get()});
    for (auto *e : {m.Mixed_7b.get(), m.Mixed_7c.get()})
        groups.join({e->branch1x1.get(), e->branch3x3_2a.get(), e->branch3x3_2b.get(), e->branch3x3dbl_3a.get(),
                     e->branch3x3dbl_3b.get(), e->branch_pool.get()});
}

at::Tensor quantizeInput(const at::Tensor &input)
{
    return at::quantize_per_tensor(input.contiguous(at::MemoryFormat::ChannelsLast), kInputScale, kInputZeroPoint,
                                   at::kQUInt8);
}

} // namespace

bool QuantizedModel::available()
{
    return engineReady();
}

bool int8Available()
{
    return QuantizedModel::available();
}

QuantizedModel::QuantizedModel(const InceptionV3Impl &source, const at::Tensor &calibration)
    : m_model(1000, source.transformInput)
{
    if (!engineReady())
        throw std::runtime_error("this LibTorch has no quantized CPU engine, so int8 is not available");
    torch::NoGradGuard noGrad;
    m_model->copyWeightsFrom(source);
    m_model->eval();
    std::vector<BasicConv2dImpl *> convs;
    for (const auto &module : m_model->modules())
        if (auto *conv = module->as<BasicConv2dImpl>()) {
            conv->foldBatchNorm();
            convs.push_back(conv);
        }

    // Each layer's largest output over the sample, measured in float32 on the quantized input
    // (as the int8 network will see it).
    std::map<BasicConv2dImpl *, float> largest;
    for (BasicConv2dImpl *conv : convs)
        conv->replacement = [conv, &largest](const torch::Tensor &x) {
            at::Tensor y = at::relu(conv->conv->forward(x));
            float &seen = largest[conv];
            seen = std::max(seen, y.max().item<float>());
            return y;
        };
    // A few images at a time: the early activations of one image take 20 MB in float32.
    constexpr std::int64_t kChunk = 8;
    for (std::int64_t start = 0; start < calibration.size(0); start += kChunk)
        m_model->activations(quantizeInput(calibration.narrow(0, start, std::min(kChunk, calibration.size(0) - start))).dequantize(),
                             {"Mixed_7c"});

    ScaleGroups groups;
    joinConcatenations(*m_model, groups);
    std::map<BasicConv2dImpl *, float> groupLargest;
    for (const auto &[conv, value] : largest) {
        float &g = groupLargest[groups.find(conv)];
        g = std::max(g, value);
    }
    for (BasicConv2dImpl *conv : convs) {
        if (!largest.count(conv)) { // not on the bottleneck's path (the auxiliary classifier)
            conv->replacement = nullptr;
            continue;
        }
        const double scale = std::max(1e-6, double(groupLargest[groups.find(conv)]) / 255.0);
        conv->replacement = [packed = packConvolution(*conv->conv), scale](const torch::Tensor &x) {
            return convolveInt8(x, packed, scale);
        };
    }
}

at::Tensor QuantizedModel::activation(const at::Tensor &input, const std::string &name, const CancelFlag *cancel) const
{
    const bool pooledOrLogits = name == "avgpool" || name == "fc";
    const std::string stage = pooledOrLogits ? "Mixed_7c" : name;
    at::Tensor out = m_model.ptr()->activations(quantizeInput(input), {stage}, cancel).at(stage).dequantize();
    if (!pooledOrLogits)
        return out;
    out = at::adaptive_avg_pool2d(out, {1, 1}).flatten(1);
    return name == "fc" ? m_model.ptr()->fc->forward(out) : out;
}

} // namespace rs
