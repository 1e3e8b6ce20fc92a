#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <vector>

namespace rs {

// A bottleneck cache folder (BottleneckCache::defaultRoot(), --bottleneck_dir) holds one pack
// per combination of weights, precision, layer and preprocessing, and the image signatures'
// packs under signatures/. These functions look at and combine whole cache folders, such as
// those that the shards of a cluster run wrote one each.
struct CachePack
{
    QString folder;   // absolute
    QString relative; // to the cache folder: where the same pack lives in any other
    QString weights;  // the weights' fingerprint ("image-signature" for signatures)
    QString precision;
    QString layer;
    QString preprocessing;
    std::size_t entries = 0;
    std::int64_t bytes = 0; // of entries.bin and index.bin
};

// The packs in cache folder `root`, sorted by relative path. Throws std::runtime_error naming
// the folder when it does not exist.
std::vector<CachePack> findCachePacks(const QString &root);

struct CacheMerge
{
    int packs = 0;            // in the inputs
    std::size_t checked = 0;  // entries read and verified
    std::size_t copied = 0;   // added to the output
    std::size_t present = 0;  // already there: from the output itself or an earlier input
};

// Adds every entry of the cache folders `inputs` to cache folder `output` (created if need be),
// one copy per image and pack. Every entry of every input is read and its checksum verified
// first: a damaged pack is refused, naming its folder, before the output changes. Entries
// already in the output are kept, so merging again after a shard's rerun only adds. Throws
// std::runtime_error. `progress` gets (entries done, entries in all) in both passes.
CacheMerge mergeCaches(const QString &output, const QStringList &inputs,
                       const std::function<void(std::size_t done, std::size_t total)> &progress = {});

} // namespace rs
