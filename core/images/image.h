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

// Decodes a JPEG, PNG, BMP, WebP or TIFF file (the kinds the dataset scan collects, told by
// their first bytes, not their names) from its bytes (so any path works, Unicode included),
// applies the EXIF orientation, and converts grey, alpha (dropped, as PIL's convert("RGB")
// does), palette, CMYK and 16-bit images to 8-bit RGB.
//
// With `minimumSide`, a JPEG whose both sides are at least 2, 4 or 8 times that is decoded at
// 1/2, 1/4 or 1/8 of its size by the JPEG decoder itself (its scaled inverse DCT), exactly as
// PIL's Image.draft(mode, (minimumSide, minimumSide)) chooses and decodes: a 12-megapixel
// photo costs a fraction of a full decode, and both sides stay at least `minimumSide`.
//
// A file whose header declares more than maxImagePixels() pixels is refused before decoding:
// a few bytes can claim gigapixels, and decoders allocate for what is claimed.
DecodedImage decodeImage(const QByteArray &bytes, const QString &fileName, int minimumSide = 0);
DecodedImage loadImage(const QString &path, int minimumSide = 0);

// A file's bytes; on failure sets `error` to "<file>: <reason>". Only regular files are read
// (a FIFO would block, a device never end) and none larger than kMaxImageFileBytes.
QByteArray readImageFile(const QString &path, QString &error);
constexpr qint64 kMaxImageFileBytes = qint64(1) << 30;

// What can be told of a file without decoding it, from its type, size and first bytes: why it
// cannot be an image this tool reads, as "<file>: <reason>" in readImageFile's and
// decodeImage's words (empty, not a regular file, unreadable, not starting as an image);
// empty when it may be one. A damaged image that starts right is found only by decoding it.
QString screenImageFile(const QString &path);

// The largest image decoded, in pixels: by default PIL's limit (2 x 89 478 485, where PIL
// raises DecompressionBombError). Thread-safe; applies to decodes started afterwards.
constexpr std::int64_t kDefaultMaxImagePixels = 2 * std::int64_t(89478485);
void setMaxImagePixels(std::int64_t pixels);
std::int64_t maxImagePixels();

} // namespace rs
