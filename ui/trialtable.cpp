#include "trialtable.h"

#include <QHeaderView>

namespace rs {
namespace {

enum Column { Optimizer, LearningRate, WeightDecay, Hidden, Steps, Features, Accuracy, Loss, Seconds, ColumnCount };

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

TrialTable::TrialTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("trialTable"));
    setHorizontalHeaderLabels({tr("Optimizer"), tr("Learning rate"), tr("Weight decay"), tr("Hidden units"), tr("Steps"),
                               tr("Features"), tr("Held-out accuracy"), tr("Loss"), tr("Seconds")});
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
}

void TrialTable::clearTrials()
{
    setRowCount(0);
}

void TrialTable::addTrial(const TuningTrial &trial, int total)
{
    const TrainingOptions &o = trial.options;
    const int row = rowCount();
    setRowCount(row + 1);
    setVerticalHeaderItem(row, new QTableWidgetItem(tr("%1 of %2").arg(row + 1).arg(total)));
    setItem(row, Optimizer, cell(o.optimizer == TrainingOptions::Optimizer::Adam ? QStringLiteral("Adam") : QStringLiteral("SGD"), false));
    setItem(row, LearningRate, cell(QStringLiteral("%1 → %2").arg(o.schedule.base).arg(o.schedule.minimum)));
    setItem(row, WeightDecay, cell(QString::number(o.weightDecay)));
    setItem(row, Hidden, cell(QString::number(o.hiddenUnits)));
    setItem(row, Steps, cell(QString::number(o.steps)));
    setItem(row, Features, cell(o.standardize ? tr("standardised") : tr("raw"), false));
    setItem(row, Accuracy, cell(QStringLiteral("%1 %").arg(100 * trial.accuracy, 0, 'f', 1)));
    setItem(row, Loss, cell(QString::number(trial.loss, 'f', 3)));
    setItem(row, Seconds, cell(QString::number(trial.seconds, 'f', 1)));
    scrollToItem(item(row, 0));
}

void TrialTable::markChosen(int index)
{
    if (index < 0 || index >= rowCount())
        return;
    for (int column = 0; column < columnCount(); ++column) {
        QFont font = item(index, column)->font();
        font.setBold(true);
        item(index, column)->setFont(font);
    }
    verticalHeaderItem(index)->setText(tr("%1 (chosen)").arg(verticalHeaderItem(index)->text()));
    selectRow(index);
    scrollToItem(item(index, 0));
}

} // namespace rs
