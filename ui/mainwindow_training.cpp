// MainWindow's side of a run: starting it, taking its results, exporting them.

#include "mainwindow.h"

#include "data/sampledata.h"
#include "datasetpage.h"
#include "export/modelexport.h"
#include "predictpage.h"
#include "resultspage.h"
#include "settingspage.h"
#include "trainingpage.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QtConcurrent>

namespace rs {
namespace {

constexpr int kSampleImagesPerClass = 60;

// Runs `work` on the thread pool and `done` with its error message (empty on success) back
// on `context`'s thread.
void runInBackground(QObject *context, std::function<void()> work, std::function<void(const QString &)> done)
{
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcher<QString>::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([work]() -> QString {
        try {
            work();
            return {};
        } catch (const std::exception &e) {
            return QString::fromStdString(e.what());
        }
    }));
}

} // namespace

void MainWindow::startTraining()
{
    if (m_job->isRunning())
        return;
    QString problem;
    const WeightsChoice weights = m_settings->weights();
    if (m_dataset->isScanning())
        problem = tr("The folders are still being read; start again in a moment.");
    else if (m_dataset->model()->includedClasses() < 2)
        problem = tr("Training needs at least two classes with images. Drop folders on the Dataset page.");
    else if (!m_settings->problem().isEmpty())
        problem = tr("Settings: %1").arg(m_settings->problem());
    if (problem.isEmpty() && !weights.randomSeed && !QFileInfo::exists(weights.file))
        return offerWeights(weights.file);
    if (!problem.isEmpty()) {
        showError(tr("Cannot start training"), problem);
        return;
    }

    TrainingRunOptions options;
    options.sources.classes = m_dataset->classes();
    options.split = m_dataset->split();
    options.layer = m_settings->layer();
    options.cacheRoot = m_options.cacheRoot;
    options.training = m_settings->options();
    options.augmentation = m_settings->augmentation();
    options.fineTuning = m_settings->fineTuning();
    options.epochs = m_settings->epochs();
    // A new run starts afresh: the last one's checkpoint is dropped, and this run's is
    // written only if it is stopped during training (or every 1000 steps, against crashes).
    const QString checkpoints = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/checkpoints");
    QDir().mkpath(checkpoints);
    options.training.checkpointFile = checkpoints + QStringLiteral("/stopped-run.ckpt");
    QFile::remove(options.training.checkpointFile);
    startRun(options, weights, m_settings->precision());
}

void MainWindow::resumeTraining()
{
    TrainingRunOptions options = m_lastOptions;
    options.training.resume = true;
    startRun(options, m_lastWeights, m_lastPrecision); // the checkpoint holds features of that precision
}

void MainWindow::startRun(const TrainingRunOptions &options, const WeightsChoice &weights, Precision precision)
{
    if (m_job->isRunning())
        return;
    m_lastOptions = options;
    m_lastWeights = weights;
    m_lastPrecision = precision;
    m_training->runStarted();
    m_training->setPhase(tr("Reading the dataset…"));
    m_pages->setCurrentWidget(m_training);
    m_job->start(options, weights, precision);
    updateActions();
}

void MainWindow::runFinished(std::shared_ptr<const TrainingRun> run)
{
    QFile::remove(m_lastOptions.training.checkpointFile);
    m_run = std::move(run);
    const TrainingRun &r = *m_run;
    const std::shared_ptr<const Backbone> base = m_job->backbone();
    showRun(RunSummary::fromReport(r.report(base->weights())));
    // Prediction runs on the fine-tuned blocks when there are any; the run keeps them alive.
    m_runBackbone = r.tunedBackbone ? std::shared_ptr<const Backbone>(m_run, &*r.tunedBackbone) : base;
    m_exportBase = base;
    const std::shared_ptr<const TrainingRun> trained = m_run;
    const std::shared_ptr<const Backbone> backbone = m_runBackbone;
    m_predict->setPredictor(
        [trained, backbone](const QStringList &paths, int k) {
            return predictTopClasses(*backbone, *trained->head, trained->options.layer, paths, k);
        },
        r.dataset.classes);
    runEnded(tr("Done: test accuracy %1 %, steps: %2 (features %3 s, training %4 s).")
                 .arg(100 * r.evaluation.accuracy, 0, 'f', 1)
                 .arg(r.options.training.steps)
                 .arg(r.extractionSeconds, 0, 'f', 1)
                 .arg(r.trainingSeconds, 0, 'f', 1));
    if (m_pages->currentWidget() == m_training)
        m_pages->setCurrentWidget(m_results);
    setDirty();
}

void MainWindow::runFailed(const QString &message)
{
    runEnded(tr("Failed: %1").arg(message));
    showError(tr("Training failed"), message);
}

void MainWindow::runEnded(const QString &message)
{
    m_training->runEnded(message);
    statusBar()->showMessage(message);
    updateActions();
    Q_EMIT trainingEnded();
}

void MainWindow::showRun(const RunSummary &summary)
{
    m_summary = summary;
    m_results->setResults(summary.classes, summary.evaluation);
}

void MainWindow::chooseExportFolder()
{
    if (!m_run)
        return;
    const QString folder = QFileDialog::getSaveFileName(this, tr("Export the model to a new folder"),
                                                        QDir::home().filePath(QStringLiteral("model")));
    if (!folder.isEmpty())
        exportModelTo(folder);
}

void MainWindow::exportModelTo(const QString &folder)
{
    if (!m_run || m_busyJobs > 0)
        return;
    const std::shared_ptr<const TrainingRun> run = m_run;
    const std::shared_ptr<const Backbone> backbone = m_exportBase;
    ++m_busyJobs;
    updateActions();
    statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(folder)));
    runInBackground(this, [folder, run, backbone] { rs::exportModel(folder, *backbone, *run); },
                    [this, folder](const QString &error) {
                        --m_busyJobs;
                        updateActions();
                        if (error.isEmpty())
                            statusBar()->showMessage(tr("Exported the model to %1").arg(QDir::toNativeSeparators(folder)));
                        else
                            showError(tr("Export failed"), error);
                        Q_EMIT exportFinished(error);
                    });
}

void MainWindow::useSampleData()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sample-data");
    ++m_busyJobs;
    statusBar()->showMessage(tr("Writing the sample images to %1…").arg(QDir::toNativeSeparators(folder)));
    runInBackground(this, [folder] { writeFashionMnistSamples(folder, kSampleImagesPerClass); },
                    [this, folder](const QString &error) {
                        --m_busyJobs;
                        if (!error.isEmpty()) {
                            showError(tr("No sample images"),
                                      tr("%1\nThe sample images come from Debian's dataset-fashion-mnist package.").arg(error));
                            return;
                        }
                        statusBar()->clearMessage();
                        m_dataset->addFolders({folder});
                    });
}

} // namespace rs
