#include "training/folds.h"

#include <algorithm>

namespace rs {

LabelledFeatures rowsOf(const LabelledFeatures &all, const std::vector<std::int64_t> &rows)
{
    LabelledFeatures out;
    out.features.rows = std::int64_t(rows.size());
    out.features.cols = all.features.cols;
    out.features.values.reserve(rows.size() * std::size_t(all.features.cols));
    for (std::int64_t r : rows) {
        out.features.values.insert(out.features.values.end(), all.features.row(r), all.features.row(r) + all.features.cols);
        out.labels.push_back(all.labels[std::size_t(r)]);
    }
    return out;
}

LabelledFeatures joined(const LabelledFeatures &a, const LabelledFeatures &b)
{
    LabelledFeatures out = a;
    out.features.cols = a.features.rows ? a.features.cols : b.features.cols;
    out.features.values.insert(out.features.values.end(), b.features.values.begin(), b.features.values.end());
    out.labels.insert(out.labels.end(), b.labels.begin(), b.labels.end());
    out.features.rows = std::int64_t(out.labels.size());
    return out;
}

std::vector<std::vector<std::int64_t>> stratifiedFolds(const std::vector<int> &labels, int classCount, int folds)
{
    std::vector<int> dealt(std::size_t(std::max(classCount, 0)), 0);
    std::vector<std::vector<std::int64_t>> out(static_cast<std::size_t>(std::max(folds, 1)));
    for (std::size_t r = 0; r < labels.size(); ++r)
        out[std::size_t(dealt[std::size_t(labels[r])]++ % int(out.size()))].push_back(std::int64_t(r));
    return out;
}

std::vector<std::int64_t> rowsOutside(const std::vector<std::vector<std::int64_t>> &folds, int k)
{
    std::vector<std::int64_t> rest;
    for (std::size_t j = 0; j < folds.size(); ++j)
        if (int(j) != k)
            rest.insert(rest.end(), folds[j].begin(), folds[j].end());
    std::sort(rest.begin(), rest.end());
    return rest;
}

} // namespace rs
