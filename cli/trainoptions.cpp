#include "trainoptions.h"

#include "cli.h"
#include "reporting.h"
#include "project/project.h"

namespace rs::cli {

RunCommandOptions::RunCommandOptions(QCommandLineParser &parser) : m_parser(parser), m_weights(parser), m_split(parser)
{
    const TrainOptions &o = m_train;
    for (const QCommandLineOption *option :
         {&o.imageDir, &o.project, &o.steps, &o.epochs, &o.batch, &o.rate, &o.minRate, &o.schedule, &o.optimizer, &o.momentum,
          &o.hidden, &o.dropout, &o.weightDecay, &o.noStandardize, &o.spreadFloor, &o.keepLast, &o.noCalibrate, &o.tune, &o.seed,
          &o.balanced, &o.classWeights, &o.checkpoint, &o.checkpointInterval, &o.resume, &o.flip, &o.crop, &o.scale,
          &o.brightness, &o.copies, &o.fineTune, &o.rateMultiplier, &o.rateDecay, &o.updateBatchNorm, &o.liveAugmentation, &o.interval, &o.layer, &o.cache,
          &o.memoryLimit})
        parser.addOption(*option);
    parser.addPositionalArgument(QStringLiteral("FOLDER"), QStringLiteral("Image folders."), QStringLiteral("[FOLDER...]"));
}

std::optional<Backbone> RunCommandOptions::load(const QString &command, TrainingRunOptions &run, int &exitCode) const
{
    std::optional<Backbone> backbone = m_weights.load(command, exitCode);
    run.precision = m_weights.precision();
    return backbone;
}

bool RunCommandOptions::read(const QString &command, TrainingRunOptions &run) const
{
    const QCommandLineParser &parser = m_parser;
    const TrainOptions &o = m_train;
    if (!m_split.read(command, run.split))
        return false;
    NumberReader number(parser, command);
    const QStringList folders = parser.values(o.imageDir) + parser.positionalArguments();
    run.sources = findClasses(folders);
    if (parser.isSet(o.project)) {
        try {
            const Project project = loadProject(parser.value(o.project));
            run.fixes = project.fixes;
            if (folders.isEmpty())
                run.sources.classes = project.sources.classes;
        } catch (const std::runtime_error &e) {
            fail(command, QString::fromStdString(e.what()), kBadArguments);
            return false;
        }
    }
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
    t.spreadFloor = number.real(o.spreadFloor);
    t.keepBest = !parser.isSet(o.keepLast);
    t.calibrate = !parser.isSet(o.noCalibrate);
    t.classWeights = parser.isSet(o.classWeights);
    t.checkpointFile = parser.value(o.checkpoint);
    t.checkpointInterval = number.integer(o.checkpointInterval);
    t.resume = parser.isSet(o.resume);
    run.tune = parser.isSet(o.tune);
    run.fineTuning.fromBlock = parser.value(o.fineTune);
    run.fineTuning.backboneRateMultiplier = number.real(o.rateMultiplier);
    run.fineTuning.backboneRateDecay = number.real(o.rateDecay);
    run.fineTuning.updateBatchNormStatistics = parser.isSet(o.updateBatchNorm);
    Augmentation &a = run.augmentation;
    a.flipLeftRight = parser.isSet(o.flip);
    a.cropPercent = number.real(o.crop, 0, 100);
    a.scalePercent = number.real(o.scale, 0, 100);
    a.brightnessPercent = number.real(o.brightness, 0, 99.9);
    a.copies = number.integer(o.copies, 0, 100);
    run.layer = parser.value(o.layer);
    if (parser.isSet(o.memoryLimit))
        run.inMemoryLimit = std::int64_t(number.integer(o.memoryLimit, 1, 1 << 30)) << 20;
    run.cacheRoot = parser.value(o.cache);
    if (!number.ok())
        return false;

    QString problem;
    const auto kind = LearningRateSchedule::parseKind(parser.value(o.schedule));
    const QString optimizer = parser.value(o.optimizer);
    if (folders.isEmpty() && !parser.isSet(o.project))
        problem = QStringLiteral("give at least one image folder (--image_dir DIR or as an argument) or --project FILE");
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
    else if (const auto live = LiveAugmentation::fromText(parser.value(o.liveAugmentation), &problem))
        run.fineTuning.liveAugmentation = *live;
    if (kind)
        t.schedule.kind = *kind;
    t.optimizer = optimizer == QLatin1String("adam") ? TrainingOptions::Optimizer::Adam : TrainingOptions::Optimizer::Sgd;
    if (run.fineTuning.enabled() && !parser.isSet(o.optimizer) && !parser.isSet(o.rate) && !parser.isSet(o.minRate)
        && !parser.isSet(o.momentum))
        offerDefaultOptimizer(t, true);
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

QString featureCounts(const TrainingRun &run)
{
    QString text = QStringLiteral("%1 from the cache, %2 computed").arg(run.fromCache).arg(run.computed);
    if (run.repaired)
        text += QStringLiteral(" (%1 damaged cache entries recomputed)").arg(run.repaired);
    if (run.augmentedRows)
        text += QStringLiteral(", %1 of them distorted copies of training images").arg(run.augmentedRows);
    text += QStringLiteral(" in %1 s").arg(run.extractionSeconds, 0, 'f', 1);
    if (run.computed > 0)
        text += QStringLiteral(" (%1)").arg(throughputSummary(run.precision, run.computed, run.extractionSeconds));
    return text;
}

FeatureProgress::FeatureProgress(TrainingRunCallbacks &callbacks, bool quiet)
{
    callbacks.scanned = [this, quiet](const Dataset &dataset, const FixesApplied &fixes) {
        if (!quiet)
            printDataset(out(), dataset, fixes);
        m_bar.emplace(QStringLiteral("features"), qint64(dataset.images.size()));
    };
    callbacks.extracting = [this](const ExtractionProgress &p) {
        m_bar->advance(p.done);
        if (p.done == p.total)
            finish();
    };
}

void FeatureProgress::finish()
{
    if (!m_bar || m_finished)
        return;
    m_bar->finish();
    m_finished = true;
}

} // namespace rs::cli
