#include "extraction.h"

#include "image.h"
#include "preprocess.h"

namespace rs {

ExtractionResult extractFeatures(const Backbone &backbone, const QStringList &paths,
                                 const QString &layer, int batchSize,
                                 const std::function<void(int)> &progress)
{
    Backbone::checkLayer(layer);
    const std::size_t imageFloats = std::size_t(3) * Backbone::kInputSize * Backbone::kInputSize;
    ExtractionResult result;
    std::vector<float> batch;
    batch.reserve(imageFloats * std::size_t(std::max(1, batchSize)));
    qsizetype pending = 0;

    auto flush = [&](int handled) {
        if (pending > 0) {
            const FeatureMatrix rows = backbone.extract(batch.data(), pending, layer);
            result.features.cols = rows.cols;
            result.features.rows += rows.rows;
            result.features.values.insert(result.features.values.end(), rows.values.begin(), rows.values.end());
            batch.clear();
            pending = 0;
        }
        if (progress)
            progress(handled);
    };

    for (int i = 0; i < paths.size(); ++i) {
        const DecodedImage decoded = loadImage(paths[i]);
        if (!decoded.ok()) {
            result.errors << decoded.error;
            continue;
        }
        const std::vector<float> input = networkInput(decoded.image, Backbone::kInputSize);
        batch.insert(batch.end(), input.begin(), input.end());
        result.extracted << paths[i];
        if (++pending == batchSize)
            flush(i + 1);
    }
    flush(int(paths.size()));
    return result;
}

} // namespace rs
