#pragma once

#include <QByteArray>

#include <cstdint>
#include <optional>

namespace rs {

struct DeclaredSize
{
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::int64_t pixels() const { return width * height; }
};

// The size an image file declares in its header, read without decoding: JPEG, PNG, GIF, BMP,
// WebP and TIFF (first image). Nothing for other formats or a header too short to say. A
// file can declare far more pixels than it holds; this is what lets such a file be refused
// before a decoder allocates for it.
std::optional<DeclaredSize> declaredImageSize(const QByteArray &bytes);

// Where a JPEG's first scan (its entropy-coded data) starts, past the markers before it, which
// are skipped by their lengths; the file's size when those markers are damaged or cut short.
qsizetype jpegScanStart(const QByteArray &bytes);

} // namespace rs
