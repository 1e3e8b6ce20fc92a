#include "health/dataaudit.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <stdexcept>

namespace rs {
namespace {

// What the user marked reviewed is not reported again; a duplicate group with a reviewed image
// is accepted as a whole (keeping both copies was the user's call).
void dropReviewed(DataAudit &audit)
{
    const ImageFixes &fixes = audit.run.options.fixes;
    if (fixes.empty())
        return;
    const auto reviewed = [&](std::int64_t row) {
        const ImageFix *fix = fixes.find(audit.run.dataset.images[std::size_t(row)].path);
        return fix && fix->kind == ImageFix::Kind::Reviewed;
    };
    auto &issues = audit.labels.issues;
    issues.erase(std::remove_if(issues.begin(), issues.end(), [&](const LabelIssue &i) { return reviewed(i.row); }),
                 issues.end());
    auto &groups = audit.duplicates;
    groups.erase(std::remove_if(groups.begin(), groups.end(),
                                [&](const DuplicateGroup &g) { return std::any_of(g.rows.begin(), g.rows.end(), reviewed); }),
                 groups.end());
    auto &outliers = audit.outliers;
    outliers.erase(std::remove_if(outliers.begin(), outliers.end(), [&](const Outlier &o) { return reviewed(o.row); }),
                   outliers.end());
}

} // namespace

QString auditOptionsProblem(const DataAuditOptions &options)
{
    if (options.folds < 2 || options.folds > 20)
        return QStringLiteral("folds must be between 2 and 20; got %1").arg(options.folds);
    if (!(options.duplicateSimilarity > 0 && options.duplicateSimilarity <= 1))
        return QStringLiteral("the duplicate similarity must be above 0 and at most 1; got %1").arg(options.duplicateSimilarity);
    if (!(options.outlierSpread > 0))
        return QStringLiteral("the outlier spread must be above 0; got %1").arg(options.outlierSpread);
    return {};
}

const char *reasonName(Outlier::Reason reason)
{
    switch (reason) {
    case Outlier::Reason::Blank:
        return "blank";
    case Outlier::Reason::Noise:
        return "noise";
    case Outlier::Reason::UnlikeEveryClass:
        break;
    }
    return "unlike every class";
}

bool DataAudit::isLeak(const DuplicateGroup &group) const
{
    bool training = false, heldOut = false;
    for (std::int64_t r : group.rows) {
        const Subset subset = run.dataset.images[std::size_t(r)].subset;
        (subset == Subset::Train ? training : heldOut) = true;
    }
    return training && heldOut;
}

bool DataAudit::isConflict(const DuplicateGroup &group) const
{
    const int first = run.dataset.images[std::size_t(group.rows.front())].label;
    return std::any_of(group.rows.begin(), group.rows.end(),
                       [&](std::int64_t r) { return run.dataset.images[std::size_t(r)].label != first; });
}

QJsonObject DataAudit::toJson() const
{
    const auto &images = run.dataset.images;
    const auto &classes = run.dataset.classes;
    QJsonArray issues;
    for (const LabelIssue &issue : labels.issues)
        issues.append(QJsonObject{{QStringLiteral("path"), images[std::size_t(issue.row)].path},
                                  {QStringLiteral("given"), classes[issue.given]},
                                  {QStringLiteral("suggested"), classes[issue.suggested]},
                                  {QStringLiteral("score"), issue.score}});
    QJsonArray groups;
    for (const DuplicateGroup &group : duplicates) {
        QJsonArray members;
        for (std::int64_t r : group.rows) {
            const ImageEntry &image = images[std::size_t(r)];
            members.append(QJsonObject{{QStringLiteral("path"), image.path},
                                       {QStringLiteral("class"), classes[image.label]},
                                       {QStringLiteral("subset"), QString::fromLatin1(subsetName(image.subset))}});
        }
        groups.append(QJsonObject{
            {QStringLiteral("kind"), group.kind == DuplicateGroup::Kind::Exact ? QStringLiteral("exact") : QStringLiteral("near")},
            {QStringLiteral("leak"), isLeak(group)},
            {QStringLiteral("conflict"), isConflict(group)},
            {QStringLiteral("images"), members}});
    }
    QJsonArray strays;
    for (const Outlier &outlier : outliers) {
        const ImageEntry &image = images[std::size_t(outlier.row)];
        strays.append(QJsonObject{{QStringLiteral("path"), image.path},
                                  {QStringLiteral("class"), classes[image.label]},
                                  {QStringLiteral("reason"), QString::fromLatin1(reasonName(outlier.reason))},
                                  {QStringLiteral("score"), outlier.score}});
    }
    QJsonArray map;
    for (std::size_t r = 0; 2 * r + 1 < this->map.size(); ++r)
        map.append(QJsonObject{{QStringLiteral("path"), images[r].path},
                               {QStringLiteral("x"), this->map[2 * r]},
                               {QStringLiteral("y"), this->map[2 * r + 1]}});
    QJsonObject json{{QStringLiteral("images"), int(images.size())},
            {QStringLiteral("skipped"), QJsonArray::fromStringList(run.dataset.skipped)},
            {QStringLiteral("estimated_wrong_labels"), labels.estimatedWrong},
            {QStringLiteral("label_issues"), issues},
            {QStringLiteral("duplicates"), groups},
            {QStringLiteral("outliers"), strays},
            {QStringLiteral("seconds"), seconds}};
    if (!map.isEmpty())
        json.insert(QStringLiteral("map"), map);
    return json;
}

DataAudit auditData(const Backbone &backbone, const TrainingRunOptions &run, const DataAuditOptions &options,
                    const DataAuditCallbacks &callbacks, const CancelFlag *cancel)
{
    if (const QString problem = auditOptionsProblem(options); !problem.isEmpty())
        throw std::invalid_argument(problem.toStdString());
    // The audit judges the images through the frozen network's pooled features: blocks to
    // fine-tune and a settings search play no part.
    TrainingRunOptions headOnly = run;
    headOnly.fineTuning = {};
    headOnly.tune = false;
    RunFeatures read = readRunFeatures(backbone, headOnly, callbacks.reading, cancel);
    QElapsedTimer clock;
    clock.start();
    DataAudit audit;
    audit.run = std::move(read.run);
    LabelledFeatures all;
    all.features = std::move(read.features.features);
    for (const ImageEntry &image : audit.run.dataset.images)
        all.labels.push_back(image.label);
    const int classCount = int(audit.run.dataset.classes.size());

    // Folds, then one step for the duplicates, one for the outliers and one for the map.
    const int total = options.folds + 2 + int(options.map);
    const auto step = [&](int done) {
        if (callbacks.auditing)
            callbacks.auditing(done, total);
    };
    const FeatureMatrix probabilities = outOfSampleProbabilities(
        all, classCount, options.folds, [&](int done, int fits) { step(done * options.folds / fits); }, cancel);
    audit.labels = findLabelIssues(probabilities, all.labels, classCount, options.score);
    audit.duplicates = findDuplicates(read.features.contentHashes, read.features.signatures,
                                      options.duplicateSimilarity, {}, cancel);
    // What hurts most first: leaks inflate the test score, conflicts teach two answers.
    const auto weight = [&](const DuplicateGroup &group) { return 2 * audit.isLeak(group) + audit.isConflict(group); };
    std::stable_sort(audit.duplicates.begin(), audit.duplicates.end(),
                     [&](const DuplicateGroup &a, const DuplicateGroup &b) { return weight(a) > weight(b); });
    step(options.folds + 1);
    audit.outliers = findOutliers(all, classCount, read.features.signatures, options.outlierSpread);
    dropReviewed(audit);
    if (options.map) {
        step(options.folds + 2);
        audit.map = embedFeatures(all.features, {}, {}, cancel);
    }
    step(total);
    audit.seconds = clock.elapsed() / 1000.0;
    return audit;
}

} // namespace rs
