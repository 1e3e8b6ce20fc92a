#pragma once

#include "customplot.h"

#include <vector>

class QLabel;

namespace rs {

class ThumbnailCache;

struct MapPoint
{
    QString path;
    int label = 0;
    bool mistake = false; // misclassified by the last run
    bool finding = false; // named by the data audit
};

// Every image as a point on the audit's 2-D map, coloured by class, with the last run's
// mistakes ringed in red and the audit's findings in orange. Hovering shows the image's
// thumbnail, a click names it (imageClicked), a lasso drawn with the mouse selects the points
// inside it, and the wheel zooms.
class EmbeddingMap final : public QCustomPlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddingMap)

public:
    explicit EmbeddingMap(ThumbnailCache *thumbnails, QWidget *parent = nullptr);

    // Point i lies at (map[2i], map[2i + 1]).
    void setPoints(const QStringList &classes, std::vector<MapPoint> points, const std::vector<float> &map);
    int pointCount() const { return int(m_points.size()); }
    // The point of the image at `path`; -1 when it is not on the map.
    int indexOf(const QString &path) const;
    QStringList selectedPaths() const;
    // Selects the points inside `polygon`, in widget pixels: what a lasso drawn there selects.
    void selectInside(const QPolygonF &polygon);
    // The widget pixel where point `index` is drawn.
    QPointF pixelOf(int index) const;

Q_SIGNALS:
    void selectionChanged();
    void imageClicked(const QString &path);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    int pointAt(const QPointF &pixel) const; // the nearest point within a few pixels, or -1
    void showSelection();
    void showHover(int index, const QPoint &at);

    ThumbnailCache *m_thumbnails;
    QStringList m_classes;
    std::vector<MapPoint> m_points;
    std::vector<QPointF> m_coordinates;
    std::vector<bool> m_selected;
    QCPGraph *m_selection = nullptr;
    QCPCurve *m_lasso = nullptr;
    QPolygonF m_lassoPixels;
    QPoint m_pressedAt;
    bool m_drawing = false;
    QLabel *m_hover;
};

} // namespace rs
