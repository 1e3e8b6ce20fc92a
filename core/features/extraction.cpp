#include "features/extraction.h"

#include "base/boundedqueue.h"
#include "base/orderedpool.h"
#include "features/bottleneckcache.h"
#include "features/int8calibration.h"
#include "images/augmentation.h"
#include "images/image.h"
#include "images/preprocess.h"
#include "images/signature.h"
#include "io/sha256.h"

#include <atomic>
#include <optional>
#include <thread>

namespace rs {
namespace {

// One batch's worth of work prepared beside the network: the inputs of the images to compute,
// and the cache hits and unreadable files met while gathering them.
struct Chunk
{
    std::vector<int> computeIndex;
    std::vector<QByteArray> computeHash;
    std::vector<float> inputs;
    struct Hit
    {
        int index;
        QByteArray hash;
        std::vector<float> row;
    };
    std::vector<Hit> hits;
    std::vector<std::pair<int, std::vector<float>>> signatures; // (index, signature)
    QStringList errors;
    int repaired = 0;

    int events() const { return int(computeIndex.size() + hits.size()) + int(errors.size()); }
};

// Chunks waiting for the network: the next one is decoded while the current one computes;
// more would only hold memory (a 16-image chunk of inputs is 17 MB).
constexpr std::size_t kChunksAhead = 2;
// A chunk of cache hits alone is handed over at this size, so progress keeps moving.
constexpr int kEventsPerChunk = 64;

// One image's share of a chunk, prepared on a decoding thread.
struct PreparedImage
{
    QByteArray hash;
    std::vector<float> input; // to compute; empty otherwise
    std::optional<std::vector<float>> cachedRow;
    std::optional<std::vector<float>> signature;
    QString error;
    bool repaired = false;
};

// Reads, hashes, looks up and decodes the image at `path` (thread-safe: the caches lock themselves).
PreparedImage prepareImage(const QString &path, const ExtractionOptions &options)
{
    throwIfCancelled(options.cancel);
    PreparedImage out;
    const QByteArray bytes = readImageFile(path, out.error);
    // The hash keys the cache and seeds an augmented variant's random draws.
    if (out.error.isEmpty() && (options.cache || options.signatures || options.augmentation))
        out.hash = Sha256::hash(bytes);
    bool decode = out.error.isEmpty();
    bool signatureMissing = false;
    if (decode && options.signatures) {
        std::vector<float> signature;
        signatureMissing = options.signatures->load(out.hash, signature) != BottleneckCache::Lookup::Hit
                           || signature.size() != std::size_t(kSignatureSize);
        if (!signatureMissing)
            out.signature = std::move(signature);
    }
    if (decode && options.cache) {
        std::vector<float> row;
        const auto lookup = options.cache->load(out.hash, row);
        if (lookup == BottleneckCache::Lookup::Hit) {
            out.cachedRow = std::move(row);
            decode = false;
        }
        out.repaired = lookup == BottleneckCache::Lookup::Damaged;
    }
    const bool featuresMissing = decode;
    if (!decode && !signatureMissing)
        return out;
    // Distortions crop and enlarge: they get the full image, the plain input may come from a
    // reduced JPEG decode.
    const DecodedImage decoded = decodeImage(bytes, path, options.augmentation ? 0 : Backbone::kInputSize);
    // Bytes whose features are cached were decoded before; should they fail now, the image
    // keeps its features and an all-zero signature, which matches no other.
    if (!decoded.ok()) {
        if (featuresMissing)
            out.error = decoded.error;
        return out;
    }
    std::vector<float> plain;
    if (signatureMissing || !options.augmentation)
        plain = networkInput(decoded.image, Backbone::kInputSize);
    if (signatureMissing) {
        std::vector<float> signature = imageSignature(plain.data(), Backbone::kInputSize);
        options.signatures->store(out.hash, signature.data(), int(signature.size()));
        out.signature = std::move(signature);
    }
    if (featuresMissing)
        out.input = options.augmentation
                        ? augmentedInput(decoded.image, Backbone::kInputSize, *options.augmentation, out.hash, options.variant)
                        : std::move(plain);
    return out;
}

// Gathers the prepared images in order into chunks for the network. Decoding starts on one
// thread; each time the network finds no chunk waiting, `wantedWorkers` asks for one more.
void prepareChunks(const QStringList &paths, const ExtractionOptions &options, int batchSize, BoundedQueue<Chunk> &queue,
                   const std::atomic<int> &wantedWorkers)
{
    OrderedPool<PreparedImage> pool(int(paths.size()), int(kChunksAhead) * batchSize,
                                    [&](int i) { return prepareImage(paths[i], options); });
    Chunk chunk;
    for (int i = 0; i < paths.size(); ++i) {
        while (pool.workers() < wantedWorkers.load())
            pool.addWorker();
        PreparedImage image = pool.take();
        if (queue.closed())
            return;
        if (image.signature)
            chunk.signatures.emplace_back(i, std::move(*image.signature));
        chunk.repaired += image.repaired;
        if (image.cachedRow)
            chunk.hits.push_back({i, image.hash, std::move(*image.cachedRow)});
        if (!image.input.empty()) {
            chunk.inputs.insert(chunk.inputs.end(), image.input.begin(), image.input.end());
            chunk.computeIndex.push_back(i);
            chunk.computeHash.push_back(image.hash);
        }
        if (!image.error.isEmpty())
            chunk.errors << image.error;
        if (int(chunk.computeIndex.size()) == batchSize || chunk.events() >= kEventsPerChunk) {
            if (!queue.push(std::exchange(chunk, Chunk{})))
                return;
        }
    }
    if (chunk.events() > 0)
        queue.push(std::move(chunk));
}

// Rows land in place as they come, in a matrix sized for every image; the images that could
// not be read are squeezed out at the end, so the features are never held twice.
class RowCollector
{
public:
    RowCollector(int images, bool keepRows)
        : m_keepRows(keepRows), m_present(std::size_t(images), false), m_hashes(std::size_t(images))
    {
    }

