#include "cli.h"
#include "commands.h"
#include "extraction.h"
#include "npy.h"
#include "terminal.h"
#include "weightsoption.h"

namespace rs::cli {

int featuresCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("features");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the pooled features of images at one layer as a float32 .npy file of shape "
                       "[images, features], in the order given. Each image is resized whole to 299x299 "
                       "(antialiased bilinear, as PIL) and scaled to [-1, 1]. Unreadable images are "
                       "reported and skipped; the exit status is then 1."));
    WeightsOption weights(parser);
    const QCommandLineOption layer(
        QStringLiteral("layer"),
        QStringLiteral("bottleneck (default: 2048-d pool after Mixed_7c), logits, or a stage such as "
                       "Mixed_6e (average-pooled)."),
        QStringLiteral("NAME"), Backbone::kBottleneck);
    const QCommandLineOption output(QStringLiteral("out"), QStringLiteral("The .npy file to write."),
                                    QStringLiteral("FILE"));
    parser.addOption(layer);
    parser.addOption(output);
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Image files."), QStringLiteral("IMAGE..."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const QStringList images = parser.positionalArguments();
    if (!parser.isSet(output) || images.isEmpty())
        return fail(command, QStringLiteral("needs --out FILE and at least one IMAGE"), kBadArguments);
    try {
        Backbone::checkLayer(parser.value(layer));
    } catch (const std::invalid_argument &e) {
        return fail(command, QString::fromStdString(e.what()), kBadArguments);
    }

    int code = kSuccess;
    const std::optional<Backbone> backbone = weights.load(command, code);
    if (!backbone)
        return code;

    Progress progress(command, images.size());
    ExtractionOptions options;
    options.layer = parser.value(layer);
    options.progress = [&](const ExtractionProgress &p) { progress.advance(p.done); };
    const ExtractionResult result = extractFeatures(*backbone, images, options);
    progress.finish();
    for (const QString &error : result.errors)
        err() << "skipped " << error << Qt::endl;
    if (result.features.rows == 0)
        return fail(command, QStringLiteral("none of the images could be read"), kFailure);

    try {
        writeNpy(parser.value(output), {{result.features.rows, result.features.cols}, result.features.values});
    } catch (const NpyError &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
    out() << "wrote " << result.features.rows << " x " << result.features.cols << " features to "
          << parser.value(output) << Qt::endl;
    return result.errors.isEmpty() ? kSuccess : kFailure;
}

} // namespace rs::cli
