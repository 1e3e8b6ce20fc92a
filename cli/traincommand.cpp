#include "cli.h"
#include "commands.h"
#include "export/modelexport.h"
#include "features/bottleneckcache.h"
#include "io/atomicfile.h"
#include "reporting.h"
#include "trainoptions.h"
#include "terminal.h"
#include "training/settingrules.h"
#include "training/trainedmodel.h"

#include <QDir>

#include <cmath>
#include <utility>

namespace rs::cli {
namespace {

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
    const RunCommandOptions common(parser);
    const TrainOptions &o = common.train();
    for (const QCommandLineOption *option : {&o.exportDir, &o.labels, &o.report, &o.misclassified})
        parser.addOption(*option);
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    TrainingRunOptions options;
    if (!common.read(command, options))
        return kBadArguments;
    QStringList outputs;
    for (const QCommandLineOption *output : {&o.report, &o.labels, &o.checkpoint, &o.exportDir})
        if (parser.isSet(*output))
            outputs << parser.value(*output);
    if (const QString problem = unwritableOutput(outputs); !problem.isEmpty())
        return fail(command, problem, kFailure);

    int code = kSuccess;
    std::optional<Backbone> backbone = common.load(command, options, code);
    if (!backbone)
        return code;

    TrainingRunCallbacks callbacks;
    FeatureProgress progress(callbacks, false);
    TrainingRun run;
    int trialsDone = 0;
    callbacks.tuning = [&](const TuningTrial &t, int total) {
        progress.finish();
        out() << "trial " << ++trialsDone << '/' << total << ": " << describeTrial(t.options) << ": accuracy "
              << QString::number(100 * t.accuracy, 'f', 1) << " %, loss " << QString::number(t.loss, 'f', 3) << " ("
              << QString::number(t.seconds, 'f', 1) << " s)" << Qt::endl;
    };
    bool firstPoint = true;
    callbacks.training = [&](const TrainingPoint &p) {
        progress.finish();
        if (std::exchange(firstPoint, false) && p.resumedFrom > 0)
            out() << "resumed from " << QDir::toNativeSeparators(options.training.checkpointFile) << " at step "
                  << p.resumedFrom << Qt::endl;
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
    out() << "features: " << featureCounts(run);
    if (run.trainingSetOnDisk)
        out() << "; the training set is read from the cache on disk as it trains (too large for memory)";
    out() << "; training: "
          << run.options.training.steps << " steps ("
          << QString::number(epochsForSteps(run.options.training.steps, int(run.dataset.indicesOf(Subset::Train).size()),
                                            run.options.training.batchSize), 'f', 1)
          << " epochs) in " << QString::number(run.trainingSeconds, 'f', 1) << " s\n";
    if (run.head && run.head->keptStep() < run.options.training.steps)
        out() << "kept the weights of step " << run.head->keptStep() << ", the lowest validation loss (--keep-last: the last)\n";
    if (const Calibration &c = run.head->calibration(); c.images > 0 && !c.applied())
        out() << "already calibrated on " << c.images << " validation images: temperature "
              << QString::number(c.fitted, 'g', 3) << " gains no more than chance, not applied (ECE "
              << QString::number(c.before.ece, 'f', 3) << ")\n";
    else if (c.images > 0)
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
