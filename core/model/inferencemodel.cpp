#include "model/inferencemodel.h"

#include <ATen/Functions.h>

namespace rs {

InferenceModel::InferenceModel(const InceptionV3Impl &source, Precision precision)
    : m_model(1000, source.transformInput)
    , m_precision(precision)
{
    if (precision == Precision::Auto)
        throw std::invalid_argument("InferenceModel needs a resolved precision");
    m_model->copyWeightsFrom(source);
    m_model->eval();
    // Folded in float32 (from float64) first, rounded to bfloat16 once after.
    std::vector<inception::BasicConv2dImpl *> convs;
    for (const auto &module : m_model->modules())
        if (auto *conv = module->as<inception::BasicConv2dImpl>()) {
            conv->foldBatchNorm();
            convs.push_back(conv);
        }
    const at::ScalarType type = precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    torch::NoGradGuard noGrad;
    m_model->to(type);
    for (auto *conv : convs)
        conv->conv->bias = conv->conv->bias.to(type);
    for (auto &p : m_model->parameters())
        if (p.dim() == 4)
            p.set_data(p.contiguous(at::MemoryFormat::ChannelsLast));
}

at::Tensor InferenceModel::activation(const at::Tensor &input, const std::string &name, const CancelFlag *cancel) const
{
    const at::ScalarType type = m_precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    const at::Tensor x = input.to(type).contiguous(at::MemoryFormat::ChannelsLast);
    return m_model.ptr()->activations(x, {name}, cancel).at(name).to(at::kFloat);
}

} // namespace rs
