#include "training/classifierhead.h"

#include "io/atomicfile.h"
#include "io/bytereader.h"
#include "io/statedict.h"
#include "model/backbone.h"
#include "model/weightsloader.h"
#include "training/classifierheadimpl.h"
#include "training/settingrules.h"
#include "training/trainloop.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>
#include <torch/serialize.h>

#include <cmath>

namespace rs {

QString TrainingOptions::validate() const
{
    if (const std::vector<SettingProblem> problems = checkTrainingOptions(*this); !problems.empty())
        return problems.front().message;
    if (resume && checkpointFile.isEmpty())
        return QStringLiteral("resuming needs a checkpoint file");
    return {};
}

HeadModuleImpl::HeadModuleImpl(const HeadShape &shape)
{
    int in = shape.inputSize;
    if (shape.hiddenUnits > 0) {
        hidden = register_module("hidden", torch::nn::Linear(in, shape.hiddenUnits));
        in = shape.hiddenUnits;
    }
    fc = register_module("fc", torch::nn::Linear(in, shape.classCount));
}

torch::Tensor HeadModuleImpl::forward(torch::Tensor x, double dropout, at::Generator *generator)
{
    auto drop = [&](const torch::Tensor &t) {
        if (dropout <= 0 || !is_training())
            return t;
        at::Tensor keep = at::empty_like(t);
        if (generator)
            keep.bernoulli_(1.0 - dropout, *generator);
        else
            keep.bernoulli_(1.0 - dropout);
        return t * keep / (1.0 - dropout);
    };
    x = drop(x);
    if (hidden)
        x = drop(at::relu(hidden->forward(x)));
    return fc->forward(x);
}

ClassifierHead::ClassifierHead(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
ClassifierHead ClassifierHead::adopt(std::unique_ptr<Impl> impl)
{
    return ClassifierHead(std::move(impl));
}

ClassifierHead::ClassifierHead(ClassifierHead &&) noexcept = default;
ClassifierHead &ClassifierHead::operator=(ClassifierHead &&) noexcept = default;
ClassifierHead::~ClassifierHead() = default;

const HeadShape &ClassifierHead::shape() const
{
    return d->shape;
}

int ClassifierHead::keptStep() const
{
    return d->keptStep;
}

const Calibration &ClassifierHead::calibration() const
{
    return d->calibration;
}

double ClassifierHead::spreadFloor() const
{
    return d->spreadFloor;
}

ClassifierHead ClassifierHead::train(const LabelledFeatures &train, const LabelledFeatures &validation, int classCount,
                                     const TrainingOptions &options,
                                     const std::function<void(const TrainingPoint &)> &progress, const CancelFlag *cancel)
{
    // Checked before the head is built: a nonsensical shape would fail inside torch instead.
    checkTrainingInput(options, train);
    const HeadShape shape{int(train.cols()), classCount, options.hiddenUnits};
    auto impl = std::make_unique<Impl>(Impl{shape, HeadModule(shape), 0, {}});
    TrainableModel model{*impl->module, impl->module, {}, {},
                         [&](bool training) { impl->module->train(training); }};
    TrainingOutcome outcome = trainModel(model, train, validation, classCount, options, {}, progress, cancel);
    impl->keptStep = outcome.keptStep;
    impl->calibration = std::move(outcome.calibration);
    impl->spreadFloor = outcome.spreadFloor;
    return ClassifierHead(std::move(impl));
}

FeatureMatrix ClassifierHead::probabilities(const FeatureMatrix &features) const
{
    FeatureMatrix out;
    out.rows = features.rows;
    out.cols = d->shape.classCount;
    if (features.rows == 0)
        return out;
    if (features.cols != d->shape.inputSize)
        throw std::invalid_argument("features have " + std::to_string(features.cols) + " values, the head expects "
                                    + std::to_string(d->shape.inputSize));
    c10::InferenceMode inference;
    const at::Tensor p = at::softmax(d->module->forward(featureTensor(features)), 1).contiguous();
    out.values.assign(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
    return out;
}

void ClassifierHead::save(const QString &path) const
{
    c10::Dict<std::string, at::Tensor> dict;
    for (const auto &p : d->module->named_parameters())
        dict.insert(p.key(), p.value().detach().clone());
    const std::vector<char> bytes = torch::pickle_save(dict);
    writeFileAtomically(path, QByteArray(bytes.data(), qsizetype(bytes.size())));
}

ClassifierHead ClassifierHead::load(const QString &path, const HeadShape &shape)
{
    auto impl = std::make_unique<Impl>(Impl{shape, HeadModule(shape), 0, {}});
    try {
        loadStrict(*impl->module, readStateDict(path), "classifier head");
    } catch (const FormatError &e) {
        throw WeightsError(path.toStdString() + ": " + e.what());
    }
    impl->module->eval();
    return ClassifierHead(std::move(impl));
}

} // namespace rs
