#include "cli.h"
#include "commands.h"
#include "data/shard.h"
#include "terminal.h"
#include "trainoptions.h"

#include <QDir>
#include <QProcessEnvironment>

namespace rs::cli {
namespace {

// The shard from --shard, else from the scheduler's variables; prints which. Returns false
// after printing the problem.
bool chooseShard(const QString &command, const QCommandLineParser &parser, const QCommandLineOption &shardOption,
                 const QCommandLineOption &shardsOption, Shard &shard)
{
    int shards = 0;
    if (parser.isSet(shardsOption)) {
        bool ok = false;
        shards = parser.value(shardsOption).toInt(&ok);
        if (!ok || shards < 1) {
            fail(command, QStringLiteral("--shards must be a whole number of at least 1, not '%1'").arg(parser.value(shardsOption)),
                 kBadArguments);
            return false;
        }
    }
    QString problem;
    if (parser.isSet(shardOption)) {
        const std::optional<Shard> given = parseShard(parser.value(shardOption), problem);
        if (!given) {
            fail(command, problem, kBadArguments);
            return false;
        }
        shard = *given;
        out() << "shard " << shard.text() << " (from --shard)" << Qt::endl;
        return true;
    }
    const ScheduledShard scheduled = shardFromEnvironment(QProcessEnvironment::systemEnvironment(), shards);
    if (!scheduled.problem.isEmpty()) {
        fail(command, scheduled.problem, kBadArguments);
        return false;
    }
    if (scheduled.shard) {
        shard = *scheduled.shard;
        out() << "shard " << shard.text() << " (from " << scheduled.source << ')' << Qt::endl;
    } else if (shards > 1) {
        fail(command, QStringLiteral("--shards needs JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); elsewhere give --shard K/N"),
             kBadArguments);
        return false;
    } else {
        out() << "all images (no --shard, and no scheduler's array task in the environment)" << Qt::endl;
    }
    return true;
}

} // namespace

int extractCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("extract");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Compute into the bottleneck cache the features that train would read with the same options "
                       "(weights, layer, precision, augmentation, fine-tuning's cut), without training: one task of "
                       "a cluster job. With --shard K/N only the images whose path below the class folders hashes to "
                       "K are read, so N tasks share the work without overlap. Without --shard the shard comes from "
                       "a Slurm job array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT) or a "
                       "Kubernetes Indexed Job (JOB_COMPLETION_INDEX with --shards N). Images already cached are "
                       "only hashed, so a task that died is simply run again. Merge the tasks' cache folders with "
                       "'retrain-cli cache merge'. The head's training options are accepted, so that one set of options "
                       "serves extract and train, and play no part here."));
    const RunCommandOptions common(parser);
    const QCommandLineOption shardOption(QStringLiteral("shard"),
                                         QStringLiteral("Take shard K of N (0 <= K < N)."), QStringLiteral("K/N"));
    const QCommandLineOption shardsOption(QStringLiteral("shards"),
                                          QStringLiteral("How many shards a Kubernetes Indexed Job has (its completions)."),
                                          QStringLiteral("N"));
    parser.addOption(shardOption);
    parser.addOption(shardsOption);
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    TrainingRunOptions options;
    if (!common.read(command, options))
        return kBadArguments;
    Shard shard;
    if (!chooseShard(command, parser, shardOption, shardsOption, shard))
        return kBadArguments;

    int code = kSuccess;
    std::optional<Backbone> backbone = common.load(command, options, code);
    if (!backbone)
        return code;

    TrainingRunCallbacks callbacks;
    FeatureProgress progress(callbacks, false);
    TrainingRun run;
    try {
        run = fillRunCache(*backbone, options, shard, callbacks);
    } catch (const std::invalid_argument &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    } catch (const std::runtime_error &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
    progress.finish();
    const QString cacheRoot = options.cacheRoot.isEmpty() ? BottleneckCache::defaultRoot() : options.cacheRoot;
    out() << (shard.whole() ? QStringLiteral("all") : QStringLiteral("shard ") + shard.text()) << ": "
          << run.dataset.images.size() << " images; features: " << featureCounts(run) << ", into "
          << QDir::toNativeSeparators(cacheRoot) << Qt::endl;
    for (const QString &skipped : run.dataset.skipped)
        err() << "skipped " << skipped << Qt::endl;
    return kSuccess;
}

} // namespace rs::cli
