#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace rs {

// 8-bit RGB, interleaved, rows top to bottom.
struct RgbImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

// A decoded image, or the reason it could not be decoded.
struct DecodedImage
{
    RgbImage image;
    QString error; // empty on success; otherwise "<file>: <reason>"

    bool ok() const { return error.isEmpty(); }
};

// Decodes any format OpenCV reads from the file's bytes (so any path works, Unicode
// included), applies the EXIF orientation, and converts grey, alpha (dropped, as PIL's
// convert("RGB") does), palette, CMYK and 16-bit images to 8-bit RGB.
DecodedImage decodeImage(const QByteArray &bytes, const QString &fileName);
DecodedImage loadImage(const QString &path);

// A file's bytes; on failure sets `error` to "<file>: <reason>".
QByteArray readImageFile(const QString &path, QString &error);

} // namespace rs
