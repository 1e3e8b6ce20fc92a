#pragma once

#include "customplot.h"
#include "training/schedule.h"

namespace rs {

// A small plot of a learning-rate schedule over its run, shown before training starts.
class RatePreview final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RatePreview)

public:
    explicit RatePreview(QWidget *parent = nullptr);
    // Draws the schedule's curve; with a `problem` (the rates or length cannot be run), no curve
    // but the problem in its place.
    void setSchedule(const LearningRateSchedule &schedule, const QString &problem = {});
    QString problem() const;

private:
    QCPItemText *m_problem;
};

} // namespace rs
