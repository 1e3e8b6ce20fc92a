#pragma once

#include "training/classifierhead.h"
#include "training/tuning.h"

#include <QElapsedTimer>
#include <QTime>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;

namespace rs {

class CurvePlot;
class Session;
class TrialTable;

// The run as it goes: phase, a progress bar with speed and time left while features are
// computed, the settings tried when it finds good ones, then the live curves.
class TrainingPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingPage)

public:
    TrainingPage(QAction *start, QAction *findSettings, QAction *stop, QAction *resume, QWidget *parent = nullptr);

    CurvePlot *plot() const { return m_plot; }

    // Shows every run `session` starts, as it goes.
    void follow(const Session *session);

    // `trains`: the run brings curves of its own; else the last ones stay.
    void runStarted(bool trains = true);
    void setPhase(const QString &text);
    void scanned(int images, int classes);
    void extracting(int done, int total, int fromCache);
    void addPoint(const TrainingPoint &point);
    void addTrial(const TuningTrial &trial, int total);
    void runEnded(const QString &message);
    // A run's curve shown again (a reopened project's last run, or none), with what it ended with.
    void showCurve(const std::vector<TrainingPoint> &curve, const QString &message, const QString &summary = {});

private:
    static QString duration(double seconds);

    QLabel *m_phase;
    QProgressBar *m_progress;
    QLabel *m_speed;
    QLabel *m_status;
    QLabel *m_run; // which run the curves (and the results) belong to
    QLabel *m_overfitting;
    std::vector<TrainingPoint> m_curve;
    CurvePlot *m_plot;
    TrialTable *m_trials;
    QElapsedTimer m_clock;
    int m_startDone = -1; // images or steps done when the clock started: cached images do not count towards speed
    bool m_training = false; // steps, not images, are being counted
    QTime m_started;
    int m_resumedFrom = 0;
};

} // namespace rs
