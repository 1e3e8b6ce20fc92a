#pragma once

#include "backbone.h"
#include "cancellation.h"

#include <QStringList>

#include <functional>

namespace rs {

class BottleneckCache;
struct Augmentation;

struct ExtractionProgress
{
    int done = 0;  // images handled, read from the cache or not
    int total = 0;
    int fromCache = 0;
};

struct ExtractionOptions
{
    QString layer = Backbone::kBottleneck;
    bool pooled = true; // false: a stage's whole activation (for fine-tuning's cut point)
    int batchSize = 16;
    const BottleneckCache *cache = nullptr; // optional; must match the backbone, layer and augmentation
    const Augmentation *augmentation = nullptr; // with it: the features of distorted variant `variant`
    int variant = 0;
    const CancelFlag *cancel = nullptr;
    std::function<void(const ExtractionProgress &)> progress;
};

struct ExtractionResult
{
    FeatureMatrix features;        // one row per image that could be read
    std::vector<int> sourceIndex;  // row -> index into the paths given, ascending
    QStringList errors;            // "<file>: <reason>" for each image that could not be read
    int fromCache = 0;
    int computed = 0;
    int repaired = 0; // damaged cache entries that were computed again
};

// Reads, decodes and preprocesses each image and runs the network in batches; with a cache,
// images seen before cost only the file read and its hash. Unreadable images are listed in
// `errors` and skipped. Throws Cancelled when the flag is set (checked between images).
ExtractionResult extractFeatures(const Backbone &backbone, const QStringList &paths,
                                 const ExtractionOptions &options = {});

} // namespace rs
