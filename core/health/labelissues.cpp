#include "health/labelissues.h"

#include "training/classifierhead.h"
#include "training/folds.h"

#include <algorithm>

namespace rs {
namespace {

double labelScore(const float *p, int classCount, int given, LabelScore score)
{
    if (score == LabelScore::SelfConfidence)
        return p[given];
    float other = 0;
    for (int c = 0; c < classCount; ++c)
        if (c != given)
            other = std::max(other, p[c]);
    return (double(p[given]) - other + 1.0) / 2.0;
}

bool moreSuspicious(const LabelIssue &a, const LabelIssue &b)
{
    return a.score != b.score ? a.score < b.score : a.row < b.row;
}

} // namespace

FeatureMatrix outOfSampleProbabilities(const LabelledFeatures &all, int classCount, const TrainingOptions &options,
                                       int folds, const std::function<void(int, int)> &progress, const CancelFlag *cancel)
{
    TrainingOptions o = options;
    o.checkpointFile.clear();
    o.resume = false;
    const std::vector<std::vector<std::int64_t>> foldRows = stratifiedFolds(all.labels, classCount, folds);
    // On a real backbone's features the floor decides much of the ranking (BACKBONE=real
    // bench/audit.sh: precision at N 0.547 with the floor 0.1, 0.627 with the typical one).
    if (o.standardize && o.spreadFloor == 0 && foldRows.size() > 1 && !foldRows.back().empty()) {
        const int last = int(foldRows.size()) - 1;
        o.spreadFloor = ClassifierHead::train(rowsOf(all, rowsOutside(foldRows, last)), rowsOf(all, foldRows.back()),
                                              classCount, o, {}, cancel)
                            .spreadFloor();
    }
    FeatureMatrix out;
    out.rows = all.features.rows;
    out.cols = classCount;
    out.values.assign(std::size_t(out.rows * out.cols), 0.0f);
    for (int k = 0; k < int(foldRows.size()); ++k) {
        const std::vector<std::int64_t> &held = foldRows[std::size_t(k)];
        if (!held.empty()) {
            const ClassifierHead head = ClassifierHead::train(rowsOf(all, rowsOutside(foldRows, k)), {}, classCount, o, {}, cancel);
            const FeatureMatrix p = head.probabilities(rowsOf(all, held).features);
            for (std::size_t i = 0; i < held.size(); ++i)
                std::copy(p.row(std::int64_t(i)), p.row(std::int64_t(i)) + classCount, out.values.begin() + held[i] * classCount);
        }
        if (progress)
            progress(k + 1, int(foldRows.size()));
    }
    return out;
}

LabelAudit findLabelIssues(const FeatureMatrix &probabilities, const std::vector<int> &labels, int classCount,
                           LabelScore score)
{
    const auto classes = std::size_t(classCount);
    std::vector<double> threshold(classes, 0.0);
    std::vector<int> count(classes, 0);
    for (std::size_t r = 0; r < labels.size(); ++r) {
        threshold[std::size_t(labels[r])] += probabilities.row(std::int64_t(r))[labels[r]];
        ++count[std::size_t(labels[r])];
    }
    for (std::size_t c = 0; c < classes; ++c)
        threshold[c] = count[c] ? threshold[c] / count[c] : 1.0;

    LabelAudit audit;
    audit.confidentJoint.assign(classes, std::vector<double>(classes, 0.0));
    for (std::size_t r = 0; r < labels.size(); ++r) {
        const float *p = probabilities.row(std::int64_t(r));
        int looksLike = -1;
        for (int c = 0; c < classCount; ++c)
            if (p[c] >= threshold[std::size_t(c)] && (looksLike < 0 || p[c] > p[looksLike]))
                looksLike = c;
        if (looksLike < 0)
            continue;
        const int given = labels[r];
        audit.confidentJoint[std::size_t(given)][std::size_t(looksLike)] += 1;
        if (looksLike != given)
            audit.issues.push_back({std::int64_t(r), given, looksLike, labelScore(p, classCount, given, score)});
    }
    for (std::size_t g = 0; g < classes; ++g) {
        double counted = 0;
        for (double v : audit.confidentJoint[g])
            counted += v;
        for (std::size_t c = 0; c < classes; ++c) {
            double &cell = audit.confidentJoint[g][c];
            cell = counted > 0 ? cell * count[g] / counted : 0.0;
            if (c != g)
                audit.estimatedWrong += cell;
        }
    }
    std::sort(audit.issues.begin(), audit.issues.end(), moreSuspicious);
    return audit;
}

std::vector<LabelIssue> rankLabels(const FeatureMatrix &probabilities, const std::vector<int> &labels, int classCount,
                                   LabelScore score)
{
    std::vector<LabelIssue> ranked;
    ranked.reserve(labels.size());
    for (std::size_t r = 0; r < labels.size(); ++r) {
        const float *p = probabilities.row(std::int64_t(r));
        const int given = labels[r];
        int other = -1;
        for (int c = 0; c < classCount; ++c)
            if (c != given && (other < 0 || p[c] > p[other]))
                other = c;
        ranked.push_back({std::int64_t(r), given, other < 0 ? given : other, labelScore(p, classCount, given, score)});
    }
    std::sort(ranked.begin(), ranked.end(), moreSuspicious);
    return ranked;
}

} // namespace rs
