#include "cli.h"
#include "commands.h"
#include "data/dataset.h"
#include "features/extraction.h"
#include "io/atomicfile.h"
#include "io/npy.h"
#include "reporting.h"
#include "splitoption.h"
#include "terminal.h"
#include "weightsoption.h"

#include <QElapsedTimer>

namespace rs::cli {
namespace {

// One line per row of the .npy file: its image, and for images of class folders the label,
// class name and subset (as --split-key and the percentages split them). Tab-separated with a header, so numpy.genfromtxt,
// pandas.read_csv(sep="\t") or a spreadsheet read it.
QByteArray rowsTable(const ExtractionResult &result, const QStringList &paths, const Dataset *dataset)
{
    QByteArray table = "row\tlabel\tclass\tsubset\tpath\n";
    for (std::size_t r = 0; r < result.sourceIndex.size(); ++r) {
        const int source = result.sourceIndex[r];
        QString line = QString::number(r);
        if (dataset) {
            const ImageEntry &image = dataset->images[std::size_t(source)];
            line += QLatin1Char('\t') + QString::number(image.label) + QLatin1Char('\t') + dataset->classes[image.label]
                    + QLatin1Char('\t') + QLatin1String(subsetName(image.subset));
        } else {
            line += QStringLiteral("\t-1\t\t");
        }
        // Tabs and line breaks are legal in file names but not in this table.
        QString path = paths[source];
        path.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        table += QString(line + QLatin1Char('\t') + path + QLatin1Char('\n')).toUtf8();
    }
    return table;
}

QString tablePath(const QString &npyPath)
{
    return (npyPath.endsWith(QLatin1String(".npy")) ? npyPath.chopped(4) : npyPath) + QStringLiteral(".tsv");
}

} // namespace

int featuresCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("features");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the pooled features of images at one layer as a float32 .npy file of shape "
                       "[images, features], in the order given, and beside it a .tsv file naming each row's "
                       "image (with --image_dir also its label, class and subset). Each image is "
                       "resized whole to 299x299 (antialiased bilinear, as PIL) and scaled to [-1, 1]. "
                       "Unreadable images are reported and skipped; the exit status is then 1."));
    WeightsOption weights(parser);
    const QCommandLineOption layer(
        QStringLiteral("layer"),
        QStringLiteral("bottleneck (default: 2048-d pool after Mixed_7c), logits, or a stage such as "
                       "Mixed_6e (average-pooled)."),
        QStringLiteral("NAME"), Backbone::kBottleneck);
    const QCommandLineOption output(QStringLiteral("out"),
                                    QStringLiteral("The .npy file to write; the row table goes to the same name with .tsv."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption imageDir({QStringLiteral("image-dir"), QStringLiteral("image_dir")},
                                      QStringLiteral("A folder of class folders (as train takes): every image, "
                                                     "labelled. Repeatable."),
                                      QStringLiteral("DIR"));
    parser.addOption(layer);
    parser.addOption(output);
    parser.addOption(imageDir);
    const SplitOption splitOption(parser);
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Image files."), QStringLiteral("[IMAGE...]"));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    QStringList images = parser.positionalArguments();
    std::optional<Dataset> dataset;
    if (parser.isSet(imageDir)) {
        if (!images.isEmpty())
            return fail(command, QStringLiteral("give --image_dir or IMAGE files, not both"), kBadArguments);
        SplitOptions split;
        if (!splitOption.read(command, split))
            return kBadArguments;
        dataset = scanDataset(parser.values(imageDir), split);
        for (const QString &skipped : dataset->skipped)
            err() << "skipped " << skipped << Qt::endl;
        for (const ImageEntry &image : dataset->images)
            images << image.path;
    }
    if (!parser.isSet(output) || images.isEmpty())
        return fail(command, QStringLiteral("needs --out FILE and at least one IMAGE (or --image_dir DIR with images)"),
                    kBadArguments);
    try {
        Backbone::checkLayer(parser.value(layer));
    } catch (const std::invalid_argument &e) {
        return fail(command, QString::fromStdString(e.what()), kBadArguments);
    }
    if (const QString problem = unwritableOutput({parser.value(output)}); !problem.isEmpty())
        return fail(command, problem, kFailure);

    int code = kSuccess;
    const std::optional<Backbone> backbone = weights.load(command, code);
    if (!backbone)
        return code;

    Progress progress(command, images.size());
    ExtractionOptions options;
    options.layer = parser.value(layer);
    options.precision = weights.precision();
    options.progress = [&](const ExtractionProgress &p) { progress.advance(p.done); };
    QElapsedTimer clock;
    clock.start();
    const ExtractionResult result = extractFeatures(*backbone, images, options);
    const double seconds = clock.elapsed() / 1000.0;
    progress.finish();
    for (const QString &error : result.errors)
        err() << "skipped " << error << Qt::endl;
    if (result.features.rows == 0)
        return fail(command, QStringLiteral("none of the images could be read"), kFailure);

    const QString table = tablePath(parser.value(output));
    try {
        writeNpy(parser.value(output), {{result.features.rows, result.features.cols}, result.features.values});
        writeFileAtomically(table, rowsTable(result, images, dataset ? &*dataset : nullptr));
    } catch (const std::runtime_error &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
    out() << "wrote " << result.features.rows << " x " << result.features.cols << " features to "
          << parser.value(output) << " and their images to " << table << '\n'
          << "features: " << result.features.rows << " images in " << QString::number(seconds, 'f', 1) << " s ("
          << throughputSummary(weights.precision(), int(result.features.rows), seconds) << ')' << Qt::endl;
    return result.errors.isEmpty() ? kSuccess : kFailure;
}

} // namespace rs::cli
