#pragma once

#include "features/bottleneckcache.h"
#include "splitoption.h"
#include "terminal.h"
#include "weightsoption.h"
#include "training/settingrules.h"
#include "training/trainingrun.h"

#include <QCommandLineParser>
#include <QDir>

#include <optional>
#include <vector>

namespace rs::cli {

// The options of train and of lr-find, which reads the same data and head settings.
// Our option names first; TensorFlow retrain.py's names are accepted as aliases.
struct TrainOptions
{
    QCommandLineOption imageDir{{QStringLiteral("image-dir"), QStringLiteral("image_dir")},
                                QStringLiteral("A folder of class folders, or of images of one class (repeatable; "
                                               "folders may also be given as arguments)."),
                                QStringLiteral("DIR")};
    QCommandLineOption project{QStringLiteral("project"),
                               QStringLiteral("Apply this Retrain Studio project's fixes (relabelled, excluded and reviewed "
                                              "images); its classes are used when no folder is given."),
                               QStringLiteral("FILE")};
    QCommandLineOption steps{{QStringLiteral("steps"), QStringLiteral("how_many_training_steps")},
                             QStringLiteral("Training steps (default %1).").arg(defaultText(Setting::Steps)), QStringLiteral("N"),
                             defaultText(Setting::Steps)};
    QCommandLineOption epochs{QStringLiteral("epochs"),
                              QStringLiteral("Train for this many passes over the training images instead of --steps."),
                              QStringLiteral("E")};
    QCommandLineOption batch{{QStringLiteral("batch-size"), QStringLiteral("train_batch_size")},
                             QStringLiteral("Images per step (default %1); 'all' or 0 uses every training image.")
                                 .arg(defaultText(Setting::BatchSize)),
                             QStringLiteral("N"), defaultText(Setting::BatchSize)};
    QCommandLineOption rate{{QStringLiteral("learning-rate"), QStringLiteral("learning_rate")},
                            QStringLiteral("Base learning rate BLR (default %1).").arg(defaultText(Setting::LearningRate)),
                            QStringLiteral("BLR"), defaultText(Setting::LearningRate)};
    QCommandLineOption minRate{{QStringLiteral("min-learning-rate"), QStringLiteral("min_learning_rate")},
                               QStringLiteral("Minimum learning rate MLR (default %1).").arg(defaultText(Setting::MinLearningRate)),
                               QStringLiteral("MLR"), defaultText(Setting::MinLearningRate)};
    QCommandLineOption schedule{QStringLiteral("schedule"),
                                QStringLiteral("Learning-rate schedule over steps i = 0 .. STEPS-1 (default exponential):\n")
                                    + LearningRateSchedule::formulas(),
                                QStringLiteral("NAME"), QStringLiteral("exponential")};
    QCommandLineOption optimizer{QStringLiteral("optimizer"), QStringLiteral("sgd (default) or adam."),
                                 QStringLiteral("NAME"), QStringLiteral("sgd")};
    QCommandLineOption momentum{QStringLiteral("momentum"),
                                QStringLiteral("SGD momentum (default %1).").arg(defaultText(Setting::Momentum)),
                                QStringLiteral("M"), defaultText(Setting::Momentum)};
    QCommandLineOption hidden{QStringLiteral("hidden-units"),
                              QStringLiteral("Add a hidden layer of this many units (default %1; 0: none).")
                                  .arg(defaultText(Setting::HiddenUnits)),
                              QStringLiteral("N"), defaultText(Setting::HiddenUnits)};
    QCommandLineOption dropout{QStringLiteral("dropout"),
                               QStringLiteral("Dropout rate while training (default %1).").arg(defaultText(Setting::Dropout)),
                               QStringLiteral("P"), defaultText(Setting::Dropout)};
    QCommandLineOption seed{QStringLiteral("seed"), QStringLiteral("Random seed (default 0): same seed, same result."),
                            QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption weightDecay{{QStringLiteral("weight-decay"), QStringLiteral("weight_decay")},
                                   QStringLiteral("L2 weight decay (default %1).").arg(defaultText(Setting::WeightDecay)),
                                   QStringLiteral("W"), defaultText(Setting::WeightDecay)};
    QCommandLineOption noStandardize{{QStringLiteral("no-standardize"), QStringLiteral("no_standardize")},
                                     QStringLiteral("Train on the features as they come (the classic recipe) instead "
                                                    "of standardising each dimension; the learning rate then depends "
                                                    "on the backbone's feature scale.")};
    QCommandLineOption spreadFloor{{QStringLiteral("spread-floor"), QStringLiteral("spread_floor")},
                                   QStringLiteral("When standardising: scale a dimension that spreads less than this "
                                                  "share of the typical dimension as if it spread that much (0.1: each "
                                                  "by its own spread; 1: only the wide ones brought down). Default 0: "
                                                  "train with both, keep the lower validation loss."),
                                   QStringLiteral("F"), defaultText(Setting::SpreadFloor)};
    QCommandLineOption keepLast{{QStringLiteral("keep-last"), QStringLiteral("keep_last")},
                                QStringLiteral("End with the last step's weights instead of those of the report with "
                                               "the lowest validation loss.")};
    QCommandLineOption noCalibrate{{QStringLiteral("no-calibrate"), QStringLiteral("no_calibrate")},
                                   QStringLiteral("Leave the probabilities as trained instead of fitting a temperature "
                                                  "on the validation images.")};
    QCommandLineOption balanced{QStringLiteral("balanced"), QStringLiteral("Sample every class equally often.")};
    QCommandLineOption classWeights{{QStringLiteral("class-weights"), QStringLiteral("class_weights")},
                                    QStringLiteral("Weight each class's loss by the inverse of its share of the training images.")};
    QCommandLineOption checkpoint{QStringLiteral("checkpoint"),
                                  QStringLiteral("Save the training state to this file every --checkpoint_interval steps, "
                                                 "so that --resume can carry an interrupted run on."),
                                  QStringLiteral("FILE")};
    QCommandLineOption checkpointInterval{{QStringLiteral("checkpoint-interval"), QStringLiteral("checkpoint_interval")},
                                          QStringLiteral("Steps between checkpoints (default %1).")
                                              .arg(defaultText(Setting::CheckpointInterval)),
                                          QStringLiteral("N"), defaultText(Setting::CheckpointInterval)};
    QCommandLineOption flip{{QStringLiteral("flip-left-right"), QStringLiteral("flip_left_right")},
                            QStringLiteral("Augment: mirror training images left to right at random.")};
    QCommandLineOption crop{{QStringLiteral("random-crop"), QStringLiteral("random_crop")},
                            QStringLiteral("Augment: margin in percent around training images before a random crop."),
                            QStringLiteral("PERCENT"), QStringLiteral("0")};
    QCommandLineOption scale{{QStringLiteral("random-scale"), QStringLiteral("random_scale")},
                             QStringLiteral("Augment: enlarge training images at random by up to this percentage."),
                             QStringLiteral("PERCENT"), QStringLiteral("0")};
    QCommandLineOption brightness{{QStringLiteral("random-brightness"), QStringLiteral("random_brightness")},
                                  QStringLiteral("Augment: multiply training pixels at random by up to ± this percentage."),
                                  QStringLiteral("PERCENT"), QStringLiteral("0")};
    QCommandLineOption copies{{QStringLiteral("augmented-copies"), QStringLiteral("augmented_copies")},
                              QStringLiteral("Distorted copies made (and cached) of each training image when augmenting "
                                             "(default 5)."),
                              QStringLiteral("K"), QStringLiteral("5")};
    QCommandLineOption fineTune{{QStringLiteral("fine-tune-from"), QStringLiteral("fine_tune_from")},
                                QStringLiteral("Also train the Inception blocks from this one on: Mixed_7b (Keras's "
                                               "\"freeze the first 249 layers\"), Mixed_7a or Mixed_6e; or \"input\": "
                                               "the whole network, on images distorted afresh at every step (see "
                                               "--live_augmentation), as PyTorch's transfer-learning recipe does. Each "
                                               "step then runs those layers: use far fewer steps. Unless "
                                               "--optimizer, --momentum or a learning rate is given, fine-tuning "
                                               "trains with Adam from %1 down to %2.")
                                    .arg(kFineTuningBaseRate)
                                    .arg(kFineTuningMinimumRate),
                                QStringLiteral("BLOCK")};
    QCommandLineOption liveAugmentation{{QStringLiteral("live-augmentation"), QStringLiteral("live_augmentation")},
                                        QStringLiteral("With --fine_tune_from input: the distortions drawn for every "
                                                       "image at every step, \"none\" or any of crop (torchvision's "
                                                       "RandomResizedCrop), flip, brightness=PERCENT, contrast=PERCENT "
                                                       "(default %1).")
                                            .arg(LiveAugmentation().toText()),
                                        QStringLiteral("LIST"), LiveAugmentation().toText()};
    QCommandLineOption rateMultiplier{{QStringLiteral("backbone-rate-multiplier"), QStringLiteral("backbone_rate_multiplier")},
                                      QStringLiteral("The fine-tuned blocks learn at this fraction of the head's rate (default %1).")
                                          .arg(defaultText(Setting::RateMultiplier)),
                                      QStringLiteral("X"), defaultText(Setting::RateMultiplier)};
    QCommandLineOption rateDecay{{QStringLiteral("backbone-rate-decay"), QStringLiteral("backbone_rate_decay")},
                                 QStringLiteral("Discriminative rates: the top fine-tuned block learns at the multiplier, "
                                                "each block below it at this fraction of the rate of the one above "
                                                "(default %1: all alike).")
                                     .arg(defaultText(Setting::RateDecay)),
                                 QStringLiteral("X"), defaultText(Setting::RateDecay)};
    QCommandLineOption updateBatchNorm{{QStringLiteral("update-batchnorm-statistics"), QStringLiteral("update_batchnorm_statistics")},
                                       QStringLiteral("Fine-tune with batch statistics and update BatchNorm's running ones "
                                                      "(default: keep ImageNet's, as Keras advises).")};
    QCommandLineOption tune{QStringLiteral("tune"),
                            QStringLiteral("First try %1 head settings on the cached features (optimizer, learning rate, "
                                           "weight decay, hidden units, length, standardisation), each scored on the "
                                           "validation images (or by %2-fold cross-validation when a class has fewer "
                                           "than %3 of them), then train with the best.")
                                .arg(tuningCandidates({}).size())
                                .arg(kTuningFolds)
                                .arg(kTuningMinValidationPerClass)};
    QCommandLineOption resume{QStringLiteral("resume"),
                              QStringLiteral("Continue from --checkpoint if it holds this run (same images and settings); "
                                             "the result equals an uninterrupted run's.")};
    QCommandLineOption interval{{QStringLiteral("eval-interval"), QStringLiteral("eval_step_interval")},
                                QStringLiteral("Steps between progress reports (default %1).").arg(defaultText(Setting::EvalInterval)),
                                QStringLiteral("N"), defaultText(Setting::EvalInterval)};
    QCommandLineOption layer{QStringLiteral("layer"),
                             QStringLiteral("Feature layer: bottleneck (default) or a stage such as Mixed_6e."),
                             QStringLiteral("NAME"), Backbone::kBottleneck};
    QCommandLineOption cache{{QStringLiteral("bottleneck-dir"), QStringLiteral("bottleneck_dir")},
                             QStringLiteral("Bottleneck cache folder (default %1).").arg(QDir::toNativeSeparators(BottleneckCache::defaultRoot())),
                             QStringLiteral("DIR")};
    QCommandLineOption memoryLimit{QStringLiteral("in-memory-limit"),
                                   QStringLiteral("Hold the training set's features in memory up to this many MiB "
                                                  "(default: a quarter of the machine's memory); beyond, train on them "
                                                  "from the cache on disk, a batch at a time."),
                                   QStringLiteral("MIB")};
    QCommandLineOption exportDir{QStringLiteral("export"), QStringLiteral("Export the trained model to this folder."),
                                 QStringLiteral("DIR")};
    QCommandLineOption labels{{QStringLiteral("output-labels"), QStringLiteral("output_labels")},
                              QStringLiteral("Also write the class names, one per line, to this file."), QStringLiteral("FILE")};
    QCommandLineOption report{QStringLiteral("report"), QStringLiteral("Write the full JSON report to this file."),
                              QStringLiteral("FILE")};
    QCommandLineOption misclassified{{QStringLiteral("print-misclassified"), QStringLiteral("print_misclassified_test_images")},
                                     QStringLiteral("List every misclassified test image.")};
};

// What train, lr-find and audit share: the weights, the image folders (--image_dir and
// arguments), the split and the options that shape a run (all of TrainOptions but the outputs),
// added to the parser in that order.
class RunCommandOptions
{
public:
    explicit RunCommandOptions(QCommandLineParser &parser);

