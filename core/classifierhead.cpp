#include "classifierhead.h"

#include "atomicfile.h"
#include "bytereader.h"
#include "headcheckpoint.h"
#include "headmodule.h"
#include "statedict.h"
#include "weightsloader.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>
#include <torch/serialize.h>


#include <cmath>
#include <limits>

namespace rs {
namespace {

at::Tensor featureTensor(const FeatureMatrix &m)
{
    return at::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols});
}

at::Tensor labelTensor(const std::vector<int> &labels)
{
    return at::tensor(std::vector<std::int64_t>(labels.begin(), labels.end()), at::kLong);
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(HeadModule &module, const TrainingOptions &o)
{
    const double lr = o.schedule.rateAt(0);
    if (o.optimizer == TrainingOptions::Optimizer::Adam)
        return std::make_unique<torch::optim::Adam>(module->parameters(), torch::optim::AdamOptions(lr));
    return std::make_unique<torch::optim::SGD>(module->parameters(), torch::optim::SGDOptions(lr).momentum(o.momentum));
}

void setLearningRate(torch::optim::Optimizer &optimizer, double lr)
{
    for (auto &group : optimizer.param_groups())
        group.options().set_lr(lr);
}

// Loss and accuracy of `logits` against `labels`.
std::pair<double, double> score(const at::Tensor &logits, const at::Tensor &labels)
{
    const double loss = torch::nn::functional::cross_entropy(logits, labels).item<double>();
    const double accuracy = logits.argmax(1).eq(labels).to(at::kDouble).mean().item<double>();
    return {loss, accuracy};
}

} // namespace

