#include "weightsoption.h"

#include "cli.h"
#include "terminal.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace rs::cli {

ThreadsOption::ThreadsOption(QCommandLineParser &parser)
    : m_parser(parser)
    , m_threads(QStringLiteral("threads"),
                QStringLiteral("Compute threads (default: all %1 cores).").arg(QThread::idealThreadCount()),
                QStringLiteral("N"), QString::number(QThread::idealThreadCount()))
{
    parser.addOption(m_threads);
}

bool ThreadsOption::apply(const QString &command) const
{
    NumberReader number(m_parser, command);
    const int threads = number.integer(m_threads, 1, 1024);
    if (number.ok())
        setComputeThreads(threads);
    return number.ok();
}

WeightsOption::WeightsOption(QCommandLineParser &parser)
    : m_parser(parser)
    , m_weights(QStringLiteral("weights"),
                QStringLiteral("InceptionV3 weights: a torchvision state dict (.pth). Default: %1")
                    .arg(QDir::toNativeSeparators(defaultWeightsPath())),
                QStringLiteral("FILE"))
    , m_random(QStringLiteral("random-weights"),
               QStringLiteral("Use untrained, randomly initialised weights with this seed "
                              "(for tests and demos: the features carry no ImageNet knowledge)."),
               QStringLiteral("SEED"))
    , m_threads(parser)
{
    parser.addOption(m_weights);
    parser.addOption(m_random);
}

std::optional<Backbone> WeightsOption::load(const QString &command, int &exitCode) const
{
    exitCode = kBadArguments;
    if (!m_threads.apply(command))
        return std::nullopt;

    if (m_parser.isSet(m_weights) && m_parser.isSet(m_random)) {
        fail(command, QStringLiteral("--weights and --random-weights exclude each other"), exitCode);
        return std::nullopt;
    }
    if (m_parser.isSet(m_random)) {
        bool ok = false;
        const qulonglong seed = m_parser.value(m_random).toULongLong(&ok);
        if (!ok) {
            fail(command, QStringLiteral("--random-weights needs a whole number seed"), exitCode);
            return std::nullopt;
        }
        err() << "warning: using UNTRAINED (random) weights, seed " << seed
              << ": features carry no ImageNet knowledge" << Qt::endl;
        return Backbone::untrained(seed);
    }

    exitCode = kFailure;
    const QString path = m_parser.isSet(m_weights) ? m_parser.value(m_weights) : defaultWeightsPath();
    if (!m_parser.isSet(m_weights) && !QFileInfo::exists(path)) {
        fail(command,
             QStringLiteral("no InceptionV3 weights at %1. Pass --weights FILE, or save torchvision's "
                            "%2 there (https://download.pytorch.org/models/%2), or use "
                            "--random-weights SEED for untrained weights.")
                 .arg(QDir::toNativeSeparators(path), officialWeightsFileName()),
             exitCode);
        return std::nullopt;
    }
    try {
        return Backbone::fromFile(path);
    } catch (const WeightsError &e) {
        fail(command, QString::fromStdString(e.what()), exitCode);
        return std::nullopt;
    }
}

} // namespace rs::cli
