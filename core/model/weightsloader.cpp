#include "model/weightsloader.h"

#include "io/bytereader.h"
#include "io/sha256.h"

#include <torch/csrc/autograd/grad_mode.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace rs {
namespace {

std::map<std::string, torch::Tensor> modelTensors(const torch::nn::Module &model)
{
    std::map<std::string, torch::Tensor> tensors;
    for (const auto &p : model.named_parameters())
        tensors[p.key()] = p.value();
    for (const auto &b : model.named_buffers())
        tensors[b.key()] = b.value();
    return tensors;
}

std::string shapeText(at::IntArrayRef sizes)
{
    std::ostringstream s;
    s << sizes;
    return s.str();
}

// BatchNorm's step counter changes nothing in evaluation; two files that differ only in
// it hold the same network.
bool affectsOutputs(const std::string &name)
{
    const std::string counter = "num_batches_tracked";
    return name.size() < counter.size()
        || name.compare(name.size() - counter.size(), counter.size(), counter) != 0;
}

} // namespace

LoadSummary loadStrict(torch::nn::Module &model, const StateDict &dict, const std::string &network)
{
    std::map<std::string, torch::Tensor> targets = modelTensors(model);
    const auto known = std::count_if(dict.tensors.begin(), dict.tensors.end(),
                                     [&](const auto &entry) { return targets.count(entry.first) > 0; });
    // A key or two astray is a damaged or edited file, named key by key below; mostly foreign
    // keys are another network, which naming one key would not tell the user.
    if (2 * std::size_t(known) < dict.tensors.size() || dict.tensors.empty()) {
        std::string held;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, dict.tensors.size()); ++i)
            held += (i ? ", '" : "'") + dict.tensors[i].first + "'";
        if (dict.tensors.size() > 3)
            held += ", …";
        throw FormatError("this file is not " + network + " weights: it holds " + std::to_string(dict.tensors.size())
                          + " tensors" + (held.empty() ? std::string() : " (" + held + ")") + ", "
                          + std::to_string(known) + " of them " + network + "'s");
    }
    std::map<std::string, const at::Tensor *> sources;
    for (const auto &[name, tensor] : dict.tensors) {
        if (!targets.count(name))
            throw FormatError("unexpected key '" + name + "': the model has no such parameter");
        if (!sources.emplace(name, &tensor).second)
            throw FormatError("key '" + name + "' appears twice");
    }
    for (const auto &[name, target] : targets)
        if (!sources.count(name))
            throw FormatError("missing key '" + name + "'");

    LoadSummary summary;
    torch::NoGradGuard noGrad;
    for (auto &[name, target] : targets) {
        const at::Tensor &source = *sources.at(name);
        if (source.sizes() != target.sizes())
            throw FormatError("key '" + name + "' has shape " + shapeText(source.sizes())
                              + ", the model needs " + shapeText(target.sizes()));
        const bool floating = at::isFloatingType(target.scalar_type());
        if (floating != at::isFloatingType(source.scalar_type()))
            throw FormatError("key '" + name + "' has dtype " + c10::toString(source.scalar_type())
                              + ", the model needs " + c10::toString(target.scalar_type()));
        target.copy_(source);
        ++summary.tensorCount;
        if (floating && affectsOutputs(name))
            summary.parameterCount += target.numel();
    }
    return summary;
}

std::string fingerprint(const torch::nn::Module &model)
{
    Sha256 hash;
    for (const auto &[name, tensor] : modelTensors(model)) { // std::map: sorted by name
        if (!affectsOutputs(name))
            continue;
        const std::string header = name + shapeText(tensor.sizes()) + c10::toString(tensor.scalar_type());
        hash.addData(QByteArrayView(header.data(), qsizetype(header.size() + 1)));
        const at::Tensor data = tensor.contiguous();
        hash.addData(QByteArrayView(static_cast<const char *>(data.data_ptr()), qsizetype(data.nbytes())));
    }
    return hash.result().toHex().toStdString();
}

} // namespace rs
