#include "thumbnailcache.h"

#include "images/image.h"

#include <QPainter>

namespace rs {
namespace {

// An unreadable file gets a grey square with a cross rather than nothing, so a gallery
// shows that something is there and wrong.
QImage placeholder(int size)
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(QColor(128, 128, 128));
    QPainter painter(&image);
    painter.setPen(QPen(QColor(90, 90, 90), 2));
    painter.drawLine(4, 4, size - 4, size - 4);
    painter.drawLine(size - 4, 4, 4, size - 4);
    return image;
}

QImage loadThumbnail(const QString &path, int size)
{
    const QImage image = loadQImage(path);
    return image.isNull() ? placeholder(size) : image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace

QImage loadQImage(const QString &path, QString *error)
{
    const DecodedImage decoded = loadImage(path);
    if (error)
        *error = decoded.error;
    if (!decoded.ok())
        return {};
    const RgbImage &rgb = decoded.image;
    // The view borrows the pixels; copy() gives the image its own before they go.
    return QImage(rgb.pixels.data(), rgb.width, rgb.height, rgb.width * 3, QImage::Format_RGB888).copy();
}

ThumbnailCache::ThumbnailCache(int size, QObject *parent) : QObject(parent), m_size(size), m_images(4000)
{
    // Decoding is for the eye only: leave the other cores to training.
    m_pool.setMaxThreadCount(2);
}

ThumbnailCache::~ThumbnailCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QImage ThumbnailCache::thumbnail(const QString &path)
{
    if (const QImage *image = m_images.object(path))
        return *image;
    if (!m_pending.contains(path)) {
        m_pending.insert(path);
        const int size = m_size;
        m_pool.start([this, path, size] {
            const QImage image = loadThumbnail(path, size);
            QMetaObject::invokeMethod(this, [this, path, image] { store(path, image); }, Qt::QueuedConnection);
        });
    }
    return {};
}

void ThumbnailCache::store(const QString &path, const QImage &image)
{
    m_pending.remove(path);
    m_images.insert(path, new QImage(image));
    Q_EMIT loaded(path);
}

} // namespace rs
