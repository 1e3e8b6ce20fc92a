#include "cli.h"
#include "commands.h"
#include "evaluation/evaluation.h"
#include "features/extraction.h"
#include "terminal.h"
#include "weightsoption.h"

#include <QDir>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace rs::cli {

namespace {

std::vector<float> softmax(const float *logits, std::int64_t n)
{
    const float top = *std::max_element(logits, logits + n);
    std::vector<float> p(static_cast<std::size_t>(n));
    double total = 0.0;
    for (std::int64_t i = 0; i < n; ++i)
        total += p[i] = std::exp(logits[i] - top);
    for (float &v : p)
        v = float(v / total);
    return p;
}

} // namespace

int classifyCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("classify");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run the ImageNet classifier itself on images and print the top ImageNet class "
                       "indices with their probabilities, and the time taken. A quick check that a "
                       "weights file and the image pipeline work."));
    WeightsOption weights(parser);
    const QCommandLineOption top(QStringLiteral("top"), QStringLiteral("How many classes to list (default 5)."),
                                 QStringLiteral("K"), QStringLiteral("5"));
    parser.addOption(top);
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Image files."), QStringLiteral("IMAGE..."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    bool ok = false;
    const int k = parser.value(top).toInt(&ok);
    if (!ok || k < 1 || k > 1000)
        return fail(command, QStringLiteral("--top needs a number from 1 to 1000"), kBadArguments);
    const QStringList images = parser.positionalArguments();
    if (images.isEmpty())
        return fail(command, QStringLiteral("needs at least one IMAGE"), kBadArguments);

    int code = kSuccess;
    QElapsedTimer loading;
    loading.start();
    const std::optional<Backbone> backbone = weights.load(command, code);
    if (!backbone)
        return code;
    const qint64 loadMs = loading.elapsed();

    QElapsedTimer running;
    running.start();
    ExtractionOptions options;
    options.layer = Backbone::kLogits;
    options.precision = weights.precision();
    const ExtractionResult result = extractFeatures(*backbone, images, options);
    const double seconds = running.elapsed() / 1000.0;

    for (std::int64_t r = 0; r < result.features.rows; ++r) {
        const std::vector<float> p = softmax(result.features.row(r), result.features.cols);
        out() << QDir::toNativeSeparators(images[result.sourceIndex[std::size_t(r)]]) << ':';
        for (const auto &[index, probability] : topClasses(p.data(), int(p.size()), k))
            out() << "  " << index << " (" << QString::number(probability, 'f', 3) << ')';
        out() << '\n';
    }
    for (const QString &error : result.errors)
        err() << "skipped " << error << Qt::endl;
    out() << "weights: " << backbone->weights().source << " (" << backbone->weights().format << ")\n"
          << "classified " << result.features.rows << " images in " << QString::number(seconds, 'f', 2)
          << " s (" << throughputSummary(weights.precision(), int(result.features.rows), seconds) << "); weights loaded in "
          << loadMs << " ms"
          << Qt::endl;
    return result.errors.isEmpty() ? kSuccess : kFailure;
}

} // namespace rs::cli
