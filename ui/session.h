#pragma once

#include "export/modelexport.h"
#include "export/prediction.h"
#include "health/dataaudit.h"
#include "health/gradcam.h"
#include "job.h"
#include "model/weightssource.h"
#include "project/project.h"
#include "training/trainedmodel.h"

#include <QObject>

#include <functional>
#include <memory>

namespace rs {

// What the Settings page edits.
struct RunSettings
{
    QString layer = Backbone::kBottleneck;
    TrainingOptions training;
    Augmentation augmentation;
    FineTuning fineTuning;
    double epochs = 0; // > 0: the training length is set in epochs
};

// "bfloat16" or "float32": the number format features are computed in, as the GUI names it.
QString precisionLabel(Precision precision);

// Where a session keeps what is not the user's to choose.
struct SessionPaths
{
    QString cacheRoot;  // empty: the shared bottleneck cache
    QString dataFolder; // the checkpoint of a stopped run and the sample images go here
};

// One piece of work and what it has produced: the dataset choice and settings (as a project
// file holds them), the weights and precision, the training job, the last trained model and
// the background jobs. Widget-free: pages show its state and report their edits, MainWindow
// wires the two, and new capabilities attach here rather than to the window.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(SessionPaths paths, QObject *parent = nullptr);
    ~Session() override;

    // The dataset choice, settings and last run's report, as a project file saves them.
    const Project &project() const { return m_project; }
    // Replaces them all with an opened (or an empty, new) project; the model is dropped.
    void loadProject(Project project);
    void setDataset(const std::vector<ClassSource> &classes, const SplitOptions &split);
    // What the dataset page knows of the folders: still being read, classes with images.
    void setDatasetState(bool scanning, int includedClasses);
    void setSettings(const RunSettings &settings);
    RunSettings settings() const;
    const WeightsSource &weights() const { return m_weights; }
    void setWeights(const WeightsSource &weights);
    // Weights loaded elsewhere (the Settings page's check), kept for the next run that uses them.
    void adoptBackbone(const WeightsSource &weights, std::shared_ptr<const Backbone> backbone);
    Precision precision() const { return m_precision; }
    void setPrecision(Precision precision);

    // The settings, weights choice and precision of the last session (QSettings), and saving
    // them for the next.
    void restoreSettings();
    void saveSettings() const;

    // Why training (with `tune`: finding good settings first) cannot start now, in words, or
    // empty. Weights that cannot be loaded are not among these: weights().validate() says, so
    // the window can offer to fetch them.
    QString startProblem(bool tune = false) const;
    // A new run with the current settings; ignored while one runs. With `tune`, head settings
    // are tried on the features first (tuningTrial() reports each), the run trains with the
    // best, and they become the session's settings (settingsApplied()).
    void startTraining(bool tune = false);
    // Carries the last stopped run on from its checkpoint, with the weights and precision
    // it started with.
    void resumeTraining();
    // The learning-rate sweep (sweepRunLearningRate) with the current settings, as a run:
    // stateChanged, progress and Stop as for training; learningRateFound() at the end.
    void findLearningRate();
    // The data audit (auditData) with the current dataset, settings and fixes, as a run:
    // stateChanged, progress and Stop as for training; auditChanged() at the end.
    void checkData();
    // The last audit; null before the first and after a project is opened.
    std::shared_ptr<const DataAudit> audit() const { return m_audit; }
    // A fix to one image, kept in the project (modified(), fixesChanged()); the next run and
    // audit apply it.
    void addFix(const ImageFix &fix);
    // Takes the latest fix back; false when there is none.
    bool undoFix();
    // Grad-CAM of the last model for the image at `path` and class `label`, in the background:
    // heatMapReady() brings it. Asked while one is computed, it waits; only the latest waits.
    void explain(const QString &path, int label);
    bool canResume() const;
    void stopTraining();
    bool isTraining() const { return m_training.isRunning(); }
    // The run going on (or the last one) trains a classifier (Start, Find good settings,
    // Resume), rather than only reading the data (Check data, Find a learning rate): it brings
    // curves.
    bool runTrains() const { return m_runTrains; }

