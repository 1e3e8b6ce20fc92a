#include "training/settingrules.h"

#include "training/trainingrun.h"

#include <QCoreApplication>

#include <cmath>

#include <stdexcept>

namespace rs {
namespace {

// Messages are translated where a translator is installed (the GUI), under this context.
struct SettingRules
{
    Q_DECLARE_TR_FUNCTIONS(SettingRules)
};

const std::vector<SettingRule> &table()
{
    static const std::vector<SettingRule> rules = [] {
        const TrainingOptions training;
        const SplitOptions split;
        const FineTuning fineTuning;
        return std::vector<SettingRule>{
            {Setting::Steps, "steps", 1, 1e8, double(training.steps)},
            {Setting::Epochs, "epochs", 0.01, 1e5, 0},
            {Setting::BatchSize, "batch-size", 0, 1e6, double(training.batchSize)},
            {Setting::LearningRate, "learning-rate", 1e-6, 10, training.schedule.base},
            {Setting::MinLearningRate, "min-learning-rate", 1e-6, 10, training.schedule.minimum},
            {Setting::Momentum, "momentum", 0, 0.999, training.momentum},
            {Setting::WeightDecay, "weight-decay", 0, 1, training.weightDecay},
            {Setting::SpreadFloor, "spread-floor", 0, 1, training.spreadFloor},
            {Setting::HiddenUnits, "hidden-units", 0, 65536, double(training.hiddenUnits)},
            {Setting::Dropout, "dropout", 0, 0.95, training.dropout},
            {Setting::EvalInterval, "eval-interval", 1, 1e8, double(training.evalInterval)},
            {Setting::CheckpointInterval, "checkpoint-interval", 1, 1e8, double(training.checkpointInterval)},
            {Setting::ValidationPercent, "validation-percentage", 0, 100, split.validationPercent},
            {Setting::TestPercent, "testing-percentage", 0, 100, split.testPercent},
            {Setting::RateMultiplier, "backbone-rate-multiplier", 0.001, 10, fineTuning.backboneRateMultiplier},
            {Setting::RateDecay, "backbone-rate-decay", 0.1, 1, fineTuning.backboneRateDecay},
        };
    }();
    return rules;
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

// The setting in words, as the range message names it.
QString describe(Setting setting)
{
    switch (setting) {
    case Setting::Steps: return SettingRules::tr("the number of steps");
    case Setting::Epochs: return SettingRules::tr("the number of epochs");
    case Setting::BatchSize: return SettingRules::tr("the batch size");
    case Setting::LearningRate: return SettingRules::tr("the base learning rate");
    case Setting::MinLearningRate: return SettingRules::tr("the minimum learning rate");
    case Setting::Momentum: return SettingRules::tr("momentum");
    case Setting::WeightDecay: return SettingRules::tr("weight decay");
    case Setting::SpreadFloor: return SettingRules::tr("the spread floor");
    case Setting::HiddenUnits: return SettingRules::tr("the number of hidden units");
    case Setting::Dropout: return SettingRules::tr("dropout");
    case Setting::EvalInterval: return SettingRules::tr("the evaluation interval");
    case Setting::CheckpointInterval: return SettingRules::tr("the checkpoint interval");
    case Setting::ValidationPercent: return SettingRules::tr("the validation percentage");
    case Setting::TestPercent: return SettingRules::tr("the test percentage");
    case Setting::RateMultiplier: return SettingRules::tr("the fine-tuned blocks' rate multiplier");
    case Setting::RateDecay: return SettingRules::tr("the rate decay per block");
    default: return {};
    }
}

void checkRange(std::vector<SettingProblem> &problems, Setting setting, double value)
{
    const SettingRule &rule = ruleFor(setting);
    // NaN fails both comparisons, so it is refused too.
    if (!(value >= rule.minimum && value <= rule.maximum))
        problems.push_back({setting, rangeMessage(setting)});
}

// Beyond this many epochs a run mostly costs time (a head on fixed features has long converged,
// and keep-best takes an earlier step anyway); kSuggestedEpochs is offered instead.
constexpr double kManyEpochs = 500;
constexpr double kSuggestedEpochs = 100;
// Adam's usual rate (its authors' default) is 0.001; from this rate up it mostly jumps about.
constexpr double kHighAdamRate = 0.01;

} // namespace

const SettingRule &ruleFor(Setting setting)
{
    for (const SettingRule &rule : table())
        if (rule.setting == setting)
            return rule;
    throw std::invalid_argument("not a numeric setting");
}

QString rangeMessage(Setting setting)
{
    const SettingRule &rule = ruleFor(setting);
    return SettingRules::tr("%1 must be from %2 to %3").arg(describe(setting), number(rule.minimum), number(rule.maximum));
}

std::vector<SettingProblem> settingAdvice(const TrainingRunOptions &options, int trainingImages)
{
    std::vector<SettingProblem> advice;
    const TrainingOptions &t = options.training;
    if (trainingImages > 0 && options.epochs <= 0) {
        const double epochs = epochsForSteps(t.steps, trainingImages, t.batchSize);
        if (epochs > kManyEpochs)
            advice.push_back({Setting::Steps, SettingRules::tr("%1 steps show each of the %2 training images about %3 "
                                                               "times; %5 epochs would be %4 steps")
                                                  .arg(t.steps)
                                                  .arg(trainingImages)
                                                  .arg(std::lround(epochs))
                                                  .arg(stepsForEpochs(kSuggestedEpochs, trainingImages, t.batchSize))
                                                  .arg(kSuggestedEpochs)});
    }
    if (t.optimizer == TrainingOptions::Optimizer::Adam && t.schedule.base >= kHighAdamRate)
        advice.push_back({Setting::LearningRate, SettingRules::tr("Adam usually needs a 10 to 100 times smaller base "
                                                                  "learning rate than SGD: try 0.001")});
    return advice;
}

bool offerDefaultOptimizer(TrainingOptions &options, bool fineTuning)
{
    TrainingOptions head, tuning;
    tuning.optimizer = TrainingOptions::Optimizer::Adam;
    tuning.schedule.base = kFineTuningBaseRate;
    tuning.schedule.minimum = kFineTuningMinimumRate;
    const TrainingOptions &from = fineTuning ? head : tuning, &to = fineTuning ? tuning : head;
    if (options.optimizer != from.optimizer || options.momentum != from.momentum
        || options.schedule.base != from.schedule.base || options.schedule.minimum != from.schedule.minimum)
        return false;
    options.optimizer = to.optimizer;
    options.momentum = to.momentum;
    options.schedule.base = to.schedule.base;
    options.schedule.minimum = to.schedule.minimum;
    return true;
}

QString defaultText(Setting setting)
{
    return number(ruleFor(setting).defaultValue);
}

std::vector<SettingProblem> checkTrainingOptions(const TrainingOptions &options)
{
    std::vector<SettingProblem> problems;
    checkRange(problems, Setting::Steps, options.steps);
    checkRange(problems, Setting::BatchSize, options.batchSize);
    checkRange(problems, Setting::LearningRate, options.schedule.base);
    checkRange(problems, Setting::MinLearningRate, options.schedule.minimum);
    if (options.schedule.minimum > options.schedule.base)
        problems.push_back({Setting::MinLearningRate,
                            SettingRules::tr("the minimum learning rate must not exceed the base learning rate")});
    if (options.optimizer == TrainingOptions::Optimizer::Adam && options.momentum > 0)
        problems.push_back({Setting::Momentum, SettingRules::tr("momentum applies to SGD only: set it to 0 for Adam")});
    checkRange(problems, Setting::Momentum, options.momentum);
    checkRange(problems, Setting::WeightDecay, options.weightDecay);
    checkRange(problems, Setting::SpreadFloor, options.spreadFloor);
    checkRange(problems, Setting::HiddenUnits, options.hiddenUnits);
    checkRange(problems, Setting::Dropout, options.dropout);
    checkRange(problems, Setting::EvalInterval, options.evalInterval);
    checkRange(problems, Setting::CheckpointInterval, options.checkpointInterval);
    return problems;
}

std::vector<SettingProblem> checkSplit(const SplitOptions &split)
{
    std::vector<SettingProblem> problems;
    checkRange(problems, Setting::ValidationPercent, split.validationPercent);
    checkRange(problems, Setting::TestPercent, split.testPercent);
    if (split.validationPercent + split.testPercent >= 100)
        problems.push_back({Setting::TestPercent, SettingRules::tr("the validation and test percentages must add up to "
                                                                   "less than 100, or no image is left for training")});
    return problems;
}

std::vector<SettingProblem> checkRunOptions(const TrainingRunOptions &options)
{
    std::vector<SettingProblem> problems;
    if (options.epochs != 0)
        checkRange(problems, Setting::Epochs, options.epochs);
    for (SettingProblem &problem : checkTrainingOptions(options.training))
        problems.push_back(std::move(problem));
    for (SettingProblem &problem : checkSplit(options.split))
        problems.push_back(std::move(problem));
    if (const QString problem = options.fineTuning.validate(); !problem.isEmpty())
        problems.push_back({Setting::FineTuneFrom, problem});
    else if (options.fineTuning.enabled() && options.layer != Backbone::kBottleneck)
        problems.push_back({Setting::Layer, SettingRules::tr("fine-tuning trains the blocks below the bottleneck: keep "
                                                             "the feature layer at bottleneck")});
    if (options.fineTuning.enabled()) {
        checkRange(problems, Setting::RateMultiplier, options.fineTuning.backboneRateMultiplier);
        checkRange(problems, Setting::RateDecay, options.fineTuning.backboneRateDecay);
    }
    if (options.fineTuning.enabled() && options.tune)
        problems.push_back({Setting::FineTuneFrom, SettingRules::tr("finding good settings searches the classifier alone: "
                                                                    "switch fine-tuning off for it")});
    if (const QString problem = options.augmentation.validate(); !problem.isEmpty())
        problems.push_back({Setting::Augmentation, problem});
    // Distorted copies of one image on both sides of a cross-validation fold would score the
    // trials on images they were trained on.
    else if (options.augmentation.enabled() && options.tune)
        problems.push_back({Setting::Augmentation, SettingRules::tr("finding good settings scores undistorted images: "
                                                                    "switch augmentation off for it")});
    // Copies are made once for cached features; the whole network sees fresh distortions at every step.
    else if (options.augmentation.enabled() && options.fineTuning.wholeNetwork())
        problems.push_back({Setting::Augmentation, SettingRules::tr("the whole network trains on images distorted afresh "
                                                                    "at every step (live augmentation): switch the cached "
                                                                    "distorted copies off for it")});
    return problems;
}

QStringList emptySubsetWarnings(const std::vector<ClassCounts> &counts)
{
    std::array<int, 3> used{};
    for (const ClassCounts &c : counts)
        for (std::size_t s = 0; s < 3; ++s)
            used[s] += c.perSubset[s];
    QStringList warnings;
    for (const ClassCounts &c : counts) {
        if (c.total() == 0)
            continue; // named by the dataset's own warnings
        if (used[0] > 0 && c.perSubset[0] == 0)
            warnings << SettingRules::tr("class '%1' has no training images, so the classifier cannot learn it; lower "
                                         "the validation and test percentages or add images").arg(c.name);
        if (used[1] > 0 && c.perSubset[1] == 0)
            warnings << SettingRules::tr("class '%1' has no validation images; raise the validation percentage or add "
                                         "images").arg(c.name);
        if (used[2] > 0 && c.perSubset[2] == 0)
            warnings << SettingRules::tr("class '%1' has no test images, so its test accuracy cannot be measured; raise "
                                         "the test percentage or add images").arg(c.name);
    }
    return warnings;
}

} // namespace rs
