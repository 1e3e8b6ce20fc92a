#pragma once

#include <QByteArray>

#include <cstdint>
#include <limits>
#include <optional>

namespace rs {

struct DeclaredSize
{
    std::int64_t width = 0;
    std::int64_t height = 0;
    // Saturates: a header's two 32-bit sides can multiply past 64 signed bits.
    std::int64_t pixels() const
    {
        if (width <= 0 || height <= 0)
            return 0;
        return height > std::numeric_limits<std::int64_t>::max() / width ? std::numeric_limits<std::int64_t>::max()
                                                                           : width * height;
    }
};

// The size an image file declares in its header, read without decoding: JPEG, PNG, GIF, BMP,
// WebP and TIFF (first image). Nothing for other formats or a header too short to say. A
// file can declare far more pixels than it holds; this is what lets such a file be refused
// before a decoder allocates for it, and why no file without such a size is decoded.
std::optional<DeclaredSize> declaredImageSize(const QByteArray &bytes);

// Whether a file's first kImageSignatureBytes bytes start as one of the formats
// declaredImageSize reads: enough to tell an image from an empty file or a text renamed .png
// without reading further.
constexpr qsizetype kImageSignatureBytes = 12;
bool startsAsImage(const QByteArray &firstBytes);

// Whether the bytes start as a JPEG does (start-of-image, then a marker).
bool isJpeg(const QByteArray &bytes);

// Where a JPEG's first scan (its entropy-coded data) starts, past the markers before it, which
// are skipped by their lengths; the file's size when those markers are damaged or cut short.
qsizetype jpegScanStart(const QByteArray &bytes);

} // namespace rs
