#include "features/cachepacks.h"

#include "features/bottleneckcache.h"
#include "io/atomicfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace rs {
namespace {

const QString kAbout = QStringLiteral("about.json");

CachePack describe(const QString &root, const QString &folder)
{
    CachePack pack;
    pack.folder = QDir(folder).absolutePath();
    pack.relative = QDir(QDir(root).absolutePath()).relativeFilePath(pack.folder);
    QFile about(QDir(folder).filePath(kAbout));
    const QJsonObject json = about.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(about.readAll()).object() : QJsonObject();
    const QString key = json.value(QStringLiteral("feature_key")).toString();
    // Backbone::featureKey: the fingerprint, then the precision unless it is float32.
    pack.weights = key.section(QLatin1Char('|'), 0, 0);
    pack.precision = key.contains(QLatin1Char('|')) ? key.section(QLatin1Char('|'), 1) : QStringLiteral("float32");
    pack.layer = json.value(QStringLiteral("layer")).toString();
    pack.preprocessing = json.value(QStringLiteral("preprocessing")).toString();
    const auto cache = BottleneckCache::openFolder(folder, true);
    pack.entries = cache->size();
    pack.bytes = QFileInfo(cache->entriesFile()).size() + QFileInfo(cache->indexFile()).size();
    return pack;
}

QByteArray readAbout(const QString &folder)
{
    QFile file(QDir(folder).filePath(kAbout));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(file.fileName().toStdString() + ": cannot read: " + file.errorString().toStdString());
    return file.readAll();
}

} // namespace

std::vector<CachePack> findCachePacks(const QString &root)
{
    if (!QFileInfo(root).isDir())
        throw std::runtime_error(root.toStdString() + ": no such cache folder");
    std::vector<CachePack> packs;
    QDirIterator it(root, {kAbout}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString folder = QFileInfo(it.next()).path();
        if (QFile::exists(folder + QStringLiteral("/index.bin")))
            packs.push_back(describe(root, folder));
    }
    std::sort(packs.begin(), packs.end(), [](const CachePack &a, const CachePack &b) { return a.relative < b.relative; });
    return packs;
}

CacheMerge mergeCaches(const QString &output, const QStringList &inputs,
                       const std::function<void(std::size_t, std::size_t)> &progress)
{
    struct Input
    {
        CachePack pack;
        std::unique_ptr<BottleneckCache> cache;
    };
    std::vector<Input> opened;
    std::size_t total = 0;
    for (const QString &input : inputs)
        for (CachePack &pack : findCachePacks(input)) {
            total += pack.entries;
            auto cache = BottleneckCache::openFolder(pack.folder, true);
            opened.push_back({std::move(pack), std::move(cache)});
        }
    CacheMerge merge;
    merge.packs = int(opened.size());
    if (progress)
        progress(0, 2 * total);

    std::vector<float> values;
    for (const Input &input : opened) {
        std::size_t damaged = 0;
        for (const QByteArray &key : input.cache->keys()) {
            damaged += input.cache->load(key, values) != BottleneckCache::Lookup::Hit;
            ++merge.checked;
            if (progress && merge.checked % 4096 == 0)
                progress(merge.checked, 2 * total);
        }
        if (damaged > 0)
            throw std::runtime_error(input.pack.folder.toStdString() + ": damaged pack: " + std::to_string(damaged)
                                     + " of " + std::to_string(input.pack.entries)
                                     + " entries fail their checks; nothing was merged (run the shard that wrote it again)");
    }

    std::size_t done = 0;
    for (const Input &input : opened) {
        const QString folder = QDir(output).filePath(input.pack.relative);
        createFolder(folder, "merged cache folder");
        const QString about = QDir(folder).filePath(kAbout);
        if (!QFile::exists(about))
            writeFileAtomically(about, readAbout(input.pack.folder));
        const auto target = BottleneckCache::openFolder(folder, false);
        std::vector<float> present;
        for (const QByteArray &key : input.cache->keys()) {
            if (target->load(key, present) == BottleneckCache::Lookup::Hit) {
                ++merge.present;
            } else {
                input.cache->load(key, values);
                target->store(key, values.data(), int(values.size()));
                ++merge.copied;
            }
            ++done;
            if (progress && done % 4096 == 0)
                progress(total + done, 2 * total);
        }
    }
    if (progress)
        progress(2 * total, 2 * total);
    return merge;
}

} // namespace rs
