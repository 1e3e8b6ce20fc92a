// One head trained on cached features as retrain-cli train would, scored on the test rows:
// the app's side of bench/quality.sh. The features are a `retrain-cli features --image_dir`
// output (F.npy and F.tsv with each row's label and subset); HOLDOUT.npy (and .tsv) holds more
// images of the same classes, never trained on, all of them test rows, so that the test set is
// large enough to tell classifiers apart. Everything is multiplied by FACTOR to emulate a
// backbone whose features are smaller or larger. SETTINGS is TrainingOptions JSON over the
// defaults, as a project file holds them ('{}': the app's defaults). With `tune`, the head is
// trained with the settings retrain-cli train --tune would choose from SETTINGS; with
// `lr-find`, only the learning-rate sweep runs, on the training rows (its time and suggestion).
//
// Usage: bench_quality F.npy HOLDOUT.npy FACTOR SETTINGS [tune | lr-find]
// Prints one JSON object: test accuracy, NLL, ECE, training seconds and what the head kept.

#include "labelledrows.h"

#include "evaluation/calibration.h"
#include "evaluation/evaluation.h"
#include "training/classifierhead.h"
#include "training/jsonformat.h"
#include "training/lrfinder.h"
#include "training/tuning.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>

namespace {

// Appends F.npy's rows, times `factor`, to the training, validation or test set its F.tsv names
// (every row to the test set with `allTest`).
bool readRows(const QString &path, float factor, bool allTest, rs::LabelledFeatures sets[3], int &classes)
{
    const std::optional<LabelledRows> rows = readLabelledRows(path);
    if (!rows)
        return false;
    const std::int64_t cols = rows->features.shape.at(1);
    for (std::size_t row = 0; row < rows->labels.size(); ++row) {
        const int label = rows->labels[row];
        const QByteArray subset = allTest ? QByteArray("test") : rows->subsets[row];
        rs::LabelledFeatures &set = sets[subset == "train" ? 0 : subset == "validation" ? 1 : 2];
        set.labels.push_back(label);
        for (std::int64_t c = 0; c < cols; ++c)
            set.features.values.push_back(rows->features.values[row * std::size_t(cols) + std::size_t(c)] * factor);
        set.features.cols = cols;
        classes = std::max(classes, label + 1);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.size() == 6 ? args[5] : QString();
    const bool tune = mode == QLatin1String("tune");
    if (args.size() < 5 || args.size() > 6 || !(mode.isEmpty() || tune || mode == QLatin1String("lr-find"))) {
        std::fprintf(stderr, "usage: bench_quality F.npy HOLDOUT.npy FACTOR SETTINGS [tune | lr-find]\n");
        return 2;
    }
    const float factor = args[3].toFloat();
    rs::TrainingOptions options = rs::trainingOptionsFromJson(QJsonDocument::fromJson(args[4].toUtf8()).object());
    rs::LabelledFeatures sets[3]; // train, validation, test
    int classes = 0;
    if (!readRows(args[1], factor, false, sets, classes) || !readRows(args[2], factor, true, sets, classes))
        return 1;
    for (rs::LabelledFeatures &set : sets)
        set.features.rows = std::int64_t(set.labels.size());

    QElapsedTimer clock;
    clock.start();
    if (mode == QLatin1String("lr-find")) {
        const rs::LearningRateSweep sweep = rs::sweepLearningRate(sets[0], classes, options);
        const QJsonObject result{{QStringLiteral("seconds"), clock.elapsed() / 1000.0},
                                 {QStringLiteral("suggested"), sweep.suggested},
                                 {QStringLiteral("steps"), int(sweep.probes.size())},
                                 {QStringLiteral("train"), int(sets[0].labels.size())}};
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    QJsonObject tuning;
    if (tune) {
        const rs::Tuning found = rs::tuneHead(sets[0], sets[1], classes, options, [](const rs::TuningTrial &t, int) {
            std::fprintf(stderr, "    %s: %.1f %%, loss %.3f (%.1f s)\n", qPrintable(rs::describeTrial(t.options)), 100 * t.accuracy,
                         t.loss, t.seconds);
        });
        options = found.bestOptions();
        tuning = {{QStringLiteral("seconds"), clock.elapsed() / 1000.0},
                  {QStringLiteral("trials"), int(found.trials.size())},
                  {QStringLiteral("folds"), found.folds},
                  {QStringLiteral("chose"), rs::describeTrial(options)}};
        clock.restart();
    }
    const rs::ClassifierHead head = rs::ClassifierHead::train(sets[0], sets[1], classes, options);
    const double seconds = clock.elapsed() / 1000.0;

    // Log-probabilities serve as logits (softmax of them gives the probabilities back); a
    // probability that underflowed to 0 counts as 1e-30, so one image costs at most 69 nats.
    const rs::FeatureMatrix probabilities = head.probabilities(sets[2].features);
    rs::FeatureMatrix logProbabilities = probabilities;
    for (float &p : logProbabilities.values)
        p = std::log(std::max(p, 1e-30f));
    const rs::Evaluation evaluation = rs::evaluate(probabilities, sets[2].labels, {});
    const rs::CalibrationScores scores = rs::calibrationScores(logProbabilities, sets[2].labels);
    const QJsonObject result{{QStringLiteral("accuracy"), evaluation.accuracy},
                             {QStringLiteral("nll"), scores.nll},
                             {QStringLiteral("ece"), scores.ece},
                             {QStringLiteral("seconds"), seconds},
                             {QStringLiteral("kept_step"), head.keptStep()},
                             {QStringLiteral("temperature"), head.calibration().temperature},
                             {QStringLiteral("spread_floor"), head.spreadFloor()},
                             {QStringLiteral("train"), int(sets[0].labels.size())},
                             {QStringLiteral("validation"), int(sets[1].labels.size())},
                             {QStringLiteral("test"), int(sets[2].labels.size())},
                             {QStringLiteral("tuning"), tuning}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
