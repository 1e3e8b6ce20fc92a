#pragma once

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace rs {

// Charts as inline SVG text, for pages that must open offline: no script, no external file.

struct ChartSeries
{
    QString name;
    QString colour; // CSS colour
    std::vector<std::pair<double, double>> points; // (x, y); points with a non-finite y are left out
};

// Lines over a shared x axis, with a legend; `logY` plots y on a log scale (non-positive values
// are left out). Empty series are left out; with none, a note says there is nothing to plot.
QString lineChartSvg(const std::vector<ChartSeries> &series, const QString &xLabel, const QString &yLabel, bool logY);

// The confusion matrix: a row per true class, a column per predicted class, each cell shaded by
// its share of the row and labelled with its count.
QString confusionMatrixSvg(const QStringList &classes, const std::vector<std::vector<int>> &matrix);

// `text` with &, <, >, " and ' escaped, for HTML and SVG text and attributes.
QString escapeMarkup(const QString &text);

} // namespace rs
