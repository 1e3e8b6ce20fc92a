#pragma once

#include "base/cancellation.h"
#include "model/featurematrix.h"

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <vector>

namespace rs {

struct DuplicateGroup
{
    enum class Kind { Exact, Near };
    Kind kind = Kind::Exact;          // Exact: every row has the same file content
    std::vector<std::int64_t> rows; // ascending
};

// Rows that are the same image: the same content hash (exact), or image signatures
// (imageSignature()) whose correlation, each centred on its own mean, reaches `threshold`
// (near: re-encoded, resized or slightly edited copies), linked transitively into groups. A
// flat signature (a blank) correlates with nothing. The comparison is exhaustive, in tiles of
// matrix products, so it scales as rows² · cols / the machine's FLOPS and needs memory for the
// signatures and one tile only. Groups come ordered by their first row.
//
// Signatures rather than the network's features: with seeded random weights, re-encoded or
// resized copies fell to a feature cosine of 0.89 while distinct photos of one class reached
// 0.997, so no feature threshold separated them; signatures did (docs/data-health.md).
// Throws Cancelled when `cancel` is set; `progress` gets the tiles done and their number.
std::vector<DuplicateGroup> findDuplicates(const std::vector<QByteArray> &contentHashes, const FeatureMatrix &signatures,
                                           double threshold, const std::function<void(int done, int total)> &progress = {},
                                           const CancelFlag *cancel = nullptr);

} // namespace rs
