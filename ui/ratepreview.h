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
    void setSchedule(const LearningRateSchedule &schedule);
};

} // namespace rs
