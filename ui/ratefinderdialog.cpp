#include "ratefinderdialog.h"

#include "customplot.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rs {

RateFinderDialog::RateFinderDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("rateFinder"));
    setWindowTitle(tr("Find a learning rate"));
    m_plot = new QCustomPlot;
    m_plot->setObjectName(QStringLiteral("rateSweepPlot"));
    m_plot->setMinimumSize(480, 280);
    m_plot->addGraph();
    m_plot->graph(0)->setPen(QPen(QColor(31, 119, 180), 2));
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_plot->xAxis->setNumberFormat(QStringLiteral("eb"));
    m_plot->xAxis->setNumberPrecision(0);
    m_plot->xAxis->setLabel(tr("learning rate"));
    m_plot->yAxis->setLabel(tr("training loss (smoothed)"));
    m_mark = new QCPItemStraightLine(m_plot);
    m_mark->setPen(QPen(QColor(44, 160, 44), 1.5, Qt::DashLine));
    applyPalette(*m_plot);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("rateSummary"));
    m_summary->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_use = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_use->setObjectName(QStringLiteral("useRateButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_use, &QPushButton::clicked, this, [this] {
        Q_EMIT rateChosen(m_suggested);
        accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
}

void RateFinderDialog::setSweep(const LearningRateSweep &sweep)
{
    QVector<double> rates, losses;
    for (const RateProbe &p : sweep.probes) {
        rates << p.rate;
        losses << p.loss;
    }
    m_plot->graph(0)->setData(rates, losses, true);
    m_plot->rescaleAxes();
    m_suggested = QString::number(sweep.suggested, 'g', 3).toDouble();
    m_mark->point1->setCoords(m_suggested, 0);
    m_mark->point2->setCoords(m_suggested, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    QString summary = tr("The loss falls fastest at a learning rate of %1 (dashed line): a good base rate. It is "
                         "lowest at %2.")
                          .arg(m_suggested)
                          .arg(sweep.lowest, 0, 'g', 3);
    if (sweep.diverged)
        summary += QLatin1Char(' ') + tr("Above %1 it blows up.").arg(sweep.probes.back().rate, 0, 'g', 3);
    m_summary->setText(summary);
    m_use->setText(tr("Use %1 as the base rate").arg(m_suggested));
}

} // namespace rs
