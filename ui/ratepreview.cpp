#include "ratepreview.h"

namespace rs {
namespace {

// Enough points for a smooth curve, whatever the length of the run.
constexpr int kPoints = 200;

} // namespace

RatePreview::RatePreview(QWidget *parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("ratePreview"));
    setToolTip(tr("The learning rate at each step of the run."));
    setMinimumHeight(160);
    addGraph();
    xAxis->setLabel(tr("step"));
    yAxis->setLabel(tr("learning rate"));
    applyPalette(*this);
    graph(0)->setPen(QPen(QColor(230, 120, 20), 2));
}

void RatePreview::setSchedule(const LearningRateSchedule &schedule)
{
    QVector<double> x, y;
    const int n = std::min(kPoints, schedule.steps);
    for (int i = 0; i < n; ++i) {
        const int step = n > 1 ? int(std::llround(double(i) * (schedule.steps - 1) / (n - 1))) : 0;
        x << step;
        y << schedule.rateAt(step);
    }
    graph(0)->setData(x, y, true);
    rescaleAxes();
    yAxis->setRange(0, schedule.base * 1.05);
    replot(rpQueuedReplot);
}

} // namespace rs
