#include "training/imagebatches.h"

#include "images/preprocess.h"
#include "io/sha256.h"
#include "model/backbone.h"

#include <ATen/Functions.h>
#include <ATen/Parallel.h>


namespace rs {
namespace {

constexpr int kDecodeChunk = 16;

} // namespace

void decodeEach(const QStringList &paths, int minimumSide, const CancelFlag *cancel,
                const std::function<void(int, DecodedImage &&, const QByteArray &)> &use,
                const std::function<void(int)> &done)
{
    for (int start = 0; start < paths.size(); start += kDecodeChunk) {
        throwIfCancelled(cancel);
        const int count = std::min<int>(kDecodeChunk, int(paths.size()) - start);
        std::vector<DecodedImage> images(static_cast<std::size_t>(count));
        std::vector<QByteArray> hashes(static_cast<std::size_t>(count));
        at::parallel_for(0, count, 1, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i) {
                const QString &path = paths[int(start + i)];
                QString error;
                const QByteArray bytes = readImageFile(path, error);
                if (!error.isEmpty()) {
                    images[std::size_t(i)].error = error;
                    continue;
                }
                images[std::size_t(i)] = decodeImage(bytes, path, minimumSide);
                if (images[std::size_t(i)].ok())
                    hashes[std::size_t(i)] = Sha256::hash(bytes);
            }
        });
        for (int i = 0; i < count; ++i)
            use(start + i, std::move(images[std::size_t(i)]), hashes[std::size_t(i)]);
        if (done)
            done(start + count);
    }
}

RgbImage withShorterSideAtMost(RgbImage image, int side)
{
    const int shorter = std::min(image.width, image.height);
    if (shorter <= side)
        return image;
    const double scale = double(side) / shorter;
    const int width = image.width == shorter ? side : std::max(side, int(std::lround(image.width * scale)));
    const int height = image.height == shorter ? side : std::max(side, int(std::lround(image.height * scale)));
    return resizeBilinear(image, width, height);
}

ImageBatches::ImageBatches(LiveAugmentation augmentation, std::uint64_t seed, std::int64_t memoryLimit,
                           const CancelFlag *cancel)
    : m_augmentation(augmentation), m_seed(seed), m_memoryLimit(memoryLimit), m_cancel(cancel)
{
}

ImageBatches::~ImageBatches()
{
    // A batch in the making reads the images: it must end before they go.
    if (m_prepared.valid())
        m_prepared.wait();
}

void ImageBatches::add(const QString &path, RgbImage image)
{
    image = withShorterSideAtMost(std::move(image), kKeptShorterSide);
    const auto bytes = std::int64_t(image.pixels.size());
    m_paths << path;
    if (m_keptBytes + bytes <= m_memoryLimit) {
        m_keptBytes += bytes;
        m_kept.push_back(std::move(image));
    } else {
        m_kept.emplace_back();
    }
}

std::vector<float> ImageBatches::plainInput(std::int64_t row) const
{
    return networkInput(imageAt(row), Backbone::kInputSize);
}

RgbImage ImageBatches::imageAt(std::int64_t row) const
{
    const RgbImage &kept = m_kept.at(std::size_t(row));
    if (!kept.pixels.empty())
        return kept;
    const QString &path = m_paths[int(row)];
    const DecodedImage decoded = loadImage(path, kKeptShorterSide);
    if (!decoded.ok())
        throw std::runtime_error(decoded.error.toStdString() + " (it was read when training started)");
    return withShorterSideAtMost(decoded.image, kKeptShorterSide);
}

at::Tensor ImageBatches::make(int step, const at::Tensor &index) const
{
    const int side = Backbone::kInputSize;
    const std::int64_t count = index.size(0), plane = std::int64_t(side) * side;
    // Written in channels-last order by hand: a torch copy would start a thread team here.
    at::Tensor batch = at::empty({count, 3, side, side}, at::MemoryFormat::ChannelsLast);
    float *out = batch.data_ptr<float>();
    const std::int64_t *rows = index.data_ptr<std::int64_t>();
    const std::uint64_t stepSeed = mixSeed(m_seed, std::uint64_t(step));
    for (std::int64_t i = 0; i < count; ++i) {
        throwIfCancelled(m_cancel);
        const std::vector<float> chw = liveAugmentedInput(imageAt(rows[i]), side, m_augmentation, mixSeed(stepSeed, std::uint64_t(i)));
        float *hwc = out + i * plane * 3;
        for (std::int64_t p = 0; p < plane; ++p)
            for (int c = 0; c < 3; ++c)
                hwc[p * 3 + c] = chw[std::size_t(c * plane + p)];
    }
    return batch;
}

at::Tensor ImageBatches::take(int step, const at::Tensor &index)
{
    if (m_prepared.valid()) {
        const int prepared = m_preparedStep;
        at::Tensor batch = m_prepared.get();
        if (prepared == step)
            return batch;
    }
    return make(step, index);
}

void ImageBatches::prepare(int step, const at::Tensor &index)
{
    if (m_prepared.valid())
        m_prepared.wait();
    m_preparedStep = step;
    m_prepared = std::async(std::launch::async, [this, step, index = index.contiguous().clone()] { return make(step, index); });
}

} // namespace rs
