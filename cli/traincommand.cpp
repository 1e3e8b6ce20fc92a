#include "cli.h"
#include "commands.h"
#include "export/modelexport.h"
#include "features/bottleneckcache.h"
#include "io/atomicfile.h"
#include "reporting.h"
#include "splitoption.h"
#include "terminal.h"
#include "training/settingrules.h"
#include "training/trainedmodel.h"
#include "weightsoption.h"

#include <QDir>

#include <cmath>

namespace rs::cli {
namespace {

// Our option names first; TensorFlow retrain.py's names are accepted as aliases.
struct TrainOptions
{
    QCommandLineOption imageDir{{QStringLiteral("image-dir"), QStringLiteral("image_dir")},
                                QStringLiteral("A folder of class folders, or of images of one class (repeatable; "
                                               "folders may also be given as arguments)."),
                                QStringLiteral("DIR")};
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
                                               "\"freeze the first 249 layers\"), Mixed_7a or Mixed_6e. Each step then "
                                               "runs those blocks: use far fewer steps."),
                                QStringLiteral("BLOCK")};
    QCommandLineOption rateMultiplier{{QStringLiteral("backbone-rate-multiplier"), QStringLiteral("backbone_rate_multiplier")},
                                      QStringLiteral("The fine-tuned blocks learn at this fraction of the head's rate (default %1).")
                                          .arg(defaultText(Setting::RateMultiplier)),
                                      QStringLiteral("X"), defaultText(Setting::RateMultiplier)};
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
    QCommandLineOption exportDir{QStringLiteral("export"), QStringLiteral("Export the trained model to this folder."),
                                 QStringLiteral("DIR")};
    QCommandLineOption labels{{QStringLiteral("output-labels"), QStringLiteral("output_labels")},
                              QStringLiteral("Also write the class names, one per line, to this file."), QStringLiteral("FILE")};
    QCommandLineOption report{QStringLiteral("report"), QStringLiteral("Write the full JSON report to this file."),
                              QStringLiteral("FILE")};
    QCommandLineOption misclassified{{QStringLiteral("print-misclassified"), QStringLiteral("print_misclassified_test_images")},
                                     QStringLiteral("List every misclassified test image.")};
};

// Fills `run` from the parsed options; returns false after printing the first problem.
bool readOptions(const QCommandLineParser &parser, const TrainOptions &o, const SplitOption &split,
                 TrainingRunOptions &run)
{
    const QString command = QStringLiteral("train");
    if (!split.read(command, run.split))
        return false;
    NumberReader number(parser, command);
    const QStringList folders = parser.values(o.imageDir) + parser.positionalArguments();
    run.sources = findClasses(folders);
    TrainingOptions &t = run.training;
    t.steps = number.integer(o.steps);
    if (parser.isSet(o.epochs))
        run.epochs = number.real(o.epochs);
    t.batchSize = parser.value(o.batch) == QLatin1String("all") ? 0 : number.integer(o.batch);
    t.schedule.base = number.real(o.rate);
    t.schedule.minimum = number.real(o.minRate);
    t.momentum = number.real(o.momentum);
    t.hiddenUnits = number.integer(o.hidden);
    t.dropout = number.real(o.dropout);
    t.evalInterval = number.integer(o.interval);
    bool seedOk = false;
    t.seed = parser.value(o.seed).toULongLong(&seedOk);
    t.balancedSampling = parser.isSet(o.balanced);
    t.weightDecay = number.real(o.weightDecay);
    t.standardize = !parser.isSet(o.noStandardize);
    t.keepBest = !parser.isSet(o.keepLast);
    t.calibrate = !parser.isSet(o.noCalibrate);
    t.classWeights = parser.isSet(o.classWeights);
    t.checkpointFile = parser.value(o.checkpoint);
    t.checkpointInterval = number.integer(o.checkpointInterval);
    t.resume = parser.isSet(o.resume);
    run.tune = parser.isSet(o.tune);
    run.fineTuning.fromBlock = parser.value(o.fineTune);
    run.fineTuning.backboneRateMultiplier = number.real(o.rateMultiplier);
    run.fineTuning.updateBatchNormStatistics = parser.isSet(o.updateBatchNorm);
    Augmentation &a = run.augmentation;
    a.flipLeftRight = parser.isSet(o.flip);
    a.cropPercent = number.real(o.crop, 0, 100);
    a.scalePercent = number.real(o.scale, 0, 100);
    a.brightnessPercent = number.real(o.brightness, 0, 99.9);
    a.copies = number.integer(o.copies, 0, 100);
    run.layer = parser.value(o.layer);
    run.cacheRoot = parser.value(o.cache);
    if (!number.ok())
        return false;

    QString problem;
    const auto kind = LearningRateSchedule::parseKind(parser.value(o.schedule));
    const QString optimizer = parser.value(o.optimizer);
    if (folders.isEmpty())
        problem = QStringLiteral("give at least one image folder (--image_dir DIR or as an argument)");
    else if (parser.isSet(o.epochs) && parser.isSet(o.steps))
        problem = QStringLiteral("--epochs and --steps exclude each other");
    else if (!seedOk)
        problem = QStringLiteral("--seed needs a whole number");
    else if (!kind)
        problem = QStringLiteral("--schedule must be one of: ") + LearningRateSchedule::kindNames().join(QStringLiteral(", "));
    else if (optimizer != QLatin1String("sgd") && optimizer != QLatin1String("adam"))
        problem = QStringLiteral("--optimizer must be sgd or adam");
    else if (!Backbone::layerNames().contains(run.layer) || run.layer == Backbone::kLogits)
        problem = QStringLiteral("--layer must be bottleneck or a stage from Conv2d_1a_3x3 to Mixed_7c");
    if (kind)
        t.schedule.kind = *kind;
    t.optimizer = optimizer == QLatin1String("adam") ? TrainingOptions::Optimizer::Adam : TrainingOptions::Optimizer::Sgd;
    t.schedule.steps = t.steps;
    if (const std::vector<SettingProblem> problems = checkRunOptions(run); problem.isEmpty() && !problems.empty())
        problem = problems.front().message;
    if (problem.isEmpty())
        problem = t.validate(); // what only the command line can get wrong: --resume without --checkpoint
    if (!problem.isEmpty()) {
        fail(command, problem, kBadArguments);
        return false;
    }
    return true;
}

