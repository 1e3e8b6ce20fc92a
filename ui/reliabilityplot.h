#pragma once

#include "customplot.h"
#include "evaluation/calibration.h"

namespace rs {

// The reliability diagram of the validation images after calibration: for each confidence
// bin, how often the classifier was right (bars) against how sure it was (the diagonal).
// Bars under the diagonal are over-confidence, over it under-confidence.
class ReliabilityPlot final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReliabilityPlot)

public:
    explicit ReliabilityPlot(QWidget *parent = nullptr);

    void setCalibration(const Calibration &calibration);
    QCPBars *accuracy() const { return m_accuracy; }
    QString summary() const { return m_title->text(); }

private:
    QCPBars *m_accuracy;
    QCPTextElement *m_title;
};

} // namespace rs
