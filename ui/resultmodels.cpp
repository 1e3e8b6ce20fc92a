#include "resultmodels.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <numeric>

namespace rs {
namespace {

QString percent(double v)
{
    return QStringLiteral("%1 %").arg(100 * v, 0, 'f', 1);
}

} // namespace

void MetricsModel::setEvaluation(const QStringList &classes, const Evaluation &evaluation)
{
    beginResetModel();
    m_classes = classes;
    m_metrics = evaluation.perClass;
    m_predictedAs.assign(m_metrics.size(), 0);
    for (const ImagePrediction &p : evaluation.predictions)
        if (p.predicted >= 0 && std::size_t(p.predicted) < m_predictedAs.size())
            ++m_predictedAs[std::size_t(p.predicted)];
    endResetModel();
}

int MetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_metrics.size());
}

int MetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClassMetrics &m = m_metrics[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Class)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    // A share of nothing is not 0 %: without test images of the class there is no recall (nor F1),
    // and with none predicted as it no precision.
    const bool noImages = m.support == 0;
    const bool noneTaken = m_predictedAs[std::size_t(index.row())] == 0;
    const bool undefined = (index.column() == Precision && noneTaken) || ((index.column() == Recall || index.column() == F1) && noImages);
    if (role == Qt::ToolTipRole && undefined)
        return index.column() == Precision && noneTaken
                   ? tr("n/a: no test image was predicted as this class.")
                   : tr("n/a: this class has no test images (the split put none of its images in the test set; "
                        "add images or raise the test percentage).");
    if (role == Qt::ForegroundRole && undefined)
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    if (role != Qt::DisplayRole)
        return {};
    if (undefined)
        return tr("n/a");
    switch (index.column()) {
    case Class: return m_classes.value(index.row());
    case Precision: return percent(m.precision);
    case Recall: return percent(m.recall);
    case F1: return percent(m.f1);
    case Images: return m.support;
    default: return {};
    }
}

QVariant MetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Precision: return tr("Of the test images predicted as this class, the share that really are.");
        case Recall: return tr("Of the test images of this class, the share found.");
        case F1: return tr("The harmonic mean of precision and recall.");
        case Images: return tr("Test images of this class.");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Class: return tr("Class");
    case Precision: return tr("Precision");
    case Recall: return tr("Recall");
    case F1: return tr("F1");
    case Images: return tr("Test images");
    default: return {};
    }
}

void ConfusionModel::setEvaluation(const QStringList &classes, const Evaluation &evaluation)
{
    beginResetModel();
    m_classes = classes;
    m_counts = evaluation.confusion;
    endResetModel();
}

int ConfusionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

int ConfusionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

double ConfusionModel::share(int row, int column) const
{
    const std::vector<int> &counts = m_counts[std::size_t(row)];
    const int total = std::accumulate(counts.begin(), counts.end(), 0);
    return total ? double(counts[std::size_t(column)]) / total : 0.0;
}

QVariant ConfusionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int count = m_counts[std::size_t(index.row())][std::size_t(index.column())];
    const double s = share(index.row(), index.column());
    const bool diagonal = index.row() == index.column();
    switch (role) {
    case Qt::DisplayRole:
        return count;
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    case Qt::BackgroundRole: {
        // Right answers shade towards the palette's highlight, mistakes towards red; blended
        // with the base colour so the map reads in light and dark palettes alike.
        const QColor base = QGuiApplication::palette().color(QPalette::Base);
        const QColor tint = diagonal ? QGuiApplication::palette().color(QPalette::Highlight) : QColor(220, 50, 40);
        const double a = count ? 0.15 + 0.85 * s : 0.0;
        return QColor::fromRgbF(float(base.redF() + (tint.redF() - base.redF()) * a),
                                float(base.greenF() + (tint.greenF() - base.greenF()) * a),
                                float(base.blueF() + (tint.blueF() - base.blueF()) * a));
    }
    case Qt::ForegroundRole: {
        const QColor text = QGuiApplication::palette().color(QPalette::Text);
        return s > 0.55 ? QColor(Qt::white) : text;
    }
    case Qt::ToolTipRole:
        return tr("True “%1”, predicted “%2”: images %3 (%4 % of the class)")
            .arg(m_classes.value(index.row()), m_classes.value(index.column()))
            .arg(count)
            .arg(100 * s, 0, 'f', 1);
    default:
        return {};
    }
}

QVariant ConfusionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::ToolTipRole)
        return orientation == Qt::Vertical ? tr("True class: %1").arg(m_classes.value(section))
                                           : tr("Predicted class: %1").arg(m_classes.value(section));
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_classes.value(section);
}

} // namespace rs
