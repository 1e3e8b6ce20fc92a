#include "image.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QFile>

namespace rs {
namespace {

DecodedImage failure(const QString &fileName, const QString &reason)
{
    DecodedImage out;
    out.error = QDir::toNativeSeparators(fileName) + QStringLiteral(": ") + reason;
    return out;
}

// libjpeg decodes a cut-off JPEG "successfully", filling the rest with grey. A complete file
// has an end-of-image marker after its first scan; markers before the scan (an EXIF thumbnail
// has its own) are skipped by their lengths. Bytes after the marker (motion photos) are fine.
bool jpegHasEndMarker(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 2; // past SOI
    while (i + 4 <= n) {
        if (p[i] != 0xff)
            return false;
        const std::uint8_t marker = p[i + 1];
        if (marker == 0xff) { // fill byte
            ++i;
            continue;
        }
        const qsizetype length = (qsizetype(p[i + 2]) << 8) | p[i + 3];
        if (marker == 0xda) // SOS: entropy-coded data follows
            break;
        i += 2 + length;
    }
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

DecodedImage decodeImage(const QByteArray &bytes, const QString &fileName)
{
    if (bytes.isEmpty())
        return failure(fileName, QStringLiteral("the file is empty"));
    const bool jpeg = bytes.size() >= 3 && bytes.startsWith("\xff\xd8\xff");
    if (jpeg && !jpegHasEndMarker(bytes))
        return failure(fileName, QStringLiteral("truncated JPEG (the data ends before its end-of-image marker)"));

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char *>(bytes.constData()));
        // IMREAD_COLOR applies the EXIF orientation and gives 3 channels; ANYDEPTH keeps
        // 16-bit data so it is reduced here, not clipped.
        decoded = cv::imdecode(buffer, cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH);
    } catch (const cv::Exception &e) {
        return failure(fileName, QStringLiteral("cannot decode: ") + QString::fromStdString(e.msg));
    }
    if (decoded.empty())
        return failure(fileName, QStringLiteral("not an image in a format this build can decode"));

    cv::Mat rgb;
    cv::cvtColor(toEightBit(decoded), rgb, cv::COLOR_BGR2RGB);
    DecodedImage out;
    out.image.width = rgb.cols;
    out.image.height = rgb.rows;
    out.image.pixels.resize(std::size_t(rgb.total()) * 3);
    for (int r = 0; r < rgb.rows; ++r)
        std::copy_n(rgb.ptr<std::uint8_t>(r), rgb.cols * 3, out.image.pixels.data() + std::size_t(r) * rgb.cols * 3);
    return out;
}

QByteArray readImageFile(const QString &path, QString &error)
{
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

DecodedImage loadImage(const QString &path)
{
    QString error;
    const QByteArray bytes = readImageFile(path, error);
    return error.isEmpty() ? decodeImage(bytes, path) : DecodedImage{{}, error};
}

} // namespace rs
