#pragma once

// The settings a user chooses for a run, each with one home for its bounds and default, and
// the checks of their combinations. retrain-cli's options and help, the Settings page's fields
// and the engine's own checks all read this table, so both front ends refuse the same mistake
// in the same words.

#include "data/dataset.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace rs {

struct SplitOptions;
struct TrainingOptions;
struct TrainingRunOptions;

enum class Setting {
    Steps,
    Epochs,
    BatchSize,
    LearningRate,
    MinLearningRate,
    Optimizer,
    Momentum,
    WeightDecay,
    SpreadFloor,
    HiddenUnits,
    Dropout,
    EvalInterval,
    CheckpointInterval,
    ValidationPercent,
    TestPercent,
    Layer,
    FineTuneFrom,
    RateMultiplier,
    RateDecay,
    Augmentation,
};

struct SettingRule
{
    Setting setting;
    const char *option;  // retrain-cli's long option, without the dashes
    double minimum = 0;  // numeric settings: the accepted range
    double maximum = 0;
    double defaultValue = 0; // read from the option structs' own defaults
};

// Throws std::invalid_argument for a setting that is not numeric (Optimizer, Layer, ...).
const SettingRule &ruleFor(Setting setting);
// The default as help texts print it: "10000", "0.1", "0.001".
QString defaultText(Setting setting);

// "<setting> must be from <minimum> to <maximum>", the refusal of a number out of its range.
QString rangeMessage(Setting setting);

struct SettingProblem
{
    Setting setting; // the field to change
    QString message; // a sentence that names the setting in words
};

// Every problem with the options, in the order of the settings page. Messages are
// translated (context "SettingRules") where a translator is installed.
std::vector<SettingProblem> checkTrainingOptions(const TrainingOptions &options);
std::vector<SettingProblem> checkSplit(const SplitOptions &split);
std::vector<SettingProblem> checkRunOptions(const TrainingRunOptions &options);

// Settings that work but are likely not what the user wants, for this many training images: a
// length far beyond what a dataset of that size needs, a rate meant for SGD given to Adam. Each
// names the setting (Steps or LearningRate) and suggests a value. Translated as above.
std::vector<SettingProblem> settingAdvice(const TrainingRunOptions &options, int trainingImages);

// The optimizer and rates a run takes when fine-tuning and none of them is chosen: Adam from
// kFineTuningBaseRate down to kFineTuningMinimumRate. SGD's steps grow with the gradient, and a
// real backbone's features are small (an L2 norm near 2), so the head on them has large weights
// and the gradient that reaches the blocks is large: at the head's SGD rates (0.1) fine-tuning
// from Mixed_7b diverged within 6 steps on bench/quality_finetune.sh's real backbone. Adam's
// steps do not scale with the gradient (docs/quality.md).
constexpr double kFineTuningBaseRate = 0.001, kFineTuningMinimumRate = 0.00001;
// Gives `options` the default optimizer and rates of a run that fine-tunes (or, false, of the
// head alone's) when they are still the other kind's defaults; a user's own choice stays.
// Returns whether they changed.
bool offerDefaultOptimizer(TrainingOptions &options, bool fineTuning);

// Classes left without images in a set that other classes have images in, as the split
// falls: without training images the classifier cannot learn the class, without validation or
// test images its figures there are missing. Translated as the problems above are.
QStringList emptySubsetWarnings(const std::vector<ClassCounts> &counts);

} // namespace rs
