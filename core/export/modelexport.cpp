#include "export/modelexport.h"

#include "export/onnxexport.h"
#include "export/torchscriptexport.h"
#include "features/bottleneckcache.h"
#include "io/atomicfile.h"
#include "training/jsonformat.h"
#include "training/trainedmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace rs {
namespace {

constexpr int kManifestVersion = 1;

QJsonObject manifestFor(const Backbone &backbone, const TrainingRun &run)
{
    const WeightsInfo &w = backbone.weights();
    const QJsonObject report = run.report(w);
    QJsonObject weights{{QStringLiteral("architecture"), QStringLiteral("inception_v3")},
                        {QStringLiteral("fingerprint"), w.fingerprint},
                        {QStringLiteral("pretrained"), w.pretrained},
                        {QStringLiteral("source"), w.source}};
    if (!w.pretrained)
        weights.insert(QStringLiteral("random_seed"), QString::number(w.randomSeed));
    // The base weights are found as without fine-tuning; blocks.pth then replaces the blocks.
    QJsonObject fineTuning = toJson(run.options.fineTuning);
    if (run.tunedBackbone) {
        fineTuning.insert(QStringLiteral("file"), QStringLiteral("blocks.pth"));
        fineTuning.insert(QStringLiteral("fingerprint"), run.tunedBackbone->weights().fingerprint);
    }
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("retrain-studio-model")},
        {QStringLiteral("format_version"), kManifestVersion},
        {QStringLiteral("app_version"), QStringLiteral(RETRAIN_VERSION)},
        {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("classes"), QJsonArray::fromStringList(run.dataset.classes)},
        {QStringLiteral("input"),
         QJsonObject{{QStringLiteral("size"), Backbone::kInputSize},
                     {QStringLiteral("layout"), QStringLiteral("NCHW, RGB")},
                     {QStringLiteral("preprocessing"), QLatin1String(BottleneckCache::kPreprocessing)},
                     {QStringLiteral("description"),
                      QStringLiteral("whole image resized to 299x299 with PIL's antialiased bilinear filter, "
                                     "then value / 127.5 - 1")}}},
        {QStringLiteral("backbone"), weights},
        {QStringLiteral("fine_tuning"), fineTuning},
        {QStringLiteral("layer"), run.options.layer},
        {QStringLiteral("feature_size"), run.featureSize},
        {QStringLiteral("head"), QJsonObject{{QStringLiteral("file"), QStringLiteral("head.pth")},
                                             {QStringLiteral("hidden_units"), run.head->shape().hiddenUnits}}},
        {QStringLiteral("torchscript"), QStringLiteral("model.pt")},
        {QStringLiteral("onnx"), QStringLiteral("model.onnx")},
        {QStringLiteral("training"), report.value(QStringLiteral("training")).toObject()},
        // Already in the head's weights: a record of what the probabilities were fitted to.
        {QStringLiteral("calibration"), report.value(QStringLiteral("calibration")).toObject()},
        {QStringLiteral("metrics"),
         QJsonObject{{QStringLiteral("test_images"), run.evaluation.count},
                     {QStringLiteral("test_accuracy"), run.evaluation.accuracy},
                     {QStringLiteral("test_balanced_accuracy"), run.evaluation.balancedAccuracy}}},
    };
}

void writeClassifierFiles(const QString &staging, const TrainedModel &model, const QJsonObject &manifest)
{
    const TrainingRun &run = model.run();
    writeFileAtomically(staging + QStringLiteral("/labels.txt"), run.dataset.classes.join(QLatin1Char('\n')).toUtf8() + '\n');
    writeFileAtomically(staging + QStringLiteral("/manifest.json"), QJsonDocument(manifest).toJson());
    model.head().save(staging + QStringLiteral("/head.pth"));
    if (run.tunedBackbone)
        saveBlocks(*run.tunedBackbone, run.options.fineTuning.fromBlock, staging + QStringLiteral("/blocks.pth"));
}

void writeRunnables(const QString &staging, const Backbone &backbone, const QString &layer, const ClassifierHead &head)
{
    writeTorchScript(staging + QStringLiteral("/model.pt"), backbone, layer, head);
    writeOnnx(staging + QStringLiteral("/model.onnx"), backbone, layer, head);
}

// Fills a staging folder beside `folder`, then swaps it in: the old folder is removed only once
// the new one is in place, so a failed or interrupted write leaves the previous one.
void replaceFolder(const QString &folder, const std::function<void(const QString &staging)> &fill)
{
    const QString target = QDir::cleanPath(QDir(folder).absolutePath());
    const QString staging = target + QStringLiteral(".partial-%1").arg(QCoreApplication::applicationPid());
    QDir(staging).removeRecursively();
    createFolder(staging, "export folder");
    try {
        fill(staging);
    } catch (...) {
        QDir(staging).removeRecursively();
        throw;
    }
    const QString previous = target + QStringLiteral(".previous-%1").arg(QCoreApplication::applicationPid());
    const bool hadPrevious = QFileInfo::exists(target);
    if (hadPrevious && !QDir().rename(target, previous))
        throw std::runtime_error(target.toStdString() + ": cannot replace the existing folder");
    if (!QDir().rename(staging, target)) {
        if (hadPrevious)
            QDir().rename(previous, target);
        throw std::runtime_error(target.toStdString() + ": cannot move the export into place");
    }
    if (hadPrevious)
        QDir(previous).removeRecursively();
}

