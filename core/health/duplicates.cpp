#include "health/duplicates.h"

#include <ATen/Functions.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>

namespace rs {
namespace {

// Rows per tile side: a 2 048 x 2 048 float tile is 16 MiB, and the product stays in the BLAS's
// efficient range.
constexpr std::int64_t kTile = 2048;

struct Components
{
    std::vector<std::int64_t> parent;

    explicit Components(std::int64_t n) : parent(std::size_t(n)) { std::iota(parent.begin(), parent.end(), 0); }
    std::int64_t find(std::int64_t x)
    {
        while (parent[std::size_t(x)] != x)
            x = parent[std::size_t(x)] = parent[std::size_t(parent[std::size_t(x)])];
        return x;
    }
    void join(std::int64_t a, std::int64_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::size_t(std::max(a, b))] = std::min(a, b);
    }
};

// Each row centred on its own mean and scaled to unit length, so products are correlations (a
// flat row becomes zero and so matches nothing).
at::Tensor unitRows(const FeatureMatrix &rows)
{
    at::Tensor unit = at::from_blob(const_cast<float *>(rows.values.data()), {rows.rows, rows.cols}).clone();
    unit.sub_(unit.mean(1, /*keepdim=*/true));
    unit.div_(unit.norm(2, 1, /*keepdim=*/true).clamp_min(1e-12));
    return unit;
}

} // namespace

std::vector<DuplicateGroup> findDuplicates(const std::vector<QByteArray> &contentHashes, const FeatureMatrix &signatures,
                                           double threshold, const std::function<void(int, int)> &progress,
                                           const CancelFlag *cancel)
{
    const std::int64_t n = std::int64_t(contentHashes.size());
    Components components(n);
    std::map<QByteArray, std::int64_t> firstWithHash;
    for (std::int64_t r = 0; r < n; ++r)
        if (!contentHashes[std::size_t(r)].isEmpty())
            components.join(firstWithHash.emplace(contentHashes[std::size_t(r)], r).first->second, r);

    if (signatures.rows != 0 && signatures.rows != n)
        throw std::invalid_argument("findDuplicates: " + std::to_string(signatures.rows) + " signatures for "
                                    + std::to_string(n) + " images");
    if (n > 1 && signatures.cols > 0) {
        const at::Tensor unit = unitRows(signatures);
        const std::int64_t tiles = (n + kTile - 1) / kTile;
        const int total = int(tiles * (tiles + 1) / 2);
        int done = 0;
        for (std::int64_t i = 0; i < n; i += kTile)
            for (std::int64_t j = i; j < n; j += kTile) {
                if (cancel && cancel->load())
                    throw Cancelled();
                const at::Tensor a = unit.slice(0, i, std::min(n, i + kTile));
                const at::Tensor b = unit.slice(0, j, std::min(n, j + kTile));
                // nonzero() hands back its [pairs, 2] result column-major (LibTorch 1.13, CPU):
                // read as row-major it pairs each row with the next one.
                const at::Tensor pairs = at::nonzero(at::mm(a, b.t()).ge(threshold)).contiguous();
                const auto *p = pairs.data_ptr<std::int64_t>();
                for (std::int64_t k = 0; k < pairs.size(0); ++k) {
                    const std::int64_t r = i + p[2 * k], c = j + p[2 * k + 1];
                    if (r < c)
                        components.join(r, c);
                }
                if (progress)
                    progress(++done, total);
            }
    }

    std::map<std::int64_t, DuplicateGroup> byRoot;
    for (std::int64_t r = 0; r < n; ++r)
        byRoot[components.find(r)].rows.push_back(r);
    std::vector<DuplicateGroup> groups;
    for (auto &[root, group] : byRoot) {
        if (group.rows.size() < 2)
            continue;
        const QByteArray &hash = contentHashes[std::size_t(group.rows.front())];
        const bool exact = !hash.isEmpty() && std::all_of(group.rows.begin(), group.rows.end(), [&](std::int64_t r) {
            return contentHashes[std::size_t(r)] == hash;
        });
        group.kind = exact ? DuplicateGroup::Kind::Exact : DuplicateGroup::Kind::Near;
        groups.push_back(std::move(group));
    }
    return groups;
}

} // namespace rs
