#include "weightsoption.h"

#include "base/processinfo.h"
#include "cli.h"
#include "images/image.h"
#include "terminal.h"

#include <QDir>
#include <QThread>

namespace rs::cli {

ComputeOption::ComputeOption(QCommandLineParser &parser)
    : m_parser(parser)
    , m_threads(QStringLiteral("threads"),
                QStringLiteral("Compute threads (default: all %1 cores).").arg(QThread::idealThreadCount()),
                QStringLiteral("N"), QString::number(QThread::idealThreadCount()))
    , m_precision(QStringLiteral("precision"),
                  QStringLiteral("Number format of the frozen network: bf16 (about twice as fast, features "
                                 "within cosine 0.9999 of fp32), fp32, int8 (about twice as fast again, "
                                 "calibrated on 16 of the images; median cosine 0.9997 to fp32; single "
                                 "predictions stay in float), or auto: bf16 where the CPU computes it natively "
                                 "(AVX512_BF16 or AMX; here: %1). The head always trains in fp32.")
                      .arg(precisionName(resolvePrecision(Precision::Auto))),
                  QStringLiteral("auto|fp32|bf16|int8"), precisionName(Precision::Auto))
    , m_maxMegapixels(QStringLiteral("max-image-megapixels"),
                      QStringLiteral("Refuse images whose header declares more pixels than this, before decoding "
                                     "them (default %1, PIL's limit).")
                          .arg(double(kDefaultMaxImagePixels) / 1e6, 0, 'f', 0),
                      QStringLiteral("M"), QString::number(double(kDefaultMaxImagePixels) / 1e6, 'f', 0))
{
    parser.addOption(m_threads);
    parser.addOption(m_precision);
    parser.addOption(m_maxMegapixels);
}

bool ComputeOption::apply(const QString &command) const
{
    NumberReader number(m_parser, command);
    const int threads = number.integer(m_threads, 1, 1024);
    const double megapixels = number.real(m_maxMegapixels, 0.001, 1e6);
    if (!number.ok())
        return false;
    const std::optional<Precision> precision = precisionFromName(m_parser.value(m_precision));
    if (!precision) {
        fail(command, QStringLiteral("--precision must be auto, fp32, bf16 or int8, not '%1'").arg(m_parser.value(m_precision)),
             kBadArguments);
        return false;
    }
    if (*precision == Precision::Int8 && !int8Available()) {
        fail(command, QStringLiteral("--precision int8 is not available: this LibTorch has no quantized CPU engine"),
             kBadArguments);
        return false;
    }
    setComputeThreads(threads);
    // The default stays exact (PIL's 178 956 970), not 179 000 000.
    if (m_parser.isSet(m_maxMegapixels))
        setMaxImagePixels(std::int64_t(megapixels * 1e6));
    return true;
}

Precision ComputeOption::precision() const
{
    return precisionFromName(m_parser.value(m_precision)).value_or(Precision::Auto);
}

QString throughputSummary(Precision precision, int images, double seconds)
{
    return QStringLiteral("%1 img/s, %2, %3 threads, peak memory %4 MiB")
        .arg(QString::number(images / std::max(seconds, 1e-9), 'f', 1), precisionName(resolvePrecision(precision)))
        .arg(computeThreads())
        .arg(peakResidentBytes() >> 20);
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
    , m_compute(parser)
{
    parser.addOption(m_weights);
    parser.addOption(m_random);
}

std::optional<Backbone> WeightsOption::load(const QString &command, int &exitCode) const
{
    exitCode = kBadArguments;
    if (!m_compute.apply(command))
        return std::nullopt;
    const auto given = [this](const QCommandLineOption &option) {
        return m_parser.isSet(option) ? std::optional<QString>(m_parser.value(option)) : std::nullopt;
    };
    std::optional<WeightsSource> source;
    try {
        source = WeightsSource::fromFlags(given(m_weights), given(m_random));
    } catch (const std::invalid_argument &e) {
        fail(command, QString::fromStdString(e.what()), exitCode);
        return std::nullopt;
    }
    if (source->isRandom())
        err() << "warning: using UNTRAINED (random) weights, seed " << *source->randomSeed()
              << ": features carry no ImageNet knowledge" << Qt::endl;
    exitCode = kFailure;
    if (const QString problem = source->validate(); !problem.isEmpty() && source->isDefaultFile()) {
        fail(command, problem + QStringLiteral(" (--weights FILE, or --random-weights SEED)"), exitCode);
        return std::nullopt;
    }
    try {
        return source->load();
    } catch (const WeightsError &e) {
        fail(command, QString::fromStdString(e.what()), exitCode);
        return std::nullopt;
    }
}

} // namespace rs::cli
