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
    // Few ticks, so that the labels of large step counts do not run into each other on a
    // narrow window.
    xAxis->ticker()->setTickCount(4);
    yAxis->ticker()->setTickCount(4);
    m_problem = new QCPItemText(this);
    m_problem->setObjectName(QStringLiteral("ratePreviewProblem"));
    m_problem->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_problem->position->setCoords(0.5, 0.5);
    m_problem->setColor(QColor(0xd0, 0x30, 0x30));
    m_problem->setVisible(false);
}

QString RatePreview::problem() const
{
    return m_problem->visible() ? m_problem->text() : QString();
}

void RatePreview::setSchedule(const LearningRateSchedule &schedule, const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty()) {
        graph(0)->data()->clear();
        replot(rpQueuedReplot);
        return;
    }
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
