#pragma once

#include "customplot.h"
#include "training/classifierhead.h"

#include <vector>

namespace rs {

// The training curves: losses with the learning rate on a second axis above, accuracies
// below. Points are appended as they arrive; replots are queued, so a burst of points costs
// one repaint.
class CurvePlot final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurvePlot)

public:
    enum Series { TrainingLoss, ValidationLoss, LearningRate, TrainingAccuracy, ValidationAccuracy, SeriesCount };

    explicit CurvePlot(QWidget *parent = nullptr);

    void clear();
    void addPoint(const TrainingPoint &point);
    void setCurve(const std::vector<TrainingPoint> &curve);
    // Marks the step whose weights the classifier kept (its best validation point); 0: none.
    void markKeptStep(int step);
    int keptStep() const { return m_keptStep; }
    QCPGraph *series(Series s) const { return m_series[s]; }
    // What the empty plot says in place of curves (why there are none yet); gone with the
    // first point.
    void setPlaceholder(const QString &text);
    QString placeholder() const;

private:
    void rescale();

    QCPAxisRect *m_accuracyRect;
    QCPGraph *m_series[SeriesCount];
    QCPItemStraightLine *m_kept;
    QCPItemText *m_placeholder;
    int m_keptStep = 0;
    int m_totalSteps = 1;
};

} // namespace rs
