#include "mainwindow.h"

#include "curveplot.h"
#include "datasetpage.h"
#include "predictpage.h"
#include "resultspage.h"
#include "settingspage.h"
#include "thumbnailcache.h"
#include "training/jsonformat.h"
#include "trainingpage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace rs {
namespace {

constexpr int kThumbnailSize = 64;

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kPageKey = QStringLiteral("window/page");
const QString kTrainingKey = QStringLiteral("settings/training");
const QString kEpochsKey = QStringLiteral("settings/epochs");
const QString kLayerKey = QStringLiteral("settings/layer");
const QString kAugmentationKey = QStringLiteral("settings/augmentation");
const QString kFineTuningKey = QStringLiteral("settings/fineTuning");
const QString kWeightsKey = QStringLiteral("settings/weightsFile");
const QString kPrecisionKey = QStringLiteral("settings/precision");

QAction *action(QObject *parent, const QString &name, const QString &text, const QKeySequence &shortcut,
                const QString &icon = {})
{
    auto *a = new QAction(text, parent);
    a->setObjectName(name);
    a->setShortcut(shortcut);
    if (!icon.isEmpty())
        a->setIcon(QIcon::fromTheme(icon));
    return a;
}

} // namespace

MainWindow::MainWindow(const StudioOptions &options, QWidget *parent)
    : QMainWindow(parent), m_options(options), m_thumbnails(new ThumbnailCache(kThumbnailSize, this)),
      m_job(new TrainingJob(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    updateTitle();
    setWindowIcon(QIcon(QStringLiteral(":/icons/retrain-studio.svg")));
    createActions();

    m_dataset = new DatasetPage(m_thumbnails);
    m_settings = new SettingsPage;
    m_training = new TrainingPage(m_start, m_stop);
    m_results = new ResultsPage(m_thumbnails);
    m_predict = new PredictPage;
    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_dataset, tr("&1 Dataset"));
    m_pages->addTab(m_settings, tr("&2 Settings"));
    m_pages->addTab(m_training, tr("&3 Training"));
    m_pages->addTab(m_results, tr("&4 Results"));
    m_pages->addTab(m_predict, tr("&5 Predict"));
    setCentralWidget(m_pages);
    setAcceptDrops(true);
    createMenus();

    connect(m_dataset, &DatasetPage::changed, this, [this] {
        m_settings->setTrainingImages(m_dataset->model()->includedCounts()[std::size_t(Subset::Train)]);
        setDirty();
    });
    connect(m_dataset, &DatasetPage::sampleDataRequested, this, &MainWindow::useSampleData);
    connect(m_settings, &SettingsPage::changed, this, [this] { setDirty(); });
    connect(m_job, &TrainingJob::phaseChanged, m_training, &TrainingPage::setPhase);
    connect(m_job, &TrainingJob::scanned, m_training, &TrainingPage::scanned);
    connect(m_job, &TrainingJob::extracting, m_training, &TrainingPage::extracting);
    connect(m_job, &TrainingJob::trainingPoint, m_training, &TrainingPage::addPoint);
    connect(m_job, &TrainingJob::finished, this, &MainWindow::runFinished);
    connect(m_job, &TrainingJob::failed, this, &MainWindow::runFailed);
    connect(m_job, &TrainingJob::cancelled, this, [this] {
        QString message = m_run ? tr("Stopped. The previous run's results are kept.") : tr("Stopped.");
        if (QFileInfo::exists(m_lastOptions.training.checkpointFile))
            message += QLatin1Char(' ') + tr("Resume carries the run on from where it stopped.");
        runEnded(message);
    });

    restoreSession();
    const WeightsChoice weights = m_settings->weights();
    statusBar()->showMessage(weights.randomSeed ? tr("Random weights (seed %1): for testing only").arg(*weights.randomSeed)
                             : QFileInfo::exists(weights.file)
                                 ? tr("ImageNet weights: %1").arg(QDir::toNativeSeparators(weights.file))
                                 : tr("No ImageNet weights found at %1").arg(QDir::toNativeSeparators(weights.file)));
    setDirty(false);
    updateActions();
}

