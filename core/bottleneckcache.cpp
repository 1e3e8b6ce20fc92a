#include "bottleneckcache.h"

#include "atomicfile.h"

#include <zlib.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cstring>
#include <stdexcept>

namespace rs {
namespace {

// Entry layout: magic, element count, CRC-32 of the data, then little-endian float32 data.
constexpr char kMagic[4] = {'R', 'S', 'B', '1'};
constexpr int kHeaderSize = 12;

std::uint32_t checksum(const float *data, int count)
{
    return std::uint32_t(crc32(0L, reinterpret_cast<const Bytef *>(data), uInt(count) * sizeof(float)));
}

} // namespace

BottleneckCache::BottleneckCache(const QString &root, const QString &weightsFingerprint, const QString &layer,
                                 const QString &variant)
{
    const QString preprocessing = variant.isEmpty() ? QString::fromLatin1(kPreprocessing)
                                                    : QString(QLatin1String(kPreprocessing) + QLatin1Char('|') + variant);
    const QString key = weightsFingerprint + QLatin1Char('|') + layer + QLatin1Char('|') + preprocessing;
    const QString id = QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
    m_folder = QDir(root).filePath(id);
    if (!QDir().mkpath(m_folder))
        throw std::runtime_error(m_folder.toStdString() + ": cannot create the bottleneck cache folder");
    // A note for people looking into the cache folder; nothing reads it back.
    const QString about = QDir(m_folder).filePath(QStringLiteral("about.json"));
    if (!QFile::exists(about)) {
        writeFileAtomically(about, QJsonDocument(QJsonObject{{QStringLiteral("weights_fingerprint"), weightsFingerprint},
                                                             {QStringLiteral("layer"), layer},
                                                             {QStringLiteral("preprocessing"), preprocessing}})
                                       .toJson());
    }
}

QString BottleneckCache::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/retrain-studio/bottlenecks");
}

QString BottleneckCache::entryPath(const QByteArray &contentHash) const
{
    const QString hex = QString::fromLatin1(contentHash.toHex());
    return m_folder + QLatin1Char('/') + hex.left(2) + QLatin1Char('/') + hex + QStringLiteral(".f32");
}

BottleneckCache::Lookup BottleneckCache::load(const QByteArray &contentHash, std::vector<float> &features) const
{
    QFile file(entryPath(contentHash));
    if (!file.open(QIODevice::ReadOnly))
        return Lookup::Miss;
    const QByteArray bytes = file.readAll();
    if (bytes.size() < kHeaderSize || std::memcmp(bytes.constData(), kMagic, 4) != 0)
        return Lookup::Damaged;
    std::uint32_t count = 0, crc = 0;
    std::memcpy(&count, bytes.constData() + 4, 4);
    std::memcpy(&crc, bytes.constData() + 8, 4);
    if (qsizetype(count) * qsizetype(sizeof(float)) != bytes.size() - kHeaderSize)
        return Lookup::Damaged;
    features.resize(count);
    std::memcpy(features.data(), bytes.constData() + kHeaderSize, count * sizeof(float));
    return checksum(features.data(), int(count)) == crc ? Lookup::Hit : Lookup::Damaged;
}

void BottleneckCache::store(const QByteArray &contentHash, const float *features, int count) const
{
    const QString path = entryPath(contentHash);
    QDir().mkpath(QFileInfo(path).path());
    const std::uint32_t n = std::uint32_t(count), crc = checksum(features, count);
    QByteArray bytes(kMagic, 4);
    bytes.append(reinterpret_cast<const char *>(&n), 4);
    bytes.append(reinterpret_cast<const char *>(&crc), 4);
    bytes.append(reinterpret_cast<const char *>(features), qsizetype(count) * qsizetype(sizeof(float)));
    writeFileAtomically(path, bytes);
}

} // namespace rs
