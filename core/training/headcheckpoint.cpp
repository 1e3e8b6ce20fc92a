#include "training/headcheckpoint.h"

#include "io/atomicfile.h"
#include "training/jsonformat.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

#include <ATen/Functions.h>
#include <torch/optim/optimizer.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <cmath>

namespace rs {
namespace {

constexpr int kPointFields = 7;

void addFeatures(QCryptographicHash &hash, const LabelledFeatures &data)
{
    if (data.packed) // reading a million rows back to hash them would cost a pass over the disk
        hash.addData(data.packed->fingerprint());
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(data.features.values.data()),
                                qsizetype(data.features.values.size() * sizeof(float))));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(data.labels.data()),
                                qsizetype(data.labels.size() * sizeof(int))));
}

at::Tensor bytesTensor(const QByteArray &bytes)
{
    return at::tensor(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), at::kByte);
}

at::Tensor curveTensor(const std::vector<TrainingPoint> &curve)
{
    std::vector<double> values;
    for (const TrainingPoint &p : curve)
        values.insert(values.end(), {double(p.step), double(p.totalSteps), p.learningRate, p.trainLoss, p.trainAccuracy,
                                     p.validationLoss, p.validationAccuracy});
    return at::tensor(values, at::kDouble).reshape({std::int64_t(curve.size()), kPointFields});
}

std::vector<TrainingPoint> curveFrom(const at::Tensor &t)
{
    std::vector<TrainingPoint> curve;
    const at::Tensor c = t.contiguous();
    const double *v = c.data_ptr<double>();
    for (std::int64_t r = 0; r < c.size(0); ++r, v += kPointFields)
        curve.push_back({int(v[0]), int(v[1]), v[2], v[3], v[4], v[5], v[6], 0});
    return curve;
}

} // namespace

QByteArray runSignature(const TrainingOptions &options, int classCount, const LabelledFeatures &train,
                        const LabelledFeatures &validation)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QJsonDocument(toJson(options)).toJson(QJsonDocument::Compact));
    hash.addData(QByteArray(QByteArray::number(classCount) + ' ' + QByteArray::number(train.cols())));
    addFeatures(hash, train);
    addFeatures(hash, validation);
    return hash.result();
}

void saveHeadCheckpoint(const QString &path, const QByteArray &signature, const HeadCheckpointState &state,
                        torch::nn::Module &module, torch::optim::Optimizer &optimizer, const at::Generator &generator)
{
    torch::serialize::OutputArchive archive, moduleArchive, optimizerArchive;
    module.save(moduleArchive);
    optimizer.save(optimizerArchive);
    archive.write("module", moduleArchive);
    archive.write("optimizer", optimizerArchive);
    archive.write("signature", bytesTensor(signature));
    archive.write("step", at::tensor(std::int64_t(state.step)));
    archive.write("generator", generator.get_state());
    archive.write("curve", curveTensor(state.curve));
    archive.write("best_step", at::tensor(std::int64_t(state.bestStep)));
    archive.write("best_loss", at::tensor(state.bestLoss, at::kDouble));
    archive.write("best_count", at::tensor(std::int64_t(state.best.size())));
    for (std::size_t i = 0; i < state.best.size(); ++i)
        archive.write("best_" + std::to_string(i), state.best[i]);
    QByteArray bytes;
    archive.save_to([&](const void *data, std::size_t size) {
        bytes.append(static_cast<const char *>(data), qsizetype(size));
        return size;
    });
    writeFileAtomically(path, bytes);
}

std::optional<HeadCheckpointState> loadHeadCheckpoint(const QString &path, const QByteArray &signature,
                                                      torch::nn::Module &module, torch::optim::Optimizer &optimizer,
                                                      at::Generator &generator)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    const auto fail = [&](const std::string &reason) { return std::runtime_error(path.toStdString() + ": " + reason); };
    if (!file.open(QIODevice::ReadOnly))
        throw fail(file.errorString().toStdString());
    const QByteArray bytes = file.readAll();
    HeadCheckpointState state;
    torch::serialize::InputArchive archive, moduleArchive, optimizerArchive;
    at::Tensor stored, step, generatorState, curve, bestStep, bestLoss, bestCount;
    try {
        archive.load_from(bytes.constData(), std::size_t(bytes.size()));
        archive.read("signature", stored);
        archive.read("module", moduleArchive);
        archive.read("optimizer", optimizerArchive);
        archive.read("step", step);
        archive.read("generator", generatorState);
        archive.read("curve", curve);
        archive.read("best_step", bestStep);
        archive.read("best_loss", bestLoss);
        archive.read("best_count", bestCount);
        for (std::int64_t i = 0; i < bestCount.item<std::int64_t>(); ++i) {
            at::Tensor t;
            archive.read("best_" + std::to_string(i), t);
            state.best.push_back(t);
        }
    } catch (const std::exception &e) {
        throw fail(std::string("damaged checkpoint (") + e.what() + ")");
    }
    const at::Tensor signatureBytes = stored.to(at::kByte).contiguous();
    if (QByteArray(reinterpret_cast<const char *>(signatureBytes.data_ptr<std::uint8_t>()), qsizetype(signatureBytes.numel()))
        != signature)
        throw fail("the checkpoint belongs to another run (other settings or images); start afresh instead");
    try {
        module.load(moduleArchive);
        optimizer.load(optimizerArchive);
        generator.set_state(generatorState);
        state.step = int(step.item<std::int64_t>());
        state.curve = curveFrom(curve.to(at::kDouble));
        state.bestStep = int(bestStep.item<std::int64_t>());
        state.bestLoss = bestLoss.item<double>();
    } catch (const std::exception &e) {
        throw fail(std::string("damaged checkpoint (") + e.what() + ")");
    }
    return state;
}

} // namespace rs
