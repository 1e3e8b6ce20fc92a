// libFuzzer target: the image path every file of a dataset takes, from its bytes to the
// network input (header check, decode, EXIF orientation, bit-depth and colour conversion,
// JPEG draft reduction, antialiased resize). A refusal must name the file; a decoded image
// must be consistent and within the pixel limit.
#include "images/image.h"
#include "images/preprocess.h"

#include <cstdint>
#include <cstdlib>

namespace {

// Small enough that a decode stays fast, large enough for every seed: without it each input
// could ask for PIL's full 179 megapixels and the fuzzer would spend its time in memset.
constexpr std::int64_t kFuzzMaxPixels = std::int64_t(4) << 20;

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    rs::setMaxImagePixels(kFuzzMaxPixels);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString name = QStringLiteral("fuzz.jpg");
    // The last byte picks the target size, so the draft reduction is explored (1/2 to 1/8)
    // without a seed per size.
    const int minimumSide = size > 0 ? 8 + data[size - 1] % 64 : 0;
    const rs::DecodedImage decoded = rs::decodeImage(bytes, name, minimumSide);
    if (!decoded.ok()) {
        require(decoded.error.startsWith(name + QStringLiteral(": ")));
        return 0;
    }
    const rs::RgbImage &image = decoded.image;
    require(image.width > 0 && image.height > 0);
    require(std::int64_t(image.width) * image.height <= kFuzzMaxPixels);
    require(image.pixels.size() == std::size_t(image.width) * std::size_t(image.height) * 3);
    const std::vector<float> input = rs::networkInput(image, 37);
    require(input.size() == 3 * 37 * 37);
    for (float v : input)
        require(v >= -1.0f && v <= 1.0f);
    return 0;
}
