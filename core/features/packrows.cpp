#include "features/packrows.h"

#include "features/bottleneckcache.h"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>

namespace rs {

struct PackRows::Pack
{
    QString file;
    int fd = -1;
    ~Pack()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

PackRows::PackRows() = default;
PackRows::~PackRows() = default;

void PackRows::append(const BottleneckCache &cache, const QByteArray &contentHash)
{
    const qint64 offset = cache.offsetOf(contentHash); // checks the hash's size too
    if (offset < 0)
        throw std::runtime_error(cache.folder().toStdString() + ": an image's features are missing from the cache");
    const QString file = cache.entriesFile();
    std::uint32_t pack = 0;
    while (pack < m_packs.size() && m_packs[pack]->file != file)
        ++pack;
    if (pack == m_packs.size()) {
        auto opened = std::make_unique<Pack>();
        opened->file = file;
        opened->fd = ::open(file.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
        if (opened->fd < 0)
            throw std::runtime_error(file.toStdString() + ": cannot open the bottleneck cache for reading");
        m_packs.push_back(std::move(opened));
        m_fingerprint.addData(file.toUtf8());
    }
    if (m_cols == 0) { // the width comes from the first entry
        std::vector<float> values;
        if (cache.load(contentHash, values) != BottleneckCache::Lookup::Hit || values.empty())
            throw std::runtime_error(cache.folder().toStdString() + ": a damaged or empty cache entry");
        m_cols = std::int64_t(values.size());
    }
    m_rows.push_back({std::uint64_t(offset), pack});
    m_keys.insert(m_keys.end(), contentHash.begin(), contentHash.end());
    m_fingerprint.addData(QByteArray(QByteArray::number(pack) + contentHash));
}

void PackRows::read(const std::int64_t *indices, int count, float *out) const
{
    QByteArray buffer(BottleneckCache::entrySizeAtMost(int(m_cols)), Qt::Uninitialized);
    for (int i = 0; i < count; ++i) {
        const Row &row = m_rows.at(std::size_t(indices[i]));
        const Pack &pack = *m_packs[row.pack];
        const ssize_t got = ::pread(pack.fd, buffer.data(), std::size_t(buffer.size()), off_t(row.offset));
        if (got < 0 || BottleneckCache::decodeEntry(buffer.constData(), got, m_keys.data() + 32 * indices[i], out + i * m_cols,
                                                               int(m_cols))
                           != int(m_cols))
            throw std::runtime_error(pack.file.toStdString() + ": a cache entry cannot be read back whole (the disk "
                                     "failed, or the pack changed during training)");
    }
}

QByteArray PackRows::fingerprint() const
{
    return m_fingerprint.result();
}

} // namespace rs