void printPoint(const TrainingPoint &p)
{
    const QString total = QString::number(p.totalSteps);
    out() << "step " << QString::number(p.step).rightJustified(int(total.size())) << '/' << total
          << "  lr " << QString::number(p.learningRate, 'g', 4) << "  loss " << QString::number(p.trainLoss, 'f', 4)
          << "  train " << QString::number(100 * p.trainAccuracy, 'f', 1) << '%';
    if (!std::isnan(p.validationAccuracy))
        out() << "  validation loss " << QString::number(p.validationLoss, 'f', 4) << "  validation "
              << QString::number(100 * p.validationAccuracy, 'f', 1) << '%';
    out() << Qt::endl;
}

} // namespace

int trainCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("train");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Train a classifier on folders of images (one folder per class): InceptionV3 features "
                       "are computed once and cached, then a fully-connected head is trained on them, "
                       "evaluated on the held-out test images and optionally exported."));
    WeightsOption weights(parser);
    const TrainOptions o;
    parser.addOption(o.imageDir);
    const SplitOption split(parser);
    for (const QCommandLineOption *option :
         {&o.steps, &o.epochs, &o.batch, &o.rate, &o.minRate, &o.schedule,
          &o.optimizer, &o.momentum, &o.hidden, &o.dropout, &o.weightDecay, &o.noStandardize, &o.keepLast, &o.noCalibrate, &o.tune, &o.seed, &o.balanced, &o.classWeights, &o.checkpoint, &o.checkpointInterval, &o.resume, &o.flip, &o.crop, &o.scale, &o.brightness, &o.copies, &o.fineTune, &o.rateMultiplier, &o.updateBatchNorm, &o.interval, &o.layer, &o.cache,
          &o.exportDir, &o.labels, &o.report, &o.misclassified})
        parser.addOption(*option);
    parser.addPositionalArgument(QStringLiteral("FOLDER"), QStringLiteral("Image folders."), QStringLiteral("[FOLDER...]"));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    TrainingRunOptions options;
    if (!readOptions(parser, o, split, options))
        return kBadArguments;
    QStringList outputs;
    for (const QCommandLineOption *output : {&o.report, &o.labels, &o.checkpoint, &o.exportDir})
        if (parser.isSet(*output))
            outputs << parser.value(*output);
    if (const QString problem = unwritableOutput(outputs); !problem.isEmpty())
        return fail(command, problem, kFailure);

    int code = kSuccess;
    std::optional<Backbone> backbone = weights.load(command, code);
    if (!backbone)
        return code;
    options.precision = weights.precision();

    std::optional<Progress> progress;
    TrainingRunCallbacks callbacks;
    callbacks.scanned = [&](const Dataset &dataset) {
        printDataset(out(), dataset);
        progress.emplace(QStringLiteral("features"), qint64(dataset.images.size()));
    };
    callbacks.extracting = [&](const ExtractionProgress &p) { progress->advance(p.done); };
    bool extractionReported = false;
    TrainingRun run;
    const auto endExtraction = [&] {
        if (!extractionReported)
            progress->finish();
        extractionReported = true;
    };
    int trialsDone = 0;
    callbacks.tuning = [&](const TuningTrial &t, int total) {
        endExtraction();
        out() << "trial " << ++trialsDone << '/' << total << ": " << describeTrial(t.options) << ": accuracy "
              << QString::number(100 * t.accuracy, 'f', 1) << " %, loss " << QString::number(t.loss, 'f', 3) << " ("
              << QString::number(t.seconds, 'f', 1) << " s)" << Qt::endl;
    };
    callbacks.training = [&](const TrainingPoint &p) {
        if (!extractionReported) {
            endExtraction();
            if (p.resumedFrom > 0)
                out() << "resumed from " << QDir::toNativeSeparators(options.training.checkpointFile) << " at step "
                      << p.resumedFrom << Qt::endl;
        }
        printPoint(p);
    };
    try {
        run = runTraining(*backbone, options, callbacks);
    } catch (const std::invalid_argument &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    } catch (const std::runtime_error &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
    if (run.tuning)
        out() << "chose trial " << run.tuning->best + 1 << " of " << run.tuning->trials.size() << " (scored on "
              << (run.tuning->folds ? QStringLiteral("%1-fold cross-validation over %2 images").arg(run.tuning->folds).arg(run.tuning->heldOut)
                                    : QStringLiteral("%1 validation images").arg(run.tuning->heldOut))
              << "): " << describeTrial(run.options.training) << '\n';
    out() << "features: " << run.fromCache << " from the cache, " << run.computed << " computed";
    if (run.repaired)
        out() << " (" << run.repaired << " damaged cache entries recomputed)";
    if (run.augmentedRows)
        out() << ", " << run.augmentedRows << " of them distorted copies of training images";
    out() << " in " << QString::number(run.extractionSeconds, 'f', 1) << " s";
    if (run.computed > 0)
        out() << " (" << throughputSummary(run.precision, run.computed, run.extractionSeconds) << ')';
    out() << "; training: "
          << run.options.training.steps << " steps ("
          << QString::number(epochsForSteps(run.options.training.steps, int(run.dataset.indicesOf(Subset::Train).size()),
                                            run.options.training.batchSize), 'f', 1)
          << " epochs) in " << QString::number(run.trainingSeconds, 'f', 1) << " s\n";
    if (run.head && run.head->keptStep() < run.options.training.steps)
        out() << "kept the weights of step " << run.head->keptStep() << ", the lowest validation loss (--keep-last: the last)\n";
    if (const Calibration &c = run.head->calibration(); c.images > 0)
        out() << "calibrated on " << c.images << " validation images: temperature " << QString::number(c.temperature, 'g', 3)
              << ", NLL " << QString::number(c.before.nll, 'f', 3) << " -> " << QString::number(c.after.nll, 'f', 3)
              << ", ECE " << QString::number(c.before.ece, 'f', 3) << " -> " << QString::number(c.after.ece, 'f', 3) << "\n";
    out() << "test set: ";
    printEvaluation(out(), run.evaluation, run.dataset.classes, parser.isSet(o.misclassified));

    QString problem;
    if (parser.isSet(o.report))
        problem = writeJson(parser.value(o.report), run.report(backbone->weights()));
    try {
        if (problem.isEmpty() && parser.isSet(o.labels))
            writeFileAtomically(parser.value(o.labels), run.dataset.classes.join(QLatin1Char('\n')).toUtf8() + '\n');
        if (problem.isEmpty() && parser.isSet(o.exportDir)) {
            exportModel(parser.value(o.exportDir),
                        TrainedModel(std::make_shared<const Backbone>(std::move(*backbone)), std::move(run)));
            out() << "exported to " << QDir::toNativeSeparators(parser.value(o.exportDir)) << Qt::endl;
        }
    } catch (const std::exception &e) {
        problem = QString::fromStdString(e.what());
    }
    return problem.isEmpty() ? kSuccess : fail(command, problem, kFailure);
}

} // namespace rs::cli
