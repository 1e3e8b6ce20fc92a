#include "customplot.h"

namespace rs {
namespace {

void setColours(QCustomPlot &plot)
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
        // Legends inside the axis rects, the plot's own included.
        for (QCPLayoutElement *element : rect->insetLayout()->elements(false))
            if (auto *legend = qobject_cast<QCPLegend *>(element)) {
                legend->setBrush(palette.brush(QPalette::Base));
                legend->setBorderPen(QPen(grid));
                legend->setTextColor(text);
            }
    }
    plot.replot(QCustomPlot::rpQueuedReplot);
}

// Re-colours its plot when the palette changes, as it does when the desktop switches
// between light and dark.
class PaletteFollower final : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
            setColours(*static_cast<QCustomPlot *>(watched));
        return false;
    }
};

} // namespace

void applyPalette(QCustomPlot &plot)
{
    setColours(plot);
    if (!plot.property("rsFollowsPalette").toBool()) {
        plot.installEventFilter(new PaletteFollower(&plot));
        plot.setProperty("rsFollowsPalette", true);
    }
}

} // namespace rs
