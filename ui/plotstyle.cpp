#include "customplot.h"

namespace rs {

void applyPalette(QCustomPlot &plot)
{
    const QPalette palette = plot.palette();
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    plot.setBackground(palette.brush(QPalette::Base));
    for (QCPAxisRect *rect : plot.axisRects()) {
        for (QCPAxis *axis : rect->axes()) {
            axis->setBasePen(QPen(text));
            axis->setTickPen(QPen(text));
            axis->setSubTickPen(QPen(text));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        }
    }
    if (plot.legend) {
        plot.legend->setBrush(palette.brush(QPalette::Base));
        plot.legend->setBorderPen(QPen(grid));
        plot.legend->setTextColor(text);
    }
}

} // namespace rs
