#include "images/image.h"

#include "images/imageheader.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QDir>
#include <QFile>

#include <sys/stat.h>

#include <atomic>

namespace rs {
namespace {

std::atomic<std::int64_t> g_maxImagePixels{kDefaultMaxImagePixels};

DecodedImage failure(const QString &fileName, const QString &reason)
{
    DecodedImage out;
    out.error = QDir::toNativeSeparators(fileName) + QStringLiteral(": ") + reason;
    return out;
}

const QString &notAnImage()
{
    static const QString reason = QStringLiteral("not an image in a format this tool reads (JPEG, PNG, BMP, WebP or TIFF), "
                                                 "or its header is damaged");
    return reason;
}

const QString &emptyFile()
{
    static const QString reason = QStringLiteral("the file is empty");
    return reason;
}

// Why `path` is no file to read an image from (not a regular file, or larger than any image);
// empty when it may be one, or when it cannot be looked at (opening it then tells why).
// Checked before opening: opening a FIFO for reading waits for a writer.
QString fileTypeProblem(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    if (!S_ISREG(info.st_mode))
        return QStringLiteral("not a regular file (a device, FIFO or socket)");
    if (info.st_size > kMaxImageFileBytes)
        return QStringLiteral("the file is %1 MB, more than any image this tool reads (%2 MB)")
            .arg(info.st_size >> 20)
            .arg(kMaxImageFileBytes >> 20);
    return {};
}

// The reduction PIL's JpegImageFile.draft picks for (side, side): the largest of 8, 4, 2
// that both sides, divided by `side` (rounding down), reach; else 1.
int draftReduction(const DeclaredSize &size, int side)
{
    const std::int64_t scale = side > 0 ? std::min(size.width / side, size.height / side) : 0;
    for (int reduction : {8, 4, 2})
        if (scale >= reduction)
            return reduction;
    return 1;
}

// libjpeg decodes a cut-off JPEG "successfully", filling the rest with grey. A complete file
// has an end-of-image marker after its first scan; markers before the scan (an EXIF thumbnail
// has its own) are skipped by their lengths. Bytes after the marker (motion photos) are fine.
bool jpegHasEndMarker(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = jpegScanStart(bytes);
    // In entropy-coded data a 0xff byte is followed by 0x00 or a marker, so FF D9 is EOI.
    for (; i + 1 < n; ++i)
        if (p[i] == 0xff && p[i + 1] == 0xd9)
            return true;
    return false;
}

cv::Mat toEightBit(const cv::Mat &image)
{
    switch (image.depth()) {
    case CV_8U:
        return image;
    case CV_16U: {
        // Keep the high byte, as PIL does for 16-bit RGB.
        cv::Mat out(image.size(), CV_MAKETYPE(CV_8U, image.channels()));
        const cv::Mat flat = image.reshape(1);
        cv::Mat outFlat = out.reshape(1);
        for (int r = 0; r < flat.rows; ++r) {
            const auto *src = flat.ptr<std::uint16_t>(r);
            auto *dst = outFlat.ptr<std::uint8_t>(r);
            for (int c = 0; c < flat.cols; ++c)
                dst[c] = std::uint8_t(src[c] >> 8);
        }
        return out;
    }
    default: { // float formats (HDR, float TIFF) hold [0, 1]
        cv::Mat out;
        image.convertTo(out, CV_8U, 255.0);
        return out;
    }
    }
}

} // namespace

DecodedImage decodeImage(const QByteArray &bytes, const QString &fileName, int minimumSide)
{
    if (bytes.isEmpty())
        return failure(fileName, emptyFile());
    // OpenCV also decodes formats whose headers are not checked here (PPM, Radiance HDR, Sun
    // raster, JPEG 2000, ...); a kilobyte of HDR can make it allocate 12 GB. Only the formats
    // the dataset scan looks for are decoded, and only once their declared size is known.
    const std::optional<DeclaredSize> size = declaredImageSize(bytes);
    if (!size)
        return failure(fileName, notAnImage());
    if (size->width <= 0 || size->height <= 0)
        return failure(fileName, QStringLiteral("the header declares an empty image (%1 × %2 pixels)").arg(size->width).arg(size->height));
    if (size->pixels() > maxImagePixels())
        return failure(fileName, QStringLiteral("the header declares %1 × %2 pixels, more than the limit of %3 megapixels "
                                                "(--max-image-megapixels raises it)")
                                     .arg(size->width)
                                     .arg(size->height)
                                     .arg(double(maxImagePixels()) / 1e6, 0, 'f', 0));
    const bool jpeg = isJpeg(bytes);
    if (jpeg && !jpegHasEndMarker(bytes))
        return failure(fileName, QStringLiteral("truncated JPEG (the data ends before its end-of-image marker)"));

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char *>(bytes.constData()));
        // IMREAD_COLOR applies the EXIF orientation and gives 3 channels; ANYDEPTH keeps
        // 16-bit data so it is reduced here, not clipped (JPEG has no such data).
        static constexpr int kReduced[] = {0, 0, cv::IMREAD_REDUCED_COLOR_2, 0, cv::IMREAD_REDUCED_COLOR_4,
                                           0, 0, 0, cv::IMREAD_REDUCED_COLOR_8};
        const int reduction = jpeg ? draftReduction(*size, minimumSide) : 1;
        decoded = cv::imdecode(buffer, reduction > 1 ? kReduced[reduction] : cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH);
    } catch (const cv::Exception &e) {
        return failure(fileName, QStringLiteral("cannot decode: ") + QString::fromStdString(e.msg));
    }
    if (decoded.empty())
        return failure(fileName, QStringLiteral("not an image in a format this build can decode"));

    // BGR to RGB while copying out: one pass over the pixels instead of two.
    const cv::Mat bgr = toEightBit(decoded);
    DecodedImage out;
    out.image.width = bgr.cols;
    out.image.height = bgr.rows;
    out.image.pixels.resize(std::size_t(bgr.total()) * 3);
    for (int r = 0; r < bgr.rows; ++r) {
        const std::uint8_t *src = bgr.ptr<std::uint8_t>(r);
        std::uint8_t *dst = out.image.pixels.data() + std::size_t(r) * bgr.cols * 3;
        for (int c = 0; c < bgr.cols; ++c, src += 3, dst += 3) {
            dst[0] = src[2];
            dst[1] = src[1];
            dst[2] = src[0];
        }
    }
    return out;
}

