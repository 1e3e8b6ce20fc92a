#include "model/backbone.h"

#include "io/bytereader.h"
#include "io/statedict.h"
#include "model/backboneimpl.h"
#include "model/weightsloader.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace rs {

namespace {

// He initialisation keeps activations at unit scale through the ReLU stack, so random
// features stay finite and varied even with identity BatchNorm statistics.
void initialiseRandomly(InceptionV3 &model, std::uint64_t seed)
{
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    torch::NoGradGuard noGrad;
    auto endsWith = [](const std::string &name, const std::string &suffix) {
        return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    for (const auto &p : model->named_parameters()) {
        const std::string &name = p.key();
        at::Tensor t = p.value();
        if (endsWith(name, "conv.weight")) {
            const double fanIn = double(t.numel() / t.size(0));
            t.normal_(0.0, std::sqrt(2.0 / fanIn), generator);
        } else if (endsWith(name, "fc.weight")) {
            t.normal_(0.0, 0.01, generator);
        } else if (endsWith(name, "fc.bias")) {
            t.zero_();
        }
    }
}

} // namespace

std::pair<std::string, bool> activationFor(const QString &layer)
{
    if (layer == Backbone::kBottleneck)
        return {"avgpool", true};
    if (layer == Backbone::kLogits)
        return {"fc", true};
    const auto &stages = InceptionV3Impl::stageNames();
    const std::string name = layer.toStdString();
    if (std::find(stages.begin(), stages.end(), name) == stages.end())
        throw std::invalid_argument("unknown layer '" + name + "'; choose one of: "
                                    + Backbone::layerNames().join(QStringLiteral(", ")).toStdString());
    return {name, false};
}

Backbone Backbone::adopt(std::unique_ptr<Impl> impl)
{
    return Backbone(std::move(impl));
}

Backbone::Backbone(std::unique_ptr<Impl> impl) : d(std::move(impl))
{
    d->model->eval();
}

Backbone::Backbone(Backbone &&) noexcept = default;
Backbone &Backbone::operator=(Backbone &&) noexcept = default;
Backbone::~Backbone() = default;

Backbone Backbone::fromFile(const QString &path)
{
    auto impl = std::make_unique<Impl>();
    try {
        const StateDict dict = readStateDict(path);
        const LoadSummary summary = loadStrict(*impl->model, dict, "InceptionV3");
        impl->info.format = QString::fromLatin1(formatName(dict.format));
        impl->info.tensorCount = summary.tensorCount;
        impl->info.parameterCount = summary.parameterCount;
    } catch (const FormatError &e) {
        throw WeightsError(QDir::toNativeSeparators(path).toStdString() + ": " + e.what());
    } catch (const c10::Error &e) {
        throw WeightsError(QDir::toNativeSeparators(path).toStdString() + ": " + e.what_without_backtrace());
    }
    impl->info.source = QFileInfo(path).absoluteFilePath();
    impl->info.pretrained = true;
    impl->info.fingerprint = QString::fromStdString(fingerprint(*impl->model));
    return Backbone(std::move(impl));
}

Backbone Backbone::untrained(std::uint64_t seed)
{
    auto impl = std::make_unique<Impl>();
    initialiseRandomly(impl->model, seed);
    impl->info.source = QStringLiteral("untrained weights (random, seed %1)").arg(seed);
    impl->info.format = QStringLiteral("random");
    impl->info.randomSeed = seed;
    for (const auto &p : impl->model->parameters())
        impl->info.parameterCount += p.numel();
    impl->info.tensorCount = int(impl->model->named_parameters().size() + impl->model->named_buffers().size());
    impl->info.fingerprint = QString::fromStdString(fingerprint(*impl->model));
    return Backbone(std::move(impl));
}

const WeightsInfo &Backbone::weights() const
{
    return d->info;
}

std::shared_ptr<const InferenceModel> Backbone::Impl::inference(Precision precision) const
{
    const Precision wanted = resolvePrecision(floatPrecision(precision));
    const std::lock_guard<std::mutex> lock(m_inferenceMutex);
    std::shared_ptr<const InferenceModel> &slot = m_inference[wanted == Precision::BFloat16 ? 1 : 0];
    if (!slot)
        slot = std::make_shared<const InferenceModel>(*model, wanted);
    return slot;
}

std::shared_ptr<const QuantizedModel> Backbone::Impl::quantized(const QString &id) const
{
    const std::lock_guard<std::mutex> lock(m_inferenceMutex);
    for (Calibration &kept : m_calibrations)
        if (kept.id == id) {
            if (!kept.model) {
                kept.model = std::make_shared<const QuantizedModel>(*model, kept.sample, resolvePrecision(Precision::Auto));
                kept.sample = at::Tensor();
            }
            return kept.model;
        }
    return nullptr;
}

bool Backbone::Impl::keeps(const QString &id) const
{
    const std::lock_guard<std::mutex> lock(m_inferenceMutex);
    return std::any_of(m_calibrations.begin(), m_calibrations.end(), [&](const Calibration &c) { return c.id == id; });
}

void Backbone::Impl::keepSample(const QString &id, const at::Tensor &sample) const
{
    constexpr std::size_t kKept = 2;
    const std::lock_guard<std::mutex> lock(m_inferenceMutex);
    if (std::any_of(m_calibrations.begin(), m_calibrations.end(), [&](const Calibration &c) { return c.id == id; }))
        return;
    m_calibrations.push_back({id, sample, nullptr});
    if (m_calibrations.size() > kKept)
        m_calibrations.erase(m_calibrations.begin());
}

QString Backbone::featureKey(Precision precision, const QString &int8Calibration) const
{
    const Precision resolved = resolvePrecision(precision);
    if (resolved == Precision::Float32)
        return d->info.fingerprint;
    QString key = d->info.fingerprint + QLatin1Char('|') + precisionName(resolved);
    if (resolved == Precision::Int8) {
        if (int8Calibration.isEmpty())
            throw std::invalid_argument("int8 features need a calibration sample");
        key += QLatin1Char('|') + int8Calibration;
    }
    return key;
}

bool Backbone::hasInt8Calibration(const QString &id) const
{
    return d->keeps(id);
}

void Backbone::calibrateInt8(const QString &id, const float *images, std::int64_t count) const
{
    if (d->keeps(id))
        return;
    if (count <= 0)
        throw std::invalid_argument("an int8 calibration needs at least one image");
    d->keepSample(id, at::from_blob(const_cast<float *>(images), {count, 3, kInputSize, kInputSize}).clone());
}

QStringList Backbone::layerNames()
{
    QStringList names{kBottleneck, kLogits};
    for (const auto &stage : InceptionV3Impl::stageNames())
        names << QString::fromStdString(stage);
    return names;
}

void Backbone::checkLayer(const QString &layer)
{
    activationFor(layer);
}

FeatureMatrix Backbone::extract(const float *images, std::int64_t count, const QString &layer, Precision precision,
                                bool pooled, const CancelFlag *cancel, const QString &int8Calibration) const
{
    const auto [name, alwaysPooled] = activationFor(layer);
    FeatureMatrix out;
    if (count == 0)
        return out;
    std::shared_ptr<const QuantizedModel> int8;
    if (resolvePrecision(precision) == Precision::Int8) {
        int8 = d->quantized(int8Calibration);
        if (!int8)
            throw std::invalid_argument("int8 calibration '" + int8Calibration.toStdString() + "' was never given (Backbone::calibrateInt8)");
    }
    const std::shared_ptr<const InferenceModel> fast = int8 ? nullptr : d->inference(precision);
    // Grad mode is thread-local: the guard must live in the thread that runs the model.
    c10::InferenceMode inference;
    const at::Tensor input = at::from_blob(const_cast<float *>(images), {count, 3, kInputSize, kInputSize});
    at::Tensor features = int8 ? int8->activation(input, name, cancel) : fast->activation(input, name, cancel);
    if (!alwaysPooled && pooled)
        features = at::adaptive_avg_pool2d(features, {1, 1});
    features = features.reshape({count, -1}).contiguous();
    out.rows = count;
    out.cols = features.size(1);
    out.values.assign(features.data_ptr<float>(), features.data_ptr<float>() + features.numel());
    return out;
}

void setComputeThreads(int threads)
{
    at::set_num_threads(std::max(1, threads));
}

int computeThreads()
{
    return at::get_num_threads();
}

} // namespace rs
