// Data health on synthetic features and signatures with planted problems: flipped labels ranked
// first and counted, exact and near copies grouped (and nothing else), leaks and conflicts
// named, blanks, noise and rows unlike every class found as outliers.

#include "health/dataaudit.h"
#include "images/signature.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <set>

namespace {

constexpr int kFeatures = 64;

std::vector<int> classLabels(int first, int second)
{
    std::vector<int> labels(std::size_t(first), 0);
    labels.resize(std::size_t(first + second), 1);
    return labels;
}

// Smooth signatures (neighbours correlate), one shared pattern per class plus uniform noise of
// width `own` in each box: distinct images of one class correlate about 0.92 at own = 0.15.
rs::FeatureMatrix similarSignatures(const std::vector<int> &labels, float own, quint32 seed)
{
    QRandomGenerator random(seed);
    rs::FeatureMatrix signatures;
    signatures.rows = std::int64_t(labels.size());
    signatures.cols = rs::kSignatureSize;
    const double phase[2] = {0.0, 1.7};
    for (int label : labels)
        for (int y = 0; y < rs::kSignatureSide; ++y)
            for (int x = 0; x < rs::kSignatureSide; ++x)
                signatures.values.push_back(float(0.5 + 0.3 * std::sin(x / 3.0 + phase[label]) * std::cos(y / 4.0)
                                                  + own * (random.generateDouble() - 0.5)));
    return signatures;
}

} // namespace

class TestDataAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // 5 % of the labels flipped: a head that never saw a row finds its label unlikely.
    void ranksFlippedLabelsFirst()
    {
        rs::LabelledFeatures all = rs::test::separableFeatures({100, 100, 100}, kFeatures, 1, 0.3f);
        std::set<std::int64_t> flipped;
        QRandomGenerator random(9);
        while (flipped.size() < 15) {
            const auto row = std::int64_t(random.bounded(int(all.labels.size())));
            if (flipped.insert(row).second)
                all.labels[std::size_t(row)] = (all.labels[std::size_t(row)] + 1 + int(random.bounded(2))) % 3;
        }
        const rs::FeatureMatrix p = rs::outOfSampleProbabilities(all, 3, 5);
        QCOMPARE(p.rows, all.features.rows);
        QCOMPARE(p.cols, std::int64_t(3));
        for (std::int64_t r = 0; r < p.rows; ++r) {
            double sum = 0;
            for (int c = 0; c < 3; ++c)
                sum += p.row(r)[c];
            QVERIFY(std::abs(sum - 1) < 1e-4);
        }
        for (rs::LabelScore score : {rs::LabelScore::SelfConfidence, rs::LabelScore::NormalizedMargin}) {
            const std::vector<rs::LabelIssue> ranked = rs::rankLabels(p, all.labels, 3, score);
            QCOMPARE(ranked.size(), all.labels.size());
            int found = 0;
            for (std::size_t i = 0; i < flipped.size(); ++i)
                found += int(flipped.count(ranked[i].row));
            qInfo("precision at %zu: %.2f", flipped.size(), double(found) / double(flipped.size()));
            QVERIFY(found >= 12);
        }
        const rs::LabelAudit audit = rs::findLabelIssues(p, all.labels, 3);
        qInfo("%zu issues, %.1f wrong labels estimated", audit.issues.size(), audit.estimatedWrong);
        QVERIFY(audit.estimatedWrong > 10 && audit.estimatedWrong < 25);
        int planted = 0;
        for (const rs::LabelIssue &issue : audit.issues) {
            planted += int(flipped.count(issue.row));
            QVERIFY(issue.suggested != issue.given);
        }
        QVERIFY(planted >= 12);
        QVERIFY(std::is_sorted(audit.issues.begin(), audit.issues.end(),
                               [](const rs::LabelIssue &a, const rs::LabelIssue &b) { return a.score < b.score; }));
        // Same data, same options: the same probabilities.
        QCOMPARE(rs::outOfSampleProbabilities(all, 3, 5).values, p.values);
    }

    // Box averages of luma: whole pixels per box, and fractions of pixels at the boxes' edges.
    void signatureAveragesBoxes()
    {
        const int size = 32; // two pixels per box: left half black, right half white
        std::vector<float> input(std::size_t(3 * size * size), -1.0f);
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < size; ++y)
                std::fill_n(input.begin() + (c * size + y) * size + size / 2, size / 2, 1.0f);
        const std::vector<float> signature = rs::imageSignature(input.data(), size);
        QCOMPARE(signature.size(), std::size_t(rs::kSignatureSize));
        for (int y = 0; y < rs::kSignatureSide; ++y)
            for (int x = 0; x < rs::kSignatureSide; ++x)
                QCOMPARE(signature[std::size_t(y * rs::kSignatureSide + x)], x < 8 ? 0.0f : 1.0f);
        const int odd = 24; // 1.5 pixels per box; pure red everywhere
        std::vector<float> red(std::size_t(3 * odd * odd), -1.0f);
        std::fill_n(red.begin(), odd * odd, 1.0f);
        for (float v : rs::imageSignature(red.data(), odd))
            QVERIFY(std::abs(v - 0.299f) < 1e-6f);
    }

    // Exact copies by content hash, near copies by their signatures; distinct images of one
    // class (a shared pattern, 5 % of it their own) stay apart.
    void groupsExactAndNearCopies()
    {
        const std::vector<int> labels = classLabels(40, 40);
        const auto n = std::int64_t(labels.size());
        rs::FeatureMatrix signatures = similarSignatures(labels, 0.15f, 5);
        std::vector<QByteArray> hashes;
        for (std::int64_t r = 0; r < n; ++r)
            hashes.push_back(QByteArray::number(qlonglong(r)));
        const auto copyRow = [&](std::int64_t from, std::int64_t to, float noise) {
            QRandomGenerator random{quint32(to)};
            for (std::int64_t c = 0; c < signatures.cols; ++c)
                signatures.values[std::size_t(to * signatures.cols + c)] =
                    signatures.row(from)[c] + noise * float(random.generateDouble() - 0.5);
        };
        copyRow(3, 50, 0); // the same file twice, across classes
        hashes[50] = hashes[3];
        copyRow(7, 8, 0.01f); // re-encoded
        copyRow(7, 60, 0.01f);
        const std::vector<rs::DuplicateGroup> groups = rs::findDuplicates(hashes, signatures, 0.9975);
        QCOMPARE(groups.size(), std::size_t(2));
        QVERIFY(groups[0].kind == rs::DuplicateGroup::Kind::Exact);
        QCOMPARE(groups[0].rows, (std::vector<std::int64_t>{3, 50}));
        QVERIFY(groups[1].kind == rs::DuplicateGroup::Kind::Near);
        QCOMPARE(groups[1].rows, (std::vector<std::int64_t>{7, 8, 60}));
        // Hashes and signatures must describe the same images.
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::findDuplicates({"a"}, signatures, 0.9975));

        rs::DataAudit audit;
        for (std::int64_t r = 0; r < n; ++r)
            audit.run.dataset.images.push_back({QStringLiteral("/img/%1.png").arg(r), labels[std::size_t(r)],
                                                r == 8 ? rs::Subset::Test : rs::Subset::Train});
        audit.run.dataset.classes = QStringList{QStringLiteral("a"), QStringLiteral("b")};
        audit.duplicates = groups;
        QVERIFY(!audit.isLeak(groups[0]) && audit.isConflict(groups[0]));
        QVERIFY(audit.isLeak(groups[1]) && audit.isConflict(groups[1]));
        const QJsonArray json = audit.toJson().value(QStringLiteral("duplicates")).toArray();
        QCOMPARE(json.size(), 2);
        QCOMPARE(json[1].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("near"));
        QCOMPARE(json[1].toObject().value(QStringLiteral("images")).toArray()[1].toObject().value(QStringLiteral("subset")).toString(),
                 QStringLiteral("test"));
    }

    // A copy whose original sits in another 2 048-row tile is found as well as one beside it.
    void groupsCopiesAcrossTiles()
    {
        const std::vector<int> labels = classLabels(1300, 1300);
        rs::FeatureMatrix signatures = similarSignatures(labels, 0.15f, 6);
        std::copy_n(signatures.row(10), signatures.cols, signatures.values.begin() + 2500 * signatures.cols);
        const std::vector<QByteArray> hashes(labels.size());
        const std::vector<rs::DuplicateGroup> groups = rs::findDuplicates(hashes, signatures, 0.9975);
        QCOMPARE(groups.size(), std::size_t(1));
        QCOMPARE(groups[0].rows, (std::vector<std::int64_t>{10, 2500}));
        QVERIFY(groups[0].kind == rs::DuplicateGroup::Kind::Near);
    }

    // Rows of pure noise on other dimensions are unlike both classes; flat and uncorrelated
    // signatures are blanks and noise wherever their features lie.
    void findsRowsUnlikeEveryClass()
    {
        rs::LabelledFeatures all = rs::test::separableFeatures({60, 60}, kFeatures, 4, 0.5f);
        QRandomGenerator random(11);
        const std::vector<std::int64_t> strays{5, 70, 100};
        for (std::int64_t r : strays)
            for (std::int64_t c = 0; c < all.features.cols; ++c)
                all.features.values[std::size_t(r * all.features.cols + c)] = c % 7 == 0 ? float(3 * random.generateDouble()) : 0.0f;
        rs::FeatureMatrix signatures = similarSignatures(all.labels, 0.15f, 7);
        std::fill_n(signatures.values.begin() + 20 * signatures.cols, signatures.cols, 0.4f); // blank
        for (std::int64_t c = 0; c < signatures.cols; ++c) // noise
            signatures.values[std::size_t(90 * signatures.cols + c)] = float(random.generateDouble());

        const std::vector<rs::Outlier> outliers = rs::findOutliers(all, 2, signatures);
        QVERIFY(outliers.size() >= 5 && outliers.size() <= 8);
        QCOMPARE(outliers[0].row, std::int64_t(20));
        QVERIFY(outliers[0].reason == rs::Outlier::Reason::Blank);
        QCOMPARE(outliers[1].row, std::int64_t(90));
        QVERIFY(outliers[1].reason == rs::Outlier::Reason::Noise);
        std::set<std::int64_t> found;
        for (const rs::Outlier &o : outliers)
            found.insert(o.row);
        for (std::int64_t r : strays)
            QVERIFY2(found.count(r), qPrintable(QString::number(r)));
        // Without signatures only the features speak.
        QVERIFY(rs::findOutliers(all, 2, {}).size() <= 6);
    }
};

QTEST_GUILESS_MAIN(TestDataAudit)
#include "test_dataaudit.moc"
