// "Find good settings" on synthetic features: the trials it reports, how it scores them
// (validation, or cross-validation when validation is small), that it repeats exactly with a
// seed and stops when cancelled.

#include "base/cancellation.h"
#include "testsupport.h"
#include "training/jsonformat.h"
#include "training/tuning.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace {

constexpr int kFeatures = 32;

rs::LabelledFeatures noisy(const std::vector<int> &perClass, quint32 seed, float signal)
{
    return rs::test::separableFeatures(perClass, kFeatures, seed, signal);
}

rs::TrainingOptions base()
{
    rs::TrainingOptions o;
    o.steps = 200;
    o.seed = 7;
    return o;
}

} // namespace

class TestTuning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void triesTheUsersSettingsThenVariationsOfThem()
    {
        const std::vector<rs::TrainingOptions> candidates = rs::tuningCandidates(base());
        QVERIFY(candidates.size() >= 24);
        QCOMPARE(rs::toJson(candidates.front()), rs::toJson(base()));
        const auto varies = [&](auto field) {
            return std::any_of(candidates.begin(), candidates.end(),
                               [&](const rs::TrainingOptions &o) { return field(o) != field(candidates.front()); });
        };
        QVERIFY(varies([](const rs::TrainingOptions &o) { return int(o.optimizer); }));
        QVERIFY(varies([](const rs::TrainingOptions &o) { return o.schedule.base; }));
        QVERIFY(varies([](const rs::TrainingOptions &o) { return o.weightDecay; }));
        QVERIFY(varies([](const rs::TrainingOptions &o) { return o.hiddenUnits; }));
        QVERIFY(varies([](const rs::TrainingOptions &o) { return o.steps; }));
        QVERIFY(varies([](const rs::TrainingOptions &o) { return o.standardize; }));
        for (const rs::TrainingOptions &o : candidates) {
            QCOMPARE(o.seed, base().seed);
            QCOMPARE(o.batchSize, base().batchSize);
            QVERIFY(o.validate().isEmpty());
        }
    }

    // 30 validation images per class are enough to score on; the winner has the lowest loss.
    void scoresOnValidationAndPicksTheBest()
    {
        const rs::LabelledFeatures train = noisy({60, 60, 60}, 1, 0.15f), validation = noisy({30, 30, 30}, 2, 0.15f);
        int reported = 0;
        const rs::Tuning tuning = rs::tuneHead(train, validation, 3, base(), [&](const rs::TuningTrial &, int total) {
            ++reported;
            QCOMPARE(std::size_t(total), rs::tuningCandidates(base()).size());
        });
        QCOMPARE(tuning.folds, 0);
        QCOMPARE(tuning.heldOut, 90);
        QCOMPARE(std::size_t(reported), tuning.trials.size());
        QCOMPARE(tuning.trials.size(), rs::tuningCandidates(base()).size());
        double lowest = 1, highest = 0;
        for (const rs::TuningTrial &t : tuning.trials) {
            const rs::TuningTrial &best = tuning.trials[std::size_t(tuning.best)];
            QVERIFY(t.loss > best.loss || (t.loss == best.loss && t.accuracy <= best.accuracy));
            QVERIFY(t.loss > 0 && std::isfinite(t.loss));
            lowest = std::min(lowest, t.accuracy);
            highest = std::max(highest, t.accuracy);
        }
        qInfo("trials' validation accuracy: %.3f to %.3f", lowest, highest);
        QVERIFY2(highest - lowest > 0.05, "the trials should differ, or the test shows nothing");
        QVERIFY(highest > 0.7); // chance: 1/3

        const QJsonObject json = rs::toJson(tuning);
        QCOMPARE(json.value(QStringLiteral("scored_on")).toString(), QStringLiteral("validation"));
        QCOMPARE(json.value(QStringLiteral("best")).toInt(), tuning.best);
        const QJsonArray trials = json.value(QStringLiteral("trials")).toArray();
        QCOMPARE(std::size_t(trials.size()), tuning.trials.size());
        const QJsonObject chosen = trials[tuning.best].toObject();
        QCOMPARE(chosen.value(QStringLiteral("settings")).toObject(), rs::toJson(tuning.bestOptions()));
        QCOMPARE(chosen.value(QStringLiteral("accuracy")).toDouble(), tuning.trials[std::size_t(tuning.best)].accuracy);
    }

    // Fewer than 30 in a class: every training and validation image is held out once.
    void crossValidatesWhenValidationIsSmall()
    {
        const rs::LabelledFeatures train = noisy({40, 40}, 3, 0.3f), validation = noisy({10, 29}, 4, 0.3f);
        const rs::Tuning tuning = rs::tuneHead(train, validation, 2, base());
        QCOMPARE(tuning.folds, rs::kTuningFolds);
        QCOMPARE(tuning.heldOut, 119);
        QVERIFY(tuning.trials[std::size_t(tuning.best)].accuracy > 0.8);
        QCOMPARE(rs::toJson(tuning).value(QStringLiteral("scored_on")).toString(), QStringLiteral("3-fold cross-validation"));
    }

    void sameSeedSameTrialsAndChoice()
    {
        const rs::LabelledFeatures train = noisy({40, 40}, 5, 0.2f), validation = noisy({30, 30}, 6, 0.2f);
        const rs::Tuning first = rs::tuneHead(train, validation, 2, base());
        const rs::Tuning second = rs::tuneHead(train, validation, 2, base());
        QCOMPARE(second.best, first.best);
        for (std::size_t i = 0; i < first.trials.size(); ++i) {
            QCOMPARE(second.trials[i].accuracy, first.trials[i].accuracy);
            QCOMPARE(second.trials[i].loss, first.trials[i].loss);
        }
    }

    void stopsWhenCancelled()
    {
        const rs::LabelledFeatures train = noisy({40, 40}, 5, 0.2f), validation = noisy({30, 30}, 6, 0.2f);
        rs::CancelFlag cancel{false};
        int trials = 0;
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::tuneHead(train, validation, 2, base(), [&](const rs::TuningTrial &, int) {
            if (++trials == 2)
                cancel = true;
        }, &cancel));
        QCOMPARE(trials, 2);
    }
};

QTEST_GUILESS_MAIN(TestTuning)
#include "test_tuning.moc"
