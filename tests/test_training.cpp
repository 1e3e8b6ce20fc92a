// Head training on synthetic features: it learns, repeats exactly with a seed, reports
// progress, honours cancel and saves/loads.

#include "evaluation/evaluation.h"
#include "model/backbone.h"
#include "training/classifierhead.h"
#include "testsupport.h"
#include "training/trainingrun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>
#include <thread>

namespace {

constexpr int kFeatures = 2048;

rs::LabelledFeatures separable(const std::vector<int> &perClass, quint32 seed, float signal = 1.0f)
{
    return rs::test::separableFeatures(perClass, kFeatures, seed, signal);
}

double accuracy(const rs::ClassifierHead &head, const rs::LabelledFeatures &set)
{
    return rs::evaluate(head.probabilities(set.features), set.labels, {}).accuracy;
}

// Mean negative log-probability of the true classes.
double testLoss(const rs::ClassifierHead &head, const rs::LabelledFeatures &set)
{
    const rs::FeatureMatrix p = head.probabilities(set.features);
    double loss = 0;
    for (std::int64_t r = 0; r < p.rows; ++r)
        loss -= std::log(double(p.row(r)[set.labels[std::size_t(r)]]));
    return loss / double(p.rows);
}

rs::TrainingOptions quick()
{
    rs::TrainingOptions o;
    o.steps = 100;
    o.batchSize = 50;
    o.evalInterval = 25;
    return o;
}

// Classes told apart by `informative` dimensions spreading `signalSpread` (class means at
// +-signalSpread, noise of that size), beside `noise` pure-noise dimensions spreading
// `noiseSpread`: which standardisation floor suits them depends on the two spreads.
rs::LabelledFeatures spreads(int perClass, int informative, float signalSpread, int noise, float noiseSpread, quint32 seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> normal;
    rs::LabelledFeatures set;
    set.features.cols = informative + noise;
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < perClass; ++i) {
            for (int d = 0; d < informative; ++d)
                set.features.values.push_back(signalSpread * ((c == d % 2 ? 1.0f : -1.0f) + 1.5f * normal(random)));
            for (int d = 0; d < noise; ++d)
                set.features.values.push_back(noiseSpread * normal(random));
            set.labels.push_back(c);
        }
    set.features.rows = std::int64_t(set.labels.size());
    return set;
}

} // namespace

