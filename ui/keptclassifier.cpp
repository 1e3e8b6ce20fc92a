// The Session's trained classifier beyond the run that made it: kept beside the project file,
// restored when the project is opened, used to predict and explain, and exported.

#include "session.h"

#include "images/image.h"
#include "images/preprocess.h"
#include "model/precision.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace rs {
namespace {

// Whether the classifier in `manifest` is the one the project's last run reports: same classes,
// same test figures.
bool isLastRuns(const QJsonObject &manifest, const RunSummary &run)
{
    QStringList classes;
    for (const QJsonValue &c : manifest.value(QStringLiteral("classes")).toArray())
        classes << c.toString();
    const QJsonObject metrics = manifest.value(QStringLiteral("metrics")).toObject();
    return classes == run.classes && metrics.value(QStringLiteral("test_images")).toInt() == run.evaluation.count
           && metrics.value(QStringLiteral("test_accuracy")).toDouble() == run.evaluation.accuracy;
}

} // namespace

void Session::keepClassifier(const QString &projectPath)
{
    if (m_keep.isRunning()) { // the latest save is kept when this one ends
        m_nextKeep = projectPath;
        return;
    }
    const QString folder = classifierFolder(projectPath);
    if (m_model) {
        const std::shared_ptr<const TrainedModel> model = m_model;
        m_keep.start([folder, model](JobContext &) { saveClassifier(folder, *model); }, [] {});
    } else if (m_restored && QDir(m_restoredFolder) != QDir(folder)) {
        const QString from = m_restoredFolder;
        m_keep.start([from, folder](JobContext &) { copyClassifier(from, folder); }, [] {});
    }
}

void Session::restoreClassifier(const QString &projectPath)
{
    const QString folder = classifierFolder(projectPath);
    if (!m_project.lastRun || !QFileInfo::exists(folder))
        return;
    const RunSummary run = *m_project.lastRun;
    const WeightsSource weights = m_weights;
    const auto loaded = [this, folder](std::shared_ptr<const ExportedModel> model) {
        // A project opened meanwhile, or a run finished, has its own model.
        if (m_model || !m_project.lastRun || !isLastRuns(model->manifest, *m_project.lastRun))
            return;
        m_restored = std::move(model);
        m_restoredFolder = folder;
        Q_EMIT modelChanged();
        Q_EMIT status(tr("The last run's classifier is loaded: Predict and Export work without training again."));
    };
    const bool started = m_restore.start(
        [folder, weights, run](JobContext &) {
            auto model = std::make_shared<const ExportedModel>(loadExportedModel(folder, weights));
            if (!isLastRuns(model->manifest, run))
                throw std::runtime_error(folder.toStdString() + ": it is not the last run's classifier");
            return std::shared_ptr<const ExportedModel>(model);
        },
        loaded);
    if (started)
        Q_EMIT status(tr("Loading the last run's classifier…"));
}

std::function<TopClassPredictions(const QStringList &, int)> Session::predictor() const
{
    if (m_model)
        return [model = m_model](const QStringList &paths, int k) { return predictTopClasses(*model, paths, k); };
    if (!m_restored)
        return {};
    // The features are computed in the precision the head was trained on.
    const Precision precision =
        precisionFromName(m_project.lastRun->report.value(QStringLiteral("extraction")).toObject().value(QStringLiteral("precision")).toString())
            .value_or(Precision::Float32);
    return [model = m_restored, precision](const QStringList &paths, int k) {
        return predictTopClasses(model->backbone, model->head, model->layer, precision, paths, k);
    };
}

void Session::explain(const QString &path, int label)
{
    if (!canPredict())
        return;
    if (m_explain.isRunning()) {
        m_nextExplain = std::make_pair(path, label);
        return;
    }
    // The run's model or the restored classifier, each kept alive by the job.
    std::shared_ptr<const Backbone> backbone;
    std::shared_ptr<const ClassifierHead> head;
    QString layer;
    if (m_model) {
        backbone = std::shared_ptr<const Backbone>(m_model, &m_model->backbone());
        head = std::shared_ptr<const ClassifierHead>(m_model, &m_model->head());
        layer = m_model->layer();
    } else {
        backbone = std::shared_ptr<const Backbone>(m_restored, &m_restored->backbone);
        head = std::shared_ptr<const ClassifierHead>(m_restored, &m_restored->head);
        layer = m_restored->layer;
    }
    m_explain.start(
        [backbone, head, layer, path, label](JobContext &) {
            const DecodedImage decoded = loadImage(path, Backbone::kInputSize);
            if (!decoded.ok())
                throw std::runtime_error(decoded.error.toStdString());
            const std::vector<float> input = networkInput(decoded.image, Backbone::kInputSize);
            return gradCam(*backbone, input.data(), {head.get(), layer, label});
        },
        [this, path, label](const GradCam &cam) { Q_EMIT heatMapReady(path, label, cam); });
}

QStringList Session::predictorLabels() const
{
    return m_model ? m_model->labels() : m_restored ? m_restored->classes : QStringList();
}

void Session::exportModel(const QString &folder)
{
    if (!canPredict() || isBusy())
        return;
    m_exportFolder = folder;
    const std::shared_ptr<const TrainedModel> model = m_model;
    const std::shared_ptr<const ExportedModel> restored = m_restored;
    const QString saved = m_restoredFolder;
    m_export.start(
        [folder, model, restored, saved](JobContext &) {
            if (model)
                rs::exportModel(folder, *model);
            else
                rs::exportModel(folder, *restored, saved);
        },
        [this, folder] {
            Q_EMIT status(tr("Exported the model to %1").arg(QDir::toNativeSeparators(folder)));
            Q_EMIT exportFinished(folder, {});
        });
    Q_EMIT status(tr("Exporting to %1…").arg(QDir::toNativeSeparators(folder)));
    Q_EMIT stateChanged();
}

} // namespace rs