    void put(int index, const float *row, std::int64_t cols, const QString &path, const QByteArray &hash)
    {
        m_present[std::size_t(index)] = true;
        m_hashes[std::size_t(index)] = hash;
        if (!m_keepRows)
            return;
        if (m_matrix.cols == 0) {
            m_matrix.cols = cols;
            m_matrix.values.resize(m_present.size() * std::size_t(cols));
        }
        if (cols != m_matrix.cols)
            throw std::runtime_error("cache entry for " + path.toStdString() + " has the wrong size");
        std::copy(row, row + cols, m_matrix.values.begin() + std::ptrdiff_t(index) * cols);
    }

    void putSignature(int index, const std::vector<float> &signature)
    {
        if (!m_keepRows)
            return;
        if (m_signatures.cols == 0) {
            m_signatures.cols = kSignatureSize;
            m_signatures.values.resize(m_present.size() * std::size_t(kSignatureSize));
        }
        std::copy_n(signature.begin(), kSignatureSize, m_signatures.values.begin() + std::ptrdiff_t(index) * kSignatureSize);
    }

    void finish(ExtractionResult &result)
    {
        std::int64_t rows = 0;
        for (std::size_t i = 0; i < m_present.size(); ++i) {
            if (!m_present[i])
                continue;
            if (std::int64_t(i) != rows && m_keepRows) {
                std::copy_n(m_matrix.row(std::int64_t(i)), m_matrix.cols, m_matrix.values.begin() + rows * m_matrix.cols);
                if (m_signatures.cols > 0)
                    std::copy_n(m_signatures.row(std::int64_t(i)), kSignatureSize,
                                m_signatures.values.begin() + rows * kSignatureSize);
            }
            result.sourceIndex.push_back(int(i));
            result.contentHashes.push_back(m_hashes[i]);
            ++rows;
        }
        m_matrix.rows = m_keepRows ? rows : 0;
        m_matrix.values.resize(std::size_t(rows * m_matrix.cols));
        m_matrix.values.shrink_to_fit();
        result.features = std::move(m_matrix);
        if (m_signatures.cols > 0) {
            m_signatures.rows = rows;
            m_signatures.values.resize(std::size_t(rows * kSignatureSize));
            result.signatures = std::move(m_signatures);
        }
    }

private:
    bool m_keepRows;
    FeatureMatrix m_matrix;
    FeatureMatrix m_signatures;
    std::vector<bool> m_present;
    std::vector<QByteArray> m_hashes;
};

} // namespace

QString featureKeyFor(const Backbone &backbone, const ExtractionOptions &options)
{
    return backbone.featureKey(options.precision, options.int8Calibration);
}

ExtractionResult extractFeatures(const Backbone &backbone, const QStringList &paths, const ExtractionOptions &given)
{
    Backbone::checkLayer(given.layer);
    ExtractionOptions options = given;
    if (resolvePrecision(options.precision) == Precision::Int8 && options.int8Calibration.isEmpty() && !paths.isEmpty())
        options.int8Calibration = calibrateInt8(backbone, paths, {}, options.cancel);
    const int batchSize = std::max(1, options.batchSize);
    ExtractionResult result;
    ExtractionProgress progress{0, int(paths.size()), 0};
    RowCollector rows(int(paths.size()), options.keepRows);

    BoundedQueue<Chunk> queue(kChunksAhead);
    // Up to one decoding thread per core: on 2 cores one keeps up with the network in every
    // precision on small images (docs/performance.md); large photos may take more.
    const int maxWorkers = std::max(1, int(std::thread::hardware_concurrency()));
    std::atomic<int> wantedWorkers{1};
    std::thread producer([&] {
        try {
            prepareChunks(paths, options, batchSize, queue, wantedWorkers);
            queue.finish();
        } catch (...) {
            queue.finish(std::current_exception());
        }
    });
    // However this function leaves, the producer is told to stop and joined first.
    struct Joiner
    {
        BoundedQueue<Chunk> &queue;
        std::thread &thread;
        ~Joiner()
        {
            queue.close();
            thread.join();
        }
    } joiner{queue, producer};

    bool first = true;
    for (;;) {
        bool waited = false;
        std::optional<Chunk> chunk = queue.pop(&waited);
        if (!chunk)
            break;
        // The first chunk is always awaited; later, waiting means decoding falls behind.
        if (waited && !first && wantedWorkers.load() < maxWorkers)
            ++wantedWorkers;
        first = false;
        throwIfCancelled(options.cancel);
        for (const auto &[index, signature] : chunk->signatures)
            rows.putSignature(index, signature);
        for (const Chunk::Hit &hit : chunk->hits)
            rows.put(hit.index, hit.row.data(), std::int64_t(hit.row.size()), paths[hit.index], hit.hash);
        const int computing = int(chunk->computeIndex.size());
        result.fromCache += int(chunk->hits.size());
        result.repaired += chunk->repaired;
        result.errors << chunk->errors;
        if (computing > 0) {
            FeatureMatrix out = backbone.extract(chunk->inputs.data(), computing, options.layer, options.precision, options.pooled,
                                             options.cancel, options.int8Calibration);
            for (int i = 0; i < computing; ++i) {
                float *row = out.values.data() + std::int64_t(i) * out.cols;
                if (options.cache)
                    options.cache->store(chunk->computeHash[std::size_t(i)], row, int(out.cols));
                const int index = chunk->computeIndex[std::size_t(i)];
                rows.put(index, row, out.cols, paths[index], chunk->computeHash[std::size_t(i)]);
            }
            result.computed += computing;
        }
        progress.done += chunk->events();
        progress.fromCache += int(chunk->hits.size());
        if (options.progress)
            options.progress(progress);
    }
    throwIfCancelled(options.cancel);
    rows.finish(result);
    return result;
}

} // namespace rs