void setMaxImagePixels(std::int64_t pixels)
{
    g_maxImagePixels = pixels;
}

std::int64_t maxImagePixels()
{
    return g_maxImagePixels;
}

QByteArray readImageFile(const QString &path, QString &error)
{
    if (const QString problem = fileTypeProblem(path); !problem.isEmpty()) {
        error = failure(path, problem).error;
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = failure(path, QStringLiteral("cannot open: ") + file.errorString()).error;
        return {};
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        error = failure(path, QStringLiteral("cannot read: ") + file.errorString()).error;
    return bytes;
}

QString screenImageFile(const QString &path)
{
    if (const QString problem = fileTypeProblem(path); !problem.isEmpty())
        return failure(path, problem).error;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(path, QStringLiteral("cannot open: ") + file.errorString()).error;
    const QByteArray head = file.read(kImageSignatureBytes);
    if (file.error() != QFileDevice::NoError)
        return failure(path, QStringLiteral("cannot read: ") + file.errorString()).error;
    if (head.isEmpty())
        return failure(path, emptyFile()).error;
    if (!startsAsImage(head))
        return failure(path, notAnImage()).error;
    return {};
}

DecodedImage loadImage(const QString &path, int minimumSide)
{
    QString error;
    const QByteArray bytes = readImageFile(path, error);
    return error.isEmpty() ? decodeImage(bytes, path, minimumSide) : DecodedImage{{}, error};
}

} // namespace rs
