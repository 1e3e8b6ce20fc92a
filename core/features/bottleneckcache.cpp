#include "features/bottleneckcache.h"

#include "io/atomicfile.h"

#include <c10/util/Half.h>
#include <zlib.h>

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <sys/file.h>

#include <cmath>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace rs {
namespace {

// Part of the folder's name: a new layout gets new folders instead of misreading old ones.
constexpr const char *kStorageFormat = "pack-v2";

// An entry: magic, value type, 3 bytes of padding, count, CRC-32 of the values' bytes, the
// image's SHA-256, then the values, little-endian.
constexpr char kMagic[4] = {'R', 'S', 'F', '2'};
constexpr int kHeaderSize = 48;
enum ValueType : std::uint8_t { Float16 = 1, Float32 = 2 };
// An index record: the image's SHA-256, then the entry's offset in the entries file.
constexpr int kIndexRecordSize = 40;
// A sanity bound on a count read from disk: Mixed_5b's whole activation is 256 x 35 x 35.
constexpr std::uint32_t kMaxCount = 1u << 24;
constexpr float kFloat16Max = 65504.0f;

// Holds an advisory lock on a file for one scope. The kernel releases it if the process dies,
// so no stale lock can outlive a crash.
class FileLock
{
public:
    explicit FileLock(QFile &file) : m_fd(file.handle())
    {
        if (::flock(m_fd, LOCK_EX) != 0)
            throw std::runtime_error(file.fileName().toStdString() + ": cannot lock the bottleneck cache");
    }
    ~FileLock() { ::flock(m_fd, LOCK_UN); }
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

private:
    int m_fd;
};

void openOrThrow(QFile &file, QIODevice::OpenMode mode)
{
    if (!file.open(mode | QIODevice::Unbuffered))
        throw std::runtime_error(file.fileName().toStdString() + ": cannot open the bottleneck cache: "
                                 + file.errorString().toStdString());
}

// Appends at `offset`; a write cut short (a full disk) is cut off again, so that the space is
// free for the next attempt and the file ends where its last whole record does.
void writeOrThrow(QFile &file, const QByteArray &bytes, qint64 offset)
{
    if (const int error = writeFully(file.handle(), bytes.constData(), bytes.size(), offset)) {
        file.resize(offset);
        throw std::runtime_error(file.fileName().toStdString() + ": cannot write to the bottleneck cache: "
                                 + std::generic_category().message(error));
    }
}

} // namespace

std::size_t BottleneckCache::KeyHash::operator()(const Key &key) const
{
    std::size_t h; // SHA-256 bytes are uniform already
    std::memcpy(&h, key.data(), sizeof h);
    return h;
}

BottleneckCache::BottleneckCache(const QString &root, const QString &featureKey, const QString &layer, const QString &variant)
{
    const QString preprocessing = variant.isEmpty() ? QString::fromLatin1(kPreprocessing)
                                                    : QString(QLatin1String(kPreprocessing) + QLatin1Char('|') + variant);
    const QString key = featureKey + QLatin1Char('|') + layer + QLatin1Char('|') + preprocessing + QLatin1Char('|')
        + QLatin1String(kStorageFormat);
    const QString id = QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
    m_folder = QDir(root).filePath(id);
    createFolder(m_folder, "bottleneck cache folder");
    // A note for people looking into the cache folder; nothing reads it back.
    const QString about = QDir(m_folder).filePath(QStringLiteral("about.json"));
    if (!QFile::exists(about)) {
        writeFileAtomically(about, QJsonDocument(QJsonObject{{QStringLiteral("feature_key"), featureKey},
                                                             {QStringLiteral("layer"), layer},
                                                             {QStringLiteral("preprocessing"), preprocessing},
                                                             {QStringLiteral("storage"), QLatin1String(kStorageFormat)}})
                                       .toJson());
    }
    open(QIODevice::ReadWrite);
}

