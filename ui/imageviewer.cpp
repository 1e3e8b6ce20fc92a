#include "imageviewer.h"

#include "gallerymodel.h"
#include "thumbnailcache.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace rs {
namespace {

// The map over the picture: values smoothed up to its size, then coloured from blue (0) through
// green to red (1), more opaque where the value is higher so the image stays readable.
QImage heatOverlay(const GradCam &cam, const QSize &size)
{
    QImage grey(cam.side, cam.side, QImage::Format_Grayscale8);
    for (int y = 0; y < cam.side; ++y)
        for (int x = 0; x < cam.side; ++x)
            grey.scanLine(y)[x] = uchar(std::lround(255 * cam.values[std::size_t(y * cam.side + x)]));
    const QImage smooth = grey.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QImage overlay(size, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < size.height(); ++y) {
        const uchar *in = smooth.constScanLine(y);
        auto *out = reinterpret_cast<QRgb *>(overlay.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const double v = in[x] / 255.0;
            const QColor colour = QColor::fromHsvF(float((1 - v) * 240.0 / 360.0), 1.0f, 1.0f);
            out[x] = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), int(60 + 120 * v)));
        }
    }
    return overlay;
}

} // namespace

ImageViewer::ImageViewer(const GalleryModel *gallery, int row, QWidget *parent) : QDialog(parent), m_gallery(gallery)
{
    setObjectName(QStringLiteral("imageViewer"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_picture = new QLabel;
    m_picture->setObjectName(QStringLiteral("viewerPicture"));
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(200, 200);
    m_picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("viewerCaption"));
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_heat = new QComboBox;
    m_heat->setObjectName(QStringLiteral("heatMapChoice"));
    m_heat->addItems({tr("No heat map"), tr("Where it saw the predicted class"), tr("Where it saw the true class")});
    m_heat->setToolTip(tr("Grad-CAM: the parts of the image that raised the class's score most, from the network's "
                          "last block"));
    m_previous = new QPushButton(tr("◀ &Previous"));
    m_previous->setObjectName(QStringLiteral("viewerPrevious"));
    m_previous->setShortcut(QKeySequence(Qt::Key_Left));
    m_next = new QPushButton(tr("&Next ▶"));
    m_next->setObjectName(QStringLiteral("viewerNext"));
    m_next->setShortcut(QKeySequence(Qt::Key_Right));
    connect(m_previous, &QPushButton::clicked, this, [this] { showRow(m_row - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showRow(m_row + 1); });
    connect(m_heat, &QComboBox::currentIndexChanged, this, &ImageViewer::heatChoiceChanged);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previous);
    bar->addStretch(1);
    bar->addWidget(m_heat);
    bar->addStretch(1);
    bar->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_picture, 1);
    layout->addWidget(m_caption);
    layout->addLayout(bar);
    resize(640, 640);
    showRow(row);
}

void ImageViewer::showRow(int row)
{
    if (row < 0 || row >= m_gallery->rowCount())
        return;
    m_row = row;
    const ImagePrediction &p = m_gallery->image(row);
    m_maps.clear();
    m_error.clear();
    m_image = loadQImage(p.path, &m_error);
    setWindowTitle(QFileInfo(p.path).fileName());
    QStringList likeliest;
    for (const auto &[label, probability] : p.top)
        likeliest << tr("%1 %2 %").arg(m_gallery->className(label)).arg(100 * probability, 0, 'f', 1);
    m_caption->setText(tr("True class: %1 · predicted: %2\nLikeliest: %3")
                           .arg(m_gallery->className(p.trueLabel), m_gallery->className(p.predicted),
                                likeliest.join(QStringLiteral(" · "))));
    m_previous->setEnabled(row > 0);
    m_next->setEnabled(row + 1 < m_gallery->rowCount());
    heatChoiceChanged();
}

int ImageViewer::wantedLabel() const
{
    if (m_row < 0 || m_image.isNull())
        return -1;
    const ImagePrediction &p = m_gallery->image(m_row);
    switch (m_heat->currentIndex()) {
    case 1:
        return p.predicted;
    case 2:
        return p.trueLabel;
    default:
        return -1;
    }
}

void ImageViewer::heatChoiceChanged()
{
    const int label = wantedLabel();
    if (label >= 0 && !m_maps.contains(label))
        Q_EMIT heatMapRequested(m_gallery->image(m_row).path, label);
    render();
}

void ImageViewer::setHeatMap(const QString &path, int label, const GradCam &cam)
{
    if (m_row < 0 || m_gallery->image(m_row).path != path)
        return;
    m_maps.insert(label, cam);
    render();
}

void ImageViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    render();
}

void ImageViewer::render()
{
    m_shownMap = false;
    if (m_image.isNull()) {
        m_picture->setText(QDir::toNativeSeparators(m_error));
        return;
    }
    // Scaled to the room there is, up as well as down: a 28 x 28 image is not shown at 28 x 28.
    QImage shown = m_image.scaled(m_picture->size(), Qt::KeepAspectRatio,
                                  m_image.width() < 100 ? Qt::FastTransformation : Qt::SmoothTransformation)
                       .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const auto map = m_maps.constFind(wantedLabel());
    if (map != m_maps.constEnd() && map->side > 0) {
        QPainter painter(&shown);
        painter.drawImage(0, 0, heatOverlay(*map, shown.size()));
        m_shownMap = true;
    }
    m_picture->setPixmap(QPixmap::fromImage(shown));
}

} // namespace rs
