// The learning-rate sweep on synthetic features: rising rates, a suggestion below the blow-up
// that follows the features' scale, the same sweep for the same seed, and Stop.

#include "base/cancellation.h"
#include "testsupport.h"
#include "training/lrfinder.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

namespace {

constexpr int kFeatures = 64;

rs::LabelledFeatures features(const std::vector<int> &perClass, quint32 seed, float signal, float scale = 1)
{
    return rs::test::separableFeatures(perClass, kFeatures, seed, signal, scale);
}

} // namespace

class TestLearningRateFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sweepsRisingRatesAndSuggestsOneBelowTheBlowUp()
    {
        // On raw features, all positive, SGD blows up at high rates along their common mean (a
        // standardised head on these easy classes only sharpens its margins up to a rate of 10).
        rs::TrainingOptions raw;
        raw.standardize = false;
        const rs::LearningRateSweep sweep = rs::sweepLearningRate(features({100, 100, 100}, 1, 0.3f), 3, raw);
        QVERIFY(sweep.probes.size() > 100 && sweep.probes.size() <= std::size_t(rs::kSweepSteps));
        QCOMPARE(sweep.probes.front().rate, rs::kSweepFirstRate);
        for (std::size_t i = 1; i < sweep.probes.size(); ++i)
            QVERIFY(sweep.probes[i].rate > sweep.probes[i - 1].rate);
        QVERIFY2(sweep.diverged, "plain SGD at a rate of 10 should blow up");
        QVERIFY(sweep.probes.back().rate < rs::kSweepLastRate);
        QVERIFY(sweep.suggested > rs::kSweepFirstRate && sweep.suggested <= sweep.lowest);
        // At the suggestion the loss is already falling well below where it started.
        const auto at = [&](double rate) {
            for (const rs::RateProbe &p : sweep.probes)
                if (p.rate >= rate)
                    return p.loss;
            return sweep.probes.back().loss;
        };
        qInfo("smoothed loss: %.3f at first, %.3f at the lowest point, %.3f at the suggestion", sweep.probes.front().loss,
              at(sweep.lowest), at(sweep.suggested));
        QVERIFY(at(sweep.lowest) < 0.5 * sweep.probes.front().loss);
        QVERIFY(at(sweep.suggested) < sweep.probes.front().loss);

        const QJsonObject json = rs::toJson(sweep);
        QCOMPARE(json.value(QStringLiteral("suggested_learning_rate")).toDouble(), sweep.suggested);
        QCOMPARE(std::size_t(json.value(QStringLiteral("learning_rates")).toArray().size()), sweep.probes.size());
    }

    // Raw features 10 times larger need a far lower rate (about 100 times: the step a rate
    // makes grows with the square of the features); standardised ones do not care.
    void theSuggestionFollowsTheFeatureScale()
    {
        rs::TrainingOptions raw;
        raw.standardize = false;
        const double large = rs::sweepLearningRate(features({100, 100, 100}, 2, 0.2f, 10), 3, raw).suggested;
        const double plain = rs::sweepLearningRate(features({100, 100, 100}, 2, 0.2f), 3, raw).suggested;
        qInfo("suggested for raw features: %g, for them times 10: %g", plain, large);
        QVERIFY(large < plain / 30);
        const double standardisedLarge = rs::sweepLearningRate(features({100, 100, 100}, 2, 0.2f, 10), 3, {}).suggested;
        const double standardised = rs::sweepLearningRate(features({100, 100, 100}, 2, 0.2f), 3, {}).suggested;
        qInfo("standardised: %g and %g", standardised, standardisedLarge);
        QVERIFY(std::abs(std::log(standardisedLarge / standardised)) < std::log(1.5));
    }

    void sameSeedSameSweep()
    {
        const rs::LabelledFeatures train = features({50, 50}, 3, 0.3f);
        rs::TrainingOptions adam;
        adam.optimizer = rs::TrainingOptions::Optimizer::Adam;
        const rs::LearningRateSweep first = rs::sweepLearningRate(train, 2, adam), second = rs::sweepLearningRate(train, 2, adam);
        QCOMPARE(second.probes.size(), first.probes.size());
        for (std::size_t i = 0; i < first.probes.size(); ++i)
            QCOMPARE(second.probes[i].loss, first.probes[i].loss);
        QCOMPARE(second.suggested, first.suggested);
    }

    void stopsWhenCancelled()
    {
        rs::CancelFlag cancel{true};
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::sweepLearningRate(features({20, 20}, 4, 0.3f), 2, {}, &cancel));
    }
};

QTEST_GUILESS_MAIN(TestLearningRateFinder)
#include "test_lrfinder.moc"
