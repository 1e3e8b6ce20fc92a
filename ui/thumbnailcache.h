#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QThreadPool>

namespace rs {

// A whole image file decoded as training decodes it; a null image with `error` set when it
// cannot be read.
QImage loadQImage(const QString &path, QString *error = nullptr);

// Small previews of image files, decoded off the GUI thread with the same decoder training
// uses (so EXIF rotation and odd formats look as the network sees them). thumbnail() answers
// at once: with the image if it is ready, else with a null image and a later loaded().
class ThumbnailCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailCache)

public:
    explicit ThumbnailCache(int size, QObject *parent = nullptr);
    ~ThumbnailCache() override;

    int size() const { return m_size; }
    QImage thumbnail(const QString &path);

Q_SIGNALS:
    void loaded(const QString &path);

private:
    void store(const QString &path, const QImage &image);

    int m_size;
    QThreadPool m_pool;
    QCache<QString, QImage> m_images;
    QSet<QString> m_pending;
};

} // namespace rs
