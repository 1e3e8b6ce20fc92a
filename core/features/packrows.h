#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace rs {

class BottleneckCache;

// Rows of features that stay in bottleneck cache packs on disk and are read when needed: a
// training set too large to hold in memory (a million 2048-wide rows are 8 GB as float32).
// Reading a row costs one positioned read of about 4 KB, served by the page cache when the
// packs fit in it and by the disk otherwise; memory holds 48 bytes per row.
class PackRows
{
public:
    PackRows();
    ~PackRows();
    PackRows(const PackRows &) = delete;
    PackRows &operator=(const PackRows &) = delete;

    // Adds the entry of `contentHash` in `cache` as the next row. Throws std::runtime_error
    // when the cache lacks it or its width differs from the rows before.
    void append(const BottleneckCache &cache, const QByteArray &contentHash);

    std::int64_t rows() const { return std::int64_t(m_rows.size()); }
    std::int64_t cols() const { return m_cols; }

    // Writes rows `indices` to `out`, `count` x cols() floats. Thread-safe. Throws
    // std::runtime_error naming the pack when an entry cannot be read whole and intact.
    void read(const std::int64_t *indices, int count, float *out) const;

    // Identifies the rows (their packs' folders and images, in order), for checkpoints.
    QByteArray fingerprint() const;

private:
    struct Row
    {
        std::uint64_t offset;
        std::uint32_t pack;
    };
    struct Pack;
    std::vector<std::unique_ptr<Pack>> m_packs;
    std::vector<Row> m_rows;
    std::vector<char> m_keys; // 32 bytes per row, its content hash: read() checks the entry is the row's
    std::int64_t m_cols = 0;
    QCryptographicHash m_fingerprint{QCryptographicHash::Sha256};
};

} // namespace rs
