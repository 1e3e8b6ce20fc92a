#include "mainwindow.h"

#include "curveplot.h"
#include "datahealthpage.h"
#include "datasetpage.h"
#include "datasetwelcome.h"
#include "export/prediction.h"
#include "fieldproblems.h"
#include "predictpage.h"
#include "projectfiles.h"
#include "ratefinderdialog.h"
#include "resultspage.h"
#include "settingspage.h"
#include "thumbnailcache.h"
#include "trainingpage.h"
#include "weightsprompt.h"

#include <QCloseEvent>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>

namespace rs {
namespace {

constexpr int kThumbnailSize = 64;

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");

} // namespace

MainWindow::MainWindow(const StudioOptions &options, QWidget *parent)
    : QMainWindow(parent), m_options(options),
      m_session(new Session({options.cacheRoot, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)}, this)),
      m_thumbnails(new ThumbnailCache(kThumbnailSize, this)), m_actions(this),
      m_weightsPrompt(new WeightsPrompt(options.weightsUrl, this))
{
    build();
    restoreWindow();
    m_session->restoreSettings();
    if (m_options.weights)
        m_session->setWeights(*m_options.weights);
    showProject();
    showWeightsStatus();
    setWindowModified(false);
    updateActions();
}

MainWindow::MainWindow(MainWindow &previous)
    : QMainWindow(nullptr), m_options(previous.m_options), m_session(previous.m_session),
      m_thumbnails(new ThumbnailCache(kThumbnailSize, this)), m_actions(this),
      m_weightsPrompt(new WeightsPrompt(m_options.weightsUrl, this))
{
    m_session->setParent(this);
    // The old window's pages must not answer the session any more, while they wait to go.
    m_session->disconnect(&previous);
    for (QObject *part : previous.findChildren<QObject *>())
        m_session->disconnect(part);
    build();
    m_files->takeOver(*previous.m_files);
    restoreGeometry(previous.saveGeometry());
    restoreState(previous.saveState());
    const int page = previous.m_pages->currentIndex();
    showProject();
    showModel();
    m_predict->takeOver(*previous.m_predict);
    m_health->setAudit(m_session->audit());
    m_health->setFixes(m_session->project().fixes);
    showWeightsStatus();
    m_pages->setCurrentIndex(page);
    setWindowModified(previous.isWindowModified());
    updateActions();
}

MainWindow *MainWindow::retranslate()
{
    if (m_session->isTraining()) {
        m_retranslateAfterRun = true;
        return nullptr;
    }
    auto *next = new MainWindow(*this);
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->show();
    hide();
    deleteLater();
    Q_EMIT replacedBy(next);
    return next;
}

void MainWindow::build()
{
    setObjectName(QStringLiteral("mainWindow"));
    updateTitle();
    setWindowIcon(QIcon(QStringLiteral(":/icons/retrain-studio.svg")));

    m_dataset = new DatasetPage(m_thumbnails);
    m_settings = new SettingsPage;
    m_settings->setRateFinder(m_actions.findRate);
    m_training = new TrainingPage(m_actions.start, m_actions.findSettings, m_actions.stop, m_actions.resume);
    m_results = new ResultsPage(m_thumbnails);
    m_predict = new PredictPage;
    m_health = new DataHealthPage(m_thumbnails, m_actions.checkData);
    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_dataset, tr("&1 Dataset"));
    m_pages->addTab(m_settings, tr("&2 Settings"));
    m_pages->addTab(m_training, tr("&3 Training"));
    m_pages->addTab(m_results, tr("&4 Results"));
    m_pages->addTab(m_predict, tr("&5 Predict"));
    m_pages->addTab(m_health, tr("&6 Data health"));
    setCentralWidget(m_pages);
    setAcceptDrops(true);
    createMenus();
    connectActions();
    connectSession();
}

