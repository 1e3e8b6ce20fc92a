#pragma once

#include "health/gradcam.h"

#include <QDialog>
#include <QImage>
#include <QMap>

class QComboBox;
class QLabel;
class QPushButton;

namespace rs {

class GalleryModel;

// One gallery image at a time, scaled to the window whatever its size: previous and next, its
// true class, the prediction and the three likeliest classes, and on request a Grad-CAM heat map
// over it for the predicted or for the true class. Asks for maps; the session computes them.
class ImageViewer final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageViewer)

public:
    ImageViewer(const GalleryModel *gallery, int row, QWidget *parent = nullptr);

    int row() const { return m_row; }
    void showRow(int row);
    // A map computed for `path` and `label`; ignored unless the viewer still shows that image.
    void setHeatMap(const QString &path, int label, const GradCam &cam);
    // Whether the picture shows a heat map now.
    bool showsHeatMap() const { return m_shownMap; }

Q_SIGNALS:
    void heatMapRequested(const QString &path, int label);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int wantedLabel() const; // -1: no heat map
    void heatChoiceChanged();
    void render();

    const GalleryModel *m_gallery;
    int m_row = -1;
    QImage m_image;
    QString m_error;
    QMap<int, GradCam> m_maps; // of the image shown, by label
    bool m_shownMap = false;
    QLabel *m_picture;
    QLabel *m_caption;
    QComboBox *m_heat;
    QPushButton *m_previous;
    QPushButton *m_next;
};

} // namespace rs
