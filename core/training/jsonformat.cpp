#include "training/jsonformat.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace rs {
namespace {

QString optimizerName(TrainingOptions::Optimizer optimizer)
{
    return optimizer == TrainingOptions::Optimizer::Adam ? QStringLiteral("adam") : QStringLiteral("sgd");
}

// NaN (no validation set) has no JSON form: it is written as null and read back as NaN.
QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

double numberOrNan(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

QJsonObject toJson(const TrainingOptions &t)
{
    return QJsonObject{{QStringLiteral("steps"), t.steps},
                       {QStringLiteral("batch_size"), t.batchSize},
                       {QStringLiteral("schedule"), LearningRateSchedule::kindName(t.schedule.kind)},
                       {QStringLiteral("base_learning_rate"), t.schedule.base},
                       {QStringLiteral("min_learning_rate"), t.schedule.minimum},
                       {QStringLiteral("optimizer"), optimizerName(t.optimizer)},
                       {QStringLiteral("momentum"), t.momentum},
                       {QStringLiteral("hidden_units"), t.hiddenUnits},
                       {QStringLiteral("dropout"), t.dropout},
                       {QStringLiteral("seed"), QString::number(t.seed)},
                       {QStringLiteral("balanced_sampling"), t.balancedSampling},
                       {QStringLiteral("class_weights"), t.classWeights},
                       {QStringLiteral("eval_interval"), t.evalInterval},
                       {QStringLiteral("standardize"), t.standardize},
                       {QStringLiteral("spread_floor"), t.spreadFloor},
                       {QStringLiteral("weight_decay"), t.weightDecay},
                       {QStringLiteral("keep_best"), t.keepBest},
                       {QStringLiteral("calibrate"), t.calibrate}};
}

TrainingOptions trainingOptionsFromJson(const QJsonObject &json)
{
    TrainingOptions t;
    t.steps = json.value(QStringLiteral("steps")).toInt(t.steps);
    t.batchSize = json.value(QStringLiteral("batch_size")).toInt(t.batchSize);
    if (json.contains(QStringLiteral("schedule"))) {
        const QString name = json.value(QStringLiteral("schedule")).toString();
        const auto kind = LearningRateSchedule::parseKind(name);
        if (!kind)
            throw std::runtime_error("unknown learning rate schedule '" + name.toStdString() + "'");
        t.schedule.kind = *kind;
    }
    t.schedule.base = json.value(QStringLiteral("base_learning_rate")).toDouble(t.schedule.base);
    t.schedule.minimum = json.value(QStringLiteral("min_learning_rate")).toDouble(t.schedule.minimum);
    t.schedule.steps = t.steps;
    const QString optimizer = json.value(QStringLiteral("optimizer")).toString(optimizerName(t.optimizer));
    if (optimizer != optimizerName(TrainingOptions::Optimizer::Sgd) && optimizer != optimizerName(TrainingOptions::Optimizer::Adam))
        throw std::runtime_error("unknown optimizer '" + optimizer.toStdString() + "'");
    t.optimizer = optimizer == QLatin1String("adam") ? TrainingOptions::Optimizer::Adam : TrainingOptions::Optimizer::Sgd;
    t.momentum = json.value(QStringLiteral("momentum")).toDouble(t.momentum);
    t.hiddenUnits = json.value(QStringLiteral("hidden_units")).toInt(t.hiddenUnits);
    t.dropout = json.value(QStringLiteral("dropout")).toDouble(t.dropout);
    if (json.contains(QStringLiteral("seed"))) {
        bool ok = false;
        t.seed = json.value(QStringLiteral("seed")).toString().toULongLong(&ok);
        if (!ok)
            throw std::runtime_error("the seed must be a whole number written as a string");
    }
    t.balancedSampling = json.value(QStringLiteral("balanced_sampling")).toBool(t.balancedSampling);
    t.classWeights = json.value(QStringLiteral("class_weights")).toBool(t.classWeights);
    t.evalInterval = json.value(QStringLiteral("eval_interval")).toInt(t.evalInterval);
    t.standardize = json.value(QStringLiteral("standardize")).toBool(t.standardize);
    t.spreadFloor = json.value(QStringLiteral("spread_floor")).toDouble(t.spreadFloor);
    t.weightDecay = json.value(QStringLiteral("weight_decay")).toDouble(t.weightDecay);
    t.keepBest = json.value(QStringLiteral("keep_best")).toBool(t.keepBest);
    t.calibrate = json.value(QStringLiteral("calibrate")).toBool(t.calibrate);
    return t;
}

QJsonObject toJson(const Augmentation &a)
{
    return QJsonObject{{QStringLiteral("flip_left_right"), a.flipLeftRight},
                       {QStringLiteral("random_crop"), a.cropPercent},
                       {QStringLiteral("random_scale"), a.scalePercent},
                       {QStringLiteral("random_brightness"), a.brightnessPercent},
                       {QStringLiteral("copies"), a.copies}};
}

Augmentation augmentationFromJson(const QJsonObject &json)
{
    Augmentation a;
    a.flipLeftRight = json.value(QStringLiteral("flip_left_right")).toBool(a.flipLeftRight);
    a.cropPercent = json.value(QStringLiteral("random_crop")).toDouble(a.cropPercent);
    a.scalePercent = json.value(QStringLiteral("random_scale")).toDouble(a.scalePercent);
    a.brightnessPercent = json.value(QStringLiteral("random_brightness")).toDouble(a.brightnessPercent);
    a.copies = json.value(QStringLiteral("copies")).toInt(a.copies);
    if (const QString problem = a.validate(); !problem.isEmpty())
        throw std::runtime_error(problem.toStdString());
    return a;
}

QJsonObject toJson(const FineTuning &f)
{
    return QJsonObject{{QStringLiteral("from_block"), f.fromBlock},
                       {QStringLiteral("backbone_rate_multiplier"), f.backboneRateMultiplier},
                       {QStringLiteral("backbone_rate_decay"), f.backboneRateDecay},
                       {QStringLiteral("update_batchnorm_statistics"), f.updateBatchNormStatistics},
                       {QStringLiteral("live_augmentation"), f.liveAugmentation.toText()}};
}

FineTuning fineTuningFromJson(const QJsonObject &json)
{
    FineTuning f;
    f.fromBlock = json.value(QStringLiteral("from_block")).toString();
    f.backboneRateMultiplier = json.value(QStringLiteral("backbone_rate_multiplier")).toDouble(f.backboneRateMultiplier);
    f.backboneRateDecay = json.value(QStringLiteral("backbone_rate_decay")).toDouble(f.backboneRateDecay);
    f.updateBatchNormStatistics = json.value(QStringLiteral("update_batchnorm_statistics")).toBool(f.updateBatchNormStatistics);
    if (json.contains(QStringLiteral("live_augmentation"))) {
        QString error;
        const auto live = LiveAugmentation::fromText(json.value(QStringLiteral("live_augmentation")).toString(), &error);
        if (!live)
            throw std::runtime_error(error.toStdString());
        f.liveAugmentation = *live;
    }
    if (const QString problem = f.validate(); !problem.isEmpty())
        throw std::runtime_error(problem.toStdString());
    return f;
}

QJsonArray toJson(const std::vector<TrainingPoint> &curve)
{
    QJsonArray out;
    for (const TrainingPoint &p : curve)
        out.append(QJsonObject{{QStringLiteral("step"), p.step},
                               {QStringLiteral("total_steps"), p.totalSteps},
                               {QStringLiteral("learning_rate"), p.learningRate},
                               {QStringLiteral("train_loss"), p.trainLoss},
                               {QStringLiteral("train_accuracy"), p.trainAccuracy},
                               {QStringLiteral("validation_loss"), number(p.validationLoss)},
                               {QStringLiteral("validation_accuracy"), number(p.validationAccuracy)}});
    return out;
}

std::vector<TrainingPoint> curveFromJson(const QJsonArray &json)
{
    std::vector<TrainingPoint> curve;
    for (const QJsonValue &value : json) {
        const QJsonObject p = value.toObject();
        curve.push_back({p.value(QStringLiteral("step")).toInt(), p.value(QStringLiteral("total_steps")).toInt(),
                         p.value(QStringLiteral("learning_rate")).toDouble(), p.value(QStringLiteral("train_loss")).toDouble(),
                         p.value(QStringLiteral("train_accuracy")).toDouble(),
                         numberOrNan(p.value(QStringLiteral("validation_loss"))),
                         numberOrNan(p.value(QStringLiteral("validation_accuracy"))), 0});
    }
    return curve;
}

} // namespace rs
