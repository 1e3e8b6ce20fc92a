#pragma once

#include "base/cancellation.h"
#include "model/backbone.h"

#include <QByteArray>
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
    // Images per network pass. 8 measured fastest on 2 cores in both precisions
    // (bench_model_throughput: fp32 4: 35.0, 8: 32.8, 16: 29.6 img/s; bf16 4: 59.4, 8: 61.9,
    // 16: 56.7 img/s), and it keeps Stop and progress fine-grained.
    int batchSize = 8;
    const BottleneckCache *cache = nullptr; // optional; must match the backbone, layer and augmentation
    // Optional: also give each image's imageSignature(), kept in (and read from) this cache. An
    // image whose features are cached but whose signature is not is decoded for it alone.
    const BottleneckCache *signatures = nullptr;
    const Augmentation *augmentation = nullptr; // with it: the features of distorted variant `variant`
    int variant = 0;
    Precision precision = Precision::Auto; // the network's number format
    // Int8's calibration (features/int8calibration); empty: calibrateInt8() on the paths given.
    QString int8Calibration;
    // false: only fill the caches (retrain-cli extract). The result's features and signatures
    // are then empty, sourceIndex and contentHashes as usual, so any number of images fits.
    bool keepRows = true;
    const CancelFlag *cancel = nullptr;
    std::function<void(const ExtractionProgress &)> progress;
};

struct ExtractionResult
{
    FeatureMatrix features;        // one row per image that could be read
    std::vector<int> sourceIndex;  // row -> index into the paths given, ascending
    std::vector<QByteArray> contentHashes; // row -> SHA-256 of the file's bytes; empty without a cache,
                                           // signatures or augmentation, which need it
    FeatureMatrix signatures;      // with options.signatures: row -> that image's imageSignature()
    QStringList errors;            // "<file>: <reason>" for each image that could not be read
    int fromCache = 0;
    int computed = 0;
    int repaired = 0; // damaged cache entries that were computed again
};

// The key of the bottleneck cache that holds features extracted with `options` (their
// precision and, for int8, their calibration).
QString featureKeyFor(const Backbone &backbone, const ExtractionOptions &options);

// Reads, decodes and preprocesses each image and runs the network in batches; with a cache,
// images seen before cost only the file read and its hash. Decoding runs beside the network,
// at most a few batches ahead of it, so memory stays bounded whatever the number of images;
// it starts on one thread and takes another (up to one per core) each time the network
// finds nothing ready. Unreadable images are listed in `errors` and skipped. Throws Cancelled
// when the flag is set (checked between images and between network stages).
ExtractionResult extractFeatures(const Backbone &backbone, const QStringList &paths,
                                 const ExtractionOptions &options = {});

} // namespace rs
