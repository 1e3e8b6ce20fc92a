#include "features/extraction.h"

#include "base/boundedqueue.h"
#include "features/bottleneckcache.h"
#include "features/int8calibration.h"
#include "images/augmentation.h"
#include "images/image.h"
#include "images/preprocess.h"
#include "images/signature.h"
#include "io/sha256.h"

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

// Reads, hashes, looks up and decodes the images in order, handing chunks to the network.
void prepareChunks(const QStringList &paths, const ExtractionOptions &options, int batchSize, BoundedQueue<Chunk> &queue)
{
    Chunk chunk;
    for (int i = 0; i < paths.size(); ++i) {
        throwIfCancelled(options.cancel);
        if (queue.closed())
            return;
        QString error;
        const QByteArray bytes = readImageFile(paths[i], error);
        // The hash keys the cache and seeds an augmented variant's random draws.
        const QByteArray hash = error.isEmpty() && (options.cache || options.signatures || options.augmentation)
                                    ? Sha256::hash(bytes) : QByteArray();
        bool decode = error.isEmpty();
        bool signatureMissing = false;
        if (decode && options.signatures) {
            std::vector<float> signature;
            signatureMissing = options.signatures->load(hash, signature) != BottleneckCache::Lookup::Hit
                               || signature.size() != std::size_t(kSignatureSize);
            if (!signatureMissing)
                chunk.signatures.emplace_back(i, std::move(signature));
        }
        if (decode && options.cache) {
            std::vector<float> row;
            const auto lookup = options.cache->load(hash, row);
            if (lookup == BottleneckCache::Lookup::Hit) {
                chunk.hits.push_back({i, hash, std::move(row)});
                decode = false;
            }
            chunk.repaired += lookup == BottleneckCache::Lookup::Damaged;
        }
        const bool featuresMissing = decode;
        if (decode || signatureMissing) {
            // Distortions crop and enlarge: they get the full image, the plain input may come
            // from a reduced JPEG decode.
            const DecodedImage decoded = decodeImage(bytes, paths[i], options.augmentation ? 0 : Backbone::kInputSize);
            // Bytes whose features are cached were decoded before; should they fail now, the
            // image keeps its features and an all-zero signature, which matches no other.
            if (decoded.ok()) {
                std::vector<float> plain;
                if (signatureMissing || !options.augmentation)
                    plain = networkInput(decoded.image, Backbone::kInputSize);
                if (signatureMissing) {
                    std::vector<float> signature = imageSignature(plain.data(), Backbone::kInputSize);
                    options.signatures->store(hash, signature.data(), int(signature.size()));
                    chunk.signatures.emplace_back(i, std::move(signature));
                }
                if (featuresMissing) {
                    const std::vector<float> input = options.augmentation
                        ? augmentedInput(decoded.image, Backbone::kInputSize, *options.augmentation, hash, options.variant)
                        : std::move(plain);
                    chunk.inputs.insert(chunk.inputs.end(), input.begin(), input.end());
                    chunk.computeIndex.push_back(i);
                    chunk.computeHash.push_back(hash);
                }
            } else if (featuresMissing) {
                error = decoded.error;
            }
        }
        if (!error.isEmpty())
            chunk.errors << error;
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
    std::thread producer([&] {
        try {
            prepareChunks(paths, options, batchSize, queue);
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

    while (std::optional<Chunk> chunk = queue.pop()) {
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
