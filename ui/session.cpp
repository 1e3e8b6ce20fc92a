#include "session.h"

#include "data/sampledata.h"
#include "export/htmlreport.h"
#include "io/atomicfile.h"
#include "training/jsonformat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSettings>

namespace rs {
namespace {

constexpr int kSampleImagesPerClass = 60;

const QString kTrainingKey = QStringLiteral("settings/training");
const QString kEpochsKey = QStringLiteral("settings/epochs");
const QString kLayerKey = QStringLiteral("settings/layer");
const QString kAugmentationKey = QStringLiteral("settings/augmentation");
const QString kFineTuningKey = QStringLiteral("settings/fineTuning");
const QString kWeightsKey = QStringLiteral("settings/weightsFile");
const QString kPrecisionKey = QStringLiteral("settings/precision");

// A project names its weights only when they are neither the default file nor random.
QString projectWeightsFile(const WeightsSource &weights)
{
    return weights.isRandom() || weights.isDefaultFile() ? QString() : weights.path();
}

QJsonObject savedObject(const QSettings &settings, const QString &key)
{
    return QJsonDocument::fromJson(settings.value(key).toByteArray()).object();
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

QString precisionLabel(Precision precision)
{
    switch (resolvePrecision(precision)) {
    case Precision::BFloat16:
        return QStringLiteral("bfloat16");
    case Precision::Int8:
        return QStringLiteral("int8");
    default:
        return QStringLiteral("float32");
    }
}

Session::Session(SessionPaths paths, QObject *parent) : QObject(parent), m_paths(std::move(paths))
{
    m_project.layer = Backbone::kBottleneck;
    for (Job *job : {&m_training, &m_export, &m_samples, &m_report, &m_keep, &m_restore}) {
        connect(job, &Job::succeeded, this, &Session::stateChanged);
        connect(job, &Job::failed, this, &Session::stateChanged);
        connect(job, &Job::cancelled, this, &Session::stateChanged);
    }
    connect(&m_training, &Job::failed, this, [this](const QString &message) {
        Q_EMIT trainingEnded(tr("Failed: %1").arg(message));
        Q_EMIT failed(tr("Training failed"), message);
    });
    connect(&m_training, &Job::cancelled, this, [this] {
        QString message = m_model ? tr("Stopped. The previous run's results are kept.") : tr("Stopped.");
        if (canResume())
            message += QLatin1Char(' ') + tr("Resume carries the run on from where it stopped.");
        Q_EMIT trainingEnded(message);
    });
    // A save made while the classifier was being kept is kept next, however that one ended.
    const auto keepNext = [this] {
        if (const auto next = std::exchange(m_nextKeep, std::nullopt))
            keepClassifier(*next);
    };
    connect(&m_keep, &Job::succeeded, this, keepNext);
    connect(&m_keep, &Job::cancelled, this, keepNext);
    connect(&m_keep, &Job::failed, this, [this, keepNext](const QString &error) {
        Q_EMIT status(tr("The classifier was not kept with the project: %1").arg(error));
        keepNext();
    });
    connect(&m_restore, &Job::failed, this, [this](const QString &error) {
        Q_EMIT status(tr("The classifier kept with the project was not loaded (%1): Start trains it again, with the "
                         "features from the cache.").arg(error));
    });
    connect(&m_export, &Job::failed, this, [this](const QString &error) {
        Q_EMIT failed(tr("Export failed"), error);
        Q_EMIT exportFinished(m_exportFolder, error);
    });
    connect(&m_samples, &Job::failed, this, [this](const QString &error) {
        Q_EMIT failed(tr("No sample images"),
                      tr("%1\nThe sample images come from Debian's dataset-fashion-mnist package.").arg(error));
        Q_EMIT sampleDataWritten(sampleFolder(), error);
    });
    connect(this, &Session::trainingEnded, this, &Session::status);
    connect(&m_report, &Job::failed, this, [this](const QString &error) {
        Q_EMIT failed(tr("Report not written"), error);
        Q_EMIT reportExported(m_reportFile, error);
    });
    // A heat map asked for while another was computed is started when that one ends.
    const auto explainNext = [this] {
        if (const auto next = std::exchange(m_nextExplain, std::nullopt))
            explain(next->first, next->second);
    };
    connect(&m_explain, &Job::succeeded, this, explainNext);
    connect(&m_explain, &Job::cancelled, this, explainNext);
    connect(&m_explain, &Job::failed, this, [this, explainNext](const QString &error) {
        Q_EMIT status(tr("No heat map: %1").arg(error));
        explainNext();
    });
}

Session::~Session() = default;

void Session::loadProject(Project project)
{
    m_project = std::move(project);
    if (m_project.layer.isEmpty())
        m_project.layer = Backbone::kBottleneck;
    if (!m_project.weightsFile.isEmpty())
        m_weights = WeightsSource::file(m_project.weightsFile);
    m_project.weightsFile = projectWeightsFile(m_weights);
    m_model.reset();
    m_restored.reset();
    m_audit.reset();
    Q_EMIT projectLoaded();
    Q_EMIT modelChanged();
    Q_EMIT auditChanged();
    Q_EMIT fixesChanged();
}

void Session::editProject(const std::function<void(Project &)> &edit)
{
    // Pages report what they show even when only reshown (a reopened project's folders read
    // again): only a difference in what the file would hold is an edit.
    const QJsonObject before = projectJson(m_project, QDir());
    edit(m_project);
    if (projectJson(m_project, QDir()) != before)
        Q_EMIT modified();
}

void Session::setDataset(const std::vector<ClassSource> &classes, const SplitOptions &split)
{
    editProject([&](Project &project) {
        project.sources.classes = classes;
        project.split = split;
    });
}

void Session::setDatasetState(bool scanning, int includedClasses)
{
    m_scanning = scanning;
    m_includedClasses = includedClasses;
}

RunSettings Session::settings() const
{
    return {m_project.layer, m_project.training, m_project.augmentation, m_project.fineTuning, m_project.epochs};
}

void Session::setSettings(const RunSettings &settings)
{
    editProject([&](Project &project) {
        project.layer = settings.layer;
        project.training = settings.training;
        project.augmentation = settings.augmentation;
        project.fineTuning = settings.fineTuning;
        project.epochs = settings.epochs;
    });
}

void Session::setWeights(const WeightsSource &weights)
{
    m_weights = weights;
    editProject([&](Project &project) { project.weightsFile = projectWeightsFile(weights); });
}

void Session::setPrecision(Precision precision)
{
    m_precision = precision;
}

void Session::restoreSettings()
{
    const QSettings saved;
    try {
        RunSettings settings;
        settings.training = trainingOptionsFromJson(savedObject(saved, kTrainingKey));
        settings.epochs = saved.value(kEpochsKey, 0.0).toDouble();
        settings.layer = saved.value(kLayerKey, Backbone::kBottleneck).toString();
        settings.augmentation = augmentationFromJson(savedObject(saved, kAugmentationKey));
        settings.fineTuning = fineTuningFromJson(savedObject(saved, kFineTuningKey));
        setSettings(settings);
    } catch (const std::runtime_error &) {
        // Settings from another version that no longer parse: the defaults stand.
    }
    setWeights(WeightsSource::file(saved.value(kWeightsKey).toString()));
    setPrecision(precisionFromName(saved.value(kPrecisionKey).toString()).value_or(Precision::Auto));
}

void Session::saveSettings() const
{
    QSettings settings;
    settings.setValue(kTrainingKey, compact(toJson(m_project.training)));
    settings.setValue(kEpochsKey, m_project.epochs);
    settings.setValue(kLayerKey, m_project.layer);
    settings.setValue(kAugmentationKey, compact(toJson(m_project.augmentation)));
    settings.setValue(kFineTuningKey, compact(toJson(m_project.fineTuning)));
    if (!m_weights.isRandom())
        settings.setValue(kWeightsKey, m_weights.isDefaultFile() ? QString() : m_weights.path());
    settings.setValue(kPrecisionKey, precisionName(m_precision));
}

void Session::exportReport(const QString &file)
{
    if (!m_project.lastRun)
        return;
    HtmlReportOptions options;
    if (m_audit)
        options.audit = m_audit->toJson();
    const QJsonObject report = m_project.lastRun->report;
    const bool started = m_report.start([report, options, file](JobContext &) { writeFileAtomically(file, htmlReport(report, options)); },
                                        [this, file] {
                                            Q_EMIT status(tr("Report written to %1").arg(QDir::toNativeSeparators(file)));
                                            Q_EMIT reportExported(file, {});
                                        });
    if (started)
        m_reportFile = file;
}

void Session::addFix(const ImageFix &fix)
{
    m_project.fixes.add(fix);
    Q_EMIT fixesChanged();
    Q_EMIT modified();
}

bool Session::undoFix()
{
    if (!m_project.fixes.undo())
        return false;
    Q_EMIT fixesChanged();
    Q_EMIT modified();
    return true;
}

QString Session::sampleFolder() const
{
    return QDir(m_paths.dataFolder).filePath(QStringLiteral("sample-data"));
}

void Session::writeSampleData()
{
    if (isBusy())
        return;
    const QString folder = sampleFolder();
    m_samples.start([folder](JobContext &) { writeFashionMnistSamples(folder, kSampleImagesPerClass); },
                    [this, folder] {
                        Q_EMIT status({});
                        Q_EMIT sampleDataWritten(folder, {});
                    });
    Q_EMIT status(tr("Writing the sample images to %1…").arg(QDir::toNativeSeparators(folder)));
    Q_EMIT stateChanged();
}

} // namespace rs