class TestTraining : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void learnsASeparableProblem_data()
    {
        QTest::addColumn<int>("variant");
        QTest::newRow("SGD, exponential decay") << 0;
        QTest::newRow("Adam, cosine, full batch") << 1;
        QTest::newRow("SGD with momentum, hidden layer, dropout") << 2;
    }

    void learnsASeparableProblem()
    {
        QFETCH(int, variant);
        const rs::LabelledFeatures train = separable({100, 100, 100}, 1), test = separable({40, 40, 40}, 2);
        rs::TrainingOptions o = quick();
        if (variant == 1) {
            o.optimizer = rs::TrainingOptions::Optimizer::Adam;
            o.schedule = {rs::LearningRateSchedule::Kind::Cosine, 0.01, 0.0001, 0};
            o.batchSize = 0;
        } else if (variant == 2) {
            o.momentum = 0.9;
            o.schedule.base = 0.01;
            o.hiddenUnits = 64;
            o.dropout = 0.3;
        }
        const rs::ClassifierHead head = rs::ClassifierHead::train(train, {}, 3, o);
        QVERIFY2(accuracy(head, test) >= 0.99, qPrintable(QString::number(accuracy(head, test))));
    }

    void sameSeedSameHead()
    {
        const rs::LabelledFeatures train = separable({30, 30}, 3), test = separable({10, 10}, 4);
        rs::TrainingOptions o = quick();
        o.dropout = 0.2;
        o.hiddenUnits = 16;
        o.seed = 11;
        const auto a = rs::ClassifierHead::train(train, {}, 2, o).probabilities(test.features);
        const auto b = rs::ClassifierHead::train(train, {}, 2, o).probabilities(test.features);
        o.seed = 12;
        const auto c = rs::ClassifierHead::train(train, {}, 2, o).probabilities(test.features);
        QCOMPARE(a.values, b.values);
        QVERIFY(a.values != c.values);
    }

    // A hidden-layer head trains on one thread of its own; no other thread, and none started
    // meanwhile (the GUI predicts, or starts the next job), may lose its threads to it.
    void trainingOnOneThreadLeavesOtherThreadsTheirs()
    {
        rs::setComputeThreads(2);
        const int everyone = rs::computeThreads();
        QCOMPARE(everyone, 2);
        const rs::LabelledFeatures train = separable({30, 30}, 3);
        rs::TrainingOptions o = quick();
        o.hiddenUnits = 16;
        o.evalInterval = 10;
        std::vector<int> seenByNewThreads, seenByTheLoop;
        std::thread trainer([&] {
            rs::setComputeThreads(2);
            rs::ClassifierHead::train(train, {}, 2, o, [&](const rs::TrainingPoint &) {
                seenByTheLoop.push_back(rs::computeThreads());
                std::thread meanwhile([&] { seenByNewThreads.push_back(rs::computeThreads()); });
                meanwhile.join();
            });
        });
        trainer.join();
        QVERIFY(!seenByNewThreads.empty());
        QCOMPARE(seenByTheLoop, std::vector<int>(seenByTheLoop.size(), 1)); // the loop itself runs alone
        QCOMPARE(seenByNewThreads, std::vector<int>(seenByNewThreads.size(), everyone));
        QCOMPARE(rs::computeThreads(), everyone);
    }

    // Standardised, the features' scale no longer matters: a backbone whose features are 20
    // times smaller or larger gets the same classifier. The raw recipe is at its mercy.
    void standardisedTrainingIgnoresTheFeatureScale()
    {
        const rs::LabelledFeatures train = separable({40, 40, 40}, 31, 0.3f), test = separable({20, 20, 20}, 32, 0.3f);
        const auto scaled = [](rs::LabelledFeatures set, float factor) {
            for (float &v : set.features.values)
                v *= factor;
            return set;
        };
        rs::TrainingOptions o = quick();
        o.steps = 300;
        const rs::ClassifierHead reference = rs::ClassifierHead::train(train, {}, 3, o);
        const double referenceAccuracy = accuracy(reference, test);
        QVERIFY2(referenceAccuracy > 0.9, qPrintable(QString::number(referenceAccuracy)));
        for (float factor : {0.05f, 20.0f}) {
            const rs::ClassifierHead head = rs::ClassifierHead::train(scaled(train, factor), {}, 3, o);
            const rs::FeatureMatrix p = head.probabilities(scaled(test, factor).features);
            const rs::FeatureMatrix q = reference.probabilities(test.features);
            double largest = 0;
            for (std::size_t i = 0; i < p.values.size(); ++i)
                largest = std::max(largest, double(std::abs(p.values[i] - q.values[i])));
            QVERIFY2(largest < 1e-3, qPrintable(QStringLiteral("x%1: %2").arg(factor).arg(largest)));
        }
        // Without standardisation, tiny features leave the classic recipe barely started: its
        // probabilities stay near uniform (log 3 = 1.10), far from the standardised head's.
        o.standardize = false;
        const double raw = testLoss(rs::ClassifierHead::train(scaled(train, 0.05f), {}, 3, o), scaled(test, 0.05f));
        const double standardised = testLoss(reference, test);
        QVERIFY2(raw > standardised + 0.5, qPrintable(QStringLiteral("%1 vs %2").arg(raw).arg(standardised)));
    }

    // Left to the data, the spread floor is the one whose head ends with the lower validation
    // loss, and the head is that one's; each floor wins on features that suit it.
    void choosesTheSpreadFloorOnValidation_data()
    {
        QTest::addColumn<float>("signalSpread");
        QTest::addColumn<float>("noiseSpread");
        QTest::addColumn<double>("expected");
        // Narrow informative dimensions among wide noise: only their own spread brings them up.
        QTest::newRow("narrow signal") << 0.05f << 1.0f << rs::TrainingOptions::kOwnSpread;
        // Wide informative dimensions among narrow noise, which their own spread would blow up.
        QTest::newRow("narrow noise") << 1.0f << 0.05f << rs::TrainingOptions::kTypicalSpread;
    }

    void choosesTheSpreadFloorOnValidation()
    {
        QFETCH(float, signalSpread);
        QFETCH(float, noiseSpread);
        QFETCH(double, expected);
        const rs::LabelledFeatures train = spreads(30, 8, signalSpread, 400, noiseSpread, 61);
        const rs::LabelledFeatures validation = spreads(100, 8, signalSpread, 400, noiseSpread, 62);
        rs::TrainingOptions o = quick();
        o.calibrate = false; // the validation loss compared is the kept point's
        QCOMPARE(o.spreadFloor, 0.0);
        std::vector<rs::TrainingPoint> points;
        const rs::ClassifierHead chosen = rs::ClassifierHead::train(train, validation, 2, o, [&](const rs::TrainingPoint &p) { points.push_back(p); });
        QCOMPARE(chosen.spreadFloor(), expected);
        QCOMPARE(int(points.size()), o.steps / o.evalInterval); // the chosen head's curve
        double lowest = 1e9;
        for (const double floor : {rs::TrainingOptions::kOwnSpread, rs::TrainingOptions::kTypicalSpread}) {
            rs::TrainingOptions fixed = o;
            fixed.spreadFloor = floor;
            const double loss = testLoss(rs::ClassifierHead::train(train, validation, 2, fixed), validation);
            if (floor == expected)
                QVERIFY2(std::abs(loss - testLoss(chosen, validation)) < 1e-5, qPrintable(QString::number(loss)));
            lowest = std::min(lowest, loss);
        }
        QVERIFY2(testLoss(chosen, validation) <= lowest + 1e-5, qPrintable(QString::number(lowest)));
        // A run keeping checkpoints trains the chosen head again: the same head.
        QTemporaryDir dir;
        o.checkpointFile = dir.filePath(QStringLiteral("run.ckpt"));
        const rs::ClassifierHead again = rs::ClassifierHead::train(train, validation, 2, o);
        QCOMPARE(again.probabilities(validation.features).values, chosen.probabilities(validation.features).values);
        // Stopped while choosing, such a run leaves a checkpoint that resumes to the same head.
        QFile::remove(o.checkpointFile);
        rs::CancelFlag cancel{true};
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::ClassifierHead::train(train, validation, 2, o, {}, &cancel));
        QVERIFY(QFile::exists(o.checkpointFile));
        o.resume = true;
        const rs::ClassifierHead resumed = rs::ClassifierHead::train(train, validation, 2, o);
        QCOMPARE(resumed.probabilities(validation.features).values, chosen.probabilities(validation.features).values);
    }

    // The head ends with the weights of the report whose validation loss was lowest (the
    // later one on a tie), not the last step's; --keep-last gives the last.
    void keepsTheBestValidationPoint()
    {
        // Validation images whose classes are the other way round: the better the head learns
        // the training images, the worse its validation loss, so the best point is an early one.
        const rs::LabelledFeatures train = separable({20, 20}, 41, 0.2f);
        rs::LabelledFeatures validation = separable({20, 20}, 42, 0.2f);
        for (int &label : validation.labels)
            label = 1 - label;
        rs::TrainingOptions o = quick();
        o.steps = 200;
        o.evalInterval = 20;
        // Small steps, so that the curve moves from point to point instead of saturating.
        o.schedule.base = 0.0005;
        o.schedule.minimum = 0.0001;
        o.calibrate = false; // a temperature would change the kept point's validation loss
        std::vector<rs::TrainingPoint> points;
        const rs::ClassifierHead best = rs::ClassifierHead::train(train, validation, 2, o, [&](const rs::TrainingPoint &p) { points.push_back(p); });
        std::size_t lowest = 0;
        for (std::size_t i = 0; i < points.size(); ++i)
            if (points[i].validationLoss <= points[lowest].validationLoss)
                lowest = i;
        QVERIFY2(points[lowest].step < o.steps, "validation loss kept falling: nothing to select against");
        QCOMPARE(best.keptStep(), points[lowest].step);
        // Its validation loss is that point's (the scaling folded into the first layer rounds).
        const double loss = testLoss(best, validation);
        QVERIFY2(std::abs(loss - points[lowest].validationLoss) < 1e-4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(loss).arg(points[lowest].validationLoss)));

        o.keepBest = false;
        QCOMPARE(rs::ClassifierHead::train(train, validation, 2, o).keptStep(), o.steps);
        o.keepBest = true;
        QCOMPARE(rs::ClassifierHead::train(train, {}, 2, o).keptStep(), o.steps); // no validation set
    }

    // A head trained long at a high rate on overlapping classes, without weight decay, is
    // over-confident; the temperature fitted on the validation set is folded into it and lowers
    // its validation NLL.
    void calibrationLowersTheValidationNll()
    {
        const rs::LabelledFeatures train = separable({40, 40, 40}, 51, 0.02f), validation = separable({40, 40, 40}, 52, 0.02f);
        rs::TrainingOptions o = quick();
        o.steps = 2000;
        o.weightDecay = 0;
        o.keepBest = false;
        o.calibrate = false;
        const rs::ClassifierHead raw = rs::ClassifierHead::train(train, validation, 3, o);
        QCOMPARE(raw.calibration().images, 0);
        o.calibrate = true;
        const rs::ClassifierHead calibrated = rs::ClassifierHead::train(train, validation, 3, o);
        const rs::Calibration &c = calibrated.calibration();
        QCOMPARE(c.images, 120);
        qInfo("temperature %.3g, validation NLL %.3f -> %.3f, ECE %.3f -> %.3f", c.temperature, c.before.nll, c.after.nll, c.before.ece, c.after.ece);
        QVERIFY2(c.temperature > 1.5, qPrintable(QString::number(c.temperature)));
        // The scores are those of the heads as they are: the temperature is in the weights.
        QVERIFY(std::abs(c.before.nll - testLoss(raw, validation)) < 1e-4);
        QVERIFY(std::abs(c.after.nll - testLoss(calibrated, validation)) < 1e-4);
        QVERIFY2(c.after.nll < c.before.nll - 0.05, qPrintable(QStringLiteral("%1 -> %2").arg(c.before.nll).arg(c.after.nll)));
        QCOMPARE(accuracy(calibrated, validation), accuracy(raw, validation)); // T > 0 keeps every argmax
    }

    void reportsProgress()
    {
        const rs::LabelledFeatures train = separable({30, 30}, 5), validation = separable({10, 10}, 6);
        rs::TrainingOptions o = quick();
        o.steps = 90;
        o.evalInterval = 40;
        std::vector<rs::TrainingPoint> points;
        rs::ClassifierHead::train(train, validation, 2, o, [&](const rs::TrainingPoint &p) { points.push_back(p); });
        QCOMPARE(int(points.size()), 3); // steps 40, 80 and the last
        QCOMPARE(points[0].step, 40);
        QCOMPARE(points[2].step, 90);
        QCOMPARE(points[2].totalSteps, 90);
        QCOMPARE(points[1].learningRate, (rs::LearningRateSchedule{{}, 0.1, 0.001, 90}.rateAt(79)));
        QVERIFY(points[2].validationAccuracy >= 0.95);
        QVERIFY(points[2].validationLoss < std::log(2.0)); // below an untrained head's

        points.clear();
        rs::ClassifierHead::train(train, {}, 2, o, [&](const rs::TrainingPoint &p) { points.push_back(p); });
        QVERIFY(std::isnan(points.back().validationAccuracy));
    }

    void balancedSamplingHelpsTheSmallClass()
    {
        // A weak signal and 20:1 imbalance: plain sampling rarely sees class 1.
        rs::LabelledFeatures train = separable({400, 20}, 7, 0.05f), test = separable({40, 40}, 8, 0.05f);
        rs::TrainingOptions o = quick();
        o.steps = 200;
        o.batchSize = 20;
        o.schedule.base = 0.1;
        // Standardised, even plain sampling gives the small class its due on this data: the
        // sampling itself is what is tested here, on the raw recipe.
        o.standardize = false;
        const double plain = rs::evaluate(rs::ClassifierHead::train(train, {}, 2, o).probabilities(test.features), test.labels, {}).perClass[1].recall;
        o.balancedSampling = true;
        const double balanced = rs::evaluate(rs::ClassifierHead::train(train, {}, 2, o).probabilities(test.features), test.labels, {}).perClass[1].recall;
        qInfo("recall of the small class: %.3f plain, %.3f balanced", plain, balanced);
        QVERIFY(balanced > plain + 0.1);
    }

    void classWeightsHelpTheSmallClass()
    {
        rs::LabelledFeatures train = separable({400, 20}, 7, 0.05f), test = separable({40, 40}, 8, 0.05f);
        rs::TrainingOptions o = quick();
        o.steps = 200;
        o.batchSize = 20;
        o.standardize = false; // as above: the weighting is what is tested
        const double plain = rs::evaluate(rs::ClassifierHead::train(train, {}, 2, o).probabilities(test.features), test.labels, {}).perClass[1].recall;
        o.classWeights = true;
        const double weighted = rs::evaluate(rs::ClassifierHead::train(train, {}, 2, o).probabilities(test.features), test.labels, {}).perClass[1].recall;
        qInfo("recall of the small class: %.3f plain, %.3f with class weights", plain, weighted);
        QVERIFY(weighted > plain + 0.1);

        // With equal classes every weight is 1: the same head as without.
        const rs::LabelledFeatures even = separable({30, 30}, 3);
        o = quick();
        const auto a = rs::ClassifierHead::train(even, {}, 2, o).probabilities(test.features);
        o.classWeights = true;
        QCOMPARE(rs::ClassifierHead::train(even, {}, 2, o).probabilities(test.features).values, a.values);
    }

    void resumedRunEndsWithTheSameWeights_data()
    {
        QTest::addColumn<bool>("adam");
        QTest::addColumn<int>("hiddenUnits");
        QTest::addColumn<double>("dropout");
        QTest::addColumn<double>("momentum");
        // The default head (one linear layer, no dropout, plain SGD) runs the softmax kernel;
        // the others LibTorch's autograd.
        QTest::newRow("default head, softmax kernel") << false << 0 << 0.0 << 0.0;
        QTest::newRow("SGD with momentum") << false << 8 << 0.3 << 0.9;
        QTest::newRow("Adam") << true << 8 << 0.3 << 0.0;
    }

    void resumedRunEndsWithTheSameWeights()
    {
        QFETCH(bool, adam);
        QFETCH(int, hiddenUnits);
        QFETCH(double, dropout);
        QFETCH(double, momentum);
        const rs::LabelledFeatures train = separable({30, 30, 30}, 21), validation = separable({10, 10, 10}, 22);
        rs::TrainingOptions o = quick();
        o.steps = 120;
        o.evalInterval = 10;
        o.dropout = dropout;
        o.hiddenUnits = hiddenUnits;
        o.seed = 5;
        o.momentum = momentum;
        o.optimizer = adam ? rs::TrainingOptions::Optimizer::Adam : rs::TrainingOptions::Optimizer::Sgd;
        o.schedule.base = adam ? 0.001 : 0.1;
        o.schedule.minimum = adam ? 0.0001 : 0.001;
        std::vector<rs::TrainingPoint> whole;
        const auto uninterrupted = rs::ClassifierHead::train(train, validation, 3, o, [&](const rs::TrainingPoint &p) { whole.push_back(p); });

        QTemporaryDir dir;
        o.checkpointFile = dir.filePath(QStringLiteral("run.ckpt"));
        o.checkpointInterval = 25;
        o.resume = true;
        rs::CancelFlag cancel{false};
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::ClassifierHead::train(train, validation, 3, o, [&](const rs::TrainingPoint &p) {
            if (p.step == 70) // stopped between checkpoints: the Stop writes one
                cancel = true;
        }, &cancel));
        std::vector<rs::TrainingPoint> resumed;
        const auto finished = rs::ClassifierHead::train(train, validation, 3, o, [&](const rs::TrainingPoint &p) { resumed.push_back(p); });

        const rs::LabelledFeatures probe = separable({5, 5, 5}, 23);
        QCOMPARE(finished.probabilities(probe.features).values, uninterrupted.probabilities(probe.features).values);
        QCOMPARE(finished.keptStep(), uninterrupted.keptStep());
        // The curve carries on: the points before the stop come first, then the rest, all
        // saying where the run carried on from.
        QCOMPARE(resumed.size(), whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i) {
            QCOMPARE(resumed[i].resumedFrom, 70);
            QCOMPARE(whole[i].resumedFrom, 0);
            QCOMPARE(resumed[i].step, whole[i].step);
            QCOMPARE(resumed[i].trainLoss, whole[i].trainLoss);
            QCOMPARE(resumed[i].validationLoss, whole[i].validationLoss);
        }
    }

    void refusesAnotherRunsCheckpoint()
    {
        const rs::LabelledFeatures train = separable({20, 20}, 9);
        QTemporaryDir dir;
        rs::TrainingOptions o = quick();
        o.checkpointFile = dir.filePath(QStringLiteral("run.ckpt"));
        o.checkpointInterval = 10;
        o.resume = true;
        rs::CancelFlag cancel{false};
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::ClassifierHead::train(train, {}, 2, o, [&](const rs::TrainingPoint &) { cancel = true; }, &cancel));
        QVERIFY(QFile::exists(o.checkpointFile));
        o.seed = 99;
        try {
            rs::ClassifierHead::train(train, {}, 2, o);
            QFAIL("resumed another run's checkpoint");
        } catch (const std::runtime_error &e) {
            QVERIFY2(QString::fromStdString(e.what()).startsWith(o.checkpointFile + QStringLiteral(": the checkpoint belongs to another run")), e.what());
        }
        QFile damaged(o.checkpointFile);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("not a checkpoint");
        damaged.close();
        o.seed = 0;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, rs::ClassifierHead::train(train, {}, 2, o));
    }

    void stopsWhenCancelled()
    {
        const rs::LabelledFeatures train = separable({20, 20}, 9);
        rs::TrainingOptions o = quick();
        o.evalInterval = 10;
        rs::CancelFlag cancel{false};
        int reports = 0;
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::ClassifierHead::train(train, {}, 2, o, [&](const rs::TrainingPoint &) {
            ++reports;
            cancel = true;
        }, &cancel));
        QCOMPARE(reports, 1);
    }

    void refusesBadOptions()
    {
        const rs::LabelledFeatures train = separable({5, 5}, 10);
        rs::TrainingOptions o = quick();
        o.schedule.minimum = 1.0; // above the base rate
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::ClassifierHead::train(train, {}, 2, o));
        QVERIFY(!o.validate().isEmpty());
        QVERIFY(quick().validate().isEmpty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::ClassifierHead::train({}, {}, 2, quick()));
    }

    void savesAndLoads()
    {
        const rs::LabelledFeatures train = separable({20, 20, 20}, 12), test = separable({5, 5, 5}, 13);
        rs::TrainingOptions o = quick();
        o.hiddenUnits = 8;
        const rs::ClassifierHead head = rs::ClassifierHead::train(train, {}, 3, o);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("head.pth"));
        head.save(path);
        const rs::ClassifierHead loaded = rs::ClassifierHead::load(path, head.shape());
        QCOMPARE(loaded.probabilities(test.features).values, head.probabilities(test.features).values);
        QVERIFY_THROWS_EXCEPTION(rs::WeightsError, rs::ClassifierHead::load(path, rs::HeadShape{kFeatures, 3, 0}));
    }

    void convertsEpochsAndSteps()
    {
        QCOMPARE(rs::stepsForEpochs(3, 1000, 100), 30);
        QCOMPARE(rs::stepsForEpochs(0.5, 1000, 300), 2);
        QCOMPARE(rs::stepsForEpochs(4, 50, 0), 4); // full batch: a step is an epoch
        QCOMPARE(rs::epochsForSteps(10000, 800, 100), 1250.0);
        QCOMPARE(rs::epochsForSteps(7, 50, 100), 7.0);
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "test_training.moc"
