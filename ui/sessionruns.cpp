// The Session's long jobs on the dataset: training runs (and their resume), the
// learning-rate sweep and the data check, each on the Session's jobs, with their progress
// posted back to the GUI thread.

#include "session.h"

#include "training/settingrules.h"

namespace rs {

QString Session::startProblem(bool tune) const
{
    if (m_scanning)
        return tr("The folders are still being read; start again in a moment.");
    if (m_includedClasses < 2)
        return tr("Training needs at least two classes with images. Drop folders on the Dataset page.");
    if (const std::vector<SettingProblem> problems = checkRunOptions(runOptions(tune)); !problems.empty())
        return problems.front().message;
    return {};
}

QString Session::checkpointFile() const
{
    return QDir(m_paths.dataFolder).filePath(QStringLiteral("checkpoints/stopped-run.ckpt"));
}

TrainingRunOptions Session::runOptions(bool tune) const
{
    TrainingRunOptions options;
    options.tune = tune;
    options.sources = m_project.sources;
    options.split = m_project.split;
    options.layer = m_project.layer;
    options.cacheRoot = m_paths.cacheRoot;
    options.training = m_project.training;
    options.augmentation = m_project.augmentation;
    options.fineTuning = m_project.fineTuning;
    options.epochs = m_project.epochs;
    options.precision = m_precision;
    options.fixes = m_project.fixes;
    return options;
}

void Session::startTraining(bool tune)
{
    TrainingRunOptions options = runOptions(tune);
    // A new run starts afresh: the last one's checkpoint is dropped, and this run's is
    // written only if it is stopped during training (or every 1000 steps, against crashes).
    options.training.checkpointFile = checkpointFile();
    QDir().mkpath(QFileInfo(options.training.checkpointFile).path());
    QFile::remove(options.training.checkpointFile);
    startRun(options, m_weights);
}

bool Session::canResume() const
{
    return !isTraining() && !m_lastOptions.training.checkpointFile.isEmpty()
           && QFileInfo::exists(m_lastOptions.training.checkpointFile);
}

void Session::resumeTraining()
{
    if (!canResume())
        return;
    TrainingRunOptions options = m_lastOptions;
    options.training.resume = true; // same precision: the checkpoint holds features computed in it
    startRun(options, m_lastWeights);
}

void Session::stopTraining()
{
    m_training.stop();
}

void Session::adoptBackbone(const WeightsSource &weights, std::shared_ptr<const Backbone> backbone)
{
    m_backbone = std::move(backbone);
    m_backboneWeights = weights;
}

std::shared_ptr<const Backbone> Session::backboneFor(JobContext &job, const WeightsSource &weights,
                                                    std::shared_ptr<const Backbone> loaded)
{
    if (loaded)
        return loaded;
    job.post([this] { Q_EMIT phaseChanged(tr("Loading the InceptionV3 weights…")); });
    auto backbone = std::make_shared<const Backbone>(weights.load());
    // Kept for the next run even if this one is stopped or fails.
    job.post([this, backbone, weights] {
        m_backbone = backbone;
        m_backboneWeights = weights;
    });
    return backbone;
}

TrainingRunCallbacks Session::dataCallbacks(JobContext &job, Precision precision, const QString &next)
{
    const QString numbers = precisionLabel(precision);
    TrainingRunCallbacks callbacks;
    callbacks.scanned = [this, &job, numbers](const Dataset &dataset, const FixesApplied &) {
        const int images = int(dataset.images.size()), classes = int(dataset.classes.size());
        job.post([this, images, classes, numbers] {
            Q_EMIT scanned(images, classes);
            Q_EMIT phaseChanged(tr("Computing image features in %1…").arg(numbers));
        });
    };
    callbacks.extracting = [this, &job, next](const ExtractionProgress &p) {
        const bool last = p.done == p.total;
        if (!job.progressDue(last))
            return;
        job.post([this, p, last, next] {
            Q_EMIT extracting(p.done, p.total, p.fromCache);
            if (last)
                Q_EMIT phaseChanged(next);
        });
    };
    return callbacks;
}

void Session::startRun(const TrainingRunOptions &options, const WeightsSource &weights)
{
    const std::shared_ptr<const Backbone> loaded = weights == m_backboneWeights ? m_backbone : nullptr;
    const bool started = m_training.start(
        [this, options, weights, loaded](JobContext &job) {
            const std::shared_ptr<const Backbone> backbone = backboneFor(job, weights, loaded);
            throwIfCancelled(job.cancel());
            TrainingRunCallbacks callbacks = dataCallbacks(
                job, options.precision, options.tune ? tr("Trying settings on the features…") : tr("Training the classifier…"));
            int trialsDone = 0;
            callbacks.tuning = [this, &job, &trialsDone](const TuningTrial &trial, int total) {
                const int tried = ++trialsDone;
                job.post([this, trial, tried, total] {
                    Q_EMIT tuningTrial(trial, total);
                    Q_EMIT phaseChanged(tried < total ? tr("Trying settings on the features: %1 of %2…").arg(tried + 1).arg(total)
                                                      : tr("Training the classifier with the best settings…"));
                });
            };
            callbacks.training = [this, &job](const TrainingPoint &point) {
                job.post([this, point] { Q_EMIT trainingPoint(point); });
            };
            TrainingRun run = runTraining(*backbone, options, callbacks, job.cancel());
            return std::make_shared<const TrainedModel>(backbone, std::move(run));
        },
        [this](std::shared_ptr<const TrainedModel> model) { runFinished(std::move(model)); });
    if (!started)
        return;
    m_lastOptions = options;
    m_lastWeights = weights;
    m_runTrains = true;
    Q_EMIT trainingStarted();
    Q_EMIT phaseChanged(tr("Reading the dataset…"));
    Q_EMIT stateChanged();
}

template <typename Work, typename Done>
void Session::startOnData(Work work, Done done)
{
    const TrainingRunOptions options = runOptions(false);
    const WeightsSource weights = m_weights;
    const std::shared_ptr<const Backbone> loaded = weights == m_backboneWeights ? m_backbone : nullptr;
    const bool started = m_training.start(
        [this, work = std::move(work), options, weights, loaded](JobContext &job) {
            const std::shared_ptr<const Backbone> backbone = backboneFor(job, weights, loaded);
            throwIfCancelled(job.cancel());
            return work(job, *backbone, options);
        },
        std::move(done));
    if (!started)
        return;
    m_runTrains = false;
    Q_EMIT trainingStarted();
    Q_EMIT phaseChanged(tr("Reading the dataset…"));
    Q_EMIT stateChanged();
}

void Session::findLearningRate()
{
    startOnData(
        [this](JobContext &job, const Backbone &backbone, const TrainingRunOptions &options) {
            const TrainingRunCallbacks callbacks =
                dataCallbacks(job, options.precision, tr("Training with rising learning rates…"));
            return sweepRunLearningRate(backbone, options, callbacks, job.cancel());
        },
        [this](const LearningRateSweep &sweep) {
            Q_EMIT trainingEnded(tr("Done: the loss falls fastest at a learning rate of %1.").arg(sweep.suggested, 0, 'g', 3));
            Q_EMIT learningRateFound(sweep);
        });
}

void Session::checkData()
{
    startOnData(
        [this](JobContext &job, const Backbone &backbone, const TrainingRunOptions &options) {
            DataAuditCallbacks callbacks;
            callbacks.reading = dataCallbacks(job, options.precision, tr("Checking the data…"));
            callbacks.auditing = [this, &job](int done, int total) {
                if (job.progressDue(done == total))
                    job.post([this, done, total] {
                        Q_EMIT phaseChanged(tr("Checking the data: step %1 of %2…").arg(std::min(done + 1, total)).arg(total));
                    });
            };
            DataAuditOptions audit;
            audit.map = true;
            return std::make_shared<const DataAudit>(auditData(backbone, options, audit, callbacks, job.cancel()));
        },
        [this](std::shared_ptr<const DataAudit> audit) {
            m_audit = std::move(audit);
            Q_EMIT trainingEnded(tr("Done: %1 labels look wrong, %2 groups of duplicates, %3 outliers.")
                                     .arg(m_audit->labels.issues.size())
                                     .arg(m_audit->duplicates.size())
                                     .arg(m_audit->outliers.size()));
            Q_EMIT auditChanged();
        });
}

void Session::runFinished(std::shared_ptr<const TrainedModel> model)
{
    QFile::remove(m_lastOptions.training.checkpointFile);
    m_model = std::move(model);
    m_restored.reset();
    m_project.lastRun = RunSummary::fromReport(m_model->report());
    const TrainingRun &r = m_model->run();
    if (r.tuning) {
        // The winner's length is in steps; the checkpoint is the session's, not a setting.
        m_project.training = r.options.training;
        m_project.training.checkpointFile.clear();
        m_project.training.resume = false;
        m_project.epochs = 0;
        Q_EMIT settingsApplied();
    }
    Q_EMIT modelChanged();
    Q_EMIT modified();
    Q_EMIT trainingEnded(tr("Done: test accuracy %1 %, steps: %2 (features %3 s, training %4 s).")
                 .arg(100 * r.evaluation.accuracy, 0, 'f', 1)
                 .arg(r.options.training.steps)
                 .arg(r.extractionSeconds, 0, 'f', 1)
                 .arg(r.trainingSeconds, 0, 'f', 1));
}

} // namespace rs
