#include "cli.h"

#include "commands.h"
#include "terminal.h"

#include <exception>
#include <functional>
#include <new>

namespace rs::cli {
namespace {

struct Command
{
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const std::vector<Command> &commands()
{
    static const std::vector<Command> list = {
        {"train", "Train a classifier on folders of images, evaluate it and export it.", trainCommand},
        {"lr-find", "Find a learning rate for train's settings: the loss as the rate rises.", lrFindCommand},
        {"audit", "Check a dataset's health: wrong-looking labels, duplicates and leaks, outliers.", auditCommand},
        {"report", "Turn a run report into one self-contained HTML page.", reportCommand},
        {"predict", "Classify images with an exported model.", predictCommand},
        {"evaluate", "Evaluate an exported model on a labelled folder.", evaluateCommand},
        {"inspect-weights", "Check an InceptionV3 weights file and print its fingerprint.", inspectWeightsCommand},
        {"download-weights", "Download torchvision's ImageNet InceptionV3 weights.", downloadWeightsCommand},
        {"features", "Write images' features at a layer to a .npy file.", featuresCommand},
        {"extract", "Fill the bottleneck cache as train would, for one shard of a cluster job.", extractCommand},
        {"cache", "Show or merge bottleneck cache folders.", cacheCommand},
        {"classify", "Print the top ImageNet classes of images (a quick check).", classifyCommand},
        {"sample-data", "Write the built-in Fashion-MNIST sample dataset.", sampleDataCommand},
    };
    return list;
}

void printUsage(QTextStream &stream)
{
    stream << "Usage: retrain-cli COMMAND [options]\n\n"
              "Train image classifiers by transfer learning from InceptionV3.\n\nCommands:\n";
    for (const Command &c : commands())
        stream << "  " << QString::fromLatin1(c.name).leftJustified(18) << c.summary << '\n';
    stream << "\n'retrain-cli COMMAND --help' describes a command.\n"
              "Exit status: 0 success, 1 failure, 2 bad arguments.\n"
           << Qt::flush;
}

// Commands catch what they expect; anything else (LibTorch's c10::Error, std::bad_alloc…)
// ends here as one line and exit status 1, not as an abort and a core dump.
int runGuarded(const Command &command, const QStringList &arguments)
{
    const QString name = QString::fromLatin1(command.name);
    try {
        return command.run(arguments);
    } catch (const std::bad_alloc &) {
        return fail(name, QStringLiteral("out of memory"), kFailure);
    } catch (const std::exception &e) {
        // LibTorch appends a C++ backtrace to its messages: the first line is the reason.
        const QString message = QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'), 0, 0).trimmed();
        return fail(name, message.isEmpty() ? QStringLiteral("unexpected error") : message, kFailure);
    } catch (...) {
        return fail(name, QStringLiteral("unexpected error"), kFailure);
    }
}

} // namespace

int run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << "retrain-cli " << RETRAIN_VERSION << Qt::endl;
        return kSuccess;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        printUsage(out());
        return kSuccess;
    }
    for (const Command &c : commands())
        if (first == QLatin1String(c.name))
            return runGuarded(c, arguments.mid(1));
    if (first.isEmpty())
        err() << "retrain-cli: no command given\n";
    else
        err() << "retrain-cli: unknown command '" << first << "'\n";
    printUsage(err());
    return kBadArguments;
}

} // namespace rs::cli
