#pragma once

#include "training/lrfinder.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QCustomPlot;
class QCPItemStraightLine;

namespace rs {

// The learning-rate sweep as a curve of loss against rate (log scale), the suggested rate
// marked, and a button that makes it the base rate.
class RateFinderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateFinderDialog)

public:
    explicit RateFinderDialog(QWidget *parent = nullptr);

    void setSweep(const LearningRateSweep &sweep);
    // The suggestion as offered: three significant digits.
    double suggestedRate() const { return m_suggested; }

Q_SIGNALS:
    void rateChosen(double rate);

private:
    QCustomPlot *m_plot;
    QCPItemStraightLine *m_mark;
    QLabel *m_summary;
    QPushButton *m_use;
    double m_suggested = 0;
};

} // namespace rs
