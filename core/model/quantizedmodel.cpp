#include "model/quantizedmodel.h"

#include "model/precision.h"

#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/native/quantized/PackedParams.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <cstring>
#include <map>

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
    // A NaN or infinity has no int8 value (and would make the rounding below undefined).
    if (!at::isfinite(weight).all().item<bool>() || !at::isfinite(conv.bias).all().item<bool>())
        throw std::invalid_argument("int8: the weights hold a value that is not a finite number");
    // Symmetric per output channel: the int8 range is [-127, 127] around zero.
    const at::Tensor scales = (weight.abs().amax({1, 2, 3}).to(at::kDouble) / 127.0).clamp_min(1e-12).contiguous();
    const at::Tensor zeros = at::zeros({weight.size(0)}, at::kLong);
    at::Tensor qweight = at::_empty_per_channel_affine_quantized(weight.sizes(), scales, zeros, 0,
                                                                 at::device(at::kCPU).dtype(at::kQInt8));
    // at::quantize_per_channel rounds one value at a time; this loop vectorises. Halves round
    // away from zero.
    const std::int64_t channels = weight.size(0), perChannel = weight.numel() / channels;
    const float *from = weight.data_ptr<float>();
    auto *to = reinterpret_cast<std::int8_t *>(qweight.data_ptr<c10::qint8>());
    const double *scale = scales.data_ptr<double>();
    for (std::int64_t c = 0; c < channels; ++c) {
        const float perUnit = float(1.0 / scale[c]);
        for (std::int64_t i = c * perChannel; i < (c + 1) * perChannel; ++i) {
            const float v = std::clamp(from[i] * perUnit, -127.0f, 127.0f);
            to[i] = std::int8_t(v + (v >= 0 ? 0.5f : -0.5f));
        }
    }
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

// at::quantize_per_tensor rounds one value at a time; this loop vectorises, and writes
// channels-last while it reads the batch in planes. Halves round up instead of to even.
at::Tensor quantizeInput(const at::Tensor &input)
{
    const at::Tensor planes = input.contiguous();
    const std::int64_t n = planes.size(0), channels = planes.size(1), pixels = planes.size(2) * planes.size(3);
    at::Tensor out = at::_empty_affine_quantized(planes.sizes(), at::device(at::kCPU).dtype(at::kQUInt8), kInputScale,
                                                 kInputZeroPoint, at::MemoryFormat::ChannelsLast);
    const float *from = planes.data_ptr<float>();
    auto *to = reinterpret_cast<std::uint8_t *>(out.data_ptr<c10::quint8>());
    const float perUnit = float(1.0 / kInputScale), offset = float(kInputZeroPoint) + 0.5f;
    at::parallel_for(0, n * channels, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t plane = begin; plane < end; ++plane) {
            const std::int64_t image = plane / channels, channel = plane % channels;
            const float *src = from + plane * pixels;
            std::uint8_t *dst = to + image * pixels * channels + channel;
            for (std::int64_t i = 0; i < pixels; ++i)
                dst[i * channels] = std::uint8_t(std::clamp(src[i] * perUnit + offset, 0.0f, 255.0f));
        }
    });
    return out;
}

// The largest value of a tensor after a ReLU. LibTorch 1.13 reduces bfloat16 one value at a
// time; but the bits of non-negative floats order as signed integers do (a -0 below them),
// and a plain integer loop vectorises.
template <typename Bits>
Bits largestBits(const at::Tensor &dense)
{
    const Bits *bits = static_cast<const Bits *>(dense.data_ptr());
    const std::int64_t count = dense.numel();
    std::vector<Bits> partial(std::size_t(at::get_num_threads()), 0);
    at::parallel_for(0, count, 1 << 16, [&](std::int64_t begin, std::int64_t end) {
        Bits top = 0;
        for (std::int64_t i = begin; i < end; ++i)
            top = std::max(top, bits[i]);
        Bits &slot = partial[std::size_t(at::get_thread_num())];
        slot = std::max(slot, top);
    });
    return *std::max_element(partial.begin(), partial.end());
}

float largestOf(const at::Tensor &nonNegative)
{
    const at::Tensor dense = nonNegative.is_non_overlapping_and_dense() ? nonNegative : nonNegative.contiguous();
    if (dense.scalar_type() == at::kBFloat16) {
        c10::BFloat16 value;
        value.x = std::uint16_t(largestBits<std::int16_t>(dense));
        return float(value);
    }
    const std::int32_t bits = largestBits<std::int32_t>(dense);
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
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

QuantizedModel::QuantizedModel(const InceptionV3Impl &source, const at::Tensor &calibration, Precision measuring)
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

    // Each layer's largest output over the sample, on the quantized input (as the int8 network
    // will see it), computed in `measuring` with channels-last copies of the folded weights.
    const at::ScalarType type = measuring == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    std::map<BasicConv2dImpl *, float> largest;
    for (BasicConv2dImpl *conv : convs) {
        const auto &options = conv->conv->options;
        const at::Tensor weight = conv->conv->weight.to(type).contiguous(at::MemoryFormat::ChannelsLast);
        const at::Tensor bias = conv->conv->bias.to(type);
        conv->replacement = [conv, weight, bias, &options, &largest](const torch::Tensor &x) {
            const auto padding = c10::get<torch::ExpandingArray<2>>(options.padding());
            at::Tensor y = at::conv2d(x, weight, bias, *options.stride(), *padding, *options.dilation(), options.groups());
            at::relu_(y);
            float &seen = largest[conv];
            seen = std::max(seen, largestOf(y));
            return y;
        };
    }
    // A few images at a time: the early activations of one image take 20 MB in float32.
    constexpr std::int64_t kChunk = 8;
    for (std::int64_t start = 0; start < calibration.size(0); start += kChunk) {
        const at::Tensor chunk = calibration.narrow(0, start, std::min(kChunk, calibration.size(0) - start));
        m_model->activations(quantizeInput(chunk).dequantize().to(type).contiguous(at::MemoryFormat::ChannelsLast), {"Mixed_7c"});
    }

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
    // On some processors (an AMD EPYC with AVX512-VNNI and BF16) LibTorch 1.13's oneDNN has no
    // reorder for a batch of one image ("could not create a primitive descriptor for a reorder
    // primitive"): such a batch runs twice over and keeps one. Images are independent here.
    const bool single = input.size(0) == 1;
    at::Tensor out = m_model.ptr()->activations(quantizeInput(single ? input.expand({2, -1, -1, -1}) : input), {stage}, cancel)
                         .at(stage)
                         .dequantize();
    if (single)
        out = out.narrow(0, 0, 1);
    if (!pooledOrLogits)
        return out;
    out = at::adaptive_avg_pool2d(out, {1, 1}).flatten(1);
    return name == "fc" ? m_model.ptr()->fc->forward(out) : out;
}

} // namespace rs