void MainWindow::createActions()
{
    m_newProject = action(this, QStringLiteral("actionNewProject"), tr("&New project"), QKeySequence::New, QStringLiteral("document-new"));
    m_openProject = action(this, QStringLiteral("actionOpenProject"), tr("&Open project…"), QKeySequence::Open, QStringLiteral("document-open"));
    m_saveProject = action(this, QStringLiteral("actionSaveProject"), tr("&Save project"), QKeySequence::Save, QStringLiteral("document-save"));
    m_saveProjectAs = action(this, QStringLiteral("actionSaveProjectAs"), tr("Save project &as…"), QKeySequence::SaveAs,
                             QStringLiteral("document-save-as"));
    m_addFolder = action(this, QStringLiteral("actionAddFolder"), tr("&Add image folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                         QStringLiteral("folder-new"));
    m_start = action(this, QStringLiteral("actionStart"), tr("&Start training"), QKeySequence(Qt::CTRL | Qt::Key_R),
                     QStringLiteral("media-playback-start"));
    m_stop = action(this, QStringLiteral("actionStop"), tr("S&top"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                    QStringLiteral("media-playback-stop"));
    m_resume = action(this, QStringLiteral("actionResume"), tr("&Resume stopped run"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                      QStringLiteral("media-seek-forward"));
    m_resume->setToolTip(tr("Carry the stopped run on from where it stopped; it ends as if it had not been stopped"));
    m_export = action(this, QStringLiteral("actionExportModel"), tr("&Export model…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                      QStringLiteral("document-export"));
    m_downloadWeights = action(this, QStringLiteral("actionDownloadWeights"), tr("&Download ImageNet weights…"), {},
                               QStringLiteral("download"));
    m_quit = action(this, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit, QStringLiteral("application-exit"));
    m_start->setToolTip(tr("Train a classifier on the dataset with the current settings (%1)").arg(m_start->shortcut().toString(QKeySequence::NativeText)));
    m_stop->setToolTip(tr("Stop the run; the previous results stay (%1)").arg(m_stop->shortcut().toString(QKeySequence::NativeText)));

    connect(m_newProject, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_openProject, &QAction::triggered, this, &MainWindow::chooseProjectToOpen);
    connect(m_saveProject, &QAction::triggered, this, [this] {
        if (m_projectPath.isEmpty())
            saveProjectAs();
        else
            saveProject(m_projectPath);
    });
    connect(m_saveProjectAs, &QAction::triggered, this, &MainWindow::saveProjectAs);
    connect(m_start, &QAction::triggered, this, &MainWindow::startTraining);
    connect(m_resume, &QAction::triggered, this, &MainWindow::resumeTraining);
    connect(m_stop, &QAction::triggered, this, [this] {
        m_job->stop();
        m_training->setPhase(tr("Stopping…"));
        m_stop->setEnabled(false);
    });
    connect(m_export, &QAction::triggered, this, &MainWindow::chooseExportFolder);
    connect(m_downloadWeights, &QAction::triggered, this, &MainWindow::downloadWeights);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    connect(m_addFolder, &QAction::triggered, m_dataset, [this] {
        m_pages->setCurrentWidget(m_dataset);
        m_dataset->chooseFolder();
    });
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_newProject, m_openProject});
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentProjectsMenu"));
    file->addActions({m_saveProject, m_saveProjectAs});
    file->addSeparator();
    file->addActions({m_addFolder, m_export, m_downloadWeights});
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *training = menuBar()->addMenu(tr("&Training"));
    training->addActions({m_start, m_stop, m_resume});
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    createLanguageMenu(help);
    help->addAction(tr("&About Retrain Studio"), this, [this] {
        QMessageBox::about(this, tr("About Retrain Studio"),
                           tr("<p><b>Retrain Studio %1</b></p><p>Trains an image classifier on your own images by "
                              "transfer learning from an ImageNet-trained InceptionV3, without Python.</p>")
                               .arg(QStringLiteral(RETRAIN_VERSION)));
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_openProject, m_saveProject, m_addFolder});
    toolbar->addSeparator();
    toolbar->addActions({m_start, m_stop, m_export});
    updateRecentMenu();
}

void MainWindow::createLanguageMenu(QMenu *help)
{
    QMenu *menu = help->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString current = QSettings().value(kLanguageKey).toString();
    // Each language is named in itself, so it can be found whatever the current one.
    const std::pair<QString, QString> languages[] = {{QString(), tr("System language")},
                                                     {QStringLiteral("en"), QStringLiteral("English")},
                                                     {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, name] : languages) {
        QAction *choice = menu->addAction(name);
        choice->setCheckable(true);
        choice->setChecked(code == current);
        group->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(kLanguageKey, code);
            statusBar()->showMessage(tr("The new language applies when Retrain Studio starts again."));
        });
    }
}

void MainWindow::restoreSession()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (!settings.contains(kGeometryKey))
        resize(1100, 760);
    m_pages->setCurrentIndex(settings.value(kPageKey, 0).toInt());
    try {
        const QJsonObject saved = QJsonDocument::fromJson(settings.value(kTrainingKey).toByteArray()).object();
        m_settings->setOptions(trainingOptionsFromJson(saved), settings.value(kEpochsKey, 0.0).toDouble(),
                               settings.value(kLayerKey).toString());
        m_settings->setAugmentation(
            augmentationFromJson(QJsonDocument::fromJson(settings.value(kAugmentationKey).toByteArray()).object()));
        m_settings->setFineTuning(
            fineTuningFromJson(QJsonDocument::fromJson(settings.value(kFineTuningKey).toByteArray()).object()));
    } catch (const std::runtime_error &) {
        // Settings from another version that no longer parse: the defaults stand.
    }
    m_settings->setWeights(m_options.weights.value_or(WeightsChoice{settings.value(kWeightsKey, defaultWeightsPath()).toString(), {}}));
    m_settings->setPrecision(precisionFromName(settings.value(kPrecisionKey).toString()).value_or(Precision::Auto));
}

void MainWindow::saveSession() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, m_pages->currentIndex());
    settings.setValue(kTrainingKey, QJsonDocument(toJson(m_settings->options())).toJson(QJsonDocument::Compact));
    settings.setValue(kEpochsKey, m_settings->epochs());
    settings.setValue(kLayerKey, m_settings->layer());
    settings.setValue(kAugmentationKey, QJsonDocument(toJson(m_settings->augmentation())).toJson(QJsonDocument::Compact));
    settings.setValue(kFineTuningKey, QJsonDocument(toJson(m_settings->fineTuning())).toJson(QJsonDocument::Compact));
    if (!m_settings->weights().randomSeed)
        settings.setValue(kWeightsKey, m_settings->weights().file);
    settings.setValue(kPrecisionKey, precisionName(m_settings->precision()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!saveOrCancel()) {
        event->ignore();
        return;
    }
    saveSession();
    m_job->stop();
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

void MainWindow::updateActions()
{
    const bool training = m_job->isRunning();
    m_start->setEnabled(!training);
    m_stop->setEnabled(training);
    m_resume->setEnabled(!training && !m_lastOptions.training.checkpointFile.isEmpty()
                         && QFileInfo::exists(m_lastOptions.training.checkpointFile));
    m_export->setEnabled(!training && m_run && m_busyJobs == 0);
    m_openProject->setEnabled(!training);
    m_newProject->setEnabled(!training);
}

void MainWindow::updateTitle()
{
    const QString name = m_projectPath.isEmpty() ? tr("Untitled") : QFileInfo(m_projectPath).fileName();
    setWindowTitle(name + QStringLiteral("[*] — ") + tr("Retrain Studio"));
}

void MainWindow::setDirty(bool dirty)
{
    setWindowModified(dirty);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message);
    // Not exec(): the event loop, and with it a running job, carries on while it is shown.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace rs
