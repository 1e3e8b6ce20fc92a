#include "weightsoption.h"

#include "base/processinfo.h"
#include "cli.h"
#include "images/image.h"
#include "terminal.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace rs::cli {

ComputeOption::ComputeOption(QCommandLineParser &parser)
    : m_parser(parser)
    , m_threads(QStringLiteral("threads"),
                QStringLiteral("Compute threads (default: all %1 cores).").arg(QThread::idealThreadCount()),
                QStringLiteral("N"), QString::number(QThread::idealThreadCount()))
    , m_precision(QStringLiteral("precision"),
                  QStringLiteral("Number format of the frozen network: bf16 (about twice as fast, features "
                                 "within cosine 0.9999 of fp32), fp32, or auto: bf16 where the CPU computes it "
                                 "natively (AVX512_BF16 or AMX; here: %1). The head always trains in fp32.")
                      .arg(precisionName(resolvePrecision(Precision::Auto))),
                  QStringLiteral("auto|fp32|bf16"), precisionName(Precision::Auto))
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
    if (!precisionFromName(m_parser.value(m_precision))) {
        fail(command, QStringLiteral("--precision must be auto, fp32 or bf16, not '%1'").arg(m_parser.value(m_precision)),
             kBadArguments);
        return false;
    }
    setComputeThreads(threads);
    // The default stays exact (PIL's 178 956 970), not 179 000 000.
    if (m_parser.isSet(m_maxMegapixels))
        setMaxImagePixels(std::int64_t(megapixels * 1e6));
    return true;
}

void ComputeOption::configure(Backbone &backbone) const
{
    backbone.setPrecision(precisionFromName(m_parser.value(m_precision)).value_or(Precision::Auto));
}

QString throughputSummary(const Backbone &backbone, int images, double seconds)
{
    return QStringLiteral("%1 img/s, %2, %3 threads, peak memory %4 MiB")
        .arg(QString::number(images / std::max(seconds, 1e-9), 'f', 1), precisionName(backbone.precision()))
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
        Backbone backbone = Backbone::untrained(seed);
        m_compute.configure(backbone);
        return backbone;
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
        Backbone backbone = Backbone::fromFile(path);
        m_compute.configure(backbone);
        return backbone;
    } catch (const WeightsError &e) {
        fail(command, QString::fromStdString(e.what()), exitCode);
        return std::nullopt;
    }
}

} // namespace rs::cli