std::unique_ptr<BottleneckCache> BottleneckCache::openFolder(const QString &folder, bool readOnly)
{
    std::unique_ptr<BottleneckCache> cache(new BottleneckCache);
    cache->m_folder = folder;
    cache->m_readOnly = readOnly;
    if (readOnly && (!QFile::exists(cache->entriesFile()) || !QFile::exists(cache->indexFile())))
        throw std::runtime_error(folder.toStdString() + ": not a bottleneck cache pack (no entries.bin and index.bin)");
    cache->open(readOnly ? QIODevice::ReadOnly : QIODevice::ReadWrite);
    return cache;
}

void BottleneckCache::open(QIODevice::OpenMode mode)
{
    m_entries.setFileName(entriesFile());
    m_index.setFileName(indexFile());
    openOrThrow(m_entries, mode);
    openOrThrow(m_index, mode);
    readIndexTail();
}

QString BottleneckCache::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/retrain-studio/bottlenecks");
}

QString BottleneckCache::entriesFile() const
{
    return m_folder + QStringLiteral("/entries.bin");
}

QString BottleneckCache::indexFile() const
{
    return m_folder + QStringLiteral("/index.bin");
}

std::size_t BottleneckCache::size() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_offsets.size();
}

std::vector<QByteArray> BottleneckCache::keys() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    readIndexTail();
    std::vector<QByteArray> keys;
    keys.reserve(m_offsets.size());
    for (const auto &entry : m_offsets)
        keys.emplace_back(reinterpret_cast<const char *>(entry.first.data()), qsizetype(entry.first.size()));
    return keys;
}

qint64 BottleneckCache::offsetOf(const QByteArray &contentHash) const
{
    Key key;
    if (contentHash.size() != qsizetype(key.size()))
        throw std::invalid_argument("bottleneck cache keys are SHA-256 hashes");
    std::memcpy(key.data(), contentHash.constData(), key.size());
    const std::lock_guard<std::mutex> lock(m_mutex);
    readIndexTail();
    const auto it = m_offsets.find(key);
    return it == m_offsets.end() ? -1 : qint64(it->second);
}

// Reads the index records added since the last read (by this object or another process). A
// record cut short by a crash is left for the next writer to cut off.
void BottleneckCache::readIndexTail() const
{
    const qint64 complete = m_index.size() / kIndexRecordSize * kIndexRecordSize;
    if (complete <= m_indexRead)
        return;
    m_index.seek(m_indexRead);
    const QByteArray records = m_index.read(complete - m_indexRead);
    for (qsizetype at = 0; at + kIndexRecordSize <= records.size(); at += kIndexRecordSize) {
        Key key;
        quint64 offset = 0;
        std::memcpy(key.data(), records.constData() + at, key.size());
        std::memcpy(&offset, records.constData() + at + key.size(), sizeof offset);
        m_offsets[key] = offset; // a later record replaces a damaged entry
    }
    m_indexRead += records.size();
}

BottleneckCache::Lookup BottleneckCache::load(const QByteArray &contentHash, std::vector<float> &features) const
{
    Key key;
    if (contentHash.size() != qsizetype(key.size()))
        throw std::invalid_argument("bottleneck cache keys are SHA-256 hashes");
    std::memcpy(key.data(), contentHash.constData(), key.size());
    const std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_offsets.find(key);
    if (it == m_offsets.end()) {
        readIndexTail(); // another process may have computed it meanwhile
        it = m_offsets.find(key);
        if (it == m_offsets.end())
            return Lookup::Miss;
    }
    if (!m_entries.seek(qint64(it->second)))
        return Lookup::Damaged;
    QByteArray entry = m_entries.read(kHeaderSize);
    std::uint32_t count = 0;
    if (entry.size() == kHeaderSize)
        std::memcpy(&count, entry.constData() + 8, 4);
    if (entry.size() != kHeaderSize || count > kMaxCount)
        return Lookup::Damaged;
    entry += m_entries.read(qint64(count) * (std::uint8_t(entry[4]) == Float16 ? 2 : 4));
    features.resize(count);
    return decodeEntry(entry.constData(), entry.size(), contentHash.constData(), features.data(), int(count)) == int(count)
        ? Lookup::Hit : Lookup::Damaged;
}

