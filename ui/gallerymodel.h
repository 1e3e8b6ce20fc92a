#pragma once

#include "evaluation/evaluation.h"

#include <QAbstractListModel>

namespace rs {

class ThumbnailCache;

// Test images with their true and predicted class and the confidence, most confident first;
// thumbnails fill in as they load.
class GalleryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryModel)

public:
    static constexpr int PathRole = Qt::UserRole;

    explicit GalleryModel(ThumbnailCache *thumbnails, QObject *parent = nullptr);

    void setImages(const QStringList &classes, std::vector<ImagePrediction> images);
    const ImagePrediction &image(int row) const { return m_images[std::size_t(row)]; }
    // The true and the predicted class on one line, the confidence on the next.
    QString caption(int row) const;
    QString className(int label) const { return m_classes.value(label); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    void thumbnailLoaded(const QString &path);

    ThumbnailCache *m_thumbnails;
    QStringList m_classes;
    std::vector<ImagePrediction> m_images;
};

} // namespace rs
