#include "images/thumbnail.h"

#include "images/image.h"
#include "images/preprocess.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cmath>

namespace rs {

QByteArray thumbnailJpeg(const QString &path, int side)
{
    const DecodedImage decoded = loadImage(path, side);
    if (!decoded.ok())
        return {};
    RgbImage image = decoded.image;
    const int longer = std::max(image.width, image.height);
    if (longer > side) {
        const double scale = double(side) / longer;
        image = resizeBilinear(image, std::max(1, int(std::lround(image.width * scale))),
                               std::max(1, int(std::lround(image.height * scale))));
    }
    // OpenCV encodes BGR.
    cv::Mat bgr(image.height, image.width, CV_8UC3);
    for (int r = 0; r < image.height; ++r) {
        const std::uint8_t *src = image.pixels.data() + std::size_t(r) * image.width * 3;
        std::uint8_t *dst = bgr.ptr<std::uint8_t>(r);
        for (int c = 0; c < image.width; ++c, src += 3, dst += 3) {
            dst[0] = src[2];
            dst[1] = src[1];
            dst[2] = src[0];
        }
    }
    std::vector<std::uint8_t> jpeg;
    if (!cv::imencode(".jpg", bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, 85}))
        return {};
    return QByteArray(reinterpret_cast<const char *>(jpeg.data()), qsizetype(jpeg.size()));
}

} // namespace rs
