#include "images/liveaugmentation.h"

#include "images/preprocess.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace rs {
namespace {

// Uniform draws in [0, 1) from a seed, the same on every platform (the standard library's
// distributions are not).
class Draws
{
public:
    explicit Draws(std::uint64_t seed) : m_state(seed) {}

    double next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return double(mixSeed(m_state, 0) >> 11) * 0x1.0p-53;
    }
    double between(double low, double high) { return low + (high - low) * next(); }
    // An integer from `low` to `high` inclusive.
    int integer(int low, int high) { return std::min(high, low + int(next() * (high - low + 1))); }

private:
    std::uint64_t m_state;
};

CropBox cropBox(int width, int height, Draws &draw)
{
    constexpr double kMinArea = 0.08, kMaxArea = 1.0, kMinRatio = 3.0 / 4.0, kMaxRatio = 4.0 / 3.0;
    const double area = double(width) * height;
    for (int attempt = 0; attempt < 10; ++attempt) {
        const double target = area * draw.between(kMinArea, kMaxArea);
        const double ratio = std::exp(draw.between(std::log(kMinRatio), std::log(kMaxRatio)));
        const int w = int(std::lround(std::sqrt(target * ratio)));
        const int h = int(std::lround(std::sqrt(target / ratio)));
        if (w > 0 && w <= width && h > 0 && h <= height)
            return {draw.integer(0, width - w), draw.integer(0, height - h), w, h};
    }
    int w = width, h = height;
    if (double(width) / height < kMinRatio)
        h = int(std::lround(w / kMinRatio));
    else if (double(width) / height > kMaxRatio)
        w = int(std::lround(h * kMaxRatio));
    return {(width - w) / 2, (height - h) / 2, w, h};
}

RgbImage cropped(const RgbImage &image, const CropBox &box)
{
    if (box.left == 0 && box.top == 0 && box.width == image.width && box.height == image.height)
        return image;
    RgbImage out;
    out.width = box.width;
    out.height = box.height;
    out.pixels.resize(std::size_t(box.width) * box.height * 3);
    for (int y = 0; y < box.height; ++y)
        std::copy_n(&image.pixels[(std::size_t(box.top + y) * image.width + box.left) * 3], std::size_t(box.width) * 3,
                    &out.pixels[std::size_t(y) * box.width * 3]);
    return out;
}

bool parsePercent(const QString &value, double &percent)
{
    bool ok = false;
    percent = value.toDouble(&ok);
    return ok;
}

} // namespace

std::uint64_t mixSeed(std::uint64_t stream, std::uint64_t index)
{
    std::uint64_t z = stream ^ (index * 0xbf58476d1ce4e5b9ULL + 0x94d049bb133111ebULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

bool LiveAugmentation::enabled() const
{
    return randomResizedCrop || flipLeftRight || brightnessPercent > 0 || contrastPercent > 0;
}

QString LiveAugmentation::validate() const
{
    if (!(brightnessPercent >= 0 && brightnessPercent < 100) || !(contrastPercent >= 0 && contrastPercent < 100))
        return QStringLiteral("brightness and contrast percentages must be at least 0 and below 100");
    return {};
}

QString LiveAugmentation::toText() const
{
    QStringList parts;
    if (randomResizedCrop)
        parts << QStringLiteral("crop");
    if (flipLeftRight)
        parts << QStringLiteral("flip");
    if (brightnessPercent > 0)
        parts << QStringLiteral("brightness=%1").arg(brightnessPercent);
    if (contrastPercent > 0)
        parts << QStringLiteral("contrast=%1").arg(contrastPercent);
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QLatin1Char(','));
}

std::optional<LiveAugmentation> LiveAugmentation::fromText(const QString &text, QString *error)
{
    LiveAugmentation a;
    a.randomResizedCrop = a.flipLeftRight = false;
    const auto fail = [&](const QString &part) -> std::optional<LiveAugmentation> {
        if (error)
            *error = QStringLiteral("'%1' is not a live augmentation: give \"none\" or any of crop, flip, "
                                    "brightness=PERCENT, contrast=PERCENT, separated by commas")
                         .arg(part);
        return std::nullopt;
    };
    if (text.trimmed() == QLatin1String("none"))
        return a;
    for (const QString &raw : text.split(QLatin1Char(','))) {
        const QString part = raw.trimmed();
        const QString name = part.section(QLatin1Char('='), 0, 0), value = part.section(QLatin1Char('='), 1);
        if (part == QLatin1String("crop"))
            a.randomResizedCrop = true;
        else if (part == QLatin1String("flip"))
            a.flipLeftRight = true;
        else if (name == QLatin1String("brightness") && parsePercent(value, a.brightnessPercent))
            continue;
        else if (name == QLatin1String("contrast") && parsePercent(value, a.contrastPercent))
            continue;
        else
            return fail(part);
    }
    if (const QString problem = a.validate(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return a;
}

CropBox randomResizedCropBox(int width, int height, std::uint64_t seed)
{
    Draws draw(seed);
    return cropBox(width, height, draw);
}

std::vector<float> liveAugmentedInput(const RgbImage &image, int size, const LiveAugmentation &a, std::uint64_t seed)
{
    Draws draw(seed);
    // Each distortion draws from a stream of its own, so switching one off leaves the others' draws as they were.
    Draws cropDraws(mixSeed(seed, 1));
    const CropBox box = a.randomResizedCrop ? cropBox(image.width, image.height, cropDraws)
                                            : CropBox{0, 0, image.width, image.height};
    const RgbImage resized = resizeBilinear(cropped(image, box), size, size);
    const bool flip = a.flipLeftRight && draw.next() < 0.5;
    const double brightness = draw.between(1 - a.brightnessPercent / 100, 1 + a.brightnessPercent / 100);
    const double contrast = draw.between(1 - a.contrastPercent / 100, 1 + a.contrastPercent / 100);

    const std::size_t plane = std::size_t(size) * size;
    std::vector<float> chw(plane * 3);
    for (std::size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c)
            chw[c * plane + i] = float(std::clamp(resized.pixels[i * 3 + c] * brightness, 0.0, 255.0));
    if (a.contrastPercent > 0) {
        // torchvision's adjust_contrast: towards the mean of the brightened image's grey (ITU-R 601-2 luma).
        double grey = 0;
        for (std::size_t i = 0; i < plane; ++i)
            grey += 0.299 * chw[i] + 0.587 * chw[plane + i] + 0.114 * chw[2 * plane + i];
        grey /= double(plane);
        for (float &v : chw)
            v = float(std::clamp(contrast * v + (1 - contrast) * grey, 0.0, 255.0));
    }
    std::vector<float> out(chw.size());
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) {
                const int sourceX = flip ? size - 1 - x : x;
                out[c * plane + std::size_t(y) * size + x] = chw[c * plane + std::size_t(y) * size + sourceX] / 127.5f - 1.0f;
            }
    return out;
}

} // namespace rs
