#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace rs {

// Features computed once per image and kept on disk. An entry is found by the SHA-256 of the
// image file's bytes inside a folder named by everything else the features depend on: the
// weights (and precision) key, the layer and the preprocessing. Renaming or moving an image
// keeps its entry; editing it, or changing weights or layer, does not.
//
// Built for 100 000+ images: a folder holds two append-only files, the entries and an index
// of (hash, offset) records that is read once when the cache is opened, so finding an entry
// costs a hash-table lookup and reading it one positioned read, never a file per image.
// Values are stored as float16 (half the space of float32; a relative rounding of at most
// 2^-11), or as float32 for an entry with a value beyond float16's range. Writers in several
// processes take turns through an advisory lock; a crash leaves at worst an entry the next
// run finds damaged and computes again.
class BottleneckCache
{
public:
    // Identifies the preprocessing; bump it whenever networkInput() changes its output.
    static constexpr const char *kPreprocessing = "jpegdraft299-resize299-pil-bilinear-pm1-v2";

    // `variant` names anything else that shapes the input, such as an augmented copy's settings.
    // Throws std::runtime_error naming the folder when it cannot be created or opened.
    BottleneckCache(const QString &root, const QString &featureKey, const QString &layer, const QString &variant = {});

    // The pack already in `folder`, as another run or node wrote it (features/cachepacks.h
    // finds them). Read-only, it never writes, so that packs on read-only storage can be merged,
    // and throws std::runtime_error naming the folder when it holds no pack; otherwise an empty
    // pack is started there.
    static std::unique_ptr<BottleneckCache> openFolder(const QString &folder, bool readOnly);

    // $XDG_CACHE_HOME/retrain-studio/bottlenecks, shared by the GUI and the CLI.
    static QString defaultRoot();

    QString folder() const { return m_folder; }
    QString entriesFile() const;
    QString indexFile() const;
    // Entries the index knows (each image once, whatever times it was stored).
    std::size_t size() const;
    // The SHA-256 of every image the index knows, in no particular order.
    std::vector<QByteArray> keys() const;
    // Where the entry of `contentHash` starts in entriesFile(), or -1 when the index lacks it:
    // for readers that fetch many entries themselves (PackRows).
    qint64 offsetOf(const QByteArray &contentHash) const;

    enum class Lookup { Hit, Miss, Damaged };
    // A damaged entry (cut short by a crash, or altered) reads as Damaged and is replaced by
    // the next store(). Thread-safe.
    Lookup load(const QByteArray &contentHash, std::vector<float> &features) const;

    // For readers that fetch entries themselves at offsetOf(): an entry of `count` values takes
    // at most entrySizeAtMost(count) bytes. decodeEntry() writes the values of the entry of
    // `contentHash` (32 bytes) whose stored bytes start at `bytes` to `out`, which has room for
    // `room`, and returns how many; -1 when the bytes are not that whole, intact entry.
    static qint64 entrySizeAtMost(int count);
    static int decodeEntry(const char *bytes, qint64 size, const char *contentHash, float *out, int room);

    // Appends an entry and rounds `features` in place to the stored values, so the caller
    // holds exactly what a later load() returns. Thread-safe. Throws std::runtime_error
    // naming the file when the disk refuses.
    void store(const QByteArray &contentHash, float *features, int count) const;

private:
    using Key = std::array<std::uint8_t, 32>;
    struct KeyHash
    {
        std::size_t operator()(const Key &key) const;
    };

    BottleneckCache() = default;
    void open(QIODevice::OpenMode mode);
    void readIndexTail() const;

    QString m_folder;
    bool m_readOnly = false;
    mutable std::mutex m_mutex;
    mutable QFile m_entries;
    mutable QFile m_index;
    mutable qint64 m_indexRead = 0; // bytes of the index file already in m_offsets
    mutable std::unordered_map<Key, quint64, KeyHash> m_offsets;
};

} // namespace rs