qint64 BottleneckCache::entrySizeAtMost(int count)
{
    return kHeaderSize + 4 * qint64(count);
}

int BottleneckCache::decodeEntry(const char *bytes, qint64 size, const char *contentHash, float *out, int room)
{
    if (size < kHeaderSize || std::memcmp(bytes, kMagic, 4) != 0 || std::memcmp(bytes + 16, contentHash, 32) != 0)
        return -1;
    std::uint32_t count = 0, crc = 0;
    std::memcpy(&count, bytes + 8, 4);
    std::memcpy(&crc, bytes + 12, 4);
    const std::uint8_t type = std::uint8_t(bytes[4]);
    if ((type != Float16 && type != Float32) || count > std::uint32_t(room))
        return -1;
    const qint64 valueBytes = qint64(count) * (type == Float16 ? 2 : 4);
    const char *values = bytes + kHeaderSize;
    if (size - kHeaderSize < valueBytes || crc32(0L, reinterpret_cast<const Bytef *>(values), uInt(valueBytes)) != crc)
        return -1;
    if (type == Float32) {
        if (valueBytes > 0) // an empty entry's output may have no buffer
            std::memcpy(out, values, std::size_t(valueBytes));
    } else {
        const auto *half = reinterpret_cast<const c10::Half *>(values);
        for (std::uint32_t i = 0; i < count; ++i)
            out[i] = float(half[i]);
    }
    return int(count);
}

void BottleneckCache::store(const QByteArray &contentHash, float *features, int count) const
{
    Key key;
    if (contentHash.size() != qsizetype(key.size()) || count < 0 || std::uint32_t(count) > kMaxCount)
        throw std::invalid_argument("bottleneck cache entries need a SHA-256 key and at most 2^24 values");
    if (m_readOnly)
        throw std::logic_error(m_folder.toStdString() + ": a pack opened read-only was written to");
    std::memcpy(key.data(), contentHash.constData(), key.size());
    bool fitsHalf = true;
    for (int i = 0; i < count && fitsHalf; ++i)
        fitsHalf = std::isfinite(features[i]) && std::abs(features[i]) <= kFloat16Max;
    QByteArray data;
    if (fitsHalf) {
        data.resize(qsizetype(count) * 2);
        auto *half = reinterpret_cast<c10::Half *>(data.data());
        for (int i = 0; i < count; ++i) {
            half[i] = c10::Half(features[i]);
            features[i] = float(half[i]);
        }
    } else {
        data = QByteArray(reinterpret_cast<const char *>(features), qsizetype(count) * 4);
    }
    QByteArray header(kHeaderSize, '\0');
    const std::uint32_t n = std::uint32_t(count);
    const std::uint32_t crc = std::uint32_t(crc32(0L, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
    std::memcpy(header.data(), kMagic, 4);
    header[4] = char(fitsHalf ? Float16 : Float32);
    std::memcpy(header.data() + 8, &n, 4);
    std::memcpy(header.data() + 12, &crc, 4);
    std::memcpy(header.data() + 16, key.data(), key.size());

    const std::lock_guard<std::mutex> lock(m_mutex);
    const FileLock writer(m_index);
    // The entry first, then its index record: a crash in between leaves an unindexed entry,
    // never a record pointing past the data.
    const quint64 offset = quint64(m_entries.size());
    writeOrThrow(m_entries, header + data, qint64(offset));
    // A record cut short by an earlier crash would misalign every record after it.
    const qint64 complete = m_index.size() / kIndexRecordSize * kIndexRecordSize;
    if (complete != m_index.size())
        m_index.resize(complete);
    readIndexTail();
    QByteArray record(reinterpret_cast<const char *>(key.data()), qsizetype(key.size()));
    record.append(reinterpret_cast<const char *>(&offset), sizeof offset);
    writeOrThrow(m_index, record, complete);
    m_indexRead = complete + kIndexRecordSize;
    m_offsets[key] = offset;
}

} // namespace rs
