#pragma once

#include "model/weightsdownload.h"
#include "project/project.h"
#include "trainingjob.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QMenu;
class QTabWidget;

namespace rs {

class DatasetPage;
class PredictPage;
class ResultsPage;
class SettingsPage;
class ThumbnailCache;
class TrainingPage;

// QSettings key of the interface language chosen in Help ▸ Language; empty: the system's.
inline const QString kLanguageKey = QStringLiteral("language");

// What the command line can set for a session.
struct StudioOptions
{
    std::optional<WeightsChoice> weights; // else the saved or the default weights file
    QString cacheRoot;                    // empty: the shared bottleneck cache
    QUrl weightsUrl = officialWeightsUrl(); // where Download fetches the ImageNet weights
};

// The window: five pages (dataset, settings, training, results, predict) over one project,
// and the actions that tie them together. Work happens in TrainingJob and thread-pool jobs;
// this class only moves plain results between them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const StudioOptions &options = {}, QWidget *parent = nullptr);

    bool isTraining() const { return m_job->isRunning(); }
    // Opens or saves a project file; on failure says why in a message and returns false.
    bool openProject(const QString &path);
    bool saveProject(const QString &path);
    QString projectPath() const { return m_projectPath; }
    // Exports the last run in the background; exportFinished() tells how it went.
    void exportModelTo(const QString &folder);
    // Fetches the ImageNet weights into the torch hub cache with a progress dialog, and uses them.
    void downloadWeights();
    std::shared_ptr<const TrainingRun> lastRun() const { return m_run; }

Q_SIGNALS:
    void trainingEnded();
    void exportFinished(const QString &error); // empty on success
    void weightsDownloaded(const QString &error); // empty on success

protected:
    void closeEvent(QCloseEvent *event) override;
    // Folders dropped anywhere but the predict page go to the dataset.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createLanguageMenu(QMenu *help);
    void restoreSession();
    void saveSession() const;

    void startTraining();
    void resumeTraining();
    void startRun(const TrainingRunOptions &options, const WeightsChoice &weights, Precision precision);
    void runFinished(std::shared_ptr<const TrainingRun> run);
    void runFailed(const QString &message);
    void runEnded(const QString &message);
    void showRun(const RunSummary &summary);
    void chooseExportFolder();
    void useSampleData();
    void newProject();
    void chooseProjectToOpen();
    bool saveProjectAs();
    bool saveOrCancel();
    void addRecentProject(const QString &path);
    void updateRecentMenu();
    void updateActions();
    void setDirty(bool dirty = true);
    void updateTitle(); // from the project's file name, or "Untitled"
    void showError(const QString &title, const QString &message);
    // No weights file: offers to download one, choose one, or go on with untrained weights.
    void offerWeights(const QString &missing);

    StudioOptions m_options;
    ThumbnailCache *m_thumbnails;
    TrainingJob *m_job;
    QTabWidget *m_pages;
    DatasetPage *m_dataset;
    SettingsPage *m_settings;
    TrainingPage *m_training;
    ResultsPage *m_results;
    PredictPage *m_predict;

    QAction *m_newProject = nullptr;
    QAction *m_openProject = nullptr;
    QAction *m_saveProject = nullptr;
    QAction *m_saveProjectAs = nullptr;
    QAction *m_addFolder = nullptr;
    QAction *m_start = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_export = nullptr;
    QAction *m_downloadWeights = nullptr;
    QAction *m_quit = nullptr;
    QMenu *m_recentMenu = nullptr;

    QString m_projectPath;
    std::shared_ptr<const TrainingRun> m_run; // the last finished run, with its backbone:
    std::shared_ptr<const Backbone> m_runBackbone; // what predicts: fine-tuned when the run was
    std::shared_ptr<const Backbone> m_exportBase;  // the weights the run started from
    std::optional<RunSummary> m_summary;       // its report, or the one an opened project holds
    int m_busyJobs = 0;                        // exports and sample-data writes in flight
    // The last run started, for Resume; its checkpoint file exists only when it was stopped
    // during training.
    TrainingRunOptions m_lastOptions;
    WeightsChoice m_lastWeights;
    Precision m_lastPrecision = Precision::Auto;
};

} // namespace rs