void MainWindow::connectSession()
{
    connect(m_dataset, &DatasetPage::changed, this, [this] {
        // While folders are read the page holds only part of the classes (none, as a reopened
        // project's are read again): the session keeps the whole list until the reading ends.
        if (!m_dataset->isScanning())
            m_session->setDataset(m_dataset->classes(), m_dataset->split());
        m_session->setDatasetState(m_dataset->isScanning(), m_dataset->model()->includedClasses());
        m_settings->setTrainingImages(m_dataset->model()->includedCounts()[std::size_t(Subset::Train)]);
    });
    connect(m_dataset, &DatasetPage::sampleDataRequested, m_session, &Session::writeSampleData);
    DatasetWelcome *welcome = m_dataset->welcome();
    connect(welcome, &DatasetWelcome::weightsDownloadRequested, this, &MainWindow::downloadWeights);
    connect(welcome, &DatasetWelcome::weightsFileRequested, m_settings, &SettingsPage::browseWeights);
    connect(welcome, &DatasetWelcome::untrainedWeightsRequested, this, [this] { m_settings->setWeights(WeightsSource::random(0)); });
    connect(m_settings, &SettingsPage::changed, this, [this] {
        const WeightsSource before = m_session->weights();
        m_session->setSettings(m_settings->settings());
        m_session->setWeights(m_settings->weights());
        m_session->setPrecision(m_settings->precision());
        if (m_session->weights() != before)
            showWeightsStatus();
    });
    connect(m_settings, &SettingsPage::weightsLoaded, m_session, &Session::adoptBackbone);
    connect(m_weightsPrompt, &WeightsPrompt::chosen, this, [this](const WeightsSource &weights, const QString &message) {
        m_settings->setWeights(weights);
        statusBar()->showMessage(message);
    });
    connect(m_weightsPrompt, &WeightsPrompt::browseRequested, m_settings, &SettingsPage::browseWeights);
    connect(m_weightsPrompt, &WeightsPrompt::downloadFinished, this, [this](const QString &error) {
        m_actions.downloadWeights->setEnabled(true);
        if (!error.isEmpty()) // a failure is explained by the prompt, with the choice again
            statusBar()->showMessage(error);
        Q_EMIT weightsDownloaded(error);
    });
    connect(m_session, &Session::modified, this, [this] {
        setWindowModified(true);
        // A refusal is about the settings as they were: after an edit it may no longer hold.
        if (!m_lastError.isEmpty() && statusBar()->currentMessage() == m_lastError)
            statusBar()->clearMessage();
    });
    connect(m_session, &Session::stateChanged, this, &MainWindow::updateActions);
    connect(m_session, &Session::projectLoaded, this, &MainWindow::showProject);
    connect(m_session, &Session::settingsApplied, this, &MainWindow::showSettings);
    connect(m_session, &Session::learningRateFound, this, &MainWindow::showRateSweep);
    connect(m_session, &Session::modelChanged, this, &MainWindow::showModel);
    connect(m_session, &Session::auditChanged, this, [this] {
        m_health->setAudit(m_session->audit());
        if (m_session->audit())
            m_pages->setCurrentWidget(m_health);
    });
    connect(m_session, &Session::fixesChanged, this, [this] { m_health->setFixes(m_session->project().fixes); });
    connect(m_health, &DataHealthPage::fixRequested, m_session, &Session::addFix);
    connect(m_results, &ResultsPage::fixRequested, m_session, &Session::addFix);
    connect(m_results, &ResultsPage::heatMapRequested, m_session, &Session::explain);
    connect(m_session, &Session::heatMapReady, m_results, &ResultsPage::showHeatMap);
    connect(m_health, &DataHealthPage::undoRequested, m_session, &Session::undoFix);
    m_training->follow(m_session);
    connect(m_session, &Session::trainingStarted, this, [this] {
        // The last run's outcome, or a refusal of this one, is not news about the new run.
        statusBar()->clearMessage();
        m_pages->setCurrentWidget(m_training);
    });
    connect(m_session, &Session::trainingEnded, this, [this] {
        updateActions();
        if (std::exchange(m_retranslateAfterRun, false))
            QMetaObject::invokeMethod(this, &MainWindow::retranslate, Qt::QueuedConnection);
    });
    connect(m_session, &Session::status, statusBar(), [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_session, &Session::failed, this, &MainWindow::showError);
    connect(m_session, &Session::sampleDataWritten, m_dataset, [this](const QString &folder, const QString &error) {
        if (error.isEmpty())
            m_dataset->addFolders({folder});
    });
}

void MainWindow::showWeightsStatus()
{
    const QString status = WeightsPrompt::describe(m_session->weights());
    statusBar()->showMessage(status);
    m_dataset->welcome()->setWeightsStatus(status, m_session->weights().validate().isEmpty());
}

void MainWindow::downloadWeights()
{
    m_actions.downloadWeights->setEnabled(false);
    m_weightsPrompt->download();
}

void MainWindow::showSettings()
{
    // Field by field the page would report half-updated settings back to the session.
    const QSignalBlocker quiet(m_settings);
    m_settings->setSettings(m_session->settings());
    m_settings->setWeights(m_session->weights());
    m_settings->setPrecision(m_session->precision());
}

void MainWindow::showProject()
{
    const Project &project = m_session->project();
    showSettings();
    m_dataset->setDataset(project.sources.classes, project.split);
    // Nothing else can be done before classes are added; a project with classes stays on the page
    // the user is on.
    if (project.sources.classes.empty())
        m_pages->setCurrentWidget(m_dataset);
    if (project.lastRun) {
        const RunSummary &run = *project.lastRun;
        m_training->showCurve(run.curve, tr("The last run, as saved with the project."),
                              tr("Test accuracy %1 % on %2 test images after %3 steps; the Results page has the details.")
                                  .arg(100 * run.evaluation.accuracy, 0, 'f', 1)
                                  .arg(run.evaluation.count)
                                  .arg(run.curve.empty() ? 0 : run.curve.back().step));
        const QJsonObject training = project.lastRun->report.value(QStringLiteral("training")).toObject();
        m_training->plot()->markKeptStep(training.value(QStringLiteral("best_step")).toInt());
    }
    else
        m_training->showCurve({}, tr("Not started. Add classes on the Dataset page, then press Start."));
}

void MainWindow::showModel()
{
    const std::optional<RunSummary> &summary = m_session->project().lastRun;
    QStringList mistakes;
    if (summary)
        for (const ImagePrediction &p : summary->evaluation.misclassified())
            mistakes << p.path;
    m_health->setMistakes(mistakes);
    if (summary) {
        QStringList skipped;
        for (const QJsonValue file : summary->report.value(QStringLiteral("skipped")).toArray())
            skipped << file.toString();
        m_results->setResults(summary->classes, summary->evaluation, summary->calibration, skipped,
                              m_session->model()
                                  ? tr("Results of the run that ended at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat))
                                  : tr("Results of the last run, as saved with the project."));
    } else {
        m_results->clear();
    }
    if (const std::shared_ptr<const TrainedModel> model = m_session->model()) {
        m_training->plot()->markKeptStep(model->head().keptStep());
        if (m_pages->currentWidget() == m_training)
            m_pages->setCurrentWidget(m_results);
    }
    if (m_session->canPredict())
        m_predict->setPredictor(m_session->predictor(), m_session->predictorLabels());
    else
        m_predict->setPredictor({}, {},
                                summary ? tr("This project holds the last run's report, not its model: press Start to "
                                             "train again (features already computed come from the cache).")
                                        : tr("Train a classifier first."));
    updateActions();
}

void MainWindow::startTraining(bool tune)
{
    if (readyToRun(tune, tune ? tr("Cannot find settings") : tr("Cannot start training")))
        m_session->startTraining(tune);
}

void MainWindow::findLearningRate()
{
    if (readyToRun(false, tr("Cannot find a learning rate")))
        m_session->findLearningRate();
}

bool MainWindow::readyToRun(bool tune, const QString &refusal)
{
    if (m_session->isTraining())
        return false;
    if (const QString problem = m_session->startProblem(tune); !problem.isEmpty()) {
        showError(refusal, FieldProblems::sentence(problem));
        return false;
    }
    if (!m_session->weights().validate().isEmpty()) {
        m_weightsPrompt->offer(m_session->weights().path());
        return false;
    }
    return true;
}

void MainWindow::showRateSweep(const LearningRateSweep &sweep)
{
    if (!m_rateFinder) {
        m_rateFinder = new RateFinderDialog(this);
        connect(m_rateFinder, &RateFinderDialog::rateChosen, m_settings, &SettingsPage::setBaseRate);
    }
    m_rateFinder->setSweep(sweep);
    m_pages->setCurrentWidget(m_settings);
    m_rateFinder->open();
}

void MainWindow::chooseExportFolder()
{
    if (!m_session->canPredict())
        return;
    const QString folder = QFileDialog::getSaveFileName(this, tr("Export the model to a new folder"),
                                                        QDir::home().filePath(QStringLiteral("model")));
    if (folder.isEmpty())
        return;
    m_session->exportModel(folder);
}

void MainWindow::restoreWindow()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (!settings.contains(kGeometryKey))
        resize(1100, 760);
}

void MainWindow::saveWindow() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->saveOrCancel()) {
        event->ignore();
        return;
    }
    saveWindow();
    m_session->saveSettings();
    m_session->stopTraining();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!DatasetPage::droppedFolders(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList folders = DatasetPage::droppedFolders(event->mimeData());
    if (folders.isEmpty())
        return;
    event->acceptProposedAction();
    m_pages->setCurrentWidget(m_dataset);
    m_dataset->addFolders(folders);
}

void MainWindow::updateTitle()
{
    const QString path = m_files ? m_files->path() : QString();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowTitle(name + QStringLiteral("[*] — ") + tr("Retrain Studio"));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message);
    // Not exec(): the event loop, and with it a running job, carries on while it is shown.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace rs
