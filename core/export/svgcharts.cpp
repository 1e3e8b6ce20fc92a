#include "export/svgcharts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rs {
namespace {

constexpr double kWidth = 640, kHeight = 300;
constexpr double kLeft = 64, kRight = 16, kTop = 16, kBottom = 44;

QString number(double value)
{
    return QString::number(value, 'g', 4);
}

// Round values for an axis from `low` to `high`, about `count` of them.
std::vector<double> ticks(double low, double high, int count)
{
    const double span = high - low;
    if (!(span > 0))
        return {low};
    const double raw = span / count, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    std::vector<double> out;
    for (double t = std::ceil(low / step) * step; t <= high + step * 1e-9; t += step)
        out.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    return out;
}

} // namespace

QString escapeMarkup(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\''), QStringLiteral("&#39;"));
    return out;
}

QString lineChartSvg(const std::vector<ChartSeries> &series, const QString &xLabel, const QString &yLabel, bool logY)
{
    const auto y = [logY](double v) { return logY ? std::log10(v) : v; };
    const auto usable = [logY](double v) { return std::isfinite(v) && (!logY || v > 0); };
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin, yMin = xMin, yMax = -xMin;
    for (const ChartSeries &s : series)
        for (const auto &[px, py] : s.points)
            if (usable(py)) {
                xMin = std::min(xMin, px);
                xMax = std::max(xMax, px);
                yMin = std::min(yMin, y(py));
                yMax = std::max(yMax, y(py));
            }
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\" "
                                 "role=\"img\" font-family=\"sans-serif\" font-size=\"11\">")
                      .arg(kWidth)
                      .arg(kHeight);
    if (!std::isfinite(xMin)) {
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">nothing to plot</text></svg>")
                   .arg(kWidth / 2)
                   .arg(kHeight / 2);
        return svg;
    }
    if (xMax == xMin)
        xMax = xMin + 1;
    if (yMax == yMin)
        yMax = yMin + 1;
    const double plotW = kWidth - kLeft - kRight, plotH = kHeight - kTop - kBottom;
    const auto sx = [&](double v) { return kLeft + (v - xMin) / (xMax - xMin) * plotW; };
    const auto sy = [&](double v) { return kTop + (1 - (v - yMin) / (yMax - yMin)) * plotH; };

    svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#999\"/>")
               .arg(kLeft)
               .arg(kTop)
               .arg(plotW)
               .arg(plotH);
    for (double t : ticks(xMin, xMax, 6))
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>")
                   .arg(sx(t), 0, 'f', 1)
                   .arg(kTop + plotH + 14)
                   .arg(number(t));
    for (double t : ticks(yMin, yMax, 5))
        svg += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#eee\"/>"
                              "<text x=\"%4\" y=\"%5\" text-anchor=\"end\">%6</text>")
                   .arg(kLeft)
                   .arg(kLeft + plotW)
                   .arg(sy(t), 0, 'f', 1)
                   .arg(kLeft - 4)
                   .arg(sy(t) + 4, 0, 'f', 1)
                   .arg(number(logY ? std::pow(10.0, t) : t));
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>")
               .arg(kLeft + plotW / 2)
               .arg(kHeight - 6)
               .arg(escapeMarkup(xLabel));
    svg += QStringLiteral("<text transform=\"translate(14 %1) rotate(-90)\" text-anchor=\"middle\">%2</text>")
               .arg(kTop + plotH / 2)
               .arg(escapeMarkup(yLabel + (logY ? QStringLiteral(" (log scale)") : QString())));

    int legend = 0;
    for (const ChartSeries &s : series) {
        QStringList points;
        for (const auto &[px, py] : s.points)
            if (usable(py))
                points << QStringLiteral("%1,%2").arg(sx(px), 0, 'f', 1).arg(sy(y(py)), 0, 'f', 1);
        if (points.isEmpty())
            continue;
        if (points.size() == 1) // a line needs two points: mark the one there is
            svg += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3\" fill=\"%3\"/>")
                       .arg(points.front().section(QLatin1Char(','), 0, 0), points.front().section(QLatin1Char(','), 1, 1), s.colour);
        else
            svg += QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"1.5\" points=\"%2\"/>")
                       .arg(s.colour, points.join(QLatin1Char(' ')));
        const double ly = kTop + 12 + 14 * legend++;
        svg += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"%4\" stroke-width=\"2\"/>"
                              "<text x=\"%5\" y=\"%6\">%7</text>")
                   .arg(kLeft + plotW - 150)
                   .arg(kLeft + plotW - 130)
                   .arg(ly - 4)
                   .arg(s.colour)
                   .arg(kLeft + plotW - 126)
                   .arg(ly)
                   .arg(escapeMarkup(s.name));
    }
    return svg + QStringLiteral("</svg>");
}

QString confusionMatrixSvg(const QStringList &classes, const std::vector<std::vector<int>> &matrix)
{
    const int n = int(classes.size());
    constexpr double kCell = 36, kLabel = 110;
    const double side = kLabel + n * kCell + 8;
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %1\" width=\"%1\" height=\"%1\" "
                                 "role=\"img\" font-family=\"sans-serif\" font-size=\"11\">")
                      .arg(side);
    for (int c = 0; c < n; ++c) {
        const QString name = escapeMarkup(classes[c].left(16));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>")
                   .arg(kLabel - 6)
                   .arg(kLabel + c * kCell + kCell / 2 + 4)
                   .arg(name);
        svg += QStringLiteral("<text transform=\"translate(%1 %2) rotate(-60)\">%3</text>")
                   .arg(kLabel + c * kCell + kCell / 2)
                   .arg(kLabel - 6)
                   .arg(name);
    }
    for (int t = 0; t < n && t < int(matrix.size()); ++t) {
        int total = 0;
        for (int v : matrix[std::size_t(t)])
            total += v;
        for (int p = 0; p < n && p < int(matrix[std::size_t(t)].size()); ++p) {
            const int count = matrix[std::size_t(t)][std::size_t(p)];
            const double share = total > 0 ? double(count) / total : 0;
            // Right answers in blue, mistakes in red; the darker, the larger the row's share.
            const QString colour = t == p ? QStringLiteral("30,90,200") : QStringLiteral("200,40,40");
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%3\" fill=\"rgba(%4,%5)\" stroke=\"#ccc\">"
                                  "<title>true %6, predicted %7: %8</title></rect>")
                       .arg(kLabel + p * kCell)
                       .arg(kLabel + t * kCell)
                       .arg(kCell)
                       .arg(colour)
                       .arg(share, 0, 'f', 3)
                       .arg(escapeMarkup(classes[t]), escapeMarkup(classes[p]))
                       .arg(count);
            if (count > 0)
                svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"%3\">%4</text>")
                           .arg(kLabel + p * kCell + kCell / 2)
                           .arg(kLabel + t * kCell + kCell / 2 + 4)
                           .arg(share > 0.5 ? QStringLiteral("#fff") : QStringLiteral("#000"))
                           .arg(count);
        }
    }
    return svg + QStringLiteral("</svg>");
}

} // namespace rs
