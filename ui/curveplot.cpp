#include "curveplot.h"

#include <cmath>

namespace rs {
namespace {

QCPGraph *addSeries(QCPAxis *x, QCPAxis *y, const QString &name, const QColor &color, Qt::PenStyle style = Qt::SolidLine)
{
    QCPGraph *graph = x->parentPlot()->addGraph(x, y);
    graph->setName(name);
    graph->setPen(QPen(color, 2, style));
    graph->setAdaptiveSampling(true);
    return graph;
}

} // namespace

CurvePlot::CurvePlot(QWidget *parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("curvePlot"));
    setMinimumHeight(300);
    QCPAxisRect *lossRect = axisRect();
    m_accuracyRect = new QCPAxisRect(this);
    plotLayout()->addElement(1, 0, m_accuracyRect);
    plotLayout()->setRowStretchFactor(0, 3);
    plotLayout()->setRowStretchFactor(1, 2);
    // Both panels share the step axis, aligned.
    auto *margins = new QCPMarginGroup(this);
    lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_accuracyRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_accuracyRect->axis(QCPAxis::atRight)->setVisible(true);
    m_accuracyRect->axis(QCPAxis::atRight)->setTickLabels(false);
    for (QCPAxis *axis : m_accuracyRect->axes())
        axis->setLayer(QStringLiteral("axes"));
    connect(xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), m_accuracyRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange &>(&QCPAxis::setRange));

    yAxis->setLabel(tr("loss"));
    yAxis2->setVisible(true);
    yAxis2->setLabel(tr("learning rate"));
    QCPAxis *accuracy = m_accuracyRect->axis(QCPAxis::atLeft);
    accuracy->setLabel(tr("accuracy %"));
    accuracy->setRange(0, 100);
    m_accuracyRect->axis(QCPAxis::atBottom)->setLabel(tr("step"));

    QCPAxis *step = m_accuracyRect->axis(QCPAxis::atBottom);
    m_series[TrainingLoss] = addSeries(xAxis, yAxis, tr("training loss"), QColor(31, 119, 180));
    m_series[ValidationLoss] = addSeries(xAxis, yAxis, tr("validation loss"), QColor(214, 39, 40));
    m_series[LearningRate] = addSeries(xAxis, yAxis2, tr("learning rate"), QColor(255, 127, 14), Qt::DashLine);
    m_series[TrainingAccuracy] = addSeries(step, accuracy, tr("training accuracy (batch)"), QColor(31, 119, 180));
    m_series[ValidationAccuracy] = addSeries(step, accuracy, tr("validation accuracy"), QColor(214, 39, 40));

    legend->setVisible(true);
    legend->setFont(font());
    lossRect->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    auto *accuracyLegend = new QCPLegend;
    m_accuracyRect->insetLayout()->addElement(accuracyLegend, Qt::AlignBottom | Qt::AlignRight);
    accuracyLegend->setLayer(QStringLiteral("legend"));
    accuracyLegend->setFont(font());
    for (Series s : {TrainingAccuracy, ValidationAccuracy}) {
        legend->removeItem(legend->itemWithPlottable(m_series[s]));
        m_series[s]->addToLegend(accuracyLegend);
    }
    m_kept = new QCPItemStraightLine(this);
    m_kept->setClipAxisRect(lossRect);
    m_kept->setPen(QPen(QColor(44, 160, 44), 1.5, Qt::DashDotLine));
    m_kept->setVisible(false);
    m_placeholder = new QCPItemText(this);
    m_placeholder->setClipAxisRect(lossRect);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setAxisRect(lossRect);
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setVisible(false);
    applyPalette(*this);
}

void CurvePlot::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->setColor(palette().color(QPalette::PlaceholderText));
    m_placeholder->setVisible(!text.isEmpty() && m_series[TrainingLoss]->data()->isEmpty());
    replot(rpQueuedReplot);
}

QString CurvePlot::placeholder() const
{
    return m_placeholder->visible() ? m_placeholder->text() : QString();
}

void CurvePlot::markKeptStep(int step)
{
    m_keptStep = step;
    m_kept->setVisible(step > 0);
    m_kept->point1->setCoords(step, 0);
    m_kept->point2->setCoords(step, 1);
    replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::clear()
{
    for (QCPGraph *graph : m_series)
        graph->data()->clear();
    m_totalSteps = 1;
    markKeptStep(0);
    rescale();
}

void CurvePlot::addPoint(const TrainingPoint &p)
{
    m_totalSteps = std::max(1, p.totalSteps);
    m_placeholder->setVisible(false);
    m_series[TrainingLoss]->addData(p.step, p.trainLoss);
    m_series[LearningRate]->addData(p.step, p.learningRate);
    m_series[TrainingAccuracy]->addData(p.step, 100 * p.trainAccuracy);
    // Without a validation set these are NaN: the series stays empty.
    if (!std::isnan(p.validationLoss)) {
        m_series[ValidationLoss]->addData(p.step, p.validationLoss);
        m_series[ValidationAccuracy]->addData(p.step, 100 * p.validationAccuracy);
    }
    rescale();
}

void CurvePlot::setCurve(const std::vector<TrainingPoint> &curve)
{
    clear();
    for (const TrainingPoint &p : curve)
        addPoint(p);
}

void CurvePlot::rescale()
{
    xAxis->setRange(0, m_totalSteps);
    bool found = false;
    QCPRange loss = m_series[TrainingLoss]->data()->valueRange(found);
    bool foundValidation = false;
    loss.expand(m_series[ValidationLoss]->data()->valueRange(foundValidation));
    yAxis->setRange(0, found ? std::max(loss.upper * 1.05, 1e-3) : 1.0);
    const QCPRange rate = m_series[LearningRate]->data()->valueRange(found);
    yAxis2->setRange(0, found ? std::max(rate.upper * 1.05, 1e-9) : 1.0);
    replot(rpQueuedReplot);
}

} // namespace rs
