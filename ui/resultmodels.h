#pragma once

#include "evaluation/evaluation.h"

#include <QAbstractTableModel>

namespace rs {

// Precision, recall and F1 of each class on the test set.
class MetricsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsModel)

public:
    enum Column { Class, Precision, Recall, F1, Images, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setEvaluation(const QStringList &classes, const Evaluation &evaluation);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList m_classes;
    std::vector<ClassMetrics> m_metrics;
    std::vector<int> m_predictedAs; // test images predicted as each class
};

// The confusion matrix as a heatmap: true classes down, predicted across, each cell shaded
// by its share of the true class's images.
class ConfusionModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfusionModel)

public:
    using QAbstractTableModel::QAbstractTableModel;

    void setEvaluation(const QStringList &classes, const Evaluation &evaluation);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    double share(int row, int column) const;

    QStringList m_classes;
    std::vector<std::vector<int>> m_counts;
};

} // namespace rs
