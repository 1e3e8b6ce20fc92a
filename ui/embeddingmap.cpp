#include "embeddingmap.h"

#include "thumbnailcache.h"

#include <QFileInfo>
#include <QLabel>
#include <QMouseEvent>

#include <cmath>

namespace rs {
namespace {

constexpr double kPickRadius = 8; // pixels
constexpr int kClickSlack = 4;    // pixels a click may move and stay a click

// Ten colours told apart by most eyes (Tableau's), repeated beyond ten classes.
QColor classColour(int label)
{
    static const QColor colours[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40),
                                     QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
                                     QColor(188, 189, 34), QColor(23, 190, 207)};
    return colours[label % 10];
}

QCPGraph *scatter(QCustomPlot *plot, const QCPScatterStyle &style, const QString &name)
{
    QCPGraph *graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(style);
    graph->setName(name);
    return graph;
}

} // namespace

EmbeddingMap::EmbeddingMap(ThumbnailCache *thumbnails, QWidget *parent) : QCustomPlot(parent), m_thumbnails(thumbnails)
{
    setObjectName(QStringLiteral("embeddingMap"));
    setMinimumHeight(240);
    setInteractions(QCP::iRangeZoom);
    xAxis->setTicks(false);
    yAxis->setTicks(false);
    xAxis->setTickLabels(false);
    yAxis->setTickLabels(false);
    legend->setVisible(true);
    legend->setFont(font());
    setMouseTracking(true);
    setToolTip(tr("Each point is an image, placed near the images its features find alike. Hover to see it; "
                  "draw around points to select them."));
    m_hover = new QLabel(this);
    m_hover->setObjectName(QStringLiteral("mapHover"));
    m_hover->setFrameShape(QFrame::Box);
    m_hover->setAutoFillBackground(true);
    m_hover->hide();
    applyPalette(*this);
}

void EmbeddingMap::setPoints(const QStringList &classes, std::vector<MapPoint> points, const std::vector<float> &map)
{
    clearPlottables();
    m_classes = classes;
    m_points = std::move(points);
    m_coordinates.clear();
    for (std::size_t i = 0; i < m_points.size() && 2 * i + 1 < map.size(); ++i)
        m_coordinates.emplace_back(map[2 * i], map[2 * i + 1]);
    m_points.resize(m_coordinates.size());
    m_selected.assign(m_points.size(), false);

    std::vector<QCPGraph *> byClass;
    for (int c = 0; c < classes.size(); ++c)
        byClass.push_back(scatter(this, QCPScatterStyle(QCPScatterStyle::ssDisc, classColour(c), 5), classes[c]));
    QCPGraph *mistakes = scatter(this, QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::red, 1.5), Qt::NoBrush, 10),
                                 tr("test mistake"));
    QCPGraph *findings = scatter(this, QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(QColor(255, 140, 0), 1.5), Qt::NoBrush, 9),
                                 tr("audit finding"));
    m_selection = scatter(this, QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette().color(QPalette::Text), 2), Qt::NoBrush, 13),
                          tr("selected"));
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const QPointF &p = m_coordinates[i];
        if (m_points[i].label >= 0 && m_points[i].label < int(byClass.size()))
            byClass[std::size_t(m_points[i].label)]->addData(p.x(), p.y());
        if (m_points[i].mistake)
            mistakes->addData(p.x(), p.y());
        if (m_points[i].finding)
            findings->addData(p.x(), p.y());
    }
    m_lasso = new QCPCurve(xAxis, yAxis);
    m_lasso->setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
    m_lasso->removeFromLegend();
    rescaleAxes();
    // A margin, so that points at the edges are drawn whole.
    xAxis->scaleRange(1.06, xAxis->range().center());
    yAxis->scaleRange(1.06, yAxis->range().center());
    showSelection();
}

