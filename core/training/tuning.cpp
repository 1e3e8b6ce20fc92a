#include "training/tuning.h"

#include "evaluation/calibration.h"
#include "training/classifierhead.h"
#include "training/folds.h"
#include "training/jsonformat.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace rs {
namespace {

// One scoring split: a head trained on `fit`, judged on `held`.
struct Split
{
    LabelledFeatures fit, held;
};

// Validation when every class has enough of it; else k folds over training + validation,
// each class's images dealt round-robin so every fold holds its share of every class.
std::vector<Split> scoringSplits(const LabelledFeatures &train, const LabelledFeatures &validation, int classCount, int &folds)
{
    std::vector<int> perClass(std::size_t(classCount), 0);
    for (int label : validation.labels)
        ++perClass[std::size_t(label)];
    std::vector<int> trainPerClass(std::size_t(classCount), 0);
    for (int label : train.labels)
        ++trainPerClass[std::size_t(label)];
    bool enough = true;
    for (int c = 0; c < classCount; ++c)
        if (trainPerClass[std::size_t(c)] > 0 && perClass[std::size_t(c)] < kTuningMinValidationPerClass)
            enough = false;
    if (enough) {
        folds = 0;
        return {{train, validation}};
    }
    folds = kTuningFolds;
    const LabelledFeatures all = joined(train, validation);
    const std::vector<std::vector<std::int64_t>> foldRows = stratifiedFolds(all.labels, classCount, folds);
    std::vector<Split> splits;
    for (int k = 0; k < folds; ++k)
        splits.push_back({rowsOf(all, rowsOutside(foldRows, k)), rowsOf(all, foldRows[std::size_t(k)])});
    return splits;
}

} // namespace

std::vector<TrainingOptions> tuningCandidates(const TrainingOptions &base)
{
    struct Rate
    {
        TrainingOptions::Optimizer optimizer;
        double base, minimum;
    };
    // The seed's recipe, and Adam at the two rates that suit it on standardised features.
    const Rate rates[] = {{TrainingOptions::Optimizer::Sgd, 0.1, 0.001},
                          {TrainingOptions::Optimizer::Adam, 0.01, 0.0001},
                          {TrainingOptions::Optimizer::Adam, 0.001, 0.00001}};
    // The user's own settings come first, so the search never hands back worse-scored ones.
    std::vector<TrainingOptions> candidates{base};
    // spreadFloor 0: raw features; else standardised with that floor.
    const auto add = [&](const Rate &rate, double weightDecay, int hidden, int steps, double spreadFloor) {
        TrainingOptions o = base;
        o.optimizer = rate.optimizer;
        o.momentum = 0;
        o.schedule.kind = LearningRateSchedule::Kind::Exponential;
        o.schedule.base = rate.base;
        o.schedule.minimum = rate.minimum;
        o.weightDecay = weightDecay;
        o.hiddenUnits = hidden;
        o.dropout = 0;
        o.steps = steps;
        // As many progress reports (curve points) as the base run would make.
        o.evalInterval = int(std::max<std::int64_t>(1, std::int64_t(base.evalInterval) * steps / std::max(1, base.steps)));
        o.standardize = spreadFloor > 0;
        o.spreadFloor = spreadFloor;
        candidates.push_back(o);
    };
    // Lengths are a tenth and two fifths of the user's (1 000 and 4 000 steps for the default
    // 10 000), so the search stays within the time the user gave training.
    const int shorter = std::max(1, base.steps / 10);
    const int longer = int(std::max<std::int64_t>(1, std::int64_t(base.steps) * 2 / 5));
    for (int steps : {shorter, longer})
        for (double weightDecay : {1e-3, 1e-2})
            for (const Rate &rate : rates)
                add(rate, weightDecay, 0, steps, TrainingOptions::kOwnSpread);
    // Strong decay, for few images; the slow Adam rate, which suits it, also briefly.
    for (const Rate &rate : rates)
        add(rate, 3e-2, 0, longer, TrainingOptions::kOwnSpread);
    add(rates[2], 3e-2, 0, shorter, TrainingOptions::kOwnSpread);
    // Standardised with the wide dimensions only brought down, which suits a real backbone's
    // features (the default's other choice, docs/quality.md), at the two rates that did best there.
    for (const Rate &rate : {rates[0], rates[2]})
        add(rate, 1e-2, 0, longer, TrainingOptions::kTypicalSpread);
    // Raw features with Adam: SGD at 0.1 saturates on them (about 60 % on both of
    // bench/quality.sh's backbones), and its two trials would push the search past a minute.
    for (double weightDecay : {0.0, 1e-3})
        for (const Rate &rate : {rates[1], rates[2]})
            add(rate, weightDecay, 0, longer, 0.0);
    // A hidden layer's step costs ~30 times a linear head's (a fifth of the search's time on
    // 3 000 images): once, at the rate and decay that suit it, briefly.
    add(rates[2], 1e-2, 256, shorter, TrainingOptions::kOwnSpread);
    return candidates;
}