QString TrainingOptions::validate() const
{
    if (steps < 1)
        return QStringLiteral("the number of steps must be at least 1");
    if (batchSize < 0)
        return QStringLiteral("the batch size cannot be negative (0 means all images)");
    if (!(schedule.base > 0) || !(schedule.minimum > 0))
        return QStringLiteral("learning rates must be greater than 0");
    if (schedule.minimum > schedule.base)
        return QStringLiteral("the minimum learning rate cannot exceed the base learning rate");
    if (momentum < 0 || momentum >= 1)
        return QStringLiteral("momentum must be in [0, 1)");
    if (dropout < 0 || dropout >= 1)
        return QStringLiteral("dropout must be in [0, 1)");
    if (hiddenUnits < 0)
        return QStringLiteral("hidden units cannot be negative");
    if (evalInterval < 1)
        return QStringLiteral("the evaluation interval must be at least 1 step");
    if (checkpointInterval < 1)
        return QStringLiteral("the checkpoint interval must be at least 1 step");
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
ClassifierHead::ClassifierHead(ClassifierHead &&) noexcept = default;
ClassifierHead &ClassifierHead::operator=(ClassifierHead &&) noexcept = default;
ClassifierHead::~ClassifierHead() = default;

const HeadShape &ClassifierHead::shape() const
{
    return d->shape;
}

ClassifierHead ClassifierHead::train(const LabelledFeatures &train, const LabelledFeatures &validation, int classCount,
                                     const TrainingOptions &givenOptions,
                                     const std::function<void(const TrainingPoint &)> &progress, const CancelFlag *cancel)
{
    TrainingOptions options = givenOptions;
    options.schedule.steps = options.steps;
    if (const QString problem = options.validate(); !problem.isEmpty())
        throw std::invalid_argument(problem.toStdString());
    if (train.features.rows == 0)
        throw std::invalid_argument("there are no training images");

    auto generator = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    auto impl = std::make_unique<Impl>(Impl{{int(train.features.cols), classCount, options.hiddenUnits},
                                            HeadModule(HeadShape{int(train.features.cols), classCount, options.hiddenUnits})});
    HeadModule &module = impl->module;
    {
        // retrain.py starts the final layer near zero; a hidden layer gets the usual fan-in scale.
        torch::NoGradGuard noGrad;
        module->fc->weight.normal_(0.0, 0.001, generator);
        module->fc->bias.zero_();
        if (module->hidden) {
            const double bound = 1.0 / std::sqrt(double(train.features.cols));
            module->hidden->weight.uniform_(-bound, bound, generator);
            module->hidden->bias.zero_();
        }
    }

    const at::Tensor x = featureTensor(train.features);
    const at::Tensor y = labelTensor(train.labels);
    const bool haveValidation = validation.features.rows > 0;
    const at::Tensor vx = haveValidation ? featureTensor(validation.features) : at::Tensor();
    const at::Tensor vy = haveValidation ? labelTensor(validation.labels) : at::Tensor();
    const std::int64_t n = x.size(0);
    const bool fullBatch = options.batchSize == 0 || options.batchSize >= n;
    at::Tensor sampleWeights, lossWeights;
    const at::Tensor perClass = at::bincount(y, {}, classCount).to(at::kDouble);
    if (options.balancedSampling)
        sampleWeights = perClass.index_select(0, y).reciprocal();
    if (options.classWeights) // n / (classes present * count): 1 for every class when balanced
        lossWeights = (double(n) / perClass.gt(0).sum().item<double>() / perClass.clamp_min(1)).to(at::kFloat);

    // The head's tensors are small: a second thread only adds synchronisation (measured 4x
    // slower per step with OpenBLAS at 2 threads than at 1).
    const int threads = at::get_num_threads();
    at::set_num_threads(1);
    struct RestoreThreads
    {
        int count;
        ~RestoreThreads() { at::set_num_threads(count); }
    } restore{threads};

    auto optimizer = makeOptimizer(module, options);
    const QByteArray signature = options.checkpointFile.isEmpty() ? QByteArray() : runSignature(options, classCount, train, validation);
    HeadCheckpointState done;
    if (options.resume)
        if (auto restored = loadHeadCheckpoint(options.checkpointFile, signature, module, *optimizer, generator))
            done = std::move(*restored);
    if (progress)
        for (const TrainingPoint &p : done.curve)
            progress(p);
    const auto checkpoint = [&] {
        if (!options.checkpointFile.isEmpty())
            saveHeadCheckpoint(options.checkpointFile, signature, done, module, *optimizer, generator);
    };

    module->train();
    for (int step = done.step; step < options.steps; ++step) {
        if (cancel && cancel->load()) {
            // The state is whole between steps: keep it for a resume.
            checkpoint();
            throw Cancelled();
        }
        const double lr = options.schedule.rateAt(step);
        setLearningRate(*optimizer, lr);
        at::Tensor bx = x, by = y;
        if (!fullBatch) {
            const at::Tensor index = options.balancedSampling
                ? at::multinomial(sampleWeights, options.batchSize, /*replacement=*/true, generator)
                : at::randint(n, {options.batchSize}, generator, at::kLong);
            bx = x.index_select(0, index);
            by = y.index_select(0, index);
        }
        optimizer->zero_grad();
        const at::Tensor logits = module->forward(bx, options.dropout, &generator);
        const at::Tensor loss = torch::nn::functional::cross_entropy(
            logits, by, torch::nn::functional::CrossEntropyFuncOptions().weight(lossWeights));
        loss.backward();
        optimizer->step();

        const bool report = (step + 1) % options.evalInterval == 0 || step + 1 == options.steps;
        if (report && (progress || !options.checkpointFile.isEmpty())) {
            torch::NoGradGuard noGrad;
            TrainingPoint point;
            point.step = step + 1;
            point.totalSteps = options.steps;
            point.learningRate = lr;
            point.trainLoss = loss.item<double>();
            point.trainAccuracy = logits.argmax(1).eq(by).to(at::kDouble).mean().item<double>();
            point.validationLoss = point.validationAccuracy = std::numeric_limits<double>::quiet_NaN();
            if (haveValidation) {
                module->eval();
                std::tie(point.validationLoss, point.validationAccuracy) = score(module->forward(vx), vy);
                module->train();
            }
            done.curve.push_back(point);
            if (progress)
                progress(point);
        }
        done.step = step + 1;
        if (done.step % options.checkpointInterval == 0 && done.step < options.steps)
            checkpoint();
    }
    module->eval();
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
    auto impl = std::make_unique<Impl>(Impl{shape, HeadModule(shape)});
    try {
        loadStrict(*impl->module, readStateDict(path));
    } catch (const FormatError &e) {
        throw WeightsError(path.toStdString() + ": " + e.what());
    }
    impl->module->eval();
    return ClassifierHead(std::move(impl));
}

} // namespace rs
