// Evaluation metrics on a case small enough to check by hand.

#include "evaluation/calibration.h"
#include "evaluation/evaluation.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <utility>

namespace {

// Three-class logits whose labels are drawn from softmax(z), so that they are calibrated by
// construction, then multiplied by `overconfidence`.
std::pair<rs::FeatureMatrix, std::vector<int>> calibratedByConstruction(int rows, double overconfidence, quint32 seed)
{
    QRandomGenerator random(seed);
    rs::FeatureMatrix logits{rows, 3, {}};
    std::vector<int> labels;
    for (int r = 0; r < rows; ++r) {
        double z[3], sum = 0;
        for (double &v : z)
            sum += std::exp(v = 2.0 * random.generateDouble());
        double u = random.generateDouble() * sum;
        int label = 0;
        while (label < 2 && (u -= std::exp(z[label])) > 0)
            ++label;
        labels.push_back(label);
        for (double v : z)
            logits.values.push_back(float(overconfidence * v));
    }
    return {logits, labels};
}

} // namespace

class TestEvaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputedCase()
    {
        // Six images, three classes. Predicted (argmax): a, a, b, b, b, a; truth: a, a, a, b, c, c.
        const rs::FeatureMatrix p{6, 3, {0.7f, 0.2f, 0.1f,   0.5f, 0.3f, 0.2f,   0.1f, 0.6f, 0.3f,
                                         0.2f, 0.7f, 0.1f,   0.1f, 0.8f, 0.1f,   0.4f, 0.35f, 0.25f}};
        const std::vector<int> truth{0, 0, 0, 1, 2, 2};
        const QStringList paths{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")};
        const rs::Evaluation e = rs::evaluate(p, truth, paths);

        QCOMPARE(e.count, 6);
        QCOMPARE(e.accuracy, 3.0 / 6.0);
        QCOMPARE(e.confusion, (std::vector<std::vector<int>>{{2, 1, 0}, {0, 1, 0}, {1, 1, 0}}));
        // a: predicted 3 times, 2 right; 3 true, 2 found.
        QCOMPARE(e.perClass[0].precision, 2.0 / 3.0);
        QCOMPARE(e.perClass[0].recall, 2.0 / 3.0);
        QVERIFY(qAbs(e.perClass[0].f1 - 2.0 / 3.0) < 1e-12);
        // b: predicted 3 times, 1 right; 1 true, found.
        QCOMPARE(e.perClass[1].precision, 1.0 / 3.0);
        QCOMPARE(e.perClass[1].recall, 1.0);
        QVERIFY(qAbs(e.perClass[1].f1 - 0.5) < 1e-12);
        // c: never predicted.
        QCOMPARE(e.perClass[2].precision, 0.0);
        QCOMPARE(e.perClass[2].recall, 0.0);
        QCOMPARE(e.perClass[2].f1, 0.0);
        QCOMPARE(e.perClass[2].support, 2);
        QVERIFY(qAbs(e.balancedAccuracy - (2.0 / 3.0 + 1.0 + 0.0) / 3.0) < 1e-12);

        // Mistakes, most confident first: image 5 (b, 0.8), image 3 (b, 0.6), image 6 (a, 0.4).
        const std::vector<rs::ImagePrediction> mistakes = e.misclassified();
        QCOMPARE(int(mistakes.size()), 3);
        QCOMPARE(mistakes[0].path, QStringLiteral("5"));
        QCOMPARE(mistakes[1].path, QStringLiteral("3"));
        QCOMPARE(mistakes[2].path, QStringLiteral("6"));
        QCOMPARE(mistakes[2].trueLabel, 2);
        QCOMPARE(mistakes[2].predicted, 0);
        QCOMPARE(mistakes[2].top[1].first, 1);
        QCOMPARE(mistakes[2].top[2].first, 2);
        // Every image is kept, most confident first: 5 (0.8) leads, 6 (0.4) is last.
        QCOMPARE(int(e.predictions.size()), 6);
        QCOMPARE(e.predictions.front().path, QStringLiteral("5"));
        QCOMPARE(e.predictions.back().path, QStringLiteral("6"));

        const QStringList classes{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        const QJsonObject json = rs::toJson(e, classes);
        QCOMPARE(json.value(QStringLiteral("accuracy")).toDouble(), 0.5);
        QCOMPARE(json.value(QStringLiteral("misclassified")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("predictions")).toArray().first().toObject().value(QStringLiteral("predicted_class")).toString(),
                 QStringLiteral("b"));

        const rs::Evaluation back = rs::evaluationFromJson(json, classes);
        QCOMPARE(back.confusion, e.confusion);
        QCOMPARE(back.balancedAccuracy, e.balancedAccuracy);
        QCOMPARE(back.predictions[2].path, e.predictions[2].path);
        QCOMPARE(back.predictions[2].top, e.predictions[2].top);
    }

    // Two images, two classes, logits chosen so that the probabilities are round numbers.
    void calibrationScoresByHand()
    {
        // Row 0: p = (0.75, 0.25), label 0 (right). Row 1: p = (0.6, 0.4), label 1 (wrong).
        const rs::FeatureMatrix logits{2, 2, {float(std::log(3.0)), 0.0f, float(std::log(1.5)), 0.0f}};
        const rs::CalibrationScores s = rs::calibrationScores(logits, {0, 1});
        QVERIFY(qAbs(s.nll - (-std::log(0.75) - std::log(0.4)) / 2) < 1e-6);
        // Bins of width 1/15: 0.75 falls in (11/15, 12/15] = bin 11, 0.6 in (8/15, 9/15] = bin 8.
        QCOMPARE(int(s.bins.size()), rs::kReliabilityBins);
        QCOMPARE(s.bins[11].count, 1);
        QCOMPARE(s.bins[11].accuracy, 1.0);
        QCOMPARE(s.bins[8].count, 1);
        QCOMPARE(s.bins[8].accuracy, 0.0);
        QVERIFY(qAbs(s.ece - (0.5 * 0.25 + 0.5 * 0.6)) < 1e-6);
    }

    // The fitted temperature is the one of lowest NLL: a fine grid finds nothing lower, and
    // logits ten times too large (an over-confident head) come back near T = 10.
    void fitsTheTemperatureOfLowestNll()
    {
        const auto [logits, labels] = calibratedByConstruction(400, 10.0, 3);
        const double t = rs::fitTemperature(logits, labels);
        QVERIFY2(t > 7 && t < 14, qPrintable(QString::number(t)));
        const double fitted = rs::calibrationScores(logits, labels, t).nll;
        for (double g = 0.5; g < 30; g *= 1.01)
            QVERIFY2(rs::calibrationScores(logits, labels, g).nll >= fitted - 1e-9, qPrintable(QString::number(g)));
        const rs::Calibration c = rs::calibrate(logits, labels);
        QCOMPARE(c.temperature, t);
        QVERIFY(c.after.nll < c.before.nll);
        QVERIFY(c.after.ece < c.before.ece);

        // Every image right with a wide margin: the NLL falls as T does, down to the bound.
        QCOMPARE(rs::fitTemperature(rs::FeatureMatrix{2, 2, {5, 0, 0, 5}}, {0, 1}), rs::kMinTemperature);
    }

    // A head that is calibrated already fits a temperature near 1 by chance: it is not applied
    // (it made new images' calibration worse); an over-confident head's is.
    void appliesATemperatureOnlyBeyondChance()
    {
        const auto [logits, labels] = calibratedByConstruction(300, 1.0, 5);
        const rs::Calibration calibrated = rs::calibrate(logits, labels);
        QVERIFY2(calibrated.fitted != 1.0, qPrintable(QString::number(calibrated.fitted)));
        QCOMPARE(calibrated.temperature, 1.0);
        QVERIFY(!calibrated.applied());
        QCOMPARE(calibrated.after.nll, calibrated.before.nll);
        QCOMPARE(calibrated.after.ece, calibrated.before.ece);
        QCOMPARE(rs::calibrationFromJson(rs::toJson(calibrated)).fitted, calibrated.fitted);

        const auto [sharp, sharpLabels] = calibratedByConstruction(300, 2.0, 5);
        const rs::Calibration overconfident = rs::calibrate(sharp, sharpLabels);
        QCOMPARE(overconfident.temperature, overconfident.fitted);
        QVERIFY(overconfident.applied());
        QVERIFY2(overconfident.temperature > 1.5, qPrintable(QString::number(overconfident.temperature)));
        QVERIFY(overconfident.after.nll < overconfident.before.nll);
    }

    void refusesJsonOfOtherClasses()
    {
        const rs::FeatureMatrix p{1, 2, {0.3f, 0.7f}};
        const QJsonObject json = rs::toJson(rs::evaluate(p, {0}, {QStringLiteral("x")}), {QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, rs::evaluationFromJson(json, {QStringLiteral("a"), QStringLiteral("z")}));
    }

    void emptyInput()
    {
        const rs::Evaluation e = rs::evaluate(rs::FeatureMatrix{0, 4, {}}, {}, {});
        QCOMPARE(e.count, 0);
        QCOMPARE(e.accuracy, 0.0);
        QCOMPARE(int(e.perClass.size()), 4);
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "test_evaluation.moc"