    // The last run's model; null before the first run and after a project is opened.
    std::shared_ptr<const TrainedModel> model() const { return m_model; }
    // Keeps the last run's classifier beside the project file at `projectPath`
    // (classifierFolder), in the background, so that the project reopens ready to predict and
    // export. Without a model trained here, a classifier restored from elsewhere is copied.
    void keepClassifier(const QString &projectPath);
    // Loads the classifier kept beside the opened project at `projectPath`, in the background,
    // when it is the last run's: modelChanged() then, and canPredict(); a status() otherwise.
    void restoreClassifier(const QString &projectPath);
    // The last run's model, or the classifier restored with the project, can classify images.
    bool canPredict() const { return m_model || m_restored; }
    // Classifies images with it (the k likeliest classes each), on the calling thread; empty
    // when !canPredict().
    std::function<TopClassPredictions(const QStringList &paths, int k)> predictor() const;
    QStringList predictorLabels() const;
    // Writes the model (or the restored classifier) to `folder` in the background:
    // exportFinished() says how it went.
    void exportModel(const QString &folder);
    // Writes the last run's report, with the last audit's findings, as one HTML page
    // (htmlReport) in the background: reportExported() says how it went.
    void exportReport(const QString &file);
    // Writes the Fashion-MNIST samples in the background: sampleDataWritten() says how.
    void writeSampleData();
    // An export, a report or a sample-data write is running.
    bool isBusy() const
    {
        return m_export.isRunning() || m_samples.isRunning() || m_report.isRunning() || m_keep.isRunning();
    }

Q_SIGNALS:
    void projectLoaded();  // pages show project(), weights() and precision() again
    void modified();       // an edit worth saving
    void stateChanged();   // training or background work started or ended
    void trainingStarted();
    void phaseChanged(const QString &text);
    void scanned(int images, int classes);
    void extracting(int done, int total, int fromCache);
    void trainingPoint(const rs::TrainingPoint &point);
    void tuningTrial(const rs::TuningTrial &trial, int total);
    void settingsApplied(); // settings() changed by the session itself: show them
    void learningRateFound(const rs::LearningRateSweep &sweep);
    void auditChanged();  // audit() is new (or gone)
    void fixesChanged();  // project().fixes changed
    void heatMapReady(const QString &path, int label, const rs::GradCam &cam);
    // After every run, whether it finished, stopped or failed: `message` says which.
    void trainingEnded(const QString &message);
    // What the user should hear about in passing (the status bar), and failures to show.
    void status(const QString &message);
    void failed(const QString &title, const QString &message);
    void modelChanged(); // model() and project().lastRun are new (or gone)
    void exportFinished(const QString &folder, const QString &error); // error empty on success
    void sampleDataWritten(const QString &folder, const QString &error);
    void reportExported(const QString &file, const QString &error); // error empty on success

private:
    // Applies `edit`, and says modified() when the project file would hold something else.
    void editProject(const std::function<void(Project &)> &edit);
    void startRun(const TrainingRunOptions &options, const WeightsSource &weights);
    // Starts a job on the dataset with the current settings, as a run (progress and Stop as for
    // training): the weights are loaded (or the loaded ones reused), then work(job, backbone,
    // options) runs; `done` gets its result on the GUI thread.
    template <typename Work, typename Done>
    void startOnData(Work work, Done done);
    // On the job's thread: `loaded` when given, else the weights loaded (and kept for the next run).
    std::shared_ptr<const Backbone> backboneFor(JobContext &job, const WeightsSource &weights,
                                                std::shared_ptr<const Backbone> loaded);
    // Reports the scan and the features' progress; `next` is the phase after the features.
    TrainingRunCallbacks dataCallbacks(JobContext &job, Precision precision, const QString &next);
    void runFinished(std::shared_ptr<const TrainedModel> model);
    // What a run started now would be given (its checkpoint aside).
    TrainingRunOptions runOptions(bool tune) const;
    QString checkpointFile() const;
    QString sampleFolder() const;

    SessionPaths m_paths;
    Project m_project;
    WeightsSource m_weights = WeightsSource::defaultFile();
    Precision m_precision = Precision::Auto;
    bool m_scanning = false;
    bool m_runTrains = true;
    int m_includedClasses = 0;
    std::shared_ptr<const TrainedModel> m_model;
    // The classifier kept with the opened project, when it was restored, and where it was.
    std::shared_ptr<const ExportedModel> m_restored;
    QString m_restoredFolder;
    std::optional<QString> m_nextKeep; // a project saved while its classifier was being kept
    std::shared_ptr<const DataAudit> m_audit;
    // The last weights loaded, kept for the next run with the same choice.
    std::shared_ptr<const Backbone> m_backbone;
    WeightsSource m_backboneWeights;
    // The last run started, for Resume.
    TrainingRunOptions m_lastOptions;
    WeightsSource m_lastWeights;
    QString m_exportFolder;
    QString m_reportFile;
    std::optional<std::pair<QString, int>> m_nextExplain;
    // Last, so they are destroyed (stopped and joined) before the state their work posts to.
    Job m_training;
    Job m_export;
    Job m_samples;
    Job m_explain;
    Job m_report;
    Job m_keep;    // keeps the classifier beside the project
    Job m_restore; // and loads it when the project is opened
};

} // namespace rs
