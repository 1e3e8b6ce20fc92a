#include "images/augmentation.h"

#include "images/preprocess.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>

namespace rs {
namespace {

// Uniform numbers in [0, 1) from a hash: reproducible on every platform, unlike the standard
// library's distributions.
class HashDraws
{
public:
    HashDraws(const QByteArray &contentHash, int variant)
        : m_bytes(QCryptographicHash::hash(QByteArray(contentHash + QByteArray::number(variant)), QCryptographicHash::Sha512))
    {
    }

    double next()
    {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | std::uint8_t(m_bytes[m_used * 8 + i]);
        ++m_used;
        return double(v >> 11) * 0x1.0p-53;
    }

private:
    QByteArray m_bytes; // 64 bytes: eight draws
    int m_used = 0;
};

} // namespace

bool Augmentation::enabled() const
{
    return copies > 0 && (flipLeftRight || cropPercent > 0 || scalePercent > 0 || brightnessPercent > 0);
}

QString Augmentation::id() const
{
    return QStringLiteral("%1-crop%2-scale%3-brightness%4")
        .arg(flipLeftRight ? QStringLiteral("flip") : QStringLiteral("noflip"))
        .arg(cropPercent)
        .arg(scalePercent)
        .arg(brightnessPercent);
}

QString Augmentation::validate() const
{
    if (copies < 0 || copies > 100)
        return QStringLiteral("the number of augmented copies must be between 0 and 100");
    if (cropPercent < 0 || cropPercent > 100 || scalePercent < 0 || scalePercent > 100)
        return QStringLiteral("crop and scale percentages must be between 0 and 100");
    if (brightnessPercent < 0 || brightnessPercent >= 100)
        return QStringLiteral("the brightness percentage must be at least 0 and below 100");
    return {};
}

std::vector<float> augmentedInput(const RgbImage &image, int size, const Augmentation &a, const QByteArray &contentHash,
                                  int variant)
{
    HashDraws draw(contentHash, variant);
    const double scale = (1.0 + a.cropPercent / 100.0) * (1.0 + draw.next() * a.scalePercent / 100.0);
    const int precrop = std::max(size, int(std::lround(size * scale)));
    const RgbImage resized = resizeBilinear(image, precrop, precrop);
    const int left = std::min(precrop - size, int(draw.next() * (precrop - size + 1)));
    const int top = std::min(precrop - size, int(draw.next() * (precrop - size + 1)));
    const bool flip = a.flipLeftRight && draw.next() < 0.5;
    const double brightness = 1.0 + (2.0 * draw.next() - 1.0) * a.brightnessPercent / 100.0;

    const std::size_t plane = std::size_t(size) * size;
    std::vector<float> chw(plane * 3);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const int sourceX = left + (flip ? size - 1 - x : x);
            const std::uint8_t *pixel = &resized.pixels[(std::size_t(top + y) * precrop + sourceX) * 3];
            for (int c = 0; c < 3; ++c)
                chw[c * plane + std::size_t(y) * size + x] = float(pixel[c] * brightness / 127.5 - 1.0);
        }
    return chw;
}

} // namespace rs