Tuning tuneHead(const LabelledFeatures &train, const LabelledFeatures &validation, int classCount,
                const TrainingOptions &base, const std::function<void(const TuningTrial &, int total)> &progress,
                const CancelFlag *cancel)
{
    Tuning tuning;
    const std::vector<Split> splits = scoringSplits(train, validation, classCount, tuning.folds);
    for (const Split &s : splits)
        tuning.heldOut += int(s.held.features.rows);
    const std::vector<TrainingOptions> candidates = tuningCandidates(base);
    for (const TrainingOptions &options : candidates) {
        // Scored as trained, at its last step: the held-out images pick neither the step kept
        // nor a temperature, which would flatter the trial they score.
        TrainingOptions trial = options;
        trial.keepBest = false;
        trial.calibrate = false;
        trial.evalInterval = trial.steps;
        trial.checkpointFile.clear();
        trial.resume = false;
        QElapsedTimer clock;
        clock.start();
        int right = 0;
        double loss = 0;
        for (const Split &s : splits) {
            const ClassifierHead head = ClassifierHead::train(s.fit, {}, classCount, trial, {}, cancel);
            const FeatureMatrix p = head.probabilities(s.held.features);
            for (std::int64_t r = 0; r < p.rows; ++r) {
                const float *row = p.row(r);
                const int label = s.held.labels[std::size_t(r)];
                right += int(std::max_element(row, row + p.cols) - row) == label;
                loss -= std::log(std::max(double(row[label]), 1e-30));
            }
        }
        const TuningTrial t{options, double(right) / std::max(1, tuning.heldOut), loss / std::max(1, tuning.heldOut),
                            clock.elapsed() / 1000.0};
        tuning.trials.push_back(t);
        const TuningTrial &best = tuning.best < 0 ? t : tuning.trials[std::size_t(tuning.best)];
        if (tuning.best < 0 || t.loss < best.loss || (t.loss == best.loss && t.accuracy > best.accuracy))
            tuning.best = int(tuning.trials.size()) - 1;
        if (progress)
            progress(tuning.trials.back(), int(candidates.size()));
    }
    return tuning;
}

QString describeTrial(const TrainingOptions &o)
{
    return QStringLiteral("%1 %2 -> %3, weight decay %4, %5 hidden units, %6 steps, %7")
        .arg(o.optimizer == TrainingOptions::Optimizer::Adam ? QStringLiteral("Adam") : QStringLiteral("SGD"))
        .arg(o.schedule.base)
        .arg(o.schedule.minimum)
        .arg(o.weightDecay)
        .arg(o.hiddenUnits)
        .arg(o.steps)
        .arg(!o.standardize         ? QStringLiteral("raw features")
             : o.spreadFloor == 0.0 ? QStringLiteral("standardised")
                                    : QStringLiteral("standardised, spread floor %1").arg(o.spreadFloor));
}

QJsonObject toJson(const Tuning &tuning)
{
    QJsonArray trials;
    for (const TuningTrial &t : tuning.trials)
        trials.append(QJsonObject{{QStringLiteral("settings"), toJson(t.options)},
                                  {QStringLiteral("accuracy"), t.accuracy},
                                  {QStringLiteral("loss"), t.loss},
                                  {QStringLiteral("seconds"), t.seconds}});
    return {{QStringLiteral("scored_on"), tuning.folds ? QStringLiteral("%1-fold cross-validation").arg(tuning.folds)
                                                       : QStringLiteral("validation")},
            {QStringLiteral("held_out_images"), tuning.heldOut},
            {QStringLiteral("best"), tuning.best},
            {QStringLiteral("trials"), trials}};
}

} // namespace rs
