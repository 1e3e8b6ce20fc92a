// The label-error finder on cached features with planted flips: the app's side of the
// real-backbone finder test (tests/real/finder_vs_logistic_regression.sh). Reads each F.npy
// (with F.tsv's labels), moves SHARE of the rows to another class at random (SEED), ranks them
// as retrain-cli audit does (five folds' out-of-sample probabilities, confident learning,
// self-confidence) and writes OUT.json: the labels as planted, the flipped rows, the issues'
// rows most suspicious first, precision at N (N = rows flipped) and the finder's seconds.
//
// Usage: bench_finder SHARE SEED OUT.json F.npy [G.npy ...]

#include "labelledrows.h"

#include "health/labelissues.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>

namespace {

bool appendRows(const QString &path, rs::LabelledFeatures &all)
{
    const std::optional<LabelledRows> rows = readLabelledRows(path);
    if (!rows)
        return false;
    all.features.cols = rows->features.shape.at(1);
    all.features.values.insert(all.features.values.end(), rows->features.values.begin(), rows->features.values.end());
    all.labels.insert(all.labels.end(), rows->labels.begin(), rows->labels.end());
    all.features.rows = std::int64_t(all.labels.size());
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: bench_finder SHARE SEED OUT.json F.npy [G.npy ...]\n");
        return 2;
    }
    rs::LabelledFeatures all;
    for (int i = 4; i < args.size(); ++i)
        if (!appendRows(args[i], all))
            return 1;
    const int classes = *std::max_element(all.labels.begin(), all.labels.end()) + 1;

    std::mt19937_64 random(args[2].toULongLong());
    std::vector<std::int64_t> rows(all.labels.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = std::int64_t(i);
    std::shuffle(rows.begin(), rows.end(), random);
    rows.resize(std::size_t(args[1].toDouble() * double(rows.size())));
    const std::set<std::int64_t> flipped(rows.begin(), rows.end());
    for (const std::int64_t row : flipped) {
        int &label = all.labels[std::size_t(row)];
        label = (label + 1 + int(random() % std::uint64_t(classes - 1))) % classes;
    }

    QElapsedTimer clock;
    clock.start();
    const rs::FeatureMatrix probabilities = rs::outOfSampleProbabilities(all, classes, 5);
    const rs::LabelAudit audit = rs::findLabelIssues(probabilities, all.labels, classes);
    const double seconds = clock.elapsed() / 1000.0;
    std::size_t hits = 0;
    for (std::size_t i = 0; i < std::min(flipped.size(), audit.issues.size()); ++i)
        hits += flipped.count(audit.issues[i].row);

    QJsonArray labels, flippedRows, issueRows;
    for (const rs::LabelIssue &issue : audit.issues)
        issueRows.append(qint64(issue.row));
    for (const int label : all.labels)
        labels.append(label);
    for (const std::int64_t row : flipped)
        flippedRows.append(qint64(row));
    const QJsonObject result{{QStringLiteral("rows"), qint64(all.labels.size())},
                             {QStringLiteral("flipped"), int(flipped.size())},
                             {QStringLiteral("precision_at_n"), double(hits) / double(flipped.size())},
                             {QStringLiteral("seconds"), seconds}};
    QJsonObject out = result;
    out.insert(QStringLiteral("labels"), labels);
    out.insert(QStringLiteral("flipped_rows"), flippedRows);
    out.insert(QStringLiteral("issue_rows"), issueRows);
    QFile file(args[3]);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(out).toJson(QJsonDocument::Compact)) < 0) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args[3]));
        return 1;
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
