#include "cli.h"
#include "commands.h"
#include "terminal.h"
#include "trainoptions.h"

#include <QJsonDocument>

namespace rs::cli {

int lrFindCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("lr-find");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Find a learning rate: a fresh classifier trains on the training images' features with the "
                       "given settings while the rate rises from %1 to %2 over %3 steps, and the smoothed training "
                       "loss is printed at each rate. Suggested: where the loss falls fastest. Nothing is kept; "
                       "features are cached for train.")
            .arg(kSweepFirstRate)
            .arg(kSweepLastRate)
            .arg(kSweepSteps));
    const RunCommandOptions common(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));
    parser.addOption(json);
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    TrainingRunOptions options;
    if (!common.read(command, options))
        return kBadArguments;

    int code = kSuccess;
    std::optional<Backbone> backbone = common.load(command, options, code);
    if (!backbone)
        return code;

    TrainingRunCallbacks callbacks;
    FeatureProgress progress(callbacks, parser.isSet(json));
    LearningRateSweep sweep;
    try {
        sweep = sweepRunLearningRate(*backbone, options, callbacks);
    } catch (const std::exception &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
    if (parser.isSet(json)) {
        out() << QJsonDocument(toJson(sweep)).toJson(QJsonDocument::Indented);
        return kSuccess;
    }
    // Every tenth rate is enough to see the curve's shape in a terminal.
    out() << "learning rate  smoothed loss\n";
    for (std::size_t i = 0; i < sweep.probes.size(); i += 10)
        out() << QString::number(sweep.probes[i].rate, 'e', 2).leftJustified(15)
              << QString::number(sweep.probes[i].loss, 'f', 4) << '\n';
    if (sweep.diverged)
        out() << "the loss blew up at " << QString::number(sweep.probes.back().rate, 'g', 3) << '\n';
    out() << "lowest loss at " << QString::number(sweep.lowest, 'g', 3) << "; suggested learning rate "
          << QString::number(sweep.suggested, 'g', 3) << " (where the loss falls fastest): --learning_rate "
          << QString::number(sweep.suggested, 'g', 3) << Qt::endl;
    return kSuccess;
}

} // namespace rs::cli
