#pragma once

#include <QByteArray>
#include <QString>

namespace rs {

// The image at `path` as a JPEG (quality 85) whose longer side is at most `side` pixels, decoded
// as training decodes it (EXIF orientation applied); smaller images keep their size. Empty when
// the file cannot be read as an image.
QByteArray thumbnailJpeg(const QString &path, int side);

} // namespace rs
