#include "gallerymodel.h"

#include "thumbnailcache.h"

#include <QDir>
#include <QPixmap>

namespace rs {

GalleryModel::GalleryModel(ThumbnailCache *thumbnails, QObject *parent)
    : QAbstractListModel(parent), m_thumbnails(thumbnails)
{
    connect(m_thumbnails, &ThumbnailCache::loaded, this, &GalleryModel::thumbnailLoaded);
}

void GalleryModel::setImages(const QStringList &classes, std::vector<ImagePrediction> images)
{
    beginResetModel();
    m_classes = classes;
    m_images = std::move(images);
    std::stable_sort(m_images.begin(), m_images.end(),
                     [](const ImagePrediction &a, const ImagePrediction &b) { return a.confidence > b.confidence; });
    endResetModel();
}

QString GalleryModel::caption(int row) const
{
    const ImagePrediction &p = image(row);
    return tr("%1 → %2\n%3 %").arg(m_classes.value(p.trueLabel), m_classes.value(p.predicted)).arg(100 * p.confidence, 0, 'f', 0);
}

int GalleryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_images.size());
}

QVariant GalleryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImagePrediction &p = image(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return caption(index.row());
    case Qt::DecorationRole: {
        const QImage thumb = m_thumbnails->thumbnail(p.path);
        if (thumb.isNull()) {
            QPixmap empty(m_thumbnails->size(), m_thumbnails->size());
            empty.fill(Qt::transparent);
            return empty;
        }
        return QPixmap::fromImage(thumb);
    }
    case Qt::ToolTipRole: {
        QString tip = QDir::toNativeSeparators(p.path);
        for (const auto &[label, probability] : p.top)
            tip += QStringLiteral("\n%1: %2 %").arg(m_classes.value(label)).arg(100 * probability, 0, 'f', 1);
        return tip;
    }
    case PathRole:
        return p.path;
    default:
        return {};
    }
}

void GalleryModel::thumbnailLoaded(const QString &path)
{
    for (std::size_t r = 0; r < m_images.size(); ++r)
        if (m_images[r].path == path)
            Q_EMIT dataChanged(index(int(r)), index(int(r)), {Qt::DecorationRole});
}

} // namespace rs
