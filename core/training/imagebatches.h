#pragma once

// Internal to core/: the images whole-network fine-tuning trains on, decoded rather than
// turned into features, and served a batch at a time.

#include "base/cancellation.h"
#include "images/image.h"
#include "images/liveaugmentation.h"
#include "model/featurematrix.h"

#include <ATen/core/Tensor.h>
#include <QStringList>

#include <functional>
#include <future>
#include <vector>

namespace rs {

// Every image of `paths` decoded once, `chunk` at a time in parallel; `use` is called for
// each on the calling thread, in order, with its bytes' SHA-256 (empty for an unreadable
// one, whose decoded error names the file and the reason), and `done` after each chunk with
// the number handled so far. Throws Cancelled between chunks.
void decodeEach(const QStringList &paths, int minimumSide, const CancelFlag *cancel,
                const std::function<void(int index, DecodedImage &&image, const QByteArray &contentHash)> &use,
                const std::function<void(int done)> &done);

// The training images, each decoded once and kept scaled to at most kKeptShorterSide on its
// shorter side while the kept pixels fit the memory limit; the others are decoded again
// whenever a batch needs them. A batch of a step is made from its rows with the distortions
// drawn from the run's seed, the step and the position, so resuming a run makes the same
// batches; the next step's batch can be made on a thread of its own while the network works.
class ImageBatches
{
public:
    static constexpr int kKeptShorterSide = 448; // 1.5 x the input: crops of a quarter of the area stay sharp

    ImageBatches(LiveAugmentation augmentation, std::uint64_t seed, std::int64_t memoryLimit, const CancelFlag *cancel);
    ~ImageBatches();
    ImageBatches(const ImageBatches &) = delete;
    ImageBatches &operator=(const ImageBatches &) = delete;

    // Adds a decoded training image; its pixels are kept while the limit allows.
    void add(const QString &path, RgbImage image);
    int size() const { return int(m_paths.size()); }
    std::int64_t keptBytes() const { return m_keptBytes; }

    // The N x 3 x S x S input (channels last) of step `step`'s rows `index` (into the added
    // images): the one prepare() started for this step, else made now.
    at::Tensor take(int step, const at::Tensor &index);
    // Starts making step `step`'s input on a thread of its own.
    void prepare(int step, const at::Tensor &index);
    // The network input (C x S x S) of image `row` undistorted, as extraction would make it.
    std::vector<float> plainInput(std::int64_t row) const;

private:
    at::Tensor make(int step, const at::Tensor &index) const;
    RgbImage imageAt(std::int64_t row) const;

    LiveAugmentation m_augmentation;
    std::uint64_t m_seed;
    std::int64_t m_memoryLimit;
    const CancelFlag *m_cancel;
    QStringList m_paths;
    std::vector<RgbImage> m_kept; // empty pixels: decoded again when needed
    std::int64_t m_keptBytes = 0;
    int m_preparedStep = -1;
    std::future<at::Tensor> m_prepared;
};

// An image scaled down (PIL's antialiased bilinear) to at most `side` pixels on its shorter side.
RgbImage withShorterSideAtMost(RgbImage image, int side);

} // namespace rs
