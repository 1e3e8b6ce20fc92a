#include "extraction.h"

#include "augmentation.h"
#include "bottleneckcache.h"
#include "image.h"
#include "preprocess.h"

#include <QCryptographicHash>

namespace rs {
ExtractionResult extractFeatures(const Backbone &backbone, const QStringList &paths, const ExtractionOptions &options)
{
    Backbone::checkLayer(options.layer);
    const std::size_t imageFloats = std::size_t(3) * Backbone::kInputSize * Backbone::kInputSize;
    const int batchSize = std::max(1, options.batchSize);
    ExtractionResult result;
    ExtractionProgress progress{0, int(paths.size()), 0};
    std::vector<std::vector<float>> rows(std::size_t(paths.size()));

    std::vector<float> batch;
    batch.reserve(imageFloats * std::size_t(batchSize));
    std::vector<int> pendingIndex;
    std::vector<QByteArray> pendingHash;

    auto runBatch = [&] {
        if (pendingIndex.empty())
            return;
        const FeatureMatrix out = backbone.extract(batch.data(), std::int64_t(pendingIndex.size()), options.layer, options.pooled, options.cancel);
        for (std::size_t i = 0; i < pendingIndex.size(); ++i) {
            rows[std::size_t(pendingIndex[i])].assign(out.row(std::int64_t(i)), out.row(std::int64_t(i)) + out.cols);
            if (options.cache)
                options.cache->store(pendingHash[i], out.row(std::int64_t(i)), int(out.cols));
        }
        result.computed += int(pendingIndex.size());
        progress.done += int(pendingIndex.size());
        batch.clear();
        pendingIndex.clear();
        pendingHash.clear();
        if (options.progress)
            options.progress(progress);
    };

    for (int i = 0; i < paths.size(); ++i) {
        throwIfCancelled(options.cancel);
        QString error;
        const QByteArray bytes = readImageFile(paths[i], error);
        // The hash keys the cache and seeds an augmented variant's random draws.
        const QByteArray hash = error.isEmpty() && (options.cache || options.augmentation)
                                    ? QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) : QByteArray();
        if (error.isEmpty() && options.cache) {
            const auto lookup = options.cache->load(hash, rows[std::size_t(i)]);
            if (lookup == BottleneckCache::Lookup::Hit) {
                ++result.fromCache;
                ++progress.fromCache;
                ++progress.done;
                if (options.progress)
                    options.progress(progress);
                continue;
            }
            rows[std::size_t(i)].clear();
            result.repaired += lookup == BottleneckCache::Lookup::Damaged;
        }
        const DecodedImage decoded = error.isEmpty() ? decodeImage(bytes, paths[i]) : DecodedImage{{}, error};
        if (!decoded.ok()) {
            result.errors << decoded.error;
            ++progress.done;
            continue;
        }
        const std::vector<float> input = options.augmentation
            ? augmentedInput(decoded.image, Backbone::kInputSize, *options.augmentation, hash, options.variant)
            : networkInput(decoded.image, Backbone::kInputSize);
        batch.insert(batch.end(), input.begin(), input.end());
        pendingIndex.push_back(i);
        pendingHash.push_back(hash);
        if (int(pendingIndex.size()) == batchSize)
            runBatch();
    }
    runBatch();

    for (int i = 0; i < paths.size(); ++i) {
        const std::vector<float> &row = rows[std::size_t(i)];
        if (row.empty())
            continue;
        if (result.features.cols == 0)
            result.features.cols = std::int64_t(row.size());
        if (std::int64_t(row.size()) != result.features.cols)
            throw std::runtime_error("cache entry for " + paths[i].toStdString() + " has the wrong size");
        result.features.values.insert(result.features.values.end(), row.begin(), row.end());
        result.sourceIndex.push_back(i);
        ++result.features.rows;
    }
    return result;
}

} // namespace rs