void copyFiles(const QString &from, const QStringList &files, const QString &to)
{
    for (const QString &file : files)
        if (!QFile::copy(QDir(from).filePath(file), QDir(to).filePath(file)))
            throw std::runtime_error(QDir(from).filePath(file).toStdString() + ": cannot copy it to " + to.toStdString());
}

Backbone backboneFor(const QJsonObject &backbone, const std::optional<WeightsSource> &given, const QString &folder)
{
    std::vector<WeightsSource> candidates;
    if (given)
        candidates = {*given};
    else if (!backbone.value(QStringLiteral("pretrained")).toBool())
        candidates = {WeightsSource::random(backbone.value(QStringLiteral("random_seed")).toString().toULongLong())};
    else
        candidates = {WeightsSource::file(backbone.value(QStringLiteral("source")).toString()), WeightsSource::defaultFile()};
    const QString fingerprint = backbone.value(QStringLiteral("fingerprint")).toString();
    for (const WeightsSource &source : candidates) {
        if (!source.validate().isEmpty() && !given)
            continue;
        Backbone b = source.load();
        if (b.weights().fingerprint == fingerprint)
            return b;
        if (given)
            throw std::runtime_error(b.weights().source.toStdString() + ": these weights differ from the ones the model in "
                                     + folder.toStdString() + " was trained with");
    }
    throw std::runtime_error(folder.toStdString() + ": the InceptionV3 weights it was trained with (fingerprint "
                             + fingerprint.left(12).toStdString() + "...) were not found; pass --weights FILE");
}

} // namespace

void exportModel(const QString &folder, const TrainedModel &model)
{
    replaceFolder(folder, [&](const QString &staging) {
        writeClassifierFiles(staging, model, manifestFor(model.base(), model.run()));
        writeRunnables(staging, model.backbone(), model.layer(), model.head());
    });
}

void saveClassifier(const QString &folder, const TrainedModel &model)
{
    QJsonObject manifest = manifestFor(model.base(), model.run());
    manifest.remove(QStringLiteral("torchscript"));
    manifest.remove(QStringLiteral("onnx"));
    replaceFolder(folder, [&](const QString &staging) { writeClassifierFiles(staging, model, manifest); });
}

void copyClassifier(const QString &from, const QString &to)
{
    replaceFolder(to, [&](const QString &staging) { copyFiles(from, QDir(from).entryList(QDir::Files), staging); });
}

void exportModel(const QString &folder, const ExportedModel &model, const QString &saved)
{
    replaceFolder(folder, [&](const QString &staging) {
        QStringList files{QStringLiteral("labels.txt"), QStringLiteral("head.pth")};
        const QJsonObject tuning = model.manifest.value(QStringLiteral("fine_tuning")).toObject();
        if (tuning.contains(QStringLiteral("file")))
            files << tuning.value(QStringLiteral("file")).toString();
        copyFiles(saved, files, staging);
        QJsonObject manifest = model.manifest;
        manifest.insert(QStringLiteral("torchscript"), QStringLiteral("model.pt"));
        manifest.insert(QStringLiteral("onnx"), QStringLiteral("model.onnx"));
        writeFileAtomically(staging + QStringLiteral("/manifest.json"), QJsonDocument(manifest).toJson());
        writeRunnables(staging, model.backbone, model.layer, model.head);
    });
}

ExportedModel loadExportedModel(const QString &folder, const std::optional<WeightsSource> &weights)
{
    const QString manifestPath = QDir(folder).filePath(QStringLiteral("manifest.json"));
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(manifestPath.toStdString() + ": cannot open: " + file.errorString().toStdString());
    QJsonParseError error;
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll(), &error).object();
    if (error.error != QJsonParseError::NoError || manifest.value(QStringLiteral("format")) != QStringLiteral("retrain-studio-model"))
        throw std::runtime_error(manifestPath.toStdString() + ": not a Retrain Studio model manifest");
    if (manifest.value(QStringLiteral("format_version")).toInt() > kManifestVersion)
        throw std::runtime_error(manifestPath.toStdString() + ": written by a newer Retrain Studio");

    QStringList classes;
    for (const QJsonValue &c : manifest.value(QStringLiteral("classes")).toArray())
        classes << c.toString();
    const QString layer = manifest.value(QStringLiteral("layer")).toString();
    Backbone::checkLayer(layer);
    const HeadShape shape{manifest.value(QStringLiteral("feature_size")).toInt(), int(classes.size()),
                          manifest.value(QStringLiteral("head")).toObject().value(QStringLiteral("hidden_units")).toInt()};
    ClassifierHead head = ClassifierHead::load(QDir(folder).filePath(QStringLiteral("head.pth")), shape);
    Backbone backbone = backboneFor(manifest.value(QStringLiteral("backbone")).toObject(), weights, folder);
    const QJsonObject tuning = manifest.value(QStringLiteral("fine_tuning")).toObject();
    if (tuning.contains(QStringLiteral("file"))) {
        const QString blocks = QDir(folder).filePath(tuning.value(QStringLiteral("file")).toString());
        backbone = withBlocks(backbone, tuning.value(QStringLiteral("from_block")).toString(), blocks);
        if (backbone.weights().fingerprint != tuning.value(QStringLiteral("fingerprint")).toString())
            throw std::runtime_error(blocks.toStdString() + ": the fine-tuned blocks differ from the ones exported");
    }
    return ExportedModel{classes, layer, manifest, std::move(backbone), std::move(head)};
}

} // namespace rs