int EmbeddingMap::indexOf(const QString &path) const
{
    for (int i = 0; i < pointCount(); ++i)
        if (m_points[std::size_t(i)].path == path)
            return i;
    return -1;
}

QPointF EmbeddingMap::pixelOf(int index) const
{
    const QPointF &p = m_coordinates[std::size_t(index)];
    return {xAxis->coordToPixel(p.x()), yAxis->coordToPixel(p.y())};
}

int EmbeddingMap::pointAt(const QPointF &pixel) const
{
    int nearest = -1;
    double best = kPickRadius * kPickRadius;
    for (int i = 0; i < pointCount(); ++i) {
        const QPointF d = pixelOf(i) - pixel;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 <= best)
            best = d2, nearest = i;
    }
    return nearest;
}

QStringList EmbeddingMap::selectedPaths() const
{
    QStringList paths;
    for (std::size_t i = 0; i < m_points.size(); ++i)
        if (m_selected[i])
            paths << m_points[i].path;
    return paths;
}

void EmbeddingMap::selectInside(const QPolygonF &polygon)
{
    for (int i = 0; i < pointCount(); ++i)
        m_selected[std::size_t(i)] = polygon.containsPoint(pixelOf(i), Qt::OddEvenFill);
    showSelection();
    Q_EMIT selectionChanged();
}

void EmbeddingMap::showSelection()
{
    if (!m_selection)
        return;
    QVector<double> xs, ys;
    for (std::size_t i = 0; i < m_points.size(); ++i)
        if (m_selected[i]) {
            xs << m_coordinates[i].x();
            ys << m_coordinates[i].y();
        }
    m_selection->setData(xs, ys);
    replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_lasso) {
        m_pressedAt = event->pos();
        m_drawing = true;
        m_lassoPixels = {QPointF(event->pos())};
        m_lasso->data()->clear();
    }
    QCustomPlot::mousePressEvent(event);
}

void EmbeddingMap::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drawing) {
        m_lassoPixels << QPointF(event->pos());
        m_lasso->addData(xAxis->pixelToCoord(event->pos().x()), yAxis->pixelToCoord(event->pos().y()));
        replot(QCustomPlot::rpQueuedReplot);
    } else {
        showHover(pointAt(event->pos()), event->pos());
    }
    QCustomPlot::mouseMoveEvent(event);
}

void EmbeddingMap::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drawing && event->button() == Qt::LeftButton) {
        m_drawing = false;
        m_lasso->data()->clear();
        if ((event->pos() - m_pressedAt).manhattanLength() <= kClickSlack) {
            if (const int index = pointAt(event->pos()); index >= 0)
                Q_EMIT imageClicked(m_points[std::size_t(index)].path);
            replot(QCustomPlot::rpQueuedReplot);
        } else {
            selectInside(m_lassoPixels);
        }
    }
    QCustomPlot::mouseReleaseEvent(event);
}

void EmbeddingMap::leaveEvent(QEvent *event)
{
    m_hover->hide();
    QCustomPlot::leaveEvent(event);
}

void EmbeddingMap::showHover(int index, const QPoint &at)
{
    if (index < 0) {
        m_hover->hide();
        return;
    }
    const MapPoint &point = m_points[std::size_t(index)];
    const QImage thumbnail = m_thumbnails->thumbnail(point.path); // null until it has loaded
    m_hover->setPixmap(thumbnail.isNull() ? QPixmap() : QPixmap::fromImage(thumbnail));
    if (thumbnail.isNull())
        m_hover->setText(QFileInfo(point.path).fileName());
    m_hover->setToolTip(point.path);
    m_hover->adjustSize();
    // Beside the cursor, kept inside the widget.
    QPoint corner = at + QPoint(12, 12);
    corner.setX(std::min(corner.x(), width() - m_hover->width()));
    corner.setY(std::min(corner.y(), height() - m_hover->height()));
    m_hover->move(corner);
    m_hover->show();
    m_hover->raise();
}

} // namespace rs