    const TrainOptions &train() const { return m_train; }
    // Fills `run` from the parsed options; returns false after printing the first problem as
    // `command`'s.
    bool read(const QString &command, TrainingRunOptions &run) const;
    // Loads the weights (WeightsOption::load) and sets run.precision; on failure returns
    // nothing, `exitCode` holding the code.
    std::optional<Backbone> load(const QString &command, TrainingRunOptions &run, int &exitCode) const;

private:
    const QCommandLineParser &m_parser;
    WeightsOption m_weights;
    TrainOptions m_train;
    SplitOption m_split;
};

// "58 from the cache, 2 computed in 0.4 s (46.2 img/s, bf16, ...)": where a run's features
// came from, and how fast the computed ones went (train and extract print it).
QString featureCounts(const TrainingRun &run);

// What a command prints while a run reads its data: the dataset's summary once the folders are
// read (unless `quiet`), then a progress line as features are computed, ended when the last
// one is or by finish(), whichever comes first.
class FeatureProgress
{
public:
    FeatureProgress(TrainingRunCallbacks &callbacks, bool quiet);
    FeatureProgress(const FeatureProgress &) = delete; // the callbacks hold `this`
    FeatureProgress &operator=(const FeatureProgress &) = delete;
    void finish();

private:
    std::optional<Progress> m_bar;
    bool m_finished = false;
};

} // namespace rs::cli
