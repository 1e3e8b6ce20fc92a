#pragma once

#include "languagemenu.h"
#include "mainactions.h"
#include "session.h"

#include <QMainWindow>
#include <QUrl>

#include <optional>

class QTabWidget;

namespace rs {

class DatasetPage;
class PredictPage;
class DataHealthPage;
class ProjectFiles;
class RateFinderDialog;
struct LearningRateSweep;
class ResultsPage;
class SettingsPage;
class ThumbnailCache;
class TrainingPage;
class WeightsPrompt;

// What the command line can set for a window.
struct StudioOptions
{
    std::optional<WeightsSource> weights; // else the saved or the default weights file
    QString cacheRoot;                    // empty: the shared bottleneck cache
    QUrl weightsUrl = officialWeightsUrl(); // where Download fetches the ImageNet weights
};

// The window: six pages (dataset, settings, training, results, predict, data health) over one Session,
// with the menus and dialogs. The session holds the work and its results; this class wires
// its signals to the pages and the pages' edits back to it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const StudioOptions &options = {}, QWidget *parent = nullptr);

    // Shows the work in a new window built in the language now installed, in place of this one,
    // which then goes (deleteLater: the window must be on the heap). The session, the project
    // file and its unsaved changes carry over. Returns the new window; null while a run goes
    // on, whose curve lives in this window: it happens when the run ends.
    MainWindow *retranslate();

    Session *session() const { return m_session; }
    ProjectFiles *projectFiles() const { return m_files; }
    // Fetches the ImageNet weights into the torch hub cache with a progress dialog, and uses them.
    void downloadWeights();

Q_SIGNALS:
    void weightsDownloaded(const QString &error); // empty on success
    void replacedBy(rs::MainWindow *window);      // retranslate() made it

protected:
    void closeEvent(QCloseEvent *event) override;
    // Folders dropped anywhere but the predict page go to the dataset.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // Takes `previous`'s session and project file over, and its place on the screen.
    explicit MainWindow(MainWindow &previous);
    void build(); // pages, menus and wiring over m_session
    void connectActions();
    void createMenus();
    void connectSession();
    void restoreWindow();
    void saveWindow() const;
    void showProject(); // the session's project in the pages
    void showSettings(); // the session's settings, weights and precision in the Settings page
    void showModel();   // the session's model (or its absence) in results and predict
    void showWeightsStatus(); // which weights are used, or that they are missing, where the user looks first

    void startTraining(bool tune = false);
    // The learning-rate sweep with the current settings, then its curve in a dialog.
    void findLearningRate();
    void showRateSweep(const LearningRateSweep &sweep);
    void chooseExportFolder();
    void updateActions();
    void updateTitle(); // from the project's file name, or "Untitled"
    void showError(const QString &title, const QString &message);
    // Whether a job can start now; if not, says why (titled `refusal`) or offers to find weights.
    bool readyToRun(bool tune, const QString &refusal);

    StudioOptions m_options;
    Session *m_session;
    ThumbnailCache *m_thumbnails;
    QTabWidget *m_pages;
    DatasetPage *m_dataset;
    SettingsPage *m_settings;
    TrainingPage *m_training;
    ResultsPage *m_results;
    PredictPage *m_predict;
    DataHealthPage *m_health;

    MainActions m_actions;
    ProjectFiles *m_files = nullptr;
    WeightsPrompt *m_weightsPrompt;
    RateFinderDialog *m_rateFinder = nullptr; // made when first needed
    QString m_lastError; // the last refusal or failure shown, which the next edit takes off the status bar
    bool m_retranslateAfterRun = false;
};

} // namespace rs
