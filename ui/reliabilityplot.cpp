#include "reliabilityplot.h"

namespace rs {

ReliabilityPlot::ReliabilityPlot(QWidget *parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("reliabilityPlot"));
    setMinimumHeight(180);
    m_title = new QCPTextElement(this, QString());
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    xAxis->setLabel(tr("confidence %"));
    yAxis->setLabel(tr("right %"));
    xAxis->setRange(0, 100);
    yAxis->setRange(0, 100);
    auto *diagonal = new QCPItemStraightLine(this);
    diagonal->point1->setCoords(0, 0);
    diagonal->point2->setCoords(100, 100);
    diagonal->setPen(QPen(QColor(127, 127, 127), 1, Qt::DashLine));
    m_accuracy = new QCPBars(xAxis, yAxis);
    m_accuracy->setName(tr("right %"));
    m_accuracy->setWidth(100.0 / kReliabilityBins);
    m_accuracy->setPen(QPen(QColor(31, 119, 180)));
    m_accuracy->setBrush(QColor(31, 119, 180, 120));
    applyPalette(*this);
    setCalibration({});
}

void ReliabilityPlot::setCalibration(const Calibration &c)
{
    QVector<double> centres, accuracies;
    for (const ReliabilityBin &bin : c.after.bins)
        if (bin.count > 0) {
            centres << 50 * (bin.lower + bin.upper);
            accuracies << 100 * bin.accuracy;
        }
    m_accuracy->setData(centres, accuracies, /*alreadySorted=*/true);
    if (c.images == 0)
        m_title->setText(tr("Not calibrated (no validation images, or calibration switched off)"));
    else if (!c.applied())
        m_title->setText(tr("%1 validation images · already calibrated (temperature %2 gains no more than chance)\n"
                            "calibration error %3 %")
                             .arg(c.images)
                             .arg(c.fitted, 0, 'g', 3)
                             .arg(100 * c.before.ece, 0, 'f', 1));
    else
        m_title->setText(tr("%1 validation images · temperature %2\ncalibration error %3 % → %4 %")
                             .arg(c.images)
                             .arg(c.temperature, 0, 'g', 3)
                             .arg(100 * c.before.ece, 0, 'f', 1)
                             .arg(100 * c.after.ece, 0, 'f', 1));
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace rs
