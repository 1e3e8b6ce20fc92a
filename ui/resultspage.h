#pragma once

#include "data/imagefixes.h"
#include "evaluation/calibration.h"
#include "evaluation/evaluation.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QListWidget;
class QMenu;
class QModelIndex;
class QPushButton;
class QSlider;
class QTableView;

namespace rs {

class ConfusionModel;
class GalleryModel;
class ImageViewer;
struct GradCam;
class MetricsModel;
class ReliabilityPlot;
class ThumbnailCache;

// The test set's verdict: accuracy, per-class metrics, the confusion matrix, and a gallery
// of the images behind any of its cells.
class ResultsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPage)

public:
    explicit ResultsPage(ThumbnailCache *thumbnails, QWidget *parent = nullptr);

    // `skipped`: the run's files that were not trained on, "<file>: <reason>"; `origin`: which
    // run the results are of, in words.
    void setResults(const QStringList &classes, const Evaluation &evaluation, const Calibration &calibration,
                    const QStringList &skipped = {}, const QString &origin = {});
    void clear();
    // The gallery shows the test images of `trueLabel` predicted as `predicted`.
    void showCell(int trueLabel, int predicted);
    void showAllMistakes();

    // What the gallery's context menu offers for the image at `index`: relabel it as another
    // class, exclude it, mark it reviewed (each emits fixRequested()). The caller owns the menu.
    QMenu *fixMenu(const QModelIndex &index, QWidget *parent);

    // Opens the viewer on the gallery's image at `row` (replacing one already open).
    ImageViewer *openViewer(int row);
    // A heat map the open viewer asked for.
    void showHeatMap(const QString &path, int label, const GradCam &cam);

    MetricsModel *metrics() const { return m_metrics; }
    ConfusionModel *confusion() const { return m_confusion; }
    GalleryModel *gallery() const { return m_gallery; }
    ReliabilityPlot *reliability() const { return m_reliability; }

Q_SIGNALS:
    void fixRequested(const rs::ImageFix &fix);
    void heatMapRequested(const QString &path, int label);

private:
    void setSkipped(const QStringList &skipped);
    void showInFolder();

    QStringList m_classes;
    Evaluation m_evaluation;
    QLabel *m_summary;
    QLabel *m_origin;
    QLabel *m_skippedTitle;
    QListWidget *m_skipped;
    MetricsModel *m_metrics;
    ConfusionModel *m_confusion;
    GalleryModel *m_gallery;
    QTableView *m_confusionView;
    ReliabilityPlot *m_reliability;
    QListView *m_galleryView;
    QLabel *m_galleryTitle;
    QPushButton *m_allMistakes;
    QPushButton *m_showInFolder;
    QSlider *m_thumbnailSize;
    QPointer<ImageViewer> m_viewer;
};

} // namespace rs
